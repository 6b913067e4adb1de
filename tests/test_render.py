"""The render layer on the small fixture catalogue: literal values in parsed HTML, no site build.

`tests/fixtures/practices/` holds three fictitious practices whose values differ on every
comparison field (see the YAML files). Pages are Markdown with raw HTML blocks; they are
converted with the site's own Markdown extensions (from mkdocs.yml) before parsing, so the
headings and the glossary abbreviations are checked as a reader gets them.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import shutil
from datetime import date
from pathlib import Path

import lxml.html
import markdown
import pytest
import yaml

from macros.load.catalog import load_catalog
from macros.render.compare import compare_page, side_by_side_page
from macros.render.context import render_context
from macros.render.listing import (facet_counts, filter_pages, filter_url, listing_page, overdue,
                                   practice_list)
from macros.render.reference import abbreviations, data_page, field_reference, glossary_page
from macros.render.tables import Cell, cell, compare_data, comparison_table

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "practices"
TODAY = date(2026, 1, 1)
ALFA, BRAVO, CHARLIE = "fixture-alfa", "fixture-bravo", "fixture-charlie"
TITLES = {ALFA: "Alfa doorbraaktafel met regiofonds", BRAVO: "Bravo verzuimaanpak met vaste termijn",
          CHARLIE: "Charlie zoekt steun bij gegevensdeling"}


@pytest.fixture(scope="module")
def ctx():
    return render_context(load_catalog(FIXTURE, today=TODAY))


# --- helpers -----------------------------------------------------------------------------------

def _site_markdown() -> markdown.Markdown:
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))  # MkDocs' own reader (it knows !ENV)
    names, options = [], {}
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def split_page(page: str) -> tuple[dict, str]:
    """(front matter, Markdown body) of a generated page."""
    assert page.startswith("---\n")
    meta, body = page[4:].split("\n---\n", 1)
    return yaml.safe_load(meta), body


def as_html(markdown_text: str):
    """Markdown as MkDocs turns it into HTML, parsed; permalink anchors removed."""
    doc = lxml.html.fragment_fromstring(_site_markdown().convert(markdown_text), create_parent="div")
    for link in doc.xpath("//a[@class='headerlink']"):
        link.drop_tree()
    return doc


def page_html(page: str):
    return as_html(split_page(page)[1])


def fragment(html: str):
    return lxml.html.fragment_fromstring(html, create_parent="div")


def text(node) -> str:
    return " ".join(node.text_content().split())


def one(doc, xpath: str):
    found = doc.xpath(xpath)
    assert len(found) == 1, (xpath, len(found))
    return found[0]


def classes(node) -> list[str]:
    return (node.get("class") or "").split()


def record(ctx, practice_id: str):
    return ctx.catalog.practice(practice_id)


# --- comparison cells and tables --------------------------------------------------------------

def field(ctx, theme: str, title: str):
    return next(f for f in ctx.compare_fields(theme) if f.title == title)


def test_cell_is_data_with_label_icon_and_sort_key(ctx):
    mazl = field(ctx, "geoorloofd-verzuim", "MAZL")
    assert cell(ctx, record(ctx, BRAVO), mazl) == Cell("dekking", "Ja", "ja", "✓", "3")
    assert cell(ctx, record(ctx, ALFA), mazl) == Cell("dekking", "Onbekend", "onbekend", "?", "")
    termijn = field(ctx, "doorbraakoverleg", "Termijn besluit (werkdagen)")
    assert cell(ctx, record(ctx, ALFA), termijn) == Cell("tekst", "10", sort="000000010.00")
    macht = field(ctx, "doorbraakoverleg", "Doorzettingsmacht")
    assert cell(ctx, record(ctx, ALFA), macht) == Cell("tekst", "Samenwerkingsverband, Gemeente", sort="2")
    assert cell(ctx, record(ctx, CHARLIE), termijn) == Cell("leeg")
    leden = field(ctx, "doorbraakoverleg", "Leden")
    assert cell(ctx, record(ctx, ALFA), leden) == Cell("tekst", "Samenwerkingsverband, Gemeente, Leerplicht", sort="3")
    grondslag = field(ctx, "gegevensdeling", "Grondslag in de AVG")
    assert cell(ctx, record(ctx, ALFA), grondslag) == Cell(
        "tekst", "Wettelijke verplichting (c), Taak van algemeen belang (e)", sort="2")
    assert cell(ctx, record(ctx, CHARLIE), grondslag) == Cell("tekst", "Onbekend", sort="1")
    wet = field(ctx, "gegevensdeling", "Wettelijke bepaling")
    assert cell(ctx, record(ctx, ALFA), wet) == Cell("tekst", "Leerplichtwet 1969 art. 21 en 22",
                                                     sort="leerplichtwet 1969 art. 21 en 22")
    assert cell(ctx, record(ctx, BRAVO), wet) == Cell("leeg")


def rows_of(table_html: str):
    doc = fragment(table_html)
    return doc, doc.xpath("//tbody/tr")


def test_coverage_cells_show_icon_and_label_for_every_value(ctx):
    doc, rows = rows_of(comparison_table(ctx, "geoorloofd-verzuim", ctx.catalog.practices, "themas/geoorloofd-verzuim/"))
    seen = []
    for row in rows:
        for td in row.xpath("td"):
            badge = one(td, "span[contains(@class, 'kb-dekking')]")
            icon = one(badge, "span[@aria-hidden='true']")
            seen.append((classes(badge), icon.text, text(badge)))
    assert seen == [
        (["kb-dekking", "kb-dekking--ja"], "✓", "✓ Ja"), (["kb-dekking", "kb-dekking--onbekend"], "?", "? Onbekend"),
        (["kb-dekking", "kb-dekking--deels"], "◐", "◐ Deels"), (["kb-dekking", "kb-dekking--ja"], "✓", "✓ Ja"),
        (["kb-dekking", "kb-dekking--nee"], "✗", "✗ Nee"), (["kb-dekking", "kb-dekking--nee"], "✗", "✗ Nee"),
    ]


def test_comparison_table_has_caption_headers_rows_and_links(ctx):
    doc, rows = rows_of(comparison_table(ctx, "doorbraakoverleg", ctx.catalog.practices, "themas/doorbraakoverleg/"))
    wrap = one(doc, "div")
    assert (wrap.get("class"), wrap.get("role"), wrap.get("aria-label"), wrap.get("tabindex")) == \
        ("kb-tabel-wrap kb-tabel-wrap--vergelijk", "region", "Vergelijking Doorbraakoverleg en casusregie", "0")
    table = one(doc, "//table")
    assert (classes(table), table.get("data-thema")) == (["kb-vergelijk", "kb-sorteerbaar"], "doorbraakoverleg")
    assert text(one(doc, "//caption")) == ("Doorbraakoverleg en casusregie: 3 praktijken vergeleken. Sorteer met "
                                           "de knoppen in de kolomkoppen; het vraagteken legt een kolom uit.")
    headers = doc.xpath("//thead/tr/th")
    assert [text(one(th, "span/button")) for th in headers] == ["Praktijk", "Doorbraakoverleg", "Leden",
                                                                "Termijn besluit (werkdagen)", "Doorzettingsmacht", "Casusregie"]
    assert [(th.get("scope"), th.get("aria-sort")) for th in headers] == [("col", "ascending")] + [("col", "none")] * 5
    assert all(one(th, "span/button").get("class") == "kb-sorteer" for th in headers)
    assert [(one(r, "th/a").get("href"), text(one(r, "th/a")), text(one(r, "th/span[@class='kb-regio']")))
            for r in rows] == [("../../praktijken/fixture-alfa/", TITLES[ALFA], "Testregio Alfa"),
                               ("../../praktijken/fixture-bravo/", TITLES[BRAVO], "Testregio Bravo"),
                               ("../../praktijken/fixture-charlie/", TITLES[CHARLIE], "Testregio Charlie")]
    assert [[text(td) for td in r.xpath("td")] for r in rows] == [
        ["✓ Ja", "Samenwerkingsverband, Gemeente, Leerplicht", "10", "Samenwerkingsverband, Gemeente",
         "Samenwerkingsverband"],
        ["◐ Deels", "Samenwerkingsverband", "5", "Gemeente", "Leerplicht"],
        ["✗ Nee"] + ["niet ingevuld"] * 4,
    ]
    assert [classes(s) for s in rows[2].xpath("td[position() > 1]/span")] == [["kb-leeg"]] * 4


def test_comparison_table_without_practices_says_so(ctx):
    doc = fragment(comparison_table(ctx, "doorbraakoverleg", (), "themas/doorbraakoverleg/"))
    assert not doc.xpath("//table")
    assert (one(doc, "p").get("class"), text(doc)) == ("kb-leeg", "Er zijn nog geen praktijken om te vergelijken.")


def js_order(keys: list[str], ascending: bool) -> list[int]:
    """Row order after kennisbank.js sorts on these data-sort keys: digits compare as numbers,
    an empty key (unknown) goes last in either direction, equal keys keep their order."""
    def natural(key: str):
        return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key)]
    known = sorted((i for i, k in enumerate(keys) if k), key=lambda i: natural(keys[i]), reverse=not ascending)
    return known + [i for i, k in enumerate(keys) if not k]


def column_keys(ctx, theme: str, title: str) -> list[str]:
    _, rows = rows_of(comparison_table(ctx, theme, ctx.catalog.practices, "vergelijken/"))
    columns = ["Praktijk"] + [f.title for f in ctx.compare_fields(theme)]
    return [r.xpath("th|td")[columns.index(title)].get("data-sort") for r in rows]


@pytest.mark.parametrize("theme, title, keys, ascending, descending", [
    ("doorbraakoverleg", "Praktijk", ["alfa doorbraaktafel met regiofonds", "bravo verzuimaanpak met vaste termijn",
                                      "charlie zoekt steun bij gegevensdeling"], [ALFA, BRAVO, CHARLIE], [CHARLIE, BRAVO, ALFA]),
    ("doorbraakoverleg", "Termijn besluit (werkdagen)", ["000000010.00", "000000005.00", ""], [BRAVO, ALFA, CHARLIE], [ALFA, BRAVO, CHARLIE]),
    ("doorbraakoverleg", "Doorbraakoverleg", ["3", "2", "1"], [CHARLIE, BRAVO, ALFA], [ALFA, BRAVO, CHARLIE]),
    ("doorbraakoverleg", "Leden", ["3", "1", ""], [BRAVO, ALFA, CHARLIE], [ALFA, BRAVO, CHARLIE]),
    ("doorbraakoverleg", "Casusregie", ["samenwerkingsverband", "leerplicht", ""], [BRAVO, ALFA, CHARLIE], [ALFA, BRAVO, CHARLIE]),
    ("geoorloofd-verzuim", "MAZL", ["", "3", "1"], [CHARLIE, BRAVO, ALFA], [BRAVO, CHARLIE, ALFA]),
    ("financiering-passende-plek", "Vooraf afgesproken", ["3", "1", ""], [BRAVO, ALFA, CHARLIE], [ALFA, BRAVO, CHARLIE]),
    ("gegevensdeling", "Grondslag in de AVG", ["2", "1", "1"], [BRAVO, CHARLIE, ALFA], [ALFA, BRAVO, CHARLIE]),
])
def test_sort_keys_in_row_order_and_the_order_they_give(ctx, theme, title, keys, ascending, descending):
    found = column_keys(ctx, theme, title)
    assert found == keys
    ids = [r.id for r in ctx.catalog.practices]
    assert ids == [ALFA, BRAVO, CHARLIE]
    assert [ids[i] for i in js_order(found, ascending=True)] == ascending
    assert [ids[i] for i in js_order(found, ascending=False)] == descending


# --- the side-by-side data ---------------------------------------------------------------------

EXPECTED_THEMES = [
    ("geoorloofd-verzuim", "Geoorloofd verzuim", ["Geregeld", "MAZL"]),
    ("ongeoorloofd-verzuim", "Ongeoorloofd verzuim", ["Geregeld", "Melden vóór 16 uur"]),
    ("rol-leerplichtambtenaar", "Rol van de leerplichtambtenaar", ["Preventief", "Adviserend"]),
    ("financiering-passende-plek", "Financiering passende plek", ["Vooraf afgesproken", "Model", "Wie betaalt wat"]),
    ("doorbraakoverleg", "Doorbraakoverleg en casusregie", ["Doorbraakoverleg", "Leden",
                                                            "Termijn besluit (werkdagen)", "Doorzettingsmacht",
                                                            "Casusregie"]),
    ("gegevensdeling", "Gegevensdeling", ["Grondslag in de AVG", "Wettelijke bepaling", "Convenant", "Privacyprotocol",
                                          "DPIA"]),
    ("samenwerking-jeugdhulp", "Samenwerking met jeugdhulp", ["Jeugdhulp betrokken", "Eén plan"]),
    ("ondersteuning-regios", "Ondersteuning voor regio's", ["Volwassenheid", "Niveau van onderbouwing"]),
]
LEEG = "niet ingevuld"
EXPECTED_VALUES = {
    ALFA: {"geoorloofd-verzuim": ["✓ Ja", "? Onbekend"], "ongeoorloofd-verzuim": ["✗ Nee", "◐ Deels"],
           "rol-leerplichtambtenaar": ["✓ Ja", "◐ Deels"],
           "financiering-passende-plek": ["✓ Ja", "Gezamenlijk fonds", "Samenwerkingsverband 60 procent, gemeenten 40 procent."],
           "doorbraakoverleg": ["✓ Ja", "Samenwerkingsverband, Gemeente, Leerplicht", "10",
                                "Samenwerkingsverband, Gemeente", "Samenwerkingsverband"],
           "gegevensdeling": ["Wettelijke verplichting (c), Taak van algemeen belang (e)", "Leerplichtwet 1969 art. 21 en 22", "✓ Ja", "✗ Nee", "Ja"], "samenwerking-jeugdhulp": ["✓ Ja", "✓ Ja"],
           "ondersteuning-regios": ["Voorbeeldregio", "Beschreven"]},
    BRAVO: {"geoorloofd-verzuim": ["◐ Deels", "✓ Ja"], "ongeoorloofd-verzuim": ["✓ Ja", LEEG],
            "rol-leerplichtambtenaar": ["✗ Nee", "✓ Ja"],
            "financiering-passende-plek": ["✗ Nee", "Per casus", "Per leerling, na overleg."],
            "doorbraakoverleg": ["◐ Deels", "Samenwerkingsverband", "5", "Gemeente", "Leerplicht"],
            "gegevensdeling": ["Toestemming (a)", LEEG, "✗ Nee", "✓ Ja", LEEG], "samenwerking-jeugdhulp": ["◐ Deels", LEEG],
            "ondersteuning-regios": ["Op weg", "Onderbouwd"]},
    CHARLIE: {"geoorloofd-verzuim": ["✗ Nee", "✗ Nee"], "ongeoorloofd-verzuim": ["◐ Deels", "? Onbekend"],
              "rol-leerplichtambtenaar": ["◐ Deels", "? Onbekend"],
              "financiering-passende-plek": ["? Onbekend", "Verdeelsleutel", LEEG],
              "doorbraakoverleg": ["✗ Nee"] + [LEEG] * 4,
              "gegevensdeling": ["Onbekend", LEEG, "◐ Deels", "? Onbekend", LEEG], "samenwerking-jeugdhulp": ["✗ Nee", "? Onbekend"],
              "ondersteuning-regios": ["Voorbeeldregio", "Beschreven"]},
}


def test_compare_data_has_the_themes_fields_and_every_cell_of_every_practice(ctx):
    data = json.loads(json.dumps(compare_data(ctx), ensure_ascii=False))  # what the browser gets
    assert [(t["code"], t["label"], [v["titel"] for v in t["velden"]]) for t in data["themas"]] == EXPECTED_THEMES
    assert [(p["id"], p["titel"], p["regio"]) for p in data["praktijken"]] == [
        (ALFA, TITLES[ALFA], "Testregio Alfa"), (BRAVO, TITLES[BRAVO], "Testregio Bravo"),
        (CHARLIE, TITLES[CHARLIE], "Testregio Charlie")]
    for practice in data["praktijken"]:
        shown = {theme: [text(fragment(html)) for html in cells] for theme, cells in practice["waarden"].items()}
        assert shown == EXPECTED_VALUES[practice["id"]], practice["id"]
    alfa = data["praktijken"][0]["waarden"]
    assert alfa["financiering-passende-plek"][0] == ('<span class="kb-dekking kb-dekking--ja">'
                                                     '<span aria-hidden="true">✓</span> Ja</span>')
    assert data["praktijken"][2]["waarden"]["doorbraakoverleg"][1] == '<span class="kb-leeg">niet ingevuld</span>'
    assert alfa["ondersteuning-regios"] == ["Voorbeeldregio", "Beschreven"]


def test_compare_data_cells_are_the_table_cells(ctx):
    data = compare_data(ctx)
    for theme in ctx.compare_themes():
        _, rows = rows_of(comparison_table(ctx, theme, ctx.catalog.practices, "vergelijken/"))
        for row, practice in zip(rows, data["praktijken"]):
            cells = [lxml.html.tostring(td, encoding="unicode", with_tail=False) for td in row.xpath("td")]
            inner = [re.sub(r"^<td[^>]*>|</td>$", "", c) for c in cells]
            assert inner == practice["waarden"][theme], (theme, practice["id"])


# --- the comparison pages ---------------------------------------------------------------------

def test_compare_page_has_a_heading_and_table_per_theme(ctx):
    meta, _ = split_page(compare_page(ctx))
    assert meta == {"title": "Vergelijken", "render_macros": False, "search": {"exclude": True},
                    "description": "Vergelijkingstabellen per thema en praktijken naast elkaar.",
                    "hide": ["toc"]}
    doc = page_html(compare_page(ctx))
    assert text(one(doc, "h1")) == "Vergelijken"
    assert [(h.get("id"), text(h)) for h in doc.xpath("h2")] == \
        [(code, label) for code, label, _ in EXPECTED_THEMES] + [("resultaten", "Resultaten")]
    assert [(a.get("href"), text(a)) for a in doc.xpath("nav/ul/li/a")] == \
        [(f"#{code}", label) for code, label, _ in EXPECTED_THEMES] + [("#resultaten", "Resultaten")]
    assert [t.get("data-thema") for t in doc.xpath("//table[@data-thema]")] == [code for code, _, _ in EXPECTED_THEMES]
    assert [len(t.xpath("tbody/tr")) for t in doc.xpath("//table[@data-thema]")] == [3] * 8
    assert [t.get("data-indicator") for t in doc.xpath("//table[@data-indicator]")] == \
        ["thuiszitters-3-maanden", "vrijstellingen-5a-per-1000"]
    assert one(doc, "p/a").get("href") == "naast-elkaar/"
    first_links = doc.xpath("//table[@data-thema='geoorloofd-verzuim']/tbody/tr/th/a/@href")
    assert first_links == ["../praktijken/fixture-alfa/", "../praktijken/fixture-bravo/", "../praktijken/fixture-charlie/"]


def test_side_by_side_page_offers_every_practice_by_title(ctx):
    page = side_by_side_page(ctx)
    assert split_page(page)[0]["title"] == "Naast elkaar vergelijken"
    doc = page_html(page)
    form = one(doc, "//form")
    assert (form.get("class"), form.get("method"), form.get("action"), form.get("data-bron")) == \
        ("kb-kies", "get", "./", "../praktijken.json")
    assert "data-kb-naast-elkaar" in form.attrib
    assert [(i.get("type"), i.get("name"), i.get("value")) for i in form.xpath(".//input")] == \
        [("checkbox", "p", ALFA), ("checkbox", "p", BRAVO), ("checkbox", "p", CHARLIE)]
    assert [text(label) for label in form.xpath(".//label")] == [
        f"{TITLES[ALFA]} Fictief voorbeeld (Testregio Alfa)", f"{TITLES[BRAVO]} Fictief voorbeeld (Testregio Bravo)",
        f"{TITLES[CHARLIE]} Fictief voorbeeld (Testregio Charlie)"]
    message = one(form, ".//p[@class='kb-melding']")
    assert (message.get("role"), "hidden" in message.attrib) == ("alert", True)
    assert one(doc, "//div[@class='kb-naast-elkaar']").get("aria-live") == "polite"
    assert one(doc, "//noscript//a").get("href") == "../"


# --- the practice list and the filters --------------------------------------------------------

EXPECTED_FILTERS = [
    ("thema", "geoorloofd-verzuim", "Geoorloofd verzuim", 1),
    ("thema", "financiering-passende-plek", "Financiering passende plek", 1),
    ("thema", "doorbraakoverleg", "Doorbraakoverleg en casusregie", 2),
    ("thema", "gegevensdeling", "Gegevensdeling", 1),
    ("onderwijssoort", "po", "Primair onderwijs", 2),
    ("onderwijssoort", "vo", "Voortgezet onderwijs", 1),
    ("provincie", "groningen", "Groningen", 1),
    ("provincie", "noord-brabant", "Noord-Brabant", 1),
    ("provincie", "utrecht", "Utrecht", 2),
    ("volwassenheid", "voorbeeldregio", "Voorbeeldregio", 2),
    ("volwassenheid", "op-weg", "Op weg", 1),
    ("onderbouwing", "beschreven", "Beschreven", 2),
    ("onderbouwing", "onderbouwd", "Onderbouwd", 1),
    ("status", "in-voorbereiding", "In voorbereiding", 1),
    ("status", "actief", "Actief", 2),
]


def filter_links(doc) -> list[tuple]:
    return [(a.get("data-facet"), a.get("data-waarde"), a.text.strip(), text(one(a, "span[@class='kb-aantal']")))
            for a in doc.xpath("//nav[@class='kb-filters']//a[@data-facet != 'alle']")]


def test_listing_filter_links_carry_the_count_of_each_value(ctx):
    doc = page_html(listing_page(ctx))
    assert filter_links(doc) == [(f, v, label, f"({n})") for f, v, label, n in EXPECTED_FILTERS]
    hrefs = doc.xpath("//nav[@class='kb-filters']//a[@data-facet != 'alle']/@href")
    assert hrefs == [f"filter/{f}-{v}/" for f, v, _, _ in EXPECTED_FILTERS]
    assert [text(legend) for legend in doc.xpath("//fieldset[@class='kb-facet']/legend")] == \
        ["Thema", "Onderwijssoort", "Provincie", "Volwassenheid", "Onderbouwing", "Status"]
    reset = one(doc, "//a[@data-facet='alle']")
    assert (reset.get("href"), reset.get("class"), text(reset)) == ("./", "kb-alle", "Alle praktijken tonen")
    assert not doc.xpath("//a[@aria-current]")
    assert {k: n for k, n in facet_counts(ctx).items() if n} == {(f, v): n for f, v, _, n in EXPECTED_FILTERS}


def test_listing_shows_every_practice_with_its_filter_values(ctx):
    page = listing_page(ctx)
    assert split_page(page)[0]["title"] == "Praktijken"
    doc = page_html(page)
    assert text(one(doc, "h1")) == "Praktijken"
    assert text(one(doc, "p[strong]")).startswith("De kennisbank bevat 3 praktijken. Kies een filter")
    assert one(doc, "//div[@class='kb-lijstpagina']").get("data-kb-filter") == ""
    counter = one(doc, "//p[@class='kb-teller']")
    assert (text(counter), counter.get("role"), counter.get("aria-live")) == ("3 praktijken getoond.", "status", "polite")
    items = doc.xpath("//div[@id='resultaten']/ul[@class='kb-lijst']/li[@class='kb-item']")
    assert [{k: v for k, v in li.attrib.items() if k.startswith("data-")} for li in items] == [
        {"data-thema": "doorbraakoverleg financiering-passende-plek", "data-onderwijssoort": "po",
         "data-provincie": "noord-brabant utrecht", "data-volwassenheid": "voorbeeldregio",
         "data-onderbouwing": "beschreven", "data-status": "actief",
         "data-gewijzigd": "2025-11-01"},
        {"data-thema": "doorbraakoverleg geoorloofd-verzuim", "data-onderwijssoort": "vo",
         "data-provincie": "utrecht", "data-volwassenheid": "op-weg", "data-onderbouwing": "onderbouwd",
         "data-status": "actief",
         "data-gewijzigd": "2025-10-01"},
        {"data-thema": "gegevensdeling", "data-onderwijssoort": "po",
         "data-provincie": "groningen", "data-volwassenheid": "voorbeeldregio", "data-onderbouwing": "beschreven",
         "data-status": "in-voorbereiding",
         "data-gewijzigd": "2025-01-15"},
    ]
    assert [(one(li, "a").get("href"), text(one(li, "a"))) for li in items] == \
        [(f"{pid}/", TITLES[pid]) for pid in (ALFA, BRAVO, CHARLIE)]
    assert [[text(s) for s in li.xpath("span[contains(@class, 'kb-label')]")] for li in items] == \
        [["Fictief voorbeeld"], ["Fictief voorbeeld"], ["Fictief voorbeeld", "Beoordeling verlopen"]]
    assert [text(one(li, "span[@class='kb-item__meta']")) for li in items] == [
        "Testregio Alfa · PO · Voorbeeldregio · Actief · laatst gewijzigd 1 november 2025",
        "Testregio Bravo · VO · Op weg · Actief · laatst gewijzigd 1 oktober 2025",
        "Testregio Charlie · PO · Voorbeeldregio · In voorbereiding · laatst gewijzigd 15 januari 2025"]
    assert text(one(items[1], "span[@class='kb-item__tekst']")) == (
        "Fictief testvoorbeeld. School, leerplicht en jeugdarts bespreken verzuim vroeg; het doorbraakoverleg "
        "beslist binnen vijf werkdagen.")


def test_overdue_compares_the_next_review_with_today(ctx):
    assert [overdue(ctx.catalog, r) for r in ctx.catalog.practices] == [False, False, True]
    charlie = record(ctx, CHARLIE)  # volgende_beoordeling: 2025-07-01
    assert overdue(dataclasses.replace(ctx.catalog, today=date(2025, 7, 1)), charlie) is False
    assert overdue(dataclasses.replace(ctx.catalog, today=date(2025, 7, 2)), charlie) is True


def test_filter_pages_one_per_value_with_the_matching_practices(ctx):
    pages = filter_pages(ctx)
    assert sorted(pages) == sorted(f"praktijken/filter/{f}-{v}.md" for f, v, _, _ in EXPECTED_FILTERS)
    meta, _ = split_page(pages["praktijken/filter/onderwijssoort-po.md"])
    assert meta == {"title": "Praktijken: onderwijssoort Primair onderwijs", "render_macros": False,
                    "description": "Praktijken met onderwijssoort Primair onderwijs.", "search": {"exclude": True}}
    expected = {("onderwijssoort", "po"): [ALFA, CHARLIE], ("onderwijssoort", "vo"): [BRAVO],
                ("thema", "doorbraakoverleg"): [ALFA, BRAVO], ("provincie", "utrecht"): [ALFA, BRAVO],
                ("status", "in-voorbereiding"): [CHARLIE]}
    for (facet, value), ids in expected.items():
        doc = page_html(pages[f"praktijken/filter/{facet}-{value}.md"])
        label = next(lab for f, v, lab, _ in EXPECTED_FILTERS if (f, v) == (facet, value))
        assert text(one(doc, "h1")) == f"Praktijken: {facet} {label}"
        assert text(one(doc, "//p[@class='kb-teller']")) == f"{len(ids)} van 3 praktijken."
        items = doc.xpath("//li[@class='kb-item']")
        assert [one(li, "a").get("href") for li in items] == [f"../../{pid}/" for pid in ids]
        assert not doc.xpath("//span[@class='kb-item__tekst']"), "filter pages list titles without summaries"
        current = one(doc, "//a[@aria-current='page']")
        assert (current.get("data-facet"), current.get("data-waarde")) == (facet, value)
        assert filter_links(doc) == [(f, v, lab, f"({n})") for f, v, lab, n in EXPECTED_FILTERS]
        assert doc.xpath("//a[@data-facet='thema']/@href")[0] == "../thema-geoorloofd-verzuim/"
        assert one(doc, "//a[@data-facet='alle']").get("href") == "../../"


def test_filter_url_and_practice_list_fragment(ctx):
    assert filter_url("provincie", "noord-brabant") == "praktijken/filter/provincie-noord-brabant/"
    doc = fragment(practice_list(ctx, [record(ctx, CHARLIE), record(ctx, ALFA)], "themas/gegevensdeling/", summary=False))
    assert [(a.get("href"), text(a)) for a in doc.xpath("//li/a")] == [
        ("../../praktijken/fixture-alfa/", TITLES[ALFA]), ("../../praktijken/fixture-charlie/", TITLES[CHARLIE])]
    empty = fragment(practice_list(ctx, [], "themas/gegevensdeling/"))
    assert (one(empty, "p").get("class"), text(empty)) == ("kb-leeg", "Geen praktijken gevonden.")


# --- glossary, abbreviations, open data, field reference --------------------------------------

GLOSSARY = [("mazl", "MAZL", "Meer Aandacht voor Ziekgemelde Leerlingen: de jeugdarts ziet leerlingen met veel ziekmeldingen."),
            ("oogo", "OOGO", "Op overeenstemming gericht overleg tussen samenwerkingsverband en gemeenten."),
            ("swv", "SWV", 'Samenwerkingsverband passend onderwijs: alle "schoolbesturen" & scholen in een regio '
                           "werken hierin samen.")]


def test_glossary_page_lists_terms_alphabetically_with_ids(ctx):
    page = glossary_page(ctx)
    assert split_page(page)[0] == {"title": "Begrippen", "render_macros": False,
                                   "description": "Begrippenlijst van de kennisbank."}
    doc = page_html(page)
    dl = one(doc, "dl")
    assert dl.get("class") == "kb-begrippen"
    assert [(dt.get("id"), text(dt), text(dt.getnext())) for dt in dl.xpath("dt")] == GLOSSARY


def test_abbreviations_are_one_line_per_term_and_explain_terms(ctx):
    assert abbreviations(ctx) == (
        "\n\n*[SWV]: Samenwerkingsverband passend onderwijs: alle &quot;schoolbesturen&quot; &amp; scholen in een "
        "regio werken hierin samen.\n"
        "*[MAZL]: Meer Aandacht voor Ziekgemelde Leerlingen: de jeugdarts ziet leerlingen met veel ziekmeldingen.\n"
        "*[OOGO]: Op overeenstemming gericht overleg tussen samenwerkingsverband en gemeenten.\n")
    doc = as_html("Het SWV, MAZL en het OOGO." + abbreviations(ctx))
    assert [(text(a), a.get("title")) for a in doc.xpath("//abbr")] == [(t, u) for _, t, u in
                                                                         [GLOSSARY[2], GLOSSARY[0], GLOSSARY[1]]]
    assert text(doc) == "Het SWV, MAZL en het OOGO."


def field_rows(html: str) -> dict[str, list[str]]:
    doc = fragment(html)
    return {text(one(tr, "th/code")): [text(td) for td in tr.xpath("td")] for tr in doc.xpath("//tbody/tr")}


def test_field_reference_rows_from_the_schema(ctx):
    html = field_reference(ctx, "praktijk")
    doc = fragment(html)
    assert text(one(doc, "//caption")) == "Velden van een praktijk"
    assert one(doc, "div").get("aria-label") == "Velden van een praktijk"
    assert [text(th) for th in doc.xpath("//thead//th")] == ["Veld", "Naam", "Verplicht", "Soort", "Betekenis"]
    rows = field_rows(html)
    assert list(rows) == [f.dotted for f in ctx.fields["praktijk"]]
    assert rows["id"][:3] == ["Kenmerk", "ja", "tekst"]
    assert rows["context"][:3] == ["Aanleiding", "nee", "tekst"]
    assert rows["status"] == ["Status", "ja", "code uit status: in-voorbereiding, actief, in-evaluatie, beeindigd",
                              "Fase van de afspraken."]
    assert rows["voorbeeld"][1:3] == ["ja", "true of false"]
    assert rows["gemeenten[]"][1:3] == ["ja", "gemeentecode of -naam"]
    assert rows["rmc_regio"][1:3] == ["ja", "RMC-code"]
    assert rows["datums.afgesproken"][1:3] == ["ja", "datum (JJJJ-MM-DD)"]
    assert rows["datums.in_werking"][1:3] == ["nee", "datum (JJJJ-MM-DD)"]
    assert rows["doorbraakoverleg.termijn_overleg_werkdagen"][:3] == ["Termijn overleg (werkdagen)", "nee", "geheel getal"]
    assert rows["doorbraakoverleg.termijn_besluit_werkdagen"][:3] == ["Termijn besluit (werkdagen)", "nee", "geheel getal"]
    assert rows["financiering.vooraf_afgesproken"][1:3] == ["ja", "code uit dekking: ja, deels, nee, onbekend"]
    assert rows["partners[].rol"][1] == "ja"
    assert rows["resultaten[].waarde"][2] == "getal"
    templates = field_rows(field_reference(ctx, "sjabloon"))
    assert templates["id"][1] == "ja"
    assert text(one(fragment(field_reference(ctx, "sjabloon")), "//caption")) == "Velden van een sjabloon"


def test_data_page_lists_tables_with_row_counts_and_reference_files(ctx):
    page = data_page(ctx)
    assert split_page(page)[0]["title"] == "Open data"
    doc = page_html(page)
    assert [text(h) for h in doc.xpath("h2")] == ["Tabellen met praktijken en sjablonen", "Referentietabellen en codelijsten",
                                                  "JSON Schema's", "Velden van een praktijk", "Velden van een sjabloon"]
    lists = doc.xpath("ul")
    compiled = [(a.get("href"), text(a.getparent())) for a in lists[0].xpath("li/a")]
    assert compiled[:7] == [("tabellen/praktijken.csv", "praktijken (3 rijen)"),
                            ("tabellen/praktijk-swv.csv", "praktijk-swv (3 rijen)"),
                            ("tabellen/praktijk-gemeenten.csv", "praktijk-gemeenten (5 rijen)"),
                            ("tabellen/praktijk-onderwijssoort.csv", "praktijk-onderwijssoort (3 rijen)"),
                            ("tabellen/praktijk-themas.csv", "praktijk-themas (5 rijen)"),
                            ("tabellen/partners.csv", "partners (4 rijen)"),
                            ("tabellen/doorbraakoverleg-leden.csv", "doorbraakoverleg-leden (4 rijen)")]
    assert ("tabellen/sjablonen.csv", "sjablonen (1 rijen)") in compiled
    static = [(a.get("href"), text(a), text(one(a.getparent(), "code"))) for a in lists[1].xpath("li/a")]
    assert static[:3] == [("referentie/gemeenten.csv", "Gemeenten op 1 januari 2025", "referentie/gemeenten.csv"),
                          ("referentie/rmc-regios.csv", "RMC-regio's 2025", "referentie/rmc-regios.csv"),
                          ("codelijsten/themas.csv", "Thema's", "codelijsten/themas.csv")]
    assert lists[2].xpath("li/a/@href") == ["schema/praktijk.schema.json", "schema/sjabloon.schema.json"]
    download = one(doc, "//a[contains(@class, 'md-button')]")
    assert (download.get("href"), "download" in download.attrib) == ("datapackage.json", True)
    assert [t.xpath("caption")[0].text for t in doc.xpath("//table[@class='kb-velden']")] == \
        ["Velden van een praktijk", "Velden van een sjabloon"]


# --- hostile input ----------------------------------------------------------------------------

HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "{{ 7*7 }}",
           "{% raw %}")
HOSTILE_TEXT = " ".join(HOSTILE)
# The schema forbids < > { } [ ] in a title; what it allows still tries to break out of an attribute.
TITLE_ATTACK = "\"' onmouseover=alert(1) x=' javascript:alert(1) &amp;"
TEXT_FIELDS = ("samenvatting", "context", "werkwijze", "regio")
BLOCKS = ("geoorloofd_verzuim", "ongeoorloofd_verzuim", "doorbraakoverleg", "financiering", "leerplicht",
          "gegevensdeling", "jeugdhulp")
HOSTILE_TERM_EXPLANATION = "Eerste regel.\n\n" + "\n".join(HOSTILE)
# Labels also reach Markdown headings, where link and emphasis syntax would be live.
MARKDOWN_ATTACK = "[klik](javascript:alert(1)) *nadruk* {#kaping}"
LABEL_ATTACK = f"{HOSTILE_TEXT} {MARKDOWN_ATTACK}"


def _write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _poison_records(root: Path) -> None:
    for path in (root / "praktijken").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["titel"] = f"{TITLE_ATTACK} {data['id']}"
        data.update({key: HOSTILE_TEXT for key in TEXT_FIELDS})
        for block in BLOCKS:
            data[block]["toelichting"] = HOSTILE_TEXT
        data["financiering"]["verdeling"] = HOSTILE_TEXT
        # The fixtures are fictional: their organisation names must say "(fictief)" (macros.checks.fiction).
        data["contact"]["organisatie"] = f"{HOSTILE_TEXT} (fictief)"
        for partner in data["partners"]:
            partner["organisatie"] = f"{HOSTILE_TEXT} (fictief)"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _poison_lists(root: Path) -> None:
    for path in (root / "codelijsten").glob("*.csv"):
        rows = _read_csv(path)
        if path.stem == "begrippen":
            rows += [{"term": "Vijandig", "uitleg": HOSTILE_TERM_EXPLANATION},
                     {"term": HOSTILE_TEXT, "uitleg": "Uitleg bij een vijandige term."},
                     {"term": "a\\b <script>alert(1)</script>", "uitleg": "Een term met een backslash."}]
        else:
            rows = [dict(r, label=f"{r['label']} {LABEL_ATTACK}") for r in rows]
        _write_csv(path, rows)
    descriptor = yaml.safe_load((root / "datapackage.yaml").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource["title"] = f"{resource.get('title', resource['name'])} {HOSTILE_TEXT}"
    (root / "datapackage.yaml").write_text(yaml.safe_dump(descriptor, allow_unicode=True, sort_keys=False), encoding="utf-8")
    schema_path = root / "schema" / "praktijk.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["regio"]["description"] = HOSTILE_TEXT
    schema["properties"]["financiering"]["properties"]["verdeling"]["title"] = f"Wie betaalt wat {HOSTILE_TEXT}"
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The fixture with the hostile strings in every text field, codelist label, glossary entry,
    resource title and in a schema title and description."""
    root = tmp_path_factory.mktemp("vijandig") / "practices"
    shutil.copytree(FIXTURE, root)
    _poison_records(root)
    _poison_lists(root)
    return render_context(load_catalog(root, today=TODAY))


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data-bron", "xlink:href", "srcdoc")


def assert_inert(doc, where: str) -> None:
    """No element, event handler or javascript: URL made from data."""
    assert not doc.xpath("//script | //img | //svg | //iframe | //object | //embed"), where
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        handlers = [name for name in el.attrib if name.lower().startswith("on")]
        assert not handlers, (where, el.tag, handlers)
        for name in URL_ATTRIBUTES:
            value = "".join((el.get(name) or "").split()).lower()
            assert not value.startswith("javascript:"), (where, el.tag, name, value)


def assert_shows_literally(doc, where: str) -> None:
    shown = doc.text_content()
    for attack in HOSTILE:
        assert attack in shown, (where, attack)
    assert "49" not in shown, where


def hostile_pages(ctx) -> dict[str, str]:
    pages = {"praktijken": listing_page(ctx), "vergelijken": compare_page(ctx),
             "naast-elkaar": side_by_side_page(ctx), "begrippen": glossary_page(ctx), "data": data_page(ctx)}
    pages.update(filter_pages(ctx))
    return pages


def test_hostile_strings_stay_text_on_every_page(hostile):
    for name, page in hostile_pages(hostile).items():
        doc = page_html(page)
        assert_inert(doc, name)
        assert_shows_literally(doc, name)
    doc = page_html(listing_page(hostile))
    titles = [text(a) for a in doc.xpath("//a[@class='kb-item__titel']")]
    assert titles == [f"{TITLE_ATTACK} {pid}" for pid in (ALFA, BRAVO, CHARLIE)]
    assert text(one(doc, "//li[@class='kb-item'][1]/span[@class='kb-item__tekst']")) == HOSTILE_TEXT
    doc = page_html(side_by_side_page(hostile))
    assert [text(label) for label in doc.xpath("//label")] == \
        [f"{TITLE_ATTACK} {pid} Fictief voorbeeld ({HOSTILE_TEXT})" for pid in (ALFA, BRAVO, CHARLIE)]


def test_hostile_labels_in_headings_stay_text(hostile):
    pages = filter_pages(hostile)
    doc = page_html(pages["praktijken/filter/thema-doorbraakoverleg.md"])
    assert text(one(doc, "h1")) == f"Praktijken: thema Doorbraakoverleg en casusregie {LABEL_ATTACK}"
    assert not one(doc, "h1").getchildren(), "no link, emphasis or tag made in the heading"
    assert split_page(pages["praktijken/filter/thema-doorbraakoverleg.md"])[0]["title"] == \
        f"Praktijken: thema Doorbraakoverleg en casusregie {LABEL_ATTACK}"
    doc = page_html(compare_page(hostile))
    assert [(h.get("id"), text(h)) for h in doc.xpath("h2")] == \
        [(code, f"{label} {LABEL_ATTACK}") for code, label, _ in EXPECTED_THEMES] + [("resultaten", "Resultaten")]
    assert [text(h) for h in doc.xpath("h3")] == [f"Thuiszitters langer dan drie maanden {LABEL_ATTACK}",
                                                 f"Vrijstellingen 5 onder a per 1.000 leerplichtigen {LABEL_ATTACK}"]
    assert not any(h.getchildren() for h in doc.xpath("h3")), "no link, emphasis or tag made in a heading"
    assert not doc.xpath("//h2/*") and not doc.xpath("//em")
    assert not doc.xpath("//*[@id='kaping']")


def test_hostile_fragments_and_side_by_side_cells_stay_text(hostile):
    practices = hostile.catalog.practices
    fragments = {"tabel": comparison_table(hostile, "financiering-passende-plek", practices, "themas/x/"),
                 "lijst": practice_list(hostile, practices, "themas/x/"),
                 "velden": field_reference(hostile, "praktijk")}
    for name, html in fragments.items():
        doc = fragment(html)
        assert_inert(doc, name)
        assert_shows_literally(doc, name)
    _, rows = rows_of(fragments["tabel"])
    assert [text(one(r, "th/a")) for r in rows] == [f"{TITLE_ATTACK} {pid}" for pid in (ALFA, BRAVO, CHARLIE)]
    assert [r.xpath("th")[0].get("data-sort") for r in rows] == [f"{TITLE_ATTACK} {pid}".lower() for pid in (ALFA, BRAVO, CHARLIE)]
    assert [text(td) for td in rows[0].xpath("td")] == [f"✓ Ja {LABEL_ATTACK}", f"Gezamenlijk fonds {LABEL_ATTACK}",
                                                        HOSTILE_TEXT]
    data = compare_data(hostile)
    for practice in data["praktijken"]:
        for theme, cells in practice["waarden"].items():
            for html in cells:
                doc = fragment(html)
                assert_inert(doc, f"{practice['id']} {theme}")
    assert text(fragment(data["praktijken"][0]["waarden"]["financiering-passende-plek"][2])) == HOSTILE_TEXT
    assert data["praktijken"][0]["regio"] == HOSTILE_TEXT  # plain data: kennisbank.js escapes titel and regio
    velden = field_rows(fragments["velden"])
    assert velden["regio"][3] == HOSTILE_TEXT
    assert velden["financiering.verdeling"][0] == f"Wie betaalt wat {HOSTILE_TEXT}"


def test_hostile_glossary_entries_make_inert_abbreviations(hostile):
    lines = abbreviations(hostile).strip("\n").split("\n")
    assert len(lines) == 5, "one line per term; the term with a backslash is left out"
    assert all(re.fullmatch(r"\*\[[^\n\\]+\]: [^\n{}<>]+", line) for line in lines), lines
    assert lines[3] == ("*[Vijandig]: Eerste regel. &lt;script&gt;alert(1)&lt;/script&gt; "
                        "&lt;img src=x onerror=alert(1)&gt; &quot;&gt;&lt;svg onload=alert(1)&gt; "
                        "&#123;&#123; 7*7 &#125;&#125; &#123;% raw %&#125;")
    doc = as_html("Een Vijandig woord.\n\nEn nog een alinea." + abbreviations(hostile))
    assert_inert(doc, "abbreviations")
    assert [text(p) for p in doc.xpath("p")] == ["Een Vijandig woord.", "En nog een alinea."], \
        "no definition leaks onto the page"
    assert one(doc, "//abbr").get("title") == "Eerste regel. " + HOSTILE_TEXT
    glossary = page_html(glossary_page(hostile))
    assert text(one(glossary, "//dt[@id='vijandig']/following-sibling::dd[1]")) == "Eerste regel. " + HOSTILE_TEXT
