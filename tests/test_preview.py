"""`kennisbank serve` rebuilds only what an edit changed (macros.site.rebuild) and nothing goes stale.

Unit tests of the plan on the bundled catalogue with known edits, and one preview session
driven through a record edit, a removed record and a codelist change, after which every page of
the preview equals the page of a fresh complete build of the same files.
"""

from __future__ import annotations

import dataclasses
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from macros.load.catalog import load_catalog
from macros.model.catalog import Record, freeze, thaw
from macros.site.context import Session
from macros.site.rebuild import RebuildState, changed_practices
from test_render_safety import build, edit_csv, edit_record, project_copy
from test_serve import fetch_until

ROOT = Path(__file__).resolve().parent.parent
REPLACER, REPLACED = "voorbeeld-rijnmond-po", "voorbeeld-rijnmond-po-2018"
OTHER = "voorbeeld-twente-vo"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


def edited(catalog, practice_id: str, **changes):
    practices = tuple(Record(p.file, freeze({**thaw(p.data), **changes}), p.body) if p.id == practice_id else p
                      for p in catalog.practices)
    return dataclasses.replace(catalog, practices=practices)


def without(catalog, practice_id: str):
    return dataclasses.replace(catalog, practices=tuple(p for p in catalog.practices if p.id != practice_id))


def test_an_unchanged_catalogue_renders_nothing_again(catalog):
    again = load_catalog(ROOT / "practices")
    plan = RebuildState(catalog=catalog, key="k").plan(again, "k")
    assert (plan.everything, plan.practices, plan.data_changed) == (False, set(), False)


def test_an_edited_record_renders_its_own_page_only(catalog):
    assert changed_practices(catalog, edited(catalog, OTHER, titel="Nieuwe titel")) == {OTHER}


def test_records_that_name_each_other_are_rendered_together(catalog):
    # the replaced record's page names its replacer ("Vervangen door ...") and the other way round
    assert changed_practices(catalog, edited(catalog, REPLACED, titel="Oud convenant")) == {REPLACED, REPLACER}
    assert changed_practices(catalog, edited(catalog, REPLACER, titel="Nieuw convenant")) == {REPLACER, REPLACED}
    assert changed_practices(catalog, edited(catalog, REPLACER, vervangt=None)) == {REPLACER, REPLACED}


def test_a_removed_record_changes_the_data_but_renders_no_practice_page(catalog):
    plan = RebuildState(catalog=catalog, key="k").plan(without(catalog, OTHER), "k")
    assert (plan.everything, plan.practices, plan.data_changed) == (False, set(), True)


def test_a_change_that_shows_everywhere_renders_everything(catalog):
    state = RebuildState(catalog=catalog, key="k")
    assert state.plan(catalog, "other key").everything  # theme, configuration, page templates or problems
    glossary = dataclasses.replace(catalog, glossary=catalog.glossary[1:])
    assert state.plan(glossary, "k").everything
    codelists = dict(catalog.codelists)
    codelists["dekking"] = codelists["dekking"][:-1]
    assert state.plan(dataclasses.replace(catalog, codelists=codelists), "k").everything
    assert RebuildState().plan(catalog, "k").everything  # the first build


def test_the_publisher_runs_the_newest_job_and_drops_the_waiting_ones():
    publisher, done = Session().publisher, []
    publisher.submit(lambda: (time.sleep(0.3), done.append(1)))
    time.sleep(0.05)
    publisher.submit(lambda: done.append(2))
    publisher.submit(lambda: done.append(3))
    publisher.wait()
    assert done == [1, 3]


def test_a_failing_publication_is_told_in_dutch_and_the_next_job_still_runs(capsys):
    publisher, done = Session().publisher, []

    def full_disk():
        raise PermissionError(13, "Permission denied", "/srv/site/data/praktijken.csv")

    publisher.submit(full_disk)
    publisher.wait()
    publisher.submit(lambda: done.append("volgende"))
    publisher.wait()
    told = capsys.readouterr().err
    assert told.startswith("Downloads, open data of zoekindex konden niet worden bijgewerkt: ")
    assert "/srv/site/data/praktijken.csv" in told and "Errno" not in told and "Permission denied" not in told
    assert done == ["volgende"]


# --- one preview session ----------------------------------------------------------------------

def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(port: int, path: str) -> int:
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5).status
    except urllib.error.HTTPError as err:
        return err.code


_CANONICAL = re.compile(r'<link rel="canonical"[^>]*>')


def _comparable(path: Path) -> str:
    """A page without what only the preview has (its address in the canonical link) and blank lines."""
    text = _CANONICAL.sub("", path.read_text(encoding="utf-8"))
    return "\n".join(line for line in text.splitlines() if line.strip())


@contextmanager
def serving(project: Path):
    """`kennisbank serve` in `project` until its first build is up; yields {"port", "server"}, and
    "output" (all it printed) once it has been stopped."""
    running = {"port": _port()}
    running["server"] = subprocess.Popen(
        [sys.executable, "-m", "macros.cli", "serve", "--adres", f"127.0.0.1:{running['port']}"], cwd=project,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        fetch_until(running["port"], f"praktijken/{OTHER}/", lambda html: "<h1" in html)
        yield running
    finally:
        running["server"].terminate()
        running["output"] = running["server"].communicate(timeout=30)[0]


def test_preview_follows_edits_and_matches_a_complete_build(tmp_path):
    project = project_copy(tmp_path)
    with serving(project) as running:
        port = running["port"]
        edit_record(project, OTHER, lambda d: d.update(titel="Vijfdagentafel Twente, herzien"))
        fetch_until(port, f"praktijken/{OTHER}/", lambda html: "Vijfdagentafel Twente, herzien</h1>" in html)
        fetch_until(port, "praktijken/", lambda html: "Vijfdagentafel Twente, herzien" in html)

        (project / "practices" / "praktijken" / "voorbeeld-groningen-vo.yaml").unlink()
        fetch_until(port, "praktijken/", lambda html: "voorbeeld-groningen-vo" not in html and "<h1" in html)
        assert _status(port, "praktijken/voorbeeld-groningen-vo/") == 404

        edit_csv(project / "practices" / "codelijsten" / "dekking.csv", "ja", "label", "Geregeld")
        fetch_until(port, f"praktijken/{REPLACER}/", lambda html: "✓</span> Geregeld</span>" in html)
        time.sleep(3)  # the background publishing of the last rebuild
        assert running["server"].poll() is None
    preview = next((project / ".cache").glob("voorbeeld-*"), None)
    assert "Traceback" not in running["output"], running["output"]
    assert preview is None, "the preview's folder is removed when it stops"


def test_every_preview_page_equals_a_complete_build_after_edits(tmp_path):
    project = project_copy(tmp_path)
    with serving(project) as running:
        port = running["port"]
        edit_record(project, REPLACED, lambda d: d.update(titel="Thuiszittersoverleg 2018, herzien"))
        fetch_until(port, f"praktijken/{REPLACER}/", lambda html: "Thuiszittersoverleg 2018, herzien" in html)
        (project / "practices" / "praktijken" / "voorbeeld-groningen-vo.yaml").unlink()
        fetch_until(port, "praktijken/", lambda html: "voorbeeld-groningen-vo" not in html and "<h1" in html)
        # the open data follows in the background: wait until it no longer lists the removed record
        fetch_until(port, "data/tabellen/praktijken.csv", lambda text: "voorbeeld-groningen-vo" not in text)
        time.sleep(3)
        preview = next((project / ".cache").glob("voorbeeld-*"))
        complete = build(project)
        preview_pages = {p.relative_to(preview) for p in preview.rglob("*.html")}
        complete_pages = {p.relative_to(complete) for p in complete.rglob("*.html")}
        assert preview_pages == complete_pages
        differ = [str(p) for p in sorted(complete_pages) if _comparable(preview / p) != _comparable(complete / p)]
        assert differ == []
        for table in ("praktijken.csv", "praktijk-themas.csv"):
            assert (preview / "data" / "tabellen" / table).read_bytes() == \
                (complete / "data" / "tabellen" / table).read_bytes()
