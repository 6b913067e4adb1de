"""Tests for macros.documents: Word, OpenDocument and Markdown downloads.

Every case (a fixture body written here plus every real template found in
practices/sjablonen/*.yaml) is converted once per session; the tests then read
the files back with python-docx and odfpy, and LibreOffice converts all of them
to PDF in a single call.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pypandoc
import pytest
import yaml
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from odf import dc, style as odf_style, table as odf_table, teletype, text as odf_text
from odf.opendocument import load as load_odt

from macros.publish.document_tree import PANDOC_FORMAT
from macros.publish.document_text import PLACEHOLDER_RE, fill_placeholders, mark_placeholders
from macros.publish.document_errors import BatchError, ConversionError, DocumentError, PlaceholderError
from macros.publish.documents import DocumentJob, write_all, write_downloads
from macros.publish.house_style import reference_documents

ROOT = Path(__file__).resolve().parents[1]
SJABLONEN = ROOT / "practices" / "sjablonen"

FIXTURE_ID = "testsjabloon"
FIXTURE_BODY = """\
## Partijen

1. De gemeente [[gemeente_naam]], hierna: de gemeente;
2. Het samenwerkingsverband, hierna: het swv.

## Overwegingen

Partijen hebben de aanpak in één jaar geëvalueerd, onder het genot van koffie in een café.

## Artikel 1. Begripsbepalingen

In deze overeenkomst wordt verstaan onder:

1. **leerling**: een jongere die leerplichtig is;
2. **werkdag**: maandag tot en met vrijdag.

## Artikel 2. Termijnen

| Stap | Wie | Termijn |
| --- | --- | --- |
| Melding | school | dezelfde dag |
| Overleg | [[gemeente_naam]] | binnen 10 werkdagen |

## Artikel 3. Looptijd

Deze overeenkomst gaat in op [[datum_ingang]] en geldt vier jaar.
"""
FIXTURE_LABELS = {"gemeente_naam": "Naam gemeente", "datum_ingang": "Datum van ingang"}

# pandoc's "smart" typography, undone for comparisons with the Markdown source
SMART = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "--", "\u2014": "---", "\u2026": "..."})
HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
TABLE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Case:
    template_id: str
    version: str
    title: str
    body: str
    labels: dict[str, str]
    description: str = ""


def fixture_case() -> Case:
    return Case(FIXTURE_ID, "0.1.0", "Testovereenkomst één: café & co", FIXTURE_BODY,
                FIXTURE_LABELS, "Een sjabloon om te testen.")


def real_case(stem: str) -> Case:
    meta = yaml.safe_load((SJABLONEN / f"{stem}.yaml").read_text(encoding="utf-8"))
    body = (SJABLONEN / f"{stem}.md").read_text(encoding="utf-8")
    labels = {field["naam"]: field["label"] for field in meta["invulvelden"]}
    return Case(meta["id"], meta["versie"], meta["titel"], body, labels, meta.get("doel", ""))


REAL_STEMS = sorted(path.stem for path in SJABLONEN.glob("*.yaml"))
CASE_IDS = [FIXTURE_ID] + REAL_STEMS


def load_case(case_id: str) -> Case:
    return fixture_case() if case_id == FIXTURE_ID else real_case(case_id)


# --------------------------------------------------------------------------- helpers


def plain(markdown: str, labels: dict[str, str]) -> str:
    """Inline Markdown as the text a reader sees (placeholders as "[Label]")."""
    text = PLACEHOLDER_RE.sub(lambda m: f"[{labels[m.group(1)]}]", markdown)
    text = re.sub(r"\*\*|__|(?<![\\\w])[*_]|[*_](?!\w)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split())


def rendered(text: str) -> str:
    return " ".join(text.translate(SMART).split())


def headings(body: str, labels: dict[str, str], level: int | None = None) -> list[str]:
    found, fenced = [], False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else HEADING_RE.match(line)
        if match and (level is None or len(match.group(1)) == level):
            found.append(plain(match.group(2), labels))
    return found


def table_headers(body: str, labels: dict[str, str]) -> list[list[str]]:
    """Header cells of every pipe table in the body."""
    lines = body.splitlines()
    headers = []
    for index, line in enumerate(lines[:-1]):
        if line.strip().startswith("|") and TABLE_SEPARATOR_RE.match(lines[index + 1]):
            cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
            headers.append([plain(cell, labels) for cell in cells])
    return headers


def expected_marks(case: Case) -> list[str]:
    return [f"[{case.labels[name]}]" for name in PLACEHOLDER_RE.findall(case.body)]


# --------------------------------------------------------------------------- session build


@dataclass
class Built:
    paths: dict[str, dict[str, Path]]
    errors: dict[str, Exception]
    seconds: dict[str, float]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    out = tmp_path_factory.mktemp("downloads")
    result = Built({}, {}, {})
    references = reference_documents(tmp_path_factory.mktemp("huisstijl"))
    for case_id in CASE_IDS:
        start = time.perf_counter()
        try:
            case = load_case(case_id)
            result.paths[case_id] = write_downloads(
                case.template_id, case.version, case.title, case.body, case.labels, out,
                description=case.description, references=references,
            )
        except Exception as error:  # reported by the test of that case
            result.errors[case_id] = error
        result.seconds[case_id] = time.perf_counter() - start
    print("\nwrite_downloads seconds per template:",
          {key: round(value, 3) for key, value in result.seconds.items()})
    return result


def paths_for(built: Built, case_id: str) -> dict[str, Path]:
    if case_id in built.errors:
        pytest.fail(f"{case_id}: {built.errors[case_id]}")
    return built.paths[case_id]


@dataclass
class PdfRun:
    returncode: int
    output: str
    pdfs: dict[tuple[str, str], Path]


@pytest.fixture(scope="session")
def pdf_run(built, tmp_path_factory) -> PdfRun:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail(
            "LibreOffice ontbreekt: installeer Debian's libreoffice-writer-nogui "
            "(LibreOffice is missing: apt-get install libreoffice-writer-nogui)."
        )
    staging = tmp_path_factory.mktemp("pdf-in")
    out = tmp_path_factory.mktemp("pdf-out")
    profile = tmp_path_factory.mktemp("lo-profile")
    expected = {}
    for case_id, paths in built.paths.items():
        for fmt in ("docx", "odt"):
            # .docx and .odt share a stem; give each its own so the PDFs do not clash
            name = f"{paths[fmt].stem}_{fmt}"
            shutil.copy(paths[fmt], staging / f"{name}.{fmt}")
            expected[(case_id, fmt)] = out / f"{name}.pdf"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(out),
               *sorted(str(path) for path in staging.iterdir())]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    return PdfRun(done.returncode, done.stdout + done.stderr, expected)


# --------------------------------------------------------------------------- docx


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_docx(built, case_id):
    case = load_case(case_id)
    doc = Document(paths_for(built, case_id)["docx"])

    assert doc.core_properties.title == case.title
    assert doc.core_properties.language == "nl-NL"
    default_lang = doc.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert default_lang.get(qn("w:val")) == "nl-NL"
    if case.description:
        assert doc.core_properties.subject == case.description

    found = [rendered(p.text) for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert found == headings(case.body, case.labels, level=2)
    assert any(h.startswith("Artikel 1.") for h in found)
    assert rendered(doc.paragraphs[0].text) == case.title
    assert doc.paragraphs[0].style.name == "Title"

    tables = table_headers(case.body, case.labels)
    assert len(doc.tables) == len(tables)
    for table, header in zip(doc.tables, tables):
        assert [rendered(cell.text) for cell in table.rows[0].cells] == header

    mark_style = doc.styles["Invulveld"]
    assert mark_style.font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert mark_style.font.bold
    runs = [run for run in doc.element.body.iter(qn("w:r"))]
    marked = [run.text for run in runs if run.style == "Invulveld"]
    assert marked == expected_marks(case)
    all_text = "".join(run.text for run in runs)
    assert "[[" not in all_text
    if case_id == FIXTURE_ID:
        for word in ("één", "geëvalueerd", "café"):
            assert word in all_text


# --------------------------------------------------------------------------- odt


def odt_text(element) -> str:
    return rendered(teletype.extractText(element))


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_odt(built, case_id):
    case = load_case(case_id)
    doc = load_odt(str(paths_for(built, case_id)["odt"]))

    assert odt_text(doc.meta.getElementsByType(dc.Title)[0]) == rendered(case.title)
    assert odt_text(doc.meta.getElementsByType(dc.Language)[0]) == "nl-NL"

    found = [odt_text(h) for h in doc.body.getElementsByType(odf_text.H)]
    assert found == headings(case.body, case.labels)
    levels = {h.getAttribute("outlinelevel") for h in doc.body.getElementsByType(odf_text.H)}
    assert levels <= {"2"}
    # every heading is a level-2 heading; the signature heading's own style (parent Heading_20_2) starts a page
    own = {st.getAttribute("name"): st for st in doc.automaticstyles.getElementsByType(odf_style.Style)}
    parents = {h.getAttribute("stylename"): own[h.getAttribute("stylename")].getAttribute("parentstylename")
               if h.getAttribute("stylename") in own else h.getAttribute("stylename")
               for h in doc.body.getElementsByType(odf_text.H)}
    assert set(parents.values()) <= {"Heading_20_2"}
    assert set(parents) <= {"Heading_20_2", "KB_signatures_page"}

    tables = table_headers(case.body, case.labels)
    odt_tables = doc.body.getElementsByType(odf_table.Table)
    assert len(odt_tables) == len(tables)
    for table, header in zip(odt_tables, tables):
        header_row = table.getElementsByType(odf_table.TableHeaderRows)[0]
        cells = header_row.getElementsByType(odf_table.TableCell)
        assert [odt_text(cell) for cell in cells] == header

    styles = {s.getAttribute("name"): s for s in doc.styles.getElementsByType(odf_style.Style)}
    mark_props = styles["Invulveld"].getElementsByType(odf_style.TextProperties)[0]
    assert mark_props.getAttribute("backgroundcolor") == "#ffff00"
    spans = doc.body.getElementsByType(odf_text.Span)
    marked = [odt_text(s) for s in spans if s.getAttribute("stylename") == "Invulveld"]
    assert marked == expected_marks(case)
    all_text = teletype.extractText(doc.body)
    assert "[[" not in all_text
    if case_id == FIXTURE_ID:
        for word in ("één", "geëvalueerd", "café"):
            assert word in all_text


# --------------------------------------------------------------------------- md


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_markdown(built, case_id):
    case = load_case(case_id)
    content = paths_for(built, case_id)["md"].read_text(encoding="utf-8")
    assert content.startswith("---\n")
    front, body = content[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    assert meta["title"] == case.title
    assert meta["version"] == case.version
    assert meta["lang"] == "nl-NL"
    notice, rest = body.strip().split("\n\n", 1)
    assert notice.startswith(f"> Dit is model {case.version} uit de Kennisbank Doorbraakaanpak.")
    assert rest.strip() == case.body.strip()
    assert PLACEHOLDER_RE.findall(body) == PLACEHOLDER_RE.findall(case.body)
    assert PLACEHOLDER_RE.findall(body)


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.parametrize("fmt", ["docx", "odt"])
@pytest.mark.parametrize("case_id", CASE_IDS)
def test_libreoffice_pdf(built, pdf_run, case_id, fmt):
    paths_for(built, case_id)
    assert pdf_run.returncode == 0, pdf_run.output
    pdf = pdf_run.pdfs[(case_id, fmt)]
    assert pdf.is_file(), pdf_run.output
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000


# --------------------------------------------------------------------------- text functions


def to_html(markdown: str) -> str:
    return pypandoc.convert_text(markdown, "html", format=PANDOC_FORMAT,
                                 extra_args=["--wrap=none"])


def test_mark_placeholders_makes_styled_spans_not_links():
    marked = mark_placeholders("Zie [[a]] en [[b_2]].", {"a": "Naam *gemeente*", "b_2": "B|c"})
    assert "[[" not in marked
    html = to_html(marked)
    assert "<a " not in html and "<em>" not in html
    assert '<span data-custom-style="Invulveld">[Naam *gemeente*]</span>' in html
    assert '<span data-custom-style="Invulveld">[B|c]</span>' in html


def test_mark_placeholders_reports_missing_labels():
    with pytest.raises(PlaceholderError) as caught:
        mark_placeholders("[[a]] [[b]] [[c]]", {"b": "Bee"})
    assert caught.value.missing == ["a", "c"]
    assert "zonder label" in str(caught.value)


def test_fill_placeholders_fills():
    body = "## Partijen\n\nDe gemeente [[gemeente_naam]] per [[datum_ingang]]; [[gemeente_naam]]."
    filled = fill_placeholders(body, {"gemeente_naam": "Heiderijk", "datum_ingang": "1 mei"})
    assert filled == "## Partijen\n\nDe gemeente Heiderijk per 1 mei; Heiderijk."


def test_fill_placeholders_escapes_markdown_and_html():
    value = "*vet* <b>html</b> [link](https://x.nl) `code` & \\ 'x'\n\n# kop\n1. lijst | pipe"
    filled = fill_placeholders("Waarde: [[v]]\n", {"v": value})
    html = to_html(filled)
    for forbidden in ("<em>", "<b>", "<a ", "<code>", "<h1", "<ol", "<table"):
        assert forbidden not in html
    assert "*vet* &lt;b&gt;html&lt;/b&gt; [link](https://x.nl) `code` &amp; \\" in html
    assert "# kop 1. lijst | pipe" in html
    quoted = to_html(fill_placeholders("[[v]]", {"v": "regio's \"Oost\""}))
    assert "regio\u2019s \u201cOost\u201d" in quoted  # same typography as the body
    in_table = fill_placeholders("| a | b |\n|---|---|\n| [[v]] | x |\n", {"v": "p|q"})
    assert "<td>p|q</td>" in to_html(in_table)


def test_fill_placeholders_reports_all_missing_and_unknown_at_once():
    body = "[[a]] [[b]] [[c]] [[a]]"
    with pytest.raises(ValueError) as caught:
        fill_placeholders(body, {"b": "ok", "x": "1", "y": "2", "c": None})
    error = caught.value
    assert isinstance(error, PlaceholderError) and isinstance(error, DocumentError)
    assert error.missing == ["a", "c"]
    assert error.unknown == ["x", "y"]
    message = str(error)
    assert "Geen waarde voor invulveld(en): a, c." in message
    assert "Onbekende invulveld(en), niet in de tekst: x, y." in message


# --------------------------------------------------------------------------- errors, caching, parallel


def test_reference_documents_are_made_in_the_given_folder(tmp_path):
    made = reference_documents(tmp_path / "huisstijl")
    assert made == {"docx": tmp_path / "huisstijl" / "reference.docx", "odt": tmp_path / "huisstijl" / "reference.odt"}
    assert Document(made["docx"]).styles["Invulveld"].font.bold is True
    assert zipfile.ZipFile(made["odt"]).namelist()[0] == "mimetype"


def test_pandoc_failure_becomes_dutch_error(tmp_path):
    references = {"docx": tmp_path / "weg.docx", "odt": tmp_path / "weg.odt"}
    out = tmp_path / "out"
    with pytest.raises(ConversionError) as caught:
        write_downloads(FIXTURE_ID, "1.0.0", "Titel", FIXTURE_BODY, FIXTURE_LABELS, out, references=references)
    message = str(caught.value)
    assert message.startswith(f"Het sjabloon '{FIXTURE_ID}' kon niet worden omgezet naar Word")
    assert "Traceback" not in message and "weg.docx" in message
    assert list(out.iterdir()) == []  # no half-written files


def test_invalid_input_names_the_template(tmp_path):
    with pytest.raises(DocumentError, match="ongeldige versie"):
        write_downloads("abc", "1.0", "Titel", "x", {}, tmp_path)
    with pytest.raises(DocumentError, match="Ongeldig kenmerk"):
        write_downloads("../abc", "1.0.0", "Titel", "x", {}, tmp_path)
    with pytest.raises(PlaceholderError, match="Sjabloon 'abc': Invulvelden zonder label: x"):
        write_downloads("abc", "1.0.0", "Titel", "[[x]]", {}, tmp_path)


def test_write_all_runs_in_parallel_and_collects_errors(tmp_path):
    jobs = [DocumentJob(f"t{n}", "1.0.0", f"Titel {n}", FIXTURE_BODY, FIXTURE_LABELS)
            for n in range(3)]
    results = write_all(jobs, tmp_path, max_workers=2)
    assert sorted(results) == ["t0", "t1", "t2"]
    assert all(path.is_file() for paths in results.values() for path in paths.values())

    own = tmp_path / "eigen-map"
    single = write_all([DocumentJob("t9", "1.0.0", "T", "x", out_dir=own)])
    assert single["t9"]["odt"].parent == own

    bad = [DocumentJob("kapot-a", "1.0.0", "A", "[[x]]"), jobs[0],
           DocumentJob("kapot-b", "1.0.0", "B", "[[y]]")]
    with pytest.raises(BatchError) as caught:
        write_all(bad, tmp_path, max_workers=2)
    assert len(caught.value.errors) == 2
    assert "kapot-a" in str(caught.value) and "kapot-b" in str(caught.value)
