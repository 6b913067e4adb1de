"""What the MkDocs hook does, kept here so the hook file stays thin glue.

Per build: load the Catalog once (or take the one `kennisbank build` already validated),
make the template documents, add the generated pages, and after the build write
downloads, the open-data package and the search additions. During `serve`, invalid data
does not stop the server: the last good data stays on screen with a banner listing the
Dutch messages on every page.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from macros.checks.problems import InvalidData, report
from macros.checks.templates import attachment_file, attachment_name
from macros.load.attachments import markdown_attachments
from macros.load.catalog import empty_catalog, load_catalog
from macros.load.files import copy_attachments
from macros.load.history import file_history
from macros.model.catalog import Catalog, thaw
from macros.publish.comparison_downloads import write_comparison_downloads
from macros.publish.dcat import write_dcat
from macros.load.template_parts import template_form
from macros.publish.browser_library import write_fill_library
from macros.publish.documents import DocumentJob, DocumentWork, write_all
from macros.publish.editor_config import write_editor
from macros.publish.feed import write_feed
from macros.publish.opendata import export_package
from macros.publish.search_index import write_search_index
from macros.render.context import render_context
from macros.render.map import load_topology, project_shapes
from macros.render.pages import generated_pages
from macros.render.reference import abbreviations
from macros.render.tables import compare_data
from macros.render.template_body import body_html
from macros.site.context import CONTEXT_KEY, PRELOADED_KEY, BuildContext, Session, build_context

MAP_FILE = "referentie/kaart/gemeenten-2025.topojson"
_BLANK_BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")


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
        catalog = build.catalog
        shapes = project_shapes(load_topology(catalog.root / MAP_FILE))
        work = self.session.work(Path(config.config_file_path).parent)
        build.documents, sizes = make_documents(catalog, work)
        build.render = render_context(catalog, sizes=sizes, shapes=shapes, history=file_history(catalog.root),
                                      attachments=markdown_attachments(catalog))
        build.abbreviations = abbreviations(build.render)
        for src, content in generated_pages(build.render).items():
            files.append(File.generated(config, src, content=content))
        build.pages_total, build.pages_done = len(files.documentation_pages()), 0
        return files

    def on_page_markdown(self, markdown: str, page, config, files):
        """Hand-written pages get the glossary as hover explanations."""
        return markdown if page.file.generated_by else markdown + build_context(config).abbreviations

    def on_post_page(self, output: str, page, config):
        build = build_context(config)
        _progress(build, self.session.command)
        if "<pre" not in output and "<textarea" not in output:  # no whitespace-sensitive content on this page
            output = _BLANK_BETWEEN_TAGS.sub(">\n<", output)  # the theme's indentation is a fifth of a page
        if not build.problems:
            return output
        banner = build.render.render("_problems_banner.html", problems=[str(p) for p in build.problems[:50]])
        return (output.replace("<body", "<body data-kb-fout", 1)
                .replace('<div class="md-container"', banner + '<div class="md-container"', 1))

    def on_post_build(self, config):
        build = build_context(config)
        site = Path(config.site_dir)
        for (tid, _), path in build.documents.items():
            target = site / "sjablonen" / tid / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        _copy_template_images(build.catalog, site)
        export_package(build.catalog, site / "data")
        write_dcat(build.catalog, site / "data")
        write_editor(build.catalog, site, config.extra.get("redactie", {}))
        write_fill_library(build.catalog.root.parent, site)
        # Only the attachments a record names, as regular files; a .md attachment is a document to download.
        copy_attachments(build.catalog, site / "bijlagen")
        (site / "vergelijken").mkdir(exist_ok=True)
        (site / "vergelijken" / "praktijken.json").write_text(
            json.dumps(compare_data(build.render), ensure_ascii=False), encoding="utf-8")
        write_comparison_downloads(build.render, site / "vergelijken")
        write_feed(build.render, site, config.site_url)
        write_search_index(site, build.catalog)


_IMAGE_SRC = re.compile(r'<img[^>]* src="([^"]+)"')


def _copy_template_images(catalog: Catalog, site: Path) -> None:
    """The images a template body shows, from practices/sjablonen/<id>/ beside its page."""
    for t in catalog.templates:
        folder = catalog.root / "sjablonen" / t.id
        for name in filter(None, map(attachment_name, _IMAGE_SRC.findall(body_html(t.body)))):
            source = attachment_file(folder, name)
            if source:
                (site / "sjablonen" / t.id).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, site / "sjablonen" / t.id / name)


def _progress(build: BuildContext, command: str) -> None:
    """A line every tenth of the pages, on long builds only."""
    build.pages_done += 1
    total, done = build.pages_total, build.pages_done
    if command == "build" and total >= 200 and (done == total or done % max(1, total // 10) == 0):
        print(f"  pagina's: {done} van {total}", file=sys.stderr, flush=True)


def _released(template) -> date | None:
    """The day of the template's current version, from its change log."""
    for change in template.get("wijzigingen", default=()):
        if change.get("versie") == template.get("versie"):
            return date.fromisoformat(str(change["datum"]))
    return None


def _document_key(template) -> str:
    """What a template's documents are made from; equal keys may reuse the files."""
    return hashlib.sha256(json.dumps([thaw(template.data), template.body], default=str, sort_keys=True)
                          .encode()).hexdigest()[:16]


def make_documents(catalog: Catalog, work: DocumentWork) -> tuple[dict, dict]:
    """The .docx/.odt/.md of every template: (paths, sizes) keyed by (id, format)."""
    jobs, folders = [], {}
    for t in catalog.templates:
        folder = folders[t.id] = work.folder / _document_key(t)
        if not (folder / f"{t.id}-{t.get('versie')}.odt").exists():
            jobs.append(DocumentJob(t.id, t.get("versie"), t.get("titel"), t.body,
                                    {f["naam"]: f["label"] for f in t.get("invulvelden")}, t.get("doel"), out_dir=folder,
                                    attachments=catalog.root / "sjablonen" / t.id, released=_released(t),
                                    form=template_form(t.data)))
    write_all(jobs, work.folder, references=work.references)
    paths = {(t.id, fmt): folders[t.id] / f"{t.id}-{t.get('versie')}.{fmt}"
             for t in catalog.templates for fmt in ("docx", "odt", "md")}
    return paths, {key: path.stat().st_size for key, path in paths.items()}
