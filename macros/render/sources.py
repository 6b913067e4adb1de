"""The sources behind the facts on hand-written pages (the law page, the theme pages).

One place per source: `practices/referentie/bronnen.csv` (id, titel, url, gecontroleerd,
opmerking). A page names the sources it rests on in its front matter (`bronnen: [id, ...]`),
cites one inline with `{{ bron("id") }}` and lists them with `{{ bronnenlijst() }}` (not `bronnen()`: mkdocs-macros gives the page's front matter, and so the list `bronnen`, the same names as the macros), each with
the day an editor last read it. Before a build `source_report` checks every page: an
unknown id is an error (the build stops, the site stays as it was), a check older than
twelve months a warning that names the page and the source.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from macros.model.problems import Problem
from macros.model.problems import WARNING

SOURCES_FILE = Path("referentie") / "bronnen.csv"   # inside practices/
COLUMNS = ("id", "titel", "url", "gecontroleerd", "opmerking")
ID_FORM = re.compile(r"[a-z0-9][a-z0-9-]*")
CITATION = re.compile(r"""\bbron\(\s*["']([^"']*)["']\s*\)""")
FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
RAW = re.compile(r"{%-?\s*raw\s*-?%}.*?{%-?\s*endraw\s*-?%}", re.S)   # text Jinja does not run
FIX_HINT = "Voeg de bron toe aan practices/referentie/bronnen.csv of verbeter de id."


@dataclass(frozen=True)
class Source:
    id: str
    titel: str
    url: str
    gecontroleerd: date
    opmerking: str
    line: int          # line in bronnen.csv, for messages


@dataclass(frozen=True)
class Cited:
    """A source as one page lists it: its number on that page and whether its check is old."""

    number: int
    source: Source
    stale: bool


class SourceError(ValueError):
    """A page names a source that does not exist; the message says where and how to fix it."""


def stale(checked: date, today: date) -> bool:
    """Checked more than twelve months before `today`."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:        # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return checked < year_ago


# --------------------------------------------------------------------------- the table


def read_sources(root: Path) -> tuple[dict[str, Source], list[Problem]]:
    """The sources of `root/referentie/bronnen.csv` by id, and the problems in the table."""
    path = root / SOURCES_FILE
    where = f"practices/{SOURCES_FILE.as_posix()}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, [Problem(where, 0, "", "het bestand ontbreekt. Zet het terug uit git; de pagina's met bronnen "
                            "hebben het nodig.")]
    except (OSError, UnicodeDecodeError):
        return {}, [Problem(where, 0, "", "het bestand kan niet gelezen worden als UTF-8-tekst.")]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return {}, [Problem(where, 1, missing[0], f"kolom '{missing[0]}' ontbreekt. De eerste regel moet de kolommen "
                            f"{', '.join(COLUMNS)} noemen.")]
    found, problems = {}, []
    for row in reader:
        source, row_problems = _row(row, reader.line_num, where)
        problems += row_problems
        if source and source.id in found:
            problems.append(Problem(where, reader.line_num, "id", f"de id '{source.id}' staat er al op regel "
                                    f"{found[source.id].line}. Geef elke bron één regel."))
        elif source:
            found[source.id] = source
    return found, problems


def _row(row: dict, line: int, where: str) -> tuple[Source | None, list[Problem]]:
    values = {c: (row.get(c) or "").strip() for c in COLUMNS}
    problems = []
    if not ID_FORM.fullmatch(values["id"]):
        problems.append(Problem(where, line, "id", f"'{values['id']}' is geen geldige id: gebruik kleine letters, "
                                "cijfers en streepjes, zoals leerplichtwet-1969."))
    if not values["titel"]:
        problems.append(Problem(where, line, "titel", "de titel ontbreekt."))
    if not values["url"].startswith("https://"):
        problems.append(Problem(where, line, "url", f"'{values['url']}' is geen webadres dat met https:// begint."))
    try:
        checked = date.fromisoformat(values["gecontroleerd"])
    except ValueError:
        problems.append(Problem(where, line, "gecontroleerd", f"'{values['gecontroleerd']}' is geen datum. Schrijf "
                                "de dag waarop u de bron las als JJJJ-MM-DD, zoals 2026-12-07."))
        checked = None
    if problems:
        return None, problems
    return Source(values["id"], values["titel"], values["url"], checked, values["opmerking"], line), []


# --------------------------------------------------------------------------- pages


def page_ids(meta: dict | None) -> list:
    """The `bronnen` of a page's front matter, as written."""
    value = (meta or {}).get("bronnen")
    return value if isinstance(value, list) else ([] if value is None else [value])


def cited(meta: dict | None, sources: dict[str, Source], today: date, page: str) -> list[Cited]:
    """The sources a page lists, numbered in its order; SourceError for an id the table lacks."""
    out = []
    for number, ident in enumerate(page_ids(meta), start=1):
        if not isinstance(ident, str) or ident not in sources:
            raise SourceError(f"{page}: bronnen: de bron '{ident}' bestaat niet. {FIX_HINT}")
        source = sources[ident]
        out.append(Cited(number, source, stale(source.gecontroleerd, today)))
    return out


def citation(meta: dict | None, sources: dict[str, Source], today: date, page: str, ident: str) -> Cited:
    """One inline citation: the source's entry on this page, or SourceError saying what is missing."""
    for entry in cited(meta, sources, today, page):
        if entry.source.id == ident:
            return entry
    if ident in sources:
        raise SourceError(f"{page}: bron(\"{ident}\") staat niet in 'bronnen' bovenaan de pagina. Zet de id in die "
                          "lijst.")
    raise SourceError(f"{page}: bron(\"{ident}\"): de bron '{ident}' bestaat niet. {FIX_HINT}")


def citation_markdown(entry: Cited) -> str:
    """An inline reference in Markdown: the source's number on this page, linked to the page's list of
    sources. Only the number and the id (checked against ID_FORM) go in: no text from the table."""
    return f'[\\[{entry.number}\\]](#bron-{entry.source.id}){{ .kb-bron aria-label="Bron {entry.number}" }}'


# --------------------------------------------------------------------------- the check before a build


def source_report(project: Path, today: date) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) for every page under `project/docs` that names sources, and for the table."""
    pages = _pages_with_sources(project / "docs")
    if not pages:
        return [], []
    sources, errors = read_sources(project / "practices")
    warnings = []
    for shown, text, meta in pages:
        page_errors, page_warnings = _page_report(shown, text, meta, sources, today)
        errors += page_errors
        warnings += page_warnings
    return errors, warnings


def _pages_with_sources(docs: Path) -> list[tuple[str, str, dict]]:
    out = []
    for path in sorted(docs.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue          # the generator reports unreadable pages itself
        meta = front_matter(text)
        text = _without_raw(text)
        if "bronnen" in meta or CITATION.search(text):
            out.append((f"docs/{path.relative_to(docs).as_posix()}", text, meta))
    return out


def _without_raw(text: str) -> str:
    """`text` with its {% raw %} blocks blanked (their line breaks kept, so line numbers stay right)."""
    return RAW.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def front_matter(text: str) -> dict:
    """The YAML front matter of a Markdown page, or {} when it has none or it cannot be read."""
    match = FRONT.match(text)
    if not match:
        return {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _page_report(shown: str, text: str, meta: dict, sources: dict[str, Source],
                 today: date) -> tuple[list[Problem], list[Problem]]:
    errors, warnings, listed = [], [], page_ids(meta)
    for ident in listed:
        line = _line_of(text, ident)
        source = sources.get(ident) if isinstance(ident, str) else None
        if source is None:
            errors.append(Problem(shown, line, "bronnen", f"de bron '{ident}' bestaat niet. {FIX_HINT}"))
        elif stale(source.gecontroleerd, today):
            warnings.append(Problem(shown, line, "bronnen", f"{WARNING}de bron '{ident}' ({source.titel}) is voor het "
                                    f"laatst gecontroleerd op {source.gecontroleerd.isoformat()}, meer dan twaalf "
                                    "maanden geleden. Lees de bron opnieuw, pas de pagina zo nodig aan en zet de "
                                    "nieuwe datum in practices/referentie/bronnen.csv."))
    for match in CITATION.finditer(text):
        ident = match.group(1)
        if ident not in listed:
            line = text.count("\n", 0, match.start()) + 1
            errors.append(Problem(shown, line, f'bron("{ident}")', "deze bron staat niet in 'bronnen' bovenaan de "
                                  f"pagina. Zet '{ident}' in die lijst" + ("." if ident in sources else
                                                                           f", en {FIX_HINT[0].lower()}{FIX_HINT[1:]}")))
    return errors, warnings


def _line_of(text: str, ident) -> int:
    """The front-matter line that names `ident` (1-based), or 1."""
    for number, line in enumerate(text.splitlines()[:200], start=1):
        if re.search(rf"(^|[\s\[,-]){re.escape(str(ident))}($|[\s\],])", line):
            return number
    return 1
