"""The HTML of a template body on the site.

`body_html` turns a body that `macros.checks.templates` accepted into HTML with
Python-Markdown (only the `tables` extension), then sanitises it with an allowlist
(nh3, the Rust ammonia sanitiser) as a second wall: only the tags and attributes a
template body needs, links only http(s), mailto or inside the site (with
`rel="noopener"`), images only from the template's own attachments. Whatever got past
the checks (raw HTML, event handlers, `javascript:` in any spelling) arrives inert.
Placeholders `[[naam]]` stay plain text; the template page marks them up.
"""

from __future__ import annotations

import markdown
import nh3
from markdown.extensions.tables import TableExtension

from macros.checks.templates import attachment_name
from macros.model.urls import url_kind

TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "blockquote", "em", "strong",
        "code", "a", "img", "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
ALIGN = {"th": {"align": {"left", "center", "right"}}, "td": {"align": {"left", "center", "right"}}}


def body_html(markdown_text: str, *, image_prefix: str = "") -> str:
    """Sanitised HTML of a template body. `image_prefix` goes before an attachment's file
    name in `src` (for example the URL of the folder where the attachments are published)."""
    raw = markdown.markdown(markdown_text, extensions=[TableExtension(use_align_attribute=True)],
                            output_format="html")
    return nh3.clean(raw, tags=TAGS, attributes=ATTRIBUTES, tag_attribute_values=ALIGN,
                     attribute_filter=lambda tag, attr, value: _attribute(tag, attr, value, image_prefix),
                     clean_content_tags={"script", "style"}, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener", strip_comments=True)


def _attribute(tag: str, attr: str, value: str, image_prefix: str) -> str | None:
    if tag == "a" and attr == "href":
        return value if url_kind(value) != "refused" else None
    if tag == "img" and attr == "src":
        name = attachment_name(value)
        return f"{image_prefix}{name}" if name else None
    if tag == "ol" and attr == "start":
        return value if value.isdigit() else None
    return value
