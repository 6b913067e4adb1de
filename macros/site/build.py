"""`kennisbank build` and `kennisbank serve`.

build: validate once, build into a new versioned folder `.<site>.builds/<id>/` beside the
target, and only when everything succeeded point the symbolic link `<site>` at it. The
switch is one `rename` of a new link over the old one, so `<site>/` is at every moment
either the old or the new complete site, even when the build is killed. A failed build
leaves the old site byte-identical. A lock (`.<site>.builds/bouw.lock`) keeps a second
build out; the next build removes what a killed one left behind.

MkDocs' warnings are collected during the build and shown with the file they concern
(in Dutch for the common ones), so a strict build that stops says why.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import sys
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from macros.model.problems import InvalidData, os_error_message, report
from macros.load.catalog import load_catalog
from macros.load.collector import fewer_collections
from macros.load.files import remove
from macros.load.locking import Busy, held
from macros.load.progress import file_progress
from macros.model.problems import shown
from macros.site import macro_errors
from macros.render.sources import source_report
from macros.site.context import HANDLE_KEY, Session
from macros.checks.site_sources import source_problems
from macros.site.zensical import ZensicalFailed, build_zensical

LOCK_NAME = "bouw.lock"
BUILD_PREFIX = "bouw-"
LINK_SUFFIX = ".link"
_RENAME_EXCHANGE = 2  # linux/fs.h
_MACRO_FAILED = 100   # the exit code of mkdocs-macros with on_error_fail (mkdocs_macros.plugin.ERROR_MACRO)


def _step(n: int, total: int, text: str, started: float) -> None:
    print(f"[{n}/{total}] {text} ({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- layout and lock


@dataclass(frozen=True)
class Layout:
    """Where a site and its versioned builds live."""

    site: Path     # the symbolic link readers use, e.g. site
    builds: Path   # .site.builds/, one folder per build

    @classmethod
    def of(cls, site: Path) -> "Layout":
        site = Path(os.path.abspath(site))
        return cls(site, site.parent / f".{site.name}.builds")

    @property
    def lock(self) -> Path:
        return self.builds / LOCK_NAME

    def current(self) -> Path | None:
        """The build folder `site` points at, if it is one of ours."""
        if not self.site.is_symlink():
            return None
        target = Path(os.path.normpath(self.site.parent / os.readlink(self.site)))
        return target if target.parent == self.builds else None


@contextmanager
def locked(layout: Layout):
    """Hold the build lock of `layout`; `Busy` when another build has it. The operating system
    releases it when the process ends, however it ends (macros.load.locking)."""
    layout.builds.mkdir(parents=True, exist_ok=True)
    with held(layout.lock):
        yield


def clean_leftovers(layout: Layout) -> list[Path]:
    """Remove what killed builds left: build folders `site` does not point at, half-made
    links, and the `.site.nieuw-*` / `.site.oud-*` folders of the old two-rename swap.
    Call only with the lock held. Returns what was removed."""
    keep = layout.current()
    removed = []
    for entry in sorted(layout.builds.iterdir()):
        if entry.name == LOCK_NAME or entry == keep:
            continue
        remove(entry)
        removed.append(entry)
    for pattern in (f".{layout.site.name}.nieuw-*", f".{layout.site.name}.oud-*"):
        for entry in sorted(layout.site.parent.glob(pattern)):
            remove(entry)
            removed.append(entry)
    return removed


# --------------------------------------------------------------------------- swap


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, TypeError):  # not Linux (Windows has no CDLL(None))
        return False
    at_cwd = -100
    return renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _swap(fresh: Path, layout: Layout) -> None:
    """Point `site` at `fresh` with one atomic rename, then remove the previous build.

    A new link is made inside the builds folder and renamed over `site`. A `site` that is
    still a real folder (made before builds were versioned) is exchanged with the link in
    one step where the system can (Linux), else moved aside first.
    """
    previous = layout.current()
    link = layout.builds / f"{fresh.name}{LINK_SUFFIX}"
    try:
        os.symlink(os.path.relpath(fresh, layout.site.parent), link, target_is_directory=True)
    except OSError:  # Windows without the right to make links: move the folder in instead
        _move_in(fresh, layout)
        return
    if layout.site.is_dir() and not layout.site.is_symlink():
        if not _exchange(link, layout.site):
            aside = layout.builds / f"{fresh.name}.oud"
            os.replace(layout.site, aside)
            os.replace(link, layout.site)
            shutil.rmtree(aside, ignore_errors=True)
    else:
        os.replace(link, layout.site)
    if previous is not None and previous != fresh:
        shutil.rmtree(previous, ignore_errors=True)
    remove(link)  # the old real folder, when it was exchanged


def _move_in(fresh: Path, layout: Layout) -> None:
    """Where no link can be made: the old site aside, the new one in its place (two renames, so
    a kill in between leaves no site; the next build still finds the old one aside and removes it)."""
    aside = layout.builds / f"{fresh.name}.oud"
    if layout.site.is_symlink() or layout.site.exists():
        os.replace(layout.site, aside)
    os.replace(fresh, layout.site)
    remove(aside)


# --------------------------------------------------------------------------- MkDocs messages


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors of one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_MKDOCS_MESSAGES = [
    (re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the target(?: '(.*?)')? is not found among "
                r"documentation files\.?", re.S),
     "{docs}/{0}: de link '{1}' wijst naar een pagina die niet bestaat. Verbeter de link of maak de pagina aan."),
    (re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the doc '(.+?)' does not contain an anchor "
                r"'(.+?)'\.?", re.S),
     "{docs}/{0}: de link '{1}' wijst naar een kop '{3}' die niet bestaat in {2}. Verbeter de link of de kop."),
    (re.compile(r"Doc file '(.+?)' contains an absolute link '(.+?)', it was left as is\.?", re.S),
     "{docs}/{0}: de link '{1}' begint met '/'. Schrijf een link ten opzichte van de pagina (zoals ../over/)."),
    (re.compile(r"Doc file '(.+?)' contains an unrecognized relative link '(.+?)', it was left as is\.?", re.S),
     "{docs}/{0}: de link '{1}' wijst naar niets in docs/. Verbeter de link."),
    (re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" "
                r"configuration:\s*(.*)", re.S),
     "deze pagina's staan in {docs}/ maar niet in 'nav' van mkdocs.yml: {0}. Zet ze in 'nav' of in 'not_in_nav'."),
]


def explain(record: logging.LogRecord, docs: str) -> str:
    """One MkDocs warning as a line for the user: Dutch for the common ones, else as
    MkDocs wrote it."""
    text = record.getMessage().strip()
    macro = macro_errors.from_log(text, docs)
    if macro:
        return macro
    for pattern, dutch in _MKDOCS_MESSAGES:
        match = pattern.fullmatch(text)
        if match:
            parts = [", ".join(line.strip().removeprefix("- ") for line in (part or "").splitlines() if line.strip())
                     for part in match.groups()]
            return dutch.format(*parts, docs=docs)
    return f"MkDocs ({record.levelname.lower()}): {text}"


def _show_warnings(records: list[logging.LogRecord], docs: str) -> None:
    if records:
        print("Meldingen van MkDocs:", file=sys.stderr)
        for record in records:
            print(f"- {explain(record, docs)}", file=sys.stderr)


def _failure(err: BaseException) -> str:
    if isinstance(err, OSError):
        return os_error_message(err)
    text = str(err).strip()
    strict = re.fullmatch(r"Aborted with (\d+) warnings? in strict mode!?", text)
    if strict:
        return f"MkDocs stopte na {strict.group(1)} melding(en) in strenge modus (zie hierboven)."
    if isinstance(err, SystemExit) and err.code == _MACRO_FAILED:
        return "een macro in een pagina kon niet worden uitgevoerd (zie hierboven)."
    return text or type(err).__name__


# --------------------------------------------------------------------------- build


BUILDERS = ("mkdocs", "zensical")


def build_atomic(config_file: Path, site: Path, strict: bool = True, bouwer: str = "mkdocs") -> int:
    layout = Layout.of(site)
    started = time.monotonic()
    refused = _site_refused(layout)  # said at once, before the data is checked
    if refused:
        print(refused, file=sys.stderr)
        return 1
    with fewer_collections():  # a build, like a load run, keeps what it makes until the end
        # Validation is the one step with worker processes (macros.load.parallel); it runs before the
        # lock is taken, so no worker ever holds the lock file it would inherit.
        catalog = _validated(config_file, layout.site, started)
        if catalog is None:
            return 1
        try:
            with locked(layout):
                return _build_locked(config_file, layout, catalog, strict, bouwer, started)
        except (Busy, OSError) as err:  # another build started meanwhile, or the folder changed
            print(_lock_message(layout, err), file=sys.stderr)
    return 1


def _site_refused(layout: Layout) -> str | None:
    """Why the site cannot be built now (another build holds the lock, the folder cannot be
    written), or None. The real lock is taken after validation."""
    try:
        with locked(layout):
            return None
    except (Busy, OSError) as err:
        return _lock_message(layout, err)


def _lock_message(layout: Layout, err: BaseException) -> str:
    if isinstance(err, Busy):
        return (f"Er loopt al een andere bouw van {layout.site}/ (het slot {err} is bezet). Wacht tot die klaar "
                "is en probeer het daarna opnieuw.")
    return (f"De site kan niet in {layout.site}/ worden gezet: {os_error_message(err)} {layout.site}/ is niet "
            "veranderd; een andere map kiest u met --site.")


def _validated(config_file: Path, site: Path, started: float):
    """The Catalog of practices/, checked, with the sources the pages cite; None (reported) when invalid."""
    root = config_file.resolve().parent / "practices"
    _step(1, 3, "gegevens controleren", started)
    try:
        catalog = load_catalog(root, progress=file_progress, cache=True)  # unchanged files from .cache/validatie
    except InvalidData as err:
        print(report(err.problems), file=sys.stderr)
        print(f"De site is niet gebouwd; {site}/ is niet veranderd.", file=sys.stderr)
        return None
    if not _sources_checked(config_file.resolve().parent, catalog.today, site):
        return None
    return catalog


def _build_locked(config_file: Path, layout: Layout, catalog, strict: bool, bouwer: str, started: float) -> int:
    site = layout.site
    clean_leftovers(layout)
    fresh = layout.builds / f"{BUILD_PREFIX}{uuid.uuid4().hex[:12]}"
    fresh.mkdir()  # with the user's umask, so a web server may read it
    _step(2, 3, "site bouwen" + (" met Zensical" if bouwer == "zensical" else ""), started)
    try:
        if bouwer == "zensical":
            _build_zensical(config_file, catalog, fresh, strict)
        else:
            _build_mkdocs(config_file, catalog, fresh, strict)
    except _Failed as failed:  # any failure: keep the old site
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"De bouw is mislukt: {failed}\nDe site is niet vervangen; {site}/ is niet veranderd.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl+C: keep the old site
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"Afgebroken. De site is niet vervangen; {site}/ is niet veranderd.", file=sys.stderr)
        return 130
    _step(3, 3, "site vervangen", started)
    _swap(fresh, layout)
    print(f"Klaar: de site staat in {site}/ ({time.monotonic() - started:.1f} s).", file=sys.stderr)
    return 0


def _sources_checked(project: Path, today, site: Path) -> bool:
    """The sources the pages cite: warnings are shown and the build goes on; an unknown source stops it."""
    errors, warnings = source_report(project, today)
    for warning in warnings:
        print(warning, file=sys.stderr)
    if errors:
        print(report(errors), file=sys.stderr)
        print(f"De site is niet gebouwd; {site}/ is niet veranderd.", file=sys.stderr)
    return not errors


class _Failed(Exception):
    """A generator's build failed; the message says why, in Dutch where we know the cause."""


def _build_mkdocs(config_file: Path, catalog, fresh: Path, strict: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    collected, mkdocs_log = _Collect(), logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collected)
    docs = "docs"
    try:
        config = load_config(str(config_file), site_dir=str(fresh), strict=strict)
        config[HANDLE_KEY] = Session(preloaded=catalog)  # validated once; the hook takes it instead of loading again
        _refuse_sources(config_file.resolve().parent, [config.docs_dir, config.theme.custom_dir])
        docs = shown(Path(config.docs_dir))
        mkdocs_log.setLevel(logging.WARNING)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except _Failed:
        raise
    except (SystemExit, Exception) as err:
        _show_warnings(collected.records, docs)
        raise _Failed(_failure(err)) from None
    finally:
        mkdocs_log.removeHandler(collected)
    _show_warnings(collected.records, docs)


def _refuse_sources(project: Path, folders: list) -> None:
    problems = source_problems(project, [Path(f) for f in folders if f])
    if problems:
        raise _Failed("".join(f"\n- {p}" for p in problems))


def _build_zensical(config_file: Path, catalog, fresh: Path, strict: bool) -> None:
    try:
        build_zensical(config_file, catalog, fresh, strict)
    except ZensicalFailed as err:
        raise _Failed(str(err)) from None
    except OSError as err:
        raise _Failed(os_error_message(err)) from None
