"""The render functions of the submission form, the map, the template pages and the `kennisbank new`
skeleton, called directly on the bundled catalogue (no site build, no browser): literal output parsed
with lxml, the schema driving the form and the skeleton, and hostile text staying inert and literal."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from macros.cli.main import main
from macros.cli.new import commented_yaml, skeleton, starter
from macros.load.catalog import load_catalog
from macros.model.catalog import thaw
from macros.render import map as kaart
from macros.render.context import render_context
from macros.render.form import submit_page
from macros.render.template_pages import template_index, template_list, template_page, template_pages

ROOT = Path(__file__).resolve().parent.parent
PRACTICES = ROOT / "practices"
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "{{ 7*7 }}",
           "{% raw %}")
PLANTED = " ".join(HOSTILE)
DEKKING = ["Ja", "Deels", "Nee", "Onbekend"]
NEW_FLAGS = ["--id", "breda-test-po", "--titel", "Doorbraaktafel Breda", "--samenvatting",
             "Een tafel die elke vastgelopen situatie binnen tien werkdagen bespreekt.", "--regio", "Breda",
             "--gemeenten", "Breda", "--swv", "po3001", "--rmc", "mc34", "--onderwijssoort", "po",
             "--themas", "doorbraakoverleg", "--afgesproken", "2025-03-01", "--organisatie", "SWV Breda",
             "--email", "info@swv-breda.nl"]


# --- helpers ---------------------------------------------------------------------------------------

def body_of(page: str) -> str:
    """A generated page without its front matter."""
    assert page.startswith("---\n")
    return page.split("\n---\n", 1)[1].lstrip("\n")


def parse(fragment: str):
    return lxml_html.fragment_fromstring(fragment, create_parent="root")


def text(element) -> str:
    return " ".join(element.text_content().split())


def outside_templates(doc, xpath: str) -> list:
    return [e for e in doc.xpath(xpath) if not any(a.tag == "template" for a in e.iterancestors())]


def assert_inert(doc, allowed_scripts: int = 0) -> None:
    """No script element and no event-handler attribute came from data."""
    scripts = [s for s in doc.iter("script") if s.get("type") != "application/json" and not s.get("src")]
    assert scripts == []
    assert len([s for s in doc.iter("script")]) == allowed_scripts
    handlers = [(e.tag, name) for e in doc.iter() if isinstance(e.tag, str) for name in e.attrib
                if name.lower().startswith("on")]
    assert handlers == []
    assert doc.xpath("//img") == [] and doc.xpath("//svg[@onload]") == []


def hostile_codes(codes, start: int = 0) -> tuple:
    return tuple(replace(c, label=f"{HOSTILE[(i + start) % len(HOSTILE)]} {c.code}") for i, c in enumerate(codes))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(PRACTICES)


@pytest.fixture(scope="module")
def shapes():
    return kaart.project_shapes(kaart.load_topology(PRACTICES / "referentie" / "kaart" / "gemeenten-2025.topojson"))


@pytest.fixture(scope="module")
def ctx(catalog, shapes):
    sizes = {}
    for t in catalog.templates:
        sizes.update({(t.id, "docx"): 12345, (t.id, "odt"): 800})   # no size for .md: shown empty
    return render_context(catalog, sizes, shapes)


@pytest.fixture(scope="module")
def form(ctx):
    return parse(body_of(submit_page(ctx)).split("\n\n", 1)[1])


# --- the submission form -----------------------------------------------------------------------------

# data-pad -> (tag, type, required attribute, label text); rows of `resultaten` and `documenten` start empty
FORM_CONTROLS = {
    "id": ("input", "text", True, "Kenmerk (verplicht)"),
    "titel": ("input", "text", True, "Titel (verplicht)"),
    "samenvatting": ("textarea", None, True, "Samenvatting (verplicht)"),
    "context": ("textarea", None, False, "Aanleiding"),
    "werkwijze": ("textarea", None, False, "Zo werkt het"),
    "status": ("select", None, True, "Status (verplicht)"),
    "regio": ("input", "text", True, "Regio (verplicht)"),
    "swv.*": ("textarea", None, True, "Samenwerkingsverbanden (verplicht)"),
    "gemeenten.*": ("input", "text", False, "Gemeenten (verplicht)"),
    "rmc_regio": ("select", None, True, "RMC-regio (verplicht)"),
    "onderwijssoort.*": ("input", "checkbox", False, "Primair onderwijs"),
    "themas.*": ("input", "checkbox", False, "Geoorloofd verzuim"),
    "partners.*.organisatie": ("input", "text", True, "Organisatie (verplicht)"),
    "partners.*.rol": ("select", None, True, "Rol (verplicht)"),
    "datums.afgesproken": ("input", "date", True, "Afgesproken op (verplicht)"),
    "datums.in_werking": ("input", "date", False, "In werking sinds"),
    "datums.volgende_evaluatie": ("input", "date", False, "Volgende evaluatie"),
    "vervangt": ("select", None, False, "Vervangt"),
    "volwassenheid": ("select", None, True, "Volwassenheid (verplicht)"),
    "sjabloon.id": ("select", None, False, "Sjabloon (verplicht)"),
    "sjabloon.versie": ("input", "text", False, "Sjabloonversie (verplicht)"),
    "geoorloofd_verzuim.dekking": ("select", None, True, "Geregeld (verplicht)"),
    "geoorloofd_verzuim.mazl": ("select", None, True, "MAZL (verplicht)"),
    "geoorloofd_verzuim.toelichting": ("textarea", None, False, "Toelichting"),
    "ongeoorloofd_verzuim.dekking": ("select", None, True, "Geregeld (verplicht)"),
    "ongeoorloofd_verzuim.vroegsignalering": ("select", None, False, "Melden vóór 16 uur"),
    "ongeoorloofd_verzuim.toelichting": ("textarea", None, False, "Toelichting"),
    "doorbraakoverleg.aanwezig": ("select", None, True, "Doorbraakoverleg (verplicht)"),
    "doorbraakoverleg.leden.*": ("input", "checkbox", False, "Samenwerkingsverband"),
    "doorbraakoverleg.termijn_overleg_werkdagen": ("input", "number", False, "Termijn overleg (werkdagen)"),
    "doorbraakoverleg.termijn_besluit_werkdagen": ("input", "number", False, "Termijn besluit (werkdagen)"),
    "doorbraakoverleg.doorzettingsmacht.*": ("input", "checkbox", False, "Samenwerkingsverband"),
    "doorbraakoverleg.doorzettingsmacht_bindend": ("select", None, False, "Besluit bindend"),
    "doorbraakoverleg.casusregie": ("select", None, False, "Casusregie"),
    "doorbraakoverleg.toelichting": ("textarea", None, False, "Toelichting"),
    "financiering.vooraf_afgesproken": ("select", None, True, "Vooraf afgesproken (verplicht)"),
    "financiering.model": ("select", None, True, "Model (verplicht)"),
    "financiering.verdeling": ("textarea", None, False, "Wie betaalt wat"),
    "financiering.ruimte_binnen_regels": ("textarea", None, False, "Ruimte binnen de regels"),
    "financiering.toelichting": ("textarea", None, False, "Toelichting"),
    "leerplicht.preventief": ("select", None, True, "Preventief (verplicht)"),
    "leerplicht.adviserend": ("select", None, True, "Adviserend (verplicht)"),
    "leerplicht.toelichting": ("textarea", None, False, "Toelichting"),
    "gegevensdeling.avg_grondslag.*": ("input", "checkbox", False, "Toestemming (a)"),
    "gegevensdeling.wettelijke_grondslag": ("input", "text", False, "Wettelijke bepaling"),
    "gegevensdeling.convenant": ("select", None, True, "Convenant (verplicht)"),
    "gegevensdeling.privacyprotocol": ("select", None, True, "Privacyprotocol (verplicht)"),
    "gegevensdeling.dpia": ("select", None, False, "DPIA"),
    "gegevensdeling.toelichting": ("textarea", None, False, "Toelichting"),
    "jeugdhulp.betrokken": ("select", None, True, "Jeugdhulp betrokken (verplicht)"),
    "jeugdhulp.een_plan": ("select", None, False, "Eén plan"),
    "jeugdhulp.toelichting": ("textarea", None, False, "Toelichting"),
    "lessen.*": ("textarea", None, False, "Geleerde lessen"),
    "valkuilen.*": ("textarea", None, False, "Valkuilen"),
    "contact.organisatie": ("input", "text", True, "Organisatie (verplicht)"),
    "contact.email": ("input", "email", True, "E-mailadres (verplicht)"),
    "licentie": ("select", None, True, "Licentie (verplicht)"),
}
ROW_CONTROLS = {  # only in the row templates until a row is added
    "resultaten.*.indicator": ("select", None), "resultaten.*.waarde": ("input", "number"),
    "resultaten.*.noemer": ("input", "number"), "resultaten.*.periode": ("input", "text"),
    "resultaten.*.bron": ("input", "text"), "resultaten.*.toelichting": ("textarea", None),
    "documenten.*.titel": ("input", "text"), "documenten.*.type": ("select", None),
    "documenten.*.bestand": ("input", "text"), "documenten.*.url": ("textarea", None),  # maxLength > 300
}


def top_level(doc) -> list[str]:
    """The form's top-level entries in page order: block or list name, else the field's first key."""
    out = []
    for child in doc.xpath("//form[@id='kb-aanmeldformulier']/*"):
        pads = child.xpath(".//@data-pad")
        key = child.get("data-groep") or child.get("data-herhaal") or (pads[0].split(".")[0] if pads else None)
        if key:
            out.append(key)
    return out


def controls_by_pad(doc) -> dict[str, list]:
    found: dict[str, list] = {}
    for element in outside_templates(doc, "//*[@data-pad]"):
        found.setdefault(element.get("data-pad"), []).append(element)
    return found


def test_one_labelled_control_per_schema_leaf_with_the_right_type(form):
    found = controls_by_pad(form)
    assert list(found) == list(FORM_CONTROLS), "controls in schema order, nothing missing or extra"
    for pad, (tag, kind, required, label) in FORM_CONTROLS.items():
        first = found[pad][0]
        assert (first.tag, first.get("type")) == (tag, kind), pad
        assert ("required" in first.attrib) == required, pad
        assert text(form.xpath(f"//label[@for='{first.get('id')}']")[0]) == label, pad
    assert len(found["themas.*"]) == 8 and len(found["doorbraakoverleg.leden.*"]) == 10
    assert [b.get("value") for b in found["onderwijssoort.*"]] == ["po", "vo"]


def test_row_templates_hold_the_row_fields(form):
    rows = {e.get("data-pad"): (e.tag, e.get("type")) for t in form.iter("template") for e in t.xpath(".//*[@data-pad]")}
    assert {p: v for p, v in rows.items() if not p.startswith("partners")} == ROW_CONTROLS
    template = form.xpath("//fieldset[@data-herhaal='resultaten']//template")[0]
    assert template.xpath(".//select")[0].get("id") == "veld-resultaten-__rij__-indicator"
    assert form.xpath("//fieldset[@data-herhaal='resultaten']/div[@data-rijen]/*") == []
    first_partner = form.xpath("//fieldset[@data-herhaal='partners']/div[@data-rijen]/fieldset")
    assert len(first_partner) == 1 and text(first_partner[0].xpath("legend")[0]) == "Partner 1"
    assert [text(b) for b in form.xpath("//button[@data-kb-rij-toevoegen]")] == [
        "Nog een partner toevoegen", "Nog een resultaat toevoegen", "Nog een document toevoegen"]
    assert text(form.xpath("//fieldset[@data-herhaal='partners']/legend")[0]) == "Partners (verplicht)"


def test_help_text_limits_and_error_slots(form):
    titel = form.xpath("//*[@id='veld-titel']")[0]
    assert titel.get("aria-describedby") == "veld-titel-uitleg veld-titel-fout"
    assert text(form.xpath("//*[@id='veld-titel-uitleg']")[0]) == (
        "Korte titel van de praktijk, zonder de tekens < > { } [ ]. Minstens 5 en hoogstens 120 tekens.")
    assert form.xpath("//*[@id='veld-titel-fout']")[0].get("hidden") is not None
    termijn = form.xpath("//*[@data-pad='doorbraakoverleg.termijn_besluit_werkdagen']")[0]
    assert (termijn.get("step"), termijn.get("min")) == ("1", "1")
    sjabloon = form.xpath("//fieldset[@data-groep='sjabloon']")[0]
    assert text(sjabloon.xpath("p[@class='kb-uitleg']")[0]).endswith(
        "Dit blok is niet verplicht. Vult u er iets in, dan zijn de velden met (verplicht) ook nodig.")


def test_select_options_are_the_codelist_labels_in_order(form, catalog):
    def options(pad):
        return [o.text for o in form.xpath(f"//select[@data-pad='{pad}']/option")]
    assert options("status") == ["Kies…", "In voorbereiding", "Actief", "In evaluatie", "Beëindigd"]
    assert options("status")[1:] == [c.label for c in catalog.codelists["status"]]
    assert options("geoorloofd_verzuim.dekking")[1:] == DEKKING
    assert options("rmc_regio")[:3] == ["Kies…", "Oost-Groningen (MC01)", "Noord-Groningen-Eemsmond (MC02)"]
    assert options("vervangt")[1] == ("Doorbraakaanpak met verdeelsleutel in Rotterdam, Capelle en Krimpen (PO) "
                                      "(voorbeeld-rijnmond-po)")
    licence = form.xpath("//select[@data-pad='licentie']/option")
    assert [(o.get("value"), o.get("selected") is not None) for o in licence] == [
        ("", False), ("CC-BY-4.0", True), ("CC0-1.0", False)]
    labels = [text(label) for label in form.xpath("//fieldset[@id='veld-themas']//label")]
    assert labels == [c.label for c in catalog.codelists["themas"]]


def test_the_review_is_not_on_the_form_and_not_prefilled(form, ctx):
    assert not [p for p in controls_by_pad(form) if p.split(".")[0] in ("redactie", "voorbeeld", "onderbouwing")]
    data = json.loads(form.xpath("//script[@id='kb-schema']")[0].text)
    assert data["automatisch"] == {"voorbeeld": False}
    assert data["door_redactie"]["onderbouwing"] == [
        "# Onderbouwing: dit blok vult de redactie in, nadat zij het record heeft beoordeeld.",
        "# Zolang het ontbreekt, keurt `kennisbank validate` het record af en komt het niet op de site.",
        "# onderbouwing:",
        "#   niveau:                   # Niveau van onderbouwing: Beschreven, onderbouwd, eerste aanwijzingen voor "
        "effect of goede aanwijzingen voor effect.",
        "#   document:                 # Evaluatiedocument: Titel en webadres van het document waarop het niveau "
        "berust, zoals een evaluatierapport. Verplicht vanaf het niveau onderbouwd.",
        "#   toelichting:              # Toelichting van de redactie: Waarom de redactie dit niveau toekende."]
    assert {k: v for k, v in data["door_redactie"].items() if k != "onderbouwing"} == {"redactie": [
        "# Redactie: dit blok vult de redactie in, nadat zij het record heeft beoordeeld.",
        "# Zolang het ontbreekt, keurt `kennisbank validate` het record af en komt het niet op de site.",
        "# redactie:",
        "#   organisatie:              # Redactie door: Organisatie die het record beoordeelde.",
        "#   beoordeeld_op:            # Laatst beoordeeld: Datum van de laatste inhoudelijke controle. (JJJJ-MM-DD)",
        "#   volgende_beoordeling:     # Volgende beoordeling: Datum waarop het record opnieuw gecontroleerd moet "
        "zijn. (JJJJ-MM-DD)"]}
    assert data["schema"] == thaw(ctx.catalog.schemas["praktijk"])
    assert "Ingrado" not in json.dumps(data["automatisch"]) + json.dumps(data["door_redactie"])


def test_page_frame_script_and_stylesheet(ctx, form):
    page = submit_page(ctx)
    assert body_of(page).startswith("# Praktijk aanmelden\n\n<div class=\"kb-aanmelden\" data-kb-aanmelden>")
    assert "<style" not in page
    assert [(s.get("type"), s.get("id"), s.get("src")) for s in form.iter("script")] == [
        ("application/json", "kb-schema", None), (None, None, "../assets/aanmelden.js")]
    assert [a.get("href") for a in form.xpath("//a[@data-kb-mail]")] == [
        "mailto:kennisbank@ingrado.nl?subject=Praktijk%20aanmelden"]
    css = (ROOT / "docs" / "assets" / "aanmelden.css").read_text(encoding="utf-8")
    assert ".kb-aanmelden .kb-veld { margin: 0 0 1.1rem; }" in css
    assert "  - assets/aanmelden.css\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


# --- the schema drives the form and the skeleton ------------------------------------------------------

NEW_FIELD = {"title": "Doelgroep", "description": "Voor welke leerlingen de afspraken gelden.", "type": "string",
             "maxLength": 500}
NEW_BLOCK = {"title": "Nazorg na terugkeer", "type": "object", "x-thema": "ondersteuning-regios",
             "additionalProperties": False, "required": ["geregeld"], "properties": {
                 "geregeld": {"title": "Nazorg geregeld", "description": "Is nazorg na terugkeer op school afgesproken?",
                              "type": "string", "x-codelijst": "dekking", "x-vergelijk": "ondersteuning-regios"},
                 "toelichting": {"title": "Toelichting", "description": "Hoe de nazorg werkt.", "type": "string",
                                 "maxLength": 3000}}}


def extended_schema(schema: dict, required: bool = False) -> dict:
    schema = json.loads(json.dumps(schema))
    props = list(schema["properties"].items())
    at = [k for k, _ in props].index("resultaten")
    schema["properties"] = dict(props[:at] + [("doelgroep", NEW_FIELD), ("nazorg", NEW_BLOCK)] + props[at:])
    if required:
        schema["required"].append("nazorg")
    # Its own $id: macros.checks.records keeps compiled validators per $id for the whole process, so a
    # changed schema under the same $id would be checked with the old one (reported to the lead).
    schema["$id"] = schema["$id"].replace("praktijk.schema.json", "praktijk-uitgebreid.schema.json")
    return schema


@pytest.fixture(scope="module")
def extended(tmp_path_factory) -> Path:
    """A copy of the package with a new field and a new theme block in the schema, and values in one record."""
    root = tmp_path_factory.mktemp("extended") / "practices"
    shutil.copytree(PRACTICES, root)
    path = root / "schema" / "praktijk.schema.json"
    path.write_text(json.dumps(extended_schema(json.loads(path.read_text(encoding="utf-8"))), ensure_ascii=False,
                               indent=2), encoding="utf-8")
    record = root / "praktijken" / "voorbeeld-twente-vo.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "doelgroep: Leerlingen die langer dan vier weken thuiszitten.\n"
                      "nazorg:\n  geregeld: deels\n  toelichting: De school belt de eerste zes weken elke week.\n",
                      encoding="utf-8")
    return root


def test_a_new_field_and_block_appear_on_the_form(extended):
    ctx = render_context(load_catalog(extended))
    doc = parse(body_of(submit_page(ctx)).split("\n\n", 1)[1])
    doelgroep = doc.xpath("//*[@data-pad='doelgroep']")[0]
    assert (doelgroep.tag, doelgroep.get("rows"), "required" in doelgroep.attrib) == ("textarea", "5", False)
    assert text(doc.xpath("//label[@for='veld-doelgroep']")[0]) == "Doelgroep"
    assert text(doc.xpath("//*[@id='veld-doelgroep-uitleg']")[0]) == (
        "Voor welke leerlingen de afspraken gelden. Hoogstens 500 tekens.")
    block = doc.xpath("//fieldset[@data-groep='nazorg']")[0]
    assert block.get("id") == "veld-nazorg" and text(block.xpath("legend")[0]) == "Nazorg na terugkeer"
    assert text(block.xpath("p[@class='kb-uitleg']")[0]) == (
        "Dit blok is niet verplicht. Vult u er iets in, dan zijn de velden met (verplicht) ook nodig.")
    geregeld = block.xpath(".//select[@data-pad='nazorg.geregeld']")[0]
    assert [o.text for o in geregeld.xpath("option")] == ["Kies…"] + DEKKING
    assert text(doc.xpath("//label[@for='veld-nazorg-geregeld']")[0]) == "Nazorg geregeld (verplicht)"
    assert "required" not in geregeld.attrib, "required inside an optional block: marked, not enforced"
    assert block.xpath(".//textarea[@data-pad='nazorg.toelichting']")
    top = top_level(doc)
    assert top[top.index("jeugdhulp"):top.index("jeugdhulp") + 4] == ["jeugdhulp", "doelgroep", "nazorg", "resultaten"]
    data = json.loads(doc.xpath("//script[@id='kb-schema']")[0].text)
    assert data["schema"]["properties"]["nazorg"] == NEW_BLOCK


def test_a_new_field_and_block_appear_in_the_new_skeleton(extended, capsys):
    assert main(["new", "praktijk", "--pad", str(extended), "--niet-interactief", *NEW_FLAGS]) == 0
    written = (extended / "praktijken" / "breda-test-po.yaml").read_text(encoding="utf-8")
    assert ("\n# Doelgroep (niet verplicht): Voor welke leerlingen de afspraken gelden.\n# doelgroep:\n\n"
            "# Nazorg na terugkeer (niet verplicht)\n# nazorg:\n#   geregeld:\n#   toelichting:\n\n"
            "# Resultaten (niet verplicht):") in written
    assert written.index("\njeugdhulp:\n") < written.index("# doelgroep:") < written.index("# resultaten:")
    assert main(["validate", str(extended)]) == 0
    capsys.readouterr()


def test_a_required_new_block_starts_filled_in_the_skeleton(catalog):
    schema = extended_schema(thaw(catalog.schemas["praktijk"]), required=True)
    given = {"id": "x-po", "contact": {"organisatie": "SWV X", "email": "info@swv-x.nl"}}
    record = skeleton(schema, given, starter(PRACTICES, date(2027, 1, 31)))
    assert record["nazorg"] == {"geregeld": "onbekend"}
    assert record["redactie"] == {"organisatie": "Ingrado", "beoordeeld_op": date(2027, 1, 31),
                                  "volgende_beoordeling": date(2028, 1, 31)}
    assert "doelgroep" not in record and "sjabloon" not in record, "optional fields stay out"
    assert list(record) == [k for k in schema["properties"] if k in record]
    text_ = commented_yaml(record, schema, "praktijk")
    assert ("\n# Nazorg na terugkeer\nnazorg:\n  # Nazorg geregeld: Is nazorg na terugkeer op school afgesproken?\n"
            "  geregeld: onbekend\n  # Toelichting (niet verplicht): Hoe de nazorg werkt.\n  # toelichting:\n") in text_
    assert "\n  beoordeeld_op: 2027-01-31\n  # Volgende beoordeling: " in text_
    assert "\n# resultaten:\n#   - indicator:\n#     waarde:\n" in text_


# --- the map ----------------------------------------------------------------------------------------

def test_map_page_parts_count_and_rows(ctx):
    parts = kaart.map_page_parts(ctx, "kaart/")
    assert (parts["covered_count"], parts["total"]) == (52, 342)
    assert (len(parts["svg"]["covered"]), len(parts["svg"]["empty"])) == (52, 290)
    assert parts["svg"]["view_box"] == "0 0 600 710.1"
    table = parse(ctx.render("_map_table.html", rows=parts["rows"]))
    rows = table.xpath("//tbody/tr")
    assert len(rows) == 52
    assert [(r.get("id"), text(r.xpath("th")[0]), text(r.xpath("td")[0])) for r in rows[:3]] == [
        ("gemeente-gm0197", "Aalten", "GM0197"), ("gemeente-gm0141", "Almelo", "GM0141"),
        ("gemeente-gm1723", "Alphen-Chaam", "GM1723")]
    assert [(a.get("href"), a.text) for a in rows[0].xpath("td/a")] == [
        ("../praktijken/voorbeeld-achterhoek-po-vo/", "Eén arrangement voor onderwijs en jeugdhulp in de Achterhoek (PO en VO)")]
    rotterdam = table.xpath("//tr[@id='gemeente-gm0599']")[0]
    assert [(a.get("href"), a.text) for a in rotterdam.xpath("td/ul/li/a")] == [
        ("../praktijken/voorbeeld-rijnmond-po-2018/", "Eerste thuiszittersoverleg in Rotterdam (PO, 2018–2022)"),
        ("../praktijken/voorbeeld-rijnmond-po/", "Doorbraakaanpak met verdeelsleutel in Rotterdam, Capelle en Krimpen (PO)")]
    svg = parse(ctx.render("_map_svg.html", svg=parts["svg"]))
    link = svg.xpath("//a[@href='#gemeente-gm0599']")[0]
    assert link.get("aria-label") == "Rotterdam: 2 praktijken (beide fictief)"
    assert [text(li) for li in rotterdam.xpath("td/ul/li")] == [
        "Eerste thuiszittersoverleg in Rotterdam (PO, 2018–2022) Fictief voorbeeld",
        "Doorbraakaanpak met verdeelsleutel in Rotterdam, Capelle en Krimpen (PO) Fictief voorbeeld"]
    assert [text(li) for li in svg.xpath("//ul[@class='kaart-legenda']/li")] == [
        "Gemeente met praktijk", "Gemeente zonder praktijk"]


def test_map_shows_hostile_practice_titles_literally(ctx, catalog):
    hostile = [replace(p, data={**thaw(p.data), "titel": f"{HOSTILE[i % len(HOSTILE)]} & 'x'"})
               for i, p in enumerate(catalog.practices)]
    bad = replace(ctx, catalog=replace(catalog, practices=tuple(hostile)))
    parts = kaart.map_page_parts(bad, "kaart/")
    for fragment in (bad.render("_map_table.html", rows=parts["rows"]), bad.render("_map_svg.html", svg=parts["svg"]),
                     bad.render("_map_table.html", rows=kaart.table_rows(bad.shapes, kaart.coverage(bad), lambda p: f"../p/{p}/",
                                                                              kaart.gemeente_anchor))):
        doc = parse(fragment)
        assert_inert(doc)
    table = parse(bad.render("_map_table.html", rows=parts["rows"]))
    titles = {a.text for a in table.xpath("//td//a")}
    assert titles == {f"{h} & 'x'" for h in HOSTILE}


# --- the template pages -------------------------------------------------------------------------------

def test_template_pages_are_the_index_and_one_per_template(ctx):
    assert list(template_pages(ctx)) == [
        "sjablonen/index.md", "sjablonen/afsprakenkader-verzuim.md", "sjablonen/convenant-gegevensdeling.md",
        "sjablonen/escalatie-doorbraakprotocol.md", "sjablonen/financieringsafspraak-passende-plek.md",
        "sjablonen/samenwerkingsovereenkomst-doorbraakaanpak.md"]


def test_template_page_downloads_sizes_and_facts(ctx):
    page = template_page(ctx, ctx.catalog.template("convenant-gegevensdeling"))
    assert page.startswith('---\ntitle: "Convenant gegevensdeling onderwijs, leerplicht en jeugdhulp"\n')
    doc = parse(body_of(page))
    downloads = [(a.get("href"), text(a), a.get("download")) for a in doc.xpath("//ul[@class='kb-downloads']/li/a")]
    assert downloads == [("convenant-gegevensdeling-3.0.0.docx", "Download leeg sjabloon, Word (.docx)", ""),
                         ("convenant-gegevensdeling-3.0.0.odt", "Download leeg sjabloon, OpenDocument (.odt)", ""),
                         ("convenant-gegevensdeling-3.0.0.md", "Download leeg sjabloon, Markdown (.md)", "")]
    assert [s.text for s in doc.xpath("//span[@class='kb-grootte']")] == ["12 kB", "800 bytes", None]
    facts = {text(r.xpath("th")[0]): text(r.xpath("td")[0]) for r in doc.xpath("//table[@class='kb-kaartje']//tr")}
    assert facts == {"Versie": "3.0.0",
                     "Voor": "Samenwerkingsverband, Gemeente, Leerplicht, Schoolbestuur, Jeugdhulp, GGD, RMC",
                     "Thema's": "Gegevensdeling", "Licentie": "CC BY 4.0", "Laatst beoordeeld": "7 december 2026"}
    assert doc.xpath("//table[@class='kb-kaartje']//a/@href") == ["../../themas/gegevensdeling/"]
    assert doc.xpath("//div[contains(@class,'admonition')]") == [], "1.0.0 is no draft"
    assert "## Wijzigingen\n\n<ul>\n<li>Versie 3.0.0 (7 december 2026): Grondslagen per partij zoals de AVG ze " \
           "noemt" in page
    assert "<li>Versie 2.0.0 (2 december 2026): Iedere gemeente, ieder schoolbestuur en iedere jeugdhulpaanbieder " \
           "is een eigen partij" in page, "earlier versions stay in the history"
    assert "## Gebruikt door\n\n<p>Nog geen praktijk in de kennisbank noemt dit sjabloon.</p>" in page


def test_template_page_placeholder_table_form_and_body(ctx):
    template = ctx.catalog.template("convenant-gegevensdeling")
    doc = parse(body_of(template_page(ctx, template)))
    rows = doc.xpath("//table[@class='kb-invulvelden']/tbody/tr")
    assert len(rows) == len(template.get("invulvelden"))
    assert [text(c) for c in rows[0].xpath("th|td")] == [
        "[[swv_naam]]", "Naam samenwerkingsverband",
        "De statutaire naam van het samenwerkingsverband passend onderwijs.",
        "Stichting Samenwerkingsverband Passend Onderwijs Voorbeeldregio"]
    field = doc.xpath("//form[@data-kb-invullen]//input[@data-veld='swv_naam']")[0]
    assert (field.get("id"), field.get("name"), field.get("aria-describedby")) == ("veld-swv_naam", "swv_naam",
                                                                                  "uitleg-swv_naam")
    assert text(doc.xpath("//span[@id='uitleg-swv_naam']")[0]) == (
        "De statutaire naam van het samenwerkingsverband passend onderwijs. Bijvoorbeeld: Stichting "
        "Samenwerkingsverband Passend Onderwijs Voorbeeldregio")
    body = doc.xpath("//div[@class='kb-sjabloontekst']")[0]
    assert body.get("markdown") is None, "the body is sanitised HTML, not Markdown for MkDocs"
    assert body.xpath("./h2") and body.xpath("./p"), "Markdown headings and paragraphs became HTML"
    spans = body.xpath(".//span[@class='kb-invulveld']")
    names = [f["naam"] for f in template.get("invulvelden")]
    assert {s.get("data-veld") for s in spans} == set(names)
    assert {s.text for s in spans if s.get("data-veld") == "swv_naam"} == {"[Naam samenwerkingsverband]"}
    assert "[[" not in text(body)


def test_template_page_users_and_draft(ctx):
    used = parse(body_of(template_page(ctx, ctx.catalog.template("financieringsafspraak-passende-plek"))))
    users = [li for li in used.xpath("//ul/li") if li.xpath("a[starts-with(@href,'../../praktijken/')]")]
    assert [(li.xpath("a")[0].get("href"), text(li)) for li in users] == [
        ("../../praktijken/voorbeeld-flevoland-po/",
         "Eerste financieringsafspraak passende plek in Lelystad, Dronten en Zeewolde (PO) Fictief voorbeeld (versie 1.0.0)")]
    template = ctx.catalog.template("convenant-gegevensdeling")
    draft = replace(template, data={**thaw(template.data), "versie": "0.2.0"})
    doc = parse(body_of(template_page(ctx, draft)))
    assert [[p.text for p in d.xpath("p")] for d in doc.xpath("//div[contains(@class,'admonition')]")] == [
        ["Concept", "Dit sjabloon is nog een concept (versie 0.x) en kan nog veranderen."]]
    assert doc.xpath("//ul[@class='kb-downloads']/li/a/@href")[0] == "convenant-gegevensdeling-0.2.0.docx"


def test_template_index_and_list(ctx):
    index = template_index(ctx)
    assert index.startswith('---\ntitle: "Sjablonen"\n')
    doc = parse(body_of(index).split("\n\n", 1)[1])
    items = doc.xpath("//ul[@class='kb-sjablonen']")[0]
    assert len(items) == 5 and items.text is None, "no text between the items"
    assert [(a.get("href"), a.text) for a in items.xpath("li/a")] == [
        ("afsprakenkader-verzuim/", "Afsprakenkader geoorloofd en ongeoorloofd verzuim"),
        ("convenant-gegevensdeling/", "Convenant gegevensdeling onderwijs, leerplicht en jeugdhulp"),
        ("escalatie-doorbraakprotocol/", "Escalatie- en doorbraakprotocol voor vastgelopen situaties"),
        ("financieringsafspraak-passende-plek/",
         "Financieringsafspraak passende plek samenwerkingsverband en gemeenten"),
        ("samenwerkingsovereenkomst-doorbraakaanpak/",
         "Samenwerkingsovereenkomst doorbraakaanpak samenwerkingsverband en gemeenten")]
    assert items.xpath("li/span[@class='kb-versie']/text()") == [
        "versie 3.0.1", "versie 3.0.0", "versie 3.1.0", "versie 3.0.0", "versie 3.1.0"]
    listed = parse(template_list(ctx, "themas/doorbraakoverleg/", "doorbraakoverleg"))
    assert [(a.get("href"), a.text) for a in listed.xpath("//li/a")] == [
        ("../../sjablonen/escalatie-doorbraakprotocol/", "Escalatie- en doorbraakprotocol voor vastgelopen situaties"),
        ("../../sjablonen/samenwerkingsovereenkomst-doorbraakaanpak/",
         "Samenwerkingsovereenkomst doorbraakaanpak samenwerkingsverband en gemeenten")]
    assert template_list(ctx, "themas/x/", "bestaat-niet") == '<p class="kb-leeg">Voor dit thema is nog geen sjabloon.</p>'
    assert len(parse(template_list(ctx, "", None)).xpath("//li")) == 5


# --- hostile text ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_ctx(ctx, catalog):
    """Hostile strings in codelist labels, a field title, and every text field of one template."""
    lists = {**catalog.codelists}
    for name, start in (("dekking", 0), ("status", 1), ("themas", 2), ("partnerrol", 3)):
        lists[name] = hostile_codes(catalog.codelists[name], start)
    schema = thaw(catalog.schemas["praktijk"])
    schema["properties"]["titel"]["title"] = PLANTED
    schema["properties"]["titel"]["description"] = PLANTED
    template = catalog.template("convenant-gegevensdeling")
    data = thaw(template.data)
    data.update(titel=PLANTED, doel=PLANTED,
                wijzigingen=[{"versie": "1.0.0", "datum": "2026-11-28", "omschrijving": PLANTED}],
                invulvelden=[{**{k: v for k, v in f.items() if k != "standaard"}, "label": PLANTED, "uitleg": PLANTED,
                              "voorbeeld": PLANTED} for f in data["invulvelden"]])
    templates = tuple(replace(t, data=data) if t.id == template.id else t for t in catalog.templates)
    bad = replace(catalog, codelists=lists, schemas={**catalog.schemas, "praktijk": schema}, templates=templates)
    return render_context(bad, ctx.sizes, ctx.shapes)


def test_hostile_codelist_labels_and_titles_on_the_form(hostile_ctx):
    doc = parse(body_of(submit_page(hostile_ctx)).split("\n\n", 1)[1])
    assert_inert(doc, allowed_scripts=2)
    options = [o.text for o in doc.xpath("//select[@data-pad='geoorloofd_verzuim.dekking']/option")]
    assert options == ["Kies…", "<script>alert(1)</script> ja", "<img src=x onerror=alert(1)> deels",
                       '"><svg onload=alert(1)> nee', "{{ 7*7 }} onbekend"]
    assert [o.text for o in doc.xpath("//select[@data-pad='status']/option")][1:] == [
        "<img src=x onerror=alert(1)> in-voorbereiding", '"><svg onload=alert(1)> actief', "{{ 7*7 }} in-evaluatie",
        "{% raw %} beeindigd"]
    titel = doc.xpath("//*[@data-pad='titel']")[0]
    assert titel.get("data-titel") == PLANTED
    assert text(doc.xpath("//label[@for='veld-titel']")[0]) == PLANTED + " (verplicht)"
    assert doc.xpath("//*[@id='veld-titel-uitleg']")[0].text.startswith(PLANTED + " ")
    script = doc.xpath("//script[@id='kb-schema']")[0].text
    assert "</" not in script and "<!--" not in script
    data = json.loads(script)
    assert [c["label"] for c in data["codelijsten"]["dekking"]] == options[1:]
    assert data["schema"]["properties"]["titel"]["title"] == PLANTED


def test_hostile_template_text_shows_literally(hostile_ctx):
    page = template_page(hostile_ctx, hostile_ctx.catalog.template("convenant-gegevensdeling"))
    assert page.startswith("---\ntitle: " + json.dumps(PLANTED) + "\n")
    doc = parse(body_of(page))
    assert_inert(doc, allowed_scripts=2)  # the form's data (JSON) and fflate from the site itself
    data = doc.xpath("//script[@id='kb-sjabloon-gegevens']")[0].text
    assert "</" not in data and "<!--" not in data
    assert doc.xpath("//script[@src]/@src") == ["../../assets/fflate/fflate.js"]
    assert text(doc.xpath("//h1")[0]) == PLANTED
    assert text(doc.xpath("//p[@class='kb-doel']")[0]) == PLANTED
    for row in doc.xpath("//table[@class='kb-invulvelden']/tbody/tr"):
        assert [c.text_content() for c in row.xpath("td")] == [PLANTED, PLANTED, PLANTED]
    labels = doc.xpath("//form[@data-kb-invullen]//p[@class='kb-veld']/label")
    assert labels and all(label.text == PLANTED for label in labels)
    assert {s.text for s in doc.xpath("//form[@data-kb-invullen]//p[@class='kb-veld']/span[@class='kb-uitleg']")} == {
        f"{PLANTED} Bijvoorbeeld: {PLANTED}"}
    assert {s.text for s in doc.xpath("//span[@class='kb-invulveld']")} == {f"[{PLANTED}]"}
    changes = [li.text for li in doc.xpath("//li") if (li.text or "").startswith("Versie ")]
    assert changes == [f"Versie 1.0.0 (28 november 2026): {PLANTED}"]
    facts = {text(r.xpath("th")[0]): r.xpath("td")[0].text_content() for r in doc.xpath("//table[@class='kb-kaartje']//tr")}
    assert facts["Thema's"] == '"><svg onload=alert(1)> gegevensdeling'
    assert facts["Voor"] == ("{{ 7*7 }} swv, {% raw %} gemeente, <img src=x onerror=alert(1)> leerplicht, "
                             "<script>alert(1)</script> schoolbestuur, {{ 7*7 }} jeugdhulp, "
                             "<script>alert(1)</script> ggd, \"><svg onload=alert(1)> rmc")
    for law_text in doc.xpath("//table[@class='kb-grondslagen'] | //ul[@class='kb-wetsbronnen']"):
        law_text.drop_tree()  # BWBR numbers such as BWBR0034925 hold a 49 of their own
    assert "49" not in doc.text_content().replace("2049", "")


def test_hostile_template_title_in_index_and_list(hostile_ctx):
    index = parse(body_of(template_index(hostile_ctx)).split("\n\n", 1)[1])
    assert_inert(index)
    item = [li for li in index.xpath("//ul[@class='kb-sjablonen']/li")
            if li.xpath("a/@href") == ["convenant-gegevensdeling/"]][0]
    assert item.xpath("a")[0].text == PLANTED and item.xpath("br")[0].tail == PLANTED
    listed = parse(template_list(hostile_ctx, "themas/gegevensdeling/", "gegevensdeling"))
    assert_inert(listed)
    assert [a.text for a in listed.xpath("//a")] == [PLANTED]
