"""The search answers a place as a place (issue 27, item 1): the place index written at build time
(macros/publish/place_index.py) and the search box in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from macros.load.catalog import load_catalog
from macros.publish.place_index import key, names, place_index

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


@pytest.fixture(scope="module")
def index(catalog):
    return place_index(catalog)


def places(index, query):
    return [index["plaatsen"][i] for i in index["namen"].get(key(query), [])]


def test_keys_and_variants():
    assert key("Gemeente 's-Hertogenbosch") == "s hertogenbosch"
    assert key("Súdwest-Fryslân") == "sudwest fryslan"
    assert names("Middelburg (Z.)") == ["middelburg z", "middelburg"]
    assert names("'s-Hertogenbosch") == ["s hertogenbosch", "den bosch", "hertogenbosch"]
    assert names("'s-Gravenhage") == ["s gravenhage", "den haag", "gravenhage"]


def test_every_gemeente_rmc_region_and_swv_is_a_place(index, catalog):
    gemeenten = [p for p in index["plaatsen"] if p["soort"] == "gemeente"]
    assert len(gemeenten) == len(catalog.gemeenten) == 342
    assert len([p for p in index["plaatsen"] if p["soort"] == "RMC-regio"]) == len(catalog.rmc_regios)
    assert len([p for p in index["plaatsen"] if p["soort"] == "samenwerkingsverband"]) == len(catalog.swv)
    for code, gemeente in catalog.gemeenten.items():  # each found by its own name
        assert any(p["soort"] == "gemeente" and key(p["naam"]) in names(gemeente.naam)
                   for p in places(index, gemeente.naam)), gemeente.naam


def test_a_covered_gemeente_lists_its_practices_and_an_uncovered_one_the_nearest(index, catalog):
    [lelystad] = places(index, "Lelystad")
    assert lelystad["praktijken"] == ["voorbeeld-flevoland-po"] and "dichtbij" not in lelystad
    [middelburg] = places(index, "Middelburg")
    assert middelburg["naam"] == "Middelburg" and middelburg["praktijken"] == []
    near = middelburg["dichtbij"]["praktijken"]
    assert near and all("GM0687" not in catalog.practice(p).get("gemeenten") for p in near)
    provincie = catalog.gemeenten["GM0687"].provincie
    assert all(any(catalog.gemeenten[c].provincie == provincie for c in catalog.practice(p).get("gemeenten"))
               for p in near)
    assert [p["naam"] for p in places(index, "Den Bosch")] == ["'s-Hertogenbosch"]
    assert [p["naam"] for p in places(index, "den haag")] == ["'s-Gravenhage"]
    assert sorted(p["naam"] for p in places(index, "Bergen")) == ["Bergen (L.)", "Bergen (NH.)"]
    [twente] = places(index, "Twente")
    assert twente["soort"] == "RMC-regio" and twente["praktijken"] == ["voorbeeld-twente-vo"]
    assert index["praktijken"]["voorbeeld-twente-vo"]["fictief"] is True
    assert index["fictief"] == "Fictief voorbeeld"
    assert places(index, "middel") == [] and places(index, "gemiddeld") == []


def test_the_built_site_has_the_place_index_and_no_print_line_in_the_search_copy(site_dir, catalog):
    from macros.publish.search_index import indexed_pages
    written = json.loads((site_dir / "pagefind" / "kennisbank-plaatsen.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(place_index(catalog)))
    page = next(p for p in indexed_pages(site_dir, catalog) if p.url == "/praktijken/voorbeeld-twente-vo/")
    afdruk = lxml.html.document_fromstring(page.html).xpath("//*[contains(@class, 'kb-afdruk')]")
    assert afdruk and afdruk[0].get("data-pagefind-ignore") == "all"


# --- in Chromium -------------------------------------------------------------------------------

def ask(page, query: str) -> dict:
    """Type `query` in the search box; the status line, the place answer and the results shown."""
    page.keyboard.press("/")
    page.fill("#kb-zoekveld", "")
    page.locator("#kb-zoekveld").press_sequentially(query, delay=15)
    page.wait_for_function("""(q) => {
        const status = document.getElementById("kb-zoekstatus").textContent;
        const m = status.match(/(\\d+|Geen) resulta+t(?:en)? voor .(.*)..$/);
        if (!m || m[2] !== q) return false;
        const n = m[1] === "Geen" ? 0 : Number(m[1]);
        return document.querySelectorAll("#kb-zoekresultaten li").length >= Math.min(n, 10);
    }""", arg=query)
    box = page.locator("#kb-zoekplaats")
    return {"status": page.locator("#kb-zoekstatus").inner_text(),
            "place": box.inner_text() if box.is_visible() else "",
            "map": box.locator("a").evaluate_all("as => as.map(a => new URL(a.href).pathname)"),
            "results": page.locator("#kb-zoekresultaten a").evaluate_all(
                "as => as.map(a => ({href: new URL(a.href).pathname, text: a.innerText, "
                "badge: !!a.querySelector('.kb-fictief')}))"),
            "marks": page.locator("#kb-zoekresultaten mark").all_inner_texts()}


def test_an_uncovered_gemeente_says_so_and_offers_the_nearest_and_the_map(page, base_url, index):
    page.goto(base_url)
    found = ask(page, "Middelburg")
    assert found["status"].startswith("Geen praktijk in Middelburg.")
    assert "Dichtstbij: 1 praktijk in de provincie Zeeland" in found["place"]
    assert found["map"] == ["/kaart/"]
    near = [f"/praktijken/{p}/" for p in places(index, "Middelburg")[0]["dichtbij"]["praktijken"]]
    assert [r["href"] for r in found["results"][:len(near)]] == near == ["/praktijken/voorbeeld-zeeuws-vlaanderen-po-vo/"]
    assert found["results"][0]["badge"] and "Fictief voorbeeld" in found["results"][0]["text"]
    text = " ".join(r["text"].lower() for r in found["results"])
    assert "gemiddeld" not in text and [m for m in found["marks"] if m.lower() != "middelburg"] == []


@pytest.mark.parametrize("query, practice, naam", [
    ("Lelystad", "voorbeeld-flevoland-po", "Lelystad"),
    ("Enschede", "voorbeeld-twente-vo", "Enschede"),
    ("Twente", "voorbeeld-twente-vo", "Twente"),
])
def test_a_covered_place_lists_its_practice_first(page, base_url, query, practice, naam):
    page.goto(base_url)
    found = ask(page, query)
    assert found["status"].startswith(f"1 praktijk in {naam} staat bovenaan."), found["status"]
    assert found["results"][0]["href"] == f"/praktijken/{practice}/"
    assert found["results"][0]["badge"]
    assert "afgedrukt" not in " ".join(r["text"] for r in found["results"])


def test_den_bosch_is_s_hertogenbosch(page, base_url):
    page.goto(base_url)
    found = ask(page, "Den Bosch")
    assert found["status"].startswith("Geen praktijk in 's-Hertogenbosch."), found["status"]
    assert found["results"] and all(r["href"].startswith("/praktijken/") for r in found["results"][:1])
    assert found["map"] == ["/kaart/"]


def test_an_ordinary_word_is_no_place_and_snippets_hold_no_print_line(page, base_url):
    page.goto(base_url)
    found = ask(page, "gemeenten")
    assert found["place"] == "" and found["results"]
    assert not [r for r in found["results"] if "afgedrukt" in r["text"] or "Webadres" in r["text"]]


# --- the map you can ask (issue 27, item 2) ----------------------------------------------------

def look_up(page, name: str) -> str:
    page.fill("#kaart-zoeker-naam", "")
    page.locator("#kaart-zoeker-naam").press_sequentially(name, delay=10)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('kaart-zoeker-antwoord').textContent.trim() !== ''")
    return page.locator("#kaart-zoeker-antwoord").inner_text()


@pytest.mark.parametrize("width, height", [(1366, 900), (390, 844), (320, 640)])
def test_the_map_answers_for_any_gemeente_by_keyboard_and_on_a_phone(browser, base_url, width, height):
    from accessibility import assert_accessible
    from test_browser import assert_local_only
    page = browser.new_page(viewport={"width": width, "height": height})
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    try:
        page.goto(base_url + "kaart/")
        page.locator("#kaart-zoeker-naam").focus()
        answer = look_up(page, "Middelburg")
        assert answer.startswith("Middelburg (Z.): geen praktijk. Dichtstbij, in de provincie Zeeland:"), answer
        near = page.locator("#kaart-zoeker-antwoord a")
        assert near.evaluate_all("as => as.map(a => new URL(a.href).pathname)") == [
            "/praktijken/voorbeeld-zeeuws-vlaanderen-po-vo/"]
        assert page.locator("#kaart-zoeker-antwoord .kb-fictief").count() == 1
        answer = look_up(page, "lelystad")
        assert answer.startswith("Lelystad: ") and "geen praktijk" not in answer
        assert page.locator("#kaart-zoeker-antwoord a").evaluate_all(
            "as => as.map(a => new URL(a.href).pathname)") == ["/praktijken/voorbeeld-flevoland-po/"]
        assert "Fictief voorbeeld" in answer
        assert look_up(page, "Den Bosch").startswith("'s-Hertogenbosch: geen praktijk.")
        assert look_up(page, "Atlantis").startswith("Geen gemeente gevonden met de naam \u201cAtlantis\u201d")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.keyboard.press("Tab")  # the button, then into the answer
        assert page.evaluate("document.activeElement.textContent") == "Zoek op"
        assert_accessible(page, f"kaart met antwoord op {width}px")
        assert_local_only(page, base_url)
    finally:
        page.close()


def test_without_the_script_every_gemeente_is_in_the_list(site_dir, catalog):
    doc = lxml.html.parse(str(site_dir / "kaart" / "index.html")).getroot()
    rows = doc.xpath("//*[@data-kb-namen]")
    assert len(rows) == len(catalog.gemeenten) == 342
    middelburg = doc.get_element_by_id("alle-gm0687")
    text = " ".join(middelburg.text_content().split())
    assert text.startswith("Middelburg (Z.): geen praktijk. Dichtstbij, in de provincie Zeeland:")
    assert "Fictief voorbeeld" in text
    assert [f.get("hidden") is not None for f in doc.xpath("//form[@data-kb-plaatszoeker]")] == [True]
