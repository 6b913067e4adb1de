"""`kennisbank beheer` behind its guard: real HTTP requests against a real started `kennisbank beheer`
(guard, decap-server and preview) on a copy of the project. Only the editor's own actions on
practices/praktijken, practices/sjablonen and practices/bijlagen get through; everything else is
refused with 403 and a Dutch message, and nothing outside those folders is read or written."""

from __future__ import annotations

import base64
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.cli.editor_guard import EDITABLE_FOLDERS, path_refusal, preview_origins, request_refusal

ROOT = Path(__file__).resolve().parent.parent
SECRET = "geheim: niet voor de webeditor\n"
PRACTICE = "id: proef-via-bewaker\ntitel: Opgeslagen via de bewaker\n"
OPTIONS = {"commitMessage": "proef", "useWorkflow": False, "status": "draft", "collectionName": "praktijken"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(port: int, body, host: str | None = None, origin: str | None = None,
         content_type: str = "application/json", method: str = "POST", path: str = "/api/v1"):
    """One request with exactly these headers; returns (status, parsed JSON answer, headers)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host or f"127.0.0.1:{port}", "Content-Type": content_type}
    if origin:
        headers["Origin"] = origin
    data = json.dumps(body).encode("utf-8") if body is not None else None
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        return response.status, json.loads(raw) if raw else None, dict(response.getheaders())
    finally:
        connection.close()


@pytest.fixture(scope="module")
def beheer(tmp_path_factory):
    """`kennisbank beheer` started for real in a copy of the project, its code copied too (a write that
    got through would land in the copy, never in this repository)."""
    project = tmp_path_factory.mktemp("beheer") / "project"
    project.mkdir()
    for name in ("practices", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    (project / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (project / ".git" / "hooks").mkdir(parents=True)
    (project / "geheim.txt").write_text(SECRET, encoding="utf-8")
    (project / "practices" / "praktijken" / "koppeling.yaml").symlink_to(project / "mkdocs.yml")
    (project / "practices" / "bijlagen" / "map").symlink_to(project / "macros", target_is_directory=True)
    preview, port = free_port(), free_port()
    proc = subprocess.Popen([sys.executable, "-m", "macros.cli", "beheer", "--adres", f"127.0.0.1:{preview}",
                             "--poort", str(port)], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    for _ in range(240):
        if proc.poll() is not None:
            break
        try:
            if post(port, {"action": "info"})[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.25)
    else:
        proc.kill()
        pytest.fail("kennisbank beheer kwam niet op: " + proc.communicate()[1])
    yield project, port, preview, proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)


def code_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if "__pycache__" not in p.parts)


def untouched(project: Path) -> None:
    assert code_files(project / "macros") == code_files(ROOT / "macros")
    assert list((project / ".git" / "hooks").iterdir()) == []
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_editor_info_passes_and_the_guard_listens_on_127_0_0_1_only(beheer):
    project, port, _, _ = beheer
    assert post(port, {"action": "info"})[:2] == (200, {"repo": "project", "publish_modes": ["simple"],
                                                        "type": "local_fs"})
    assert post(port, {"action": "info"}, host=f"localhost:{port}")[0] == 200
    listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                 if line.split()[3] == "0A"] if Path("/proc/net/tcp").exists() else []
    if listening:   # Linux: the guard's socket is bound to 127.0.0.1 (0100007F), not to all addresses
        assert f"0100007F:{port:04X}" in listening and f"00000000:{port:04X}" not in listening


@pytest.mark.parametrize("host", ["aanvaller.example:{port}", "aanvaller.example", "127.0.0.1:1", "127.0.0.1",
                                  "localhost.aanvaller.example:{port}", "[::1]:{port}"])
def test_a_foreign_host_is_refused(beheer, host):
    project, port, _, _ = beheer
    status, answer, _ = post(port, {"action": "getEntry", "params": {"branch": "main", "path": "mkdocs.yml"}},
                             host=host.format(port=port))
    assert status == 403
    assert answer == {"error": f"Niet toegestaan: deze server antwoordt alleen op 127.0.0.1:{port} en "
                               f"localhost:{port}."}


def test_a_write_to_macros_or_git_or_the_root_is_refused_and_nothing_is_written(beheer):
    project, port, _, _ = beheer
    for target in ("macros/x.py", ".git/hooks/pre-commit", "Makefile", "practices/schema/praktijk.yaml",
                   "practices/datapackage.yaml"):
        media = {"action": "persistMedia", "params": {"branch": "main", "asset": {
            "path": target, "content": "cHJpbnQoJ2dlaGFja3QnKQ==", "encoding": "base64"},
            "options": {"commitMessage": "x"}}}
        status, answer, _ = post(port, media)
        assert (status, answer) == (403, {"error": f"Niet toegestaan: '{target}' ligt buiten de mappen die de "
                                                   "webeditor mag gebruiken (practices/praktijken/, "
                                                   "practices/sjablonen/, practices/bijlagen/)."})
        entry = {"action": "persistEntry", "params": {"branch": "main", "dataFiles": [
            {"slug": "x", "path": target, "raw": "x"}], "assets": [], "options": OPTIONS}}
        assert post(port, entry)[0] == 403
    # a legitimate entry that smuggles an asset or a rename out of the folders is refused whole
    smuggled = {"action": "persistEntry", "params": {"branch": "main", "dataFiles": [
        {"slug": "y", "path": "practices/praktijken/y.yaml", "raw": PRACTICE}],
        "assets": [{"path": "macros/y.py", "content": "eA==", "encoding": "base64"}], "options": OPTIONS}}
    assert post(port, smuggled)[0] == 403
    renamed = {"action": "persistEntry", "params": {"branch": "main", "entry": {
        "slug": "y", "path": "practices/praktijken/y.yaml", "raw": PRACTICE, "newPath": "macros/y.py"},
        "assets": [], "options": OPTIONS}}
    assert post(port, renamed)[0] == 403
    assert not (project / "practices" / "praktijken" / "y.yaml").exists()
    untouched(project)


@pytest.mark.parametrize("action,params", [
    ("getMediaFile", {"path": "mkdocs.yml"}),
    ("getEntry", {"path": "mkdocs.yml"}),
    ("entriesByFiles", {"files": [{"path": "practices/praktijken/voorbeeld-twente-vo.yaml"}, {"path": "geheim.txt"}]}),
    ("entriesByFolder", {"folder": ".git", "extension": "", "depth": 3}),
    ("getMedia", {"mediaFolder": "macros"}),
    ("getMedia", {"mediaFolder": ""}),
])
def test_a_read_outside_the_folders_is_refused(beheer, action, params):
    _, port, _, _ = beheer
    status, answer, _ = post(port, {"action": action, "params": {"branch": "main", **params}})
    assert status == 403
    assert answer["error"].startswith("Niet toegestaan: '") and "buiten de mappen die de webeditor mag gebruiken" in \
        answer["error"] or answer["error"] == "Niet toegestaan: het verzoek noemt geen bestand."
    assert SECRET not in json.dumps(answer)


@pytest.mark.parametrize("path", ["practices/praktijken/../../mkdocs.yml", "practices/praktijken/../../macros/x.py",
                                  "practices/bijlagen/./../../geheim.txt", "practices//praktijken/x.yaml",
                                  "practices/praktijken/.. ./x.yaml", "practices/praktijken/x.yaml."])
def test_a_path_with_dots_is_refused_for_reading_and_writing(beheer, path):
    project, port, _, _ = beheer
    status, answer, _ = post(port, {"action": "getEntry", "params": {"branch": "main", "path": path}})
    assert status == 403 and "bevat '..', '.', een lege stap of een naam die op een punt of spatie eindigt" in answer["error"]
    status, _, _ = post(port, {"action": "persistMedia", "params": {"branch": "main", "asset": {
        "path": path, "content": "eA==", "encoding": "base64"}, "options": {"commitMessage": "x"}}})
    assert status == 403
    untouched(project)


@pytest.mark.parametrize("path", ["/etc/passwd", "C:/Windows/win.ini", "practices\\praktijken\\..\\..\\mkdocs.yml",
                                  "practices/praktijken/x.yaml\x00.png"])
def test_an_absolute_or_backslash_path_is_refused(beheer, path):
    _, port, _, _ = beheer
    status, answer, _ = post(port, {"action": "getMediaFile", "params": {"branch": "main", "path": path}})
    assert status == 403 and answer["error"].endswith("is geen gewoon pad binnen het project.")


def test_a_path_through_a_link_is_refused_and_listings_leave_links_out(beheer):
    project, port, _, _ = beheer
    status, answer, _ = post(port, {"action": "getEntry", "params": {"branch": "main",
                                                                    "path": "practices/praktijken/koppeling.yaml"}})
    assert (status, answer) == (403, {"error": "Niet toegestaan: 'practices/praktijken/koppeling.yaml' loopt via een "
                                               "koppeling (link); de webeditor volgt geen koppelingen."})
    status, _, _ = post(port, {"action": "persistMedia", "params": {"branch": "main", "asset": {
        "path": "practices/bijlagen/map/via-link.py", "content": "eA==", "encoding": "base64"},
        "options": {"commitMessage": "x"}}})
    assert status == 403
    untouched(project)
    # the listing decap-server makes of the folder has every real practice and not the link
    status, entries, _ = post(port, {"action": "entriesByFolder", "params": {
        "branch": "main", "folder": "practices/praktijken", "extension": "yaml", "depth": 1}})
    assert status == 200
    real = sorted(f"practices/praktijken/{p.name}" for p in (ROOT / "practices" / "praktijken").glob("*.yaml"))
    assert sorted(e["file"]["path"] for e in entries) == real and len(real) == 13
    assert all(e["data"] and "mkdocs" not in e["data"][:200] for e in entries)
    # (decap-server cannot list a media folder holding a link to a folder at all: it answers 500)
    (project / "practices" / "bijlagen" / "map").unlink()
    (project / "practices" / "bijlagen" / "geheim.txt").symlink_to(project / "geheim.txt")
    (project / "practices" / "bijlagen" / "echt.txt").write_text("echt", encoding="utf-8")
    status, media, _ = post(port, {"action": "getMedia", "params": {"branch": "main", "mediaFolder": "practices/bijlagen"}})
    files = sorted(f"practices/bijlagen/{p.name}" for p in (ROOT / "practices" / "bijlagen").iterdir() if p.is_file())
    assert status == 200 and sorted(m["path"] for m in media) == sorted(files + ["practices/bijlagen/echt.txt"])
    assert "Z2VoZWlt" not in json.dumps(media)   # base64 of "geheim"
    (project / "practices" / "bijlagen" / "echt.txt").unlink()


def test_a_legitimate_entry_and_attachment_are_saved_and_read_back(beheer):
    project, port, preview, _ = beheer
    origin = f"http://127.0.0.1:{preview}"
    entry = {"action": "persistEntry", "params": {"branch": "main", "dataFiles": [
        {"slug": "proef-via-bewaker", "path": "practices/praktijken/proef-via-bewaker.yaml", "raw": PRACTICE}],
        "assets": [], "options": OPTIONS}}
    status, answer, headers = post(port, entry, origin=origin)
    assert (status, answer) == (200, {"message": "entry persisted"})
    assert headers["Access-Control-Allow-Origin"] == origin
    written = project / "practices" / "praktijken" / "proef-via-bewaker.yaml"
    assert written.read_text(encoding="utf-8") == PRACTICE
    status, answer, _ = post(port, {"action": "getEntry", "params": {"branch": "main", "path": str(written.relative_to(project).as_posix())}})
    assert status == 200 and answer["data"] == PRACTICE and answer["file"]["path"] == "practices/praktijken/proef-via-bewaker.yaml"
    media = {"action": "persistMedia", "params": {"branch": "main", "asset": {
        "path": "practices/bijlagen/proef.txt", "content": "aGFsbG8=", "encoding": "base64"},
        "options": {"commitMessage": "x"}}}
    status, answer, _ = post(port, media, origin=f"http://localhost:{preview}")
    assert status == 200 and answer["path"] == "practices/bijlagen/proef.txt" and answer["content"] == "aGFsbG8="
    assert (project / "practices" / "bijlagen" / "proef.txt").read_bytes() == b"hallo"
    written.unlink()
    (project / "practices" / "bijlagen" / "proef.txt").unlink()


def test_another_site_an_unknown_action_or_another_method_is_refused(beheer):
    _, port, preview, _ = beheer
    info = {"action": "info"}
    status, answer, headers = post(port, info, origin="http://aanvaller.example")
    assert (status, answer) == (403, {"error": "Niet toegestaan: verzoeken van 'http://aanvaller.example' worden niet "
                                               "aangenomen, alleen van de voorbeeldweergave."})
    assert "Access-Control-Allow-Origin" not in headers
    assert post(port, info, content_type="text/plain")[:2] == (403, {
        "error": "Niet toegestaan: alleen JSON (Content-Type: application/json) wordt aangenomen."})
    assert post(port, {"action": "unpublishedEntries", "params": {"branch": "main"}})[:2] == (403, {
        "error": "Niet toegestaan: de opdracht 'unpublishedEntries' is voor de webeditor niet nodig en daarom niet "
                 "toegestaan."})
    assert post(port, None, method="GET", path="/")[:2] == (403, {
        "error": "Niet toegestaan: alleen POST naar /api/v1 is hier te bereiken."})
    assert post(port, info, path="/api/v1/../x")[0] == 403
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", "/api/v1", body=b"[" * 100_000, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    assert (response.status, json.loads(response.read())) == (403, {
        "error": "Niet toegestaan: het verzoek is geen geldige JSON."})
    connection.close()
    # the browser's preflight from the preview is answered by the guard itself
    status, _, headers = post(port, None, origin=f"http://127.0.0.1:{preview}", method="OPTIONS")
    assert status == 204 and headers["Access-Control-Allow-Origin"] == f"http://127.0.0.1:{preview}"
    assert headers["Access-Control-Allow-Methods"] == "POST" and headers["Access-Control-Allow-Headers"] == "Content-Type"
    assert post(port, None, origin="http://aanvaller.example", method="OPTIONS")[0] == 403


def test_decap_server_itself_answers_only_the_guard(beheer):
    _, port, _, proc = beheer
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    if not children.exists():
        pytest.skip("the hidden port is found through /proc (Linux)")
    environs = [Path(f"/proc/{pid}/environ").read_bytes().split(b"\0") for pid in children.read_text().split()]
    decap = next(e for e in environs if b"MODE=fs" in e)
    hidden = int(next(v for v in decap if v.startswith(b"PORT=")).split(b"=")[1])
    key = next(v for v in decap if v.startswith(b"KENNISBANK_DECAP_SLEUTEL=")).split(b"=", 1)[1].decode()
    assert hidden != port and len(key) >= 40
    assert post(hidden, {"action": "info"})[:2] == (403, {
        "error": "Niet toegestaan: de lokale server van de webeditor is alleen te bereiken via kennisbank beheer."})
    connection = http.client.HTTPConnection("127.0.0.1", hidden, timeout=30)
    connection.request("POST", "/api/v1", body=b'{"action":"info"}', headers={
        "Content-Type": "application/json", "X-Kennisbank-Sleutel": key[:-1] + ("x" if key[-1] != "x" else "y")})
    assert connection.getresponse().status == 403
    connection.close()


def test_ctrl_c_stops_guard_decap_server_and_preview_with_one_dutch_line(beheer):
    _, port, preview, proc = beheer
    children_file = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    children = children_file.read_text().split() if children_file.exists() else []
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert err.rstrip("\n").splitlines()[-1] == "Gestopt: de webeditor en de voorbeeldweergave zijn afgesloten."
    for closed in (port, preview):
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", closed)) != 0, f"port {closed} still open after Ctrl+C"
    if children_file.parent.exists() or children:
        assert len(children) == 2, children
        for pid in children:
            assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


# --- the rule itself, without a server ------------------------------------------------------


def test_the_folders_are_the_editor_collections_and_its_media_folder():
    assert EDITABLE_FOLDERS == ("practices/praktijken", "practices/sjablonen", "practices/bijlagen")


def test_preview_origins_by_name_and_number():
    assert preview_origins("127.0.0.1:8000") == ("http://127.0.0.1:8000", "http://localhost:8000")
    assert preview_origins("localhost:8010") == ("http://localhost:8010", "http://127.0.0.1:8010")


def test_every_path_in_a_request_is_checked_wherever_it_sits(tmp_path):
    (tmp_path / "practices" / "praktijken").mkdir(parents=True)
    ok = {"slug": "a", "path": "practices/praktijken/a.yaml", "raw": "x"}
    assert request_refusal(tmp_path, {"action": "persistEntry", "params": {"dataFiles": [ok], "assets": []}}) is None
    for params in ({"entry": ok, "dataFiles": [{**ok, "path": "macros/a.py"}]},
                   {"dataFiles": [ok], "assets": [{"path": "Makefile"}]},
                   {"paths": ["practices/praktijken/a.yaml", "mkdocs.yml"]}, {"paths": []},
                   {"files": [{"path": ["practices/praktijken/a.yaml"]}]}):
        assert request_refusal(tmp_path, {"action": "deleteFiles", "params": params}) is not None, params
    assert request_refusal(tmp_path, {"action": "getEntry", "params": {}}) == "het verzoek noemt geen bestand"
    for action in ("deleteFile", "persistMedia"):   # the media library works only in practices/bijlagen
        assert request_refusal(tmp_path, {"action": action, "params": {"path": "practices/praktijken/a.yaml"}}) == \
            "bestanden toevoegen en verwijderen mag alleen in practices/bijlagen/"
    assert request_refusal(tmp_path, {"action": "deleteFile", "params": {"path": "practices/bijlagen/a.pdf"}}) is None
    assert request_refusal(tmp_path, ["info"]) == "het verzoek is geen opdracht voor de webeditor"


def test_a_hard_link_to_another_file_is_refused(tmp_path):
    folder = tmp_path / "practices" / "praktijken"
    folder.mkdir(parents=True)
    (tmp_path / "Makefile").write_text("x", encoding="utf-8")
    try:
        os.link(tmp_path / "Makefile", folder / "hard.yaml")
    except OSError:
        pytest.skip("hard links are not available here")
    assert "harde koppeling" in path_refusal(tmp_path, "practices/praktijken/hard.yaml")
    assert path_refusal(tmp_path, "practices/praktijken/nieuw.yaml") is None


@pytest.mark.parametrize("name, content, refusal", [
    ("aanval.html", b"<script>alert(1)</script>", "'aanval.html' is geen toegestane soort bijlage"),
    ("plaatje.svg", b"<svg onload=alert(1)></svg>", "'plaatje.svg' is geen toegestane soort bijlage"),
    ("nep.pdf", b"<html><script>alert(1)</script></html>", "'nep.pdf' heet een PDF-bestand, maar de inhoud klopt"),
])
def test_an_upload_of_an_active_or_disguised_file_is_refused_and_not_written(tmp_path, name, content, refusal):
    """The media library and an entry's assets take only what validate publishes (macros.checks.attachments)."""
    (tmp_path / "practices" / "bijlagen").mkdir(parents=True)
    asset = {"path": f"practices/bijlagen/{name}", "content": base64.b64encode(content).decode(), "encoding": "base64"}
    media = {"action": "persistMedia", "params": {"branch": "main", "asset": asset, "options": {"commitMessage": "x"}}}
    assert request_refusal(tmp_path, media).startswith(refusal)
    ok = {"slug": "a", "path": "practices/praktijken/a.yaml", "raw": "x"}
    entry = {"action": "persistEntry", "params": {"dataFiles": [ok], "assets": [asset], "options": OPTIONS}}
    assert request_refusal(tmp_path, entry).startswith(refusal)
    good = {**asset, "path": "practices/bijlagen/goed.pdf", "content": base64.b64encode(b"%PDF-1.7\n%%EOF\n").decode()}
    assert request_refusal(tmp_path, {**media, "params": {**media["params"], "asset": good}}) is None
    assert not any((tmp_path / "practices" / "bijlagen").iterdir())
