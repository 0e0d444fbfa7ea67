"""The Gantt chart's legend as HTML above the chart (roadmap/charts/gantt_chart.py, gantt_legend): its entries
wrap with the page's width like text, in the page's font and size, so on a 1024 px projector beside long
measure names no entry runs past the chart (a legend inside the chart starts where its bars do)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from roadmap.views import escape

# Vega's named symbols as characters in the entry's colour; a square and the rectangles the chart draws as SVG
# paths (the baseline's bar, today's line) as boxes of that colour. Plain HTML and CSS: the page's HTML block
# keeps no SVG.
_CHARACTERS = {"diamond": "◆", "triangle-right": "▶"}
_RECTANGLE = re.compile(r"M(-?[\d.]+),(-?[\d.]+)H(-?[\d.]+)V(-?[\d.]+)H-?[\d.]+Z")
_EM = 0.85  # the symbol's square, in em of the legend's type

_STYLE = (
    "<style>.gantt-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 0.2em 1.2em; "
    "margin: 0 0 0.3em 0; font-size: 0.9em; line-height: 1.4; } .gantt-legend > span { white-space: nowrap; } "
    ".gantt-legend .symbol { display: inline-block; width: 0.85em; margin-right: 0.35em; text-align: center; "
    "vertical-align: middle; } .gantt-legend .box { display: inline-block; vertical-align: middle; }</style>"
)


def symbol_html(symbol: str, color: str) -> str:
    """A legend entry's symbol in its colour: Vega's square, diamond or triangle, or a rectangle given as the
    SVG path the chart draws it with (on the -1..1 square)."""
    tint = escape.html(color)
    if symbol in _CHARACTERS:
        return f'<span class="symbol" style="color: {tint}">{_CHARACTERS[symbol]}</span>'
    width, height = _EM, _EM
    found = _RECTANGLE.fullmatch(symbol)
    if found:
        x0, y0, x1, y1 = (float(number) for number in found.groups())
        width, height = abs(x1 - x0) / 2 * _EM, abs(y1 - y0) / 2 * _EM
    box = f'<span class="box" style="background: {tint}; width: {width:.2f}em; height: {height:.2f}em"></span>'
    return f'<span class="symbol">{box}</span>'


def legend_html(entries: Sequence[dict[str, Any]]) -> str:
    """The legend's entries ({key, color, symbol}, as gantt_legend gives them) as one wrapping line of HTML."""
    items = "".join(
        f"<span>{symbol_html(str(entry['symbol']), str(entry['color']))}{escape.html(str(entry['key']))}</span>"
        for entry in entries
    )
    return f'{_STYLE}<div class="gantt-legend" role="list">{items}</div>'
