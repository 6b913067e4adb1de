"""The one module that starts workers (macros.load.parallel): results in order, a dead worker told in
Dutch with the work still done, Ctrl+C ends every worker without a traceback, and no fork beside a
live thread."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.load import parallel

ROOT = Path(__file__).resolve().parent.parent
forking = pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked on Linux only")


def test_results_come_in_order_with_or_without_workers():
    jobs = list(range(300))
    assert list(parallel.map_in_order(lambda n: n * n, jobs, parallel_from=1, chunk=7)) == [n * n for n in jobs]
    assert list(parallel.map_in_order(lambda n: n * n, jobs)) == [n * n for n in jobs]  # below PARALLEL_FROM


@forking
def test_a_dead_worker_is_told_in_dutch_and_its_work_done_here(capsys):
    parent = os.getpid()

    def check(n):
        if n == 150 and os.getpid() != parent:
            os._exit(9)  # the worker dies without an answer, as when the system kills it
        return n + 1

    assert list(parallel.map_in_order(check, list(range(300)), parallel_from=1, chunk=10)) == list(range(1, 301))
    assert capsys.readouterr().err == parallel.WORKER_DIED + "\n"


@forking
def test_an_error_in_a_worker_is_raised_here():
    def check(n):
        if n == 42:
            raise ValueError("record 42 is stuk")
        return n

    with pytest.raises(ValueError, match="record 42 is stuk"):
        list(parallel.map_in_order(check, list(range(100)), parallel_from=1, chunk=5))


def test_no_worker_beside_a_live_thread():
    gate = threading.Event()
    helper = threading.Thread(target=gate.wait)
    helper.start()
    try:
        assert parallel.can_fork() is False
        pids = set(parallel.map_in_order(lambda _: os.getpid(), list(range(500)), parallel_from=1))
        assert pids == {os.getpid()}
    finally:
        gate.set()
        helper.join()


@forking
def test_ctrl_c_ends_every_worker_and_prints_one_dutch_line(tmp_path):
    """The command's own handler (macros.cli.main) prints the line; no worker prints a traceback."""
    script = tmp_path / "werk.py"
    script.write_text(textwrap.dedent("""
        import sys, time
        from macros.load import parallel

        def slow(n):
            time.sleep(0.05)
            return n

        try:
            for n in parallel.map_in_order(slow, list(range(2000)), parallel_from=1, chunk=4):
                if n == 8:
                    print("bezig", flush=True)
        except KeyboardInterrupt:
            print("Afgebroken.", file=sys.stderr)
            sys.exit(130)
    """), encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=True)
    assert child.stdout.readline().strip() == "bezig"
    workers = _children(child.pid)
    assert len(workers) >= 2
    os.killpg(child.pid, signal.SIGINT)  # as a terminal sends Ctrl+C: to the whole process group
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err == "Afgebroken.\n"
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() and _state(pid) != "Z" for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived the command"
        time.sleep(0.05)


def _children(pid: int) -> list[int]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        if found:
            return found
        time.sleep(0.02)
    return []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_in_threads_gives_values_and_errors_in_order():
    def fail():
        raise OSError("schijf vol")

    outcomes = parallel.in_threads([lambda: 1, fail, lambda: 3], workers=2)
    assert outcomes[0] == 1 and outcomes[2] == 3
    assert isinstance(outcomes[1], OSError) and str(outcomes[1]) == "schijf vol"


def test_a_build_validates_before_it_takes_the_lock_so_no_worker_inherits_it(tmp_path, monkeypatch):
    """Validation is the step with worker processes; when it runs, the build lock must be free (a forked
    worker would otherwise hold the lock file's handle), and it is taken for the build itself."""
    from macros.load.locking import Busy, held
    from macros.site import build

    layout = build.Layout.of(tmp_path / "site")
    seen = {}

    def load_catalog(root, **_):
        layout.builds.mkdir(parents=True, exist_ok=True)
        with held(layout.lock):  # free: nobody holds it while the workers run
            seen["free while validating"] = True
        raise build.InvalidData([])

    monkeypatch.setattr(build, "load_catalog", load_catalog)
    assert build.build_atomic(ROOT / "mkdocs.yml", layout.site) == 1
    assert seen == {"free while validating": True}

    def locked_build(config_file, layout_, catalog, strict, bouwer, started):
        with pytest.raises(Busy):
            with held(layout_.lock):
                pass
        return 0

    monkeypatch.setattr(build, "load_catalog", lambda root, **_: SimpleNamespace(today=None))
    monkeypatch.setattr(build, "_sources_checked", lambda *a: True)
    monkeypatch.setattr(build, "_build_locked", locked_build)
    assert build.build_atomic(ROOT / "mkdocs.yml", layout.site) == 0
