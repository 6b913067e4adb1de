"""The validation cache (.cache/validatie/) never changes an answer.

Every bad-input test of test_validation.py and test_hardening_data.py runs here again (a
parametrized one with its first values: the others plant another text in the same place, so they
take the same path through the cache), with `main` replaced by one that first compares, for each
`kennisbank validate` the case does, the problems and warnings (file, line, field, message) of a
run without the cache, a cold run that fills it and a warm run that reads it, and then runs the
real command (warm) for the case's own assertions. Further tests plant problems that compare records, change what the context key
covers (schema, codelist, lock, attachment, record) and corrupt the cache files.
"""

from __future__ import annotations

import inspect
import itertools
import json
import shutil
from pathlib import Path

import pytest

import test_hardening_data
import test_validation
from macros.model.problems import InvalidData
from macros.load import catalog as catalog_module
from macros.store.cache import CACHE_FOLDER, DATA_FOLDER, PACKAGE_FILE, RECORDS_FILE, code_parts, context_key
from macros.load.catalog import check_package, load_catalog
from macros.load.yaml_source import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
BASE = "voorbeeld-west-brabant-po"
OTHER = "voorbeeld-achterhoek-po-vo"
FIXTURES = {"practices", "capsys", "tmp_path"}


# --------------------------------------------------------------------------- helpers


def outcome(root: Path, cache: bool):
    """Everything `validate` reports, as values: ('fout', problems, warnings) or ('goed', counts, warnings)."""
    try:
        checked = check_package(root, cache=cache)
    except InvalidData as err:
        return "fout", [tuple(vars(p).values()) for p in err.problems], [tuple(vars(w).values()) for w in err.warnings]
    return "goed", (checked.practices, checked.templates), [tuple(vars(w).values()) for w in checked.warnings]


def cache_folder(root: Path) -> Path:
    return Path(root).resolve().parent / CACHE_FOLDER


class Counting:
    """Counts the files the per-file checks read (a warm run reads none it has seen)."""

    def __init__(self, monkeypatch):
        self.calls = 0
        real = catalog_module._RecordCheck.__call__

        def counted(check, job):
            self.calls += 1
            return real(check, job)
        monkeypatch.setattr(catalog_module._RecordCheck, "__call__", counted)


def uncacheable(root: Path) -> int:
    """Record files too big to be cached (their message names the size on disk)."""
    return sum(1 for folder in ("praktijken", "sjablonen") for p in (root / folder).rglob("*.yaml")
               if p.is_file() and not p.is_symlink() and p.stat().st_size > MAX_BYTES)


def assert_same_cold_and_warm(root: Path, counting: Counting):
    """Without cache, cold and warm: the same answer; the warm run reads no file it has seen."""
    shutil.rmtree(cache_folder(root), ignore_errors=True)
    without = outcome(root, cache=False)
    cold = outcome(root, cache=True)
    counting.calls = 0
    warm = outcome(root, cache=True)
    assert cold == without
    assert warm == without
    if cache_folder(root).is_dir():  # the cold run got as far as the records
        assert counting.calls == uncacheable(Path(root)), "the warm run checked files again"
    return without


# --------------------------------------------------------------------------- every bad-input case, cold and warm


def _cases():
    for module in (test_validation, test_hardening_data):
        for name, fn in sorted(vars(module).items()):
            if not name.startswith("test_") or not inspect.isfunction(fn):
                continue
            params = set(inspect.signature(fn).parameters)
            if "practices" not in params or "validate(practices" not in inspect.getsource(fn):
                continue
            marks = [m for m in getattr(fn, "pytestmark", []) if m.name == "parametrize"]
            names = [[n.strip() for n in m.args[0].split(",")] if isinstance(m.args[0], str) else list(m.args[0])
                     for m in marks]
            assert params <= FIXTURES | {n for group in names for n in group}, name
            combo = next(itertools.product(*(m.args[1] for m in marks)))  # the first values of each parameter
            values = {}
            for group, value in zip(names, combo):
                values.update(zip(group, value if len(group) > 1 else (value,)))
            yield pytest.param(module, fn, values, id=f"{module.__name__}::{name}")


CASES = list(_cases())


def test_the_cases_of_both_files_are_all_here():
    names = {p.values[1].__name__ for p in CASES}
    assert len(CASES) == len(names) == 40
    assert {"test_duplicate_ids", "test_unknown_gemeente_code_and_name_suggest_real_ones",
            "test_personal_data_in_any_text_is_refused", "test_broken_codelist_rows_get_dutch_messages"} <= names


@pytest.mark.parametrize("module, case, values", CASES)
def test_warm_validation_gives_the_cold_answer(module, case, values, tmp_path, capsys, monkeypatch):
    practices = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", practices)
    counting = Counting(monkeypatch)
    real_main = module.main
    compared = []

    def main(argv):
        if argv and argv[0] == "validate":
            compared.append(assert_same_cold_and_warm(Path(argv[1]), counting))
        return real_main(argv)

    monkeypatch.setattr(module, "main", main)
    given = {"practices": practices, "capsys": capsys, "tmp_path": tmp_path, **values}
    case(**{name: given[name] for name in inspect.signature(case).parameters})
    assert compared, "the case ran no validation"


# --------------------------------------------------------------------------- checks across records


def practice(name: str) -> str:
    return (ROOT / "practices" / "praktijken" / f"{name}.yaml").read_text(encoding="utf-8")


def write(practices: Path, name: str, text: str) -> None:
    (practices / "praktijken" / f"{name}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def practices(tmp_path) -> Path:
    target = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", target)
    return target


FLEVOLAND = "voorbeeld-flevoland-po"  # names a template
PLANTED = {
    "vervangt-nothing": lambda t: t.replace(f"id: {BASE}\n", f"id: {BASE}\nvervangt: bestaat-niet\n", 1),
    "template-unknown": lambda t: t.replace("sjabloon:\n  id: ", "sjabloon:\n  id: geen-", 1),
    "gemeente-twice-after-normalising": lambda t: t.replace("gemeenten: [Breda, GM0826,", "gemeenten: [Breda, GM0758, GM0826,", 1),
    "no-id": lambda t: t.replace(f"id: {BASE}\n", "", 1),
    "id-a-number": lambda t: t.replace(f"id: {BASE}\n", "id: 12\n", 1),
}


@pytest.mark.parametrize("planted", sorted(PLANTED))
def test_problems_across_records_are_the_same_from_the_cache(practices, monkeypatch, planted):
    name = FLEVOLAND if planted == "template-unknown" else BASE
    text = practice(name)
    changed = PLANTED[planted](text)
    assert changed != text, planted
    write(practices, name, changed)
    if planted == "no-id":  # two records without an id: their child rows share a key without the id
        write(practices, "tweede-zonder-id", practice(OTHER).replace(f"id: {OTHER}\n", "", 1))
    found = assert_same_cold_and_warm(practices, Counting(monkeypatch))
    assert found[0] == "fout"
    expected = {"vervangt-nothing": "er is geen praktijk met id 'bestaat-niet'",
                "template-unknown": "er is geen sjabloon met id 'geen-",
                "gemeente-twice-after-normalising": "staat twee keer in de lijst (na omzetten naar codes)",
                "no-id": "verplicht veld ontbreekt. Voeg 'id:' toe",
                "id-a-number": "hier hoort tekst, maar er staat 12"}[planted]
    assert any(expected in message for _, _, _, message in found[1]), found[1]


def test_duplicate_id_found_when_only_the_new_copy_is_read(practices, monkeypatch):
    counting = Counting(monkeypatch)
    assert outcome(practices, cache=True)[0] == "goed"
    (practices / "praktijken" / "kopie").mkdir()
    shutil.copy(practices / "praktijken" / f"{BASE}.yaml", practices / "praktijken" / "kopie" / f"{BASE}.yaml")
    counting.calls = 0
    warm = outcome(practices, cache=True)
    assert counting.calls == 1, "only the new file is read"
    assert warm == outcome(practices, cache=False)
    twice = [(Path(f).name, n, k) for f, n, k, m in warm[1] if f"'{BASE}' komt twee keer voor" in m]
    assert twice == [(f"{BASE}.yaml", 2, "id")]


def test_a_removed_practice_breaks_the_link_to_it_without_reading_the_linking_one(practices, monkeypatch):
    write(practices, OTHER, practice(OTHER).replace(f"id: {OTHER}\n", f"id: {OTHER}\nvervangt: {BASE}\n", 1))
    assert outcome(practices, cache=True)[0] == "goed"
    (practices / "praktijken" / f"{BASE}.yaml").unlink()
    counting = Counting(monkeypatch)
    warm = outcome(practices, cache=True)
    assert counting.calls == 0
    assert warm == outcome(practices, cache=False)
    assert [(Path(f).name, k, m.split(".")[0]) for f, n, k, m in warm[1]] == \
        [(f"{OTHER}.yaml", "vervangt", f"er is geen praktijk met id '{BASE}'")]


def test_more_errors_than_frictionless_reports_in_one_table_gives_the_full_answer(practices, monkeypatch):
    """Frictionless stops a table at 1,000 errors: the cached run must then not report more."""
    text = practice(BASE)
    for i in range(1001):
        write(practices, f"kopie-{i:04d}", text.replace(f"id: {BASE}\n", f"id: kopie-{i:04d}\n", 1)
              .replace("status: actief", "status: lopend"))
    found = assert_same_cold_and_warm(practices, Counting(monkeypatch))
    assert sum("'lopend' is geen code uit de lijst status" in m for *_, m in found[1]) == 1000


# --------------------------------------------------------------------------- what invalidates what


def test_a_schema_edit_invalidates_every_record(practices):
    assert outcome(practices, cache=True)[0] == "goed"
    schema_file = practices / "schema" / "praktijk.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["titel"]["maxLength"] = 10
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    warm = outcome(practices, cache=True)
    assert warm == outcome(practices, cache=False)
    titles = [m for _, _, field, m in warm[1] if field == "titel"]
    assert len(titles) == len(list((practices / "praktijken").glob("*.yaml")))
    assert all(m.startswith("tekst is te lang") and "hoogstens 10" in m for m in titles)


def test_a_codelist_edit_invalidates_the_records_that_use_the_code(practices):
    assert outcome(practices, cache=True)[0] == "goed"
    codelist = practices / "codelijsten" / "status.csv"
    codelist.write_text("\n".join(line for line in codelist.read_text(encoding="utf-8").splitlines()
                                  if not line.startswith("actief,")) + "\n", encoding="utf-8")
    warm = outcome(practices, cache=True)
    assert warm == outcome(practices, cache=False)
    users = sorted(p.name for p in (practices / "praktijken").glob("*.yaml")
                   if "\nstatus: actief\n" in p.read_text(encoding="utf-8"))
    assert users and sorted(Path(f).name for f, _, field, m in warm[1] if field == "status"
                            and m.startswith("'actief' is geen code uit de lijst status")) == users


def test_a_lock_edit_invalidates_the_template_versions(practices):
    used = [p for p in (practices / "praktijken").glob("*.yaml") if "\nsjabloon:\n" in p.read_text(encoding="utf-8")]
    assert used and outcome(practices, cache=True)[0] == "goed"
    lock = practices / "sjablonen" / "versies.lock"
    lock.write_text(lock.read_text(encoding="utf-8").replace("1.0.0:", "9.9.9:"), encoding="utf-8")
    warm = outcome(practices, cache=True)
    assert warm == outcome(practices, cache=False)
    assert any(field == "sjabloon.versie" and "heeft geen versie 1.0.0. Bestaande versies:" in m
               for _, _, field, m in warm[1]), warm[1]


def test_a_record_edit_is_seen_and_only_that_record_is_read(practices, monkeypatch):
    assert outcome(practices, cache=True)[0] == "goed"
    write(practices, BASE, practice(BASE).replace("status: actief", "status: lopend"))
    counting = Counting(monkeypatch)
    warm = outcome(practices, cache=True)
    assert counting.calls == 1
    assert warm == outcome(practices, cache=False)
    assert [(Path(f).name, k) for f, _, k, m in warm[1]] == [(f"{BASE}.yaml", "status")]


def test_a_removed_attachment_is_missed_by_the_records_that_name_it(practices):
    assert outcome(practices, cache=True)[0] == "goed"
    (practices / "bijlagen" / "voorbeeld-convenant-doorbraakaanpak.md").unlink()
    warm = outcome(practices, cache=True)
    assert warm == outcome(practices, cache=False)
    assert any(k.endswith(".bestand") and "'voorbeeld-convenant-doorbraakaanpak.md' bestaat niet" in m
               for _, _, k, m in warm[1]), warm[1]


def test_the_context_covers_the_code_that_checks_and_the_day(practices):
    parts = code_parts()
    for package in ("load", "checks", "model"):
        for path in (ROOT / "macros" / package).glob("*.py"):
            assert any(part.endswith(path.read_bytes()) for part in parts), path
    descriptor = {"resources": []}
    from datetime import date
    assert context_key(practices, descriptor, date(2026, 1, 1)) != context_key(practices, descriptor, date(2026, 1, 2))


# --------------------------------------------------------------------------- a corrupt cache is ignored


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong-shape", "empty", "other-context"])
def test_a_corrupt_cache_file_is_ignored(practices, monkeypatch, damage):
    write(practices, BASE, practice(BASE).replace("status: actief", "status: lopend"))
    without = outcome(practices, cache=False)
    assert outcome(practices, cache=True) == without
    folder = next(cache_folder(practices).iterdir())
    records, package = folder / RECORDS_FILE, folder / PACKAGE_FILE
    text = records.read_text(encoding="utf-8")
    if damage == "garbage":
        records.write_bytes(b"\x00\xff niet json")
        package.write_text("{", encoding="utf-8")
    elif damage == "truncated":
        records.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "wrong-shape":
        value = json.loads(text)
        for entry in value["entries"].values():
            entry["t"] = {table: [[1, 2, 3]] for table in entry["t"]}
            entry["p"] = "geen lijst"
        records.write_text(json.dumps(value), encoding="utf-8")
        package.write_text(json.dumps({**json.loads(package.read_text()), "static": [["x"]]}), encoding="utf-8")
    elif damage == "empty":
        records.write_text("", encoding="utf-8")
    else:
        records.write_text(text.replace(folder.name, "0" * len(folder.name)), encoding="utf-8")
    counting = Counting(monkeypatch)
    assert outcome(practices, cache=True) == without
    assert counting.calls == len(list((practices / "praktijken").glob("*.yaml"))) + \
        len(list((practices / "sjablonen").glob("*.yaml"))), "every file read again"
    counting.calls = 0
    assert outcome(practices, cache=True) == without and counting.calls == 0, "the cache was written again"


def test_a_corrupt_data_file_is_ignored_by_the_build_load(practices):
    expected = load_catalog(practices)
    assert load_catalog(practices, cache=True) == expected
    data = next(cache_folder(practices).iterdir()) / DATA_FOLDER
    files = sorted(data.iterdir())
    assert len(files) == 13 + 5
    files[0].write_text('{"formaat": 1, "context": "x", "key": "y", "data": {"id": "vals"}}', encoding="utf-8")
    files[1].write_bytes(b"\xff\xfe")
    assert load_catalog(practices, cache=True) == expected


# --------------------------------------------------------------------------- the Catalog for build and serve


def test_the_catalog_from_the_cache_is_the_catalog(practices, monkeypatch):
    expected = load_catalog(practices)
    cold = load_catalog(practices, cache=True)
    counting = Counting(monkeypatch)
    warm = load_catalog(practices, cache=True)
    assert counting.calls == 0
    assert cold == expected and warm == expected
    assert dict(warm.tables) == dict(expected.tables) and warm.warnings == expected.warnings


def test_validate_command_without_cache_writes_none(practices, capsys):
    from macros.cli.main import main
    assert main(["validate", str(practices), "--zonder-cache"]) == 0
    assert not cache_folder(practices).exists()
    assert main(["validate", str(practices)]) == 0
    assert sorted(p.name for p in next(cache_folder(practices).iterdir()).iterdir()) == [PACKAGE_FILE, RECORDS_FILE]
    assert capsys.readouterr().out.count("Alles in orde: 13 praktijken en 5 sjablonen gecontroleerd.") == 2


def test_changed_files_checked_in_worker_processes_give_the_same_answer(practices, monkeypatch, forked):
    from macros.load import parallel
    write(practices, BASE, PLANTED["vervangt-nothing"](practice(BASE)).replace("status: actief", "status: lopend"))
    write(practices, "kopie", practice(OTHER))  # a second file with OTHER's id
    without = outcome(practices, cache=False)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    started = forked
    assert outcome(practices, cache=True) == without
    assert len(started) == 2 * 2, "two workers for the practices, two for the templates"
    assert outcome(practices, cache=True) == without and len(started) == 4, "warm: no worker needed"
    messages = [m for *_, m in without[1]]
    assert any("er is geen praktijk met id 'bestaat-niet'" in m for m in messages)
    assert any(f"'{OTHER}' komt twee keer voor" in m for m in messages)
    assert any("'lopend' is geen code uit de lijst status" in m for m in messages)
