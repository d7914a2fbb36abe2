"""Inline SVG charts for the HTML debrief: no scripts, no fonts or files fetched.

Colour is never the only carrier of meaning: every series also has its own marker shape
and dash pattern, and the legend repeats both. The palette is Okabe and Ito's, which stays
distinguishable under the common colour-vision deficiencies and in greyscale print.
"""

from __future__ import annotations

from typing import Sequence

from markupsafe import Markup, escape

# Okabe-Ito, minus yellow (too pale on white paper).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "triangle-down", "plus")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4")

_INK = "#1f2933"
_GRID = "#d5dbe1"
_THRESHOLD = "#6b4c9a"
_LABEL_CHARS = 24


def _f(value: float) -> str:
    """Coordinates with at most one decimal, so the SVG stays small and golden-stable."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _short(text: str, limit: int = _LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def marker(shape: str, x: float, y: float, size: float, colour: str, *, filled: bool = True) -> str:
    """One marker as an SVG element; ``size`` is the half-width."""
    fill = colour if filled else "#ffffff"
    common = f'fill="{fill}" stroke="{colour}" stroke-width="1.5"'
    s = size
    if shape == "circle":
        return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(s)}" {common}/>'
    if shape == "square":
        return f'<rect x="{_f(x - s)}" y="{_f(y - s)}" width="{_f(2 * s)}" height="{_f(2 * s)}" {common}/>'
    if shape in ("cross", "plus"):
        if shape == "cross":
            d = f"M{_f(x - s)},{_f(y - s)}L{_f(x + s)},{_f(y + s)}M{_f(x - s)},{_f(y + s)}L{_f(x + s)},{_f(y - s)}"
        else:
            d = f"M{_f(x - s)},{_f(y)}L{_f(x + s)},{_f(y)}M{_f(x)},{_f(y - s)}L{_f(x)},{_f(y + s)}"
        return f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2.2"/>'
    if shape == "triangle":
        points = [(x, y - s * 1.15), (x + s * 1.1, y + s * 0.85), (x - s * 1.1, y + s * 0.85)]
    elif shape == "triangle-down":
        points = [(x, y + s * 1.15), (x + s * 1.1, y - s * 0.85), (x - s * 1.1, y - s * 0.85)]
    elif shape == "star":
        points = _star(x, y, s * 1.5)
    else:  # diamond
        points = [(x, y - s * 1.3), (x + s * 1.1, y), (x, y + s * 1.3), (x - s * 1.1, y)]
    pts = " ".join(f"{_f(px)},{_f(py)}" for px, py in points)
    return f'<polygon points="{pts}" {common}/>'


def _star(x: float, y: float, r: float) -> list[tuple[float, float]]:
    # Precomputed unit star (5 points, inner radius 0.45), so no trig at render time.
    unit = ((0, -1), (0.26, -0.36), (0.95, -0.31), (0.43, 0.14), (0.59, 0.81), (0, 0.45),
            (-0.59, 0.81), (-0.43, 0.14), (-0.95, -0.31), (-0.26, -0.36))
    return [(x + ux * r, y + uy * r) for ux, uy in unit]


def _svg_open(width: float, height: float, title: str, desc: str, css_class: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css_class}" viewBox="0 0 {_f(width)} {_f(height)}" '
        f'width="{_f(width)}" height="{_f(height)}" role="img" preserveAspectRatio="xMinYMin meet" '
        f'font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(desc)}</desc>",
    ]


def score_chart(*, title: str, series: Sequence[tuple[str, Sequence[int]]]) -> Markup:
    """Escalation score per delegation per turn (turn 1 first), one line per delegation."""
    n_points = max((len(values) for _, values in series), default=0)
    all_values = [v for _, values in series for v in values] or [0]
    low, high = min(0, min(all_values)), max(0, max(all_values))
    if high == low:
        high = low + 1
    left, right, top = 56.0, 24.0, 16.0
    inset = 14.0
    width, plot_h = 660.0, 190.0
    legend_rows = (len(series) + 2) // 3
    bottom = 40.0 + 20.0 * legend_rows
    plot_w = width - left - right
    height = top + plot_h + bottom

    def x_of(i: int) -> float:
        if n_points <= 1:
            return left + plot_w / 2
        return left + inset + i * (plot_w - 2 * inset) / (n_points - 1)

    def y_of(value: float) -> float:
        return top + plot_h - (value - low) * plot_h / (high - low)

    desc = "; ".join(f"{name}: " + ", ".join(str(v) for v in values) for name, values in series)
    out = _svg_open(width, height, title, desc, "score-chart")
    for tick in _ticks(low, high):
        y = y_of(tick)
        stroke = _INK if tick == 0 else _GRID
        out.append(f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(left + plot_w)}" y2="{_f(y)}" stroke="{stroke}" stroke-width="1"/>')
        out.append(f'<text x="{_f(left - 6)}" y="{_f(y + 4)}" text-anchor="end" fill="{_INK}">{tick}</text>')
    label_every = max(1, (n_points + 11) // 12)
    for i in range(n_points):
        if i % label_every and i != n_points - 1:
            continue
        out.append(
            f'<text x="{_f(x_of(i))}" y="{_f(top + plot_h + 16)}" text-anchor="middle" fill="{_INK}">{i + 1}</text>'
        )
    out.append(
        f'<text x="{_f(left + plot_w / 2)}" y="{_f(top + plot_h + 30)}" text-anchor="middle" '
        f'font-size="11" fill="{_INK}">turn</text>'
    )
    for k, (name, values) in enumerate(series):
        colour, shape, dash = PALETTE[k % len(PALETTE)], MARKERS[k % len(MARKERS)], DASHES[k % len(DASHES)]
        if values:
            points = " ".join(f"{_f(x_of(i))},{_f(y_of(v))}" for i, v in enumerate(values))
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
            if n_points <= 60:
                for i, v in enumerate(values):
                    out.append(marker(shape, x_of(i), y_of(v), 4.2, colour))
        lx = left + (k % 3) * (plot_w / 3)
        ly = top + plot_h + 48 + (k // 3) * 20
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line x1="{_f(lx)}" y1="{_f(ly)}" x2="{_f(lx + 28)}" y2="{_f(ly)}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        out.append(marker(shape, lx + 14, ly, 4.2, colour))
        out.append(f'<text x="{_f(lx + 36)}" y="{_f(ly + 4)}" fill="{_INK}">{escape(_short(name, 28))}</text>')
    out.append("</svg>")
    return Markup("\n".join(out))


def _ticks(low: float, high: float) -> list[int]:
    span = high - low
    raw = span / 5
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        step = candidate
        if candidate >= raw:
            break
    else:
        step = int(raw) + 1
    start = int(low // step) * step
    ticks = []
    value = start
    while value <= high + 1e-9:
        if value >= low - 1e-9:
            ticks.append(int(value))
        value += step
    return ticks
