"""What the MkDocs hook does, kept here so the hook file stays thin glue.

Per build: load the Catalog once (or take the one `kennisbank build` already
validated), make the template documents once, add the generated pages, and after
the build write downloads, the open-data package and the search additions.
During `serve`, invalid data does not stop the server: the last good data stays
on screen with a banner listing the Dutch messages on every page.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from macros.model.catalog import Catalog
from macros.load.catalog import empty_catalog, load_catalog
from macros.render.html import esc
from macros.checks.problems import InvalidData, report
from macros.publish.dcat import write_dcat
from macros.publish.editor_config import write_editor

MAP_FILE = "referentie/kaart/gemeenten-2025.topojson"


@dataclass
class BuildState:
    command: str = "build"
    preloaded: Catalog | None = None      # set by `kennisbank build`, so the data is loaded once
    catalog: Catalog | None = None
    last_good: Catalog | None = None
    problems: list = field(default_factory=list)
    shapes: tuple | None = None
    documents: dict = field(default_factory=dict)   # (id, fmt) -> Path
    sizes: dict = field(default_factory=dict)       # (id, fmt) -> bytes
    work: Path | None = None
    abbreviations: str = ""                         # the glossary as Markdown, made once per build
    pages_total: int = 0
    pages_done: int = 0


STATE = BuildState()


def practices_root(config) -> Path:
    return Path(config.config_file_path).parent / "practices"


def on_startup(command: str, dirty: bool) -> None:
    STATE.command = command


def on_config(config):
    from macros.render.pages import forget_facets
    forget_facets()
    root = practices_root(config)
    try:
        STATE.catalog = STATE.preloaded or load_catalog(root)
        STATE.last_good, STATE.problems = STATE.catalog, []
    except InvalidData as err:
        if STATE.command != "serve":
            raise PluginError("De gegevens in practices/ bevatten fouten; de site is niet gebouwd.\n"
                              + report(err.problems)) from None
        # Printed, not logged: a logged error would make MkDocs' strict mode stop the preview.
        print("De gegevens bevatten fouten; de voorbeeldweergave toont de laatste goede versie met een "
              "foutmelding bovenaan elke pagina.\n" + report(err.problems), file=sys.stderr, flush=True)
        STATE.problems = err.problems
        STATE.catalog = STATE.last_good or empty_catalog(root)
    finally:
        STATE.preloaded = None
    from macros.render.pages import abbreviations
    STATE.abbreviations = abbreviations(STATE.catalog)
    return config


def on_files(files, config):
    from macros.render.map import load_topology, project_shapes
    from macros.render.pages import generated_pages
    catalog = STATE.catalog
    if STATE.shapes is None:
        STATE.shapes = project_shapes(load_topology(catalog.root / MAP_FILE))
    make_documents(catalog)
    for src, content in generated_pages(catalog, STATE.shapes, STATE.sizes).items():
        files.append(File.generated(config, src, content=content))
    STATE.pages_total, STATE.pages_done = len(files.documentation_pages()), 0
    return files


def _progress() -> None:
    """A line every tenth of the pages, on long builds only."""
    STATE.pages_done += 1
    total, done = STATE.pages_total, STATE.pages_done
    if STATE.command == "build" and total >= 200 and (done == total or done % max(1, total // 10) == 0):
        print(f"  pagina's: {done} van {total}", file=sys.stderr, flush=True)


def make_documents(catalog: Catalog) -> None:
    """The .docx/.odt/.md of every template, once per build; unchanged templates are reused."""
    from macros.publish.documents import DocumentJob, write_all
    if STATE.work is None:
        STATE.work = Path(tempfile.mkdtemp(prefix="kennisbank-documenten-"))
    jobs, wanted = [], {}
    for t in catalog.templates:
        key = hashlib.sha256(json.dumps([t.get("titel"), t.get("versie"), t.get("doel"), t.body,
                                         [dict(f) for f in t.get("invulvelden")]]).encode()).hexdigest()[:16]
        folder = STATE.work / key
        wanted[t.id] = folder
        if not (folder / f"{t.id}-{t.get('versie')}.odt").exists():
            jobs.append(DocumentJob(t.id, t.get("versie"), t.get("titel"), t.body,
                                    {f["naam"]: f["label"] for f in t.get("invulvelden")}, t.get("doel"), out_dir=folder))
    write_all(jobs, STATE.work)
    STATE.documents, STATE.sizes = {}, {}
    for t in catalog.templates:
        for fmt in ("docx", "odt", "md"):
            path = wanted[t.id] / f"{t.id}-{t.get('versie')}.{fmt}"
            STATE.documents[(t.id, fmt)] = path
            STATE.sizes[(t.id, fmt)] = path.stat().st_size


def on_page_markdown(markdown: str, page, config, files):
    """Hand-written pages get the glossary as hover explanations."""
    return markdown if page.file.generated_by else markdown + STATE.abbreviations


_BLANK_BETWEEN_TAGS = re.compile(r">[ \t]*\n\s*<")


def on_post_page(output: str, page, config):
    _progress()
    if "<pre" not in output and "<textarea" not in output:  # no whitespace-sensitive content on this page
        output = _BLANK_BETWEEN_TAGS.sub(">\n<", output)  # the theme's indentation is a fifth of a page
    if not STATE.problems:
        return output
    items = "".join(f"<li><code>{esc(p)}</code></li>" for p in STATE.problems[:50])
    banner = ('<div class="kb-bouwfout" role="alert"><strong>De gegevens bevatten fouten.</strong> Deze voorbeeldweergave '
              f'toont de laatste goede versie. Herstel het volgende en sla op:<ul>{items}</ul></div>')
    return output.replace("<body", "<body data-kb-fout", 1).replace('<div class="md-container"', banner + '<div class="md-container"', 1)


def on_post_build(config):
    from macros.publish.opendata import export_package
    from macros.render.search_terms import augment_index
    from macros.render.tables import compare_data
    site = Path(config.site_dir)
    for (tid, _), path in STATE.documents.items():
        target = site / "sjablonen" / tid / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    export_package(STATE.catalog, site / "data")
    # Attachments are copied as they are: a .md attachment is a document to download, not a page.
    shutil.copytree(STATE.catalog.root / "bijlagen", site / "bijlagen", dirs_exist_ok=True)
    (site / "vergelijken").mkdir(exist_ok=True)
    (site / "vergelijken" / "praktijken.json").write_text(json.dumps(compare_data(STATE.catalog), ensure_ascii=False),
                                                          encoding="utf-8")
    augment_index(site / "search" / "search_index.json")
    write_dcat(STATE.catalog, site / "data")
    write_editor(STATE.catalog, site, config.extra.get("redactie", {}))
