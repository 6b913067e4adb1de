"""Fiction never passes for fact: every view of a fictional practice (`voorbeeld: true`) shows the
mark "Fictief voorbeeld", the counts on the site are computed from the data, and validation keeps a
fictional record away from real organisations (registrable mail domains, unmarked names)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin

import lxml.etree
import lxml.html
import openpyxl
import pytest

from macros.checks.fiction import is_reserved, reserved_suggestion
from macros.cli.main import main
from macros.load.catalog import load_catalog
from macros.publish.feed import atom_feed
from macros.render.context import render_context
from macros.render.fiction import fiction_count, is_fictional
from macros.render.map import practice_count_label
from test_hardening_data import base_text, practices  # noqa: F401  (a fixture)
from test_readers import with_records
from macros.render.page_macros import fiction_sentence

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "practices"
BASE = "voorbeeld-west-brabant-po"
F = f"praktijken/{BASE}.yaml"
LABEL = "Fictief voorbeeld"
ATOM = "{http://www.w3.org/2005/Atom}"
# Where a link to a practice sits, from the nearest: the badge must be inside that element.
HOLDERS = ("li", "tr", "p", "th", "td", "figcaption", "h1", "h2", "h3", "h4", "dd")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


def text(el) -> str:
    return " ".join(el.text_content().split())


def badge_in(el) -> bool:
    """The element holds the fiction badge: a span with the word as text (not colour alone)."""
    return any("fictief" in text(b).lower() and LABEL == text(b) for b in el.xpath(".//*[contains(@class, 'kb-fictief')]"))


# --- every built page: no link to a fictional practice without the mark ----------------------------

def practice_target(site_dir: Path, page: Path, href: str) -> str | None:
    """The practice id a link on `page` points at, or None (other pages, anchors on the page itself)."""
    if not href or href.startswith(("mailto:", "http:", "https:", "#", "javascript:")):
        return None
    target = (page.parent / unquote(href.split("#")[0])).resolve()
    try:
        parts = target.relative_to(site_dir.resolve()).parts
    except ValueError:
        return None
    if len(parts) >= 2 and parts[0] == "praktijken" and parts[-1] in (parts[1], "index.html") and parts[1] != "filter":
        return parts[1]
    return None


def holder(link):
    for el in link.iterancestors():
        if isinstance(el.tag, str) and el.tag in HOLDERS:
            return el
    return None


def unmarked_links(site_dir: Path, fictional: set[str]) -> tuple[list[str], int]:
    """(every link to a fictional practice whose row, item or card lacks the mark; links checked)."""
    missing, checked = [], 0
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        if relative.startswith(("pagefind/", "admin/")):
            continue
        doc = lxml.html.fromstring(page.read_bytes())
        for link in doc.iter("a", "{http://www.w3.org/2000/svg}a"):
            href = link.get("href") or link.get("{http://www.w3.org/1999/xlink}href") or ""
            pid = practice_target(site_dir, page, href)
            if pid not in fictional:
                continue
            own = relative == f"praktijken/{pid}/index.html"
            if own:   # a link of the practice page to itself (the page has its banner)
                continue
            checked += 1
            if link.xpath("ancestor::*[local-name()='svg']"):
                # a gemeente on the map: its name and tooltip say it
                label = " ".join([link.get("aria-label", "")] + link.xpath(".//*[local-name()='title']/text()"))
                if "fictief" not in label:
                    missing.append(f"{relative}: kaart {label!r}")
                continue
            box = holder(link)
            if box is None or not badge_in(box):
                missing.append(f"{relative}: {text(link)!r} in <{box.tag if box is not None else '?'}>")
    return missing, checked


def test_every_link_to_a_fictional_practice_carries_the_mark(site_dir, catalog):
    fictional = {r.id for r in catalog.practices if is_fictional(r)}
    assert fictional, "the bundled practices are fictional"
    missing, checked = unmarked_links(site_dir, fictional)
    assert missing == []
    # the list, 14 theme pages and tables, the map, filters, the home page and more: hundreds of links
    assert checked > 200, checked


def test_the_walk_fails_on_a_row_without_the_mark(site_dir, catalog, tmp_path):
    """The walk above can fail: a copy of the comparison page with one badge removed is caught."""
    copy = tmp_path / "site"
    (copy / "vergelijken").mkdir(parents=True)
    (copy / "praktijken" / BASE).mkdir(parents=True)
    (copy / "praktijken" / BASE / "index.html").write_text("<html></html>", encoding="utf-8")
    html = (site_dir / "vergelijken" / "index.html").read_text(encoding="utf-8")
    doc = lxml.html.fromstring(html)
    row = doc.xpath(f"//tr[th/a[contains(@href, '{BASE}/')]]")[0]
    assert badge_in(row)
    for b in row.xpath(".//*[contains(@class, 'kb-fictief')]"):
        b.drop_tree()
    (copy / "vergelijken" / "index.html").write_bytes(lxml.html.tostring(doc))
    missing, checked = unmarked_links(copy, {BASE})
    assert missing == ["vergelijken/index.html: 'Doorbraaktafel en regiofonds in West-Brabant (PO)' in <th>"]
    assert checked == len(doc.xpath(f"//a[contains(@href, '{BASE}/')]"))


def test_badge_is_text_with_a_border_not_colour_alone(site_dir):
    doc = lxml.html.fromstring((site_dir / "praktijken" / "index.html").read_bytes())
    badges = doc.xpath("//li[contains(@class, 'kb-item')]//span[contains(@class, 'kb-fictief')]")
    assert len(badges) == 13 and {text(b) for b in badges} == {LABEL}
    css = (site_dir / "assets" / "kennisbank.css").read_text(encoding="utf-8")
    assert re.search(r"\.kb-label \{[^}]*border: 1px solid currentColor", css)


# --- the counts, computed from the data ----------------------------------------------------------

def test_home_about_and_map_say_how_many_practices_are_fictional(site_dir, catalog):
    n = len(catalog.practices)
    assert n == 13
    home = lxml.html.fromstring((site_dir / "index.html").read_bytes())
    said = text(home.xpath("//p[contains(@class, 'kb-fictie-telling')]")[0])
    assert said.startswith(f"Let op: Alle {n} praktijken in deze kennisbank zijn fictief: verzonnen voorbeelden")
    about = lxml.html.fromstring((site_dir / "over" / "index.html").read_bytes())
    assert text(about.xpath("//p[contains(@class, 'kb-fictie-telling')]")[0]).startswith(
        f"Alle {n} praktijken in deze kennisbank zijn fictief")
    kaart = lxml.html.fromstring((site_dir / "kaart" / "index.html").read_bytes())
    sentence = text(kaart.xpath("//article//h1/following-sibling::p[1]")[0])
    assert re.match(rf"\d+ van de 342 gemeenten vallen onder minstens één gepubliceerde praktijk\. "
                    rf"Alle {n} praktijken op de kaart zijn fictief:", sentence), sentence


def test_the_sentence_follows_the_data(catalog):
    real_two = with_records(catalog, voorbeeld_west_brabant_po={"voorbeeld": False},
                            voorbeeld_twente_vo={"voorbeeld": False})
    assert fiction_sentence(render_context(real_two)).startswith(
        "11 van de 13 praktijken in deze kennisbank zijn fictief: verzonnen voorbeelden, overal gemarkeerd als fictief. "
        "De andere zijn echte regionale afspraken.")
    one_real = with_records(catalog, **{r.id.replace("-", "_"): {"voorbeeld": False} for r in catalog.practices
                                        if r.id != BASE})
    assert fiction_sentence(render_context(one_real)).startswith("1 van de 13 praktijken in deze kennisbank is fictief")
    none = with_records(catalog, **{r.id.replace("-", "_"): {"voorbeeld": False} for r in catalog.practices})
    assert fiction_sentence(render_context(none)) == "Geen van de 13 praktijken in deze kennisbank is fictief."
    assert fiction_count(none.practices).fictional == 0 and fiction_count(catalog.practices).all


def test_map_tooltip_says_how_many_are_fictional():
    assert practice_count_label("Breda", 1, 1) == "Breda: 1 praktijk (fictief)"
    assert practice_count_label("Rotterdam", 2, 2) == "Rotterdam: 2 praktijken (beide fictief)"
    assert practice_count_label("Utrecht", 3, 1) == "Utrecht: 3 praktijken (waarvan 1 fictief)"
    assert practice_count_label("Zwolle", 1, 0) == "Zwolle: 1 praktijk"
    assert practice_count_label("Urk", 0) == "Urk: geen praktijk"


def test_map_on_the_site_marks_every_gemeente_and_row(site_dir):
    doc = lxml.etree.fromstring((site_dir / "kaart" / "index.html").read_bytes(), lxml.etree.HTMLParser())
    shapes = doc.xpath("//*[local-name()='g'][contains(@class, 'kaart-gedekt-groep')]/*[local-name()='a']")
    assert shapes and all(s.get("aria-label").endswith(("(fictief)", "(beide fictief)", "(alle fictief)"))
                          for s in shapes)
    rotterdam = [s for s in shapes if s.get("aria-label").startswith("Rotterdam:")]
    assert [s.get("aria-label") for s in rotterdam] == ["Rotterdam: 2 praktijken (beide fictief)"]


# --- downloads, feed, search ---------------------------------------------------------------------

def test_site_comparison_downloads_have_the_column_from_the_schema(site_dir, catalog):
    title = catalog.schemas["praktijk"]["properties"]["voorbeeld"]["title"]
    assert title == LABEL
    rows = list(csv.reader(io.StringIO((site_dir / "vergelijken" / "vergelijking.csv").read_text("utf-8-sig")),
                           delimiter=";"))
    assert rows[0][:3] == ["Praktijk", "Regio", LABEL] and rows[0][-1] == "Kenmerk"
    assert [r[2] for r in rows[1:]] == ["ja"] * 13
    book = openpyxl.load_workbook(site_dir / "vergelijken" / "vergelijking.xlsx")
    for sheet in book.worksheets[:-1]:  # the last sheet, "Toelichting", explains the columns
        values = list(sheet.iter_rows(values_only=True))
        assert values[0][2] == LABEL and [v[2] for v in values[1:]] == ["ja"] * 13, sheet.title


def test_feed_marks_fictional_practices_only(catalog):
    ctx = render_context(with_records(catalog, voorbeeld_twente_vo={"voorbeeld": False}))
    feed = lxml.etree.fromstring(atom_feed(ctx))
    entries = {e.findtext(f"{ATOM}id").split(":")[-1]: e for e in feed.findall(f"{ATOM}entry")}
    brabant, twente = entries[f"praktijken/{BASE}"], entries["praktijken/voorbeeld-twente-vo"]
    assert brabant.findtext(f"{ATOM}title") == "Praktijk (fictief voorbeeld): Doorbraaktafel en regiofonds in West-Brabant (PO)"
    assert [c.get("term") for c in brabant.findall(f"{ATOM}category")][0] == LABEL
    assert twente.findtext(f"{ATOM}title").startswith("Praktijk: ")
    assert LABEL not in [c.get("term") for c in twente.findall(f"{ATOM}category")]


def test_search_index_gives_a_fictional_practice_its_mark(site_dir, catalog):
    from macros.publish.search_index import indexed_pages
    pages = {p.path: p.html for p in indexed_pages(site_dir, catalog)}
    brabant = lxml.html.fromstring(pages[f"praktijken/{BASE}/index.html"])
    assert brabant.xpath("//span[@data-pagefind-meta='fictief']/text()") == [LABEL]
    real = with_records(catalog, **{BASE.replace("-", "_"): {"voorbeeld": False}})
    pages = {p.path: p.html for p in indexed_pages(site_dir, real)}
    assert lxml.html.fromstring(pages[f"praktijken/{BASE}/index.html"]).xpath("//span[@data-pagefind-meta='fictief']") == []


# --- validation: fiction stays off real organisations ---------------------------------------------

def write(practices: Path, text: str) -> None:
    (practices / "praktijken" / f"{BASE}.yaml").write_text(text, encoding="utf-8")


def validate(practices: Path, capsys) -> tuple[int, str]:
    code = main(["validate", str(practices)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_reserved_domains():
    for domain in ("swv.example", "a.b.example", "x.test", "x.invalid", "example.com", "mail.example.org",
                   "example.net", "SWV.EXAMPLE"):
        assert is_reserved(domain), domain
    for domain in ("swv-voorbeeld.nl", "example.nl", "notexample.com", "example.com.nl", "voorbeeld.org", "test.nl"):
        assert not is_reserved(domain), domain
    assert reserved_suggestion("swv-voorbeeld-twente.nl") == "swv-voorbeeld-twente.example"


def test_bundled_fictional_records_follow_the_rules(catalog):
    for r in catalog.practices:
        assert is_fictional(r)
        assert is_reserved(r.get("contact", "email").split("@")[1]), r.id
        names = [p["organisatie"] for p in r.get("partners")] + [r.get("contact", "organisatie")]
        assert all(n.endswith("(fictief)") for n in names), (r.id, names)
        assert not any("GGD West-Brabant" in n for n in names)


def test_a_fictional_record_with_a_registrable_mail_domain_is_refused(practices, capsys):
    text = base_text().replace("info@swv-voorbeeld.example", "info@swv-voorbeeld.nl")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    line = line_of(text, "email:")
    found = [p for p in out.splitlines() if f"{F}:{line}: contact.email: " in p]
    assert len(found) == 1, out
    assert "'info@swv-voorbeeld.nl' gebruikt het maildomein 'swv-voorbeeld.nl', dat iemand echt kan registreren" in found[0]
    assert "fictief voorbeeld (voorbeeld: true)" in found[0]
    assert "Schrijf bijvoorbeeld 'info@swv-voorbeeld.example'." in found[0]


def test_a_partner_without_fictief_is_refused_with_every_name_at_once(practices, capsys):
    text = (base_text().replace("Jeugdgezondheidszorg Voorbeeld West-Brabant (fictief)", "GGD West-Brabant")
            .replace("  organisatie: Samenwerkingsverband Voorbeeld PO West-Brabant (fictief)\n  email",
                     "  organisatie: Samenwerkingsverband Voorbeeld PO West-Brabant\n  email"))
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    ggd = [p for p in out.splitlines() if f"{F}:{line_of(text, 'GGD West-Brabant')}: partners[2].organisatie: " in p]
    assert len(ggd) == 1, out
    assert ggd[0].endswith("'GGD West-Brabant' mist '(fictief)'. Dit record is een fictief voorbeeld (voorbeeld: true); "
                           "elke organisatie die het noemt, moet zichtbaar verzonnen zijn, zodat geen echte organisatie "
                           "aan verzonnen afspraken vastzit. Schrijf 'GGD West-Brabant (fictief)', en noem liever geen "
                           "bestaande organisatie.")
    contact = line_of(text, "  organisatie: Samenwerkingsverband Voorbeeld PO West-Brabant\n")
    assert f"{F}:{contact}: contact.organisatie: 'Samenwerkingsverband Voorbeeld PO West-Brabant' mist '(fictief)'" in out
    assert "2 problemen in 1 bestand." in out


def test_a_real_record_may_use_real_domains_and_names(practices, capsys):
    text = (base_text().replace("voorbeeld: true", "voorbeeld: false")
            .replace("info@swv-voorbeeld.example", "info@swv-voorbeeld.nl")
            .replace("Jeugdgezondheidszorg Voorbeeld West-Brabant (fictief)", "GGD West-Brabant")
            .replace("swv: [PO9906]", "swv: [PO 30-03]"))   # a real record names its real SWV (Breda's, regio-indeling)
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 0, out


# --- in Chromium: the views the scripts draw ------------------------------------------------------

def badges_beside(locator) -> list[str]:
    return locator.evaluate_all("els => els.map(el => [...el.querySelectorAll('.kb-fictief')].map(b => b.textContent).join('|'))")


def test_side_by_side_columns_and_their_download_carry_the_mark(page, base_url):
    page.goto(base_url + f"vergelijken/naast-elkaar/?p={BASE}&p=voorbeeld-twente-vo", wait_until="networkidle")
    page.locator(".kb-naast-elkaar table").first.wait_for()
    heads = page.locator(".kb-naast-elkaar table").first.locator("thead th")
    assert heads.all_inner_texts()[0] == "Onderwerp"
    assert badges_beside(heads) == ["", LABEL, LABEL]
    labels = page.locator(".kb-naast-elkaar table").first.locator("tbody tr").first.locator("td").evaluate_all(
        "tds => tds.map(td => td.dataset.label)")
    assert labels == ["Doorbraaktafel en regiofonds in West-Brabant (PO) (Fictief voorbeeld)",
                      "Doorbraakfonds en vijfdagentafel in Twente (VO) (Fictief voorbeeld)"]
    with page.expect_download() as download:
        page.click("[data-kb-csv]")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig")), delimiter=";"))
    assert [r[:3] + r[-1:] for r in rows] == [["Praktijk", "Regio", LABEL, "Kenmerk"],
                                     ["Doorbraaktafel en regiofonds in West-Brabant (PO)", "West-Brabant", "ja", BASE],
                                     ["Doorbraakfonds en vijfdagentafel in Twente (VO)", "Twente", "ja", "voorbeeld-twente-vo"]]


def test_zelfscan_result_marks_every_practice_it_names(page, base_url):
    page.goto(base_url + "zelfscan/", wait_until="networkidle")
    page.check("#zs-geoorloofd_verzuim-dekking-deels")
    page.check("#zs-gegevensdeling-convenant-nee")
    page.click("button[type=submit][form=kb-zelfscan]")
    alike = page.locator(".kb-zelfscan-lijkt li")
    alike.first.wait_for()
    assert alike.count() == 3 and badges_beside(alike) == [LABEL] * 3
    first = alike.first.inner_text()
    assert re.match(r"^.+ Fictief voorbeeld \(.+\): lijkt (sterk|matig|weinig) op uw regio\.$", first), first
    heads = page.locator("table.kb-zelfscan-naast").first.locator("thead th")
    assert badges_beside(heads) == ["", "", LABEL, LABEL, LABEL]
    cells = page.locator("table.kb-zelfscan-naast").first.locator("tbody tr").first.locator("td")
    assert [c.endswith("(Fictief voorbeeld)") for c in cells.evaluate_all("tds => tds.map(td => td.dataset.label)")] == \
        [False, True, True, True]
    named = page.locator("section.kb-zelfscan-neem li li:has(a[data-praktijk])")
    assert named.count() > 0 and set(badges_beside(named)) == {LABEL}
    # every link to a practice in the result sits beside the mark
    links = page.locator(".kb-zelfscan-uitkomst a[href*='praktijken/']")
    holders = links.evaluate_all("as => as.map(a => (a.closest('li, th') || a).querySelectorAll('.kb-fictief').length)")
    assert holders and all(n >= 1 for n in holders), holders


def test_search_result_of_a_fictional_practice_shows_the_mark(page, base_url):
    page.goto(base_url)
    page.keyboard.press("/")
    page.locator("#kb-zoekveld").press_sequentially("regiofonds", delay=15)
    hit = page.locator(f"#kb-zoekresultaten a[href$='/praktijken/{BASE}/']")
    hit.wait_for()
    badge = hit.locator(".kb-zoek-titel .kb-fictief")
    assert badge.inner_text() == LABEL
    assert hit.locator(".kb-zoek-titel").inner_text().startswith("Doorbraaktafel en regiofonds in West-Brabant (PO)")
    other = page.locator("#kb-zoekresultaten a:not([href*='/praktijken/'])")
    assert all(n == 0 for n in other.evaluate_all("as => as.map(a => a.querySelectorAll('.kb-fictief').length)"))
