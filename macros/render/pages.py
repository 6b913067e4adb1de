"""Every page the site generates from data: a pure function from the render context to
{source path: Markdown}. The MkDocs hook adds these as generated files; `kennisbank
paginas` writes them to a folder for a generator without hooks."""

from __future__ import annotations

from macros.load import parallel
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
    only the practice pages in `practices`, and without the other pages when `others` is false.
    On a large site the practice pages are made on the second core while this one makes the rest."""
    records = [r for r in ctx.catalog.practices if practices is None or r.id in practices]
    made = parallel.Beside(lambda forked: _practice_pages(ctx, records, forked),
                           wanted=others and len(records) >= parallel.PARALLEL_FROM)
    try:
        pages = summary_pages(ctx) if others else {}
    except BaseException:
        made.cancel()
        raise
    practice_pages, stashed = made.result()
    if stashed:
        ctx.blocks.adopt(stashed)
    pages.update(practice_pages)
    return pages


# Far above any key this process gives out, so a worker's blocks cannot collide with its parent's.
_WORKER_KEYS = 10 ** 12


def _practice_pages(ctx: RenderContext, records: list, forked: bool) -> tuple[dict[str, str], dict]:
    """The practice pages, and in a forked worker the HTML blocks they stashed (see Blocks.detach)."""
    detached = forked and ctx.blocks is not None
    if detached:
        ctx.blocks.detach(_WORKER_KEYS)
    pages = {f"praktijken/{r.id}.md": practice_page(ctx, r) for r in records}
    return pages, (ctx.blocks.stashed() if detached else {})


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
