"""Content checks over the Catalog and the built site: contrast in every comparison field, Dutch spelling."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.load.catalog import load_catalog
from macros.model.schema import fields
from macros.render.tables import value

ROOT = Path(__file__).resolve().parent.parent
WORDLIST = ROOT / "tests" / "spelling" / "woorden.txt"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


def test_every_comparison_field_shows_contrast(catalog):
    """Derived from the schema, so a new comparison field is covered automatically."""
    compared = [f for f in fields(catalog.schemas["praktijk"], "praktijk") if f.compare]
    assert len(compared) >= 15
    for f in compared:
        values = {value(p, f) for p in catalog.practices} - {None, ()}
        assert len(values) >= 2, f"{f.dotted} has only {values} over the examples"


def test_examples_cover_every_code_of_every_coded_comparison_field(catalog):
    for f in fields(catalog.schemas["praktijk"], "praktijk"):
        codelist = f.spec.get("x-codelijst")
        if not (f.compare and codelist) or codelist == "partnerrol":
            continue
        used = set()
        for p in catalog.practices:
            v = value(p, f)
            used |= set(v) if isinstance(v, tuple) else {v}
        missing = {c.code for c in catalog.codelists[codelist]} - used - NOT_FOR_FICTION.get(codelist, set())
        assert not missing, f"{f.dotted}: no example uses {sorted(missing)}"


# Codes an invented practice must never carry: evidence of effect would be a false claim
# (tests/test_onderbouwing.py checks that no fictional record does).
# Nor a ground of AVG art. 6(1) that does not fit sharing between public partners: a contract (b),
# vital interests (d, only in exceptional cases) and legitimate interests (f, not for public
# authorities in their tasks); an invented example must not suggest they do.
NOT_FOR_FICTION = {"onderbouwing": {"eerste-aanwijzingen-effect", "goede-aanwijzingen-effect"},
                   "avg-grondslag": {"b", "d", "f"}}


def test_examples_are_marked_fictional(catalog):
    for p in catalog.practices:
        if p.id.startswith("voorbeeld-"):
            assert p.get("voorbeeld") is True and p.get("samenvatting").startswith("Fictief voorbeeld"), p.id


class _ArticleText(HTMLParser):
    SKIP = {"code", "pre", "script", "style", "svg", "kbd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip, self.article = [], 0, 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in self.SKIP
        self.article += tag == "article"

    def handle_endtag(self, tag):
        self.skip -= tag in self.SKIP
        self.article -= tag == "article"

    def handle_data(self, data):
        if self.article and not self.skip:
            self.parts.append(data)


def words_of(html: str) -> list[str]:
    parser = _ArticleText()
    parser.feed(html)
    text = " ".join(parser.parts)
    return [w for w in re.findall(r"[A-Za-zÀ-ÿ]+(?:'[a-z]+)?", text) if not (w.isupper() and len(w) <= 6)]


def place_name_words() -> set[str]:
    """The words of the official gemeente names (CBS reference data, not our prose): the map's lookup lists all."""
    with (ROOT / "practices" / "referentie" / "gemeenten.csv").open(encoding="utf-8", newline="") as f:
        return {w for row in csv.DictReader(f) for w in re.findall(r"[A-Za-zÀ-ÿ]+(?:'[a-z]+)?", row["naam"])}


def test_dutch_spelling_of_the_whole_site(site_dir):
    if not shutil.which("hunspell") or not Path("/usr/share/hunspell/nl_NL.dic").exists():
        pytest.fail("hunspell met het Nederlandse woordenboek ontbreekt: installeer hunspell en hunspell-nl (make test doet dat).")
    pages = {p: words_of(p.read_text(encoding="utf-8")) for p in site_dir.rglob("index.html")}
    words = sorted({w for ws in pages.values() for w in ws})
    result = subprocess.run(["hunspell", "-d", "nl_NL", "-p", str(WORDLIST), "-l"], input="\n".join(words),
                            capture_output=True, text=True, check=True)
    wrong = sorted(set(result.stdout.split()) - place_name_words())
    where = {w: next(str(p.relative_to(site_dir)) for p, ws in pages.items() if w in ws) for w in wrong}
    assert not wrong, ("Onbekende woorden (verbeter de tekst of voeg een goed woord toe aan tests/spelling/woorden.txt): "
                       + ", ".join(f"{w} ({where[w]})" for w in wrong))


def test_spell_checker_catches_a_real_mistake(tmp_path):
    result = subprocess.run(["hunspell", "-d", "nl_NL", "-p", str(WORDLIST), "-l"], input="leerplichtambtenaar\nsamenwerkingsferband\n",
                            capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["samenwerkingsferband"]
