"""HTML kept out of Python-Markdown, and put back after it.

Hand-written pages stay Markdown, but the lists and tables their macros make can be large (a
theme's comparison table at 1,000 practices is over a megabyte), and Python-Markdown would parse
all that HTML only to copy it: seconds per page. For Zensical, which reads Markdown files, the
generated pages are Markdown too: their headings as Markdown lines (so Zensical makes the table
of contents) and the HTML between them kept here, so that Zensical neither parses nor rewrites it
(a download link to a `.md` document is not a page). A kept block becomes a placeholder, an HTML
comment with a per-build random key that no page can guess, on a line of its own; `restore` puts
the HTML back after the Markdown step.
"""

from __future__ import annotations

import itertools
import re
import secrets

# A page template's own title line: autoescaped data cannot close the tag or break the line.
_TITLE = re.compile(r"\A(<h1>[^<\n]*</h1>)\n")


class HtmlStash:
    """The kept HTML of one build, keyed by placeholder."""

    def __init__(self) -> None:
        nonce = secrets.token_hex(8)
        self.heading_marker = f"<!--kb-kop-{nonce}-->"   # before each heading line of a page (macros.render.headings)
        self._prefix = f"kb-html-{nonce}-"
        self._placeholder = re.compile(rf"(?:<p>)?<!--{self._prefix}(\d+)-->(?:</p>)?")
        self._items: dict[str, str] = {}
        self._count = itertools.count()

    def keep(self, html: str) -> str:
        """A placeholder, on a paragraph of its own, that `restore` replaces with `html`."""
        key = str(next(self._count))
        self._items[key] = str(html)
        return f"\n\n<!--{self._prefix}{key}-->\n\n"

    def page(self, rendered: str) -> str:
        """A rendered page template as its Markdown heading lines (marked with `heading_marker`) and a
        placeholder for the HTML between them."""
        out, chunk = [], []
        for line in rendered.split("\n"):
            if line.startswith(self.heading_marker):
                out.append(self._flush(chunk))
                out.append("\n" + line[len(self.heading_marker):] + "\n")
            else:
                chunk.append(line)
        out.append(self._flush(chunk))
        return "".join(out)

    def _flush(self, chunk: list[str]) -> str:
        text = "\n".join(chunk).strip("\n")
        chunk.clear()
        title = _TITLE.match(text)
        if title:  # the page's own <h1> stays visible, or a theme that looks for one adds a second
            rest = text[title.end():]
            return f"\n\n{title[1]}\n\n" + (self.keep(rest) if rest.strip() else "")
        return self.keep(text) if text.strip() else ""

    def restore(self, html: str) -> str:
        """A converted page with each placeholder replaced by its HTML (each is used once)."""
        return self._placeholder.sub(lambda m: self._items.pop(m[1], m[0]), html)
