"""Markdown attachments as pages of the site: practices/bijlagen/<naam>.md at bijlagen/<naam>/.

A reader who opens a document of a practice gets a page of the site, never raw Markdown: the text
rendered and sanitised like a template body (`macros.render.template_body.body_html`), with the
practices it belongs to. The .md file itself is not published (`macros.load.files.copy_attachments`).
"""

from __future__ import annotations

import re
from functools import partial
from typing import Callable
from pathlib import PurePosixPath

from markupsafe import Markup

from macros.render.context import RenderContext
from macros.render.env import rel
from macros.render.fiction import is_fictional
from macros.render.markdown_page import UNSEARCHED, front
from macros.render.tables import by_title
from macros.render.template_body import body_html

FOLDER = "bijlagen"
_LEADING_H1 = re.compile(r"^\s*<h1>(.*?)</h1>\s*", re.DOTALL)
_HEADING = re.compile(r"<(/?)h([1-6])>")
_TAG = re.compile(r"<[^>]+>")


def attachment_page_url(name: str) -> str:
    return f"{FOLDER}/{PurePosixPath(name).stem}/"


def is_page_attachment(ctx: RenderContext, name: str | None) -> bool:
    return bool(name) and name in ctx.attachments


def users(ctx: RenderContext) -> dict[str, list[tuple[str, object]]]:
    """{file name: [(document title, practice)]} for every Markdown attachment that has a page, practices by title."""
    found: dict[str, list] = {}
    for record in by_title(ctx, ctx.catalog.practices):
        for doc in record.get("documenten", default=()):
            if is_page_attachment(ctx, doc.get("bestand")):
                found.setdefault(doc["bestand"], []).append((doc["titel"], record))
    return found


def document_html(text: str) -> tuple[str, Markup]:
    """(the document's own title, or '' when it does not start with one; the sanitised body below it).

    The page's <h1> is the title, so the body's headings move one level down when it has more <h1>s."""
    html = body_html(text, image_prefix="../")
    leading = _LEADING_H1.match(html)
    title = " ".join(_TAG.sub("", leading[1]).split()) if leading else ""
    html = html[leading.end():] if leading else html
    if "<h1>" in html:
        html = _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}>", html)
    # Sanitised by body_html (nh3), then only heading tags renamed: the one place this text is marked safe.
    return title, Markup(html)


def attachment_page(ctx: RenderContext, name: str, used_by: list) -> str:
    url = attachment_page_url(name)
    own_title, body = document_html(ctx.attachments[name])
    title = own_title or used_by[0][0]
    page = {"titel": title, "body": body,
            "practices": [{"href": rel(url, f"praktijken/{r.id}/"), "titel": r.get("titel"), "fictief": is_fictional(r)}
                          for _, r in used_by],
            # Only a document all of whose practices are invented is called invented itself.
            "fictional": all(is_fictional(r) for _, r in used_by)}
    practices = ", ".join(r.get("titel") for _, r in used_by)
    # Out of the search index: an attachment's page would outrank the practice it belongs to,
    # and the practice page names and links it.
    return (front(title, f"Bijlage bij {practices}"[:160], search=UNSEARCHED)
            + ctx.render_page("attachment.html", page=page))


def attachment_pages(ctx: RenderContext) -> dict[str, str]:
    """{source path: Markdown} of every Markdown attachment a practice names."""
    return {src: make(ctx) for src, make in attachment_page_makers(ctx).items()}


def attachment_page_makers(ctx: RenderContext) -> dict[str, Callable[[RenderContext], str]]:
    """The attachment pages as {source path: function of the render context that renders the page}."""
    return {f"{FOLDER}/{PurePosixPath(name).stem}.md": partial(attachment_page, name=name, used_by=used_by)
            for name, used_by in sorted(users(ctx).items())}
