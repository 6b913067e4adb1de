"""The validation cache in `.cache/validatie/`: what the checks of one file found, keyed on its content.

Editors change one file at a time; reading and checking the other ten thousand again is the
cost of a validation. This cache keeps, per record file, the result of every stage that looks
at that file alone (the problems with their lines, the key cells the checks across records
need, and on request the normalised data), so that a run only reads and checks the files
that changed.

What a result is keyed on:

- the *context*: a hash of everything outside the file that the checks read: the JSON
  Schemas and every other file under `practices/schema/`, `datapackage.yaml`, every codelist
  and reference table it names, `sjablonen/versies.lock`, the names in `bijlagen/` (a record
  may name an attachment) with what the type and content checks say of each, today's date (no
  review date in the future), the folder the command runs in (messages show paths relative to
  it), the source of the modules that load and check
  (`macros/load`, `macros/checks`, `macros/model`) and the versions of the libraries they use.
  A change to any of them is a new context: nothing of the old one is used;
- per file: the context, the kind of record, the path as messages show it, and the file's bytes.

Everything is JSON written to a temporary file and renamed over the old one, so a reader never
sees half a file. A cache file that cannot be read, is not valid JSON or has the wrong shape is
ignored, as if it were not there; a cache that cannot be written is skipped. The cache is an
optimisation only: without it the same problems come out, more slowly.

Do not share `.cache/validatie/` with people you would not let change the code: whoever can
write it can make a validation pass.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
import time
from datetime import date
from importlib import metadata
from pathlib import Path

from macros.checks.attachments import verdict
from macros.model.problems import Problem
from macros.load.templates import LOCK_FILE
from macros.load.yaml_source import read_bytes

FORMAT = 1                         # bump when the layout of an entry changes
CACHE_FOLDER = ".cache/validatie"  # beside practices/, in the project
CODE_PACKAGES = ("load", "checks", "model", "store")   # the parts of `macros` that read and check the package
LIBRARIES = ("frictionless", "jsonschema", "fastjsonschema", "PyYAML", "markdown-it-py", "pillow")
KEEP_CONTEXTS = 3                  # contexts kept side by side (switching between two branches stays warm)
READ_LIMIT = 1024 * 1024 * 1024    # a cache file is never this big; a bigger one is not ours
RECORDS_FILE = "records.json"
PACKAGE_FILE = "pakket.json"
DATA_FOLDER = "gegevens"
_PACKAGE = Path(__file__).resolve().parent.parent


def digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def file_bytes(path: Path) -> bytes:
    """A file's bytes for a key; a missing or unreadable file is a marker, never an error."""
    try:
        return b"bestand:" + read_bytes(path, READ_LIMIT)
    except OSError as err:
        return f"geen bestand:{err.errno}".encode()


def files_under(folder: Path) -> list[Path]:
    found = []
    for here, dirs, files in os.walk(folder):
        dirs.sort()
        found += [Path(here) / name for name in sorted(files)]
    return found


def _attachment_names(folder: Path) -> list[str]:
    """The entries of bijlagen/ a record may name, each with whether it counts as present and, for a
    regular file, what the type and content checks say of it (`macros.checks.attachments.verdict`)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(f"{e.name}:{int(e.is_file(follow_symlinks=False) or e.is_symlink())}:{_verdict(e)}"
                          for e in entries)
    except OSError as err:
        return [f"geen map:{err.errno}"]


def _verdict(entry: os.DirEntry) -> str:
    if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
        return "-"
    return verdict(Path(entry.path))


def code_parts(packages: tuple = CODE_PACKAGES, libraries: tuple = LIBRARIES) -> list[bytes]:
    """The source of the modules in `packages` (parts of `macros`), the versions of `libraries`
    and Python's: by default what loads and checks."""
    parts = [path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes()
             for package in packages for path in sorted((_PACKAGE / package).glob("*.py"))]
    for name in libraries:
        try:
            parts.append(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            parts.append(f"{name} ontbreekt".encode())
    return parts + [platform.python_version().encode()]


def context_key(root: Path, descriptor: dict, today: date) -> str:
    """The hash of everything outside a record file that the checks of that file depend on."""
    parts = [f"formaat {FORMAT}".encode(), str(root).encode(), str(Path.cwd().resolve()).encode(),
             str(Path(root).resolve()).encode(), today.isoformat().encode(), *code_parts(),
             file_bytes(root / "datapackage.yaml"), file_bytes(root / LOCK_FILE)]
    parts += [p.relative_to(root).as_posix().encode() + file_bytes(p) for p in files_under(root / "schema")]
    for resource in descriptor.get("resources", []):
        for field in ("path", "schema", "dialect"):
            value = resource.get(field) if isinstance(resource, dict) else None
            if isinstance(value, str):
                parts.append(value.encode() + file_bytes(root / value))
    parts += [name.encode() for name in _attachment_names(root / "bijlagen")]
    return digest(*parts)


def file_key(context: str, kind: str, where: str, content: bytes) -> str:
    return digest(context.encode(), kind.encode(), where.encode(), content)


def problems_in(rows) -> list[Problem]:
    """Problems back from their JSON form, [file, line, field, message]."""
    return [Problem(str(f), int(n), str(k), str(m)) for f, n, k, m in rows]


def problems_out(problems) -> list[list]:
    return [[p.file, p.line, p.field, p.message] for p in problems]


class ValidationCache:
    """The cache of one run: the entries of its context, read once, written once at the end."""

    def __init__(self, root: Path, context: str):
        self.base = Path(root).resolve().parent / CACHE_FOLDER
        self.folder = self.base / context[:32]
        self.context = context
        self.records = self._read_entries()
        self.package = self._read_json(self.folder / PACKAGE_FILE)

    # ------------------------------------------------------------------ reading

    def _read_json(self, path: Path):
        """The JSON in a cache file of this context, or None when it is missing, corrupt or not ours."""
        try:
            value = json.loads(read_bytes(path, READ_LIMIT))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(value, dict) or value.get("formaat") != FORMAT or value.get("context") != self.context:
            return None
        return value

    def _read_entries(self) -> dict:
        value = self._read_json(self.folder / RECORDS_FILE)
        entries = value.get("entries") if value else None
        return entries if isinstance(entries, dict) else {}

    def summary(self, key: str) -> dict | None:
        entry = self.records.get(key)
        return entry if isinstance(entry, dict) and entry.get("key") == key else None

    def data(self, key: str):
        """The normalised data of one file, or None when it is not in the cache."""
        value = self._read_json(self.folder / DATA_FOLDER / f"{key}.json")
        return value if value is not None and value.get("key") == key and "data" in value else None

    # ------------------------------------------------------------------ writing

    def _write_json(self, path: Path, value: dict) -> None:
        """Write atomically: a temporary file in the same folder, renamed over the old one."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as fh:  # dumps, not dump: the C encoder
                fh.write(json.dumps({"formaat": FORMAT, "context": self.context, **value}, separators=(",", ":")))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def save(self, entries: dict, package: dict | None, data: dict, keep_data: set | None) -> None:
        """Keep this run's entries (and only those), the package result and new data files;
        `keep_data`: the data files still in use (the others are removed), None to leave them."""
        try:
            if entries != self.records:
                self._write_json(self.folder / RECORDS_FILE, {"entries": entries})
            if package is not None and {"formaat": FORMAT, "context": self.context, **package} != self.package:
                self._write_json(self.folder / PACKAGE_FILE, package)
            for key, value in data.items():
                self._write_json(self.folder / DATA_FOLDER / f"{key}.json", {"key": key, "data": value})
            if keep_data is not None:
                self._remove_data_except(keep_data)
            self._remove_old_contexts()
        except (OSError, ValueError, TypeError, RecursionError):
            pass  # a cache that cannot be written only makes the next run slower

    def _remove_data_except(self, keep: set) -> None:
        folder = self.folder / DATA_FOLDER
        if folder.is_dir():
            for path in folder.iterdir():
                if path.suffix == ".json" and path.stem not in keep:
                    path.unlink(missing_ok=True)

    def _remove_old_contexts(self) -> None:
        """At most KEEP_CONTEXTS contexts, the most recently used; leftovers of killed writes go too."""
        os.utime(self.folder)
        folders = sorted((p for p in self.base.iterdir() if p.is_dir() and not p.is_symlink()),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for old in folders[KEEP_CONTEXTS:]:
            shutil.rmtree(old, ignore_errors=True)
        hour_ago = time.time() - 3600
        for folder in (self.folder, self.folder / DATA_FOLDER):
            for temporary in folder.glob(".tmp-*") if folder.is_dir() else ():
                if temporary.stat().st_mtime < hour_ago:
                    temporary.unlink(missing_ok=True)
