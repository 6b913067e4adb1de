"""The render layer end to end: hostile text in data arrives inert and literal on every page,
and a field or block added to the schema shows in every view without a code change.

Each test builds a real copy of the project with planted data (one build per module)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "{{ 7*7 }}",
           "{% raw %}")
PLANTED = " ".join(HOSTILE)
RECORD = "voorbeeld-twente-vo"
SMUGGLED = "\n\nRegel\n## Gesmokkelde kop\n[klik](javascript:alert(3)) <!--kb-kop-0-->\n## Nog een kop"


def project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("practices", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")
    return project


def build(project: Path) -> Path:
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build", "--config", str(project / "mkdocs.yml"),
                             "--site", str(project / "site")], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return project / "site"


def edit_record(project: Path, name: str, change) -> None:
    path = project / "practices" / "praktijken" / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit_csv(path: Path, key: str, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row[list(row)[0]] == key:
            row[column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def plant_everywhere(data: dict) -> None:
    """The hostile strings in every free-text field the schema allows them in."""
    for key in ("samenvatting", "context", "werkwijze", "regio"):
        data[key] = f"{data.get(key, '')} {PLANTED}".strip()
    for key in ("context", "werkwijze"):  # a line of data that looks like a Markdown heading or link
        data[key] += SMUGGLED
    for block in ("geoorloofd_verzuim", "ongeoorloofd_verzuim", "doorbraakoverleg", "financiering", "leerplicht",
                  "gegevensdeling", "jeugdhulp"):
        data[block]["toelichting"] = PLANTED
    data["financiering"]["verdeling"] = PLANTED
    data["financiering"]["ruimte_binnen_regels"] = PLANTED
    # the record is fictional: its organisation names must say "(fictief)" (macros.checks.fiction)
    data["partners"][0]["organisatie"] = PLANTED + " (fictief)"
    data["lessen"] = [PLANTED]
    data["valkuilen"] = [PLANTED]
    data["contact"]["organisatie"] = PLANTED + " (fictief)"
    for result in data.get("resultaten", []):
        result["bron"] = PLANTED
        result["toelichting"] = PLANTED
    data["documenten"] = [{"titel": PLANTED, "type": data["documenten"][0]["type"] if data.get("documenten") else "convenant",
                           "url": "https://example.org/stuk.pdf"}]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = project_copy(tmp_path_factory.mktemp("hostile"))
    edit_record(project, RECORD, plant_everywhere)
    lists = project / "practices" / "codelijsten"
    edit_csv(lists / "dekking.csv", "ja", "label", "Ja " + PLANTED)
    edit_csv(lists / "themas.csv", "doorbraakoverleg", "label", "Doorbraak " + PLANTED)
    edit_csv(lists / "status.csv", "actief", "label", "Actief " + PLANTED)
    edit_csv(lists / "begrippen.csv", "SWV", "uitleg", "Uitleg met\n\nwitregel " + PLANTED)
    return build(project)


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, lxml_html.fromstring(path.read_bytes())


def test_no_active_content_from_data_on_any_page(hostile_site):
    offences = []
    for path, doc in pages(hostile_site):
        where = path.relative_to(hostile_site)
        for script in doc.iter("script"):
            if script.get("type") == "application/json":
                json.loads(script.text)  # data for a page script: inert while it stays valid JSON
            elif "alert(1)" in (script.text or ""):
                offences.append(f"{where}: script element from data")
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                if name.lower().startswith("on") and "alert" in value:
                    offences.append(f"{where}: <{element.tag} {name}>")
                if name in ("href", "src") and value.strip().lower().startswith("javascript:"):
                    offences.append(f"{where}: {name}={value}")
            if element.tag in ("img", "svg") and "x" == element.get("src", ""):
                offences.append(f"{where}: planted <img>")
    assert offences == []


def test_data_lines_that_look_like_headings_stay_text(hostile_site):
    """Generated pages skip Python-Markdown; their headings are the templates' own `kop()` calls
    (macros.render.headings): a line of data starting with '##' must not become a heading, on the page
    or in its table of contents."""
    doc = lxml_html.fromstring((hostile_site / "praktijken" / RECORD / "index.html").read_bytes())
    headings = [h.text_content() for h in doc.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
    assert not [h for h in headings if "Gesmokkelde" in h or "Nog een kop" in h]
    assert not doc.xpath("//nav[contains(@class,'md-nav--secondary')]//a[contains(., 'Gesmokkelde')]")
    werkwijze = doc.xpath("//article//div[p[contains(., 'Gesmokkelde kop')]]")
    assert werkwijze, "the smuggled line shows as text"
    assert "[klik](javascript:alert(3))" in werkwijze[0].text_content()
    assert "<!--kb-kop-0-->" in werkwijze[0].text_content()


def test_hostile_text_shows_literally_on_the_practice_page(hostile_site):
    doc = lxml_html.fromstring((hostile_site / "praktijken" / RECORD / "index.html").read_bytes())
    article = doc.xpath("//article")[0]
    text = article.text_content()
    for needle in HOSTILE:
        assert needle in text, needle
    assert "49" not in text.replace("2049", ""), "{{ 7*7 }} was not evaluated"
    assert PLANTED in doc.xpath("//head/meta[@name='description']/@content")[0] or \
        doc.xpath("//head/meta[@name='description']/@content")[0].startswith(doc.xpath("//article//div[@class='kb-samenvatting']")[0].text_content()[:40])
    assert "Doorbraak <script>" in " ".join(doc.xpath("//nav[contains(@class,'md-tags')]//text()"))


def test_hostile_codelist_label_shows_literally_in_comparison_cells(hostile_site):
    doc = lxml_html.fromstring((hostile_site / "vergelijken" / "index.html").read_bytes())
    cells = [c.text_content().strip() for c in doc.xpath("//span[contains(@class,'kb-dekking--ja')]")]
    assert cells and all(c == "✓ Ja " + PLANTED for c in cells), cells[:3]


def test_hostile_glossary_entry_is_one_inert_explanation(hostile_site):
    doc = lxml_html.fromstring((hostile_site / "index.html").read_bytes())
    titles = [a.get("title") for a in doc.xpath("//abbr") if a.text == "SWV"]
    assert titles and titles[0] == "Uitleg met witregel " + PLANTED
    glossary = lxml_html.fromstring((hostile_site / "begrippen" / "index.html").read_bytes())
    assert "witregel " + PLANTED in glossary.xpath("//dl[contains(@class,'kb-begrippen')]")[0].text_content()


# --- the schema drives every view --------------------------------------------------------------

NEW_FIELD = {"title": "Doelgroep", "description": "Voor welke leerlingen de afspraken gelden.", "type": "string",
             "maxLength": 500}
NEW_BLOCK = {"title": "Nazorg na terugkeer", "type": "object", "x-thema": "ondersteuning-regios",
             "additionalProperties": False, "properties": {
                 "geregeld": {"title": "Nazorg geregeld", "description": "Is nazorg na terugkeer op school afgesproken?",
                              "type": "string", "x-codelijst": "dekking", "x-vergelijk": "ondersteuning-regios"},
                 "toelichting": {"title": "Toelichting", "description": "Hoe de nazorg werkt.", "type": "string",
                                 "maxLength": 3000}}}


@pytest.fixture(scope="module")
def extended_site(tmp_path_factory) -> Path:
    project = project_copy(tmp_path_factory.mktemp("extended"))
    schema_path = project / "practices" / "schema" / "praktijk.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    props = list(schema["properties"].items())
    at = [k for k, _ in props].index("resultaten")
    schema["properties"] = dict(props[:at] + [("doelgroep", NEW_FIELD), ("nazorg", NEW_BLOCK)] + props[at:])
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")

    def add(data):
        data["doelgroep"] = "Leerlingen van 12 tot 18 jaar die langer dan vier weken thuiszitten."
        data["nazorg"] = {"geregeld": "deels", "toelichting": "De school belt de eerste zes weken elke week."}
    edit_record(project, RECORD, add)
    return build(project)


def test_new_field_and_block_show_on_the_practice_page(extended_site):
    doc = lxml_html.fromstring((extended_site / "praktijken" / RECORD / "index.html").read_bytes())
    headings = [h.text_content().strip().rstrip("#").strip() for h in doc.xpath("//article//h2")]
    assert "Doelgroep" in headings and "Nazorg na terugkeer" in headings
    assert headings.index("Nazorg na terugkeer") < headings.index("Contact")
    block = doc.xpath("//h2[@id='nazorg-na-terugkeer']/following-sibling::div[1]")[0]
    rows = {r.xpath("th")[0].text_content(): r.xpath("td")[0].text_content().strip() for r in block.xpath(".//tr")}
    assert rows == {"Nazorg geregeld": "◐ Deels"}
    assert "De school belt de eerste zes weken elke week." in block.text_content()
    assert "langer dan vier weken thuiszitten" in doc.xpath("//h2[@id='doelgroep']/following-sibling::div[1]")[0].text_content()


def test_new_compared_field_is_a_column_of_its_theme_table(extended_site):
    doc = lxml_html.fromstring((extended_site / "vergelijken" / "index.html").read_bytes())
    table = doc.xpath("//table[@data-thema='ondersteuning-regios']")[0]
    headers = [th.xpath(".//button")[0].text_content().strip() for th in table.xpath(".//thead//th")]
    assert "Nazorg geregeld" in headers
    col = headers.index("Nazorg geregeld")
    by_title = {}
    for row in table.xpath(".//tbody/tr"):
        cells = row.xpath("./th|./td")
        by_title[cells[0].xpath(".//a")[0].get("href")] = cells[col].text_content().strip()
    assert by_title[f"../praktijken/{RECORD}/"] == "◐ Deels"
    assert sum(v == "niet ingevuld" for v in by_title.values()) == len(by_title) - 1


def test_new_field_and_block_are_in_the_submission_form(extended_site):
    doc = lxml_html.fromstring((extended_site / "aanmelden" / "index.html").read_bytes())
    paths = set(doc.xpath("//*[@data-pad]/@data-pad"))
    assert {"doelgroep", "nazorg.geregeld", "nazorg.toelichting"} <= paths
    options = doc.xpath("//select[@data-pad='nazorg.geregeld']/option/text()")
    assert options[1:] == ["Ja", "Deels", "Nee", "Onbekend"]


def test_new_field_and_block_are_columns_of_the_open_data_csv(extended_site):
    with (extended_site / "data" / "tabellen" / "praktijken.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert rows[RECORD]["doelgroep"].startswith("Leerlingen van 12 tot 18 jaar")
    assert rows[RECORD]["nazorg_geregeld"] == "deels"
    assert rows["voorbeeld-amsterdam-vo"]["nazorg_geregeld"] == ""
