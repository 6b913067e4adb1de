"""The practice page and the render environment's filters on the fixture catalogue, with
literal expected values (fast: no site build)."""

from __future__ import annotations

import random

import pytest
from markupsafe import Markup

from macros.render.env import _rel_general, dutch_date, dutch_number, paragraphs, rel, safe_href
from macros.render.practice import practice_page, shown
from test_render import ALFA, CHARLIE, FIXTURE, TODAY, as_html, load_catalog, record, render_context, split_page, text

CARD_ALFA = [("Regio", "Testregio Alfa"), ("Samenwerkingsverbanden", "PO 30-01"), ("Gemeenten", "Breda, Utrecht"),
             ("RMC-regio", "West-Brabant (MC34)"), ("Onderwijssoort", "Primair onderwijs"),
             ("Thema's", "Doorbraakoverleg en casusregie, Financiering passende plek"), ("Status", "Actief"),
             ("Volwassenheid", "Voorbeeldregio"), ("Afgesproken op", "15 maart 2021"),
             ("In werking sinds", "1 augustus 2021"), ("Laatst beoordeeld", "1 november 2025 door Ingrado")]
THEMES_ALFA = {
    "Geoorloofd verzuim": [("Geregeld", "✓ Ja"), ("MAZL", "? Onbekend")],
    "Ongeoorloofd verzuim": [("Geregeld", "✗ Nee"), ("Melden vóór 16 uur", "◐ Deels")],
    "Doorbraakoverleg": [("Doorbraakoverleg", "✓ Ja"), ("Leden", "Samenwerkingsverband, Gemeente, Leerplicht"),
                         ("Termijn overleg (werkdagen)", "Overleg binnen 5 werkdagen"),
                         ("Termijn besluit (werkdagen)", "Besluit binnen 10 werkdagen"),
                         ("Doorzettingsmacht", "Samenwerkingsverband, Gemeente"), ("Besluit bindend", "Ja"),
                         ("Casusregie", "Samenwerkingsverband")],
    "Financiering passende plek": [("Vooraf afgesproken", "✓ Ja"), ("Model", "Gezamenlijk fonds"),
                                   ("Wie betaalt wat", "Samenwerkingsverband 60 procent, gemeenten 40 procent.")],
    "Rol van de leerplichtambtenaar": [("Preventief", "✓ Ja"), ("Adviserend", "◐ Deels")],
    "Gegevensdeling": [("Grondslag in de AVG", "Wettelijke verplichting (c), Taak van algemeen belang (e)"),
                       ("Wettelijke bepaling", "Leerplichtwet 1969 art. 21 en 22"), ("Convenant", "✓ Ja"),
                       ("Privacyprotocol", "✗ Nee"), ("DPIA", "Ja")],
    "Samenwerking met jeugdhulp": [("Jeugdhulp betrokken", "✓ Ja"), ("Eén plan", "✓ Ja")],
    "Onderbouwing": [("Niveau van onderbouwing", "Beschreven"),
                     ("Toelichting van de redactie", "Fictief voorbeeld: de afspraken zijn beschreven; of ze werken, "
                                                     "is niet onderzocht.")],
}


@pytest.fixture(scope="module")
def ctx():
    return render_context(load_catalog(FIXTURE, today=TODAY))


def page_of(ctx, practice_id: str):
    meta, body = split_page(practice_page(ctx, record(ctx, practice_id)))
    return meta, as_html(body)


def rows(table) -> list[tuple[str, str]]:
    return [(text(r.xpath("th")[0]), text(r.xpath("td")[0])) for r in table.xpath(".//tr")]


def test_front_matter_is_title_summary_and_theme_labels(ctx):
    meta, _ = page_of(ctx, ALFA)
    assert meta == {"title": "Alfa doorbraaktafel met regiofonds", "render_macros": False,
                    "description": "Fictief testvoorbeeld. Gemeenten en samenwerkingsverband betalen samen een "
                                   "regiofonds en bespreken elke vastgelopen situatie binnen tien werkdagen.",
                    "tags": ["Doorbraakoverleg en casusregie", "Financiering passende plek"]}


def test_sections_follow_the_schema_order(ctx):
    _, doc = page_of(ctx, ALFA)
    assert [text(h) for h in doc.xpath("//h1|//h2")] == [
        "Alfa doorbraaktafel met regiofonds", "Aanleiding", "Zo werkt het", "Geoorloofd verzuim",
        "Ongeoorloofd verzuim", "Doorbraakoverleg", "Financiering passende plek", "Rol van de leerplichtambtenaar",
        "Gegevensdeling", "Samenwerking met jeugdhulp", "Onderbouwing", "Resultaten", "Documenten", "Geschiedenis",
        "Contact"]
    _, charlie = page_of(ctx, CHARLIE)
    assert "Aanleiding" not in [text(h) for h in charlie.xpath("//h2")], "an empty text gets no section"


def test_key_data_rows(ctx):
    _, doc = page_of(ctx, ALFA)
    card = doc.xpath("//table[@class='kb-kaartje']")[0]
    assert rows(card)[:-1] == CARD_ALFA
    assert [text(li) for li in card.xpath(".//tr[last()]//li")] == [
        "Samenwerkingsverband Alfa (fictief) (Samenwerkingsverband)", "Gemeente Alfa (fictief) (Gemeente)"]
    assert card.xpath(".//a/@href") == ["../../themas/doorbraakoverleg/", "../../themas/financiering-passende-plek/"]


def test_every_theme_block_shows_its_fields_in_the_schema_order(ctx):
    _, doc = page_of(ctx, ALFA)
    blocks = {text(h): h.xpath("following-sibling::div[1]")[0] for h in doc.xpath("//h2")
              if h.xpath("following-sibling::div[1][@class='kb-blok']")}
    assert {title: rows(block) for title, block in blocks.items()} == THEMES_ALFA
    assert blocks["Doorbraakoverleg"].xpath(".//p[@class='kb-meer']/a/@href") == ["../../themas/doorbraakoverleg/"]
    assert "De voorzitter beslist als de partijen er samen niet uitkomen." in text(blocks["Doorbraakoverleg"])
    icons = blocks["Geoorloofd verzuim"].xpath(".//span[contains(@class,'kb-dekking')]/@class")
    assert icons == ["kb-dekking kb-dekking--ja", "kb-dekking kb-dekking--onbekend"]


def test_missing_values_say_so(ctx):
    _, doc = page_of(ctx, CHARLIE)
    block = doc.xpath("//h2[normalize-space()='Doorbraakoverleg']/following-sibling::div[1]")[0]
    assert rows(block) == [("Doorbraakoverleg", "✗ Nee"), ("Leden", "niet ingevuld"),
                           ("Termijn besluit (werkdagen)", "niet ingevuld"), ("Doorzettingsmacht", "niet ingevuld"),
                           ("Casusregie", "niet ingevuld")]


def test_banners_fictional_and_overdue(ctx):
    _, alfa = page_of(ctx, ALFA)
    _, charlie = page_of(ctx, CHARLIE)
    titles = lambda doc: [text(p) for p in doc.xpath("//div[contains(@class,'kb-banner')]/p[@class='admonition-title']")]  # noqa: E731
    assert titles(alfa) == ["Fictief voorbeeld"]
    assert titles(charlie) == ["Fictief voorbeeld", "Beoordeling verlopen"]
    assert "had op 1 juli 2025 opnieuw beoordeeld moeten worden" in text(charlie)


def test_documents_and_contact_links(ctx):
    _, doc = page_of(ctx, ALFA)
    assert [(a.get("href"), text(a)) for a in doc.xpath("//ul[@class='kb-documenten']//a")] == [
        ("../../bijlagen/fixture-alfa-convenant.md", "Convenant Alfa (fictief)")]
    assert text(doc.xpath("//ul[@class='kb-documenten']/li")[0]) == "Convenant Alfa (fictief) (Convenant)"
    contact = doc.xpath("//div[@class='kb-contact']")[0]
    assert contact.xpath(".//a/@href") == ["mailto:info@swv-alfa-voorbeeld.example"]
    assert text(contact).startswith("Samenwerkingsverband Alfa (fictief): info@swv-alfa-voorbeeld.example")
    assert text(contact.xpath("p[@class='kb-licentie']")[0]) == "Tekst beschikbaar onder CC BY 4.0."


@pytest.mark.parametrize("spec, value, expected", [
    ({"type": "integer"}, 12345, "12\u202f345"),
    ({"type": "number"}, 1.5, "1,5"),
    ({"type": "number"}, 3.0, "3"),
    ({"type": "boolean"}, True, "ja"),
    ({"type": "boolean"}, False, "nee"),
    ({"type": "string", "format": "date"}, "2024-02-29", "29 februari 2024"),
    ({"type": "string", "x-referentie": "gemeenten"}, "GM0758", "Breda"),
    ({"type": "string", "x-referentie": "gemeenten"}, "GM9999", "GM9999"),
    ({"type": "string", "x-referentie": "rmc-regios"}, "MC34", "West-Brabant (MC34)"),
    ({"type": "string", "x-codelijst": "status"}, "actief", "Actief"),
    ({"type": "array", "items": {"type": "string"}, "x-codelijst": "partnerrol"}, ("swv", "gemeente"),
     "Samenwerkingsverband, Gemeente"),
    ({"type": "string"}, None, ""),
])
def test_how_a_value_reads(ctx, spec, value, expected):
    assert shown(ctx, spec, value).text == expected


def test_coverage_value_is_a_badge(ctx):
    v = shown(ctx, {"type": "string", "x-codelijst": "dekking"}, "deels")
    assert (v.text, v.badge, v.icon) == ("Deels", "deels", "◐")


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"), ("http://x.nl", "http://x.nl"),
    ("mailto:info@swv.nl", "mailto:info@swv.nl"), ("../bijlagen/a.md", "../bijlagen/a.md"),
    ("javascript:alert(1)", "#"), ("JaVaScRiPt:alert(1)", "#"), (" java\tscript:alert(1)", "#"),
    ("data:text/html,x", "#"), ("vbscript:x", "#"), ("//evil.example/x", "#"), ("file:///etc/passwd", "#"),
    (None, ""),
])
def test_links_pass_only_safe_schemes(url, expected):
    assert safe_href(url) == expected


@pytest.mark.parametrize("start, target, expected", [
    ("praktijken/a/", "kaart/", "../../kaart/"), ("", "kaart/", "kaart/"), ("kaart/", "kaart/", "./"),
    ("vergelijken/", "vergelijken/#t", "./#t"), ("praktijken/a/", "bijlagen/x.md", "../../bijlagen/x.md"),
])
def test_relative_links(start, target, expected):
    assert rel(start, target) == expected


def test_relative_links_agree_with_the_general_rule_on_every_kind_of_path():
    """The fast path of `rel` gives what posixpath.relpath gives, for plain and odd paths alike."""
    rnd = random.Random(7)
    segments = ["a", "b", "praktijken", "x.md", "", ".", "..", "c.html"]

    def path():
        return "/".join(rnd.choice(segments) for _ in range(rnd.randint(0, 4))) + rnd.choice(["", "/"])
    cases = [(path(), path() + rnd.choice(["", "#t", "#"])) for _ in range(20000)]
    assert [rel(a, b) for a, b in cases] == [_rel_general(a, b) for a, b in cases]
    assert rel("praktijken/filter/thema-x/", "praktijken/a/") == "../../a/"


def test_dates_numbers_and_paragraphs():
    assert dutch_date("2026-12-02") == "2 december 2026" and dutch_date("") == "" and dutch_date(None) == ""
    assert dutch_number(1000000) == "1\u202f000\u202f000" and dutch_number(2.25) == "2,25"
    assert dutch_number(2024) == "2024" and dutch_number(10000) == "10\u202f000" and dutch_number(-12345) == "-12\u202f345"
    out = paragraphs("een <b>\r\n\r\ntwee\r\rdrie\n\n\n")
    assert isinstance(out, Markup)
    assert str(out) == "<p>een &lt;b&gt;</p><p>twee</p><p>drie</p>"
    assert str(paragraphs(None)) == ""


# --- results, lists and fields the page does not know by name ------------------------------------

@pytest.fixture(scope="module")
def bundled():
    from test_render import ROOT
    return render_context(load_catalog(ROOT / "practices"))


def test_results_lessons_and_pitfalls(bundled):
    meta, body = split_page(practice_page(bundled, bundled.catalog.practice("voorbeeld-twente-vo")))
    doc = as_html(body)
    table = doc.xpath("//table[@class='kb-resultaten']")[0]
    assert [text(th) for th in table.xpath(".//th")] == ["Indicator", "Waarde", "Periode", "Bron"], "no Noemer column: no figure has one"
    assert [[text(td.xpath("span[@class='kb-indicator']")[0]) if i == 0 else text(td) for i, td in enumerate(tr.xpath("td"))]
            for tr in table.xpath(".//tbody/tr")] == [
        ["Casussen in het doorbraakoverleg", "37 casussen", "kalenderjaar 2024", "Registratie doorbraakloket 2024 (fictief)"],
        ["Doorlooptijd doorbraak", "4,2 werkdagen", "kalenderjaar 2024", "Registratie doorbraakloket 2024 (fictief)"],
        ["Tevredenheid", "7,8 rapportcijfer", "kalenderjaar 2024", "Oudervragenlijst doorbraaktafel 2024 (fictief) "
         "Gemiddeld cijfer van ouders die in 2024 aan tafel zaten."],
        ["Thuiszitters", "21 leerlingen", "kalenderjaar 2024", "Jaarverslag samenwerkingsverband 2024 (fictief)"],
        ["Thuiszitters", "58 leerlingen", "kalenderjaar 2021", "Jaarverslag samenwerkingsverband 2021 (fictief)"]]
    lessons = [text(li) for li in doc.xpath("//h2[normalize-space()='Geleerde lessen']/following-sibling::ul[1]/li")]
    assert len(lessons) == 3 and lessons[0].startswith("Een fonds dat meteen betaalt")
    assert [text(li) for li in doc.xpath("//h2[normalize-space()='Valkuilen']/following-sibling::ul[1]/li")] == [
        "In het eerste jaar meldden scholen ook situaties aan die binnen de eigen zorgstructuur opgelost hadden "
        "kunnen worden; het loket moest leren terugverwijzen."]
    headings = [text(h) for h in doc.xpath("//h2")]
    assert headings[headings.index("Samenwerking met jeugdhulp") + 1:] == [
        "Onderbouwing", "Resultaten", "Geleerde lessen", "Valkuilen", "Documenten", "Geschiedenis", "Contact"]


def with_fields(ctx, practice_id: str, new_props: dict, values: dict):
    """A context whose schema has `new_props` before `resultaten` and whose practice has `values`."""
    from dataclasses import replace

    from macros.model.catalog import freeze, thaw
    catalog = ctx.catalog
    schema = thaw(catalog.schemas["praktijk"])
    props = list(schema["properties"].items())
    at = [k for k, _ in props].index("resultaten")
    schema["properties"] = dict(props[:at] + list(new_props.items()) + props[at:])
    practices = tuple(replace(p, data=freeze({**thaw(p.data), **values})) if p.id == practice_id else p
                      for p in catalog.practices)
    return render_context(replace(catalog, schemas={**thaw(catalog.schemas), "praktijk": schema}, practices=practices))


def test_unknown_fields_get_a_section_in_the_form_their_shape_asks_for(ctx):
    new = {
        "doelgroep": {"title": "Doelgroep", "type": "string"},
        "kernwoorden": {"title": "Kernwoorden", "type": "array", "x-tabel": "kernwoorden", "items": {"type": "string"}},
        "rollen": {"title": "Rollen", "type": "array", "x-tabel": "rollen", "items": {"type": "string"},
                   "x-codelijst": "partnerrol"},
        "budget": {"title": "Budget", "type": "integer"},
        "afspraken": {"title": "Afspraken per jaar", "description": "Wat per jaar is afgesproken.", "type": "array",
                      "x-tabel": "afspraken",
                      "items": {"type": "object", "properties": {
                          "jaar": {"title": "Jaar", "type": "integer"},
                          "dekking": {"title": "Geregeld", "type": "string", "x-codelijst": "dekking"}}}},
        "extra": {"title": "Extra", "type": "object", "properties": {
            "start": {"title": "Start", "type": "string", "format": "date"},
            "leeg": {"title": "Leeg", "type": "string"}}},
    }
    values = {"doelgroep": "Leerlingen die thuiszitten.\n\nOok jongeren tot 18 jaar.", "kernwoorden": ["snel", "samen"],
              "rollen": ["swv", "gemeente"], "budget": 250000,
              "afspraken": [{"jaar": 2024, "dekking": "ja"}, {"jaar": 2025}], "extra": {"start": "2024-09-01"}}
    extended = with_fields(ctx, ALFA, new, values)
    _, body = split_page(practice_page(extended, record(extended, ALFA)))
    doc = as_html(body)
    after = lambda title, tag: doc.xpath(f"//h2[normalize-space()='{title}']/following-sibling::*[1]")[0]  # noqa: E731
    assert [text(p) for p in after("Doelgroep", "div").xpath("p")] == ["Leerlingen die thuiszitten.",
                                                                       "Ook jongeren tot 18 jaar."]
    assert [text(li) for li in after("Kernwoorden", "ul").xpath("li")] == ["snel", "samen"]
    assert [text(li) for li in after("Rollen", "ul").xpath("li")] == ["Samenwerkingsverband", "Gemeente"]
    assert after("Budget", "div").text_content() == "250\u202f000"
    table = after("Afspraken per jaar", "div").xpath(".//table")[0]
    assert text(table.xpath("caption")[0]) == "Wat per jaar is afgesproken."
    assert [text(th) for th in table.xpath(".//th")] == ["Jaar", "Geregeld"]
    assert [[text(td) for td in tr.xpath("td")] for tr in table.xpath(".//tbody/tr")] == [
        ["2024", "✓ Ja"], ["2025", "niet ingevuld"]]
    assert rows(after("Extra", "div")) == [("Start", "1 september 2024")]
    headings = [text(h) for h in doc.xpath("//h2")]
    assert headings.index("Samenwerking met jeugdhulp") < headings.index("Doelgroep") < headings.index("Extra") \
        < headings.index("Documenten")
    _, other = split_page(practice_page(extended, record(extended, CHARLIE)))
    assert "Doelgroep" not in [text(h) for h in as_html(other).xpath("//h2")], "no value, no section"
