"""The real site, built once with --strict, inspected as parsed HTML."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.load.catalog import load_catalog
from macros.render.context import FACETS, facet_values, render_context

from conftest import html_of

ROOT = Path(__file__).resolve().parent.parent


class Tree(HTMLParser):
    """A tiny DOM: elements with attributes, text and children; enough to assert structure."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "#root", "attrs": {}, "children": [], "text": ""}
        self.stack = [self.root]
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "children": [], "text": ""}
        self.stack[-1]["children"].append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1]["children"].append({"tag": tag, "attrs": dict(attrs), "children": [], "text": ""})

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self.stack[-1]["children"].append({"tag": "#text", "attrs": {}, "children": [], "text": data})


def parse(html: str) -> dict:
    return Tree(html).root


def walk(node):
    yield node
    for child in node["children"]:
        yield from walk(child)


def find_all(node, tag: str, **attrs):
    for n in walk(node):
        if n["tag"] == tag and all(n["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items()):
            yield n


def has_class(node, cls: str) -> bool:
    return cls in (node["attrs"].get("class") or "").split()


def by_class(node, cls: str):
    return [n for n in walk(node) if has_class(n, cls)]


def text(node) -> str:
    return " ".join("".join(n["text"] for n in walk(node)).split())


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


def test_every_practice_has_a_page_outside_the_nav(site_dir, catalog):
    home = parse(html_of(site_dir, ""))
    nav_links = {a["attrs"].get("href", "") for nav in find_all(home, "nav") for a in find_all(nav, "a")}
    for record in catalog.practices:
        page = parse(html_of(site_dir, f"praktijken/{record.id}/"))
        h1 = list(find_all(page, "h1"))
        assert text(h1[0]) == record.get("titel")
        assert not any(record.id in href for href in nav_links), "practice pages must stay out of the nav"
        sections = {text(h).rstrip("#").strip() for h in find_all(page, "h2")}
        assert {"Geoorloofd verzuim", "Doorbraakoverleg", "Financiering passende plek", "Contact"} <= sections


def test_practice_page_shows_structured_fields(site_dir, catalog):
    record = catalog.practice("voorbeeld-west-brabant-po")
    page = parse(html_of(site_dir, "praktijken/voorbeeld-west-brabant-po/"))
    card = by_class(page, "kb-kaartje")[0]
    assert "Breda" in text(card) and "PO 99-06" in text(card) and "West-Brabant (MC34)" in text(card)
    results = by_class(page, "kb-resultaten")[0]
    assert len(list(find_all(results, "tr"))) == len(record.get("resultaten")) + 1
    badges = by_class(page, "kb-dekking")
    assert badges and all(text(b) for b in badges), "coverage is shown as text, not colour alone"
    mail = [a for a in find_all(page, "a") if a["attrs"].get("href", "").startswith("mailto:")]
    assert mail[0]["attrs"]["href"] == "mailto:info@swv-voorbeeld.example"
    # a Markdown attachment is a page of the site, never the raw file (issue 23)
    assert (site_dir / "bijlagen" / "voorbeeld-convenant-doorbraakaanpak" / "index.html").is_file()
    assert not (site_dir / "bijlagen" / "voorbeeld-convenant-doorbraakaanpak.md").exists()


def test_example_and_overdue_banners(site_dir, catalog):
    for record in catalog.practices:
        page = parse(html_of(site_dir, f"praktijken/{record.id}/"))
        titles = {text(t) for t in by_class(page, "admonition-title")}
        assert ("Fictief voorbeeld" in titles) == bool(record.get("voorbeeld"))
        overdue = record.get("redactie", "volgende_beoordeling") < catalog.today.isoformat()
        ended = record.get("status") == "beeindigd" or any(p.get("vervangt") == record.id for p in catalog.practices)
        assert ("Beoordeling verlopen" in titles) == (overdue and not ended), record.id
    assert any(r.get("redactie", "volgende_beoordeling") < catalog.today.isoformat() for r in catalog.practices)


def test_list_page_has_every_practice_and_filter_links_with_counts(site_dir, catalog):
    page = parse(html_of(site_dir, "praktijken/"))
    items = by_class(page, "kb-item")
    assert len(items) == len(catalog.practices)
    links = [a for a in find_all(page, "a") if a["attrs"].get("data-facet") in FACETS]
    assert {a["attrs"]["data-facet"] for a in links} == set(FACETS)
    for a in links:
        facet, value = a["attrs"]["data-facet"], a["attrs"]["data-waarde"]
        expected = sum(value in facet_values(catalog, r)[facet] for r in catalog.practices)
        assert f"({expected})" in text(a)
        target = parse(html_of(site_dir, f"praktijken/filter/{facet}-{value}/"))
        assert len(by_class(target, "kb-item")) == expected, a["attrs"]["href"]
        assert a["attrs"]["href"] == f"filter/{facet}-{value}/"


def test_comparison_tables_are_computed_for_every_theme(site_dir, catalog):
    page = parse(html_of(site_dir, "vergelijken/"))
    tables = [t for t in find_all(page, "table") if "data-thema" in t["attrs"]]   # the results tables: test_outcomes.py
    ctx = render_context(catalog)
    themes = ctx.compare_themes()
    assert [t["attrs"]["data-thema"] for t in tables] == themes
    for table in tables:
        fields = ctx.compare_fields(table["attrs"]["data-thema"])
        headers = [text(list(find_all(th, "button"))[0]) for th in find_all(list(find_all(table, "thead"))[0], "th")]
        assert headers == ["Praktijk"] + [f.title for f in fields]
        rows = list(find_all(list(find_all(table, "tbody"))[0], "tr"))
        assert len(rows) == len(catalog.practices)
        sorts = [th["attrs"].get("aria-sort") for th in find_all(table, "th", scope="col")]
        assert sorts == ["ascending"] + ["none"] * len(fields), "rows come sorted by title"
    doorbraak = parse(html_of(site_dir, "themas/doorbraakoverleg/"))
    assert list(find_all(doorbraak, "table", data_thema="doorbraakoverleg"))


def test_map_has_every_gemeente_and_links_covered_ones(site_dir, catalog):
    page = parse(html_of(site_dir, "kaart/"))
    svg = [s for s in find_all(page, "svg") if has_class(s, "kaart-svg")][0]
    paths = list(find_all(svg, "path"))
    covered = {c for r in catalog.practices for c in r.get("gemeenten")}
    shapes = [p for p in paths if p["attrs"].get("class") in ("kaart-gedekt", "kaart-leeg")]
    assert len(shapes) == len(catalog.gemeenten)
    assert len([p for p in shapes if p["attrs"]["class"] == "kaart-gedekt"]) == len(covered)
    links = list(find_all(svg, "a"))
    assert len(links) == len(covered)
    assert all(list(find_all(a, "title")) for a in links)
    table_rows = [tr for table in find_all(page, "table") if not has_class(table, "kb-swv-tabel")   # SWVs: test_swv.py
                  for tr in find_all(table, "tr") if tr["attrs"].get("id")]
    assert len(table_rows) == len(covered)
    assert "Bron: CBS/PDOK" in text(page)


def test_theme_pages_list_their_practices(site_dir, catalog):
    for code in catalog.codelists["themas"]:
        page = parse(html_of(site_dir, f"themas/{code.code}/"))
        listed = {a["attrs"]["href"].rstrip("/").split("/")[-1] for item in by_class(page, "kb-item")
                  for a in find_all(item, "a")}
        expected = {r.id for r in catalog.practices if code.code in r.get("themas")}
        assert expected <= listed, code.code


def test_template_pages_have_downloads_placeholders_and_users(site_dir, catalog):
    index = parse(html_of(site_dir, "sjablonen/"))
    assert len(by_class(index, "kb-sjablonen")[0]["children"]) == len(catalog.templates)
    for template in catalog.templates:
        page = parse(html_of(site_dir, f"sjablonen/{template.id}/"))
        downloads = [a for a in find_all(page, "a") if "download" in a["attrs"]]
        assert len(downloads) == 3
        for a in downloads:
            file = site_dir / "sjablonen" / template.id / a["attrs"]["href"]
            assert file.is_file() and file.stat().st_size > 0
        sizes = [text(s) for s in by_class(page, "kb-grootte")]
        assert all(re.fullmatch(r"\d+ (kB|bytes)", s) for s in sizes), sizes
        placeholders = {f["naam"] for f in template.get("invulvelden")}
        spans = {s["attrs"]["data-veld"] for s in by_class(page, "kb-invulveld")}
        inputs = {i["attrs"]["data-veld"] for i in find_all(page, "input") if "data-veld" in i["attrs"]}
        assert spans == placeholders == inputs
        assert "[[" not in text(by_class(page, "kb-sjabloontekst")[0])
    users = parse(html_of(site_dir, "sjablonen/financieringsafspraak-passende-plek/"))
    assert "voorbeeld-flevoland-po" in json.dumps(users)


def test_open_data_is_published_and_valid(site_dir):
    descriptor = site_dir / "data" / "datapackage.json"
    assert descriptor.is_file()
    result = subprocess.run([str(Path(sys.executable).parent / "frictionless"), "validate", str(descriptor)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    page = parse(html_of(site_dir, "data/"))
    assert any(a["attrs"].get("href") == "datapackage.json" for a in find_all(page, "a"))
    assert by_class(page, "kb-velden")


THIRD_PARTY = re.compile(r"^(https?:)?//", re.I)


def test_no_page_loads_anything_from_another_host(site_dir):
    for path in site_dir.rglob("*.html"):
        doc = parse(path.read_text(encoding="utf-8"))
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for node in find_all(doc, tag):
                url = node["attrs"].get(attr) or ""
                if tag == "link" and node["attrs"].get("rel") not in ("stylesheet", "preload", "icon", "modulepreload", "manifest"):
                    continue
                assert not THIRD_PARTY.match(url), f"{path}: {tag} {url}"
    for css in site_dir.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")), css


def test_links_are_only_http_mailto_or_internal(site_dir):
    for path in site_dir.rglob("*.html"):
        for a in find_all(parse(path.read_text(encoding="utf-8")), "a"):
            href = a["attrs"].get("href") or ""
            scheme = re.match(r"^([a-z][a-z0-9+.-]*):", href, re.I)
            assert not scheme or scheme[1].lower() in ("http", "https", "mailto"), f"{path}: {href}"


ENGLISH = ["Search", "Table of contents", "Back to top", "Previous", "Next", "Made with", "Copy to clipboard",
           "Skip to content", "Initializing search", "Type to start searching", "Last update", "Edit this page",
           "Share", "Clear", "Go to repository", "Cookie consent", "Accept", "Reject", "Header", "Footer"]


def test_no_english_interface_strings(site_dir):
    offenders = []
    for path in site_dir.rglob("*.html"):
        doc = parse(path.read_text(encoding="utf-8"))
        for node in walk(doc):
            if node["tag"] in ("script", "style", "code", "pre", "svg"):
                node["children"] = []
        words = text(doc)
        attrs = " ".join(v or "" for n in walk(doc) for k, v in n["attrs"].items() if k in ("title", "aria-label", "placeholder", "alt"))
        for phrase in ENGLISH:
            if re.search(rf"\b{re.escape(phrase)}\b", words + " " + attrs):
                offenders.append(f"{path.relative_to(site_dir)}: {phrase}")
    assert not offenders, offenders[:20]
    html = html_of(site_dir, "")
    assert '<html lang="nl"' in html


def test_glossary_explains_terms_on_hand_written_pages(site_dir, catalog):
    page = parse(html_of(site_dir, "themas/geoorloofd-verzuim/"))
    abbrs = {text(a): a["attrs"].get("title") for a in find_all(page, "abbr")}
    terms = dict(catalog.glossary)
    assert "MAZL" in abbrs and abbrs["MAZL"] == terms["MAZL"]
    glossary = parse(html_of(site_dir, "begrippen/"))
    assert len(list(find_all(glossary, "dt"))) == len(catalog.glossary)


def test_print_stylesheet_hides_navigation(site_dir):
    css = (site_dir / "assets" / "kennisbank.css").read_text(encoding="utf-8")
    block = css[css.index("@media print"):]
    assert ".md-sidebar" in block and ".md-header" in block and "break-inside: avoid" in block


def test_the_logo_is_one_file_not_an_svg_inlined_twice(site_dir):
    """Item 6 of issue 24: the header and the drawer point at overrides/assets/logo.svg."""
    import lxml.html
    page = lxml.html.fromstring((site_dir / "praktijken" / "voorbeeld-twente-vo" / "index.html").read_bytes())
    logos = page.xpath("//a[contains(concat(' ', @class, ' '), ' md-logo ')]")
    assert len(logos) == 2
    for logo in logos:
        assert logo.xpath(".//svg") == []
        [img] = logo.xpath(".//img")
        assert img.get("src") == "../../assets/logo.svg" and img.get("alt") == ""
        assert logo.get("aria-label") == "Kennisbank Doorbraakaanpak"
    svg = (site_dir / "assets" / "logo.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and 'fill="#fff"' in svg
