"""Repeatable document packages: a .docx or .odt rewritten with fixed dates (the day of the
version) and fixed ZIP entry times, so the same template gives the same bytes.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from macros.publish.document_layout import keep_docx_signatures, keep_odt_signatures, marker_counts, with_footer


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


def rewrite_odf(source: zipfile.ZipFile, path: Path, replace: Mapping[str, bytes]) -> None:
    """Copy an ODF package to ``path`` with some members replaced."""
    entries = [(info.filename, replace.get(info.filename) or source.read(info.filename))
               for info in source.infolist()]
    write_package(path, entries)


@dataclass(frozen=True)
class Finish:
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


def normalise_package(path: Path, fmt: str, moment: datetime, finish: Finish = Finish()) -> None:
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
