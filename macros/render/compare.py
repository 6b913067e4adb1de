"""The comparison pages: one table per theme, and the side-by-side view of chosen practices."""

from __future__ import annotations

from macros.render.context import RenderContext
from macros.render.fiction import is_fictional
from macros.render.markdown_page import UNSEARCHED, front
from macros.render.results import comparison
from macros.render.tables import by_title, table_data

# The table of contents makes way for the tables; the site navigation stays, as on every page.
FULL_WIDTH = ["toc"]
# vergelijken/<DOWNLOAD_NAME>.csv and .xlsx, written after the build by macros.publish.comparison_downloads.
DOWNLOAD_NAME = "vergelijking"


def compare_page(ctx: RenderContext) -> str:
    """vergelijken/: a sortable table per theme that has comparison fields."""
    tables = [dict(table_data(ctx, t, ctx.catalog.practices), heading=ctx.catalog.label("themas", t))
              for t in ctx.compare_themes()]
    return (front("Vergelijken", "Vergelijkingstabellen per thema en praktijken naast elkaar.", search=UNSEARCHED,
                  hide=FULL_WIDTH)
            + ctx.render_page("compare.html", page_url="vergelijken/", tables=tables, download=DOWNLOAD_NAME,
                              results=comparison(ctx, ctx.catalog.practices)))


def side_by_side_page(ctx: RenderContext) -> str:
    """vergelijken/naast-elkaar/: pick two to four practices; kennisbank.js fetches the data and shows them."""
    options = [{"id": r.id, "titel": r.get("titel"), "regio": r.get("regio"), "fictief": is_fictional(r)}
               for r in by_title(ctx, ctx.catalog.practices)]
    return (front("Naast elkaar vergelijken", "Kies twee tot vier praktijken en zie ze per thema naast elkaar.",
                  search=UNSEARCHED, hide=FULL_WIDTH)
            + ctx.render_page("side_by_side.html", page_url="vergelijken/naast-elkaar/", options=options))
