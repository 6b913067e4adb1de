"""The whole comparison as a spreadsheet: `vergelijking.csv` and `vergelijking.xlsx` under /vergelijken/.

One row per practice (by title), one column per comparison field, with the labels a reader sees on
the site (never codes). The first columns name the practice and say whether it is a fictional example
("Fictief voorbeeld": ja or nee, from the record's `voorbeeld` field; `macros.render.tables.lead_header`).
The CSV is UTF-8 with a byte order mark and ';' between the values, which is what Excel with Dutch
settings opens without an import dialog. The columns run as the tables on the site: a row per practice,
first its name, region and whether it is fictional, then the questions theme by theme, and last the internal
code "Kenmerk" (needed to join files, not to read). The .xlsx has a sheet with all themes and one per theme,
the header row and first column frozen like the tables on the site. Each sheet reads and prints
well: long text wraps in columns sized to their content (at most `MAX_WIDTH` characters), rows are
as high as their wrapped text, and a printout is landscape A4, one page wide, with the header row
on every page. A last sheet, "Toelichting", says what the columns hold, among them the internal
code "Kenmerk".

No cell may start like a formula (=, +, -, @, ...): validation already refuses such text in the
data (`macros.checks.formulas`), and this module refuses it again rather than write it. Both files
are byte-identical for the same data: the workbook is dated by the newest change in the catalogue
and its ZIP entries carry that date too.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from macros.checks.formulas import formula_problem
from macros.render.changes import data_date
from macros.render.compare import DOWNLOAD_NAME
from macros.render.context import RenderContext
from macros.render.tables import TRAIL_COLUMNS, by_title, cell, lead_header, lead_values, plain, trail_values, value

MAX_WIDTH = 40                       # characters: a wider text wraps
MIN_WIDTH = 10
LINE_HEIGHT = 15                     # points per line of wrapped text (Calibri 11)
EXPLANATION_SHEET = "Toelichting"
SHEET_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")  # characters a sheet name may not hold
CREATOR = "Kennisbank Doorbraakaanpak"


def _value(ctx: RenderContext, record, f):
    """A number stays a number (the spreadsheet can sum it); everything else is its label."""
    raw = value(record, f)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return raw
    return plain(cell(ctx, record, f))


def table(ctx: RenderContext, themes=None) -> tuple[list[str], list[list]]:
    """(header, rows) of the comparison of `themes` (all themes with comparison fields by default)."""
    return _columns_of(_full_table(ctx), ctx.compare_themes() if themes is None else themes)


@dataclass(frozen=True)
class _Table:
    themes: tuple                     # the theme of each column after the lead columns
    lead: int                         # how many lead columns come first
    trail: int                        # how many columns come after the themes' (the code "Kenmerk")
    header: list
    rows: list


def _full_table(ctx: RenderContext) -> _Table:
    """Every theme's columns, made once: the sheet of each theme is a choice of its columns."""
    columns = [(t, f) for t in ctx.compare_themes() for f in ctx.compare_fields(t)]
    lead = lead_header(ctx)
    header = [*lead, *(f"{ctx.catalog.label('themas', t)}: {f.title}" for t, f in columns), *TRAIL_COLUMNS]
    rows = [[*lead_values(r), *(_value(ctx, r, f) for _, f in columns), *trail_values(r)]
            for r in by_title(ctx, ctx.catalog.practices)]
    for row in (header, *rows):
        _checked(row)
    return _Table(tuple(t for t, _ in columns), len(lead), len(TRAIL_COLUMNS), header, rows)


def _columns_of(full: _Table, themes) -> tuple[list[str], list[list]]:
    """(header, rows) with the lead columns, those of `themes` in the order of `themes`, and the trailing code."""
    last = full.lead + len(full.themes)
    wanted = (list(range(full.lead)) + [full.lead + i for t in themes for i, c in enumerate(full.themes) if c == t]
              + list(range(last, last + full.trail)))
    return [full.header[i] for i in wanted], [[row[i] for i in wanted] for row in full.rows]


def _checked(row: list) -> list:
    for item in row:
        problem = formula_problem(item) if isinstance(item, str) else None
        if problem:
            raise ValueError(f"vergelijking: de waarde {item!r} zou in een spreadsheet een formule zijn: {problem}")
    return row


def _csv_text(item) -> str:
    if isinstance(item, float):
        return f"{item:g}".replace(".", ",")   # Dutch decimal comma
    return str(item)


def comparison_csv(ctx: RenderContext, full: _Table | None = None) -> bytes:
    header, rows = _columns_of(full or _full_table(ctx), ctx.compare_themes())
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_csv_text(item) for item in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def sheet_title(label: str, taken: set[str]) -> str:
    """A theme label as a sheet name: at most 31 characters, none of \\ / ? * [ ] :, not starting or
    ending with an apostrophe, and unique in the workbook."""
    base = SHEET_FORBIDDEN.sub("-", " ".join(label.split()))[:31].strip("' ") or "Thema"
    title, n = base, 2
    while title.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    return title


def column_widths(header: list[str], rows: list[list]) -> list[int]:
    """Each column as wide as its longest value (a header may take two lines), between MIN_WIDTH and MAX_WIDTH."""
    return [min(max(MIN_WIDTH, (len(str(name)) + 1) // 2, *(len(_text(row[i])) for row in rows)), MAX_WIDTH)
            for i, name in enumerate(header)]


def _text(item) -> str:
    return "" if item is None else str(item)


def _lines(text: str, width: int) -> int:
    """How many lines `text` takes wrapped at `width` characters (by words, as a spreadsheet wraps)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width:
            lines, used = lines + 1, 0
        used += (1 if used else 0) + len(word)
        while used > width:
            lines, used = lines + 1, used - width
    return lines


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(sheet_title(title, set(book.sheetnames)))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    widths = column_widths(header, rows)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for number, row in enumerate(sheet.iter_rows(), start=1):
        for item in row:
            item.alignment = Alignment(wrap_text=True, vertical="top")
            if number == 1:
                item.font = Font(bold=True)
        lines = max((_lines(_text(item.value), widths[i]) for i, item in enumerate(row)), default=1)
        sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    _print_setup(sheet)


def _print_setup(sheet) -> None:
    """Landscape A4, one page wide (as many pages long as needed), the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True


def explanation_rows(ctx: RenderContext) -> list[tuple[str, str]]:
    """What the lead columns hold, for the sheet "Toelichting"."""
    lead = lead_header(ctx)
    return [
        (lead[0], "De titel van de praktijk, zoals op de site."),
        (lead[1], "De gemeenten of de regio waar de afspraken gelden."),
        (lead[2], "ja: een verzonnen voorbeeld dat laat zien hoe de kennisbank werkt, geen echte afspraak. "
                  "nee: een echte regionale afspraak."),
        ("Thema: vraag", "Elke volgende kolom is een vraag uit de vergelijking, met het thema ervoor, en per "
                         "praktijk het antwoord zoals op de site. Een leeg vak: niet ingevuld."),
        (TRAIL_COLUMNS[0], "De laatste kolom: de code van de praktijk in de kennisbank, het laatste deel van het "
                           "webadres (praktijken/<kenmerk>/) en de sleutel van de praktijk in de open data. Nodig om "
                           "rijen te koppelen; om te lezen niet."),
    ]


def _explanation(book: Workbook, ctx: RenderContext) -> None:
    _sheet(book, EXPLANATION_SHEET, ["Kolom", "Betekenis"], [list(row) for row in explanation_rows(ctx)])
    sheet = book[EXPLANATION_SHEET]
    sheet.column_dimensions["B"].width = 80
    for number, (_, meaning) in enumerate(explanation_rows(ctx), start=2):
        sheet.row_dimensions[number].height = LINE_HEIGHT * _lines(meaning, 80)
    sheet.auto_filter.ref = None


def comparison_xlsx(ctx: RenderContext, full: _Table | None = None) -> bytes:
    full = full or _full_table(ctx)
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Alle thema's", *_columns_of(full, ctx.compare_themes()))
    for theme in ctx.compare_themes():
        header, rows = _columns_of(full, [theme])
        _sheet(book, ctx.catalog.label("themas", theme), header, rows)
    _explanation(book, ctx)
    stamp = datetime.combine(data_date(ctx), time())
    book.properties.creator, book.properties.created, book.properties.modified = CREATOR, stamp, stamp
    book.properties.title = "Vergelijking van de praktijken"
    raw = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps the time of saving into docProps/core.xml.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return _fixed_times(raw.getvalue(), stamp)


def _fixed_times(package: bytes, stamp: datetime) -> bytes:
    """The same ZIP with every entry dated `stamp`, so the file depends on the data only."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def write_comparison_downloads(ctx: RenderContext, folder: Path) -> list[Path]:
    """Write vergelijking.csv and vergelijking.xlsx into `folder` (the site's vergelijken/)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    full = _full_table(ctx)
    for suffix, data in ((".csv", comparison_csv(ctx, full)), (".xlsx", comparison_xlsx(ctx, full))):
        target = folder / f"{DOWNLOAD_NAME}{suffix}"
        target.write_bytes(data)
        written.append(target)
    return written
