"""Which files a record may name as an attachment: a short list of types, each checked by name and content.

An attachment is published on the site's own origin, the origin of the web editor too. A file a
browser runs (.html, .xhtml, .svg, .js) could read what the editor keeps in the browser, such as
its repository token. So a record may name only the document, spreadsheet, text and picture types
below, and the content must be what the name says:

- pdf: starts with `%PDF-`;
- docx, xlsx: a zip with `[Content_Types].xml` that declares the main part of a Word document or
  an Excel workbook (a macro-enabled file renamed to .docx does not);
- odt, ods: a zip whose first entry is `mimetype`, stored, holding the OpenDocument type;
- csv, txt, md: UTF-8 text without control characters; csv and txt do not start with `<` (no HTML);
- png, jpg/jpeg: a picture Pillow decodes as that format.

A Markdown attachment is never published as a file: the site shows it as a page, rendered and
sanitised like a template body (`macros.render.attachments`). `docs/redactie/index.md` lists the
types for editors; the web editor's media library accepts the same (`macros.publish.editor_config`).
"""

from __future__ import annotations

import io
import os
import stat
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PIL import Image

from macros.load.yaml_source import MAX_BYTES, read_bytes, read_text

MAX_TEXT = 10 * 1024 * 1024     # a csv or txt attachment
MAX_IMAGE = 20 * 1024 * 1024    # a picture
MAX_PART = 1024 * 1024          # the part of a zip we read ([Content_Types].xml, mimetype)
MARKDOWN = ".md"
_OOXML_TYPE = "application/vnd.openxmlformats-officedocument."
_ODF_TYPE = "application/vnd.oasis.opendocument."


@dataclass(frozen=True)
class Kind:
    label: str                               # as a message names it
    check: Callable[[Path], str | None]      # None when the content fits, else why not (Dutch)


def _pdf(path: Path) -> str | None:
    return None if read_bytes(path, 8).startswith(b"%PDF-") else "een PDF begint met %PDF-"


def _ooxml(main_type: str) -> Callable[[Path], str | None]:
    declared = f'ContentType="{_OOXML_TYPE}{main_type}"'.encode()

    def check(path: Path) -> str | None:
        types = _zip_part(path, "[Content_Types].xml")
        if types is None:
            return "het is geen Office-bestand (een zip met [Content_Types].xml)"
        return None if declared in types else "het Office-bestand is van een andere soort"
    return check


def _odf(mimetype: str) -> Callable[[Path], str | None]:
    wanted = (_ODF_TYPE + mimetype).encode()

    def check(path: Path) -> str | None:
        try:
            with _opened(path) as fh, zipfile.ZipFile(fh) as archive:
                first = archive.infolist()[0] if archive.infolist() else None
                if first is None or first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
                    return "het is geen OpenDocument-bestand (een zip die begint met 'mimetype')"
                with archive.open(first) as part:
                    found = part.read(MAX_PART)
        except (OSError, RuntimeError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
            return "het is geen OpenDocument-bestand (een zip die begint met 'mimetype')"
        return None if found == wanted else "het OpenDocument-bestand is van een andere soort"
    return check


def _text(limit: int, markup_allowed: bool) -> Callable[[Path], str | None]:
    def check(path: Path) -> str | None:
        text, problems = read_text(path, path.name, limit)
        if problems:
            return problems[0].message.split(". ")[0].rstrip(".")  # what is wrong; the fix follows in our message
        if not markup_allowed and text.lstrip().startswith("<"):
            return "de tekst begint met '<' en lijkt op HTML of SVG"
        return None
    return check


def _image(pillow_format: str) -> Callable[[Path], str | None]:
    def check(path: Path) -> str | None:
        data = read_bytes(path, MAX_IMAGE)
        if len(data) > MAX_IMAGE:
            return f"de afbeelding is groter dan {MAX_IMAGE // (1024 * 1024)} MB"
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data), formats=[pillow_format]) as picture:
                    picture.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning):
            return f"het is geen leesbare {pillow_format}-afbeelding"
        return None
    return check


ALLOWED = {
    ".pdf": Kind("PDF", _pdf),
    ".docx": Kind("Word (docx)", _ooxml("wordprocessingml.document.main+xml")),
    ".xlsx": Kind("Excel (xlsx)", _ooxml("spreadsheetml.sheet.main+xml")),
    ".odt": Kind("OpenDocument-tekst (odt)", _odf("text")),
    ".ods": Kind("OpenDocument-rekenblad (ods)", _odf("spreadsheet")),
    ".csv": Kind("CSV", _text(MAX_TEXT, markup_allowed=False)),
    ".txt": Kind("tekst (txt)", _text(MAX_TEXT, markup_allowed=False)),
    MARKDOWN: Kind("Markdown", _text(MAX_BYTES, markup_allowed=True)),
    ".png": Kind("PNG", _image("PNG")),
    ".jpg": Kind("JPEG", _image("JPEG")),
    ".jpeg": Kind("JPEG", _image("JPEG")),
}
ALLOWED_TEXT = "pdf, docx, xlsx, odt, ods, csv, txt, md, png en jpg (of jpeg)"
# The pictures a template body may show (macros.checks.templates.IMAGE_TYPES): checked the same way.
PICTURES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}


def picture_problem(path: Path) -> str | None:
    """Why a template's picture does not decode as the format its name says (Dutch), or None."""
    form = PICTURES.get(path.suffix.lower())
    try:
        return _image(form)(path) if form else "het is geen PNG-, JPEG- of GIF-afbeelding"
    except OSError:
        return "het bestand kan niet gelezen worden"


def allowed(name: str) -> bool:
    return Path(name).suffix.lower() in ALLOWED


def type_message(name: str) -> str:
    return (f"'{name}' is geen toegestane soort bijlage. Toegestaan zijn: {ALLOWED_TEXT}. Andere soorten, zoals "
            ".html, .svg of .js, kan een browser als code uitvoeren. Sla het document op als een van deze soorten "
            "(bijvoorbeeld als PDF) en noem dat bestand.")


def content_problem(path: Path) -> str | None:
    """Why the attachment's content does not fit its name (Dutch), or None. The type must be allowed."""
    kind = ALLOWED[path.suffix.lower()]
    try:
        reason = kind.check(path)
    except OSError:
        reason = "het bestand kan niet gelezen worden"
    if reason is None:
        return None
    return (f"'{path.name}' heet een {kind.label}-bestand, maar de inhoud klopt daar niet mee: {reason}. Sla het "
            f"document opnieuw op als {kind.label}, of geef het de extensie die bij de inhoud hoort (toegestaan zijn "
            f"{ALLOWED_TEXT}).")


def verdict(path: Path) -> str:
    """A short token of what the checks say of an attachment, for the validation cache's key."""
    if not allowed(path.name):
        return "soort"
    return "ok" if content_problem(path) is None else "inhoud"


def _opened(path: Path):
    """The regular file itself for reading, never through a link."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    fh = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
        fh.close()
        raise OSError(f"{path} is geen gewoon bestand")
    return fh


def _zip_part(path: Path, name: str) -> bytes | None:
    try:
        with _opened(path) as fh, zipfile.ZipFile(fh) as archive:
            with archive.open(name) as part:
                return part.read(MAX_PART)
    except (OSError, RuntimeError, KeyError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return None
