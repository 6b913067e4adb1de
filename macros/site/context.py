"""The state of one site build, and what a `kennisbank serve` session keeps between rebuilds.

`BuildContext` is made new in every build's `on_config` and hung on the MkDocs config, so
the macros of hand-written pages and every hook event of that build read the same one;
nothing about a build lives in module globals. `Session` belongs to the hook instance:
it keeps the last good Catalog for the preview and the document work folder, removed when
the process ends its build or preview.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from typing import Callable
from dataclasses import dataclass, field
from pathlib import Path

from macros.model.problems import os_error_message
from macros.load.parallel import Latest
from macros.model.catalog import Catalog
from macros.publish.document_work import DocumentWork, document_work
from macros.render.context import RenderContext
from macros.site.rebuild import RebuildState
from macros.site.steps import Prepared

# The one key of ours in the MkDocs config: the Session, which holds the current build's BuildContext.
# `kennisbank build` and `kennisbank serve` put it there; MkDocs loads the hook anew per serve rebuild.
HANDLE_KEY = "kennisbank"


@dataclass
class BuildContext:
    catalog: Catalog
    problems: tuple                     # data problems shown on every page (serve only)
    prepared: Prepared | None = None     # documents and render context (macros.site.steps)
    render: RenderContext | None = None
    abbreviations: str = ""             # the glossary as Markdown abbreviations, once per build
    pages_total: int = 0
    pages_done: int = 0
    started: float = 0.0                  # time.monotonic() when the build began
    rendered: RebuildState | None = None  # serve: the session's RebuildState once this build has succeeded
    markdown_memo: object | None = None   # markdown_memo.MarkdownMemo: generated pages' Markdown step per shape


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
    build: BuildContext | None = None     # the current build's state, new in every build's on_config
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


def build_context(config) -> BuildContext:
    """The current build's state, from the one handle in the MkDocs config (or a dict like it)."""
    return config[HANDLE_KEY].build
