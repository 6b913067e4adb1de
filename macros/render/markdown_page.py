"""The frame of a generated page: its front matter, and the page as the generator takes it.

A page function returns the page as text: front matter and the rendered template. For a
generator that reads Markdown that text is the page (its headings are Markdown lines). In the
MkDocs build the headings are finished HTML (macros.render.headings), and `FinishedPage` is
the page handed over: its front matter, its HTML and its table of contents. Kept apart from
the page modules so that every page module can use it without importing another page module.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

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


def split_front(page: str) -> tuple[dict, str]:
    """A page made with `front` as (front matter, the rest)."""
    head, _, body = page.removeprefix("---\n").partition("\n---\n\n")
    meta = {}
    for line in head.split("\n"):
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value)
    return meta, body


@dataclass(frozen=True)
class FinishedPage:
    """A generated page as the MkDocs build takes it: no Markdown left to convert."""

    meta: dict
    html: str
    toc: tuple       # nested tokens {level, id, name, children}, for mkdocs.structure.toc.get_toc
    anchors: frozenset

    def fingerprint(self) -> str:
        """A hash of everything the page shows; equal pages give equal hashes across builds."""
        text = json.dumps([self.meta, self.html, self.toc], ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()
