"""The same site built by Zensical (`kennisbank build --bouwer zensical`) and by MkDocs.

Both builds are of the bundled content; this module builds the Zensical one once and
compares it with the session's MkDocs site. Where the two themes differ on purpose, the
difference is named here (THEME_ONLY_FILES, normalise) and in the README.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import re
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import lxml.html
import pytest

from accessibility import assert_accessible
from conftest import ROOT, _QuietHandler, project_copy
from macros.load.catalog import load_catalog
from macros.render.context import render_context
from macros.site.context import HANDLE_KEY, Session, SiteBuild
from macros.site.steps import Prepared
from macros.site.theme_css import search_rules
from macros.site.zensical import MacroEnv, derived_config, macro_renderer, page_url, read_config
from test_search import search

# Files only one generator writes: its theme's scripts and styles, MkDocs' gzipped sitemap and
# Zensical's own search index (the site searches with Pagefind, the same on both).
THEME_FOLDERS = ("assets/javascripts/", "assets/stylesheets/", "pagefind/")
ONLY_MKDOCS = {"sitemap.xml.gz"}
ONLY_ZENSICAL = {"search.json", "assets/zoeken-material.css"}


def run_build(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", "build", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="module")
def zensical_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zensical") / "site"
    result = run_build("--bouwer", "zensical", "--site", str(out))
    assert result.returncode == 0, f"Zensical build failed:\n{result.stdout}\n{result.stderr}"
    assert "site bouwen met Zensical" in result.stderr
    return out


@pytest.fixture(scope="module")
def zensical_url(zensical_dir):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(zensical_dir)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def own_files(site: Path) -> set[str]:
    return {f for f in files_of(site) if not f.startswith(THEME_FOLDERS)}


def normalise(html: str) -> str:
    """A page's <article> with whitespace collapsed and the named theme differences taken out:
    Zensical puts the skip link's target inside the article; MkDocs writes the 404 page's link
    home as "/." where Zensical writes "/" (both open the home page). A page without <article> is
    not made by the theme and must be equal as it is."""
    article = lxml.html.fromstring(html).xpath("//article")
    if not article:  # not a theme page (the web editor's): the file as written
        return html
    text = lxml.html.tostring(article[0], encoding="unicode")
    text = text.replace('<a id="__skip" tabindex="-1"></a>', "").replace('href="/."', 'href="/"')
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", text)).strip()


# --------------------------------------------------------------------------- the same output


def test_both_builds_have_the_same_pages_and_files(site_dir, zensical_dir, catalog_once):
    mkdocs, zensical = own_files(site_dir), own_files(zensical_dir)
    assert mkdocs - zensical == ONLY_MKDOCS
    assert zensical - mkdocs == ONLY_ZENSICAL
    records = {f"praktijken/{p.id}/index.html" for p in catalog_once.practices} | {
        f"sjablonen/{t.id}/index.html" for t in catalog_once.templates}
    assert records <= zensical and len(records) == len(catalog_once.practices) + len(catalog_once.templates) > 10


def test_every_page_has_the_same_main_content(site_dir, zensical_dir):
    pages = sorted(f for f in own_files(site_dir) if f.endswith(".html"))
    differ = [p for p in pages
              if normalise((site_dir / p).read_text(encoding="utf-8")) != normalise((zensical_dir / p).read_text(encoding="utf-8"))]
    assert differ == []


def test_practice_page_and_comparison_table_hold_the_data_in_the_zensical_build(zensical_dir, catalog_once):
    """Not only equal to MkDocs: the values are there (a build that lost them on both sides would pass above)."""
    record = catalog_once.practice("voorbeeld-twente-vo")
    page = lxml.html.fromstring((zensical_dir / "praktijken/voorbeeld-twente-vo/index.html").read_bytes())
    assert page.xpath("string(//article//h1)") == record.get("titel")
    assert len(page.xpath("//article//h1")) == 1
    table = lxml.html.fromstring((zensical_dir / "themas/doorbraakoverleg/index.html").read_bytes())
    links = table.xpath("//article//table[contains(@class, 'kb-vergelijk')]//th[@scope='row']/a")
    expected = sorted(p.get("titel") for p in catalog_once.practices)  # every practice has a row, applicable or not
    assert sorted(a.text_content() for a in links) == expected
    assert {a.get("href") for a in links if a.text_content() == record.get("titel")} == {"../../praktijken/voorbeeld-twente-vo/"}


def test_downloads_and_open_data_are_byte_identical(site_dir, zensical_dir):
    shared = sorted(f for f in own_files(site_dir) & own_files(zensical_dir) if not f.endswith(".html"))
    assert any(f.endswith(".docx") for f in shared) and any(f.startswith("data/") for f in shared)
    differ = [f for f in shared
              if hashlib.sha256((site_dir / f).read_bytes()).digest() != hashlib.sha256((zensical_dir / f).read_bytes()).digest()]
    assert differ == []


@pytest.fixture(scope="module")
def catalog_once():
    return load_catalog(ROOT / "practices")


# --------------------------------------------------------------------------- in the browser


@pytest.mark.parametrize("query, expected", [("Lelystad", "/praktijken/voorbeeld-flevoland-po/"),
                                             ("Enschede", "/praktijken/voorbeeld-twente-vo/")])
def test_search_finds_the_same_first_result_on_both(browser, base_url, zensical_url, query, expected):
    firsts = []
    for url in (base_url, zensical_url):
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        page.goto(url + "praktijken/")
        firsts.append(search(page, query)[0]["href"])
        context.close()
    assert firsts == [expected, expected]


ZENSICAL_PAGE_TYPES = ["", "praktijken/", "praktijken/voorbeeld-twente-vo/", "praktijken/filter/thema-doorbraakoverleg/",
                       "vergelijken/", "vergelijken/naast-elkaar/?p=voorbeeld-twente-vo&p=voorbeeld-amsterdam-vo",
                       "kaart/", "themas/doorbraakoverleg/", "sjablonen/", "sjablonen/afsprakenkader-verzuim/",
                       "bijlagen/voorbeeld-twente-vo-convenant/", "begrippen/", "data/", "aanmelden/", "zelfscan/",
                       "404.html"]


@pytest.mark.parametrize("path", ZENSICAL_PAGE_TYPES)
def test_zensical_pages_pass_axe_and_fit_a_phone(browser, zensical_url, path):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(zensical_url + path)
    if path.startswith("vergelijken/naast-elkaar/"):
        page.wait_for_selector(".kb-naast-elkaar table", state="attached")  # on a phone the cards show instead
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page, f"Zensical {path or 'home'}")
    assert [u for u in requests if not u.startswith(zensical_url)] == []
    context.close()


# --------------------------------------------------------------------------- the glue


def test_macros_module_loads_by_path_and_gets_the_catalog_without_a_hook():
    """As Zensical loads `module_name`: the file on its own, under another name; the macros read
    the Catalog from the build context they are given, not from a hook."""
    spec = importlib.util.spec_from_file_location("kb_macros_by_path", ROOT / "macros" / "__init__.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    catalog = load_catalog(ROOT / "practices")
    render = render_context(catalog)
    env = MacroEnv({HANDLE_KEY: Session(build=SiteBuild(catalog=catalog, prepared=Prepared(render, {})))})
    module.define_env(env)
    assert sorted(env.macros) == ["bron", "bronnenlijst", "fictieve_praktijken", "laatste_praktijken", "praktijken_lijst", "sjablonen_lijst",
                                  "velden_documentatie", "vergelijkingstabel"]
    assert env.macros["fictieve_praktijken"]().startswith(f"Alle {len(catalog.practices)} praktijken in deze kennisbank zijn fictief")
    latest = env.macros["laatste_praktijken"](1)
    newest = max(catalog.practices, key=lambda p: p.get("datums", "afgesproken"))
    assert newest.get("titel") in latest


def test_macro_renderer_stops_on_an_unknown_macro_in_dutch():
    catalog = load_catalog(ROOT / "practices")
    render = macro_renderer(SiteBuild(catalog=catalog, prepared=Prepared(render_context(catalog), {})))
    assert render("x.md", "Tekst {{ 1 + 1 }}") == "Tekst 2"
    with pytest.raises(Exception) as err:
        render("themas/x.md", "{{ bestaat_niet() }}")
    assert str(err.value).startswith("docs/themas/x.md, regel 1: de macro kon niet worden uitgevoerd: "
                                     "'bestaat_niet' is geen macro of waarde die een pagina kan gebruiken.")
    with pytest.raises(Exception) as err:
        render("over.md", "a\nb\n{{ 1 / 0 }}")
    assert str(err.value).startswith("docs/over.md, regel 3: de macro kon niet worden uitgevoerd: ZeroDivisionError")


@pytest.mark.parametrize("src, url", [("index.md", ""), ("over.md", "over/"), ("redactie/index.md", "redactie/"),
                                      ("themas/gegevensdeling.md", "themas/gegevensdeling/")])
def test_page_url_is_the_url_mkdocs_gives(src, url):
    assert page_url(src) == url


def test_derived_config_drops_only_what_zensical_cannot_run():
    config = read_config(ROOT / "mkdocs.yml")
    derived = derived_config(config)
    assert config["strict"] is True and derived["strict"] is True and derived_config(config, False)["strict"] is False
    assert "hooks" in config and "hooks" not in derived and "watch" not in derived
    assert [next(iter(p)) if isinstance(p, dict) else p for p in derived["plugins"]] == ["tags"]
    assert derived["theme"]["variant"] == "classic" and derived["theme"]["custom_dir"] == "overrides"
    assert derived["extra_css"] == ["assets/zoeken-material.css", *config["extra_css"]]
    assert derived["nav"] == config["nav"] and derived["markdown_extensions"] == config["markdown_extensions"]


def test_search_rules_keep_search_selectors_inside_their_media_blocks():
    css = ('.a{color:red}.md-search{content:"}{"}@media screen and (min-width:60em){.b{x:1}.md-search__input{y:2}}'
           '@media print{.c{z:3}}[data-md-toggle=search]:checked~.d{w:4}')
    assert search_rules(css) == ('.md-search{content:"}{"}@media screen and (min-width:60em){.md-search__input{y:2}}'
                                 '[data-md-toggle=search]:checked~.d{w:4}')


def test_a_failing_zensical_build_says_why_in_dutch_and_keeps_the_site(tmp_path):
    project = project_copy(tmp_path)
    first = run_build("--bouwer", "zensical", "--site", str(project / "site"), cwd=project)
    assert first.returncode == 0, first.stderr
    before = {f: (project / "site" / f).read_bytes() for f in files_of(project / "site")}
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ onbekende_macro() }}\n", encoding="utf-8")
    second = run_build("--bouwer", "zensical", "--site", str(project / "site"), cwd=project)
    assert second.returncode == 1
    line = page.read_text(encoding="utf-8").split("\n").index("{{ onbekende_macro() }}") + 1
    assert f"docs/over.md, regel {line}: de macro kon niet worden uitgevoerd: 'onbekende_macro' is geen macro" \
        in second.stderr
    assert "site/ is niet veranderd" in second.stderr and "Traceback" not in second.stderr
    assert {f: (project / "site" / f).read_bytes() for f in files_of(project / "site")} == before
    builds = project / ".site.builds"
    assert [p.name for p in builds.iterdir() if p.name.endswith(".zensical")] == []  # no work folder left


def test_a_broken_link_stops_a_strict_zensical_build_in_dutch_and_not_a_lenient_one(tmp_path):
    project = project_copy(tmp_path)
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet.md) en [kop](index.md#geen-kop)\n",
                    encoding="utf-8")
    strict = run_build("--bouwer", "zensical", "--site", str(project / "site"), cwd=project)
    assert strict.returncode == 1
    assert "- docs/over.md: de link in '[kapot](bestaat-niet.md) en [kop](index.md#geen-kop)' wijst naar een " \
           "pagina die niet bestaat." in strict.stderr
    assert "wijst naar een kop die niet bestaat" in strict.stderr
    assert "2 melding(en) van Zensical." in strict.stderr and "Zensical stopte in strenge modus" in strict.stderr
    assert "Traceback" not in strict.stderr and "\x1b[" not in strict.stderr and "issue" not in strict.stderr
    assert not (project / "site").exists()
    lenient = run_build("--bouwer", "zensical", "--niet-streng", "--site", str(project / "site"), cwd=project)
    assert lenient.returncode == 0, lenient.stderr
    assert '<a href="../bestaat-niet/">kapot</a>' in (project / "site" / "over" / "index.html").read_text(encoding="utf-8")


def test_no_page_links_to_feeds_that_do_not_exist(zensical_dir, site_dir):
    for site in (zensical_dir, site_dir):
        page = (site / "index.html").read_text(encoding="utf-8")
        feeds = re.findall(r'<link rel="alternate" type="application/[a-z+]+xml"[^>]*href="([^"]+)"', page)
        assert [f.removeprefix("./") for f in feeds] == ["feed.xml"] and (site / "feed.xml").is_file()


def test_unreadable_or_misshapen_mkdocs_yml_is_a_dutch_message(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra_css: assets/a.css\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"^mkdocs.yml: 'extra_css' heeft niet de goede vorm"):
        read_config(config)
    config.write_text("site_name: x\nemoji: !!python/name:os.system\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"^mkdocs.yml, regel 2: kan niet worden gelezen .*--bouwer mkdocs"):
        read_config(config)
