"""Checks of which files practices/ holds: a link anywhere is refused, a record file must end in
.yaml, hidden files and attachments no record names are named in a warning (they are never
read or published; `macros.load.files` is how the build finds and copies the files)."""

from __future__ import annotations

import os
from pathlib import Path

from macros.load.files import ATTACHMENTS, RECORD_FOLDERS, hidden, links, visible_files
from macros.load.yaml_source import LINK_MESSAGE
from macros.model.problems import WARNING, Problem, shown


def link_problems(root: Path) -> tuple[list[Problem], bool]:
    """A problem per link, and whether one sits where the loader must read (schemas, codelists, ...)."""
    found = links(root)
    structural = any(path.relative_to(root).parts[0] not in RECORD_FOLDERS for path in found)
    return [Problem(shown(path), 0, "", LINK_MESSAGE) for path in found], structural


def hidden_warnings(root: Path) -> list[Problem]:
    """A warning per hidden file or folder: it is never read or published."""
    out = []
    for here, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            if hidden(name):
                what = "verborgen map" if name in dirs else "verborgen bestand"
                out.append(Problem(shown(Path(here) / name), 0, "", f"{WARNING}{what}: wordt niet gelezen en niet "
                                   "gepubliceerd. Verwijder het als het er per ongeluk staat (zoals .DS_Store of een "
                                   "reservekopie van een editor)."))
        dirs[:] = [d for d in dirs if not hidden(d)]
    return out


def record_files(root: Path, folder: str) -> tuple[list[Path], list[Problem], list[Problem]]:
    """The .yaml files under practices/<folder>/, the problems (other YAML spellings) and warnings."""
    paths, problems, warnings = [], [], []
    for path in visible_files(root / folder):
        if path.suffix == ".yaml":
            paths.append(path)
        elif path.suffix.lower() in (".yaml", ".yml"):
            problems.append(Problem(shown(path), 0, "", f"dit bestand wordt niet gelezen: de kennisbank leest alleen "
                                    f"bestanden die eindigen op .yaml (kleine letters). Hernoem het naar {path.stem}.yaml."))
        elif folder == "praktijken":
            warnings.append(Problem(shown(path), 0, "", f"{WARNING}dit bestand wordt niet gelezen: alleen bestanden "
                                    "die eindigen op .yaml zijn praktijken."))
    return paths, problems, warnings


def attachment_warnings(root: Path, referenced: set[str]) -> list[Problem]:
    """A warning per attachment that no record names: it is not published."""
    folder = root / ATTACHMENTS
    return [Problem(shown(path), 0, "", f"{WARNING}geen enkele praktijk verwijst naar dit bestand, dus het wordt niet "
                    f"gepubliceerd. Noem het onder documenten (bestand: {path.name}) of verwijder het.")
            for path in visible_files(folder) if path.parent != folder or path.name not in referenced]
