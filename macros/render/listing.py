"""The list of all practices, its filters and one page per filter value.

The filters are plain links with counts, so filtering works without JavaScript;
`docs/assets/kennisbank.js` combines them in place using the `data-` attributes.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Callable
from dataclasses import dataclass
from datetime import date

from macros.model.catalog import Catalog, Record
from macros.render.changes import last_changed
from macros.render.context import FACETS, RenderContext, slug
from macros.render.env import dutch_date
from macros.render.fiction import is_fictional
from macros.render.markdown_page import UNSEARCHED, front
from macros.render.tables import by_title

FACET_TITLES = {"thema": "Thema", "onderwijssoort": "Onderwijssoort", "provincie": "Provincie",
                "volwassenheid": "Volwassenheid", "onderbouwing": "Onderbouwing", "status": "Status"}
LISTING_URL = "praktijken/"


@dataclass(frozen=True)
class FilterLink:
    facet: str
    value: str
    label: str
    count: int
    url: str            # site URL of the filter page
    current: bool


ENDED = "beeindigd"
END_LABELS = {"vervangen": "Vervangen", ENDED: "Beëindigd"}


def overdue(catalog: Catalog, record: Record) -> bool:
    return date.fromisoformat(record.get("redactie", "volgende_beoordeling")) < catalog.today


def ending(ctx: RenderContext, record: Record) -> str:
    """'vervangen' when a newer practice replaces it, 'beeindigd' when it ended, else ''."""
    if ctx.replaced_by.get(record.id):
        return "vervangen"
    return ENDED if record.get("status") == ENDED else ""


def review_overdue(ctx: RenderContext, record: Record) -> bool:
    """Past its review date and still current: an ended or replaced agreement is kept as a record, not reviewed."""
    return overdue(ctx.catalog, record) and not ending(ctx, record)


def facet_options(ctx: RenderContext, facet: str) -> list[tuple[str, str]]:
    """(value, label) in a stable order: provinces by name, codes in codelist order."""
    if facet == "provincie":
        names = sorted({g.provincie for g in ctx.catalog.gemeenten.values()})
        return [(slug(n), n) for n in names]
    codelist = {"thema": "themas"}.get(facet, facet)
    return [(c.code, c.label) for c in ctx.catalog.codelists[codelist]]


def filter_url(facet: str, value: str) -> str:
    return f"praktijken/filter/{facet}-{value}/"


def facet_counts(ctx: RenderContext) -> Counter:
    """(facet, value) -> number of practices with that value."""
    return Counter((facet, v) for values in ctx.facets.values() for facet in FACETS for v in values[facet])


def filter_groups(ctx: RenderContext, active: tuple[str, str] | None = None,
                  counts: Counter | None = None) -> list[tuple[str, str, list[FilterLink]]]:
    """(facet, title, links) for every facet; values no practice has are left out."""
    counts = facet_counts(ctx) if counts is None else counts
    return [(facet, FACET_TITLES[facet],
             [FilterLink(facet, value, label, counts[(facet, value)], filter_url(facet, value),
                        active == (facet, value))
              for value, label in facet_options(ctx, facet) if counts[(facet, value)]])
            for facet in FACETS]


def practice_item(ctx: RenderContext, record: Record, summary: bool = True) -> dict:
    """What one entry of a practice list shows."""
    catalog, changed = ctx.catalog, last_changed(ctx, record)
    return {"id": record.id, "url": f"praktijken/{record.id}/", "titel": record.get("titel"), "regio": record.get("regio"),
            "facets": {k: " ".join(v) for k, v in ctx.facets[record.id].items()},
            "soorten": ", ".join(s.upper() for s in record.get("onderwijssoort", default=())),
            "volwassenheid": catalog.label("volwassenheid", record.get("volwassenheid")),
            "status": catalog.label("status", record.get("status")),
            "voorbeeld": is_fictional(record), "verlopen": review_overdue(ctx, record),
            "einde": END_LABELS.get(ending(ctx, record), ""),
            "gewijzigd": changed.isoformat() if changed else "", "gewijzigd_tekst": dutch_date(changed),
            "samenvatting": record.get("samenvatting") if summary else None}


def practice_items(ctx: RenderContext, records, summary: bool = True) -> list[dict]:
    return [practice_item(ctx, r, summary) for r in by_title(ctx, records)]


def practice_list(ctx: RenderContext, records, page_url: str, summary: bool = True) -> str:
    """The practices sorted by title, as a list (or a line saying there are none)."""
    return ctx.render("_practice_list.html", items=practice_items(ctx, records, summary), page_url=page_url)


def listing_page(ctx: RenderContext) -> str:
    n = len(ctx.catalog.practices)
    return (front("Praktijken", "Alle goede praktijken, te filteren op thema, onderwijssoort, provincie, "
                  "volwassenheid en status.", search=UNSEARCHED)
            + ctx.render_page("listing.html", page_url=LISTING_URL, total=n, groups=filter_groups(ctx),
                         items=practice_items(ctx, ctx.catalog.practices)))


def filter_pages(ctx: RenderContext) -> dict[str, str]:
    """One page per facet value that at least one practice has: {source path: Markdown}."""
    return {src: make(ctx) for src, make in filter_page_makers(ctx).items()}


def filter_page_makers(ctx: RenderContext) -> dict[str, Callable[[RenderContext], str]]:
    """The filter pages as {source path: function of the render context that renders the page}."""
    counts, pages = facet_counts(ctx), {}
    # A practice is listed on a page per filter value it has: its entry is made once.
    entries = {r.id: practice_item(ctx, r, summary=False) for r in ctx.catalog.practices}
    for facet in FACETS:
        for value, label in facet_options(ctx, facet):
            records = [r for r in ctx.catalog.practices if value in ctx.facets[r.id][facet]]
            if not records:
                continue
            title = f"Praktijken: {FACET_TITLES[facet].lower()} {label}"
            values = dict(page_url=filter_url(facet, value), heading=title,
                          groups=filter_groups(ctx, (facet, value), counts), shown=len(records),
                          total=len(ctx.catalog.practices), items=[entries[r.id] for r in by_title(ctx, records)])
            meta = front(title, f"Praktijken met {FACET_TITLES[facet].lower()} {label}.", search=UNSEARCHED)
            pages[f"praktijken/filter/{facet}-{value}.md"] = partial(_filter_page, meta=meta, values=values)
    return pages


def _filter_page(ctx: RenderContext, meta: str, values: dict) -> str:
    return meta + ctx.render_page("filter.html", **values)
