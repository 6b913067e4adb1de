"""Site search: Pagefind's index (what goes in, with which additions) and the search box in Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from macros.load.catalog import load_catalog
from macros.publish.search_index import Facts, _facts, index_copy, indexed_pages
from macros.render.search_terms import MARK_CLOSE, MARK_OPEN, annotate

ROOT = Path(__file__).resolve().parent.parent
ADDED = re.compile(rf"{MARK_OPEN}[^{MARK_CLOSE}]*{MARK_CLOSE}")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


# --- what the index gets -----------------------------------------------------------------------

def test_annotate_adds_compound_heads_and_the_other_number_after_the_word():
    assert annotate("Het schoolverzuim, de Afspraken en twee scholen") == (
        "Het schoolverzuim, ⟦verzuim⟧ de Afspraken ⟦afspraak⟧ en twee scholen ⟦school⟧ ")
    assert annotate("leerplichtambtenaren") == "leerplichtambtenaren ⟦ambtenaar⟧ ⟦ambtenaren⟧ ⟦leerplichtambtenaar⟧ "
    assert annotate("verzuim in Lelystad") == "verzuim in Lelystad"


def test_annotate_keeps_the_next_element_s_word_apart():
    # "<dt>thuiszitters</dt><dd>Leerplichtige" must not become one token "⟦zitters⟧Leerplichtige"
    assert annotate("thuiszitters") == "thuiszitters ⟦thuiszitter⟧ ⟦zitters⟧ "


PAGE = """<div data-pagefind-body><nav class="md-tags"><span>Gegevensdeling</span></nav>
<h1 id="t">Spoedtafel in Lelystad<a class="headerlink" href="#t">#</a></h1>
<table class="kb-kaartje"><caption>Kerngegevens</caption><tbody><tr><th scope="row">Gemeenten</th><td>Lelystad, Dronten</td></tr></tbody></table>
<div class="kb-tabel-wrap" role="region"><table class="kb-vergelijk"><tr><td>Amsterdam</td></tr></table></div>
<ul class="kb-lijst"><li>Andere praktijk in Enschede</li></ul><ul class="kb-laatste"><li>Nieuw in Zwolle</li></ul>
<div data-search-exclude><p>Formulier</p></div><p>Over schoolverzuim.</p></div>"""


def copy_of(html: str, facts: Facts) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(index_copy(lxml.html.fragment_fromstring(html), facts))


def test_index_copy_keeps_the_page_s_own_text_with_additions_and_separated_cells():
    doc = copy_of(PAGE, Facts(filters=(("soort", "Praktijk"), ("gemeente", "Lelystad"), ("gemeente", "Dronten")),
                              meta=(("regio", "Lelystad en Dronten"),), card_weight=True))
    assert doc.get("lang") == "nl"
    body = doc.xpath("//body/*[@data-pagefind-body]")[0]
    facts = body.xpath("./*[@data-pagefind-ignore]")[0]
    facts.drop_tree()
    assert " ".join(body.text_content().split()) == (
        "Spoedtafel in Lelystad Kerngegevens Gemeenten ⟦gemeente⟧ Lelystad, Dronten Over schoolverzuim. ⟦verzuim⟧")
    assert body.xpath(".//table/@data-pagefind-weight") == ["3"]
    assert [(s.get("data-pagefind-meta"), s.text) for s in facts.xpath("./*[@data-pagefind-meta]")] == [
        ("title", "Spoedtafel in Lelystad"), ("regio", "Lelystad en Dronten")]
    assert [(s.get("data-pagefind-filter"), s.text) for s in facts.xpath("./*[@data-pagefind-filter]")] == [
        ("soort", "Praktijk"), ("gemeente", "Lelystad"), ("gemeente", "Dronten")]


def test_index_copy_of_another_page_has_no_weight_and_only_its_kind():
    doc = copy_of(PAGE, Facts(filters=(("soort", "Thema"),)))
    assert doc.xpath("//@data-pagefind-weight") == []
    assert [(s.get("data-pagefind-filter"), s.text) for s in doc.xpath("//*[@data-pagefind-filter]")] == [("soort", "Thema")]


def test_a_practice_has_its_places_themes_and_school_types_as_filters(catalog):
    record = catalog.practice("voorbeeld-flevoland-po")
    facts = _facts(catalog, record, "praktijken")
    assert facts.filters == (
        ("soort", "Praktijk"), ("regio", "Flevoland"), ("provincie", "Flevoland"),
        ("gemeente", "Lelystad"), ("gemeente", "Dronten"), ("gemeente", "Zeewolde"),
        ("thema", "Financiering passende plek"), ("thema", "Ondersteuning voor regio's"),
        ("thema", "Rol van de leerplichtambtenaar"), ("onderwijssoort", "Primair onderwijs"))
    assert facts.meta == (("regio", "Lelystad, Dronten en Zeewolde"), ("fictief", "Fictief voorbeeld"))
    assert _facts(catalog, None, "sjablonen").filters == (("soort", "Sjabloon"),)
    assert _facts(catalog, None, "over").filters == (("soort", "Informatie"),)


# --- the built site ------------------------------------------------------------------------------

AGGREGATE = ["/praktijken/", "/praktijken/filter/thema/gegevensdeling/", "/vergelijken/", "/vergelijken/naast-elkaar/",
             "/kaart/"]


def test_only_content_pages_are_indexed(site_dir, catalog):
    urls = {p.url for p in indexed_pages(site_dir, catalog)}
    assert {f"/praktijken/{r.id}/" for r in catalog.practices} <= urls
    assert {"/", "/themas/doorbraakoverleg/", "/sjablonen/convenant-gegevensdeling/", "/wet-en-beleid/", "/begrippen/"} <= urls
    assert not urls & set(AGGREGATE)
    assert not any(u.startswith(("/praktijken/filter/", "/vergelijken/")) for u in urls)
    assert "/404.html" not in urls


def test_the_copies_pagefind_reads_are_the_pages_own_text(site_dir, catalog, tmp_path):
    from macros.publish.search_index import write_copies

    expected = {p.path: p.html for p in indexed_pages(site_dir, catalog)}
    assert write_copies(site_dir, catalog, tmp_path) == len(expected) > 10
    written = {f.relative_to(tmp_path).as_posix(): f.read_text(encoding="utf-8") for f in tmp_path.rglob("*.html")}
    assert written == expected


def _written(folder: Path) -> dict:
    return {f.relative_to(folder).as_posix(): f.read_text(encoding="utf-8") for f in folder.rglob("*.html")}


def test_the_built_index_is_pagefind_in_dutch_and_material_s_is_gone(site_dir, catalog):
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] == len(indexed_pages(site_dir, catalog))
    assert not (site_dir / "search").exists()
    page = (site_dir / "praktijken" / "voorbeeld-flevoland-po" / "index.html").read_text(encoding="utf-8")
    assert 'id="kb-zoekveld"' in page and "assets/zoeken.js" in page and 'data-md-component="search"' not in page
    listing = (site_dir / "praktijken" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in listing
    words = json.loads((site_dir / "pagefind" / "kennisbank-zoekwoorden.json").read_text(encoding="utf-8"))
    assert words["koppen"][:5] == ["afspraak", "afspraken", "ambtenaar", "ambtenaren", "arts"]
    assert "verzuim" in words["koppen"]


def test_theme_pages_are_indexed_without_the_practices_they_quote(site_dir, catalog):
    page = next(p for p in indexed_pages(site_dir, catalog) if p.url == "/themas/doorbraakoverleg/")
    text = lxml.html.document_fromstring(page.html).text_content()
    assert "casusregie" in text
    assert "Lelystad" not in text and "Spoedtafel bij langdurig verzuim" not in text


# --- in Chromium -------------------------------------------------------------------------------

def search(page, query: str) -> list[dict]:
    """Type `query` in the header search box as a reader does; the results shown, in order."""
    page.keyboard.press("/")
    page.fill("#kb-zoekveld", "")
    page.locator("#kb-zoekveld").press_sequentially(query, delay=15)
    page.wait_for_function("""(q) => {
        const status = document.getElementById("kb-zoekstatus").textContent;
        if (!status.includes(q) || status.startsWith("Zoeken naar")) return false;
        const n = Number((status.match(/^(\\d+)/) || [0, 0])[1]);
        return document.querySelectorAll("#kb-zoekresultaten li").length >= Math.min(n, 10);
    }""", arg=query)
    return page.locator("#kb-zoekresultaten a").evaluate_all(
        "as => as.map(a => ({href: new URL(a.href).pathname, text: a.innerText}))")


PLACES = [
    ("Lelystad", "voorbeeld-flevoland-po"),        # gemeente
    ("Amsterdam", "voorbeeld-amsterdam-vo"),
    ("Enschede", "voorbeeld-twente-vo"),
    ("Zundert", "voorbeeld-west-brabant-po"),
    ("Westerkwartier", "voorbeeld-groningen-vo"),
    ("Twente", "voorbeeld-twente-vo"),             # region
    ("Achterhoek", "voorbeeld-achterhoek-po-vo"),
    ("Zeeuws-Vlaanderen", "voorbeeld-zeeuws-vlaanderen-po-vo"),
]


@pytest.mark.parametrize("query, practice", PLACES)
def test_a_place_finds_its_practice_first(page, base_url, query, practice):
    page.goto(base_url)
    found = search(page, query)
    assert [r["href"] for r in found[:1]] == [f"/praktijken/{practice}/"], (query, [r["href"] for r in found[:5]])


@pytest.mark.parametrize("query, practice", [
    ("PO 99-06", "voorbeeld-west-brabant-po"),    # an SWV code (reserved for fiction)
    ("regiofonds", "voorbeeld-west-brabant-po"),  # a word from the text
    ("doorbraaktafel", "voorbeeld-west-brabant-po"),
    ("Flevoland", "voorbeeld-flevoland-po"),       # RMC region and province
    ("thuiszitters Rotterdam", "voorbeeld-rijnmond-po"),
])
def test_a_practice_is_among_the_first_five(page, base_url, query, practice):
    page.goto(base_url)
    hrefs = [r["href"] for r in search(page, query)[:5]]
    assert f"/praktijken/{practice}/" in hrefs, (query, hrefs)


def test_snippets_read_as_text_cells_apart_and_without_the_added_terms(page, base_url):
    page.goto(base_url)
    twente = next(r for r in search(page, "Enschede") if r["href"] == "/praktijken/voorbeeld-twente-vo/")
    assert "Gemeenten Enschede, Hengelo" in twente["text"]
    assert "Regio Twente" in twente["text"]
    for query in ("verzuim", "overleg", "scholen"):
        texts = [r["text"] for r in search(page, query)]
        assert texts and not [t for t in texts if MARK_OPEN in t or MARK_CLOSE in t], query
    marked = page.locator("#kb-zoekresultaten mark").all_inner_texts()
    assert marked and [m for m in marked if not re.search("school|scholen", m.lower())] == [], marked


def own_text(html: str) -> str:
    """What a reader sees of an index copy: no facts, no forms, no added terms."""
    doc = lxml.html.document_fromstring(html)
    for el in doc.xpath("//*[@data-pagefind-ignore] | //form"):
        el.drop_tree()
    return ADDED.sub(" ", doc.text_content()).lower()


ENGINE = """async (query) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  const found = await pagefind.search(query);
  return (await Promise.all(found.results.map(r => r.data()))).map(d => d.url);
}"""


@pytest.mark.parametrize("query, pattern, without", [
    ("overleg", r"[a-zà-ÿ]+overleg\b", r"\boverleg"),                      # only compounds: doorbraakoverleg
    ("ambtenaar", r"[a-zà-ÿ]+ambtenaar\b", r"\bambtenaar"),               # leerplichtambtenaar
    ("scholen", r"\bschool\b", r"\bscholen\b"),                            # an irregular plural
    ("thuiszitters", r"\bthuiszitter\b", r"\bthuiszitters\b"),             # only the singular
    ("leerplichtambtenaren", r"\bleerplichtambtenaar\b", r"\bleerplichtambtenaren\b"),
])
def test_search_finds_compound_tails_and_the_other_number(page, base_url, site_dir, catalog, query, pattern, without):
    targets = {p.url for p in indexed_pages(site_dir, catalog)
               if re.search(pattern, own_text(p.html)) and not re.search(without, own_text(p.html))}
    assert targets, f"the content has no page for this case ({pattern} without {without})"
    page.goto(base_url)
    found = set(page.evaluate(ENGINE, query))
    assert not targets - found, f"{query}: missed {sorted(targets - found)} of {len(targets)}"


def test_a_compound_no_practice_uses_finds_its_pages_first_then_the_practices_about_its_tail(page, base_url):
    page.goto(base_url)
    hrefs = [r["href"] for r in search(page, "schoolverzuim")]
    assert hrefs[:3] == ["/wet-en-beleid/", "/themas/ongeoorloofd-verzuim/", "/themas/geoorloofd-verzuim/"]
    assert hrefs[3].startswith("/praktijken/"), hrefs


def test_search_works_by_keyboard(page, base_url):
    page.goto(base_url + "over/")
    hrefs = [r["href"] for r in search(page, "Lelystad")]
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") is not None
    assert page.evaluate("new URL(document.activeElement.href).pathname") == hrefs[0]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "kb-zoekveld"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    search(page, "Lelystad")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base_url.rstrip("/") + hrefs[0]


def test_search_sends_nothing_to_other_hosts_and_nothing_before_it_is_used(page, base_url):
    from test_browser import assert_local_only
    page.goto(base_url + "praktijken/voorbeeld-flevoland-po/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "/pagefind/" in u]
    search(page, "Zeewolde")
    assert [u for u in page.requests if "/pagefind/" in u]
    assert_local_only(page, base_url)
