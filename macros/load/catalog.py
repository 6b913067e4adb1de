"""Load and validate `practices/` once, and hold the result as one immutable Catalog.

Every later step (pages, tables, map, documents, export) reads the Catalog; none
of them reads the YAML again.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Callable

import yaml

from macros.model.catalog import Catalog, Code, Gemeente, Record, freeze
from macros.model.codes import GemeenteIndex, normal_swv
from macros.model.swv import SwvIndex
from macros.model.problems import InvalidData, Problem, shown
from macros.model.source import Source
from macros.store.cache import ValidationCache, context_key, problems_out
from macros.store.incremental import Entry, FreshCheck, PackageRun, batches, empty_tables, find_entries
from macros.load.collector import fewer_collections
from macros.load.files import referenced_names
from macros.load import parallel
from macros.load.parallel import map_in_order
from macros.load.yaml_source import load_yaml, read_text
from macros.load.templates import LOCK_FILE, load_body, read_lock
from macros.checks.cross_record import cross_checks, split_warnings
from macros.checks.formulas import formula_problem
from macros.checks.package import Tables, compile_tables, resource_problems, validate_tables
from macros.checks.package_files import attachment_warnings, hidden_warnings, link_problems, record_files
from macros.checks.personal_data import body_personal_data
from macros.checks.records import Validators, check_rules, check_shape, compile_validators
from macros.checks.table_keys import key_columns
from macros.checks.templates import check_template

KINDS = {"praktijk": "praktijken", "sjabloon": "sjablonen"}
TABLE_LIMIT = 16 * 1024 * 1024  # reference tables and codelists; gemeenten.csv is 15 KB


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


CODE_COLUMNS = ("code", "label", "omschrijving")
TABLE_COLUMNS = {"gemeenten": ("code", "naam", "provincie"), "rmc-regios": ("code", "naam"), "begrippen": ("term", "uitleg"),
                 "swv": ("code", "onderwijssoort"), "swv-gemeenten": ("swv", "gemeente", "naam", "gedeeld", "onzeker"),
                 "herindelingen": ("naam_2015", "code")}


def _read_descriptor(root: Path) -> dict:
    """practices/datapackage.yaml, or InvalidData saying in Dutch what is wrong with it."""
    path = root / "datapackage.yaml"
    if not path.is_file():
        raise InvalidData([Problem(shown(root), 0, "", "deze map bestaat niet of bevat geen datapackage.yaml. "
                                   "Geef de map van het datapakket (standaard: practices).")])
    source, problems = load_yaml(path, shown(path))
    if problems:
        raise InvalidData(problems)
    if not isinstance(source.data, dict) or not isinstance(source.data.get("resources"), list):
        raise InvalidData([Problem(source.path, 1, "resources", "het pakket heeft een lijst 'resources' nodig.")])
    problems = [p for i, r in enumerate(source.data["resources"]) for p in resource_problems(source, i, r)]
    names = {r.get("name") for r in source.data["resources"] if isinstance(r, dict)}
    problems += [Problem(source.path, source.line(("resources",)), "resources", f"de tabel '{name}' ontbreekt; de "
                         "kennisbank heeft de tabellen gemeenten en rmc-regios nodig.") for name in ("gemeenten", "rmc-regios")
                 if name not in names]
    if problems:
        raise InvalidData(problems)
    return source.data


def _read_schema(root: Path, kind: str) -> dict:
    """One JSON Schema, read fresh for this run (a schema edited during `serve` counts at once)."""
    path = root / "schema" / f"{kind}.schema.json"
    where = shown(path)
    if not path.is_file():
        raise InvalidData([Problem(where, 0, "", "het schema ontbreekt. Zet het terug uit git.")])
    text, problems = read_text(path, where, TABLE_LIMIT)
    if problems:
        raise InvalidData(problems)
    try:
        schema = json.loads(text)
    except json.JSONDecodeError as err:
        raise InvalidData([Problem(where, err.lineno, "", f"geen geldige JSON in kolom {err.colno}. Controleer komma's, "
                                   "aanhalingstekens en haakjes, of zet het bestand terug uit git.")]) from None
    except RecursionError:
        raise InvalidData([Problem(where, 1, "", "het schema is te diep genest. Zet het bestand terug uit git.")]) from None
    if not isinstance(schema, dict):
        raise InvalidData([Problem(where, 1, "", "een schema moet een JSON-object zijn ({ ... }).")])
    return schema


def _table(path: Path, columns: tuple) -> tuple[list[dict], list[Problem]]:
    """A reference table or codelist and the problems in its cells; a missing file or column
    stops the run with a Dutch problem, not a crash."""
    where = shown(path)
    if not path.is_file():
        raise InvalidData([Problem(where, 0, "", "het bestand ontbreekt; datapackage.yaml noemt het wel.")])
    text, problems = read_text(path, where, TABLE_LIMIT)
    if problems:
        raise InvalidData(problems)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows, problems = [], []
    try:
        for row in reader:
            rows.append(row)
            problems += [Problem(where, reader.line_num, column, message) for column, value in row.items()
                         if isinstance(column, str) and isinstance(value, str) and (message := formula_problem(value))]
    except csv.Error:
        raise InvalidData([Problem(where, reader.line_num, "", "de CSV kan niet gelezen worden. Controleer de "
                                   "aanhalingstekens en komma's op die regel.")]) from None
    header = list(reader.fieldnames or [])
    missing = [c for c in columns if c not in header]
    if missing:
        raise InvalidData([Problem(where, 1, missing[0], f"kolom '{missing[0]}' ontbreekt. De eerste regel moet de "
                                   f"kolommen {', '.join(columns)} noemen.")])
    return rows, problems


def _code(row: dict) -> Code:
    """One codelist row; columns beyond code, label, omschrijving and criteria become its details."""
    extra = tuple((k, v or "") for k, v in row.items() if isinstance(k, str) and k not in (*CODE_COLUMNS, "criteria"))
    return Code(row["code"], row["label"], row["omschrijving"] or "", row.get("criteria") or "", extra)


def _read_lock(root: Path) -> dict:
    try:
        return read_lock(root)
    except (yaml.YAMLError, RecursionError):
        raise InvalidData([Problem(shown(root / LOCK_FILE), 1, "", "het bestand is beschadigd. Herstel het "
                                   "uit git of maak het opnieuw met `kennisbank sjabloon vastleggen`.")]) from None


@dataclass(frozen=True)
class _RecordCheck:
    """Everything that checks one file without looking at another, compiled once per run."""

    validators: Validators
    today: date
    attachments: Path

    def __call__(self, job: tuple[Path, str]) -> tuple[Source | None, list[Problem]]:
        path, where = job
        source, problems = load_yaml(path, where)
        if source is not None:
            schema = self.validators.schema
            problems = check_shape(source, self.validators) + check_rules(source, schema, self.today, self.attachments)
        return source, problems


class _Loader:
    """One validation run: collects problems from every stage, never stops at the first."""

    def __init__(self, root: Path, today: date, progress: Callable | None):
        self.root, self.today, self.progress = root, today, progress
        self.unread = 0  # files that could not be read as YAML: what they reference is unknown
        self.problems, structural = link_problems(root)
        if structural:  # reading on would follow the link
            raise InvalidData(self.problems)
        self.warnings: list[Problem] = hidden_warnings(root)
        self.descriptor = _read_descriptor(root)
        self.schemas = {kind: _read_schema(root, kind) for kind in KINDS}
        paths = {r["name"]: root / r["path"] for r in self.descriptor["resources"]}
        tables = {name: _table(p, TABLE_COLUMNS.get(name, CODE_COLUMNS)) for name, p in paths.items()}
        for _, problems in tables.values():
            self.problems += problems
        rows = {name: rows for name, (rows, _) in tables.items()}
        self.codelists = {name: tuple(_code(r) for r in rows[name]) for name in rows if name not in TABLE_COLUMNS}
        self.gemeente_rows = rows["gemeenten"]
        self.rmc_rows = rows["rmc-regios"]
        self.glossary = tuple((r["term"], r["uitleg"]) for r in rows["begrippen"]) if "begrippen" in rows else ()
        self.index = GemeenteIndex(self.gemeente_rows)
        self.swv = SwvIndex.from_rows(rows.get("swv", ()), rows.get("swv-gemeenten", ()))
        self.lock = _read_lock(root)

    def _files(self, kind: str) -> list[Path]:
        files, problems, warnings = record_files(self.root, KINDS[kind])
        self.problems += problems
        self.warnings += warnings
        if kind == "praktijk" and not files:
            self.problems.append(Problem(shown(self.root / "praktijken"), 0, "", "er staat geen enkele praktijk "
                                         "(een .yaml-bestand) in deze map, of de map ontbreekt. Maak er een met "
                                         "`kennisbank new praktijk`, of zet de voorbeelden terug met "
                                         "`git checkout -- practices/praktijken`."))
        return files

    def _check(self, kind: str) -> _RecordCheck:
        return _RecordCheck(compile_validators(self.schemas[kind]), self.today, self.root / "bijlagen")

    def load(self, kind: str) -> list[tuple[Source, dict, str]]:
        schema = self.schemas[kind]
        files = self._files(kind)
        check = self._check(kind)
        loaded = []
        for n, (source, problems) in enumerate(map_in_order(check, [(path, shown(path)) for path in files]), 1):
            if self.progress:
                self.progress(n, len(files))
            self.problems += problems
            if source is None:
                self.unread += 1
                continue
            body = self._body(source) if kind == "sjabloon" else ""
            loaded.append((source, self._normalise(source.data, schema), body))
        return loaded

    def load_entries(self, kind: str, store: ValidationCache, columns: dict, want_data: bool,
                     package: PackageRun) -> list[Entry] | None:
        """`load` with the cache: the files found there are not read again (templates are, for the
        checks of their body); the others are checked in batches, on both cores when many.
        None when the split into per-record results cannot be exact."""
        entries = find_entries(store, kind, self._files(kind), columns, want_data)
        done, fresh = [e for e in entries if not e.fresh], [e for e in entries if e.fresh]
        self._progress(0, len(done), len(entries))
        check = FreshCheck(self._check(kind), lambda data: self._normalise(data, self.schemas[kind]), package,
                           lambda e: cross_checks([(e.source, e.data, "")], self.lock, self.swv) if kind == "praktijk" else [],
                           want_data) if fresh else None
        for batch in map_in_order(check, batches(fresh, parallel.PARALLEL_FROM), 2, 1):
            if batch is None:
                return None
            done += batch
            self._progress(len(done) - len(batch), len(done), len(entries))
        by_path = {e.path: e for e in done}
        entries = [by_path[e.path] for e in entries]  # workers hand back copies
        for e in entries:
            self.problems += e.summary.problems
            if not e.summary.readable:
                self.unread += 1
            elif kind == "sjabloon":
                source = load_yaml(e.path, e.where)[0]
                e.body = self._body(source) if source is not None else ""
        return entries

    def _progress(self, before: int, now: int, total: int) -> None:
        for n in range(before + 1, now + 1) if self.progress else ():
            self.progress(n, total)

    def lookups(self, practice_ids: list, template_ids: list) -> dict:
        """What the messages of the package check look codes and ids up in."""
        return {**{n: [c.code for c in codes] for n, codes in self.codelists.items()},
                "rmc-regios": [r["code"] for r in self.rmc_rows], "gemeenten": self.index,
                "praktijken": practice_ids, "sjablonen": template_ids}

    def _body(self, source: Source) -> str:
        tid = source.data.get("id") if isinstance(source.data, dict) else None
        if not isinstance(tid, str):
            return ""
        body, where, problems = load_body(self.root, tid)
        self.problems += problems
        if body is not None:
            self.problems += check_template(source, body, where, self.lock)
            self.problems += body_personal_data(body, where)
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
                limit = spec.get("items", {}).get("maxLength")  # longer: the shape check reports it, nothing reads it
                data[key] = [(fix(v) or v) if isinstance(v, str) and (limit is None or len(v) <= limit) else v
                             for v in data[key]]
        return data


@dataclass(frozen=True)
class Checked:
    """What `kennisbank validate` reports of a valid package."""

    practices: int
    templates: int
    warnings: tuple


@fewer_collections()
def check_package(root: Path | str = "practices", today: date | None = None, progress: Callable | None = None,
                  cache: bool = True) -> Checked:
    """Validate everything as `load_catalog` does, without building the Catalog; raise InvalidData
    with all problems (and the warnings). With `cache`, files checked before are not read again."""
    root, today = Path(root), today or date.today()
    if cache:
        done = _cached_run(_Loader(root, today, progress), want_data=False)
        if done is not None:
            entries, warnings = done
            count = [sum(1 for e in entries if e.kind == kind and e.summary.readable) for kind in KINDS]
            return Checked(count[0], count[1], tuple(sorted(set(warnings))))
    catalog = load_catalog(root, today, progress)
    return Checked(len(catalog.practices), len(catalog.templates), catalog.warnings)


@fewer_collections()
def load_catalog(root: Path | str = "practices", today: date | None = None, progress: Callable | None = None,
                 cache: bool = False) -> Catalog:
    """Load, validate and freeze everything; raise InvalidData with all problems (and the warnings).
    With `cache`, the files checked before are taken from the validation cache (same outcome)."""
    root, today = Path(root), today or date.today()
    if cache:
        run = _Loader(root, today, progress)
        done = _cached_run(run, want_data=True)
        if done is not None:
            return _cached_catalog(run, *done)
    run = _Loader(root, today, progress)
    practices = run.load("praktijk")
    templates = run.load("sjabloon")
    tables = Tables()
    compile_tables([(s, d) for s, d, _ in practices if isinstance(d, dict)], run.schemas["praktijk"], "praktijk", tables)
    compile_tables([(s, d) for s, d, _ in templates if isinstance(d, dict)], run.schemas["sjabloon"], "sjabloon", tables)
    lookups = run.lookups([d.get("id") for _, d, _ in practices if isinstance(d, dict)],
                          [d.get("id") for _, d, _ in templates if isinstance(d, dict)])
    problems = run.problems + _not_reported(validate_tables(root, run.descriptor, tables, lookups), run.problems)
    cross, noted = split_warnings(cross_checks(practices, run.lock, run.swv))
    problems += cross
    warnings = noted + (run.warnings if run.unread else
                        run.warnings + attachment_warnings(root, referenced_names([d for _, d, _ in practices + templates])))
    if problems:
        raise InvalidData(problems, warnings)
    return _catalog(run, tuple(Record(s.path, freeze(d)) for s, d, _ in practices),
                    tuple(Record(s.path, freeze(d), body) for s, d, body in templates), tables, warnings)


def _cached_run(run: _Loader, want_data: bool) -> tuple[list[Entry], list[Problem]] | None:
    """The checks of `load_catalog` with the validation cache: (entries, warnings), InvalidData
    with every problem, or None when only the run without the cache can give the answer."""
    store = ValidationCache(run.root, context_key(run.root, run.descriptor, run.today))
    columns = key_columns(empty_tables(run.schemas).schemas)
    # The rows of a batch need only the codelists and reference tables for their messages; the
    # links between records are checked, with every id, across all records below.
    package = PackageRun(run.root, run.descriptor, dict(run.schemas), run.lookups([], []), store)
    if package.static_problems() is None:
        return None
    practices = run.load_entries("praktijk", store, columns, want_data, package)
    templates = run.load_entries("sjabloon", store, columns, want_data, package) if practices is not None else None
    if templates is None:
        return None
    entries = practices + templates
    package.lookups = run.lookups([e.summary.id for e in practices if e.summary.is_dict],
                                  [e.summary.id for e in templates if e.summary.is_dict])
    across = package.across(entries)
    if across is None:
        return None
    later = package.static + [p for e in entries for p in e.summary.row_problems] + across
    cross, noted = split_warnings([p for e in entries for p in e.summary.cross])
    problems = run.problems + _not_reported(later, run.problems) + cross
    warnings = noted + (run.warnings if run.unread else run.warnings + attachment_warnings(
        run.root, {name for e in entries for name in e.summary.attachments}))
    readable = [e for e in entries if e.key and e.summary.readable]
    store.save({e.key: e.summary.to_json(e.key) for e in entries if e.key}, {"static": problems_out(package.static)},
               {e.key: e.data for e in readable if e.fresh} if want_data else {},
               {e.key for e in readable} if want_data else None)
    if problems:
        raise InvalidData(problems, warnings)
    return entries, warnings


def _cached_catalog(run: _Loader, entries: list[Entry], warnings: list[Problem]) -> Catalog:
    """The Catalog of a valid package from a cached run (every entry has its normalised data)."""
    tables = Tables()
    for kind in KINDS:
        compile_tables([(e.source or Source(e.where, None), e.data) for e in entries if e.kind == kind
                        and isinstance(e.data, dict)], run.schemas[kind], kind, tables)
    practices = tuple(Record(e.where, freeze(e.data)) for e in entries if e.kind == "praktijk")
    templates = tuple(Record(e.where, freeze(e.data), e.body) for e in entries if e.kind == "sjabloon")
    return _catalog(run, practices, templates, tables, warnings)


def _not_reported(later: list[Problem], earlier: list[Problem]) -> list[Problem]:
    """The package check sees records the first checks already flagged (a wrong type, say);
    where both speak of the same field, the first message is the clearer one. Two problems of
    one stage (two BSN-like numbers in one text) are both kept."""
    seen = {(p.file, p.field, p.line) for p in earlier if p.field}
    return [p for p in later if not p.field or (p.file, p.field, p.line) not in seen]



def _catalog(run: _Loader, practices: tuple, templates: tuple, tables: Tables, warnings: list = ()) -> Catalog:
    return Catalog(
        root=run.root, today=run.today, practices=practices, templates=templates,
        codelists=MappingProxyType(run.codelists),
        gemeenten=MappingProxyType({r["code"]: Gemeente(r["code"], r["naam"], r["provincie"]) for r in run.gemeente_rows}),
        rmc_regios=MappingProxyType({r["code"]: Code(r["code"], r["naam"]) for r in run.rmc_rows}),
        glossary=run.glossary,
        swv=run.swv,
        schemas=MappingProxyType(dict(run.schemas)),
        tables=MappingProxyType({k: tuple(v) for k, v in tables.rows.items()}),
        table_schemas=MappingProxyType(tables.schemas),
        lock=freeze(run.lock),
        descriptor=freeze(run.descriptor),
        warnings=tuple(sorted(set(warnings))),
    )


def empty_catalog(root: Path | str = "practices", today: date | None = None) -> Catalog:
    """The reference data without practices or templates: what `serve` shows before any valid load."""
    return _catalog(_Loader(Path(root), today or date.today(), None), (), (), Tables())
