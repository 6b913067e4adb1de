"""Generated pages: a pure function from the Catalog to {source path: Markdown}.

The MkDocs hook adds these as generated files; a pre-build step for another
generator could write them to a folder instead. Record text never reaches
Jinja (`render_macros: false`) and is escaped into raw HTML blocks; the headings
are fixed Dutch labels from the schema, so the table of contents still works.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

from macros.model.catalog import Catalog, Record
from macros.render.html import esc, href, paragraphs, rel
from macros.model.schema import fields
from macros.render.tables import cell, compare_fields, compare_themes, comparison_table
from macros.render.zelfscan import zelfscan_page

FACETS = ("thema", "onderwijssoort", "provincie", "volwassenheid", "status")
FACET_TITLES = {"thema": "Thema", "onderwijssoort": "Onderwijssoort", "provincie": "Provincie",
                "volwassenheid": "Volwassenheid", "status": "Status"}
THEME_BLOCKS = ("geoorloofd_verzuim", "ongeoorloofd_verzuim", "leerplicht", "doorbraakoverleg", "financiering",
                "gegevensdeling", "jeugdhulp")
# Aggregate pages repeat what the practice pages say; indexing them too made the search index
# (loaded whole by every visitor who searches) several times larger and the results noisier.
UNSEARCHED = {"exclude": True}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def dutch_date(value) -> str:
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def front(title: str, description: str = "", **extra) -> str:
    """Front matter; JSON strings are valid YAML, so quoting is always right."""
    meta = {"title": title, "render_macros": False, **({"description": description} if description else {}), **extra}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n\n"


def overdue(catalog: Catalog, record: Record) -> bool:
    return date.fromisoformat(record.get("redactie", "volgende_beoordeling")) < catalog.today


# --- facets -----------------------------------------------------------------------------

_FACETS: dict = {}


def facet_values(catalog: Catalog, record: Record) -> dict[str, tuple[str, ...]]:
    """The filter values of a practice; computed once per record object (filter pages ask often)."""
    key = id(record)
    if key not in _FACETS or _FACETS[key][0] is not record:
        _FACETS[key] = (record, _facet_values(catalog, record))
    return _FACETS[key][1]


def forget_facets() -> None:
    """Drop the memos between builds (`serve` rebuilds in one process)."""
    _FACETS.clear()
    _REPLACED.clear()


_REPLACED: dict = {}


def _replaced_by(catalog: Catalog) -> dict[str, list]:
    """id -> the practices that replace it; once per catalog, not once per page."""
    if _REPLACED.get("catalog") is not catalog:
        index: dict[str, list] = {}
        for p in catalog.practices:
            if p.get("vervangt"):
                index.setdefault(p.get("vervangt"), []).append(p)
        _REPLACED.update(catalog=catalog, index=index)
    return _REPLACED["index"]


def _facet_values(catalog: Catalog, record: Record) -> dict[str, tuple[str, ...]]:
    return {"thema": tuple(record.get("themas", default=())),
            "onderwijssoort": tuple(record.get("onderwijssoort", default=())),
            "provincie": tuple(slug(p) for p in catalog.provinces(record)),
            "volwassenheid": (record.get("volwassenheid"),), "status": (record.get("status"),)}


def facet_options(catalog: Catalog, facet: str) -> list[tuple[str, str]]:
    """(value, label) in a stable order."""
    if facet == "provincie":
        names = sorted({g.provincie for g in catalog.gemeenten.values()})
        return [(slug(n), n) for n in names]
    codelist = {"thema": "themas"}.get(facet, facet)
    return [(c.code, c.label) for c in catalog.codelists[codelist]]


def filter_url(facet: str, value: str) -> str:
    return f"praktijken/filter/{facet}-{value}/"


def filter_nav(catalog: Catalog, page_url: str, active: tuple[str, str] | None = None) -> str:
    """Every facet as a list of plain links with counts: filtering works without JavaScript."""
    values = [facet_values(catalog, r) for r in catalog.practices]
    groups = []
    for facet in FACETS:
        items = []
        for value, label in facet_options(catalog, facet):
            count = sum(value in v[facet] for v in values)
            if not count:
                continue
            current = active == (facet, value)
            items.append(f'<li><a href="{esc(rel(page_url, filter_url(facet, value)))}" data-facet="{facet}" '
                         f'data-waarde="{esc(value)}"{" aria-current=" + chr(34) + "page" + chr(34) if current else ""}>'
                         f'{esc(label)} <span class="kb-aantal">({count})</span></a></li>')
        groups.append(f'<fieldset class="kb-facet"><legend>{FACET_TITLES[facet]}</legend><ul>{"".join(items)}</ul></fieldset>')
    reset = f'<p><a href="{esc(rel(page_url, "praktijken/"))}" class="kb-alle" data-facet="alle">Alle praktijken tonen</a></p>'
    return f'<nav class="kb-filters" aria-label="Filters">{"".join(groups)}{reset}</nav>'


def practice_item(catalog: Catalog, record: Record, page_url: str, summary: bool = True) -> str:
    facets = facet_values(catalog, record)
    data = " ".join(f'data-{k}="{esc(" ".join(v))}"' for k, v in facets.items())
    soorten = ", ".join(s.upper() for s in record.get("onderwijssoort", default=()))
    marks = ['<span class="kb-label kb-label--voorbeeld">Fictief voorbeeld</span>'] if record.get("voorbeeld") else []
    if overdue(catalog, record):
        marks.append('<span class="kb-label kb-label--verlopen">Beoordeling verlopen</span>')
    return (f'<li class="kb-item" {data}><a class="kb-item__titel" href="{esc(rel(page_url, f"praktijken/{record.id}/"))}">'
            f'{esc(record.get("titel"))}</a> {"".join(marks)}'
            f'<span class="kb-item__meta">{esc(record.get("regio"))} · {esc(soorten)} · '
            f'{esc(catalog.label("volwassenheid", record.get("volwassenheid")))} · '
            f'{esc(catalog.label("status", record.get("status")))}</span>'
            + (f'<span class="kb-item__tekst">{esc(record.get("samenvatting"))}</span>' if summary else "") + "</li>")


def practice_list(catalog: Catalog, records, page_url: str, summary: bool = True) -> str:
    if not records:
        return '<p class="kb-leeg">Geen praktijken gevonden.</p>'
    items = "".join(practice_item(catalog, r, page_url, summary)
                    for r in sorted(records, key=lambda r: r.get("titel").lower()))
    return f'<ul class="kb-lijst">{items}</ul>'


# --- the listing pages ---------------------------------------------------------------------

def listing_page(catalog: Catalog) -> str:
    url = "praktijken/"
    n = len(catalog.practices)
    return (front("Praktijken", "Alle goede praktijken, te filteren op thema, onderwijssoort, provincie, "
                  "volwassenheid en status.", search=UNSEARCHED)
            + "# Praktijken\n\n"
            + f'<p>De kennisbank bevat <strong>{n}</strong> praktijk{"en" if n != 1 else ""}. Kies een filter om de lijst te '
              'beperken; met JavaScript kunt u filters combineren en blijft de keuze in het webadres staan.</p>\n\n'
            + '<p class="kb-naar-lijst"><a href="#resultaten">Direct naar de lijst</a></p>\n\n'
            + f'<div class="kb-lijstpagina" data-kb-filter>{filter_nav(catalog, url)}\n'
            + f'<div class="kb-resultaat" id="resultaten"><p class="kb-teller" role="status" aria-live="polite">{n} praktijk'
              f'{"en" if n != 1 else ""} getoond.</p>{practice_list(catalog, catalog.practices, url)}</div></div>\n')


def filter_pages(catalog: Catalog) -> dict[str, str]:
    pages = {}
    for facet in FACETS:
        for value, label in facet_options(catalog, facet):
            records = [r for r in catalog.practices if value in facet_values(catalog, r)[facet]]
            if not records:
                continue
            url = filter_url(facet, value)
            title = f"Praktijken: {FACET_TITLES[facet].lower()} {label}"
            pages[f"praktijken/filter/{facet}-{value}.md"] = (
                front(title, f"Praktijken met {FACET_TITLES[facet].lower()} {label}.", search=UNSEARCHED)
                + f"# {esc(title)}\n\n"
                + f'<div class="kb-lijstpagina">{filter_nav(catalog, url, (facet, value))}\n'
                + f'<div class="kb-resultaat"><p class="kb-teller">{len(records)} van {len(catalog.practices)} '
                  f'praktijken.</p>{practice_list(catalog, records, url, summary=False)}</div></div>\n')
    return pages


# --- comparison, map, glossary -----------------------------------------------------------

def compare_page(catalog: Catalog) -> str:
    url = "vergelijken/"
    themes = compare_themes(catalog)
    toc = "".join(f'<li><a href="#{t}">{esc(catalog.label("themas", t))}</a></li>' for t in themes)
    sections = "\n\n".join(f"## {catalog.label('themas', t)} {{#{t}}}\n\n"
                           f"{comparison_table(catalog, t, catalog.practices, url)}\n" for t in themes)
    return (front("Vergelijken", "Vergelijkingstabellen per thema en praktijken naast elkaar.", search=UNSEARCHED)
            + "# Vergelijken\n\n"
            + "<p>Elke tabel zet de praktijken naast elkaar op de punten die regio's het vaakst vergelijken. "
              "Klik op een kolomkop (of ga erheen met Tab en druk op Enter) om te sorteren. Wilt u twee tot vier "
              f'praktijken over alle thema\'s vergelijken? Gebruik <a href="{rel(url, "vergelijken/naast-elkaar/")}">'
              "naast elkaar vergelijken</a>.</p>\n\n"
            + f'<nav aria-label="Thema\'s op deze pagina"><ul>{toc}</ul></nav>\n\n' + sections)


def side_by_side_page(catalog: Catalog) -> str:
    url = "vergelijken/naast-elkaar/"
    options = "".join(f'<li><label><input type="checkbox" name="p" value="{esc(r.id)}"> {esc(r.get("titel"))} '
                      f'<span class="kb-regio">({esc(r.get("regio"))})</span></label></li>'
                      for r in sorted(catalog.practices, key=lambda r: r.get("titel").lower()))
    return (front("Naast elkaar vergelijken", "Kies twee tot vier praktijken en zie ze per thema naast elkaar.", search=UNSEARCHED)
            + "# Naast elkaar vergelijken\n\n"
            + "<p>Kies twee tot vier praktijken en kies <em>Vergelijk</em>. Uw keuze staat daarna in het webadres, "
              "zodat u de vergelijking kunt delen.</p>\n\n"
            + f'<form class="kb-kies" method="get" action="./" data-kb-naast-elkaar data-bron="{rel(url, "vergelijken/praktijken.json")}">'
              f'<fieldset><legend>Praktijken</legend><ul class="kb-keuzelijst">{options}</ul></fieldset>'
              '<p class="kb-melding" role="alert" hidden></p>'
              '<button type="submit" class="md-button md-button--primary">Vergelijk</button></form>\n\n'
            + '<div class="kb-naast-elkaar" aria-live="polite"></div>\n\n'
            + '<noscript><p>Voor deze weergave is JavaScript nodig. Zonder JavaScript kunt u de '
              f'<a href="{rel(url, "vergelijken/")}">tabellen per thema</a> gebruiken; die bevatten dezelfde gegevens.</p></noscript>\n')


def map_page(catalog: Catalog, shapes) -> str:
    from macros.render.map import coverage_table, map_svg
    url = "kaart/"
    covered: dict[str, list] = {}
    for record in catalog.practices:
        for code in record.get("gemeenten"):
            covered.setdefault(code, []).append((record.id, record.get("titel")))
    practice_href = lambda pid: rel(url, f"praktijken/{pid}/")  # noqa: E731
    anchor = lambda code: f"gemeente-{code.lower()}"  # noqa: E731
    n = len(covered)
    return (front("Kaart", "Kaart van de gemeenten waarvoor een gepubliceerde praktijk geldt.", search=UNSEARCHED)
            + "# Kaart\n\n"
            + f"<p>{n} van de {len(catalog.gemeenten)} gemeenten vallen onder minstens één gepubliceerde praktijk. "
              "Klik op een gemeente om naar de praktijk te gaan. Dezelfde gegevens staan in de tabel onder de kaart.</p>\n\n"
            + map_svg(shapes, covered, practice_href, anchor) + "\n\n"
            + '<p class="kb-bron">Bron: CBS/PDOK, gemeentegrenzen 2025 (CC BY 4.0).</p>\n\n'
            + "## Gemeenten met een praktijk\n\n" + coverage_table(shapes, covered, practice_href, anchor) + "\n")


def glossary_page(catalog: Catalog) -> str:
    items = "".join(f'<dt id="{slug(t)}">{esc(t)}</dt><dd>{esc(u)}</dd>'
                    for t, u in sorted(catalog.glossary, key=lambda g: g[0].lower()))
    return (front("Begrippen", "Begrippenlijst van de kennisbank.")
            + "# Begrippen\n\n<p>Deze begrippen worden op de hele site uitgelegd: wijs een onderstreept woord aan "
              "of tik erop voor de uitleg.</p>\n\n" + f'<dl class="kb-begrippen">{items}</dl>\n')


def abbreviations(catalog: Catalog) -> str:
    """Glossary as Markdown abbreviation definitions, appended to every hand-written page."""
    return "\n\n" + "\n".join(f"*[{t}]: {u}" for t, u in catalog.glossary) + "\n"


def generated_pages(ctx) -> dict[str, str]:
    """Every page the site generates from data: {source path: Markdown}."""
    from macros.render.form import submit_page
    from macros.render.practice import practice_page
    from macros.render.template_pages import template_pages
    catalog = ctx.catalog
    pages = {"aanmelden/index.md": submit_page(catalog),"praktijken/index.md": listing_page(catalog), "vergelijken/index.md": compare_page(catalog),
             "vergelijken/naast-elkaar.md": side_by_side_page(catalog), "kaart/index.md": map_page(catalog, ctx.shapes),
             "begrippen/index.md": glossary_page(catalog), "data/index.md": data_page(catalog),
             "zelfscan/index.md": zelfscan_page(ctx)}
    pages.update(filter_pages(catalog))
    pages.update({f"praktijken/{r.id}.md": practice_page(ctx, r) for r in catalog.practices})
    pages.update(template_pages(catalog, dict(ctx.sizes)))
    return pages


def field_reference(catalog: Catalog, kind: str) -> str:
    """Every field of a record type with its meaning, straight from the JSON Schema."""
    rows = []
    for f in fields(catalog.schemas[kind], kind):
        spec = f.spec
        kind_text = _kind_text(catalog, spec)
        rows.append(f"<tr><th scope=\"row\"><code>{esc(f.dotted)}</code></th><td>{esc(f.title)}</td>"
                    f"<td>{'ja' if f.required else 'nee'}</td><td>{kind_text}</td><td>{esc(spec.get('description', ''))}</td></tr>")
    name = f'Velden van een {"praktijk" if kind == "praktijk" else "sjabloon"}'
    return (f'<div class="kb-tabel-wrap" role="region" aria-label="{name}" tabindex="0"><table class="kb-velden">'
            f'<caption>{name}</caption>'
            '<thead><tr><th scope="col">Veld</th><th scope="col">Naam</th><th scope="col">Verplicht</th>'
            f'<th scope="col">Soort</th><th scope="col">Betekenis</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _kind_text(catalog: Catalog, spec: dict) -> str:
    listed = spec.get("x-codelijst")
    if listed:
        return "code uit " + esc(listed) + ": " + esc(", ".join(c.code for c in catalog.codelists[listed]))
    if spec.get("x-referentie"):
        return esc({"gemeenten": "gemeentecode of -naam", "rmc-regios": "RMC-code"}[spec["x-referentie"]])
    if spec.get("format") == "date":
        return "datum (JJJJ-MM-DD)"
    return esc({"string": "tekst", "integer": "geheel getal", "number": "getal", "boolean": "true of false"}
               .get(spec.get("type"), spec.get("type")))


def data_page(catalog: Catalog) -> str:
    """The open-data download page; the files themselves are written by export_package."""
    url = "data/"
    descriptor = catalog.descriptor
    static = "".join(f'<li><a href="{esc(rel(url, "data/" + r["path"]))}">{esc(r.get("title", r["name"]))}</a> '
                     f'<code>{esc(r["path"])}</code></li>' for r in descriptor["resources"])
    compiled = "".join(f'<li><a href="{esc(rel(url, f"data/tabellen/{name}.csv"))}">{esc(name)}</a> '
                       f'({len(catalog.tables.get(name, ()))} rijen)</li>' for name in catalog.table_schemas)
    return (front("Open data", "Alle gegevens van de kennisbank als open datapakket (Frictionless Data Package).")
            + "# Open data\n\n"
            + "<p>Alles wat deze site toont, is ook als open data te downloaden: één datapakket volgens de standaard "
              "Frictionless Data Package, met CSV-bestanden, tabelschema's en de JSON Schema's van de records. "
              "Iedereen kan het pakket controleren met <code>frictionless validate datapackage.json</code>.</p>\n\n"
            + f'<p><a class="md-button md-button--primary" href="{esc(rel(url, "data/datapackage.json"))}" download>'
              "Download datapackage.json</a></p>\n\n"
            + "<p>Licentie: de teksten en gegevens van de redactie vallen onder CC BY 4.0; de gemeenten, RMC-regio's "
              "en kaartgegevens komen van CBS/PDOK (CC BY 4.0). Vermeld bij hergebruik de bron.</p>\n\n"
            + f"## Tabellen met praktijken en sjablonen\n\n<ul>{compiled}</ul>\n\n"
            + f"## Referentietabellen en codelijsten\n\n<ul>{static}</ul>\n\n"
            + f'## JSON Schema\'s\n\n<ul><li><a href="{esc(rel(url, "data/schema/praktijk.schema.json"))}">praktijk.schema.json</a></li>'
              f'<li><a href="{esc(rel(url, "data/schema/sjabloon.schema.json"))}">sjabloon.schema.json</a></li></ul>\n\n'
            + "## Velden van een praktijk\n\n" + field_reference(catalog, "praktijk") + "\n\n"
            + "## Velden van een sjabloon\n\n" + field_reference(catalog, "sjabloon") + "\n")
