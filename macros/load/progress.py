"""One progress printer for long runs of validate and build."""

from __future__ import annotations

import sys


def file_progress(n: int, total: int) -> None:
    """A progress line every tenth of the files, on long runs only."""
    if total >= 200 and (n == total or n % max(1, total // 10) == 0):
        print(f"  gelezen: {n} van {total} bestanden", file=sys.stderr, flush=True)
