"""Comparison tables computed from the schema's `x-vergelijk` fields; never typed by hand.

`cell` turns one value into plain data; `_cell.html` presents it, in the tables on the
site and in the cells of the side-by-side data (`compare_data`) alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.model.catalog import Record
from macros.model.schema import Field
from macros.render.context import RenderContext, slug
from macros.render.fiction import fiction_label, is_fictional, yes_no

DEKKING_ICON = {"ja": "✓", "deels": "◐", "nee": "✗", "onbekend": "?"}
# Sort keys of the coverage values; "onbekend" gets the unknown key (""), which sorts last.
DEKKING_ORDER = {"ja": "3", "deels": "2", "nee": "1"}
UNKNOWN = "onbekend"


@dataclass(frozen=True)
class Cell:
    """One value of one practice, as shown in a comparison table."""

    kind: str           # "leeg" (no value), "dekking" (coverage icon and label) or "tekst"
    label: str = ""     # the text shown
    code: str = ""      # the coverage code (class kb-dekking--<code>)
    icon: str = ""
    sort: str = ""      # data-sort key; "" is unknown and sorts last either way


def value(record: Record, f: Field):
    path = tuple(p for p in f.path if p != "*")
    return record.get(*path)


def phrased(spec: dict, text: str) -> str:
    """A number in the schema's sentence for it (`x-weergave`, such as 'Overleg binnen {} werkdagen'), as the
    practice page says it; a comparison column keeps the bare number under its title (and the downloads a number)."""
    return spec["x-weergave"].replace("{}", text) if spec.get("x-weergave") else text


def cell(ctx: RenderContext, record: Record, f: Field) -> Cell:
    v = value(record, f)
    if v is None or v == ():
        return Cell("leeg")
    codelist = f.spec.get("x-codelijst")
    if codelist == "dekking":
        return Cell("dekking", ctx.catalog.label("dekking", v), v, DEKKING_ICON.get(v, ""), DEKKING_ORDER.get(v, ""))
    if codelist and isinstance(v, tuple):
        labels = [ctx.catalog.label(codelist, c) for c in v]
        return Cell("tekst", ", ".join(labels), sort=str(len(labels)))
    if codelist:
        label = ctx.catalog.label(codelist, v)
        return Cell("tekst", label, sort="" if v == UNKNOWN else label.lower())
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return Cell("tekst", str(v), sort=f"{v:012.2f}")
    return Cell("tekst", str(v), sort=str(v).lower())


FIRST_COLUMN = ("Praktijk", "De naam van de praktijk, met de regio eronder. Kies de naam voor alle afspraken van die regio.")


def by_title(ctx: RenderContext, practices) -> list[Record]:
    """Practices in the order readers look for them: by title (macros.render.context.title_key)."""
    return sorted(practices, key=lambda r: ctx.title_rank[r.id])


def column(ctx: RenderContext, title: str, explanation: str, key: str) -> dict:
    """A column header: its title, the schema's explanation of the field (shown on demand, and as
    the description of the sort button) and the glossary abbreviations in either, as links."""
    return {"title": title, "uitleg": explanation, "id": f"uitleg-{slug(key)}",
            "terms": ctx.abbreviations_in(title, explanation)}


def field_column(ctx: RenderContext, f: Field) -> dict:
    return column(ctx, f.title, f.spec.get("description", ""), f.dotted)


def table_data(ctx: RenderContext, theme: str, practices) -> dict:
    """One theme's table as plain data: columns, and per practice (by title) its link and cells."""
    columns = ctx.compare_fields(theme)
    return {"theme": theme, "label": ctx.catalog.label("themas", theme),
            "first": column(ctx, *FIRST_COLUMN, f"{theme}-praktijk"),
            "columns": [field_column(ctx, f) for f in columns],
            "rows": [{"id": r.id, "url": f"praktijken/{r.id}/", "titel": r.get("titel"), "regio": r.get("regio"),
                      "fictief": is_fictional(r), "cells": [cell(ctx, r, f) for f in columns]}
                     for r in by_title(ctx, practices)]}


def comparison_table(ctx: RenderContext, theme: str, practices, page_url: str) -> str:
    """One sortable table: a row per practice, a column per comparison field of the theme."""
    return ctx.render("_comparison_table.html", table=table_data(ctx, theme, practices), page_url=page_url)


SIDE_BY_SIDE_URL = "vergelijken/naast-elkaar/"
LEAD_COLUMNS = ("Praktijk", "Regio")
# The internal code comes last in a spreadsheet: needed to join files, not to read (issue 27).
TRAIL_COLUMNS = ("Kenmerk",)


def lead_header(ctx: RenderContext) -> list[str]:
    """The first columns of a comparison spreadsheet, as on screen: the practice, its region and whether
    it is fictional (headed by the schema's title of that field)."""
    return [*LEAD_COLUMNS, fiction_label(ctx.catalog)]


def lead_values(r: Record) -> list[str]:
    return [r.get("titel"), r.get("regio"), yes_no(r)]


def trail_values(r: Record) -> list[str]:
    """The last columns: the practice's code (TRAIL_COLUMNS)."""
    return [r.id]


def plain(c: Cell) -> str:
    """A cell as text for a spreadsheet: the label, or nothing when the field is not filled in."""
    return "" if c.kind == "leeg" else c.label


def compare_data(ctx: RenderContext) -> dict:
    """All comparison values for the side-by-side view (JSON). Each cell is HTML made by
    `_cell.html`, the same autoescaped fragment as the tables on the site (`waarden`), and the
    same value as plain text (`teksten`) for the spreadsheet download of a selection, whose first
    columns are `eerste` (header) and each practice's `eerste` (values), with "Fictief voorbeeld", and
    whose last are `laatste` (the code "Kenmerk"). Each
    field carries its explanation (`uitleg`, HTML from `_column_help.html`) for the row headers."""
    themes = ctx.compare_themes()
    columns = {t: ctx.compare_fields(t) for t in themes}
    cell_html = ctx.env.get_template("_cell.html").module.cell_html
    help_template = ctx.env.get_template("_column_help.html")
    cells = {r.id: {t: [cell(ctx, r, f) for f in columns[t]] for t in themes} for r in ctx.catalog.practices}
    return {"eerste": lead_header(ctx), "laatste": list(TRAIL_COLUMNS), "themas": [{"code": t, "label": ctx.catalog.label("themas", t),
                        "velden": [{"titel": f.title, "uitleg": f.spec.get("description", ""),
                                    "hulp": help_template.render(ctx=ctx, col=field_column(ctx, f),
                                                                 page_url=SIDE_BY_SIDE_URL).strip()}
                                   for f in columns[t]]} for t in themes],
            "praktijken": [{"id": r.id, "titel": r.get("titel"), "regio": r.get("regio"),
                            "fictief": is_fictional(r), "eerste": lead_values(r), "laatste": trail_values(r),
                            "waarden": {t: [str(cell_html(ctx, c, SIDE_BY_SIDE_URL))
                                            for c in cells[r.id][t]] for t in themes},
                            "teksten": {t: [plain(c) for c in cells[r.id][t]] for t in themes}}
                           for r in by_title(ctx, ctx.catalog.practices)]}
