"""Downloadable documents (Word, OpenDocument, Markdown) for agreement templates.

A template body is Markdown with placeholders written ``[[naam]]``. This module

* marks placeholders visibly for pandoc (``mark_placeholders``), each with an id that
  becomes the marker the fill-in reads (``macros.publish.document_layout``),
* turns variant sections and repeated blocks (``macros.load.template_parts``) into pandoc
  Divs with a note before and after them, and keeps the signature section together,
* fills them with plain-text values (``fill_placeholders``),
* builds house-style reference documents from pandoc's own defaults
  (``reference_docx``, ``reference_odt``), and
* writes ``<id>-<version>.docx``, ``.odt`` and ``.md`` (``write_downloads``,
  ``write_all`` for several templates in parallel threads), and
* gives a build its work folder (``document_work``), removed afterwards.

Nothing of the build machine reaches a document: pandoc runs with ``--sandbox`` (it
reads only its input and the reference document), the body passes through pandoc's
document tree where raw blocks are dropped, links other than http(s), mailto and
``#anchor`` become their text, and images other than the template's own attachments
(handed to pandoc as ``data:`` URIs) become their description. The documents are
repeatable: fixed dates (the day of the version) and fixed ZIP entry times.

Every error meant for a person is a ``DocumentError`` whose ``str()`` is a Dutch
message; callers can show it as is.

``reference_docx`` needs python-docx (and lxml, which python-docx brings along);
both are imported lazily so the text functions work without them.
"""

from __future__ import annotations

import base64
import functools
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import uuid
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from types import MappingProxyType

import pypandoc
import yaml

from macros.checks.templates import IMAGE_TYPES, attachment_file, attachment_name
from macros.model.urls import url_kind
from macros.load.locking import Busy, held
from macros.load.parallel import in_threads
from macros.load.template_parts import TemplateForm, repeat_hints, split_body, variant_hints
from macros.publish.document_layout import (APPENDIX_STYLE, FOOTER_MARK, HINT_STYLE, MODEL_ID, SIGNATURE_ID, field_id,
                                            footer_text, keep_docx_signatures, keep_odt_signatures, marker_counts,
                                            repeat_id, variant_id, with_footer)
from macros.store.document_store import DocumentStore

PLACEHOLDER_RE = re.compile(r"\[\[([a-z][a-z0-9_]*)\]\]")
PLACEHOLDER_STYLE = "Invulveld"
LANG = "nl-NL"
FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
HEADING_COLOR = "1F3A5F"
TABLE_POINTS = 9.5  # table text, in points (body text is 11)
HIGHLIGHT_COLOR = "FFFF00"
HINT_COLOR = "5C4400"    # notes about variants and repeats in a blank document
HINT_FILL = "FFF4CC"
# Pandoc Markdown, minus extensions that Python-Markdown (the site) lacks and that
# change meaning in these texts: "- a. tekst" must stay a bullet with "a." in it,
# "@" and "$" are ordinary characters.
# No raw HTML, raw OpenXML/ODF blocks or YAML metadata from a body either.
# No fenced divs either: a body's sections are the ``::: keuze``/``::: herhaal`` markers,
# which this module turns into Divs itself.
PANDOC_FORMAT = ("markdown-fancy_lists-example_lists-citations-tex_math_dollars-raw_tex"
                 "-raw_html-raw_attribute-yaml_metadata_block-fenced_divs")
SIGNATURE_HEADING = "Ondertekening"
# The note that opens a blank document (and the blank Markdown); the fill-in removes it with its section
# (``MODEL_ID``), so the document one signs carries no model warning and no template version.
MODEL_NOTICE = ("Dit is model {version} uit de Kennisbank Doorbraakaanpak. Pas het aan op de afspraken in uw regio. "
                "Het model is geen juridisch advies: laat de tekst nakijken door de juristen van de partijen, en bij "
                "gegevensdeling door hun functionarissen gegevensbescherming, voordat u tekent. Welk artikel op welke "
                "wetsbepaling rust, staat op de pagina van het sjabloon in de kennisbank. Deze toelichting verdwijnt uit "
                "het document dat u op die pagina invult; een geel invulveld blijft staan tot u het invult.")
APPENDIX_TODO = "Toe te voegen door partijen voordat zij tekenen."
SIGNATURE_WIDTHS = (0.36, 0.64)   # label | value in a two-column signature block
SIGNING_ROOM = 3                  # line breaks in an empty cell of a signature block

_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_VERSION_RE = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")
# ASCII punctuation except the quotes, which only feed "smart" typography
_MARKDOWN_SPECIAL_RE = re.compile(r"([!#-&(-/:-@\[-`{-~])")
_FORMAT_NAMES = {"docx": "Word (.docx)", "odt": "OpenDocument (.odt)", "md": "Markdown (.md)"}


# --------------------------------------------------------------------------- errors


class DocumentError(Exception):
    """An error whose message is Dutch and fit to show to a user."""


class PlaceholderError(DocumentError, ValueError):
    """Placeholders that lack a value or label, or values without a placeholder."""

    def __init__(self, message: str, missing: Iterable[str] = (), unknown: Iterable[str] = ()):
        super().__init__(message)
        self.missing = sorted(set(missing))
        self.unknown = sorted(set(unknown))


class ConversionError(DocumentError):
    """Pandoc (or writing the file) failed for one template and format."""

    def __init__(self, template_id: str, fmt: str, detail: str):
        self.template_id = template_id
        self.format = fmt
        name = _FORMAT_NAMES.get(fmt, fmt)
        super().__init__(
            f"Het sjabloon '{template_id}' kon niet worden omgezet naar {name}. {detail}".strip()
        )


class BatchError(DocumentError):
    """One or more templates in ``write_all`` failed; holds every error."""

    def __init__(self, errors: list[DocumentError]):
        self.errors = errors
        lines = "\n".join(f"- {error}" for error in errors)
        super().__init__(f"Niet alle sjablonen konden worden gemaakt:\n{lines}")


# --------------------------------------------------------------------------- text


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


# --------------------------------------------------------------------------- reference documents


def _pandoc_data_file(name: str) -> bytes:
    """One of pandoc's default data files, e.g. ``reference.docx``."""
    result = subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", name],
        capture_output=True,
        check=True,
    )
    return result.stdout


def reference_docx(path: Path | str) -> Path:
    """Write a house-style reference.docx derived from pandoc's default one."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    doc = Document(io.BytesIO(_pandoc_data_file("reference.docx")))
    styles = doc.styles
    root = styles.element

    # One sans-serif font everywhere except the monospace (code) styles.
    for fonts in root.iter(qn("w:rFonts")):
        if fonts.get(qn("w:ascii")) in ("Consolas", "Courier New"):
            continue
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), FONT)

    defaults = root.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        defaults.find(qn(tag)).set(qn("w:val"), "22")  # 11 pt
    defaults.find(qn("w:lang")).set(qn("w:val"), LANG)

    for style in styles:
        if style.style_id.startswith(("Heading", "Title", "Subtitle")):
            style.font.color.rgb = RGBColor.from_string(HEADING_COLOR)
        if style.style_id in ("Heading1", "Heading2", "Heading3", "Title"):
            style.font.bold = True
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    styles["Title"].font.size = Pt(20)  # "Samenwerkingsovereenkomst" fits on one line of the page
    subtitle = styles["Subtitle"]
    subtitle.font.bold = False
    subtitle_spacing = subtitle.element.rPr.find(qn("w:spacing"))
    if subtitle_spacing is not None:
        subtitle.element.rPr.remove(subtitle_spacing)

    mark = styles.add_style(PLACEHOLDER_STYLE, WD_STYLE_TYPE.CHARACTER)
    mark.base_style = styles["Default Paragraph Font"]
    mark.quick_style = True
    mark.font.bold = True
    mark.font.highlight_color = WD_COLOR_INDEX.YELLOW
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), HIGHLIGHT_COLOR)
    mark.element.get_or_add_rPr().insert_element_before(
        shading, "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
        "w:eastAsianLayout", "w:specVanish", "w:oMath",
    )

    # Tables (pandoc uses the style "Table"): thin grid, bold header row.
    table = root.find(f"{qn('w:style')}[@{qn('w:styleId')}='Table']")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "808080")):
            border.set(qn(f"w:{key}"), value)
        borders.append(border)
    table.find(qn("w:tblPr")).find(qn("w:tblInd")).addnext(borders)
    first_row = table.find(qn("w:tblStylePr"))
    bold = OxmlElement("w:rPr")
    bold.append(OxmlElement("w:b"))
    first_row.find(qn("w:tcPr")).addprevious(bold)

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    section.header_distance = section.footer_distance = Mm(12.5)
    section.gutter = Mm(0)
    styles["Normal"].font.size = Pt(11)
    # Table cells (pandoc's "Compact") a size smaller, so words such as
    # "samenwerkingsverband" fit a quarter of the text width without breaking.
    styles["Compact"].font.size = Pt(TABLE_POINTS)

    hint = styles.add_style(HINT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    hint.base_style = styles["Normal"]
    hint.quick_style = True
    hint.font.italic = True
    hint.font.size = Pt(9.5)
    hint.font.color.rgb = RGBColor.from_string(HINT_COLOR)
    hint_shading = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", HINT_FILL)):
        hint_shading.set(qn(f"w:{key}"), value)
    hint.element.get_or_add_pPr().append(hint_shading)
    hint.paragraph_format.keep_with_next = True

    appendix = styles.add_style(APPENDIX_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    appendix.base_style = styles["Normal"]
    appendix.quick_style = True
    appendix.font.bold = True
    appendix.font.size = Pt(13)
    appendix.font.color.rgb = RGBColor.from_string(HEADING_COLOR)
    appendix.paragraph_format.page_break_before = True
    appendix.paragraph_format.keep_with_next = True

    # The footer: "<title> · versie <version>", then "pagina X van Y"; the build puts in the title.
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(FOOTER_MARK).font.size = Pt(8.5)
    footer.add_run().add_break()
    for text, instruction in (("pagina ", "PAGE"), (" van ", "NUMPAGES")):
        run = footer.add_run(text)
        run.font.size = Pt(8.5)
        number = OxmlElement("w:fldSimple")
        number.set(qn("w:instr"), instruction)
        cached = OxmlElement("w:r")
        cached_text = OxmlElement("w:t")
        cached_text.text = "1"
        cached.append(cached_text)
        number.append(cached)
        run.element.addnext(number)   # the field right after its label (Run.element is public API)

    path = Path(path)
    doc.save(path)
    return path


_ODF = {
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}


def _odf(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_ODF[prefix]}}}{local}"


def _set_odf(element, **attrs: str) -> None:
    """Set ODF attributes given as ``prefix__local_name`` (``fo__font_size``)."""
    for key, value in attrs.items():
        prefix, local = key.split("__")
        element.set(_odf(f"{prefix}:{local.replace('_', '-')}"), value)


def _odt_style(styles, name: str, family: str = "paragraph", **attrs: str):
    """Find (or create) a common style and return its text-properties element."""
    from lxml import etree

    found = styles.find(f"{_odf('style:style')}[@{_odf('style:name')}='{name}']")
    if found is None:
        found = etree.SubElement(styles, _odf("style:style"))
        found.set(_odf("style:name"), name)
        found.set(_odf("style:family"), family)
    _set_odf(found, **attrs)
    props = found.find(_odf("style:text-properties"))
    if props is None:
        props = etree.SubElement(found, _odf("style:text-properties"))
    return found, props


def _paragraph_props(style, **attrs: str) -> None:
    from lxml import etree

    props = style.find(_odf("style:paragraph-properties"))
    if props is None:
        props = etree.Element(_odf("style:paragraph-properties"))
        style.insert(0, props)
    _set_odf(props, **attrs)


def _odt_footer(tree) -> None:
    """The footer paragraph of every master page: "<mark>", a new line, "pagina X van Y", small and centred."""
    from lxml import etree

    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    for footer in tree.iter(_odf("style:footer")):
        for paragraph in footer.iter(f"{{{text_ns}}}p"):
            for child in list(paragraph):
                paragraph.remove(child)
            paragraph.text = FOOTER_MARK
            etree.SubElement(paragraph, f"{{{text_ns}}}line-break").tail = "pagina "
            number = etree.SubElement(paragraph, f"{{{text_ns}}}page-number")
            number.set(f"{{{text_ns}}}select-page", "current")
            number.text, number.tail = "1", " van "
            etree.SubElement(paragraph, f"{{{text_ns}}}page-count").text = "1"
            style_name = paragraph.get(f"{{{text_ns}}}style-name")
            for auto in tree.iter(_odf("style:style")):
                if auto.get(_odf("style:name")) == style_name:
                    _paragraph_props(auto, fo__text_align="center")
                    props = auto.find(_odf("style:text-properties"))
                    if props is None:
                        props = etree.SubElement(auto, _odf("style:text-properties"))
                    _set_odf(props, fo__font_size="8.5pt")


def reference_odt(path: Path | str) -> Path:
    """Write a house-style reference.odt derived from pandoc's default one."""
    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(_pandoc_data_file("reference.odt")))
    tree = etree.fromstring(source.read("styles.xml"))
    styles = tree.find(_odf("office:styles"))

    paragraph_default = styles.find(
        f"{_odf('style:default-style')}[@{_odf('style:family')}='paragraph']"
    ).find(_odf("style:text-properties"))
    _set_odf(paragraph_default, style__font_name=FONT, fo__font_size="11pt",
             style__font_size_asian="11pt", style__font_size_complex="11pt",
             fo__language="nl", fo__country="NL")
    bold = {"fo__font_weight": "bold", "style__font_weight_asian": "bold",
            "style__font_weight_complex": "bold"}
    upright = {"fo__font_style": "normal", "style__font_style_asian": "normal",
               "style__font_style_complex": "normal"}

    heading_style, heading = _odt_style(styles, "Heading")
    _set_odf(heading, style__font_name=FONT, fo__color=f"#{HEADING_COLOR.lower()}", **bold)
    _paragraph_props(heading_style, fo__keep_with_next="always")
    for level in range(1, 7):
        _, props = _odt_style(styles, f"Heading_20_{level}")
        _set_odf(props, **upright)
    _, title = _odt_style(styles, "Title", style__parent_style_name="Heading",
                          style__class="chapter", style__display_name="Title")
    _set_odf(title, fo__font_size="20pt", **bold)
    _, subtitle = _odt_style(styles, "Subtitle", style__parent_style_name="Heading",
                             style__class="chapter", style__display_name="Subtitle")
    _set_odf(subtitle, fo__font_size="13pt", fo__font_weight="normal")

    _, mark = _odt_style(styles, PLACEHOLDER_STYLE, family="text")
    _set_odf(mark, fo__background_color=f"#{HIGHLIGHT_COLOR.lower()}", **bold)

    hint, hint_text = _odt_style(styles, HINT_STYLE, style__parent_style_name="Standard",
                                 style__display_name=HINT_STYLE)
    _set_odf(hint_text, fo__font_style="italic", fo__font_size="9.5pt", fo__color=f"#{HINT_COLOR.lower()}")
    _paragraph_props(hint, fo__background_color=f"#{HINT_FILL.lower()}", fo__margin_top="0.2cm",
                     fo__margin_bottom="0.2cm", fo__padding="0.1cm", fo__keep_with_next="always")
    appendix, appendix_text = _odt_style(styles, APPENDIX_STYLE, style__parent_style_name="Standard",
                                         style__display_name=APPENDIX_STYLE)
    _set_odf(appendix_text, fo__font_size="13pt", fo__color=f"#{HEADING_COLOR.lower()}", **bold)
    _paragraph_props(appendix, fo__break_before="page", fo__keep_with_next="always", fo__margin_bottom="0.3cm")
    for cell_style in ("Table_20_Contents", "Table_20_Heading"):
        _, cell = _odt_style(styles, cell_style, style__parent_style_name="Standard")
        _set_odf(cell, fo__font_size=f"{TABLE_POINTS}pt")
    _odt_footer(tree)

    for layout in tree.iter(_odf("style:page-layout-properties")):
        _set_odf(layout, fo__page_width="21cm", fo__page_height="29.7cm",
                 fo__margin_left="2.5cm", fo__margin_right="2.5cm",
                 fo__margin_top="2.5cm", fo__margin_bottom="2.5cm")

    path = Path(path)
    styles_xml = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    _rewrite_odf(source, path, {"styles.xml": styles_xml})
    return path


ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry


def write_package(path: Path, entries: list[tuple[str, bytes]], when: tuple = ZIP_EPOCH) -> None:
    """Write a ZIP package (.docx/.odt) with fixed entry times, modes and order.

    ODF requires "mimetype" first and uncompressed; every other entry keeps its place.
    """
    entries = sorted(entries, key=lambda entry: entry[0] != "mimetype")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.create_system, info.external_attr = 3, 0o644 << 16
            target.writestr(info, data)


def _rewrite_odf(source: zipfile.ZipFile, path: Path, replace: Mapping[str, bytes]) -> None:
    """Copy an ODF package to ``path`` with some members replaced."""
    entries = [(info.filename, replace.get(info.filename) or source.read(info.filename))
               for info in source.infolist()]
    write_package(path, entries)


@dataclass(frozen=True)
class _Finish:
    """What a written package gets after pandoc: its footer text, and the markers it must carry."""

    footer: str = ""
    markers: Mapping[str, int] = field(default_factory=dict)


_ODT_CELL_STYLE_RE = re.compile(
    rb'(<style:style style:name="Table(?:Header)?RowCell" style:family="table-cell">\s*'
    rb'<style:table-cell-properties fo:border=)"none"'
)
_PACKAGE_DATES = {
    "docProps/core.xml": re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*"),
    "meta.xml": re.compile(rb"(<(?:meta:creation-date|dc:date)>)[^<]*"),
}


def release_moment(released: date | None = None) -> datetime:
    """The moment a document says it was made: the day of the template version, else
    ``SOURCE_DATE_EPOCH``, else 1 January 1980. Never the clock, so builds repeat."""
    if released is not None:
        return datetime(released.year, released.month, released.day, tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return max(datetime.fromtimestamp(int(epoch), timezone.utc), datetime(*ZIP_EPOCH, tzinfo=timezone.utc))
    return datetime(*ZIP_EPOCH, tzinfo=timezone.utc)


def _normalise_package(path: Path, fmt: str, moment: datetime, finish: _Finish = _Finish()) -> None:
    """Make a pandoc .docx/.odt repeatable and finished: fixed dates in the document
    properties and ZIP entries, (odt) a thin grid on table cells, the footer with the
    template's title and version, a signature section that keeps together; and check that
    every marker of the fill-in arrived (``macros.publish.document_layout``)."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    main = "word/document.xml" if fmt == "docx" else "content.xml"
    fixed = []
    for name, data in entries:
        if name in _PACKAGE_DATES:
            data = _PACKAGE_DATES[name].sub(lambda match: match.group(1) + stamp, data)
        if fmt == "odt" and name == "content.xml":
            data = keep_odt_signatures(_ODT_CELL_STYLE_RE.sub(rb'\1"0.5pt solid #808080"', data))
        if fmt == "docx" and name == main:
            data = keep_docx_signatures(data)
        if name == "styles.xml" and fmt == "odt" or name.startswith("word/footer"):
            data = with_footer(data, finish.footer)
        if name == main and finish.markers and marker_counts(data, fmt) != dict(finish.markers):
            raise RuntimeError(f"de markeringen van de invulvelden en secties kwamen niet in het document "
                               f"({marker_counts(data, fmt)} in plaats van {dict(finish.markers)}).")
        fixed.append((name, data))
    write_package(path, fixed, moment.timetuple()[:6])


def reference_documents(folder: Path) -> dict[str, Path]:
    """Make the house-style reference documents in ``folder``, once per call."""
    folder.mkdir(parents=True, exist_ok=True)
    return {"docx": reference_docx(folder / "reference.docx"), "odt": reference_odt(folder / "reference.odt")}


# --------------------------------------------------------------------------- work folder


WORK_PREFIX = "documenten-"
_WORK_LOCK = "documenten.lock"


@dataclass(frozen=True)
class DocumentWork:
    """The work folder of one build (or one preview session) and its reference documents."""

    folder: Path
    references: Mapping[str, Path]


@contextmanager
def document_work(parent: Path) -> Iterator[DocumentWork]:
    """A fresh work folder inside ``parent`` (for example ``<project>/.cache``) with the
    reference documents made once; removed on exit.

    Each user holds the lock ``documenten-<id>.lock`` of its folder ``documenten-<id>`` while the
    folder exists. On entry, under ``parent/documenten.lock``, the folders whose lock is free (left
    by killed builds) are removed, and the document store is pruned when no other user is at work.
    """
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    folder = parent / f"{WORK_PREFIX}{uuid.uuid4().hex[:12]}"
    own = folder.with_name(f"{folder.name}.lock")
    try:
        with held(own):
            with held(parent / _WORK_LOCK, wait=True):
                if _remove_abandoned(parent):
                    DocumentStore(parent).prune()
                folder.mkdir()
            yield DocumentWork(folder, MappingProxyType(_made_references(folder / "huisstijl")))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        with suppress(OSError):  # Windows: another process has it open for a moment
            own.unlink(missing_ok=True)


def _remove_abandoned(parent: Path) -> bool:
    """Remove the work folders no live process holds; True when no other user is at work."""
    alone = True
    for left in sorted(p for p in parent.glob(f"{WORK_PREFIX}*") if p.is_dir()):
        lock = left.with_name(f"{left.name}.lock")
        try:
            with held(lock):
                shutil.rmtree(left, ignore_errors=True)
            lock.unlink(missing_ok=True)
        except Busy:
            alone = False
    return alone


@contextmanager
def _references_for(references: Mapping[str, Path] | None) -> Iterator[Mapping[str, Path]]:
    """The given reference documents, or ones made for this call only."""
    if references is not None:
        yield references
        return
    with tempfile.TemporaryDirectory(prefix="kennisbank-huisstijl-") as folder:
        yield _made_references(Path(folder))


def _made_references(folder: Path) -> dict[str, Path]:
    try:
        return reference_documents(folder)
    except Exception as error:  # missing python-docx/lxml, broken pandoc data
        raise DocumentError(f"De huisstijl van de documenten (het referentiedocument) is niet aan te maken "
                            f"({type(error).__name__}: {error}).") from error


# --------------------------------------------------------------------------- conversion


def _pandoc_detail(error: Exception) -> str:
    """A short, readable reason from a pypandoc/OS error."""
    if isinstance(error, FileNotFoundError) and "pandoc" in str(error).lower():
        return "Pandoc is niet gevonden; installeer pypandoc-binary."
    text = str(error).split("during conversion:", 1)[-1]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    reason = " ".join(lines)[:400]
    return f"Melding: {reason}" if reason else ""


def _atomic_target(target: Path) -> Path:
    """A unique sibling path to write to before renaming it onto ``target``."""
    return target.with_name(f".{target.stem}-{uuid.uuid4().hex}{target.suffix}")


def _pandoc_ast(source: str) -> dict:
    """The body as pandoc's document tree, read in pandoc's sandbox (no file, no network)."""
    return json.loads(pypandoc.convert_text(source, "json", format=PANDOC_FORMAT, extra_args=["--sandbox"],
                                            verify_format=False))


def _image_data(attachments: Path | None, names: set[str]) -> dict[str, str]:
    """``data:`` URIs of the template's own attachments that the body shows, by file name.

    Only these images reach a document: pandoc itself reads nothing but its input.
    """
    found = {}
    for name in sorted(names):
        path = attachment_file(attachments, name) if attachments and attachment_name(name) else None
        if path is not None:
            kind = IMAGE_TYPES[path.suffix.lower()]
            found[name] = f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
    return found


def _elements(node, kind: str):
    """Every pandoc element of ``kind`` in a tree."""
    if isinstance(node, dict):
        if node.get("t") == kind:
            yield node
        for value in node.values():
            yield from _elements(value, kind)
    elif isinstance(node, list):
        for item in node:
            yield from _elements(item, kind)


def _inert(node, images: Mapping[str, str]):
    """The tree without raw blocks, with only http(s)/mailto/#anchor links (others become
    their text) and only the given attachment images (others become their description)."""
    if isinstance(node, dict):
        return {key: _inert(value, images) for key, value in node.items()}
    if not isinstance(node, list):
        return node
    out = []
    for item in node:
        kind = item.get("t") if isinstance(item, dict) else None
        if kind in ("RawBlock", "RawInline"):
            continue
        if kind in ("Link", "Image"):
            attr, content, (url, title) = item["c"]
            content = _inert(content, images)
            if kind == "Link" and url_kind(url) in ("web", "mail", "anchor"):
                out.append({"t": kind, "c": [attr, content, [url, title]]})
            elif kind == "Image" and url in images:
                out.append({"t": kind, "c": [attr, content, [images[url], title]]})
            else:
                out.extend(content)
            continue
        out.append(_inert(item, images))
    return out


def document_tree(marked: str, attachments: Path | None = None, *, form: TemplateForm | None = None,
                  version: str = "") -> str:
    """The pandoc JSON that the .docx and .odt are written from: nothing of the build
    machine, no remote resource, no active link, whatever the body says.

    The body's sections (``::: keuze``/``::: herhaal``, see ``macros.load.template_parts``)
    become Divs with marker ids and a note before and after; the section "Ondertekening"
    becomes the Div ``kbo__ondertekening`` with signature blocks that have room to sign; the
    template's appendices (``form.appendices``) follow, each on a page of its own; a blank document opens
    with the model notice (``version``) in the section the fill-in removes."""
    form = form or TemplateForm()
    split = split_body(marked)
    tree = _pandoc_ast(_spaced_markers(marked, split.markers))
    names = {image["c"][2][0] for image in _elements(tree["blocks"], "Image")}
    blocks = _inert(tree["blocks"], _image_data(attachments, names))
    lines = marked.split("\n")
    markers = [" ".join(lines[n - 1].split()) for n in split.markers]
    opening = [_div(MODEL_ID, [_hint(MODEL_NOTICE.format(version=version))])] if version else []
    tree["blocks"] = opening + _signature_section(_sections(blocks, markers, form)) + _appendix_blocks(form)
    tree["meta"] = {}
    return json.dumps(tree)


# --------------------------------------------------------------------------- sections in the tree


def _spaced_markers(text: str, markers: Iterable[int]) -> str:
    """Each marker line as a paragraph of its own, whatever the lines around it."""
    lines = text.split("\n")
    for number in markers:
        lines[number - 1] = f"\n{lines[number - 1].strip()}\n"
    return "\n".join(lines)


def _plain_text(node) -> str:
    """The text of inline elements, as pandoc's stringify gives it."""
    if isinstance(node, list):
        return "".join(_plain_text(item) for item in node)
    if not isinstance(node, dict):
        return ""
    kind = node.get("t")
    if kind == "Str":
        return node["c"]
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps"):
        return _plain_text(node["c"])
    if kind in ("Span", "Quoted", "Link"):
        return _plain_text(node["c"][1])
    return ""


def _inlines(text: str) -> list:
    words = text.split()
    out: list = []
    for word in words:
        if out:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    return out


def _hint(text: str) -> dict:
    """A note in the blank document (style "Toelichting"); the fill-in removes it."""
    return {"t": "Div", "c": [["", [], [["custom-style", HINT_STYLE]]], [{"t": "Para", "c": _inlines(text)}]]}


def _div(ident: str, blocks: list) -> dict:
    return {"t": "Div", "c": [[ident, [], []], blocks]}


def _sections(blocks: list, markers: list[str], form: TemplateForm) -> list:
    """Top-level marker paragraphs (in the order ``split_body`` found them) become Divs."""
    out: list = []
    current: dict | None = None
    counts: dict[str, int] = {}
    pending = list(markers)
    for block in blocks:
        if pending and block.get("t") == "Para" and " ".join(_plain_text(block["c"]).split()) == pending[0]:
            words = pending.pop(0).split()
            if len(words) == 1:  # ":::"
                if current is not None:
                    out.append(_section_div(current, form, counts))
                current = None
            else:
                current = {"kind": words[1], "names": words[2], "blocks": []}
            continue
        (current["blocks"] if current is not None else out).append(block)
    if current is not None:
        out.append(_section_div(current, form, counts))
    return out


def _section_div(section: dict, form: TemplateForm, counts: dict[str, int]) -> dict:
    if section["kind"] == "keuze":
        choice, variant = section["names"].split("=", 1)
        key = f"{choice}={variant}"
        counts[key] = counts.get(key, 0) + 1
        ident, (before, after) = variant_id(choice, variant, counts[key]), variant_hints(form, choice, variant)
    else:
        key = section["names"]
        counts[key] = counts.get(key, 0) + 1
        ident, (before, after) = repeat_id(key, counts[key]), repeat_hints(form, key)
    return _div(ident, [_hint(before), *section["blocks"], _hint(after)])


def _signature_section(blocks: list) -> list:
    """The section under the heading "Ondertekening", up to the next heading of its level, as one
    Div (kept together in the documents), with room to sign in its tables."""
    start = next((i for i, b in enumerate(blocks) if b.get("t") == "Header" and b["c"][0] == 2
                  and _plain_text(b["c"][2]).strip() == SIGNATURE_HEADING), None)
    if start is None:
        return blocks
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].get("t") == "Header"
                and blocks[i]["c"][0] <= 2), len(blocks))
    section = [_signature_tables(block) for block in blocks[start:end]]
    return blocks[:start] + [_div(SIGNATURE_ID, section)] + blocks[end:]


def _signature_tables(node):
    """Two-column tables get a narrow label column; an empty cell gets room for a signature; an
    empty paragraph follows each table (Word joins tables that touch into one)."""
    if isinstance(node, list):
        out = []
        for item in node:
            out.append(_signature_tables(item))
            if isinstance(item, dict) and item.get("t") == "Table":
                out.append({"t": "Para", "c": [{"t": "Str", "c": "\u00a0"}]})
        return out
    if not isinstance(node, dict):
        return node
    if node.get("t") != "Table":
        return {key: _signature_tables(value) for key, value in node.items()}
    attr, caption, colspecs, head, bodies, foot = node["c"]
    if len(colspecs) == len(SIGNATURE_WIDTHS):
        colspecs = [[align, {"t": "ColWidth", "c": width}] for (align, _), width in zip(colspecs, SIGNATURE_WIDTHS)]
    for body in bodies:
        for row in body[3]:
            for cell in row[1]:
                if not _plain_text([b.get("c", []) for b in cell[4] if isinstance(b, dict)]).strip():
                    cell[4] = [{"t": "Plain", "c": [{"t": "LineBreak"}] * SIGNING_ROOM}]
    return {"t": "Table", "c": [attr, caption, colspecs, head, bodies, foot]}


def _styled(style: str, inlines: list) -> dict:
    return {"t": "Div", "c": [["", [], [["custom-style", style]]], [{"t": "Para", "c": inlines}]]}


def _appendix_blocks(form: TemplateForm) -> list:
    """Each appendix the text names on a page of its own (style "Bijlagetitel" starts a page): its title,
    what it holds, and that the parties add it. Not headings: the articles and the signature section stay
    the document's last headings. Not notes either: the pages stay in the filled document."""
    out: list = []
    for number, appendix in enumerate(form.appendices, 1):
        out.append(_styled(APPENDIX_STYLE, _inlines(f"Bijlage {number}. {appendix.titel}")))
        if appendix.omschrijving:
            out.append({"t": "Para", "c": _inlines(appendix.omschrijving)})
        out.append({"t": "Para", "c": [{"t": "Strong", "c": _inlines(APPENDIX_TODO)}]})
    return out


def _expected_markers(tree: str) -> dict[str, int]:
    """How many placeholders (kbf), variant texts (kbk) and repeated blocks (kbh) the tree marks."""
    data = json.loads(tree)
    spans = [e["c"][0][0] for e in _elements(data["blocks"], "Span")]
    divs = [e["c"][0][0] for e in _elements(data["blocks"], "Div")]
    return {"kbf": sum(1 for i in spans if i.startswith("kbf__")),
            "kbk": sum(1 for i in divs if i.startswith("kbk__")),
            "kbh": sum(1 for i in divs if i.startswith("kbh__"))}


def _convert(template_id: str, fmt: str, tree: str, target: Path, args: list[str], moment: datetime,
             finish: _Finish = _Finish()) -> None:
    partial = None
    try:
        partial = _atomic_target(target)
        pypandoc.convert_text(tree, fmt, format="json", outputfile=str(partial), extra_args=args,
                              verify_format=False)
        _normalise_package(partial, fmt, moment, finish)
        os.replace(partial, target)
    except (RuntimeError, OSError, zipfile.BadZipFile) as error:
        raise ConversionError(template_id, fmt, _pandoc_detail(error)) from error
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)


def _check_identity(template_id: str, version: str) -> None:
    if not _ID_RE.match(template_id or ""):
        raise DocumentError(f"Ongeldig kenmerk voor een sjabloon: '{template_id}'.")
    if not _VERSION_RE.match(version or ""):
        raise DocumentError(f"Het sjabloon '{template_id}' heeft een ongeldige versie: '{version}'.")


def _pandoc_args(title: str, version: str, description: str, resources: Path) -> list[str]:
    """Title and properties; the version is in the footer and the model notice, not under the title (the
    document one signs keeps the footer and the properties, not the notice)."""
    metadata = {"title": title, "lang": LANG}
    if description:
        metadata |= {"description": description, "subject": description}
    return (["--standalone", "--sandbox", f"--resource-path={resources}"]
            + [f"--metadata={key}:{' '.join(value.split())}" for key, value in metadata.items()])


def write_downloads(
    template_id: str,
    version: str,
    title: str,
    body: str,
    labels: Mapping[str, str],
    out_dir: Path,
    *,
    description: str = "",
    references: Mapping[str, Path] | None = None,
    attachments: Path | None = None,
    released: date | None = None,
    form: TemplateForm | None = None,
) -> dict[str, Path]:
    """Write ``<id>-<version>.docx``, ``.odt`` and ``.md`` into ``out_dir``.

    The .docx and .odt show placeholders as highlighted ``[Label]``; the .md keeps
    ``[[naam]]`` so users can search and replace. ``references`` are the house-style
    documents (``DocumentWork.references``; made for this call when left out),
    ``attachments`` the template's own folder (``practices/sjablonen/<id>/``), the only
    place images come from, ``released`` the day of this version (the documents' date),
    ``form`` what the template's YAML declares (the notes on variants and repeats, the
    appendices). Every placeholder and section carries the marker the fill-in reads.
    Raises ``DocumentError`` (Dutch message naming the template) on any failure.
    """
    _check_identity(template_id, version)
    try:
        marked = mark_placeholders(body, labels, ids=True)
    except PlaceholderError as error:
        raise PlaceholderError(f"Sjabloon '{template_id}': {error}", error.missing) from None
    out_dir = Path(out_dir)
    paths = {fmt: out_dir / f"{template_id}-{version}.{fmt}" for fmt in ("docx", "odt", "md")}
    try:
        with _references_for(references) as refs:
            tree = document_tree(marked, attachments, form=form, version=version)
            resources = attachments or Path(refs["docx"]).parent / "geen-bijlagen"
            out_dir.mkdir(parents=True, exist_ok=True)
            finish = _Finish(footer_text(title, version), _expected_markers(tree))
            for fmt in ("docx", "odt"):
                args = _pandoc_args(title, version, description, resources) + [f"--reference-doc={refs[fmt]}"]
                _convert(template_id, fmt, tree, paths[fmt], args, release_moment(released), finish)
    except ConversionError:
        raise
    except DocumentError as error:  # the house style could not be made
        raise DocumentError(f"Het sjabloon '{template_id}' kon niet worden gemaakt. {error}") from error
    except (RuntimeError, OSError) as error:  # reading the body (pandoc) or making the folder
        raise ConversionError(template_id, "docx", _pandoc_detail(error)) from error
    _write_markdown(template_id, paths["md"], markdown_download(title, version, body, description=description))
    return paths


def _write_markdown(template_id: str, target: Path, text: str) -> None:
    partial = _atomic_target(target)
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    except OSError as error:
        raise ConversionError(template_id, "md", f"Schrijven mislukt: {error}") from error
    finally:
        partial.unlink(missing_ok=True)


@dataclass(frozen=True)
class DocumentJob:
    """Arguments for one ``write_downloads`` call."""

    template_id: str
    version: str
    title: str
    body: str
    labels: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    out_dir: Path | None = None  # overrides write_all's out_dir for this job
    attachments: Path | None = None  # practices/sjablonen/<id>/
    released: date | None = None  # the day of this version
    form: TemplateForm | None = None  # choices, repeats and appendices of the template


def write_all(
    jobs: Iterable[DocumentJob], out_dir: Path | None = None, max_workers: int = 2,
    *, references: Mapping[str, Path] | None = None,
) -> dict[str, dict[str, Path]]:
    """Run ``write_downloads`` for several templates in parallel threads.

    Pandoc runs as a subprocess, so threads give real parallelism. The reference
    documents are ``references`` (``DocumentWork.references``) or made once for this
    call. All jobs run; failures are collected into one ``BatchError``. Returns paths
    per template id.
    """
    results: dict[str, dict[str, Path]] = {}
    errors: list[DocumentError] = []
    with _references_for(references) as refs:
        calls = []
        for job in jobs:
            target = job.out_dir or out_dir
            if target is None:
                errors.append(DocumentError(f"Geen uitvoermap voor het sjabloon '{job.template_id}'."))
                continue
            calls.append((job.template_id, functools.partial(
                write_downloads, job.template_id, job.version, job.title, job.body,
                job.labels, target, description=job.description, references=refs,
                attachments=job.attachments, released=job.released, form=job.form,
            )))
        for (template_id, _), outcome in zip(calls, in_threads([call for _, call in calls], max_workers)):
            if isinstance(outcome, DocumentError):
                errors.append(outcome)
            elif isinstance(outcome, BaseException):
                raise outcome
            else:
                results[template_id] = outcome
    if errors:
        raise BatchError(errors)
    return results
