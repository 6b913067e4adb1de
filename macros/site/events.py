"""The MkDocs adapter: MkDocs' events translated into the steps of a `SiteBuild`.

on_config loads the Catalog once (or takes the one `kennisbank build` already validated) and
starts the build; on_files prepares it and adds the generated pages, finished (a `GeneratedPage`
needs no Markdown step); on_post_page finishes each built page; on_post_build publishes. During
`serve`, invalid data does not stop the server: the last good data stays on screen with a
banner listing the Dutch messages on every page.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from macros.model.problems import InvalidData, report
from macros.load.catalog import empty_catalog, load_catalog
from macros.model.catalog import Catalog
from macros.render.headings import Permalink
from macros.render.markdown_page import FinishedPage
from macros.site.context import HANDLE_KEY, Session, SiteBuild, build_context
from macros.site.rebuild import RebuildState, site_key


def practices_root(config) -> Path:
    return Path(config.config_file_path).parent / "practices"


class SiteEvents:
    """The hook's events; one instance per process, one SiteBuild per build."""

    def __init__(self):
        self.session = Session()

    def on_startup(self, command: str, dirty: bool) -> None:
        self.session.command = command

    def on_shutdown(self) -> None:
        self.session.close()

    def on_config(self, config):
        self.session = config.get(HANDLE_KEY) or self.session  # `kennisbank build` and `serve` hand theirs over
        config[HANDLE_KEY] = self.session
        started = time.monotonic()
        catalog, problems = self._catalog(config)
        self.session.build = SiteBuild(catalog=catalog, problems=tuple(problems), started=started,
                                       progress=self.session.command == "build")
        return config

    def _catalog(self, config) -> tuple[Catalog, list]:
        root = practices_root(config)
        preloaded, self.session.preloaded = self.session.preloaded, None  # for this build only
        try:
            catalog = preloaded or load_catalog(root, cache=self.session.command == "serve")
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
        build.prepare(self.session.work(Path(config.config_file_path).parent),
                      Permalink.from_toc_config(config.mdx_configs.get("toc")))
        if self.session.rebuild is None:
            titles = nav_titles(config.nav)
            for src, page in build.finished_pages().items():
                file = File.generated(config, src, content="")
                GeneratedPage(file, config, page, titles.get(src))  # becomes `file.page`
                files.append(file)
        else:
            files, build.rendered = add_changed_pages(files, config, build, self.session.rebuild)
        build.pages_total, build.pages_done = len(files.documentation_pages()), 0
        return files

    def on_env(self, env, config, files):
        """The theme's compiled templates are kept in .cache/ between builds (keyed on their source)."""
        build = build_context(config)
        if self.session.rebuild is not None:
            _keep_titles(files, self.session.rebuild, build.rendered)
        folder = Path(config.config_file_path).parent / ".cache" / "jinja-thema"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        except OSError:
            pass  # a read-only checkout: compile every time
        return env

    def on_page_markdown(self, markdown: str, page, config, files):
        """Hand-written pages get the glossary as hover explanations."""
        return markdown if page.file.generated_by else build_context(config).hand_written(markdown)

    def on_page_content(self, html: str, page, config, files):
        """Hand-written pages get their macros' HTML back (macros.render.stash)."""
        return html if page.file.generated_by else build_context(config).hand_written_html(html)

    def on_post_page(self, output: str, page, config):
        return build_context(config).finish_page(output)

    def on_post_build(self, config):
        build = build_context(config)
        site, redactie = Path(config.site_dir), config.extra.get("redactie", {})

        def job():
            build.publish(site, redactie, config.site_url)

        if build.rendered is None:
            job()
            return
        _report_rebuild(build)
        # serve: the first build publishes before the server starts; later ones in the background
        first = self.session.rebuild.catalog is None
        self.session.rebuild = build.rendered
        if build.rendered.behind:  # a quick rebuild: the rest follows in a rebuild right after this one
            self.session.rebuild_soon()
        elif first:
            job()
        else:
            self.session.publisher.submit(job)


def nav_titles(nav) -> dict[str, str]:
    """{page source: title} of the pages `nav` in mkdocs.yml names with a title of their own. MkDocs
    takes a page made before the navigation as it is, so a generated page gets that title itself."""
    titles = {}
    for item in nav or ():
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(nav_titles(value))
    return titles


class GeneratedPage(Page):
    """A page the project generated: its HTML and table of contents are finished, so MkDocs' Markdown
    step has nothing to convert. Made in on_files, before the navigation, which then takes it as the
    file's page (MkDocs' public `File.page`)."""

    def __init__(self, file: File, config, finished: FinishedPage, title: str | None = None) -> None:
        super().__init__(title or finished.meta.get("title"), file, config)
        self.finished = finished

    def read_source(self, config) -> None:
        self.markdown, self.meta = "", dict(self.finished.meta)

    def render(self, config, files) -> None:
        self.content = self.finished.html
        self.toc = get_toc(list(self.finished.toc))
        self.present_anchor_ids = set(self.finished.anchors)


def add_changed_pages(files: Files, config, build: SiteBuild, state: RebuildState) -> tuple[Files, RebuildState]:
    """The generated pages of a serve rebuild, each marked modified only when it must be written
    again (macros.site.rebuild); returns the files and the state to keep once the build has succeeded."""
    project = Path(config.config_file_path).parent
    key = site_key(project, [f.src_uri for f in files.documentation_pages()], build.problems)
    plan = state.plan(build.catalog, key)
    pages = build.finished_pages(practices=plan.practices, others=not plan.quick)
    # A quick rebuild removes no record (macros.site.rebuild), so every page of the previous build stays.
    wanted = {f"praktijken/{p.id}.md" for p in build.catalog.practices} | set(state.pages if plan.quick else pages)
    hashes, titles = {}, nav_titles(config.nav)
    for src in sorted(wanted):
        if src in pages:
            hashes[src] = pages[src].fingerprint()
            file = RebuiltFile.generated(config, src, content="")
            file.modified = plan.everything or state.pages.get(src) != hashes[src]
            GeneratedPage(file, config, pages[src], titles.get(src))
        else:  # unchanged, or left to the next rebuild: the HTML of the previous build stays
            hashes[src] = state.pages[src]
            file = RebuiltFile.generated(config, src, content="")
            file.modified = False
        files.append(file)
    if not plan.quick:  # hand-written pages: their macros read the data
        changed = plan.everything or plan.data_changed
        files = Files([RebuiltFile.like(f, changed or f.is_modified())
                       if f.is_documentation_page() and not f.generated_by else f for f in files])
    for src in state.pages.keys() - wanted:  # a record was removed or renamed
        gone = Path(File.generated(config, src, content="").abs_dest_path)
        gone.unlink(missing_ok=True)
        if gone.parent.is_dir() and not any(gone.parent.iterdir()):
            gone.parent.rmdir()
    return files, RebuildState(catalog=build.catalog, key=key, pages=hashes, behind=plan.quick)


def _keep_titles(files, previous: RebuildState, current: RebuildState) -> None:
    """A dirty build reads only the pages it renders; the others keep the title they had, or the
    menu of every page rendered (and the 404 page, rendered always) would name them "None"."""
    for file in files.documentation_pages():
        page = file.page
        if page.markdown is None and file.src_uri in previous.titles:
            page.markdown, page.meta = "", {"title": previous.titles[file.src_uri]}
        current.titles[file.src_uri] = page.title


def _report_rebuild(build: SiteBuild) -> None:
    """One line per preview rebuild: how many pages were written and how long it took."""
    seconds = time.monotonic() - build.started
    pages = f"{build.pages_done} {'pagina' if build.pages_done == 1 else 'pagina’s'}"
    rest = (" De overzichten volgen." if build.rendered.behind else
            " Downloads, open data en zoekindex worden op de achtergrond bijgewerkt.")
    print(f"Voorbeeld bijgewerkt in {seconds:.1f} s: {pages} opnieuw gemaakt.{rest}", file=sys.stderr, flush=True)


class RebuiltFile(File):
    """A page of a `serve` rebuild that says itself whether it must be rendered again (MkDocs asks
    `File.is_modified` in a dirty build; a generated file otherwise always says yes)."""

    modified: bool = True

    def is_modified(self) -> bool:
        return self.modified

    @classmethod
    def like(cls, file: File, modified: bool) -> "RebuiltFile":
        """The same hand-written page as `file`, modified or not."""
        same = cls(file.src_path, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=file.dest_uri,
                   inclusion=file.inclusion)
        same.modified = modified
        return same
