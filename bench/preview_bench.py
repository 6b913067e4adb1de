"""Edit-to-preview in `kennisbank serve`: seconds from saving a record until its page shows the edit.

    python bench/preview_bench.py                                  # N = 300 and 1,000, this checkout
    python bench/preview_bench.py --baseline-code /tmp/old-checkout  # beside an older checkout, same run

For every N and every measured checkout: a project like site_bench's (copies of mkdocs.yml,
docs/ and overrides/, a symlink to the checkout's macros/, N generated practices), `python -m
macros.cli serve` on a free port, the first build awaited, then --edits times: one record's
title changed on disk and its page fetched every 50 ms until the new title is in it. Also timed:
until the practice list (praktijken/) shows it, and until the search index is rewritten.
Targets (issue 14): <= 2 s at N = 300, <= 3 s at N = 1,000. Results go to bench/results.json
under "preview".
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(BENCH))

from site_bench import commit, env, practice_ids, real_project  # noqa: E402
from validate_bench import load_average, machine, merge_results  # noqa: E402

TARGETS = {300: 2.0, 1000: 3.0}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=10).read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, needle: str, limit: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if needle in fetch(url):
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def retitle(path: Path, suffix: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^titel: (.*?)( \(bewerking \d+\))?$", lambda m: f"titel: {m[1]} ({suffix})", text, count=1)
    path.write_text(text, encoding="utf-8")


def measure(n: int, code: Path, edits: int) -> dict:
    project = real_project(n, code)
    ids = practice_ids(project)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (project.parent / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "macros.cli", "serve", "--adres", f"127.0.0.1:{port}"],
                              cwd=project, env=env(), stdout=log, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        first = wait_for(base + f"praktijken/{ids[0]}/", "<h1", 900)
        if first is None:
            raise SystemExit(f"N={n}: the preview did not start")
        print(f"  first build {time.monotonic() - started:.1f} s", flush=True)
        time.sleep(5)
        runs = []
        for k in range(edits):
            pid = ids[(k * 37) % len(ids)]
            suffix = f"bewerking {k + 1}"
            index_before = _index_stamp(project)
            saved = time.monotonic()
            retitle(project / "practices" / "praktijken" / f"{pid}.yaml", suffix)
            page = wait_for(base + f"praktijken/{pid}/", suffix, 300)
            listing = wait_for(base + "praktijken/", suffix, 300)
            listing = None if listing is None else time.monotonic() - saved
            search = _wait_index(project, index_before, 300)
            search = None if search is None else time.monotonic() - saved
            runs.append({"page_s": None if page is None else round(page, 2), "listing_s": _round(listing),
                         "search_index_s": _round(search)})
            print(f"  edit {k + 1}: page {runs[-1]['page_s']} s, list {runs[-1]['listing_s']} s, "
                  f"search index {runs[-1]['search_index_s']} s", flush=True)
            time.sleep(3)
        pages = sorted(r["page_s"] for r in runs if r["page_s"] is not None)
        return {"runs": runs, "page_s_median": pages[len(pages) // 2] if pages else None,
                "page_s_max": pages[-1] if pages else None, "first_build_s": round(first, 1)}
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def _round(value):
    return None if value is None else round(value, 2)


def _index_stamp(project: Path) -> float:
    entries = list((project / ".cache").glob("voorbeeld-*/pagefind/pagefind-entry.json"))
    entries += list(Path("/tmp").glob("mkdocs_*/pagefind/pagefind-entry.json"))
    return max((p.stat().st_mtime for p in entries), default=0.0)


def _wait_index(project: Path, before: float, limit: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if _index_stamp(project) > before:
            return time.monotonic() - start
        time.sleep(0.1)
    return None


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[300, 1000])
    p.add_argument("--edits", type=int, default=3)
    p.add_argument("--code", type=Path, default=PROJECT)
    p.add_argument("--baseline-code", type=Path, help="an older checkout measured the same way in the same run")
    p.add_argument("--no-save", action="store_true")
    args = p.parse_args(argv)
    results = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
               "targets_s": TARGETS, "sizes": {}}
    for n in args.sizes:
        entry = {}
        for label, code in (("this", args.code), ("baseline", args.baseline_code)):
            if code is None:
                continue
            print(f"N={n}, {label} ({commit(code)}), load {load_average()}", flush=True)
            entry[label] = {"commit": commit(code), "load_before": load_average(), **measure(n, code, args.edits)}
        results["sizes"][str(n)] = entry
    if not args.no_save:
        merge_results("preview", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
