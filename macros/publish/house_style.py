"""The house style of the documents: reference .docx and .odt files built from pandoc's own
defaults (fonts, colours, the placeholder and hint styles, the footer).

``reference_docx`` needs python-docx (and lxml, which python-docx brings along); both are
imported lazily.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pypandoc

from macros.publish.document_layout import APPENDIX_STYLE, FOOTER_MARK, HINT_STYLE
from macros.publish.document_packages import rewrite_odf
from macros.publish.document_text import LANG, PLACEHOLDER_STYLE


FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
HEADING_COLOR = "1F3A5F"
TABLE_POINTS = 9.5  # table text, in points (body text is 11)
HIGHLIGHT_COLOR = "FFFF00"
HINT_COLOR = "5C4400"    # notes about variants and repeats in a blank document
HINT_FILL = "FFF4CC"


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
    rewrite_odf(source, path, {"styles.xml": styles_xml})
    return path


def reference_documents(folder: Path) -> dict[str, Path]:
    """Make the house-style reference documents in ``folder``, once per call."""
    folder.mkdir(parents=True, exist_ok=True)
    return {"docx": reference_docx(folder / "reference.docx"), "odt": reference_odt(folder / "reference.odt")}
