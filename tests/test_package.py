"""The data package is judged by outside tools: the stock frictionless and check-jsonschema CLIs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.load.catalog import load_catalog
from macros.publish.opendata import export_package
from macros.model.schema import fields, load_schema, table_schemas

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} ontbreekt: installeer de testafhankelijkheden (make test doet dat).")
    return str(path)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


@pytest.fixture(scope="module")
def exported(catalog, tmp_path_factory) -> Path:
    return export_package(catalog, tmp_path_factory.mktemp("export") / "data")


def test_exported_package_passes_stock_frictionless(exported):
    result = subprocess.run([tool("frictionless"), "validate", str(exported)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "INVALID" not in result.stdout


def test_stock_frictionless_catches_a_broken_foreign_key(exported, tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(exported.parent, broken)
    table = broken / "tabellen" / "praktijk-gemeenten.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ",GM9999"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run([tool("frictionless"), "validate", str(broken / "datapackage.json")], capture_output=True, text=True)
    assert result.returncode != 0 and "foreign-key" in result.stdout


def test_source_descriptor_passes_stock_frictionless():
    result = subprocess.run([tool("frictionless"), "validate", str(ROOT / "practices" / "datapackage.yaml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_descriptor_has_licence_sources_and_every_table(exported, catalog):
    descriptor = json.loads(exported.read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert any("CBS" in s["title"] for s in descriptor["sources"])
    names = {r["name"] for r in descriptor["resources"]}
    assert {"praktijken", "praktijk-gemeenten", "praktijk-swv", "praktijk-themas", "resultaten", "documenten",
            "gemeenten", "rmc-regios", "sjablonen"} <= names
    rows = (exported.parent / "tabellen" / "praktijken.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(catalog.practices) + 1


def test_json_schemas_pass_the_metaschema():
    schemas = sorted(str(p) for p in (ROOT / "practices" / "schema").glob("*.schema.json"))
    result = subprocess.run([tool("check-jsonschema"), "--check-metaschema", *schemas], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind, folder", [("praktijk", "praktijken"), ("sjabloon", "sjablonen")])
def test_every_bundled_record_passes_stock_check_jsonschema(kind, folder):
    records = sorted(str(p) for p in (ROOT / "practices" / folder).glob("*.yaml"))
    assert records
    schema = ROOT / "practices" / "schema" / f"{kind}.schema.json"
    result = subprocess.run([tool("check-jsonschema"), "--schemafile", str(schema), *records], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind", ["praktijk", "sjabloon"])
def test_table_schemas_agree_with_the_json_schema(kind):
    """Each leaf field of the JSON Schema is exactly one column, with the same title and type."""
    schema = load_schema(ROOT / "practices", kind)
    tables = table_schemas(schema, kind)
    types = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
    for f in fields(schema, kind):
        column = next(c for c in tables[f.table]["fields"] if c["name"] == f.column)
        assert column["title"] == f.title
        expected = "date" if f.spec.get("format") == "date" else types[f.spec["type"]]
        assert column["type"] == expected, f.dotted
        assert column.get("constraints", {}).get("required", False) == f.required, f.dotted
        target = f.spec.get("x-codelijst") or f.spec.get("x-referentie")
        if target:
            assert {"fields": f.column, "reference": {"resource": target, "fields": "code"}} in tables[f.table]["foreignKeys"]
