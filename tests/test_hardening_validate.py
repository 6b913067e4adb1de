"""Hardening of validation (issue 23, items 1, 3, 4 and 5): attachments by allowlist and content,
control characters in decoded values, linear patterns with bounded lengths, mailto without headers.

Every attack is planted in a private copy of practices/ and must be refused by `kennisbank validate`
with a Dutch message at file:line and field, or arrive inert."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from macros.checks import personal_data
from macros.checks.attachments import ALLOWED
from macros.checks.personal_data import personal_data_problems
from macros.checks.templates import check_body
from macros.model.urls import url_kind
from macros.load.catalog import load_catalog
from macros.load.files import copy_attachments
from macros.publish import editor_config
from macros.publish.editor_config import ATTACHMENT_FIELD, decap_config
from macros.render.env import safe_href
from conftest import project_copy
from test_hardening_data import (F, ROOT, assert_problem, line_of, practices, replace, run_cli,  # noqa: F401
                                 validate, write)

ATTACHMENT = "bestand: voorbeeld-convenant-doorbraakaanpak.md"
ALLOWED_TYPES = "Toegestaan zijn: pdf, docx, xlsx, odt, ods, csv, txt, md, png en jpg (of jpeg)."


def name_attachment(practices: Path, name: str, content: bytes | None) -> str:
    """The base record naming `name` as its document (written to bijlagen/ when `content` is given)."""
    if content is not None:
        (practices / "bijlagen" / name).write_bytes(content)
    text = replace(ATTACHMENT, f"bestand: {name}")
    write(practices, text)
    return text


def png_bytes(fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(out, fmt)
    return out.getvalue()


def zip_bytes(entries: list[tuple[str, bytes]], stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i, (name, data) in enumerate(entries):
            kind = zipfile.ZIP_STORED if stored_first and i == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=kind)
    return out.getvalue()


def docx_bytes(main: str = "wordprocessingml.document.main+xml") -> bytes:
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             f'{main}"/></Types>').encode()
    return zip_bytes([("[Content_Types].xml", types), ("word/document.xml", b"<w:document/>")])


def odt_bytes(mimetype: bytes = b"application/vnd.oasis.opendocument.text", stored: bool = True) -> bytes:
    return zip_bytes([("mimetype", mimetype), ("content.xml", b"<office:document-content/>")], stored_first=stored)


# --- 1. attachments by allowlist ----------------------------------------------------------------

DOCUMENTS = ("documenten:\n  - titel: Convenant doorbraakaanpak (fictief)\n    type: convenant\n"
             "    bestand: voorbeeld-convenant-doorbraakaanpak.md\n")


def name_attachments(practices: Path, files: dict[str, bytes | None]) -> str:
    """The base record naming each file as a document (written to bijlagen/ unless None); returns its text."""
    docs = "documenten:\n" + "".join(f"  - titel: Document {i + 1}\n    type: convenant\n    bestand: {name}\n"
                                       for i, name in enumerate(files))
    for name, content in files.items():
        if content is not None:
            (practices / "bijlagen" / name).write_bytes(content)
    text = replace(DOCUMENTS, docs)
    write(practices, text)
    return text


REFUSED_TYPES = {"aanval.html": b"<script>alert(localStorage['decap-cms-user'])</script>",
                 "x.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
                 "x.xhtml": b"<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>",
                 "x.js": b"alert(1)", "afwezig.htm": None, "geen-extensie": b"%PDF-1.4"}
MISFITS = [  # (name, content, the reason the message gives)
    ("convenant.pdf", b"<html><script>alert(1)</script></html>", "een PDF begint met %PDF-"),
    ("convenant.docx", b"<html><script>alert(1)</script></html>",
     "het is geen Office-bestand (een zip met [Content_Types].xml)"),
    ("macro.docx", docx_bytes("wordprocessingml.document.macroEnabled.main+xml"),
     "het Office-bestand is van een andere soort"),
    ("werkmap.xlsx", docx_bytes(), "het Office-bestand is van een andere soort"),
    ("convenant.odt", odt_bytes(stored=False), "het is geen OpenDocument-bestand (een zip die begint met 'mimetype')"),
    ("rekenblad.ods", odt_bytes(), "het OpenDocument-bestand is van een andere soort"),
    ("lijst.csv", b"<svg onload=alert(1)>", "de tekst begint met '<' en lijkt op HTML of SVG"),
    ("lees.txt", b"  <html><script>alert(1)</script>", "de tekst begint met '<' en lijkt op HTML of SVG"),
    ("nul.txt", b"a\x00b", "in kolom 2 staat een NUL-teken (byte 0x00)"),
    ("tekst.md", b"caf\xe9", "byte 0xe9 is geen geldige UTF-8-tekst"),
    ("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "het is geen leesbare PNG-afbeelding"),
    ("gif.png", png_bytes("GIF"), "het is geen leesbare PNG-afbeelding"),
    ("foto.jpg", png_bytes("PNG"), "het is geen leesbare JPEG-afbeelding"),
    ("half.jpg", png_bytes("JPEG")[:40], "het is geen leesbare JPEG-afbeelding"),
]
FITTING = {"convenant.pdf": b"%PDF-1.7\n%\xe2\xe3\n1 0 obj <<>> endobj\n%%EOF\n",
           "convenant.docx": docx_bytes(), "werkmap.XLSX": docx_bytes("spreadsheetml.sheet.main+xml"),
           "convenant.odt": odt_bytes(), "rekenblad.ods": odt_bytes(b"application/vnd.oasis.opendocument.spreadsheet"),
           "lijst.csv": "gemeente,aantal\nBreda,3\n".encode(), "lees.txt": "Gewone tekst met een é.\n".encode(),
           "logo.png": png_bytes("PNG"), "foto.jpeg": png_bytes("JPEG"), "ook.jpg": png_bytes("JPEG")}


def test_attachments_outside_the_allowlist_or_not_what_their_name_says_are_refused_all_at_once(practices, capsys):
    text = name_attachments(practices, {**REFUSED_TYPES, **{name: content for name, content, _ in MISFITS}})
    code, out = validate(practices, capsys)
    assert code == 1
    for name in REFUSED_TYPES:
        assert_problem(out, F, line_of(text, f"bestand: {name}\n"), f"documenten[{list(REFUSED_TYPES).index(name)}]"
                       ".bestand", f"'{name}' is geen toegestane soort bijlage.", ALLOWED_TYPES, "zoals .html, .svg")
    for i, (name, _, reason) in enumerate(MISFITS, len(REFUSED_TYPES)):
        assert_problem(out, F, line_of(text, f"bestand: {name}\n"), f"documenten[{i}].bestand",
                       f"'{name}' heet een {ALLOWED[Path(name).suffix].label}-bestand, maar de inhoud klopt daar "
                       f"niet mee: {reason}. Sla het document opnieuw op als", "toegestaan zijn pdf, docx")
    assert re.search(rf"^{len(REFUSED_TYPES) + len(MISFITS)} problemen in 1 bestand\.$", out, re.M), out


def test_allowed_attachments_that_are_what_they_say_pass_and_are_published_as_they_are(practices, capsys, tmp_path):
    name_attachments(practices, FITTING)
    code, out = validate(practices, capsys)
    assert code == 0, out
    copied = copy_attachments(load_catalog(practices), tmp_path / "site" / "bijlagen")
    assert sorted(p.name for p in copied) == sorted(FITTING)
    assert all((tmp_path / "site" / "bijlagen" / name).read_bytes() == content for name, content in FITTING.items())


def test_the_allowlist_is_what_the_guide_for_editors_says():
    guide = (ROOT / "docs" / "redactie" / "index.md").read_text(encoding="utf-8")
    table = guide.split("#### Soorten bijlagen")[1].split("\n\n")[2]
    listed = {ext for row in table.splitlines()[2:] for ext in re.findall(r"`(\.[a-z]+)`", row.split("|")[2])}
    assert listed == set(ALLOWED)


def test_replacing_an_attachment_by_html_is_seen_although_the_validation_cache_knows_the_record(practices, capsys):
    name_attachment(practices, "convenant.pdf", b"%PDF-1.4\n")
    assert validate(practices, capsys)[0] == 0
    (practices / "bijlagen" / "convenant.pdf").write_bytes(b"<html><script>alert(1)</script></html>")
    code, out = validate(practices, capsys)
    assert code == 1 and "een PDF begint met %PDF-" in out, out


def test_markdown_attachment_is_a_page_and_never_copied_raw(practices, tmp_path):
    catalog = load_catalog(practices)
    named = sorted(d["bestand"] for p in catalog.practices for d in p.get("documenten", default=()) if "bestand" in d)
    assert named and all(n.endswith(".md") for n in named)
    assert copy_attachments(catalog, tmp_path / "bijlagen") == []
    assert not (tmp_path / "bijlagen").exists()


def test_built_site_has_attachment_pages_no_raw_markdown_and_nothing_from_records_under_redactie(site_dir):
    folder = site_dir / "bijlagen"
    assert not list(folder.glob("*.md")), "a Markdown attachment was copied raw"
    page = (folder / "voorbeeld-convenant-doorbraakaanpak" / "index.html").read_text(encoding="utf-8")
    assert "kb-bijlage" in page and "download" not in page.split('class="kb-bijlage-over"')[1].split("</div>")[0]
    redactie = site_dir / "redactie"
    made = {p.relative_to(redactie).as_posix() for p in redactie.rglob("*") if p.is_file()}
    from_docs = {p.relative_to(ROOT / "docs" / "redactie").with_suffix("").as_posix()
                 for p in (ROOT / "docs" / "redactie").rglob("*.md")}
    guide_files = {p.relative_to(ROOT / "docs" / "redactie").as_posix()
                   for p in (ROOT / "docs" / "redactie").rglob("*") if p.is_file() and p.suffix != ".md"}
    # Only the guide's pages and its own pictures (from docs/redactie/) and the web editor (index, config,
    # Decap's bundle and the editor's own scripts).
    for path in made:
        top = path.split("/")[0]
        assert (path == "index.html" or top in from_docs or path in guide_files or path.startswith("beheer/")), path
    beheer = {p for p in made if p.startswith("beheer/")}
    assert {"beheer/index.html", "beheer/config.yml"} <= beheer
    own = {f"beheer/{name}" for name in (*editor_config.SCRIPTS, editor_config.STYLE, editor_config.RULES_FILE)}
    assert all(p in ("beheer/index.html", "beheer/config.yml") or p in own or re.fullmatch(
        r"beheer/(\d+\.)?decap-cms\.js(\.LICENSE\.txt)?|beheer/[\w.-]+\.wasm", p) for p in beheer), beheer


def test_a_template_picture_must_decode_as_what_its_name_says(tmp_path):
    folder = tmp_path / "sjabloon"
    folder.mkdir()
    (folder / "logo.png").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    (folder / "foto.jpg").write_bytes(png_bytes("JPEG"))
    (folder / "oud.gif").write_bytes(png_bytes("GIF"))
    problems = check_body("# Titel\n\n![a](logo.png)\n\n![b](foto.jpg)\n\n![c](oud.gif)\n", "sjablonen/x.md", folder)
    assert [(p.line, p.message) for p in problems] == [
        (3, "afbeelding 'logo.png' klopt niet met haar naam: het is geen leesbare PNG-afbeelding. Sla de afbeelding "
            "opnieuw op als PNG of JPEG.")]


def test_web_editor_file_field_takes_only_the_allowed_types():
    catalog = load_catalog(ROOT / "practices")
    config = decap_config(catalog)
    practice = next(c for c in config["collections"] if c["folder"] == "practices/praktijken")
    documents = next(f for f in practice["fields"] if f["name"] == "documenten")
    field = next(f for f in documents["fields"] if f["name"] == ATTACHMENT_FIELD)
    pattern, hint = field["pattern"]
    assert hint.endswith("pdf, docx, xlsx, odt, ods, csv, txt, md, png en jpg (of jpeg).")
    accepted = re.compile(pattern)
    for good in ("convenant.pdf", "A.PDF", "lijst.csv", "foto.JPEG", "bijlage.md", "werkmap.ods"):
        assert accepted.search(good), good
    for bad in ("aanval.html", "x.svg", "x.xhtml", "x.pdf.html", "pdf", "x.js", "a b.pdf"):
        assert not accepted.search(bad), bad


# --- 3. decoded values ----------------------------------------------------------------------------

ESCAPES = [(r"\x01", "U+0001"), (r"\0", "U+0000"), (r"\e", "U+001B"), (r"\uFFFE", "U+FFFE"), (r"\N", "U+0085"),
           (r"\x9b", "U+009B"), (r"\x7f", "U+007F"), (r"\uFDD0", "U+FDD0"), (r"\U0010FFFF", "U+10FFFF"),
           (r"\r\x08", "U+0008")]


def test_control_characters_written_as_yaml_escapes_are_refused_each_with_its_line(practices, capsys):
    lessons = "lessen:\n" + "".join(f'  - "Les {i}: eerst{escape} afspreken"\n' for i, (escape, _) in enumerate(ESCAPES))
    text = replace("lessen:\n", lessons).replace(
        "titel: Doorbraaktafel en regiofonds in West-Brabant (PO)", 'titel: "Doorbraaktafel\\e[31m in West-Brabant"')
    write(practices, text)
    status, out = validate(practices, capsys)
    assert status == 1
    assert_problem(out, F, line_of(text, "titel:"), "titel", "de tekst bevat een onzichtbaar stuurteken (U+001B), in "
                   "het bestand of als code tussen aanhalingstekens", "Haal het weg")
    for i, (escape, code) in enumerate(ESCAPES):
        assert_problem(out, F, line_of(text, f'"Les {i}:'), f"lessen[{i}]", "de tekst bevat", f"({code})")
    assert "\x1b" not in out, "the message must not carry the escape sequence to the terminal"


def test_escaped_noncharacter_and_field_name_are_refused_all_at_once(practices, capsys):
    text = replace("regio: West-Brabant", 'regio: "West\\uFDD1Brabant"\n"x\\x07": 1')
    write(practices, text)
    status, out = validate(practices, capsys)
    assert status == 1
    assert_problem(out, F, line_of(text, "regio:"), "regio", "Unicode-'niet-teken' (U+FDD1)")
    assert_problem(out, F, line_of(text, '"x\\x07"'), "x\\u0007", "de veldnaam 'x\\u0007' bevat een onzichtbaar "
                   "stuurteken (U+0007)")
    assert "\x07" not in out and "\ufdd1" not in out


def test_a_raw_noncharacter_anywhere_in_the_file_is_refused_with_line_and_column(practices, capsys):
    text = replace("regio: West-Brabant", "regio: West\U0001FFFEBrabant")
    write(practices, text)
    status, out = validate(practices, capsys)
    assert status == 1
    assert re.search(rf"{re.escape(F)}:{line_of(text, 'regio:')}: in kolom 12 staat een onzichtbaar stuurteken "
                     r"\(U\+1FFFE\)", out), out


def test_a_lone_surrogate_escape_is_a_yaml_error_with_its_line(practices, capsys):
    text = replace("regio: West-Brabant", 'regio: "West\\uD800Brabant"')
    write(practices, text)
    status, out = validate(practices, capsys)
    assert status == 1
    assert re.search(rf"{re.escape(F)}:{line_of(text, 'regio:')}: .*YAML-syntaxfout", out), out


def test_line_break_and_tab_only_in_long_texts(practices, capsys):
    text = replace("regio: West-Brabant", 'regio: "West\\nBrabant"')
    text = replace("titel: Doorbraaktafel en regiofonds in West-Brabant (PO)",
                   'titel: "Doorbraaktafel\\ten regiofonds in West-Brabant (PO)"', text)
    text = replace("context: >-\n  In de regio zaten leerlingen maandenlang thuis omdat onderwijs en jeugdhulp\n"
                   "  elkaar naar de ander verwezen voor de kosten van een combinatieplek.\n",
                   'context: "Eerste regel.\\n\\nTweede\\tdeel van de aanleiding."\n', text)
    write(practices, text)
    status, out = validate(practices, capsys)
    assert status == 1
    assert_problem(out, F, line_of(text, "regio:"), "regio", "dit korte veld bevat een nieuwe regel")
    assert_problem(out, F, line_of(text, "titel:"), "titel", "dit korte veld bevat een tab")
    assert f"{F}:{line_of(text, 'context:')}:" not in out, "a long text may hold line ends and tabs"


def test_build_with_an_escaped_control_character_stops_at_the_check_with_file_and_line(tmp_path):
    project = project_copy(tmp_path)
    record = project / "practices" / F
    text = replace("regio: West-Brabant", 'regio: "West\\x01Brabant"')
    record.write_text(text, encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("oud", encoding="utf-8")
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"), cwd=project)
    assert result.returncode == 1
    assert f"{F}:{line_of(text, 'regio:')}: regio: de tekst bevat een onzichtbaar stuurteken (U+0001)" in result.stdout \
        + result.stderr, result.stdout + result.stderr
    assert "XML compatible" not in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "oud"


# --- 4. linear patterns, bounded lengths ----------------------------------------------------------

def schema_strings(spec: dict, path: str = ""):
    """(path, spec) of every string in a JSON Schema, array items included."""
    if spec.get("type") == "string":
        yield path, spec
    for name, sub in spec.get("properties", {}).items():
        yield from schema_strings(sub, f"{path}.{name}".lstrip("."))
    if isinstance(spec.get("items"), dict):
        yield from schema_strings(spec["items"], f"{path}[]")


def schema_files():
    return sorted((ROOT / "practices" / "schema").glob("*.schema.json"))


def test_every_string_of_every_schema_has_a_max_length():
    missing = [f"{f.name}: {p}" for f in schema_files()
               for p, spec in schema_strings(json.loads(f.read_text(encoding="utf-8"))) if "maxLength" not in spec]
    assert missing == []
    table = json.loads((ROOT / "practices" / "schema" / "codelijst.tableschema.json").read_text(encoding="utf-8"))
    assert all("maxLength" in f.get("constraints", {}) for f in table["fields"] if f["type"] == "string")


def adversarial(size: int = 100_000) -> dict[str, str]:
    """Inputs that make a backtracking pattern or finder slow, each of `size` characters."""
    half = size // 2
    return {
        "PO + spaties + x": "PO" + " " * (size - 3) + "x",
        "PO + spaties/streepjes": "PO" + " -" * half,
        "cijfers zonder @": "1" * size,
        "cijfers en punten": "1." * half,
        "adrestekens zonder @": "a." * half,
        "a@ + punten": "a@" + "." * (size - 3) + " ",
        "a@a.a.a…": "a@" + "a." * (half - 1) + "!",
        "kleine letters en streepjes": "a-" * half + "!",
        "kleine letters, cijfers, _": "a_" * half + "!",
        "versie 1.1.1…": "1." * half + "x",
        "06 + spaties": "06" + " " * (size - 2),
        "0031 + spaties": "0031" + " " * (size - 5) + "x",
        "IBAN-achtig": "NL91" + " ABCD" * ((size - 4) // 5),
        "geboren + spaties": ("geboren 1" + " " * 40) * (size // 49),
        "BSN-achtig": "123 456 78 " * (size // 11),
        "letters/cijfers door elkaar": "ab12" * (size // 4),
        "haakjes": "(" * size,
        "spaties": " " * size,
        "tekens <>": "<" * size,
        "< + spaties": "<" + " " * (size - 2) + "!",
        "{ + =": "{" + "=" * (size - 1),
        "mailto + punten": "mailto:a@" + "a." * (half - 5) + "!",
    }


def schema_patterns():
    found = []
    for f in schema_files():
        for p, spec in schema_strings(json.loads(f.read_text(encoding="utf-8"))):
            if spec.get("pattern"):
                found.append((f"{f.name}: {p}", spec["pattern"]))
    table = json.loads((ROOT / "practices" / "schema" / "codelijst.tableschema.json").read_text(encoding="utf-8"))
    found += [(f"codelijst: {f['name']}", f["constraints"]["pattern"]) for f in table["fields"]
              if f.get("constraints", {}).get("pattern")]
    return found


FINDERS = {name: getattr(personal_data, name) for name in dir(personal_data)
           if isinstance(getattr(personal_data, name), re.Pattern)}
BOUND = 1.0        # seconds per input of 100 KB, as the issue asks; a linear pattern needs milliseconds
REFERENCE = 0.1    # seconds a loop of a million additions takes on an idle machine (generous for a slow runner)


def slowdown() -> float:
    """How much slower than idle this machine runs right now (at least 1): a loaded machine, such as one
    shared by several test runs, scales every time alike, a quadratic pattern's as well as a linear one's."""
    start, total = time.perf_counter(), 0
    for i in range(1_000_000):
        total += i
    return max(1.0, (time.perf_counter() - start) / REFERENCE)


def slow(run, inputs: dict[str, str]) -> list[str]:
    """The names of the inputs `run` takes longer than BOUND on, on an idle machine: an input over the
    bound is timed once more, and the bound scaled by how loaded the machine is at that moment."""
    out = []
    for name, text in inputs.items():
        start = time.perf_counter()
        run(text)
        took = time.perf_counter() - start
        if took < BOUND:
            continue
        factor = slowdown()
        start = time.perf_counter()
        run(text)
        took = min(took, time.perf_counter() - start)
        if took >= BOUND * factor:
            out.append(f"{name} ({took:.1f} s, machine {factor:.1f}x slower than idle)")
    return out


@pytest.mark.parametrize("where, pattern", schema_patterns(), ids=lambda v: v if ":" in str(v) else None)
def test_every_schema_pattern_answers_within_a_second_on_100_kb(where, pattern):
    compiled = re.compile(pattern)
    assert slow(compiled.search, adversarial()) == [], f"{where}: {pattern}"


@pytest.mark.parametrize("name", sorted(FINDERS))
def test_every_personal_data_finder_answers_within_a_second_on_100_kb(name):
    finder = FINDERS[name]
    assert slow(lambda text: list(finder.finditer(text)), adversarial()) == [], name


def test_the_whole_personal_data_check_answers_within_a_second_on_100_kb():
    inputs = {**adversarial(), "mobiel na mobiel": "06-12345678 " * 8_000, "IBAN na IBAN": "NL91ABNA0417164300 " * 5000}
    assert slow(personal_data_problems, inputs) == []


def test_the_email_finder_still_finds_what_it_found():
    found = personal_data_problems("Mail jan.jansen@gemeente.nl of 123jan.de-vries@gmail.com, niet info@swv.nl.")
    assert [m.split("'")[1] for m in found] == ["jan.jansen@gemeente.nl", "123jan.de-vries@gmail.com"]


def test_a_47_kb_swv_value_is_refused_at_once_for_its_length(practices, capsys):
    value = "PO" + " " * 40_000 + "x"
    text = replace("swv: [PO9906]", f'swv: ["{value}"]')
    write(practices, text)
    start = time.perf_counter()
    status, out = validate(practices, capsys)
    took = time.perf_counter() - start
    assert status == 1
    assert_problem(out, F, line_of(text, "swv:"), "swv[0]", "tekst is te lang (40003 tekens): hoogstens 20.")
    assert "niet de juiste vorm" not in out, "a value over its length must not reach the pattern"
    assert took < 20, f"validate took {took:.1f} s"


def test_values_over_their_length_are_not_scanned_for_personal_data(practices, capsys):
    text = replace("regio: West-Brabant", "regio: " + "bel 06-12345678 " * 10 + "x")
    write(practices, text)
    status, out = validate(practices, capsys)
    assert status == 1
    assert_problem(out, F, line_of(text, "regio:"), "regio", "tekst is te lang (161 tekens): hoogstens 120.")
    assert "mobiel telefoonnummer" not in out


# --- 5. mailto without headers --------------------------------------------------------------------

HEADER_ATTACKS = ["mailto:leerplicht@gemeente.nl?bcc=aanvaller@example.org&subject=x&body=y",
                  "mailto:leerplicht@gemeente.nl%0D%0ABcc:aanvaller@example.org",
                  "mailto:leerplicht@gemeente.nl,aanvaller@example.org",
                  "MAILTO:leerplicht@gemeente.nl?cc=x@example.org",
                  "mailto:"]


def test_document_mailto_links_with_headers_are_refused(practices, capsys):
    docs = "documenten:\n" + "".join(f'  - titel: Mail {i + 1}\n    type: convenant\n    url: "{url}"\n'
                                       for i, url in enumerate(HEADER_ATTACKS))
    text = replace(DOCUMENTS, docs)
    write(practices, text)
    status, out = validate(practices, capsys)
    assert status == 1
    for i, url in enumerate(HEADER_ATTACKS):
        assert_problem(out, F, line_of(text, f'url: "{url}"'), f"documenten[{i}].url", f"'{url}' is geen toegestaan "
                       "mailto-adres: na mailto: mag alleen één e-mailadres staan", "Schrijf het als "
                       "mailto:naam@organisatie.nl.")


def test_a_plain_mailto_document_passes(practices, capsys):
    write(practices, replace(ATTACHMENT, "url: mailto:leerplicht@gemeente.example"))   # the record is fictional
    status, out = validate(practices, capsys)
    assert status == 0, out


@pytest.mark.parametrize("url", HEADER_ATTACKS)
def test_mailto_with_headers_is_no_link_in_pages_or_template_bodies(url):
    assert safe_href(url) == "#"
    assert url_kind(url) == "refused"
    problems = check_body(f"# Titel\n\nMail [de redactie]({url}).\n", "sjablonen/x.md", ROOT / "practices" / "x")
    assert any("na mailto: mag alleen één e-mailadres staan" in p.message for p in problems), problems


def test_plain_mailto_stays_a_link():
    assert safe_href("mailto:leerplicht@gemeente.nl") == "mailto:leerplicht@gemeente.nl"
    assert url_kind("mailto:info@swv-voorbeeld.nl") == "mail"
