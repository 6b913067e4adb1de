"""The headings of one generated page, and its table of contents, made in Python.

A page template writes a heading as `{{ kop(2, text) }}` (or with `id=` and `classes=`). The
`Outline` of the page gives each heading a unique id, the one Python-Markdown's `toc` extension
would give it, and renders it through `_heading.html`: as finished HTML with its permalink for
the MkDocs build (the page then skips Markdown altogether), or as a Markdown heading line for a
generator that reads Markdown (Zensical, `kennisbank paginas`). The table of contents is kept as
the nested tokens Python-Markdown makes; `mkdocs.structure.toc.get_toc` turns them into MkDocs'
table of contents.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Mapping

from jinja2 import Environment
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markupsafe import Markup


@dataclass(frozen=True)
class Permalink:
    """How a finished heading links to itself: the `toc` settings of mkdocs.yml."""

    symbol: str = "#"
    title: str = ""
    separator: str = "-"

    @classmethod
    def from_toc_config(cls, toc: Mapping | None) -> "Permalink":
        toc = toc or {}
        symbol = toc.get("permalink", "#")
        return cls("¶" if symbol is True else str(symbol), str(toc.get("permalink_title", "")),
                   str(toc.get("separator", "-")))


class Outline:
    """The headings of one page. `permalink` None: Markdown heading lines (each after `marker`); else
    finished HTML."""

    def __init__(self, env: Environment, permalink: Permalink | None = None, marker: str = "") -> None:
        self._template = env.get_template("_heading.html")
        self.permalink = permalink
        self._marker = marker  # before a Markdown heading line, so the line can be told apart (macros.render.stash)
        self._ids: set[str] = set()
        self._counters: dict[str, int] = {}
        self._tokens: list[dict] = []

    def heading(self, level: int, text, id: str | None = None, classes: tuple | list = ()) -> Markup:
        """A heading of `level` (1-6) showing `text`; `id` as given, or made from the text."""
        text = " ".join(str(text).split())
        separator = self.permalink.separator if self.permalink else "-"
        anchor = id if id else unique(slugify(text, separator), self._ids, self._counters)
        self._ids.add(anchor)
        self._tokens.append({"level": level, "id": anchor, "name": escape(text, quote=False)})
        rendered = self._template.render(level=level, text=text, id=anchor, own_id=bool(id), classes=list(classes),
                                         permalink=self.permalink)
        return Markup(rendered if self.permalink else self._marker + rendered)

    def toc(self) -> list[dict]:
        """The table of contents as nested tokens ({level, id, name, children}), for `get_toc`."""
        return nest_toc_tokens([dict(t) for t in self._tokens])

    def anchors(self) -> frozenset:
        return frozenset(self._ids)
