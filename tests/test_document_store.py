"""Template documents reused across builds (macros.store.document_store): a second build runs
no pandoc and gives the same bytes; anything a set is made from makes it again; links and
incomplete sets in the store are never used."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from macros.load.catalog import load_catalog
from macros.store import document_store
from macros.store.document_store import KEEP, STORE, DocumentStore, set_key
from macros.publish.document_work import document_work
from macros.site import steps

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("documenten")
    shutil.copytree(ROOT / "practices", base / "practices")
    return base


@pytest.fixture()
def made(project, monkeypatch):
    """make_documents as a build calls it; returns (paths, templates pandoc was run for)."""
    catalog = load_catalog(project / "practices")
    runs: list[str] = []
    real = steps.write_all

    def counting(jobs, *args, **kwargs):
        jobs = list(jobs)
        runs.extend(job.template_id for job in jobs)
        return real(jobs, *args, **kwargs)
    monkeypatch.setattr(steps, "write_all", counting)

    def make():
        runs.clear()
        with document_work(project / ".cache") as work:
            paths, _ = steps.make_documents(catalog, work)
            return {key: path.read_bytes() for key, path in paths.items()}, {k: p for k, p in paths.items()}, list(runs)
    return catalog, make


def test_a_second_build_takes_the_stored_documents_and_they_are_the_same_bytes(project, made):
    catalog, make = made
    shutil.rmtree(project / ".cache", ignore_errors=True)
    first, _, ran = make()
    assert sorted(ran) == sorted(t.id for t in catalog.templates) and len(ran) == 5
    second, paths, ran_again = make()
    assert ran_again == [] and second == first
    store = project / ".cache" / document_store.STORE
    assert all(path.is_relative_to(store) for path in paths.values())
    assert len(first) == 15 and all(len(data) > 1000 for data in first.values())


def test_a_file_in_the_template_folder_a_planted_link_or_a_missing_file_makes_the_set_again(project, made, tmp_path):
    catalog, make = made
    make()
    first = catalog.templates[0]
    folder = project / "practices" / "sjablonen" / first.id
    folder.mkdir(exist_ok=True)
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    try:
        _, paths, ran = make()
        assert ran == [first.id], "a new file beside the template: its documents are made again"
    finally:
        shutil.rmtree(folder)
    _, paths, ran = make()
    assert ran == [], "the folder as before: the earlier set is still stored"

    second = catalog.templates[1]
    docx = paths[(second.id, "docx")]
    outside = tmp_path / "elders.docx"
    outside.write_bytes(b"niet van ons")
    docx.unlink()
    docx.symlink_to(outside)
    fresh, paths, ran = make()
    assert ran == [second.id] and fresh[(second.id, "docx")] != b"niet van ons"
    assert not paths[(second.id, "docx")].is_symlink()

    paths[(second.id, "odt")].unlink()
    _, _, ran = make()
    assert ran == [second.id], "an incomplete set is made again"


def test_the_key_changes_with_the_code_the_template_and_each_file(tmp_path):
    folder = tmp_path / "sjabloon"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"een")
    base = set_key("code", "sjabloon-1", folder)
    assert set_key("code", "sjabloon-1", folder) == base
    assert set_key("andere code", "sjabloon-1", folder) != base
    assert set_key("code", "sjabloon-2", folder) != base
    (folder / "a.png").write_bytes(b"twee")
    changed = set_key("code", "sjabloon-1", folder)
    assert changed != base
    (folder / "a.png").unlink()
    (folder / "a.png").symlink_to(tmp_path / "elders.png")
    (tmp_path / "elders.png").write_bytes(b"twee")
    assert set_key("code", "sjabloon-1", folder) not in (base, changed), "a link is not read as the file"
    assert set_key("code", "sjabloon-1", tmp_path / "bestaat-niet") != base


def test_the_code_key_reads_every_module_that_makes_documents(tmp_path, monkeypatch):
    from macros.store import cache
    package = tmp_path / "macros"
    for name in document_store.PACKAGES:
        (package / name).mkdir(parents=True)
        (package / name / "x.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    before = document_store.code_key()
    for name in document_store.PACKAGES:
        (package / name / "x.py").write_text("A = 2\n", encoding="utf-8")
        assert document_store.code_key() != before, name
        before = document_store.code_key()


def test_prune_keeps_the_most_recently_used_sets(tmp_path):
    store = DocumentStore(tmp_path)
    for k in range(KEEP + 3):
        entry = store.folder / f"sleutel-{k:02d}"
        entry.mkdir(parents=True)
        (entry / "a.docx").write_bytes(b"x")
        os.utime(entry, (1_000_000 + k, 1_000_000 + k))
    assert store.find("sleutel-00", ["a.docx"]) is not None  # used now: the newest
    store.prune()
    kept = sorted(e.name for e in store.folder.iterdir())
    assert len(kept) == KEEP and "sleutel-00" in kept
    assert "sleutel-01" not in kept and "sleutel-02" not in kept and "sleutel-03" not in kept
    assert "sleutel-04" in kept


def test_a_store_or_cache_folder_that_is_a_link_is_never_used(tmp_path):
    elsewhere = tmp_path / "elders"
    (elsewhere / STORE / "sleutel").mkdir(parents=True)
    (elsewhere / STORE / "sleutel" / "a.docx").write_bytes(b"niet van ons")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / ".cache").symlink_to(elsewhere, target_is_directory=True)
    assert DocumentStore(tmp_path / "project" / ".cache").find("sleutel", ["a.docx"]) is None
    assert DocumentStore(elsewhere).find("sleutel", ["a.docx"]) is not None, "the same set, not through a link"
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / STORE).symlink_to(elsewhere / STORE, target_is_directory=True)
    store = DocumentStore(tmp_path / "cache")
    made = tmp_path / "gemaakt"
    made.mkdir()
    (made / "a.docx").write_bytes(b"nieuw")
    assert store.find("sleutel", ["a.docx"]) is None and store.keep("sleutel", made) == made
    store.prune()
    assert (elsewhere / STORE / "sleutel" / "a.docx").read_bytes() == b"niet van ons"
