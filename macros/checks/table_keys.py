"""The checks of the compiled tables that look across records: primary keys and the links
from one record to another (`vervangt`, `sjabloon.id`), done in Python with Frictionless' rules.

Every other error Frictionless finds in a compiled table belongs to one row, so to one record,
and the validation cache keeps it with that record. These two depend on other records: a
duplicate id, a `vervangt` that names a practice that is gone. They are checked here over the
key cells of every record, cached or not, exactly as `TableResource.row_stream` does it:

- each key cell is read with the Frictionless field of its table (so '' is empty, a cell that
  is not of the field's type is empty too, exactly as Frictionless casts it);
- a primary key whose cells are all empty is an error on its row; a key seen on an earlier row
  is an error on every later row that repeats it;
- a link whose cells are all empty is not checked; otherwise its cells must be among the
  referenced table's cells (rows whose referenced cells are all empty do not count).

The key cells are kept per column (`KeyColumns`), so that the usual outcome, no error at all,
is found with a few set operations. The errors go through the same filters and the same Dutch
messages as Frictionless' errors in `macros.checks.package.validate_tables`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from macros.checks.package import (Tables, _cell, _duplicate_ids, _follows_from_duplicate, _follows_from_missing_field,
                                   _problem, _without_parent_key)
from macros.model.problems import Problem

NOT_BLANK = ("x",)  # a row that has a value: only whether a row is blank matters to the filters


@dataclass(frozen=True)
class KeyError_:
    """A primary-key or foreign-key error, with the attributes of Frictionless' own errors that
    the filters and messages read."""

    type: str
    row_number: int
    cells: tuple = NOT_BLANK
    note: str = ""
    field_names: tuple = ()
    field_cells: tuple = ()


def _as_list(value) -> list:
    return [value] if isinstance(value, str) else list(value or [])


def record_links(schemas: dict) -> dict[str, list[tuple[list, str, list]]]:
    """table -> its links to compiled tables: (fields, referenced table, referenced fields).
    The link from a child row to its own record is not checked (it holds by construction)."""
    out = {}
    for table, schema in schemas.items():
        keys = _without_parent_key(schema).get("foreignKeys", [])
        out[table] = [(_as_list(k["fields"]), k["reference"]["resource"], _as_list(k["reference"]["fields"]))
                      for k in keys if k["reference"]["resource"] in schemas]
    return out


def key_columns(schemas: dict) -> dict[str, tuple[str, ...]]:
    """table -> the columns the checks across records read: its primary key, its links to other
    records, and the columns other tables link to."""
    links = record_links(schemas)
    wanted = {table: list(_as_list(schema.get("primaryKey"))) for table, schema in schemas.items()}
    for table, table_links in links.items():
        for fields, target, target_fields in table_links:
            wanted[table] += fields
            wanted[target] += target_fields
    return {table: tuple(dict.fromkeys(columns)) for table, columns in wanted.items()}


def partition_safe(schemas: dict) -> bool:
    """Whether the errors of these tables split into per-row errors and the key checks above:
    no `unique` constraint and no link to a table by an empty name (both would compare rows)."""
    for schema in schemas.values():
        if any((f.get("constraints") or {}).get("unique") for f in schema.get("fields", [])):
            return False
        if any(not k["reference"].get("resource") for k in schema.get("foreignKeys", [])):
            return False
    return True


@dataclass
class KeyColumns:
    """The key cells of one compiled table over all records, per column, as compiled (not cast)."""

    names: tuple          # key_columns order
    values: list          # one list per column
    blank: set            # rows whose every cell is empty

    @property
    def rows(self) -> int:
        return len(self.values[0]) if self.values else 0


class Cast:
    """Key cells read the way Frictionless reads them (each distinct cell once)."""

    def __init__(self, schemas: dict):
        from frictionless import Schema  # heavy; needed only when records are checked
        self.schemas = {table: Schema.from_descriptor(_without_parent_key(s)) for table, s in schemas.items()}
        self.read: dict = {}   # how a field reads a cell -> {cell: value}, shared by fields that read alike

    def column(self, table: str, column: str, values: list) -> list:
        cells = [v if v.__class__ is str else _cell(v) for v in values]
        schema = self.schemas[table]
        field = schema.get_field(column)
        # The value a cell becomes depends on the field's type, format and reading options and on the
        # schema's missing values; not on its name, title, description or constraints (those give notes).
        how = json.dumps([{k: v for k, v in field.to_descriptor().items()
                           if k not in ("name", "title", "description", "constraints")},
                          schema.missing_values], sort_keys=True, default=str)
        known = self.read.setdefault(how, {})
        new = set(cells).difference(known)
        if new:
            reader = field.create_cell_reader()
            known.update((cell, reader(cell)[0]) for cell in new)
        return [known[cell] for cell in cells]


def key_errors(schemas: dict, keys: dict[str, KeyColumns], cast: Cast) -> dict[str, list[KeyError_]]:
    """The primary-key and record-link errors per table, as Frictionless finds them."""
    links = record_links(schemas)
    read: dict = {}

    def tuples(table: str, names) -> list[tuple]:
        k = keys[table]
        for name in names:
            if (table, name) not in read:
                read[(table, name)] = cast.column(table, name, k.values[k.names.index(name)])
        return list(zip(*(read[(table, name)] for name in names))) if names else []

    out = {}
    for table, schema in schemas.items():
        primary = _as_list(schema.get("primaryKey"))
        errors = _primary_errors(tuples(table, primary), keys[table].blank) if primary else []
        for fields, target, target_fields in links[table]:
            present = {t for t in tuples(target, target_fields) if set(t) != {None}}
            errors += _link_errors(tuples(table, fields), present, fields, keys[table].blank)
        out[table] = sorted(errors, key=lambda e: e.row_number)
    return out


def _cells(i: int, blank: set) -> tuple:
    return () if i in blank else NOT_BLANK


def _primary_errors(rows: list[tuple], blank: set) -> list[KeyError_]:
    empty = (None,) * (len(rows[0]) if rows else 0)
    distinct = set(rows)
    if len(distinct) == len(rows) and empty not in distinct:
        return []  # the usual case: every key once, none empty
    errors, seen = [], set()
    for i, key in enumerate(rows):
        if key == empty:
            errors.append(KeyError_("primary-key", i + 2, _cells(i, blank), 'cells composing the primary keys are all "None"'))
        elif key in seen:
            errors.append(KeyError_("primary-key", i + 2, _cells(i, blank), "the same as in an earlier row"))
        seen.add(key)
    return errors


def _link_errors(rows: list[tuple], present: set, fields: list, blank: set) -> list[KeyError_]:
    missing = {t for t in set(rows) - present if set(t) != {None}}
    return [KeyError_("foreign-key", i + 2, _cells(i, blank), "", tuple(fields),
                      tuple("" if v is None else str(v) for v in key))
            for i, key in enumerate(rows) if key in missing]


def key_problems(tables: Tables, errors: dict, static: dict, lookups: dict) -> list[Problem]:
    """The errors as Problems, through the filters of `validate_tables`. `tables` holds the key
    cells as rows, with their origins, for the tables with errors and the records' own tables."""
    duplicated = _duplicate_ids(tables)
    problems = []
    for table, table_errors in errors.items():
        for error in table_errors:
            if _follows_from_duplicate(table, error, tables, duplicated) or _follows_from_missing_field(error):
                continue
            problems.append(_problem(table, error, tables, static, lookups))
    return problems
