"""A word-sized line chart for a table cell: one point per session, oldest on the left.

The last point is drawn larger and in the "better"/"worse" colour only as a third cue:
the table beside it carries the numbers and the words.
"""

from __future__ import annotations

from typing import Sequence

from markupsafe import Markup

from wargame.debrief.charts import PALETTE, _INK, _f


def sparkline(values: Sequence[float | None], lower_is_better: bool, width: float = 120.0,
              height: float = 26.0) -> Markup:
    known = [v for v in values if v is not None]
    if not known:
        return Markup("")
    low, high = min(known), max(known)
    if high == low:  # a flat series runs through the middle
        low, high = low - 1, high + 1
    n = len(values)
    pad = 4.0

    def x_of(i: int) -> float:
        return pad + (i * (width - 2 * pad) / (n - 1) if n > 1 else (width - 2 * pad) / 2)

    def y_of(v: float) -> float:
        return height - pad - (v - low) * (height - 2 * pad) / (high - low)

    points = [(x_of(i), y_of(v)) for i, v in enumerate(values) if v is not None]
    direction = "lower is better" if lower_is_better else "higher is better"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" viewBox="0 0 {_f(width)} {_f(height)}" '
           f'width="{_f(width)}" height="{_f(height)}" role="img">',
           f"<title>{', '.join('–' if v is None else f'{v:g}' for v in values)} ({direction})</title>"]
    if len(points) > 1:
        out.append(f'<polyline points="{" ".join(f"{_f(x)},{_f(y)}" for x, y in points)}" fill="none" '
                   f'stroke="{_INK}" stroke-width="1.4"/>')
    for x, y in points[:-1]:
        out.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="1.8" fill="{_INK}"/>')
    x, y = points[-1]
    out.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3" fill="{PALETTE[0]}"/>')
    out.append("</svg>")
    return Markup("".join(out))
