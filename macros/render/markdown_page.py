"""The Markdown frame of a generated page: its front matter and the text of its headings.

A generated page is Markdown: front matter, Markdown headings (so MkDocs' table of
contents works) and raw HTML blocks from a template. Kept apart from the page modules so
that every page module can use it without importing another page module.
"""

from __future__ import annotations

import json
import re

# Aggregate pages repeat what the practice pages say; indexing them too made the search index
# (loaded whole by every visitor who searches) several times larger and the results noisier.
UNSEARCHED = {"exclude": True}

# Characters that start Markdown inline syntax in a heading (links, emphasis, code, attribute
# lists, a closing '#' sequence). '<' and '&' are left to the template's HTML escaping.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]{}()#+!|-])")


def front(title: str, description: str = "", **extra) -> str:
    """Front matter; JSON strings are valid YAML, so quoting is always right."""
    meta = {"title": title, "render_macros": False, **({"description": description} if description else {}), **extra}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n\n"


def heading_text(text: str) -> str:
    """Data for a Markdown heading: one line, Markdown punctuation backslash-escaped, so a
    codelist label cannot make a link or an attribute list. The template still HTML-escapes it."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))
