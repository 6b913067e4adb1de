"""Text that a spreadsheet would run as a formula (CSV injection, OWASP).

The open data is CSV, and people open CSV in Excel or LibreOffice. A cell that starts with
=, +, - or @ (or a tab or carriage return, or the full-width forms of those signs) can be
taken as a formula, and a formula such as =HYPERLINK(...) or a DDE call runs on the reader's
machine. We follow OWASP's first advice: no cell of the open data starts with such a
character. Validation refuses such text, so the export is the data as written, unchanged,
and the stock `frictionless validate` judges exactly what editors wrote.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def formula_problem(text: str) -> str | None:
    """The Dutch message for a text a spreadsheet could run, or None."""
    stripped = text.lstrip()
    if not text.startswith(("\t", "\r")) and not stripped.startswith(FORMULA_START):
        return None
    first = text[0] if text.startswith(("\t", "\r")) else stripped[0]
    shown = {"\t": "een tab", "\r": "een regeleinde"}.get(first, f"'{first}'")
    return (f"de tekst begint met {shown}. Een spreadsheet (Excel, LibreOffice) kan tekst die begint met =, +, -, @ "
            "of een tab als formule uitvoeren wanneer iemand de open data opent. Begin de tekst met een woord of een "
            "cijfer, bijvoorbeeld 'Min 5 procent' in plaats van '-5 procent' of 'Plus 3 leerlingen' in plaats van '+3'.")
