"""HTML that skips Python-Markdown (macros.render.blocks) gives the same pages as Markdown does.

Every generated page of the bundled content is converted twice with the site's Markdown
extensions: as complete Markdown (what `kennisbank paginas` and other generators get), and as
the MkDocs build makes it (headings in Markdown, the HTML between them as markers put back
afterwards). The two must be equal, apart from whitespace between tags.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from macros.load.catalog import load_catalog
from macros.render import page_macros
from macros.render.blocks import Blocks, mark_headings
from macros.render.context import render_context
from macros.render.pages import generated_pages

ROOT = Path(__file__).resolve().parent.parent


def site_markdown() -> markdown.Markdown:
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def body(page: str) -> str:
    return page.split("\n---\n", 1)[1] if page.startswith("---\n") else page


def normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"[ \t]*\n\s*", "\n", html)).strip()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "practices")


def test_every_generated_page_is_the_same_with_and_without_markdown_for_its_html(catalog):
    inline = generated_pages(render_context(catalog))
    blocks = Blocks()
    fast = generated_pages(render_context(catalog, blocks=blocks))
    assert inline.keys() == fast.keys() and len(inline) > 50
    md = site_markdown()
    for src in inline:
        expected = md.reset().convert(body(inline[src]))
        got = blocks.restore(md.reset().convert(body(fast[src])))
        assert "kb-blok-" not in got, src
        assert normalised(got) == normalised(expected), src
        toc_inline = md.reset().convert(body(inline[src])) and md.toc_tokens
        toc_fast = md.reset().convert(body(fast[src])) and md.toc_tokens
        assert toc_fast == toc_inline, src


def test_the_markdown_step_once_per_shape_gives_every_page_what_its_own_conversion_gives(catalog):
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from macros.site.markdown_memo import MarkdownMemo
    config = load_config(str(ROOT / "mkdocs.yml"))
    blocks = Blocks()
    pages = generated_pages(render_context(catalog, blocks=blocks))
    config.plugins._current_plugin = "hooks/hook"  # as while MkDocs runs a hook's on_files
    files = Files([File.generated(config, src, content=markdown) for src, markdown in pages.items()])
    memo = MarkdownMemo(blocks)
    for file in files:
        assert file.generated_by  # what the hook checks before it attaches a page to the memo
        own, shared = Page(None, file, config), Page(None, file, config)
        for page in (own, shared):
            page.read_source(config)
        Page.render(own, config, files)
        memo.render(shared, config, files)
        assert shared.content == own.content, file.src_uri
        assert str(shared.toc) == str(own.toc) and shared.present_anchor_ids == own.present_anchor_ids, file.src_uri
        assert shared.title == own.title and shared.markdown == own.markdown, file.src_uri
        assert {f.src_uri: links for f, links in (shared.links_to_anchors or {}).items()} == {
            f.src_uri: links for f, links in (own.links_to_anchors or {}).items()}, file.src_uri
    assert len(memo._shapes) <= len(pages) - 10, "pages of one shape are converted once"
    practices = [f for f in files if f.src_uri.startswith("praktijken/voorbeeld-")]
    assert len({blocks.shape(f.content_string)[0] for f in practices}) > 1


def test_the_fast_practice_page_is_mostly_markers(catalog):
    """The point of the exercise: what Python-Markdown still reads of a practice page is small."""
    blocks = Blocks()
    ctx = render_context(catalog, blocks=blocks)
    practice = next(iter(catalog.practices))
    page = generated_pages(ctx)[f"praktijken/{practice.id}.md"]
    inline = generated_pages(render_context(catalog))[f"praktijken/{practice.id}.md"]
    assert len(page) < len(inline) / 5
    headings = [line for line in body(page).splitlines() if line.startswith("## ")]
    assert headings[-2:] == ["## Geschiedenis", "## Contact"]


def test_macro_output_in_a_hand_written_page_comes_back_whole(catalog):
    blocks = Blocks()
    ctx = render_context(catalog, blocks=blocks)
    html = page_macros.theme_table(ctx, "themas/doorbraakoverleg/", "doorbraakoverleg")
    assert html.strip().startswith("<!--kb-blok-") and "<table" not in html
    page = f"# Doorbraakoverleg\n\nTekst met SWV.\n\n{html}\n\nMeer tekst.\n"
    got = blocks.restore(site_markdown().convert(page))
    expected = page_macros.theme_table(render_context(catalog), "themas/doorbraakoverleg/", "doorbraakoverleg")
    assert normalised(expected) in normalised(got)
    assert got.index("Tekst met SWV") < got.index("<table") < got.index("Meer tekst")


def test_markers_are_used_once_and_unknown_ones_stay():
    blocks = Blocks()
    first, second = blocks.stash("<div>een</div>"), blocks.stash("<div>twee</div>")
    html = f"<p>x</p>{first.strip()}<p>{second.strip()}</p><!--kb-blok-0000000000000000-0-->"
    assert blocks.restore(html) == "<p>x</p><div>een</div><div>twee</div><!--kb-blok-0000000000000000-0-->"
    assert blocks.restore(first.strip()) == first.strip(), "a block is put back once"


def test_only_template_heading_lines_get_the_marker():
    source = "# Titel\n## {{ x }} {: #a }\n<p>#geen kop</p>\n  ## ingesprongen\n#geen-spatie\n{# ## commentaar #}\n"
    assert mark_headings(source, "M") == ("M# Titel\nM## {{ x }} {: #a }\n<p>#geen kop</p>\n  ## ingesprongen\n"
                                          "#geen-spatie\n{# ## commentaar #}\n")


def test_split_keeps_headings_and_stashes_the_rest():
    blocks = Blocks()
    m = blocks.heading_marker
    text = f"{m}# Titel\n\n<p>een</p>\n\n{m}## Kop\n<div>\n## data\n</div>\n"
    split = blocks.split(text)
    lines = [line for line in split.splitlines() if line]
    assert lines[0] == "# Titel" and lines[2] == "## Kop"
    assert lines[1].startswith("<!--kb-blok-") and lines[3].startswith("<!--kb-blok-") and len(lines) == 4
    assert blocks.restore(lines[3]) == "<div>\n## data\n</div>"


def test_a_page_whose_parts_cannot_be_told_apart_has_no_shape():
    blocks = Blocks()
    one, two = blocks.stash("<p>een</p>"), blocks.stash("<p>twee</p>")
    text = f"\n\n<h1>Titel &lt;script&gt;</h1>\n\n## Kop{one}## Kop 2{two}"
    shape, parts = blocks.shape(text)
    assert "Titel" not in shape and blocks.unshape(shape, parts) == text
    other = f"\n\n<h1>Andere titel</h1>\n\n## Kop{blocks.stash('x')}## Kop 2{blocks.stash('y')}"
    assert blocks.shape(other)[0] == shape, "same headings, other markers and title: one shape"
    assert blocks.shape(text + "\n\n<h1>Tweede titel</h1>\n\n") is None
    assert blocks.shape(text + one) is None, "a marker used twice"
    assert blocks.shape("\n\n<h1>kb-titel</h1>\n\n## Kop" + one) is None, "a title that reads like the stand-in"
