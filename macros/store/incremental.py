"""A load run with the validation cache: only the files that changed are read and checked.

For every record file the run looks up what an earlier run found (`macros.store.cache`); the
others are checked as always (`load_yaml`, `check_shape`, `check_rules`, on both cores when
many), and their rows go through Frictionless (`macros.checks.table_rows`). The checks across
records (duplicate ids, links between records) run over the key cells of every record
(`macros.checks.table_keys`). Template bodies are checked on every run; they are few.

The outcome is the same set of problems and warnings as a run without the cache; where the
split into per-record results cannot be exact, the caller is told to run without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from macros.checks.package import Tables, _cell, compile_tables
from macros.model.problems import Problem
from macros.store.cache import ValidationCache, file_key, problems_in, problems_out
from macros.load.files import referenced_names
from macros.checks.table_keys import Cast, KeyColumns, key_columns, key_errors, key_problems
from macros.checks.table_rows import RowCheck, check_rows, static_names
from macros.load.yaml_source import MAX_BYTES, load_yaml, read_bytes, shown_all
from macros.model.source import Source
from macros.model.schema import ROOT_TABLES, fields

LIMIT_ERRORS = 1000  # Frictionless stops a table at this many errors (settings.DEFAULT_LIMIT_ERRORS)
_SUMMARY_LISTS = ("p", "q", "x", "a")


@dataclass
class Summary:
    """What the checks of one file found, as the cache keeps it."""

    problems: list            # the file's own problems (reading, shape, rules)
    readable: bool            # parsed as YAML (else what it references is unknown)
    is_dict: bool             # a mapping: it has rows in the compiled tables
    id: object                # its `id` as written
    row_problems: list        # Frictionless errors in its rows
    row_errors: dict          # table -> errors Frictionless counted in its rows (its limit is per table)
    cross: list               # the rules across a record's own fields that need the lock (see macros.checks.cross_record)
    attachments: list         # attachment names it refers to
    keys: dict                # table -> [[key cells of a column] per key column] (key_columns order)
    blank: dict               # table -> [index of a row without any value]

    def to_json(self, key: str) -> dict:
        return {"key": key, "p": problems_out(self.problems), "r": self.readable, "d": self.is_dict, "i": self.id,
                "q": problems_out(self.row_problems), "n": self.row_errors, "x": problems_out(self.cross),
                "a": self.attachments, "t": self.keys, "b": {t: sorted(rows) for t, rows in self.blank.items()}}


def summary_from_json(value: dict, columns: dict) -> Summary | None:
    """A cached summary, or None when it does not have the shape this code writes."""
    try:
        if not all(isinstance(value[k], list) for k in _SUMMARY_LISTS) or not all(
                isinstance(value[k], dict) for k in ("n", "t", "b")):
            return None
        keys, blank = value["t"], value["b"]
        for table, cells in keys.items():
            if not (isinstance(cells, list) and len(cells) == len(columns[table]) and columns[table]
                    and all(isinstance(c, list) for c in cells) and len({len(c) for c in cells}) == 1):
                return None
        if any(table not in keys or not all(isinstance(i, int) and 0 <= i < len(keys[table][0]) for i in rows)
               for table, rows in blank.items()):
            return None
        if not all(isinstance(n, int) for n in value["n"].values()) or not all(isinstance(a, str) for a in value["a"]):
            return None
        return Summary(_problems(value["p"]), bool(value["r"]), bool(value["d"]), value["i"],
                       _problems(value["q"]), value["n"], _problems(value["x"]), value["a"],
                       keys, {t: set(rows) for t, rows in blank.items()} if blank else {})
    except (KeyError, TypeError, ValueError):
        return None


def _problems(rows: list) -> list:
    return problems_in(rows) if rows else []


@dataclass
class Entry:
    """One record file in this run."""

    kind: str
    path: Path
    where: str
    key: str | None                     # None: not cached (too big or unreadable to hash)
    summary: Summary | None = None      # from the cache, or made in this run
    fresh: bool = False                 # checked in this run
    source: Source | None = None        # parsed in this run
    problems: list = field(default_factory=list)
    data: object = None                 # normalised data (fresh, or from the cache when asked for)
    body: str = ""


class _LazySource:
    """A cached record whose lines are needed only if a check across records names it: parsed then."""

    def __init__(self, path: Path, where: str):
        self.path, self._file, self._source = where, path, None

    def line(self, path=()) -> int:
        if self._source is None:
            self._source = load_yaml(self._file, self.path)[0] or Source(self.path, None)
        return self._source.line(path)


def _content(path: Path) -> bytes | None:
    try:
        raw = read_bytes(path, MAX_BYTES)
    except OSError:
        return None  # the check itself reports it
    return raw if len(raw) <= MAX_BYTES else None  # too big: the message names the size on disk


def find_entries(store: ValidationCache, kind: str, files: list[Path], columns: dict, want_data: bool) -> list[Entry]:
    """An entry per file; those found in the cache (with their data, when wanted) carry their summary."""
    out = []
    for path, where in zip(files, shown_all(files)):
        raw = _content(path)
        key = file_key(store.context, kind, where, raw) if raw is not None else None
        entry = Entry(kind, path, where, key)
        cached = store.summary(key) if key else None
        summary = summary_from_json(cached, columns) if cached else None
        if summary and want_data and summary.readable:
            data = store.data(key)
            summary = summary if data is not None else None
            entry.data = data["data"] if data is not None else None
        entry.summary, entry.fresh = summary, summary is None
        out.append(entry)
    return out


def array_paths(schemas: dict) -> dict[str, tuple | None]:
    """Compiled table -> the path of the list its rows come from (None for a record's own table)."""
    out = {}
    for kind, schema in schemas.items():
        for f in fields(schema, kind):
            out.setdefault(f.table, f.path[: f.path.index("*")] if "*" in f.path else None)
        root, _ = ROOT_TABLES[kind]
        out[root] = None
    return out


def empty_tables(schemas: dict) -> Tables:
    tables = Tables()
    for kind, schema in schemas.items():
        compile_tables([], schema, kind, tables)
    return tables


@dataclass(frozen=True)
class FreshCheck:
    """Checks a batch of changed files completely: each file (`check`), its normalised data, the
    Frictionless errors in its rows, its summary. Runs in a worker process when there are many:
    only the summaries (and, when wanted, the data) travel back, not the parsed files."""

    check: Callable        # (path, where) -> (Source | None, problems)
    normalise: Callable    # data -> normalised data
    package: "PackageRun"
    cross: Callable        # entry -> the rules across its own fields that need the lock
    keep_data: bool

    def __call__(self, batch: list[Entry]) -> list[Entry] | None:
        for e in batch:
            e.source, e.problems = self.check((e.path, e.where))
            e.data = self.normalise(e.source.data) if e.source is not None else None
        tables, rows = self.package.fresh_rows(batch)
        if rows is None:
            return None
        self.package.summarise(batch, tables, rows, self.cross)
        for e in batch:
            e.source = None  # its lines are read again only if a check across records names it
            e.data = e.data if self.keep_data else None
        return batch


def batches(entries: list[Entry], parallel_from: int, count: int = 4) -> list[list[Entry]]:
    """The fresh entries in `count` batches when there are many (for the worker processes), else one."""
    if len(entries) < parallel_from:
        return [entries] if entries else []
    size = -(-len(entries) // count)
    return [entries[i:i + size] for i in range(0, len(entries), size)]


@dataclass
class PackageRun:
    """The package stage of a cached run."""

    root: Path
    descriptor: dict
    schemas: dict          # kind -> JSON Schema
    lookups: dict
    store: ValidationCache
    static: list = field(default_factory=list)

    def static_problems(self) -> list[Problem] | None:
        """The problems of the reference tables and codelists: cached with the context, or checked now
        (with every compiled table empty, which also finds what is wrong with their Table Schemas).
        None when the split into per-record results cannot be exact."""
        cached = self.store.package.get("static") if self.store.package else None
        try:
            self.static = problems_in(cached) if isinstance(cached, list) else None
        except (TypeError, ValueError):
            self.static = None
        if self.static is None:
            check = check_rows(self.root, self.descriptor, empty_tables(self.schemas), self.lookups, with_static=True)
            self.static = check.static if check.exact and not check.problems else None
        return self.static

    def fresh_rows(self, entries: list[Entry]) -> tuple[Tables, RowCheck | None]:
        """Compile the fresh records and find the errors in their rows (None: cannot split, check in full)."""
        tables = Tables()
        for kind, schema in self.schemas.items():
            compile_tables([(e.source, e.data) for e in entries if e.kind == kind and e.fresh and e.source is not None
                            and isinstance(e.data, dict)], schema, kind, tables)
        if not any(tables.rows.values()):
            return tables, RowCheck()
        check = check_rows(self.root, self.descriptor, tables, self.lookups, with_static=False)
        return tables, check if check.exact else None

    def summarise(self, entries: list[Entry], tables: Tables, check: RowCheck, cross) -> None:
        """The summary of every fresh entry, from its checks and its compiled rows."""
        columns = key_columns(tables.schemas)
        keys: dict = {}    # id(source) -> table -> [[cells of a key column]]
        blank: dict = {}   # id(source) -> table -> [row index]
        for table, rows in tables.rows.items():
            if not columns[table]:
                continue
            for row, (source, _) in zip(rows, tables.origins[table]):
                mine = keys.setdefault(id(source), {}).setdefault(table, [[] for _ in columns[table]])
                if all(_cell(v) == "" for v in row.values()):
                    blank.setdefault(id(source), {}).setdefault(table, []).append(len(mine[0]))
                for cells, name in zip(mine, columns[table]):
                    cells.append(row.get(name))
        for e in entries:
            if e.fresh:
                e.summary = _summary(e, check, keys, blank, cross)

    def across(self, entries: list[Entry]) -> list[Problem] | None:
        """Primary keys and links between records over every record; None when Frictionless would
        have stopped a table at its error limit (then only the full check gives its answer)."""
        schemas = empty_tables(self.schemas).schemas
        columns = key_columns(schemas)
        keys = {t: KeyColumns(columns[t], [[] for _ in columns[t]], set()) for t in schemas}
        owners: dict = {t: [] for t in schemas}   # table -> [(first row, rows, entry)]
        counts: dict = {}
        for e in entries:
            if not e.summary.is_dict:
                continue
            for table, n in e.summary.row_errors.items():
                counts[table] = counts.get(table, 0) + n
            for table, cells in e.summary.keys.items():
                k = keys[table]
                start = k.rows
                k.blank.update(start + i for i in e.summary.blank.get(table, ()))
                for column, more in zip(k.values, cells):
                    column += more
                owners[table].append((start, len(cells[0]), e))
        errors = key_errors(schemas, keys, Cast(schemas))
        if any(counts.get(t, 0) + len(found) >= LIMIT_ERRORS for t, found in errors.items()):
            return None
        if not any(errors.values()):
            return []
        tables = self._key_tables(schemas, keys, owners, [t for t, found in errors.items() if found])
        return key_problems(tables, errors, static_names(self.root, self.descriptor), self.lookups)

    def _key_tables(self, schemas: dict, keys: dict, owners: dict, wanted: list) -> Tables:
        """The key cells as rows with their origins, as the messages read them: for the tables with
        errors and the records' own tables (duplicate ids)."""
        tables = empty_tables(self.schemas)
        bases = array_paths(self.schemas)
        for table in set(wanted) | {root for root, _ in ROOT_TABLES.values()}:
            k, base = keys[table], bases[table]
            tables.rows[table] = [dict(zip(k.names, cells)) for cells in zip(*k.values)]
            for start, n, e in owners[table]:
                source = e.source or _LazySource(e.path, e.where)
                tables.origins[table] += [(source, () if base is None else base + (i,)) for i in range(n)]
        return tables


def _summary(e: Entry, check: RowCheck, keys: dict, blank: dict, cross) -> Summary:
    if e.source is None:  # not readable: only its own problems
        return Summary(e.problems, False, False, None, [], {}, [], [], {}, {})
    mine = id(e.source)
    is_dict = isinstance(e.data, dict)
    return Summary(e.problems, True, is_dict, e.data.get("id") if is_dict else None, check.problems.get(mine, []),
                   check.counts.get(mine, {}), cross(e) if is_dict else [], sorted(referenced_names([e.data])),
                   keys.get(mine, {}), {t: set(rows) for t, rows in blank.get(mine, {}).items()})
