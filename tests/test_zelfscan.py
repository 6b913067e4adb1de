"""The zelfscan (/zelfscan/): the ranking rule, the page made from the schema, and in Chromium the
form, the result beside the most alike practices, what to take from them, the file that goes out
and comes back, and that nothing leaves the page."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
import yaml
from playwright.sync_api import expect

from macros.model.problems import InvalidData
from macros.load.catalog import load_catalog
from macros.render.context import render_context
from macros.render.zelfscan import distance, most_alike, question, questions, ranked, zelfscan_page
from accessibility import assert_accessible

ROOT = Path(__file__).resolve().parent.parent

# A PO region that is starting: known answers on most questions, "weet ik niet" on
# ongeoorloofd_verzuim.vroegsignalering and gegevensdeling.privacyprotocol.
ANSWERS = {
    "regio": "Proefregio Noord", "onderwijssoort": ["po"],
    "geoorloofd_verzuim.dekking": "deels", "geoorloofd_verzuim.mazl": "nee",
    "ongeoorloofd_verzuim.dekking": "ja",
    "leerplicht.preventief": "ja", "leerplicht.adviserend": "ja",
    "financiering.vooraf_afgesproken": "nee", "financiering.model": "per-casus",
    "financiering.verdeling": "Per leerling overleggen we \"wie betaalt\".",
    "doorbraakoverleg.aanwezig": "deels", "doorbraakoverleg.leden": ["swv", "gemeente", "leerplicht"],
    "doorbraakoverleg.termijn_besluit_werkdagen": 20, "doorbraakoverleg.doorzettingsmacht": ["gemeente"],
    "doorbraakoverleg.casusregie": "swv",
    "gegevensdeling.avg_grondslag": ["a"], "gegevensdeling.convenant": "nee",
    "jeugdhulp.betrokken": "deels", "jeugdhulp.een_plan": "nee",
    "volwassenheid": "wil-ondersteuning",
}
# Worked out by hand from practices/praktijken/ (distance per question: equal 0, other 1,
# ja-deels and deels-nee 0.5, lists 1 - shared/all, termijn |a-b|/119, unknown not counted):
#   zeeuws-vlaanderen-po-vo: geoorloofd 0.5, ongeoorloofd 0.5, termijn 5/119, jeugdhulp.een_plan 0.5 -> 1.542
#   friesland-noord-po: ongeoorloofd 0.5, leerplicht.preventief 0.5, aanwezig 0.5, betrokken 0.5 -> 2.0
#   flevoland-po: preventief 0.5, adviserend 1, model 1 -> 2.5
#   then utrecht-lekstroom-po 8.584, achterhoek-po-vo 8.756, ...; the VO practices come after all PO ones
#   (groningen-vo, 6.484, is closer than utrecht but has another onderwijssoort).
EXPECTED = ["voorbeeld-zeeuws-vlaanderen-po-vo", "voorbeeld-friesland-noord-po", "voorbeeld-flevoland-po"]
# Per theme where the region said nee, deels or weet ik niet: the practices that said ja, most alike
# first (at most 5), and the templates of the theme. rol-leerplichtambtenaar (ja, ja) and
# ondersteuning-regios (no ja/deels/nee question) have no section.
TAKEAWAY_THEMES = ["geoorloofd-verzuim", "ongeoorloofd-verzuim", "financiering-passende-plek", "doorbraakoverleg",
                   "gegevensdeling", "samenwerking-jeugdhulp"]
VROEGSIGNALERING_JA = ["voorbeeld-utrecht-lekstroom-po", "voorbeeld-rijnmond-po", "voorbeeld-groningen-vo",
                       "voorbeeld-amsterdam-vo", "voorbeeld-twente-vo"]
CONVENANT_JA = ["voorbeeld-utrecht-lekstroom-po", "voorbeeld-west-brabant-po", "voorbeeld-rijnmond-po",
                "voorbeeld-groningen-vo", "voorbeeld-amsterdam-vo"]   # and 2 more (zuid-limburg, twente)
TEMPLATES = {"geoorloofd-verzuim": ["afsprakenkader-verzuim"], "ongeoorloofd-verzuim": ["afsprakenkader-verzuim"],
             "financiering-passende-plek": ["financieringsafspraak-passende-plek"],
             "doorbraakoverleg": ["escalatie-doorbraakprotocol", "samenwerkingsovereenkomst-doorbraakaanpak"],
             "gegevensdeling": ["convenant-gegevensdeling"],
             "samenwerking-jeugdhulp": ["samenwerkingsovereenkomst-doorbraakaanpak"]}
# What the downloaded file still lacks to be a practice (the file's comment says so too).
STILL_REQUIRED = ["id", "titel", "samenvatting", "status", "voorbeeld", "swv", "gemeenten", "rmc_regio", "themas",
                  "partners", "datums", "contact", "licentie", "redactie", "onderbouwing"]


@pytest.fixture(scope="module")
def ctx():
    return render_context(load_catalog(ROOT / "practices"))


# --- the rule, without a browser ----------------------------------------------------------

def test_most_alike_for_a_po_region_that_is_starting(ctx):
    assert most_alike(ctx, ANSWERS) == EXPECTED
    top = [(r["id"], r["groep"], r["afstand"], r["vergeleken"]) for r in ranked(ctx, ANSWERS)[:4]]
    assert top == [("voorbeeld-zeeuws-vlaanderen-po-vo", 0, 1.542017, 11), ("voorbeeld-friesland-noord-po", 0, 2.0, 7),
                   ("voorbeeld-flevoland-po", 0, 2.5, 10), ("voorbeeld-utrecht-lekstroom-po", 0, 8.584034, 17)]
    groups = [r["groep"] for r in ranked(ctx, ANSWERS)]
    assert groups == sorted(groups) and groups.count(1) == 5, "all PO practices before the five VO ones"


def test_most_alike_ties_go_by_id_and_unknown_answers_do_not_count(ctx):
    every_ja = {"onderwijssoort": ["vo"], **{q["sleutel"]: "ja" for q in questions(ctx) if q["soort"] == "schaal"}}
    # twente answers ja everywhere (0); achterhoek and haaglanden both differ by deels on four questions (2.0)
    assert most_alike(ctx, every_ja) == ["voorbeeld-twente-vo", "voorbeeld-achterhoek-po-vo", "voorbeeld-haaglanden-vo"]
    nothing_known = ["voorbeeld-achterhoek-po-vo", "voorbeeld-amsterdam-vo", "voorbeeld-groningen-vo"]
    assert most_alike(ctx, {"onderwijssoort": ["vo"]}) == nothing_known
    assert most_alike(ctx, {"onderwijssoort": ["vo"], "geoorloofd_verzuim.dekking": "onbekend",
                            "doorbraakoverleg.leden": [], "doorbraakoverleg.termijn_besluit_werkdagen": None}) == nothing_known


def test_ended_and_replaced_practices_are_not_compared(ctx):
    ids = [r["id"] for r in ranked(ctx, ANSWERS)]
    assert "voorbeeld-rijnmond-po-2018" not in ids and len(ids) == 12


def test_distance_per_kind_of_question(ctx):
    qs = {q["sleutel"]: q for q in questions(ctx)}
    dekking, leden = qs["geoorloofd_verzuim.dekking"], qs["doorbraakoverleg.leden"]
    assert [distance(dekking, "ja", b) for b in ("ja", "deels", "nee", "onbekend", None)] == [0.0, 0.5, 1.0, None, None]
    assert distance(qs["financiering.model"], "per-casus", "verdeelsleutel") == 1.0
    assert distance(leden, ["swv", "gemeente"], ["swv"]) == 0.5
    assert distance(leden, ["swv"], []) is None
    assert distance(qs["doorbraakoverleg.termijn_besluit_werkdagen"], 10, 20) == 10 / 119
    assert distance(qs["doorbraakoverleg.termijn_besluit_werkdagen"], 1, 500) == 1.0
    assert distance(qs["financiering.verdeling"], "gelijk", "gelijk") is None, "free text never counts"


# --- the page, from the schema --------------------------------------------------------------

def page_html(ctx) -> lxml.html.HtmlElement:
    markdown = zelfscan_page(ctx)
    return lxml.html.fromstring("<div>" + markdown.split("---\n", 2)[2] + "</div>")


def test_the_form_is_made_from_the_comparison_fields(ctx):
    root = page_html(ctx)
    asked = [el.get("data-vraag") for el in root.xpath("//*[@data-vraag]")]
    assert asked[:4] == ["swv", "gemeenten", "regio", "onderwijssoort"]   # swv, gemeenten: see test_swv.py
    assert asked[4:] == [q["sleutel"] for q in questions(ctx)]
    assert asked[4:8] == ["geoorloofd_verzuim.dekking", "geoorloofd_verzuim.mazl", "ongeoorloofd_verzuim.dekking",
                          "ongeoorloofd_verzuim.vroegsignalering"]
    dekking = root.xpath("//fieldset[@data-vraag='geoorloofd_verzuim.dekking']")[0]
    assert dekking.xpath("legend")[0].text == "Geregeld"
    assert dekking.xpath(".//p[@class='kb-uitleg']")[0].text == "Regelen de afspraken geoorloofd verzuim (ziekte, schorsing, vrijstellingen)?"
    assert [label.text for label in dekking.xpath(".//label")] == ["Ja", "Deels", "Nee", "Weet ik niet"]
    assert [(i.get("value"), i.get("checked") is not None) for i in dekking.xpath(".//input")] == \
        [("ja", False), ("deels", False), ("nee", False), ("", True)]
    leden = root.xpath("//fieldset[@data-vraag='doorbraakoverleg.leden']//input")
    assert [i.get("type") for i in leden] == ["checkbox"] * 10 and leden[0].get("value") == "swv"
    termijn = root.xpath("//input[@name='doorbraakoverleg.termijn_besluit_werkdagen']")[0]
    assert (termijn.get("type"), termijn.get("min"), termijn.get("max"), termijn.get("step")) == ("number", "1", "120", "1")
    model = root.xpath("//fieldset[@data-vraag='financiering.model']//label")
    assert [label.text for label in model] == ["Gezamenlijk fonds", "Verdeelsleutel", "Per casus",
                                              "Arrangement van het samenwerkingsverband", "Geen afspraak", "Weet ik niet"]
    assert {el.get("form") for el in root.xpath("//input | //textarea")} - {None} == {"kb-zelfscan"}
    themes = [h for h in zelfscan_page(ctx).splitlines() if h.startswith("## ")]
    assert themes[:3] == ["## Uw regio {: #uw-regio .kb-zelfscan-vraagkop}",
                          "## Geoorloofd verzuim {: #vraag-geoorloofd-verzuim .kb-zelfscan-vraagkop}",
                          "## Ongeoorloofd verzuim {: #vraag-ongeoorloofd-verzuim .kb-zelfscan-vraagkop}"]
    assert themes[-2:] == ["## Uw uitkomst {: #uitkomst}", "## Bewaren en delen {: #bewaren .kb-zelfscan-scherm}"]


def test_the_embedded_data_is_json_that_cannot_end_the_script(ctx, tmp_path):
    package = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", package)
    record = package / "praktijken" / "voorbeeld-twente-vo.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("\nregio: ", "\nregio: Twente </script><!-- & ", 1), encoding="utf-8")
    hostile = render_context(load_catalog(package))
    markdown = zelfscan_page(hostile)
    script = markdown.split('<script type="application/json" id="kb-zelfscan-gegevens">', 1)[1].split("</script>")[0]
    data = json.loads(script)
    twente = next(p for p in data["praktijken"] if p["id"] == "voorbeeld-twente-vo")
    assert twente["regio"].startswith("Twente </script><!-- & ")
    assert "<" not in script and "&" not in script
    assert data["vragen"] == questions(hostile)
    assert twente["url"] == "../praktijken/voorbeeld-twente-vo/"
    # free text travels shortened (217 characters in the record): whole words, then an ellipsis
    assert twente["waarden"]["financiering.verdeling"] == (
        "Het samenwerkingsverband en de zes gemeenten storten elk jaar samen een vast bedrag in het doorbraakfonds: de "
        "helft door het samenwerkingsverband, de andere helft door de gemeenten naar rato van het …")
    assert twente["waarden"]["doorbraakoverleg.leden"] == ["swv", "gemeente", "leerplicht", "jeugdhulp", "wijkteam",
                                                          "ouders-en-leerling"]


def test_a_record_with_only_the_zelfscan_fields_has_only_missing_field_problems(tmp_path):
    package = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", package)
    (package / "praktijken" / "zelfscan-proef.yaml").write_text(
        '# kennisbank-zelfscan\nregio: "Proef"\nonderwijssoort: ["po"]\n'
        'geoorloofd_verzuim:\n  dekking: "deels"\n  mazl: "onbekend"\n'
        'doorbraakoverleg:\n  aanwezig: "ja"\n  leden: ["swv", "gemeente"]\n', encoding="utf-8")
    with pytest.raises(InvalidData) as err:
        load_catalog(package)
    problems = err.value.problems
    assert {p.file.rsplit("/", 1)[-1] for p in problems} == {"zelfscan-proef.yaml"}
    assert sorted(p.field for p in problems) == sorted(
        ["id", "titel", "samenvatting", "status", "voorbeeld", "swv", "gemeenten", "rmc_regio", "themas", "partners",
         "datums", "volwassenheid", "ongeoorloofd_verzuim", "financiering", "leerplicht", "gegevensdeling",
         "jeugdhulp", "contact", "licentie", "redactie", "onderbouwing"])
    assert {p.message.split(".")[0] for p in problems} == {"verplicht veld ontbreekt"}


# --- in Chromium ------------------------------------------------------------------------------

def html_id(key: str) -> str:
    return "zs-" + key.replace(".", "-")


def fill(page, ctx, answers: dict) -> None:
    kinds = {q["sleutel"]: q["soort"] for q in questions(ctx) + [question(ctx, f, None) for f in ctx.fields["praktijk"]
                                                                 if f.path in (("regio",), ("onderwijssoort", "*"))]}
    for key, value in answers.items():
        if kinds[key] in ("schaal", "code"):
            page.check(f"#{html_id(key)}-{value}")
        elif kinds[key] == "codes":
            for code in value:
                page.check(f"#{html_id(key)}-{code}")
        else:
            page.fill(f"#{html_id(key)}", str(value))


def open_scan(page, base_url) -> int:
    """Open the scan and wait until the page's own loading is over: Material asks for
    sitemap.xml and the favicon by itself, on a busy machine after "networkidle"."""
    page.goto(base_url + "zelfscan/", wait_until="networkidle")
    seen, quiet = len(page.requests), 0
    for _ in range(40):
        page.wait_for_timeout(250)
        quiet = quiet + 1 if len(page.requests) == seen else 0
        seen = len(page.requests)
        if quiet == 4:
            break
    return seen


def after_load(page, since: int) -> list[str]:
    return [u for u in page.requests[since:] if not u.startswith(("data:", "blob:"))]


def result_ids(page) -> list[str]:
    return page.locator(".kb-zelfscan-lijkt li").evaluate_all("items => items.map(li => li.dataset.praktijk)")


def test_the_region_sees_the_three_most_alike_practices_and_what_to_take(page, base_url, ctx):
    loaded = open_scan(page, base_url)
    fill(page, ctx, ANSWERS)
    page.click("button[type=submit][form=kb-zelfscan]")
    assert result_ids(page) == EXPECTED == most_alike(ctx, ANSWERS)
    assert page.locator(".kb-zelfscan-lijkt li").all_inner_texts() == [
        "Gezamenlijk thuiszittersoverleg in Zeeuws-Vlaanderen (PO en VO) Fictief voorbeeld (Zeeuws-Vlaanderen): "
        "lijkt sterk op uw regio.",
        "Samenwerkingsovereenkomst in de maak in Friesland Noord (PO) Fictief voorbeeld (Friesland Noord): lijkt matig "
        "op uw regio.",
        "Eerste financieringsafspraak passende plek in Lelystad, Dronten en Zeewolde (PO) Fictief voorbeeld (Lelystad, "
        "Dronten en Zeewolde): lijkt sterk op uw regio."]
    # the figures behind the words (1.542 / 11 = 0.14, 2 / 7 = 0.29, 2.5 / 10 = 0.25), in "Hoe berekenen we dit?"
    assert page.locator("[data-kb-regel-cijfers] li").all_text_contents() == [
        "Gezamenlijk thuiszittersoverleg in Zeeuws-Vlaanderen (PO en VO): verschil 1,54 op 11 vergeleken vragen "
        "(0 is overal gelijk, 11 overal anders); gemiddeld 0,14 per vraag.",
        "Samenwerkingsovereenkomst in de maak in Friesland Noord (PO): verschil 2 op 7 vergeleken vragen "
        "(0 is overal gelijk, 7 overal anders); gemiddeld 0,29 per vraag.",
        "Eerste financieringsafspraak passende plek in Lelystad, Dronten en Zeewolde (PO): verschil 2,5 op 10 vergeleken "
        "vragen (0 is overal gelijk, 10 overal anders); gemiddeld 0,25 per vraag."]
    assert page.evaluate("document.activeElement.tagName") == "H3", "focus moves to the result"
    # side by side: the region's answers beside the three practices, per theme
    table = page.locator('table.kb-zelfscan-naast[data-thema="geoorloofd-verzuim"]')
    assert table.locator("thead th").all_inner_texts()[:2] == ["Vraag", "Uw regio"]
    assert table.locator("thead th a").evaluate_all("l => l.map(a => a.getAttribute('href'))") == \
        [f"../praktijken/{p}/" for p in EXPECTED]
    assert table.locator("tbody tr").first.locator("th, td").all_inner_texts() == \
        ["Geregeld", "◐ Deels", "✗ Nee", "? Onbekend", "◐ Deels"]
    assert table.locator("tbody tr").nth(1).locator("th, td").all_inner_texts() == \
        ["MAZL", "✗ Nee", "? Onbekend", "? Onbekend", "✗ Nee"]
    leden = page.locator('table[data-thema="doorbraakoverleg"] tbody tr').nth(1).locator("th, td").all_inner_texts()
    assert leden == ["Leden", "Samenwerkingsverband, Gemeente, Leerplicht", "Samenwerkingsverband, Gemeente, Leerplicht",
                     "niet ingevuld", "niet ingevuld"]
    vroeg = page.locator('table[data-thema="ongeoorloofd-verzuim"] tbody tr').nth(1).locator("td").first
    assert vroeg.inner_text() == "weet ik niet"
    # what to take, per theme
    sections = page.locator("section.kb-zelfscan-neem").evaluate_all("s => s.map(x => x.dataset.thema)")
    assert sections == TAKEAWAY_THEMES
    def named(theme, key):
        return page.locator(f'section[data-thema="{theme}"] li[data-vraag="{key}"] a[data-praktijk]').evaluate_all(
            "links => links.map(a => [a.dataset.praktijk, a.getAttribute('href')])")
    assert named("ongeoorloofd-verzuim", "ongeoorloofd_verzuim.vroegsignalering") == \
        [[p, f"../praktijken/{p}/"] for p in VROEGSIGNALERING_JA]
    assert named("gegevensdeling", "gegevensdeling.convenant") == [[p, f"../praktijken/{p}/"] for p in CONVENANT_JA]
    convenant = page.locator('li[data-vraag="gegevensdeling.convenant"]')
    assert convenant.evaluate("li => [...li.childNodes].slice(0, 3).map(n => n.textContent).join('')") == \
        "Convenant: u antwoordde nee. Deze praktijken antwoordden hier ja:"
    assert convenant.locator(":scope > ul > li").all_inner_texts() == \
        [ctx.catalog.practice(p).get("titel") + " Fictief voorbeeld (onderbouwing: "
         + ctx.catalog.label("onderbouwing", ctx.catalog.practice(p).get("onderbouwing", "niveau")).lower() + ")"
         for p in CONVENANT_JA] + \
        ["en nog 2 andere: zie de vergelijkingstabel."]
    levels = convenant.locator("[data-onderbouwing]").evaluate_all("s => s.map(x => x.dataset.onderbouwing)")
    assert levels == [ctx.catalog.label("onderbouwing", ctx.catalog.practice(p).get("onderbouwing", "niveau"))
                      for p in CONVENANT_JA] and "Beschreven" in levels
    assert page.locator('li[data-vraag="gegevensdeling.convenant"] a', has_text="vergelijkingstabel").get_attribute("href") == \
        "../vergelijken/#gegevensdeling"
    assert page.locator('section[data-thema="ongeoorloofd-verzuim"] li[data-vraag]').evaluate_all("l => l.map(x => x.dataset.vraag)") == \
        ["ongeoorloofd_verzuim.vroegsignalering"], "dekking was ja: no line for it"
    for theme, ids in TEMPLATES.items():
        links = page.locator(f'section[data-thema="{theme}"] a[data-sjabloon]')
        assert links.evaluate_all("l => l.map(a => [a.dataset.sjabloon, a.getAttribute('href')])") == \
            [[i, f"../sjablonen/{i}/"] for i in ids]
        assert page.locator(f'section[data-thema="{theme}"] a[data-themapagina]').get_attribute("href") == f"../themas/{theme}/"
    # the same rule in the page and in Python, on many answer sets
    rng = random.Random(16)
    for _ in range(40):
        answers = random_answers(rng, ctx)
        assert page.evaluate("a => window.kennisbankZelfscan.mostAlike(a)", answers) == most_alike(ctx, answers), answers
    assert after_load(page, loaded) == []
    # every link of the result leads to a page that exists
    for href in sorted(set(page.locator(".kb-zelfscan-uitkomst a").evaluate_all("l => l.map(a => a.href)"))):
        assert page.request.get(href.split("#")[0]).status == 200, href


def random_answers(rng: random.Random, ctx) -> dict:
    out = {"onderwijssoort": rng.choice([[], ["po"], ["vo"], ["po", "vo"]])}
    for q in questions(ctx):
        if rng.random() < 0.25:
            continue
        codes = [c for c, _ in q["keuzes"]]
        if q["soort"] in ("schaal", "code"):
            out[q["sleutel"]] = rng.choice(codes + ["onbekend"])
        elif q["soort"] == "codes":
            out[q["sleutel"]] = rng.sample(codes, rng.randint(0, 4))
        elif q["soort"] == "getal":
            out[q["sleutel"]] = rng.randint(q["min"], q["max"])
    return out


def test_no_request_leaves_the_page_after_it_has_loaded(page, base_url, ctx, tmp_path):
    loaded = open_scan(page, base_url)
    fill(page, ctx, ANSWERS)
    page.click("button[type=submit][form=kb-zelfscan]")
    with page.expect_download() as info:
        page.click("[data-kb-download]")
    info.value.save_as(tmp_path / "z.yaml")
    page.set_input_files("[data-kb-upload]", str(tmp_path / "z.yaml"))
    page.locator("[data-kb-status]").filter(has_text="zijn teruggezet").wait_for()
    page.click("[data-kb-wis]")
    assert after_load(page, loaded) == []


def download(page, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.click("[data-kb-download]")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_the_download_is_a_partial_practice_record_that_validate_can_check(page, base_url, ctx, tmp_path):
    open_scan(page, base_url)
    fill(page, ctx, ANSWERS)
    path = download(page, tmp_path)
    assert path.name == "zelfscan-proefregio-noord.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# kennisbank-zelfscan"
    comment = " ".join(line[1:].strip() for line in text.splitlines() if line.startswith("#"))
    assert "nog deze verplichte velden aan: " + ", ".join(STILL_REQUIRED) + " en controleert" in comment
    record = yaml.safe_load(text)
    assert record == {
        "regio": "Proefregio Noord", "onderwijssoort": ["po"], "volwassenheid": "wil-ondersteuning",
        "geoorloofd_verzuim": {"dekking": "deels", "mazl": "nee"},
        "ongeoorloofd_verzuim": {"dekking": "ja", "vroegsignalering": "onbekend"},
        "doorbraakoverleg": {"aanwezig": "deels", "leden": ["swv", "gemeente", "leerplicht"], "termijn_besluit_werkdagen": 20,
                             "doorzettingsmacht": ["gemeente"], "casusregie": "swv"},
        "financiering": {"vooraf_afgesproken": "nee", "model": "per-casus",
                         "verdeling": "Per leerling overleggen we \"wie betaalt\"."},
        "leerplicht": {"preventief": "ja", "adviserend": "ja"},
        "gegevensdeling": {"avg_grondslag": ["a"], "convenant": "nee", "privacyprotocol": "onbekend",
                           "dpia": "onbekend"},
        "jeugdhulp": {"betrokken": "deels", "een_plan": "nee"}}
    assert list(record) == ["regio", "onderwijssoort", "volwassenheid", "geoorloofd_verzuim", "ongeoorloofd_verzuim",
                            "doorbraakoverleg", "financiering", "leerplicht", "gegevensdeling", "jeugdhulp"], "schema order"
    # kennisbank validate checks it field by field: only required fields are missing, no value is wrong
    package = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", package)
    shutil.copy(path, package / "praktijken" / path.name)
    run = subprocess.run([sys.executable, "-m", "macros.cli", "validate", str(package), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    problems = json.loads(run.stdout)["problemen"]
    assert {Path(p["file"]).name for p in problems} == {path.name}
    assert sorted(p["field"] for p in problems) == sorted(STILL_REQUIRED)
    assert {p["message"].split(".")[0] for p in problems} == {"verplicht veld ontbreekt"}


def form_state(page) -> dict:
    return page.evaluate("""() => {
        const out = {};
        for (const el of document.getElementById('kb-zelfscan').elements) {
            if (!el.name) continue;
            if (el.type === 'radio') { if (el.checked) out[el.name] = el.value; }
            else if (el.type === 'checkbox') { out[el.name] = (out[el.name] || []); if (el.checked) out[el.name].push(el.value); }
            else out[el.name] = el.value;
        }
        return out;
    }""")


def test_answers_are_kept_wiped_and_restored_from_the_file(page, base_url, ctx, tmp_path):
    open_scan(page, base_url)
    fill(page, ctx, ANSWERS)
    filled = form_state(page)
    path = download(page, tmp_path)
    page.reload(wait_until="networkidle")
    assert form_state(page) == filled, "kept in this browser"
    assert result_ids(page) == EXPECTED
    expect(page.locator("[data-kb-status]")).to_have_text("Uw eerdere antwoorden uit deze browser zijn teruggezet.")
    page.click("[data-kb-wis]")
    assert page.evaluate("localStorage.getItem('kennisbank-zelfscan')") is None
    expect(page.locator("[data-kb-status]")).to_have_text(
        "Uw antwoorden zijn gewist. Er staat niets meer van deze zelfscan in deze browser.")
    empty = form_state(page)
    assert empty["geoorloofd_verzuim.dekking"] == "" and empty["doorbraakoverleg.leden"] == [] and empty["regio"] == ""
    assert result_ids(page) == [] and page.locator(".kb-zelfscan-uitkomst .kb-leeg").count() == 1
    page.reload(wait_until="networkidle")
    assert form_state(page) == empty, "nothing comes back after wiping"
    # a file that is not a zelfscan: a Dutch message, nothing changes
    practice = ROOT / "practices" / "praktijken" / "voorbeeld-twente-vo.yaml"
    page.set_input_files("[data-kb-upload]", str(practice))
    error = page.locator("[data-kb-bestandsfout]")
    error.filter(has_text="geen zelfscan").wait_for()
    assert error.inner_text() == ("Het bestand voorbeeld-twente-vo.yaml is geen zelfscan van deze kennisbank. Kies een "
                                  "bestand dat u hier met \"Download mijn antwoorden\" heeft gemaakt; zo'n bestand begint "
                                  "met de regel \"# kennisbank-zelfscan\".")
    assert form_state(page) == empty
    # the downloaded file brings everything back
    page.set_input_files("[data-kb-upload]", str(path))
    expect(page.locator("[data-kb-status]")).to_have_text(
        f"Uw antwoorden uit {path.name} zijn teruggezet. U kunt verder gaan waar u was.")
    assert form_state(page) == filled
    assert error.is_hidden()
    assert result_ids(page) == EXPECTED


def test_an_edited_file_is_read_and_wrong_values_are_named(page, base_url, tmp_path):
    edited = tmp_path / "bewerkt.yaml"
    edited.write_text("# kennisbank-zelfscan\n# met de hand bewerkt\nregio: Regio Oost   # eigen naam\n"
                      "onderwijssoort:\n  - vo\ngeoorloofd_verzuim:\n  dekking: ja\n  mazl: misschien\n"
                      "doorbraakoverleg:\n  leden: [swv, rector]\n  termijn_besluit_werkdagen: 500\n"
                      "financiering:\n  verdeling: >-\n    Eerst de gemeente,\n    dan het swv.\n", encoding="utf-8")
    open_scan(page, base_url)
    page.set_input_files("[data-kb-upload]", str(edited))
    expect(page.locator("[data-kb-status]")).to_have_text((
        "Uw antwoorden uit bewerkt.yaml zijn teruggezet. U kunt verder gaan waar u was. Niet overgenomen: "
        "MAZL: \"misschien\" is geen keuze bij deze vraag; Leden: \"rector\" is geen keuze bij deze vraag; "
        "Termijn besluit (werkdagen): \"500\" is niet een heel getal van 1 tot en met 120."))
    state = form_state(page)
    assert (state["regio"], state["onderwijssoort"], state["geoorloofd_verzuim.dekking"], state["geoorloofd_verzuim.mazl"],
            state["doorbraakoverleg.leden"], state["doorbraakoverleg.termijn_besluit_werkdagen"], state["financiering.verdeling"]) == \
        ("Regio Oost", ["vo"], "ja", "", ["swv"], "", "Eerst de gemeente, dan het swv.")
    broken = tmp_path / "kapot.yaml"
    broken.write_text("# kennisbank-zelfscan\nregio: \"Regio\nonderwijssoort: [po]\n", encoding="utf-8")
    page.set_input_files("[data-kb-upload]", str(broken))
    page.locator("[data-kb-bestandsfout]").filter(has_text="kan niet gelezen").wait_for()
    assert page.locator("[data-kb-bestandsfout]").inner_text() == (
        "Het bestand kapot.yaml kan niet gelezen worden: regel 2: de aanhalingstekens of haakjes kloppen niet. "
        "Herstel die regel, of download uw antwoorden opnieuw.")


def test_keyboard_only(page, base_url):
    open_scan(page, base_url)
    page.focus("#zs-regio")
    page.keyboard.type("Regio Toetsenbord")
    focused = []
    for _ in range(4):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.classList[0]"))
        if len(focused) == 1:
            page.keyboard.press("Space")               # Primair onderwijs
    # po, vo, the heading's permalink, then the first question: its checked radio, Weet ik niet
    assert focused == ["zs-onderwijssoort-po", "zs-onderwijssoort-vo", "headerlink", "zs-geoorloofd_verzuim-dekking--weet-niet"]
    page.keyboard.press("ArrowLeft")                   # Nee
    page.keyboard.press("ArrowLeft")                   # Deels
    assert page.is_checked("#zs-onderwijssoort-po") and page.is_checked("#zs-geoorloofd_verzuim-dekking-deels")
    page.focus("#zs-regio")
    page.keyboard.press("Enter")                       # Enter in a field shows the result
    assert page.evaluate("document.activeElement.tagName") == "H3"
    assert len(result_ids(page)) == 3
    # a number out of range: a Dutch message at the field, focus there, no result change
    page.fill("#zs-doorbraakoverleg-termijn_besluit_werkdagen", "500")
    page.focus("#zs-regio")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "zs-doorbraakoverleg-termijn_besluit_werkdagen"
    assert page.locator("#zs-doorbraakoverleg-termijn_besluit_werkdagen-fout").inner_text() == \
        "Vul een heel getal van 1 tot en met 120 in, of laat het veld leeg."
    assert page.locator("#kb-zelfscan-fouten").inner_text() == "Controleer deze vraag: Termijn besluit (werkdagen)."


def test_accessible_reflows_at_320_px_and_prints_the_result(page, base_url, ctx):
    open_scan(page, base_url)
    fill(page, ctx, ANSWERS)
    page.click("button[type=submit][form=kb-zelfscan]")
    assert_accessible(page, "zelfscan met uitslag")
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.click("[data-kb-wis]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.reload(wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    fill(page, ctx, ANSWERS)
    page.click("button[type=submit][form=kb-zelfscan]")
    page.emulate_media(media="print")
    assert page.locator(".kb-zelfscan-uitkomst").is_visible()
    assert page.locator(".kb-zelfscan-lijkt").is_visible()
    for hidden in ("#kb-zelfscan", ".kb-zelfscan-thema >> nth=0", "[data-kb-download]", "#vraag-geoorloofd-verzuim"):
        assert page.locator(hidden).is_hidden(), hidden
    link = page.locator(".kb-zelfscan-lijkt a").first
    assert link.evaluate("a => getComputedStyle(a, '::after').content") == f'" ({base_url}praktijken/{EXPECTED[0]}/)"'
