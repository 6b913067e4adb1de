"""Real Chromium on the real site: filters, sorting, compare, search, fill-in, downloads, privacy, axe-core."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from macros.load.catalog import load_catalog
from test_search import search
from accessibility import assert_accessible

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


def assert_local_only(page, base_url):
    host = urlparse(base_url).netloc
    foreign = [u for u in page.requests if not u.startswith(("data:", "blob:")) and urlparse(u).netloc != host]
    assert not foreign, f"requests to other hosts: {foreign}"




# --- practice list ---------------------------------------------------------------------------

def visible_items(page) -> list[str]:
    return page.locator(".kb-item:visible .kb-item__titel").all_inner_texts()


def test_filters_combine_instantly_and_live_in_the_url(page, base_url, catalog):
    page.goto(base_url + "praktijken/")
    assert len(visible_items(page)) == len(catalog.practices)
    page.click('.kb-filters a[data-facet="onderwijssoort"][data-waarde="vo"]')
    assert "onderwijssoort=vo" in page.url
    vo = [r for r in catalog.practices if "vo" in r.get("onderwijssoort")]
    assert sorted(visible_items(page)) == sorted(r.get("titel") for r in vo)
    page.click('.kb-filters a[data-facet="thema"][data-waarde="doorbraakoverleg"]')
    both = [r for r in vo if "doorbraakoverleg" in r.get("themas")]
    assert sorted(visible_items(page)) == sorted(r.get("titel") for r in both)
    assert page.locator(".kb-teller").inner_text().startswith(f"{len(both)} praktijk")
    assert page.get_attribute('.kb-filters a[data-waarde="vo"]', "aria-pressed") == "true"
    page.reload()
    assert sorted(visible_items(page)) == sorted(r.get("titel") for r in both), "state survives a reload"
    page.click('.kb-filters a[data-facet="alle"]')
    assert len(visible_items(page)) == len(catalog.practices) and "?" not in page.url
    assert_local_only(page, base_url)


def test_filters_work_as_plain_links_without_javascript(browser, base_url, catalog):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "praktijken/")
    page.click('.kb-filters a[data-facet="volwassenheid"][data-waarde="voorbeeldregio"]')
    assert page.url.endswith("/praktijken/filter/volwassenheid-voorbeeldregio/")
    expected = [r.get("titel") for r in catalog.practices if r.get("volwassenheid") == "voorbeeldregio"]
    assert sorted(page.locator(".kb-item__titel").all_inner_texts()) == sorted(expected)
    context.close()


# --- comparison ----------------------------------------------------------------------------

def column_values(page, table, column: int) -> list[str]:
    return table.locator(f"tbody tr > :nth-child({column + 1})").evaluate_all("cells => cells.map(c => c.dataset.sort)")


def test_tables_sort_by_mouse_and_keyboard(page, base_url):
    page.goto(base_url + "vergelijken/")
    table = page.locator('table[data-thema="doorbraakoverleg"]')
    headers = table.locator("thead th")
    term = next(i for i in range(headers.count()) if "Termijn" in headers.nth(i).inner_text())
    headers.nth(term).locator("button").click()
    values = [v for v in column_values(page, table, term)]
    assert headers.nth(term).get_attribute("aria-sort") == "ascending"
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers)
    unknown = values.count("")
    assert unknown and values[-unknown:] == [""] * unknown, "unknown values sort last"
    headers.nth(term).locator("button").focus()
    page.keyboard.press("Enter")
    assert headers.nth(term).get_attribute("aria-sort") == "descending"
    values = column_values(page, table, term)
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers, reverse=True)
    assert values[-unknown:] == [""] * unknown, "unknown values sort last in either direction"
    assert headers.nth(0).get_attribute("aria-sort") == "none"


def test_side_by_side_by_keyboard_and_shareable_url(page, base_url, catalog):
    page.goto(base_url + "vergelijken/naast-elkaar/")
    chosen = sorted(catalog.practices, key=lambda r: r.get("titel").lower())[:2]
    for record in chosen:
        box = page.locator(f'input[name="p"][value="{record.id}"]')
        box.focus()
        page.keyboard.press("Space")
        assert box.is_checked()
    page.keyboard.press("Tab")  # leave the checkboxes; submit with the keyboard
    page.locator("form.kb-kies button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".kb-naast-elkaar table")
    assert all(f"p={r.id}" in page.url for r in chosen)
    first = page.locator(".kb-naast-elkaar table").first
    assert [t.strip() for t in first.locator("thead th").all_inner_texts()][1:] and \
        all(r.get("titel") in first.locator("thead").inner_text() for r in chosen)
    tables = page.locator(".kb-naast-elkaar table").count()
    assert tables >= 7
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    other.wait_for_selector(".kb-naast-elkaar table")
    assert other.locator(".kb-naast-elkaar table").count() == tables
    assert_accessible(page, "naast elkaar")


def test_side_by_side_asks_for_two_to_four(page, base_url, catalog):
    page.goto(base_url + "vergelijken/naast-elkaar/")
    page.locator('input[name="p"]').first.check()
    page.click("form.kb-kies button[type=submit]")
    assert "Kies twee tot vier" in page.locator(".kb-melding").inner_text()


# --- search (Pagefind in the header; index and query set: test_search.py) ---------------------

@pytest.mark.parametrize("query, practice", [
    ("Zundert", "voorbeeld-west-brabant-po"),     # a gemeente name
    ("PO 99-06", "voorbeeld-west-brabant-po"),    # an SWV code (reserved for fiction)
    ("regiofonds", "voorbeeld-west-brabant-po"),  # a word from the text
    ("doorbraaktafel", "voorbeeld-west-brabant-po"),
])
def test_search_finds_a_practice_by_gemeente_swv_and_text(page, base_url, query, practice):
    page.goto(base_url)
    found = [r["href"] for r in search(page, query)[:5]]
    assert f"/praktijken/{practice}/" in found, (query, found)


def test_search_dialog_is_accessible_and_dutch(page, base_url):
    page.goto(base_url)
    found = search(page, "thuiszitter")
    assert len(found) >= 5
    assert page.get_attribute("#kb-zoekveld", "placeholder") == "Zoeken"
    assert re.fullmatch(r"\d+ resultaten voor \u201cthuiszitter\u201d\.", page.locator("#kb-zoekstatus").inner_text())
    assert page.locator("#kb-zoekresultaten").is_visible()
    assert_accessible(page, "zoekvenster open")
    assert_local_only(page, base_url)


# --- templates -----------------------------------------------------------------------------

def test_fill_in_form_fills_the_text_and_the_print_view(page, base_url, catalog):
    template = catalog.template("financieringsafspraak-passende-plek")
    first = template.get("invulvelden")[0]
    page.goto(base_url + f"sjablonen/{template.id}/")
    field = page.locator(f'input[data-veld="{first["naam"]}"]')
    field.focus()
    page.keyboard.type("Samenwerkingsverband Testregio")
    spans = page.locator(f'.kb-sjabloontekst .kb-invulveld[data-veld="{first["naam"]}"]')
    assert spans.count() >= 1
    assert set(spans.all_inner_texts()) == {"Samenwerkingsverband Testregio"}
    page.emulate_media(media="print")
    assert page.locator(".kb-invulformulier").is_hidden()
    assert page.locator(".kb-sjabloontekst").is_visible()
    assert "Samenwerkingsverband Testregio" in page.locator(".kb-sjabloontekst").inner_text()
    page.emulate_media(media="screen")
    page.click(".kb-invulformulier button[data-kb-wissen]")
    assert set(spans.all_inner_texts()) == {f"[{first['label']}]"}
    assert_accessible(page, "sjabloon met invulformulier")
    assert_local_only(page, base_url)


def test_template_text_is_there_without_javascript(browser, base_url, catalog):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    template = catalog.templates[0]
    page.goto(base_url + f"sjablonen/{template.id}/")
    assert page.locator(".kb-invulformulier").is_hidden()
    labels = page.locator(".kb-sjabloontekst .kb-invulveld").all_inner_texts()
    assert labels and all(l.startswith("[") for l in labels)
    context.close()


def test_download_opens_as_a_word_document(page, base_url, catalog):
    from docx import Document
    template = catalog.template("convenant-gegevensdeling")
    page.goto(base_url + f"sjablonen/{template.id}/")
    with page.expect_download() as info:
        page.click("a[download][href$='.docx']")
    path = info.value.path()
    document = Document(path)
    assert document.core_properties.title == template.get("titel")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any(h.startswith("Artikel 1") for h in headings)


# --- privacy and accessibility on every kind of page ---------------------------------------

# The pages test_readers.py does not check already: it runs axe and the host check on one page of every
# type (home, lists, comparisons, map, a theme, templates, glossary, data) at 1,366 and 390 px.
PAGES = ["praktijken/voorbeeld-west-brabant-po/", "praktijken/voorbeeld-rijnmond-po-2018/",
         "themas/geoorloofd-verzuim/", "wet-en-beleid/", "redactie/", "over/", "toegankelijkheid/", "privacy/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_requests_nothing_from_other_hosts(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert_accessible(page, path or "home")
    assert_local_only(page, base_url)


def test_practice_page_prints_cleanly(page, base_url):
    page.goto(base_url + "praktijken/voorbeeld-west-brabant-po/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("h1").is_visible() and page.locator(".kb-kaartje").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
