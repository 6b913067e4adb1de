"""One site build, and what a `kennisbank serve` session keeps between rebuilds.

`SiteBuild` owns the state of one build and runs its steps in order: `prepare` (documents and
render context), the pages (`finished_pages` for MkDocs, `markdown_pages` for a generator that
reads Markdown; `hand_written` and `hand_written_html` around the Markdown step of a hand-written
page; `finish_page` for each built page) and `publish` (everything beside the HTML).
The MkDocs hook (macros.site.events) and the Zensical build (macros.site.zensical) only translate
their own events into these steps. In the MkDocs build the one handle in the config is the
`Session`, which holds the current build; the macros of hand-written pages read the build from
there (`build_context`). `Session` keeps the last good Catalog for the preview and the document
work folder, removed when the process ends its build or preview.
"""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from typing import Callable
from dataclasses import dataclass, field
from pathlib import Path

from macros.model.problems import os_error_message
from macros.load.parallel import Latest
from macros.model.catalog import Catalog
from macros.load.progress import progress_line
from macros.model.schema import form_label
from macros.publish.document_work import DocumentWork, document_work
from macros.render.context import RenderContext
from macros.render.headings import Permalink
from macros.render.markdown_page import FinishedPage
from macros.render.pages import finished_pages, generated_pages
from macros.render.reference import abbreviations
from macros.render.stash import HtmlStash
from macros.site.rebuild import RebuildState
from macros.site.steps import Prepared, compact, prepare, publish

# The one key of ours in the MkDocs config: the Session, which holds the current build.
# `kennisbank build` and `kennisbank serve` put it there; MkDocs loads the hook anew per serve rebuild.
HANDLE_KEY = "kennisbank"


@dataclass
class SiteBuild:
    """One build of the site from one Catalog: prepare, pages, publish."""

    catalog: Catalog
    problems: tuple = ()                # data problems shown on every page (serve only)
    progress: bool = False              # a line every tenth of the pages (`kennisbank build`)
    started: float = field(default_factory=time.monotonic)
    prepared: Prepared | None = None     # documents and render context, from `prepare`
    abbreviations: str = ""             # the glossary as Markdown abbreviations, for hand-written pages
    pages_total: int = 0
    pages_done: int = 0
    rendered: RebuildState | None = None  # serve: what this build rendered, kept once it has succeeded

    @property
    def render(self) -> RenderContext:
        return self.prepared.render

    def prepare(self, work: DocumentWork, permalink: Permalink | None = None) -> None:
        """Step 1: the template documents and the render context. With `permalink` (MkDocs) the generated
        pages are made as finished HTML, without (Zensical) as Markdown headings with the HTML between them
        kept out of Markdown; the hand-written pages' macro HTML is kept out of Markdown in both
        (macros.render.stash: `hand_written_html` puts it back)."""
        self.prepared = prepare(self.catalog, work, permalink, HtmlStash())
        self.abbreviations = abbreviations(self.render)

    def finished_pages(self, practices: set[str] | None = None, others: bool = True) -> dict[str, FinishedPage]:
        """Step 2, MkDocs: the generated pages as finished HTML (a serve rebuild may ask for fewer)."""
        return finished_pages(self.render, practices, others)

    def markdown_pages(self) -> dict[str, str]:
        """Step 2, a generator that reads Markdown: the generated pages as Markdown."""
        return generated_pages(self.render)

    def hand_written(self, markdown: str) -> str:
        """A hand-written page's Markdown with the glossary as hover explanations."""
        return markdown + self.abbreviations

    def hand_written_html(self, html: str) -> str:
        """A page after the Markdown step with the HTML kept out of it back in place (every page that
        went through Markdown: MkDocs' hand-written pages, all of Zensical's)."""
        return self.render.stash.restore(html) if self.render.stash else html

    def finish_page(self, html: str) -> str:
        """Step 2, after the theme: a built page without indentation, with the banner of the data's
        problems during `serve`."""
        self._count_page()
        html = compact(html)
        if not self.problems:
            return html
        banner = self.render.render("_problems_banner.html", problems=self.banner_problems())
        return (html.replace("<body", "<body data-kb-fout", 1)
                .replace('<div class="md-container"', banner + '<div class="md-container"', 1))

    def publish(self, site: Path, redactie: dict, site_url: str | None) -> None:
        """Step 3: downloads, open data, web editor, comparison data, feed and search index in `site`."""
        publish(self.prepared, site, redactie, site_url)

    def banner_problems(self) -> list[dict]:
        """The preview banner's problems, each with its field as the web editor's form labels it."""
        schemas = self.catalog.schemas
        return [{"tekst": str(p), "veld": form_label(schemas["sjabloon" if "/sjablonen/" in p.file else "praktijk"],
                                                     p.field) if p.field else ""} for p in self.problems[:50]]

    def _count_page(self) -> None:
        self.pages_done += 1
        if self.progress:
            progress_line("pagina's", self.pages_done, self.pages_total)


def _publish_failed(err: Exception) -> None:
    """A background publishing job of `serve` failed: shown, and the preview goes on."""
    reason = os_error_message(err) if isinstance(err, OSError) else str(err)
    print(f"Downloads, open data of zoekindex konden niet worden bijgewerkt: {reason} De pagina's "
          "zelf zijn wel bijgewerkt; sla een bestand opnieuw op om het nog eens te proberen.",
          file=sys.stderr, flush=True)


@dataclass
class Session:
    command: str = "build"
    preloaded: Catalog | None = None      # `kennisbank build`: the Catalog it validated; the hook takes it
    build: SiteBuild | None = None        # the current build, new in every build's on_config
    last_good: Catalog | None = None
    rebuild: RebuildState | None = None   # serve only: what the previous rebuild rendered
    publisher: Latest = field(default_factory=lambda: Latest(_publish_failed))  # serve: publishing in the background
    rebuild_soon: Callable[[], None] = lambda: None   # serve: ask the preview server for another rebuild
    _work: DocumentWork | None = None
    _stack: ExitStack = field(default_factory=ExitStack)

    def work(self, project: Path) -> DocumentWork:
        """Where documents are made (`<project>/.cache/documenten-*`); unchanged templates are
        reused across the rebuilds of one session."""
        if self._work is None:
            self._work = self._stack.enter_context(document_work(project / ".cache"))
        return self._work

    def close(self) -> None:
        self.publisher.wait()  # it copies documents from the work folder removed below
        self._stack.close()
        self._work = None


def build_context(config) -> SiteBuild:
    """The current build's state, from the one handle in the MkDocs config (or a dict like it)."""
    return config[HANDLE_KEY].build
