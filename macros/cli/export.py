"""`kennisbank export`: write the open-data package."""

from __future__ import annotations

from pathlib import Path

from macros.cli.common import load_or_report
from macros.publish.opendata import export_package


def run(args) -> int:
    catalog = load_or_report(args.pad)
    if catalog is None:
        return 1
    target = export_package(catalog, Path(args.uit))
    print(f"Datapakket geschreven: {target}")
    return 0
