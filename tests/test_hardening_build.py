"""Hardening of the build: template bodies, documents, crash-safe and repeatable publishing, failures explained.

Each attack is tried as an attacker would and must be refused with a Dutch `file:line` message
or arrive inert; the build is killed for real and must leave a complete site.
"""

from __future__ import annotations

import fcntl
import hashlib
import http.server
import json
import os
import re
import shutil
import signal
import socketserver
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from datetime import date
from pathlib import Path

import pytest

from macros.checks.templates import check_body
from macros.model.urls import url_kind
from macros.cli.main import main
from macros.publish import document_tree as tree_module
from macros.publish.document_tree import document_tree, elements
from macros.publish.document_work import document_work
from macros.publish.house_style import reference_documents
from macros.publish.documents import write_downloads
from macros.render.template_body import body_html
from conftest import project_copy

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = "convenant-gegevensdeling"
PASSWD = Path("/etc/passwd").read_bytes()


def png(red: int = 255) -> bytes:
    """A valid 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes([0, red, 0, 0])))
            + chunk(b"IEND", b""))


@pytest.fixture
def practices(tmp_path) -> Path:
    target = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", target)
    return target


def add_to_body(practices: Path, extra: str) -> tuple[str, int]:
    """Append `extra` to the template body; returns the shown file and the line `extra` starts on."""
    body = practices / "sjablonen" / f"{TEMPLATE}.md"
    text = body.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    body.write_text(text + extra, encoding="utf-8")
    return f"sjablonen/{TEMPLATE}.md", text.count("\n") + 1


def body_problems(practices: Path, capsys) -> list[str]:
    """The report lines about the template body (`validate` exits 1)."""
    assert main(["validate", str(practices)]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    return [line.split(f"sjablonen/{TEMPLATE}.md:", 1)[1] for line in out.splitlines()
            if f"sjablonen/{TEMPLATE}.md:" in line]


def run(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def unstable(name: str) -> bool:
    """Pagefind writes its filter and metadata indexes in hash-map order, so their bytes (and the
    hashed names that point at them) differ between runs of the same input (Pagefind issue 638).
    The word index and the fragments, the bulk of the index, are stable."""
    return (name.startswith("pagefind/") and name.endswith((".pf_filter", ".pf_meta"))
            or name == "pagefind/pagefind-entry.json")


def manifest(folder: Path) -> dict[str, str]:
    """Every file's hash, apart from Pagefind's run-to-run unstable files."""
    return {name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file() and not unstable(name := p.relative_to(folder).as_posix())}


# --------------------------------------------------------------------------- item 2: template bodies


IMAGE_FIX = ("Zet de afbeelding (png, jpg of gif) in die map en gebruik alleen de bestandsnaam, zoals "
             "![logo](logo.png).")
LINK_FIX = ("is niet toegestaan: gebruik een webadres dat begint met https:// of http://, een mailto:-adres of "
            "een link binnen de site (zoals ../praktijken/).")
HTML = "tekst: HTML-code is niet toegestaan in een sjabloon. Gebruik gewone Markdown."


def test_images_from_the_build_machine_or_elsewhere_are_refused(practices, capsys):
    shown, first = add_to_body(practices, "Logo ![x][a] hier.\n\n[a]: file:///etc/passwd\n\n![y](/etc/passwd)\n\n"
                                          "![z](../../../etc/passwd)\n\n![r](https://example.org/logo.png)\n")
    folder = f"{practices}/sjablonen/{TEMPLATE}/"
    assert body_problems(practices, capsys) == [
        f"{first}: tekst: afbeelding 'file:///etc/passwd' is niet toegestaan: een afbeelding in een sjabloon is een "
        f"bestand uit {folder}. {IMAGE_FIX}",
        f"{first + 2}: tekst: link 'file:///etc/passwd' {LINK_FIX}",
        f"{first + 4}: tekst: afbeelding '/etc/passwd' is niet toegestaan: een afbeelding in een sjabloon is een "
        f"bestand uit {folder}. {IMAGE_FIX}",
        f"{first + 6}: tekst: afbeelding '../../../etc/passwd' is niet toegestaan: een afbeelding in een sjabloon is "
        f"een bestand uit {folder}. {IMAGE_FIX}",
        f"{first + 8}: tekst: afbeelding 'https://example.org/logo.png' staat op een andere site; die zou bij de bouw "
        f"en door elke bezoeker worden opgehaald. Een afbeelding in een sjabloon komt uit {folder}. {IMAGE_FIX}",
    ]


@pytest.mark.parametrize("extra, expected", [
    ("[a](javascript:alert(1))", f"tekst: link 'javascript:alert(1)' {LINK_FIX}"),
    ("[a](JaVaScRiPt:alert(1))", f"tekst: link 'JaVaScRiPt:alert(1)' {LINK_FIX}"),
    ("[a](&#106;avascript:alert(1))", f"tekst: link 'javascript:alert(1)' {LINK_FIX}"),
    ("[a](javascript&colon;alert(1))", f"tekst: link 'javascript:alert(1)' {LINK_FIX}"),
    ("[a](java&#x09;script:alert(1))", f"tekst: link 'java\\x09script:alert(1)' {LINK_FIX}"),
    ("[a](<java script:alert(1)>)", f"tekst: link 'java script:alert(1)' {LINK_FIX}"),
    ("[a](%6Aavascript:alert(1))", f"tekst: link '%6Aavascript:alert(1)' {LINK_FIX}"),
    ("<javascript:alert(1)>", f"tekst: link 'javascript:alert(1)' {LINK_FIX}"),
    ("[a](data:text/html;base64,PHNjcmlwdD4=)", f"tekst: link 'data:text/html;base64,PHNjcmlwdD4=' {LINK_FIX}"),
    ("[a](vbscript:msgbox)", f"tekst: link 'vbscript:msgbox' {LINK_FIX}"),
    ("[a](file:///etc/passwd)", f"tekst: link 'file:///etc/passwd' {LINK_FIX}"),
    ("[a](//evil.example/)", f"tekst: link '//evil.example/' {LINK_FIX}"),
    ("[a][r]\n\n[r]: javascript:alert(1)", f"tekst: link 'javascript:alert(1)' {LINK_FIX}"),
    ("<b onclick=\"alert(1)\">vet</b>", HTML),
    ("<div>\nblok\n</div>", HTML),
    ("<img src=x onerror=alert(1)", HTML),
    ("Tekst\n{: onclick=\"alert(1)\" }", "tekst: een attributenlijst zoals '{: ... }' of '{#...}' is niet toegestaan "
     "in een sjabloon: die voegt HTML-attributen of code toe. Haal het stuk tussen { en } weg."),
    ("## Kop {#anker onclick=x}", "tekst: een attributenlijst zoals '{: ... }' of '{#...}' is niet toegestaan in een "
     "sjabloon: die voegt HTML-attributen of code toe. Haal het stuk tussen { en } weg."),
    ("```{=openxml}\n<w:p/>\n```", "tekst: een codeblok (een regel die met ``` of met vier spaties begint) is niet "
     "toegestaan in een sjabloon. Haal de inspringing of de ``` weg."),
])
def test_active_content_in_a_body_is_refused_with_file_and_line(practices, capsys, extra, expected):
    _, first = add_to_body(practices, extra + "\n")
    problems = body_problems(practices, capsys)
    offset = 2 if extra.startswith("[a][r]") else 1 if extra.startswith("Tekst") else 0
    assert f"{first + offset}: {expected}" in problems, problems


def test_a_reference_named_like_a_placeholder_is_refused(practices, capsys):
    _, first = add_to_body(practices, "[swv_naam]: https://example.org/\n")
    assert body_problems(practices, capsys) == [
        f"{first}: tekst: de verwijzing [swv_naam] heeft de naam van een invulveld; dan wordt [[swv_naam]] een "
        "link. Kies een andere naam voor de verwijzing."]


def test_the_allowed_markdown_passes(tmp_path):
    folder = tmp_path / "sjablonen" / "x"
    folder.mkdir(parents=True)
    (folder / "logo.png").write_bytes(png())
    body = ("## Artikel 1\n\nTekst met *nadruk*, **vet** en [[naam]].\n\n1. een\n2. twee\n\n- a. punt\n\n"
            "> **Let op:** een model.\n\n| a | b |\n| --- | --- |\n| [site](https://example.org/) | "
            "[mail](mailto:info@example.org) |\n\n[intern](../../praktijken/) en [anker](#artikel-1) en [ref][r].\n\n"
            "![Logo van de regio](logo.png)\n\n[r]: https://example.org/ref\n")
    assert check_body(body, "sjablonen/x.md", folder) == []


def test_a_missing_or_linked_attachment_image_is_refused(tmp_path):
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "link.png").symlink_to(tmp_path / "elders.png")
    (tmp_path / "elders.png").write_bytes(png())
    problems = check_body("![a](weg.png)\n\n![b](link.png)\n", "x.md", folder)
    assert [str(p) for p in problems] == [
        f"x.md:1: tekst: afbeelding 'weg.png' bestaat niet in {folder}/. Zet het bestand daar neer of verbeter de naam.",
        f"x.md:3: tekst: afbeelding 'link.png' is een symbolische link; zet een gewoon bestand in {folder}/.",
    ]


@pytest.mark.parametrize("url, kind", [
    ("https://example.org/", "web"), ("HTTP://example.org", "web"), ("mailto:info@example.org", "mail"),
    ("../praktijken/", "internal"), ("#artikel-1", "anchor"), ("https:/", "refused"), ("//evil.example", "refused"),
    ("\\\\evil.example", "refused"), (" javascript:x", "refused"), ("jav\nascript:x", "refused"),
    ("&#x6A;avascript:x", "refused"), ("data:image/png;base64,AA", "refused"), ("file:/etc/passwd", "refused"),
])
def test_url_kinds(url, kind):
    assert url_kind(url) == kind


@pytest.mark.parametrize("body, html", [
    ("## Kop\n\nTekst met [[naam]], [[leerplicht_naam]] en [[a_b]] of [[c_d]].",
     "<h2>Kop</h2>\n<p>Tekst met [[naam]], [[leerplicht_naam]] en [[a_b]] of [[c_d]].</p>"),
    ("<script>alert(1)</script>na", "\n<p>na</p>"),
    ("<img src=x onerror=alert(1)>", "<p><img></p>"),
    ("<a href=\"javascript:alert(1)\" onmouseover=\"x\">a</a>", "<p><a rel=\"noopener\">a</a></p>"),
    ("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) "
     "[d](java&#x09;script:x) [e](<java script:x>) [f](javascript&colon;x)",
     "<p><a rel=\"noopener\">a</a> <a rel=\"noopener\">b</a> <a rel=\"noopener\">c</a> <a rel=\"noopener\">d</a> "
     "<a rel=\"noopener\">e</a> <a rel=\"noopener\">f</a></p>"),
    ("[x][r]\n\n[r]: javascript:alert(1)", "<p><a rel=\"noopener\">x</a></p>"),
    ("Tekst\n{: onclick=\"alert(1)\" }", "<p>Tekst\n{: onclick=\"alert(1)\" }</p>"),
    ("[d](data:text/html;base64,PHNjcmlwdD4=) ![p](data:image/png;base64,AAA)",
     "<p><a rel=\"noopener\">d</a> <img alt=\"p\"></p>"),
    ("<div onclick=\"x\" style=\"position:fixed\">hoi</div>", "hoi"),
    ("<iframe src=\"https://example.org/\"></iframe><form action=x><input></form>", "\n"),
    ("![logo](logo.png) ![x](/etc/passwd) ![y](../../../etc/passwd) ![z](https://example.org/a.png)",
     "<p><img alt=\"logo\" src=\"logo.png\"> <img alt=\"x\"> <img alt=\"y\"> <img alt=\"z\"></p>"),
    ("[ok](https://example.org/) [m](mailto:info@example.org) [i](../praktijken/) [p](//evil.example/)",
     "<p><a href=\"https://example.org/\" rel=\"noopener\">ok</a> <a href=\"mailto:info@example.org\" "
     "rel=\"noopener\">m</a> <a href=\"../praktijken/\" rel=\"noopener\">i</a> <a rel=\"noopener\">p</a></p>"),
    ("| a | b |\n|:--|--:|\n| 1 | 2 |",
     "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n<tbody>\n"
     "<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>"),
    ("> **Let op**", "<blockquote>\n<p><strong>Let op</strong></p>\n</blockquote>"),
])
def test_body_html_is_sanitised(body, html):
    assert body_html(body) == html


def test_body_html_puts_the_prefix_before_attachment_images_only():
    assert body_html("![a](logo.png) ![b](x/logo.png)", image_prefix="../bijlagen/") == \
        "<p><img alt=\"a\" src=\"../bijlagen/logo.png\"> <img alt=\"b\"></p>"


def test_the_bundled_templates_render_without_losing_text():
    for body_file in sorted((ROOT / "practices" / "sjablonen").glob("*.md")):
        body = body_file.read_text(encoding="utf-8")
        html = body_html(body)
        assert html.count("[[") == body.count("[["), body_file.name
        assert "<table>" in html or "|" not in body, body_file.name


# --------------------------------------------------------------------------- item 1: documents


HOSTILE = """## Artikel

Logo ![x][a] en ![y](/etc/passwd) en ![z](../../../etc/passwd) en ![r]({remote}).

[kwaad](javascript:alert(1)) [ook](JaVaScRiPt:alert(1)) [bestand](file:///etc/passwd)
[data](data:text/html;base64,PHNjcmlwdD4=) [goed](https://example.org/) [mail](mailto:info@example.org)

```{{=openxml}}
<w:p><w:r><w:t>RAUW</w:t></w:r></w:p>
```

<b onclick="x">vet</b> [[naam]]

[a]: file:///etc/passwd
"""


class _Counting(http.server.SimpleHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(png())

    def log_message(self, *args):
        pass


@pytest.fixture
def local_image_server():
    """An image server on this machine that counts requests (a stand-in for a remote host)."""
    _Counting.requests = []
    server = socketserver.TCPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/logo.png", _Counting.requests
    server.shutdown()
    server.server_close()


@pytest.fixture
def hostile_documents(tmp_path, local_image_server):
    url, requests = local_image_server
    paths = write_downloads("kwaad", "1.0.0", "Kwaad", HOSTILE.format(remote=url), {"naam": "Naam"}, tmp_path / "uit")
    return paths, requests


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_documents_embed_nothing_of_the_build_machine(hostile_documents, fmt):
    paths, requests = hostile_documents
    files = entries(paths[fmt])
    assert [n for n in files if n.startswith(("word/media/", "Pictures/"))] == []
    first_line = PASSWD.splitlines()[0]
    assert [n for n, data in files.items() if first_line in data or b"passwd" in data] == []
    assert requests == [], "pandoc fetched the remote image"


def test_docx_carries_only_allowed_links(hostile_documents):
    files = entries(hostile_documents[0]["docx"])
    targets = sorted(re.findall(rb'Target="([^"]+)" TargetMode="External"', files["word/_rels/document.xml.rels"]))
    assert targets == [b"https://example.org/", b"mailto:info@example.org"]
    document = files["word/document.xml"]
    assert b"javascript" not in document.lower() and b"data:text" not in document
    assert b"&lt;w:t&gt;RAUW" in document and b"<w:t>RAUW</w:t>" not in document, "raw OpenXML stays text"
    assert b"onclick" in document and b"<b " not in document, "raw HTML stays visible text, never markup"


def test_odt_carries_only_allowed_links(hostile_documents):
    content = entries(hostile_documents[0]["odt"])["content.xml"]
    assert sorted(re.findall(rb'xlink:href="([^"]+)"', content)) == [b"https://example.org/",
                                                                     b"mailto:info@example.org"]
    assert b"javascript" not in content.lower()


def test_pandoc_embeds_nothing_even_from_an_unfiltered_tree(tmp_path, local_image_server, monkeypatch):
    """The sandbox alone, with the tree filter switched off."""
    url, requests = local_image_server
    monkeypatch.setattr(tree_module, "_inert", lambda node, images: node)
    paths = write_downloads("kwaad", "1.0.0", "Kwaad", HOSTILE.format(remote=url), {"naam": "Naam"}, tmp_path)
    for fmt in ("docx", "odt"):
        files = entries(paths[fmt])
        assert [n for n in files if n.startswith(("word/media/", "Pictures/"))] == [], fmt
        assert [n for n, data in files.items() if PASSWD.splitlines()[0] in data] == [], fmt
    assert requests == []


def test_the_document_tree_keeps_only_allowed_links_and_no_images_or_raw_blocks():
    """The tree filter alone: what pandoc gets to write."""
    tree = json.loads(document_tree(HOSTILE.format(remote="https://example.org/logo.png")))
    kinds = {kind: [e["c"][2][0] for e in elements(tree, kind)] for kind in ("Link", "Image")}
    assert kinds == {"Link": ["https://example.org/", "mailto:info@example.org"], "Image": []}
    assert list(elements(tree, "RawBlock")) == [] and tree["meta"] == {}


def test_the_templates_own_image_is_embedded(tmp_path):
    folder = tmp_path / "sjablonen" / "met-logo"
    folder.mkdir(parents=True)
    (folder / "logo.png").write_bytes(png(7))
    paths = write_downloads("met-logo", "1.0.0", "Met logo", "Tekst\n\n![Logo](logo.png)\n", {}, tmp_path / "uit",
                            attachments=folder)
    media = {n: d for n, d in entries(paths["docx"]).items() if n.startswith("word/media/")}
    pictures = {n: d for n, d in entries(paths["odt"]).items() if n.startswith("Pictures/")}
    assert list(media.values()) == [png(7)] and list(pictures.values()) == [png(7)]


def test_an_image_linked_out_of_the_attachment_folder_is_not_embedded(tmp_path):
    folder = tmp_path / "sjablonen" / "link"
    folder.mkdir(parents=True)
    (folder / "logo.png").symlink_to("/etc/passwd")
    paths = write_downloads("link", "1.0.0", "Link", "![Logo](logo.png)\n", {}, tmp_path / "uit", attachments=folder)
    assert [n for n in entries(paths["docx"]) if n.startswith("word/media/")] == []


def test_document_work_folder_is_removed_and_leftovers_of_killed_builds_cleaned(tmp_path):
    cache = tmp_path / ".cache"
    cache.mkdir()
    (cache / "documenten-gedood").mkdir()  # what a killed build leaves
    (cache / "documenten-gedood" / "x.docx").write_bytes(b"x")
    with document_work(cache) as work:
        assert work.folder.parent == cache and work.folder.name.startswith("documenten-")
        assert sorted(p.name for p in work.references.values()) == ["reference.docx", "reference.odt"]
        assert not (cache / "documenten-gedood").exists()
        with document_work(cache) as second:  # a second user leaves the first one's folder alone
            assert work.folder.is_dir() and second.folder != work.folder
        assert work.folder.is_dir() and not second.folder.exists()
    assert sorted(p.name for p in cache.iterdir()) == ["documenten.lock"]


# --------------------------------------------------------------------------- item 8: repeatable documents


def test_documents_are_byte_identical_and_dated_by_the_version(tmp_path):
    body = (ROOT / "practices" / "sjablonen" / f"{TEMPLATE}.md").read_text(encoding="utf-8")
    labels = {name: name for name in set(re.findall(r"\[\[([a-z0-9_]+)\]\]", body))}
    made = []
    for n in (1, 2):
        references = reference_documents(tmp_path / f"huisstijl-{n}")
        made.append(write_downloads(TEMPLATE, "1.0.0", "T", body, labels, tmp_path / f"uit-{n}",
                                    references=references, released=date(2026, 11, 28)))
        time.sleep(1.1)  # a second apart, so a clock time in a document would show
    for fmt in ("docx", "odt"):
        assert made[0][fmt].read_bytes() == made[1][fmt].read_bytes(), fmt
        with zipfile.ZipFile(made[0][fmt]) as package:
            assert {info.date_time for info in package.infolist()} == {(2026, 11, 28, 0, 0, 0)}
    core = entries(made[0]["docx"])["docProps/core.xml"]
    assert re.findall(rb"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == [b"2026-11-28T00:00:00Z"] * 2
    meta = entries(made[0]["odt"])["meta.xml"]
    assert re.findall(rb"<(?:meta:creation-date|dc:date)>([^<]*)<", meta) == [b"2026-11-28T00:00:00Z"] * 2


def test_two_builds_of_the_same_commit_are_identical(tmp_path, site_dir):
    again = tmp_path / "tweede" / "site"
    result = run("build", "--site", str(again))
    assert result.returncode == 0, result.stderr
    first, second = manifest(site_dir), manifest(again)
    for sitemap in ("sitemap.xml", "sitemap.xml.gz"):
        first.pop(sitemap, None), second.pop(sitemap, None)
    assert sum(name.startswith("pagefind/fragment/") for name in first) >= 13, "the search index is compared"
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.endswith(".docx") for name in first) and any(name.endswith(".odt") for name in first)


# --------------------------------------------------------------------------- item 6: a failed build says why


def test_a_failed_build_names_the_page_and_the_link(tmp_path):
    project = project_copy(tmp_path)
    (project / "docs" / "kapot.md").write_text("# Kapot\n\n[link](bestaat-niet.md)\n", encoding="utf-8")
    result = run("build", "--site", str(project / "site"), cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "- docs/kapot.md: de link 'bestaat-niet.md' wijst naar een pagina die niet bestaat. Verbeter de link " \
           "of maak de pagina aan." in lines
    assert "- deze pagina's staan in docs/ maar niet in 'nav' van mkdocs.yml: kapot.md. Zet ze in 'nav' of in " \
           "'not_in_nav'." in lines
    assert "De bouw is mislukt: MkDocs stopte na 2 melding(en) in strenge modus (zie hierboven)." in lines
    assert "Traceback" not in result.stderr and not (project / "site").exists()


def test_an_unwritable_site_folder_is_a_dutch_message(tmp_path):
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    result = run("build", "--site", str(tmp_path / "bestand" / "site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"De site kan niet in {tmp_path}/bestand/site/ worden gezet: {tmp_path}/bestand/.site.builds: een deel van "
        f"dit pad is een bestand, geen map. Kies een ander pad. {tmp_path}/bestand/site/ is niet veranderd; een andere "
        "map kiest u met --site.")


# --------------------------------------------------------------------------- item 7: crash-safe publishing


def start_build(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "macros.cli", "build", "--site", str(project / "site")],
                            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def kill_when(process: subprocess.Popen, moment, may_finish: bool = False) -> None:
    """SIGKILL the build as soon as `moment()` is true; fails if the build ended first. With
    `may_finish`, the build may just have ended when the signal comes (the last moments of a build
    are milliseconds long); the site must be complete either way."""
    deadline = time.monotonic() + 120
    while not moment():
        assert process.poll() is None, f"the build ended before the moment to kill it: {process.stderr.read()}"
        assert time.monotonic() < deadline, "the moment to kill never came"
        time.sleep(0.002)
    process.kill()
    process.wait()
    assert process.returncode == -signal.SIGKILL or (may_finish and process.returncode == 0)


def new_builds(project: Path, known: set[str]) -> list[Path]:
    builds = project / ".site.builds"
    return [p for p in builds.iterdir() if p.name.startswith("bouw-") and p.is_dir() and p.name not in known]


def test_a_killed_build_always_leaves_a_complete_site(tmp_path):
    project = project_copy(tmp_path)
    site = project / "site"
    site.mkdir()  # a site/ folder from before builds were versioned
    (site / "oud.txt").write_text("oude site", encoding="utf-8")
    (project / ".site.nieuw-abc").mkdir()  # leftovers of the old two-rename swap
    (project / ".site.oud-def").mkdir()
    first = run("build", "--site", str(site), cwd=project)
    assert first.returncode == 0, first.stderr
    assert site.is_symlink() and not (site / "oud.txt").exists()
    assert not (project / ".site.nieuw-abc").exists() and not (project / ".site.oud-def").exists()
    old = manifest(site)
    assert "index.html" in old and "sjablonen/convenant-gegevensdeling/convenant-gegevensdeling-3.0.0.docx" in old

    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n\nVersie B van de startpagina.\n", encoding="utf-8")
    current = {os.readlink(site).rsplit("/", 1)[-1]}
    moments = {
        "versioned folder appears": lambda known: bool(new_builds(project, known)),
        "first page written": lambda known: any((p / "index.html").exists() for p in new_builds(project, known)),
        "downloads being copied": lambda known: any((p / "sjablonen").exists() for p in new_builds(project, known)),
    }
    for name, moment in moments.items():
        known = {p.name for p in (project / ".site.builds").iterdir()}  # leftovers of the kill before
        kill_when(start_build(project), lambda: moment(known))
        assert manifest(site) == old, f"killed at '{name}': the old site is no longer complete"
        assert len(new_builds(project, known)) == 1, "the killed build left its folder"
        assert len(new_builds(project, current)) == 1, "the next build removed the folder of the kill before"

    swapped = start_build(project)  # killed right after the switch, while the old build is removed
    kill_when(swapped, lambda: os.readlink(site).rsplit("/", 1)[-1] not in current, may_finish=True)
    new = manifest(site)
    assert "Versie B van de startpagina." in (site / "index.html").read_text(encoding="utf-8")

    last = run("build", "--site", str(site), cwd=project)
    assert last.returncode == 0, last.stderr
    assert manifest(site) == new, "the site left by the kill was the complete new one"
    builds = sorted(p.name for p in (project / ".site.builds").iterdir())
    assert builds == sorted([os.readlink(site).rsplit("/", 1)[-1], "bouw.lock"]), "leftovers were cleaned"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith((".site", "site"))) == [".site.builds",
                                                                                                  "site"]


def test_a_second_build_while_one_runs_is_refused(tmp_path):
    project = project_copy(tmp_path)
    lock = project / ".site.builds" / "bouw.lock"

    def lock_taken() -> bool:
        if not lock.exists():
            return False
        with lock.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False

    first = start_build(project)
    deadline = time.monotonic() + 120
    while not lock_taken():
        assert first.poll() is None and time.monotonic() < deadline, "the first build never took the lock"
        time.sleep(0.002)
    first.send_signal(signal.SIGSTOP)  # keep it running, holding the lock, for as long as the test needs
    try:
        second = run("build", "--site", str(project / "site"), cwd=project)
    finally:
        first.send_signal(signal.SIGCONT)
    assert second.returncode == 1
    assert second.stderr.strip() == (f"Er loopt al een andere bouw van {project}/site/ (het slot {lock} is bezet). "
                                     "Wacht tot die klaar is en probeer het daarna opnieuw.")
    assert first.wait(timeout=300) == 0, first.stderr.read()
    assert (project / "site" / "index.html").is_file()


def test_ctrl_c_during_a_build_prints_one_dutch_line_and_keeps_the_site(tmp_path):
    """Issue 24: Ctrl+C at any point of the page step ends the build and its workers without a
    traceback; the previous site stays, and no build folder is left."""
    project = project_copy(tmp_path)
    site = project / "site"
    first = run("build", "--site", str(site), cwd=project)
    assert first.returncode == 0, first.stderr
    before = manifest(site)
    build = subprocess.Popen([sys.executable, "-m", "macros.cli", "build", "--site", str(site)], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    lines = []
    for line in build.stderr:  # wait until the pages are being made
        lines.append(line)
        if line.startswith("[2/3]"):
            break
    time.sleep(1)   # inside the page step, which takes about 2.5 s on an idle machine and longer under load
    os.killpg(build.pid, signal.SIGINT)  # as a terminal does: the whole process group
    lines += build.stderr.readlines()
    build.wait(timeout=120)
    told = "".join(lines)
    assert build.returncode == 130, told
    assert "Traceback" not in told and "KeyboardInterrupt" not in told
    assert lines[-1] == f"Afgebroken. De site is niet vervangen; {site}/ is niet veranderd.\n"
    assert manifest(site) == before
    assert sorted(p.name for p in (project / ".site.builds").iterdir()) == sorted(
        [os.readlink(site).rsplit("/", 1)[-1], "bouw.lock"])
