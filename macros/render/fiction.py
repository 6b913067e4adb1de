"""Fictional practices: which records are invented, and what every view says about them.

A practice is fictional when its record says `voorbeeld: true` (the schema field `FIELD`).
Every view that names such a practice shows the badge of `templates/_fictief.html`, whose
text is the schema title of that field ("Fictief voorbeeld"), so the word is defined once.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.model.catalog import Catalog, Record

FIELD = "voorbeeld"


def is_fictional(record: Record) -> bool:
    return record.get(FIELD) is True


def fiction_label(catalog: Catalog) -> str:
    """The badge's text: the schema's title of the field ('Fictief voorbeeld')."""
    return catalog.schemas["praktijk"]["properties"][FIELD]["title"]


def yes_no(record: Record) -> str:
    """The field as a spreadsheet cell: 'ja' or 'nee', as the practice page writes a boolean."""
    return "ja" if is_fictional(record) else "nee"


@dataclass(frozen=True)
class FictionCount:
    fictional: int
    total: int

    @property
    def all(self) -> bool:
        return self.total > 0 and self.fictional == self.total


def fiction_count(practices) -> FictionCount:
    practices = list(practices)
    return FictionCount(sum(1 for r in practices if is_fictional(r)), len(practices))
