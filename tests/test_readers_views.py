"""Issue 27, the readers' views in Chromium: the zelfscan result labelled and fitted at every width,
its rule behind "Hoe berekenen we dit?", "Kies om te vergelijken" feeding the side-by-side view,
every article table fitting or scrolling in a named box with a hint, one navigation on every page,
and page scripts only where they are used."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import lxml.html
import pytest

from macros.load.catalog import load_catalog
from macros.render.context import render_context
from macros.render.tables import by_title
from macros.render.zelfscan import LIKENESS, LIKENESS_REST, likeness, most_alike, ranked
from accessibility import assert_accessible
from test_zelfscan import ANSWERS, fill

ROOT = Path(__file__).resolve().parent.parent
FICTION = " (Fictief voorbeeld)"   # the mark's text after a fictional practice's name in a cell label


@pytest.fixture(scope="module")
def ctx():
    return render_context(load_catalog(ROOT / "practices"))


@contextmanager
def opened(browser, base_url, path: str, width: int = 1366, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(base_url + path, wait_until="networkidle")
    try:
        yield page
    finally:
        context.close()


def local_only(page, base_url) -> list[str]:
    host = urlparse(base_url).netloc
    return [u for u in page.requests if not u.startswith(("data:", "blob:")) and urlparse(u).netloc != host]


def scan_result(page, ctx) -> None:
    fill(page, ctx, ANSWERS)
    page.click("button[type=submit][form=kb-zelfscan]")
    page.wait_for_selector("table.kb-zelfscan-naast", state="attached")


# --- the zelfscan result ----------------------------------------------------------------------

def test_likeness_words_follow_the_mean_difference_per_question():
    assert [likeness(d, n) for d, n in ((0, 12), (3, 12), (3.01, 12), (6, 12), (6.01, 12), (12, 12), (0, 0))] == \
        ["sterk", "sterk", "matig", "matig", "weinig", "weinig", None]
    assert LIKENESS == ((0.25, "sterk"), (0.5, "matig")) and LIKENESS_REST == "weinig"


def test_every_zelfscan_cell_names_whose_answer_it_is_on_a_phone(browser, base_url, ctx):
    chosen = most_alike(ctx, ANSWERS)
    with opened(browser, base_url, "zelfscan/", 390, 844) as page:
        scan_result(page, ctx)
        tables = page.locator("table.kb-zelfscan-naast")
        assert tables.count() == len(ctx.compare_themes())
        wanted = ["Uw regio"] + [ctx.catalog.practice(p).get("titel") + FICTION for p in chosen]
        for i in range(tables.count()):
            rows = tables.nth(i).locator("tbody tr")
            for r in range(rows.count()):
                cells = rows.nth(r).locator("td")
                assert cells.evaluate_all("tds => tds.map(td => td.dataset.label)") == wanted
                # shown above each value: the label, as its own line
                shown = cells.evaluate_all("tds => tds.map(td => [getComputedStyle(td).display, "
                                           "getComputedStyle(td, '::before').content])")
                assert shown == [["block", f'"{label}"'] for label in wanted]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert_accessible(page, "zelfscan-uitkomst op een telefoon")
        assert local_only(page, base_url) == []


@pytest.mark.parametrize("width", [1366, 700])
def test_zelfscan_tables_fit_the_column_or_scroll_in_a_named_box_with_a_hint(browser, base_url, ctx, width):
    with opened(browser, base_url, "zelfscan/", width) as page:
        scan_result(page, ctx)
        boxes = page.locator(".kb-zelfscan-uitkomst .kb-tabel-wrap")
        labels = [f"Naast elkaar: {ctx.catalog.label('themas', t)}" for t in ctx.compare_themes()]
        assert boxes.evaluate_all("bs => bs.map(b => [b.getAttribute('role'), b.getAttribute('tabindex'), "
                                  "b.getAttribute('aria-label')])") == [["region", "0", label] for label in labels]
        state = boxes.evaluate_all("""bs => bs.map(b => {
            const hint = b.previousElementSibling;
            return [b.querySelector('table').getBoundingClientRect().width <= b.clientWidth + 1,
                    !!(hint && hint.matches('.kb-schuifhint') && hint.checkVisibility() && hint.textContent.startsWith('Schuif opzij'))];
        })""")
        if width == 1366:
            assert state == [[True, False]] * len(labels), "on a laptop every table fits the column; no hint"
        else:
            assert all(fits != hinted for fits, hinted in state), state
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_rule_is_behind_hoe_berekenen_we_dit(browser, base_url, ctx):
    rows = {r["id"]: r for r in ranked(ctx, ANSWERS)}
    chosen = most_alike(ctx, ANSWERS)
    with opened(browser, base_url, "zelfscan/") as page:
        scan_result(page, ctx)
        words = page.locator(".kb-zelfscan-lijkt li").evaluate_all("ls => ls.map(li => li.dataset.gelijkenis)")
        assert words == [likeness(rows[p]["afstand"], rows[p]["vergeleken"]) for p in chosen] == ["sterk", "matig", "sterk"]
        rule = page.locator(".kb-zelfscan-uitkomst details.kb-zelfscan-regel")
        assert rule.evaluate("d => d.previousElementSibling.matches('ol.kb-zelfscan-lijkt')"), "right under the list"
        assert rule.locator("summary").inner_text() == "Hoe berekenen we dit?"
        assert not rule.evaluate("d => d.open") and rule.locator("p").first.is_hidden()
        rule.locator("summary").click()
        text = " ".join(rule.inner_text().split())
        assert "Per vraag is het verschil 0 (hetzelfde antwoord) tot 1 (een heel ander antwoord)" in text
        assert "Bij 12 vergeleken vragen ligt het dus tussen 0 (overal gelijk) en 12 (overal anders)" in text
        assert ("Is dat 0,25 of minder, dan lijkt de praktijk sterk op uw regio; is dat 0,5 of minder, dan lijkt "
                "de praktijk matig op uw regio; is het meer, dan lijkt ze weinig op uw regio.") in text
        first = ctx.catalog.practice(chosen[0]).get("titel")
        assert rule.locator("[data-kb-regel-cijfers] li").first.inner_text() == (
            f"{first}: verschil 1,54 op 11 vergeleken vragen (0 is overal gelijk, 11 overal anders); gemiddeld 0,14 per vraag.")
        assert_accessible(page, "zelfscan met de rekenregel open")
        page.click("[data-kb-wis]")
        assert page.locator("[data-kb-regel]").count() == 1, "the rule stays on the page when the result is wiped"
        assert page.locator("[data-kb-regel-cijfers] li").count() == 0


# --- "Kies om te vergelijken" -------------------------------------------------------------------

@pytest.mark.parametrize("path, form_id", [("themas/gegevensdeling/", "kb-kies-gegevensdeling"),
                                           ("vergelijken/", "kb-kies-doorbraakoverleg"),
                                           ("praktijken/", "kb-kies-lijst")])
def test_two_chosen_in_a_table_or_list_open_side_by_side_with_exactly_those(browser, base_url, ctx, path, form_id):
    titles = [r.get("titel") for r in by_title(ctx, ctx.catalog.practices)]
    ids = [r.id for r in by_title(ctx, ctx.catalog.practices)]
    with opened(browser, base_url, path) as page:
        boxes = page.locator(f'input[type=checkbox][name=p][form="{form_id}"]')
        assert boxes.evaluate_all("bs => bs.map(b => b.value)") == ids
        labels = boxes.evaluate_all("bs => bs.map(b => b.closest('label').textContent.trim())")
        assert labels == [f"Kies om te vergelijken: {t}" for t in titles]
        assert_accessible(page, f"{path} met keuzevakjes")
        boxes.nth(1).check()
        page.locator(f"#{form_id} button[type=submit]").click()
        assert page.locator(f"#{form_id} .kb-melding").inner_text() == \
            "Vink twee tot vier praktijken aan om te vergelijken; u koos er 1."
        boxes.nth(4).check()
        page.locator(f"#{form_id} button[type=submit]").click()
        page.wait_for_selector(".kb-naast-elkaar table", state="attached")
        url = urlparse(page.url)
        assert url.path.endswith("/vergelijken/naast-elkaar/") and parse_qs(url.query) == {"p": [ids[1], ids[4]]}
        shown = page.locator(".kb-naast-elkaar table").first.locator("thead th a").all_text_contents()
        assert shown == [titles[1], titles[4]]
        assert page.locator("form.kb-kies input[name=p]:checked").evaluate_all("bs => bs.map(b => b.value)") == \
            sorted([ids[1], ids[4]], key=ids.index)
        assert local_only(page, base_url) == []


# --- every article table, the navigation, the page scripts ------------------------------------------

def test_the_results_table_of_a_practice_scrolls_in_a_named_box_with_a_hint_on_a_phone(browser, base_url):
    with opened(browser, base_url, "praktijken/voorbeeld-amsterdam-vo/", 390, 844) as page:
        box = page.locator('.kb-tabel-wrap:has(table.kb-resultaten)')
        assert (box.get_attribute("role"), box.get_attribute("tabindex"), box.get_attribute("aria-label")) == \
            ("region", "0", "Gemeten resultaten")
        assert box.evaluate("b => b.scrollWidth > b.clientWidth")
        hint = box.locator("xpath=preceding-sibling::p[1]")
        assert hint.get_attribute("class") == "kb-schuifhint" and hint.is_visible()
        assert hint.inner_text().startswith("Schuif opzij voor meer kolommen")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    with opened(browser, base_url, "praktijken/voorbeeld-amsterdam-vo/", 1366) as page:
        assert page.locator(".kb-schuifhint:visible").count() == 0, "no hint where the table fits"


NAV_PAGES = ["", "sjablonen/", "themas/gegevensdeling/", "vergelijken/", "praktijken/voorbeeld-amsterdam-vo/",
             "sjablonen/afsprakenkader-verzuim/", "zelfscan/"]


def nav_items(page) -> list[tuple[str, str]]:
    return page.locator(".md-sidebar--primary .kb-nav-kort > ul > li > a").evaluate_all(
        "as => as.map(a => [a.textContent.trim(), a.href])")


def test_the_navigation_is_whole_and_the_same_on_every_page(browser, base_url):
    seen = {}
    for path in NAV_PAGES:
        with opened(browser, base_url, path, 1366, 768) as page:
            sidebar = page.locator(".md-sidebar--primary")
            assert sidebar.is_visible(), path
            seen[path] = nav_items(page)
            # whole: every top-level item is within the screen, below the site header
            header = page.locator(".md-header").bounding_box()
            boxes = page.locator(".md-sidebar--primary .kb-nav-kort > ul > li > a").evaluate_all(
                "as => as.map(a => { const r = a.getBoundingClientRect(); return [r.top, r.bottom]; })")
            assert all(top >= header["height"] - 1 and bottom <= 768 for top, bottom in boxes), (path, boxes)
    first = seen[""]
    assert [t for t, _ in first] == ["Home", "Praktijken", "Vergelijken", "Kaart", "Thema's", "Sjablonen", "Wet en beleid",
                                     "Begrippen", "Onderbouwing", "Open data", "Redactie", "Over"]
    assert first[5][1] == base_url + "sjablonen/"
    assert all(items == first for items in seen.values()), seen


def test_the_section_of_a_page_is_open_in_the_navigation(browser, base_url):
    with opened(browser, base_url, "themas/gegevensdeling/") as page:
        here = page.locator(".kb-nav-kort li.kb-nav-hier")
        assert here.locator(":scope > a").inner_text() == "Thema's"
        current = here.locator(".kb-nav-sub a[aria-current=page]")
        assert current.inner_text() == "Gegevensdeling" and current.get_attribute("href") == "./"
        assert len(here.locator(".kb-nav-sub a").all()) == 9
    with opened(browser, base_url, "praktijken/voorbeeld-amsterdam-vo/") as page:
        assert page.locator(".kb-nav-kort li.kb-nav-hier > a").inner_text() == "Praktijken"


SCRIPTS = ("assets/zelfscan.js", "assets/sjabloon.js")


def scripts_of(site_dir: Path, path: str) -> list[str]:
    doc = lxml.html.fromstring((site_dir / path / "index.html").read_bytes())
    return [s.split("../")[-1] for s in doc.xpath("//script/@src")]


@pytest.mark.parametrize("path, wanted", [("", ()), ("sjablonen", ()), ("themas/gegevensdeling", ()),
                                          ("praktijken/voorbeeld-amsterdam-vo", ()),
                                          ("zelfscan", ("assets/zelfscan.js",)),
                                          ("sjablonen/afsprakenkader-verzuim", ("assets/sjabloon.js",))])
def test_page_scripts_load_only_where_they_are_used(site_dir, path, wanted):
    scripts = scripts_of(site_dir, path)
    assert tuple(s for s in scripts if s in SCRIPTS) == wanted, scripts
    assert "assets/kennisbank.js" in scripts
    if wanted:
        assert scripts.index(wanted[0]) > scripts.index("assets/kennisbank.js"), "after the site script it uses"


def test_the_zelfscan_works_with_its_script_loaded_on_its_own_page(browser, base_url, ctx):
    with opened(browser, base_url, "") as page:
        assert page.evaluate("typeof window.kennisbankZelfscan") == "undefined"
    with opened(browser, base_url, "zelfscan/") as page:
        assert page.evaluate("a => window.kennisbankZelfscan.mostAlike(a)", ANSWERS) == most_alike(ctx, ANSWERS)
