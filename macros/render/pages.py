"""Every page the site generates from data: pure functions from the render context to pages.

`generated_pages` gives {source path: Markdown}, for a generator that reads Markdown (the
Zensical build, `kennisbank paginas`); `finished_pages` gives the same pages as finished HTML
with their table of contents, which the MkDocs build hands over without converting Markdown."""

from __future__ import annotations

from functools import partial
from typing import Callable

from macros.render.attachments import attachment_page_makers
from macros.render.compare import compare_page, side_by_side_page
from macros.render.context import RenderContext
from macros.render.form import submit_page
from macros.render.listing import facet_counts, filter_page_makers, listing_page
from macros.render.map import map_page_parts
from macros.render.markdown_page import UNSEARCHED, FinishedPage, front, split_front
from macros.render.practice import practice_page
from macros.render.reference import EVIDENCE_URL, data_page, evidence_page, glossary_page
from macros.render.template_pages import template_page_makers
from macros.render.zelfscan import zelfscan_page


def map_page(ctx: RenderContext) -> str:
    return (front("Kaart", "Kaart van de gemeenten waarvoor een gepubliceerde praktijk geldt.", search=UNSEARCHED)
            + ctx.render_page("map_page.html", parts=map_page_parts(ctx, "kaart/")))


def generated_pages(ctx: RenderContext, practices: set[str] | None = None, others: bool = True) -> dict[str, str]:
    """Every generated page as Markdown. A `kennisbank serve` rebuild may ask for fewer (macros.site.rebuild):
    only the practice pages in `practices`, and without the other pages when `others` is false."""
    return {src: make(ctx) for src, make in page_makers(ctx, practices, others).items()}


def finished_pages(ctx: RenderContext, practices: set[str] | None = None,
                   others: bool = True) -> dict[str, FinishedPage]:
    """The same pages as `generated_pages`, finished: `ctx` made with a permalink (macros.render.headings)."""
    pages = {}
    for src, make in page_makers(ctx, practices, others).items():
        page_ctx = ctx.for_page()
        meta, html = split_front(make(page_ctx))
        pages[src] = FinishedPage(meta, html, tuple(page_ctx.outline.toc()), page_ctx.outline.anchors())
    return pages


def page_makers(ctx: RenderContext, practices: set[str] | None = None,
                others: bool = True) -> dict[str, Callable[[RenderContext], str]]:
    """{source path: function of the render context that renders the page}."""
    records = [r for r in ctx.catalog.practices if practices is None or r.id in practices]
    makers = summary_pages(ctx) if others else {}
    makers.update({f"praktijken/{r.id}.md": partial(practice_page, record=r) for r in records})
    return makers


def summary_pages(ctx: RenderContext) -> dict[str, Callable[[RenderContext], str]]:
    """The pages made from many records: lists, comparisons, map, filters, templates, attachments."""
    pages = {"aanmelden/index.md": submit_page, "praktijken/index.md": listing_page,
             "vergelijken/index.md": compare_page, "vergelijken/naast-elkaar.md": side_by_side_page,
             "kaart/index.md": map_page, "begrippen/index.md": glossary_page, "data/index.md": data_page,
             "zelfscan/index.md": zelfscan_page}
    if "onderbouwing" in ctx.catalog.codelists:
        pages[EVIDENCE_URL + "index.md"] = lambda c: evidence_page(c, facet_counts(c))
    pages.update(filter_page_makers(ctx))
    pages.update(template_page_makers(ctx))
    pages.update(attachment_page_makers(ctx))
    return pages
