"""Benchmark the site build against stock Material with the same practice pages.

    .venv/bin/python bench/site_bench.py                     # N = 1,000 and 2,000
    .venv/bin/python bench/site_bench.py --sizes 1000 --repeat 1
    .venv/bin/python bench/site_bench.py --no-instrument     # skip the in-process breakdown

For every N:
  real      a temp project (bench/out/site-N/project) with a copy of mkdocs.yml, docs/ and
            overrides/, a symlink to macros/ (the hook file and the macros module are
            resolved next to mkdocs.yml) and the generated practices/; built with
            `python -m macros.cli build --config <tmp>/mkdocs.yml --site <tmp>/site`, cwd <tmp>.
  baseline  the same practice pages, pre-rendered with the project's pure function
            `macros.pages.practice_page(catalog, record)` (front matter key render_macros
            removed), as docs/praktijken/<id>.md of a minimal stock Material project (theme
            material, language nl, font false, search lang nl, not_in_nav /praktijken/*; no
            macros, no hook, MkDocs' default Markdown extensions); `mkdocs build`.
Wall time best of --repeat, peak RSS (/usr/bin/time -v), sizes of the real site.
Then, unless --no-instrument, one in-process real build at the largest N with timers around
every plugin/hook event and MkDocs' page steps: where the time goes.
Targets: real/baseline <= 1.15, real(2000)/real(1000) <= 2.1, <= 15 KB HTML per practice page.

Results are merged into bench/results.json under "site".
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402
from validate_bench import cpu_seconds, load_average, machine, merge_results, run_measured  # noqa: E402

PYTHON = PROJECT / ".venv" / "bin" / "python"
MKDOCS = PROJECT / ".venv" / "bin" / "mkdocs"
TARGET_RATIO, TARGET_SCALING, TARGET_PAGE_KB = 1.15, 2.1, 15.0

BASELINE_CONFIG = """site_name: Kennisbank Doorbraakaanpak (baseline)
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: nl
  font: false
plugins:
  - search:
      lang: nl
not_in_nav: |
  /praktijken/*
"""


def env() -> dict:
    e = dict(os.environ)
    e["NO_MKDOCS_2_WARNING"] = "1"
    e.pop("PYTHONPATH", None)
    return e


# --- setting up the two projects --------------------------------------------------------------

def real_project(n: int) -> Path:
    base = BENCH / "out" / f"site-{n}" / "project"
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    shutil.copy2(PROJECT / "mkdocs.yml", base / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        if (PROJECT / folder).is_dir():
            shutil.copytree(PROJECT / folder, base / folder)
    (base / "macros").symlink_to(PROJECT / "macros", target_is_directory=True)
    generate(n, base / "practices")
    return base


def baseline_project(n: int, practices: Path) -> tuple[Path, float]:
    """The stock project; returns it and the seconds spent making the Markdown (not part of the build)."""
    from macros.load.catalog import load_catalog
    from macros.render.pages import practice_page

    base = BENCH / "out" / f"baseline-{n}"
    if base.exists():
        shutil.rmtree(base)
    (base / "docs" / "praktijken").mkdir(parents=True)
    (base / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (base / "docs" / "index.md").write_text("# Kennisbank Doorbraakaanpak\n\nBaseline met dezelfde praktijkpagina's.\n",
                                            encoding="utf-8")
    start = time.perf_counter()
    catalog = load_catalog(practices)
    for record in catalog.practices:
        page = "\n".join(line for line in practice_page(catalog, record).split("\n")
                         if not line.startswith("render_macros:"))
        (base / "docs" / "praktijken" / f"{record.id}.md").write_text(page, encoding="utf-8")
    return base, time.perf_counter() - start


# --- measuring ---------------------------------------------------------------------------------

def build_real(project: Path) -> tuple[float, float | None, float | None]:
    cmd = [str(PYTHON), "-m", "macros.cli", "build", "--config", str(project / "mkdocs.yml"), "--site", str(project / "site")]
    wall, peak, proc = run_measured(cmd, cwd=project, env=env())
    if proc.returncode != 0:
        raise SystemExit(f"echte bouw faalde ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return wall, peak, cpu_seconds(proc)


def build_baseline(project: Path) -> tuple[float, float | None, float | None]:
    cmd = [str(MKDOCS), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    wall, peak, proc = run_measured(cmd, cwd=project, env=env())
    if proc.returncode != 0:
        raise SystemExit(f"baseline-bouw faalde ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return wall, peak, cpu_seconds(proc)


def best(fn, project: Path, repeat: int) -> dict:
    walls, peaks, cpus = [], [], []
    for _ in range(repeat):
        wall, peak, cpu = fn(project)
        walls.append(wall)
        cpus.append(cpu)
        if peak:
            peaks.append(peak)
    return {"wall_s_best": round(min(walls), 2), "wall_s_all": [round(w, 2) for w in walls], "cpu_s_all": cpus,
            "peak_rss_mb": round(max(peaks), 1) if peaks else None}


def sizes(site: Path, ids: list[str]) -> dict:
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    html_total = sum(f.stat().st_size for f in site.rglob("*.html"))
    pages = [site / "praktijken" / i / "index.html" for i in ids]
    page_bytes = [p.stat().st_size for p in pages if p.exists()]
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    return {
        "files": sum(1 for f in site.rglob("*") if f.is_file()),
        "html_pages": sum(1 for _ in site.rglob("*.html")),
        "total_mb": round(total / 1024 / 1024, 2),
        "html_mb": round(html_total / 1024 / 1024, 2),
        "practice_pages_found": len(page_bytes),
        "practice_page_kb_avg": round(sum(page_bytes) / len(page_bytes) / 1024, 2) if page_bytes else None,
        "practice_page_kb_max": round(max(page_bytes) / 1024, 2) if page_bytes else None,
        "search_index_kb": round(len(raw) / 1024, 1),
        "search_index_gzip_kb": round(len(gzip.compress(raw, 6)) / 1024, 1),
        "largest_files_kb": {str(f.relative_to(site)): round(f.stat().st_size / 1024, 1)
                             for f in sorted((f for f in site.rglob("*") if f.is_file()),
                                             key=lambda f: -f.stat().st_size)[:8]},
    }


def practice_ids(project: Path) -> list[str]:
    return sorted(p.stem for p in (project / "practices" / "praktijken").glob("*.yaml"))


# --- in-process breakdown ----------------------------------------------------------------------

def instrumented_build(project: Path, real: bool = True) -> dict:
    """One build in this process, with timers around every event handler and page step.

    real=True: the kennisbank build (load_catalog first, as `kennisbank build` does); False: the baseline."""
    import functools
    import logging

    from mkdocs.commands import build as mk_build
    from mkdocs.config import load_config

    from macros.site import events as site as hook
    from macros.load.catalog import load_catalog

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    timings: dict[str, float] = {}
    counts: dict[str, int] = {}

    def timed(name, fn):
        @functools.wraps(fn)
        def wrapper(*a, **kw):
            s = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - s
                counts[name] = counts.get(name, 0) + 1
        return wrapper

    # inside the hook's on_files: the parts
    import macros.pages as pages_mod
    originals = {"make_documents": hook.make_documents, "generated_pages": pages_mod.generated_pages}
    hook.make_documents = timed("  hook.on_files: make_documents (pandoc downloads)", hook.make_documents)
    pages_mod.generated_pages = timed("  hook.on_files: generated_pages (all Markdown)", pages_mod.generated_pages)
    for fname in ("practice_page", "listing_page", "filter_pages", "compare_page", "side_by_side_page", "map_page",
                  "data_page", "glossary_page"):
        originals[fname] = getattr(pages_mod, fname)
        setattr(pages_mod, fname, timed(f"    pages.{fname}", getattr(pages_mod, fname)))
    import macros.kaart as kaart_mod
    originals["kaart.project_shapes"] = kaart_mod.project_shapes
    kaart_mod.project_shapes = timed("  hook.on_files: kaart.project_shapes", kaart_mod.project_shapes)
    page_steps = {}
    for fname in ("_populate_page", "_build_page", "_build_theme_template", "_build_extra_template"):
        if hasattr(mk_build, fname):
            page_steps[fname] = getattr(mk_build, fname)
            setattr(mk_build, fname, timed(f"mkdocs.{fname}", getattr(mk_build, fname)))

    started = time.perf_counter()
    try:
        if real:
            s = time.perf_counter()
            hook.STATE.preloaded = load_catalog(project / "practices")
            timings["kennisbank build step 1: load_catalog (validate)"] = time.perf_counter() - s
        s = time.perf_counter()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-instrumented"), strict=True)
        timings["mkdocs load_config"] = time.perf_counter() - s
        for event, methods in config.plugins.events.items():
            for i, method in enumerate(methods):
                owner = getattr(method, "__self__", None)
                owner = type(owner).__name__ if owner is not None else getattr(method, "__module__", "?")
                if owner.endswith("mkdocs_hook") or "hook" in owner:
                    owner = "kennisbank hook"
                methods[i] = timed(f"event {event}: {owner}", method)
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        s = time.perf_counter()
        mk_build.build(config)
        timings["mkdocs build() total"] = time.perf_counter() - s
    finally:
        hook.STATE.preloaded = None
        hook.make_documents = originals.pop("make_documents")
        pages_mod.generated_pages = originals.pop("generated_pages")
        kaart_mod.project_shapes = originals.pop("kaart.project_shapes")
        for fname, fn in originals.items():
            setattr(pages_mod, fname, fn)
        for fname, fn in page_steps.items():
            setattr(mk_build, fname, fn)
    total = time.perf_counter() - started
    shutil.rmtree(project / "site-instrumented", ignore_errors=True)
    return {"total_s": round(total, 2),
            "timings_s": {k: round(v, 3) for k, v in sorted(timings.items(), key=lambda kv: -kv[1]) if v >= 0.005},
            "calls": {k: counts[k] for k in counts if timings.get(k, 0) >= 0.005}}


def commit() -> str:
    import subprocess
    head = subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(PROJECT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return head + (" (+ uncommitted changes by others)" if dirty else "")


# --- main --------------------------------------------------------------------------------------

def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--no-instrument", action="store_true")
    p.add_argument("--instrument-n", type=int, help="N for the in-process breakdown (default: largest N)")
    p.add_argument("--only-instrument", action="store_true",
                   help="skip the timed subprocess builds; reuse bench/out/site-N and baseline-N")
    p.add_argument("--no-save", action="store_true")
    args = p.parse_args(argv)

    results = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
               "targets": {"real_over_baseline": TARGET_RATIO, "real_2000_over_1000": TARGET_SCALING,
                           "practice_page_kb": TARGET_PAGE_KB},
               "load_before": load_average(), "sizes": {}}
    print(f"machine: {results['machine']}")
    results["commit"] = commit()
    previous = json.loads((BENCH / "results.json").read_text(encoding="utf-8")).get("site", {}) \
        if (BENCH / "results.json").exists() else {}
    projects = {}
    for n in ([] if args.only_instrument else args.sizes):
        s = time.perf_counter()
        project = real_project(n)
        projects[n] = project
        baseline, md_s = baseline_project(n, project / "practices")
        print(f"\nN={n}: projects ready in {time.perf_counter() - s:.1f} s (baseline Markdown {md_s:.1f} s, not timed)")
        r: dict = {}
        print(f"  load average {load_average()}", flush=True)
        r["real"] = best(build_real, project, args.repeat)
        print(f"  real build:     best {r['real']['wall_s_best']:.2f} s of {r['real']['wall_s_all']}, "
              f"cpu {r['real']['cpu_s_all']} s, peak RSS {r['real']['peak_rss_mb']} MB; load average {load_average()}", flush=True)
        r["baseline"] = best(build_baseline, baseline, args.repeat)
        print(f"  baseline build: best {r['baseline']['wall_s_best']:.2f} s of {r['baseline']['wall_s_all']}, "
              f"cpu {r['baseline']['cpu_s_all']} s, peak RSS {r['baseline']['peak_rss_mb']} MB; load average {load_average()}", flush=True)
        r["ratio_real_over_baseline"] = round(r["real"]["wall_s_best"] / r["baseline"]["wall_s_best"], 2)
        ids = practice_ids(project)
        r["real"]["site"] = sizes(project / "site", ids)
        r["baseline"]["site"] = sizes(baseline / "site", ids)
        r["load_after"] = load_average()
        r["date"], r["commit"] = results["date"], results["commit"]
        results["sizes"][str(n)] = r
        rs, bs = r["real"]["site"], r["baseline"]["site"]
        print(f"  ratio real/baseline: {r['ratio_real_over_baseline']:.2f} (target <= {TARGET_RATIO})")
        print(f"  real site: {rs['total_mb']} MB in {rs['files']} files ({rs['html_pages']} HTML pages), "
              f"practice page avg {rs['practice_page_kb_avg']} KB (max {rs['practice_page_kb_max']} KB, "
              f"{rs['practice_pages_found']} found), search index {rs['search_index_kb']} KB / "
              f"{rs['search_index_gzip_kb']} KB gzipped")
        print(f"  baseline site: {bs['total_mb']} MB, practice page avg {bs['practice_page_kb_avg']} KB, "
              f"search index {bs['search_index_kb']} KB / {bs['search_index_gzip_kb']} KB gzipped")

    # sizes measured earlier and not now are kept (each carries its own date and load)
    for k, v in previous.get("sizes", {}).items():
        results["sizes"].setdefault(k, v)
    keys = sorted(results["sizes"], key=int)
    verdict = {}
    if "1000" in results["sizes"] and "2000" in results["sizes"]:
        a, b = results["sizes"]["1000"], results["sizes"]["2000"]
        results["scaling_real_2000_over_1000"] = round(b["real"]["wall_s_best"] / a["real"]["wall_s_best"], 2)
        results["scaling_baseline_2000_over_1000"] = round(b["baseline"]["wall_s_best"] / a["baseline"]["wall_s_best"], 2)
        results["scaling_real_2000_over_1000_cpu"] = round(min(filter(None, b["real"]["cpu_s_all"])) /
                                                           min(filter(None, a["real"]["cpu_s_all"])), 2)
        verdict["scaling_met"] = results["scaling_real_2000_over_1000"] <= TARGET_SCALING
        print(f"\nscaling N=2000/N=1000: real {results['scaling_real_2000_over_1000']:.2f} "
              f"(target <= {TARGET_SCALING}), baseline {results['scaling_baseline_2000_over_1000']:.2f}; "
              f"by CPU time: real {results['scaling_real_2000_over_1000_cpu']:.2f}")
    for k in keys:
        r = results["sizes"][k]
        if any(r["real"].get("cpu_s_all", [])) and any(r["baseline"].get("cpu_s_all", [])):
            r["ratio_real_over_baseline_cpu"] = round(min(filter(None, r["real"]["cpu_s_all"])) /
                                                      min(filter(None, r["baseline"]["cpu_s_all"])), 2)
            print(f"N={k}: real/baseline by wall {r['ratio_real_over_baseline']:.2f}, "
                  f"by CPU time {r['ratio_real_over_baseline_cpu']:.2f} (target <= {TARGET_RATIO})")
    verdict["ratio_met"] = {k: results["sizes"][k]["ratio_real_over_baseline"] <= TARGET_RATIO for k in keys}
    verdict["page_kb_met"] = {k: (results["sizes"][k]["real"]["site"]["practice_page_kb_avg"] or 0) <= TARGET_PAGE_KB
                              for k in keys}
    results["verdict"] = verdict
    if not args.no_save:  # save the timed builds now: the instrumented build below runs the live code in-process
        merge_results("site", {**results, **({"instrumented": previous["instrumented"]} if "instrumented" in previous else {})})

    if not args.no_instrument:
        n = args.instrument_n or max(args.sizes)
        project = projects.get(n) or BENCH / "out" / f"site-{n}" / "project"
        if not (project / "practices").is_dir():
            project = real_project(n)
        baseline = BENCH / "out" / f"baseline-{n}"
        if not (baseline / "docs" / "praktijken").is_dir():
            baseline, _ = baseline_project(n, project / "practices")
        results["instrumented"] = {}
        for label, folder, real in (("real", project, True), ("baseline", baseline, False)):
            print(f"\nin-process instrumented {label} build, N={n} (load average {load_average()}):", flush=True)
            try:
                ib = instrumented_build(folder, real)
            except Exception as err:  # noqa: BLE001 - code under concurrent edit; keep the timed results
                print(f"  instrumented build failed: {type(err).__name__}: {err}")
                results["instrumented"][label] = {"error": f"{type(err).__name__}: {err}"}
                continue
            ib["n"], ib["load_after"] = n, load_average()
            results["instrumented"][label] = ib
            for k, v in ib["timings_s"].items():
                print(f"  {v:8.2f} s  {k}  ({ib['calls'].get(k, 1)} calls)")
            print(f"  {ib['total_s']:8.2f} s  total in-process")
    elif "instrumented" in previous:
        results["instrumented"] = previous["instrumented"]
    results["load_after"] = load_average()
    print(f"\nload average before {results['load_before']}, after {results['load_after']}")
    if not args.no_save:
        merge_results("site", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
