"""Every editor's computer: the commands start where `fcntl` and `os.fork` do not exist (Windows),
and the one lock function keeps two processes apart. Fast; CI runs this file on Windows and macOS."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from macros.load import parallel
from macros.load.locking import Busy, held

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402  (bench/generate.py: valid generated records)

# Loaded by Python at start-up from PYTHONPATH: no fcntl module and no os.fork, as on Windows.
WINDOWS_LIKE = textwrap.dedent("""
    import os, sys
    sys.modules["fcntl"] = None   # `import fcntl` now raises ImportError
    del os.fork
""")


def run_without_fork(tmp_path: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    shim = tmp_path / "shim"
    shim.mkdir(exist_ok=True)
    (shim / "sitecustomize.py").write_text(WINDOWS_LIKE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(shim), str(ROOT)])}
    probe = ("import os, sys\n"
             "try:\n    import fcntl\nexcept ImportError:\n    pass\nelse:\n    sys.exit('fcntl is er nog')\n"
             "assert not hasattr(os, 'fork')\n"
             "sys.argv = ['kennisbank', *sys.argv[1:]]\n"
             "from macros.cli.main import main\nsys.exit(main())")
    return subprocess.run([sys.executable, "-c", probe, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the real thing runs in CI")
def test_validate_runs_without_fcntl_and_fork(tmp_path):
    done = run_without_fork(tmp_path, "validate", str(ROOT / "practices"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the real thing runs in CI")
def test_validate_of_many_records_runs_in_one_process_without_fork(tmp_path):
    """Above PARALLEL_FROM the checks would go to forked workers; without fork they run here, with the
    same verdict: a bad record is reported with its file."""
    practices = generate(parallel.PARALLEL_FROM + 10, tmp_path / "practices")
    bad = sorted((practices / "praktijken").glob("*.yaml"))[-1]
    bad.write_text(bad.read_text(encoding="utf-8").replace("status:", "status: onzin\nx_status:", 1), encoding="utf-8")
    done = run_without_fork(tmp_path, "validate", str(practices), "--zonder-cache")
    assert done.returncode == 1, done.stderr
    assert f"{bad.name}" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the real thing runs in CI")
@pytest.mark.parametrize("command", ["validate", "new", "build", "serve", "stale", "export"])
def test_every_command_starts_without_fcntl_and_fork(tmp_path, command):
    done = run_without_fork(tmp_path, command, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: kennisbank") or "gebruik" in done.stdout.lower(), done.stdout


def test_validate_runs_here(tmp_path):
    """The plain command on this computer (in CI: Linux, Windows and macOS)."""
    done = subprocess.run([sys.executable, "-m", "macros.cli", "validate", str(ROOT / "practices")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_a_held_lock_keeps_a_second_holder_out_until_it_is_released(tmp_path):
    lock = tmp_path / "bouw.lock"
    with held(lock):
        with pytest.raises(Busy) as busy:
            with held(lock):
                pass
        assert str(lock) in str(busy.value)
        other = subprocess.run([sys.executable, "-c", "import sys; from macros.load.locking import held, Busy\n"
                                "try:\n  with held(sys.argv[1]): print('vrij')\nexcept Busy: print('bezet')", str(lock)],
                               cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert other.stdout.strip() == "bezet", other.stderr
    with held(lock):  # free again
        pass
