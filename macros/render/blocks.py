"""Generated HTML that bypasses Python-Markdown in the MkDocs build.

A generated page is Markdown headings (so MkDocs makes the table of contents and heading
anchors as for any page) with large HTML blocks between them. Python-Markdown with
`md_in_html` parses every such block only to copy it unchanged, and that was over half of a
build. In the MkDocs build each block is therefore replaced by a marker comment before
Markdown runs and put back after it (`restore`, from the hook's `on_page_content`).

Headings are told apart from data safely: the template loader prefixes every heading line of
a template's own source with `heading_marker` (an HTML comment with a per-build random
nonce). Data cannot produce it, because autoescaping turns its `<` into `&lt;`, so a line of
data that starts with `#` stays inside its HTML block, as in Markdown.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import secrets


# A page template's title line: autoescaped data cannot close the tag or break the line.
_TITLE = re.compile(r"\A(<h1>[^<\n]*</h1>)\n")
_TITLE_LINE = re.compile(r"^<h1>[^<\n]*</h1>$", re.M)   # the same line where `split` left it
_STAND_IN_TITLE = "<h1>kb-titel</h1>"


class Blocks:
    """The HTML blocks of one build, keyed by their marker."""

    def __init__(self) -> None:
        nonce = secrets.token_hex(8)
        self.heading_marker = f"<!--kb-kop-{nonce}-->"
        self._prefix = f"kb-blok-{nonce}-"
        self._marker = re.compile(rf"(?:<p>)?<!--{self._prefix}(\d+)-->(?:</p>)?")
        self._key = re.compile(rf"<!--{self._prefix}(\d+)-->")
        self._items: dict[str, str] = {}
        self._count = itertools.count()

    def stash(self, html: str) -> str:
        """A marker, on a paragraph of its own, that `restore` replaces with `html`."""
        key = str(next(self._count))
        self._items[key] = str(html)
        return f"\n\n<!--{self._prefix}{key}-->\n\n"

    def split(self, rendered: str) -> str:
        """A rendered page template as Markdown headings and markers for the HTML between them."""
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
            return f"\n\n{title[1]}\n\n" + (self.stash(rest) if rest.strip() else "")
        return self.stash(text) if text.strip() else ""

    def fingerprint(self, page: str) -> str:
        """A hash of `page` with its blocks in place; equal pages give equal hashes across builds."""
        digest = hashlib.sha256()
        at = 0
        for match in self._marker.finditer(page):
            digest.update(page[at:match.start()].encode())
            digest.update(self._items.get(match[1], match[0]).encode())
            at = match.end()
        digest.update(page[at:].encode())
        return digest.hexdigest()

    def shape(self, text: str) -> tuple[str, tuple] | None:
        """Split page Markdown made by `split` into its shape (each marker key replaced by its position,
        the title line by a stand-in) and what those stood for; None when a page cannot be told apart
        that way (two titles, a repeated marker, the stand-in itself). Pages of one shape convert
        to the same HTML apart from those parts, which are raw HTML that Markdown copies unchanged."""
        keys, titles = self._key.findall(text), _TITLE_LINE.findall(text)
        if len(titles) > 1 or _STAND_IN_TITLE in text or len(set(keys)) != len(keys):
            return None
        index = {key: str(i) for i, key in enumerate(keys)}
        shape = self._key.sub(lambda m: f"<!--{self._prefix}{index[m[1]]}-->", _TITLE_LINE.sub(_STAND_IN_TITLE, text))
        return shape, (tuple(keys), titles[0] if titles else None)

    def unshape(self, html: str, parts: tuple) -> str:
        """The HTML of a shape with one page's parts (from `shape`) put back."""
        keys, title = parts
        html = self._key.sub(lambda m: f"<!--{self._prefix}{keys[int(m[1])]}-->", html)
        return html.replace(_STAND_IN_TITLE, title, 1) if title else html

    def restore(self, html: str) -> str:
        """The page's HTML with each marker replaced by its block (each block is used once)."""
        return self._marker.sub(lambda m: self._items.pop(m[1], m[0]), html)


def mark_headings(source: str, marker: str) -> str:
    """Template source with `marker` before every Markdown heading line (`#` to `######`)."""
    return re.sub(r"(?m)^(?=#{1,6}[ \t])", marker, source)
