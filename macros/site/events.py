"""What the MkDocs hook does, kept here so the hook file stays thin glue.

Per build: load the Catalog once (or take the one `kennisbank build` already validated),
make the template documents, add the generated pages, and after the build write
downloads, the open-data package and the search additions. During `serve`, invalid data
does not stop the server: the last good data stays on screen with a banner listing the
Dutch messages on every page.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.model.problems import InvalidData, report
from macros.load.catalog import empty_catalog, load_catalog
from macros.load.progress import progress_line
from macros.model.catalog import Catalog
from macros.model.schema import form_label
from macros.render.blocks import Blocks
from macros.render.pages import generated_pages
from macros.render.reference import abbreviations
from macros.site.context import HANDLE_KEY, BuildContext, Session, build_context
from macros.site.markdown_memo import MarkdownMemo
from macros.site.rebuild import RebuildState, site_key
from macros.site.steps import compact, prepare, publish

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
        self.session = config.get(HANDLE_KEY) or self.session  # `kennisbank build` and `serve` hand theirs over
        config[HANDLE_KEY] = self.session
        started = time.monotonic()
        catalog, problems = self._catalog(config)
        self.session.build = BuildContext(catalog=catalog, problems=tuple(problems), started=started)
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
        build.prepared = prepare(build.catalog, self.session.work(Path(config.config_file_path).parent), Blocks())
        build.render = build.prepared.render
        build.abbreviations = abbreviations(build.render)
        build.markdown_memo = MarkdownMemo(build.render.blocks)
        if self.session.rebuild is None:
            for src, content in generated_pages(build.render).items():
                files.append(File.generated(config, src, content=content))
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

    def on_pre_page(self, page, config, files):
        """A generated page's Markdown step is done once per shape of page (macros.site.markdown_memo)."""
        memo = build_context(config).markdown_memo
        if memo is not None and page.file.generated_by:
            memo.attach(page)
        return page

    def on_page_markdown(self, markdown: str, page, config, files):
        """Hand-written pages get the glossary as hover explanations."""
        return markdown if page.file.generated_by else markdown + build_context(config).abbreviations

    def on_page_content(self, html: str, page, config, files):
        """The HTML blocks that skipped Python-Markdown go back in (macros.render.blocks)."""
        return build_context(config).render.blocks.restore(html)

    def on_post_page(self, output: str, page, config):
        build = build_context(config)
        _progress(build, self.session.command)
        output = compact(output)
        if not build.problems:
            return output
        banner = build.render.render("_problems_banner.html", problems=banner_problems(build))
        return (output.replace("<body", "<body data-kb-fout", 1)
                .replace('<div class="md-container"', banner + '<div class="md-container"', 1))

    def on_post_build(self, config):
        build = build_context(config)
        site, redactie = Path(config.site_dir), config.extra.get("redactie", {})

        def job():
            publish(build.prepared, site, redactie, config.site_url)

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


def add_changed_pages(files: Files, config, build: BuildContext, state: RebuildState) -> tuple[Files, RebuildState]:
    """The generated pages of a serve rebuild, each marked modified only when it must be written
    again (macros.site.rebuild); returns the files and the state to keep once the build has succeeded."""
    project = Path(config.config_file_path).parent
    key = site_key(project, [f.src_uri for f in files.documentation_pages()], build.problems)
    plan = state.plan(build.catalog, key)
    pages = generated_pages(build.render, practices=plan.practices, others=not plan.quick)
    # A quick rebuild removes no record (macros.site.rebuild), so every page of the previous build stays.
    wanted = {f"praktijken/{p.id}.md" for p in build.catalog.practices} | set(state.pages if plan.quick else pages)
    hashes = {}
    for src in sorted(wanted):
        if src in pages:
            hashes[src] = build.render.blocks.fingerprint(pages[src])
            file = RebuiltFile.generated(config, src, content=pages[src])
            file.modified = plan.everything or state.pages.get(src) != hashes[src]
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


def _report_rebuild(build: BuildContext) -> None:
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


def _progress(build: BuildContext, command: str) -> None:
    """A line every tenth of the pages, on long builds only."""
    build.pages_done += 1
    if command == "build":
        progress_line("pagina's", build.pages_done, build.pages_total)


def banner_problems(build) -> list[dict]:
    """The preview banner's problems, each with its field as the web editor's form labels it."""
    schemas = build.catalog.schemas
    return [{"tekst": str(p), "veld": form_label(schemas["sjabloon" if "/sjablonen/" in p.file else "praktijk"], p.field)
             if p.field else ""} for p in build.problems[:50]]
