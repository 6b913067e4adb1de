"""Shared fixtures: the real site is built once per session and served on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("KENNISBANK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_xdist_auto_num_workers(config) -> int:
    """`-n auto`: one worker more than there are cores. Many tests wait on a browser, LibreOffice or a
    server in another process, so a spare worker keeps both cores busy."""
    return (os.cpu_count() or 1) + 1


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real site, built with `kennisbank build` (strict) from the bundled content."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build", "--site", str(out)], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, not a skip."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium niet gevonden op {CHROMIUM}: installeer Debian's pakket 'chromium' (make test doet dat).")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page that records every request, so tests can prove nothing leaves the host."""
    context = browser.new_context(locale="nl-NL")
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda request: pg.requests.append(request.url))
    yield pg
    context.close()


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's content in `tmp_path/project`, with the code linked in (not copied)."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("practices", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")
    return project


def html_of(site_dir: Path, url_path: str) -> str:
    """The built HTML of a site path like 'praktijken/x/'."""
    return (site_dir / url_path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def only_the_tests_own_threads(monkeypatch):
    """The session's own helper threads (the HTTP server of `base_url`, Playwright's) are not part of
    the code under test: `macros.load.parallel.can_fork` sees only the threads a test starts itself,
    so the worker tests run the same in the whole suite as alone (a test that starts a thread still
    gets no fork)."""
    import threading
    before, real = threading.active_count(), threading.active_count
    monkeypatch.setattr(threading, "active_count", lambda: real() - before + 1)


@pytest.fixture()
def forked(monkeypatch) -> list:
    """The worker processes `macros.load.parallel` starts from now on (for every get_context)."""
    import multiprocessing
    started, real_context = [], multiprocessing.get_context

    class Counting:
        def __init__(self, context):
            self.context, self.Pipe = context, context.Pipe

        def Process(self, *args, **kwargs):
            started.append(self.context.Process(*args, **kwargs))
            return started[-1]

    monkeypatch.setattr(multiprocessing, "get_context", lambda method: Counting(real_context(method)))
    return started
