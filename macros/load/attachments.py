"""The text of the Markdown attachments that records name, so the site can show them as pages.

Read once per build, like the records: only attachments in practices/bijlagen/ that a record names
under `documenten`, never through a link, as UTF-8 with LF line ends. Validation refuses one that cannot
be read as text (macros.checks.attachments), so every one becomes a page; the file itself is not published.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from macros.checks.attachments import MARKDOWN
from macros.load.files import referenced_attachments
from macros.load.yaml_source import read_text
from macros.model.problems import shown


def markdown_attachments(catalog) -> Mapping[str, str]:
    """{file name: text} of every referenced attachment that ends in .md."""
    texts = {}
    for path in referenced_attachments(catalog):
        if path.suffix.lower() != MARKDOWN:
            continue
        try:
            text, problems = read_text(path, shown(path))
        except OSError:
            continue
        if text is not None and not problems:
            texts[path.name] = text
    return MappingProxyType(texts)
