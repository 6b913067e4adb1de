"""The editors' commands: new, stale, build (atomic), sjabloon vastleggen/invullen, and template rules."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.cli.main import main
from conftest import project_copy

ROOT = Path(__file__).resolve().parent.parent
NEW_FLAGS = ["--id", "breda-test-po", "--titel", "Doorbraaktafel Breda", "--samenvatting",
             "Een tafel die elke vastgelopen situatie binnen tien werkdagen bespreekt.", "--regio", "Breda",
             "--gemeenten", "Breda", "Den Haag", "--swv", "po3003", "--rmc", "mc34", "--onderwijssoort", "po",
             "--themas", "doorbraakoverleg", "--afgesproken", "2025-03-01", "--organisatie", "SWV Breda",
             "--email", "info@swv-breda.nl"]


@pytest.fixture
def practices(tmp_path) -> Path:
    target = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", target)
    return target


def run(*args, stdin: str | None = None, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


# --- new ---------------------------------------------------------------------------------------

def test_new_praktijk_from_flags_writes_a_valid_commented_file(practices, capsys):
    assert main(["new", "praktijk", "--pad", str(practices), "--niet-interactief", *NEW_FLAGS]) == 0
    path = practices / "praktijken" / "breda-test-po.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/praktijk.schema.json")
    assert "# Gemeenten: Gemeenten die meedoen" in text, "comments come from the schema"
    assert "GM0758" in text and "GM0518" in text and "PO 30-03" in text and "MC34" in text
    assert main(["validate", str(practices)]) == 0


def test_new_praktijk_asks_on_standard_input_and_suggests_gemeenten(practices):
    answers = "\n".join([
        "Doorbraaktafel in de Baronie",                  # titel
        "",                                               # kenmerk: Enter takes the suggestion
        "Een tafel die elke vastgelopen situatie binnen tien werkdagen bespreekt.",
        "Baronie",                                        # regio
        "PO 30-13",                                       # kies uw samenwerkingsverband: no such code
        "PO 30-03",
        "Bredaa, Zundert",                                # a typo first
        "Breda, Zundert",
        "MC34", "", "doorbraakoverleg", "2025-03-01", "SWV Baronie",   # onderwijssoort: Enter takes po
        "jan@gmail.com",                                  # refused: not a role mailbox
        "info@swv-baronie.nl",
    ]) + "\n"
    result = run("new", "praktijk", "--pad", str(practices), stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PO 30-13 staat niet in de regio-indeling (bedoelde u PO 30-10 of PO 30-09 of PO 30-08?)" in result.stdout
    assert "Enter voor de gemeenten van PO 30-03: Alphen-Chaam, Baarle-Nassau, Breda, Dongen" in result.stdout
    assert "'Bredaa' is onbekend (bedoelde u Breda (GM0758)" in result.stdout
    assert "gratis maildienst" in result.stdout
    path = practices / "praktijken" / "doorbraaktafel-in-de-baronie.yaml"
    written = path.read_text(encoding="utf-8")
    assert "GM0879" in written and "swv:\n  - PO 30-03\n" in written and "onderwijssoort:\n  - po\n" in written
    assert run("validate", str(practices)).returncode == 0


def test_new_praktijk_fills_in_the_gemeenten_of_the_chosen_swv(practices):
    flags = [f for f in NEW_FLAGS]
    at = flags.index("--gemeenten")
    del flags[at:at + 3]                      # no --gemeenten: the SWV gives them
    at = flags.index("--onderwijssoort")
    del flags[at:at + 2]
    assert main(["new", "praktijk", "--pad", str(practices), "--niet-interactief", *flags]) == 0
    data = yaml.safe_load((practices / "praktijken" / "breda-test-po.yaml").read_text(encoding="utf-8"))
    assert data["swv"] == ["PO 30-03"] and data["onderwijssoort"] == ["po"]
    assert data["gemeenten"] == ["GM1723", "GM0744", "GM0758", "GM0766", "GM1719", "GM0777", "GM0779", "GM0784",
                                 "GM0826", "GM0879"]   # the ten gemeenten of PO 30-03, by name
    assert main(["validate", str(practices)]) == 0


def test_new_praktijk_refuses_a_reserved_or_unknown_swv_code(practices, capsys):
    for code, said in (("PO 99-01", "PO 99-01 is een code voor fictieve voorbeelden"),
                       ("PO3013", "PO 30-13 staat niet in de regio-indeling")):
        flags = [f if f != "po3003" else code for f in NEW_FLAGS]
        assert main(["new", "praktijk", "--pad", str(practices), "--niet-interactief", *flags]) == 1
        assert said in capsys.readouterr().err
    assert not (practices / "praktijken" / "breda-test-po.yaml").exists()


def test_new_never_overwrites(practices):
    target = practices / "praktijken" / "voorbeeld-twente-vo.yaml"
    before = target.read_bytes()
    flags = [f if f != "breda-test-po" else "voorbeeld-twente-vo" for f in NEW_FLAGS]
    result = run("new", "praktijk", "--pad", str(practices), "--niet-interactief", *flags)
    assert result.returncode == 1 and "bestaat al" in result.stderr
    assert target.read_bytes() == before


def test_new_non_interactive_names_what_is_missing(practices):
    result = run("new", "praktijk", "--pad", str(practices), "--niet-interactief", "--titel", "Alleen een titel")
    assert result.returncode == 1
    assert "Gemeenten" in result.stderr and "Niet geschreven" in result.stderr
    assert not list((practices / "praktijken").glob("alleen*"))


def test_new_sjabloon_is_a_draft_that_validates(practices):
    result = run("new", "sjabloon", "--pad", str(practices), "--niet-interactief", "--titel", "Model voor een test",
                 "--samenvatting", "Een sjabloon om de opdracht te testen.", "--themas", "doorbraakoverleg")
    assert result.returncode == 0, result.stderr
    assert (practices / "sjablonen" / "model-voor-een-test.md").is_file()
    assert run("validate", str(practices)).returncode == 0


# --- stale -------------------------------------------------------------------------------------

def set_review(practices: Path, record: str, due: str) -> None:
    path = practices / "praktijken" / f"{record}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"  volgende_beoordeling: {due}" if l.startswith("  volgende_beoordeling:") else l for l in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("due, within, listed", [
    ("2027-06-09", 0, True),    # a day overdue
    ("2027-06-10", 0, True),    # due today
    ("2027-06-11", 0, False),   # due tomorrow
    ("2027-07-10", 30, True),   # exactly 30 days ahead
    ("2027-07-11", 30, False),  # 31 days ahead
])
def test_stale_around_its_boundaries(practices, due, within, listed):
    import json
    for path in (practices / "praktijken").glob("*.yaml"):
        set_review(practices, path.stem, "2028-12-31")
    set_review(practices, "voorbeeld-west-brabant-po", due)
    result = run("stale", str(practices), "--binnen", str(within), "--format", "json", "--vandaag", "2027-06-10")
    assert result.returncode == 0, result.stderr
    ids = [r["id"] for r in json.loads(result.stdout)]
    assert (ids == ["voorbeeld-west-brabant-po"]) == listed, ids
    text = run("stale", str(practices), "--binnen", str(within), "--vandaag", "2027-06-10").stdout
    assert ("voorbeeld-west-brabant-po.yaml" in text) == listed


# --- build -------------------------------------------------------------------------------------

def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_failed_build_leaves_the_previous_site_byte_identical(tmp_path):
    project = project_copy(tmp_path)
    first = run("build", "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"), cwd=project)
    assert first.returncode == 0, first.stderr
    assert "[1/3]" in first.stderr and "[3/3]" in first.stderr, "progress on the steps"
    before = tree_digest(project / "site")
    record = project / "practices" / "praktijken" / "voorbeeld-twente-vo.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("status: actief", "status: lopend"), encoding="utf-8")
    broken = run("build", "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"), cwd=project)
    assert broken.returncode == 1
    assert "'lopend' is geen code uit de lijst status" in broken.stderr and "Traceback" not in broken.stderr
    assert tree_digest(project / "site") == before
    record.write_text(record.read_text(encoding="utf-8").replace("status: lopend", "status: actief"), encoding="utf-8")
    (project / "docs" / "kapot.md").write_text("[link](bestaat-niet.md)\n", encoding="utf-8")
    failing_docs = run("build", "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"), cwd=project)
    assert failing_docs.returncode == 1, "a strict MkDocs warning fails the build too"
    assert tree_digest(project / "site") == before
    current = os.readlink(project / "site").rsplit("/", 1)[-1]
    assert sorted(p.name for p in (project / ".site.builds").iterdir()) == sorted([current, "bouw.lock"]), \
        "no half-built folders left behind"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == [".site.builds"]


# --- templates ---------------------------------------------------------------------------------

TEMPLATE = "convenant-gegevensdeling"


def template_files(practices: Path) -> tuple[Path, Path]:
    return practices / "sjablonen" / f"{TEMPLATE}.yaml", practices / "sjablonen" / f"{TEMPLATE}.md"


def test_undeclared_placeholder_names_file_line_and_name(practices, capsys):
    _, body = template_files(practices)
    text = body.read_text(encoding="utf-8") + "\nExtra: [[niet_gedeclareerd]]\n"
    body.write_text(text, encoding="utf-8")
    assert main(["validate", str(practices)]) == 1
    out = capsys.readouterr().out
    line = text.count("\n")
    assert f"sjablonen/{TEMPLATE}.md:{line}: [[niet_gedeclareerd]]: invulveld 'niet_gedeclareerd' is niet gedeclareerd" in out


def test_unused_placeholder_is_reported_at_its_declaration(practices, capsys):
    meta, _ = template_files(practices)
    text = meta.read_text(encoding="utf-8") + ("  - naam: ongebruikt\n    label: Ongebruikt veld\n"
                                               "    uitleg: Staat nergens in de tekst.\n    voorbeeld: x\n")
    meta.write_text(text, encoding="utf-8")
    assert main(["validate", str(practices)]) == 1
    out = capsys.readouterr().out
    assert f"sjablonen/{TEMPLATE}.yaml:{text.count(chr(10)) - 3}: invulvelden[" in out and "wordt niet gebruikt" in out


def test_jinja_braces_in_a_body_are_refused(practices, capsys):
    _, body = template_files(practices)
    body.write_text(body.read_text(encoding="utf-8") + "\nNaam: {{ swv_naam }}\n", encoding="utf-8")
    assert main(["validate", str(practices)]) == 1
    assert "'{{', '}}' of '{%' is niet toegestaan" in capsys.readouterr().out


def test_changed_body_without_version_bump(practices, capsys):
    _, body = template_files(practices)
    body.write_text(body.read_text(encoding="utf-8").replace("Artikel 1", "Artikel 1 (gewijzigd)", 1), encoding="utf-8")
    assert main(["validate", str(practices)]) == 1
    out = capsys.readouterr().out
    assert "de tekst is gewijzigd, maar versie 3.0.0 is al vastgelegd" in out and "3.1.0" in out


def test_version_bump_then_lock_makes_it_valid(practices, capsys):
    meta, body = template_files(practices)
    body.write_text(body.read_text(encoding="utf-8").replace("Artikel 1", "Artikel 1 (gewijzigd)", 1), encoding="utf-8")
    text = meta.read_text(encoding="utf-8").replace("versie: 3.0.0\n", "versie: 3.1.0\n", 1)
    text = text.replace("wijzigingen:\n", "wijzigingen:\n  - versie: 3.1.0\n    datum: 2026-12-07\n"
                        "    omschrijving: Kop van artikel 1 verduidelijkt.\n", 1)
    meta.write_text(text, encoding="utf-8")
    assert main(["validate", str(practices)]) == 1
    assert "versie 3.1.0 is nog niet vastgelegd" in capsys.readouterr().out
    assert main(["sjabloon", "vastleggen", "--pad", str(practices)]) == 0
    assert main(["validate", str(practices)]) == 0


def test_fill_in_command_writes_a_document_and_keeps_empty_fields_visible(practices, tmp_path):
    import yaml
    from docx import Document
    meta = yaml.safe_load(template_files(practices)[0].read_text(encoding="utf-8"))
    fields = [f for f in meta["invulvelden"] if "herhaling" not in f]
    values = {f["naam"]: f["voorbeeld"] for f in fields}
    values["gemeenten"] = [{"gemeente_naam": "Heiderijk"}, {"gemeente_naam": "Dorpsveen"}]
    good = tmp_path / "waarden.yaml"
    good.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "ingevuld.docx"
    result = run("sjabloon", "invullen", TEMPLATE, "--waarden", str(good), "--formaat", "docx", "--uit", str(out),
                 "--pad", str(practices))
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert fields[0]["voorbeeld"] in text and "[[" not in text
    assert ("de gemeente Heiderijk, ingeschreven in het handelsregister onder nummer [KvK-nummer gemeente], te dezen "
            "vertegenwoordigd door [Functie ondertekenaar gemeente]") in text, "a suggestion is never filled in"
    assert "[Naam schoolbestuur]" in text, "a repeat without items keeps one block with its placeholders"
    assert result.stderr.startswith("Nog niet ingevuld (in het document staat het gele invulveld): gemeente_kvk")
    assert "schoolbestuur_naam (Naam schoolbestuur)" in result.stderr
    bad = tmp_path / "fout.yaml"
    del values[fields[0]["naam"]]
    values["bestaat_niet"] = "x"
    bad.write_text(yaml.safe_dump(values), encoding="utf-8")
    result = run("sjabloon", "invullen", TEMPLATE, "--waarden", str(bad), "--pad", str(practices))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{bad}:1: bestaat_niet: 'bestaat_niet' is geen invulveld, keuze of herhaling "
                                    "van dit sjabloon.")


# --- serve -------------------------------------------------------------------------------------

def test_serve_shows_data_errors_in_the_browser_instead_of_stopping(tmp_path):
    import socket
    import time
    import urllib.request
    project = project_copy(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "macros.cli", "serve", "--adres", f"127.0.0.1:{port}"], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def fetch_until(check, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                html = urllib.request.urlopen(f"http://127.0.0.1:{port}/praktijken/", timeout=5).read().decode()
                if check(html):
                    return html
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError("the preview did not show the expected page in time")

    try:
        fetch_until(lambda html: "kb-item" in html and "kb-bouwfout" not in html)
        record = project / "practices" / "praktijken" / "voorbeeld-twente-vo.yaml"
        record.write_text(record.read_text(encoding="utf-8").replace("status: actief", "status: lopend"), encoding="utf-8")
        html = fetch_until(lambda html: "kb-bouwfout" in html)
        assert "voorbeeld-twente-vo.yaml:" in html and "is geen code uit de lijst status" in html
        assert "<li><strong>Status</strong> (in de webeditor): <code>" in html, "the field as the form labels it"
        assert "kb-item" in html, "the last good data stays visible"
        record.write_text(record.read_text(encoding="utf-8").replace("status: lopend", "status: actief"), encoding="utf-8")
        fetch_until(lambda html: "kb-bouwfout" not in html)
        assert server.poll() is None, "the server kept running"
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "Traceback" not in output


def test_generated_pages_can_be_written_as_a_pre_build_step(tmp_path, site_dir):
    """The same pure function the hook uses, written to a folder (for a generator without hooks)."""
    result = run("paginas", "--uit", str(tmp_path / "paginas"))
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(tmp_path / "paginas").as_posix() for p in (tmp_path / "paginas").rglob("*.md")}
    built = {p.relative_to(site_dir).parent.as_posix() for p in site_dir.rglob("index.html")}
    assert "praktijken/voorbeeld-twente-vo.md" in written
    assert {w.removesuffix(".md").removesuffix("/index") for w in written} <= built
    text = (tmp_path / "paginas" / "praktijken" / "voorbeeld-twente-vo.md").read_text(encoding="utf-8")
    assert "render_macros: false" in text
