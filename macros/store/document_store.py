"""The template documents of earlier builds, kept in `.cache/` and reused while nothing they are
made from has changed.

Pandoc takes about a second for the documents of five templates, on every build. A made set
(.docx, .odt, .md) is stored under a key of everything that goes into it: the template's data
and body, the bytes of the files in its folder (the images it shows), the source of the code
and the versions of pandoc and the libraries that write documents. A changed key makes the
set again; nothing is trusted across a change of any of these. Only regular files are read,
never a link, and a `.cache/` or store folder that is a link is not used at all.

Like `.cache/validatie/`, the store is trusted as much as the code: whoever can write it can
change the downloads of the next build. Do not share it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from macros.store.cache import code_parts, digest, file_bytes, files_under
from macros.load.files import remove

FORMAT = 1                        # bump when the layout of a stored set changes
STORE = "gemaakte-documenten"     # in .cache/; not "documenten-*", which are the work folders of builds
KEEP = 40                         # sets kept: the current templates and some earlier versions
# What makes the documents: the template parts and schema (load, model), the body's rendering and
# sanitising (render), pandoc and the layout (publish), the jobs (site/steps.py).
PACKAGES = ("checks", "load", "model", "publish", "render", "site", "store")
LIBRARIES = ("pypandoc-binary", "python-docx", "odfpy", "lxml", "nh3", "markdown-it-py", "Jinja2")


def code_key() -> str:
    """The source of the modules that make the documents and the versions of their libraries."""
    return digest(*code_parts(PACKAGES, LIBRARIES))


def set_key(code: str, template_key: str, folder: Path) -> str:
    """The key of one template's documents: the code, the template's content and its folder's files
    (a link or an unreadable file counts as a marker, never followed)."""
    files = [p.relative_to(folder).as_posix().encode() + file_bytes(p) for p in files_under(folder)]
    return digest(f"formaat {FORMAT}".encode(), code.encode(), template_key.encode(), *files)


class DocumentStore:
    """`.cache/gemaakte-documenten/<key>/`: one complete set of documents per key."""

    def __init__(self, cache: Path) -> None:
        self.folder = cache / STORE
        self._linked = cache.is_symlink() or self.folder.is_symlink()

    def find(self, key: str, names: list[str]) -> Path | None:
        """The stored set for `key` when every file in `names` is there as a regular file."""
        entry = self.folder / key
        if self._linked or entry.is_symlink() or not entry.is_dir():
            return None
        if not all((entry / n).is_file() and not (entry / n).is_symlink() for n in names):
            return None
        try:
            os.utime(entry)  # used: kept longest by `prune`
        except OSError:
            pass  # a read-only checkout: the set is still good
        return entry

    def keep(self, key: str, made: Path) -> Path:
        """Move a freshly made set into the store; where it is after the call (still `made` when the
        store cannot take it, for example a read-only checkout or another build stored it first)."""
        names, entry = [p.name for p in made.iterdir()], self.folder / key
        try:
            if self._linked:
                return made
            self.folder.mkdir(parents=True, exist_ok=True)
            if (entry.exists() or entry.is_symlink()) and self.find(key, names) is None:
                remove(entry)  # incomplete, or holding a link: never used, so replaced
            os.rename(made, entry)
            return entry
        except OSError:
            return self.find(key, names) or made

    def prune(self) -> None:
        """Remove all but the KEEP most recently used sets. Only called while no other build runs."""
        if self._linked or not self.folder.is_dir():
            return
        entries = sorted((e for e in self.folder.iterdir() if e.is_dir() and not e.is_symlink()),
                         key=lambda e: e.stat().st_mtime, reverse=True)
        for entry in entries[KEEP:]:
            shutil.rmtree(entry, ignore_errors=True)
