"""One progress printer for long runs of validate and build."""

from __future__ import annotations

import sys

LONG_RUN = 200  # items; shorter runs print no progress


def progress_line(label: str, n: int, total: int, unit: str = "") -> None:
    """'  label: n van total unit' on stderr every tenth of a run, on long runs only."""
    if total >= LONG_RUN and (n == total or n % max(1, total // 10) == 0):
        print(f"  {label}: {n} van {total}{f' {unit}' if unit else ''}", file=sys.stderr, flush=True)


def file_progress(n: int, total: int) -> None:
    """A progress line every tenth of the files read, on long runs only."""
    progress_line("gelezen", n, total, "bestanden")
