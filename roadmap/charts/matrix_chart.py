"""The value/effort matrix of the Priorisierung page as an Altair chart (docs/planning.md, ranking).

Pure: no Streamlit. The page draws `matrix_chart(plan, lang)`; the export turns the same chart
into a PNG. Numbers in labels and tooltips are formatted here (German in German mode), so no
Vega format locale is needed.

A workshop's dots carry their rank, and the ranking table is their legend (issue 23): a title beside each
dot printed over its neighbours on a projector. The dots are laid out here, in pixels of the narrowest
screen, so that no two touch at any width; the whole title is in the tooltip.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import altair as alt

# maturity_chart and roadmap.views still import these from here: re-exported, their home is `style`.
from roadmap.charts.style import FONT_SIZES as FONT_SIZES
from roadmap.charts.style import GREEN, INK, OUTLINE, RED, layered, named_data, with_datasets
from roadmap.charts.style import field_name as field_name
from roadmap.charts.style import field_scale as field_scale
from roadmap.charts.style import projector_style as projector_style
from roadmap.domain import formats
from roadmap.domain.vocabulary import FIELD_COLORS
from roadmap.planning.plan import Plan
from roadmap.planning.ranking import FILLERS, QUADRANTS_EN, QUICK_WINS, STRATEGIC, TIME_SINKS, Ranked

X_DOMAIN = (0.5, 5.9)  # effort axis around the 1–5 scale, with room for the dots of effort 5
Y_DOMAIN = (0.2, 5.8)  # value axis, with a strip above and below for the quadrants' names
POINT_ROOM = (0.6, 5.4)  # dots stay inside this, clear of the names
RANK_LABELS_UP_TO = 40  # up to this many measures (a workshop) each dot carries its rank, beyond only tooltips
RANK_LABEL_SIZE = 15  # the rank inside a dot; presenter mode enlarges it to 21 px, which a 34 px dot still holds
# Dots are laid out in pixels of the narrowest plot the matrix is drawn in: 1024×768 beside the sidebar leaves
# about 690 px of width; the height is always 600 px. A wider screen only moves dots further apart.
PLOT_HEIGHT_PX = 600
NARROWEST_PLOT_PX = 640
PX_PER_X = NARROWEST_PLOT_PX / (X_DOMAIN[1] - X_DOMAIN[0])
PX_PER_Y = PLOT_HEIGHT_PX / (Y_DOMAIN[1] - Y_DOMAIN[0])
REACH = 6  # a dot looks for a free place at most this many steps from its own spot

# Light tints for the quadrants and stronger colours for their names.
QUADRANT_TINTS: dict[str, tuple[str, str]] = {
    QUICK_WINS: ("#E3F4E1", GREEN),
    STRATEGIC: ("#E2ECF7", "#1F4E79"),
    FILLERS: ("#F1F1F1", "#5F5F5F"),
    TIME_SINKS: ("#FBE4E2", RED),
}


@functools.lru_cache(maxsize=4096)
def number_text(value: float, lang: str, digits: int) -> str:
    """A number in the language's format (cached: a chart formats the same few figures many times)."""
    return formats.number(value, lang, digits)


def quadrant_name(name: str, lang: str) -> str:
    """A quadrant's name in the language."""
    return QUADRANTS_EN.get(name, name) if lang == "en" else name


@dataclass(frozen=True)
class Dots:
    """The dots of a matrix: their diameter in pixels, grown by the ring of a must-have, and the space between."""

    diameter: int

    @property
    def ring(self) -> int:
        """Diameter of a must-have's ring."""
        return self.diameter + 7

    @property
    def spacing(self) -> int:
        """Least distance between two dots' centres: rings never touch, nor the numbers inside."""
        return self.ring + 3

    @property
    def size(self) -> float:
        """Vega's size of a dot: its area in square pixels."""
        return round(math.pi / 4 * self.diameter**2, 1)

    @property
    def ring_size(self) -> float:
        """Vega's size of a must-have's ring."""
        return round(math.pi / 4 * self.ring**2, 1)


def dots_for(count: int) -> Dots:
    """Large dots that hold a rank number for a workshop, smaller ones for a catalogue, small ones for hundreds."""
    return Dots(34) if count <= RANK_LABELS_UP_TO else Dots(15) if count <= 150 else Dots(9)


# Steps around a dot's own spot, nearest first; at equal distance above, below, right, left: the ranks of one
# spot then read from the top left (`_positions`) with the best of them on the spot or next to it.
_LATTICE = sorted(
    ((i, j) for i in range(-REACH, REACH + 1) for j in range(-REACH, REACH + 1)),
    key=lambda step: (step[0] ** 2 + step[1] ** 2, abs(step[0]), -step[1], -step[0]),
)


def _room(true: float, midpoint: float, radius: float) -> tuple[float, float]:
    """Where a dot's centre may lie on one axis: inside the plot's room and wholly on its side of the midline."""
    low, high = POINT_ROOM[0] + radius, POINT_ROOM[1] - radius
    if true >= midpoint:
        return max(low, midpoint + radius), high
    return low, min(high, midpoint - radius)


class _Taken:
    """Centres of the dots placed so far (in pixels of the narrowest plot), found by a grid of `spacing`."""

    def __init__(self, spacing: float) -> None:
        self.spacing = spacing
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)

    def _cell(self, px: float, py: float) -> tuple[int, int]:
        return math.floor(px / self.spacing), math.floor(py / self.spacing)

    def free(self, px: float, py: float) -> bool:
        """True if a dot centred here keeps `spacing` from every dot placed so far."""
        cx, cy = self._cell(px, py)
        return all(
            (px - ox) ** 2 + (py - oy) ** 2 >= self.spacing**2 - 1e-6
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for ox, oy in self.cells.get((cx + dx, cy + dy), ())
        )

    def add(self, px: float, py: float) -> None:
        self.cells[self._cell(px, py)].append((px, py))


def _free_spot(item: Ranked, midpoint: float, dots: Dots, taken: _Taken) -> tuple[float, float]:
    """The free place nearest to the measure's (effort, value) in its own quadrant (its spot if none is free)."""
    radius = dots.ring / 2
    low_x, high_x = _room(item.effort, midpoint, radius / PX_PER_X)
    low_y, high_y = _room(item.value, midpoint, radius / PX_PER_Y)
    x0, y0 = min(max(item.effort, low_x), high_x), min(max(item.value, low_y), high_y)
    step_x, step_y = dots.spacing / PX_PER_X, dots.spacing / PX_PER_Y
    for i, j in _LATTICE:
        x, y = x0 + i * step_x, y0 + j * step_y
        inside = low_x - 1e-9 <= x <= high_x + 1e-9 and low_y - 1e-9 <= y <= high_y + 1e-9
        if inside and taken.free(x * PX_PER_X, y * PX_PER_Y):
            taken.add(x * PX_PER_X, y * PX_PER_Y)
            return round(x, 4), round(y, 4)
    return round(x0, 4), round(y0, 4)


def _positions(ranking: tuple[Ranked, ...], midpoint: float, dots: Dots) -> dict[str, tuple[float, float]]:
    """Plot positions (effort, value): every dot as near its spot as others leave room, never across a midline,
    and measures on one spot in rank order from the top left."""
    taken = _Taken(dots.spacing)
    placed = {item.measure.id: _free_spot(item, midpoint, dots, taken) for item in ranking}
    shared: dict[tuple[float, float], list[str]] = defaultdict(list)
    for item in ranking:
        shared[(item.effort, item.value)].append(item.measure.id)
    for ids in shared.values():
        for ident, spot in zip(ids, sorted((placed[i] for i in ids), key=lambda s: (-s[1], s[0])), strict=True):
            placed[ident] = spot
    return placed


def _luminance(color: str) -> float:
    """Relative luminance of a '#RRGGBB' colour (WCAG 2)."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def number_ink(color: str) -> str:
    """White or dark ink for a number on a dot of `color`, whichever contrasts more."""
    light = _luminance(color)
    return "#FFFFFF" if 1.05 / (light + 0.05) > (light + 0.05) / (_luminance(INK) + 0.05) else INK


def matrix_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """One row per measure of the ranking: what the matrix shows (its rank in the dot) and its tooltip says."""
    count = len(plan.ranking)
    positions = _positions(plan.ranking, plan.profile.midpoint, dots_for(count))
    yes, no = ("ja", "nein") if lang != "en" else ("yes", "no")
    rows: list[dict[str, Any]] = []
    for item in plan.ranking:
        measure = item.measure
        x, y = positions[measure.id]
        color = FIELD_COLORS[measure.field]
        rows.append(
            {
                "id": measure.id,
                "title": measure.title,
                "label": str(item.rank) if count <= RANK_LABELS_UP_TO else "",
                "ink": INK if measure.excluded else number_ink(color),
                "field": field_name(measure.field, lang),
                "color": color,
                "value": item.value,
                "effort": item.effort,
                "x": x,
                "y": y,
                "value_text": number_text(item.value, lang, 1),
                "effort_text": number_text(item.effort, lang, 1),
                "score": item.score,
                "score_text": number_text(item.score, lang, 2),
                "rank": item.rank,
                "votes": measure.votes,
                "quadrant": quadrant_name(item.quadrant, lang),
                "must_have": measure.must_have,
                "excluded": measure.excluded,
                "must_have_text": yes if measure.must_have else no,
                "excluded_text": yes if measure.excluded else no,
            }
        )
    return rows


def quadrant_rows(midpoint: float, lang: str) -> list[dict[str, Any]]:
    """The four tinted quadrants with their names, split at the midpoint."""
    (left, right), (bottom, top) = X_DOMAIN, Y_DOMAIN
    corners = {
        QUICK_WINS: (left, midpoint, midpoint, top, "left", "top"),
        STRATEGIC: (midpoint, right, midpoint, top, "right", "top"),
        FILLERS: (left, midpoint, bottom, midpoint, "left", "bottom"),
        TIME_SINKS: (midpoint, right, bottom, midpoint, "right", "bottom"),
    }
    rows: list[dict[str, Any]] = []
    for name, (x, x2, y, y2, align, baseline) in corners.items():
        tint, ink = QUADRANT_TINTS[name]
        rows.append(
            {
                "name": quadrant_name(name, lang),
                "x": x,
                "x2": x2,
                "y": y,
                "y2": y2,
                "tint": tint,
                "ink": ink,
                "label_x": x + 0.06 if align == "left" else x2 - 0.06,
                "label_y": y2 - 0.04 if baseline == "top" else y + 0.04,
                "align": align,
                "baseline": baseline,
            }
        )
    return [row for row in rows if row["x2"] > row["x"] and row["y2"] > row["y"]]


def _words(lang: str) -> dict[str, str]:
    """The chart's titles, axes and tooltips in the language."""
    if lang == "en":
        return {
            "title": "Value and effort of the measures",
            "subtitle": "Colour = field of action, ring = must-have, faded = excluded. Hover a point for details.",
            "numbers": "Number in a point = rank in the ranking. ",
            "x": "Effort (1 = small, 5 = large)",
            "y": "Value (1 = small, 5 = large)",
            "measure": "Measure",
            "field": "Field of action",
            "value": "Value",
            "effort": "Effort",
            "score": "Score",
            "rank": "Rank",
            "votes": "Votes",
            "quadrant": "Quadrant",
            "must": "Must-have",
            "excluded": "Excluded",
        }
    return {
        "title": "Nutzen und Aufwand der Maßnahmen",
        "subtitle": "Farbe = Handlungsfeld, Ring = Muss-Maßnahme, blass = ausgeschlossen. "
        "Details beim Zeigen auf einen Punkt.",
        "numbers": "Zahl im Punkt = Rang in der Rangliste. ",
        "x": "Aufwand (1 = gering, 5 = hoch)",
        "y": "Nutzen (1 = gering, 5 = hoch)",
        "measure": "Maßnahme",
        "field": "Handlungsfeld",
        "value": "Nutzen",
        "effort": "Aufwand",
        "score": "Score",
        "rank": "Rang",
        "votes": "Stimmen",
        "quadrant": "Quadrant",
        "must": "Muss",
        "excluded": "Ausgeschlossen",
    }


def _scale(domain: tuple[float, float]) -> alt.Scale:
    """A fixed axis range: the quadrants and their names always sit in the same place."""
    return alt.Scale(domain=list(domain), nice=False, zero=False)


def _quadrants(words: dict[str, str]) -> list[alt.Chart | alt.LayerChart]:
    """The four tinted quadrants (they carry both axes) and their names in the outer corners."""
    ticks = [1, 2, 3, 4, 5]
    quadrants = named_data("quadrants")
    tints = quadrants.mark_rect(stroke="white", strokeWidth=3).encode(
        x=alt.X("x:Q", scale=_scale(X_DOMAIN), axis=alt.Axis(values=ticks, title=words["x"], grid=False, tickCount=5)),
        x2="x2:Q",
        y=alt.Y("y:Q", scale=_scale(Y_DOMAIN), axis=alt.Axis(values=ticks, title=words["y"], grid=False, tickCount=5)),
        y2="y2:Q",
        color=alt.Color("tint:N", scale=None, legend=None),
        tooltip=[alt.Tooltip("name:N", title=words["quadrant"])],
    )
    named = quadrants.encode(
        x="label_x:Q",
        y="label_y:Q",
        text="name:N",
        color=alt.Color("ink:N", scale=None, legend=None),
        tooltip=[alt.Tooltip("name:N", title=words["quadrant"])],
    )
    names = layered(
        *(
            named.transform_filter((alt.datum.align == align) & (alt.datum.baseline == baseline)).mark_text(
                fontSize=24, fontWeight="bold", opacity=0.85, align=align, baseline=baseline
            )
            for align in ("left", "right")
            for baseline in ("top", "bottom")
        )
    )
    return [tints, names]


def _tooltip(words: dict[str, str]) -> list[alt.Tooltip]:
    """What hovering a measure tells: title, field, value, effort, score, rank, votes, quadrant, flags."""
    return [
        alt.Tooltip("title:N", title=words["measure"]),
        alt.Tooltip("field:N", title=words["field"]),
        alt.Tooltip("value_text:N", title=words["value"]),
        alt.Tooltip("effort_text:N", title=words["effort"]),
        alt.Tooltip("score_text:N", title=words["score"]),
        alt.Tooltip("rank:Q", title=words["rank"]),
        alt.Tooltip("votes:Q", title=words["votes"]),
        alt.Tooltip("quadrant:N", title=words["quadrant"]),
        alt.Tooltip("must_have_text:N", title=words["must"]),
        alt.Tooltip("excluded_text:N", title=words["excluded"]),
    ]


def _measures(dots: Dots, words: dict[str, str], lang: str) -> list[alt.Chart]:
    """One point per measure coloured by field (faded if excluded), a ring around each must-have."""
    measures = named_data("measures")
    x, y = alt.X("x:Q", scale=_scale(X_DOMAIN)), alt.Y("y:Q", scale=_scale(Y_DOMAIN))
    points = measures.mark_circle(size=dots.size, stroke="white", strokeWidth=1.5).encode(
        x=x,
        y=y,
        color=alt.Color("field:N", scale=field_scale(lang), title=words["field"]),
        opacity=alt.condition(alt.datum.excluded, alt.value(0.35), alt.value(0.95)),
        tooltip=_tooltip(words),
    )
    must = (
        measures.transform_filter(alt.datum.must_have)
        .mark_point(size=dots.ring_size, shape="circle", filled=False, stroke=OUTLINE, strokeWidth=2.5)
        .encode(x=x, y=y, tooltip=_tooltip(words))
    )
    return [points, must]


def _labels(words: dict[str, str]) -> alt.Chart:
    """Each measure's rank inside its dot, in the ink that reads best on the dot's colour: the ranking below
    is the legend, the whole title is in the tooltip."""
    labels: alt.Chart = (
        named_data("measures")
        .transform_filter(alt.datum.label != "")
        .mark_text(align="center", baseline="middle", fontSize=RANK_LABEL_SIZE, fontWeight="bold")
        .encode(
            x=alt.X("x:Q", scale=_scale(X_DOMAIN)),
            y=alt.Y("y:Q", scale=_scale(Y_DOMAIN)),
            text="label:N",
            color=alt.Color("ink:N", scale=None, legend=None),
            opacity=alt.condition(alt.datum.excluded, alt.value(0.6), alt.value(1.0)),
            tooltip=_tooltip(words),
        )
    )
    return labels


def matrix_chart(plan: Plan, lang: str) -> alt.LayerChart:
    """The value/effort matrix: tinted quadrants, one point per measure coloured by field, labels, tooltips."""
    words = _words(lang)
    rows = matrix_rows(plan, lang)
    subtitle = (words["numbers"] if len(rows) <= RANK_LABELS_UP_TO else "") + words["subtitle"]
    chart = (
        layered(*_quadrants(words), *_measures(dots_for(len(rows)), words, lang), _labels(words))
        .resolve_scale(color="independent")
        .properties(width=1200, height=PLOT_HEIGHT_PX, title=alt.TitleParams(words["title"], subtitle=subtitle))
    )
    datasets = {"quadrants": quadrant_rows(plan.profile.midpoint, lang), "measures": rows}
    return with_datasets(projector_style(chart), datasets)
