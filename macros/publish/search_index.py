"""Pagefind as the site search: the index is written after every build (`kennisbank build`, `serve`).

Which pages: those whose article content carries `data-pagefind-body`. `overrides/main.html`
puts it on every page without `search: exclude` in its front matter, so the aggregate pages
(list, filter pages, comparisons, map) are not indexed and cannot outrank the practices they
quote. Of a page, only that element counts, without the blocks that repeat other pages
(comparison tables and practice lists on theme pages, the newest practices on the home page).

Pagefind reads a copy of each page made here, never the file on disk, so the additions live in
the index only:

- after each domain word, the compound heads and singular/plural of `search_terms.annotate`,
  as marked tokens (`schoolverzuim ⟦verzuim⟧`); the UI (`docs/assets/zoeken.js`) removes them
  from snippets and highlights the word they belong to;
- practice pages get filters from the Catalog (soort, RMC-regio, provincie, gemeente, thema,
  onderwijssoort) and meta (regio, and `fictief` for a fictional practice); other pages a soort;
- a practice's "Kerngegevens" weigh more, so a gemeente or region finds the practice that names
  it there before pages that mention it in passing.

Beside Pagefind's files, `pagefind/kennisbank-zoekwoorden.json` lists the compound tails
(`search_terms.HEADS`): for a query like `schoolverzuim` the UI also shows the pages about
`verzuim`; `pagefind/kennisbank-plaatsen.json` (macros/publish/place_index.py) holds the gemeenten,
RMC regions and SWVs the UI answers as places.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import lxml.html
from lxml.html import HtmlElement, builder as E
from pagefind.service import get_executable

from macros.model.catalog import Catalog, Record
from macros.publish.place_index import write_place_index
from macros.render.fiction import fiction_label, is_fictional
from macros.render.search_terms import HEADS, annotate

BUNDLE = "pagefind"                      # folder in the site, as the UI expects
WORDS_FILE = "kennisbank-zoekwoorden.json"  # in BUNDLE: the compound tails the UI also searches for
BODY = "data-pagefind-body"
LANGUAGE = "nl"
CARD_WEIGHT = "3"                        # Pagefind weights are quadratic: 3 counts about 9 times
# Blocks that quote other pages: left out of the page that shows them.
QUOTING = ("kb-vergelijk", "kb-lijst", "kb-laatste")
# Never text: Pagefind skips nav and forms itself; the permalink "#" and Material's opt-out go too.
NOT_TEXT = ("//nav", "//script", "//style", "//*[@data-search-exclude]", "//a[contains(@class, 'headerlink')]")
# Cells and list items a reader sees apart, which Pagefind would otherwise glue together.
SEPARATE = ("th", "td", "caption", "li", "dt", "dd")
SOORT = {"praktijken": "Praktijk", "themas": "Thema", "sjablonen": "Sjabloon"}


class SearchIndexError(Exception):
    """A Dutch message for the person building the site."""


@dataclass(frozen=True)
class IndexedPage:
    path: str                            # the built file, relative to the site: "praktijken/x/index.html"
    html: str                            # the copy Pagefind reads

    @property
    def url(self) -> str:
        """The URL Pagefind gives the page: '/praktijken/x/'."""
        return "/" + self.path.removesuffix("index.html")


def write_search_index(site_dir: Path, catalog: Catalog, meanwhile: Callable[[], None] | None = None) -> int:
    """Index the built site into `site_dir/pagefind/` (replaced); returns the number of pages indexed.
    `meanwhile` runs while the Pagefind command indexes (after the pages were read): other output
    that writes no HTML page."""
    if get_executable() is None:
        raise SearchIndexError("Pagefind ontbreekt: installeer de Python-pakketten 'pagefind' en 'pagefind-bin' "
                               "(pip install 'pagefind[bin]'); zonder Pagefind heeft de site geen zoekfunctie.")
    out = site_dir / BUNDLE
    shutil.rmtree(out, ignore_errors=True)
    # The copies go to a folder Pagefind reads in one request: its Python API answers one
    # request per 0.1 s, so a request per page would take minutes on a large site.
    with tempfile.TemporaryDirectory(prefix="kb-zoekindex-") as folder:
        copies = Path(folder)
        pages = write_copies(site_dir, catalog, copies)
        running = _start(copies, out)
        try:
            if meanwhile is not None:
                meanwhile()
        finally:
            found = _finish(running)
    (out / WORDS_FILE).write_text(json.dumps({"koppen": sorted(set(HEADS))}, ensure_ascii=False), encoding="utf-8")
    write_place_index(out, catalog)
    if found != pages:
        raise SearchIndexError(f"Pagefind heeft {found} van de {pages} pagina's geïndexeerd; de zoekindex is onvolledig.")
    return found


def write_copies(site_dir: Path, catalog: Catalog, copies: Path) -> int:
    """Write the copy Pagefind reads of every page to index into `copies`; returns how many. In this
    process: a copy takes about 2 ms, so workers would save a second or two of a build at N = 1,000
    pages, under a tenth of it (the policy of macros.load.parallel)."""
    practices = {r.id: r for r in catalog.practices}
    memo: dict = {}

    def copy(path: Path) -> int:
        relative = path.relative_to(site_dir).as_posix()
        return _write_copy(copies, relative, path.read_text(encoding="utf-8"), catalog, practices, memo)
    return sum(map(copy, _html_files(site_dir)))


def _write_copy(copies: Path, relative: str, html: str, catalog: Catalog, practices: dict, memo: dict) -> int:
    """The copy of one page into `copies`: 1, or 0 when the page is not indexed."""
    page = _indexed_page(relative, html, catalog, practices, memo)
    if page is None:
        return 0
    target = copies / page.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page.html, encoding="utf-8")
    return 1


_INDEXED = re.compile(r"Indexed (\d+) pages?\b")


def _start(copies: Path, out: Path) -> subprocess.Popen:
    """Start the Pagefind command over the copies.

    The command, not the Python API's service mode: that mode acknowledges the write before
    all files are flushed, and under load it shipped empty or cut-off index files (Pagefind
    issue 1271); the command's exit waits for every write."""
    return subprocess.Popen([get_executable(), "--site", str(copies), "--output-path", str(out),
                             "--force-language", LANGUAGE], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(running: subprocess.Popen) -> int:
    """Wait for Pagefind; returns the pages it indexed."""
    stdout, stderr = running.communicate()
    if running.returncode in (-signal.SIGINT, 128 + signal.SIGINT):
        raise KeyboardInterrupt   # Ctrl+C reached Pagefind first: the build was stopped, Pagefind did not fail
    counts = [int(n) for n in _INDEXED.findall(stdout)]
    if running.returncode != 0 or not counts:
        detail = " ".join((stderr or stdout).split())[:400]
        raise SearchIndexError(f"Pagefind kon de zoekindex niet maken. Melding: {detail}")
    return counts[-1]


def indexed_pages(site_dir: Path, catalog: Catalog) -> list[IndexedPage]:
    """The copy of every page Pagefind should index, in path order."""
    practices = {r.id: r for r in catalog.practices}
    memo: dict = {}
    pages = (_indexed_page(path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8"), catalog,
                           practices, memo) for path in _html_files(site_dir))
    return [page for page in pages if page is not None]


def _html_files(site_dir: Path) -> list[Path]:
    return [p for p in sorted(site_dir.rglob("*.html")) if not p.is_relative_to(site_dir / BUNDLE)]


def _indexed_page(relative: str, html: str, catalog: Catalog, practices: dict, memo: dict) -> IndexedPage | None:
    """The copy Pagefind reads of one built page (its path in the site, its HTML), or None when the
    page is not indexed."""
    body = _body(html)
    if body is None:
        return None
    parts = relative.split("/")
    record = practices.get(parts[1]) if len(parts) == 3 and parts[0] == "praktijken" else None
    return IndexedPage(relative, index_copy(body, _facts(catalog, record, parts[0]), memo))


def _body(html: str) -> HtmlElement | None:
    """The element marked for search, parsed from the page's article only (the rest is theme)."""
    if BODY not in html:
        return None
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return None
    article = lxml.html.fragment_fromstring(html[start:end + len("</article>")])
    found = article.xpath(f"descendant-or-self::*[@{BODY}]")
    return found[0] if found else None


@dataclass(frozen=True)
class Facts:
    """What Pagefind keeps beside the text: filters (name -> values) and meta (name -> value)."""

    filters: tuple = ()                  # (name, value) pairs, a name may repeat
    meta: tuple = ()                     # (name, value) pairs
    card_weight: bool = False


def _facts(catalog: Catalog, record: Record | None, section: str) -> Facts:
    if record is None:
        return Facts(filters=(("soort", SOORT.get(section, "Informatie")),))
    rmc = catalog.rmc_regios.get(record.get("rmc_regio"))
    filters = [("soort", "Praktijk")]
    filters += [("regio", rmc.label)] if rmc else []
    filters += [("provincie", p) for p in catalog.provinces(record)]
    filters += [("gemeente", catalog.gemeenten[c].naam) for c in record.get("gemeenten") if c in catalog.gemeenten]
    filters += [("thema", catalog.label("themas", t)) for t in record.get("themas")]
    filters += [("onderwijssoort", catalog.label("onderwijssoort", o)) for o in record.get("onderwijssoort")]
    # A fictional practice's result carries the badge text as meta `fictief`; docs/assets/zoeken.js shows it.
    fiction = (("fictief", fiction_label(catalog)),) if is_fictional(record) else ()
    return Facts(filters=tuple(filters), meta=(("regio", record.get("regio")), *fiction), card_weight=True)


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def index_copy(body: HtmlElement, facts: Facts, memo: dict | None = None) -> str:
    """The HTML document Pagefind reads for one page: the marked element without theme furniture and
    quoted blocks, with the search additions in its text, the facts as filters and meta, and an
    explicit title (the h1 as a reader sees it, without additions)."""
    memo = {} if memo is None else memo
    for xpath in NOT_TEXT + tuple(f"//*[{_has_class(c)}]" for c in QUOTING):
        for el in body.xpath("." + xpath):
            if el.getparent() is not None:
                _drop(el)
    heading = body.find(".//h1")
    title = " ".join(heading.text_content().split()) if heading is not None else ""
    for el in body.iter():  # an lxml text is written back only when it changed: each write costs
        text, tail = el.text, el.tail
        if text and isinstance(el.tag, str):
            annotated = annotate(text, memo)
            if annotated is not text:
                el.text = annotated
        if tail and el is not body:
            annotated = annotate(tail, memo)
            if annotated is not tail:
                el.tail = tail = annotated
        if el.tag in SEPARATE:
            el.tail = " " + (tail or "")
    if facts.card_weight:
        for card in body.xpath(f".//table[{_has_class('kb-kaartje')}]"):
            card.set("data-pagefind-weight", CARD_WEIGHT)
    body.set(BODY, "")
    body.append(_facts_block(title, facts))
    doc = E.HTML(E.HEAD(E.TITLE(title)), E.BODY(body), lang=LANGUAGE)
    return lxml.html.tostring(doc, encoding="unicode")


def _drop(el: HtmlElement) -> None:
    """Remove an element; a quoted table goes with the scroll wrapper around it."""
    parent = el.getparent()
    if el.tag == "table" and parent is not None and "kb-tabel-wrap" in (parent.get("class") or "").split():
        el = parent
    el.drop_tree()


def _facts_block(title: str, facts: Facts) -> HtmlElement:
    block = E.DIV({"data-pagefind-ignore": "index"})
    if title:
        block.append(E.SPAN({"data-pagefind-meta": "title"}, title))
    for name, value in facts.meta:
        block.append(E.SPAN({"data-pagefind-meta": name}, value))
    for name, value in facts.filters:
        block.append(E.SPAN({"data-pagefind-filter": name}, value))
    return block
