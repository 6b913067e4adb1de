"""Reading comfort (issue 27, item 4): running text at about 80 characters a line at 1,366 px, while
tables (and the practice cards) keep the full width of the column. Counted in Chromium: the characters on each rendered line."""

from __future__ import annotations

import pytest

LONGEST_LINE = """() => {
  let worst = 0;
  for (const p of document.querySelectorAll('.md-content__inner :is(p, li)')) {
    if (p.closest('table, nav, form, .kaart, .kb-item')) continue;
    const lines = {};
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest('ul, ol') !== p.closest('ul, ol') && p.tagName === 'P') continue;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.height) { const top = Math.round(rect.top); lines[top] = (lines[top] || 0) + 1; }
      }
    }
    worst = Math.max(worst, ...Object.values(lines), 0);
  }
  return worst;
}"""


@pytest.mark.parametrize("path", ["themas/doorbraakoverleg/", "over/", "praktijken/voorbeeld-twente-vo/", "wet-en-beleid/"])
def test_running_text_is_about_80_characters_a_line(browser, base_url, path):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(base_url + path)
        longest = page.evaluate(LONGEST_LINE)
        assert 60 <= longest <= 85, (path, longest)
    finally:
        context.close()


def test_a_theme_table_keeps_the_full_column(browser, base_url):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(base_url + "themas/doorbraakoverleg/")
        widths = page.evaluate("""() => ({
            text: Math.max(...[...document.querySelectorAll('.md-content__inner p')].filter(p => !p.closest('table'))
                                .map(p => p.getBoundingClientRect().width)),
            table: Math.max(...[...document.querySelectorAll('.md-content__inner table')].map(t => t.getBoundingClientRect().width))})""")
        assert widths["table"] > widths["text"] + 100, widths
    finally:
        context.close()
