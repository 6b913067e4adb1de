"""The "Praktijk aanmelden" form: generated from the JSON Schema, checked in the browser with the
same rules, producing a YAML record that `kennisbank validate` accepts; accessible and local-only."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from macros.model.catalog import thaw
from macros.model.schema import fields, load_schema

from conftest import ROOT, html_of
from accessibility import axe_violations

SCHEMA_FILE = ROOT / "practices" / "schema" / "praktijk.schema.json"
# What the brief keeps off the form: the script writes the example flag; the editors fill in their review block.
NOT_ON_FORM = {"voorbeeld", "redactie", "onderbouwing"}
# The review block is never pre-filled: the record says, in a comment, that the editors fill it in.
EDITORS_COMMENT = [
    "# Redactie: dit blok vult de redactie in, nadat zij het record heeft beoordeeld.",
    "# Zolang het ontbreekt, keurt `kennisbank validate` het record af en komt het niet op de site.",
    "# redactie:",
    "#   organisatie:              # Redactie door: Organisatie die het record beoordeelde.",
    "#   beoordeeld_op:            # Laatst beoordeeld: Datum van de laatste inhoudelijke controle. (JJJJ-MM-DD)",
    "#   volgende_beoordeling:     # Volgende beoordeling: Datum waarop het record opnieuw gecontroleerd moet zijn."
    " (JJJJ-MM-DD)",
]
CONTROLS = {"input", "select", "textarea"}


# --- parsing the built page ----------------------------------------------------------------

class FormParser(HTMLParser):
    """Controls, labels, legends and ids of the page; notes which controls sit in a row template."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.controls: list[dict] = []
        self.labels: dict[str, str] = {}      # for -> text
        self.ids: list[str] = []              # ids outside templates
        self.all_ids: set[str] = set()
        self.legends: list[str] = []
        self.scripts: list[dict] = []
        self.noscript = ""
        self._stack: list[str] = []
        self._label_for: str | None = None
        self._label_text: list[str] = []
        self._legend: list[str] | None = None
        self._script: dict | None = None
        self._in_noscript = 0
        self._in_template = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "template":
            self._in_template += 1
        if "id" in a:
            self.all_ids.add(a["id"])
            if not self._in_template:
                self.ids.append(a["id"])
        if tag in CONTROLS:
            self.controls.append({"tag": tag, "template": bool(self._in_template), **a})
        elif tag == "label":
            self._label_for, self._label_text = a.get("for"), []
        elif tag == "legend":
            self._legend = []
        elif tag == "script":
            self._script = {**a, "text": ""}
        elif tag == "noscript":
            self._in_noscript += 1
        if tag == "a" and self._in_noscript:
            self.noscript += f" [link:{a.get('href')}] "

    def handle_endtag(self, tag):
        if tag == "template":
            self._in_template -= 1
        elif tag == "label" and self._label_for is not None:
            self.labels[self._label_for] = " ".join("".join(self._label_text).split())
            self._label_for = None
        elif tag == "legend" and self._legend is not None:
            self.legends.append(" ".join("".join(self._legend).split()))
            self._legend = None
        elif tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None
        elif tag == "noscript":
            self._in_noscript -= 1

    def handle_data(self, data):
        if self._label_for is not None:
            self._label_text.append(data)
        if self._legend is not None:
            self._legend.append(data)
        if self._script is not None:
            self._script["text"] += data
        if self._in_noscript:
            self.noscript += data


@pytest.fixture(scope="module")
def form_html(site_dir) -> str:
    return html_of(site_dir, "aanmelden/")


@pytest.fixture(scope="module")
def parsed(form_html) -> FormParser:
    parser = FormParser()
    parser.feed(form_html)
    return parser


def shown_fields():
    schema = load_schema(ROOT / "practices", "praktijk")
    return [f for f in fields(schema, "praktijk") if f.path[0] not in NOT_ON_FORM]


# --- 1. every field of the schema is on the form, labelled -----------------------------------

def test_every_schema_field_has_a_labelled_control(parsed):
    expected = shown_fields()
    assert len(expected) > 40, "the schema walk found suspiciously few fields"
    by_pad: dict[str, list[dict]] = {}
    for control in parsed.controls:
        if control.get("data-pad"):
            by_pad.setdefault(control["data-pad"], []).append(control)
    missing = [".".join(f.path) for f in expected if ".".join(f.path) not in by_pad]
    assert not missing, f"no control for these schema fields: {missing}"
    for f in expected:
        pad = ".".join(f.path)
        for control in by_pad[pad]:
            label = parsed.labels.get(control.get("id"), "")
            assert label, f"{pad}: control {control.get('id')} has no <label for>"
            described = control.get("aria-describedby", "").split()
            assert f"{control['data-basis']}-fout" in described, f"{pad}: error message not linked"
            for ref in described:
                assert ref in parsed.all_ids, f"{pad}: aria-describedby points to missing id {ref}"
            if control.get("type") != "checkbox":
                assert f.title in label, f"{pad}: label {label!r} is not the schema title {f.title!r}"
        if f.required and "*" not in f.path:
            control = by_pad[pad][0]
            assert "(verplicht)" in parsed.labels[control["id"]], f"{pad}: required but not marked"
            assert "required" in control, f"{pad}: required but no required attribute"
    # nothing the script fills in is on the form
    assert not [p for p in by_pad if p.split(".")[0] in NOT_ON_FORM]
    # ids are unique outside the row templates
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"


def test_controls_follow_the_schema_keywords(parsed):
    by_pad = {}
    for control in parsed.controls:
        by_pad.setdefault(control.get("data-pad"), []).append(control)
    for f in shown_fields():
        pad, spec = ".".join(f.path), f.spec
        control = by_pad[pad][0]
        if spec.get("x-codelijst") and "*" in f.path and f.path[-1] == "*":
            assert all(c.get("type") == "checkbox" for c in by_pad[pad]), pad
        elif spec.get("x-codelijst") or spec.get("x-referentie") == "rmc-regios":
            assert control["tag"] == "select", pad
        elif spec.get("format") == "date":
            assert control.get("type") == "date", pad
        elif spec.get("format") == "email":
            assert control.get("type") == "email", pad
        elif spec.get("type") in ("integer", "number"):
            assert control.get("type") == "number", pad
            for attr, key in (("min", "minimum"), ("max", "maximum")):
                if key in spec:
                    assert control.get(attr) == str(spec[key]), pad
        elif spec.get("maxLength", 0) > 300 and f.path[-1] != "*":
            assert control["tag"] == "textarea", pad
    # nested objects are fieldsets with the object's title as legend
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for key, spec in schema["properties"].items():
        if spec.get("type") == "object" and key not in NOT_ON_FORM:
            assert any(legend.startswith(spec["title"]) for legend in parsed.legends), key


def test_a_new_schema_field_appears_on_the_form():
    """The form is derived from the schema: add fields to a copy of it and they are on the page."""
    from dataclasses import replace
    from macros.load.catalog import load_catalog
    from macros.render.context import render_context
    from macros.render.form import submit_page
    catalog = load_catalog(ROOT / "practices")
    schema = thaw(catalog.schemas["praktijk"])
    schema["properties"]["doorbraakoverleg"]["properties"]["frequentie"] = {
        "title": "Vergaderfrequentie", "description": "Hoe vaak het overleg bijeenkomt.", "type": "string",
        "x-codelijst": "dekking"}
    schema["properties"]["website"] = {"title": "Website", "description": "Eigen webadres.", "type": "string",
                                       "format": "uri"}
    schema["required"].append("website")
    parser = FormParser()
    parser.feed(submit_page(render_context(replace(catalog, schemas={**catalog.schemas, "praktijk": schema}))))
    controls = {c.get("data-pad"): c for c in parser.controls}
    select = controls["doorbraakoverleg.frequentie"]
    assert select["tag"] == "select" and parser.labels[select["id"]] == "Vergaderfrequentie"
    website = controls["website"]
    assert website.get("type") == "url" and "required" in website
    assert parser.labels[website["id"]] == "Website (verplicht)"
    embedded = json.loads(next(s for s in parser.scripts if s.get("id") == "kb-schema")["text"])
    assert "website" in embedded["schema"]["properties"]


def test_page_embeds_the_schema_and_loads_the_script(parsed, form_html):
    data = next(s for s in parsed.scripts if s.get("id") == "kb-schema")
    assert data.get("type") == "application/json"
    assert "</" not in data["text"]
    embedded = json.loads(data["text"])
    assert embedded["schema"] == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    from macros.checks.personal_data import ROLE_WORDS
    assert embedded["regels"]["rolwoorden"] == list(ROLE_WORDS)
    assert embedded["regels"]["rolwoorden"][:3] == ["info", "secretariaat", "leerplicht"]
    assert embedded["gemeenten"]["GM0503"] == "Delft"
    assert any(s.get("src") == "../assets/aanmelden.js" and "defer" in s for s in parsed.scripts)
    assert "[link:../redactie/]" in parsed.noscript
    assert "JavaScript" in parsed.noscript and "doet de knop" in parsed.noscript
    assert "kennisbank@ingrado.nl" in form_html
    # the licence is preselected
    assert 'value="CC-BY-4.0" selected' in form_html


# --- browser helpers -----------------------------------------------------------------------

def open_form(page, base_url):
    page.goto(base_url + "aanmelden/")
    page.wait_for_selector("[data-kb-maak]")
    page.wait_for_function("document.readyState === 'complete'")


def pad(page, path: str, nth: int = 0):
    return page.locator(f'[data-pad="{path}"]').nth(nth)


def assert_only_local(page):
    foreign = [u for u in page.requests
               if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"]
    assert not foreign, f"requests to other hosts: {foreign}"


def add_gemeente(page, name: str, enter: bool = False):
    field = pad(page, "gemeenten.*")
    field.fill(name)
    if enter:
        field.press("Enter")
    else:
        page.click("[data-kb-gemeente-toevoegen]")


def check(page, path: str, value: str):
    page.locator(f'[data-pad="{path}"][value="{value}"]').check()


SAMENVATTING = ('Gemeenten, het samenwerkingsverband en de scholen bespreken elke "vastgelopen" situatie binnen '
                "tien werkdagen aan één tafel.\nResultaat: minder thuiszitters; #1 doel is een passende plek.")


def fill_practice(page):
    page.fill('[data-pad="titel"]', "Thuiszittertafel Delft en Den Haag (PO)")
    page.fill('[data-pad="samenvatting"]', SAMENVATTING)
    page.fill('[data-pad="context"]', "In 2023 zaten er in beide gemeenten te veel leerlingen langer dan drie maanden thuis.")
    page.select_option('[data-pad="status"]', "actief")
    page.fill('[data-pad="regio"]', "Delft en Den Haag")
    page.fill('[data-pad="swv.*"]', "po2802\nPO 28-15")
    add_gemeente(page, "Den Haag")
    add_gemeente(page, "Delft", enter=True)
    page.select_option('[data-pad="rmc_regio"]', "MC28")
    check(page, "onderwijssoort.*", "po")
    check(page, "themas.*", "doorbraakoverleg")
    check(page, "themas.*", "gegevensdeling")
    page.fill('[data-pad="partners.*.organisatie"] >> nth=0', "Samenwerkingsverband PO Delft")
    page.select_option('[data-pad="partners.*.rol"] >> nth=0', "swv")
    page.click('[data-herhaal="partners"] [data-kb-rij-toevoegen]')
    pad(page, "partners.*.organisatie", 1).fill("Gemeente Delft, afdeling Leerplicht")
    pad(page, "partners.*.rol", 1).select_option("leerplicht")
    page.fill('[data-pad="datums.afgesproken"]', "2024-03-01")
    page.fill('[data-pad="datums.in_werking"]', "2024-08-01")
    page.fill('[data-pad="datums.volgende_evaluatie"]', "2026-06-01")
    page.select_option('[data-pad="volwassenheid"]', "op-weg")
    page.select_option('[data-pad="sjabloon.id"]', "escalatie-doorbraakprotocol")
    page.select_option('[data-pad="geoorloofd_verzuim.dekking"]', "deels")
    page.select_option('[data-pad="geoorloofd_verzuim.mazl"]', "ja")
    page.select_option('[data-pad="ongeoorloofd_verzuim.dekking"]', "ja")
    page.select_option('[data-pad="doorbraakoverleg.aanwezig"]', "ja")
    check(page, "doorbraakoverleg.leden.*", "swv")
    check(page, "doorbraakoverleg.leden.*", "leerplicht")
    page.fill('[data-pad="doorbraakoverleg.termijn_overleg_werkdagen"]', "5")
    page.fill('[data-pad="doorbraakoverleg.termijn_besluit_werkdagen"]', "10")
    check(page, "doorbraakoverleg.doorzettingsmacht.*", "swv")
    check(page, "doorbraakoverleg.doorzettingsmacht.*", "gemeente")
    page.select_option('[data-pad="doorbraakoverleg.doorzettingsmacht_bindend"]', "ja")
    page.select_option('[data-pad="doorbraakoverleg.casusregie"]', "gemeente")
    page.select_option('[data-pad="financiering.vooraf_afgesproken"]', "deels")
    page.select_option('[data-pad="financiering.model"]', "per-casus")
    page.select_option('[data-pad="leerplicht.preventief"]', "ja")
    page.select_option('[data-pad="leerplicht.adviserend"]', "ja")
    check(page, "gegevensdeling.avg_grondslag.*", "c")
    check(page, "gegevensdeling.avg_grondslag.*", "e")
    page.fill('[data-pad="gegevensdeling.wettelijke_grondslag"]', "Leerplichtwet 1969 art. 21 en 22")
    page.select_option('[data-pad="gegevensdeling.convenant"]', "ja")
    page.select_option('[data-pad="gegevensdeling.privacyprotocol"]', "ja")
    page.select_option('[data-pad="jeugdhulp.betrokken"]', "deels")
    page.click('[data-herhaal="resultaten"] [data-kb-rij-toevoegen]')
    pad(page, "resultaten.*.indicator").select_option("vrijstellingen-5a-per-1000")
    pad(page, "resultaten.*.waarde").fill("12.5")
    pad(page, "resultaten.*.noemer").fill("4000")
    pad(page, "resultaten.*.periode").fill("2023-2024")
    pad(page, "resultaten.*.bron").fill("Jaarverslag leerplicht 2024")
    page.fill('[data-pad="lessen.*"]', "Spreek vooraf af wie betaalt.\n\nNodig ouders vanaf het begin uit.")
    page.click('[data-herhaal="documenten"] [data-kb-rij-toevoegen]')
    pad(page, "documenten.*.titel").fill("Convenant thuiszittertafel")
    pad(page, "documenten.*.type").select_option("convenant")
    pad(page, "documenten.*.url").fill("https://www.delft.nl/convenant-thuiszittertafel")
    page.fill('[data-pad="contact.organisatie"]', "Gemeente Delft")
    page.fill('[data-pad="contact.email"]', "leerplicht@delft.nl")


# --- 2. a realistic practice becomes a record that `kennisbank validate` accepts --------------

def test_filled_form_makes_a_valid_record(page, base_url, tmp_path):
    open_form(page, base_url)
    fill_practice(page)
    assert pad(page, "id").input_value() == "thuiszittertafel-delft-en-den-haag-po"
    assert pad(page, "sjabloon.versie").input_value() == "3.1.0"
    chosen = page.locator("[data-kb-gekozen] [data-code]")
    assert chosen.count() == 2
    page.click("[data-kb-maak]")
    page.wait_for_selector("#kb-uitvoer:not([hidden])")
    assert page.locator("#kb-foutoverzicht").inner_text().strip() == ""
    text = page.locator("#kb-yaml").input_value()
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/praktijk.schema.json"
    assert "voorbeeld: false" in lines
    assert "  afgesproken: 2024-03-01" in lines          # dates bare
    assert '  - "GM0518"  # \'s-Gravenhage' in lines and '  - "GM0503"  # Delft' in lines

    record = yaml.safe_load(text)
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert list(record) == [k for k in schema["properties"] if k in record], "keys not in schema order"
    assert record["id"] == "thuiszittertafel-delft-en-den-haag-po"
    assert record["samenvatting"] == SAMENVATTING
    assert record["gemeenten"] == ["GM0518", "GM0503"]
    assert record["swv"] == ["PO 28-02", "PO 28-15"]   # Delft and Den Haag in the regio-indeling
    assert record["lessen"] == ["Spreek vooraf af wie betaalt.", "Nodig ouders vanaf het begin uit."]
    assert record["resultaten"][0] == {"indicator": "vrijstellingen-5a-per-1000", "waarde": 12.5, "noemer": 4000,
                                       "periode": "2023-2024", "bron": "Jaarverslag leerplicht 2024"}
    assert {k: record["doorbraakoverleg"][k] for k in ("termijn_overleg_werkdagen", "termijn_besluit_werkdagen",
                                                       "doorzettingsmacht", "doorzettingsmacht_bindend")} == \
        {"termijn_overleg_werkdagen": 5, "termijn_besluit_werkdagen": 10, "doorzettingsmacht": ["swv", "gemeente"],
         "doorzettingsmacht_bindend": "ja"}
    assert (record["gegevensdeling"]["avg_grondslag"], record["gegevensdeling"]["wettelijke_grondslag"]) == \
        (["c", "e"], "Leerplichtwet 1969 art. 21 en 22")
    assert record["licentie"] == "CC-BY-4.0"
    assert record["voorbeeld"] is False
    assert "redactie" not in record, "the review is the editors' to fill in, never pre-filled"
    assert lines[-len(EDITORS_COMMENT):] == EDITORS_COMMENT
    assert "valkuilen" not in record and "vervangt" not in record   # empty optional fields are left out
    assert "toelichting" not in record["jeugdhulp"]

    with page.expect_download() as info:
        page.click("[data-kb-download]")
    download = info.value
    assert download.suggested_filename == "thuiszittertafel-delft-en-den-haag-po.yaml"
    assert Path(download.path()).read_text(encoding="utf-8") == text

    copy = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", copy)
    target = copy / "praktijken" / f"{record['id']}.yaml"
    target.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "validate", str(copy)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1, "an unreviewed submission must not pass as a finished record"
    reported = [line for line in result.stdout.splitlines() if ".yaml:" in line]
    assert f"{target.name}:2: redactie: verplicht veld ontbreekt. Voeg 'redactie:' toe." in result.stdout
    assert f"{target.name}:2: onderbouwing: verplicht veld ontbreekt. Voeg 'onderbouwing:' toe" in result.stdout
    assert reported and all(f"{target.name}:" in line and (": redactie" in line or ": onderbouwing" in line)
                            for line in reported), reported
    # the editors review it and fill in their block: then it validates
    today = date.today()
    target.write_text(text + "onderbouwing:\n  niveau: beschreven\n"
                      + f"redactie:\n  organisatie: Ingrado\n  beoordeeld_op: {today.isoformat()}\n"
                      f"  volgende_beoordeling: {(today + timedelta(days=365)).isoformat()}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "validate", str(copy)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, f"kennisbank validate rejected the record:\n{result.stdout}\n{result.stderr}\n{text}"
    assert_only_local(page)


# --- 3. bad input: Dutch messages next to the fields, no record --------------------------------

def error_of(page, path: str) -> str:
    control = pad(page, path)
    basis = control.get_attribute("data-basis")
    assert f"{basis}-fout" in control.get_attribute("aria-describedby").split()
    box = page.locator(f"#{basis}-fout")
    assert box.is_visible()
    return box.inner_text()


def make_bad_record(page, base_url):
    open_form(page, base_url)
    page.fill('[data-pad="samenvatting"]', "Bij leerling 111222333 liep het vast; daarna kwam er een vaste tafel.")
    add_gemeente(page, "Delf")
    message = error_of(page, "gemeenten.*")
    assert "geen bekende gemeente" in message and "Delft" in message, message
    page.fill('[data-pad="contact.email"]', "jan.jansen@gmail.com")
    page.click("[data-kb-maak]")
    page.wait_for_selector("#kb-foutoverzicht h2")


def test_bad_input_gets_dutch_messages_and_no_record(page, base_url):
    make_bad_record(page, base_url)
    assert pad(page, "titel").get_attribute("aria-invalid") == "true"
    assert "verplicht" in error_of(page, "titel")
    assert "Fout:" in error_of(page, "titel")          # not by colour alone
    assert pad(page, "gemeenten.*").get_attribute("aria-invalid") == "true"
    message = error_of(page, "gemeenten.*")
    assert "'Delf'" in message.replace("‘", "'").replace("’", "'") and "Bedoelde u" in message and "Delft" in message
    assert pad(page, "contact.email").get_attribute("aria-invalid") == "true"
    message = error_of(page, "contact.email")
    assert "gratis maildienst" in message and "functioneel adres" in message, message
    assert pad(page, "samenvatting").get_attribute("aria-invalid") == "true"
    message = error_of(page, "samenvatting")
    assert "burgerservicenummer" in message and "111222333" in message, message

    summary = page.locator("#kb-foutoverzicht")
    assert summary.get_attribute("role") == "alert"
    assert "problemen met uw invoer" in summary.inner_text()
    links = summary.locator("a")
    texts = links.all_inner_texts()
    for word in ("Titel:", "Gemeenten:", "Contact – E-mailadres:", "Samenvatting:"):
        assert any(t.startswith(word) for t in texts), (word, texts)
    # listed in the order of the form, each linked to a field
    assert texts.index(next(t for t in texts if t.startswith("Titel:"))) < \
        texts.index(next(t for t in texts if t.startswith("Contact – E-mailadres:")))
    assert len(texts) == summary.locator("li").count()
    # a link in the summary takes the keyboard to the field
    summary.locator("a", has_text="E-mailadres").click()
    assert page.evaluate("document.activeElement.getAttribute('data-pad')") == "contact.email"

    assert page.locator("#kb-uitvoer").is_hidden()
    assert page.locator("#kb-yaml").input_value() == ""
    assert_only_local(page)


def test_gemeente_picker_works_by_keyboard(page, base_url):
    open_form(page, base_url)
    field = pad(page, "gemeenten.*")
    field.focus()
    page.keyboard.type("den bosch")
    page.keyboard.press("Enter")
    page.keyboard.type("Bergen")
    page.keyboard.press("Enter")
    assert "meer gemeenten" in error_of(page, "gemeenten.*")
    field.fill("")
    page.keyboard.type("GM0503")
    page.keyboard.press("Enter")
    items = page.locator("[data-kb-gekozen] [data-code]")
    assert [items.nth(i).get_attribute("data-code") for i in range(items.count())] == ["GM0796", "GM0503"]
    remove = page.get_by_role("button", name="'s-Hertogenbosch verwijderen")
    remove.focus()
    page.keyboard.press("Enter")
    assert items.count() == 1
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Delft verwijderen"
    assert_only_local(page)


# --- 4 and 5. nothing leaves the host; axe finds no violations ---------------------------------

def describe(violations) -> str:
    return json.dumps([{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
                       for v in violations], ensure_ascii=False, indent=1)


def assert_no_violations(page):
    """The form itself first (a precise message), then the whole page as a user meets it."""
    own = axe_violations(page, ".kb-aanmelden")
    assert own == [], "axe on the form:\n" + describe(own)
    everything = axe_violations(page)
    assert everything == [], "axe on the whole page (theme included):\n" + describe(everything)


def test_accessible_before_and_after_errors(page, base_url):
    open_form(page, base_url)
    assert_no_violations(page)
    make_bad_record(page, base_url)
    assert_no_violations(page)
    assert_only_local(page)


def test_accessible_with_the_record_shown(page, base_url):
    open_form(page, base_url)
    fill_practice(page)
    page.click("[data-kb-maak]")
    page.wait_for_selector("#kb-uitvoer:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "kb-uitvoer-kop"
    assert_no_violations(page)
    assert_only_local(page)


def test_without_javascript_the_fields_and_the_explanation_show(browser, base_url):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        pg = context.new_page()
        pg.goto(base_url + "aanmelden/")
        assert pg.locator('[data-pad="titel"]').is_visible()
        note = pg.locator(".kb-aanmelden .admonition p", has_text="Zonder JavaScript doet de knop")
        assert note.is_visible()
        assert note.locator('a[href="../redactie/"]').is_visible()
        assert pg.locator("[data-kb-maak]").is_visible()
    finally:
        context.close()
