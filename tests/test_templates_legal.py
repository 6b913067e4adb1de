"""The agreement templates as a lawyer reads them: every cited article exists in the law-article table
(practices/referentie/wetsartikelen.yaml, made from the law texts themselves), the legal explanation on each
template page links every provision to the consolidated text and says where it was checked, and the filled
.docx and .odt carry the clauses, the legal bases and a signature block per party.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from macros.cli.main import main
from macros.load.template_parts import split_body, template_form
from test_fillin import READ, SJABLONEN, cli_fill, full_values

ROOT = Path(__file__).resolve().parent.parent
LAWS = yaml.safe_load((ROOT / "practices" / "referentie" / "wetsartikelen.yaml").read_text(encoding="utf-8"))["wetten"]
STEMS = sorted(p.stem for p in SJABLONEN.glob("*.yaml"))
_LAW_NAMES = "|".join(re.escape(name) for name in sorted(LAWS, key=len, reverse=True))
# How the templates cite: "artikel 18a lid 6 WPO", "artikel 6 lid 1 onder c of e AVG", "artikel 7:457 BW",
# "artikel 5 Leerplichtwet 1969, onder a".
CITATION = re.compile(r"\bartikel (?P<nr>[0-9]+[a-z]?(?:[.:][0-9]+[a-z]?)*)(?: lid (?P<lid>[0-9]+[a-z]?))?"
                      r"(?: onder [a-z](?: (?:en|of) [a-z])?)? (?P<law>" + _LAW_NAMES + r")\b")
# A law name right after an article number in any other form would escape CITATION: none may exist.
LOOSE = re.compile(r"\bartikel(?:en)? [0-9][^.;()]{0,40}?\b(?:" + _LAW_NAMES + r")\b")

# The practice records' doorbraakoverleg fields: a template's fill field with the same name means the same thing.
DOORBRAAKOVERLEG = json.loads((ROOT / "practices" / "schema" / "praktijk.schema.json").read_text(encoding="utf-8"))[
    "properties"]["doorbraakoverleg"]["properties"]
DOORBRAAK = ["escalatie-doorbraakprotocol", "samenwerkingsovereenkomst-doorbraakaanpak"]

SIGNING = {"swv": "Namens het samenwerkingsverband", "gemeente": "Namens de gemeente",
           "schoolbestuur": "Namens het schoolbestuur", "jeugdhulp": "Namens de jeugdhulpaanbieder",
           "ggd": "Namens de GGD", "rmc": "Namens het Doorstroompunt"}


def meta(stem: str) -> dict:
    return yaml.safe_load((SJABLONEN / f"{stem}.yaml").read_text(encoding="utf-8"))


def body(stem: str) -> str:
    return (SJABLONEN / f"{stem}.md").read_text(encoding="utf-8")


def article(law: str, number: str) -> dict | None:
    number = number[2:] if law == "BW" and number.startswith("7:") else number
    return (LAWS.get(law) or {}).get("artikelen", {}).get(number)


# --------------------------------------------------------------------------- the law-article table


def test_every_law_names_its_source_and_version():
    assert {"AVG", "UAVG", "WPO", "WVO", "Leerplichtwet 1969", "Jeugdwet", "Wet publieke gezondheid", "BW",
            "WEB", "Awb", "Gemeentewet", "Wet arhi", "Wlz", "Zvw"} <= set(LAWS)
    for name, law in LAWS.items():
        assert law["naam"] and law["url"].startswith("https://"), name
        assert law.get("bwbr") or law.get("celex"), name
        assert law["bron"]["repo"] and law["bron"]["pad"] and re.fullmatch(r"[0-9a-f]{10}", law["bron"]["commit"]), name
        assert law["bron"]["datum"], name
        if law.get("bwbr"):
            assert law["url"] == f"https://wetten.overheid.nl/{law['bwbr']}", name
        for number, info in law["artikelen"].items():
            assert info.get("kop") or info.get("begin") or info.get("kop_en"), (name, number)
    assert (LAWS["WPO"]["bron"]["commit"], LAWS["WPO"]["bron"]["datum"]) == ("91556a80a2", "10 mei 2017")
    assert "Wet voortgezet onderwijs 2020" in LAWS["WVO"]["opmerking"]
    assert "1 september 2026" in LAWS["UAVG"]["bron"]["datum"]
    assert LAWS["UAVG"]["artikelen"]["30"]["kop"] == "Uitzonderingen inzake gegevens over gezondheid"


@pytest.mark.parametrize("stem", STEMS)
def test_every_article_the_text_cites_exists(stem):
    text = " ".join(body(stem).split())
    found = list(CITATION.finditer(text))
    assert len(found) >= 10, f"{stem} cites too few provisions"
    for match in found:
        info = article(match["law"], match["nr"])
        assert info is not None, f"{stem}: {match[0]} staat niet in wetsartikelen.yaml"
        if match["lid"] and info.get("leden"):
            assert match["lid"] in info["leden"], f"{stem}: {match[0]}: lid bestaat niet"
    loose = [m[0] for m in LOOSE.finditer(text) if not CITATION.match(text, m.start())]
    assert loose == [], f"{stem}: citations in another form: {loose}"


@pytest.mark.parametrize("stem", STEMS)
def test_every_provision_of_the_explanation_exists_and_names_an_article_of_the_template(stem):
    rows = meta(stem)["grondslagen"]
    assert len(rows) >= 15
    headings = set(re.findall(r"^## (Artikel [0-9]+)\.", body(stem), re.M)) | {"Overwegingen", "Ondertekening", "Partijen"}
    for row in rows:
        info = article(row["wet"], row["wetsartikel"])
        assert info is not None, (stem, row)
        if row.get("lid") and info.get("leden"):
            assert row["lid"] in info["leden"], (stem, row)
        assert row["artikel"] in headings, (stem, row["artikel"])


# --------------------------------------------------------------------------- what the law asks of the text


@pytest.mark.parametrize("stem", STEMS)
def test_the_text_names_the_legal_bases_as_the_law_does(stem):
    text = " ".join(body(stem).split())
    for gone in ("wettelijke taak of toestemming", "op basis van een wettelijke taak of met toestemming",
                 "bindend besluit", "ook als zij het er niet mee eens zijn", "bij helften", "ook over geld.",
                 "Let op: dit is een model"):
        assert gone not in text, (stem, gone)
    for clause in ("Nederlands recht van toepassing", "bevoegde rechter van de [[rechtbank]]", "## Artikel",
                   "Aansprakelijkheid", "voor zichzelf schriftelijk opzeggen", "artikel 44 Wet arhi",
                   "onverlet", "artikel 82 AVG"):
        assert clause in text, (stem, clause)
    if "gegevens" in text:
        assert "artikel 6 lid 1 onder e AVG" in text or "artikel 6 lid 1 AVG" in text, stem
        assert "artikel 9 lid 2" in text, stem


def test_the_covenant_sets_out_bases_per_party_controllers_and_health_data():
    text = " ".join(body("convenant-gegevensdeling").split())
    for basis in ("artikel 6 lid 1 onder e AVG", "artikel 6 lid 1 onder c AVG", "artikel 6 lid 3 AVG",
                  "artikel 18a lid 13 WPO", "artikel 17a lid 14 WVO", "artikel 30 lid 2 onder a UAVG",
                  "artikel 30 lid 3 onder a UAVG", "artikel 9 lid 2 onder h AVG", "artikel 9 lid 2 onder a AVG",
                  "artikel 7:457 BW", "artikel 7.3.11 lid 1 Jeugdwet", "artikel 5 Wet publieke gezondheid",
                  "artikel 8.3.2 WEB", "artikel 2.3 Jeugdwet", "artikel 22 Leerplichtwet 1969"):
        assert basis in text, basis
    parts = {(p.kind, p.variant): p.text for p in split_body(body("convenant-gegevensdeling")).parts}
    joint = " ".join(parts[("keuze", "gezamenlijk")].split())
    assert "artikel 26 lid 1 AVG" in joint and "artikel 26 lid 2 AVG" in joint and "artikel 26 lid 3 AVG" in joint
    assert "gezamenlijke verwerkingsverantwoordelijken" in joint
    assert "alleen verwerkingsverantwoordelijke" in parts[("keuze", "afzonderlijk")]
    assert "Toestemming is geen grondslag voor een taak die de wet een partij opdraagt." in text


def test_the_framework_covers_doorstroompunt_mbo_inspectie_and_vervangende_leerplicht():
    text = " ".join(body("afsprakenkader-verzuim").split())
    for needed in ("Doorstroompunt", "kwalificatieplichtige", "middelbaar beroepsonderwijs", "artikel 40c lid 3 WPO",
                   "aan de inspectie van het onderwijs", "artikel 3a Leerplichtwet 1969", "artikel 3b Leerplichtwet 1969",
                   "artikel 8.3.1 WEB", "artikel 8.1.8 WEB"):
        assert needed in text, needed


def test_the_funding_agreement_covers_wlz_zvw_procurement_and_access_to_jeugdhulp():
    text = " ".join(body("financieringsafspraak-passende-plek").split())
    for needed in ("artikel 3.2.1 Wlz", "artikel 10 Zvw", "artikel 1.1 Aanbestedingswet 2012", "artikel 2.9 Jeugdwet",
                   "Gebundeld geld geeft geen toegang tot jeugdhulp buiten die route.",
                   "alleen betaalt wat binnen de bestemming van haar eigen middelen past"):
        assert needed in text, needed


@pytest.mark.parametrize("stem", ["samenwerkingsovereenkomst-doorbraakaanpak", "escalatie-doorbraakprotocol",
                                  "financieringsafspraak-passende-plek"])
def test_officials_decide_only_under_a_named_mandate_and_the_statutory_power_decides_last(stem):
    text = " ".join(body(stem).split())
    assert "artikel 10:3 Awb" in text and "mandaat" in text
    assert any(a["titel"] == "Mandaten" and "bedrag per leerling per schooljaar" in a["omschrijving"]
               for a in meta(stem)["bijlagen"])
    if stem != "financieringsafspraak-passende-plek":
        assert "eindpunt" in text  # the escalation ends with whoever holds the power


@pytest.mark.parametrize("stem", STEMS)
def test_only_signatories_bear_duties(stem):
    """Every party named in 'voor' signs, and every party that signs is named in 'voor'."""
    signing = {code for code, label in SIGNING.items() if label in body(stem)}
    assert signing == set(meta(stem)["voor"]) - {"leerplicht"}, stem
    if "leerplicht" in meta(stem)["voor"]:
        assert "mede voor de uitvoering van de Leerplichtwet 1969" in body(stem)


# --------------------------------------------------------------------------- the filled documents


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wettelijk")
    return {(stem, fmt): READ[fmt](cli_fill(folder, full_values(stem), fmt, stem))
            for stem in STEMS for fmt in ("docx", "odt")}


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("stem", STEMS)
def test_the_filled_document_has_the_clauses_bases_and_a_signature_block_per_party(filled, stem, fmt):
    lines = filled[(stem, fmt)]
    text = " ".join(" ".join(lines).split())
    values = full_values(stem)
    assert "Dit is model" not in text and "Juridische toelichting" not in text
    assert not any(row["uitleg"] in text for row in meta(stem)["grondslagen"]), "the explanation is not in the contract"
    # "het protocol / convenant / afsprakenkader" take "dit"; "de overeenkomst / afspraak" take "deze".
    document = {"escalatie-doorbraakprotocol": "dit protocol", "convenant-gegevensdeling": "dit convenant",
                "afsprakenkader-verzuim": "dit afsprakenkader", "financieringsafspraak-passende-plek": "deze afspraak",
                "samenwerkingsovereenkomst-doorbraakaanpak": "deze overeenkomst"}[stem]
    assert f"Op {document} is Nederlands recht van toepassing." in text
    assert not re.search(r"\b(deze|de) (protocol|convenant|afsprakenkader)\b", text, re.IGNORECASE)
    assert f"bevoegde rechter van de {values['rechtbank']}" in text
    assert "artikel 44 Wet arhi" in text and "artikel 82 AVG" in text
    if stem in ("convenant-gegevensdeling", "afsprakenkader-verzuim"):
        assert "artikel 6 lid 1 onder e AVG" in text and "artikel 30 lid 2 onder a UAVG" in text
    tables = [line for line in lines if line.startswith("Namens ")]
    expected = []  # (first cell, field prefix of the party, its values) per signature block, in order
    for part in split_body(body(stem)).parts:
        items = values[part.herhaling] if part.kind == "herhaal" else [values]
        for block in re.findall(r"^\| (Namens [^|]+?) \|(.*?)(?:\n\n|\Z)", part.text, re.M | re.S):
            prefix = re.search(r"\[\[([a-z]+)_tekenaar_naam\]\]", block[1])[1]
            expected += [(block[0], prefix, item) for item in items]
    assert len(tables) == len(expected) >= 2
    for table, (label, prefix, item) in zip(tables, expected):
        cells = dict(row.split(" | ", 1) for row in table.split(" || ") if " | " in row)
        assert table.startswith(label + " | "), (table, label)
        assert (cells["Naam"], cells["Functie"], cells["Plaats"], cells["Datum"]) == (
            item[f"{prefix}_tekenaar_naam"], item[f"{prefix}_ondertekenaar"], item[f"{prefix}_plaats"],
            item[f"{prefix}_datum"]), table
        assert cells["KvK-nummer"] == item[f"{prefix}_kvk"], table
        assert table.endswith("|| Handtekening |"), table
        if prefix in ("gemeente", "dsp"):
            assert cells["Besluit en volmacht"] == item[f"{prefix}_besluit"]
            assert cells["Rechtsvorm"] == "publiekrechtelijke rechtspersoon (gemeente)"
        elif prefix == "ggd":
            assert cells["Besluit of mandaat"] == item["ggd_besluit"]
        else:
            assert cells["Rechtsvorm en zetel"] == f"{item[prefix + '_rechtsvorm']}, statutair gevestigd te " \
                                                   f"{item[prefix + '_zetel']}"


def table_row(lines: list[str], first: str) -> list[str]:
    """The cells of the table row whose first cell is `first` (docx_lines/odt_lines join rows with ||)."""
    rows = [row.split(" | ") for line in lines for row in line.split(" || ")]
    found = [cells for cells in rows if cells[0] == first]
    assert len(found) == 1, (first, found)
    return found[0]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_the_filled_documents_state_the_meeting_and_decision_terms_from_the_aanmelding(filled, fmt):
    """Filled with the examples: the meeting within 10 working days and the decision at the latest 15 working days
    after the aanmelding, as a practice record counts them (10 for the meeting and 5 after it, as before)."""
    decider = "de directeur-bestuurder van het samenwerkingsverband samen met de gemandateerde manager jeugd van de " \
              "woongemeente"
    protocol = filled[("escalatie-doorbraakprotocol", fmt)]
    assert table_row(protocol, "4. Doorbraakoverleg")[2:] == [
        "voorzitter: de onafhankelijk voorzitter van de doorbraaktafel", "binnen 10 werkdagen na aanmelding"]
    assert table_row(protocol, "5. Beslissing binnen mandaat")[2:] == [decider, "uiterlijk 15 werkdagen na aanmelding"]
    assert f"Komt het doorbraakoverleg niet tot een plan, dan beslist {decider} binnen het mandaat uit bijlage 2 welke " \
           "partij de leerling voorlopig een aanbod doet en welke partij dat voorlopig betaalt. Die beslissing ligt er " \
           "uiterlijk 15 werkdagen na de aanmelding." in protocol
    agreement = filled[("samenwerkingsovereenkomst-doorbraakaanpak", fmt)]
    assert "Het doorbraakoverleg vindt plaats binnen 10 werkdagen na de aanmelding en wordt voorgezeten door een " \
           "onafhankelijk voorzitter, aangewezen door het bestuurlijk overleg van partijen." in agreement
    assert f"Komen de deelnemers niet tot een plan, dan beslist {decider} uiterlijk 15 werkdagen na de aanmelding welke " \
           "partij de leerling voorlopig een aanbod doet en welke partij dat voorlopig betaalt. Die beslissing wordt " \
           "genomen binnen het mandaat uit bijlage 3, schriftelijk vastgelegd, gemotiveerd en met de ouders en de " \
           "leerling besproken." in agreement
    assert table_row(agreement, "Doorbraakoverleg gehouden") == [
        "Doorbraakoverleg gehouden", "binnen 10 werkdagen na aanmelding", "voorzitter"]
    assert table_row(agreement, "Beslissing bij geen plan") == [
        "Beslissing bij geen plan", "uiterlijk 15 werkdagen na aanmelding", decider]
    assert not any("vijf werkdagen na het doorbraakoverleg" in line for line in agreement)
    framework = filled[("afsprakenkader-verzuim", fmt)]
    assert "De leerplichtambtenaar neemt binnen 5 werkdagen na een melding contact op met de school en nodigt daarna " \
           "de leerling en de ouders uit voor een gesprek (artikel 22 Leerplichtwet 1969)." in framework
    assert table_row(framework, "Melding ontvangen") == [
        "Melding ontvangen", "contact met de school", "leerplichtambtenaar", "binnen 5 werkdagen"]


@pytest.mark.parametrize("stem", DOORBRAAK)
def test_the_doorbraak_templates_ask_the_terms_and_the_decider_as_the_records_name_them(stem):
    fields = {f["naam"]: f for f in meta(stem)["invulvelden"]}
    for name in ("termijn_overleg_werkdagen", "termijn_besluit_werkdagen"):
        assert fields[name]["label"] == DOORBRAAKOVERLEG[name]["title"], name
        assert "na de aanmelding" in fields[name]["uitleg"] and "na de aanmelding" in DOORBRAAKOVERLEG[name]["description"]
        assert f"[[{name}]] werkdagen na aanmelding" in body(stem), name  # the table counts from the aanmelding
    assert (fields["termijn_overleg_werkdagen"]["voorbeeld"], fields["termijn_besluit_werkdagen"]["voorbeeld"]) == ("10", "15")
    decider = fields["doorzettingsmacht_rol"]
    assert decider["label"] == "Wie beslist als het overleg geen plan oplevert (doorzettingsmacht)"
    assert "Beslissen meer functies samen, noem ze dan allemaal" in decider["uitleg"]
    assert " samen met " in decider["voorbeeld"]


def test_no_template_keeps_the_old_ambiguous_names():
    """A fill field named like a record's doorbraakoverleg field carries its title; the old names are gone, and the
    verzuim framework's reaction term has a name of its own."""
    names = {stem: {f["naam"]: f for f in meta(stem)["invulvelden"]} for stem in STEMS}
    for stem, fields in names.items():
        assert not {"termijn_werkdagen", "besluit_rol"} & set(fields), stem
        for name in set(fields) & set(DOORBRAAKOVERLEG):
            assert fields[name]["label"] == DOORBRAAKOVERLEG[name]["title"], (stem, name)
    assert names["afsprakenkader-verzuim"]["termijn_reactie_werkdagen"]["label"] == "Reactietermijn leerplicht (werkdagen)"
    assert body("afsprakenkader-verzuim").count("[[termijn_reactie_werkdagen]]") == 2


def test_an_old_values_file_is_refused_with_the_new_name(tmp_path, capsys):
    old = tmp_path / "oud.yaml"
    old.write_text("termijn_werkdagen: 10\n", encoding="utf-8")
    for stem, new in (("escalatie-doorbraakprotocol", "termijn_overleg_werkdagen"),
                      ("afsprakenkader-verzuim", "termijn_reactie_werkdagen")):
        assert main(["sjabloon", "invullen", stem, "--waarden", str(old), "--formaat", "md",
                     "--uit", str(tmp_path / "uit.md"), "--pad", str(ROOT / "practices")]) == 1
        err = capsys.readouterr().err.splitlines()
        assert err[0].startswith(f"{old}:1: termijn_werkdagen: 'termijn_werkdagen' is geen invulveld, keuze of herhaling "
                                 f"van dit sjabloon. Bedoelde u '{new}'"), err
        assert err[-1] == "1 probleem in 1 bestand."
    assert not (tmp_path / "uit.md").exists()


# --------------------------------------------------------------------------- the template page


@pytest.mark.parametrize("stem", STEMS)
def test_the_template_page_explains_each_article_with_a_link_to_the_law(stem):
    from macros.load.catalog import load_catalog
    from macros.render.context import render_context
    from macros.render.template_pages import template_page
    catalog = load_catalog(ROOT / "practices")
    page = template_page(render_context(catalog, sizes={}, shapes={}), catalog.template(stem))
    doc = lxml_html.fromstring(page.split("---\n", 2)[2])
    rows = doc.xpath("//table[@class='kb-grondslagen']/tbody/tr")
    source = meta(stem)["grondslagen"]
    assert len(rows) == len(source)
    for row, item in zip(rows, source):
        assert row.xpath("th")[0].text == item["artikel"]
        link = row.xpath("td[1]/a")[0]
        law = LAWS[item["wet"]]
        number = f"7:{item['wetsartikel']}" if item["wet"] == "BW" else item["wetsartikel"]
        assert link.text == f"artikel {number}{' lid ' + item['lid'] if item.get('lid') else ''} {item['wet']}"
        if law.get("bwbr"):
            assert link.get("href") == f"https://wetten.overheid.nl/jci1.3:c:{law['bwbr']}&artikel={item['wetsartikel']}"
        else:
            assert link.get("href") == law["url"]
        assert row.xpath("td[2]")[0].text == item["uitleg"]
    used = list(dict.fromkeys(item["wet"] for item in source))
    sources = doc.xpath("//ul[@class='kb-wetsbronnen']/li")
    assert [li.xpath("a")[0].text for li in sources] == [LAWS[law]["naam"] for law in used]
    for law, li in zip(used, sources):
        source = LAWS[law]["bron"]
        assert [c.text for c in li.xpath("code")][:3] == [source["repo"], source["pad"], source["commit"]]
        assert f"({source['datum']})" in li.text_content()
