"""The rules of Material's stylesheet that style the site search, for a theme that has dropped them.

The search box is ours (overrides/partials/search.html, filled by Pagefind), built from
Material's search classes. Zensical's stylesheet no longer has those classes, so the
Zensical build adds Material's own rules for them: every rule whose selector names the
search, with the `@media` blocks around it. Material's stylesheet is minified CSS; strings
(data-URI icons) may hold braces, so it is split with a small tokenizer, not a regex.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

SEARCH = re.compile(r"md-search|data-md-toggle=search|for=__search")


def _blocks(css: str) -> list[tuple[str, str]]:
    """Top-level (prelude, body) pairs of `css`; a body keeps its nested blocks."""
    out, depth, quote, start, prelude_end = [], 0, "", 0, 0
    for i, ch in enumerate(css):
        if quote:
            if ch == quote and css[i - 1] != "\\":
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            if depth == 0:
                prelude_end = i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                out.append((css[start:prelude_end].strip(), css[prelude_end + 1:i]))
                start = i + 1
        elif ch == ";" and depth == 0:  # @charset or @import
            start = i + 1
    return out


def search_rules(css: str) -> str:
    """The rules of `css` that concern the search, in their order, inside their @media blocks."""
    kept = []
    for prelude, body in _blocks(css):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = search_rules(body)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif not prelude.startswith("@") and SEARCH.search(prelude):
            kept.append(f"{prelude}{{{body}}}")
    return "".join(kept)


def material_search_css() -> str:
    """Material's search rules, from the installed theme's main stylesheet."""
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    sheet = next(p for p in sorted(folder.glob("main.*.min.css")))
    return ("/* Material for MkDocs' search rules (MIT licence), for the Zensical build: see macros/site/theme_css.py */\n"
            + search_rules(sheet.read_text(encoding="utf-8")))
