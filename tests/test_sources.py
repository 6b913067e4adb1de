"""Facts with their sources: the table practices/referentie/bronnen.csv, the citations on the law
page and the theme pages, the check before a build (an unknown source stops it, an old check warns),
and the corrected facts (the RMC is Doorstroompunt and serves young people from 12 to 23)."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from macros.render.sources import SourceError, cited, read_sources, source_report, stale
from conftest import ROOT, html_of, project_copy

THEMES = ["doorbraakoverleg", "financiering-passende-plek", "gegevensdeling", "geoorloofd-verzuim",
          "ondersteuning-regios", "ongeoorloofd-verzuim", "rol-leerplichtambtenaar", "samenwerking-jeugdhulp"]
FACT_PAGES = ["wet-en-beleid/"] + [f"themas/{t}/" for t in THEMES]
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
TODAY = date(2026, 12, 7)


def rows_of(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "titel", "url", "gecontroleerd", "opmerking"])
        writer.writeheader()
        writer.writerows(rows)


def set_checked(path: Path, ident: str, day: str) -> None:
    rows = rows_of(path)
    assert ident in {r["id"] for r in rows}
    write_rows(path, [{**r, "gecontroleerd": day} if r["id"] == ident else r for r in rows])


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", "build", "--site", str(site)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


# --- the built site -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", FACT_PAGES)
def test_each_fact_page_lists_its_sources_with_link_and_check_date(site_dir, url):
    tree = lxml.html.fromstring(html_of(site_dir, url))
    items = tree.xpath("//ol[@class='kb-bronnen']/li")
    assert items, f"{url}: geen bronnen"
    table = {r["id"]: r for r in rows_of(ROOT / "practices" / "referentie" / "bronnen.csv")}
    for item in items:
        ident = item.get("id").removeprefix("bron-")
        link = item.xpath("./a")[0]
        assert link.get("href") == table[ident]["url"] and link.get("href").startswith("https://")
        assert link.text_content() == table[ident]["titel"]
        day = date.fromisoformat(table[ident]["gecontroleerd"])
        checked = item.xpath("./span[@class='kb-gecontroleerd']")[0].text_content()
        assert re.fullmatch(rf"Gecontroleerd op \d{{1,2}} ({MONTHS}) \d{{4}}\.", checked), checked
        assert checked.startswith(f"Gecontroleerd op {day.day} ")


@pytest.mark.parametrize("url", FACT_PAGES)
def test_every_inline_reference_points_at_its_numbered_source(site_dir, url):
    tree = lxml.html.fromstring(html_of(site_dir, url))
    order = [li.get("id") for li in tree.xpath("//ol[@class='kb-bronnen']/li")]
    refs = tree.xpath("//a[@class='kb-bron']")
    assert refs, f"{url}: geen verwijzingen in de tekst"
    for ref in refs:
        target = ref.get("href").removeprefix("#")
        assert target in order, f"{url}: {target}"
        number = order.index(target) + 1
        assert ref.text_content() == f"[{number}]" and ref.get("aria-label") == f"Bron {number}"
    cited_ids = {ref.get("href").removeprefix("#") for ref in refs}
    assert set(order) == cited_ids, f"{url}: bronnen in de lijst zonder verwijzing: {set(order) - cited_ids}"


def test_the_old_rmc_age_range_appears_nowhere_in_the_built_site(site_dir):
    found = []
    for path in site_dir.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".csv", ".txt", ".js", ".md"}:
            if re.search(r"18\s+tot\s+23", path.read_text(encoding="utf-8", errors="replace")):
                found.append(str(path.relative_to(site_dir)))
    assert found == []


def test_doorstroompunt_is_named_where_the_rmc_is_explained(site_dir):
    glossary = lxml.html.fromstring(html_of(site_dir, "begrippen/"))
    rmc = glossary.xpath("//dt[@id='rmc']/following-sibling::dd[1]")[0].text_content()
    assert "sinds 1 mei 2023 Doorstroompunt genoemd" in rmc and "12 tot 23 jaar" in rmc
    entry = glossary.xpath("//dt[@id='doorstroompunt']/following-sibling::dd[1]")[0].text_content()
    assert entry.startswith("Sinds 1 mei 2023 de naam van de RMC-functie") and "12 tot 23 jaar" in entry
    role = lxml.html.fromstring(html_of(site_dir, "themas/rol-leerplichtambtenaar/"))
    section = role.xpath("//h2[starts-with(normalize-space(.), 'Het Doorstroompunt')]/following-sibling::p[1]")[0]
    text = section.text_content()
    assert "Sinds 1 mei 2023 heet die officieel Doorstroompunt" in text and "12 tot 23 jaar" in text
    law = lxml.html.fromstring(html_of(site_dir, "wet-en-beleid/")).text_content()
    assert "Sinds 1 mei 2023 heet de Regionale Meld- en Coördinatiefunctie (RMC) officieel Doorstroompunt" in law


def test_the_law_page_says_what_it_could_not_verify(site_dir):
    text = " ".join(lxml.html.fromstring(html_of(site_dir, "wet-en-beleid/")).text_content().split())
    assert "De stand na 22 mei 2025 is niet geverifieerd." in text
    assert "op 19 november 2020; reageren kon tot 4 januari 2021" in text
    assert "Route naar inclusief onderwijs 2035" in text and "Kamerstuk 36 667" in text and "31 497, nr. 497" in text
    rows = lxml.html.fromstring(html_of(site_dir, "themas/geoorloofd-verzuim/")).xpath(
        "//h2[starts-with(normalize-space(.), 'Vrijstellingen')]/following-sibling::table[1]//tr/td[1]")
    assert [r.text_content() for r in rows] == ["3a", "3b", "5, onder a", "5, onder b", "5, onder c", "5a", "11", "15"]


# --- the check before a build -------------------------------------------------------------------


def fixture_project(tmp_path: Path, checked: str, page: str) -> Path:
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    (project / "practices" / "referentie").mkdir(parents=True)
    write_rows(project / "practices" / "referentie" / "bronnen.csv", [
        {"id": "wet-a", "titel": "Wet A", "url": "https://example.org/a", "gecontroleerd": checked, "opmerking": ""},
        {"id": "brief-b", "titel": "Brief B", "url": "https://example.org/b", "gecontroleerd": "2026-11-01",
         "opmerking": ""}])
    (project / "docs" / "pagina.md").write_text(page, encoding="utf-8")
    return project


PAGE = '---\nbronnen:\n  - brief-b\n  - wet-a\n---\n\n# Pagina\n\nEen feit {{ bron("wet-a") }}.\n\n{{ bronnenlijst() }}\n'


def test_a_check_older_than_twelve_months_warns_with_page_and_source(tmp_path):
    errors, warnings = source_report(fixture_project(tmp_path, "2025-12-06", PAGE), TODAY)
    assert errors == []
    assert [(w.file, w.line, w.field) for w in warnings] == [("docs/pagina.md", 4, "bronnen")]
    assert "waarschuwing: de bron 'wet-a' (Wet A) is voor het laatst gecontroleerd op 2025-12-06" in warnings[0].message


def test_a_check_exactly_twelve_months_old_is_still_fresh(tmp_path):
    assert source_report(fixture_project(tmp_path, "2025-12-07", PAGE), TODAY) == ([], [])
    assert stale(date(2025, 2, 28), date(2028, 2, 29)) and not stale(date(2027, 2, 28), date(2028, 2, 29))


def test_an_unknown_source_is_an_error_with_page_line_and_fix(tmp_path):
    page = PAGE.replace("  - wet-a\n", "  - wet-weg\n")
    errors, warnings = source_report(fixture_project(tmp_path, "2026-12-01", page), TODAY)
    assert [(e.file, e.line, e.field) for e in errors] == [("docs/pagina.md", 4, "bronnen"),
                                                           ("docs/pagina.md", 9, 'bron("wet-a")')]
    assert "de bron 'wet-weg' bestaat niet" in errors[0].message and "bronnen.csv" in errors[0].message
    assert "staat niet in 'bronnen' bovenaan de pagina" in errors[1].message
    assert warnings == []


def test_the_page_macro_refuses_an_unknown_source(tmp_path):
    sources, problems = read_sources(fixture_project(tmp_path, "2026-12-01", PAGE) / "practices")
    assert problems == []
    assert [c.number for c in cited({"bronnen": ["brief-b", "wet-a"]}, sources, TODAY, "docs/x.md")] == [1, 2]
    with pytest.raises(SourceError, match=r"docs/x\.md: bronnen: de bron 'nergens' bestaat niet"):
        cited({"bronnen": ["brief-b", "nergens"]}, sources, TODAY, "docs/x.md")


def test_bad_rows_of_the_table_are_named_with_line_and_column(tmp_path):
    project = fixture_project(tmp_path, "7-12-2026", PAGE)
    path = project / "practices" / "referentie" / "bronnen.csv"
    write_rows(path, rows_of(path) + [{"id": "brief-b", "titel": "Dubbel", "url": "http://example.org/c",
                                       "gecontroleerd": "2026-01-01", "opmerking": ""}])
    sources, problems = read_sources(project / "practices")
    assert [(p.line, p.field) for p in problems] == [(2, "gecontroleerd"), (4, "url")]
    write_rows(path, [r for r in rows_of(path) if r["titel"] != "Dubbel"] + [
        {"id": "brief-b", "titel": "Dubbel", "url": "https://example.org/c", "gecontroleerd": "2026-01-01",
         "opmerking": ""}])
    assert [(p.line, p.field) for p in read_sources(project / "practices")[1]] == [(2, "gecontroleerd"), (4, "id")]


def test_the_real_pages_cite_only_known_sources_checked_within_twelve_months():
    assert source_report(ROOT, TODAY) == ([], [])


# --- the real build -----------------------------------------------------------------------------


def test_a_removed_source_stops_the_build_and_leaves_the_site_alone(tmp_path):
    project = project_copy(tmp_path)
    path = project / "practices" / "referentie" / "bronnen.csv"
    write_rows(path, [r for r in rows_of(path) if r["id"] != "menso-doorstroompunt"])
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 1
    assert not site.exists()
    assert "docs/wet-en-beleid.md:20: bronnen: de bron 'menso-doorstroompunt' bestaat niet." in result.stderr
    assert "docs/themas/rol-leerplichtambtenaar.md:9: bronnen: de bron 'menso-doorstroompunt' bestaat niet." in result.stderr
    assert "De site is niet gebouwd" in result.stderr and "Traceback" not in result.stderr


def test_an_old_check_warns_during_the_build_and_the_build_goes_on(tmp_path):
    project = project_copy(tmp_path)
    set_checked(project / "practices" / "referentie" / "bronnen.csv", "ncj-mazl", "2020-03-01")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "waarschuwing:" in line]
    assert warned == ["docs/themas/geoorloofd-verzuim.md:9: bronnen: waarschuwing: de bron 'ncj-mazl' (Nederlands "
                      "Centrum Jeugdgezondheid: MAZL) is voor het laatst gecontroleerd op 2020-03-01, meer dan twaalf "
                      "maanden geleden. Lees de bron opnieuw, pas de pagina zo nodig aan en zet de nieuwe datum in "
                      "practices/referentie/bronnen.csv."]
    item = lxml.html.fromstring(html_of(site, "themas/geoorloofd-verzuim/")).xpath("//li[@id='bron-ncj-mazl']")[0]
    assert "Gecontroleerd op 1 maart 2020 (meer dan twaalf maanden geleden" in item.text_content()


def test_an_example_between_raw_tags_is_not_a_citation(tmp_path):
    page = '# Uitleg\n\nSchrijf {% raw %}`{{ bron("id") }}`{% endraw %} na het feit.\n\n{{ bron("wet-a") }}\n'
    errors, warnings = source_report(fixture_project(tmp_path, "2026-12-01", page), TODAY)
    assert [(e.file, e.line, e.field) for e in errors] == [("docs/pagina.md", 5, 'bron("wet-a")')]
