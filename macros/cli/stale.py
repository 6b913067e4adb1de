"""`kennisbank stale`: records whose review date has passed or is near."""

from __future__ import annotations

import json
from datetime import date, timedelta

from macros.cli.common import load_or_report


def stale_records(catalog, within: int):
    """(record, due date, days overdue) for records due within `within` days, most overdue first."""
    limit = catalog.today + timedelta(days=within)
    found = []
    for record in catalog.practices:
        due = date.fromisoformat(record.get("redactie", "volgende_beoordeling"))
        if due <= limit:
            found.append((record, due, (catalog.today - due).days))
    return sorted(found, key=lambda item: item[1])


def run(args) -> int:
    catalog = load_or_report(args.pad, date.fromisoformat(args.vandaag) if args.vandaag else None)
    if catalog is None:
        return 1
    found = stale_records(catalog, args.binnen)
    if args.format == "json":
        print(json.dumps([{"id": r.id, "bestand": r.file, "volgende_beoordeling": due.isoformat(),
                           "dagen_te_laat": max(late, 0), "te_laat": late > 0} for r, due, late in found],
                         ensure_ascii=False, indent=2))
        return 0
    for record, due, late in found:
        when = f"{late} dagen te laat" if late > 0 else ("vandaag" if late == 0 else f"over {-late} dagen")
        print(f"{record.file}: volgende beoordeling {due} ({when}): {record.get('titel')}")
    window = f" of binnen {args.binnen} dagen aan de beurt" if args.binnen else " of vandaag aan de beurt"
    print(f"{len(found)} record(s) te laat{window}." if found else f"Geen records te laat{window}.")
    return 0
