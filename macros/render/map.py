"""Coverage map of Dutch municipalities (gemeenten) as inline SVG plus table.

Source data: ``practices/referentie/kaart/gemeenten-2025.topojson``, the
generalised municipal boundaries 2025 ("Wijk- en Buurtkaart" /
"gebiedsindelingen") published by CBS via PDOK, licensed under Creative
Commons Attribution 4.0 (CC BY 4.0). Attribution ("Bron: CBS/PDOK") is added
by the page that embeds the map.

The TopoJSON is decoded here without third-party libraries: arcs are
delta-encoded quantised positions, a negative arc index ``~i`` means arc ``i``
reversed, and the shared joint point is dropped when arcs are concatenated
into a ring. Coordinates are projected once, at build time, with a simple
equirectangular projection (x scaled by cos 52.2 degrees, y flipped) into a
fixed-width viewBox, rounded to 0.1 and written as relative path commands to
keep the SVG small.

All functions are pure except :func:`load_topology`. The geometry is computed here;
the SVG and the table are presented by the templates ``_map_svg.html`` and
``_map_table.html`` of the project's autoescaping environment, so every text taken
from the data (names, titles, hrefs, anchors) is escaped there.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from macros.publish.place_index import names, nearest
from macros.render.context import RenderContext
from macros.render.env import rel
from macros.render.fiction import fiction_count, is_fictional

VIEW_WIDTH = 600
PADDING = 2.0  # viewBox units kept free around the map, so borders are not clipped
REFERENCE_LATITUDE = 52.2
UNITS = 10  # coordinates are stored as integer tenths of a viewBox unit

# Fill colours: both at least 3:1 against white and against each other (WCAG 1.4.11).
FILL_COVERED = "#12305a"  # dark blue: ~13.2:1 against white, ~3.9:1 against FILL_EMPTY
FILL_EMPTY = "#8c8c8c"  # mid grey: ~3.4:1 against white
HATCH_COLOUR = "#ffffff"
BORDER_COLOUR = "#ffffff"

SVG_NS = "http://www.w3.org/2000/svg"
PATTERN_ID = "kaart-arcering"
TITLE_ID = "kaart-titel"
DESC_ID = "kaart-beschrijving"

MAP_PAGE = "kaart/"
# What the templates need besides the data: ids and colours shared with the tests.
STYLE = MappingProxyType({"svg_ns": SVG_NS, "pattern_id": PATTERN_ID, "title_id": TITLE_ID, "desc_id": DESC_ID,
                          "fill_covered": FILL_COVERED, "fill_empty": FILL_EMPTY, "hatch": HATCH_COLOUR,
                          "border": BORDER_COLOUR})

Point = tuple[float, float]
GridPoint = tuple[int, int]
Ring = list[Point]


@dataclass(frozen=True)
class Shape:
    """One gemeente: CBS code, name and SVG path data in viewBox units."""

    code: str
    naam: str
    d: str


# --------------------------------------------------------------------------
# Loading and decoding
# --------------------------------------------------------------------------


def load_topology(path: str | Path) -> dict:
    """Read a TopoJSON file (the only function in this module doing I/O)."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def decode_arc(arc: Sequence[Sequence[float]], transform: Mapping | None) -> list[Point]:
    """Turn one (possibly quantised, delta-encoded) arc into lon/lat points."""
    if not transform:
        return [(float(p[0]), float(p[1])) for p in arc]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    x = y = 0
    points = []
    for position in arc:
        x += position[0]
        y += position[1]
        points.append((x * sx + tx, y * sy + ty))
    return points


def decode_arcs(topology: Mapping) -> list[list[Point]]:
    """Decode all arcs of a topology."""
    transform = topology.get("transform")
    return [decode_arc(arc, transform) for arc in topology["arcs"]]


def arc_points(arcs: Sequence[Sequence[Point]], index: int) -> list[Point]:
    """Points of arc ``index``; a negative index ``~i`` is arc ``i`` reversed."""
    if index < 0:
        return list(reversed(arcs[~index]))
    return list(arcs[index])


def stitch_ring(arcs: Sequence[Sequence[Point]], indexes: Sequence[int]) -> Ring:
    """Concatenate arcs into one ring, dropping each duplicated joint point."""
    ring: Ring = []
    for index in indexes:
        points = arc_points(arcs, index)
        ring.extend(points[1:] if ring else points)
    return ring


def geometry_polygons(geometry: Mapping) -> list[list[list[int]]]:
    """Arc indexes per polygon; other geometry types yield nothing."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def geometry_rings(geometry: Mapping, arcs: Sequence[Sequence[Point]]) -> list[Ring]:
    """All rings (outer rings and holes) of a geometry, in lon/lat."""
    return [
        stitch_ring(arcs, ring)
        for polygon in geometry_polygons(geometry)
        for ring in polygon
    ]


# --------------------------------------------------------------------------
# Projection and path encoding
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    """Equirectangular projection of lon/lat into the fixed-width viewBox."""

    lon_min: float
    lat_max: float
    x_factor: float
    scale: float

    def __call__(self, point: Point) -> GridPoint:
        lon, lat = point
        x = PADDING + (lon - self.lon_min) * self.x_factor * self.scale
        y = PADDING + (self.lat_max - lat) * self.scale
        return round(x * UNITS), round(y * UNITS)


def fit_projection(rings: Iterable[Ring]) -> Projection:
    """Projection that maps the bounding box of ``rings`` onto the viewBox width."""
    points = [point for ring in rings for point in ring]
    if not points:
        raise ValueError("Topologie bevat geen coördinaten.")
    lons = [lon for lon, _ in points]
    lats = [lat for _, lat in points]
    x_factor = math.cos(math.radians(REFERENCE_LATITUDE))
    span = (max(lons) - min(lons)) * x_factor or 1.0
    return Projection(min(lons), max(lats), x_factor, (VIEW_WIDTH - 2 * PADDING) / span)


def grid_ring(ring: Ring, projection: Projection) -> list[GridPoint]:
    """Project a ring, dropping consecutive duplicates and the closing point."""
    points: list[GridPoint] = []
    for point in map(projection, ring):
        if not points or points[-1] != point:
            points.append(point)
    while len(points) > 1 and points[-1] == points[0]:
        points.pop()
    return points


def format_units(value: int) -> str:
    """Format integer tenths as a compact SVG number: 15 -> '1.5', -5 -> '-.5'."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), UNITS)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def format_numbers(values: Iterable[int]) -> str:
    """Join numbers with a space, or with nothing where a minus sign separates them."""
    text = ""
    for value in values:
        number = format_units(value)
        text += number if not text or number.startswith("-") else " " + number
    return text


def ring_path(ring: Sequence[GridPoint], start: GridPoint) -> str:
    """Relative ``m``/``l``/``z`` commands for one ring, starting from ``start``."""
    deltas = [(x - px, y - py) for (px, py), (x, y) in zip([start, *ring], ring)]
    move = format_numbers(deltas[0])
    lines = format_numbers(v for delta in deltas[1:] for v in delta)
    return f"m{move}l{lines}z" if lines else f"m{move}z"


def rings_path(rings: Sequence[Sequence[GridPoint]]) -> str:
    """Path data for all rings; after ``z`` the current point is the ring start."""
    start: GridPoint = (0, 0)
    parts = []
    for ring in rings:
        parts.append(ring_path(ring, start))
        start = ring[0]
    return "".join(parts)


def keep_rings(rings: list[list[GridPoint]]) -> list[list[GridPoint]]:
    """Drop rings collapsed by rounding; keep the largest one if all collapsed."""
    kept = [ring for ring in rings if len(ring) >= 3]
    if kept or not rings:
        return kept
    return [max(rings, key=len)]


def project_shapes(topology: dict, object_name: str = "gemeente_2025") -> tuple[Shape, ...]:
    """Decode all geometries of ``object_name`` into projected SVG shapes."""
    arcs = decode_arcs(topology)
    geometries = topology["objects"][object_name]["geometries"]
    rings_per_geometry = [geometry_rings(g, arcs) for g in geometries]
    projection = fit_projection(r for rings in rings_per_geometry for r in rings)
    return tuple(
        Shape(
            code=str(geometry["properties"]["statcode"]),
            naam=str(geometry["properties"]["statnaam"]),
            d=rings_path(keep_rings([grid_ring(r, projection) for r in rings])),
        )
        for geometry, rings in zip(geometries, rings_per_geometry)
    )


# --------------------------------------------------------------------------
# Reading path data back (for the viewBox and for tests)
# --------------------------------------------------------------------------


def path_points(d: str) -> list[Point]:
    """Absolute points of path data as written by :func:`rings_path`."""
    points: list[Point] = []
    x = y = 0.0
    ring_start = (0.0, 0.0)
    for command, args in re.findall(r"([mlz])([^mlz]*)", d):
        numbers = [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", args)]
        if command == "z":
            x, y = ring_start
            continue
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            points.append((x, y))
            if command == "m":
                ring_start = (x, y)
    return points


def view_box(shapes: Sequence[Shape]) -> tuple[float, float]:
    """Width and height of the viewBox: fixed width, height follows the data."""
    max_y = max((y for s in shapes for _, y in path_points(s.d)), default=0.0)
    return float(VIEW_WIDTH), math.ceil((max_y + PADDING) * UNITS) / UNITS


# --------------------------------------------------------------------------
# Data for the templates
# --------------------------------------------------------------------------


def unique_practices(practices: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Practices without repeated ids, in their original order."""
    seen: dict[str, tuple[str, str]] = {}
    for practice_id, title in practices:
        seen.setdefault(practice_id, (practice_id, title))
    return list(seen.values())


def practice_count_label(naam: str, count: int, fictional: int = 0) -> str:
    """Dutch tooltip text, e.g. 'Breda: 2 praktijken', with how many of them are fictional:
    'Breda: 1 praktijk (fictief)', 'Breda: 2 praktijken (beide fictief)', '(waarvan 1 fictief)'."""
    if count == 0:
        return f"{naam}: geen praktijk"
    noun = "praktijk" if count == 1 else "praktijken"
    return f"{naam}: {count} {noun}{fiction_note(count, fictional)}"


def fiction_note(count: int, fictional: int) -> str:
    if not fictional:
        return ""
    if fictional == count:
        return " (fictief)" if count == 1 else " (beide fictief)" if count == 2 else " (alle fictief)"
    return f" (waarvan {fictional} fictief)"


def number(value: float) -> str:
    """Compact number for attributes: 600.0 -> '600'."""
    return f"{value:g}"


def covered_practices(
    shapes: Sequence[Shape], covered: Mapping[str, Sequence[tuple[str, str]]]
) -> dict[str, list[tuple[str, str]]]:
    """Practices per gemeente on the map that has at least one practice."""
    known = {shape.code for shape in shapes}
    result = {code: unique_practices(p) for code, p in covered.items() if code in known}
    return {code: practices for code, practices in result.items() if practices}


def covered_link(
    shape: Shape,
    practices: Sequence[tuple[str, str]],
    href_for_practice: Callable[[str], str],
    table_anchor: Callable[[str], str],
    fictional: frozenset = frozenset(),
) -> dict:
    """A covered gemeente: its link goes to the practice, or to its table row when there are several.
    Its label (the tooltip and the link's name) says how many of the practices are fictional."""
    href = href_for_practice(practices[0][0]) if len(practices) == 1 else "#" + table_anchor(shape.code)
    invented = sum(1 for pid, _ in practices if pid in fictional)
    return {"d": shape.d, "label": practice_count_label(shape.naam, len(practices), invented), "href": href,
            "code": shape.code, "ids": [pid for pid, _ in practices]}


def svg_data(
    shapes: Sequence[Shape],
    covered: Mapping[str, Sequence[tuple[str, str]]],
    href_for_practice: Callable[[str], str],
    table_anchor: Callable[[str], str],
    fictional: frozenset = frozenset(),
) -> dict:
    """What ``_map_svg.html`` draws: the viewBox, the uncovered paths, then the covered links.
    ``fictional`` holds the ids of the fictional practices.

    Covered gemeenten are drawn last, so their outline and focus ring stay on top."""
    practices = covered_practices(shapes, covered)
    width, height = view_box(shapes)
    return {
        "style": STYLE,
        "view_box": f"0 0 {number(width)} {number(height)}",
        "empty": [{"d": s.d, "label": practice_count_label(s.naam, 0)} for s in shapes if s.code not in practices],
        "covered": [covered_link(s, practices[s.code], href_for_practice, table_anchor, fictional)
                    for s in shapes if s.code in practices],
    }


def name_sort_key(naam: str) -> tuple[str, str]:
    """Dutch sort key: ignore accents, case and a leading "'s-" / "'t "."""
    folded = unicodedata.normalize("NFKD", naam)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    for prefix in ("'s-", "'s ", "'t-", "'t "):
        if folded.startswith(prefix):
            return folded[len(prefix):], folded
    return folded, folded


def table_rows(
    shapes: Sequence[Shape],
    covered: Mapping[str, Sequence[tuple[str, str]]],
    href_for_practice: Callable[[str], str],
    table_anchor: Callable[[str], str],
    fictional: frozenset = frozenset(),
) -> list[dict]:
    """Rows of covered gemeenten only, sorted by name, each with its practices as links (a fictional
    one, its id in ``fictional``, with the fiction badge).

    Codes in ``covered`` that are not on the map are left out, so the table
    always mirrors the map it is the text alternative for."""
    practices = covered_practices(shapes, covered)
    return [
        {"anchor": table_anchor(s.code), "naam": s.naam, "code": s.code,
         "links": [{"href": href_for_practice(pid), "title": title, "id": pid, "fictief": pid in fictional}
                   for pid, title in practices[s.code]]}
        for s in sorted(shapes, key=lambda s: (name_sort_key(s.naam), s.code))
        if s.code in practices
    ]


# --------------------------------------------------------------------------
# The map page's parts (the page itself is macros.render.pages.map_page)
# --------------------------------------------------------------------------


def gemeente_anchor(code: str) -> str:
    return f"gemeente-{code.lower()}"


def coverage(ctx: RenderContext) -> dict[str, list[tuple[str, str]]]:
    """Gemeente code -> (practice id, title) of every practice that covers it, in catalogue order."""
    covered: dict[str, list[tuple[str, str]]] = {}
    for record in ctx.catalog.practices:
        for code in record.get("gemeenten"):
            covered.setdefault(code, []).append((record.id, record.get("titel")))
    return covered


FILTER_FACETS = (("thema", "Thema"), ("model", "Financieringsmodel"))


def practice_filters(ctx: RenderContext) -> dict[str, tuple[str, ...]]:
    """Practice id -> its filter values on the map ('thema-<code>', 'model-<code>')."""
    return {r.id: tuple([f"thema-{t}" for t in r.get("themas")]
                        + ([f"model-{r.get('financiering', 'model')}"] if r.get("financiering", "model") else []))
            for r in ctx.catalog.practices}


def filter_groups(ctx: RenderContext, values: dict[str, tuple[str, ...]]) -> list[dict]:
    """The choices of the map filter, per facet in codelist order, only values a practice has, with the
    number of gemeenten each covers."""
    used = {v for found in values.values() for v in found}
    lists = {"thema": "themas", "model": "financieringsmodel"}
    return [{"title": title, "options": [{"value": f"{facet}-{c.code}", "label": c.label}
                                         for c in ctx.catalog.codelists[lists[facet]] if f"{facet}-{c.code}" in used]}
            for facet, title in FILTER_FACETS]


def _with_filters(parts: dict, values: dict[str, tuple[str, ...]]) -> None:
    """Each covered gemeente, table row and link carries the filter values of its practices (data-filter)."""
    def union(ids):
        return " ".join(sorted({v for pid in ids for v in values.get(pid, ())}))
    for shape in parts["svg"]["covered"]:
        shape["filters"] = union(shape["ids"])
    for row in parts["rows"]:
        row["filters"] = union(link["id"] for link in row["links"])
        for link in row["links"]:
            link["filters"] = union([link["id"]])


def map_page_parts(ctx: RenderContext, page_url: str = MAP_PAGE) -> dict:
    """Everything the map page shows, as data for ``_map_svg.html`` (``svg``) and ``_map_table.html`` (``rows``).

    ``covered_count`` counts the gemeenten with a practice (also codes that are not on the map, as
    the page's sentence always did), ``total`` the gemeenten of the reference table, ``practices``
    how many of the practices behind them are fictional (macros.render.fiction.FictionCount)."""
    covered = coverage(ctx)

    def practice_href(practice_id: str) -> str:
        return rel(page_url, f"praktijken/{practice_id}/")

    values = practice_filters(ctx)
    fictional = frozenset(r.id for r in ctx.catalog.practices if is_fictional(r))
    shown = [r for r in ctx.catalog.practices if any(code in covered for code in r.get("gemeenten"))]
    parts = {"covered_count": len(covered), "total": len(ctx.catalog.gemeenten),
             "practices": fiction_count(shown), "swv": swv_regions(ctx, page_url),
             "svg": svg_data(ctx.shapes, covered, practice_href, gemeente_anchor, fictional),
             "rows": table_rows(ctx.shapes, covered, practice_href, gemeente_anchor, fictional),
             "filters": filter_groups(ctx, values), "lookup": lookup_rows(ctx, page_url)}
    _with_filters(parts, values)
    return parts


# --------------------------------------------------------------------------
# Samenwerkingsverbanden as groups of gemeenten (no geometry of their own)
# --------------------------------------------------------------------------

SWV_KINDS = (("po", "Primair onderwijs"), ("vo", "Voortgezet onderwijs"))


def swv_anchor(code: str) -> str:
    """'PO 27-07' -> 'swv-po-27-07'."""
    return "swv-" + code.lower().replace(" ", "-")


def swv_regions(ctx: RenderContext, page_url: str = MAP_PAGE) -> list[dict]:
    """Per onderwijssoort, every official SWV of the regio-indeling with its gemeenten and the
    practices that name it (fictional practices use reserved codes, so they name none)."""
    naming: dict[str, list] = {}
    for record in ctx.catalog.practices:
        for code in record.get("swv", default=()):
            naming.setdefault(code, []).append(record)
    groups = []
    for kind, title in SWV_KINDS:
        rows = [{"code": code, "anchor": swv_anchor(code),
                 "gemeenten": [{"naam": m.naam, "code": m.gemeente, "shared": m.shared, "uncertain": m.uncertain}
                               for m in ctx.catalog.swv.members[code]],
                 "links": [{"href": rel(page_url, f"praktijken/{r.id}/"), "title": r.get("titel")}
                           for r in naming.get(code, ())]}
                for code in ctx.catalog.swv.codes(kind)]
        if rows:
            groups.append({"kind": kind, "title": title, "rows": rows,
                           "with_practice": sum(1 for row in rows if row["links"])})
    return groups


# --------------------------------------------------------------------------
# Every gemeente looked up: its practices, else the nearest (the lookup box and its list)
# --------------------------------------------------------------------------


def lookup_rows(ctx: RenderContext, page_url: str = MAP_PAGE) -> list[dict]:
    """Every gemeente of the reference table by name: the practices covering it, else the nearest
    (same SWV, then province; macros.publish.place_index.nearest), each as a link with its fiction
    mark. `namen` are the names the lookup box accepts (the search's rule: place_index.names)."""
    covered = coverage(ctx)
    fictional = frozenset(r.id for r in ctx.catalog.practices if is_fictional(r))
    titles = {r.id: r.get("titel") for r in ctx.catalog.practices}

    def link(pid: str) -> dict:
        return {"href": rel(page_url, f"praktijken/{pid}/"), "title": titles[pid], "fictief": pid in fictional}
    rows = []
    for code, gemeente in sorted(ctx.catalog.gemeenten.items(), key=lambda item: (name_sort_key(item[1].naam), item[0])):
        own = [pid for pid, _ in unique_practices(covered.get(code, []))]
        near = {} if own else nearest(ctx.catalog, code, {c: [p for p, _ in ps] for c, ps in covered.items()})
        rows.append({"naam": gemeente.naam, "code": code, "anchor": "alle-" + code.lower(),
                     "namen": "|".join(names(gemeente.naam)), "links": [link(p) for p in own],
                     "waar": near.get("waar", ""), "near": [link(p) for p in near.get("praktijken", ())]})
    return rows

