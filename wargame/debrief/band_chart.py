"""A pair's path through the ladder, drawn over only the band of rungs it used.

A long ladder (Kahn's has 45 rungs) drawn whole makes every pair's chart tall and empty.
This chart shows the rungs the pair stood on, a rung of margin each side, and the nearest
threshold above and below when it lies close (a far one is named at the chart's edge with
its distance); a narrow gauge on the right shows where the band sits on the whole ladder.
Moves inside a turn are drawn as steps spread across that turn, so a peak reached and left
within a turn lies on the line. Rung labels get the width they need: none is cut off.
"""

from __future__ import annotations

from typing import Sequence

from markupsafe import Markup, escape

from wargame.debrief.charts import PALETTE, _INK, _GRID, _THRESHOLD, _f, _short, _svg_open, marker

ROW = 15.0  # pixels per rung
NEAR = 4  # a threshold this many rungs from the band is drawn inside it
CHAR = 6.1  # average advance of an 11 px sans-serif character, for sizing label columns
LABEL_LIMIT = 60  # characters; longer rung names are shortened (full name in the tooltip)


def band(levels: Sequence[int], thresholds: Sequence[tuple[str, int]], n_rungs: int) -> tuple[int, int]:
    """The lowest and highest rung level to draw for a path over ``levels``."""
    lo, hi = min(levels), max(levels)
    lo, hi = max(0, lo - 1), min(n_rungs - 1, hi + 1)
    below = [above for _, above in thresholds if above + 0.5 < lo and lo - above <= NEAR]
    over = [above for _, above in thresholds if above + 0.5 > hi and above + 1 - hi <= NEAR]
    if below:
        lo = max(below)
    if over:
        hi = min(n_rungs - 1, min(over) + 1)
    return lo, hi


def _label(name: str) -> str:
    return name if len(name) <= LABEL_LIMIT else name[: LABEL_LIMIT - 1].rstrip() + "…"


def ladder_chart(
    *,
    title: str,
    rungs: Sequence[str],
    thresholds: Sequence[tuple[str, int]],
    levels: Sequence[int],
    steps: Sequence[tuple[int, int]] = (),
    peak: tuple[int, int] | None = None,
) -> Markup:
    """``levels[t]``: the level after turn t (t = 0 is the start); ``steps``: every change
    as (turn, new level) in the order it happened; ``peak``: (turn, level) of the highest
    rung, marked where the path first reached it."""
    n_rungs = max(1, len(rungs))
    levels = list(levels) or [0]
    n_turns = len(levels) - 1
    used = levels + [level for _, level in steps]
    lo, hi = band(used, thresholds, n_rungs)
    shown = [(level, rungs[level]) for level in range(lo, hi + 1)]
    label_w = max(CHAR * max((len(_label(name)) for _, name in shown), default=4), 40.0)
    gauge_w = 46.0
    names_w = 128.0 if any(lo <= above + 0.5 <= hi for _, above in thresholds) else 0.0
    left, top, bottom = label_w + 14.0, 22.0, 36.0
    width = 720.0
    plot_w = width - left - gauge_w - names_w - 12.0
    plot_h = ROW * (hi - lo) if hi > lo else ROW
    height = top + plot_h + bottom
    inset = 10.0

    def x_of(turn: float) -> float:
        if n_turns == 0:
            return left + plot_w / 2
        return left + inset + turn * (plot_w - 2 * inset) / n_turns

    def y_of(level: float) -> float:
        if hi == lo:
            return top + plot_h / 2
        return top + (hi - level) * ROW

    desc = "Rung after each turn: " + ", ".join(
        f"{'start' if t == 0 else f'turn {t}'}: {rungs[level] if 0 <= level < n_rungs else level}"
        for t, level in enumerate(levels))
    if peak is not None:
        desc += f"; peak {rungs[peak[1]] if 0 <= peak[1] < n_rungs else peak[1]} in turn {peak[0]}"
    out = _svg_open(width, height, title, desc, "ladder-chart")
    for level, name in shown:
        y = y_of(level)
        out.append(f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(left + plot_w)}" y2="{_f(y)}" '
                   f'stroke="{_GRID}" stroke-width="1"/>')
        out.append(f'<text x="{_f(left - 6)}" y="{_f(y + 4)}" text-anchor="end" font-size="11" '
                   f'fill="{_INK}"><title>{escape(name)}</title>{escape(_label(name))}</text>')
    # Thresholds inside the band: dashed, named just above the line at the plot's right.
    outside_above, outside_below = [], []
    for name, above in thresholds:
        if lo <= above + 0.5 <= hi:
            y = y_of(above + 0.5)
            out.append(f'<line class="threshold" x1="{_f(left)}" y1="{_f(y)}" x2="{_f(left + plot_w)}" '
                       f'y2="{_f(y)}" stroke="{_THRESHOLD}" stroke-width="1.2" stroke-dasharray="5 4"/>')
            # Named in their own column right of the plot: never over the path.
            out.append(f'<text x="{_f(left + plot_w + 5)}" y="{_f(y + 3.5)}" font-size="9.5" '
                       f'font-style="italic" fill="{_THRESHOLD}"><title>{escape(name)}</title>'
                       f'{escape(_short(name, 22))}</text>')
        elif above + 0.5 > hi:
            outside_above.append((above + 1 - hi, name))
        else:
            outside_below.append((lo - above, name))
    if outside_above:
        gap, name = min(outside_above)
        out.append(f'<text x="{_f(left)}" y="{_f(top - 9)}" font-size="9.5" font-style="italic" '
                   f'fill="{_THRESHOLD}">↑ next threshold: {escape(name)}, {gap} rungs higher</text>')
    if outside_below:
        gap, name = min(outside_below)
        out.append(f'<text x="{_f(left)}" y="{_f(top + plot_h + 33)}" font-size="9.5" '
                   f'font-style="italic" fill="{_THRESHOLD}">↓ threshold below: {escape(name)}, '
                   f'{gap} rungs lower</text>')
    # Turn axis.
    axis_y = top + plot_h + 8
    label_every = max(1, (n_turns + 1 + 13) // 14)
    for t in range(n_turns + 1):
        if t % label_every and t != n_turns:
            continue
        out.append(f'<text x="{_f(x_of(t))}" y="{_f(axis_y + 12)}" text-anchor="middle" font-size="10.5" '
                   f'fill="{_INK}">{"start" if t == 0 else t}</text>')
    # The path: each turn's changes spread evenly across that turn, as steps.
    by_turn: dict[int, list[int]] = {}
    for turn, level in steps:
        by_turn.setdefault(max(turn, 0), []).append(level)
    level = levels[0]
    d = [f"M{_f(x_of(0))},{_f(y_of(level))}"]
    peak_xy = None
    for t in range(1, n_turns + 1):
        changes = by_turn.get(t, [])
        for k, new in enumerate(changes):
            x = x_of(t - 1 + (k + 1) / (len(changes) + 1))
            d.append(f"H{_f(x)}V{_f(y_of(new))}")
            level = new
            if peak is not None and peak_xy is None and t == peak[0] and new == peak[1]:
                peak_xy = (x, y_of(new))
        d.append(f"H{_f(x_of(t))}V{_f(y_of(levels[t]))}")
        level = levels[t]
    out.append(f'<path d="{"".join(d)}" fill="none" stroke="{PALETTE[0]}" stroke-width="2.2"/>')
    if n_turns <= 40:
        for t, lv in enumerate(levels):
            out.append(marker("circle", x_of(t), y_of(lv), 3.2, PALETTE[0]))
    if peak is not None:
        if peak_xy is None:
            t = min(max(peak[0], 0), n_turns)
            peak_xy = (x_of(t), y_of(peak[1]))
        px, py = peak_xy
        out.append(marker("star", px, py, 5.5, PALETTE[1]))
        anchor, dx = ("end", -9) if px > left + plot_w * 0.6 else ("start", 9)
        out.append(f'<text x="{_f(px + dx)}" y="{_f(py - 6)}" text-anchor="{anchor}" font-size="10.5" '
                   f'font-weight="bold" fill="{_INK}">peak</text>')
    out.extend(_gauge(width - gauge_w + 8, top, plot_h, lo, hi, n_rungs))
    out.append("</svg>")
    return Markup("\n".join(out))


def _gauge(x: float, top: float, height: float, lo: int, hi: int, n_rungs: int) -> list[str]:
    """The whole ladder as a thin bar, the drawn band filled in."""
    height = max(height, 30.0)
    span = max(1, n_rungs - 1)
    y_hi = top + (span - hi) / span * height
    y_lo = top + (span - lo) / span * height
    return [
        f'<rect x="{_f(x)}" y="{_f(top)}" width="8" height="{_f(height)}" fill="#ffffff" stroke="{_INK}" '
        f'stroke-width="0.8"><title>the whole ladder, {n_rungs} rungs</title></rect>',
        f'<rect x="{_f(x)}" y="{_f(y_hi)}" width="8" height="{_f(max(2.0, y_lo - y_hi))}" fill="{PALETTE[0]}">'
        f'<title>rungs {lo}–{hi} of 0–{span}, drawn on the left</title></rect>',
        f'<text x="{_f(x + 4)}" y="{_f(top - 6)}" text-anchor="middle" font-size="8.5" fill="{_INK}">top</text>',
        f'<text x="{_f(x + 4)}" y="{_f(top + height + 11)}" text-anchor="middle" font-size="8.5" '
        f'fill="{_INK}">ladder</text>',
    ]
