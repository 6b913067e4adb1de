"""One message format for every problem: file, line, field, what is wrong and the fix."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


class InvalidData(Exception):
    """Raised when the package has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(summary(self.problems))


def summary(problems: list[Problem]) -> str:
    if not problems:
        return "Geen problemen gevonden."
    files = len({p.file for p in problems})
    word = "probleem" if len(problems) == 1 else "problemen"
    return f"{len(problems)} {word} in {files} {'bestand' if files == 1 else 'bestanden'}."


def report(problems: list[Problem]) -> str:
    """All problems, one a line, then the summary."""
    return "\n".join([str(p) for p in sorted(set(problems))] + [summary(problems)])


def field_path(path) -> str:
    """('gemeenten', 2, 'x') -> 'gemeenten[2].x'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
