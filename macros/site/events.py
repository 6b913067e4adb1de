"""What the MkDocs hook does, kept here so the hook file stays thin glue.

Per build: load the Catalog once (or take the one `kennisbank build` already validated),
make the template documents, add the generated pages, and after the build write
downloads, the open-data package and the search additions. During `serve`, invalid data
does not stop the server: the last good data stays on screen with a banner listing the
Dutch messages on every page.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from macros.checks.problems import InvalidData, report
from macros.load.catalog import empty_catalog, load_catalog
from macros.model.catalog import Catalog
from macros.render.blocks import Blocks
from macros.render.pages import generated_pages
from macros.render.reference import abbreviations
from macros.site.context import CONTEXT_KEY, PRELOADED_KEY, BuildContext, Session, build_context
from macros.site.steps import prepare, publish

_INDENTATION = re.compile(r"\n\s+")


def practices_root(config) -> Path:
    return Path(config.config_file_path).parent / "practices"


class SiteEvents:
    """The hook's events; one instance per process, one BuildContext per build."""

    def __init__(self):
        self.session = Session()

    def on_startup(self, command: str, dirty: bool) -> None:
        self.session.command = command

    def on_shutdown(self) -> None:
        self.session.close()

    def on_config(self, config):
        catalog, problems = self._catalog(config)
        config[CONTEXT_KEY] = BuildContext(catalog=catalog, problems=tuple(problems))
        return config

    def _catalog(self, config) -> tuple[Catalog, list]:
        root = practices_root(config)
        preloaded = config.get(PRELOADED_KEY)
        try:
            catalog = preloaded or load_catalog(root)
        except InvalidData as err:
            if self.session.command != "serve":
                raise PluginError("De gegevens in practices/ bevatten fouten; de site is niet gebouwd.\n"
                                  + report(err.problems)) from None
            # Printed, not logged: a logged error would make MkDocs' strict mode stop the preview.
            print("De gegevens bevatten fouten; de voorbeeldweergave toont de laatste goede versie met een "
                  "foutmelding bovenaan elke pagina.\n" + report(err.problems), file=sys.stderr, flush=True)
            return self.session.last_good or empty_catalog(root), err.problems
        self.session.last_good = catalog
        return catalog, []

    def on_files(self, files, config):
        build = build_context(config)
        build.prepared = prepare(build.catalog, self.session.work(Path(config.config_file_path).parent), Blocks())
        build.render = build.prepared.render
        build.abbreviations = abbreviations(build.render)
        for src, content in generated_pages(build.render).items():
            files.append(File.generated(config, src, content=content))
        build.pages_total, build.pages_done = len(files.documentation_pages()), 0
        return files

    def on_page_markdown(self, markdown: str, page, config, files):
        """Hand-written pages get the glossary as hover explanations."""
        return markdown if page.file.generated_by else markdown + build_context(config).abbreviations

    def on_page_content(self, html: str, page, config, files):
        """The HTML blocks that skipped Python-Markdown go back in (macros.render.blocks)."""
        return build_context(config).render.blocks.restore(html)

    def on_post_page(self, output: str, page, config):
        build = build_context(config)
        _progress(build, self.session.command)
        if "<pre" not in output and "<textarea" not in output:  # no whitespace-sensitive content on this page
            output = _INDENTATION.sub("\n", output)  # the theme's indentation was a fifth of a page
        if not build.problems:
            return output
        banner = build.render.render("_problems_banner.html", problems=[str(p) for p in build.problems[:50]])
        return (output.replace("<body", "<body data-kb-fout", 1)
                .replace('<div class="md-container"', banner + '<div class="md-container"', 1))

    def on_post_build(self, config):
        build = build_context(config)
        publish(build.prepared, Path(config.site_dir), config.extra.get("redactie", {}), config.site_url)


def _progress(build: BuildContext, command: str) -> None:
    """A line every tenth of the pages, on long builds only."""
    build.pages_done += 1
    total, done = build.pages_total, build.pages_done
    if command == "build" and total >= 200 and (done == total or done % max(1, total // 10) == 0):
        print(f"  pagina's: {done} van {total}", file=sys.stderr, flush=True)
