"""What changed when: a practice's dates from its record and, where present, from git.

Only dates that belong to the commit being built: the record's own dates and the author dates of
the commits that touched its file (`RenderContext.history`, from `macros.load.history`). The time
of the build is never used, so two builds of the same commit say the same.
"""

from __future__ import annotations

from datetime import date

from macros.model.catalog import Record
from macros.render.context import RenderContext


def _day(value) -> date | None:
    if not value:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def added(ctx: RenderContext, record: Record) -> date | None:
    """When the practice came into the knowledge base: its first commit, else the day it was reviewed."""
    history = ctx.history.get(record.id)
    return history.added if history else _day(record.get("redactie", "beoordeeld_op"))


def last_changed(ctx: RenderContext, record: Record) -> date | None:
    """The latest of the last commit to its file and its last review."""
    history = ctx.history.get(record.id)
    days = [d for d in (history.changed if history else None, _day(record.get("redactie", "beoordeeld_op"))) if d]
    return max(days) if days else None


def events(ctx: RenderContext, record: Record) -> list[dict]:
    """The practice's history, newest first: {"datum": date, "wat": Dutch text}."""
    found = []
    history = ctx.history.get(record.id)
    if history:
        found.append((history.added, 0, "Toegevoegd aan de kennisbank"))
        found += [(day, 1, "Bijgewerkt in de kennisbank") for day in history.days[:-1]]
    review = record.get("redactie") or {}
    if review.get("beoordeeld_op"):
        found.append((_day(review["beoordeeld_op"]), 2, f"Beoordeeld door {review.get('organisatie')}"))
    dates = record.get("datums") or {}
    labels = {"afgesproken": "Afspraken vastgelegd", "in_werking": "Afspraken in werking"}
    found += [(_day(dates[key]), 3, text) for key, text in labels.items() if dates.get(key)]
    found.sort(key=lambda e: (e[0], -e[1]), reverse=True)
    return [{"datum": day, "wat": text} for day, _, text in found]


def data_date(ctx: RenderContext) -> date:
    """The date of the catalogue's newest change: what a download made from it is dated by."""
    days = [d for d in (last_changed(ctx, r) for r in ctx.catalog.practices) if d]
    return max(days) if days else date(2000, 1, 1)
