"""SWV codes of a practice against the official regio-indeling (practices/referentie/swv.csv).

- a real practice names official codes only; an unknown code is refused with the nearest codes;
- a fictional practice (`voorbeeld: true`) names reserved codes only (province number 99,
  'PO 99-01'), so that nothing invented is attached to a real samenwerkingsverband;
- a gemeente of a real practice that lies in none of its SWVs gives a warning.

Warnings are Problems whose message starts with WARNING; the loader sorts them out.
"""

from __future__ import annotations

from macros.model.problems import WARNING, Problem
from macros.model.swv import FICTION_EXAMPLE, SwvIndex, is_fiction_code

TABLE = "practices/referentie/swv.csv"


def swv_findings(source, data, index: SwvIndex) -> list[Problem]:
    """Problems and warnings (message starts with WARNING) of one practice's `swv` and `gemeenten`."""
    codes = data.get("swv") if isinstance(data, dict) else None
    if not isinstance(codes, (list, tuple)) or not len(index):
        return []
    fiction = data.get("voorbeeld") is True
    out = []
    for i, code in enumerate(codes):
        if not isinstance(code, str) or len(code) != 8:
            continue  # not an SWV code at all: the shape check says so
        message = _fiction_message(code, index) if fiction else _real_message(code, index)
        if message:
            out.append(Problem(source.path, source.line(("swv", i)), f"swv[{i}]", message))
    if not fiction and not out:
        out += _outside_warnings(source, data, codes, index)
    return out


def _real_message(code: str, index: SwvIndex) -> str | None:
    if code in index:
        return None
    if is_fiction_code(code):
        return (f"'{code}' is een code voor fictieve voorbeelden (provincienummer 99). Een echte praktijk noemt de "
                f"code van haar samenwerkingsverband uit de regio-indeling ({TABLE}); is dit een verzonnen "
                "voorbeeld, zet dan 'voorbeeld: true'.")
    near = [f"'{c}'" for c in index.nearest(code)]
    near = ", ".join(near[:-1]) + " of " + near[-1] if len(near) > 1 else "".join(near)
    return (f"'{code}' staat niet in de regio-indeling van de samenwerkingsverbanden ({TABLE}). "
            f"Bedoelde u {near}?")


def _fiction_message(code: str, index: SwvIndex) -> str | None:
    if is_fiction_code(code):
        return None
    example = FICTION_EXAMPLE.get(code[:2], "PO 99-01")
    why = ("is de code van een bestaand samenwerkingsverband" if code in index
           else "lijkt op een code van een samenwerkingsverband")
    return (f"'{code}' {why}, maar dit is een fictief voorbeeld (voorbeeld: true). Verzonnen afspraken mogen "
            f"niet aan een echte organisatie hangen. Gebruik een gereserveerde code met provincienummer 99, "
            f"zoals '{example}' (geen officiële code begint met 99).")


def _outside_warnings(source, data, codes, index: SwvIndex) -> list[Problem]:
    inside = {g for code in codes for g in index.gemeenten(code)}
    gemeenten = data.get("gemeenten")
    if not isinstance(gemeenten, (list, tuple)):
        return []
    named = " of ".join(codes)
    return [Problem(source.path, source.line(("gemeenten", i)), f"gemeenten[{i}]",
                    f"{WARNING}{index.named(g)} valt volgens de regio-indeling niet onder {named}. Controleer de gemeente, of "
                    "voeg het samenwerkingsverband toe waaronder zij valt (zie practices/referentie/swv-gemeenten.csv).")
            for i, g in enumerate(gemeenten) if isinstance(g, str) and g.startswith("GM") and g not in inside]
