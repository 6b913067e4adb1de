"""The evidence level (onderbouwing) of a practice: one coded field in the schema, its codelist with
criteria, and every view that follows from it, with literal values on the fixture catalogue
(Alfa and Charlie are 'beschreven', Bravo is 'onderbouwd' with an evaluation document)."""

from __future__ import annotations

import shutil

import pytest

from macros.model.problems import InvalidData
from macros.model.schema import table_schemas
from test_render import (ALFA, BRAVO, CHARLIE, FIXTURE, ROOT, TITLES, TODAY, load_catalog, one, page_html,
                         record, render_context, split_page, text)
from test_render_practice import page_of, rows
from macros.render.listing import filter_pages
from macros.render.reference import evidence_page
from macros.render.listing import facet_counts

LEVELS = [("beschreven", "Beschreven"), ("onderbouwd", "Onderbouwd"),
          ("eerste-aanwijzingen-effect", "Eerste aanwijzingen voor effect"),
          ("goede-aanwijzingen-effect", "Goede aanwijzingen voor effect")]


@pytest.fixture(scope="module")
def ctx():
    return render_context(load_catalog(FIXTURE, today=TODAY))


def evidence_rows(ctx, practice_id: str) -> list[tuple[str, str]]:
    _, doc = page_of(ctx, practice_id)
    block = doc.xpath("//h2[normalize-space()='Onderbouwing']/following-sibling::div[1]")[0]
    return rows(block)


def test_the_codelist_holds_the_four_levels_with_criteria(ctx):
    codes = ctx.catalog.codelists["onderbouwing"]
    assert [(c.code, c.label) for c in codes] == LEVELS
    assert all(c.omschrijving and c.criteria for c in codes)
    assert codes[0].criteria.startswith("Doel, doelgroep, werkwijze")
    assert [c.criteria.startswith("Voldoet aan Onderbouwd.") for c in codes] == [False, False, True, True]


def test_the_practice_page_shows_the_level_set_for_it(ctx):
    assert evidence_rows(ctx, ALFA) == [
        ("Niveau van onderbouwing", "Beschreven"),
        ("Toelichting van de redactie", "Fictief voorbeeld: de afspraken zijn beschreven; of ze werken, is niet onderzocht.")]
    bravo = evidence_rows(ctx, BRAVO)
    assert bravo[0] == ("Niveau van onderbouwing", "Onderbouwd")
    assert bravo[1] == ("Evaluatiedocument",
                        "Procesevaluatie van de afspraken (verzonnen document bij dit fictieve voorbeeld)")
    assert evidence_rows(ctx, CHARLIE)[0] == ("Niveau van onderbouwing", "Beschreven")


def test_a_filter_per_level_that_a_practice_has(ctx):
    counts = facet_counts(ctx)
    assert [counts[("onderbouwing", code)] for code, _ in LEVELS] == [2, 1, 0, 0]
    pages = filter_pages(ctx)
    assert [k for k in pages if "onderbouwing-" in k] == ["praktijken/filter/onderbouwing-beschreven.md",
                                                         "praktijken/filter/onderbouwing-onderbouwd.md"]
    doc = page_html(pages["praktijken/filter/onderbouwing-onderbouwd.md"])
    titles = [text(a) for a in doc.xpath("//li[@class='kb-item']/a[@class='kb-item__titel']")]
    assert titles == [TITLES[BRAVO]]
    doc = page_html(pages["praktijken/filter/onderbouwing-beschreven.md"])
    titles = [text(a) for a in doc.xpath("//li[@class='kb-item']/a[@class='kb-item__titel']")]
    assert titles == [TITLES[ALFA], TITLES[CHARLIE]]


def test_the_explanation_page_lists_levels_criteria_counts_and_sources(ctx):
    page = evidence_page(ctx, facet_counts(ctx))
    assert split_page(page)[0]["title"] == "Onderbouwing"
    doc = page_html(page)
    assert text(one(doc, "h1")) == "Onderbouwing"
    assert [(dt.get("id"), text(dt)) for dt in doc.xpath("//dl[@class='kb-onderbouwing']/dt")] == LEVELS
    dds = doc.xpath("//dl[@class='kb-onderbouwing']/dd")
    assert text(dds[0]).startswith("De afspraken staan zo op papier")
    assert "Criteria: Doel, doelgroep, werkwijze" in text(dds[0])
    links = [(a.get("href"), text(a)) for a in doc.xpath("//dl[@class='kb-onderbouwing']//a")]
    assert links == [("../praktijken/filter/onderbouwing-beschreven/", "2 praktijken met dit niveau"),
                     ("../praktijken/filter/onderbouwing-onderbouwd/", "1 praktijk met dit niveau")]
    hrefs = doc.xpath("//h2[normalize-space()='Waar de niveaus vandaan komen']/following-sibling::ul[1]/li/a/@href")
    assert "https://www.nji.nl/interventies/doorontwikkeling-erkenningsprocedure" in hrefs
    assert "geen erkenning door een erkenningscommissie" in text(doc)


def test_the_level_is_a_compiled_column_with_a_foreign_key(ctx):
    table = table_schemas(ctx.catalog.schemas["praktijk"], "praktijk")["praktijken"]
    field = next(f for f in table["fields"] if f["name"] == "onderbouwing_niveau")
    assert field["constraints"] == {"required": True, "maxLength": 60}
    assert {"fields": "onderbouwing_niveau", "reference": {"resource": "onderbouwing", "fields": "code"}} \
        in table["foreignKeys"]
    assert [r["onderbouwing_niveau"] for r in ctx.catalog.tables["praktijken"]] == ["beschreven", "onderbouwd",
                                                                                   "beschreven"]


def _copy(tmp_path):
    root = tmp_path / "practices"
    shutil.copytree(FIXTURE, root)
    return root


def test_a_level_above_described_needs_its_document(tmp_path):
    root = _copy(tmp_path)
    path = root / "praktijken" / f"{BRAVO}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, s in enumerate(lines) if s.startswith("onderbouwing:")) + 1
    path.write_text("".join(s for s in lines if not s.startswith("  document: ")), encoding="utf-8")
    with pytest.raises(InvalidData) as raised:
        load_catalog(root, today=TODAY)
    [problem] = raised.value.problems
    assert (problem.file.endswith(f"{BRAVO}.yaml"), problem.line, problem.field) == (True, line, "onderbouwing.document")
    assert problem.message.startswith("verplicht veld ontbreekt. Voeg 'document:' toe (Vanaf het niveau onderbouwd")


def test_an_unknown_level_is_named_with_the_choices(tmp_path):
    root = _copy(tmp_path)
    path = root / "praktijken" / f"{ALFA}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("niveau: beschreven", "niveau: bewezen-effectief"),
                    encoding="utf-8")
    with pytest.raises(InvalidData) as raised:
        load_catalog(root, today=TODAY)
    messages = [p.message for p in raised.value.problems if p.field == "onderbouwing.niveau"]
    assert len(messages) == 1 and "Kies uit: beschreven, onderbouwd, eerste-aanwijzingen-effect, " \
                                  "goede-aanwijzingen-effect" in messages[0]


def test_every_real_record_has_a_level_and_no_fiction_claims_effect():
    catalog = load_catalog(ROOT / "practices")
    levels = {r.id: r.get("onderbouwing", "niveau") for r in catalog.practices}
    assert len(levels) == 13 and all(levels.values())
    fictional = [r.id for r in catalog.practices if r.get("voorbeeld")]
    assert {levels[i] for i in fictional} <= {"beschreven", "onderbouwd"}
    assert sorted(levels.values()).count("beschreven") == 11
