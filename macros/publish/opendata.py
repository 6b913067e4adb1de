"""Write the compiled data package: CSV per table, the JSON Schemas and datapackage.json.

The result is what the site publishes at /data/ and what the stock
`frictionless validate` must accept.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from macros.model.catalog import Catalog, thaw
from macros.checks.package import write_csv

TABLE_TITLES = {"praktijken": "Goede praktijken", "sjablonen": "Sjablonen"}


def export_package(catalog: Catalog, out: Path) -> Path:
    """Write the whole package into `out` and return the path of datapackage.json."""
    out.mkdir(parents=True, exist_ok=True)
    descriptor = thaw(catalog.descriptor)
    resources = []
    for resource in descriptor["resources"]:
        target = out / resource["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(catalog.root / resource["path"], target)
        if isinstance(resource.get("schema"), str):
            resource = {**resource, "schema": json.loads((catalog.root / resource["schema"]).read_text(encoding="utf-8"))}
        resources.append(resource)
    (out / "tabellen").mkdir(exist_ok=True)
    for name, schema in catalog.table_schemas.items():
        write_csv(out / "tabellen" / f"{name}.csv", schema, catalog.tables[name])
        resources.append({"name": name, "title": TABLE_TITLES.get(name, name.replace("-", " ").capitalize()),
                          "path": f"tabellen/{name}.csv", "format": "csv", "encoding": "utf-8", "schema": thaw(schema)})
    (out / "schema").mkdir(exist_ok=True)
    for kind in ("praktijk", "sjabloon"):
        shutil.copyfile(catalog.root / "schema" / f"{kind}.schema.json", out / "schema" / f"{kind}.schema.json")
    package = {k: v for k, v in descriptor.items() if k != "resources"}
    package["resources"] = resources
    package["created"] = catalog.today.isoformat() + "T00:00:00Z"
    target = out / "datapackage.json"
    target.write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    return target
