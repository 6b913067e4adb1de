"""`kennisbank serve`: the preview, rebuilding only what an edit changed.

MkDocs' own `serve` loads the configuration and the hook anew for every rebuild, so a hook
cannot remember the previous build. This loop is MkDocs' serve with one difference: it
keeps a `Session` (last good data, document work folder, what the previous rebuild
rendered) and hands it to the hook through the configuration. The first build is complete;
each later one is a dirty build in which the hook marks as modified only the pages whose
text changed (macros.site.rebuild), and the downloads, open data and search index are
written in the background after the page is in the browser.
"""

from __future__ import annotations

import logging
import shutil
import signal
import sys
import uuid
from pathlib import Path

from macros.site.context import HANDLE_KEY, Session
from macros.site.rebuild import RebuildState


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; in strict mode a warning would stop the preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def serve(config_file: Path, address: str) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    project = config_file.resolve().parent
    site_dir = project / ".cache" / f"voorbeeld-{uuid.uuid4().hex[:12]}"
    site_dir.mkdir(parents=True)
    # A folder the server watches like docs/: a file written here asks for one more rebuild (after a
    # quick one), through the server's public `watch` only.
    wake = site_dir.with_name(f"wekker-{site_dir.name}")
    wake.mkdir()
    session = Session(command="serve", rebuild=RebuildState())
    host, _, port = address.rpartition(":")
    site_url = f"http://{address}/"
    quiet = _NoDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)

    def configuration():
        config = load_config(str(config_file), site_dir=str(site_dir), dev_addr=address)
        config[HANDLE_KEY] = session
        config.site_url = site_url
        return config

    def builder(config=None):
        config = config or configuration()
        build(config, serve_url=site_url, dirty=session.rebuild.catalog is not None)

    first = configuration()
    session.rebuild_soon = lambda: (wake / "opnieuw").write_text(uuid.uuid4().hex, encoding="utf-8")
    server = LiveReloadServer(builder=builder, host=host.strip("[]"), port=int(port), root=str(site_dir),
                              mount_path="/")
    server.error_handler = lambda code: (site_dir / "404.html").read_bytes() if code == 404 and \
        (site_dir / "404.html").is_file() else None
    print(f"Voorbeeldweergave op {site_url} (stoppen met Ctrl+C). Wijzigingen in practices/ en docs/ worden direct "
          "zichtbaar; fouten in de gegevens verschijnen hier en bovenaan elke pagina.", file=sys.stderr, flush=True)
    previous_term = signal.signal(signal.SIGTERM, _stop)
    try:
        first.plugins.on_startup(command="serve", dirty=False)
        builder(first)
        for path in [first.docs_dir, str(config_file), *first.watch, *first.theme.dirs[:1], str(wake)]:
            server.watch(path)
        server.serve()
    except KeyboardInterrupt:  # Ctrl+C, or a terminated preview (see `_stop`): one line, no traceback
        print("Voorbeeldweergave gestopt.", file=sys.stderr, flush=True)
    except Exception as err:  # MkDocs has printed its details
        print(f"De voorbeeldweergave is gestopt: {err}", file=sys.stderr)
        return 1
    finally:
        server.shutdown()
        first.plugins.on_shutdown()
        session.close()
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.rmtree(wake, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous_term)
    return 0


def _stop(signum, frame) -> None:
    """A terminated preview (an editor's IDE, a service manager) cleans up as after Ctrl+C."""
    raise KeyboardInterrupt
