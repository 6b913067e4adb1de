"""The guard in front of decap-server for `kennisbank beheer`.

decap-server (Decap CMS's local backend) answers any ``Host`` header and reads and writes any
file of the project. The guard is the only address the web editor talks to: it passes a request
on to decap-server (which listens on 127.0.0.1, on a port only the guard is told, and answers
only requests with the guard's key: macros/cli/decap_key.cjs) when

* the ``Host`` header is ``127.0.0.1:<port>`` or ``localhost:<port>`` of the guard itself (so a
  page that rebinds its own domain name to this computer is refused),
* a browser's ``Origin`` is the preview's own address, and the body is JSON (so another site
  cannot post a form to it),
* the action is one the editor needs, and
* every path in it lies in one of the folders the editor edits, written as a plain relative path
  (no ``..``, no ``.``, no backslash, no drive) that reaches its file through no link.

Everything else gets 403 with a Dutch message. Listings that decap-server returns are cut to
the files the same rule allows. Standard library only (``http.server``, ``http.client``), so it
runs the same on Linux, macOS and Windows.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import json
import tempfile
import os
import stat
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from macros.checks.attachments import allowed, content_problem, type_message
from macros.publish.editor_config import COLLECTIONS, MEDIA_FOLDER

API = "/api/v1"
EDITABLE_FOLDERS = tuple(f"practices/{folder}" for folder, *_ in COLLECTIONS.values()) + (MEDIA_FOLDER,)
# The actions of decap-server's file-system mode that the editor uses (the editorial-workflow
# actions exist only in its git mode; getDeployPreview is never asked for locally).
ACTIONS = ("info", "entriesByFolder", "entriesByFiles", "getEntry", "persistEntry", "getMedia", "getMediaFile",
           "persistMedia", "deleteFile", "deleteFiles")
LISTINGS = ("entriesByFolder", "getMedia")
# Uploading and deleting are media-library work: only in the media folder (the collections have
# delete: false, see macros.publish.editor_config).
MEDIA_ACTIONS = ("persistMedia", "deleteFile", "deleteFiles")
# Parameter names under which decap-server reads a path (anywhere in params).
PATH_KEYS = ("path", "newPath", "folder", "mediaFolder")
PATH_LIST_KEYS = ("paths",)
MAX_BODY = 50 * 1024 * 1024   # decap-server's own limit (express.json)
UPSTREAM_TIMEOUT = 120
REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)   # a Windows link or junction
FOLDERS_TEXT = ", ".join(f + "/" for f in EDITABLE_FOLDERS)


class Refused(Exception):
    """A request the guard does not pass on; the message is Dutch and goes back to the editor."""


def _is_link(info: os.stat_result) -> bool:
    return stat.S_ISLNK(info.st_mode) or bool(getattr(info, "st_file_attributes", 0) & REPARSE_POINT)


def path_refusal(root: Path, path: object) -> str | None:
    """Why the editor may not use `path` (a path relative to the project, as Decap writes it), or None.

    Checked on the text first, then step by step on disk with lstat, so no link (symbolic link,
    Windows junction) and no second name of a file (hard link) is ever followed."""
    if not isinstance(path, str) or not path:
        return "het verzoek noemt geen bestand"
    shown = repr(path)[1:-1][:200]
    if "\\" in path or ":" in path or path.startswith("/") or any(c < " " for c in path):
        return f"'{shown}' is geen gewoon pad binnen het project"
    parts = path.split("/")
    if any(part in ("", ".", "..") or part != part.strip() or part.endswith(".") for part in parts):
        return f"'{shown}' bevat '..', '.', een lege stap of een naam die op een punt of spatie eindigt"
    if "/".join(parts[:2]) not in EDITABLE_FOLDERS:
        return f"'{shown}' ligt buiten de mappen die de webeditor mag gebruiken ({FOLDERS_TEXT})"
    current = root
    for depth, part in enumerate(parts, start=1):
        current = current / part
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return None   # a new file or folder: nothing below it exists to lead elsewhere
        except OSError:
            return f"'{shown}' kan niet worden gelezen"
        if _is_link(info):
            return f"'{shown}' loopt via een koppeling (link); de webeditor volgt geen koppelingen"
        if depth == len(parts) and stat.S_ISREG(info.st_mode) and info.st_nlink > 1:
            return f"'{shown}' is ook elders in het project te vinden (een harde koppeling); de webeditor gebruikt het niet"
    return None


def requested_paths(params: object) -> list:
    """Every value decap-server would treat as a path, wherever it sits in the parameters."""
    found, todo = [], [params]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in PATH_KEYS:
                    found.append(value)
                elif key in PATH_LIST_KEYS:
                    found.extend(value if isinstance(value, list) and value else [None])
                else:
                    todo.append(value)
        elif isinstance(node, list):
            todo.extend(node)
    return found


def request_refusal(root: Path, body: object) -> str | None:
    """Why the guard refuses this request body (parsed JSON), or None when it may pass."""
    if not isinstance(body, dict) or not isinstance(body.get("action"), str):
        return "het verzoek is geen opdracht voor de webeditor"
    action = body["action"]
    if action not in ACTIONS:
        return f"de opdracht '{action[:60]}' is voor de webeditor niet nodig en daarom niet toegestaan"
    paths = requested_paths(body.get("params"))
    if action != "info" and not paths:
        return "het verzoek noemt geen bestand"
    for path in paths:
        refusal = path_refusal(root, path)
        if refusal:
            return refusal
        if action in MEDIA_ACTIONS and not path.startswith(MEDIA_FOLDER + "/"):
            return f"bestanden toevoegen en verwijderen mag alleen in {MEDIA_FOLDER}/"
    return _move_refusal(body.get("params")) or _asset_refusal(body.get("params"))


def uploads(params: object) -> list:
    """The files a request uploads: persistMedia's asset and the assets saved with an entry."""
    if not isinstance(params, dict):
        return []
    found = [params["asset"]] if "asset" in params else []
    found += params.get("assets") or [] if isinstance(params.get("assets"), list) else []
    return found


def _asset_refusal(params: object) -> str | None:
    """An upload must be an allowed attachment type whose content fits its name, as validate
    demands of a published attachment (macros.checks.attachments)."""
    for asset in uploads(params):
        path = str(asset.get("path", "")) if isinstance(asset, dict) else ""
        if not allowed(path):
            return type_message(path.rsplit("/", 1)[-1]).rstrip(".")   # the guard adds the full stop
        try:
            data = base64.b64decode(str(asset.get("content", "")), validate=True)
        except (binascii.Error, ValueError):
            return "de inhoud van het bestand is niet leesbaar"
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / Path(path).name
            copy.write_bytes(data)
            problem = content_problem(copy)
        if problem:
            return problem.rstrip(".")
    return None


def _move_refusal(params: object) -> str | None:
    """A renamed entry stays in its folder: decap-server moves the whole folder's files along with it."""
    files = (params.get("dataFiles") or [params.get("entry")]) if isinstance(params, dict) else []
    for item in files if isinstance(files, list) else [files]:
        if isinstance(item, dict) and item.get("newPath") is not None:
            if str(item["newPath"]).rsplit("/", 1)[0] != str(item.get("path")).rsplit("/", 1)[0]:
                return "een bestand hernoemen mag alleen binnen zijn eigen map"
    return None


def allowed_listing(root: Path, action: str, answer: object) -> object:
    """decap-server's listing with only the files the guard would let the editor open."""
    if action not in LISTINGS or not isinstance(answer, list):
        return answer

    def path_of(item):
        return (item.get("file") or {}).get("path") if action == "entriesByFolder" else item.get("path")
    return [item for item in answer if isinstance(item, dict) and path_refusal(root, path_of(item)) is None]


class GuardServer(ThreadingHTTPServer):
    """The guard: listens on 127.0.0.1 only, passes allowed requests to decap-server at `upstream`."""

    daemon_threads = True
    allow_reuse_address = os.name != "nt"   # on Windows it would let another program take the same port

    def __init__(self, port: int, root: Path, upstream: int, origins: tuple[str, ...], key: str = ""):
        super().__init__(("127.0.0.1", port), GuardHandler)
        self.root = root
        self.upstream = upstream
        self.key = key   # sent to decap-server, which answers only with it (macros/cli/decap_key.cjs)
        self.port = self.server_address[1]
        self.hosts = (f"127.0.0.1:{self.port}", f"localhost:{self.port}")
        self.origins = origins

    def handle_error(self, request, client_address):
        """One Dutch line instead of the standard library's traceback (a browser that went away, say)."""
        print(f"Een verzoek aan de webeditor is afgebroken: {sys.exc_info()[1]!r}", file=sys.stderr, flush=True)


def preview_origins(address: str) -> tuple[str, ...]:
    """The origins the editor page may come from: the preview's address, by name or by number."""
    host, _, port = address.rpartition(":")
    return tuple(dict.fromkeys(f"http://{name}:{port}" for name in (host, "127.0.0.1", "localhost")))


class GuardHandler(BaseHTTPRequestHandler):
    server: GuardServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):   # noqa: A002 (the standard library's name)
        """Quiet: a refusal is reported by `refuse`, everything else is the editor at work."""

    def refuse(self, reason: str, origin: str | None = None) -> None:
        print(f"Geweigerd: {reason}.", file=sys.stderr, flush=True)
        self.answer(403, {"error": f"Niet toegestaan: {reason}."}, origin)

    def answer(self, status: int, payload: object, origin: str | None = None, raw: bytes | None = None) -> None:
        data = raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
        self.end_headers()
        self.wfile.write(data)

    def checked_origin(self) -> str | None:
        """The Host and Origin headers, checked; the origin to allow in the answer (None: no browser)."""
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or hosts[0] not in self.server.hosts:
            raise Refused(f"deze server antwoordt alleen op {self.server.hosts[0]} en {self.server.hosts[1]}")
        origin = self.headers.get("Origin")
        if origin is not None and origin not in self.server.origins:
            raise Refused(f"verzoeken van '{origin[:100]}' worden niet aangenomen, alleen van de voorbeeldweergave")
        if self.path != API:
            raise Refused(f"alleen {API} is hier te bereiken")
        return origin

    def do_OPTIONS(self):   # noqa: N802 (the standard library's name)
        try:
            origin = self.checked_origin()
        except Refused as refused:
            self.refuse(str(refused))
            return
        self.send_response(204)
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):   # noqa: N802
        origin = None
        try:
            origin = self.checked_origin()
            body = self.read_body()
            reason = request_refusal(self.server.root, body)
            if reason:
                raise Refused(reason)
        except Refused as refused:
            self.close_connection = True
            self.refuse(str(refused), origin)
            return
        status, answer = self.pass_on(body)
        if status == 200 and body["action"] in LISTINGS:
            listing = allowed_listing(self.server.root, body["action"], json.loads(answer))
            answer = json.dumps(listing, ensure_ascii=False).encode("utf-8")
        self.answer(status, None, origin, raw=answer)

    def read_body(self) -> object:
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            raise Refused("alleen JSON (Content-Type: application/json) wordt aangenomen")
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            raise Refused("het verzoek zegt niet hoe lang het is (Content-Length)") from None
        if not 0 <= length <= MAX_BODY:
            raise Refused(f"het verzoek is groter dan {MAX_BODY // (1024 * 1024)} MB")
        try:
            return json.loads(self.rfile.read(length))
        except (ValueError, RecursionError):   # RecursionError: nested deeper than Python's JSON reader goes
            raise Refused("het verzoek is geen geldige JSON") from None

    def do_GET(self):   # noqa: N802
        self.close_connection = True
        self.refuse(f"alleen POST naar {API} is hier te bereiken")

    do_PUT = do_DELETE = do_PATCH = do_HEAD = do_GET

    def pass_on(self, body: dict) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.upstream, timeout=UPSTREAM_TIMEOUT)
        try:
            connection.request("POST", API, body=json.dumps(body).encode("utf-8"),
                                headers={"Content-Type": "application/json", "X-Kennisbank-Sleutel": self.server.key})
            response = connection.getresponse()
            return response.status, response.read()
        except OSError:
            return 502, json.dumps({"error": "De lokale server van de webeditor (decap-server) antwoordt niet."},
                                   ensure_ascii=False).encode("utf-8")
        finally:
            connection.close()
