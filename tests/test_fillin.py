"""Filling in an agreement template: in Chromium on the built site, with `kennisbank sjabloon
invullen`, and the documents LibreOffice makes of them.

The browser (docs/assets/sjabloon.js) and the command line (macros/publish/fill.py) fill the
same marked .docx/.odt; the tests read what they give back with python-docx and odfpy and
compare the two line by line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from odf import teletype
from odf.opendocument import load as load_odt

from macros.cli.main import main
from macros.load.template_parts import Values, template_form
from macros.publish.documents import write_downloads
from macros.publish.fill import fill_package

ROOT = Path(__file__).resolve().parent.parent
SJABLONEN = ROOT / "practices" / "sjablonen"
TEMPLATE = "financieringsafspraak-passende-plek"
SWV = 'Stichting <Proef> & "Co"'
VERSION = yaml.safe_load((SJABLONEN / f"{TEMPLATE}.yaml").read_text(encoding="utf-8"))["versie"]
VALUES = {"swv_naam": SWV, "swv_code": "PO 30-01", "regio_naam": "regio Proefland", "fonds_bedrag": "200.000 euro",
          "swv_ondertekenaar": "de directeur-bestuurder", "swv_tekenaar_naam": "A.B. Proef", "swv_plaats": "Heiderijk",
          "financiering": "fonds",
          "gemeenten": [{"gemeente_naam": "Heiderijk", "gemeente_plaats": "Heiderijk"},
                        {"gemeente_naam": "Dorpsveen", "gemeente_ondertekenaar": "de wethouder onderwijs",
                         "gemeente_besluit": "het collegebesluit van 11 mei 2027"}]}
# A suggestion (standaard, such as "de burgemeester") is never a value: a field left empty stays a yellow field.
PARTY_LINES = [
    f"{SWV}, [Rechtsvorm samenwerkingsverband], statutair gevestigd te [Statutaire zetel samenwerkingsverband] en "
    "ingeschreven in het handelsregister onder nummer [KvK-nummer samenwerkingsverband], samenwerkingsverband passend "
    "onderwijs met regiocode PO 30-01, te dezen rechtsgeldig vertegenwoordigd door de directeur-bestuurder, hierna: het "
    "samenwerkingsverband;",
    "de gemeente Heiderijk, ingeschreven in het handelsregister onder nummer [KvK-nummer gemeente], te dezen "
    "vertegenwoordigd door [Functie ondertekenaar gemeente], handelend ter uitvoering van [Besluit en volmacht "
    "gemeente], hierna met de andere gemeenten samen: de gemeenten;",
    "de gemeente Dorpsveen, ingeschreven in het handelsregister onder nummer [KvK-nummer gemeente], te dezen "
    "vertegenwoordigd door de wethouder onderwijs, handelend ter uitvoering van het collegebesluit van 11 mei 2027, "
    "hierna met de andere gemeenten samen: de gemeenten;",
]
# One block per party: organisation, legal form, KvK number, the signatory's name and function, the decision a
# gemeente signs under, and a place and date of its own.
SIGNATURES = [
    f"Namens het samenwerkingsverband | {SWV} || Rechtsvorm en zetel | [Rechtsvorm samenwerkingsverband], statutair "
    "gevestigd te [Statutaire zetel samenwerkingsverband] || KvK-nummer | [KvK-nummer samenwerkingsverband] || Naam | "
    "A.B. Proef || Functie | de directeur-bestuurder || Plaats | Heiderijk || Datum | [Datum ondertekening "
    "samenwerkingsverband] || Handtekening |",
    "Namens de gemeente | Heiderijk || Rechtsvorm | publiekrechtelijke rechtspersoon (gemeente) || KvK-nummer | "
    "[KvK-nummer gemeente] || Besluit en volmacht | [Besluit en volmacht gemeente] || Naam | [Naam ondertekenaar "
    "gemeente] || Functie | [Functie ondertekenaar gemeente] || Plaats | Heiderijk || Datum | [Datum ondertekening "
    "gemeente] || Handtekening |",
    "Namens de gemeente | Dorpsveen || Rechtsvorm | publiekrechtelijke rechtspersoon (gemeente) || KvK-nummer | "
    "[KvK-nummer gemeente] || Besluit en volmacht | het collegebesluit van 11 mei 2027 || Naam | [Naam ondertekenaar "
    "gemeente] || Functie | de wethouder onderwijs || Plaats | [Plaats ondertekening gemeente] || Datum | [Datum "
    "ondertekening gemeente] || Handtekening |",
]
APPENDIX_PAGES = ["Bijlage 1. Model begroting per leerling", "Bijlage 2. Model jaaroverzicht kosten", "Bijlage 3. Mandaten"]
TO_ADD = "Toe te voegen door partijen voordat zij tekenen."


# --------------------------------------------------------------------------- reading documents back


def docx_lines(path: Path) -> list[str]:
    """Every paragraph and every table (rows joined with ||, cells with |) in body order."""
    body = Document(path).element.body
    out = []
    for block in body:
        if block.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in block.iter(qn("w:t"))))
        elif block.tag == qn("w:tbl"):
            rows = [" | ".join("".join(t.text or "" for t in cell.iter(qn("w:t"))).strip()
                               for cell in row.iter(qn("w:tc"))) for row in block.iter(qn("w:tr"))]
            out.append(" || ".join(rows).strip())
    return [" ".join(line.split()) for line in out if line.strip()]


def odt_lines(path: Path) -> list[str]:
    """The same for OpenDocument: paragraphs, list items and tables in order."""
    doc = load_odt(str(path))
    out = []

    def walk(node):
        for child in node.childNodes:
            tag = getattr(child, "qname", (None, None))[1]
            if tag in ("p", "h"):
                out.append(teletype.extractText(child))
            elif tag == "table":
                rows = [" | ".join(teletype.extractText(cell).strip() for cell in row.childNodes
                                   if getattr(cell, "qname", (None, None))[1] == "table-cell")
                        for row in _rows(child)]
                out.append(" || ".join(rows).strip())
            elif tag in ("text", "list", "list-item", "section"):
                walk(child)
    walk(doc.body)
    return [" ".join(line.split()) for line in out if line.strip()]


def _rows(table):
    for child in table.childNodes:
        tag = getattr(child, "qname", (None, None))[1]
        if tag == "table-row":
            yield child
        elif tag in ("table-header-rows", "table-rows"):
            yield from _rows(child)


READ = {"docx": docx_lines, "odt": odt_lines}


def cli_fill(tmp_path: Path, values: dict, fmt: str, template: str = TEMPLATE) -> Path:
    source = tmp_path / f"waarden-{template}.yaml"
    source.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / f"{template}-cli.{fmt}"
    assert main(["sjabloon", "invullen", template, "--waarden", str(source), "--formaat", fmt, "--uit", str(out),
                 "--pad", str(ROOT / "practices")]) == 0
    return out


# --------------------------------------------------------------------------- the browser


def fill_in_browser(page, base_url: str) -> None:
    page.goto(base_url + f"sjablonen/{TEMPLATE}/")
    page.fill("#veld-swv_naam", SWV)
    page.fill("#veld-swv_code", "PO 30-01")
    page.fill("#veld-regio_naam", "regio Proefland")
    page.check("#keuze-financiering-fonds")
    page.fill("#veld-fonds_bedrag", "200.000 euro")
    # a suggestion is a placeholder: the field starts empty and typing gives exactly what was typed
    assert page.get_attribute("#veld-swv_ondertekenaar", "placeholder") == "de directeur-bestuurder"
    assert page.input_value("#veld-swv_ondertekenaar") == ""
    page.type("#veld-swv_ondertekenaar", "de directeur-bestuurder")
    page.fill("#veld-swv_tekenaar_naam", "A.B. Proef")
    page.fill("#veld-swv_plaats", "Heiderijk")
    page.fill("#veld-gemeente_naam-1", "Heiderijk")
    page.fill("#veld-gemeente_plaats-1", "Heiderijk")
    page.click(".kb-herhaalgroep[data-herhaling=gemeenten] [data-kb-toevoegen]")
    page.fill("#veld-gemeente_naam-2", "Dorpsveen")
    assert page.get_attribute("#veld-gemeente_ondertekenaar-2", "placeholder") == "de burgemeester"
    page.type("#veld-gemeente_ondertekenaar-2", "de wethouder onderwijs")
    assert page.input_value("#veld-gemeente_ondertekenaar-2") == "de wethouder onderwijs"
    page.fill("#veld-gemeente_besluit-2", "het collegebesluit van 11 mei 2027")


def download(page, fmt: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.click(f"button[data-kb-document={fmt}]")
    assert info.value.suggested_filename == f"{TEMPLATE}-{VERSION}-ingevuld.{fmt}"
    info.value.save_as(target)
    return target


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_the_browser_download_is_the_filled_document_and_equals_the_command_line(page, base_url, tmp_path, fmt):
    fill_in_browser(page, base_url)
    lines = READ[fmt](download(page, fmt, tmp_path / f"browser.{fmt}"))
    assert page.locator("[data-kb-status]").inner_text() == \
        f"Het ingevulde document {TEMPLATE}-{VERSION}-ingevuld.{fmt} is gemaakt."
    start = lines.index("De ondergetekenden:")
    assert lines[start + 1:start + 5] == PARTY_LINES + ["hierna samen te noemen: partijen."]
    assert [line for line in lines if line.startswith("Namens ")] == SIGNATURES
    assert "Artikel 4. Gezamenlijk fonds" in lines and "Artikel 4. Verdeelsleutel per leerling" not in lines
    assert ("Partijen storten ieder jaar samen 200.000 euro in het fonds, volgens de verdeelsleutel in artikel 3. De "
            "gemeenten verdelen hun deel naar rato van het aantal inwoners tot achttien jaar, tenzij zij onderling "
            "anders afspreken.") in lines
    text = "\n".join(lines)
    for gone in ("[Naam samenwerkingsverband]", "[Naam gemeente]", "[Jaarlijkse storting in het fonds]",
                 "Keuze “", "Herhaal dit blok", "Einde van"):
        assert gone not in text, gone
    for empty in ("[Beheerder van het fonds]", "[Datum van ingang]", "[Looptijd in jaren]"):
        assert empty in text, empty
    # the document one signs: no model notice, no template version in the text, the appendices as pages
    assert lines[0] == "Financieringsafspraak passende plek samenwerkingsverband en gemeenten"
    assert lines[1] == "Partijen"
    assert "Dit is model" not in text and "Kennisbank" not in text and VERSION not in text
    assert [line for line in lines if line.startswith("Bijlage ")][-3:] == APPENDIX_PAGES
    assert lines.count(TO_ADD) == 3 and lines[-1] == TO_ADD
    assert lines == READ[fmt](cli_fill(tmp_path, VALUES, fmt)), "browser and command line differ"
    assert_nothing_left_the_host(page, base_url)


def assert_nothing_left_the_host(page, base_url: str) -> None:
    assert [u for u in page.requests if not u.startswith((base_url, "blob:", "data:"))] == []


def test_values_stay_in_the_browser_until_wiped(page, base_url):
    fill_in_browser(page, base_url)
    page.reload()
    assert page.input_value("#veld-swv_naam") == SWV
    assert page.input_value("#veld-gemeente_naam-2") == "Dorpsveen"
    assert page.is_checked("#keuze-financiering-fonds")
    spans = page.locator(".kb-sjabloontekst .kb-herhaling-item .kb-invulveld[data-veld=gemeente_naam]")
    assert spans.all_inner_texts() == ["Heiderijk", "Dorpsveen", "Heiderijk", "Dorpsveen"]
    stored = json.loads(page.evaluate(f"localStorage.getItem('kennisbank-sjabloon-{TEMPLATE}')"))
    fields = ["gemeente_naam", "gemeente_kvk", "gemeente_ondertekenaar", "gemeente_tekenaar_naam", "gemeente_besluit",
              "gemeente_plaats", "gemeente_datum"]
    assert stored["herhalingen"]["gemeenten"][1] == {**dict.fromkeys(fields, ""), "gemeente_naam": "Dorpsveen",
                                                      "gemeente_ondertekenaar": "de wethouder onderwijs",
                                                      "gemeente_besluit": "het collegebesluit van 11 mei 2027"}
    page.click("button[data-kb-wissen]")
    assert page.locator("[data-kb-status]").inner_text() == "De ingevulde waarden zijn gewist."
    assert page.evaluate(f"localStorage.getItem('kennisbank-sjabloon-{TEMPLATE}')") is None
    assert (page.input_value("#veld-swv_naam"), page.input_value("#veld-swv_ondertekenaar")) == ("", "")
    assert page.get_attribute("#veld-swv_ondertekenaar", "placeholder") == "de directeur-bestuurder"
    assert page.locator(".kb-herhaalgroep[data-herhaling=gemeenten] [data-kb-item]").count() == 1
    assert page.is_checked("#keuze-financiering-open")
    assert spans.all_inner_texts() == ["[Naam gemeente]", "[Naam gemeente]"]


def test_a_choice_hides_the_other_variant_and_its_fields(page, base_url):
    page.goto(base_url + f"sjablonen/{TEMPLATE}/")
    fund, key = ".kb-variant[data-variant=fonds]", ".kb-variant[data-variant=verdeelsleutel]"
    assert page.is_visible(fund) and page.is_visible(key) and page.is_visible("#veld-fonds_bedrag")
    page.check("#keuze-financiering-verdeelsleutel")
    assert page.is_hidden(fund) and page.is_visible(key)
    assert page.is_hidden("#veld-fonds_bedrag") and page.is_hidden("#veld-fondsbeheerder")
    assert page.is_visible("#veld-aandeel_swv_procent")
    page.check("#keuze-financiering-open")
    assert page.is_visible(fund) and page.is_visible("#veld-fonds_bedrag")


def test_printing_shows_the_agreement_only(page, base_url):
    fill_in_browser(page, base_url)
    page.emulate_media(media="print")
    article = page.locator("article.md-content__inner")
    body = article.locator(":scope > [data-pagefind-body]")  # the search index's wrapper of the page body
    assert body.count() == 1
    visible = [t.strip() for t in body.locator(":scope > *").evaluate_all(
        "els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.tagName + ' ' + "
        "(e.className || ''))")]
    assert visible == ["H1", "DIV kb-sjabloontekst"]
    text = article.inner_text()
    assert text.startswith("Financieringsafspraak passende plek samenwerkingsverband en gemeenten\n")
    headings = article.locator(".kb-sjabloontekst h2:visible").all_inner_texts()
    assert [h.rstrip("#").strip() for h in headings[:3]] == ["Partijen", "Overwegingen", "Artikel 1. Begripsbepalingen"]
    assert "Artikel 4. Verdeelsleutel per leerling" not in text and "Herhaal dit blok" not in text
    assert "De invulvelden van dit sjabloon" not in text and "Wis ingevulde waarden" not in text


# --------------------------------------------------------------------------- the command line


def test_values_file_problems_are_dutch_with_file_and_line(tmp_path, capsys):
    bad = tmp_path / "fout.yaml"
    bad.write_text("swv_naam: X\nswv_nam: Y\nfinanciering: beide\ngemeente_naam: Heiderijk\n"
                   "gemeenten:\n  - gemeente_naam: A\n    plaats: B\n", encoding="utf-8")  # 'plaats' is per party now
    assert main(["sjabloon", "invullen", TEMPLATE, "--waarden", str(bad), "--pad", str(ROOT / "practices")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{bad}:2: swv_nam: 'swv_nam' is geen invulveld, keuze of herhaling van dit sjabloon. Bedoelde u 'swv_naam' of 'swv_datum' of "
        "'swv_plaats'?",
        f"{bad}:3: financiering: 'beide' is geen variant van keuze 'financiering'. Kies uit: verdeelsleutel, fonds.",
        f"{bad}:4: gemeente_naam: 'gemeente_naam' hoort bij herhaling 'gemeenten': zet het per item onder "
        "'gemeenten:', bijvoorbeeld 'gemeenten:",
        "  - gemeente_naam: ...'.",
        f"{bad}:7: gemeenten[0].plaats: 'plaats' is geen invulveld van herhaling 'gemeenten'. Velden: gemeente_naam, "
        "gemeente_kvk, gemeente_ondertekenaar, gemeente_tekenaar_naam, gemeente_besluit, gemeente_plaats, gemeente_datum.",
        "4 problemen in 1 bestand.",
    ]


def test_the_command_line_says_what_stays_empty_and_what_is_not_used(tmp_path, capsys):
    values = {**VALUES, "financiering": "verdeelsleutel"}
    out = cli_fill(tmp_path, values, "md")
    err = capsys.readouterr().err.splitlines()
    source = tmp_path / f"waarden-{TEMPLATE}.yaml"
    assert err[0] == (f"{source}:4: fonds_bedrag: let op: dit veld staat alleen in financiering=fonds, dat niet "
                      "gekozen is; de waarde komt niet in het document.")
    assert err[1].startswith("Nog niet ingevuld (in het document staat het gele invulveld): swv_rechtsvorm "
                             "(Rechtsvorm samenwerkingsverband), swv_zetel (Statutaire zetel samenwerkingsverband), ")
    assert "gemeente_ondertekenaar (Functie ondertekenaar gemeente)" in err[1]  # no suggestion filled in
    text = out.read_text(encoding="utf-8")
    assert "## Artikel 4. Verdeelsleutel per leerling" in text and "Gezamenlijk fonds" not in text
    assert "Stichting \\<Proef\\> \\& \"Co\"" in text and ":::" not in text
    assert text.count("| Namens de gemeente |") == 2
    assert "Dit is model" not in text.split("\n---\n", 1)[1]  # the filled Markdown carries no model notice


def test_values_are_escaped_and_control_characters_removed(tmp_path):
    form = template_form(yaml.safe_load((SJABLONEN / f"{TEMPLATE}.yaml").read_text(encoding="utf-8")))
    body = (SJABLONEN / f"{TEMPLATE}.md").read_text(encoding="utf-8")
    paths = write_downloads(TEMPLATE, "2.0.0", "T", body, form.labels, tmp_path / "leeg", form=form)
    hostile = '</w:t><w:r><w:t>x</w:t></w:r> & <text:p/>\x00\x07 "q"\n  end'
    for fmt in ("docx", "odt"):
        target = tmp_path / f"vol.{fmt}"
        fill_package(paths[fmt].read_bytes(), fmt, form, Values({"swv_naam": hostile}), target)
        lines = READ[fmt](target)
        assert ('Namens het samenwerkingsverband | </w:t><w:r><w:t>x</w:t></w:r> & <text:p/> "q" end || '
                "Rechtsvorm en zetel | [Rechtsvorm samenwerkingsverband], statutair gevestigd te [Statutaire zetel "
                "samenwerkingsverband] || KvK-nummer | [KvK-nummer samenwerkingsverband] || Naam | [Naam ondertekenaar "
                "samenwerkingsverband] || Functie | [Functie ondertekenaar samenwerkingsverband] || Plaats | [Plaats "
                "ondertekening samenwerkingsverband] || Datum | [Datum ondertekening samenwerkingsverband] || "
                "Handtekening |") in lines


# --------------------------------------------------------------------------- the checks


def test_malformed_or_undeclared_sections_are_reported(tmp_path, capsys):
    practices = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", practices)
    body = practices / "sjablonen" / f"{TEMPLATE}.md"
    text = body.read_text(encoding="utf-8")
    text = text.replace("::: keuze financiering=fonds\n", "::: keuze financiering=pot\n", 1)
    text = text.replace("## Artikel 5. Eerst betalen", "::: herhaal scholen\n\n## Artikel 6. Eerst betalen", 1)
    text += "\n::: iets\n"
    body.write_text(text, encoding="utf-8")
    assert main(["validate", str(practices)]) == 1
    out = [line.replace(str(practices), "P") for line in capsys.readouterr().out.splitlines()]
    lines = text.split("\n")
    pot = lines.index("::: keuze financiering=pot") + 1
    scholen = lines.index("::: herhaal scholen") + 1
    nested = max(n for n, line in enumerate(lines, 1) if line == "::: herhaal gemeenten")
    md, meta = f"P/sjablonen/{TEMPLATE}.md", f"P/sjablonen/{TEMPLATE}.yaml"
    fund_line = [line.strip() for line in (practices / "sjablonen" / f"{TEMPLATE}.yaml").read_text(
        encoding="utf-8").split("\n")].index("- naam: fonds") + 1
    for expected in [
        f"{md}:{pot}: tekst: keuze 'financiering' heeft geen variant 'pot' onder 'varianten' in {meta} "
        "(bekend: verdeelsleutel, fonds).",
        f"{md}:{scholen}: tekst: herhaling 'scholen' staat niet onder 'herhalingen' in {meta}. Voeg haar toe of "
        "verbeter de naam.",
        f"{md}:{nested}: tekst: een sectie kan niet binnen een andere sectie beginnen: sluit de sectie van regel "
        f"{scholen} eerst af met een regel met alleen :::.",
        f"{md}:{len(lines) - 1}: tekst: onbekende sectie. Schrijf '::: keuze <keuze>=<variant>' (een variant), "
        "'::: herhaal <herhaling>' (een blok per gemeente of partij) of ':::' (einde van de sectie).",
        f"{md}:{scholen + 2}: tekst: artikel 6 hoort artikel 5 te zijn als gekozen is voor financiering=verdeelsleutel. "
        "Nummer de artikelen door; geef varianten van één artikel hetzelfde nummer.",
        f"{meta}:{fund_line}: varianten[1].naam: variant 'fonds' komt niet voor in de tekst. Zet haar tekst tussen "
        "'::: keuze financiering=fonds' en ':::', of haal de variant weg.",
    ]:
        assert expected in out, (expected, out)


def test_an_unclosed_section_and_markers_without_blank_lines_are_reported(tmp_path, capsys):
    practices = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", practices)
    body = practices / "sjablonen" / f"{TEMPLATE}.md"
    text = body.read_text(encoding="utf-8").replace("\n\n:::\n", "\n:::\n", 1) + "\n::: keuze financiering=fonds\n"
    body.write_text(text, encoding="utf-8")
    assert main(["validate", str(practices)]) == 1
    out = [line.replace(str(practices), "P") for line in capsys.readouterr().out.splitlines()]
    lines = text.split("\n")
    first_close = lines.index(":::") + 1
    md = f"P/sjablonen/{TEMPLATE}.md"
    assert f"{md}:{len(lines) - 1}: tekst: deze sectie wordt niet gesloten. Zet een regel met alleen ::: onder de " \
           "laatste regel van de sectie." in out
    assert f"{md}:{first_close}: tekst: zet een lege regel boven en onder een regel met :::, zodat de sectie los " \
           "staat van de tekst eromheen." in out


def test_appendices_named_in_the_text_are_declared(tmp_path, capsys):
    practices = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", practices)
    body = practices / "sjablonen" / f"{TEMPLATE}.md"
    text = body.read_text(encoding="utf-8").replace("volgens het model in bijlage 2,", "volgens bijlage 4,").replace(
        "bijlage 2 (model jaaroverzicht kosten)", "bijlage 4 (model jaaroverzicht kosten)")
    body.write_text(text, encoding="utf-8")
    assert main(["validate", str(practices)]) == 1
    out = [line.replace(str(practices), "P") for line in capsys.readouterr().out.splitlines()]
    number = next(n for n, line in enumerate(text.split("\n"), 1) if "bijlage 4" in line)
    assert (f"P/sjablonen/{TEMPLATE}.md:{number}: tekst: de tekst noemt bijlage 4, maar P/sjablonen/{TEMPLATE}.yaml "
            "heeft 3 bijlage(n) onder 'bijlagen'. Voeg de bijlage toe of verbeter het nummer.") in out
    assert any(line.startswith(f"P/sjablonen/{TEMPLATE}.yaml:") and line.endswith(
        "bijlagen[1]: bijlage 2 ('Model jaaroverzicht kosten') wordt nergens in "
        f"P/sjablonen/{TEMPLATE}.md genoemd. Verwijs ernaar met 'bijlage 2' of haal haar weg.") for line in out)


# --------------------------------------------------------------------------- LibreOffice


STEMS = sorted(p.stem for p in SJABLONEN.glob("*.yaml"))


def full_values(stem: str) -> dict:
    """Every field filled with its example, the first variant of each choice, three items per repeat."""
    meta = yaml.safe_load((SJABLONEN / f"{stem}.yaml").read_text(encoding="utf-8"))
    form = template_form(meta)
    values = {f.naam: f"{f.voorbeeld}" for f in form.fields if not f.herhaling}
    values |= {c.naam: c.varianten[0].naam for c in form.choices}
    for r in form.repeats:
        values[r.naam] = [{n: f"{form.field(n).voorbeeld} {i}" for n in r.velden} for i in (1, 2, 3)]
    return values


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    soffice = shutil.which("soffice") or pytest.fail("LibreOffice ontbreekt: installeer libreoffice-writer-nogui.")
    shutil.which("pdftotext") or pytest.fail("pdftotext ontbreekt: installeer poppler-utils (make test doet dat).")
    folder = tmp_path_factory.mktemp("pdf")
    staged, made = folder / "in", {}
    staged.mkdir()
    for stem in STEMS:
        meta = yaml.safe_load((SJABLONEN / f"{stem}.yaml").read_text(encoding="utf-8"))
        form = template_form(meta)
        body = (SJABLONEN / f"{stem}.md").read_text(encoding="utf-8")
        blank = write_downloads(stem, meta["versie"], meta["titel"], body, form.labels, folder / "leeg" / stem,
                                form=form)
        for fmt in ("docx", "odt"):
            shutil.copy(blank[fmt], staged / f"{stem}_leeg_{fmt}.{fmt}")
            shutil.copy(cli_fill(folder, full_values(stem), fmt, stem), staged / f"{stem}_vol_{fmt}.{fmt}")
            for kind in ("leeg", "vol"):
                made[(stem, kind, fmt)] = staged / f"{stem}_{kind}_{fmt}.{fmt}"
    profile = folder / "profiel"
    done = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                           "--convert-to", "pdf", "--outdir", str(folder / "uit"), *map(str, made.values())],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return {key: (path, folder / "uit" / f"{path.stem}.pdf") for key, path in made.items()}


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


CASES = [(stem, kind, fmt) for stem in STEMS for kind in ("leeg", "vol") for fmt in ("docx", "odt")]


@pytest.mark.parametrize("stem, kind, fmt", CASES)
def test_libreoffice_prints_an_agreement(pdfs, stem, kind, fmt):
    document, pdf = pdfs[(stem, kind, fmt)]
    meta = yaml.safe_load((SJABLONEN / f"{stem}.yaml").read_text(encoding="utf-8"))
    pages = pdf_pages(pdf)
    total = len(pages)
    footer = f"{meta['titel']} · versie {meta['versie']}"
    for number, page in enumerate(pages, 1):
        assert footer in " ".join(page.split()), (number, page[-300:])
        assert f"pagina {number} van {total}" in page, number
    blocks = signature_blocks(stem, 3 if kind == "vol" else 1)
    text = "\n".join(pages)
    assert text.count("Handtekening") == blocks and text.count("Namens ") == blocks
    assert not re.search(r"Handtekenin\s", text)
    # the model notice and the version open the blank document only; the signed one has neither in its text
    first = " ".join(pages[0].split())
    assert ("Dit is model " + meta["versie"] in first) == (kind == "leeg")
    assert " ".join(text.split()).count("versie " + meta["versie"]) == total, "the version only in the footer"
    # every appendix the text names is a page of its own, marked to be added
    titles = [f"Bijlage {n}. {a.titel}" for n, a in enumerate(template_form(meta).appendices, 1)]
    starts = [" ".join(page.split())[:len(t)] for page in pages for t in titles if t in " ".join(page.split())]
    assert starts == titles, starts
    assert " ".join(text.split()).count("Toe te voegen door partijen voordat zij tekenen.") == len(titles)
    heading = next(i for i, page in enumerate(pages) if re.search(r"^\s*Ondertekening\s*$", page, re.M))
    assert "Namens" in pages[heading].split("Ondertekening", 1)[1], "the signature heading stands alone"
    for page in pages:
        assert page.count("Namens ") == page.count("Handtekening"), ("a signature block breaks over two pages",
                                                                     page.splitlines())
    if kind == "vol":
        lines = "\n".join(READ[fmt](document))
        values = full_values(stem)
        for name, value in values.items():
            if isinstance(value, list):
                for item in value:
                    assert all(v in lines for v in item.values()), (name, item)
            elif name not in {c for c in values if template_form(meta).choice(c)}:
                assert value in lines or name in _unused_in_first_variant(stem), name
    assert total == EXPECTED_PAGES[(stem, kind, fmt)], total


def signature_blocks(stem: str, items: int) -> int:
    """Signature tables in the document: those outside a repeat once, those in a repeat once per item."""
    from macros.load.template_parts import split_body
    body = (SJABLONEN / f"{stem}.md").read_text(encoding="utf-8")
    return sum(part.text.count("| Handtekening |") * (items if part.kind == "herhaal" else 1)
               for part in split_body(body).parts)


def _unused_in_first_variant(stem: str) -> set:
    return {"fonds_bedrag", "fondsbeheerder"} if stem == TEMPLATE else set()


# pages of each PDF as LibreOffice 7.4 lays it out: blank (leeg) and filled (vol), .docx and .odt; each
# appendix is a page of its own
EXPECTED_PAGES = {
    ("afsprakenkader-verzuim", "leeg", "docx"): 10, ("afsprakenkader-verzuim", "leeg", "odt"): 11,
    ("afsprakenkader-verzuim", "vol", "docx"): 11, ("afsprakenkader-verzuim", "vol", "odt"): 12,
    ("convenant-gegevensdeling", "leeg", "docx"): 11, ("convenant-gegevensdeling", "leeg", "odt"): 13,
    ("convenant-gegevensdeling", "vol", "docx"): 13, ("convenant-gegevensdeling", "vol", "odt"): 14,
    ("escalatie-doorbraakprotocol", "leeg", "docx"): 9, ("escalatie-doorbraakprotocol", "leeg", "odt"): 10,
    ("escalatie-doorbraakprotocol", "vol", "docx"): 10, ("escalatie-doorbraakprotocol", "vol", "odt"): 11,
    ("financieringsafspraak-passende-plek", "leeg", "docx"): 10, ("financieringsafspraak-passende-plek", "leeg", "odt"): 11,
    ("financieringsafspraak-passende-plek", "vol", "docx"): 10, ("financieringsafspraak-passende-plek", "vol", "odt"): 12,
    ("samenwerkingsovereenkomst-doorbraakaanpak", "leeg", "docx"): 10, ("samenwerkingsovereenkomst-doorbraakaanpak", "leeg", "odt"): 12,
    ("samenwerkingsovereenkomst-doorbraakaanpak", "vol", "docx"): 11, ("samenwerkingsovereenkomst-doorbraakaanpak", "vol", "odt"): 13,
}


# --------------------------------------------------------------------------- the page (render unit test)


def test_the_template_page_has_the_form_the_yaml_declares():
    from lxml import html as lxml_html
    from macros.load.catalog import load_catalog
    from macros.render.context import render_context
    from macros.render.template_pages import template_page
    catalog = load_catalog(ROOT / "practices")
    page = template_page(render_context(catalog, sizes={}, shapes={}), catalog.template(TEMPLATE))
    doc = lxml_html.fromstring(page.split("---\n", 2)[2])
    form = doc.xpath("//form[@data-kb-invullen]")[0]
    assert [(r.get("id"), r.get("value")) for r in form.xpath(".//input[@type='radio']")] == [
        ("keuze-financiering-open", ""), ("keuze-financiering-verdeelsleutel", "verdeelsleutel"),
        ("keuze-financiering-fonds", "fonds")]
    assert form.xpath(".//fieldset[@data-keuze='financiering']/legend")[0].text == \
        "Hoe betalen partijen het grijs gebied en de overbrugging?"
    assert {p.xpath("input")[0].get("data-veld"): p.get("data-alleen") for p in form.xpath(".//p[@data-alleen]")} == {
        "fonds_bedrag": "financiering=fonds", "fondsbeheerder": "financiering=fonds"}
    item = form.xpath(".//fieldset[@data-herhaling='gemeenten']//fieldset[@data-kb-item]")[0]
    fields = ["gemeente_naam", "gemeente_kvk", "gemeente_ondertekenaar", "gemeente_tekenaar_naam", "gemeente_besluit",
              "gemeente_plaats", "gemeente_datum"]
    assert [(i.get("id"), i.get("data-herhaling")) for i in item.xpath(".//input")] == [
        (f"veld-{name}-1", "gemeenten") for name in fields]
    # a suggestion is the input's placeholder, never its value
    signer = item.xpath(".//input[@id='veld-gemeente_ondertekenaar-1']")[0]
    assert (signer.get("placeholder"), signer.get("value")) == ("de burgemeester", None)
    assert [b.text for b in form.xpath(".//button")] == [
        "Verwijder deze gemeente", "Nog een gemeente toevoegen", "Download ingevuld document, Word (.docx)",
        "Download ingevuld document, OpenDocument (.odt)", "Afdrukken", "Wis ingevulde waarden"]
    assert [a.text for a in doc.xpath("//ul[@class='kb-downloads']//a")] == [
        "Download leeg sjabloon, Word (.docx)", "Download leeg sjabloon, OpenDocument (.odt)",
        "Download leeg sjabloon, Markdown (.md)"]
    text = doc.xpath("//div[@data-kb-sjabloontekst]")[0]
    assert [(v.get("data-keuze"), v.get("data-variant"), v.xpath("h2")[0].text_content().rstrip("¶#").strip())
            for v in text.xpath("div[@class='kb-variant']")] == [
        ("financiering", "verdeelsleutel", "Artikel 4. Verdeelsleutel per leerling"),
        ("financiering", "fonds", "Artikel 4. Gezamenlijk fonds")]
    assert [r.get("data-herhaling") for r in text.xpath("div[@class='kb-herhaling']")] == ["gemeenten", "gemeenten"]
    assert text.xpath("div[@class='kb-herhaling']/p[@class='kb-toelichting']/text()")[:2] == [
        "Herhaal dit blok per gemeente.", "Einde van het blok per gemeente."]
    data = json.loads(doc.xpath("//script[@id='kb-sjabloon-gegevens']")[0].text)
    assert (data["documenten"], data["keuzes"], data["herhalingen"]) == (
        {"docx": f"{TEMPLATE}-{VERSION}.docx", "odt": f"{TEMPLATE}-{VERSION}.odt"},
        {"financiering": ["verdeelsleutel", "fonds"]}, {"gemeenten": fields})
    assert all("standaard" not in f for f in data["velden"])  # the script gets no default to fill in
    assert [li.text_content() for li in doc.xpath("//ol[@class='kb-bijlagen']/li")] == [
        "Model begroting per leerling: Een overzicht per leerling van het onderwijsdeel, het jeugdhulpdeel, het "
        "zorgdeel, het vervoer en het grijs gebied, met wie welk deel betaalt.",
        "Model jaaroverzicht kosten: Het overzicht van de kosten van het vorige kalenderjaar per kostenpost, met de "
        "voorgeschoten en verrekende bedragen.",
        "Mandaten: Per partij de functie die over de inzet van geld beslist, het mandaatbesluit of bestuursbesluit "
        "waarop dat berust, met datum, en het bedrag per leerling per schooljaar tot waar het mandaat reikt."]
