"""Search recall on a Dutch query set: stock Material search vs. our index-time additions.

For each query, the relevant sections are those whose own text contains a word of
the query's family (plural, singular or compound tail). The script builds the real
site, runs Material's own search worker in Chromium on the index as built
(with additions) and on the same index with the additions stripped (stock), and
prints recall per query and overall.

    .venv/bin/python bench/search_recall.py
"""

from __future__ import annotations

import copy
import functools
import http.server
import json
import re
import socketserver
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from test_browser import ENGINE  # noqa: E402

from macros.render.search_terms import _TAG  # noqa: E402

# query -> regex for a relevant word in the section's own text
QUERIES = {
    "verzuim": r"\w*verzuim\w*",
    "thuiszitters": r"thuiszitters?\b",
    "thuiszitter": r"thuiszitters?\b",
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


def own_text(doc: dict) -> str:
    text = re.sub(r'<span class="kb-zoekwoorden">.*?</span>', "", doc["text"])
    return (doc["title"] + " " + _TAG.sub(" ", text)).lower()


def relevant(index: dict, pattern: str) -> set[str]:
    return {d["location"] for d in index["docs"] if re.search(pattern, own_text(d))}


def stripped(index: dict) -> dict:
    stock = copy.deepcopy(index)
    for doc in stock["docs"]:
        doc["text"] = re.sub(r'<span class="kb-zoekwoorden">.*?</span>', "", doc["text"])
    return stock


def serve(folder: Path) -> tuple[socketserver.TCPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    from playwright.sync_api import sync_playwright
    work = Path(tempfile.mkdtemp(prefix="recall-"))
    site = work / "site"
    subprocess.run([sys.executable, "-m", "macros.cli", "build", "--site", str(site)], cwd=ROOT, check=True,
                   capture_output=True)
    index_path = site / "search" / "search_index.json"
    ours = json.loads(index_path.read_text(encoding="utf-8"))
    results = {}
    server, url = serve(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, index in (("stock", stripped(ours)), ("kennisbank", ours)):
            index_path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
            page = browser.new_page()
            page.goto(url)
            for query, pattern in QUERIES.items():
                want = relevant(ours, pattern)
                found = {loc for loc in page.evaluate(ENGINE, query)}
                results.setdefault(query, {})[name] = (len(want & found), len(want))
            page.close()
        browser.close()
    server.shutdown()
    print(f"{'zoekopdracht':24} {'stock':>14} {'kennisbank':>14}")
    totals = {"stock": [0, 0], "kennisbank": [0, 0]}
    for query, row in results.items():
        cells = []
        for name in ("stock", "kennisbank"):
            hit, want = row[name]
            totals[name][0] += hit
            totals[name][1] += want
            cells.append(f"{hit}/{want} ({hit / want:.0%})" if want else "-")
        print(f"{query:24} {cells[0]:>14} {cells[1]:>14}")
    summary = {name: round(hit / want, 3) for name, (hit, want) in totals.items()}
    print(f"{'recall (micro)':24} {summary['stock']:>14.1%} {summary['kennisbank']:>14.1%}")
    out = ROOT / "bench" / "search_recall.json"
    out.write_text(json.dumps({"queries": results, "recall": summary}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
