"""MkDocs' Markdown step once per shape of generated page, not once per page.

In the MkDocs build a generated page reaches Python-Markdown as its headings, its title line
and a marker per HTML block (macros.render.blocks). A thousand practice pages have only a few
such shapes: the same headings, other markers and titles. Each page's marker keys and title
are replaced by stand-ins of the same form, MkDocs' own `Page.render` converts the first page
of a shape, and the pages after it take that result with their own markers and title put back.
Markers and the title line are raw HTML blocks, which Python-Markdown copies unchanged, so the
result is the one the page's own conversion gives (tests/test_blocks.py compares them).
"""

from __future__ import annotations

import copy
import posixpath
from dataclasses import dataclass

from mkdocs.structure.pages import Page

from macros.render.blocks import Blocks


@dataclass(frozen=True)
class _Rendered:
    content: str
    toc: object
    title: str | None
    anchors: frozenset
    links_to_anchors: dict | None       # {File: {anchor: link}}; the page's own file under `file`
    file: object


class MarkdownMemo:
    """The rendered shapes of one build's generated pages."""

    def __init__(self, blocks: Blocks) -> None:
        self._blocks = blocks
        self._shapes: dict[str, _Rendered] = {}

    def attach(self, page: Page) -> None:
        """Let `page` (a generated page) render through the memo."""
        page.render = lambda config, files: self.render(page, config, files)

    def render(self, page: Page, config, files) -> None:
        split = self._blocks.shape(page.markdown)
        if split is None:
            Page.render(page, config, files)  # not a shape the blocks can put back
            return
        shape, parts = split
        # The folder is part of the shape: MkDocs resolves a Markdown link relative to the page.
        key = posixpath.dirname(page.file.src_uri) + "\0" + shape
        done = self._shapes.get(key)
        if done is None:
            original, page.markdown = page.markdown, shape
            try:
                Page.render(page, config, files)
            finally:
                page.markdown = original
            done = self._shapes[key] = _Rendered(page.content, page.toc, page._title_from_render,
                                                   frozenset(page.present_anchor_ids or ()), page.links_to_anchors, page.file)
        page.content = self._blocks.unshape(done.content, parts)
        page.toc = copy.deepcopy(done.toc)
        page._title_from_render = done.title
        page.present_anchor_ids = set(done.anchors)
        if done.links_to_anchors is not None:  # links to its own headings are this page's, not the first's
            page.links_to_anchors = {page.file if f is done.file else f: dict(links)
                                     for f, links in done.links_to_anchors.items()}
