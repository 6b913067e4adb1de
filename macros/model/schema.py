"""The JSON Schemas in practices/schema/ are the one definition of every field.

From them we derive the Frictionless Table Schemas of the compiled package, the
field documentation, the comparison columns and the submission form. The `x-`
keywords carry what JSON Schema has no word for:

- `x-tabel`: an array becomes its own table (one row per item)
- `x-codelijst` / `x-referentie`: the value is a code in that table (foreign key)
- `x-verwijzing`: the value is the id of another practice or template
- `x-vergelijk`: the field is a column of that theme's comparison table
- `x-normaliseer`: editors may write other spellings; they are normalised first
- `x-weergave`: the sentence a number reads as on the site, `{}` for the number
  ('Overleg binnen {} werkdagen')
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SCHEMA_DIR = "schema"
ROOT_TABLES = {"praktijk": ("praktijken", "praktijk"), "sjabloon": ("sjablonen", "sjabloon")}
NORMAL_PATTERNS = {"swv": r"^(PO|VO) [0-9]{2}-[0-9]{2}$"}  # gemeenten: the foreign key says it better
ID_TARGETS = {"praktijken": "praktijken", "sjablonen": "sjablonen"}


def load_schema(root: Path, kind: str) -> dict:
    return json.loads((root / SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Field:
    """One leaf field of a record, wherever it sits in the tree."""

    path: tuple          # keys from the record root; "*" marks an array item
    spec: dict           # the JSON Schema of the leaf (the item schema for arrays of scalars)
    required: bool
    table: str           # table the value lands in
    column: str

    @property
    def title(self) -> str:
        return self.spec.get("title") or self.path[-1]

    @property
    def codelist(self) -> str | None:
        return self.spec.get("x-codelijst") or self.spec.get("x-referentie")

    @property
    def compare(self) -> str | None:
        return self.spec.get("x-vergelijk")

    @property
    def dotted(self) -> str:
        return ".".join("[]" if p == "*" else p for p in self.path).replace(".[]", "[]")


def fields(schema: dict, kind: str) -> tuple[Field, ...]:
    """All leaf fields in schema order, each with the table and column it compiles to.

    A walk of the schema; the render context keeps the result for the length of a build."""
    table, _ = ROOT_TABLES[kind]
    return tuple(_walk(schema, (), table, "", True))


def _walk(spec: dict, path: tuple, table: str, prefix: str, required: bool):
    needed = set(spec.get("required", ()))
    for name, sub in spec["properties"].items():
        here, must = path + (name,), required and name in needed
        if sub.get("type") == "object":
            yield from _walk(sub, here, table, f"{prefix}{name}_", must)
        elif sub.get("type") == "array":
            yield from _walk_array(sub, here)
        else:
            yield Field(here, sub, must, table, prefix + name)


def _walk_array(spec: dict, path: tuple):
    """An array is a table of its own: objects give columns, scalars a single column."""
    items, child = spec["items"], spec["x-tabel"]
    if items.get("type") == "object":
        yield from _walk(items, path + ("*",), child, "", True)
        return
    merged = {**items, **{k: v for k, v in spec.items() if k.startswith("x-") or k in ("title", "description")}}
    coded = merged.get("x-codelijst") or merged.get("x-referentie") or merged.get("x-normaliseer")
    column = "code" if coded else "waarde"
    yield Field(path + ("*",), merged, True, child, column)


def table_schemas(schema: dict, kind: str) -> dict[str, dict]:
    """Frictionless Table Schemas of the tables a record type compiles to."""
    root, parent = ROOT_TABLES[kind]
    tables: dict[str, dict] = {}
    for f in fields(schema, kind):
        if f.table not in tables:
            tables[f.table] = _new_table(f, root, parent)
        t = tables[f.table]
        column = f.column
        t["fields"].append(_table_field(column, f))
        target = _fk_target(f)
        if target:
            t["foreignKeys"].append({"fields": column, "reference": {"resource": target, "fields": "code" if target not in ID_TARGETS else "id"}})
        if f.table != root and column == "code":
            t["primaryKey"] = [parent, "code"]
    for t in tables.values():
        if not t["foreignKeys"]:
            del t["foreignKeys"]
    return tables


def _new_table(f: Field, root: str, parent: str) -> dict:
    if f.table == root:
        return {"fields": [], "primaryKey": ["id"], "foreignKeys": []}
    keys = [{"name": parent, "type": "string", "title": parent.capitalize(), "constraints": {"required": True}}]
    is_code_list = f.column == "code"
    if not is_code_list:
        keys.append({"name": "volgnummer", "type": "integer", "title": "Volgnummer", "constraints": {"required": True, "minimum": 1}})
    return {"fields": keys, "primaryKey": [parent, "volgnummer"],
            "foreignKeys": [{"fields": parent, "reference": {"resource": root, "fields": "id"}}]}


def _fk_target(f: Field) -> str | None:
    if f.spec.get("x-verwijzing"):
        return f.spec["x-verwijzing"]
    return f.codelist


_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}


def _table_field(column: str, f: Field) -> dict:
    spec = f.spec
    out = {"name": column, "title": f.title, "type": _TYPES[spec["type"]]}
    if spec.get("format") == "date":
        out["type"] = "date"
    if spec.get("format") == "email":
        out["format"] = "email"
    if spec.get("format") == "uri":
        out["format"] = "uri"
    if spec.get("description"):
        out["description"] = spec["description"]
    constraints = {"required": True} if f.required else {}
    pattern = NORMAL_PATTERNS.get(spec.get("x-normaliseer")) or spec.get("pattern")
    if pattern and out["type"] == "string":
        constraints["pattern"] = pattern
    for key in ("minimum", "maximum", "minLength", "maxLength"):
        if key in spec and not (key.endswith("Length") and (spec.get("x-normaliseer") or out["type"] != "string")):
            constraints[key] = spec[key]
    if constraints:
        out["constraints"] = constraints
    return out


def form_label(schema: Mapping, field: str) -> str:
    """A problem's field as the web editor labels it: 'partners[0].organisatie' -> 'Partners 1 › Organisatie'
    (the same rule as docs/assets/redactie-controle.js); a key the schema does not know stays as written."""
    parts, spec = [], schema
    for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field):
        spec = spec if isinstance(spec, Mapping) else {}
        if index:
            spec = spec.get("items")
            if parts:
                parts[-1] += f" {int(index) + 1}"
            continue
        spec = (spec.get("properties") or {}).get(key)
        parts.append(spec["title"] if isinstance(spec, Mapping) and spec.get("title") else key)
    return " › ".join(parts)
