"""Frictionless over the rows of some records only: every error that belongs to one row.

`macros.checks.package.validate_tables` validates the whole package at once. Almost all it
finds belongs to a single row, and so to the record that row was compiled from: a cell of the
wrong type, a pattern or length, an unknown code (a link to a codelist or reference table,
which the context key of the cache fixes). Those are found here for the given records, with
the same CSV files, the same Frictionless resources and the same filters and messages; the
primary keys and the links between records, which compare rows, are left out of the table
schemas here and checked across all records by `macros.checks.table_keys`.

What the split cannot reproduce makes `exact` False, and the caller runs the full check
instead: an error that belongs to no row (a broken Table Schema), a reference table that links
to a compiled table, a reference table with the name of a compiled one, a package-level error.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from macros.checks.package import Tables, _follows_from_missing_field, _problem, _without_parent_key, write_csv
from macros.model.problems import Problem
from macros.checks.table_keys import partition_safe
from macros.model.problems import shown


@dataclass
class RowCheck:
    static: list[Problem] | None = None             # problems in the reference tables and codelists, when checked
    problems: dict = field(default_factory=dict)    # id(source) -> [Problem]
    counts: dict = field(default_factory=dict)      # id(source) -> {table: errors Frictionless counted}
    exact: bool = True


def static_names(root: Path, descriptor: dict) -> dict[str, str]:
    """Reference table or codelist -> its path as messages show it (as in `validate_tables`)."""
    return {r["name"]: shown(root / r["path"]) for r in descriptor["resources"]}


def row_schema(schema: dict, compiled) -> dict:
    """A compiled table's schema without what compares rows: the primary key and the links to records."""
    out = {k: v for k, v in _without_parent_key(schema).items() if k != "primaryKey"}
    keys = [k for k in out.get("foreignKeys", []) if k["reference"]["resource"] not in compiled]
    if keys:
        out["foreignKeys"] = keys
    else:
        out.pop("foreignKeys", None)
    return out


def check_rows(root: Path, descriptor: dict, tables: Tables, lookups: dict, with_static: bool) -> RowCheck:
    """The per-row errors of the compiled `tables` (and, `with_static`, of the reference tables)."""
    from frictionless import FrictionlessException, Package, Resource, Schema, system  # heavy; only when rows are checked
    from frictionless.formats.csv import parser as csv_parser  # the same sniffing sample as validate_tables

    logging.getLogger("frictionless").setLevel(logging.ERROR)
    csv_parser.SAMPLE_SIZE = 5
    static = static_names(root, descriptor)
    if set(static) & set(tables.schemas) or not partition_safe(tables.schemas):
        return RowCheck(exact=False)
    with tempfile.TemporaryDirectory(prefix="kennisbank-rijen-") as folder:
        resources = [Resource(r, basepath=str(root)) for r in descriptor["resources"]]
        names = []
        for name, schema in tables.schemas.items():
            if with_static or tables.rows[name]:  # a table without rows has no row errors
                path = Path(folder) / f"{name}.csv"
                write_csv(path, schema, tables.rows[name])
                resources.append(Resource(path=str(path), name=name,
                                          schema=Schema.from_descriptor(row_schema(schema, tables.schemas))))
                names.append(name)
        package = Package(resources=resources, basepath=str(root))
        try:
            if with_static and not _static_links_stay_static(package, static, tables.schemas):
                return RowCheck(exact=False)
            with system.use_context(trusted=True):
                tasks = _validate(package, names, with_static)
        except FrictionlessException:
            return RowCheck(exact=False)
    return RowCheck(exact=False) if tasks is None else _collect(tasks, tables, static, lookups, with_static)


def _static_links_stay_static(package, static: dict, compiled) -> bool:
    """A reference table that links to a compiled table would depend on every record."""
    return all(k["reference"]["resource"] not in compiled
               for r in package.resources if r.name in static and r.schema for k in r.schema.foreign_keys)


def _validate(package, names: list[str], with_static: bool):
    """The validation tasks; None when the package itself is in error (no tasks to split)."""
    if with_static:
        report = package.validate()
        return None if report.errors else report.tasks
    return [package.get_resource(name).validate().tasks[0] for name in names]


def _collect(tasks, tables: Tables, static: dict, lookups: dict, with_static: bool) -> RowCheck:
    out = RowCheck(static=[] if with_static else None)
    for task in tasks:
        for error in task.errors:
            if task.name in static:
                if error.type != "unique-error":
                    out.static.append(_problem(task.name, error, tables, static, lookups))
                continue
            row = getattr(error, "row_number", None)
            if not row or task.name not in tables.rows or error.type in ("primary-key", "unique-error"):
                return RowCheck(exact=False)
            source = tables.origins[task.name][row - 2][0]
            counts = out.counts.setdefault(id(source), {})
            counts[task.name] = counts.get(task.name, 0) + 1
            if not _follows_from_missing_field(error):
                out.problems.setdefault(id(source), []).append(_problem(task.name, error, tables, static, lookups))
    return out
