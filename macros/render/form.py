"""The "Praktijk aanmelden" page: a form generated from the practice JSON Schema.

Every control comes from the schema's own keywords (`title`, `description`, `required`,
`x-codelijst`, `x-referentie`, ...), walked here into plain data that the templates
`submit.html` and `_submit_fields.html` present, so a new field or a whole new block in
`praktijk.schema.json` appears on the form without code changes.
The page embeds the schema, the codelists, the gemeenten and the project's extra rules
(role mailboxes, BSN test, ...) as JSON; `docs/assets/aanmelden.js` checks the input with
those same rules and builds the YAML record in the browser. Nothing is sent anywhere.

Conventions the script relies on: every control that produces a leaf value has `data-pad`
equal to the dotted schema path of that leaf ("*" for list items), `data-basis` naming its
base id (`<basis>-uitleg` is the help text, `<basis>-fout` the error message), and
`data-titel` with the field title.
"""

from __future__ import annotations

import json
from itertools import groupby

from markupsafe import Markup

from macros.checks import personal_data
from macros.checks import records as validation
from macros.model.urls import URL_SCHEMES
from macros.model.catalog import thaw
from macros.model.codes import ALIASES, fold
from macros.model.schema import Field
from macros.render.context import RenderContext
from macros.render.markdown_page import front

KIND = "praktijk"
EDITORS = "kennisbank@ingrado.nl"
EDITOR_GUIDE = "../redactie/"
# Top-level fields the submitter does not fill in and the script writes: a submission is a real practice.
AUTOMATIC = {"voorbeeld": False}
# Top-level blocks only the editors fill in, after their review. Not on the form, not checked by the
# script, and written into the record as a YAML comment that says so: a submission is never "reviewed".
EDITORS_FILL_IN = ("onderbouwing", "redactie")
# Preselected values where the schema has no `default`.
DEFAULTS = {"licentie": "CC-BY-4.0"}
# The noun for one row of a repeatable group ("Nog een partner toevoegen"); others are a "regel".
ROW_NOUNS = {"partners": "partner", "resultaten": "resultaat", "documenten": "document"}
# Arrays of objects that start with one empty row (the others start empty).
START_WITH_ROW = {"partners"}
# Extra help shown on the form only, after the schema's description.
FORM_NOTES = {
    "id": "Het formulier stelt een kenmerk voor op basis van de titel; u kunt het aanpassen.",
    "documenten.*.bestand": "Stuur het bestand mee als bijlage bij uw e-mail aan de redactie.",
}
OPTIONAL_BLOCK = "Dit blok is niet verplicht. Vult u er iets in, dan zijn de velden met (verplicht) ook nodig."
GEMEENTEN_HELP = "Typ een naam en kies Toevoegen (of druk op Enter); herhaal dat voor elke gemeente."
ROW = "__rij__"          # placeholder for the row number in a row template
LONG_TEXT = 300          # strings longer than this get a textarea


# --- small helpers ---------------------------------------------------------------------------

def _pad(path: tuple) -> str:
    return ".".join(path)


def _base(path: tuple, row: str | None) -> str:
    parts = [row if p == "*" else p for p in path] if row is not None else [p for p in path if p != "*"]
    return "veld-" + "-".join(parts)


def _sorted_records(records) -> list[tuple[str, str]]:
    return [(r.id, f"{r.get('titel')} ({r.id})") for r in sorted(records, key=lambda r: r.get("titel").lower())]


def _options(ctx: RenderContext, spec) -> list[tuple[str, str]] | None:
    """(value, label) for a field whose value is a code or a reference; None for free input."""
    catalog = ctx.catalog
    if spec.get("x-codelijst"):
        return [(c.code, c.label) for c in catalog.codelists[spec["x-codelijst"]]]
    if spec.get("x-referentie") == "rmc-regios":
        return [(c.code, f"{c.label} ({c.code})") for c in sorted(catalog.rmc_regios.values(), key=lambda c: c.code)]
    target = spec.get("x-verwijzing")
    if target == "praktijken":
        return _sorted_records(catalog.practices)
    if target == "sjablonen":
        return _sorted_records(catalog.templates)
    return None


def _limits(spec) -> str:
    """The schema's length and range limits as a Dutch sentence for the help text."""
    out = []
    low, high = spec.get("minLength"), spec.get("maxLength")
    if low and high:
        out.append(f"Minstens {low} en hoogstens {high} tekens.")
    elif high:
        out.append(f"Hoogstens {high} tekens.")
    elif low and low > 1:
        out.append(f"Minstens {low} tekens.")
    if spec.get("type") in ("integer", "number") and ("minimum" in spec or "maximum" in spec):
        kind = "Een heel getal" if spec["type"] == "integer" else "Een getal"
        if "minimum" in spec and "maximum" in spec:
            out.append(f"{kind} van {spec['minimum']} tot en met {spec['maximum']}.")
        elif "minimum" in spec:
            out.append(f"{kind} van minstens {spec['minimum']}.")
        else:
            out.append(f"{kind} van hoogstens {spec['maximum']}.")
    return " ".join(out)


def _text(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _node(kind: str, path: tuple, row: str | None, title: str, help_text: str, **more) -> dict:
    """What every control needs: its base id, schema path, title and help text."""
    return {"kind": kind, "base": _base(path, row), "pad": _pad(path), "title": title, "help": help_text, **more}


# --- one control per leaf field ----------------------------------------------------------------

def _leaf(ctx: RenderContext, f: Field, required: bool, marked: bool, row: str | None) -> dict:
    """A labelled control for one scalar leaf field; `marked` shows "(verplicht)" on the label."""
    spec, pad = f.spec, _pad(f.path)
    options = _options(ctx, spec)
    typed = options is None and spec.get("format") != "date"  # a choice or a date picker has no length to mind
    help_text = _text(spec.get("description", ""), _limits(spec) if typed else "", FORM_NOTES.get(pad, ""))
    node = _node("leaf", f.path, row, f.title, help_text, required=required, marked=marked)
    kind = spec.get("type")
    if options is not None:
        return {**node, "control": "select", "options": options, "selected": spec.get("default", DEFAULTS.get(pad))}
    if kind == "boolean":
        # a required checkbox would have to be ticked; a boolean is answered either way
        return {**node, "control": "checkbox", "required": False}
    if kind in ("integer", "number"):
        bounds = [(attr, str(spec[key])) for attr, key in (("min", "minimum"), ("max", "maximum")) if key in spec]
        return {**node, "control": "number", "step": "1" if kind == "integer" else "any", "bounds": bounds}
    if spec.get("format") == "date":
        return {**node, "control": "date"}
    if spec.get("maxLength", 0) > LONG_TEXT:
        return {**node, "control": "textarea", "rows": 8 if spec["maxLength"] > 2000 else 5}
    input_type = {"email": "email", "uri": "url"}.get(spec.get("format"), "text")
    return {**node, "control": "text", "input_type": input_type, "plain": pad == "id"}


def _list(ctx: RenderContext, f: Field, required: bool) -> dict:
    """An array of scalars: checkboxes (codes), the gemeente picker, or one value per line."""
    spec = f.spec
    options = _options(ctx, spec)
    if options is not None:
        return _node("choices", f.path, None, f.title, spec.get("description", ""), marked=required, options=options)
    if spec.get("x-referentie") == "gemeenten":
        # the text field only takes the next name, so it is not `required` itself
        return _node("gemeenten", f.path, None, f.title, _text(spec.get("description", ""), GEMEENTEN_HELP),
                     marked=required, names=gemeente_names(ctx))
    per_line = _limits(spec).replace(" tekens.", " tekens per regel.")
    return _node("lines", f.path, None, f.title, _text(spec.get("description", ""), "Eén per regel.", per_line),
                 required=required, marked=required)


def gemeente_names(ctx: RenderContext) -> list[str]:
    """Every official name, then the common names that differ from them (the picker's suggestions)."""
    names = sorted({g.naam for g in ctx.catalog.gemeenten.values()}, key=str.lower)
    official = {fold(n).replace("'", "") for n in names}
    return names + sorted(a.title() for a in ALIASES if fold(a).replace("'", "") not in official)


# --- groups ------------------------------------------------------------------------------------

def _controls(ctx: RenderContext, group: list[Field], node, prefix: tuple, chain_required: bool,
              row: str | None) -> list[dict]:
    """Controls for the fields under `node` (an object schema), grouped as the schema nests them."""
    out = []
    depth = len(prefix)
    for key, items in groupby(group, key=lambda f: f.path[depth]):
        items = list(items)
        if depth == 0 and (key in AUTOMATIC or key in EDITORS_FILL_IN):
            continue
        spec, own, path = node["properties"][key], key in node.get("required", ()), prefix + (key,)
        if spec.get("type") == "object":
            out.append(_object(ctx, items, spec, path, chain_required and own, row))
        elif spec.get("type") == "array" and spec["items"].get("type") == "object":
            out.append(_repeat(ctx, items, spec, path, own))
        elif spec.get("type") == "array":
            out.append(_list(ctx, items[0], chain_required and own))
        else:
            # Required inside an optional block: the label says so, the browser does not insist.
            out.append(_leaf(ctx, items[0], chain_required and own, own, row))
    return out


def _object(ctx: RenderContext, group: list[Field], spec, path: tuple, chain: bool, row: str | None) -> dict:
    help_text = _text(spec.get("description", ""), "" if chain else OPTIONAL_BLOCK)
    return _node("group", path, row, spec.get("title", path[-1]), help_text,
                 children=_controls(ctx, group, spec, path, chain, row))


def _repeat(ctx: RenderContext, group: list[Field], spec, path: tuple, own: bool) -> dict:
    """An array of objects: rows of fields, a template for new rows, add and remove buttons."""
    limit = spec.get("minItems", 0)
    needed = bool(own and limit)
    hint = f"Voeg er minstens {limit} toe." if needed else "Niet verplicht; voeg toe wat van toepassing is."

    def one_row(number: str) -> dict:
        return {"number": "" if number == ROW else number,
                "children": _controls(ctx, group, spec["items"], path + ("*",), True, number)}

    return _node("repeat", path, None, spec.get("title", path[-1]), _text(spec.get("description", ""), hint),
                 marked=needed, noun=ROW_NOUNS.get(path[-1], "regel"),
                 rows=[one_row("1")] if path[-1] in START_WITH_ROW else [], template=one_row(ROW))


def form_controls(ctx: RenderContext) -> list[dict]:
    """The whole form as plain data, in schema order."""
    schema = ctx.catalog.schemas[KIND]
    return _controls(ctx, list(ctx.fields[KIND]), schema, (), True, None)


# --- the data the script needs -----------------------------------------------------------------

def editors_comment(schema, name: str) -> list[str]:
    """YAML comment lines for a block the editors fill in: what it is, and its fields to fill."""
    spec = schema["properties"][name]
    lines = [f"# {spec.get('title', name)}: dit blok vult de redactie in, nadat zij het record heeft beoordeeld.",
             "# Zolang het ontbreekt, keurt `kennisbank validate` het record af en komt het niet op de site.",
             f"# {name}:"]
    for key, sub in spec.get("properties", {}).items():
        about = _text(sub.get("title", key) + ":", sub.get("description", ""), "(JJJJ-MM-DD)" if sub.get("format") == "date" else "")
        lines.append(f"#   {key}:".ljust(28) + f"  # {about}")
    return lines


def page_data(ctx: RenderContext) -> dict:
    """Everything the browser's validator needs, taken from the one source of each rule."""
    catalog = ctx.catalog
    schema = thaw(catalog.schemas[KIND])
    order = validation.DATE_ORDER
    return {
        "schema": schema,
        "automatisch": AUTOMATIC,
        "door_redactie": {name: editors_comment(schema, name) for name in EDITORS_FILL_IN
                          if name in schema["properties"]},
        "codelijsten": {name: [{"code": c.code, "label": c.label} for c in codes]
                        for name, codes in catalog.codelists.items()},
        "gemeenten": {g.code: g.naam for g in catalog.gemeenten.values()},
        "aliassen": dict(ALIASES),
        "rmc_regios": {c.code: c.label for c in catalog.rmc_regios.values()},
        "praktijken": sorted(r.id for r in catalog.practices),
        "sjabloonversies": {tid: sorted(versions, key=_version_key) for tid, versions in catalog.lock.items()},
        "regels": {
            "rolwoorden": list(personal_data.ROLE_WORDS),
            "gratis_mail": list(personal_data.FREE_MAIL),
            "bsn_patroon": validation.BSN_CANDIDATE.pattern,
            # A document link is a web address: of the schemes the validator allows, only http(s).
            "webadres_begin": [s for s in URL_SCHEMES if s.startswith("http")],
            "datumvolgorde": [{"eerst": _pad(a), "later": _pad(b), "waarom": why} for a, b, why in order],
        },
    }


def _version_key(version: str):
    """'1.10.0' after '1.2.0'; anything odd sorts first, as text."""
    parts = version.split(".")
    return (1, tuple(int(p) for p in parts), "") if all(p.isdigit() for p in parts) else (0, (), version)


def json_for_script(data: dict) -> Markup:
    """JSON that cannot end its <script> element or open a comment in it: '</' and '<!--' are escaped.

    Marked safe because a <script> element's text is not HTML-escaped (the browser would read
    '&#34;' literally); these two escapes are what keeps data from leaving the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("</", "<\\/").replace("<!--", "\\u003c!--"))


def submit_page(ctx: RenderContext) -> str:
    body = ctx.render_page("submit.html", controls=form_controls(ctx), data=json_for_script(page_data(ctx)),
                      editors=EDITORS, guide=EDITOR_GUIDE)
    return (front("Praktijk aanmelden", "Meld een goede praktijk van uw regio aan met een formulier. Uw browser maakt "
                  "het record; u stuurt het naar de redactie.") + body)
