"""Results (`resultaten`): each figure with its indicator's definition, unit and denominator, and
the comparison of figures between practices. Two figures stand side by side only when they have
the same indicator (so the same definition, unit and denominator) and the same period; where they
do not, the table says so.

Python computes; `_results_table.html` and `_results_comparison.html` present.
"""

from __future__ import annotations

import re

from macros.model.catalog import Record
from macros.render.context import RenderContext
from macros.render.env import dutch_date, dutch_number
from macros.render.fiction import is_fictional
from macros.render.tables import by_title

SCHOOL_YEAR = re.compile(r"^\d{4}-\d{4}$")
REFERENCE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_COMPARABLE = "niet vergelijkbaar: andere periode"


def period_text(period: str) -> str:
    """'2023-2024' -> 'schooljaar 2023-2024', '2024-10-01' -> 'peildatum 1 oktober 2024', '2023' -> 'kalenderjaar 2023'."""
    period = str(period)
    if SCHOOL_YEAR.match(period):
        return f"schooljaar {period}"
    if REFERENCE_DATE.match(period):
        return f"peildatum {dutch_date(period)}"
    return f"kalenderjaar {period}"


def period_key(period: str) -> str:
    """Sorts periods newest first alike: a school year by its end year, a date by itself, a year by its end."""
    period = str(period)
    if SCHOOL_YEAR.match(period):
        return f"{period[5:]}-08-01"
    if REFERENCE_DATE.match(period):
        return period
    return f"{period}-12-31"


def indicator(ctx: RenderContext, code: str) -> dict:
    """An indicator as the tables explain it: label, definition, unit and what it is counted per."""
    found = next((c for c in ctx.catalog.codelists.get("indicator", ()) if c.code == code), None)
    if found is None:
        return {"code": code, "label": code, "definitie": "", "eenheid": "", "per": "", "bronsoort": ""}
    return {"code": code, "label": found.label, "definitie": found.detail("definitie") or found.omschrijving,
            "eenheid": found.detail("eenheid"), "per": found.detail("per"), "bronsoort": found.detail("bronsoort")}


def value_text(info: dict, value) -> str:
    """'12 leerlingen', '4,1 vrijstellingen per 1.000 leerplichtigen'."""
    text = " ".join(p for p in (dutch_number(value), info["eenheid"]) if p)
    return f"{text} per {info['per']}" if info["per"] else text


def result_row(ctx: RenderContext, row) -> dict:
    info = indicator(ctx, row["indicator"])
    noemer = row.get("noemer")
    return {"indicator": info, "waarde": value_text(info, row["waarde"]),
            "noemer": dutch_number(noemer) if noemer is not None else "", "periode": period_text(row["periode"]),
            "bron": row["bron"], "toelichting": row.get("toelichting", "")}


def result_rows(ctx: RenderContext, rows) -> list[dict]:
    """A practice's results, by indicator label and newest period first."""
    ordered = sorted(rows, key=lambda r: period_key(r["periode"]), reverse=True)
    ordered = sorted(ordered, key=lambda r: indicator(ctx, r["indicator"])["label"].lower())
    return [result_row(ctx, r) for r in ordered]


def has_noemer(rows) -> bool:
    """Whether a table of these result rows needs its Noemer column: an empty column costs a phone's width."""
    return any(row["noemer"] for row in rows)


def comparison(ctx: RenderContext, practices) -> list[dict]:
    """Per indicator that has figures: its groups of figures per period, newest first. A group of two or
    more practices is comparable; a lone figure says why it is not (another period than the rest)."""
    found: dict[str, dict[str, list]] = {}
    for record in by_title(ctx, practices):
        for row in record.get("resultaten") or ():
            found.setdefault(row["indicator"], {}).setdefault(str(row["periode"]), []).append((record, row))
    out = []
    for code in sorted(found, key=lambda c: indicator(ctx, c)["label"].lower()):
        periods = sorted(found[code], key=period_key, reverse=True)
        groups = [_group(ctx, period, found[code][period], len(periods)) for period in periods]
        out.append({"indicator": indicator(ctx, code), "groups": groups,
                    "comparable": any(g["comparable"] for g in groups),
                    "noemer": has_noemer(row for g in groups for row in g["rows"])})
    return out


def _group(ctx: RenderContext, period: str, entries: list, periods: int) -> dict:
    practices = {record.id for record, _ in entries}
    comparable = len(practices) > 1
    if comparable:
        status = "vergelijkbaar: zelfde definitie, eenheid en periode"
    elif periods > 1:
        status = NOT_COMPARABLE
    else:
        status = "niet vergelijkbaar: geen andere praktijk met een cijfer over deze periode"
    return {"periode": period_text(period), "comparable": comparable, "status": status,
            "rows": [dict(result_row(ctx, row), **_practice(record)) for record, row in entries]}


def _practice(record: Record) -> dict:
    return {"url": f"praktijken/{record.id}/", "titel": record.get("titel"), "fictief": is_fictional(record)}
