"""The zelfscan page: a region answers the comparison questions of the schema and sees itself
beside the practices that are most alike, with what to take from them per theme.

Everything the page needs is computed here as plain data (`scan_data`) and embedded in the
page as JSON; `docs/assets/zelfscan.js` reads it, keeps the answers in the browser and draws
the result. Nothing is fetched after the page has loaded and nothing is sent anywhere.

The ranking rule exists once as data and twice as arithmetic. What a question is (its kind,
the order of an ordered scale, the range of a number, which code means "not known") is
derived from the schema here, once, and both `most_alike` below and the script read that
same `questions` data; neither has a weight or a list of its own. The arithmetic itself (a
dozen lines: add the per-question distances, sort) has to run in the browser, where the
answers are, and in Python for the tests; it is written the same way in both, step for step,
so the floating-point sums agree, and `tests/test_zelfscan.py` checks that the page and
`most_alike` pick the same practices. (Running the script in Python, or shipping Python to
the browser, would cost more than these few mirrored lines.)

Answers are a dict keyed by question (`"geoorloofd_verzuim.dekking"`, the schema path
joined with dots), plus `"regio"` and `"onderwijssoort"`. A missing key, an empty value and
the code `onbekend` all mean "weet ik niet".
"""

from __future__ import annotations

import math

from macros.model.catalog import Record
from macros.model.schema import Field
from macros.render.context import RenderContext
from macros.render.env import rel
from macros.render.fiction import is_fictional
from macros.render.markdown_page import front
from macros.render.map import name_sort_key
from macros.render.tables import DEKKING_ICON

PAGE_URL = "zelfscan/"
FORM_ID = "kb-zelfscan"
# Codelists whose codes lie on an ordered scale, from least to most arranged.
SCALES = {"dekking": ("nee", "deels", "ja")}
UNKNOWN = "onbekend"            # the code that means "not known" in any codelist that has it
LEFT_OUT_STATUS = ("beeindigd",)  # ended practices are history, not examples
REGION_FIELDS = ("regio", "onderwijssoort")   # asked besides the comparison questions
MOST_ALIKE = 3
EXAMPLES_SHOWN = 5              # practices named per question in "wat u kunt overnemen"
STORAGE_KEY = "kennisbank-zelfscan"
MARKER = "# kennisbank-zelfscan"  # the first line of a downloaded file; an upload must have it
SCRIPT = "assets/zelfscan.js"     # loaded on this page only (front matter `scripts`, overrides/main.html)
# The result puts five columns side by side: the table of contents makes way (front matter `hide`), so they
# fit the column of a laptop beside the navigation.
SHORT_TEXT = 200                # characters of a practice's free text shown beside the answers


# --- the questions -------------------------------------------------------------------------

def _key(f: Field) -> str:
    return ".".join(p for p in f.path if p != "*")


def _kind(f: Field) -> str:
    listed = f.spec.get("x-codelijst")
    if "*" in f.path:
        if not listed:
            raise ValueError(f"zelfscan: comparison field {_key(f)} is a list without a codelist")
        return "codes"
    if listed:
        return "schaal" if listed in SCALES else "code"
    if f.spec.get("type") in ("integer", "number"):
        return "getal"
    if f.spec.get("type") == "string":
        return "tekst"
    raise ValueError(f"zelfscan: comparison field {_key(f)} has a type the zelfscan cannot ask ({f.spec.get('type')})")


def _span(ctx: RenderContext, f: Field) -> float:
    """The range a number is measured against: the schema's bounds, else the values the practices use."""
    if "minimum" in f.spec and "maximum" in f.spec and f.spec["maximum"] > f.spec["minimum"]:
        return float(f.spec["maximum"] - f.spec["minimum"])
    values = [v for r in ctx.catalog.practices if isinstance(v := r.get(*f.path), (int, float))]
    return float(max(values) - min(values)) if len(values) > 1 and max(values) > min(values) else 1.0


def question(ctx: RenderContext, f: Field, theme: str | None) -> dict:
    """One question as plain data: for the form, the ranking (Python and script) and the YAML."""
    kind, listed, key = _kind(f), f.spec.get("x-codelijst"), _key(f)
    codes = ctx.catalog.codelists[listed] if listed else ()
    out = {"sleutel": key, "pad": [p for p in f.path if p != "*"], "thema": theme, "soort": kind,
           "titel": f.title, "omschrijving": f.spec.get("description", ""), "html_id": "zs-" + key.replace(".", "-"),
           "keuzes": [[c.code, c.label] for c in codes if c.code != UNKNOWN],
           "labels": {c.code: c.label for c in codes}, "onbekend_code": any(c.code == UNKNOWN for c in codes)}
    if kind == "schaal":
        out["schaal"] = list(SCALES[listed])
    if listed == "dekking":
        out["iconen"] = dict(DEKKING_ICON)
    if kind == "getal":
        out.update(min=f.spec.get("minimum"), max=f.spec.get("maximum"), bereik=_span(ctx, f),
                   geheel=f.spec.get("type") == "integer")
    if kind == "tekst":
        out["lengte"] = f.spec.get("maxLength")
    return out


def questions(ctx: RenderContext) -> list[dict]:
    """The comparison questions, theme by theme in codelist order, fields in schema order."""
    return [question(ctx, f, theme) for theme in ctx.compare_themes() for f in ctx.compare_fields(theme)]


def region_questions(ctx: RenderContext) -> list[dict]:
    by_key = {_key(f): f for f in ctx.fields["praktijk"]}
    return [question(ctx, by_key[name], None) for name in REGION_FIELDS]


SWV_HELP = {"swv": "Vink de samenwerkingsverbanden van uw regio aan. Kiest u hierboven een samenwerkingsverband, "
                   "dan staat het hier al aangevinkt.",
            "gemeenten": "Vink de gemeenten van uw regio aan. Kiest u hierboven een samenwerkingsverband, dan staan "
                         "zijn gemeenten hier al aangevinkt; haal weg wat niet meedoet."}


def swv_questions(ctx: RenderContext) -> list[dict]:
    """The SWVs and gemeenten of the region, as lists of codes from the regio-indeling (none without it).
    They go into the downloaded file; the ranking does not use them."""
    if not len(ctx.catalog.swv):
        return []
    by_key = {_key(f): f for f in ctx.fields["praktijk"]}
    gemeenten = sorted(ctx.catalog.gemeenten.values(), key=lambda g: (name_sort_key(g.naam), g.code))
    choices = {"swv": [[c, c] for c in ctx.catalog.swv.codes()], "gemeenten": [[g.code, g.naam] for g in gemeenten]}
    return [{"sleutel": key, "pad": [key], "thema": None, "soort": "codes", "titel": by_key[key].title,
             "omschrijving": SWV_HELP[key], "html_id": f"zs-{key}", "keuzes": keuzes, "labels": dict(keuzes),
             "onbekend_code": False} for key, keuzes in choices.items() if key in by_key]


def swv_chooser(ctx: RenderContext) -> dict:
    """'Kies uw samenwerkingsverband': per onderwijssoort each SWV with the names of its gemeenten (to find
    it by), and per SWV the gemeenten the script ticks (certain rows of the regio-indeling only)."""
    swv = ctx.catalog.swv
    groups = [{"title": title, "options": [{"code": code, "label": f"{code}: {', '.join(m.naam for m in swv.members[code])}"}
                                           for code in swv.codes(kind)]}
              for kind, title in (("po", "Primair onderwijs"), ("vo", "Voortgezet onderwijs"))]
    ticks = {code: [m.gemeente for m in members if not m.uncertain] for code, members in swv.members.items()}
    return {"groups": [g for g in groups if g["options"]], "gemeenten": ticks}


# --- the ranking rule ------------------------------------------------------------------------

def known(value) -> bool:
    """False for no answer: nothing, 'onbekend', an empty list or a list of only 'onbekend' (avg_grondslag)."""
    if isinstance(value, (list, tuple)):
        return list(value) not in ([], [UNKNOWN])
    return value not in (None, "", UNKNOWN)


def distance(q: dict, a, b) -> float | None:
    """How far two answers to one question lie apart, 0 to 1; None when it does not count."""
    if q["soort"] == "tekst" or not known(a) or not known(b):
        return None
    if q["soort"] == "schaal" and a in q["schaal"] and b in q["schaal"]:
        return abs(q["schaal"].index(a) - q["schaal"].index(b)) / (len(q["schaal"]) - 1)
    if q["soort"] in ("schaal", "code"):
        return 0.0 if a == b else 1.0
    if q["soort"] == "codes":
        ours, theirs = set(a), set(b)
        return 1 - len(ours & theirs) / len(ours | theirs)
    return min(1.0, abs(a - b) / q["bereik"])


def rounded(total: float) -> float:
    """Six decimals, the same way as the script's Math.round (so ties are ties in both)."""
    return math.floor(total * 1e6 + 0.5) / 1e6


def eligible(ctx: RenderContext) -> list[Record]:
    """The practices a region is compared with: not ended, not replaced by a newer one."""
    return [r for r in ctx.catalog.practices
            if r.get("status") not in LEFT_OUT_STATUS and r.id not in ctx.replaced_by]


def practice_answers(r: Record, qs: list[dict]) -> dict:
    out = {}
    for q in qs:
        value = r.get(*q["pad"])
        if value is not None and value != ():
            out[q["sleutel"]] = list(value) if isinstance(value, tuple) else value
    return out


def score(qs: list[dict], answers: dict, theirs: dict) -> tuple[float, int]:
    """(total distance, number of questions that counted)."""
    total, counted = 0.0, 0
    for q in qs:
        d = distance(q, answers.get(q["sleutel"]), theirs.get(q["sleutel"]))
        if d is not None:
            total, counted = total + d, counted + 1
    return rounded(total), counted


def group(ours, theirs) -> int:
    """0 when the practice shares an onderwijssoort with the region (or the region gave none)."""
    return 0 if not ours or set(ours) & set(theirs) else 1


def ranked(ctx: RenderContext, answers: dict) -> list[dict]:
    """Every eligible practice, most alike first: same onderwijssoort, then distance, then id."""
    qs = questions(ctx)
    rows = []
    for r in eligible(ctx):
        total, counted = score(qs, answers, practice_answers(r, qs))
        rows.append({"id": r.id, "groep": group(answers.get("onderwijssoort"), r.get("onderwijssoort", default=())),
                     "afstand": total, "vergeleken": counted})
    return sorted(rows, key=lambda row: (row["groep"], row["afstand"], row["id"]))


def most_alike(ctx: RenderContext, answers: dict, n: int = MOST_ALIKE) -> list[str]:
    return [row["id"] for row in ranked(ctx, answers)[:n]]


# How alike, in words: the mean distance per compared question (0 the same, 1 wholly different) at
# most the bound gives the word; above the last bound it is "weinig". The page states these bounds
# in its "Hoe berekenen we dit?" and zelfscan.js reads them from the page data (`gelijkenis`).
LIKENESS = ((0.25, "sterk"), (0.5, "matig"))
LIKENESS_REST = "weinig"


def likeness(distance: float, compared: int) -> str | None:
    """'sterk', 'matig' or 'weinig'; None when no question could be compared."""
    if not compared:
        return None
    mean = distance / compared
    return next((word for bound, word in LIKENESS if mean <= bound), LIKENESS_REST)


def dutch_number(n: float) -> str:
    """2.54 -> '2,54', 0.5 -> '0,5', 2.0 -> '2' (the way zelfscan.js writes a number)."""
    return f"{round(n, 2):g}".replace(".", ",")


# --- the page --------------------------------------------------------------------------------

def _rel(target: str) -> str:
    return rel(PAGE_URL, target)


def _themes(ctx: RenderContext, qs: list[dict]) -> list[dict]:
    catalog = ctx.catalog
    codes = {c.code: c for c in catalog.codelists["themas"]}
    return [{"code": t, "label": codes[t].label, "omschrijving": codes[t].omschrijving,
             "url": _rel(f"themas/{t}/"), "tabel": _rel(f"vergelijken/#{t}"),
             "vragen": [q["sleutel"] for q in qs if q["thema"] == t],
             "sjablonen": [{"id": s.id, "titel": s.get("titel"), "url": _rel(f"sjablonen/{s.id}/")}
                           for s in catalog.templates if t in s.get("themas", default=())]}
            for t in ctx.compare_themes()]


def short(text: str) -> str:
    """Free text as the result shows it: whole words up to SHORT_TEXT characters (the practice
    page has the rest). Cut here, so the page does not carry every practice's full text."""
    if len(text) <= SHORT_TEXT:
        return text
    return text[:SHORT_TEXT].rsplit(" ", 1)[0] + " …"


def _shown_values(qs: list[dict], values: dict) -> dict:
    texts = {q["sleutel"] for q in qs if q["soort"] == "tekst"}
    return {k: short(v) if k in texts and isinstance(v, str) else v for k, v in values.items()}


def _evidence(ctx: RenderContext, r: Record) -> str:
    """The practice's evidence level as the advice names it ('Onderbouwd'), or '' without one."""
    level = r.get("onderbouwing", "niveau")
    return ctx.catalog.label("onderbouwing", level) if level else ""


def _practices(ctx: RenderContext, qs: list[dict]) -> list[dict]:
    return [{"id": r.id, "titel": r.get("titel"), "regio": r.get("regio"), "url": _rel(f"praktijken/{r.id}/"),
             "fictief": is_fictional(r), "onderbouwing": _evidence(ctx, r),
             "onderwijssoort": list(r.get("onderwijssoort", default=())),
             "waarden": _shown_values(qs, practice_answers(r, qs))}
            for r in eligible(ctx)]


def _required(ctx: RenderContext) -> list[str]:
    """Dotted paths of the required fields, top level and one block down (for the YAML comment)."""
    schema = ctx.catalog.schemas["praktijk"]
    out = list(schema["required"])
    for name, spec in schema["properties"].items():
        if spec.get("type") == "object":
            out += [f"{name}.{sub}" for sub in spec.get("required", ())]
    return out


def _order(ctx: RenderContext, asked: list[dict]) -> list[str]:
    """The asked keys in schema order, the order a record is written in."""
    position = {_key(f): i for i, f in enumerate(ctx.fields["praktijk"])}
    return sorted((q["sleutel"] for q in asked), key=lambda k: position[k])


def scan_data(ctx: RenderContext) -> dict:
    """Everything the script needs, as plain data; embedded in the page as JSON."""
    qs, region = questions(ctx), swv_questions(ctx) + region_questions(ctx)
    return {"swv_gemeenten": swv_chooser(ctx)["gemeenten"],"opslag": STORAGE_KEY, "kenmerk": MARKER, "formulier": FORM_ID, "onbekend": UNKNOWN,
            "meest": MOST_ALIKE, "voorbeelden": EXAMPLES_SHOWN, "kort": SHORT_TEXT,
            "vragen": qs, "regio": region, "themas": _themes(ctx, qs), "praktijken": _practices(ctx, qs),
            "verplicht": _required(ctx), "volgorde": _order(ctx, region + qs),
            "aanmelden": _rel("aanmelden/"),
            "gelijkenis": {"grenzen": [[bound, word] for bound, word in LIKENESS], "rest": LIKENESS_REST}}


def zelfscan_view(ctx: RenderContext) -> dict:
    data = scan_data(ctx)
    swv_keys = {q["sleutel"] for q in swv_questions(ctx)}
    return {"data": data, "region": [q for q in data["regio"] if q["sleutel"] not in swv_keys],
            "swv": {**swv_chooser(ctx), "questions": [q for q in data["regio"] if q["sleutel"] in swv_keys]}, "themes": [
        {**t, "questions": [q for q in data["vragen"] if q["thema"] == t["code"]]} for t in data["themas"]],
        "form_id": FORM_ID, "count": len(data["praktijken"]), "most": MOST_ALIKE,
        "likeness": [{"bound": dutch_number(bound), "word": word} for bound, word in LIKENESS],
        "likeness_rest": LIKENESS_REST,
        "compare_url": _rel("vergelijken/"), "submit_url": _rel("aanmelden/")}


def zelfscan_page(ctx: RenderContext) -> str:
    return (front("Zelfscan", "Zet de afspraken van uw regio naast de praktijken die het meest op u lijken, "
                  "en zie per thema wat u kunt overnemen.", scripts=[SCRIPT], hide=["toc"])
            + ctx.render_page("zelfscan.html", page=zelfscan_view(ctx)))
