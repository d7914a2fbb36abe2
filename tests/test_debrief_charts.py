"""Inline SVG charts: well-formed, labelled, readable without colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from wargame.debrief.band_chart import CHAR, ladder_chart
from wargame.debrief.charts import score_chart
from wargame.debrief.heat_map import heat_map

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))


def test_ladder_chart_labels_rungs_thresholds_and_peak():
    root = parse(ladder_chart(title="Escalation, A – B", rungs=["Calm", "Friction", "Standoff", "Clash"],
                              thresholds=[("No shots fired", 2)], levels=[1, 2, 2, 1], peak=(1, 2)))
    flat = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for name in ("Calm", "Friction", "Standoff", "Clash", "No shots fired", "peak", "start"):
        assert name in flat
    dashed = [line for line in root.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(dashed) == 1  # one threshold, drawn dashed
    # One marker per turn plus the peak star.
    assert len(list(root.iter(f"{SVG}circle"))) == 4
    assert len(list(root.iter(f"{SVG}polygon"))) == 1
    assert root.find(f"{SVG}title").text == "Escalation, A – B"
    assert "turn 1: Standoff" in root.find(f"{SVG}desc").text


def test_threshold_line_lies_between_its_rung_and_the_next():
    root = parse(ladder_chart(title="t", rungs=["a", "b", "c"], thresholds=[("T", 0)],
                              levels=[0, 1], peak=(1, 1)))
    ys = {t.find(f"{SVG}title").text: float(t.get("y")) for t in root.iter(f"{SVG}text")
          if t.get("text-anchor") == "end" and t.find(f"{SVG}title") is not None}
    threshold = next(line for line in root.iter(f"{SVG}line") if line.get("stroke-dasharray"))
    y = float(threshold.get("y1"))
    assert ys["b"] - 4 < y < ys["a"] - 4  # between rung a (bottom) and rung b


def test_score_chart_gives_each_delegation_its_own_marker_and_dash():
    series = [("Azure", [0, 12, -2]), ("Crimson", [4, 4, 0]), ("Verdant", [-2, 0, 0])]
    root = parse(score_chart(title="Scores", series=series))
    lines = list(root.iter(f"{SVG}polyline"))
    assert len(lines) == 3
    assert len({line.get("stroke") for line in lines}) == 3
    assert len({line.get("stroke-dasharray") for line in lines}) == 3  # a dash pattern each
    shapes = {"circle": 0, "rect": 0, "polygon": 0}
    for tag in shapes:
        shapes[tag] = len(list(root.iter(f"{SVG}{tag}")))
    assert shapes["circle"] and shapes["rect"] and shapes["polygon"]  # circle, square, triangle
    legend = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Azure" in legend and "Crimson" in legend and "Verdant" in legend


def test_chart_text_is_escaped():
    svg = str(score_chart(title="<script>x</script>", series=[("<b>&</b>", [1, 2])]))
    parse(svg)  # still well-formed XML
    assert "<script>" not in svg and "&lt;b&gt;&amp;&lt;/b&gt;" in svg


def test_long_sessions_drop_per_turn_markers_but_keep_the_line():
    root = parse(ladder_chart(title="t", rungs=["a", "b"], thresholds=[], levels=[0, 1] * 100,
                              peak=(1, 1)))
    assert len(list(root.iter(f"{SVG}circle"))) == 0
    assert len(list(root.iter(f"{SVG}path"))) == 1
    turn_labels = [t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert len(turn_labels) < 20  # axis labels thinned out, not 200 overlapping numbers


KAHN = [f"Rung number {n} with a long descriptive name" for n in range(45)]


def test_a_long_ladder_shows_only_the_band_used_and_where_it_sits():
    root = parse(ladder_chart(title="t", rungs=KAHN, thresholds=[("Near", 9), ("Far", 20)],
                              levels=[5, 6, 8], steps=[(1, 6), (2, 8)], peak=(2, 8)))
    labels = [t.find(f"{SVG}title").text for t in root.iter(f"{SVG}text")
              if t.find(f"{SVG}title") is not None and t.get("text-anchor") == "end"]
    # Rungs 4..10: the band 5..8, a rung of margin each side, and the near threshold above 9.
    assert labels == [KAHN[n] for n in range(4, 11)]
    assert float(root.get("height")) < 250  # not 45 rungs tall
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Near" in text and "next threshold: Far, 11 rungs higher" in text
    gauge = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(gauge) == 2 and "rungs 4–10 of 0–44" in gauge[1].find(f"{SVG}title").text


def test_a_far_threshold_is_named_at_the_edge_with_its_distance():
    root = parse(ladder_chart(title="t", rungs=KAHN, thresholds=[("No nuclear use", 20)],
                              levels=[2, 3], steps=[(1, 3)], peak=(1, 3)))
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "next threshold: No nuclear use, 17 rungs higher" in text


def test_rung_labels_fit_inside_the_chart():
    root = parse(ladder_chart(title="t", rungs=KAHN, thresholds=[], levels=[0, 1], steps=[(1, 1)], peak=(1, 1)))
    for t in root.iter(f"{SVG}text"):
        if t.get("text-anchor") == "end" and t.find(f"{SVG}title") is not None:
            shown = "".join(t.itertext())[len(t.find(f"{SVG}title").text):]
            assert float(t.get("x")) - CHAR * len(shown) >= 0, f"{shown!r} would be clipped"


def test_a_peak_inside_a_turn_lies_on_the_line():
    # Up two rungs and back down within turn 1: the star must sit on a vertex of the path.
    root = parse(ladder_chart(title="t", rungs=["a", "b", "c", "d"], thresholds=[], levels=[0, 0],
                              steps=[(1, 2), (1, 0)], peak=(1, 2)))
    star = next(p for p in root.iter(f"{SVG}polygon"))
    points = [tuple(map(float, xy.split(","))) for xy in star.get("points").split()]
    cx = sum(x for x, _ in points) / len(points)
    path = next(root.iter(f"{SVG}path")).get("d")
    import re
    xs = [float(v) for v in re.findall(r"H([0-9.]+)", path)]
    assert any(abs(cx - x) < 1.0 for x in xs)  # at the step, not at a turn's end


def test_heat_map_fits_8_delegations_by_14_turns_on_a_page():
    rows = [{"label": f"Delegation {a} – Delegation {b}", "levels": [a % 5] * 15, "inside": [3]}
            for a in range(8) for b in range(a + 1, 8)]
    root = parse(heat_map(title="t", rows=rows, n_rungs=45))
    width, height = float(root.get("width")), float(root.get("height"))
    # An A4 page's text block is about 680 x 1000 CSS px; the map is scaled to the width.
    assert height * 680 / width < 900
    numbers = [t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "middle"]
    assert len(numbers) >= 28 * 15  # every cell carries its number, not only a colour
