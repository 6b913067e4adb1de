"""`kennisbank build` and `kennisbank serve`.

build: validate once, build into a fresh folder beside the target, and only when
everything succeeded swap it in. A failed build leaves the old site byte-identical.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from macros.checks.problems import InvalidData, report
from macros.load.progress import file_progress


def _step(n: int, total: int, text: str, started: float) -> None:
    print(f"[{n}/{total}] {text} ({time.monotonic() - started:.1f} s)", file=sys.stderr, flush=True)


def build_atomic(config_file: Path, site: Path, strict: bool = True) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from macros.site.context import PRELOADED_KEY
    from macros.load.catalog import load_catalog

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    started = time.monotonic()
    root = config_file.resolve().parent / "practices"
    _step(1, 3, "gegevens controleren", started)
    try:
        catalog = load_catalog(root, progress=file_progress)
    except InvalidData as err:
        print(report(err.problems), file=sys.stderr)
        print(f"De site is niet gebouwd; {site}/ is niet veranderd.", file=sys.stderr)
        return 1
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.nieuw-", dir=site.parent))
    _step(2, 3, "site bouwen", started)
    try:
        config = load_config(str(config_file), site_dir=str(fresh), strict=strict)
        config[PRELOADED_KEY] = catalog  # validated once; the hook takes it instead of loading again
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit, Exception) as err:  # any failure: keep the old site
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"De bouw is mislukt: {err}\nDe site is niet vervangen; {site}/ is niet veranderd.", file=sys.stderr)
        return 1
    _step(3, 3, "site vervangen", started)
    _swap(fresh, site)
    print(f"Klaar: de site staat in {site}/ ({time.monotonic() - started:.1f} s).", file=sys.stderr)
    return 0


def _swap(fresh: Path, site: Path) -> None:
    """Replace `site` by `fresh` with two renames, so there is never a half-written site."""
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}.oud-", dir=site.parent))
        os.replace(site, old / site.name)
    os.replace(fresh, site)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def serve(config_file: Path, address: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(f"Voorbeeldweergave op http://{address}/ (stoppen met Ctrl+C). Wijzigingen in practices/ en docs/ "
          "worden direct zichtbaar; fouten in de gegevens verschijnen hier en bovenaan elke pagina.", file=sys.stderr)
    try:
        mkdocs_serve(str(config_file), dev_addr=address, livereload=True)
    except Exception as err:  # mkdocs prints its own details
        print(f"De voorbeeldweergave is gestopt: {err}", file=sys.stderr)
        return 1
    return 0
