"""Generated pages: a pure function from the Catalog to {source path: Markdown}.

The MkDocs hook adds these as generated files; a pre-build step for another
generator could write them to a folder instead. Record text never reaches
Jinja (`render_macros: false`) and is escaped into raw HTML blocks; the headings
are fixed Dutch labels from the schema, so the table of contents still works.
"""

from __future__ import annotations

from datetime import date

from macros.model.catalog import Catalog, Record
from macros.render.compare import compare_page, side_by_side_page
from macros.render.context import RenderContext, render_context
from macros.render.html import esc, href, paragraphs, rel
from macros.render.listing import filter_pages, listing_page, overdue
# front is imported from here by form.py and template_pages.py
from macros.render.markdown_page import UNSEARCHED, front  # noqa: F401
from macros.render.reference import data_page, glossary_page
from macros.render.tables import cell

THEME_BLOCKS = ("geoorloofd_verzuim", "ongeoorloofd_verzuim", "leerplicht", "doorbraakoverleg", "financiering",
                "gegevensdeling", "jeugdhulp")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def dutch_date(value) -> str:
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def forget_facets() -> None:
    """Drop the memo between builds (`serve` rebuilds in one process)."""
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


# --- one practice --------------------------------------------------------------------------

def _row(label: str, value_html: str) -> str:
    return f"<tr><th scope=\"row\">{esc(label)}</th><td>{value_html}</td></tr>" if value_html else ""


def _field_title(catalog: Catalog, *path) -> str:
    spec = catalog.schemas["praktijk"]
    for key in path:
        spec = spec["properties"][key] if spec.get("type") == "object" else spec["items"]["properties"][key]
    return spec.get("title", path[-1])


def summary_card(catalog: Catalog, record: Record, url: str) -> str:
    gemeenten = ", ".join(catalog.gemeenten[c].naam for c in record.get("gemeenten") if c in catalog.gemeenten)
    rmc = catalog.rmc_regios.get(record.get("rmc_regio"))
    dates = record.get("datums")
    rows = [
        _row("Regio", esc(record.get("regio"))),
        _row("Samenwerkingsverbanden", esc(", ".join(record.get("swv")))),
        _row("Gemeenten", esc(gemeenten)),
        _row("RMC-regio", esc(f"{rmc.label} ({rmc.code})") if rmc else ""),
        _row("Onderwijssoort", esc(", ".join(catalog.label("onderwijssoort", s) for s in record.get("onderwijssoort")))),
        _row("Thema's", ", ".join(f'<a href="{esc(rel(url, f"themas/{t}/"))}">{esc(catalog.label("themas", t))}</a>'
                                  for t in record.get("themas"))),
        _row("Status", esc(catalog.label("status", record.get("status")))),
        _row("Volwassenheid", esc(catalog.label("volwassenheid", record.get("volwassenheid")))),
        _row(_field_title(catalog, "datums", "afgesproken"), esc(dutch_date(dates.get("afgesproken")))),
        _row(_field_title(catalog, "datums", "in_werking"), esc(dutch_date(dates.get("in_werking")))),
        _row(_field_title(catalog, "datums", "volgende_evaluatie"), esc(dutch_date(dates.get("volgende_evaluatie")))),
        _row("Laatst beoordeeld", esc(f"{dutch_date(record.get('redactie', 'beoordeeld_op'))} door "
                                      f"{record.get('redactie', 'organisatie')}")),
    ]
    partners = "".join(f"<li>{esc(p['organisatie'])} ({esc(catalog.label('partnerrol', p['rol']))})</li>"
                       for p in record.get("partners"))
    rows.append(_row("Partners", f"<ul>{partners}</ul>"))
    return f'<table class="kb-kaartje"><caption>Kerngegevens</caption><tbody>{"".join(rows)}</tbody></table>'


def banners(catalog: Catalog, record: Record, url: str) -> str:
    out = []
    if record.get("voorbeeld"):
        out.append('<div class="admonition warning kb-banner"><p class="admonition-title">Fictief voorbeeld</p>'
                   '<p>Deze praktijk is verzonnen om te laten zien hoe de kennisbank werkt. Het is geen echte '
                   'regionale afspraak; de gemeenten en codes zijn echt, de afspraken niet.</p></div>')
    if overdue(catalog, record):
        due = dutch_date(record.get("redactie", "volgende_beoordeling"))
        out.append(f'<div class="admonition danger kb-banner"><p class="admonition-title">Beoordeling verlopen</p>'
                   f'<p>Deze praktijk had op {esc(due)} opnieuw beoordeeld moeten worden. De informatie kan '
                   'verouderd zijn; controleer de details bij de contactpersoon.</p></div>')
    replaced = record.get("vervangt")
    if replaced and catalog.practice(replaced):
        old = catalog.practice(replaced)
        out.append(f'<p class="kb-vervangt">Deze praktijk vervangt <a href="{esc(rel(url, f"praktijken/{replaced}/"))}">'
                   f'{esc(old.get("titel"))}</a>.</p>')
    for newer in _replaced_by(catalog).get(record.id, ()):
        out.append(f'<p class="kb-vervangt">Vervangen door <a href="{esc(rel(url, f"praktijken/{newer.id}/"))}">'
                   f'{esc(newer.get("titel"))}</a>.</p>')
    return "\n\n".join(out)


def theme_section(catalog: Catalog, record: Record, block: str, url: str) -> str:
    spec = catalog.schemas["praktijk"]["properties"][block]
    theme = spec["x-thema"]
    rows = []
    for f in compare_fields(catalog, theme):
        if f.path[0] == block:
            rows.append(_row(f.title, cell(catalog, record, f)[0]))
    for key, sub in spec["properties"].items():
        if not sub.get("x-vergelijk") and key != "toelichting" and record.get(block, key):
            rows.append(_row(sub.get("title", key), paragraphs(record.get(block, key))))
    table = f'<table class="kb-thema-tabel"><tbody>{"".join(rows)}</tbody></table>'
    text = paragraphs(record.get(block, "toelichting"))
    more = f'<p class="kb-meer"><a href="{esc(rel(url, f"themas/{theme}/"))}">Vergelijk met andere regio\'s</a></p>'
    return f"## {spec['title']}\n\n<div class=\"kb-blok\">{table}{text}{more}</div>\n"


def results_table(catalog: Catalog, record: Record) -> str:
    results = record.get("resultaten", default=())
    if not results:
        return ""
    rows = "".join(f"<tr><td>{esc(catalog.label('indicator', r['indicator']))}</td><td class=\"kb-getal\">"
                   f"{esc(_number(r['waarde']))}</td><td>{esc(r['eenheid'])}</td><td>{esc(r['jaar'])}</td>"
                   f"<td>{esc(r['bron'])}{(' ' + esc(r['toelichting'])) if r.get('toelichting') else ''}</td></tr>"
                   for r in sorted(results, key=lambda r: (r["indicator"], r["jaar"])))
    return ("## Resultaten\n\n<table class=\"kb-resultaten\"><caption>Gemeten resultaten, met jaar en bron</caption>"
            "<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Waarde</th><th scope=\"col\">Eenheid</th>"
            f"<th scope=\"col\">Jaar</th><th scope=\"col\">Bron</th></tr></thead><tbody>{rows}</tbody></table>\n")


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", "\u202f").replace(".", ",") if isinstance(value, int) else str(value).replace(".", ",")


def text_list(title: str, items) -> str:
    return f"## {title}\n\n<ul class=\"kb-tekstlijst\">{''.join(f'<li>{esc(i)}</li>' for i in items)}</ul>\n" if items else ""


def documents(catalog: Catalog, record: Record, url: str) -> str:
    docs = record.get("documenten", default=())
    if not docs:
        return ""
    items = []
    for d in docs:
        target = rel(url, f"bijlagen/{d['bestand']}") if d.get("bestand") else d["url"]
        kind = catalog.label("documenttype", d["type"])
        items.append(f'<li><a href="{href(target)}">{esc(d["titel"])}</a> ({esc(kind)})</li>')
    return f"## Documenten\n\n<ul class=\"kb-documenten\">{''.join(items)}</ul>\n"


def contact(record: Record, url: str) -> str:
    mail = record.get("contact", "email")
    template = record.get("sjabloon")
    used = (f'<p>Gebaseerd op het sjabloon <a href="{esc(rel(url, "sjablonen/" + template["id"] + "/"))}">'
            f'{esc(template["id"])}</a>, versie {esc(template["versie"])}.</p>') if template else ""
    return (f"## Contact\n\n<div class=\"kb-contact\"><p>{esc(record.get('contact', 'organisatie'))}: "
            f'<a href="{href("mailto:" + mail)}">{esc(mail)}</a></p>{used}'
            f"<p class=\"kb-licentie\">Tekst beschikbaar onder {esc(record.get('licentie'))}.</p></div>\n")


def practice_page(catalog: Catalog, record: Record) -> str:
    url = f"praktijken/{record.id}/"
    tags = [catalog.label("themas", t) for t in record.get("themas")]
    parts = [front(record.get("titel"), record.get("samenvatting")[:160], tags=tags),
             f'<h1>{esc(record.get("titel"))}</h1>', banners(catalog, record, url),
             f'<div class="kb-samenvatting">{paragraphs(record.get("samenvatting"))}</div>',
             summary_card(catalog, record, url)]
    if record.get("context"):
        parts.append(f"## Aanleiding\n\n<div>{paragraphs(record.get('context'))}</div>\n")
    if record.get("werkwijze"):
        parts.append(f"## Zo werkt het\n\n<div>{paragraphs(record.get('werkwijze'))}</div>\n")
    parts += [theme_section(catalog, record, block, url) for block in THEME_BLOCKS]
    parts += [results_table(catalog, record), text_list("Geleerde lessen", record.get("lessen", default=())),
              text_list("Valkuilen", record.get("valkuilen", default=())), documents(catalog, record, url),
              contact(record, url)]
    return "\n\n".join(p for p in parts if p) + "\n"


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


def generated_pages(catalog: Catalog, shapes, sizes: dict | None = None) -> dict[str, str]:
    """Every page the site generates from data; `sizes` are the download sizes per (template, format)."""
    from macros.render.form import submit_page
    from macros.render.template_pages import template_pages
    pages = {"aanmelden/index.md": submit_page(catalog),"praktijken/index.md": listing_page(catalog), "vergelijken/index.md": compare_page(catalog),
             "vergelijken/naast-elkaar.md": side_by_side_page(catalog), "kaart/index.md": map_page(catalog, shapes),
             "begrippen/index.md": glossary_page(catalog), "data/index.md": data_page(catalog)}
    pages.update(filter_pages(catalog))
    pages.update({f"praktijken/{r.id}.md": practice_page(catalog, r) for r in catalog.practices})
    pages.update(template_pages(catalog, sizes))
    return pages
