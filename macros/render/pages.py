"""Every page the site generates from data: a pure function from the render context to
{source path: Markdown}. The MkDocs hook adds these as generated files; `kennisbank
paginas` writes them to a folder for a generator without hooks."""

from __future__ import annotations

from macros.render.compare import compare_page, side_by_side_page
from macros.render.context import RenderContext
from macros.render.env import rel
from macros.render.form import submit_page
from macros.render.listing import filter_pages, listing_page
from macros.render.map import coverage_table, map_svg
from macros.render.markdown_page import UNSEARCHED, front
from macros.render.practice import practice_page
from macros.render.reference import data_page, glossary_page
from macros.render.template_pages import template_pages


def map_page(ctx: RenderContext) -> str:
    catalog = ctx.catalog
    url = "kaart/"
    covered: dict[str, list] = {}
    for record in catalog.practices:
        for code in record.get("gemeenten"):
            covered.setdefault(code, []).append((record.id, record.get("titel")))

    def practice_href(pid: str) -> str:
        return rel(url, f"praktijken/{pid}/")

    def anchor(code: str) -> str:
        return f"gemeente-{code.lower()}"

    n = len(covered)
    return (front("Kaart", "Kaart van de gemeenten waarvoor een gepubliceerde praktijk geldt.", search=UNSEARCHED)
            + "# Kaart\n\n"
            + f"<p>{n} van de {len(catalog.gemeenten)} gemeenten vallen onder minstens één gepubliceerde praktijk. "
              "Klik op een gemeente om naar de praktijk te gaan. Dezelfde gegevens staan in de tabel onder de kaart.</p>\n\n"
            + map_svg(ctx.shapes, covered, practice_href, anchor) + "\n\n"
            + '<p class="kb-bron">Bron: CBS/PDOK, gemeentegrenzen 2025 (CC BY 4.0).</p>\n\n'
            + "## Gemeenten met een praktijk\n\n" + coverage_table(ctx.shapes, covered, practice_href, anchor) + "\n")


def generated_pages(ctx: RenderContext) -> dict[str, str]:
    catalog = ctx.catalog
    pages = {"aanmelden/index.md": submit_page(catalog), "praktijken/index.md": listing_page(ctx),
             "vergelijken/index.md": compare_page(ctx), "vergelijken/naast-elkaar.md": side_by_side_page(ctx),
             "kaart/index.md": map_page(ctx), "begrippen/index.md": glossary_page(ctx), "data/index.md": data_page(ctx)}
    pages.update(filter_pages(ctx))
    pages.update({f"praktijken/{r.id}.md": practice_page(ctx, r) for r in catalog.practices})
    pages.update(template_pages(catalog, dict(ctx.sizes)))
    return pages
