"""The value/effort matrix of the Priorisierung page as an Altair chart (docs/planning.md, ranking).

Pure: no Streamlit. The page draws `matrix_chart(plan, lang)`; the export turns the same chart
into a PNG. Numbers in labels and tooltips are formatted here (German in German mode), so no
Vega format locale is needed.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
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

X_DOMAIN = (0.5, 5.9)  # effort axis around the 1–5 scale, with room for the labels of effort 5
Y_DOMAIN = (0.2, 5.8)  # value axis, with a strip above and below for the quadrants' names
POINT_ROOM = (0.6, 5.4)  # points stay inside this, clear of the names
GAP = 0.1  # how far a point on a midline is moved into its own quadrant
STEP = 0.16  # distance between points that share a spot
SPREAD = 0.6  # at most this wide and high is a group of points on one spot
TITLE_LABELS_UP_TO = 40  # up to this many measures points carry short titles, then ids
# Points of one cell stand 15 px apart: their labels stay at 15 px so they never print over each
# other (the whole title is in the tooltip and the ranking below; presenter mode enlarges them).
POINT_LABEL_SIZE = 15
ID_LABELS_UP_TO = 150  # beyond this many measures points carry no labels (tooltips only)

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


def _offsets(count: int) -> list[tuple[float, float]]:
    """Positions around a shared spot: a vertical stack for a few, a small grid for many."""
    if count <= 6:
        return [(0.0, ((count - 1) / 2 - i) * STEP) for i in range(count)]
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    step = min(STEP, SPREAD / max(columns - 1, rows - 1, 1))
    return [(((i % columns) - (columns - 1) / 2) * step, ((rows - 1) / 2 - i // columns) * step) for i in range(count)]


def _fit(offsets: list[float], true: float, midpoint: float) -> list[float]:
    """Coordinates around `true`, squeezed and moved to stay on its side of the midline and on the grid."""
    low, high = true - SPREAD / 2 - 0.05, true + SPREAD / 2 + 0.05
    if true >= midpoint:
        low = max(low, midpoint + GAP)
    else:
        high = min(high, midpoint - GAP)
    low, high = max(low, POINT_ROOM[0]), min(high, POINT_ROOM[1])
    width = max(offsets) - min(offsets)
    factor = min(1.0, (high - low) / width) if width > 0 and high > low else 1.0
    spots = [true + offset * factor for offset in offsets]
    if min(spots) < low:
        spots = [spot + low - min(spots) for spot in spots]
    elif max(spots) > high:
        spots = [spot - (max(spots) - high) for spot in spots]
    return [round(spot, 4) for spot in spots]


def _positions(ranking: tuple[Ranked, ...], midpoint: float) -> dict[str, tuple[float, float]]:
    """Plot positions (effort, value): measures on the same spot are spread a little, never across a midline."""
    groups: dict[tuple[str, float, float], list[Ranked]] = defaultdict(list)
    for item in ranking:
        groups[(item.quadrant, round(item.effort * 2) / 2, round(item.value * 2) / 2)].append(item)
    result: dict[str, tuple[float, float]] = {}
    for members in groups.values():
        offsets = _offsets(len(members))
        xs = _fit([dx for dx, _ in offsets], members[0].effort, midpoint)
        ys = _fit([dy for _, dy in offsets], members[0].value, midpoint)
        for member, x, y in zip(members, xs, ys, strict=True):
            result[member.measure.id] = (x, y)
    return result


def matrix_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """One row per measure of the ranking: what the matrix shows and its tooltip says."""
    count = len(plan.ranking)
    positions = _positions(plan.ranking, plan.profile.midpoint)
    yes, no = ("ja", "nein") if lang != "en" else ("yes", "no")
    rows: list[dict[str, Any]] = []
    for item in plan.ranking:
        measure = item.measure
        x, y = positions[measure.id]
        if count <= TITLE_LABELS_UP_TO:
            label = " ".join(measure.title.split())
        elif count <= ID_LABELS_UP_TO:
            label = measure.id
        else:
            label = ""
        rows.append(
            {
                "id": measure.id,
                "title": measure.title,
                "label": label,
                "field": field_name(measure.field, lang),
                "color": FIELD_COLORS[measure.field],
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


def _measures(count: int, words: dict[str, str], lang: str) -> list[alt.Chart]:
    """One point per measure coloured by field (faded if excluded), a ring around each must-have."""
    size = 320 if count <= TITLE_LABELS_UP_TO else 180 if count <= ID_LABELS_UP_TO else 70
    measures = named_data("measures")
    x, y = alt.X("x:Q", scale=_scale(X_DOMAIN)), alt.Y("y:Q", scale=_scale(Y_DOMAIN))
    points = measures.mark_circle(size=size, stroke="white", strokeWidth=1.5).encode(
        x=x,
        y=y,
        color=alt.Color("field:N", scale=field_scale(lang), title=words["field"]),
        opacity=alt.condition(alt.datum.excluded, alt.value(0.35), alt.value(0.95)),
        tooltip=_tooltip(words),
    )
    must = (
        measures.transform_filter(alt.datum.must_have)
        .mark_point(size=size * 1.9, shape="circle", filled=False, stroke=OUTLINE, strokeWidth=2.5)
        .encode(x=x, y=y, tooltip=_tooltip(words))
    )
    return [points, must]


def _labels(words: dict[str, str]) -> alt.Chart:
    """The measures' short titles (or ids) to the right of their points."""
    labels: alt.Chart = (
        named_data("measures")
        .transform_filter(alt.datum.label != "")
        # A label may run until just before the next column of points (the plot is 5.4 units wide).
        .mark_text(
            align="left",
            baseline="middle",
            dx=13,
            fontSize=POINT_LABEL_SIZE,
            color=INK,
            limit=alt.ExprRef(expr="max(40, width / 5.4 - 30)"),
        )
        .encode(
            x=alt.X("x:Q", scale=_scale(X_DOMAIN)),
            y=alt.Y("y:Q", scale=_scale(Y_DOMAIN)),
            text="label:N",
            opacity=alt.condition(alt.datum.excluded, alt.value(0.45), alt.value(1.0)),
            tooltip=_tooltip(words),
        )
    )
    return labels


def matrix_chart(plan: Plan, lang: str) -> alt.LayerChart:
    """The value/effort matrix: tinted quadrants, one point per measure coloured by field, labels, tooltips."""
    words = _words(lang)
    rows = matrix_rows(plan, lang)
    chart = (
        layered(*_quadrants(words), *_measures(len(rows), words, lang), _labels(words))
        .resolve_scale(color="independent")
        .properties(width=1200, height=600, title=alt.TitleParams(words["title"], subtitle=words["subtitle"]))
    )
    datasets = {"quadrants": quadrant_rows(plan.profile.midpoint, lang), "measures": rows}
    return with_datasets(projector_style(chart), datasets)
