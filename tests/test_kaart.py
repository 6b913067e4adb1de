"""Tests for macros.kaart: TopoJSON decoding, SVG map and coverage table."""

from __future__ import annotations

import csv
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from macros.load.catalog import empty_catalog
from macros.render import map as kaart
from macros.render.context import render_context
from macros.render.map import Shape

ROOT = Path(__file__).resolve().parents[1]
TOPOJSON = ROOT / "practices" / "referentie" / "kaart" / "gemeenten-2025.topojson"
GEMEENTEN_CSV = ROOT / "practices" / "referentie" / "gemeenten.csv"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>&"'


def href_for_practice(practice_id: str) -> str:
    return f"../praktijken/{practice_id}/"


def table_anchor(code: str) -> str:
    return f"gemeente-{code.lower()}"


def map_svg(ctx, shapes, covered, href_for_practice, table_anchor) -> str:
    """The map fragment as the map page includes it: ``_map_svg.html`` over ``svg_data``."""
    return ctx.render("_map_svg.html", svg=kaart.svg_data(shapes, covered, href_for_practice, table_anchor)).strip()


def coverage_table(ctx, shapes, covered, href_for_practice, table_anchor) -> str:
    """The coverage table as the map page includes it: ``_map_table.html`` over ``table_rows``."""
    return ctx.render("_map_table.html", rows=kaart.table_rows(shapes, covered, href_for_practice, table_anchor)).strip()


# --------------------------------------------------------------------------
# Helpers independent of the module under test
# --------------------------------------------------------------------------


def parse_path(d: str) -> list[list[tuple[float, float]]]:
    """Absolute rings from relative m/l/z path data (test's own parser)."""
    rings: list[list[tuple[float, float]]] = []
    x = y = 0.0
    for command, args in re.findall(r"([mlzMLZ])([^mlzMLZ]*)", d):
        assert command in "mlz", f"unexpected command {command!r}"
        values = [float(v) for v in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", args)]
        assert len(values) % 2 == 0
        if command == "z":
            x, y = rings[-1][0]
            continue
        pairs = list(zip(values[::2], values[1::2]))
        for i, (dx, dy) in enumerate(pairs):
            x, y = x + dx, y + dy
            if command == "m" and i == 0:
                rings.append([])
            rings[-1].append((x, y))
    return rings


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def svg_root(html: str) -> ET.Element:
    """The map ``<svg>`` inside the map fragment (which must be XML)."""
    wrapper = ET.fromstring(html)
    assert wrapper.tag == "div"
    root = wrapper.find(f"{SVG}svg")
    assert root is not None
    return root


def gemeente_paths(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{SVG}path") if p.get("class") in ("kaart-gedekt", "kaart-leeg")]


def links_by_code(root: ET.Element, shapes) -> dict[str, ET.Element]:
    """Map gemeente code -> enclosing <a>, matched via the path data."""
    code_for_d = {s.d: s.code for s in shapes}
    return {code_for_d[a.find(f"{SVG}path").get("d")]: a for a in root.iter(f"{SVG}a")}


def title_for(root: ET.Element, shape: Shape) -> str:
    for path in gemeente_paths(root):
        if path.get("d") == shape.d:
            return path.find(f"{SVG}title").text
    raise AssertionError(f"no path for {shape.code}")


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ctx():
    return render_context(empty_catalog(ROOT / "practices"))


@pytest.fixture(scope="module")
def topology() -> dict:
    return kaart.load_topology(TOPOJSON)


@pytest.fixture(scope="module")
def shapes(topology) -> tuple[Shape, ...]:
    return kaart.project_shapes(topology)


@pytest.fixture(scope="module")
def by_name(shapes) -> dict[str, Shape]:
    return {s.naam: s for s in shapes}


@pytest.fixture(scope="module")
def covered(by_name) -> dict[str, list[tuple[str, str]]]:
    return {
        by_name["Breda"].code: [("p-een", "Praktijk een"), ("p-twee", "Praktijk twee")],
        by_name["Utrecht"].code: [("p-drie", "Praktijk drie")],
        by_name["Aalten"].code: [("p-vier", "Praktijk vier")],
    }


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------


def test_one_shape_per_geometry_with_reference_codes(shapes):
    geometries = json.loads(TOPOJSON.read_text(encoding="utf-8"))["objects"]["gemeente_2025"][
        "geometries"
    ]
    with GEMEENTEN_CSV.open(encoding="utf-8", newline="") as handle:
        reference = {row["code"] for row in csv.DictReader(handle)}
    codes = [s.code for s in shapes]
    assert len(shapes) == len(geometries)
    assert len(set(codes)) == len(codes)
    assert set(codes) == reference
    assert [s.code for s in shapes] == [g["properties"]["statcode"] for g in geometries]
    assert all(s.naam for s in shapes)


def test_paths_non_empty_and_inside_viewbox(ctx, shapes, covered):
    root = svg_root(map_svg(ctx, shapes, covered, href_for_practice, table_anchor))
    min_x, min_y, width, height = (float(v) for v in root.get("viewBox").split())
    assert (min_x, min_y, width) == (0, 0, kaart.VIEW_WIDTH)
    assert 600 < height < 800  # the Netherlands is taller than wide
    for shape in shapes:
        rings = parse_path(shape.d)
        assert rings, shape.code
        assert all(len(ring) >= 3 for ring in rings), shape.code
        for x, y in (p for ring in rings for p in ring):
            assert 0 <= x <= width and 0 <= y <= height, (shape.code, x, y)
    all_points = [p for s in shapes for ring in parse_path(s.d) for p in ring]
    # The map fills the viewBox width (padding aside).
    assert min(x for x, _ in all_points) == pytest.approx(kaart.PADDING, abs=0.06)
    assert max(x for x, _ in all_points) == pytest.approx(width - kaart.PADDING, abs=0.06)


def test_paths_have_no_consecutive_duplicates_and_one_decimal(shapes):
    for shape in shapes:
        assert not re.search(r"\d\.\d\d", shape.d), shape.code
        for ring in parse_path(shape.d):
            rounded = [(round(x, 1), round(y, 1)) for x, y in ring]
            assert all(a != b for a, b in zip(rounded, rounded[1:])), shape.code
            assert rounded[0] != rounded[-1], shape.code  # closing point left to "z"


def test_known_geography(by_name):
    """Groningen lies north-east of Maastricht (y grows downwards)."""
    def centre(shape):
        points = [p for ring in parse_path(shape.d) for p in ring]
        return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))

    groningen, maastricht = centre(by_name["Groningen"]), centre(by_name["Maastricht"])
    assert groningen[0] > maastricht[0]
    assert groningen[1] < maastricht[1]


# Two unit squares sharing the arc x=1 (quantised); the right one uses it reversed.
TINY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
    "arcs": [
        [[1, 0], [0, 1]],  # shared: (1,0) -> (1,1)
        [[1, 1], [-1, 0], [0, -1], [1, 0]],  # left: (1,1) -> (0,1) -> (0,0) -> (1,0)
        [[1, 0], [1, 0], [0, 1], [-1, 0]],  # right: (1,0) -> (2,0) -> (2,1) -> (1,1)
    ],
    "objects": {
        "vlakken": {
            "type": "GeometryCollection",
            "geometries": [
                {
                    "type": "Polygon",
                    "arcs": [[0, 1]],
                    "properties": {"statcode": "GM0001", "statnaam": "Links"},
                },
                {
                    "type": "MultiPolygon",
                    "arcs": [[[2, ~0]]],  # ~0 == -1: arc 0 reversed
                    "properties": {"statcode": "GM0002", "statnaam": "Rechts"},
                },
            ],
        }
    },
}


def test_tiny_topology_decodes_exact_lon_lat():
    arcs = kaart.decode_arcs(TINY)
    assert arcs[0] == [(10.5, 20.0), (10.5, 20.25)]
    left, right = TINY["objects"]["vlakken"]["geometries"]
    assert kaart.geometry_rings(left, arcs) == [
        [(10.5, 20.0), (10.5, 20.25), (10.0, 20.25), (10.0, 20.0), (10.5, 20.0)]
    ]
    assert kaart.geometry_rings(right, arcs) == [
        [(10.5, 20.0), (11.0, 20.0), (11.0, 20.25), (10.5, 20.25), (10.5, 20.0)]
    ]


def test_tiny_topology_projects_to_expected_coordinates():
    shapes = kaart.project_shapes(TINY, "vlakken")
    assert [(s.code, s.naam) for s in shapes] == [("GM0001", "Links"), ("GM0002", "Rechts")]
    pad = kaart.PADDING
    scale = (kaart.VIEW_WIDTH - 2 * pad) / (1.0 * math.cos(math.radians(52.2)))
    x_mid, x_max = pad + (kaart.VIEW_WIDTH - 2 * pad) / 2, kaart.VIEW_WIDTH - pad
    y_max = pad + 0.25 * scale  # latitude 20.0 (south) is at the bottom: y is flipped
    left = [(x_mid, y_max), (x_mid, pad), (pad, pad), (pad, y_max)]
    right = [(x_mid, y_max), (x_max, y_max), (x_max, pad), (x_mid, pad)]
    for shape, expected in zip(shapes, (left, right)):
        (ring,) = parse_path(shape.d)
        assert ring == [pytest.approx(p, abs=0.05) for p in expected]
    # Shared edge: both squares use exactly the same rounded coordinates.
    (left_ring,), (right_ring,) = (parse_path(s.d) for s in shapes)
    shared = {(round(x, 1), round(y, 1)) for x, y in left_ring} & {
        (round(x, 1), round(y, 1)) for x, y in right_ring
    }
    assert len(shared) == 2


def test_multiple_rings_use_relative_moves():
    """A second ring's ``m`` is relative to the start of the previous ring."""
    d = kaart.rings_path([[(10, 10), (20, 10), (20, 20)], [(50, 50), (60, 50), (60, 60)]])
    assert d == "m1 1l1 0 0 1zm4 4l1 0 0 1z"
    assert parse_path(d) == [[(1, 1), (2, 1), (2, 2)], [(5, 5), (6, 5), (6, 6)]]


def test_number_formatting_is_compact():
    assert [kaart.format_units(v) for v in (0, 5, -5, 15, -150, 123)] == [
        "0", ".5", "-.5", "1.5", "-15", "12.3"
    ]
    assert kaart.format_numbers([15, -5, 20]) == "1.5-.5 2"


# --------------------------------------------------------------------------
# SVG map
# --------------------------------------------------------------------------


def test_svg_is_xml_with_accessible_name_and_description(ctx, shapes, covered):
    html = map_svg(ctx, shapes, covered, href_for_practice, table_anchor)
    root = svg_root(html)
    assert root.get("role") == "group"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == title.get("id")
    assert title.text == "Kaart van Nederland: gemeenten met een gepubliceerde praktijk"
    assert root.get("aria-describedby") == desc.get("id")
    assert "tabel onder de kaart" in desc.text
    assert len(gemeente_paths(root)) == len(shapes)


def test_hatch_pattern_and_classes(ctx, shapes, covered):
    root = svg_root(map_svg(ctx, shapes, covered, href_for_practice, table_anchor))
    pattern = root.find(f"{SVG}defs/{SVG}pattern")
    assert pattern is not None and pattern.get("id")
    assert pattern.find(f"{SVG}line") is not None  # the hatch lines
    classes = [p.get("class") for p in gemeente_paths(root)]
    assert classes.count("kaart-gedekt") == len(covered)
    assert classes.count("kaart-leeg") == len(shapes) - len(covered)
    groups = {g.get("class"): g for g in root.iter(f"{SVG}g")}
    assert groups["kaart-gedekt-groep"].get("fill") == f"url(#{pattern.get('id')})"
    assert groups["kaart-leeg-groep"].get("fill") == kaart.FILL_EMPTY
    assert pattern.find(f"{SVG}rect").get("fill") == kaart.FILL_COVERED


def test_fill_colours_meet_non_text_contrast():
    white = "#ffffff"
    assert contrast(kaart.FILL_COVERED, white) >= 3
    assert contrast(kaart.FILL_EMPTY, white) >= 3
    assert contrast(kaart.FILL_COVERED, kaart.FILL_EMPTY) >= 3


def test_covered_gemeenten_link_to_practice_or_table(ctx, shapes, covered, by_name):
    root = svg_root(map_svg(ctx, shapes, covered, href_for_practice, table_anchor))
    links = links_by_code(root, shapes)
    assert set(links) == set(covered)
    breda, utrecht = by_name["Breda"], by_name["Utrecht"]
    assert links[breda.code].get("href") == f"#gemeente-{breda.code.lower()}"
    assert links[utrecht.code].get("href") == "../praktijken/p-drie/"
    assert title_for(root, breda) == "Breda: 2 praktijken"
    assert title_for(root, utrecht) == "Utrecht: 1 praktijk"
    assert links[breda.code].get("aria-label") == "Breda: 2 praktijken"


def test_uncovered_gemeenten_are_not_links(ctx, shapes, covered, by_name):
    root = svg_root(map_svg(ctx, shapes, covered, href_for_practice, table_anchor))
    linked = {a.find(f"{SVG}path").get("d") for a in root.iter(f"{SVG}a")}
    zundert = by_name["Zundert"]
    assert zundert.d not in linked
    assert title_for(root, zundert) == "Zundert: geen praktijk"
    for path in gemeente_paths(root):
        if path.get("class") == "kaart-leeg":
            assert path.get("d") not in linked
            assert path.find(f"{SVG}title").text.endswith(": geen praktijk")


def test_empty_practice_list_and_unknown_codes_are_ignored(ctx, shapes, by_name):
    covered = {by_name["Zundert"].code: [], "GM9999": [("p", "Nergens")]}
    html = map_svg(ctx, shapes, covered, href_for_practice, table_anchor)
    assert list(svg_root(html).iter(f"{SVG}a")) == []
    table = ET.fromstring(coverage_table(ctx, shapes, covered, href_for_practice, table_anchor))
    assert "Nergens" not in ET.tostring(table, encoding="unicode")


def test_duplicate_practice_ids_count_once(ctx, shapes, by_name):
    breda = by_name["Breda"]
    covered = {breda.code: [("p-een", "Een"), ("p-een", "Een")]}
    root = svg_root(map_svg(ctx, shapes, covered, href_for_practice, table_anchor))
    assert title_for(root, breda) == "Breda: 1 praktijk"
    assert links_by_code(root, shapes)[breda.code].get("href") == "../praktijken/p-een/"


def test_legend_in_dutch_with_two_swatches(ctx, shapes, covered):
    wrapper = ET.fromstring(map_svg(ctx, shapes, covered, href_for_practice, table_anchor))
    legend = wrapper.find("ul[@class='kaart-legenda']")
    items = legend.findall("li")
    assert ["".join(li.itertext()).strip() for li in items] == [
        "Gemeente met praktijk",
        "Gemeente zonder praktijk",
    ]
    swatches = [li.find(f"{SVG}svg") for li in items]
    assert all(s.get("aria-hidden") == "true" for s in swatches)
    assert [s.find(f"{SVG}rect").get("class") for s in swatches] == ["kaart-gedekt", "kaart-leeg"]


def test_hostile_text_is_escaped_in_svg(ctx):
    shapes = (
        Shape(code="GM0001", naam=HOSTILE, d="m1 1l1 0 0 1z"),
        Shape(code="GM0002", naam=HOSTILE + "2", d="m5 5l1 0 0 1z"),
        Shape(code="GM0003", naam=HOSTILE + "3", d="m9 9l1 0 0 1z"),
    )
    covered = {
        "GM0001": [('"><script>', HOSTILE)],
        "GM0002": [("a", "A"), ("b", "B")],
    }
    html = map_svg(
        ctx, shapes, covered, lambda p: f"/p?x={p}&y=1", lambda c: f'"{c}<'
    )
    assert "<script>" not in html
    assert "&lt;script&gt;&amp;&#34;" in html
    root = svg_root(html)  # still well-formed XML
    titles = sorted(p.find(f"{SVG}title").text for p in gemeente_paths(root))
    assert titles == [
        f"{HOSTILE}2: 2 praktijken",
        f"{HOSTILE}3: geen praktijk",
        f"{HOSTILE}: 1 praktijk",
    ]
    hrefs = sorted(a.get("href") for a in root.iter(f"{SVG}a"))
    assert hrefs == ['#"GM0002<', '/p?x="><script>&y=1']


# --------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------


def test_table_lists_only_covered_sorted_with_anchors(ctx, shapes, covered, by_name):
    covered = dict(covered)
    covered[by_name["'s-Hertogenbosch"].code] = [("p-vijf", "Praktijk vijf")]
    html = coverage_table(ctx, shapes, covered, href_for_practice, table_anchor)
    table = ET.fromstring(html)
    assert table.tag == "table"
    assert table.find("caption").text
    headers = table.findall("thead/tr/th")
    assert [th.text for th in headers] == ["Gemeente", "Code", "Praktijken"]
    assert all(th.get("scope") == "col" for th in headers)
    rows = table.findall("tbody/tr")
    names = [row.find("th").text for row in rows]
    # Dutch convention: "'s-Hertogenbosch" sorts under H.
    assert names == ["Aalten", "Breda", "'s-Hertogenbosch", "Utrecht"]
    for row in rows:
        code = row.find("td").text
        assert row.get("id") == table_anchor(code)
        assert row.find("th").get("scope") == "row"
        assert code in covered
    breda_links = rows[1].findall("td/ul/li/a")
    assert [(a.get("href"), a.text) for a in breda_links] == [
        ("../praktijken/p-een/", "Praktijk een"),
        ("../praktijken/p-twee/", "Praktijk twee"),
    ]
    utrecht_link = rows[3].find("td/a")
    assert utrecht_link.get("href") == "../praktijken/p-drie/"
    assert utrecht_link.text == "Praktijk drie"
    assert html.endswith("</table>")


def test_svg_anchor_targets_exist_in_table(ctx, shapes, covered):
    root = svg_root(map_svg(ctx, shapes, covered, href_for_practice, table_anchor))
    table = ET.fromstring(coverage_table(ctx, shapes, covered, href_for_practice, table_anchor))
    row_ids = {row.get("id") for row in table.iter("tr")}
    fragments = [a.get("href")[1:] for a in root.iter(f"{SVG}a") if a.get("href").startswith("#")]
    assert fragments and set(fragments) <= row_ids


def test_table_escapes_hostile_text(ctx):
    shapes = (Shape(code="GM0001", naam=HOSTILE, d="m1 1l1 0 0 1z"),)
    covered = {"GM0001": [("x", HOSTILE)]}
    html = coverage_table(ctx, shapes, covered, lambda p: f'"{p}&', lambda c: f"<{c}>")
    assert "<script>" not in html
    table = ET.fromstring(html)
    row = table.find("tbody/tr")
    assert row.get("id") == "<GM0001>"
    assert row.find("th").text == HOSTILE
    link = row.find("td/a")
    assert (link.get("href"), link.text) == ('"x&', HOSTILE)


def test_empty_table_says_so_in_dutch(ctx, shapes):
    table = ET.fromstring(coverage_table(ctx, shapes, {}, href_for_practice, table_anchor))
    (row,) = table.findall("tbody/tr")
    assert "nog geen gemeenten" in row.find("td").text


def test_svg_size_with_twenty_covered_gemeenten(ctx, shapes):
    covered = {s.code: [(f"p{i}", f"Praktijk {i}")] for i, s in enumerate(shapes[:20])}
    html = map_svg(ctx, shapes, covered, href_for_practice, table_anchor)
    size_kb = len(html.encode("utf-8")) / 1024
    assert size_kb < 150, f"SVG is {size_kb:.1f} KB"
