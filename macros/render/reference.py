"""Reference pages: the glossary (and its hover explanations on hand-written pages), the
open-data page and the field documentation generated from the JSON Schemas."""

from __future__ import annotations

import html

from macros.model.schema import Field
from macros.render.context import RenderContext, slug
from macros.render.listing import filter_url
from macros.render.markdown_page import front

KIND_NAMES = {"praktijk": "Velden van een praktijk", "sjabloon": "Velden van een sjabloon"}
REFERENCE_KINDS = {"gemeenten": "gemeentecode of -naam", "rmc-regios": "RMC-code"}
TYPE_NAMES = {"string": "tekst", "integer": "geheel getal", "number": "getal", "boolean": "true of false"}


def glossary_page(ctx: RenderContext) -> str:
    glossary = sorted(ctx.catalog.glossary, key=lambda g: g[0].lower())
    terms = [{"id": slug(t), "term": t, "uitleg": u} for t, u in glossary]
    return front("Begrippen", "Begrippenlijst van de kennisbank.") + ctx.render_page("glossary.html", terms=terms)


# Checked in December 2026 in the stored pages: the levels of the NJi databank (goed onderbouwd, then
# first, good and strong indications of effect), the effect ladder they rest on, and the levels of the
# shared recognition procedure (goed beschreven, goed onderbouwd, effectief) that Movisie takes part in.
EVIDENCE_SOURCES = (
    {"title": "NJi: Doorontwikkeling erkenningsprocedure (de vier niveaus van de databank Effectieve jeugdinterventies)",
     "url": "https://www.nji.nl/interventies/doorontwikkeling-erkenningsprocedure"},
    {"title": "NJi: De effectladder (Van Yperen en Veerman)", "url": "http://nji.nl/De-effectladder"},
    {"title": "Movisie: het Samenwerkingsverband Erkenning van Interventies en de databank Effectieve sociale interventies",
     "url": "https://www.movisie.nl/artikel/jouw-interventie-rond-basisvaardigheden-laten-erkennen"},
    {"title": "Kenniscentrum Sport & Bewegen: niveaus van erkenning (goed beschreven, goed onderbouwd, effectief)",
     "url": "https://www.kenniscentrumsportenbewegen.nl/producten/over-sport-en-beweeginterventies/niveaus-van-erkenning/"},
)
EVIDENCE_URL = "onderbouwing/"


def evidence_page(ctx: RenderContext, counts) -> str:
    """onderbouwing/: every level of the codelist onderbouwing with its criteria, and how many practices have it.
    `counts` is macros.render.listing.facet_counts."""
    levels = [{"code": c.code, "label": c.label, "omschrijving": c.omschrijving, "criteria": c.criteria,
               "count": counts[("onderbouwing", c.code)], "url": filter_url("onderbouwing", c.code)}
              for c in ctx.catalog.codelists["onderbouwing"]]
    return (front("Onderbouwing", "Hoe goed is onderbouwd dat een praktijk werkt: de niveaus en hun criteria.")
            + ctx.render_page("onderbouwing.html", page_url=EVIDENCE_URL, levels=levels, sources=EVIDENCE_SOURCES))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _inert(text: str, quote: bool) -> str:
    """HTML-escaped, with braces as character references: Markdown's abbr extension passes
    references through to the `title`, so the reader sees the text as written, and no Jinja
    renderer that might see the page later finds a tag in it."""
    escaped = html.escape(text, quote=quote)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def abbreviations(ctx: RenderContext) -> str:
    """The glossary as Markdown abbreviation definitions (`*[term]: uitleg`), appended to every
    hand-written page. Each definition is one line (a blank line in an explanation used to end
    the definition and leave the rest as raw HTML on the page), and escaped, so a hostile entry
    shows as text. A term the syntax cannot hold (empty, or with a backslash) is left out."""
    lines = []
    for term, uitleg in ctx.catalog.glossary:
        term, uitleg = _one_line(term), _one_line(uitleg)
        if term and uitleg and "\\" not in term:
            lines.append(f"*[{_inert(term, quote=False)}]: {_inert(uitleg, quote=True)}")
    return "\n\n" + "\n".join(lines) + "\n"


def _kind_text(ctx: RenderContext, spec) -> str:
    listed = spec.get("x-codelijst")
    if listed:
        return f"code uit {listed}: " + ", ".join(c.code for c in ctx.catalog.codelists[listed])
    if spec.get("x-referentie"):
        return REFERENCE_KINDS[spec["x-referentie"]]
    if spec.get("format") == "date":
        return "datum (JJJJ-MM-DD)"
    return TYPE_NAMES.get(spec.get("type"), spec.get("type"))


def field_row(ctx: RenderContext, f: Field) -> dict:
    return {"veld": f.dotted, "naam": f.title, "verplicht": "ja" if f.required else "nee",
            "soort": _kind_text(ctx, f.spec), "betekenis": f.spec.get("description", "")}


def field_table(ctx: RenderContext, kind: str) -> dict:
    return {"name": KIND_NAMES[kind], "rows": [field_row(ctx, f) for f in ctx.fields[kind]]}


def field_reference(ctx: RenderContext, kind: str) -> str:
    """Every field of a record type with its meaning, straight from the JSON Schema."""
    return ctx.render("_field_reference.html", table=field_table(ctx, kind))


def data_page(ctx: RenderContext) -> str:
    """The open-data download page; the files themselves are written by the export."""
    catalog = ctx.catalog
    compiled = [{"name": name, "rows": len(catalog.tables.get(name, ()))} for name in catalog.table_schemas]
    static = [{"path": r["path"], "title": r.get("title", r["name"])} for r in catalog.descriptor["resources"]]
    return (front("Open data", "Alle gegevens van de kennisbank als open datapakket (Frictionless Data Package).")
            + ctx.render_page("data.html", page_url="data/", compiled=compiled, static=static,
                         field_tables=[field_table(ctx, "praktijk"), field_table(ctx, "sjabloon")]))
