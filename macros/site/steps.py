"""The steps of a site build that do not depend on the generator.

`prepare` turns the one Catalog of a build into what the pages are made of (the template
documents, the render context); `publish` writes what a built site needs beside its HTML
(downloads, open data, web editor, comparison data, feed, search index). `SiteBuild`
(macros.site.context) runs them, for MkDocs and for Zensical alike.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from macros.checks.templates import attachment_file, attachment_name
from macros.load.attachments import markdown_attachments
from macros.load.files import copy_attachments
from macros.load.history import file_history
from macros.load.template_parts import template_form
from macros.model.catalog import Catalog, thaw
from macros.publish.browser_library import write_fill_library
from macros.publish.comparison_downloads import write_comparison_downloads
from macros.publish.dcat import write_dcat
from macros.store.document_store import DocumentStore, code_key, set_key
from macros.publish.documents import DocumentJob, write_all
from macros.publish.document_work import DocumentWork
from macros.publish.editor_config import write_editor
from macros.publish.feed import write_feed
from macros.publish.opendata import export_package
from macros.publish.search_index import write_search_index
from macros.render.context import RenderContext, render_context
from macros.render.headings import Permalink
from macros.render.stash import HtmlStash
from macros.render.map import load_topology, project_shapes
from macros.render.tables import compare_data
from macros.render.template_body import body_html

MAP_FILE = "referentie/kaart/gemeenten-2025.topojson"
FORMATS = ("docx", "odt", "md")
_INDENTATION = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """A built page without the theme's indentation (a fifth of a page), unless it holds
    whitespace-sensitive content."""
    if "<pre" in html or "<textarea" in html:
        return html
    return _INDENTATION.sub("\n", html)


@dataclass
class Prepared:
    render: RenderContext
    documents: dict      # (template id, format) -> file in the document work folder


def prepare(catalog: Catalog, work: DocumentWork, permalink: Permalink | None = None,
            stash: HtmlStash | None = None) -> Prepared:
    """The documents and the render context of one build. With `permalink` (the MkDocs build) the
    generated pages are finished HTML (macros.render.headings); without, complete Markdown. With
    `stash`, the hand-written pages' macro HTML skips Python-Markdown (macros.render.stash)."""
    documents, sizes = make_documents(catalog, work)
    shapes = project_shapes(load_topology(catalog.root / MAP_FILE))
    render = render_context(catalog, sizes=sizes, shapes=shapes, history=file_history(catalog.root),
                            attachments=markdown_attachments(catalog), permalink=permalink, stash=stash,
                            template_cache=catalog.root.parent / ".cache" / "jinja")
    return Prepared(render, documents)


def publish(prepared: Prepared, site: Path, redactie: dict, site_url: str | None) -> None:
    """Everything beside the HTML pages, written into the built `site`."""
    catalog, render = prepared.render.catalog, prepared.render
    copy_documents(prepared.documents, site)
    _copy_template_images(catalog, site)
    export_package(catalog, site / "data")
    write_dcat(catalog, site / "data")
    write_editor(catalog, site, redactie)
    write_fill_library(catalog.root.parent, site)
    # Only the attachments a record names, as regular files; a .md attachment is a document to download.
    copy_attachments(catalog, site / "bijlagen")

    def comparisons() -> None:  # no HTML page among them, so they can be written while Pagefind indexes
        (site / "vergelijken").mkdir(exist_ok=True)
        (site / "vergelijken" / "praktijken.json").write_text(json.dumps(compare_data(render), ensure_ascii=False),
                                                              encoding="utf-8")
        write_comparison_downloads(render, site / "vergelijken")
        write_feed(render, site, site_url)
    write_search_index(site, catalog, meanwhile=comparisons)


def copy_documents(documents: dict, site: Path) -> None:
    for (tid, _), path in documents.items():
        target = site / "sjablonen" / tid / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


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
    """The .docx/.odt/.md of every template: (paths, sizes) keyed by (id, format). A set made by an
    earlier build from the same template, files and code is taken from the store in `.cache/`."""
    store, code = DocumentStore(work.folder.parent), code_key()
    jobs, folders, keys = [], {}, {}
    for t in catalog.templates:
        keys[t.id] = key = set_key(code, _document_key(t), catalog.root / "sjablonen" / t.id)
        stored = store.find(key, [f"{t.id}-{t.get('versie')}.{fmt}" for fmt in FORMATS])
        folders[t.id] = folder = stored or work.folder / key
        if stored is None and not (folder / f"{t.id}-{t.get('versie')}.odt").exists():
            jobs.append(DocumentJob(t.id, t.get("versie"), t.get("titel"), t.body,
                                    {f["naam"]: f["label"] for f in t.get("invulvelden")}, t.get("doel"), out_dir=folder,
                                    attachments=catalog.root / "sjablonen" / t.id, released=_released(t),
                                    form=template_form(t.data)))
    write_all(jobs, work.folder, references=work.references)
    for job in jobs:
        folders[job.template_id] = store.keep(keys[job.template_id], job.out_dir)
    paths = {(t.id, fmt): folders[t.id] / f"{t.id}-{t.get('versie')}.{fmt}" for t in catalog.templates for fmt in FORMATS}
    return paths, {key: path.stat().st_size for key, path in paths.items()}
