"""A template body as text: placeholders marked for pandoc or filled with plain values, and the
Markdown download.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

import yaml

from macros.publish.document_layout import field_id
from macros.publish.document_errors import PlaceholderError


PLACEHOLDER_RE = re.compile(r"\[\[([a-z][a-z0-9_]*)\]\]")
PLACEHOLDER_STYLE = "Invulveld"
LANG = "nl-NL"
# The note that opens a blank document (and the blank Markdown); the fill-in removes it with its section
# (``MODEL_ID``), so the document one signs carries no model warning and no template version.
MODEL_NOTICE = ("Dit is model {version} uit de Kennisbank Doorbraakaanpak. Pas het aan op de afspraken in uw regio. "
                "Het model is geen juridisch advies: laat de tekst nakijken door de juristen van de partijen, en bij "
                "gegevensdeling door hun functionarissen gegevensbescherming, voordat u tekent. Welk artikel op welke "
                "wetsbepaling rust, staat op de pagina van het sjabloon in de kennisbank. Deze toelichting verdwijnt uit "
                "het document dat u op die pagina invult; een geel invulveld blijft staan tot u het invult.")
# ASCII punctuation except the quotes, which only feed "smart" typography
_MARKDOWN_SPECIAL_RE = re.compile(r"([!#-&(-/:-@\[-`{-~])")


def placeholder_names(body: str) -> list[str]:
    """Distinct placeholder names in order of first appearance."""
    return list(dict.fromkeys(PLACEHOLDER_RE.findall(body)))


def escape_markdown(text: str) -> str:
    """Plain text as pandoc Markdown that renders literally.

    Whitespace (including newlines) collapses to single spaces, so a value cannot
    start a new block; every ASCII punctuation character except ' and " is
    backslash-escaped (pandoc's ``all_symbols_escapable``), so no emphasis, link,
    HTML, table pipe, list marker or heading can be injected. Quotes stay, so
    pandoc's typography turns them into the same curly quotes as the body.
    """
    return _MARKDOWN_SPECIAL_RE.sub(r"\\\1", " ".join(text.split()))


def _names(names: Iterable[str]) -> str:
    return ", ".join(sorted(names))


def mark_placeholders(body: str, labels: Mapping[str, str], *, ids: bool = False) -> str:
    """Replace each ``[[naam]]`` by ``[\\[Label\\]]{custom-style="Invulveld"}``.

    Pandoc turns the span into a run (docx) or ``text:span`` (odt) with the
    character style "Invulveld"; the square brackets keep the field recognisable
    where the style is lost (printing in grey, other converters). With ``ids`` each
    span also gets the id ``kbf__<naam>__<n>`` (n counts every placeholder), which pandoc
    writes as a bookmark around the run: the marker the fill-in replaces.
    """
    missing = [name for name in placeholder_names(body) if not labels.get(name)]
    if missing:
        raise PlaceholderError(f"Invulvelden zonder label: {_names(missing)}.", missing=missing)

    counter = itertools.count(1)

    def replace(match: re.Match[str]) -> str:
        label = escape_markdown(labels[match.group(1)])
        ident = f"#{field_id(match.group(1), next(counter))} " if ids else ""
        return f'[\\[{label}\\]]{{{ident}custom-style="{PLACEHOLDER_STYLE}"}}'

    return PLACEHOLDER_RE.sub(replace, body)


def fill_placeholders(body: str, values: Mapping[str, str]) -> str:
    """Replace each ``[[naam]]`` by its value, escaped as plain text.

    Raises ``PlaceholderError`` naming all placeholders without a value (``None``
    counts as missing) and all values that match no placeholder, at once.
    """
    names = set(placeholder_names(body))
    missing = sorted(name for name in names if values.get(name) is None)
    unknown = sorted(set(values) - names)
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"Geen waarde voor invulveld(en): {_names(missing)}.")
        if unknown:
            parts.append(f"Onbekende invulveld(en), niet in de tekst: {_names(unknown)}.")
        raise PlaceholderError(" ".join(parts), missing=missing, unknown=unknown)
    return PLACEHOLDER_RE.sub(lambda m: escape_markdown(str(values[m.group(1)])), body)


def markdown_download(title: str, version: str, body: str, *, description: str = "", notice: bool = True) -> str:
    """The body with YAML front matter; placeholders stay ``[[naam]]``. The blank download opens with the
    model notice as a quote; a filled one (``notice=False``) does not."""
    meta = {"title": title, "version": version, "lang": LANG}
    if description:
        meta["description"] = description
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    opening = f"> {MODEL_NOTICE.format(version=version)}\n\n" if notice else ""
    return f"---\n{front}---\n\n{opening}{body.strip()}\n"
