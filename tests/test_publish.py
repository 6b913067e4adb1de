"""Publishing without a terminal: DCAT metadata, the web editor (Decap CMS), `kennisbank beheer`, pipelines."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import pytest
import rdflib
import yaml
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from macros.cli.editor_guard import GuardServer
from macros.cli.main import main
from macros.load.catalog import load_catalog
from macros.model.catalog import Catalog
from macros.publish.dcat import dcat_jsonld, newest_record_date
from macros.publish.editor_config import decap_config

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://kennisbank.ingrado.nl/"
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
DONL_CC_BY = "http://creativecommons.org/licenses/by/4.0/deed.nl"
PUBLISHER = "Redactie Kennisbank Doorbraakaanpak (Ingrado)"
TABLES = ["praktijken", "praktijk-swv", "praktijk-gemeenten", "praktijk-onderwijssoort", "praktijk-themas",
          "partners", "doorbraakoverleg-leden", "doorbraakoverleg-doorzettingsmacht", "gegevensdeling-avg-grondslag",
          "resultaten", "lessen", "valkuilen", "documenten", "sjablonen",
          "sjabloon-voor", "sjabloon-wijzigingen", "sjabloon-themas", "sjabloon-invulvelden", "sjabloon-keuzes",
          "sjabloon-varianten", "sjabloon-herhalingen", "sjabloon-bijlagen", "sjabloon-grondslagen"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "practices")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, what: str, attempts: int = 240):
    """Poll `check` (bounded, no timing asserted) until it returns something truthy."""
    for _ in range(attempts):
        try:
            result = check()
            if result:
                return result
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.25)
    pytest.fail(f"{what} kwam niet op")


def written_text(path: Path) -> str:
    """The file's text once decap-server has finished writing it: it truncates before it writes, so a
    read in between sees an empty file. Non-empty and the same on two reads a poll apart counts as done."""
    previous = None

    def settled():
        nonlocal previous
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        done = bool(text) and text == previous
        previous = text
        return text if done else None

    return wait_for(settled, f"de volledige inhoud van {path.name}")


def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's content (never the real practices/), with this code linked in."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("practices", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")
    return project


# --- DCAT -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph(site_dir) -> rdflib.Graph:
    return rdflib.Graph().parse(site_dir / "data" / "dcat.jsonld", format="json-ld")


def one(graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{predicate} of {subject}: {values}"
    return values[0]


def test_dcat_has_the_classes_dcat_ap_and_donl_require(graph):
    assert len(list(graph.subjects(RDF.type, DCAT.Catalog))) == 1
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == 1
    assert len(list(graph.subjects(RDF.type, DCAT.Distribution))) == len(TABLES) + 2 == 25
    assert len(list(graph.subjects(RDF.type, FOAF.Agent))) == 1
    assert len(list(graph.subjects(RDF.type, VCARD.Kind))) == 1


def test_dcat_dataset_properties_have_the_values_of_the_data_package(graph, catalog):
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    assert one(graph, dataset, DCTERMS.title) == rdflib.Literal("Kennisbank Doorbraakaanpak", lang="nl")
    assert str(one(graph, dataset, DCTERMS.description)).startswith(
        "Goede praktijken en modelafspraken van samenwerkingsverbanden passend onderwijs, gemeenten")
    assert one(graph, dataset, DCTERMS.identifier) == rdflib.Literal(SITE + "data/")
    assert one(graph, dataset, DCTERMS.license) == rdflib.URIRef(DONL_CC_BY)
    assert one(graph, dataset, DCTERMS.language) == rdflib.URIRef(
        "http://publications.europa.eu/resource/authority/language/NLD")
    assert set(graph.objects(dataset, DCAT.theme)) == {
        rdflib.URIRef("http://standaarden.overheid.nl/owms/terms/Onderwijs_en_wetenschap"),
        rdflib.URIRef("http://publications.europa.eu/resource/authority/data-theme/EDUC")}
    assert rdflib.URIRef("http://standaarden.overheid.nl/owms/terms/Nederland") in set(graph.objects(dataset, DCTERMS.spatial))
    assert one(graph, dataset, rdflib.URIRef("http://www.w3.org/ns/adms#status")) == rdflib.URIRef(
        "http://data.overheid.nl/status/beschikbaar")
    assert {str(k) for k in graph.objects(dataset, DCAT.keyword)} == {c.label for c in catalog.codelists["themas"]}
    publisher = one(graph, dataset, DCTERMS.publisher)
    assert one(graph, publisher, FOAF.name) == rdflib.Literal(PUBLISHER, lang="nl")
    assert one(graph, dataset, DCTERMS.creator) == publisher
    contact = one(graph, dataset, DCAT.contactPoint)
    assert one(graph, contact, VCARD.hasEmail) == rdflib.URIRef("mailto:kennisbank@ingrado.nl")
    assert one(graph, contact, VCARD.fn) == rdflib.Literal(PUBLISHER, lang="nl")
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert one(graph, catalogue, DCAT.dataset) == dataset
    assert one(graph, catalogue, DCTERMS.publisher) == publisher


def test_dcat_modified_is_the_newest_record_date_not_the_build_day(graph, catalog):
    texts = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "practices").glob("*/*.yaml"))]
    dates = [t["redactie"]["beoordeeld_op"] for t in texts if "redactie" in t]
    dates += [t["laatst_beoordeeld"] for t in texts if "laatst_beoordeeld" in t]
    dates += [w["datum"] for t in texts for w in t.get("wijzigingen", [])]
    newest = max(d if isinstance(d, date) else date.fromisoformat(d) for d in dates)
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    assert one(graph, dataset, DCTERMS.modified).toPython() == newest
    assert newest_record_date(catalog) == newest
    later = load_catalog(ROOT / "practices", today=catalog.today + timedelta(days=400))
    assert json.dumps(dcat_jsonld(later)) == json.dumps(dcat_jsonld(catalog)), "the same data gives the same file"


def test_dcat_one_distribution_per_csv_table_and_per_json_schema(graph, site_dir):
    urls = {str(one(graph, d, DCAT.downloadURL)) for d in graph.subjects(RDF.type, DCAT.Distribution)}
    assert urls == {f"{SITE}data/tabellen/{name}.csv" for name in TABLES} | {
        f"{SITE}data/schema/praktijk.schema.json", f"{SITE}data/schema/sjabloon.schema.json"}
    for url in urls:
        assert (site_dir / url.removeprefix(SITE)).is_file(), f"{url} is not published"
    package = json.loads((site_dir / "data" / "datapackage.json").read_text(encoding="utf-8"))
    titles = {r["path"]: r["title"] for r in package["resources"]}
    for dist in graph.subjects(RDF.type, DCAT.Distribution):
        path = str(one(graph, dist, DCAT.downloadURL)).removeprefix(SITE + "data/")
        assert str(one(graph, dist, DCAT.accessURL)) == SITE + "data/" + path
        assert one(graph, dist, DCTERMS.license) == rdflib.URIRef(DONL_CC_BY)
        title, fmt = str(one(graph, dist, DCTERMS.title)), str(one(graph, dist, DCTERMS.format))
        if path.endswith(".csv"):
            assert title == titles[path] + " (CSV)", "the same title as in datapackage.json"
            assert fmt == "http://publications.europa.eu/resource/authority/file-type/CSV"
        else:
            assert fmt == "http://publications.europa.eu/resource/authority/file-type/JSON"
    praktijken = next(d for d in graph.subjects(RDF.type, DCAT.Distribution)
                      if str(one(graph, d, DCAT.downloadURL)).endswith("/praktijken.csv"))
    assert str(one(graph, praktijken, DCTERMS.title)) == "Goede praktijken (CSV)"
    assert str(one(graph, praktijken, DCTERMS.description)).startswith(
        "Tabel 'praktijken' van het open-datapakket als CSV in UTF-8, met de kolommen id, titel, samenvatting,")


# --- the web editor's configuration -----------------------------------------------------------


class EnvDefaultLoader(yaml.SafeLoader):
    """mkdocs.yml's `!ENV [NAME, default]` read as the default."""


EnvDefaultLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def fields_of(config: dict, collection: str) -> dict:
    found = next(c for c in config["collections"] if c["name"] == collection)
    return {f["name"]: f for f in found["fields"]}


def walk(fields):
    for f in fields:
        yield f
        yield from walk(f.get("fields", []))
        if "field" in f:
            yield f["field"]


def test_decap_backend_is_gitlab_with_pkce_from_the_settings(catalog):
    config = decap_config(catalog, {"repo": "ingrado/kennisbank", "app_id": "abc123",
                                    "gitlab_url": "https://gitlab.example.nl/"})
    assert {k: v for k, v in config["backend"].items() if k != "commit_messages"} == {
        "name": "gitlab", "repo": "ingrado/kennisbank", "branch": "main", "auth_type": "pkce", "app_id": "abc123",
        "base_url": "https://gitlab.example.nl", "api_root": "https://gitlab.example.nl/api/v4",
        "auth_endpoint": "oauth/authorize"}
    assert config["backend"]["commit_messages"]["create"] == "Nieuw in {{collection}}: {{slug}} (webeditor)"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] is True
    assert config["locale"] == "nl"
    assert config["media_folder"] == "practices/bijlagen"


def test_decap_github_is_the_documented_alternative(catalog):
    config = decap_config(catalog, {"backend": "github", "repo": "ingrado/kennisbank",
                                    "github_oauth_url": "https://oauth.ingrado.nl/"})
    assert {k: v for k, v in config["backend"].items() if k != "commit_messages"} == {
        "name": "github", "repo": "ingrado/kennisbank", "branch": "main", "base_url": "https://oauth.ingrado.nl"}
    with pytest.raises(ValueError, match=r"extra\.redactie\.backend: 'gitea' is onbekend\. Kies gitlab of github\."):
        decap_config(catalog, {"backend": "gitea"})


def test_decap_collections_are_the_record_folders_one_yaml_file_per_id(catalog):
    config = decap_config(catalog)
    praktijken, sjablonen = config["collections"]
    assert {k: praktijken[k] for k in ("name", "folder", "extension", "format", "slug", "identifier_field", "create",
                                       "delete")} == {
        "name": "praktijken", "folder": "practices/praktijken", "extension": "yaml", "format": "yml",
        "slug": "{{id}}", "identifier_field": "id", "create": True, "delete": False}
    assert (sjablonen["folder"], sjablonen["create"]) == ("practices/sjablonen", False)
    for kind, collection in (("praktijk", praktijken), ("sjabloon", sjablonen)):
        schema = json.loads((ROOT / "practices" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert [f["name"] for f in collection["fields"]] == list(schema["properties"]), "every field, schema order"


def test_decap_fields_take_label_hint_widget_and_rules_from_the_schema(catalog):
    fields = fields_of(decap_config(catalog), "praktijken")
    assert fields["titel"] == {"label": "Titel", "name": "titel", "required": True,
                               "hint": "Korte titel van de praktijk, zonder de tekens < > { } [ ].", "widget": "string",
                               "pattern": [r"^[^<>{}\[\]]+$", "Laat de tekens < > { } [ ] weg, zoals in "
                                           "Doorbraaktafel Walcheren (VO)."]}
    assert fields["id"]["pattern"][1] == "Gebruik kleine letters, cijfers en streepjes, zoals walcheren-vo-2026.", \
        "a pattern error is a Dutch sentence with an example, from the schema's x-melding"
    assert fields["voorbeeld"]["hint"].startswith("Vink dit aan als"), "a hint for the form, not 'true als …'"
    assert (fields["partners"]["label_singular"], fields["swv"]["label_singular"]) == ("Partner", "Samenwerkingsverband")
    assert fields["status"]["widget"] == "select"
    assert fields["status"]["options"] == [{"label": "In voorbereiding", "value": "in-voorbereiding"},
                                           {"label": "Actief", "value": "actief"},
                                           {"label": "In evaluatie", "value": "in-evaluatie"},
                                           {"label": "Beëindigd", "value": "beeindigd"}]
    gemeenten = fields["gemeenten"]
    assert (gemeenten["widget"], gemeenten["multiple"], gemeenten["min"], len(gemeenten["options"])) == ("select", True, 1, 342)
    assert {"label": "Breda (GM0758)", "value": "GM0758"} in gemeenten["options"]
    assert gemeenten["options"][0] == {"label": "Aa en Hunze (GM1680)", "value": "GM1680"}, "sorted by name"
    assert fields["rmc_regio"]["options"][0] == {"label": "Oost-Groningen (MC01)", "value": "MC01"}
    assert fields["voorbeeld"]["widget"] == "boolean"
    afgesproken, in_werking, _ = fields["datums"]["fields"]
    assert afgesproken == {"label": "Afgesproken op", "name": "afgesproken", "required": True,
                           "hint": "Datum waarop de partijen de afspraken vastlegden.", "widget": "datetime",
                           "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    assert in_werking["required"] is False
    partners = fields["partners"]
    assert (partners["widget"], partners["min"], [f["name"] for f in partners["fields"]]) == ("list", 1, ["organisatie", "rol"])
    assert partners["fields"][1]["options"][0] == {"label": "Samenwerkingsverband", "value": "swv"}
    assert fields["lessen"]["field"]["widget"] == "text" and fields["lessen"]["required"] is False
    termijn = {f["name"]: f for f in fields["doorbraakoverleg"]["fields"]}["termijn_besluit_werkdagen"]
    assert {k: termijn[k] for k in ("widget", "value_type", "min", "max")} == {"widget": "number", "value_type": "int",
                                                                                 "min": 1, "max": 120}
    assert fields["contact"]["fields"][1]["pattern"] == [r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                                                         "Schrijf een e-mailadres als naam@organisatie.nl."]
    assert fields["vervangt"]["widget"] == "relation" and fields["vervangt"]["collection"] == "praktijken"
    sjabloon = fields["sjabloon"]
    assert (sjabloon["required"], [f["required"] for f in sjabloon["fields"]]) == (False, [False, False]), \
        "an optional block does not make its fields required in the form"


def test_decap_never_presets_the_review_and_requires_it(catalog):
    config = decap_config(catalog)
    redactie = fields_of(config, "praktijken")["redactie"]
    assert redactie["required"] is True, "required in the schema, so never labelled optional in the form"
    assert [(f["name"], f["required"]) for f in redactie["fields"]] == [
        ("organisatie", True), ("beoordeeld_op", True), ("volgende_beoordeling", True)]
    assert redactie["hint"].startswith("Verplicht. Vul dit in nadat u de praktijk zelf hebt nagekeken")
    for collection in config["collections"]:
        preset = [f["name"] for f in walk(collection["fields"]) if "default" in f]
        assert preset == (["voorbeeld"] if collection["name"] == "praktijken" else []), "only the boolean has a default"


def test_the_built_site_serves_the_editor_from_itself(site_dir, catalog):
    editor = site_dir / "redactie" / "beheer"
    shipped = yaml.safe_load((editor / "config.yml").read_text(encoding="utf-8"))
    settings = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=EnvDefaultLoader)
    assert shipped == decap_config(catalog, settings["extra"]["redactie"])
    assert shipped["backend"]["repo"] == "ingrado/kennisbank-doorbraakaanpak"
    html = (editor / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in html and '<script src="decap-cms.js"></script>' in html
    assert "http://" not in html and "https://" not in html, "nothing is loaded from another host"
    bundle = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
    assert (editor / "decap-cms.js").read_bytes() == bundle.read_bytes()
    chunks = sorted(p.name for p in editor.glob("*.decap-cms.js"))
    assert chunks and chunks == sorted(p.name for p in bundle.parent.glob("*.decap-cms.js") if p.name[0].isdigit())
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/decap-cms"]["version"] == "3.16.3"


# --- the web editor in Chromium, against decap-server on a copy of the project -----------------


def start_decap_server(project: Path, port: int) -> subprocess.Popen:
    server = ROOT / "node_modules" / ".bin" / "decap-server"
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(project)}
    proc = subprocess.Popen([str(server)], cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def answers():
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1", data=b'{"action":"info"}',
                                         headers={"Content-Type": "application/json"})
        return json.load(urllib.request.urlopen(request, timeout=2))
    assert wait_for(answers, "decap-server") == {"repo": "project", "publish_modes": ["simple"], "type": "local_fs"}
    return proc


@pytest.fixture
def editor(tmp_path, site_dir, catalog, browser):
    """The built editor served on localhost, decap-server on a tmp copy of the project, a Chromium page."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "practices", project / "practices")
    port = free_port()
    web = tmp_path / "web"
    shutil.copytree(site_dir / "redactie" / "beheer", web / "redactie" / "beheer")
    config = decap_config(catalog, {"lokale_server": f"http://127.0.0.1:{port}/api/v1"})
    (web / "redactie" / "beheer" / "config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    hidden = free_port()
    server = start_decap_server(project, hidden)
    static = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(web)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = static.stdout.readline()   # "Serving HTTP on 127.0.0.1 port N (http://127.0.0.1:N/) ..."
    base = line.split("(")[1].split(")")[0]
    # the editor talks to decap-server through the guard of `kennisbank beheer`, as on an editor's computer
    guard = GuardServer(port, project, hidden, (base.rstrip("/"),))
    threading.Thread(target=guard.serve_forever, daemon=True).start()
    try:
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        yield page, base, project
        context.close()
    finally:
        guard.shutdown()
        guard.server_close()
        for proc in (server, static):
            proc.terminate()
            proc.wait(timeout=10)


def field(page, name: str, nth: int = 0):
    return page.locator(f'[id^="{name}-field-"]').nth(nth)


def choose(page, name: str, text: str, nth: int = 0) -> None:
    box = field(page, name, nth)
    box.click()
    box.press_sequentially(text)
    page.keyboard.press("Enter")


def publish(page) -> None:
    """On this computer the publish menu only saves into practices/, and says so."""
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.get_by_role("menuitem", name="Nu opslaan").click()


NEW_PRACTICE = """\
id: webeditor-proef-po
titel: Doorbraaktafel uit de webeditor
samenvatting: Een praktijk die in de browser is gemaakt, met de webeditor van de redactie.
status: actief
voorbeeld: false
regio: Proefregio
swv:
  - PO 30-03
gemeenten:
  - GM0758
  - GM0879
rmc_regio: MC34
onderwijssoort:
  - po
themas:
  - doorbraakoverleg
partners:
  - organisatie: Samenwerkingsverband Proef PO 30-01
    rol: swv
datums:
  afgesproken: 2025-03-01
volwassenheid: op-weg
geoorloofd_verzuim:
  dekking: ja
  mazl: deels
ongeoorloofd_verzuim:
  dekking: ja
doorbraakoverleg:
  aanwezig: ja
financiering:
  vooraf_afgesproken: ja
  model: verdeelsleutel
leerplicht:
  preventief: ja
  adviserend: ja
gegevensdeling:
  avg_grondslag:
    - c
  convenant: ja
  privacyprotocol: nee
jeugdhulp:
  betrokken: ja
onderbouwing:
  niveau: beschreven
contact:
  organisatie: Samenwerkingsverband Proef PO 30-01
  email: info@swv-proef.nl
licentie: CC-BY-4.0
"""


def fill_new_practice(page) -> None:
    field(page, "id").fill("webeditor-proef-po")
    field(page, "titel").fill("Doorbraaktafel uit de webeditor")
    field(page, "samenvatting").fill("Een praktijk die in de browser is gemaakt, met de webeditor van de redactie.")
    choose(page, "status", "Actief")
    field(page, "regio").fill("Proefregio")
    page.get_by_role("button", name="Voeg samenwerkingsverband toe").click()
    field(page, "waarde").fill("PO 30-03")
    choose(page, "gemeenten", "Breda")
    choose(page, "gemeenten", "Zundert")
    choose(page, "rmc_regio", "MC34")
    choose(page, "onderwijssoort", "Primair")
    choose(page, "themas", "Doorbraakoverleg")
    page.get_by_role("button", name="Voeg partner toe").click()
    field(page, "organisatie", 0).fill("Samenwerkingsverband Proef PO 30-01")
    choose(page, "rol", "Samenwerkingsverband")
    field(page, "afgesproken").fill("2025-03-01")
    choose(page, "volwassenheid", "Op weg")
    for name, text, nth in (("dekking", "Ja", 0), ("mazl", "Deels", 0), ("dekking", "Ja", 1), ("aanwezig", "Ja", 0),
                            ("vooraf_afgesproken", "Ja", 0), ("model", "Verdeelsleutel", 0), ("preventief", "Ja", 0),
                            ("adviserend", "Ja", 0), ("avg_grondslag", "Wettelijke verplichting (c)", 0), ("convenant", "Ja", 0),
                            ("privacyprotocol", "Nee", 0), ("betrokken", "Ja", 0), ("niveau", "Beschreven", 0),
                            ("licentie", "CC BY 4.0", 0)):
        choose(page, name, text, nth)
    field(page, "organisatie", 1).fill("Samenwerkingsverband Proef PO 30-01")
    field(page, "email").fill("info@swv-proef.nl")


def refill(box, text: str) -> None:
    """A filled Decap text field takes a new value only after it is emptied (fill() alone appends)."""
    box.fill("")
    box.fill(text)


def review(page, today: date) -> None:
    field(page, "organisatie", 2).fill("Ingrado")
    field(page, "beoordeeld_op").fill(today.isoformat())
    field(page, "volgende_beoordeling").fill((today + timedelta(days=365)).isoformat())


def reviewed(today: date) -> str:
    return NEW_PRACTICE + (f"redactie:\n  organisatie: Ingrado\n  beoordeeld_op: {today}\n"
                           f"  volgende_beoordeling: {today + timedelta(days=365)}\n")


ENGLISH = ("Loading configuration", "Set afgesproken to now", "to now", "Expand", "Collapse",
           "To pick up a draggable item", "1 partners", "\uff0b", "true als", "Gepubliceerd", "Bekijk Live",
           "OPTIONEEL", "optioneel", "komt niet overeen met het patroon", "Oeps")


def visible_english(page) -> list[str]:
    """What the page shows or tells a screen reader (text, aria-label, title) that is on the issue's list."""
    text = page.evaluate("""() => document.body.innerText + '\\n' + [...document.querySelectorAll('[aria-label],[title]')]
        .map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || '')).join('\\n')
        + [...document.querySelectorAll('[id^=DndDescribedBy], [id^=DndLiveRegion]')].map(e => e.textContent).join(' ')""")
    return [word for word in ENGLISH if word in text]


def test_an_editor_cannot_save_what_validate_refuses_and_sees_each_problem_by_its_label(editor, capsys):
    page, base, project = editor
    written = project / "practices" / "praktijken" / "webeditor-proef-po.yaml"
    page.goto(base + "redactie/beheer/")
    page.get_by_role("button", name="Inloggen").click()
    page.goto(base + "redactie/beheer/#/collections/praktijken/new")
    fill_new_practice(page)
    review(page, date.today())
    refill(field(page, "email"), "leerplicht.proef@gmail.com")
    field(page, "toelichting", 3).fill("-5 procent van de kosten")
    publish(page)
    panel = page.locator("#kb-controle")
    panel.wait_for()
    assert panel.locator("h2").inner_text() == "Nog niet klaar: 2 problemen"
    items = panel.locator("li strong").all_inner_texts()
    assert items == ["Financiering passende plek › Toelichting: ", "Contact › E-mailadres: "]
    assert "Min 5 procent" in panel.inner_text() and "gratis maildienst" in panel.inner_text()
    marks = page.locator(".kb-controle-fout")
    assert marks.count() == 2
    assert field(page, "email").get_attribute("aria-invalid") == "true"
    described = field(page, "email").get_attribute("aria-describedby")
    assert page.locator(f"#{described}").inner_text().startswith("Contact › E-mailadres: 'leerplicht.proef@gmail.com'")
    page.get_by_text("Niet opgeslagen. Nog niet klaar: 2 problemen.").wait_for()
    time.sleep(1)
    assert not written.exists(), "nothing is saved while the checks find problems"
    assert page.get_by_text("Opgeslagen op deze computer").count() == 0
    assert visible_english(page) == []

    refill(field(page, "email"), "info@swv-proef.nl")
    refill(field(page, "toelichting", 3), "Min 5 procent van de kosten")
    publish(page)
    wait_for(lambda: written.exists(), "het opgeslagen bestand")
    assert written_text(written) == reviewed(date.today()).replace(
        "  model: verdeelsleutel\n", "  model: verdeelsleutel\n  toelichting: Min 5 procent van de kosten\n")
    assert page.locator("#kb-controle").count() == 0
    page.get_by_text("Opgeslagen op deze computer").wait_for()
    page.goto(base + "redactie/beheer/#/collections/praktijken/entries/webeditor-proef-po")
    page.reload()
    live = page.get_by_role("link", name="Bekijk in de voorbeeldweergave")
    assert live.get_attribute("href") == "/praktijken/webeditor-proef-po/", "the preview of this computer, not the site"
    assert visible_english(page) == []
    assert main(["validate", str(project / "practices")]) == 0
    assert capsys.readouterr().out == "Alles in orde: 14 praktijken en 5 sjablonen gecontroleerd.\n"
    assert not (ROOT / "practices" / "praktijken" / "webeditor-proef-po.yaml").exists(), "the real folder is untouched"
    assert {url.split("/")[2].split(":")[0] for url in page.requests} == {"127.0.0.1"}, "no request leaves this machine"


def test_a_missing_field_is_named_and_scrolled_to_and_the_form_is_dutch(editor):
    page, base, project = editor
    page.goto(base + "redactie/beheer/")
    page.get_by_text("Instellingen laden").or_(page.get_by_role("button", name="Inloggen")).first.wait_for()
    page.get_by_role("button", name="Inloggen").click()
    page.goto(base + "redactie/beheer/#/collections/praktijken/new")
    fill_new_practice(page)
    review(page, date.today())
    refill(field(page, "afgesproken"), "")
    publish(page)
    error = page.get_by_text("Afgesproken op ontbreekt. Vul het in.")
    error.wait_for()
    page.get_by_text("Nog niet klaar: er ontbreken verplichte velden.").wait_for()
    page.wait_for_timeout(500)
    box, height = error.bounding_box(), page.viewport_size["height"]
    assert box and 0 <= box["y"] <= height, "the first missing field is scrolled into view"
    assert not (project / "practices" / "praktijken" / "webeditor-proef-po.yaml").exists()
    labels = page.locator("label").evaluate_all("all => all.map(l => l.textContent.trim())")
    for name in ("Redactie", "Redactie door", "Laatst beoordeeld", "Volgende beoordeling"):
        assert name in labels, f"{name} is required and labelled so, never '(niet verplicht)'"
    assert "Aanleiding (niet verplicht)" in labels, "what is optional says so, in Dutch"
    assert page.get_by_text("1 partner", exact=True).count() == 1
    hint = page.get_by_text("Vink dit aan als het record een verzonnen voorbeeld is", exact=False)
    assert hint.count() == 1
    assert field(page, "afgesproken").get_attribute("type") == "date", "the browser shows the date as dd-mm-jjjj"
    assert visible_english(page) == []


def test_the_media_library_offers_only_the_allowed_attachment_types(editor):
    page, base, _ = editor
    page.goto(base + "redactie/beheer/")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("button", name="Media").first.click()
    picker = page.locator("input[type=file]").first
    picker.wait_for(state="attached")
    page.wait_for_function("() => [...document.querySelectorAll('input[type=file]')].every(i => i.accept)")
    assert picker.get_attribute("accept") == ".csv,.docx,.jpeg,.jpg,.md,.ods,.odt,.pdf,.png,.txt,.xlsx"


# --- kennisbank beheer --------------------------------------------------------------------------


def test_kennisbank_beheer_starts_the_local_editor_and_the_preview_and_stops_both(tmp_path):
    project = project_copy(tmp_path)
    preview, local = free_port(), free_port()
    proc = subprocess.Popen([sys.executable, "-m", "macros.cli", "beheer", "--adres", f"127.0.0.1:{preview}",
                             "--poort", str(local)], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        def config_served():
            return urllib.request.urlopen(f"http://127.0.0.1:{preview}/redactie/beheer/config.yml", timeout=2).read()
        config = yaml.safe_load(wait_for(config_served, "de voorbeeldweergave met de webeditor", attempts=480))
        assert config["local_backend"] == {"url": f"http://127.0.0.1:{local}/api/v1"}
        request = urllib.request.Request(f"http://127.0.0.1:{local}/api/v1", data=b'{"action":"info"}',
                                         headers={"Content-Type": "application/json"})
        assert json.load(urllib.request.urlopen(request, timeout=2))["type"] == "local_fs"
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "De webeditor staat klaar op http://127.0.0.1:" in err and "Stoppen met Ctrl+C." in err
    for port in (preview, local):
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still open after Ctrl+C"


def test_kennisbank_beheer_help_is_dutch_with_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["beheer", "--help"])
    out = capsys.readouterr().out
    assert "Start de webeditor van de redactie op uw eigen computer" in out
    assert "  kennisbank beheer\n      open daarna http://127.0.0.1:8000/redactie/beheer/ en klik op Inloggen" in out


# --- pipelines ----------------------------------------------------------------------------------


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    tool = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(tool), "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True)


def test_gitlab_pipeline_checks_merge_requests_publishes_pages_and_rebuilds_nightly():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ci["stages"] == ["controle", "publiceren"]
    assert ci["default"]["image"] == "python:3.11-bookworm"
    assert ci["cache"] == {"key": {"files": ["requirements.lock", "package-lock.json"]}, "paths": [".cache/pip", ".cache/npm"]}
    assert ci["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"
    assert ci["variables"]["npm_config_cache"] == "$CI_PROJECT_DIR/.cache/npm"
    pages = ci["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["script"] == ["make build", "rm -rf public && mv site public"]
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in pages["rules"]
    assert {"if": '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE == "push"'} in pages["rules"]
    controle = ci["controle"]
    assert controle["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert any("kennisbank validate" in line and "cat controle.txt" in line for line in controle["script"])
    assert controle["artifacts"]["paths"] == ["controle.txt"] and controle["artifacts"]["when"] == "always"
    assert ci["beoordelingen"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    result = check_jsonschema("vendor.gitlab-ci", ROOT / ".gitlab-ci.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_github_workflows_deploy_pages_check_pull_requests_and_run_nightly(tmp_path):
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = pages[True]   # YAML 1.1 reads the key `on` as true
    assert triggers["push"] == {"branches": ["main"]} and triggers["schedule"] == [{"cron": "0 3 * * *"}]
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    steps = pages["jobs"]["bouwen"]["steps"]
    assert [s.get("uses") or s.get("run") for s in steps] == [
        "actions/checkout@v4", "actions/setup-python@v5", "actions/setup-node@v4", "make build",
        "actions/configure-pages@v5", "actions/upload-pages-artifact@v3"]
    assert (steps[1]["with"]["cache"], steps[1]["with"]["cache-dependency-path"]) == ("pip", "requirements.lock")
    assert (steps[2]["with"]["cache"], steps[2]["with"]["cache-dependency-path"]) == ("npm", "package-lock.json")
    assert steps[5]["with"] == {"path": "site"}
    assert pages["jobs"]["publiceren"]["steps"] == [{"id": "deployment", "uses": "actions/deploy-pages@v4"}]
    controle = yaml.safe_load((ROOT / ".github" / "workflows" / "controle.yml").read_text(encoding="utf-8"))
    assert controle[True] == {"pull_request": None}
    script = next(s["run"] for s in controle["jobs"]["controle"]["steps"] if s.get("name") == "Gegevens controleren")
    assert ".venv/bin/kennisbank validate > controle.txt" in script and '>> "$GITHUB_STEP_SUMMARY"' in script
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["controle.yml", "pages.yml"]
    result = check_jsonschema("vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "kapot.yml"
    broken.write_text((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
                      .replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest"), encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", broken).returncode == 1, "the checker does reject mistakes"
