"""The state of one site build, and what a `kennisbank serve` session keeps between rebuilds.

`BuildContext` is made new in every build's `on_config` and hung on the MkDocs config, so
the macros of hand-written pages and every hook event of that build read the same one;
nothing about a build lives in module globals. `Session` belongs to the hook instance:
it keeps the last good Catalog for the preview and the document work folder, removed when
the process ends its build or preview.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from macros.model.catalog import Catalog
from macros.publish.documents import DocumentWork, document_work
from macros.render.context import RenderContext
from macros.site.steps import Prepared

CONTEXT_KEY = "kennisbank_build"      # config key of the current BuildContext
PRELOADED_KEY = "kennisbank_catalog"  # config key where `kennisbank build` hands over its validated Catalog


@dataclass
class BuildContext:
    catalog: Catalog
    problems: tuple                     # data problems shown on every page (serve only)
    prepared: Prepared | None = None     # documents and render context (macros.site.steps)
    render: RenderContext | None = None
    abbreviations: str = ""             # the glossary as Markdown abbreviations, once per build
    pages_total: int = 0
    pages_done: int = 0


@dataclass
class Session:
    command: str = "build"
    last_good: Catalog | None = None
    _work: DocumentWork | None = None
    _stack: ExitStack = field(default_factory=ExitStack)

    def work(self, project: Path) -> DocumentWork:
        """Where documents are made (`<project>/.cache/documenten-*`); unchanged templates are
        reused across the rebuilds of one session."""
        if self._work is None:
            self._work = self._stack.enter_context(document_work(project / ".cache"))
        return self._work

    def close(self) -> None:
        self._stack.close()
        self._work = None


def build_context(config) -> BuildContext:
    return config[CONTEXT_KEY]
