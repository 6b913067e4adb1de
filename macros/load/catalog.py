"""Load and validate `practices/` once, and hold the result as one immutable Catalog.

Every later step (pages, tables, map, documents, export) reads the Catalog; none
of them reads the YAML again.
"""

from __future__ import annotations

import csv
import multiprocessing
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Mapping

import yaml

from macros.model.catalog import Catalog, Code, Gemeente, Record, freeze
from macros.model.codes import GemeenteIndex, normal_swv
from macros.load.yaml_source import Source, load_yaml, shown
from macros.checks.package import Tables, compile_tables, source_descriptor, validate_tables
from macros.checks.problems import InvalidData, Problem
from macros.model.schema import load_schema
from macros.checks.templates import check_template
from macros.load.templates import LOCK_FILE, load_body, read_lock
from macros.checks.records import check_rules, check_shape


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _discover(root: Path, folder: str) -> list[Path]:
    return sorted((root / folder).rglob("*.yaml")) if (root / folder).is_dir() else []


CODE_COLUMNS = ("code", "label", "omschrijving")


def _read_descriptor(root: Path) -> dict:
    """practices/datapackage.yaml, or InvalidData saying in Dutch what is wrong with it."""
    where = shown(root / "datapackage.yaml")
    if not (root / "datapackage.yaml").is_file():
        raise InvalidData([Problem(shown(root), 0, "", "deze map bestaat niet of bevat geen datapackage.yaml. "
                                   "Geef de map van het datapakket (standaard: practices).")])
    try:
        descriptor = source_descriptor(root)
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 1
        raise InvalidData([Problem(where, line, "", "YAML-syntaxfout. Controleer inspringing, dubbele punten en "
                                   "haakjes.")]) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise InvalidData([Problem(where, 1, "resources", "het pakket heeft een lijst 'resources' nodig.")])
    return descriptor


def _table(path: Path, columns: tuple) -> list[dict]:
    """A reference table or codelist; a missing file or column is a Dutch problem, not a crash."""
    where = shown(path)
    if not path.is_file():
        raise InvalidData([Problem(where, 0, "", "het bestand ontbreekt; datapackage.yaml noemt het wel.")])
    rows = read_csv(path)
    header = list(rows[0]) if rows else []
    missing = [c for c in columns if c not in header]
    if missing:
        raise InvalidData([Problem(where, 1, missing[0], f"kolom '{missing[0]}' ontbreekt. De eerste regel moet de "
                                   f"kolommen {', '.join(columns)} noemen.")])
    return rows


def _read_lock(root: Path) -> dict:
    try:
        return read_lock(root)
    except yaml.YAMLError:
        raise InvalidData([Problem(shown(root / LOCK_FILE), 1, "", "het bestand is beschadigd. Herstel het "
                                   "uit git of maak het opnieuw met `kennisbank sjabloon vastleggen`.")]) from None


PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


def _read_one(job) -> tuple[Source | None, list[Problem]]:
    """Parse and check one file: everything that needs no other file."""
    path, where, schema, today, attachments = job
    source, problems = load_yaml(path, where)
    if source is not None:
        problems = check_shape(source, schema) + check_rules(source, schema, today, attachments)
    return source, problems


def _read_all(jobs: list):
    """The files in order; on both cores when there are many."""
    if len(jobs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        yield from map(_read_one, jobs)
        return
    with multiprocessing.get_context("fork").Pool(min(os.cpu_count() or 2, 4)) as pool:
        yield from pool.imap(_read_one, jobs, chunksize=64)


class _Loader:
    """One validation run: collects problems from every stage, never stops at the first."""

    def __init__(self, root: Path, today: date, progress: Callable | None):
        self.root, self.today, self.progress = root, today, progress
        self.problems: list[Problem] = []
        self.descriptor = _read_descriptor(root)
        paths = {r["name"]: root / r["path"] for r in self.descriptor["resources"]}
        self.codelists = {name: tuple(Code(r["code"], r["label"], r["omschrijving"] or "") for r in _table(p, CODE_COLUMNS))
                          for name, p in paths.items() if name not in ("gemeenten", "rmc-regios", "begrippen")}
        self.gemeente_rows = _table(paths["gemeenten"], ("code", "naam", "provincie"))
        self.rmc_rows = _table(paths["rmc-regios"], ("code", "naam"))
        self.glossary = tuple((r["term"], r["uitleg"]) for r in _table(paths["begrippen"], ("term", "uitleg"))) \
            if "begrippen" in paths else ()
        self.index = GemeenteIndex(self.gemeente_rows)
        self.lock = _read_lock(root)

    def load(self, folder: str, kind: str) -> list[tuple[Source, dict, str]]:
        schema = load_schema(self.root, kind)
        files = _discover(self.root, folder)
        jobs = [(path, shown(path), schema, self.today, self.root / "bijlagen") for path in files]
        loaded = []
        for n, (source, problems) in enumerate(_read_all(jobs), 1):
            if self.progress:
                self.progress(n, len(files))
            self.problems += problems
            if source is None:
                continue
            body = self._body(source) if kind == "sjabloon" else ""
            loaded.append((source, self._normalise(source.data, schema), body))
        return loaded

    def _body(self, source: Source) -> str:
        tid = source.data.get("id") if isinstance(source.data, dict) else None
        if not isinstance(tid, str):
            return ""
        body, where, problems = load_body(self.root, tid)
        self.problems += problems
        if body is not None:
            self.problems += check_template(source, body, where, self.lock)
        return body or ""

    def _normalise(self, data, schema: dict):
        """Codes in their one normal form; unknown values are left for the package check."""
        if not isinstance(data, dict):
            return data
        data = dict(data)  # only top-level lists change, and they are replaced, not edited
        for key, spec in schema.get("properties", {}).items():
            how = spec.get("x-normaliseer")
            if how and isinstance(data.get(key), list):
                fix = normal_swv if how == "swv" else self.index.code_for
                data[key] = [(fix(v) or v) if isinstance(v, str) else v for v in data[key]]
        return data


def load_catalog(root: Path | str = "practices", today: date | None = None, progress: Callable | None = None) -> Catalog:
    """Load, validate and freeze everything; raise InvalidData with all problems."""
    root, today = Path(root), today or date.today()
    run = _Loader(root, today, progress)
    practices = run.load("praktijken", "praktijk")
    templates = run.load("sjablonen", "sjabloon")
    tables = Tables()
    compile_tables([(s, d) for s, d, _ in practices if isinstance(d, dict)], load_schema(root, "praktijk"), "praktijk", tables)
    compile_tables([(s, d) for s, d, _ in templates if isinstance(d, dict)], load_schema(root, "sjabloon"), "sjabloon", tables)
    lookups = {**{n: [c.code for c in codes] for n, codes in run.codelists.items()},
               "rmc-regios": [r["code"] for r in run.rmc_rows], "gemeenten": run.index,
               "praktijken": [d.get("id") for _, d, _ in practices if isinstance(d, dict)],
               "sjablonen": [d.get("id") for _, d, _ in templates if isinstance(d, dict)]}
    problems = run.problems + _not_reported(validate_tables(root, run.descriptor, tables, lookups), run.problems)
    problems += _cross_checks(practices, run.lock)
    if problems:
        raise InvalidData(problems)
    return _catalog(run, tuple(Record(s.path, freeze(d)) for s, d, _ in practices),
                    tuple(Record(s.path, freeze(d), body) for s, d, body in templates), tables)


def _cross_checks(practices, lock: dict) -> list[Problem]:
    """Rules across records: a practice cannot replace itself; a named template version exists."""
    out = []
    for source, data, _ in practices:
        if not isinstance(data, dict):
            continue
        if data.get("vervangt") and data.get("vervangt") == data.get("id"):
            out.append(Problem(source.path, source.line(("vervangt",)), "vervangt", "een praktijk kan zichzelf niet vervangen."))
        used = data.get("sjabloon")
        if isinstance(used, dict) and used.get("id") in lock and used.get("versie") not in lock[used["id"]]:
            versions = ", ".join(sorted(lock[used["id"]]))
            out.append(Problem(source.path, source.line(("sjabloon", "versie")), "sjabloon.versie",
                               f"sjabloon '{used['id']}' heeft geen versie {used.get('versie')}. Bestaande versies: {versions}."))
    return out


def _not_reported(later: list[Problem], earlier: list[Problem]) -> list[Problem]:
    """The package check sees records the first checks already flagged (a wrong type, say);
    where both speak of the same field, the first message is the clearer one. Two problems of
    one stage (two BSN-like numbers in one text) are both kept."""
    seen = {(p.file, p.field, p.line) for p in earlier if p.field}
    return [p for p in later if not p.field or (p.file, p.field, p.line) not in seen]



def _catalog(run: _Loader, practices: tuple, templates: tuple, tables: Tables) -> Catalog:
    return Catalog(
        root=run.root, today=run.today, practices=practices, templates=templates,
        codelists=MappingProxyType(run.codelists),
        gemeenten=MappingProxyType({r["code"]: Gemeente(r["code"], r["naam"], r["provincie"]) for r in run.gemeente_rows}),
        rmc_regios=MappingProxyType({r["code"]: Code(r["code"], r["naam"]) for r in run.rmc_rows}),
        glossary=run.glossary,
        schemas=MappingProxyType({k: load_schema(run.root, k) for k in ("praktijk", "sjabloon")}),
        tables=MappingProxyType({k: tuple(v) for k, v in tables.rows.items()}),
        table_schemas=MappingProxyType(tables.schemas),
        lock=freeze(run.lock),
        descriptor=freeze(run.descriptor),
    )


def empty_catalog(root: Path | str = "practices", today: date | None = None) -> Catalog:
    """The reference data without practices or templates: what `serve` shows before any valid load."""
    return _catalog(_Loader(Path(root), today or date.today(), None), (), (), Tables())
