"""Issue 11, the readers' views: comparisons at full width, every screen size, explained tables,
spreadsheet downloads, the feed and the history, the map filter, attachments as pages, the small
things (404, mailto, ended agreements, print).

The first half checks the render and publish functions on the small fixture catalogue (literal
values); the second half the built site in Debian's Chromium at phone and laptop widths, the
downloads opened by LibreOffice, the feed parsed with lxml and axe-core on every page type.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
import subprocess
import zipfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

import lxml.etree
import lxml.html
import openpyxl
import pytest
from odf.namespaces import TABLENS
from odf.opendocument import load as load_ods
from odf.table import TableCell

from macros.checks.formulas import FORMULA_START
from macros.load import history as history_module
from macros.load.attachments import markdown_attachments
from macros.load.catalog import load_catalog
from macros.load.history import FileHistory, file_history, parse_log
from macros.model.catalog import Record, freeze, thaw
from macros.publish.comparison_downloads import comparison_csv, comparison_xlsx, sheet_title, table
from macros.publish.feed import atom_feed, feed_entries
from macros.render import map as kaart
from macros.render.attachments import attachment_pages
from macros.render.changes import events, last_changed
from macros.render.context import render_context
from macros.render.listing import practice_list
from macros.render.practice import practice_page
from macros.render.tables import cell, comparison_table, compare_data
from accessibility import assert_accessible

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "practices"
TODAY = date(2026, 1, 1)
ALFA, BRAVO, CHARLIE = "fixture-alfa", "fixture-bravo", "fixture-charlie"
ATOM = "{http://www.w3.org/2005/Atom}"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


@pytest.fixture(scope="module")
def fixture_catalog():
    return load_catalog(FIXTURE, today=TODAY)


@pytest.fixture(scope="module")
def ctx(fixture_catalog):
    return render_context(fixture_catalog)


def doc_of(markdown_page: str):
    body = markdown_page.split("\n---\n", 1)[1]
    return lxml.html.fragment_fromstring(body, create_parent="div")


def text(node) -> str:
    return " ".join(node.text_content().split())


def with_records(catalog, **changes):
    """The catalogue with some practices changed: {practice id: {key: new value}}."""
    records = []
    for r in catalog.practices:
        data = thaw(r.data)
        data.update(changes.get(r.id.replace("-", "_"), {}))
        records.append(Record(r.file, freeze(data)))
    return dataclasses.replace(catalog, practices=tuple(records))


# --- 1 and 3: tables that explain themselves ------------------------------------------------------

def test_every_column_header_explains_itself_to_mouse_keyboard_and_screen_reader(ctx):
    doc = lxml.html.fragment_fromstring(comparison_table(ctx, "geoorloofd-verzuim", ctx.catalog.practices,
                                                         "themas/geoorloofd-verzuim/"), create_parent="div")
    headers = doc.xpath("//thead/tr/th")
    found = []
    for th in headers:
        button, = th.xpath(".//button[@class='kb-sorteer']")
        summary, = th.xpath(".//details[@class='kb-kopuitleg']/summary")
        explanation, = doc.xpath(f"//p[@id='{button.get('aria-describedby')}']")
        assert explanation.getparent().tag == "details"
        assert summary.get("title") is None  # Material would make a tooltip outside any landmark
        assert summary.xpath("span[1]/@aria-hidden") == ["true"]
        found.append((text(button), text(summary.xpath("span[@class='kb-sr']")[0]), text(explanation)))
    assert found == [
        ("Praktijk", "Uitleg bij Praktijk",
         "De naam van de praktijk, met de regio eronder. Kies de naam voor alle afspraken van die regio."),
        ("Geregeld", "Uitleg bij Geregeld",
         "Regelen de afspraken geoorloofd verzuim (ziekte, schorsing, vrijstellingen)?"),
        ("MAZL", "Uitleg bij MAZL",
         "Werkt de regio met MAZL (de jeugdarts ziet leerlingen met veel ziekmeldingen)? MAZL in de begrippenlijst"),
    ]
    assert doc.xpath("//p[@id='uitleg-geoorloofd-verzuim-mazl']/a/@href") == ["../../begrippen/#mazl"]
    assert [th.get("aria-sort") for th in headers] == ["ascending", "none", "none"]


def test_abbreviations_in_cells_link_to_the_glossary(ctx):
    assert ctx.gloss("Overleg in het OOGO met het SWV") == [
        ("Overleg in het ", "", ""),
        ("OOGO", "oogo", "Op overeenstemming gericht overleg tussen samenwerkingsverband en gemeenten."),
        (" met het ", "", ""),
        ("SWV", "swv", 'Samenwerkingsverband passend onderwijs: alle "schoolbesturen" & scholen in een regio '
                       'werken hierin samen.')]
    assert ctx.gloss("SWVs en swv blijven tekst") == [("SWVs en swv blijven tekst", "", "")]
    html = str(ctx.env.get_template("_cell.html").module.cell_html(
        ctx, dataclasses.replace(_text_cell(ctx), label="Besproken in het OOGO"), "vergelijken/"))
    cell = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [(a.get("href"), a.get("class"), a[0].tag, a[0].get("title"), text(a)) for a in cell.xpath("a")] == [
        ("../begrippen/#oogo", "kb-afkorting", "abbr",
         "Op overeenstemming gericht overleg tussen samenwerkingsverband en gemeenten.", "OOGO")]
    assert text(cell) == "Besproken in het OOGO"


def _text_cell(ctx):
    field = next(f for f in ctx.compare_fields("financiering-passende-plek") if f.path[-1] == "verdeling")
    return cell(ctx, ctx.catalog.practice(ALFA), field)


def test_rows_come_sorted_by_title_with_accents_folded(fixture_catalog):
    renamed = with_records(fixture_catalog, fixture_alfa={"titel": "Zeeland als laatste"},
                           fixture_bravo={"titel": "Éen regio vooraan"}, fixture_charlie={"titel": "Eerste daarna"})
    ctx = render_context(renamed)
    doc = lxml.html.fragment_fromstring(comparison_table(ctx, "doorbraakoverleg", ctx.catalog.practices, "x/"),
                                        create_parent="div")
    assert [text(a) for a in doc.xpath("//tbody/tr/th/a")] == ["Éen regio vooraan", "Eerste daarna", "Zeeland als laatste"]
    listed = lxml.html.fragment_fromstring(practice_list(ctx, ctx.catalog.practices, "x/"), create_parent="div")
    assert [text(a) for a in listed.xpath("//a[@class='kb-item__titel']")] == \
        ["Éen regio vooraan", "Eerste daarna", "Zeeland als laatste"]


def test_side_by_side_data_has_explanations_and_plain_texts(ctx):
    data = compare_data(ctx)
    field = data["themas"][0]["velden"][1]
    assert (field["titel"], field["uitleg"]) == ("MAZL", "Werkt de regio met MAZL (de jeugdarts ziet leerlingen met "
                                                        "veel ziekmeldingen)?")
    help_html = lxml.html.fragment_fromstring(field["hulp"])
    assert (help_html.tag, help_html.xpath("p/a/@href")) == ("details", ["../../begrippen/#mazl"])
    teksten = {p["id"]: p["teksten"] for p in data["praktijken"]}
    assert teksten[ALFA]["financiering-passende-plek"] == ["Ja", "Gezamenlijk fonds",
                                                          "Samenwerkingsverband 60 procent, gemeenten 40 procent."]
    assert teksten[CHARLIE]["doorbraakoverleg"] == ["Nee", "", "", "", ""], "not filled in is an empty cell"
    assert teksten[ALFA]["doorbraakoverleg"][2] == "10", "a term is the bare number under its column title"


# --- 4: the comparison as a spreadsheet -----------------------------------------------------------

CSV_HEADER = ("Praktijk;Regio;Fictief voorbeeld;Geoorloofd verzuim: Geregeld;Geoorloofd verzuim: MAZL;Ongeoorloofd verzuim: "
              "Geregeld;Ongeoorloofd verzuim: Melden vóór 16 uur;Rol van de leerplichtambtenaar: Preventief;Rol van de "
              "leerplichtambtenaar: Adviserend;Financiering passende plek: Vooraf afgesproken;Financiering passende "
              "plek: Model;Financiering passende plek: Wie betaalt wat;Doorbraakoverleg en casusregie: Doorbraakoverleg;"
              "Doorbraakoverleg en casusregie: Leden;"
              "Doorbraakoverleg en casusregie: Termijn besluit (werkdagen);Doorbraakoverleg en casusregie: "
              "Doorzettingsmacht;Doorbraakoverleg en casusregie: Casusregie;Gegevensdeling: Grondslag in de AVG;Gegevensdeling: Wettelijke bepaling;"
              "Gegevensdeling: Convenant;Gegevensdeling: Privacyprotocol;Gegevensdeling: DPIA;Samenwerking met jeugdhulp: "
              "Jeugdhulp betrokken;Samenwerking met jeugdhulp: Eén plan;Ondersteuning voor regio's: Volwassenheid;"
              "Ondersteuning voor regio's: Niveau van onderbouwing;Kenmerk")


def test_comparison_csv_is_utf8_with_bom_semicolons_and_labels(fixture_catalog):
    # Bravo made real, so the column "Fictief voorbeeld" must tell ja from nee (all fixtures are fictional).
    ctx = render_context(with_records(fixture_catalog, fixture_bravo={"voorbeeld": False}))
    data = comparison_csv(ctx)
    assert data[:3] == b"\xef\xbb\xbf"
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == CSV_HEADER
    assert lines[1] == ("Alfa doorbraaktafel met regiofonds;Testregio Alfa;ja;Ja;Onbekend;Nee;Deels;Ja;Deels;"
                        "Ja;Gezamenlijk fonds;Samenwerkingsverband 60 procent, gemeenten 40 procent.;Ja;"
                        "Samenwerkingsverband, Gemeente, Leerplicht;10;Samenwerkingsverband, Gemeente;"
                        "Samenwerkingsverband;Wettelijke verplichting (c), Taak van algemeen belang (e);"
                        "Leerplichtwet 1969 art. 21 en 22;Ja;Nee;Ja;Ja;Ja;Voorbeeldregio;Beschreven;fixture-alfa")
    assert lines[2].startswith("Bravo verzuimaanpak met vaste termijn;Testregio Bravo;nee;")
    assert lines[2].endswith(";fixture-bravo")
    assert lines[3] == ("Charlie zoekt steun bij gegevensdeling;Testregio Charlie;ja;Nee;Nee;Deels;Onbekend;"
                        "Deels;Onbekend;Onbekend;Verdeelsleutel;;Nee;;;;;Onbekend;;Deels;Onbekend;;Nee;Onbekend;"
                        "Voorbeeldregio;Beschreven;fixture-charlie")
    assert lines[4:] == [""] and len(lines) == 5


def test_comparison_xlsx_has_a_sheet_per_theme_numbers_and_a_fixed_date(fixture_catalog):
    ctx = render_context(with_records(fixture_catalog, fixture_bravo={"voorbeeld": False}))
    data = comparison_xlsx(ctx)
    assert data == comparison_xlsx(ctx), "the same data gives the same file"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(2025, 11, 1, 0, 0, 0)}  # newest review in the fixture
        core = package.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == ["2025-11-01T00:00:00Z"] * 2
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Alle thema's", "Geoorloofd verzuim", "Ongeoorloofd verzuim",
                               "Rol van de leerplichtambtenaar", "Financiering passende plek",
                               "Doorbraakoverleg en casusregie", "Gegevensdeling", "Samenwerking met jeugdhulp",
                               "Ondersteuning voor regio's", "Toelichting"]
    rows = list(book["Doorbraakoverleg en casusregie"].iter_rows(values_only=True))
    assert rows == [
        ("Praktijk", "Regio", "Fictief voorbeeld", "Doorbraakoverleg en casusregie: Doorbraakoverleg",
         "Doorbraakoverleg en casusregie: Leden",
         "Doorbraakoverleg en casusregie: Termijn besluit (werkdagen)", "Doorbraakoverleg en casusregie: Doorzettingsmacht",
         "Doorbraakoverleg en casusregie: Casusregie", "Kenmerk"),
        ("Alfa doorbraaktafel met regiofonds", "Testregio Alfa", "ja", "Ja", "Samenwerkingsverband, Gemeente, Leerplicht",
         10, "Samenwerkingsverband, Gemeente", "Samenwerkingsverband", ALFA),
        ("Bravo verzuimaanpak met vaste termijn", "Testregio Bravo", "nee", "Deels", "Samenwerkingsverband", 5,
         "Gemeente", "Leerplicht", BRAVO),
        ("Charlie zoekt steun bij gegevensdeling", "Testregio Charlie", "ja", "Nee", None, None, None, None, CHARLIE)]
    sheet = book["Alle thema's"]
    assert (sheet.freeze_panes, sheet.auto_filter.ref, book.properties.creator) == ("B2", "A1:AA4", "Kennisbank Doorbraakaanpak")
    assert [row[2] for row in sheet.iter_rows(values_only=True)] == ["Fictief voorbeeld", "ja", "nee", "ja"]


def test_sheet_names_hold_no_forbidden_characters_and_stay_unique():
    assert sheet_title("Verzuim / ziekte: [test]?", set()) == "Verzuim - ziekte- -test--"
    assert sheet_title("'Thema'", set()) == "Thema"
    assert sheet_title("Gegevensdeling", {"gegevensdeling"}) == "Gegevensdeling (2)"
    assert sheet_title("x" * 40, {"x" * 31}) == "x" * 27 + " (2)"


def test_a_value_that_would_be_a_formula_is_refused(fixture_catalog):
    hostile = with_records(fixture_catalog, fixture_alfa={
        "financiering": {"vooraf_afgesproken": "ja", "model": "gezamenlijk-fonds", "verdeling": "=HYPERLINK(\"x\")"}})
    with pytest.raises(ValueError, match="zou in een spreadsheet een formule zijn"):
        table(render_context(hostile))


# --- 5: history and feed --------------------------------------------------------------------------

GIT_LOG_TEXT = ("\x002026-03-02T10:00:00+01:00\n\npraktijken/fixture-alfa.yaml\nsjablonen/model-doorbraakoverleg.md\n"
                "\x002026-03-02T09:00:00+01:00\n\npraktijken/fixture-alfa.yaml\n"
                "\x002025-12-01T12:00:00+00:00\n\npraktijken/fixture-alfa.yaml\npraktijken/fixture-bravo.yaml\n")


def test_git_log_is_read_into_days_per_file():
    assert parse_log(GIT_LOG_TEXT) == {
        "praktijken/fixture-alfa.yaml": FileHistory((date(2026, 3, 2), date(2025, 12, 1))),
        "sjablonen/model-doorbraakoverleg.md": FileHistory((date(2026, 3, 2),)),
        "praktijken/fixture-bravo.yaml": FileHistory((date(2025, 12, 1),))}
    alfa = parse_log(GIT_LOG_TEXT)["praktijken/fixture-alfa.yaml"]
    assert (alfa.added, alfa.changed) == (date(2025, 12, 1), date(2026, 3, 2))


def test_history_is_one_git_log_for_the_whole_folder(monkeypatch):
    calls = []
    real = subprocess.run

    def counting(args, **kwargs):
        calls.append((tuple(args), kwargs.get("cwd")))
        return real(args, **kwargs)

    monkeypatch.setattr(history_module.subprocess, "run", counting)
    found = file_history(FIXTURE)
    assert calls == [(history_module.GIT_LOG, FIXTURE)]
    expected = subprocess.run(["git", "log", "-1", "--format=%aI", "--", "praktijken/fixture-alfa.yaml"], cwd=FIXTURE,
                              capture_output=True, text=True, check=True).stdout.strip()[:10]
    assert found["praktijken/fixture-alfa.yaml"].changed.isoformat() == expected
    assert {"praktijken/fixture-alfa.yaml", "praktijken/fixture-bravo.yaml", "datapackage.yaml"} <= set(found)


def test_history_falls_back_cleanly_without_git_or_repository(tmp_path, monkeypatch):
    shutil.copytree(FIXTURE, tmp_path / "practices")
    assert dict(file_history(tmp_path / "practices")) == {}, "not a repository"
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    assert dict(file_history(FIXTURE)) == {}, "no git"


def test_practice_history_from_record_and_git(fixture_catalog):
    ctx = render_context(fixture_catalog, history=parse_log(GIT_LOG_TEXT))
    alfa, charlie = ctx.catalog.practice(ALFA), ctx.catalog.practice(CHARLIE)
    assert events(ctx, alfa) == [
        {"datum": date(2026, 3, 2), "wat": "Bijgewerkt in de kennisbank"},
        {"datum": date(2025, 12, 1), "wat": "Toegevoegd aan de kennisbank"},
        {"datum": date(2025, 11, 1), "wat": "Beoordeeld door Ingrado"},
        {"datum": date(2021, 8, 1), "wat": "Afspraken in werking"},
        {"datum": date(2021, 3, 15), "wat": "Afspraken vastgelegd"}]
    assert (last_changed(ctx, alfa), last_changed(ctx, charlie)) == (date(2026, 3, 2), date(2025, 1, 15))
    page = doc_of(practice_page(ctx, alfa))
    history = page.xpath("//ul[@class='kb-geschiedenis']/li")
    assert [(li.xpath("time/@datetime")[0], text(li)) for li in history][:2] == [
        ("2026-03-02", "2 maart 2026: Bijgewerkt in de kennisbank"),
        ("2025-12-01", "1 december 2025: Toegevoegd aan de kennisbank")]
    listed = lxml.html.fragment_fromstring(practice_list(ctx, ctx.catalog.practices, "x/"), create_parent="div")
    assert [(li.get("data-gewijzigd"), text(li.xpath("span[@class='kb-item__meta']")[0]).split(" · ")[-1])
            for li in listed.xpath("//li")] == [("2026-03-02", "laatst gewijzigd 2 maart 2026"),
                                                ("2025-12-01", "laatst gewijzigd 1 december 2025"),
                                                ("2025-01-15", "laatst gewijzigd 15 januari 2025")]


def test_feed_lists_practices_and_template_versions_dated_by_the_data(fixture_catalog):
    ctx = render_context(fixture_catalog, history=parse_log(GIT_LOG_TEXT))
    xml = atom_feed(ctx)
    assert xml == atom_feed(ctx), "the same commit gives the same feed"
    feed = lxml.etree.fromstring(xml)
    assert feed.tag == f"{ATOM}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert (feed.findtext(f"{ATOM}title"), feed.findtext(f"{ATOM}updated")) == \
        ("Kennisbank Doorbraakaanpak: nieuw en gewijzigd", "2026-03-02T00:00:00+00:00")
    assert [(link.get("rel"), link.get("href")) for link in feed.findall(f"{ATOM}link")] == \
        [("self", "feed.xml"), ("alternate", "./")]
    entries = [(e.findtext(f"{ATOM}id").split(":")[-1], e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}published")[:10],
                e.findtext(f"{ATOM}updated")[:10], e.find(f"{ATOM}link").get("href"))
               for e in feed.findall(f"{ATOM}entry")]
    assert entries == [
        ("praktijken/fixture-alfa", "Praktijk (fictief voorbeeld): Alfa doorbraaktafel met regiofonds", "2025-12-01", "2026-03-02",
         "praktijken/fixture-alfa/"),
        ("praktijken/fixture-bravo", "Praktijk (fictief voorbeeld): Bravo verzuimaanpak met vaste termijn", "2025-12-01", "2025-12-01",
         "praktijken/fixture-bravo/"),
        ("sjablonen/model-doorbraakoverleg/1.0.0", "Sjabloon Model voor een doorbraakoverleg (testsjabloon), versie 1.0.0", "2025-06-01",
         "2025-06-01", "sjablonen/model-doorbraakoverleg/"),
        ("praktijken/fixture-charlie", "Praktijk (fictief voorbeeld): Charlie zoekt steun bij gegevensdeling", "2025-01-15", "2025-01-15",
         "praktijken/fixture-charlie/")]
    absolute = lxml.etree.fromstring(atom_feed(ctx, "https://kennisbank.example/"))
    assert absolute.findtext(f"{ATOM}id") == "https://kennisbank.example/"
    assert absolute.find(f"{ATOM}entry/{ATOM}link").get("href") == "https://kennisbank.example/praktijken/fixture-alfa/"


def test_a_practice_is_published_at_its_first_commit_even_when_reviewed_before(fixture_catalog):
    ctx = render_context(fixture_catalog, history=parse_log(GIT_LOG_TEXT))
    bravo = next(e for e in feed_entries(ctx) if e["id"] == "praktijken/fixture-bravo")
    assert (bravo["published"], bravo["updated"]) == (date(2025, 12, 1), date(2025, 12, 1))


# --- 7: attachments as pages ----------------------------------------------------------------------

def test_markdown_attachment_becomes_a_sanitised_page(fixture_catalog):
    texts = dict(markdown_attachments(fixture_catalog))
    assert texts == {"fixture-alfa-convenant.md": "# Convenant Alfa (fictief)\n\nDit is een fictief document voor de "
                                                  "tests van de kennisbank.\n"}
    texts["fixture-alfa-convenant.md"] += ("\n## Artikel 1\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))"
                                           " en [site](https://example.org/)\n\n# Bijlage A\n")
    ctx = render_context(fixture_catalog, attachments=texts)
    pages = attachment_pages(ctx)
    assert list(pages) == ["bijlagen/fixture-alfa-convenant.md"]
    page = pages["bijlagen/fixture-alfa-convenant.md"]
    assert page.startswith('---\ntitle: "Convenant Alfa (fictief)"\nrender_macros: false\n'
                           'description: "Bijlage bij Alfa doorbraaktafel met regiofonds"\nsearch: {"exclude": true}\n---\n')
    doc = doc_of(page)
    assert [text(h) for h in doc.xpath("//h1")] == ["Convenant Alfa (fictief)"]
    assert [(h.tag, text(h)) for h in doc.xpath("//div[@class='kb-bijlage']/*[self::h2 or self::h3]")] == \
        [("h3", "Artikel 1"), ("h2", "Bijlage A")]
    assert not doc.xpath("//script") and "alert" not in "".join(doc.xpath("//a/@href"))
    assert doc.xpath("//div[@class='kb-bijlage-over']//a/@href") == ["../../praktijken/fixture-alfa/"]
    assert not doc.xpath("//a[@download]"), "the raw Markdown is not published, so not offered (issue 23)"
    practice = doc_of(practice_page(ctx, ctx.catalog.practice(ALFA)))
    assert practice.xpath("//ul[@class='kb-documenten']/li/a/@href") == ["../../bijlagen/fixture-alfa-convenant/"]
    without = doc_of(practice_page(render_context(fixture_catalog), ctx.catalog.practice(ALFA)))
    assert without.xpath("//ul[@class='kb-documenten']/li/a/@href") == ["../../bijlagen/fixture-alfa-convenant.md"], \
        "an attachment that could not be read as text stays a download"


# --- 8: ended and replaced agreements -------------------------------------------------------------

def test_ended_or_replaced_agreements_say_so_instead_of_an_overdue_banner(fixture_catalog):
    plain = render_context(fixture_catalog)
    charlie = plain.catalog.practice(CHARLIE)  # next review 2025-07-01: overdue on TODAY
    titles = [text(t) for t in doc_of(practice_page(plain, charlie)).xpath("//p[@class='admonition-title']")]
    assert titles == ["Fictief voorbeeld", "Beoordeling verlopen"]

    ended = render_context(with_records(fixture_catalog, fixture_charlie={"status": "beeindigd"}))
    doc = doc_of(practice_page(ended, ended.catalog.practice(CHARLIE)))
    assert [text(t) for t in doc.xpath("//p[@class='admonition-title']")] == ["Fictief voorbeeld", "Beëindigd"]
    assert [text(p) for p in doc.xpath("//div[contains(@class, 'kb-einde')]/p")] == \
        ["Beëindigd", "De afspraken gelden niet meer; de praktijk blijft staan als naslag."]
    labels = lxml.html.fragment_fromstring(practice_list(ended, ended.catalog.practices, "x/"), create_parent="div")
    assert [[text(s) for s in li.xpath("span[contains(@class, 'kb-label')]")] for li in labels.xpath("//li")][2] == \
        ["Fictief voorbeeld", "Beëindigd"]

    replaced = render_context(with_records(fixture_catalog, fixture_bravo={"vervangt": CHARLIE}))
    doc = doc_of(practice_page(replaced, replaced.catalog.practice(CHARLIE)))
    assert [text(t) for t in doc.xpath("//p[@class='admonition-title']")] == ["Fictief voorbeeld", "Vervangen"]
    link = doc.xpath("//p[@class='kb-vervangt']/a")[0]
    assert (text(doc.xpath("//p[@class='kb-vervangt']")[0]), link.get("href")) == \
        ("Vervangen door Bravo verzuimaanpak met vaste termijn Fictief voorbeeld.", "../fixture-bravo/")
    labels = lxml.html.fragment_fromstring(practice_list(replaced, replaced.catalog.practices, "x/"), create_parent="div")
    assert [text(s) for s in labels.xpath("//li")[2].xpath("span[contains(@class, 'kb-label')]")] == \
        ["Fictief voorbeeld", "Vervangen"]


# --- 6: the map filter ----------------------------------------------------------------------------

def test_map_filter_offers_themes_and_models_and_marks_every_gemeente(fixture_catalog):
    shapes = kaart.project_shapes(kaart.load_topology(ROOT / "practices" / "referentie" / "kaart" /
                                                      "gemeenten-2025.topojson"))
    ctx = render_context(fixture_catalog, shapes=shapes)
    parts = kaart.map_page_parts(ctx, "kaart/")
    assert [(g["title"], [o["value"] for o in g["options"]]) for g in parts["filters"]] == [
        ("Thema", ["thema-geoorloofd-verzuim", "thema-financiering-passende-plek", "thema-doorbraakoverleg",
                   "thema-gegevensdeling"]),
        ("Financieringsmodel", ["model-gezamenlijk-fonds", "model-verdeelsleutel", "model-per-casus"])]
    rows = {row["naam"]: (row["filters"], [link["filters"] for link in row["links"]]) for row in parts["rows"]}
    assert rows["Breda"] == ("model-gezamenlijk-fonds thema-doorbraakoverleg thema-financiering-passende-plek",
                             ["model-gezamenlijk-fonds thema-doorbraakoverleg thema-financiering-passende-plek"])
    assert rows["Utrecht"][0] == ("model-gezamenlijk-fonds model-per-casus thema-doorbraakoverleg "
                                  "thema-financiering-passende-plek thema-geoorloofd-verzuim")
    svg = lxml.etree.fromstring(ctx.render("_map_svg.html", svg=parts["svg"]).strip())
    marked = svg.xpath("//*[local-name()='a']/@data-filter")
    assert len(marked) == len(parts["rows"]) and all(marked)


# --- the built site in Chromium -------------------------------------------------------------------

@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


THREE = ("voorbeeld-achterhoek-po-vo", "voorbeeld-amsterdam-vo", "voorbeeld-twente-vo")
SIDE_BY_SIDE = "vergelijken/naast-elkaar/?" + "&".join(f"p={p}" for p in THREE)
PAGE_TYPES = {
    "home": "", "lijst": "praktijken/", "filter": "praktijken/filter/thema-doorbraakoverleg/",
    "praktijk": "praktijken/voorbeeld-twente-vo/", "vergelijken": "vergelijken/", "naast-elkaar": SIDE_BY_SIDE,
    "kaart": "kaart/", "thema": "themas/doorbraakoverleg/", "sjablonen": "sjablonen/",
    "sjabloon": "sjablonen/afsprakenkader-verzuim/", "begrippen": "begrippen/", "data": "data/",
    "aanmelden": "aanmelden/", "zelfscan": "zelfscan/", "404": "404.html",
    "bijlage": "bijlagen/voorbeeld-twente-vo-convenant/",
}
WIDTHS = (320, 390, 1366)
WORD_SPLITS = """(root) => {
  const split = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement || !node.parentElement.getClientRects().length) continue;   // not shown
    for (const m of node.data.matchAll(/[^\\s\\-\\u2013\\u2014\\/,;]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) split.push(m[0]);
    }
  }
  return split;
}"""
FITS = """() => Array.from(document.querySelectorAll('.kb-tabel-wrap--vergelijk')).map(box => [
  box.getAttribute('aria-label'), Math.round(box.querySelector('table').getBoundingClientRect().width) <= box.clientWidth + 1,
  box.classList.contains('kb-past')])"""


@contextmanager
def opened(browser, base_url, path: str, width: int = 1366, height: int = 900, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL", **options)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    if "naast-elkaar/?" in path:
        page.wait_for_selector(".kb-naast-elkaar table", state="attached")  # hidden on a phone (cards instead)
    try:
        yield page
    finally:
        context.close()




@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_page_scrolls_sideways(browser, base_url, kind, width):
    with opened(browser, base_url, PAGE_TYPES[kind], width) as page:
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{kind} at {width} px"


@pytest.mark.parametrize("path", ["vergelijken/", SIDE_BY_SIDE, "vergelijken/naast-elkaar/?" + "&".join(
    f"p={p}" for p in (*THREE, "voorbeeld-rijnmond-po"))] + [f"themas/{t}/" for t in (
    "geoorloofd-verzuim", "ongeoorloofd-verzuim", "rol-leerplichtambtenaar", "financiering-passende-plek",
    "doorbraakoverleg", "gegevensdeling", "samenwerking-jeugdhulp", "ondersteuning-regios")])
def test_every_comparison_fits_a_laptop_beside_the_navigation_without_broken_words(browser, base_url, path):
    """The site navigation stays on comparison pages as on every page (issue 27); the table of contents
    makes way, and every table still fits the column of a 1,366 px laptop."""
    with opened(browser, base_url, path, 1366) as page:
        boxes = page.evaluate(FITS)
        assert boxes and all(fits and past for _, fits, past in boxes), boxes
        assert page.locator(".md-sidebar--primary").first.is_visible() and page.locator(".md-sidebar--secondary").first.is_hidden()
        split = page.locator(".kb-tabel-wrap--vergelijk").evaluate_all(
            f"boxes => boxes.flatMap(b => ({WORD_SPLITS})(b))")
        assert split == []
        assert not page.locator(".kb-schuifhint:visible").count()


def test_words_in_headers_and_cells_are_never_broken_on_a_phone(browser, base_url):
    for path in ("vergelijken/", SIDE_BY_SIDE, "praktijken/voorbeeld-twente-vo/"):
        with opened(browser, base_url, path, 320) as page:
            split = page.locator("table").evaluate_all(f"tables => tables.flatMap(t => ({WORD_SPLITS})(t))")
            assert split == [], path


def test_comparison_header_sticks_below_the_site_header_while_scrolling(browser, base_url):
    with opened(browser, base_url, "vergelijken/", 1366, 800) as page:
        table = page.locator('table[data-thema="doorbraakoverleg"]')
        table.locator("tbody tr").nth(8).scroll_into_view_if_needed()
        header = table.locator("thead th").first.bounding_box()
        site_header = page.locator(".md-header").bounding_box()
        assert abs(header["y"] - (site_header["y"] + site_header["height"])) <= 1


def test_side_by_side_on_a_phone_names_each_practice_once_per_theme(browser, base_url, catalog):
    """On a phone each theme is a card per practice: its name once (with the fiction mark), then each value
    beside the field it answers; the values are the cells of the table wider screens show."""
    with opened(browser, base_url, SIDE_BY_SIDE, 390, 844) as page:
        assert page.locator(".kb-naast-elkaar table").first.is_hidden()
        sections = page.locator(".kb-naast-kaarten")
        assert sections.count() == page.locator(".kb-naast-elkaar table").count() >= 7
        for i in range(sections.count()):
            section = sections.nth(i)
            assert section.is_visible()
            names = section.locator("h4").evaluate_all("hs => hs.map(h => h.querySelector('a').textContent)")
            assert names == [catalog.practice(p).get("titel") for p in THREE], "each practice named once, in order"
            assert section.locator("h4 .kb-fictief").count() == 3
            fields = page.locator(".kb-naast-elkaar table").nth(i).locator("tbody th[scope=row]").evaluate_all(
                "ths => ths.map(th => th.querySelector('.kb-kop').firstChild.textContent.trim())")
            for column, practice in enumerate(THREE):
                card = section.locator(f'.kb-naast-kaart[data-praktijk="{practice}"]')
                assert card.locator("dt").all_text_contents() == fields
                cells = page.locator(".kb-naast-elkaar table").nth(i).locator(f"tbody tr > td:nth-of-type({column + 1})")
                assert [" ".join(t.split()) for t in card.locator("dd").all_text_contents()] == \
                    [" ".join(t.split()) for t in cells.all_text_contents()]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # measured: 10,309 px with a card per row and every practice named in every row; 6,820 px now
        assert page.evaluate("document.documentElement.scrollHeight") < 7800
        assert_accessible(page, "naast elkaar op een telefoon")


def test_comparison_table_on_a_phone_scrolls_in_its_own_box_when_cards_are_off(browser, base_url):
    """Between phone and laptop (a tablet, 700 px) the wide table keeps its columns in a focusable,
    named box that scrolls by itself, with a hint; the page does not move."""
    with opened(browser, base_url, "vergelijken/", 700) as page:
        box = page.locator('.kb-tabel-wrap--vergelijk:has(table[data-thema="doorbraakoverleg"])')
        assert (box.get_attribute("role"), box.get_attribute("tabindex"), box.get_attribute("aria-label")) == \
            ("region", "0", "Vergelijking Doorbraakoverleg en casusregie")
        assert box.evaluate("b => b.scrollWidth > b.clientWidth")
        hint = box.locator("xpath=preceding-sibling::p[1]")
        assert hint.get_attribute("class") == "kb-schuifhint" and hint.is_visible()
        box.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        # Chromium may scroll smoothly, so the box reaches its new position a few frames later
        page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle(), timeout=5000)
        assert page.evaluate("document.documentElement.scrollWidth") <= 700


def cells_of(table, column: int) -> list[str]:
    return [" ".join(t.split()) for t in table.locator(f"tbody tr > :nth-child({column + 1})").all_inner_texts()]


def test_rows_start_by_title_and_onbekend_sorts_last_either_way(browser, base_url, catalog):
    with opened(browser, base_url, "vergelijken/") as page:
        table = page.locator('table[data-thema="financiering-passende-plek"]')
        titles = [a for a in table.locator("tbody th a").all_inner_texts()]
        in_browser = page.evaluate("t => t.slice().sort((a, b) => a.localeCompare(b, 'nl'))", titles)
        assert titles == in_browser == [r.get("titel") for r in sorted(
            catalog.practices, key=lambda r: r.get("titel").replace("é", "e").lower())]
        headers = table.locator("thead th")
        column = next(i for i in range(headers.count()) if "Vooraf afgesproken" in headers.nth(i).inner_text())
        button = headers.nth(column).locator("button.kb-sorteer")
        button.click()
        values = cells_of(table, column)
        known = [v for v in values if "Onbekend" not in v]
        assert values[len(known):] == ["? Onbekend"] * (len(values) - len(known)) and len(known) < len(values)
        assert known == sorted(known, key=["✗ Nee", "◐ Deels", "✓ Ja"].index)
        button.click()
        values = cells_of(table, column)
        known = [v for v in values if "Onbekend" not in v]
        assert values[len(known):] == ["? Onbekend"] * (len(values) - len(known))
        assert known == sorted(known, key=["✓ Ja", "◐ Deels", "✗ Nee"].index)


def test_header_explanation_by_mouse_keyboard_and_screen_reader(browser, base_url, catalog):
    description = catalog.schemas["praktijk"]["properties"]["ongeoorloofd_verzuim"]["properties"]["vroegsignalering"]["description"]
    with opened(browser, base_url, "vergelijken/") as page:
        th = page.locator('table[data-thema="ongeoorloofd-verzuim"] thead th').nth(2)
        button, summary = th.locator("button.kb-sorteer"), th.locator("summary")
        explained = page.evaluate("b => document.getElementById(b.getAttribute('aria-describedby')).textContent",
                                  button.element_handle())
        assert explained == description == "Bespreken school en leerplicht verzuim al vóór de wettelijke meldgrens van 16 uur in 4 weken?"
        explanation = th.locator("details p")
        assert explanation.is_hidden()
        button.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
        assert explanation.is_visible() and explanation.inner_text() == description
        assert_accessible(page, "vergelijken met uitleg open")
        page.keyboard.press("Escape")
        assert explanation.is_hidden() and page.evaluate("document.activeElement.tagName") == "SUMMARY"
        summary.click()
        assert explanation.is_visible()
        other = page.locator('table[data-thema="ongeoorloofd-verzuim"] thead th').nth(1).locator("summary")
        other.click()
        assert explanation.is_hidden(), "one explanation open at a time"


def soffice(args: list[str], out: Path) -> subprocess.CompletedProcess:
    binary = shutil.which("soffice")
    assert binary, "LibreOffice ontbreekt: installeer libreoffice-calc-nogui (make test doet dat)."
    return subprocess.run([binary, "--headless", "--norestore", f"-env:UserInstallation=file://{out / 'profiel'}",
                           *args, "--outdir", str(out)], capture_output=True, text=True, timeout=300)


def read_back(path: Path, out: Path, separator: int | None = None) -> tuple[list[list[str]], list]:
    """The file opened by LibreOffice Calc, saved as .ods: (rows of shown text of the first sheet, formulas)."""
    args = ([f"--infilter=CSV:{separator},34,76,1"] if separator else []) + ["--convert-to", "ods", str(path)]
    result = soffice(args, out)
    ods = out / f"{path.stem}.ods"
    assert ods.is_file(), result.stdout + result.stderr
    document = load_ods(str(ods))
    formulas = [c.attributes.get((TABLENS, "formula")) for c in document.getElementsByType(TableCell)
                if c.attributes.get((TABLENS, "formula"))]
    result = soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", str(ods)], out / "csv")
    rows = list(csv.reader((out / "csv" / f"{path.stem}.csv").read_text(encoding="utf-8").splitlines()))
    return rows, formulas


def test_full_comparison_downloads_open_in_libreoffice_with_labels(browser, base_url, catalog, tmp_path):
    with opened(browser, base_url, "vergelijken/", accept_downloads=True) as page:
        files = {}
        for suffix in ("xlsx", "csv"):
            with page.expect_download() as info:
                page.click(f"a[download][href$='.{suffix}']")
            files[suffix] = tmp_path / info.value.suggested_filename
            info.value.save_as(files[suffix])
    assert sorted(p.name for p in files.values()) == ["vergelijking.csv", "vergelijking.xlsx"]
    twente = catalog.practice("voorbeeld-twente-vo")
    for suffix, separator in (("csv", 59), ("xlsx", None)):
        rows, formulas = read_back(files[suffix], tmp_path / suffix, separator)
        assert formulas == [], suffix
        assert rows[0][:5] == ["Praktijk", "Regio", "Fictief voorbeeld", "Geoorloofd verzuim: Geregeld",
                               "Geoorloofd verzuim: MAZL"] and rows[0][-1] == "Kenmerk"
        assert {r[2] for r in rows[1:]} == {"ja"}, suffix
        assert len(rows) == len(catalog.practices) + 1
        row = dict(zip(rows[0], next(r for r in rows if r[-1] == twente.id)))
        assert (row["Praktijk"], row["Financiering passende plek: Model"],
                row["Doorbraakoverleg en casusregie: Termijn besluit (werkdagen)"],
                row["Ondersteuning voor regio's: Volwassenheid"]) == \
            (twente.get("titel"), "Gezamenlijk fonds", "5", "Voorbeeldregio")
        codes = {"gezamenlijk-fonds", "verdeelsleutel", "per-casus", "voorbeeldregio", "op-weg", "onafhankelijk-voorzitter"}
        assert not codes & {cell for r in rows for cell in r}, "labels, never codes"


def test_selection_downloads_only_the_chosen_practices_as_csv(browser, base_url, catalog, tmp_path):
    with opened(browser, base_url, SIDE_BY_SIDE, accept_downloads=True) as page:
        note = page.locator(".kb-download-keuze").inner_text()
        assert "Alleen de 3 gekozen praktijken" in note and "Excel-bestand (.xlsx)" in note
        with page.expect_download() as info:
            page.click("[data-kb-csv]")
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        assert_local_only(page, base_url)
    raw = path.read_bytes()
    assert path.name == f"vergelijking-{'-'.join(THREE)}.csv" and raw[:3] == b"\xef\xbb\xbf"
    assert raw.decode("utf-8-sig").split("\r\n")[0] == CSV_HEADER
    rows, formulas = read_back(path, tmp_path / "lo", 59)
    assert formulas == []
    assert [(r[0], r[-1]) for r in rows[1:]] == [(catalog.practice(p).get("titel"), p) for p in THREE]
    full = list(csv.reader(io.StringIO(comparison_csv(render_context(catalog)).decode("utf-8-sig")), delimiter=";"))
    chosen = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert chosen[1:] == [next(row for row in full if row[-1] == p) for p in THREE], "the same cells as the full comparison"


def test_published_downloads_have_no_cell_that_starts_like_a_formula(site_dir):
    text_csv = (site_dir / "vergelijken" / "vergelijking.csv").read_text(encoding="utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text_csv), delimiter=";") for c in row]
    book = openpyxl.load_workbook(site_dir / "vergelijken" / "vergelijking.xlsx")
    cells += [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert len(cells) > 300 and not [c for c in cells if c.lstrip().startswith(FORMULA_START)]
    data = json.loads((site_dir / "vergelijken" / "praktijken.json").read_text(encoding="utf-8"))
    texts = [t for p in data["praktijken"] for values in p["teksten"].values() for t in values]
    assert not [t for t in texts if t.lstrip().startswith(FORMULA_START)]


def assert_local_only(page, base_url):
    host = base_url.split("/")[2]
    assert not [u for u in page.requests if not u.startswith(("data:", "blob:")) and u.split("/")[2] != host]


def test_feed_is_linked_from_every_page_and_lists_what_is_new(browser, base_url, site_dir, catalog):
    for kind, path in PAGE_TYPES.items():  # read from the files: the browser resolves the link as urljoin does
        address = path.split("?")[0]
        file = site_dir / (address if address.endswith(".html") else address + "index.html")
        head = lxml.html.fromstring(file.read_text(encoding="utf-8")).find("head")
        assert head.find("base") is None, kind
        hrefs = head.xpath('link[@rel="alternate"][@type="application/atom+xml"]/@href')
        assert [urljoin(base_url + path, h) for h in hrefs] == [base_url + "feed.xml"], kind
    feed = lxml.etree.fromstring(urlopen(base_url + "feed.xml").read())
    entries = feed.findall(f"{ATOM}entry")
    versions = sum(len(t.get("wijzigingen")) for t in catalog.templates)
    assert len(entries) == len(catalog.practices) + versions
    ids = [e.findtext(f"{ATOM}id").split(":", 2)[-1] for e in entries]
    assert {f"praktijken/{r.id}" for r in catalog.practices} <= set(ids)
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True) and feed.findtext(f"{ATOM}updated") == updated[0]
    for entry in entries:
        target = entry.find(f"{ATOM}link").get("href")
        assert (site_dir / target / "index.html").is_file(), target
    home = lxml.html.fromstring((site_dir / "index.html").read_text(encoding="utf-8"))
    assert home.xpath("//p[@class='kb-feed']/a[@type='application/atom+xml']/@href") == ["feed.xml"]
    assert home.xpath("//a[starts-with(@href, 'mailto:')]/@href") == ["mailto:kennisbank@ingrado.nl"]


def test_list_sorts_by_last_change_and_keeps_the_choice(browser, base_url, catalog):
    with opened(browser, base_url, "praktijken/") as page:
        items = page.locator(".kb-item")
        assert items.first.locator("time").count() == 1
        by_title = items.locator(".kb-item__titel").all_inner_texts()
        date_of = dict(zip(by_title, items.evaluate_all("lis => lis.map(li => li.dataset.gewijzigd)")))
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", d) for d in date_of.values())
        page.select_option("#kb-volgorde", "gewijzigd")
        assert "volgorde=gewijzigd" in page.url
        # newest first; equal dates keep the order by title (Python's sort is stable with reverse too)
        assert items.locator(".kb-item__titel").all_inner_texts() == sorted(by_title, key=date_of.get, reverse=True)
        page.click('.kb-filters a[data-facet="onderwijssoort"][data-waarde="vo"]')
        assert "volgorde=gewijzigd" in page.url and "onderwijssoort=vo" in page.url
        shown = page.locator(".kb-item:visible").count()
        assert shown == len([r for r in catalog.practices if "vo" in r.get("onderwijssoort")])
        page.reload()
        assert page.input_value("#kb-volgorde") == "gewijzigd"
        assert page.locator(".kb-item:visible").count() == shown
        assert_accessible(page, "lijst op datum")


def test_map_legend_is_small_and_the_filter_keeps_the_table_in_step(browser, base_url, catalog):
    with opened(browser, base_url, "kaart/") as page:
        for swatch in page.locator(".kaart-legenda svg").all():
            box = swatch.bounding_box()
            assert box["width"] <= 24 and box["height"] <= 18, box
        assert page.locator(".kaart svg.kaart-svg").bounding_box()["width"] > 300
        page.select_option("#kaart-filter-keuze", "model-gezamenlijk-fonds")
        wanted = {c for r in catalog.practices if r.get("financiering", "model") == "gezamenlijk-fonds"
                  for c in r.get("gemeenten")}
        rows = page.locator(".kaart-tabel tbody tr:visible")
        assert rows.count() == len(wanted)
        assert set(rows.locator("td:nth-child(2)").all_inner_texts()) == wanted
        dimmed = page.locator(".kaart-gedekt-groep a.kaart-uit").count()
        assert dimmed == page.locator(".kaart-gedekt-groep a").count() - len(wanted)
        assert page.locator("[data-kb-kaartstatus]").inner_text() == \
            f"{len(wanted)} gemeenten vallen onder een praktijk met Financieringsmodel: Gezamenlijk fonds."
        assert_accessible(page, "kaart gefilterd")
        page.select_option("#kaart-filter-keuze", "")
        assert page.locator(".kaart-gedekt-groep a.kaart-uit").count() == 0


def test_an_attachment_opens_as_a_page_and_its_raw_markdown_is_not_published(browser, base_url, catalog, tmp_path):
    with opened(browser, base_url, "praktijken/voorbeeld-twente-vo/", reduced_motion="reduce") as page:
        page.click("ul.kb-documenten a:text('Convenant')")
        page.wait_for_load_state()
        assert page.url == base_url + "bijlagen/voorbeeld-twente-vo-convenant/"
        assert page.locator("h1").inner_text() == "Convenant doorbraakaanpak Twente (fictief voorbeeld)"
        assert page.locator(".md-header").is_visible(), "a page of the site, not raw text"
        assert "# " not in page.locator(".kb-bijlage").inner_text()
        assert page.locator("a[download]").count() == 0, "no raw Markdown to offer (issue 23)"
        assert page.request.get(base_url + "bijlagen/voorbeeld-twente-vo-convenant.md").status == 404
        assert_accessible(page, "bijlage")


def test_404_page_is_dutch(browser, base_url):
    with opened(browser, base_url, "404.html") as page:
        assert page.locator("h1").inner_text() == "Pagina niet gevonden"
        assert page.title() == "Pagina niet gevonden - Kennisbank Doorbraakaanpak"
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.locator("article a", has_text="Alle praktijken").get_attribute("href") == "/praktijken/"


def test_ended_and_replaced_practice_says_so_in_page_and_list(browser, base_url, catalog):
    old = catalog.practice("voorbeeld-rijnmond-po-2018")
    assert old.get("redactie", "volgende_beoordeling") < catalog.today.isoformat(), "the case of the issue: overdue"
    with opened(browser, base_url, f"praktijken/{old.id}/") as page:
        titles = page.locator(".admonition-title").all_inner_texts()
        assert titles == ["Fictief voorbeeld", "Vervangen"]
        assert page.locator(".kb-einde .kb-vervangt").inner_text() == \
            f"Vervangen door {catalog.practice('voorbeeld-rijnmond-po').get('titel')} Fictief voorbeeld."
    with opened(browser, base_url, "praktijken/") as page:
        item = page.locator(".kb-item", has=page.locator(f'a[href="{old.id}/"]'))
        assert item.locator(".kb-label").all_inner_texts() == ["Fictief voorbeeld", "Vervangen"]


def test_printed_practice_page_starts_with_key_data_address_and_date(browser, base_url, tmp_path):
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext ontbreekt: installeer poppler-utils (make test doet dat)."
    path = "praktijken/voorbeeld-twente-vo/"
    with opened(browser, base_url, path) as page:
        labels = [" ".join(t.split()) for t in page.locator(".kb-kaartje th").all_inner_texts()]
        page.emulate_media(media="print")
        assert page.locator(".kb-afdruk").is_visible() and page.locator(".md-sidebar--primary").is_hidden()
        today = page.evaluate("new Date().toLocaleDateString('nl-NL', {day: 'numeric', month: 'long', year: 'numeric'})")
        (tmp_path / "p.pdf").write_bytes(page.pdf(format="A4", prefer_css_page_size=True))
    first = subprocess.run([pdftotext, "-f", "1", "-l", "1", str(tmp_path / "p.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout
    flat = " ".join(first.split())
    assert f"Webadres: {base_url}{path} · afgedrukt op {today}" in flat
    assert re.search(r"\d{1,2} (" + "|".join(MONTHS) + r") \d{4}", today)
    assert "Kerngegevens" in flat and all(label in flat for label in labels), [l for l in labels if l not in flat]


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_passes_axe_and_stays_on_its_host(browser, base_url, kind):
    with opened(browser, base_url, PAGE_TYPES[kind]) as page:
        assert_accessible(page, kind)
        assert_local_only(page, base_url)
    with opened(browser, base_url, PAGE_TYPES[kind], 390, 844) as page:
        assert_accessible(page, f"{kind} op een telefoon")
