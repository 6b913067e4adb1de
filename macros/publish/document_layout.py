"""What pandoc cannot set from Markdown, finished in a written .docx/.odt package.

* The footer of the reference documents holds ``FOOTER_MARK`` beside the page fields
  ("pagina X van Y"); each document gets its own template title and version there.
* The signature section (pandoc's Div ``kbo__ondertekening``) keeps together: its heading
  and introduction stay with the first signature block, and no signature block (a table)
  breaks over two pages.
* Every placeholder and every section carries the marker the fill-in reads (a bookmark in
  Word, a bookmark or a section in OpenDocument); ``marker_counts`` counts them so the build
  can prove that none got lost.

The marker names are made here too: ``kbf__<veld>__<n>`` (a placeholder), ``kbk__<keuze>__
<variant>__<n>`` (a variant's text), ``kbh__<herhaling>__<n>`` (a repeated block). Names
consist of letters, digits and ``_`` and stay within Word's 40 characters (the schema caps
the names), so pandoc keeps them as they are.
"""

from __future__ import annotations

import copy
import re
from xml.sax.saxutils import escape

from lxml import etree

FOOTER_MARK = "KENNISBANK-VOETTEKST"
HINT_STYLE = "Toelichting"
SIGNATURE_ID = "kbo__ondertekening"
MODEL_ID = "kbm__model"           # the model notice of a blank document; the fill-in removes it
APPENDIX_STYLE = "Bijlagetitel"   # the title of an appendix page; starts a new page
MARKER_PREFIXES = ("kbf__", "kbk__", "kbh__")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def odf(prefix: str, name: str) -> str:
    return f"{{{ {'text': TEXT, 'style': STYLE, 'table': TABLE, 'office': OFFICE, 'fo': FO}[prefix] }}}{name}"


def field_id(name: str, n: int) -> str:
    return f"kbf__{name}__{n}"


def variant_id(choice: str, variant: str, n: int) -> str:
    return f"kbk__{choice}__{variant}__{n}"


def repeat_id(repeat: str, n: int) -> str:
    return f"kbh__{repeat}__{n}"


def parse(data: bytes):
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


def serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --------------------------------------------------------------------------- footer


def with_footer(data: bytes, text: str) -> bytes:
    """A footer part with the mark replaced by the (XML-escaped) text."""
    return data.replace(FOOTER_MARK.encode(), escape(text).encode("utf-8"))


def footer_text(title: str, version: str) -> str:
    return f"{' '.join(title.split())} · versie {version}"


# --------------------------------------------------------------------------- markers


_DOCX_NAMES = re.compile(rb'<w:bookmarkStart [^>]*w:name="(kb[fkh]__[^"]*)"')
_ODT_NAMES = re.compile(rb'<text:(?:bookmark-start|section) [^>]*text:name="(kb[fkh]__[^"]*)"')


def marker_counts(data: bytes, fmt: str) -> dict[str, int]:
    """How many placeholders (kbf), variant texts (kbk) and repeated blocks (kbh) a main part marks."""
    names = (_DOCX_NAMES if fmt == "docx" else _ODT_NAMES).findall(data)
    return {prefix[:3]: sum(1 for n in names if n.decode().startswith(prefix)) for prefix in MARKER_PREFIXES}


# --------------------------------------------------------------------------- Word: keep the signatures together


def docx_range(body, start) -> list:
    """The body-level elements between a body-level bookmarkStart and its bookmarkEnd."""
    ident, found = start.get(w("id")), []
    for sibling in start.itersiblings():
        if sibling.tag == w("bookmarkEnd") and sibling.get(w("id")) == ident:
            return found
        found.append(sibling)
    return found


def _ppr(paragraph):
    ppr = paragraph.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        paragraph.insert(0, ppr)
    return ppr


def _keep_next(paragraph) -> None:
    ppr = _ppr(paragraph)
    if ppr.find(w("keepNext")) is None:
        style = ppr.find(w("pStyle"))
        ppr.insert(0 if style is None else 1, etree.Element(w("keepNext")))


def _cant_split(row) -> None:
    trpr = row.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        row.insert(1 if row.find(w("tblPrEx")) is not None else 0, trpr)
    if trpr.find(w("cantSplit")) is None:
        trpr.insert(0, etree.Element(w("cantSplit")))


def keep_docx_signatures(data: bytes) -> bytes:
    root = parse(data)
    body = root.find(w("body"))
    start = next((b for b in body.iterchildren(w("bookmarkStart")) if b.get(w("name")) == SIGNATURE_ID), None)
    if start is None:
        return data
    paragraphs, previous = [], None
    for block in docx_range(body, start):
        if block.tag == w("p") and (previous is None or previous.tag != w("tbl")):
            paragraphs.append(block)   # the paragraph after a table is where a page may break
        elif block.tag == w("tbl"):
            rows = block.findall(w("tr"))
            for row in rows:
                _cant_split(row)
            paragraphs += [p for row in rows for p in row.iter(w("p"))]
        previous = block if block.tag in (w("p"), w("tbl")) else previous
    for paragraph in paragraphs[:-1]:
        _keep_next(paragraph)
    if paragraphs:
        _page_break_before(paragraphs[0])
    return serialise(root)


def _page_break_before(paragraph) -> None:
    """The signatures start a page: a word processor may drop a keep that crosses a nested
    block (a repeated party), leaving the heading alone at the foot of a page."""
    ppr = _ppr(paragraph)
    if ppr.find(w("pageBreakBefore")) is None:
        # OOXML fixes the order: pStyle, keepNext, keepLines, pageBreakBefore, ...
        before = [ppr.find(w(tag)) for tag in ("pStyle", "keepNext", "keepLines")]
        ppr.insert(max((list(ppr).index(e) + 1 for e in before if e is not None), default=0),
                   etree.Element(w("pageBreakBefore")))


# --------------------------------------------------------------------------- OpenDocument: the same


def _odt_keep_style(styles, name: str, made: dict) -> str:
    """An automatic paragraph style like `name` that keeps with the next paragraph."""
    if name in made:
        return made[name]
    own = styles.find(f"{odf('style', 'style')}[@{odf('style', 'name')}='{name}']")
    if own is not None:
        style = copy.deepcopy(own)
    else:
        style = etree.Element(odf("style", "style"))
        style.set(odf("style", "family"), "paragraph")
        style.set(odf("style", "parent-style-name"), name)
    keep = f"KB_keep_{len(made) + 1}"
    style.set(odf("style", "name"), keep)
    props = style.find(odf("style", "paragraph-properties"))
    if props is None:
        props = etree.Element(odf("style", "paragraph-properties"))
        style.insert(0, props)
    props.set(odf("fo", "keep-with-next"), "always")
    styles.append(style)
    made[name] = keep
    return keep


def _odt_page_style(styles, element) -> str:
    """An automatic style like the element's own that starts a new page (see _page_break_before)."""
    name = element.get(odf("text", "style-name")) or "Standard"
    style = etree.SubElement(styles, odf("style", "style"))
    style.set(odf("style", "name"), "KB_signatures_page")
    style.set(odf("style", "family"), "paragraph")
    style.set(odf("style", "parent-style-name"), name)
    props = etree.SubElement(style, odf("style", "paragraph-properties"))
    props.set(odf("fo", "break-before"), "page")
    props.set(odf("fo", "keep-with-next"), "always")
    return "KB_signatures_page"


def _odt_table_whole(styles, table) -> None:
    name = table.get(odf("table", "style-name"))
    style = styles.find(f"{odf('style', 'style')}[@{odf('style', 'name')}='{name}']")
    if style is None:
        return
    props = style.find(odf("style", "table-properties"))
    if props is None:
        props = etree.SubElement(style, odf("style", "table-properties"))
    props.set(odf("style", "may-break-between-rows"), "false")


def keep_odt_signatures(data: bytes) -> bytes:
    root = parse(data)
    section = next((s for s in root.iter(odf("text", "section")) if s.get(odf("text", "name")) == SIGNATURE_ID), None)
    styles = root.find(odf("office", "automatic-styles"))
    if section is None or styles is None:
        return data
    paragraphs, made = [], {}
    for element in section.iter(odf("text", "p"), odf("text", "h"), odf("table", "table")):
        if element.tag == odf("table", "table"):
            _odt_table_whole(styles, element)
            paragraphs.append(None)  # a table ends a run of paragraphs to keep with what follows
        elif not any(a.tag == odf("table", "table") for a in element.iterancestors()):
            paragraphs.append(element)
    heading = next((e for e in paragraphs if e is not None), None)
    if heading is not None:
        heading.set(odf("text", "style-name"), _odt_page_style(styles, heading))
    for element in paragraphs[:-1]:
        # a note keeps with what follows through its own style; the fill-in knows it by that name
        # (headings keep with the next paragraph through the house style)
        if element is not None and element.tag == odf("text", "p") \
                and element.get(odf("text", "style-name")) != HINT_STYLE:
            style = element.get(odf("text", "style-name")) or "Standard"
            element.set(odf("text", "style-name"), _odt_keep_style(styles, style, made))
    return serialise(root)
