"""HTML a macro puts into a hand-written page, kept out of Python-Markdown in the MkDocs build.

A hand-written page stays Markdown, but the lists and tables its macros make can be large (a
theme's comparison table at 1,000 practices is over a megabyte), and Python-Markdown would parse
all that HTML only to copy it: seconds per page. So in the MkDocs build a macro's HTML is kept
here, the page gets a placeholder (an HTML comment with a per-build random key, which no page
can guess) on a line of its own, and `restore` puts the HTML back after the Markdown step.
"""

from __future__ import annotations

import itertools
import re
import secrets


class HtmlStash:
    """The macro HTML of one build, keyed by placeholder."""

    def __init__(self) -> None:
        self._prefix = f"kb-html-{secrets.token_hex(8)}-"
        self._placeholder = re.compile(rf"(?:<p>)?<!--{self._prefix}(\d+)-->(?:</p>)?")
        self._items: dict[str, str] = {}
        self._count = itertools.count()

    def keep(self, html: str) -> str:
        """A placeholder, on a paragraph of its own, that `restore` replaces with `html`."""
        key = str(next(self._count))
        self._items[key] = str(html)
        return f"\n\n<!--{self._prefix}{key}-->\n\n"

    def restore(self, html: str) -> str:
        """A converted page with each placeholder replaced by its HTML (each is used once)."""
        return self._placeholder.sub(lambda m: self._items.pop(m[1], m[0]), html)
