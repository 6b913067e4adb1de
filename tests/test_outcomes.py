"""Issue 29: fields that mean one thing, indicators with a definition, unit and denominator, results
compared only where they mean the same, and the migration of old records. Values asserted on the
fixture catalogue (fast: no site build)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from macros.cli.main import main
from macros.cli.migrate import indicator_units
from macros.model.migration import migrate_text
from macros.render.compare import compare_page
from macros.render.practice import practice_page
from macros.render.zelfscan import scan_data
from test_render import (ALFA, BRAVO, CHARLIE, FIXTURE, TODAY, as_html, load_catalog, page_html, record,
                         render_context, split_page, text)

ROOT = Path(__file__).resolve().parent.parent
OLD_ALFA = Path(__file__).resolve().parent / "fixtures" / "oude-velden" / "fixture-alfa.yaml"


@pytest.fixture(scope="module")
def ctx():
    return render_context(load_catalog(FIXTURE, today=TODAY))


@pytest.fixture
def old_package(tmp_path) -> Path:
    """The fixture package with fixture-alfa as it was written before the fields were split."""
    root = tmp_path / "practices"
    shutil.copytree(FIXTURE, root)
    shutil.copyfile(OLD_ALFA, root / "praktijken" / "fixture-alfa.yaml")
    return root


def theme_rows(doc, heading: str) -> list[tuple[str, str]]:
    block = doc.xpath(f"//h2[normalize-space()='{heading}']/following-sibling::div[1]")[0]
    return [(text(tr.xpath("th")[0]), text(tr.xpath("td")[0])) for tr in block.xpath(".//table/tbody/tr")]


# --- the fields on the practice page ------------------------------------------------------------

def test_terms_roles_and_binding_on_the_practice_page(ctx):
    _, body = split_page(practice_page(ctx, record(ctx, ALFA)))
    rows = dict(theme_rows(as_html(body), "Doorbraakoverleg"))
    assert rows["Termijn overleg (werkdagen)"] == "Overleg binnen 5 werkdagen"
    assert rows["Termijn besluit (werkdagen)"] == "Besluit binnen 10 werkdagen"
    assert rows["Doorzettingsmacht"] == "Samenwerkingsverband, Gemeente"
    assert rows["Besluit bindend"] == "Ja"
    _, body = split_page(practice_page(ctx, record(ctx, BRAVO)))
    rows = dict(theme_rows(as_html(body), "Doorbraakoverleg"))
    assert "Termijn overleg (werkdagen)" not in rows, "not filled in, and not a comparison column: no row"
    assert (rows["Termijn besluit (werkdagen)"], rows["Besluit bindend"]) == ("Besluit binnen 5 werkdagen", "Onbekend")


def test_avg_ground_and_statutory_provision_apart(ctx):
    _, body = split_page(practice_page(ctx, record(ctx, ALFA)))
    rows = dict(theme_rows(as_html(body), "Gegevensdeling"))
    assert rows["Grondslag in de AVG"] == "Wettelijke verplichting (c), Taak van algemeen belang (e)"
    assert rows["Wettelijke bepaling"] == "Leerplichtwet 1969 art. 21 en 22"
    _, body = split_page(practice_page(ctx, record(ctx, BRAVO)))
    rows = dict(theme_rows(as_html(body), "Gegevensdeling"))
    assert (rows["Grondslag in de AVG"], rows["Wettelijke bepaling"]) == ("Toestemming (a)", "niet ingevuld")


def test_avg_codelist_names_each_ground_of_article_6_1():
    with (ROOT / "practices" / "codelijsten" / "avg-grondslag.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["code"]: r for r in csv.DictReader(f)}
    assert list(rows) == ["a", "b", "c", "d", "e", "f", "onbekend"]
    assert [rows[c]["label"] for c in "abcdef"] == [
        "Toestemming (a)", "Overeenkomst (b)", "Wettelijke verplichting (c)", "Vitale belangen (d)",
        "Taak van algemeen belang (e)", "Gerechtvaardigd belang (f)"]
    assert all(rows[c]["omschrijving"].startswith(f"AVG art. 6 lid 1 onder {c}: ") for c in "abcdef")


# --- indicators and results ---------------------------------------------------------------------

def test_indicators_have_definition_unit_per_and_kind_of_source():
    with (ROOT / "practices" / "codelijsten" / "indicator.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["code"]: r for r in csv.DictReader(f)}
    for code in ("doorzettingsmacht-gebruikt", "processen-verbaal", "thuiszitters-3-maanden",
                 "vrijstellingen-5a-per-1000", "vsv-aandeel"):
        assert code in rows, code
    assert all(r["definitie"] and r["eenheid"] and r["bronsoort"] for r in rows.values())
    assert (rows["vrijstellingen-5a-per-1000"]["eenheid"], rows["vrijstellingen-5a-per-1000"]["per"]) == \
        ("vrijstellingen", "1.000 leerplichtigen")
    assert (rows["vsv-aandeel"]["eenheid"], rows["processen-verbaal"]["per"]) == ("procent", "")
    assert "drie maanden" in rows["thuiszitters-3-maanden"]["definitie"]
    assert "startkwalificatie" in rows["vsv-aandeel"]["definitie"]


def test_practice_results_show_unit_denominator_and_period(ctx):
    _, body = split_page(practice_page(ctx, record(ctx, ALFA)))
    table = as_html(body).xpath("//table[@class='kb-resultaten']")[0]
    assert [text(th) for th in table.xpath(".//th")] == ["Indicator", "Waarde", "Noemer", "Periode", "Bron"]
    rows = [[text(td.xpath("span[@class='kb-indicator']")[0]) if i == 0 else text(td)
             for i, td in enumerate(tr.xpath("td"))] for tr in table.xpath("tbody/tr")]
    assert rows == [
        ["Thuiszitters langer dan drie maanden", "12 leerlingen", "", "schooljaar 2023-2024",
         "Jaarverslag leerplicht Alfa 2023-2024 (fictief)"],
        ["Vrijstellingen 5 onder a per 1.000 leerplichtigen", "4,1 vrijstellingen per 1.000 leerplichtigen", "3200",
         "schooljaar 2023-2024", "Jaarverslag leerplicht Alfa 2023-2024 (fictief)"]]
    definition = text(table.xpath("tbody/tr[1]/td[1]/span[@class='kb-uitleg']")[0])
    assert "langer dan drie maanden thuiszit zonder passend aanbod" in definition


def comparison_groups(ctx, indicator: str) -> list[tuple[str, list[tuple[str, str, str | None]]]]:
    """Per period group: its heading and per row (practice, value, denominator); the denominator is None
    when the table has no Noemer column."""
    doc = page_html(compare_page(ctx))
    table = doc.xpath(f"//table[@data-indicator='{indicator}']")[0]
    columns = [text(th) for th in table.xpath("thead/tr/th")]
    noemer = columns.index("Noemer") - 1 if "Noemer" in columns else None  # among the td cells
    return [(text(body.xpath("tr[1]/th")[0]),
             [(text(tr.xpath("th/a")[0]), text(tr.xpath("td")[0]),
               text(tr.xpath("td")[noemer]) if noemer is not None else None)
              for tr in body.xpath("tr[position() > 1]")])
            for body in table.xpath("tbody")]


def test_results_with_the_same_period_stand_side_by_side(ctx):
    assert comparison_groups(ctx, "thuiszitters-3-maanden") == [
        ("Schooljaar 2023-2024: vergelijkbaar: zelfde definitie, eenheid en periode",
         [("Alfa doorbraaktafel met regiofonds", "12 leerlingen", None),
          ("Bravo verzuimaanpak met vaste termijn", "7 leerlingen", None)])]


def test_results_with_another_period_say_they_do_not_compare(ctx):
    assert comparison_groups(ctx, "vrijstellingen-5a-per-1000") == [
        ("Schooljaar 2023-2024: niet vergelijkbaar: andere periode",
         [("Alfa doorbraaktafel met regiofonds", "4,1 vrijstellingen per 1.000 leerplichtigen", "3200")]),
        ("Schooljaar 2022-2023: niet vergelijkbaar: andere periode",
         [("Bravo verzuimaanpak met vaste termijn", "5,3 vrijstellingen per 1.000 leerplichtigen", "2100")])]


def test_the_noemer_column_only_where_a_figure_has_one(ctx):
    doc = page_html(compare_page(ctx))
    heads = {code: [text(th) for th in doc.xpath(f"//table[@data-indicator='{code}']/thead/tr/th")]
             for code in ("thuiszitters-3-maanden", "vrijstellingen-5a-per-1000")}
    assert heads == {"thuiszitters-3-maanden": ["Praktijk", "Waarde", "Bron"],
                     "vrijstellingen-5a-per-1000": ["Praktijk", "Waarde", "Noemer", "Bron"]}
    spans = doc.xpath("//table[@data-indicator='thuiszitters-3-maanden']/tbody/tr[1]/th/@colspan")
    assert spans == ["3"]


def test_comparison_labels_fictional_figures(ctx):
    doc = page_html(compare_page(ctx))
    rows = doc.xpath("//table[@data-indicator]/tbody/tr[th/a]")
    assert len(rows) == 4
    assert all("Fictief voorbeeld" in text(tr.xpath("th")[0]) for tr in rows)
    assert "Cijfers van fictieve voorbeelden zijn verzonnen." in text(doc)


def test_zelfscan_names_each_practice_evidence_level(ctx):
    levels = {p["id"]: p["onderbouwing"] for p in scan_data(ctx)["praktijken"]}
    assert levels == {ALFA: "Beschreven", BRAVO: "Onderbouwd", CHARLIE: "Beschreven"}
    script = (ROOT / "docs" / "assets" / "zelfscan.js").read_text(encoding="utf-8")
    assert '" (onderbouwing: " + p.onderbouwing.toLowerCase() + ")"' in script


# --- old fields: validate explains, migreer rewrites -------------------------------------------

def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_validate_explains_each_old_field_in_dutch(old_package, capsys):
    code = main(["validate", str(old_package)])
    out = capsys.readouterr().out
    assert code == 1
    assert "Traceback" not in out
    old = old_package / "praktijken" / "fixture-alfa.yaml"
    expected = [
        (line_of(old, "termijn_werkdagen:"), "doorbraakoverleg.termijn_werkdagen",
         "Schrijf termijn_overleg_werkdagen", "en termijn_besluit_werkdagen"),
        (line_of(old, "doorzettingsmacht:"), "doorbraakoverleg.doorzettingsmacht",
         "lijst van een of meer rollen", "doorzettingsmacht_bindend: ja, nee of onbekend"),
        (line_of(old, "  grondslag:"), "gegevensdeling.grondslag", "Schrijf avg_grondslag",
         "wettelijke_grondslag", "artikel 6 lid 1 AVG"),
        (line_of(old, "eenheid:"), "resultaten[0].eenheid", "haal de regel eenheid weg"),
        (line_of(old, "jaar:"), "resultaten[0].jaar", "jaar heet nu periode", "'2023-2024' (schooljaar)"),
    ]
    for line, field, *words in expected:
        found = [ln for ln in out.splitlines() if f"fixture-alfa.yaml:{line}: {field}: " in ln]
        assert len(found) == 1, (field, out)
        assert all(w in found[0] for w in words), (words, found[0])
        assert "`kennisbank migreer` zet dit om." in found[0]
    assert "verplicht veld ontbreekt" not in out  # the new fields are not asked for twice
    assert "5 problemen in 1 bestand." in out


def test_migreer_rewrites_keeps_comments_and_is_idempotent(old_package, capsys):
    path = old_package / "praktijken" / "fixture-alfa.yaml"
    assert main(["migreer", str(old_package)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "1 bestand(en) omgezet."
    new = path.read_text(encoding="utf-8")
    assert "  termijn_besluit_werkdagen: 10\n  doorzettingsmacht: [onafhankelijk-voorzitter]\n" \
           "  doorzettingsmacht_bindend: onbekend\n  casusregie: swv\n" in new
    assert "  # de grondslag staat in het convenant, artikel 3\n  avg_grondslag: [e]\n  convenant: ja\n" in new
    assert "  - indicator: thuiszitters-3-maanden\n    waarde: 12\n    periode: '2023'\n    bron:" in new
    assert new.startswith("# yaml-language-server: $schema=../schema/praktijk.schema.json\n")
    assert "termijn_werkdagen" not in new.replace("termijn_besluit_werkdagen", "")
    assert main(["validate", str(old_package)]) == 0
    capsys.readouterr()
    assert main(["migreer", str(old_package)]) == 0
    assert capsys.readouterr().out.startswith("Niets om te zetten")
    assert path.read_text(encoding="utf-8") == new


def test_migrated_record_page_shows_the_decision_term(old_package):
    assert main(["migreer", str(old_package)]) == 0
    migrated = render_context(load_catalog(old_package, today=TODAY))
    _, body = split_page(practice_page(migrated, record(migrated, ALFA)))
    rows = dict(theme_rows(as_html(body), "Doorbraakoverleg"))
    assert "Termijn overleg (werkdagen)" not in rows
    assert (rows["Termijn besluit (werkdagen)"], rows["Doorzettingsmacht"], rows["Besluit bindend"]) == \
        ("Besluit binnen 10 werkdagen", "Onafhankelijk voorzitter", "Onbekend")


@pytest.mark.parametrize("old, new", [
    ("toestemming", "[a]"), ("wettelijke-taak", "[e]"), ("combinatie", "[a, e]"), ("onbekend", "[onbekend]")])
def test_each_old_ground_becomes_its_avg_codes(old, new):
    text, notes = migrate_text(f"gegevensdeling:\n  grondslag: {old}\n  convenant: ja\n", {})
    assert (text, notes) == (f"gegevensdeling:\n  avg_grondslag: {new}\n  convenant: ja\n", [])


def test_a_unit_that_does_not_fit_its_indicator_is_left_for_a_person():
    text = "resultaten:\n  - indicator: tevredenheid\n    waarde: 82\n    eenheid: procent\n    jaar: 2024\n"
    new, notes = migrate_text(text, {"tevredenheid": "rapportcijfer"})
    assert new == "resultaten:\n  - indicator: tevredenheid\n    waarde: 82\n    eenheid: procent\n    periode: '2024'\n"
    assert notes == ["regel 4: eenheid 'procent' past niet bij indicator 'tevredenheid' (eenheid 'rapportcijfer'); "
                     "kies de indicator die past en haal de regel eenheid weg."]


def test_bundled_records_use_only_the_new_fields():
    for path in sorted((ROOT / "practices" / "praktijken").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert migrate_text(text, indicator_units(ROOT / "practices")) == (text, []), path.name
