"""Benchmark the site build against stock Material with the same practice pages, and profile both.

    python bench/site_bench.py                               # N = 1,000 and 2,000, then profiles at N = 1,000
    python bench/site_bench.py --sizes 1000 --repeat 1
    python bench/site_bench.py --only-profile --profile-n 1000
    python bench/site_bench.py --code /tmp/main-export       # measure another checkout of the project
    python bench/site_bench.py --sizes 1000 --zensical --no-profile   # also `build --bouwer zensical`
    python bench/site_bench.py --sizes 1000 --ab /tmp/before --rounds 4 --key site_ab   # A/B in turns

For every N:
  real      a project in bench/out/site-N/project: copies of mkdocs.yml, docs/ and overrides/ of
            the measured checkout (--code, default this one), a symlink to its macros/ and
            node_modules/, and the generated practices/; built with `python -m macros.cli build
            --config <p>/mkdocs.yml --site <p>/site` in <p>, the validation cache removed first
            (as on a fresh checkout or in CI). One more build with the validation cache warm.
  baseline  the same practice pages as Markdown (`kennisbank paginas`, front matter key
            render_macros removed) in a stock Material project: theme material, language nl,
            font false, its own search plugin (lang nl), not_in_nav /praktijken/*, MkDocs'
            default Markdown extensions, no macros, no hook; `python -m mkdocs build`.
  --ab      another checkout (a git worktree of an older commit) in bench/out/site-N/project-other;
            this code, that code and the baseline built in turn, --rounds times, each real build
            with a cold validation cache: the median ratio of each to the baseline of its round.
  zensical  with --zensical: the real project once more with `build --bouwer zensical` (issue 17),
            beside the MkDocs build of the same run.
Wall time best of --repeat with CPU time and peak RSS (/usr/bin/time -v), site sizes and the
share of the primary navigation in a practice page.

Then, unless --no-profile, `python -m cProfile` around the same two commands at --profile-n
(default 1,000) and a table of where the seconds go, found by function (and, for Material's
Jinja templates, by template file): validation, our hook's page generation and documents,
MkDocs' Markdown step per page (md_in_html and the other extensions), the theme template per
page (navigation, table of contents), the search index, the open-data export, Pagefind (when the
measured code has it). Profiled seconds are inflated by cProfile (most for Python-heavy parts);
read them as shares and compare them with the timed builds.

Targets (issue 14): real/baseline <= 1.3 at N=1,000, real(2000)/real(1000) <= 2.1, <= 15 KB HTML per
practice page. Results are merged into bench/results.json under "site".
"""

from __future__ import annotations

import argparse
import gzip
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402
from validate_bench import cpu_seconds, load_average, machine, merge_results, run_measured  # noqa: E402

PYTHON = Path(sys.executable)
TARGET_RATIO, TARGET_SCALING, TARGET_PAGE_KB = 1.3, 2.1, 15.0

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


def commit(code: Path = PROJECT) -> str:
    head = subprocess.run(["git", "-C", str(code), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        return f"{code} (geen git)"
    dirty = subprocess.run(["git", "-C", str(code), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return head.stdout.strip() + (" (+ uncommitted changes)" if dirty else "")


# --- setting up the two projects --------------------------------------------------------------

def compiled(code: Path) -> None:
    """The measured code's modules compiled beforehand: with PYTHONDONTWRITEBYTECODE set (as on this
    machine) every build would compile them again (0.3 s), and only for a checkout never run without it."""
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(code / "macros")], check=True)


def real_project(n: int, code: Path, name: str = "project") -> Path:
    compiled(code)
    base = BENCH / "out" / f"site-{n}" / name
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    shutil.copy2(code / "mkdocs.yml", base / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        if (code / folder).is_dir():
            shutil.copytree(code / folder, base / folder)
    (base / "macros").symlink_to(code / "macros", target_is_directory=True)
    modules = code / "node_modules" if (code / "node_modules").is_dir() else PROJECT / "node_modules"
    if modules.is_dir():  # the web editor's bundle
        (base / "node_modules").symlink_to(modules, target_is_directory=True)
    generate(n, base / "practices")
    return base


def practice_ids(project: Path) -> list[str]:
    return sorted(p.stem for p in (project / "practices" / "praktijken").glob("*.yaml"))


def baseline_project(n: int, project: Path) -> tuple[Path, float]:
    """The stock project with the real project's practice pages; returns it and the seconds spent
    making the Markdown (not part of the baseline build)."""
    base = BENCH / "out" / f"baseline-{n}"
    if base.exists():
        shutil.rmtree(base)
    (base / "docs" / "praktijken").mkdir(parents=True)
    (base / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    (base / "docs" / "index.md").write_text("# Kennisbank Doorbraakaanpak\n\nBaseline met dezelfde praktijkpagina's.\n",
                                            encoding="utf-8")
    pages = BENCH / "out" / f"pages-{n}"
    shutil.rmtree(pages, ignore_errors=True)
    start = time.perf_counter()
    made = subprocess.run([str(PYTHON), "-m", "macros.cli", "paginas", "practices", "--uit", str(pages)], cwd=project,
                          env=env(), capture_output=True, text=True)
    if made.returncode != 0:
        raise SystemExit(f"kennisbank paginas faalde:\n{made.stdout[-2000:]}\n{made.stderr[-4000:]}")
    for pid in practice_ids(project):
        page = (pages / "praktijken" / f"{pid}.md").read_text(encoding="utf-8")
        page = "\n".join(line for line in page.split("\n") if not line.startswith("render_macros:"))
        (base / "docs" / "praktijken" / f"{pid}.md").write_text(page, encoding="utf-8")
    return base, time.perf_counter() - start


# --- measuring ---------------------------------------------------------------------------------

def real_command(project: Path, bouwer: str = "mkdocs") -> list[str]:
    return ["-m", "macros.cli", "build", "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"),
            "--bouwer", bouwer]


def baseline_command(project: Path) -> list[str]:
    return ["-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]


def cold_validation(project: Path) -> None:
    shutil.rmtree(project / ".cache" / "validatie", ignore_errors=True)


def build(project: Path, real: bool, warm_validation: bool = False,
          bouwer: str = "mkdocs") -> tuple[float, float | None, float | None]:
    if real and not warm_validation:
        cold_validation(project)
    command = [str(PYTHON)] + (real_command(project, bouwer) if real else baseline_command(project))
    wall, peak, proc = run_measured(command, cwd=project, env=env())
    if proc.returncode != 0:
        raise SystemExit(f"bouw faalde ({proc.returncode}): {' '.join(command)}\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return wall, peak, cpu_seconds(proc)


def best(project: Path, real: bool, repeat: int, warm_validation: bool = False, bouwer: str = "mkdocs") -> dict:
    walls, peaks, cpus = [], [], []
    for _ in range(repeat):
        wall, peak, cpu = build(project, real, warm_validation, bouwer)
        walls.append(wall)
        cpus.append(cpu)
        if peak:
            peaks.append(peak)
    return {"wall_s_best": round(min(walls), 2), "wall_s_all": [round(w, 2) for w in walls], "cpu_s_all": cpus,
            "peak_rss_mb": round(max(peaks), 1) if peaks else None}


_NAV = re.compile(r"<nav\b|</nav>")


def primary_nav_bytes(html: str) -> int:
    """Bytes of Material's primary navigation (`md-nav--primary`, with the navs nested in it)."""
    start = html.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return 0
    depth = 0
    for match in _NAV.finditer(html, start):
        depth += 1 if match[0] == "<nav" else -1
        if depth == 0:
            return len(html[start:match.end()].encode("utf-8"))
    return 0


def sizes(site: Path, ids: list[str]) -> dict:
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    html_total = sum(f.stat().st_size for f in site.rglob("*.html"))
    pages = [site / "praktijken" / i / "index.html" for i in ids]
    found = [p for p in pages if p.exists()]
    page_bytes = [p.stat().st_size for p in found]
    navs = [primary_nav_bytes(p.read_text(encoding="utf-8")) for p in found[:200]]
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    pagefind = site / "pagefind"
    return {
        "files": sum(1 for f in site.rglob("*") if f.is_file()),
        "html_pages": sum(1 for _ in site.rglob("*.html")),
        "total_mb": round(total / 1024 / 1024, 2),
        "html_mb": round(html_total / 1024 / 1024, 2),
        "practice_pages_found": len(page_bytes),
        "practice_page_kb_avg": round(sum(page_bytes) / len(page_bytes) / 1024, 2) if page_bytes else None,
        "practice_page_kb_max": round(max(page_bytes) / 1024, 2) if page_bytes else None,
        "primary_nav_kb_avg": round(sum(navs) / len(navs) / 1024, 2) if navs else None,
        "lunr_search_index_kb": round(len(raw) / 1024, 1),
        "lunr_search_index_gzip_kb": round(len(gzip.compress(raw, 6)) / 1024, 1),
        "pagefind_mb": round(sum(f.stat().st_size for f in pagefind.rglob("*") if f.is_file()) / 1024 / 1024, 2)
        if pagefind.is_dir() else None,
    }


# --- profile -----------------------------------------------------------------------------------

# (label, file suffix, function name); indentation in the label shows what a row is part of.
PROFILE_ROWS = [
    ("validation (load_catalog)", "macros/load/catalog.py", "load_catalog"),
    ("MkDocs build()", "mkdocs/commands/build.py", "build"),
    ("  hook on_files", "macros/site/events.py", "on_files"),
    ("    documents (make_documents: pandoc, 3 formats a template)", "macros/site/steps.py", "make_documents"),
    ("    render context (render_context)", "macros/render/context.py", "render_context"),
    ("    map shapes (project_shapes)", "macros/render/map.py", "project_shapes"),
    ("    generated pages, finished HTML (finished_pages)", "macros/render/pages.py", "finished_pages"),
    ("      practice_page", "macros/render/practice.py", "practice_page"),
    ("      filter pages (_filter_page)", "macros/render/listing.py", "_filter_page"),
    ("      listing_page", "macros/render/listing.py", "listing_page"),
    ("      compare_page", "macros/render/compare.py", "compare_page"),
    ("      side_by_side_page", "macros/render/compare.py", "side_by_side_page"),
    ("      template_page", "macros/render/template_pages.py", "template_page"),
    ("  Markdown to HTML per page (MkDocs _populate_page)", "mkdocs/commands/build.py", "_populate_page"),
    ("    Python-Markdown convert", "markdown/core.py", "convert"),
    ("      md_in_html (its preprocessor, block processor and postprocessor)", "markdown/extensions/md_in_html.py", "run"),
    ("      raw HTML preprocessor (HtmlBlockPreprocessor)", "markdown/preprocessors.py", "run"),
    ("      attr_list", "markdown/extensions/attr_list.py", "run"),
    ("      toc", "markdown/extensions/toc.py", "run"),
    ("    mkdocs-macros on_page_markdown", "mkdocs_macros/plugin.py", "on_page_markdown"),
    ("    hook on_page_markdown (glossary abbreviations)", "macros/site/events.py", "on_page_markdown"),
    ("  theme template per page (MkDocs _build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("    navigation (Material partials/nav.html)", "partials/nav.html", "root"),
    ("    table of contents (partials/toc.html)", "partials/toc.html", "root"),
    ("    header (partials/header.html)", "partials/header.html", "root"),
    ("    search plugin: index each page (Material search, on_page_context)", "material/plugins/search/plugin.py",
     "on_page_context"),
    ("    hook on_page_content (macro HTML back, macros.render.stash)", "macros/site/events.py", "on_page_content"),
    ("    hook on_post_page", "macros/site/events.py", "on_post_page"),
    ("  hook on_post_build", "macros/site/events.py", "on_post_build"),
    ("    open-data export (export_package)", "macros/publish/opendata.py", "export_package"),
    ("    DCAT (write_dcat)", "macros/publish/dcat.py", "write_dcat"),
    ("    web editor (write_editor)", "macros/publish/editor_config.py", "write_editor"),
    ("    compare data (compare_data)", "macros/render/tables.py", "compare_data"),
    ("    search additions (augment_index)", "macros/render/search_terms.py", "augment_index"),
    ("    Pagefind index (write_search_index)", "macros/publish/search_index.py", "write_search_index"),
    ("  search plugin: write the lunr index (Material search, on_post_build)", "material/plugins/search/plugin.py",
     "on_post_build"),
    ("  copy theme and docs files", "mkdocs/structure/files.py", "copy_static_files"),
]


def profile_build(project: Path, real: bool, out: Path) -> dict:
    """One build under cProfile (validation cache removed first); where its seconds go."""
    if real:
        cold_validation(project)
    command = [str(PYTHON), "-m", "cProfile", "-o", str(out)] + (real_command(project) if real else baseline_command(project))
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=project, env=env(), capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"geprofileerde bouw faalde:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    stats = pstats.Stats(str(out)).stats
    pages = sum(calls for (file, _, func), (_, calls, _, _, _) in stats.items()
                if func == "_populate_page" and file.endswith("mkdocs/commands/build.py"))
    rows = []
    for label, suffix, name in PROFILE_ROWS:
        found = [(calls, cum) for (file, _, func), (_, calls, _, cum, _) in stats.items()
                 if func == name and file.replace(os.sep, "/").endswith(suffix)]
        if found:
            calls, cum = sum(c for c, _ in found), sum(t for _, t in found)
            rows.append({"step": label, "s": round(cum, 3), "calls": calls,
                         "ms_per_page": round(1000 * cum / pages, 3) if pages else None})
    by_file: dict[str, float] = {}
    for (file, _, func), (_, _, tottime, _, _) in stats.items():
        where = f"built-in {func}" if file == "~" else _short(file)  # C functions: regex, I/O, waiting for pandoc
        by_file[where] = by_file.get(where, 0.0) + tottime
    top = sorted(by_file.items(), key=lambda kv: -kv[1])[:25]
    return {"wall_s_profiled": round(wall, 2), "total_s": round(sum(v[2] for v in stats.values()), 2), "pages": pages,
            "steps": rows, "self_time_by_file_s": {k: round(v, 3) for k, v in top}}


def _short(file: str) -> str:
    """A source file by the package it belongs to: .../site-packages/markdown/core.py -> markdown/core.py."""
    file = file.replace(os.sep, "/")
    if "site-packages/" in file:
        return file.split("site-packages/", 1)[1]
    if "/macros/" in file:
        return "macros/" + file.rsplit("/macros/", 1)[1]
    return "/".join(file.split("/")[-2:])


def print_profile(label: str, p: dict) -> None:
    print(f"\nwhere the seconds go, {label} (cProfile; {p['total_s']} s profiled, {p['wall_s_profiled']} s wall under "
          f"the profiler; {p['pages']} pages):")
    for row in p["steps"]:
        print(f"  {row['s']:8.2f} s  {row['ms_per_page'] or 0:8.2f} ms/page  {row['calls']:8d} calls  {row['step']}")
    print("  self time by source file (top 15):")
    for file, sec in list(p["self_time_by_file_s"].items())[:15]:
        print(f"  {sec:8.2f} s  {file}")


# --- main --------------------------------------------------------------------------------------

def timed_builds(n: int, code: Path, repeat: int, zensical: bool = False) -> dict:
    s = time.perf_counter()
    project = real_project(n, code)
    baseline, md_s = baseline_project(n, project)
    print(f"\nN={n}: projects ready in {time.perf_counter() - s:.1f} s (baseline Markdown {md_s:.1f} s, not timed); "
          f"load average {load_average()}", flush=True)
    r: dict = {"real": best(project, True, repeat)}
    print(f"  real build (validation cache cold): best {r['real']['wall_s_best']:.2f} s of {r['real']['wall_s_all']}, "
          f"cpu {r['real']['cpu_s_all']} s, peak RSS {r['real']['peak_rss_mb']} MB; load {load_average()}", flush=True)
    r["real_warm_validation"] = best(project, True, 1, warm_validation=True)
    print(f"  real build (validation cache warm): {r['real_warm_validation']['wall_s_best']:.2f} s, "
          f"cpu {r['real_warm_validation']['cpu_s_all']} s; load {load_average()}", flush=True)
    ids = practice_ids(project)
    r["real"]["site"] = sizes(project / "site", ids)  # before the Zensical build replaces the site
    if zensical:
        r["real_zensical"] = best(project, True, repeat, bouwer="zensical")
        r["real_zensical"]["site"] = sizes(project / "site", ids)
        r["ratio_zensical_over_mkdocs"] = round(r["real_zensical"]["wall_s_best"] / r["real"]["wall_s_best"], 2)
        print(f"  real build with Zensical (validation cache cold): best {r['real_zensical']['wall_s_best']:.2f} s of "
              f"{r['real_zensical']['wall_s_all']}, cpu {r['real_zensical']['cpu_s_all']} s, peak RSS "
              f"{r['real_zensical']['peak_rss_mb']} MB; Zensical/MkDocs {r['ratio_zensical_over_mkdocs']:.2f}; practice "
              f"page avg {r['real_zensical']['site']['practice_page_kb_avg']} KB; "
              f"load {load_average()}", flush=True)
    r["baseline"] = best(baseline, False, repeat)
    print(f"  baseline build: best {r['baseline']['wall_s_best']:.2f} s of {r['baseline']['wall_s_all']}, "
          f"cpu {r['baseline']['cpu_s_all']} s, peak RSS {r['baseline']['peak_rss_mb']} MB; load {load_average()}",
          flush=True)
    r["ratio_real_over_baseline"] = round(r["real"]["wall_s_best"] / r["baseline"]["wall_s_best"], 2)
    r["ratio_real_over_baseline_cpu"] = round(min(filter(None, r["real"]["cpu_s_all"])) /
                                              min(filter(None, r["baseline"]["cpu_s_all"])), 2)
    r["baseline"]["site"] = sizes(baseline / "site", ids)
    r["load_after"] = load_average()
    rs, bs = r["real"]["site"], r["baseline"]["site"]
    print(f"  ratio real/baseline: wall {r['ratio_real_over_baseline']:.2f}, cpu {r['ratio_real_over_baseline_cpu']:.2f} "
          f"(target <= {TARGET_RATIO})")
    print(f"  real site: {rs['total_mb']} MB in {rs['files']} files ({rs['html_pages']} HTML pages), practice page avg "
          f"{rs['practice_page_kb_avg']} KB (max {rs['practice_page_kb_max']}), of which primary nav "
          f"{rs['primary_nav_kb_avg']} KB; Pagefind {rs['pagefind_mb']} MB, lunr index {rs['lunr_search_index_kb']} KB")
    print(f"  baseline site: {bs['total_mb']} MB, practice page avg {bs['practice_page_kb_avg']} KB, primary nav "
          f"{bs['primary_nav_kb_avg']} KB, lunr index {bs['lunr_search_index_kb']} KB")
    return r


def alternating(n: int, code: Path, other: Path, rounds: int) -> dict:
    """This code, the other code and the stock baseline built in turn, `rounds` times (validation
    cache removed before each real build): on a machine whose speed drifts by 15 % between
    minutes, the fairest comparison of two versions and of each with the baseline."""
    projects = {"this": real_project(n, code), "other": real_project(n, other, "project-other")}
    baseline, _ = baseline_project(n, projects["this"])
    print(f"\nN={n}, {rounds} rounds of: this code ({commit(code)}), other code ({commit(other)}), baseline; "
          f"load average {load_average()}", flush=True)
    walls: dict = {"this": [], "other": [], "baseline": []}
    for k in range(rounds):
        order = ["this", "other", "baseline"][k % 3:] + ["this", "other", "baseline"][:k % 3]
        for which in order:
            wall, _, _ = build(baseline, False) if which == "baseline" else build(projects[which], True)
            walls[which].append(round(wall, 2))
        print(f"  round {k + 1}: " + ", ".join(f"{w} {walls[w][-1]:.2f} s" for w in ("this", "other", "baseline"))
              + f"; load {load_average()}", flush=True)
    r = {"n": n, "this": commit(code), "other": commit(other), "wall_s": walls,
         "median_s": {w: round(statistics.median(v), 2) for w, v in walls.items()},
         "ratio_per_round": {w: [round(a / b, 2) for a, b in zip(walls[w], walls["baseline"])] for w in ("this", "other")}}
    r["ratio_median"] = {w: round(statistics.median(v), 2) for w, v in r["ratio_per_round"].items()}
    print(f"  median: this {r['median_s']['this']:.2f} s, other {r['median_s']['other']:.2f} s, baseline "
          f"{r['median_s']['baseline']:.2f} s; ratio to the baseline (median of the rounds): this "
          f"{r['ratio_median']['this']:.2f}, other {r['ratio_median']['other']:.2f} (target <= {TARGET_RATIO})")
    return r


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--code", type=Path, default=PROJECT, help="the checkout to measure (default: this one)")
    p.add_argument("--no-profile", action="store_true")
    p.add_argument("--only-profile", action="store_true", help="no timed builds, only the profiles")
    p.add_argument("--profile-n", type=int, default=1000)
    p.add_argument("--no-save", action="store_true")
    p.add_argument("--zensical", action="store_true", help="also time `build --bouwer zensical` at every N")
    p.add_argument("--key", default="site", help="where in bench/results.json (default: site)")
    p.add_argument("--ab", type=Path, help="another checkout: build it, this code and the baseline in turn")
    p.add_argument("--rounds", type=int, default=4, help="with --ab: how many turns (default 4)")
    args = p.parse_args(argv)
    code = args.code.resolve()
    if args.ab:
        result = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
                  "load_before": load_average(), **alternating(args.sizes[0], code, args.ab.resolve(), args.rounds),
                  "load_after": load_average()}
        if not args.no_save:
            merge_results(args.key, result)
        return 0

    results = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
               "commit": commit(code), "code": str(code),
               "targets": {"real_over_baseline": TARGET_RATIO, "real_2000_over_1000": TARGET_SCALING,
                           "practice_page_kb": TARGET_PAGE_KB},
               "load_before": load_average(), "sizes": {}}
    print(f"machine: {results['machine']}\nmeasuring {code} at {results['commit']}")
    for n in ([] if args.only_profile else args.sizes):
        results["sizes"][str(n)] = timed_builds(n, code, args.repeat, args.zensical)
    if "1000" in results["sizes"] and "2000" in results["sizes"]:
        a, b = results["sizes"]["1000"], results["sizes"]["2000"]
        results["scaling_real_2000_over_1000"] = round(b["real"]["wall_s_best"] / a["real"]["wall_s_best"], 2)
        results["scaling_baseline_2000_over_1000"] = round(b["baseline"]["wall_s_best"] / a["baseline"]["wall_s_best"], 2)
        print(f"\nscaling N=2000/N=1000: real {results['scaling_real_2000_over_1000']:.2f} (target <= {TARGET_SCALING}), "
              f"baseline {results['scaling_baseline_2000_over_1000']:.2f}")
    results["verdict"] = {
        "ratio_met": {k: r["ratio_real_over_baseline"] <= TARGET_RATIO for k, r in results["sizes"].items()},
        "page_kb_met": {k: (r["real"]["site"]["practice_page_kb_avg"] or 0) <= TARGET_PAGE_KB
                        for k, r in results["sizes"].items()},
        "scaling_met": results.get("scaling_real_2000_over_1000", 0) <= TARGET_SCALING
        if "scaling_real_2000_over_1000" in results else None}

    if not args.no_profile:
        n = args.profile_n
        project = BENCH / "out" / f"site-{n}" / "project"
        if str(n) not in results["sizes"]:
            project = real_project(n, code)
        baseline = BENCH / "out" / f"baseline-{n}"
        if not (baseline / "docs" / "praktijken").is_dir() or str(n) not in results["sizes"]:
            baseline, _ = baseline_project(n, project)
        results["profile"] = {"n": n}
        for label, folder, real in (("real", project, True), ("baseline", baseline, False)):
            print(f"\nprofiling the {label} build, N={n} (load average {load_average()}) ...", flush=True)
            prof = profile_build(folder, real, BENCH / "out" / f"site-profile-{label}-{n}.prof")
            prof["load_after"] = load_average()
            results["profile"][label] = prof
            print_profile(f"{label} build, N={n}", prof)
    results["load_after"] = load_average()
    print(f"\nload average before {results['load_before']}, after {results['load_after']}")
    if not args.no_save:
        merge_results(args.key, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
