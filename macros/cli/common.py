"""What several commands share: loading the package with progress, and printing its problems."""

from __future__ import annotations

import sys
from datetime import date

from macros.model.problems import InvalidData, report
from macros.load.catalog import load_catalog
from macros.load.progress import file_progress


def load(root: str, today: date | None = None):
    return load_catalog(root, today=today, progress=file_progress)


def load_or_report(root: str, today: date | None = None):
    """The Catalog, or None after printing every problem (for commands that need valid data)."""
    try:
        return load(root, today)
    except InvalidData as err:
        print(report(err.problems), file=sys.stderr)
        return None
