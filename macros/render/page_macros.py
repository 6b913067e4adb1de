"""What the macros of hand-written pages show (registered in `macros/__init__.py`)."""

from __future__ import annotations

from macros.render.context import RenderContext
from macros.render.fiction import fiction_count, is_fictional
from macros.render.listing import practice_list
from macros.render.reference import field_reference as _field_reference
from macros.render.sources import citation, citation_markdown, cited, read_sources
from macros.render.tables import comparison_table
from macros.render.template_pages import template_list


def practices_of(ctx: RenderContext, page_url: str, theme: str | None, maturity: str | None) -> str:
    chosen = [p for p in ctx.catalog.practices
              if (theme is None or theme in p.get("themas")) and (maturity is None or p.get("volwassenheid") == maturity)]
    return ctx.for_markdown(practice_list(ctx, chosen, page_url))


def latest_practices(ctx: RenderContext, page_url: str, count: int) -> str:
    newest = sorted(ctx.catalog.practices, key=lambda p: p.get("datums", "afgesproken"), reverse=True)[:count]
    items = [{"url": f"praktijken/{p.id}/", "titel": p.get("titel"), "regio": p.get("regio"), "fictief": is_fictional(p)}
             for p in newest]
    return ctx.for_markdown(ctx.render("_latest.html", items=items, page_url=page_url))


def fiction_sentence(ctx: RenderContext) -> str:
    """How many of the site's practices are fictional, as a sentence (home and about page)."""
    sentence = ctx.env.get_template("_fictief.html").module.count_sentence
    return str(sentence(fiction_count(ctx.catalog.practices), "in deze kennisbank"))


def theme_table(ctx: RenderContext, page_url: str, theme: str) -> str:
    if theme not in {c.code for c in ctx.catalog.codelists["themas"]}:
        raise ValueError(f"onbekend thema '{theme}' in vergelijkingstabel()")
    return ctx.for_markdown(comparison_table(ctx, theme, ctx.catalog.practices, page_url))


def templates_of(ctx: RenderContext, page_url: str, theme: str | None) -> str:
    return ctx.for_markdown(template_list(ctx, page_url, theme))


def field_reference(ctx: RenderContext, kind: str) -> str:
    return ctx.for_markdown(_field_reference(ctx, kind))


def _sources(ctx: RenderContext) -> dict:
    sources, problems = read_sources(ctx.catalog.root)
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    return sources


def source_list(ctx: RenderContext, meta: dict | None, page: str) -> str:
    """The sources a page names in its front matter, numbered, each with the day it was checked."""
    entries = cited(meta, _sources(ctx), ctx.catalog.today, page)
    # Not kept out of Markdown like the other macros' HTML (macros.render.stash): MkDocs must see the ids
    # of the list, or it reports the page's inline references (#bron-...) as links to anchors that do not exist.
    return f"\n\n{ctx.render('_sources.html', entries=entries)}\n\n" if entries else ""


def source_reference(ctx: RenderContext, meta: dict | None, page: str, ident: str) -> str:
    """An inline reference to one of the page's sources (Markdown, so it stays inside its sentence)."""
    return citation_markdown(citation(meta, _sources(ctx), ctx.catalog.today, page, ident))
