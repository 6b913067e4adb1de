"""The comparison workbook opens and prints well (issue 27, item 5): wrapped text in columns that fit,
frozen header row and first column, landscape A4 one page wide with the header row on every page,
and a sheet that explains the columns, the internal code "Kenmerk" among them. Read back with openpyxl."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from macros.load.catalog import load_catalog
from macros.publish.comparison_downloads import MAX_WIDTH, _lines, column_widths, comparison_xlsx
from macros.render.context import render_context

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def book():
    ctx = render_context(load_catalog(ROOT / "practices"))
    return openpyxl.load_workbook(io.BytesIO(comparison_xlsx(ctx)))


def test_lines_and_widths():
    assert _lines("", 10) == 1
    assert _lines("een twee drie", 8) == 2          # "een twee" | "drie"
    assert _lines("een twee drie", 13) == 1
    assert _lines("x" * 25, 10) == 3                # a word longer than the column breaks
    assert column_widths(["Praktijk", "Kort"], [["a" * 70, "Ja"], ["b", "Nee"]]) == [MAX_WIDTH, 10]
    assert column_widths(["Een kop van vijfendertig tekens lang"], [["Ja"]]) == [18]


def test_every_sheet_wraps_fits_freezes_and_prints_one_page_wide(book):
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2", sheet.title
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.print_title_rows == "$1:$1", sheet.title
        for row in sheet.iter_rows():
            for item in row:
                assert item.alignment.wrap_text and item.alignment.vertical == "top", (sheet.title, item.coordinate)
        assert all(item.font.bold for item in sheet[1])


def test_long_text_wraps_in_a_column_that_fits_and_its_row_is_tall_enough(book):
    sheet = book["Financiering passende plek"]
    header = [c.value for c in sheet[1]]
    column = header.index("Financiering passende plek: Wie betaalt wat") + 1
    letter = openpyxl.utils.get_column_letter(column)
    assert sheet.column_dimensions[letter].width == MAX_WIDTH
    longest = max(range(2, sheet.max_row + 1), key=lambda n: len(str(sheet.cell(n, column).value or "")))
    text = sheet.cell(longest, column).value
    assert len(text) > MAX_WIDTH
    assert sheet.row_dimensions[longest].height == 15 * max(
        _lines(str(sheet.cell(longest, c).value or ""), sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width)
        for c in range(1, sheet.max_column + 1))
    assert sheet.row_dimensions[longest].height >= 30
    short = header.index("Fictief voorbeeld") + 1
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(short)].width == 10  # "ja"/"nee", header on two lines


def test_the_last_sheet_explains_the_columns_and_the_code(book):
    assert book.sheetnames[-1] == "Toelichting"
    rows = list(book["Toelichting"].iter_rows(values_only=True))
    assert rows[0] == ("Kolom", "Betekenis")
    assert [r[0] for r in rows[1:]] == ["Praktijk", "Regio", "Fictief voorbeeld", "Thema: vraag", "Kenmerk"]
    kenmerk = dict(rows[1:])["Kenmerk"]
    assert "code van de praktijk" in kenmerk and "praktijken/<kenmerk>/" in kenmerk
    sheet = book["Alle thema's"]
    assert sheet.cell(1, sheet.max_column).value == "Kenmerk", "the internal code is the last column"
    assert [c.value for c in sheet[1]][:3] == ["Praktijk", "Regio", "Fictief voorbeeld"]
