"""When each file of `practices/` was added and changed, from git where the folder is in a repository.

One `git log` for the whole folder (never one per file). The dates are the commits' author
dates, so two builds of the same commit give the same dates; the time of the build is never
used. Without git, outside a repository, or when git fails (a shallow or untrusted clone),
the history is empty and the pages use the dates in the records alone.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

# Author date (ISO), then the paths the commit touched relative to the folder; \x00 starts a commit.
GIT_LOG = ("git", "-c", "core.quotepath=off", "-c", "log.showSignature=false", "log", "--relative",
           "--no-renames", "--name-only", "--format=%x00%aI", "--", ".")


@dataclass(frozen=True)
class FileHistory:
    """The days on which commits touched one file: every day once, the newest first."""

    days: tuple

    @property
    def added(self) -> date:
        return self.days[-1]

    @property
    def changed(self) -> date:
        return self.days[0]


def parse_log(text: str) -> dict[str, FileHistory]:
    """Output of GIT_LOG -> {path relative to the folder: FileHistory}."""
    days: dict[str, list[date]] = {}
    for chunk in text.split("\x00")[1:]:
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        day = date.fromisoformat(lines[0][:10])
        for path in lines[1:]:
            seen = days.setdefault(path, [])
            if day not in seen:
                seen.append(day)
    return {path: FileHistory(tuple(sorted(found, reverse=True))) for path, found in days.items()}


def file_history(root: Path) -> Mapping[str, FileHistory]:
    """The git history of every file under `root` (keys like 'praktijken/x.yaml'); empty without git."""
    try:
        result = subprocess.run(GIT_LOG, cwd=root, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return MappingProxyType({})
    if result.returncode != 0:
        return MappingProxyType({})
    return MappingProxyType(parse_log(result.stdout))
