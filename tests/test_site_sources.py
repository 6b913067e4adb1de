"""The site's own sources (docs/ and overrides/) on both builders: no links followed, no folder
outside the project, and a failing macro in a page told in Dutch with its line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from conftest import project_copy
from macros.site import macro_errors
from macros.checks.site_sources import source_problems

SECRET = "geheim-buiten-het-project-4711"


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", "build", "--site", str(project / "site"), *args],
                          cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def everything_under(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*")
                   if p.is_file() and not p.is_symlink()) if folder.exists() else ""


@pytest.mark.parametrize("bouwer", ["mkdocs", "zensical"])
def test_links_in_docs_and_overrides_stop_the_build_and_publish_nothing(tmp_path, bouwer):
    project = project_copy(tmp_path)
    outside = tmp_path / "buiten.txt"
    outside.write_text(SECRET, encoding="utf-8")
    (project / "docs" / "assets" / "x.txt").symlink_to(outside)
    (project / "overrides" / "partials" / "header.html").unlink()
    (project / "overrides" / "partials" / "header.html").symlink_to(outside)
    done = run_build(project, "--bouwer", bouwer, "--niet-streng")
    assert done.returncode == 1
    assert "- docs/assets/x.txt is een symbolische koppeling (symlink)." in done.stderr
    assert "- overrides/partials/header.html is een symbolische koppeling (symlink)." in done.stderr
    assert "Traceback" not in done.stderr and "site/ is niet veranderd" in done.stderr
    assert not (project / "site").exists()
    assert SECRET not in everything_under(project / ".site.builds")


def test_a_page_that_is_not_utf8_is_named_with_its_line(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "goed.md").write_text("Één regel\n", encoding="utf-8")
    (project / "docs" / "fout.md").write_bytes("Regel een\nCaf\u00e9 twee\n".encode("latin-1"))
    (project / "docs" / "plaatje.png").write_bytes(b"\x89PNG\xff")
    assert source_problems(project, [Path("docs")]) == [
        "docs/fout.md: regel 2: byte 0xe9 is geen geldige UTF-8-tekst. Sla het bestand op als UTF-8 (in de meeste "
        "editors: 'Opslaan als' > codering UTF-8)."]


def test_source_folders_outside_the_project_or_linked_are_refused(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (tmp_path / "elders").mkdir()
    (project / "thema").symlink_to(tmp_path / "elders")
    assert source_problems(project, [Path("docs")]) == []
    found = source_problems(project, [Path("../elders"), tmp_path / "elders", Path("thema")])
    assert [f.split(":")[0] for f in found] == [str(tmp_path / "elders")] * 2 + ["thema"]
    assert all("ligt buiten het project" in f for f in found)


def test_a_failing_macro_in_a_page_is_dutch_with_its_line_in_the_mkdocs_build(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "over.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    page.write_text("\n".join(lines + ["", "{{ 1 / 0 }}"]), encoding="utf-8")
    done = run_build(project)
    assert done.returncode == 1
    assert f"- docs/over.md, regel {len(lines) + 2}: de macro kon niet worden uitgevoerd: ZeroDivisionError: " \
           "division by zero." in done.stderr
    assert "De bouw is mislukt: een macro in een pagina kon niet worden uitgevoerd (zie hierboven)." in done.stderr
    assert "Traceback" not in done.stderr and "```" not in done.stderr


def _failure(template: str) -> Exception:
    try:
        jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(template).render()
    except Exception as err:  # noqa: BLE001 - the test wants whatever Jinja raises
        return err
    raise AssertionError("no error")


@pytest.mark.parametrize("template, expected", [
    ("a\n{{ geen_macro }}", "docs/p.md, regel 2: de macro kon niet worden uitgevoerd: 'geen_macro' is geen macro"),
    ("a\nb\n{{ 1 / 0 }}", "docs/p.md, regel 3: de macro kon niet worden uitgevoerd: ZeroDivisionError: division by"),
    ("a\n{{ x", "docs/p.md, regel 2: de macro kon niet worden uitgevoerd: de Jinja-opmaak klopt niet ("),
    ("{% include 'x.md' %}", "docs/p.md, regel 1: de macro kon niet worden uitgevoerd: include, import en extends"),
])
def test_macro_errors_from_an_exception(template, expected):
    assert macro_errors.from_exception("p.md", _failure(template)).startswith(expected)


def test_macro_errors_from_the_mkdocs_macros_report():
    from mkdocs_macros.errors import format_error

    class Page:
        class file:
            src_path = "themas/x.md"
    for template, expected in [("a\n\n{{ 1 / 0 }}", "docs/themas/x.md, regel 3: de macro kon niet worden uitgevoerd: "
                                "ZeroDivisionError: division by zero."),
                               ("a\n{{ x", "docs/themas/x.md, regel 2: de macro kon niet worden uitgevoerd: de "
                                "Jinja-opmaak klopt niet (")]:
        err = _failure(template)
        try:
            raise err
        except Exception as raised:  # noqa: BLE001 - format_error reads the exception being handled
            report = format_error(raised, markdown=template, page=Page)
        assert macro_errors.from_log(f"[macros] - ERROR {report}", "docs").startswith(expected)
    assert macro_errors.from_log("Doc file 'x.md' contains a link", "docs") is None
