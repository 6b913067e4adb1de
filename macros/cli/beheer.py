"""`kennisbank beheer`: the web editor on the editor's own computer, without a git host.

Starts Decap's local server (`decap-server` from node_modules, which reads and writes
the files in this folder) behind a guard (`macros.cli.editor_guard`, the only address the
editor talks to: it lets through only what the editor needs, in practices/praktijken,
practices/sjablonen and practices/bijlagen), and the preview (`kennisbank serve`). The editor
opens /redactie/beheer/ in the preview, saves a practice, and sees it in the preview at once.
Ctrl+C stops everything.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from macros.cli.editor_guard import GuardServer, preview_origins
from macros.publish.editor_config import INSTALL_ROOT

SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
KEY_CHECK = Path(__file__).with_name("decap_key.cjs")   # makes decap-server answer only the guard
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


def free_port() -> int:
    """A port on 127.0.0.1 that is free now; decap-server takes it, and only the guard is told."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(root: Path, args, hidden: int, key: str) -> list[subprocess.Popen]:
    server = decap_server(root)
    local = f"http://127.0.0.1:{args.poort}/api/v1"
    env = {**os.environ, "KENNISBANK_LOKALE_SERVER": local}
    decap_env = {**env, "PORT": str(hidden), "BIND_HOST": "127.0.0.1", "MODE": "fs",
                 "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn", "KENNISBANK_DECAP_SLEUTEL": key}
    editor = subprocess.Popen([shutil.which("node") or "node", "--require", str(KEY_CHECK), str(server)], cwd=root,
                              env=decap_env, **_own_group())
    preview = subprocess.Popen([sys.executable, "-m", "macros.cli", "serve", "--config", str(args.config),
                                "--adres", args.adres], cwd=root, env=env, **_own_group())
    return [editor, preview]


def _own_group() -> dict:
    """Ctrl+C in the terminal reaches only this command, which then stops its children itself (so
    the editor reads one line, not one from each process)."""
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _guard(root: Path, args, hidden: int, key: str) -> GuardServer | None:
    try:
        guard = GuardServer(args.poort, root, hidden, preview_origins(args.adres), key)
    except OSError as error:
        print(f"Fout: poort {args.poort} op 127.0.0.1 is niet beschikbaar ({error.strerror}). Kies een andere "
              "met --poort.", file=sys.stderr)
        return None
    threading.Thread(target=guard.serve_forever, name="editor-guard", daemon=True).start()
    return guard


def _stop(processes: list[subprocess.Popen]) -> None:
    for proc in processes:
        if proc.poll() is None:
            proc.terminate()   # the preview cleans up on SIGTERM as after Ctrl+C (macros.site.preview)
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
    if shutil.which("node") is None:
        print("Fout: node ontbreekt. Installeer Node.js (Debian: het pakket 'nodejs'); de webeditor draait erop.",
              file=sys.stderr)
        return 1
    hidden, key = free_port(), secrets.token_urlsafe(32)
    guard = _guard(root, args, hidden, key)
    if guard is None:
        return 1
    processes = _start(root, args, hidden, key)
    print(f"De webeditor staat klaar op http://{args.adres}/redactie/beheer/ (eerst wacht u even tot de "
          "voorbeeldweergave is gebouwd). Klik op Inloggen: lokaal is er geen wachtwoord. Wat u opslaat, komt "
          "meteen in practices/ en in de voorbeeldweergave. Stoppen met Ctrl+C.", file=sys.stderr, flush=True)
    interrupted = False
    try:
        while all(proc.poll() is None for proc in processes):
            time.sleep(0.5)
        print("De webeditor of de voorbeeldweergave is gestopt; de andere stopt nu ook.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        interrupted = True
        return 0
    finally:
        _stop(processes)
        guard.shutdown()
        guard.server_close()
        if interrupted:  # after the children, whose own last words come first
            print("Gestopt: de webeditor en de voorbeeldweergave zijn afgesloten.", file=sys.stderr)
