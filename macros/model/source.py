"""One parsed file of the package: its data and the line of every value in it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """One parsed file: its data and the line (1-based) of every path in it."""

    path: str
    data: object
    lines: dict = field(default_factory=dict, repr=False)

    def line(self, path=()) -> int:
        """Line of the value at `path`, or of its nearest existing parent."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)
