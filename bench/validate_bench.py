"""Benchmark `kennisbank validate` on synthetic practices folders, without and with the validation cache.

    python bench/validate_bench.py                 # N = 1,000 and 10,000
    python bench/validate_bench.py --sizes 1000    # only N = 1,000
    python bench/validate_bench.py --profile       # also a cProfile top list (cold and warm) at the largest N

For every N, in one run, each as a subprocess `python -m macros.cli validate <folder>` (best of
--repeat, with its peak memory from `/usr/bin/time -v` "Maximum resident set size", else
getrusage(RUSAGE_CHILDREN)):

  uncached   `--zonder-cache`: every file read and checked, Frictionless over every table (the baseline);
  cold       the cache folder removed first: the same work, and the cache written;
  warm       nothing changed since the last run;
  warm-1     one record changed (a comment line appended, a different one each run).

For the largest N also an in-process breakdown by stage of the uncached run (the project's own
internal functions, called in the order of `load_catalog`) and of a cold and a warm-1 cached run.
Targets (issue 14): 10,000 records within 3 s from a warm cache after one file changed, within
10 s cold, memory within 500 MB.

Results are merged into bench/results.json under "validate".
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402

PYTHON = Path(sys.executable)  # the interpreter this runs with; `-m macros.cli` from PROJECT is this checkout's code
TARGET_WARM_SECONDS, TARGET_COLD_SECONDS, TARGET_MB = 3.0, 10.0, 500.0
CACHE = "validatie"
TIME_BIN = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
        mem = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration):
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "memory": mem, "python": platform.python_version(),
            "os": platform.platform()}


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_measured(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, float | None, subprocess.CompletedProcess]:
    """(wall seconds, peak RSS in MB, completed process) for one run of `cmd`."""
    if TIME_BIN:
        full = [TIME_BIN, "-v"] + cmd
    else:
        full = cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(full, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = None
    if TIME_BIN:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        peak = int(m[1]) / 1024 if m else None
    if peak is None:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        # ru_maxrss of children is the max over all children so far: only meaningful if it grew
        peak = after / 1024 if after > before else None
    return wall, peak, proc


def cpu_seconds(proc: subprocess.CompletedProcess) -> float | None:
    """User + system CPU seconds of the child, from /usr/bin/time -v (less sensitive to other load than wall time)."""
    user = re.search(r"User time \(seconds\): ([\d.]+)", proc.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", proc.stderr)
    return round(float(user[1]) + float(system[1]), 2) if user and system else None


def cache_folder(folder: Path) -> Path:
    return folder.resolve().parent / ".cache" / CACHE


def one_change(folder: Path, n: int):
    """Append a comment line to the n-th record (a different file each run); returns the undo."""
    files = sorted((folder / "praktijken").glob("*.yaml"))
    path = files[(n * 7919) % len(files)]
    original = path.read_bytes()
    path.write_bytes(original + f"# bench-wijziging {n}\n".encode())
    return lambda: path.write_bytes(original)


def time_cli(folder: Path, repeat: int, mode: str) -> dict:
    """`mode`: uncached, cold, warm or warm-1 (see the module docstring)."""
    walls, peaks, cpus, undo = [], [], [], []
    command = [str(PYTHON), "-m", "macros.cli", "validate", str(folder)] + (["--zonder-cache"] if mode == "uncached" else [])
    if mode.startswith("warm"):  # make sure the cache holds the current state
        subprocess.run(command, cwd=PROJECT, capture_output=True)
    for i in range(repeat):
        if mode == "cold":
            shutil.rmtree(cache_folder(folder), ignore_errors=True)
        if mode == "warm-1":
            undo.append(one_change(folder, i))
        wall, peak, proc = run_measured(command, cwd=PROJECT)
        if proc.returncode != 0:
            raise SystemExit(f"kennisbank validate {folder} faalde ({proc.returncode}):\n{proc.stdout}\n{proc.stderr[-3000:]}")
        walls.append(wall)
        cpus.append(cpu_seconds(proc))
        if peak:
            peaks.append(peak)
    for restore in reversed(undo):
        restore()
    return {"wall_s_best": round(min(walls), 3), "wall_s_all": [round(w, 3) for w in walls],
            "cpu_s_all": cpus, "peak_rss_mb": round(max(peaks), 1) if peaks else None,
            "peak_rss_source": "/usr/bin/time -v" if TIME_BIN else "getrusage(RUSAGE_CHILDREN)"}


def time_startup(repeat: int = 3) -> float:
    """Interpreter start plus the imports `validate` needs, without any data."""
    code = ("import macros.cli.main, macros.load.catalog, macros.checks.records, macros.checks.package, frictionless, "
            "jsonschema, fastjsonschema, yaml")
    best = min(run_measured([str(PYTHON), "-c", code], cwd=PROJECT)[0] for _ in range(repeat))
    return round(best, 3)


def breakdown(root: Path) -> dict:
    """Seconds per stage, in-process, following `load_catalog` step by step."""
    from macros.load import catalog as cat
    from macros.model.catalog import Record, freeze
    from macros.load.catalog import _Loader
    from macros.checks.cross_record import cross_checks
    from macros.checks.package_files import record_files
    from macros.model.problems import shown as shown_path
    from macros.load.yaml_source import load_yaml
    from macros.checks.package import Tables, compile_tables, validate_tables
    from macros.checks.records import check_rules, check_shape, compile_validators

    t: dict[str, float] = {}
    clock = time.perf_counter

    def add(key: str, seconds: float) -> None:
        t[key] = t.get(key, 0.0) + seconds

    gc.collect()
    total_start = clock()
    s = clock()
    today = date.today()
    run = _Loader(root, today, None)
    schema = run.schemas["praktijk"]
    validators = compile_validators(schema)
    files = record_files(root, "praktijken")[0]
    add("setup: codelists, reference CSVs, schema, validators, file list", clock() - s)

    practices, problems = [], []
    for path in files:
        s = clock()
        shown = shown_path(path)
        add("paths: shown() per file (resolve, relative_to cwd)", clock() - s)
        s = clock()
        source, probs = load_yaml(path, shown)
        add("YAML loading (load_yaml: read, C parser, build with line map)", clock() - s)
        problems += probs
        if source is None:
            continue
        s = clock()
        problems += check_shape(source, validators)
        add("JSON Schema checks (check_shape)", clock() - s)
        s = clock()
        problems += check_rules(source, schema, today, root / "bijlagen")
        add("rule checks (check_rules)", clock() - s)
        s = clock()
        practices.append((source, run._normalise(source.data, schema), ""))
        add("normalise codes (_normalise, deepcopy)", clock() - s)

    s = clock()
    templates = run.load("sjabloon")
    add("templates (5 sjablonen: all stages)", clock() - s)

    s = clock()
    tables = Tables()
    compile_tables([(a, d) for a, d, _ in practices if isinstance(d, dict)], run.schemas["praktijk"], "praktijk", tables)
    compile_tables([(a, d) for a, d, _ in templates if isinstance(d, dict)], run.schemas["sjabloon"], "sjabloon", tables)
    lookups = {**{n: [c.code for c in codes] for n, codes in run.codelists.items()},
               "rmc-regios": [r["code"] for r in run.rmc_rows], "gemeenten": run.index,
               "praktijken": [d.get("id") for _, d, _ in practices if isinstance(d, dict)],
               "sjablonen": [d.get("id") for _, d, _ in templates if isinstance(d, dict)]}
    add("compile tables (compile_tables)", clock() - s)

    s = clock()
    import frictionless  # noqa: F401  (validate_tables imports it lazily; counted apart)
    add("import frictionless (lazy, on first use)", clock() - s)

    s = clock()
    problems += validate_tables(root, run.descriptor, tables, lookups)
    add("Frictionless validation (validate_tables)", clock() - s)

    s = clock()
    problems += cross_checks(practices, run.lock, run.swv)
    add("cross checks (_cross_checks)", clock() - s)

    s = clock()
    result = cat._catalog(run, tuple(Record(a.path, freeze(d)) for a, d, _ in practices),
                          tuple(Record(a.path, freeze(d), body) for a, d, body in templates), tables)
    add("freeze and build Catalog", clock() - s)
    total = clock() - total_start

    if problems:
        raise SystemExit(f"breakdown: {len(problems)} problemen, eerste: {problems[0]}")
    rows = {name: len(v) for name, v in tables.rows.items()}
    return {"stages_s": {k: round(v, 3) for k, v in t.items()}, "total_in_process_s": round(total, 3),
            "records": len(result.practices), "table_rows": rows}


def cached_breakdown(root: Path, change: bool) -> dict:
    """Seconds per stage of one cached run in this process: cold (`change` False, cache removed
    first) or warm after one changed file (`change` True)."""
    import macros.store.cache as cache
    import macros.load.catalog as cat
    import macros.store.incremental as inc

    timings: dict[str, float] = {}

    def timed(owner, name: str, label: str):
        real = getattr(owner, name)

        @functools.wraps(real)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                timings[label] = timings.get(label, 0.0) + time.perf_counter() - start
        setattr(owner, name, wrapper)
        return real

    patches = [(cat._Loader, "__init__", "setup: package descriptor, schemas, codelists, reference tables, lock"),
               (cat._Loader, "load_entries", "per-file stage: list, hash, look up; read and check what changed"),
               (cat, "find_entries", "  of which: hash the files, look up their summaries"),
               (cat, "context_key", "context key (schemas, codelists, lock, code)"),
               (cache.ValidationCache, "__init__", "read the cache (records.json)"),
               (inc.PackageRun, "fresh_rows", "compile the changed records, Frictionless over their rows"),
               (inc, "check_rows", "  of which: Frictionless (check_rows)"),
               (inc.PackageRun, "summarise", "summaries of the changed records"),
               (inc.PackageRun, "across", "keys and links across all records (Python)"),
               (cache.ValidationCache, "save", "write the cache")]
    if change:
        subprocess.run([str(PYTHON), "-m", "macros.cli", "validate", str(root)], cwd=PROJECT, capture_output=True)
        undo = one_change(root, 99)
    else:
        shutil.rmtree(cache_folder(root), ignore_errors=True)
        undo = None
    originals = [(owner, name, timed(owner, name, label)) for owner, name, label in patches]
    gc.collect()
    start = time.perf_counter()
    try:
        cat.check_package(root, cache=True)
    finally:
        total = time.perf_counter() - start
        for owner, name, real in originals:
            setattr(owner, name, real)
        if undo:
            undo()
    return {"stages_s": {label: round(timings[label], 3) for _, _, label in patches if label in timings},
            "total_in_process_s": round(total, 3)}


def profile(root: Path, top: int = 30, warm: bool = False) -> str:
    import cProfile
    import io
    import pstats
    from macros.load.catalog import check_package
    if warm:
        check_package(root, cache=True)
        undo = one_change(root, 98)
    else:
        shutil.rmtree(cache_folder(root), ignore_errors=True)
        undo = None
    prof = cProfile.Profile()
    prof.enable()
    check_package(root, cache=True)
    prof.disable()
    if undo:
        undo()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumtime").print_stats(top)
    return out.getvalue()


def merge_results(key: str, value: dict) -> None:
    path = BENCH / "results.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key] = value
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


MODES = ("uncached", "cold", "warm", "warm-1")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--profile", action="store_true", help="cProfile top lists (cold, warm-1) at the largest N")
    p.add_argument("--no-breakdown", action="store_true", help="skip the in-process breakdowns")
    p.add_argument("--no-save", action="store_true", help="do not write bench/results.json")
    args = p.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    results = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
               "target": {"records": 10000, "warm_1_wall_s": TARGET_WARM_SECONDS, "cold_wall_s": TARGET_COLD_SECONDS,
                          "peak_rss_mb": TARGET_MB},
               "load_before": load_average(), "sizes": {}}
    from site_bench import commit
    results["commit"] = commit()
    print(f"machine: {results['machine']}, commit {results['commit']}")
    print(f"peak memory via: {'/usr/bin/time -v' if TIME_BIN else 'getrusage(RUSAGE_CHILDREN)'}")
    results["startup_s"] = time_startup()
    print(f"interpreter start + imports (no data): {results['startup_s']:.2f} s")

    for n in args.sizes:
        folder = BENCH / "out" / f"practices-{n}"
        s = time.perf_counter()
        generate(n, folder)
        shutil.rmtree(cache_folder(folder), ignore_errors=True)
        print(f"\nN={n}: generated in {time.perf_counter() - s:.1f} s", flush=True)
        results["sizes"][str(n)] = {}
        for mode in MODES:
            r = time_cli(folder, args.repeat, mode)
            r["load_after"] = load_average()
            results["sizes"][str(n)][mode] = r
            print(f"  {mode:9s} best {r['wall_s_best']:6.2f} s of {r['wall_s_all']}, cpu {r['cpu_s_all']} s, "
                  f"peak RSS {r['peak_rss_mb']} MB; load average {r['load_after']}", flush=True)

    largest = max(args.sizes)
    folder = BENCH / "out" / f"practices-{largest}"
    if not args.no_breakdown:
        print(f"\nbreakdown by stage, N={largest}, in-process (time.perf_counter), uncached:")
        b = breakdown(folder)
        b["n"] = largest
        results["breakdown"] = b
        total = b["total_in_process_s"]
        for stage, sec in sorted(b["stages_s"].items(), key=lambda kv: -kv[1]):
            print(f"  {sec:8.2f} s  {100 * sec / total:5.1f} %  {stage}")
        print(f"  {total:8.2f} s  total (stages)")
        print(f"  compiled table rows: {b['table_rows']}")
        for label, change in (("cold", False), ("warm-1", True)):
            c = cached_breakdown(folder, change)
            results[f"breakdown_{label}"] = c
            print(f"\nbreakdown by stage, N={largest}, in-process, cached run {label}:")
            for stage, sec in c["stages_s"].items():
                print(f"  {sec:8.2f} s  {stage}")
            print(f"  {c['total_in_process_s']:8.2f} s  total in-process (without interpreter start and imports)")

    if args.profile:
        for label, warm in (("cold", False), ("warm-1", True)):
            text = profile(folder, warm=warm)
            (BENCH / "out" / f"validate-profile-{largest}-{label}.txt").write_text(text, encoding="utf-8")
            print(f"\ncProfile (cumtime), N={largest}, {label}:\n" + "\n".join(text.splitlines()[:50]))

    key = "10000" if "10000" in results["sizes"] else str(largest)
    big = results["sizes"][key]
    results["verdict"] = {
        "n": int(key),
        "warm_1_wall_s_met": big["warm-1"]["wall_s_best"] <= TARGET_WARM_SECONDS,
        "cold_wall_s_met": big["cold"]["wall_s_best"] <= TARGET_COLD_SECONDS,
        "peak_rss_mb_met": {mode: (big[mode]["peak_rss_mb"] or 0) <= TARGET_MB for mode in MODES},
    }
    results["load_after"] = load_average()
    print(f"\nN={key}: warm-1 {big['warm-1']['wall_s_best']:.2f} s (target <= {TARGET_WARM_SECONDS} s), "
          f"cold {big['cold']['wall_s_best']:.2f} s (target <= {TARGET_COLD_SECONDS} s), uncached "
          f"{big['uncached']['wall_s_best']:.2f} s; peak RSS " +
          ", ".join(f"{m} {big[m]['peak_rss_mb']} MB" for m in MODES) + f" (target <= {TARGET_MB:.0f} MB)")
    print(f"verdict: {results['verdict']}")
    print(f"load average before {results['load_before']}, after {results['load_after']}")
    if not args.no_save:
        merge_results("validate", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
