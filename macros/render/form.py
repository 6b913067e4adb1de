"""The "Praktijk aanmelden" page: a form generated from the practice JSON Schema.

Every control comes from `macros.schema.fields` and the schema's own keywords
(`title`, `description`, `required`, `x-codelijst`, `x-referentie`, ...), so a
new field in `praktijk.schema.json` appears on the form without code changes.
The page embeds the schema, the codelists, the gemeenten and the project's extra
rules (role mailboxes, BSN test, ...) as JSON; `docs/assets/aanmelden.js` checks
the input with those same rules and builds the YAML record in the browser.
Nothing is sent anywhere.

Conventions the script relies on: every control that produces a leaf value has
`data-pad` equal to the dotted schema path of that leaf ("*" for list items),
`data-basis` naming its base id (`<basis>-uitleg` is the help text, `<basis>-fout`
the error message), and `data-titel` with the field title.
"""

from __future__ import annotations

import json
from itertools import groupby

from macros.model.catalog import Catalog, thaw
from macros.model.codes import ALIASES, fold
from macros.render.html import esc
from macros.render.markdown_page import front
from macros.model.schema import Field, fields
from macros.checks import records as validation

KIND = "praktijk"
EDITORS = "kennisbank@ingrado.nl"
EDITOR_GUIDE = "../redactie/"
# Top-level fields the submitter does not fill in: the script writes them.
AUTOMATIC = {"voorbeeld": False, "redactie": {"organisatie": "Ingrado"}}
# Preselected values where the schema has no `default`.
DEFAULTS = {"licentie": "CC-BY-4.0"}
# The noun for one row of a repeatable group ("Nog een partner toevoegen").
ROW_NOUNS = {"partners": "partner", "resultaten": "resultaat", "documenten": "document"}
# Arrays of objects that start with one empty row (the others start empty).
START_WITH_ROW = {"partners"}
# Extra help shown on the form only, after the schema's description.
FORM_NOTES = {
    "id": "Het formulier stelt een kenmerk voor op basis van de titel; u kunt het aanpassen.",
    "documenten.*.bestand": "Stuur het bestand mee als bijlage bij uw e-mail aan de redactie.",
}
ROW = "__rij__"          # placeholder for the row number in a row template
LONG_TEXT = 300          # strings longer than this get a textarea


# --- small helpers ---------------------------------------------------------------------------

def _pad(path: tuple) -> str:
    return ".".join(path)


def _base(path: tuple, row: str | None) -> str:
    parts = [row if p == "*" else p for p in path] if row is not None else [p for p in path if p != "*"]
    return "veld-" + "-".join(parts)


def _options(catalog: Catalog, spec: dict) -> list[tuple[str, str]] | None:
    """(value, label) for a field whose value is a code or a reference; None for free input."""
    if spec.get("x-codelijst"):
        return [(c.code, c.label) for c in catalog.codelists[spec["x-codelijst"]]]
    ref = spec.get("x-referentie")
    if ref == "rmc-regios":
        return [(c.code, f"{c.label} ({c.code})") for c in sorted(catalog.rmc_regios.values(), key=lambda c: c.code)]
    target = spec.get("x-verwijzing")
    if target == "praktijken":
        return [(r.id, f"{r.get('titel')} ({r.id})") for r in sorted(catalog.practices, key=lambda r: r.get("titel").lower())]
    if target == "sjablonen":
        return [(r.id, f"{r.get('titel')} ({r.id})") for r in sorted(catalog.templates, key=lambda r: r.get("titel").lower())]
    return None


def _limits(spec: dict) -> str:
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


def _help(base: str, *texts: str) -> str:
    text = " ".join(t for t in texts if t)
    return f'<p class="kb-uitleg" id="{esc(base)}-uitleg">{esc(text)}</p>' if text else ""


def _described(base: str, has_help: bool) -> str:
    ids = ([f"{base}-uitleg"] if has_help else []) + [f"{base}-fout"]
    return f'aria-describedby="{esc(" ".join(ids))}"'


def _error(base: str) -> str:
    return f'<p class="kb-fout" id="{esc(base)}-fout" hidden></p>'


def _marker(required: bool) -> str:
    return ' <span class="kb-verplicht">(verplicht)</span>' if required else ""


def _common(base: str, path: tuple, title: str, help_html: str) -> str:
    return (f'data-pad="{esc(_pad(path))}" data-basis="{esc(base)}" data-titel="{esc(title)}" '
            f'{_described(base, bool(help_html))}')


# --- one control per leaf field ----------------------------------------------------------------

def _leaf(catalog: Catalog, f: Field, spec: dict, required: bool, row: str | None) -> str:
    """A labelled control for one scalar leaf field."""
    base, title = _base(f.path, row), f.title
    help_html = _help(base, spec.get("description", ""), _limits(spec), FORM_NOTES.get(_pad(f.path), ""))
    common = _common(base, f.path, title, help_html)
    attrs = f'id="{esc(base)}" name="{esc(_pad(f.path))}" {common}' + (" required" if required else "")
    label = f'<label for="{esc(base)}">{esc(title)}{_marker(required)}</label>'
    options = _options(catalog, spec)
    default = spec.get("default", DEFAULTS.get(_pad(f.path)))
    kind = spec.get("type")
    if options is not None:
        items = "".join(f'<option value="{esc(v)}"{" selected" if v == default else ""}>{esc(t)}</option>'
                        for v, t in options)
        control = f'<select {attrs}><option value="">Kies…</option>{items}</select>'
    elif kind == "boolean":
        # a required checkbox would have to be ticked; a boolean is answered either way
        control = f'<input type="checkbox" id="{esc(base)}" name="{esc(_pad(f.path))}" {common} value="true">'
        return (f'<div class="kb-veld kb-veld--vinkje">{control} {label}{help_html}{_error(base)}</div>')
    elif kind in ("integer", "number"):
        bounds = "".join(f' {a}="{esc(spec[k])}"' for a, k in (("min", "minimum"), ("max", "maximum")) if k in spec)
        step = "1" if kind == "integer" else "any"
        control = f'<input type="number" step="{step}"{bounds} {attrs}>'
    elif spec.get("format") == "date":
        control = f'<input type="date" {attrs}>'
    elif spec.get("maxLength", 0) > LONG_TEXT:
        rows = 8 if spec["maxLength"] > 2000 else 5
        control = f'<textarea rows="{rows}" {attrs}></textarea>'
    else:
        html_type = {"email": "email", "uri": "url"}.get(spec.get("format"), "text")
        extra = ' autocomplete="off" spellcheck="false"' if _pad(f.path) == "id" else ""
        control = f'<input type="{html_type}"{extra} {attrs}>'
    return f'<div class="kb-veld">{label}{help_html}{_error(base)}{control}</div>'


def _list(catalog: Catalog, f: Field, required: bool) -> str:
    """An array of scalars: checkboxes (codes), the gemeente picker, or one value per line."""
    base, title, spec = _base(f.path, None), f.title, f.spec
    marker = _marker(required)
    options = _options(catalog, spec)
    if options is not None:
        help_html = _help(base, spec.get("description", ""))
        boxes = "".join(
            f'<li><input type="checkbox" id="{esc(base)}-{esc(v)}" name="{esc(_pad(f.path))}" value="{esc(v)}" '
            f'data-soort="keuzes" {_common(base, f.path, title, help_html)}> '
            f'<label for="{esc(base)}-{esc(v)}">{esc(t)}</label></li>' for v, t in options)
        return (f'<fieldset class="kb-veld kb-keuzes" id="{esc(base)}" {_described(base, bool(help_html))}>'
                f'<legend>{esc(title)}{marker}</legend>{help_html}{_error(base)}<ul>{boxes}</ul></fieldset>')
    if spec.get("x-referentie") == "gemeenten":
        # the text field only takes the next name, so it is not `required` itself
        required_aria = ' aria-required="true"' if required else ""
        help_html = _help(base, spec.get("description", ""),
                          "Typ een naam en kies Toevoegen (of druk op Enter); herhaal dat voor elke gemeente.")
        return (f'<div class="kb-veld kb-gemeenten" data-kb-gemeenten>'
                f'<label for="{esc(base)}">{esc(title)}{marker}</label>{help_html}{_error(base)}'
                f'<div class="kb-gemeenten__invoer"><input type="text" id="{esc(base)}" list="kb-gemeentenamen" '
                f'autocomplete="off" data-soort="gemeenten"{required_aria} '
                f'{_common(base, f.path, title, help_html)}> '
                f'<button type="button" class="md-button kb-knop" data-kb-gemeente-toevoegen>Toevoegen</button></div>'
                f'<p class="kb-sublabel" id="{esc(base)}-gekozen-kop">Gekozen gemeenten:</p>'
                f'<ul class="kb-gekozen" id="{esc(base)}-gekozen" aria-labelledby="{esc(base)}-gekozen-kop" '
                f'data-kb-gekozen><li class="kb-gekozen__leeg">Nog geen gemeenten gekozen.</li></ul>'
                f'{_gemeente_names(catalog)}</div>')
    per_line = _limits(spec).replace(" tekens.", " tekens per regel.")
    help_html = _help(base, spec.get("description", ""), "Eén per regel.", per_line)
    return (f'<div class="kb-veld"><label for="{esc(base)}">{esc(title)}{marker}</label>{help_html}{_error(base)}'
            f'<textarea rows="4" id="{esc(base)}" name="{esc(_pad(f.path))}" data-soort="regels"'
            f'{" required" if required else ""} {_common(base, f.path, title, help_html)}></textarea></div>')


def _gemeente_names(catalog: Catalog) -> str:
    names = sorted({g.naam for g in catalog.gemeenten.values()}, key=str.lower)
    official = {fold(n).replace("'", "") for n in names}
    aliases = sorted(a.title() for a in ALIASES if fold(a).replace("'", "") not in official)
    return ('<datalist id="kb-gemeentenamen">' + "".join(f'<option value="{esc(n)}"></option>' for n in names + aliases)
            + "</datalist>")


# --- groups ------------------------------------------------------------------------------------

def _render(catalog: Catalog, group: list[Field], node: dict, prefix: tuple, chain_required: bool,
            row: str | None) -> list[str]:
    """Controls for the fields under `node` (an object schema), grouped as the schema nests them."""
    out = []
    depth = len(prefix)
    for key, items in groupby(group, key=lambda f: f.path[depth]):
        items = list(items)
        spec = node["properties"][key]
        own = key in node.get("required", ())
        if depth == 0 and key in AUTOMATIC:
            continue
        path = prefix + (key,)
        if spec.get("type") == "object":
            out.append(_object(catalog, items, spec, path, chain_required and own, row))
        elif spec.get("type") == "array" and spec["items"].get("type") == "object":
            out.append(_repeat(catalog, items, spec, path, own))
        elif spec.get("type") == "array":
            out.append(_list(catalog, items[0], chain_required and own))
        elif own and not chain_required:
            # Required inside an optional block: the label says so, the browser does not insist.
            out.append(_leaf_optional_parent(catalog, items[0], spec, row))
        else:
            out.append(_leaf(catalog, items[0], spec, chain_required and own, row))
    return out


def _leaf_optional_parent(catalog: Catalog, f: Field, spec: dict, row: str | None) -> str:
    """A field required inside an optional block: marked, but no `required` attribute."""
    html = _leaf(catalog, f, spec, False, row)
    return html.replace("</label>", f"{_marker(True)}</label>", 1)


def _object(catalog: Catalog, group: list[Field], spec: dict, path: tuple, chain: bool, row: str | None) -> str:
    base = _base(path, row)
    note = "" if chain else ("Dit blok is niet verplicht. Vult u er iets in, dan zijn de velden met (verplicht) "
                             "ook nodig.")
    help_html = _help(base, spec.get("description", ""), note)
    inner = "".join(_render(catalog, group, spec, path, chain, row))
    described = f' aria-describedby="{esc(base)}-uitleg"' if help_html else ""
    return (f'<fieldset class="kb-groep" id="{esc(base)}" data-groep="{esc(_pad(path))}"{described}>'
            f'<legend>{esc(spec.get("title", path[-1]))}</legend>{help_html}{inner}</fieldset>')


def _repeat(catalog: Catalog, group: list[Field], spec: dict, path: tuple, own: bool) -> str:
    """An array of objects: rows of fields, a template for new rows, add and remove buttons."""
    key = _pad(path)
    base = _base(path, None)
    noun = ROW_NOUNS.get(path[-1], "regel")
    limit = spec.get("minItems", 0)
    needed = own and limit
    hint = f"Voeg er minstens {limit} toe." if needed else "Niet verplicht; voeg toe wat van toepassing is."
    help_html = _help(base, spec.get("description", ""), hint)

    def one_row(number: str) -> str:
        inner = "".join(_render(catalog, group, spec["items"], path + ("*",), True, number))
        return (f'<fieldset class="kb-rij" data-rij><legend>{esc(noun.capitalize())} <span data-rij-nummer>'
                f'{esc(number if number != ROW else "")}</span></legend>{inner}'
                f'<button type="button" class="md-button kb-knop kb-knop--verwijder" data-kb-rij-verwijderen>'
                f'{esc(noun.capitalize())} <span data-rij-nummer>{esc(number if number != ROW else "")}</span> '
                f'verwijderen</button></fieldset>')

    rows = one_row("1") if path[-1] in START_WITH_ROW else ""
    return (f'<fieldset class="kb-groep kb-herhaal" id="{esc(base)}" data-herhaal="{esc(key)}" '
            f'data-noun="{esc(noun)}" data-basis="{esc(base)}" data-titel="{esc(spec.get("title", path[-1]))}" '
            f'{_described(base, bool(help_html))}>'
            f'<legend>{esc(spec.get("title", path[-1]))}{_marker(bool(needed))}</legend>{help_html}{_error(base)}'
            f'<div class="kb-rijen" data-rijen>{rows}</div>'
            f'<template data-rij-sjabloon>{one_row(ROW)}</template>'
            f'<button type="button" class="md-button kb-knop" data-kb-rij-toevoegen>Nog een {esc(noun)} toevoegen'
            f'</button></fieldset>')


# --- the data the script needs -----------------------------------------------------------------

def page_data(catalog: Catalog) -> dict:
    """Everything the browser's validator needs, taken from the one source of each rule."""
    order = validation.DATE_ORDER
    return {
        "schema": thaw(catalog.schemas[KIND]),
        "automatisch": AUTOMATIC,
        "codelijsten": {name: [{"code": c.code, "label": c.label} for c in codes]
                        for name, codes in catalog.codelists.items()},
        "gemeenten": {g.code: g.naam for g in catalog.gemeenten.values()},
        "aliassen": dict(ALIASES),
        "rmc_regios": {c.code: c.label for c in catalog.rmc_regios.values()},
        "praktijken": sorted(r.id for r in catalog.practices),
        "sjabloonversies": {tid: sorted(versions, key=_version_key) for tid, versions in catalog.lock.items()},
        "regels": {
            "rolwoorden": list(validation.ROLE_WORDS),
            "gratis_mail": list(validation.FREE_MAIL),
            "bsn_patroon": validation.BSN_CANDIDATE.pattern,
            # A document link is a web address: of the schemes the validator allows, only http(s).
            "webadres_begin": [s for s in validation.URL_SCHEMES if s.startswith("http")],
            "datumvolgorde": [{"eerst": _pad(a), "later": _pad(b), "waarom": why} for a, b, why in order],
        },
    }


def _version_key(version: str):
    """'1.10.0' after '1.2.0'; anything odd sorts first, as text."""
    parts = version.split(".")
    return (1, tuple(int(p) for p in parts), "") if all(p.isdigit() for p in parts) else (0, (), version)


def _json_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
    return f'<script type="application/json" id="kb-schema">{text}</script>'


STYLE = """<style>
.kb-aanmelden .kb-veld { margin: 0 0 1.1rem; }
.md-typeset .kb-aanmelden a:not(.md-button) { text-decoration: underline; }
.kb-aanmelden label, .kb-aanmelden legend { font-weight: 700; }
.kb-aanmelden .kb-keuzes li label, .kb-aanmelden .kb-veld--vinkje label { font-weight: 400; display: inline; }
.kb-aanmelden .kb-keuzes ul { list-style: none; margin: .2rem 0 0; padding: 0; }
.md-typeset .kb-aanmelden .kb-keuzes li { margin: .1rem 0; }
.kb-aanmelden fieldset { border: 1px solid #b4bfce; border-radius: .2rem; margin: 0 0 1.2rem; padding: .3rem 1rem .6rem; min-width: 0; }
.kb-aanmelden fieldset.kb-keuzes { border: 0; padding: 0; }
.kb-aanmelden fieldset.kb-keuzes.kb-veld--fout { border-left: 4px solid #8e1b1b; padding-left: .7rem; }
.kb-aanmelden input[type=checkbox] { width: 1.1rem; height: 1.1rem; max-width: none; margin: 0 .4rem 0 0;
  vertical-align: middle; display: inline-block; }
.kb-aanmelden fieldset.kb-rij { background: #f6f8fb; }
.kb-aanmelden legend { padding: 0 .3rem; }
.kb-aanmelden input[type=text], .kb-aanmelden input[type=email], .kb-aanmelden input[type=url],
.kb-aanmelden input[type=number], .kb-aanmelden input[type=date], .kb-aanmelden select, .kb-aanmelden textarea {
  display: block; width: 100%; max-width: 40rem; padding: .35rem .4rem; border: 1px solid #6b7280; border-radius: .15rem;
  font: inherit; color: #000; background: #fff; box-sizing: border-box; }
.kb-aanmelden input[type=number], .kb-aanmelden input[type=date] { max-width: 14rem; }
.kb-aanmelden textarea { resize: vertical; }
.kb-aanmelden .kb-gemeenten__invoer { display: flex; gap: .5rem; align-items: center; max-width: 40rem; }
.md-typeset .kb-aanmelden .md-button { margin: .3rem .5rem .3rem 0; padding: .35em 1em; }
.kb-aanmelden .kb-gemeenten__invoer .md-button { margin: 0; }
.kb-aanmelden :focus-visible, .kb-aanmelden input:focus, .kb-aanmelden select:focus, .kb-aanmelden textarea:focus,
.kb-aanmelden .md-button:focus { outline: 3px solid #8a3b00; outline-offset: 2px; }
.kb-aanmelden .kb-uitleg { display: block; font-size: .8em; color: #4a4a4a; margin: .1rem 0 .3rem; }
.kb-aanmelden .kb-sublabel { margin: .4rem 0 0; font-size: .85em; }
.md-typeset .kb-aanmelden ul.kb-gekozen { margin: .2rem 0 0 1.2rem; }
.md-typeset .kb-aanmelden ul.kb-gekozen li { margin: .1rem 0; }
.kb-aanmelden .kb-gekozen .md-button { font-size: .85em; padding: .1em .7em; margin: 0 0 0 .5rem; }
.kb-aanmelden .kb-fout { color: #8e1b1b; font-weight: 700; margin: .2rem 0; white-space: pre-line; }
.kb-aanmelden [aria-invalid=true] { border: 2px solid #8e1b1b; outline-offset: 2px; }
.kb-aanmelden .kb-veld--fout { border-left: 4px solid #8e1b1b; padding-left: .7rem; }
.kb-aanmelden .kb-foutoverzicht:not(:empty) { border: 3px solid #8e1b1b; padding: .4rem 1rem; margin: 1rem 0; }
.kb-aanmelden .kb-foutoverzicht h2 { margin-top: .4rem; }
.kb-aanmelden .kb-uitvoer { border: 2px solid #1f3a5f; border-radius: .2rem; padding: .2rem 1rem 1rem; margin: 1.5rem 0; }
.kb-aanmelden .kb-uitvoer textarea { font-family: var(--md-code-font-family); font-size: .8rem; max-width: none; }
.kb-aanmelden .kb-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media print { .kb-aanmelden .md-button { display: none; } }
</style>"""


def submit_page(catalog: Catalog) -> str:
    schema = catalog.schemas[KIND]
    controls = "".join(_render(catalog, list(fields(schema, KIND)), schema, (), True, None))
    mail = f'<a href="mailto:{EDITORS}?subject=Praktijk%20aanmelden" data-kb-mail>{EDITORS}</a>'
    guide = f'<a href="{EDITOR_GUIDE}">handleiding voor de redactie</a>'
    intro = (
        "<p>Heeft uw regio goede afspraken over de doorbraakaanpak? Meld ze aan met dit formulier. U hoeft geen YAML "
        "te kennen: het formulier maakt het record voor u, met dezelfde velden en regels die de redactie gebruikt.</p>"
        "<ol>"
        "<li>Vul het formulier in. Velden met <strong>(verplicht)</strong> moeten ingevuld zijn. Schrijf geen namen, "
        "burgerservicenummers of andere gegevens van leerlingen op, en gebruik als contact een functioneel "
        "e-mailadres van uw organisatie, geen persoonlijk adres.</li>"
        "<li>Kies <strong>Maak het record</strong>. Het formulier controleert uw invoer en zegt bij elk veld wat er "
        "nog niet klopt.</li>"
        f"<li>Kopieer of download het record en stuur het per e-mail naar de redactie: {mail}. Stuur documenten die "
        "openbaar mogen zijn, zoals een convenant, mee als bijlage. Werkt u met Git? Dan kunt u het bestand ook zelf "
        f"toevoegen met een pull request; zie de {guide}.</li>"
        "</ol>"
        "<p>Uw invoer blijft in uw browser: dit formulier verstuurt niets. De redactie ziet het record pas als u het "
        "zelf opstuurt, en beoordeelt het voordat het op de site komt.</p>")
    noscript = (
        "<noscript><div class=\"admonition warning\"><p class=\"admonition-title\">JavaScript staat uit</p>"
        "<p>Dit formulier heeft JavaScript nodig om uw invoer te controleren en het record te maken. Zonder "
        "JavaScript doet de knop <strong>Maak het record</strong> niets. U kunt de velden hieronder wel gebruiken "
        f"als lijst van wat de redactie wil weten: zet uw antwoorden in een e-mail aan {EDITORS}, of maak het "
        f"YAML-bestand zelf met de {guide}.</p></div></noscript>")
    output = (
        '<section class="kb-uitvoer" id="kb-uitvoer" aria-labelledby="kb-uitvoer-kop" hidden '
        'data-search-exclude>'
        '<h2 id="kb-uitvoer-kop" tabindex="-1">Uw record is klaar</h2>'
        '<p>Controleer het record hieronder. Download het als bestand <code data-kb-bestandsnaam></code> of kopieer de '
        f'tekst, en stuur het per e-mail naar {mail.replace(" data-kb-mail", " data-kb-mail-uitvoer")}. '
        f'Of voeg het bestand met een pull request toe aan <code>practices/praktijken/</code> (zie de {guide}).</p>'
        '<label for="kb-yaml">Het record (YAML)</label>'
        '<textarea id="kb-yaml" readonly rows="24" spellcheck="false"></textarea>'
        '<p><button type="button" class="md-button md-button--primary kb-knop" data-kb-kopieer>Kopiëren</button>'
        '<a class="md-button kb-knop" href="#" download="praktijk.yaml" data-kb-download>Downloaden (.yaml)</a></p>'
        '<p role="status" data-kb-uitvoer-status></p>'
        '</section>')
    form = (
        '<form class="kb-formulier" id="kb-aanmeldformulier" novalidate aria-label="Praktijk aanmelden" '
        'data-search-exclude>'
        f"{controls}"
        '<p><button type="button" class="md-button md-button--primary kb-knop" data-kb-maak>Maak het record</button></p>'
        '</form>')
    body = (
        '<div class="kb-aanmelden" data-kb-aanmelden>'
        f"{intro}{noscript}"
        '<div class="kb-foutoverzicht" id="kb-foutoverzicht" role="alert" tabindex="-1"></div>'
        f"{form}{output}"
        '<p class="kb-sr" role="status" aria-live="polite" data-kb-status></p>'
        f"{_json_script(page_data(catalog))}"
        '<script src="../assets/aanmelden.js" defer></script>'
        "</div>")
    return (front("Praktijk aanmelden", "Meld een goede praktijk van uw regio aan met een formulier. Uw browser maakt "
                  "het record; u stuurt het naar de redactie.")
            + "# Praktijk aanmelden\n\n" + STYLE + "\n\n" + body + "\n")
