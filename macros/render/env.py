"""The project's one Jinja environment: every generated page and fragment is rendered here.

Autoescaping is on and undefined names are errors. Python computes the data of a page;
the template files in `templates/` present it. The only HTML that is marked safe outside
a template is made by the filters below from escaped parts, and a template body after
sanitising (`macros.render.template_body`).
"""

from __future__ import annotations

import posixpath
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from macros.model.urls import SCHEME, URL_SCHEMES, plain_mailto
from macros.render.markdown_page import heading_text

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def rel(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs of the site ('praktijken/a/' -> 'kaart/')."""
    target, anchor = (to_url.split("#", 1) + [""])[:2]
    to_parts, from_parts = target.rstrip("/").split("/"), from_url.rstrip("/").split("/") if from_url else []
    if not (_plain(to_parts) and _plain(from_parts)):
        return _rel_general(from_url, to_url)
    # String steps for the plain paths pages link between: posixpath.relpath asks the operating
    # system for the working folder on every call, and a large site makes tens of thousands of links.
    to_parts = [p for p in to_parts if p]
    common = 0
    while common < min(len(to_parts), len(from_parts)) and to_parts[common] == from_parts[common]:
        common += 1
    out = "/".join([".."] * (len(from_parts) - common) + to_parts[common:])
    out = "./" if not out else out + ("/" if target.endswith("/") else "")
    return out + (f"#{anchor}" if anchor else "")


def _plain(parts: list[str]) -> bool:
    """Path segments without '.', '..', a leading '/' or an empty segment inside."""
    return parts != [""] and "" not in parts[:-1] and "." not in parts and ".." not in parts


def _rel_general(from_url: str, to_url: str) -> str:
    start = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    target, anchor = (to_url.split("#", 1) + [""])[:2]
    out = posixpath.relpath(target or ".", start or ".")
    out = "./" if out == "." else out + ("/" if to_url.split("#")[0].endswith("/") and not out.endswith("/") else "")
    return out + (f"#{anchor}" if anchor else "")


def safe_href(url) -> str:
    """A link target that is http(s), mailto or a path on this site; anything else becomes '#'."""
    text = "" if url is None else str(url).strip()
    lowered = "".join(text.split()).lower()
    if lowered.startswith(SCHEME):
        return text if plain_mailto(text) else "#"  # an address only, no headers (macros.model.urls)
    if lowered.startswith(URL_SCHEMES):
        return text
    if ":" in lowered.split("/")[0] or lowered.startswith("//"):
        return "#"
    return text


def dutch_date(value) -> str:
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dutch_number(value) -> str:
    """12345 -> '12 345' (narrow no-break space), 1.5 -> '1,5'. Four digits stay together, as Dutch
    writes them (and a year such as 2024 must never read '2 024')."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", "\u202f") if abs(value) >= 10_000 else str(value)
    return str(value).replace(".", ",")


def paragraphs(text) -> Markup:
    """Plain text with blank lines as paragraph breaks; every part escaped."""
    parts = [p.strip() for p in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n\n") if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in parts)


def plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def environment(cache: Path | None = None) -> Environment:
    """A fresh environment; made once per build (see `macros.render.context`). `cache` is a folder for
    the compiled templates (Jinja's bytecode cache, keyed on each template's source)."""
    env = Environment(loader=PackageLoader("macros.render", "templates"), autoescape=True,
                      bytecode_cache=_bytecode_cache(cache), undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(rel=rel, href=safe_href, dutch_date=dutch_date, number=dutch_number, paragraphs=paragraphs,
                       heading=heading_text)
    env.globals.update(plural=plural, escape=escape)
    return env


def _bytecode_cache(folder: Path | None) -> FileSystemBytecodeCache | None:
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout: compile every time
        return None
    return FileSystemBytecodeCache(str(folder))
