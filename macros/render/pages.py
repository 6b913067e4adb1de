"""Every page the site generates from data: a pure function from the render context to
{source path: Markdown}. The MkDocs hook adds these as generated files; `kennisbank
paginas` writes them to a folder for a generator without hooks."""

from __future__ import annotations

from macros.render.attachments import attachment_pages
from macros.render.compare import compare_page, side_by_side_page
from macros.render.context import RenderContext
from macros.render.form import submit_page
from macros.render.listing import facet_counts, filter_pages, listing_page
from macros.render.map import map_page_parts
from macros.render.markdown_page import UNSEARCHED, front
from macros.render.practice import practice_page
from macros.render.reference import EVIDENCE_URL, data_page, evidence_page, glossary_page
from macros.render.template_pages import template_pages
from macros.render.zelfscan import zelfscan_page


def map_page(ctx: RenderContext) -> str:
    return (front("Kaart", "Kaart van de gemeenten waarvoor een gepubliceerde praktijk geldt.", search=UNSEARCHED)
            + ctx.render_page("map_page.html", parts=map_page_parts(ctx, "kaart/")))


def generated_pages(ctx: RenderContext, practices: set[str] | None = None, others: bool = True) -> dict[str, str]:
    """Every generated page. A `kennisbank serve` rebuild may ask for fewer (macros.site.rebuild):
    only the practice pages in `practices`, and without the other pages when `others` is false."""
    records = [r for r in ctx.catalog.practices if practices is None or r.id in practices]
    pages = summary_pages(ctx) if others else {}
    pages.update({f"praktijken/{r.id}.md": practice_page(ctx, r) for r in records})
    return pages


def summary_pages(ctx: RenderContext) -> dict[str, str]:
    """The pages made from many records: lists, comparisons, map, filters, templates, attachments."""
    pages = {"aanmelden/index.md": submit_page(ctx), "praktijken/index.md": listing_page(ctx),
             "vergelijken/index.md": compare_page(ctx), "vergelijken/naast-elkaar.md": side_by_side_page(ctx),
             "kaart/index.md": map_page(ctx), "begrippen/index.md": glossary_page(ctx), "data/index.md": data_page(ctx),
             "zelfscan/index.md": zelfscan_page(ctx)}
    if "onderbouwing" in ctx.catalog.codelists:
        pages[EVIDENCE_URL + "index.md"] = evidence_page(ctx, facet_counts(ctx))
    pages.update(filter_pages(ctx))
    pages.update(template_pages(ctx))
    pages.update(attachment_pages(ctx))
    return pages
