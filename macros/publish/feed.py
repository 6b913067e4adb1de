"""What is new: an Atom feed at /feed.xml of new and changed practices and new template versions.

Made with feedgen from the render context, after the build. Every date comes from the data of the
commit being built (a practice's first and last commit and review, a template version's date in its
change log), never from the clock, so the feed of one commit is always the same file. Without a
`site_url` the links are relative to the feed (which sits at the root of the site) and the ids are
`tag:` URIs, which need no host.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

from feedgen.feed import FeedGenerator

from macros.render.changes import added, data_date, last_changed
from macros.render.context import RenderContext
from macros.render.fiction import fiction_label, is_fictional

FEED_FILE = "feed.xml"
TAG = "tag:kennisbank-doorbraakaanpak.ingrado.nl,2025:"
TITLE = "Kennisbank Doorbraakaanpak: nieuw en gewijzigd"
SUBTITLE = "Nieuwe en gewijzigde praktijken en nieuwe versies van sjablonen."
AUTHOR = "Redactie Kennisbank Doorbraakaanpak (Ingrado)"


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=timezone.utc)


def practice_entries(ctx: RenderContext) -> list[dict]:
    """A fictional practice says so in its title ('Praktijk (fictief voorbeeld): ...') and as its first
    category, so no feed reader shows it without the word."""
    out, label = [], fiction_label(ctx.catalog)
    for record in ctx.catalog.practices:
        changed = last_changed(ctx, record) or data_date(ctx)
        first = min(added(ctx, record) or changed, changed)
        fictional = is_fictional(record)
        out.append({"id": f"praktijken/{record.id}", "title": record.get("titel"), "link": f"praktijken/{record.id}/",
                    "published": first, "updated": changed,
                    "summary": record.get("samenvatting"),
                    "kind": f"Praktijk ({label.lower()})" if fictional else "Praktijk",
                    "categories": [*([label] if fictional else []),
                                   *(ctx.catalog.label("themas", t) for t in record.get("themas"))]})
    return out


def template_entries(ctx: RenderContext) -> list[dict]:
    out = []
    for template in ctx.catalog.templates:
        for change in template.get("wijzigingen", default=()):
            day = date.fromisoformat(str(change["datum"]))
            out.append({"id": f"sjablonen/{template.id}/{change['versie']}",
                        "title": f"Sjabloon {template.get('titel')}, versie {change['versie']}",
                        "link": f"sjablonen/{template.id}/", "published": day, "updated": day,
                        "summary": change.get("omschrijving", ""), "kind": "Sjabloon",
                        "categories": [ctx.catalog.label("themas", t) for t in template.get("themas")]})
    return out


def feed_entries(ctx: RenderContext) -> list[dict]:
    """Every entry of the feed as plain data, newest first (ties by id, so the order is stable)."""
    entries = practice_entries(ctx) + template_entries(ctx)
    return sorted(entries, key=lambda e: (-e["updated"].toordinal(), e["id"]))


def _url(site_url: str | None, path: str) -> str:
    return (site_url.rstrip("/") + "/" + path) if site_url else path


def atom_feed(ctx: RenderContext, site_url: str | None = None) -> bytes:
    entries = feed_entries(ctx)
    feed = FeedGenerator()
    feed.id(site_url or f"{TAG}feed")
    feed.title(TITLE)
    feed.subtitle(SUBTITLE)
    feed.author({"name": AUTHOR})
    feed.language("nl")
    feed.generator("Kennisbank Doorbraakaanpak")
    feed.link(href=_url(site_url, FEED_FILE), rel="self", type="application/atom+xml")
    feed.link(href=_url(site_url, "") or "./", rel="alternate", type="text/html")
    feed.updated(_moment(max((e["updated"] for e in entries), default=data_date(ctx))))
    for item in entries:
        entry = feed.add_entry(order="append")
        entry.id(f"{TAG}{item['id']}")
        entry.title(f"{item['kind']}: {item['title']}" if item["kind"].startswith("Praktijk") else item["title"])
        entry.link(href=_url(site_url, item["link"]), rel="alternate", type="text/html")
        entry.published(_moment(item["published"]))
        entry.updated(_moment(item["updated"]))
        entry.summary(item["summary"])
        for label in item["categories"]:
            entry.category(term=label, label=label)
    return feed.atom_str(pretty=True)


def write_feed(ctx: RenderContext, site: Path, site_url: str | None = None) -> Path:
    """Write /feed.xml into the built site."""
    target = site / FEED_FILE
    target.write_bytes(atom_feed(ctx, site_url or None))
    return target
