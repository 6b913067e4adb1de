"""Site search at scale: bytes for a first query and recall@5, Pagefind (ours) beside stock Material.

    .venv/bin/python bench/search_bench.py                    # bundled site, N = 100, 1,000, 2,000
    .venv/bin/python bench/search_bench.py --sizes 0 100      # quicker (0 = the bundled practices)

For every N a temp project (bench/out/search-N: copies of mkdocs.yml, docs/ and overrides/,
a symlink to macros/, `bench/generate.py`'s N practices, or the bundled ones for N = 0) is
built once with `python -m macros.cli build`, with Material's stock search plugin
(`search: lang: nl`) added to its mkdocs.yml: one build gives both engines over the same
pages. Pagefind is written by the project's own post-build step; Material's lunr index is
stock, without the project's additions (`search: exclude` pages left out, as Material does).

Bytes, in Chromium (Debian's), with a cold cache, from a plain `http.server` (no
compression): everything the server sends from the moment the page has loaded until the
first results are on screen. Pagefind: a reader presses "/" and types the query in the
header box; counted are the Modular UI, pagefind.js, its worker and WebAssembly, the index
chunks, filters and the fragments of the ten results shown. Material: what its search
fetches for a first query (search_index.json, the lunr worker and the language files it
loads), driven through Material's own worker. "gzip" is the same responses as a host that
compresses text would send them (gzip -6 of each body, if smaller).

Recall@5 on a Dutch query set made from each site's data: every gemeente and RMC region a
practice names (up to 25 and 15, spread over the list), and 20 domain words in plural,
singular or as a compound tail (`verzuim` must find `schoolverzuim`). Relevant pages are the
indexed pages whose own text (no comparison tables or practice lists quoted from other pages,
no forms, no search additions) has the place name, or a word of the query's family; for a
place only practice pages count. recall@5 = |relevant among the first five| / min(5, |relevant|),
averaged per group and over all queries. Pagefind's first five are those the header search box
shows (the query filled in, as a reader types it); Material's come from its worker, grouped by page
as its result list shows them.

Results go to bench/search_bench.json.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(PROJECT / "tests"))

import lxml.html  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from generate import generate  # noqa: E402
from test_search import search as ui_search  # noqa: E402

from macros.load.catalog import load_catalog  # noqa: E402
from macros.publish.search_index import indexed_pages  # noqa: E402
from macros.render.search_terms import MARK_CLOSE, MARK_OPEN  # noqa: E402

TARGET_KB, TARGET_RECALL, TARGET_N = 250, 0.95, 1000
BYTE_QUERIES = ("verzuim", "Enschede", "thuiszitters")
ADDED = re.compile(rf"{MARK_OPEN}[^{MARK_CLOSE}]*{MARK_CLOSE}")

# query -> regex for a word of the query's family in a page's own text (as in the earlier lunr bench)
WORDS = {
    "verzuim": r"\w*verzuim\w*",
    "thuiszitters": r"thuiszitter",   # also the head of thuiszittersoverleg
    "thuiszitter": r"thuiszitter",
    "leerplichtambtenaren": r"leerplichtambtena(ar|ren)\b",
    "leerplichtambtenaar": r"leerplichtambtena(ar|ren)\b",
    "ambtenaar": r"\w*ambtena(ar|ren)\b",
    "samenwerkingsverbanden": r"samenwerkingsverband(en)?\b",
    "gemeenten": r"\bgemeente(n)?\b",
    "plekken": r"\w*plek(ken)?\b",
    "afspraken": r"\w*afspra(ak|ken)\b",
    "overleg": r"\w*overleg\w*",
    "regie": r"\w*regie\b",
    "scholen": r"\b(school|scholen)\b",
    "vrijstellingen": r"\bvrijstelling(en)?\b",
    "ziekmeldingen": r"\bziekmelding(en)?\b",
    "melding": r"\w*melding(en)?\b",
    "fonds": r"\w*fonds(en)?\b",
    "jeugdartsen": r"\bjeugdarts(en)?\b",
    "besturen": r"\w*(bestuur|besturen)\b",
    "leerlingen": r"\bleerling(en)?\b",
}

STOCK_SEARCH = "plugins:\n  - search:\n      lang: nl\n"

# The header search box as a reader uses it (docs/assets/zoeken.js: exact matches first, then Pagefind's others).
UI_DONE = """(q) => {
  const status = document.getElementById("kb-zoekstatus").textContent;
  if (!status.includes("\u201c" + q + "\u201d") || status.startsWith("Zoeken naar")) return false;
  const n = Number((status.match(/^(\\d+)/) || [0, 0])[1]);
  return document.querySelectorAll("#kb-zoekresultaten li").length >= Math.min(n, 5);
}"""
UI_TOP = "() => [...document.querySelectorAll('#kb-zoekresultaten a')].slice(0, 5).map(a => new URL(a.href).pathname)"


def pagefind_top(page, query: str) -> list[str]:
    page.fill("#kb-zoekveld", query)
    page.wait_for_function(UI_DONE, arg=query)
    return page.evaluate(UI_TOP)


# Material's own lunr worker (the one its search UI uses): set up once, then one message per query.
LUNR_SETUP = """async () => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base + "/", location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, base));
  window.__lunr = worker;
  await new Promise(resolve => {
    worker.onmessage = (e) => { if (e.data.type === 1) resolve(); };
    worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});
  });
}"""
LUNR_TOP = """async (query) => {
  const worker = window.__lunr;
  const data = await new Promise(resolve => {
    worker.onmessage = (e) => { if (e.data.type === 3) resolve(e.data.data); };
    worker.postMessage({type: 2, data: query});
  });
  const pages = [];
  for (const group of data.items) {
    const url = "/" + group[0].location.split("#")[0];
    if (!pages.includes(url)) pages.push(url);
  }
  return pages.slice(0, 5);
}"""


def env() -> dict:
    e = dict(os.environ)
    e["NO_MKDOCS_2_WARNING"] = "1"
    e.pop("PYTHONPATH", None)
    return e


# --- the site ------------------------------------------------------------------------------------

def project(n: int) -> Path:
    base = BENCH / "out" / f"search-{n}"
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nplugins:\n" in config, "mkdocs.yml has no plugins list"
    (base / "mkdocs.yml").write_text(config.replace("\nplugins:\n", "\n" + STOCK_SEARCH, 1), encoding="utf-8")
    for folder in ("docs", "overrides"):
        shutil.copytree(PROJECT / folder, base / folder)
    (base / "macros").symlink_to(PROJECT / "macros", target_is_directory=True)
    if n:
        generate(n, base / "practices")
    else:
        shutil.copytree(PROJECT / "practices", base / "practices")
    return base


def build(base: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "macros.cli", "build", "--config", str(base / "mkdocs.yml"),
                           "--site", str(base / "site")], cwd=base, env=env(), capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bouw faalde ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return time.perf_counter() - start


def serve(folder: Path) -> tuple[socketserver.TCPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --- bytes -----------------------------------------------------------------------------------------

def _sent(urls: list[str], site: Path) -> dict:
    """What a static server sends for these URLs: the files as they are (Chromium's copy of a large
    response body is not kept, so sizes come from the site on disk)."""
    raw = packed = 0
    files = []
    for url in urls:
        path = site / unquote(urlsplit(url).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            continue
        body = path.read_bytes()
        raw += len(body)
        packed += min(len(body), len(gzip.compress(body, 6)))
        files.append((str(path.relative_to(site)), len(body)))
    return {"kb": round(raw / 1024, 1), "gzip_kb": round(packed / 1024, 1), "requests": len(files),
            "files": sorted(files, key=lambda f: -f[1])[:12]}


def first_query_bytes(browser, url: str, site: Path, query: str, engine: str) -> dict:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    responses = []
    context.on("requestfinished", lambda request: responses.append(request.url))
    if engine == "pagefind":
        ui_search(page, query)
    else:
        page.evaluate(LUNR_SETUP)
        page.evaluate(LUNR_TOP, query)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    result = _sent(responses, site)
    context.close()
    return result


# --- recall ----------------------------------------------------------------------------------------

def own_text(html: str) -> str:
    doc = lxml.html.document_fromstring(html)
    for el in doc.xpath("//*[@data-pagefind-ignore] | //form"):
        el.drop_tree()
    return " ".join(ADDED.sub(" ", doc.text_content()).split())


def spread(items: list, count: int) -> list:
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def query_set(catalog, texts: dict[str, str]) -> list[tuple[str, str, set]]:
    practices = {u: t for u, t in texts.items() if u.startswith("/praktijken/")}

    def naming(name: str) -> set:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        return {u for u, t in practices.items() if pattern.search(t)}
    codes = sorted({c for r in catalog.practices for c in r.get("gemeenten") if c in catalog.gemeenten})
    rmc = sorted({r.get("rmc_regio") for r in catalog.practices if r.get("rmc_regio") in catalog.rmc_regios})
    out = [("gemeente", catalog.gemeenten[c].naam, naming(catalog.gemeenten[c].naam)) for c in spread(codes, 25)]
    out += [("regio", catalog.rmc_regios[c].label, naming(catalog.rmc_regios[c].label)) for c in spread(rmc, 15)]
    lower = {u: t.lower() for u, t in texts.items()}
    out += [("woord", q, {u for u, t in lower.items() if re.search(p, t)}) for q, p in WORDS.items()]
    return [q for q in out if q[2]]


def recall(browser, url: str, queries: list) -> dict:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(url)
    page.evaluate(LUNR_SETUP)
    rows = []
    for group, query, relevant in queries:
        row = {"group": group, "query": query, "relevant": len(relevant)}
        for engine, top in (("pagefind", pagefind_top(page, query)), ("material", page.evaluate(LUNR_TOP, query))):
            row[engine] = round(len(relevant & set(top)) / min(5, len(relevant)), 3)
            row[engine + "_top"] = top
        rows.append(row)
    context.close()
    summary = {}
    for group in ("gemeente", "regio", "woord", "alle"):
        chosen = [r for r in rows if group == "alle" or r["group"] == group]
        if chosen:
            summary[group] = {e: round(statistics.mean(r[e] for r in chosen), 3) for e in ("pagefind", "material")}
            summary[group]["queries"] = len(chosen)
    return {"summary": summary, "queries": rows}


# --- main --------------------------------------------------------------------------------------

def measure(browser, n: int) -> dict:
    base = project(n)
    seconds = build(base)
    site = base / "site"
    catalog = load_catalog(base / "practices")
    pages = indexed_pages(site, catalog)
    texts = {p.url: own_text(p.html) for p in pages}
    server, url = serve(site)
    try:
        start = url + f"praktijken/{catalog.practices[0].id}/"
        bytes_ = {e: {q: first_query_bytes(browser, start, site, q, e) for q in BYTE_QUERIES} for e in ("pagefind", "material")}
        result = {"n": len(catalog.practices), "build_s": round(seconds, 1), "indexed_pages": len(pages),
                  "pagefind_bundle_kb": round(sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1024),
                  "lunr_index_kb": round((site / "search" / "search_index.json").stat().st_size / 1024),
                  "first_query": bytes_, "recall": recall(browser, url, query_set(catalog, texts))}
    finally:
        server.shutdown()
    return result


def report(results: list[dict]) -> None:
    print(f"\n{'N':>6} {'Pagefind KB (gzip)':>22} {'Material KB (gzip)':>22} {'recall@5 Pagefind':>18} {'Material':>9}")
    for r in results:
        pf = r["first_query"]["pagefind"].values()
        mt = r["first_query"]["material"].values()
        rc = r["recall"]["summary"]["alle"]
        print(f"{r['n']:>6} {max(x['kb'] for x in pf):>12} ({max(x['gzip_kb'] for x in pf):>6})"
              f" {max(x['kb'] for x in mt):>13} ({max(x['gzip_kb'] for x in mt):>6})"
              f" {rc['pagefind']:>17.1%} {rc['material']:>9.1%}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[0, 100, 1000, 2000], help="0 = de meegeleverde praktijken")
    args = p.parse_args(argv)
    from playwright.sync_api import sync_playwright
    load_before = [round(x, 2) for x in os.getloadavg()]
    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes:
            print(f"N = {n or 'meegeleverd'} ...", file=sys.stderr, flush=True)
            results.append(measure(browser, n))
            report(results[-1:])
        browser.close()
    report(results)
    out = {"date": datetime.now(timezone.utc).isoformat(timespec="minutes"), "cores": os.cpu_count(),
           "load_before": load_before, "load_after": [round(x, 2) for x in os.getloadavg()],
           "targets": {"first_query_kb_at_1000": TARGET_KB, "recall_at_5": TARGET_RECALL}, "sites": results}
    (BENCH / "search_bench.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
