"""Hardening, data side (issue 10): each attack is refused with a Dutch message at file:line and
field, or arrives inert. Every test copies practices/ to a temporary folder and plants the attack."""

from __future__ import annotations

import csv
import errno
import json
import multiprocessing
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import frictionless.errors
import pytest
from odf.namespaces import TABLENS
from odf.opendocument import load as load_ods
from odf.table import TableCell

from macros.checks.frictionless_messages import _TABLE, dutch
from macros.checks.personal_data import bsn_like, personal_data_problems
from macros.model.problems import InvalidData, os_error_message
from macros.cli.main import main
from macros.load import parallel
from macros.load.catalog import load_catalog
from macros.load.files import copy_attachments, referenced_attachments
from macros.publish.opendata import export_package
from conftest import project_copy

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BASE = "voorbeeld-west-brabant-po"
F = f"praktijken/{BASE}.yaml"
LINK = "dit is een symbolische koppeling (symlink). De kennisbank volgt geen koppelingen"


@pytest.fixture
def practices(tmp_path) -> Path:
    """A private copy of the bundled package to break."""
    target = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", target)
    return target


def base_text() -> str:
    return (ROOT / "practices" / "praktijken" / f"{BASE}.yaml").read_text(encoding="utf-8")


def write(practices: Path, text: str | bytes, name: str = BASE, suffix: str = ".yaml") -> Path:
    path = practices / "praktijken" / f"{name}{suffix}"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def replace(old: str, new: str, text: str | None = None) -> str:
    text = base_text() if text is None else text
    assert old in text, f"fixture text not found: {old!r}"
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def validate(practices: Path, capsys) -> tuple[int, str]:
    code = main(["validate", str(practices)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


def assert_problem(output: str, file: str, line: int, field: str, *words: str) -> None:
    """One line of the report names the file, the line and the field, and says `words`."""
    pattern = re.compile(rf"^\S*{re.escape(file)}:{line}: {re.escape(field)}: (.*)$", re.M)
    found = pattern.findall(output)
    assert found, f"no problem for {file}:{line}: {field} in:\n{output}"
    assert any(all(w in f for w in words) for f in found), f"{words} not in {found}"


def assert_file_message(output: str, file: str, *words: str) -> None:
    """A line about a whole file (no line number): `file: message`."""
    found = re.findall(rf"^\S*{re.escape(file)}: (.*)$", output, re.M)
    assert any(all(w in f for w in words) for f in found), f"{file}: {words} not in:\n{output}"


def run_cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_bundled_package_trips_no_new_check_and_has_no_warnings(capsys):
    code, out = validate(ROOT / "practices", capsys)
    assert code == 0, out
    assert re.fullmatch(r"Alles in orde: \d+ praktijken en \d+ sjablonen gecontroleerd\.\n", out), out


# --- 1. sealed file access ---------------------------------------------------------------------

def test_symlinked_attachment_file_and_folder_are_refused_by_name(practices, capsys):
    (practices / "bijlagen" / "wachtwoorden.txt").symlink_to("/etc/passwd")
    (practices / "bijlagen" / "systeem").symlink_to("/etc", target_is_directory=True)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_file_message(out, "practices/bijlagen/wachtwoorden.txt", LINK)
    assert_file_message(out, "practices/bijlagen/systeem", LINK, "Zet het bestand of de map zelf hier neer")
    assert "passwd" not in out and "/etc" not in out.replace(str(practices), "")


def test_symlinked_record_and_folder_of_records_are_not_read(practices, tmp_path, capsys):
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "andere.yaml").write_text(replace("id: voorbeeld-west-brabant-po", "id: andere"), encoding="utf-8")
    (practices / "praktijken" / "andere.yaml").symlink_to(outside / "andere.yaml")
    (practices / "praktijken" / "meer").symlink_to(outside, target_is_directory=True)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_file_message(out, "practices/praktijken/andere.yaml", LINK)
    assert_file_message(out, "practices/praktijken/meer", LINK)
    assert "komt twee keer voor" not in out, "the linked copies were read as records"
    assert re.search(r"^2 problemen in 2 bestanden\.$", out, re.M), out


def test_symlinked_codelist_schema_or_template_body_is_refused(practices, tmp_path, capsys):
    for rel in ("codelijsten/status.csv", "schema/praktijk.schema.json", "sjablonen/convenant-gegevensdeling.md"):
        copy = tmp_path / Path(rel).name
        shutil.move(practices / rel, copy)
        (practices / rel).symlink_to(copy)
    code, out = validate(practices, capsys)
    assert code == 1
    for rel in ("codelijsten/status.csv", "schema/praktijk.schema.json", "sjablonen/convenant-gegevensdeling.md"):
        assert_file_message(out, f"practices/{rel}", LINK)


def test_unreferenced_attachment_and_hidden_files_are_warnings_not_errors(practices, capsys):
    (practices / "bijlagen" / "los-concept.pdf").write_bytes(b"%PDF-1.4 concept")
    (practices / "bijlagen" / ".DS_Store").write_bytes(b"\0\0")
    (practices / "praktijken" / f".{BASE}.yaml.swp").write_text("x", encoding="utf-8")
    code, out = validate(practices, capsys)
    assert code == 0, out
    assert_file_message(out, "practices/bijlagen/los-concept.pdf", "waarschuwing: geen enkele praktijk verwijst naar "
                        "dit bestand, dus het wordt niet gepubliceerd. Noem het onder documenten (bestand: los-concept.pdf)")
    assert_file_message(out, "practices/bijlagen/.DS_Store", "waarschuwing: verborgen bestand: wordt niet gelezen en "
                        "niet gepubliceerd")
    assert_file_message(out, f"practices/praktijken/.{BASE}.yaml.swp", "waarschuwing: verborgen bestand")
    assert re.search(r"^Alles in orde: .* 3 waarschuwingen \(zie boven; die houden de bouw niet tegen\)\.$", out, re.M)
    main(["validate", str(practices), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["geldig"] is True and len(data["waarschuwingen"]) == 3


def test_only_referenced_attachments_are_copied(practices, tmp_path):
    (practices / "bijlagen" / "los-concept.pdf").write_bytes(b"%PDF-1.4 concept")
    (practices / "bijlagen" / "convenant.pdf").write_bytes(b"%PDF-1.4 getekend")
    write(practices, replace("bestand: voorbeeld-convenant-doorbraakaanpak.md", "bestand: convenant.pdf"))
    (practices / "bijlagen" / "voorbeeld-convenant-doorbraakaanpak.md").unlink()
    (practices / "bijlagen" / ".verborgen.md").write_text("geheim", encoding="utf-8")
    (practices / "bijlagen" / "sub").mkdir()
    (practices / "bijlagen" / "sub" / "ook.md").write_text("x", encoding="utf-8")
    catalog = load_catalog(practices)
    named = {d["bestand"] for p in catalog.practices for d in p.get("documenten", default=()) if "bestand" in d}
    assert {p.name for p in referenced_attachments(catalog)} == named
    copied = copy_attachments(catalog, tmp_path / "site" / "bijlagen")
    # Only referenced files are published, and a Markdown one only as a page (issue 23).
    assert sorted(p.name for p in (tmp_path / "site" / "bijlagen").iterdir()) == ["convenant.pdf"] == \
        sorted(p.name for p in copied) == sorted(n for n in named if not n.endswith(".md"))
    assert len(catalog.warnings) == 3


def test_a_link_made_after_loading_is_not_followed_when_copying(practices, tmp_path):
    (practices / "bijlagen" / "convenant.pdf").write_bytes(b"%PDF-1.4 getekend")
    write(practices, replace("bestand: voorbeeld-convenant-doorbraakaanpak.md", "bestand: convenant.pdf"))
    catalog = load_catalog(practices)
    victim = practices / "bijlagen" / "convenant.pdf"  # a type that is copied (a Markdown one is a page only)
    victim.unlink()
    victim.symlink_to("/etc/passwd")
    with pytest.raises(OSError) as caught:
        copy_attachments(catalog, tmp_path / "bijlagen")
    assert caught.value.errno == errno.ELOOP
    assert not any("root:" in p.read_text(errors="replace") for p in (tmp_path / "bijlagen").glob("*"))


def test_resource_path_outside_the_package_is_refused(practices, capsys):
    descriptor = practices / "datapackage.yaml"
    text = descriptor.read_text(encoding="utf-8")
    text = replace("path: codelijsten/themas.csv", "path: ../../../../etc/passwd", text)
    descriptor.write_text(text, encoding="utf-8")
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, "practices/datapackage.yaml", line_of(text, "../../../../etc/passwd"), "resources[2].path",
                   "'../../../../etc/passwd' wijst buiten practices/")


def test_build_publishes_only_referenced_attachments(tmp_path):
    project = project_copy(tmp_path)
    (project / "practices" / "bijlagen" / "los-concept.pdf").write_bytes(b"%PDF-1.4 concept")
    (project / "practices" / "bijlagen" / ".env").write_text("GEHEIM=1", encoding="utf-8")
    (project / "practices" / "bijlagen" / "convenant.pdf").write_bytes(b"%PDF-1.4 getekend")
    record = project / "practices" / F
    record.write_text(replace("    bestand: voorbeeld-convenant-doorbraakaanpak.md", "    bestand: convenant.pdf"),
                      encoding="utf-8")
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    published = sorted(p.name for p in (project / "site" / "bijlagen").iterdir() if p.is_file())
    assert published == ["convenant.pdf"], "only referenced files; a Markdown one is a page, never the raw file"
    referenced = sorted(p.name for p in (ROOT / "practices" / "bijlagen").iterdir()
                        if p.name != "voorbeeld-convenant-doorbraakaanpak.md")
    pages = sorted(p.name for p in (project / "site" / "bijlagen").iterdir() if p.is_dir())
    assert pages == [Path(name).stem for name in referenced if name.endswith(".md")], "a page per Markdown attachment"


# --- 3. open data safe in spreadsheets ---------------------------------------------------------

@pytest.mark.parametrize("planted, shown", [
    ("'=HYPERLINK(\"https://x.example/\";\"klik\") en meer'", "'='"), ("+3 leerlingen en meer", "'+'"),
    ("'-5 procent en meer'", "'-'"), ("'@SUM(1+1) en meer'", "'@'"), ('"\\tverborgen en meer"', "een tab"),
    ("\uff1d1+1 en meer", "'\uff1d'")])
def test_text_a_spreadsheet_would_run_is_refused(practices, capsys, planted, shown):
    text = replace("  - Spreek de verdeling van de kosten af voordat er een leerling op wacht.", f"  - {planted}")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "en meer"), "lessen[0]", f"de tekst begint met {shown}. Een spreadsheet",
                   "Begin de tekst met een woord of een cijfer")


def test_formula_in_a_codelist_is_refused_at_its_line(practices, capsys):
    codelist = practices / "codelijsten" / "status.csv"
    lines = codelist.read_text(encoding="utf-8").splitlines()
    code, label, rest = lines[2].split(",", 2)
    lines[2] = f"{code},=cmd|' /C calc'!A0,{rest}"
    codelist.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code_, out = validate(practices, capsys)
    assert code_ == 1
    assert_problem(out, "practices/codelijsten/status.csv", 3, "label", "de tekst begint met '='")


def soffice_cells(csv_files: list[Path], out: Path) -> dict[str, list[tuple[str | None, str]]]:
    """Each CSV opened by LibreOffice Calc (as a reader would), saved as .ods and read back:
    file name -> [(formula or None, shown text)] for every cell."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice ontbreekt: installeer libreoffice-calc-nogui (make test doet dat)."
    result = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{out / 'profiel'}",
                             "--infilter=CSV:44,34,76,1", "--convert-to", "ods", "--outdir", str(out),
                             *map(str, csv_files)], capture_output=True, text=True, timeout=300)
    cells = {}
    for path in csv_files:
        ods = out / f"{path.stem}.ods"
        assert ods.is_file(), f"LibreOffice did not convert {path.name}: {result.stdout} {result.stderr}"
        cells[path.name] = [(c.attributes.get((TABLENS, "formula")), str(c)) for c in load_ods(str(ods)).getElementsByType(TableCell)]
    return cells


def test_export_opened_in_libreoffice_has_no_formula_cell_and_passes_stock_frictionless(practices, tmp_path):
    # Allowed text with the risky signs inside it, and a bare carriage return: all must arrive as plain text.
    text = replace("  - Spreek de verdeling", "  - Kosten = 5 procent; mail @loket of bel +31 76 000 0000. Spreek de verdeling")
    # A line end belongs in a long text only (issue 23): the bare carriage return goes in `context`.
    text = replace("context: >-\n  In de regio zaten leerlingen maandenlang thuis omdat onderwijs en jeugdhulp\n"
                   "  elkaar naar de ander verwezen voor de kosten van een combinatieplek.\n",
                   'context: "Leerlingen zaten thuis.\\rOnderwijs en jeugdhulp verwezen naar elkaar."\n', text)
    write(practices, text.replace("\n", "\r\n"))
    catalog = load_catalog(practices)
    exported = export_package(catalog, tmp_path / "data")
    result = subprocess.run([str(BIN / "frictionless"), "validate", str(exported)], capture_output=True, text=True)
    assert result.returncode == 0 and "INVALID" not in result.stdout, result.stdout
    with (exported.parent / "tabellen" / "praktijken.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert len(rows) == len(catalog.practices)
    assert rows[BASE]["context"] == "Leerlingen zaten thuis.\nOnderwijs en jeugdhulp verwezen naar elkaar."
    planted = tmp_path / "geplant.csv"
    planted.write_text('a,b\n=1+1,"=HYPERLINK(""https://x.example/"";""klik"")"\n', encoding="utf-8")
    csv_files = sorted(p for folder in ("tabellen", "codelijsten", "referentie") for p in (exported.parent / folder).glob("*.csv"))
    assert len({p.stem for p in csv_files}) == len(csv_files) > 20
    cells = soffice_cells([planted, *csv_files], tmp_path / "ods")
    assert [f for f, _ in cells["geplant.csv"] if f] == ["of:=1+1", 'of:=HYPERLINK("https://x.example/";"klik")'], \
        "the check itself must see a formula where there is one"
    formulas = {name: [c for c in found if c[0]] for name, found in cells.items() if name != "geplant.csv"}
    assert formulas == {name: [] for name in formulas}
    assert ("", "Kosten = 5 procent; mail @loket of bel +31 76 000 0000. Spreek de verdeling van de kosten af "
                "voordat er een leerling op wacht.") in [(f or "", t) for f, t in cells["lessen.csv"]]


# --- 4. personal data ----------------------------------------------------------------------------

PERSONAL = [
    ("Leerling 111 222 333 wachtte lang.", "'111 222 333' lijkt op een burgerservicenummer (BSN)"),
    ("Leerling 111.222.333 wachtte lang.", "'111.222.333' lijkt op een burgerservicenummer"),
    ("Leerling 111-222-333 wachtte lang.", "'111-222-333' lijkt op een burgerservicenummer"),
    ("Leerling 111/222/333 wachtte lang.", "'111/222/333' lijkt op een burgerservicenummer"),
    ("Leerling 111\u00a0222\u00a0333 wachtte lang.", "'111\u00a0222\u00a0333' lijkt op een burgerservicenummer"),
    ("Leerling 111\u2009222\u202f333 wachtte lang.", "'111\u2009222\u202f333' lijkt op een burgerservicenummer"),
    ("Leerling \uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13 wachtte.", "lijkt op een burgerservicenummer"),
    ("Leerling 11 12 22 333 wachtte lang.", "'11 12 22 333' lijkt op een burgerservicenummer"),
    ("Mail jan.jansen@swv-voorbeeld.nl voor vragen.", "'jan.jansen@swv-voorbeeld.nl' lijkt het adres van een persoon"),
    ("Mail leerplicht.breda@gmail.com voor vragen.", "'leerplicht.breda@gmail.com' is een adres bij een gratis maildienst"),
    ("Bel 06-12345678 voor vragen.", "'06-12345678' lijkt op een mobiel telefoonnummer"),
    ("Bel 06 1234 5678 voor vragen.", "'06 1234 5678' lijkt op een mobiel telefoonnummer"),
    ("Bel +31 6 12345678 voor vragen.", "'+31 6 12345678' lijkt op een mobiel telefoonnummer"),
    ("Bel 0031 6 1234 5678 voor vragen.", "'0031 6 1234 5678' lijkt op een mobiel telefoonnummer"),
    ("Stort op NL91 ABNA 0417 1643 00 het bedrag.", "'NL91 ABNA 0417 1643 00' lijkt op een IBAN"),
    ("Stort op NL91ABNA0417164300 het bedrag.", "'NL91ABNA0417164300' lijkt op een IBAN"),
    ("Sanne, geboren 12-03-2011, zat thuis.", "'geboren 12-03-2011' is een geboortedatum"),
    ("Sanne (geb. 12 maart 2011) zat thuis.", "'geb. 12 maart 2011' is een geboortedatum"),
    ("Sanne, geboortedatum: 2011-03-12, zat thuis.", "'geboortedatum: 2011-03-12' is een geboortedatum"),
]


@pytest.mark.parametrize("planted, message", PERSONAL, ids=[m.split("'")[1] if "'" in m else m[:20] for _, m in PERSONAL])
def test_personal_data_in_any_text_is_refused(practices, capsys, planted, message):
    text = replace("  - Spreek de verdeling van de kosten af voordat er een leerling op wacht.",
                   f'  - "{planted} Spreek de verdeling van de kosten af."')
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, planted), "lessen[0]", message)


def test_personal_data_in_a_folded_text_and_in_a_template_body(practices, capsys):
    text = replace("  situatie op de agenda van de doorbraaktafel.", "  situatie op de agenda; bel 06-12345678.")
    write(practices, text)
    body = practices / "sjablonen" / "convenant-gegevensdeling.md"
    lines = body.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "Contact: p.devries@hotmail.com")
    body.write_text("\n".join(lines), encoding="utf-8")
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "werkwijze:"), "werkwijze", "'06-12345678' lijkt op een mobiel telefoonnummer",
                   "noem het algemene nummer of de rolmailbox")
    assert re.search(r"practices/sjablonen/convenant-gegevensdeling\.md:4: 'p\.devries@hotmail\.com' is een adres bij "
                     r"een gratis maildienst", out), out


def test_ordinary_numbers_addresses_and_dates_pass(practices, capsys):
    benign = ("Het loket (076 123 45 67, financiering@swv-voorbeeld.example) telde 41 leerlingen geboren in 2011; "
              "kosten 1.234.567.890 euro, kenmerk 123456789, afgesproken op 12-03-2021, rekening NL91 ABNA 0417 1643 01.")
    write(practices, replace("  - Spreek de verdeling", f"  - {benign} Spreek de verdeling"))
    code, out = validate(practices, capsys)
    assert code == 0, out
    assert personal_data_problems(benign) == []


# Each finder is skipped when a text lacks what it needs (nine digits, two letters and two digits,
# a word starting with "geb", an @); these sit right at those edges, in every case and spacing.
EDGES = [
    ("GEBOREN 1-2-2011", "'GEBOREN 1-2-2011' is een geboortedatum"),
    ("Geb. 3 mei 2012", "'Geb. 3 mei 2012' is een geboortedatum"),
    ("nl91abna0417164300", "'nl91abna0417164300' lijkt op een IBAN"),
    ("nl91 abna 0417 1643 00", "'nl91 abna 0417 1643 00' lijkt op een IBAN"),
    ("0612345678", "'0612345678' lijkt op een mobiel telefoonnummer"),
    ("06\u00a012345678", "'06\u00a012345678' lijkt op een mobiel telefoonnummer"),
    ("\uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", "lijkt op een mobiel telefoonnummer"),
    ("111222333", "'111222333' lijkt op een burgerservicenummer"),
    ("jan.jansen\uff20swv-voorbeeld.nl", "lijkt het adres van een persoon"),
]


@pytest.mark.parametrize("text, message", EDGES, ids=[t for t, _ in EDGES])
def test_personal_data_at_the_edges_of_the_quick_tests(text, message):
    found = personal_data_problems(f"Zie {text} hier.")
    assert len(found) == 1 and message in found[0], found


def test_texts_just_short_of_a_finder_pass():
    assert personal_data_problems("Bel 06 1234 567 of kenmerk 11122233.") == []   # nine and eight digits
    assert personal_data_problems("Rekening NL91 en ABNA.") == []
    assert personal_data_problems("Gebouw 12-03-2011 en geboren in 2011.") == []


def test_bsn_check_covers_groupings_and_keeps_the_eleven_test():
    assert bsn_like("a 111 222 333 b 123 456 789 c 1112.22.333") == ["111 222 333", "1112.22.333"]
    assert bsn_like("in 2019: 111 222 333") == ["111 222 333"]
    assert bsn_like("0612345678 en 1234567890") == []


# --- 5. loader and messages ---------------------------------------------------------------------

def test_list_nested_600_deep_is_a_message_in_validate_and_build(tmp_path):
    project = project_copy(tmp_path)
    deep = "id: diep\nlijst: " + "[" * 600 + "]" * 600 + "\n"
    assert 1100 < len(deep) < 1300
    (project / "practices" / "praktijken" / "diep.yaml").write_text(deep, encoding="utf-8")
    for args in (["validate", "practices"], ["build", "--site", str(project / "site")]):
        result = run_cli(*args, cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr and "RecursionError" not in \
            result.stdout + result.stderr, args
        assert "practices/praktijken/diep.yaml:2: lijst: de gegevens zijn te diep genest: meer dan 32 niveaus" in \
            result.stdout + result.stderr, result.stdout + result.stderr


def test_nesting_beyond_what_libyaml_reads_is_a_dutch_syntax_message(practices, capsys):
    write(practices, "lijst: " + "[" * 1100 + "]" * 1100 + "\n", name="diep")
    code, out = validate(practices, capsys)
    assert code == 1
    assert re.search(r"praktijken/diep\.yaml:1: YAML-syntaxfout in kolom \d+: de gegevens zijn dieper genest dan de "
                     r"grens van 32 niveaus", out), out


def test_deep_nesting_in_datapackage_yaml_is_a_message(practices, capsys):
    descriptor = practices / "datapackage.yaml"
    descriptor.write_text(descriptor.read_text(encoding="utf-8") + "extra: " + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    code, out = validate(practices, capsys)
    assert code == 1 and "practices/datapackage.yaml:" in out and "te diep genest" in out, out


def test_a_carriage_return_does_not_move_errors_to_another_file(practices, capsys):
    other = practices / "praktijken" / "voorbeeld-achterhoek-po-vo.yaml"
    text = other.read_text(encoding="utf-8")
    other.write_text(replace("lessen:\n  - >-\n", 'lessen:\n  - "Een\\rtwee lessen"\n  - >-\n', text), encoding="utf-8")
    late = practices / "praktijken" / "voorbeeld-zuid-limburg-vo.yaml"
    late_text = replace("status: actief", "status: lopend", late.read_text(encoding="utf-8"))
    late.write_text(late_text.replace("\n", "\r\n").replace("status: lopend\r\n", "status: lopend\r"), encoding="utf-8")
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, "praktijken/voorbeeld-zuid-limburg-vo.yaml", line_of(late_text, "status: lopend"), "status",
                   "'lopend' is geen code uit de lijst status")
    assert re.search(r"^1 probleem in 1 bestand\.$", out, re.M), out


@pytest.mark.parametrize("suffix", [".yml", ".YAML", ".Yaml"])
def test_other_yaml_extensions_are_refused_with_the_fix(practices, capsys, suffix):
    write(practices, replace(f"id: {BASE}", "id: nieuw"), name="nieuw", suffix=suffix)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_file_message(out, f"practices/praktijken/nieuw{suffix}", "dit bestand wordt niet gelezen: de kennisbank leest "
                        "alleen bestanden die eindigen op .yaml (kleine letters). Hernoem het naar nieuw.yaml.")


@pytest.mark.parametrize("how", ["leeg", "weg"])
def test_empty_or_missing_praktijken_is_an_error_for_validate_and_build(tmp_path, how):
    project = project_copy(tmp_path)
    folder = project / "practices" / "praktijken"
    shutil.rmtree(folder)
    if how == "leeg":
        folder.mkdir()
    for args in (["validate", "practices"], ["build", "--site", str(project / "site")]):
        result = run_cli(*args, cwd=project)
        assert result.returncode == 1, args
        assert "practices/praktijken: er staat geen enkele praktijk (een .yaml-bestand) in deze map, of de map " \
               "ontbreekt. Maak er een met `kennisbank new praktijk`" in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_malformed_email_is_dutch_not_frictionless_english(practices, capsys):
    text = replace("email: info@swv-voorbeeld.example", 'email: "info x@swv-voorbeeld.example"')
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "email:"), "contact.email",
                   "'info x@swv-voorbeeld.example' is geen geldig e-mailadres. Schrijf het als naam@organisatie.nl, zonder spaties")
    assert "Type Error" not in out and "string/email" not in out


def test_broken_codelist_rows_get_dutch_messages(practices, capsys):
    codelist = practices / "codelijsten" / "status.csv"
    lines = codelist.read_text(encoding="utf-8").splitlines()
    lines += [lines[1], "kort", "extra,Extra,uitleg,te veel"]
    codelist.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = validate(practices, capsys)
    assert code == 1
    where = "practices/codelijsten/status.csv"
    n = len(lines)
    assert f"{where}:{n - 2}: '{lines[1].split(',')[0]}' staat twee keer in de tabel; elke code moet uniek zijn" in out, out
    assert f"{where}:{n - 1}: label: op deze regel ontbreekt de waarde voor 'label'" in out, out
    assert f"{where}:{n}: deze regel heeft meer waarden dan er kolommen zijn" in out, out
    assert not re.search(r"Missing Cell|Extra Cell|PrimaryKey Error|Error:", out), out


def test_every_frictionless_error_type_has_a_dutch_sentence():
    errors = frictionless.errors
    types = {getattr(errors, name).type for name in dir(errors) if isinstance(getattr(errors, name), type)
             and isinstance(getattr(getattr(errors, name), "type", None), str)}
    not_about_our_tables = {"error", "cell-error", "row-error", "label-error", "header-error", "table-error", "data-error",
                            "file-error", "metadata-error", "catalog-error", "dataset-error", "check-error",
                            "checklist-error", "control-error", "detector-error", "inquiry-error", "inquiry-task-error",
                            "pipeline-error", "step-error", "report-error", "report-task-error", "stats-error",
                            "deviated-cell", "deviated-value", "required-value", "table-dimensions"}
    assert types - set(_TABLE) - {"type-error", "constraint-error"} == not_about_our_tables

    class Fake:
        type, note, cell, field_name, label, cells = "made-up-error", "", "", "", "", []
    assert dutch(Fake()) == ("Frictionless keurt deze tabel af (soort fout: made-up-error). Vergelijk het bestand met "
                             "de versie in git of vraag de beheerder van de kennisbank.")


def test_nul_byte_names_the_file_and_the_real_line(practices, capsys):
    text = base_text()
    write(practices, text.replace("regio: West-Brabant", "regio: West\x00Brabant"))
    code, out = validate(practices, capsys)
    assert code == 1
    assert f"{F}:{line_of(text, 'regio:')}: in kolom 12 staat een NUL-teken (byte 0x00)" in out, out
    assert "unacceptable character" not in out


@pytest.mark.parametrize("number, name, expected", [
    (errno.ENOSPC, "/srv/site", "/srv/site: de schijf is vol. Maak ruimte vrij en probeer het opnieuw."),
    (errno.EROFS, "/srv/site", "/srv/site: deze schijf is alleen-lezen. Kies een map op een schijf waarop geschreven mag worden."),
    (errno.EACCES, "/srv/site", "/srv/site: geen toestemming. Kies een map waarin u mag schrijven, of vraag toegang aan de beheerder."),
    (errno.EADDRINUSE, None, "dit adres (deze poort) is al in gebruik, misschien door een andere `kennisbank serve`. Stop "
                             "dat programma of kies een andere poort, bijvoorbeeld --adres 127.0.0.1:8001."),
])
def test_os_errors_in_dutch_with_the_path(number, name, expected):
    assert os_error_message(OSError(number, os.strerror(number), name)) == expected


def test_full_disk_during_export_is_dutch_with_the_path(practices, tmp_path, capsys):
    out = tmp_path / "data"
    (out / "tabellen").mkdir(parents=True)
    (out / "tabellen" / "praktijken.csv").symlink_to("/dev/full")  # every write there fails with ENOSPC
    code = main(["export", str(practices), "--uit", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and err == f"Fout: {out}: de schijf is vol. Maak ruimte vrij en probeer het opnieuw.\n"


def test_output_path_through_a_file_is_dutch(practices, tmp_path, capsys):
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    code = main(["export", str(practices), "--uit", str(tmp_path / "bestand" / "data")])
    err = capsys.readouterr().err
    assert code == 1 and err == f"Fout: {tmp_path / 'bestand' / 'data'}: een deel van dit pad is een bestand, geen map. " \
                                "Kies een ander pad.\n"


def test_serve_on_a_port_in_use_is_dutch(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", "--adres", f"127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert code == 1 and "[Errno" not in err
    assert err.startswith(f"Kan niet luisteren op 127.0.0.1:{port}: dit adres (deze poort) is al in gebruik")


# --- validators per run, and the parallel path ----------------------------------------------------

def test_a_schema_edit_counts_in_the_next_load_of_the_same_process(practices):
    load_catalog(practices)
    schema_file = practices / "schema" / "praktijk.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["titel"]["maxLength"] = 10
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InvalidData) as caught:
        load_catalog(practices)
    titles = [p for p in caught.value.problems if p.field == "titel"]
    assert len(titles) == len(list((practices / "praktijken").glob("*.yaml")))
    assert all("tekst is te lang" in p.message and "hoogstens 10" in p.message for p in titles)


def test_parallel_path_gives_the_serial_result(practices, monkeypatch):
    write(practices, replace("status: actief", "status: lopend"), name=BASE)
    write(practices, "", name="leeg")
    with pytest.raises(InvalidData) as serial:
        load_catalog(practices)
    started = []
    real_context = multiprocessing.get_context

    class Counting:
        def __init__(self, context):
            self.context = context
            self.Pipe = context.Pipe

        def Process(self, *args, **kwargs):
            started.append(self.context.Process(*args, **kwargs))
            return started[-1]

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel, "CHUNK", 3)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel.multiprocessing, "get_context", lambda method: Counting(real_context(method)))
    with pytest.raises(InvalidData) as in_parallel:
        load_catalog(practices)
    assert len(started) == 2 * 2, "two workers for the practices, two for the templates"
    assert in_parallel.value.problems == serial.value.problems and len(serial.value.problems) == 2


def test_the_loader_resolves_tags_as_pyyaml_safe_loader_does():
    import random

    import yaml

    from macros.load.yaml_source import _Loader
    stock, ours = yaml.SafeLoader(""), _Loader("")
    rng = random.Random(7)
    values = ["", "~", "null", "True", "yes", "Off", "y", "0x1F", "0o17", "1_000", "-.inf", ".NaN", "1e3", "2024-08-01",
              "2024-08-01 12:00:00", "=", "<<", "190:20:30", "abc"]
    values += ["".join(rng.choice("0123456789-+.:eExXoO_ tTyYnNfF~=<a") for _ in range(rng.randint(1, 10)))
               for _ in range(20000)]
    for value in values:
        for implicit in ((True, False), (False, True)):
            assert ours.resolve(yaml.ScalarNode, value, implicit) == stock.resolve(yaml.ScalarNode, value, implicit)
    for kind in (yaml.SequenceNode, yaml.MappingNode):
        assert ours.resolve(kind, None, (False, False)) == stock.resolve(kind, None, (False, False))
