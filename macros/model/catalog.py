"""The Catalog: one load of `practices/`, read-only, that every page, table and export reads.

Built by `macros.load.catalog.load_catalog`; nothing here reads a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from macros.model.swv import SwvIndex, empty_index


def freeze(value):
    """Deep read-only copy: dicts become mappingproxies, lists tuples."""
    if isinstance(value, (dict, MappingProxyType)):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value):
    """Plain dicts and lists again, for code that writes JSON or changes a copy."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    omschrijving: str = ""
    criteria: str = ""       # codelists with a criteria column (onderbouwing): what a level demands
    details: tuple = ()      # further columns as (name, value) pairs, such as the indicator's definitie and eenheid

    def detail(self, name: str) -> str:
        """A further column's value ('' when the codelist has no such column)."""
        return next((v for k, v in self.details if k == name), "")


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    provincie: str


@dataclass(frozen=True)
class Record:
    """A practice or a template: its (normalised) data and the file it came from."""

    file: str
    data: Mapping
    body: str = ""   # templates only

    @property
    def id(self) -> str:
        return self.data["id"]

    def get(self, *path, default=None):
        value = self.data
        for key in path:
            if not isinstance(value, Mapping) or key not in value:
                return default
            value = value[key]
        return value


@dataclass(frozen=True)
class Catalog:
    root: Path
    today: date
    practices: tuple
    templates: tuple
    codelists: Mapping          # name -> tuple[Code]
    gemeenten: Mapping          # code -> Gemeente
    rmc_regios: Mapping         # code -> Code
    glossary: tuple             # (term, uitleg)
    schemas: Mapping            # kind -> JSON Schema
    tables: Mapping             # compiled table -> tuple of rows
    table_schemas: Mapping      # compiled table -> Table Schema
    lock: Mapping               # template id -> {version: hash}
    descriptor: Mapping         # practices/datapackage.yaml as read
    warnings: tuple = ()        # Problems that do not stop a build (unreferenced attachments, hidden files)
    swv: SwvIndex = field(default_factory=empty_index)   # the official regio-indeling of the SWVs

    def __post_init__(self):
        # Read-only all the way down, so no step of one build can change what another sees.
        for name in ("schemas", "tables", "table_schemas", "lock", "descriptor"):
            object.__setattr__(self, name, freeze(getattr(self, name)))

    def label(self, codelist: str, code) -> str:
        for item in self.codelists.get(codelist, ()):
            if item.code == code:
                return item.label
        return "" if code is None else str(code)

    def practice(self, practice_id: str) -> Record | None:
        return next((p for p in self.practices if p.id == practice_id), None)

    def template(self, template_id: str) -> Record | None:
        return next((t for t in self.templates if t.id == template_id), None)

    def provinces(self, practice: Record) -> tuple[str, ...]:
        return tuple(sorted({self.gemeenten[c].provincie for c in practice.get("gemeenten", default=()) if c in self.gemeenten}))
