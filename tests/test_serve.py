"""`kennisbank serve` rebuilds from a fresh context: an edit to a JSON Schema, a codelist or a
template shows at the next rebuild, without a restart."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

from test_render_safety import edit_csv, project_copy

RECORD = "voorbeeld-twente-vo"


def fetch_until(port: int, path: str, check, seconds: int = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            html = urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5).read().decode()
            if check(html):
                return html
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"the preview did not show the expected {path} in time")


def test_serve_follows_schema_codelist_and_template_edits(tmp_path):
    project = project_copy(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "macros.cli", "serve", "--adres", f"127.0.0.1:{port}"], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    page = f"praktijken/{RECORD}/"
    try:
        fetch_until(port, page, lambda html: ">Melden vóór 16 uur<" in html)
        schema_path = project / "practices" / "schema" / "praktijk.schema.json"
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        schema["properties"]["ongeoorloofd_verzuim"]["properties"]["vroegsignalering"]["title"] = "Vroeg signaleren"
        schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
        html = fetch_until(port, page, lambda html: ">Vroeg signaleren<" in html)
        assert ">Melden vóór 16 uur<" not in html

        edit_csv(project / "practices" / "codelijsten" / "dekking.csv", "ja", "label", "Geregeld")
        html = fetch_until(port, page, lambda html: "✓</span> Geregeld</span>" in html)
        assert "✓</span> Ja</span>" not in html

        template = next((project / "practices" / "sjablonen").glob("*.yaml"))
        text = template.read_text(encoding="utf-8")
        title_line = next(line for line in text.splitlines() if line.startswith("titel:"))
        template.write_text(text.replace(title_line, "titel: Herziene titel van het sjabloon"), encoding="utf-8")
        fetch_until(port, f"sjablonen/{template.stem}/", lambda html: "Herziene titel van het sjabloon</h1>" in html)
        assert server.poll() is None
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "Traceback" not in output
    assert output.count("Voorbeeldweergave gestopt.") == 1, "stopping the preview says so once, in Dutch"
