"""Generated pages handed to MkDocs finished (macros.render.headings, macros.site.events.GeneratedPage).

Every generated page of the bundled content is made twice: as Markdown (what Zensical and
`kennisbank paginas` get), converted here with the site's own Markdown extensions, and as the
finished HTML and table of contents the MkDocs build hands over without a Markdown step. The two
must be equal, apart from whitespace between tags.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.load.catalog import load_catalog
from macros.render import page_macros
from macros.render.context import render_context
from macros.render.env import environment
from macros.render.headings import Outline, Permalink
from macros.render.pages import finished_pages, generated_pages
from macros.render.stash import HtmlStash
from macros.site.events import GeneratedPage, nav_titles

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


@pytest.fixture(scope="module")
def permalink(config):
    return Permalink.from_toc_config(config.mdx_configs.get("toc"))


def site_markdown(config) -> markdown.Markdown:
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def body(page: str) -> str:
    return page.split("\n---\n", 1)[1]


def normalised(html: str) -> str:
    html = html.replace("&#39;", "'").replace("&#34;", '"')
    return re.sub(r">\s+<", "><", re.sub(r"[ \t]*\n\s*", "\n", html)).strip()


def tokens(toc: list) -> list:
    """Level, id, text and children of each entry (the text unescaped: `'` and `&#39;` show the same)."""
    return [(t["level"], t["id"], html.unescape(t["name"]), tokens(t["children"])) for t in toc]


def test_every_finished_page_is_what_markdown_makes_of_the_same_page(config, catalog, permalink):
    as_markdown = generated_pages(render_context(catalog))
    finished = finished_pages(render_context(catalog, permalink=permalink))
    assert as_markdown.keys() == finished.keys() and len(finished) > 50
    md = site_markdown(config)
    for src, page in finished.items():
        expected = md.reset().convert(body(as_markdown[src]))
        assert normalised(page.html) == normalised(expected), src
        assert tokens(list(page.toc)) == tokens(md.toc_tokens), src
        assert page.anchors == {t["id"] for t in _flat(md.toc_tokens)}, src
        assert page.meta["title"] and page.meta["render_macros"] is False, src


def _flat(toc: list) -> list:
    return [item for t in toc for item in [t, *_flat(t["children"])]]


def test_a_practice_page_has_its_headings_ids_and_permalinks(catalog, permalink):
    practice = catalog.practice("voorbeeld-achterhoek-po-vo")
    page = finished_pages(render_context(catalog, permalink=permalink))["praktijken/voorbeeld-achterhoek-po-vo.md"]
    assert page.html.startswith(f"<h1>{practice.get('titel')}</h1>")
    assert ('<h2 id="geschiedenis">Geschiedenis<a class="headerlink" href="#geschiedenis" '
            'title="Vaste link naar dit kopje">#</a></h2>') in page.html
    assert [t["id"] for t in page.toc][-2:] == ["geschiedenis", "contact"]
    assert all(t["level"] == 2 and t["children"] == [] for t in page.toc)
    assert page.meta["tags"] == [catalog.label("themas", t) for t in practice.get("themas")]


def test_mkdocs_takes_a_generated_page_without_a_markdown_step(config, catalog, permalink):
    finished = finished_pages(render_context(catalog, permalink=permalink))
    src = "zelfscan/index.md"
    file = File(src, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)  # what File.generated makes
    page = GeneratedPage(file, config, finished[src], title="Zelfscan")
    assert file.page is page and isinstance(page, Page)
    page.read_source(config)
    assert page.markdown == "" and page.meta == finished[src].meta and page.title == "Zelfscan"
    page.render(config, Files([file]))
    assert page.content == finished[src].html
    top = list(page.toc)
    assert [(a.title, a.id, a.level) for a in top] == [("Zelfscan: waar staat uw regio?", "zelfscan-waar-staat-uw-regio", 1)]
    assert [a.id for a in top[0].children][:2] == ["uw-regio", "vraag-geoorloofd-verzuim"]
    assert [a.id for a in top[0].children][-2:] == ["uitkomst", "bewaren"]
    assert "uitkomst" in page.present_anchor_ids


def test_headings_get_unique_ids_and_data_stays_text(permalink):
    outline = Outline(environment(), permalink)
    first = outline.heading(2, "Kop")
    second = outline.heading(2, "Kop")
    hostile = outline.heading(3, "## <script>x</script> [klik](javascript:x) {: #boos }")
    own = outline.heading(2, "Met eigen id", id="eigen", classes=["a", "b"])
    assert first.startswith('<h2 id="kop">Kop<a class="headerlink" href="#kop"')
    assert second.startswith('<h2 id="kop_1">')
    assert "<script>" not in hostile and "&lt;script&gt;x&lt;/script&gt;" in hostile and 'id="boos"' not in hostile
    assert own.startswith('<h2 class="a b" id="eigen">Met eigen id<a ')
    toc = outline.toc()
    assert [t["id"] for t in toc] == ["kop", "kop_1", "eigen"]
    assert toc[1]["children"][0]["name"] == "## &lt;script&gt;x&lt;/script&gt; [klik](javascript:x) {: #boos }"


def test_a_markdown_heading_escapes_data_for_markdown():
    line = Outline(environment()).heading(2, "A *b* [c](d) & <e>", id="x", classes=["k"])
    assert line.strip() == r"## A \*b\* \[c\]\(d\) &amp; &lt;e&gt; {: #x .k}"


def test_macro_output_in_a_hand_written_page_comes_back_whole(config, catalog):
    """In the MkDocs build a macro's HTML skips Python-Markdown (macros.render.stash); elsewhere Markdown
    copies it. Both give the same page."""
    stash = HtmlStash()
    kept = page_macros.theme_table(render_context(catalog, stash=stash), "themas/doorbraakoverleg/", "doorbraakoverleg")
    plain = page_macros.theme_table(render_context(catalog), "themas/doorbraakoverleg/", "doorbraakoverleg")
    assert "<table" not in kept and "<table" in plain
    for html in (kept, plain):
        page = f"# Doorbraakoverleg\n\nTekst met SWV.\n{html}\nMeer tekst.\n"
        got = stash.restore(site_markdown(config).convert(page))
        assert normalised(plain) in normalised(got) and "kb-html-" not in got
        assert got.index("Tekst met SWV") < got.index("<table") < got.index("Meer tekst")


def test_a_placeholder_is_used_once_and_an_unknown_one_stays():
    stash = HtmlStash()
    first, second = stash.keep("<div>een</div>").strip(), stash.keep("<div>twee</div>").strip()
    foreign = "<!--kb-html-0000000000000000-0-->"
    assert stash.restore(f"<p>x</p><p>{first}</p>{second}{foreign}") == f"<p>x</p><div>een</div><div>twee</div>{foreign}"
    assert stash.restore(first) == first


def test_the_nav_names_generated_pages(config):
    titles = nav_titles(config.nav)
    assert titles["vergelijken/index.md"] == "Tabellen per thema"
    assert titles["vergelijken/naast-elkaar.md"] == "Naast elkaar"
    assert "themas/gegevensdeling.md" not in titles  # listed without a title of its own


def test_a_markdown_heading_without_an_id_of_its_own_is_a_plain_line():
    outline = Outline(environment())
    assert outline.heading(1, "Praktijk aanmelden").strip() == "# Praktijk aanmelden"
    assert outline.heading(2, "Kop", classes=["k"]).strip() == "## Kop {: .k}"


def test_markdown_pages_with_their_html_kept_out_convert_to_the_same_pages(config, catalog):
    """What Zensical gets: headings as Markdown lines, the HTML between them as placeholders."""
    stash = HtmlStash()
    kept = generated_pages(render_context(catalog, stash=stash))
    whole = generated_pages(render_context(catalog))
    md = site_markdown(config)
    src = "sjablonen/convenant-gegevensdeling.md"
    assert ".md\" download" in whole[src] and ".md\" download" not in kept[src]
    assert [l for l in body(kept[src]).splitlines() if l.startswith("#")] == \
        [l for l in body(whole[src]).splitlines() if l.startswith("#")]
    for name in kept:
        got = stash.restore(md.reset().convert(body(kept[name])))
        assert normalised(got) == normalised(md.reset().convert(body(whole[name]))), name
