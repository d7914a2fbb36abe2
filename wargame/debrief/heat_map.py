"""All pairs × all turns on one page: each cell the pair's rung level after that turn.

The number in each cell carries the meaning (colour only repeats it, darker = higher), so
the map reads in greyscale print and for colour-blind readers. A cell whose pair went
higher inside the turn than where it ended has a small triangle in its corner.
"""

from __future__ import annotations

from typing import Sequence

from markupsafe import Markup, escape

from wargame.debrief.charts import _INK, _f, _svg_open

CHAR = 6.1


def _shade(level: int, top: int) -> tuple[str, str]:
    """Fill and text colour for a level: white to deep blue, text white on the dark half."""
    share = level / top if top > 0 else 0.0
    light, dark = (247, 251, 255), (8, 48, 107)
    rgb = tuple(round(a + (b - a) * share) for a, b in zip(light, dark))
    return "#%02x%02x%02x" % rgb, ("#ffffff" if share > 0.5 else _INK)


def heat_map(*, title: str, rows: Sequence[dict], n_rungs: int, thresholds: Sequence[tuple[str, int]] = ()) -> Markup:
    """``rows``: dicts with ``label``, ``levels`` (start, then after each turn) and
    ``inside`` (turns whose in-turn peak was above the turn's end level)."""
    n_cols = max((len(r["levels"]) for r in rows), default=1)
    label_w = max([CHAR * len(r["label"]) for r in rows] + [60.0])
    width = 720.0
    left = min(label_w + 12, 300.0)
    cell_w = min(42.0, (width - left - 8) / max(1, n_cols))
    cell_h = 15.0 if len(rows) > 20 else 18.0
    top = 30.0
    height = top + cell_h * len(rows) + 42.0
    top_level = max(1, n_rungs - 1)
    out = _svg_open(width, height, title, f"{len(rows)} pairs by {n_cols - 1} turns; each cell "
                    "is the rung level (0 = lowest rung) the pair stood on after the turn", "heat-map")
    every = max(1, (n_cols + 19) // 20)
    for c in range(n_cols):
        if c % every and c != n_cols - 1:
            continue
        out.append(f'<text x="{_f(left + (c + 0.5) * cell_w)}" y="{_f(top - 8)}" text-anchor="middle" '
                   f'font-size="10" fill="{_INK}">{"start" if c == 0 else c}</text>')
    font = 9.5 if cell_w < 26 else 10.5
    for i, row in enumerate(rows):
        y = top + i * cell_h
        label = row["label"] if CHAR * len(row["label"]) <= left - 12 else row["label"][: int((left - 12) / CHAR) - 1] + "…"
        out.append(f'<text x="{_f(left - 6)}" y="{_f(y + cell_h * 0.7)}" text-anchor="end" font-size="10.5" '
                   f'fill="{_INK}"><title>{escape(row["label"])}</title>{escape(label)}</text>')
        inside = set(row.get("inside", ()))
        for c, level in enumerate(row["levels"]):
            fill, ink = _shade(level, top_level)
            x = left + c * cell_w
            out.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(cell_w - 1)}" height="{_f(cell_h - 1)}" '
                       f'fill="{fill}" stroke="#c9d2dc" stroke-width="0.5"/>')
            out.append(f'<text x="{_f(x + (cell_w - 1) / 2)}" y="{_f(y + cell_h * 0.7)}" text-anchor="middle" '
                       f'font-size="{font}" fill="{ink}">{level}</text>')
            if c in inside:
                out.append(f'<path d="M{_f(x + cell_w - 8)},{_f(y)}H{_f(x + cell_w - 1)}V{_f(y + 7)}Z" '
                           f'fill="#D55E00"/>')
    legend_y = top + cell_h * len(rows) + 18
    # The legend starts at the left edge and takes two lines, so it never runs off the chart.
    out.append(f'<text x="4" y="{_f(legend_y)}" font-size="10" fill="{_INK}">Number: the rung level after '
               f'the turn (0 = the lowest of {n_rungs} rungs); darker = higher.</text>')
    out.append(f'<path d="M4,{_f(legend_y + 5)}H11V{_f(legend_y + 12)}Z" fill="#D55E00"/>')
    out.append(f'<text x="15" y="{_f(legend_y + 13)}" font-size="10" fill="{_INK}">corner mark: the pair went '
               f'higher inside that turn than where it ended.</text>')
    out.append("</svg>")
    return Markup("\n".join(out))
