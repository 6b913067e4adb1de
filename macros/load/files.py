"""Which files of practices/ the build reads and publishes.

Nothing is followed: a symbolic link anywhere in practices/ is refused, because it can
point outside the package (`ln -s /etc/passwd practices/bijlagen/x` would publish that
file). Records are found without entering links or hidden folders; only attachments that a
record names are published, copied as the regular files they are (a Markdown one only as a page).
Hidden files are never read or published; `validate` warns about them and about attachments no
record names.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Mapping

from macros.checks.attachments import MARKDOWN, allowed

RECORD_FOLDERS = ("praktijken", "sjablonen", "bijlagen")  # a link here stops only that file, not the whole load
ATTACHMENTS = "bijlagen"


def _entries(folder) -> list[os.DirEntry]:
    """The entries of a folder; none when it cannot be listed (as `os.walk` skips it)."""
    try:
        with os.scandir(folder) as found:
            return list(found)
    except OSError:
        return []


def links(root: Path) -> list[Path]:
    """Every symbolic link under `root`, files and folders alike; none is entered."""
    found, folders = [], [str(root)]
    while folders:
        for entry in _entries(folders.pop()):
            if entry.is_symlink():
                found.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
    return sorted(found)


def remove(entry: Path) -> None:
    """Remove a file, a link (never what it points at) or a folder with all it holds, as far as it
    can be removed; a missing entry is no error."""
    if entry.is_symlink() or not entry.is_dir():
        entry.unlink(missing_ok=True)
    else:
        shutil.rmtree(entry, ignore_errors=True)


def hidden(name: str) -> bool:
    return name.startswith(".")


def visible_files(folder: Path) -> list[Path]:
    """Regular files under `folder`, without entering links or hidden folders, hidden files left out."""
    found, folders = [], [str(folder)]
    while folders:
        for entry in _entries(folders.pop()):
            if hidden(entry.name):
                continue
            if entry.is_file(follow_symlinks=False):  # a regular file, not a link to one
                found.append(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
    return [Path(p) for p in sorted(found, key=lambda p: p.split(os.sep))]  # as Paths sort: part by part


def referenced_names(records) -> set[str]:
    """The attachment file names that records (plain dicts or Catalog records) name under `documenten`."""
    names = set()
    for data in records:
        docs = data.get("documenten") if isinstance(data, Mapping) else None
        for doc in docs if isinstance(docs, (list, tuple)) else ():
            name = doc.get("bestand") if isinstance(doc, Mapping) else None
            if isinstance(name, str) and "/" not in name and not hidden(name):
                names.add(name)
    return names


def referenced_attachments(catalog) -> tuple[Path, ...]:
    """The paths in practices/bijlagen/ that a practice or template names (validation made sure each is a
    regular file; `copy_attachments` checks again, as it opens them)."""
    folder = catalog.root / ATTACHMENTS
    return tuple(folder / n for n in sorted(referenced_names([r.data for r in (*catalog.practices, *catalog.templates)])))


def copy_attachments(catalog, target: Path) -> list[Path]:
    """Copy the referenced attachments into `target`; a link is never followed, even one made after loading.
    Only the allowed types (validation checked their content), and never a Markdown file: the site shows
    that as a page (macros.render.attachments)."""
    copied = []
    for source in referenced_attachments(catalog):
        if source.suffix.lower() == MARKDOWN or not allowed(source.name):
            continue
        target.mkdir(parents=True, exist_ok=True)
        fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as src, (target / source.name).open("wb") as dst:
            if not stat.S_ISREG(os.fstat(src.fileno()).st_mode):
                raise OSError(f"{source} is geen gewoon bestand")
            shutil.copyfileobj(src, dst)
        copied.append(target / source.name)
    return copied
