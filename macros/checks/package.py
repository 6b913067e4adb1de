"""Compile records into the tables of a Frictionless data package and validate it.

Each compiled row remembers the file and path it came from, so that a
Frictionless error (row, field) becomes `file:line: field: message` again.
"""

from __future__ import annotations

import csv
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from macros.model.codes import did_you_mean
from macros.model.source import Source
from macros.model.problems import shown
from macros.checks.frictionless_messages import dutch
from macros.model.problems import Problem, field_path
from macros.model.schema import ID_TARGETS, ROOT_TABLES, fields, table_schemas


@dataclass
class Tables:
    """Compiled rows per table, and where each row came from."""

    rows: dict = field(default_factory=dict)       # table -> [row dict]
    origins: dict = field(default_factory=dict)    # table -> [(Source, base path)]
    columns: dict = field(default_factory=dict)    # table -> {column: path relative to base}
    schemas: dict = field(default_factory=dict)    # table -> Table Schema


def compile_tables(records: list[tuple[Source, dict]], schema: dict, kind: str, out: Tables | None = None) -> Tables:
    """Rows of every table for records of one kind ('praktijk' or 'sjabloon')."""
    out = out or Tables()
    root, parent = ROOT_TABLES[kind]
    by_table: dict[str, list] = {}
    for f in fields(schema, kind):
        by_table.setdefault(f.table, []).append(f)
    out.schemas.update(table_schemas(schema, kind))
    for table, table_fields in by_table.items():
        out.rows.setdefault(table, [])
        out.origins.setdefault(table, [])
        out.columns[table] = {f.column: _after_star(f.path) for f in table_fields}
        for source, data in records:
            _add_rows(out, table, table_fields, source, data, root == table, parent)
    return out


def _after_star(path: tuple) -> tuple:
    return path[path.index("*") + 1:] if "*" in path else path


def _get(data, path):
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _add_rows(out: Tables, table: str, table_fields, source: Source, data: dict, is_root: bool, parent: str):
    if is_root:
        out.rows[table].append({f.column: _get(data, f.path) for f in table_fields})
        out.origins[table].append((source, ()))
        return
    array_path = table_fields[0].path[: table_fields[0].path.index("*")]
    items = _get(data, array_path)
    for i, item in enumerate(items if isinstance(items, list) else []):
        row = {parent: data.get("id")}
        if table_fields[0].column != "code":
            row["volgnummer"] = i + 1
        for f in table_fields:
            rel = _after_star(f.path)
            row[f.column] = _get(item, rel) if rel else item
        out.rows[table].append(row)
        out.origins[table].append((source, array_path + (i,)))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_csv(path: Path, schema: dict, rows) -> None:
    """One compiled table as CSV, columns in schema order."""
    names = [f["name"] for f in schema["fields"]]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_cell(row.get(n)) for n in names] for row in rows)


def validate_tables(root: Path, descriptor: dict, tables: Tables, lookups: dict) -> list[Problem]:
    """Validate reference tables, codelists and compiled tables together with Frictionless.

    The compiled tables are written as the same CSV files the export publishes and
    validated from disk: that is what gets published, and it spares Frictionless a
    deep copy of hundreds of thousands of inline rows.
    """
    from frictionless import Package, Resource, Schema, system
    from frictionless.formats.csv import parser as csv_parser

    logging.getLogger("frictionless").setLevel(logging.ERROR)
    # Frictionless sniffs the CSV dialect of every table on every open (foreign keys reopen
    # them): a 100-line sample of long texts made that a third of the time. Our CSVs are
    # plain comma-separated, so a few lines are plenty to sniff.
    csv_parser.SAMPLE_SIZE = 5
    with tempfile.TemporaryDirectory(prefix="kennisbank-tabellen-") as folder:
        resources = [Resource(r, basepath=str(root)) for r in descriptor["resources"]]
        for name, schema in tables.schemas.items():
            path = Path(folder) / f"{name}.csv"
            write_csv(path, schema, tables.rows[name])
            resources.append(Resource(path=str(path), name=name, schema=Schema.from_descriptor(_without_parent_key(schema))))
        package = Package(resources=resources, basepath=str(root))
        with system.use_context(trusted=True):
            report = package.validate()
    problems = []
    static = {r["name"]: shown(root / r["path"]) for r in descriptor["resources"]}
    duplicated = _duplicate_ids(tables)
    for task in report.tasks:
        for error in task.errors:
            if error.type == "unique-error" or _follows_from_duplicate(task.name, error, tables, duplicated):
                continue  # reported once, as the record's duplicate id
            if task.name not in static and _follows_from_missing_field(error):
                continue  # the JSON Schema check already said "verplicht veld ontbreekt"
            problems.append(_problem(task.name, error, tables, static, lookups))
    return problems


def _follows_from_missing_field(error) -> bool:
    """An empty required cell in a compiled table is a required field left out of a record (or
    its id, for a child row); the record check reports that at the field itself, at the right
    level. Repeating it here gave a "'' heeft niet de juiste vorm" per leaf and per list item."""
    if error.type == "constraint-error":
        return getattr(error, "cell", None) in ("", None)
    if error.type == "primary-key":
        return all(c in ("", None) for c in (getattr(error, "cells", None) or [None]))
    return False


def _without_parent_key(schema: dict) -> dict:
    """The link from a child row to its record holds by construction (we compiled it from that
    record), and checking it rereads the whole root table once per child table. The published
    descriptor keeps it; `frictionless validate` on the export checks it there."""
    roots = {root for root, _ in ROOT_TABLES.values()}
    keys = [k for k in schema.get("foreignKeys", [])
            if not (k["reference"]["resource"] in roots and k["fields"] in {p for _, p in ROOT_TABLES.values()})]
    return {**schema, "foreignKeys": keys} if keys else {k: v for k, v in schema.items() if k != "foreignKeys"}


def _duplicate_ids(tables: Tables) -> dict[str, list]:
    """id -> the sources that use it, for ids used more than once."""
    seen: dict[str, list] = {}
    for root, _ in ROOT_TABLES.values():
        for row, (source, _) in zip(tables.rows.get(root, []), tables.origins.get(root, [])):
            seen.setdefault(f"{root}:{row.get('id')}", []).append(source)
    return {key: sources for key, sources in seen.items() if len(sources) > 1}


def _follows_from_duplicate(table: str, error, tables: Tables, duplicated: dict) -> bool:
    row = getattr(error, "row_number", None)
    if error.type != "primary-key" or not row or table not in tables.rows or table in {r for r, _ in ROOT_TABLES.values()}:
        return False  # a reference table or codelist, or a record's own table
    parent_table, parent = next((r, p) for r, p in ROOT_TABLES.values() if p in tables.rows[table][row - 2])
    return f"{parent_table}:{tables.rows[table][row - 2][parent]}" in duplicated


def _problem(table: str, error, tables: Tables, static: dict, lookups: dict) -> Problem:
    row = getattr(error, "row_number", None)
    if table in static:
        return Problem(static[table], row or 1, getattr(error, "field_name", "") or "", dutch(error))
    if not row:
        return Problem(table, 1, "", dutch(error))
    source, base = tables.origins[table][row - 2]
    column = _error_column(error, tables.schemas[table])
    rel = tables.columns[table].get(column, ())
    path = base + rel if column in tables.columns[table] else base
    message = _message(error, table, column, tables, lookups)
    return Problem(source.path, source.line(path), field_path(path) or column, message)


def _error_column(error, schema: dict) -> str:
    if error.type == "primary-key":
        return schema["primaryKey"][-1]
    names = getattr(error, "field_names", None) or []
    return getattr(error, "field_name", None) or (names[-1] if names else "")


def _message(error, table: str, column: str, tables: Tables, lookups: dict) -> str:
    cell = getattr(error, "cell", None)
    cells = getattr(error, "field_cells", None) or []
    value = cell if cell not in (None, "") else (cells[-1] if cells else "")
    if error.type == "foreign-key":
        fk = next((k for k in tables.schemas[table].get("foreignKeys", []) if k["fields"] == column), None)
        return _fk_message(str(value), fk["reference"]["resource"] if fk else "", lookups)
    if error.type == "primary-key":
        row = tables.rows[table][error.row_number - 2]
        me = tables.origins[table][error.row_number - 2][0]
        others = [s.path for r, (s, _) in zip(tables.rows[table], tables.origins[table])
                  if r.get(column) == row.get(column) and s is not me]
        if column == "id":
            return (f"'{row['id']}' komt twee keer voor; elk id moet uniek zijn. Ook gebruikt in: "
                    f"{', '.join(sorted(set(others))) or 'hetzelfde bestand'}. Kies een ander id (en bestandsnaam).")
        return f"'{row.get(column)}' staat twee keer in de lijst (na omzetten naar codes). Haal de dubbele weg."
    spec = next((f for f in tables.schemas[table]["fields"] if f["name"] == column), {})
    return dutch(error, spec.get("description", ""))


def _fk_message(value: str, target: str, lookups: dict) -> str:
    if target == "gemeenten":
        index = lookups["gemeenten"]
        if index.ambiguous(value):
            options = ", ".join(f"{index.names[c]} ({c})" for c in index.ambiguous(value))
            return f"'{value}' kan meerdere gemeenten zijn: {options}. Gebruik de code."
        hint = index.suggest(value)
        what = "gemeentecode" if value.upper().startswith("GM") else "gemeente"
        return (f"'{value}' is geen bestaande {what} (zie practices/referentie/gemeenten.csv)."
                + (f" Bedoelde u {' of '.join(hint)}?" if hint else ""))
    if target in ID_TARGETS:
        noun = "praktijk" if target == "praktijken" else "sjabloon"
        return f"er is geen {noun} met id '{value}'.{did_you_mean(value, lookups.get(target, []))}"
    codes = lookups.get(target, [])
    where = "referentie" if target == "rmc-regios" else "codelijsten"
    return (f"'{value}' is geen code uit de lijst {target} (practices/{where}/{target}.csv).{did_you_mean(value, codes)}"
            f" Kies uit: {', '.join(codes)}." if len(codes) <= 12 else
            f"'{value}' is geen code uit de lijst {target} (practices/{where}/{target}.csv).{did_you_mean(value, codes)}")


def resource_problems(source: Source, i: int, resource) -> list[Problem]:
    """A resource names a file inside practices/ by a plain relative path: nothing else is read or published."""
    at = ("resources", i)
    if not isinstance(resource, dict) or not all(isinstance(resource.get(k), str) for k in ("name", "path")):
        return [Problem(source.path, source.line(at), f"resources[{i}]", "elke tabel heeft een 'name' en een 'path' "
                        "(tekst) nodig.")]
    out = []
    for key in ("path", "schema"):
        value = resource.get(key)
        if isinstance(value, str) and (value.startswith("/") or "\\" in value or ".." in value.split("/") or ":" in value):
            out.append(Problem(source.path, source.line(at + (key,)), f"resources[{i}].{key}", f"'{value}' wijst buiten "
                               "practices/. Geef een pad binnen het pakket, zoals codelijsten/status.csv."))
    return out
