"""The place index of the site search: every gemeente of the reference table, every RMC region and
every official samenwerkingsverband, with the practices that cover it and, when none does, the
practices nearest to it (same SWV, then same province). Written beside Pagefind's index as
`pagefind/kennisbank-plaatsen.json`; `docs/assets/zoeken.js` loads it when the search box is first
used and answers a query that names a place as a place (no prefix or stem of the name matched onto
ordinary words).

Names are keys as the script normalises a query (`key`): lower case, no accents, hyphens and
apostrophes as spaces, one space between words, without a leading "gemeente". A CBS name with a
province suffix ("Middelburg (Z.)") is also found without it; 's-Hertogenbosch and 's-Gravenhage
also as Den Bosch and Den Haag.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from macros.model.catalog import Catalog, Record
from macros.render.fiction import fiction_label, is_fictional

PLACES_FILE = "kennisbank-plaatsen.json"
MAP_URL = "kaart/"
# Names people use beside the official one (CBS spelling on the left, normalised by `key`).
VARIANTS = {"s hertogenbosch": ("den bosch", "hertogenbosch"), "s gravenhage": ("den haag", "gravenhage")}
_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")


def key(name: str) -> str:
    """A name as the search script compares it (the same rule as `placeKey` in zoeken.js)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"[-'\u2019/.,()]", " ", folded)
    folded = " ".join(folded.split())
    return folded.removeprefix("gemeente ").strip()


def names(naam: str) -> list[str]:
    """Every key a gemeente is found by: its CBS name, without a province suffix, and the usual variants."""
    found = [key(naam), key(_SUFFIX.sub("", naam))]
    for k in list(found):
        found += VARIANTS.get(k, ())
    return list(dict.fromkeys(found))


def place_index(catalog: Catalog) -> dict:
    """The JSON the search script reads: practices (id -> title, url, region, fiction), places and keys."""
    practices = catalog.practices
    covering: dict[str, list[str]] = {}
    for record in practices:
        for code in record.get("gemeenten", default=()):
            covering.setdefault(code, []).append(record.id)
    short = [_SUFFIX.sub("", g.naam) for g in catalog.gemeenten.values()]
    places = [_gemeente(catalog, code, covering, short) for code in sorted(catalog.gemeenten)]
    places += [_rmc(catalog, code) for code in sorted(catalog.rmc_regios)]
    places += [_swv(catalog, code, covering) for code in catalog.swv.codes()]
    keys: dict[str, list[int]] = {}
    for n, place in enumerate(places):
        for k in place.pop("keys"):
            keys.setdefault(k, []).append(n)
    return {"fictief": fiction_label(catalog), "kaart": MAP_URL,
            "praktijken": {r.id: _practice(r) for r in practices},
            "plaatsen": places, "namen": keys}


def write_place_index(folder: Path, catalog: Catalog) -> Path:
    target = folder / PLACES_FILE
    target.write_text(json.dumps(place_index(catalog), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target


def _practice(record: Record) -> dict:
    return {"titel": record.get("titel"), "url": f"praktijken/{record.id}/", "regio": record.get("regio") or "",
            "fictief": is_fictional(record)}


def _gemeente(catalog: Catalog, code: str, covering: dict, short: list[str]) -> dict:
    """A gemeente; its name shown without the province suffix when no other gemeente has that name."""
    gemeente = catalog.gemeenten[code]
    plain = _SUFFIX.sub("", gemeente.naam)
    place = {"soort": "gemeente", "naam": plain if short.count(plain) == 1 else gemeente.naam,
             "praktijken": covering.get(code, []), "keys": names(gemeente.naam)}
    if not place["praktijken"]:
        place["dichtbij"] = nearest(catalog, code, covering)
    return place


def nearest(catalog: Catalog, code: str, covering: dict) -> dict:
    """The practices nearest to an uncovered gemeente: those in one of its SWVs, else in its province."""
    for swv in catalog.swv.for_gemeente(code):
        found = _union(covering.get(member, []) for member in catalog.swv.gemeenten(swv))
        if found:
            return {"waar": f"in hetzelfde samenwerkingsverband ({swv})", "praktijken": found}
    provincie = catalog.gemeenten[code].provincie
    found = _union(covering.get(c, []) for c, g in sorted(catalog.gemeenten.items()) if g.provincie == provincie)
    return {"waar": f"in de provincie {provincie}", "praktijken": found}


def _rmc(catalog: Catalog, code: str) -> dict:
    label = catalog.rmc_regios[code].label
    found = [r.id for r in catalog.practices if r.get("rmc_regio") == code]
    return {"soort": "RMC-regio", "naam": label, "praktijken": found,
            "keys": [key(label), key("rmc " + label), key("rmc regio " + label)]}


def _swv(catalog: Catalog, code: str, covering: dict) -> dict:
    found = _union([[r.id for r in catalog.practices if code in (r.get("swv", default=()) or ())]]
                   + [covering.get(member, []) for member in catalog.swv.gemeenten(code)])
    compact = key(code)
    return {"soort": "samenwerkingsverband", "naam": code, "praktijken": found,
            "keys": [compact, compact.replace(" ", ""), key("swv " + code)]}


def _union(lists) -> list[str]:
    return list(dict.fromkeys(pid for found in lists for pid in found))
