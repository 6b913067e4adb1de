"""A macro or Jinja expression in a hand-written page that fails, told in Dutch with page and line.

Both builders say the same: the Zensical build renders the pages itself and has the exception;
the MkDocs build gets mkdocs-macros' report (Markdown with a Python traceback) as a log message.
"""

from __future__ import annotations

import re

import jinja2

_FILE = re.compile(r"_File_: `([^`]+)`")
_SYNTAX = re.compile(r"_Line (\d+) in Markdown file:_ \*\*(.*?)\*\*", re.S)
_ERROR = re.compile(r"^_(\w+)_: (.*)$", re.M)
_TEMPLATE_LINE = re.compile(r'File "<template>", line (\d+)')


def from_exception(src: str, err: Exception) -> str:
    """The message for an exception raised while rendering page `src` (relative to docs/)."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        return _message(src, err.lineno, "TemplateSyntaxError", err.message or str(err))
    return _message(src, _template_line(err), type(err).__name__, str(err))


def from_log(text: str, docs: str) -> str | None:
    """The message for mkdocs-macros' report of a failed page, or None when `text` is not one."""
    if "_Macro Rendering Error_" not in text and "_Macro Syntax Error_" not in text:
        return None
    found = _FILE.search(text)
    src = found.group(1) if found else "?"
    syntax = _SYNTAX.search(text)
    if syntax:
        return _message(src, int(syntax.group(1)), "TemplateSyntaxError", syntax.group(2), docs)
    error = _ERROR.search(text[found.end():] if found else text)
    lines = _TEMPLATE_LINE.findall(text)
    return _message(src, int(lines[-1]) if lines else None, *(error.groups() if error else ("Exception", "")), docs)


def _message(src: str, line: int | None, kind: str, detail: str, docs: str = "docs") -> str:
    where = f"{docs}/{src}" + (f", regel {line}" if line else "")
    return (f"{where}: de macro kon niet worden uitgevoerd: {_why(kind, detail)}. Controleer wat tussen {{{{ }}}} of "
            "{% %} staat; zet tekst met accolades die geen macro is tussen {% raw %} en {% endraw %}.")


def _why(kind: str, detail: str) -> str:
    if kind == "UndefinedError":
        name = re.search(r"'([^']+)' is undefined", detail)
        return f"'{name.group(1) if name else detail}' is geen macro of waarde die een pagina kan gebruiken"
    if kind == "TemplateSyntaxError":
        return f"de Jinja-opmaak klopt niet ({detail})"
    if kind == "TypeError" and "loader" in detail:
        return "include, import en extends werken niet in een pagina; zet de tekst in de pagina zelf"
    return f"{kind}: {detail}"


def _template_line(err: BaseException) -> int | None:
    """The page line where the template raised: the traceback's last frame in `<template>`."""
    tb, line = err.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
