"""Every kind of bad input gets a Dutch message with file, line and field, exit code 1, no traceback."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
BASE = "voorbeeld-west-brabant-po"


@pytest.fixture
def practices(tmp_path) -> Path:
    """A private copy of the bundled package to break."""
    target = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", target)
    return target


def base_text() -> str:
    return (ROOT / "practices" / "praktijken" / f"{BASE}.yaml").read_text(encoding="utf-8")


def write(practices: Path, text: str | bytes, name: str = BASE) -> Path:
    path = practices / "praktijken" / f"{name}.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def replace(old: str, new: str) -> str:
    text = base_text()
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
    assert any(all(w.lower() in f.lower() for w in words) for f in found), f"{words} not in {found}"


F = f"praktijken/{BASE}.yaml"


def test_bundled_package_is_valid(capsys):
    code, out = validate(ROOT / "practices", capsys)
    assert code == 0, out
    assert "Alles in orde" in out


def test_yaml_syntax_error_names_line_and_column(practices, capsys):
    text = replace("regio: West-Brabant", "regio: [West-Brabant")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert re.search(rf"{re.escape(F)}:\d+: YAML-syntaxfout in kolom \d+", out), out


def test_duplicate_key(practices, capsys):
    text = replace("regio: West-Brabant\n", "regio: West-Brabant\nregio: Breda\n")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "regio: Breda"), "regio", "twee keer", "regel")


def test_aliases_and_anchors_are_refused(practices, capsys):
    text = replace("swv: [PO9906]", "swv: &codes [PO9906]\nonderwijs_kopie: *codes")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "onderwijs_kopie"), "onderwijs_kopie", "ankers en aliassen")


def test_merge_keys_are_refused(practices, capsys):
    text = replace("jeugdhulp:\n  betrokken: ja", "jeugdhulp:\n  <<: {betrokken: ja}\n  betrokken: ja")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "<<:"), "jeugdhulp", "<<")


def test_alias_bomb_is_refused_quickly(practices, capsys):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
    write(practices, bomb)
    code, out = validate(practices, capsys)
    assert code == 1
    assert "ankers en aliassen" in out


def test_file_over_size_cap(practices, capsys):
    write(practices, base_text() + "# " + "x" * 300_000 + "\n")
    code, out = validate(practices, capsys)
    assert code == 1
    assert re.search(rf"{re.escape(F)}:1: bestand is \d+ KB; de grens is 256 KB", out), out


def test_bytes_that_are_not_utf8(practices, capsys):
    text = replace("regio: West-Brabant", "regio: West-Brabant caf\udce9")
    raw = text.encode("utf-8", "surrogateescape")
    write(practices, raw)
    code, out = validate(practices, capsys)
    assert code == 1
    assert re.search(rf"{re.escape(F)}:{line_of(text, 'regio:')}: byte 0xe9 is geen geldige UTF-8", out), out


def test_empty_file(practices, capsys):
    write(practices, "# yaml-language-server: $schema=../schema/praktijk.schema.json\n\n")
    code, out = validate(practices, capsys)
    assert code == 1
    assert re.search(rf"{re.escape(F)}:1: het bestand is leeg", out), out


def test_wrong_type(practices, capsys):
    text = replace("termijn_overleg_werkdagen: 10", "termijn_overleg_werkdagen: tien")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "termijn_overleg_werkdagen"), "doorbraakoverleg.termijn_overleg_werkdagen",
                   "geheel getal", "'tien'")


def test_unknown_key_suggests_the_nearest(practices, capsys):
    text = replace("samenvatting: >-", "samenvating: >-")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "samenvating"), "samenvating", "onbekend veld", "bedoelde u 'samenvatting'")


def test_unknown_codelist_code(practices, capsys):
    text = replace("  model: gezamenlijk-fonds", "  model: gezamelijk-fonds")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "model: gezamelijk"), "financiering.model",
                   "financieringsmodel", "bedoelde u 'gezamenlijk-fonds'")


def test_unknown_gemeente_code_and_name_suggest_real_ones(practices, capsys):
    text = replace("gemeenten: [Breda, GM0826,", "gemeenten: [Bredda, GM9999,")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    line = line_of(text, "gemeenten:")
    assert_problem(out, F, line, "gemeenten[0]", "'Bredda' is geen bestaande gemeente", "Breda (GM0758)")
    assert_problem(out, F, line, "gemeenten[1]", "'GM9999' is geen bestaande gemeentecode", "gemeenten.csv")


def test_gemeente_names_and_swv_spellings_are_normalised(practices):
    from macros.load.catalog import load_catalog
    catalog = load_catalog(practices)
    record = catalog.practice("voorbeeld-west-brabant-po")
    assert record.get("swv") == ("PO 99-06",)     # written PO9906
    assert record.get("gemeenten")[0] == "GM0758"


def test_den_haag_and_plain_suffix_names_are_accepted():
    from macros.load.catalog import read_csv
    from macros.model.codes import GemeenteIndex, normal_swv
    index = GemeenteIndex(read_csv(ROOT / "practices" / "referentie" / "gemeenten.csv"))
    assert index.code_for("Den Haag") == "GM0518"
    assert index.code_for("Hengelo") == index.code_for("Hengelo (O.)") is not None
    assert index.code_for("Bergen") is None and len(index.ambiguous("Bergen")) == 2
    assert [normal_swv(s) for s in ("PO2707", "PO-27-07", "po 27 07", "VO 25-07")] == \
        ["PO 27-07", "PO 27-07", "PO 27-07", "VO 25-07"]


def test_duplicate_ids(practices, capsys):
    (practices / "praktijken" / "oud").mkdir()
    write(practices, base_text(), name=f"oud/{BASE}")
    code, out = validate(practices, capsys)
    assert code == 1
    assert re.search(rf"praktijken/(oud/)?{BASE}\.yaml:\d+: id: '{BASE}' komt twee keer voor", out), out


def test_id_different_from_file_name(practices, capsys):
    text = base_text()
    write(practices, text, name="andere-naam")
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, "praktijken/andere-naam.yaml", line_of(text, "id:"), "id", "verschilt van de bestandsnaam")


def test_impossible_date(practices, capsys):
    text = replace("afgesproken: 2021-03-15", "afgesproken: 2021-02-30")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "afgesproken:"), "datums.afgesproken", "geen bestaande datum", "JJJJ-MM-DD")


def test_reversed_dates(practices, capsys):
    text = replace("in_werking: 2021-08-01", "in_werking: 2020-08-01")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "in_werking:"), "datums.in_werking", "vóór datums.afgesproken")


def test_bsn_like_number_anywhere_in_text(practices, capsys):
    text = replace("  - Spreek de verdeling", "  - Leerling 111222333 wachtte lang. Spreek de verdeling")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "111222333"), "lessen[0]", "burgerservicenummer", "elfproef")


def test_nine_digits_failing_the_eleven_test_pass():
    from macros.checks.personal_data import bsn_like
    assert bsn_like("kenmerk 123456789") == []
    assert bsn_like("nummer 1112.22.333") == ["1112.22.333"]


@pytest.mark.parametrize("address, words", [
    ("jan.jansen@swv-voorbeeld.nl", ["lijkt geen rolmailbox", "functioneel adres"]),
    ("leerplicht.breda@gmail.com", ["gratis maildienst", "functioneel adres"]),
])
def test_personal_mailboxes_are_refused(practices, capsys, address, words):
    text = replace("email: info@swv-voorbeeld.example", f"email: {address}")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "email:"), "contact.email", *words)


def test_only_http_https_and_mailto_urls(practices, capsys):
    text = replace("    bestand: voorbeeld-convenant-doorbraakaanpak.md", "    url: javascript:alert(1)")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "url:"), "documenten[0].url", "geen toegestaan webadres", "https://")


def test_missing_document_file(practices, capsys):
    text = replace("bestand: voorbeeld-convenant-doorbraakaanpak.md", "bestand: bestaat-niet.pdf")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert_problem(out, F, line_of(text, "bestand:"), "documenten[0].bestand", "bestaat niet in practices/bijlagen/")


def test_all_errors_at_once_and_a_summary(practices, capsys):
    text = replace("termijn_overleg_werkdagen: 10", "termijn_overleg_werkdagen: tien").replace("status: actief", "status: lopend")
    write(practices, text)
    write(practices, "", name="leeg")
    code, out = validate(practices, capsys)
    assert code == 1
    assert "termijn_overleg_werkdagen" in out and "status" in out and "leeg.yaml" in out
    assert re.search(r"^3 problemen in 2 bestanden\.$", out, re.M), out


def test_json_output_for_tools(practices, capsys):
    write(practices, replace("status: actief", "status: lopend"))
    code = main(["validate", str(practices), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["geldig"] is False
    assert data["problemen"][0]["field"] == "status" and data["problemen"][0]["line"] > 1


def test_command_line_exit_codes_and_no_traceback(practices):
    write(practices, replace("status: actief", "status: lopend"))
    bad = subprocess.run([sys.executable, "-m", "macros.cli", "validate", str(practices)], capture_output=True, text=True)
    good = subprocess.run([sys.executable, "-m", "macros.cli", "validate", str(ROOT / "practices")], capture_output=True, text=True)
    assert (bad.returncode, good.returncode) == (1, 0)
    assert "Traceback" not in bad.stdout + bad.stderr
    assert "'lopend' is geen code uit de lijst status" in bad.stdout


def test_help_is_dutch_with_examples():
    out = subprocess.run([sys.executable, "-m", "macros.cli", "--help"], capture_output=True, text=True).stdout
    assert "gebruik: kennisbank" in out and "voorbeelden:" in out and "toon deze hulp" in out
    assert "usage:" not in out and "show this help" not in out
    for command in ("validate", "new", "build", "serve", "stale", "export"):
        sub = subprocess.run([sys.executable, "-m", "macros.cli", command, "--help"], capture_output=True, text=True).stdout
        assert "gebruik:" in sub and "voorbeeld" in sub, command


def test_paragraphs_in_folded_and_literal_blocks(tmp_path):
    from macros.render.env import paragraphs
    from macros.load.yaml_source import load_yaml
    path = tmp_path / "x.yaml"
    path.write_text("a: >-\n  Eerste alinea loopt\n  door.\n\n  Tweede alinea.\nb: |-\n  Regel een\n  regel twee\n\n  Nieuwe alinea.\n",
                    encoding="utf-8")
    source, problems = load_yaml(path, "x.yaml")
    assert not problems
    assert paragraphs(source.data["a"]) == "<p>Eerste alinea loopt door.</p><p>Tweede alinea.</p>"
    assert paragraphs(source.data["b"]).count("<p>") == 2


def test_broken_package_files_get_dutch_messages_not_tracebacks(practices, capsys):
    descriptor = practices / "datapackage.yaml"
    good = descriptor.read_text(encoding="utf-8")
    descriptor.write_text(good + "resources: [\n", encoding="utf-8")
    code, out = validate(practices, capsys)
    assert code == 1 and re.search(r"practices/datapackage.yaml:\d+: YAML-syntaxfout", out), out
    descriptor.write_text(good, encoding="utf-8")
    codelist = practices / "codelijsten" / "status.csv"
    codelist.write_text("code,naam\nactief,Actief\n", encoding="utf-8")
    code, out = validate(practices, capsys)
    assert code == 1 and "practices/codelijsten/status.csv:1: label: kolom 'label' ontbreekt" in out, out
    code, out = validate(practices / "bestaat-niet", capsys)
    assert code == 1 and "bevat geen datapackage.yaml" in out


def test_two_problems_in_one_field_are_both_reported(practices, capsys):
    text = replace("  - Spreek de verdeling", "  - Nummers 111222333 en 123456782 horen hier niet. Spreek de verdeling")
    write(practices, text)
    code, out = validate(practices, capsys)
    assert code == 1
    assert "'111222333' lijkt op een burgerservicenummer" in out and "'123456782' lijkt op een burgerservicenummer" in out


def test_a_load_run_collects_less_often_and_puts_the_thresholds_back(practices, monkeypatch):
    import gc

    import macros.load.catalog as catalog
    from macros.load.collector import FIRST_GENERATION, fewer_collections

    seen = []
    real = catalog._Loader.load_entries
    monkeypatch.setattr(catalog._Loader, "load_entries",
                        lambda self, *a, **k: seen.append(gc.get_threshold()[0]) or real(self, *a, **k))
    before = gc.get_threshold()
    catalog.check_package(practices, cache=True)
    assert seen and set(seen) == {FIRST_GENERATION}
    assert gc.get_threshold() == before
    with pytest.raises(ZeroDivisionError):
        with fewer_collections():
            1 / 0
    assert gc.get_threshold() == before


def test_a_problem_field_is_named_as_the_web_editor_labels_it():
    from macros.load.catalog import load_catalog
    from macros.model.schema import form_label
    schema = load_catalog(ROOT / "practices").schemas["praktijk"]
    assert form_label(schema, "status") == "Status"
    assert form_label(schema, "partners[0].organisatie") == "Partners 1 › Organisatie"
    assert form_label(schema, "financiering.verdeling") == "Financiering passende plek › " + schema["properties"]["financiering"]["properties"]["verdeling"]["title"]
    assert form_label(schema, "lessen[2]") == "Geleerde lessen 3"
    assert form_label(schema, "onbekend.veld") == "onbekend › veld"
