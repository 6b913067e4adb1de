"""`kennisbank beheer`: the web editor on the editor's own computer, without a git host.

Starts Decap's local server (`decap-server` from node_modules, which reads and writes
the files in this folder) and the preview (`kennisbank serve`). The editor opens
/redactie/beheer/ in the preview, saves a practice, and sees it in the preview at once.
Ctrl+C stops both.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from macros.publish.editor_config import INSTALL_ROOT

SERVER = Path("node_modules") / ".bin" / "decap-server"
STOP_WAIT = 10  # seconds each process gets to stop after Ctrl+C


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", default="mkdocs.yml", help="het mkdocs-configuratiebestand")
    p.add_argument("--adres", default="127.0.0.1:8000", help="adres en poort van de voorbeeldweergave "
                   "(standaard: 127.0.0.1:8000)")
    p.add_argument("--poort", type=int, default=8081, help="poort van de lokale server van de webeditor "
                   "(standaard: 8081)")


def decap_server(root: Path) -> Path | None:
    """decap-server beside the project, or in the installation of this code."""
    return next((base / SERVER for base in (root, INSTALL_ROOT) if (base / SERVER).is_file()), None)


def _start(root: Path, args) -> list[subprocess.Popen]:
    server = decap_server(root)
    local = f"http://127.0.0.1:{args.poort}/api/v1"
    env = {**os.environ, "PORT": str(args.poort), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(root), "KENNISBANK_LOKALE_SERVER": local}
    editor = subprocess.Popen([str(server)], cwd=root, env=env)
    preview = subprocess.Popen([sys.executable, "-m", "macros.cli", "serve", "--config", str(args.config),
                                "--adres", args.adres], cwd=root, env=env)
    return [editor, preview]


def _stop(processes: list[subprocess.Popen]) -> None:
    for proc in processes:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
    for proc in processes:
        try:
            proc.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_beheer(args) -> int:
    config = Path(args.config).resolve()
    root = config.parent
    if not config.is_file():
        print(f"Fout: {args.config} bestaat niet. Start deze opdracht in de map van het project.", file=sys.stderr)
        return 1
    if decap_server(root) is None:
        print(f"Fout: {SERVER} ontbreekt. Voer eerst `make build` (of `npm ci`) uit in de map van het project; "
              "dat installeert de webeditor.", file=sys.stderr)
        return 1
    processes = _start(root, args)
    print(f"De webeditor staat klaar op http://{args.adres}/redactie/beheer/ (eerst wacht u even tot de "
          "voorbeeldweergave is gebouwd). Klik op Inloggen: lokaal is er geen wachtwoord. Wat u opslaat, komt "
          "meteen in practices/ en in de voorbeeldweergave. Stoppen met Ctrl+C.", file=sys.stderr, flush=True)
    try:
        while all(proc.poll() is None for proc in processes):
            time.sleep(0.5)
        print("De webeditor of de voorbeeldweergave is gestopt; de andere stopt nu ook.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Gestopt.", file=sys.stderr)
        return 0
    finally:
        _stop(processes)
