"""Inline SVG charts: well-formed, labelled, readable without colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from wargame.debrief.charts import ladder_chart, score_chart

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
