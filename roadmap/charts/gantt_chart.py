"""The Gantt chart of the Roadmap page as an Altair chart (docs/planning.md, phases and milestones).

Pure: no Streamlit. Time is drawn on the planner's month grid: x counts months from the horizon
start (a bar from month index s to e covers [s, e + 1)), so month names come from babel in the
session's language and no time zone or Vega locale can shift a bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt

from roadmap.charts.gantt_baseline import CAPTION, ghost_bars, ghost_rows
from roadmap.charts.gantt_rows import (
    dependency_rows,
    gantt_height,
    gantt_rows,
    gantt_texts,
    horizon_length,
    month_labels,
    phase_rows,
    today_position,
)
from roadmap.charts.style import (
    FONT_SIZES,
    INK,
    MUTED_INK,
    OUTLINE,
    field_scale,
    layered,
    named_data,
    projector_style,
    with_datasets,
)
from roadmap.domain import formats
from roadmap.domain.profile import Profile
from roadmap.planning.plan import Plan

CHART_WIDTH = 1500
MILESTONE_COLOR = INK
TODAY_COLOR = "#C62828"
DEPENDENCY_COLOR = MUTED_INK
PHASE_INK = "#33414E"
PHASE_EDGE_COLOR = "#9AA5B1"
NAME_ROOM = 60  # pixels below which a phase band shows its number instead of its name
# Vega: the measures' titles take at most 40 % of the page's width (all of 460 px in a PNG).
LABEL_LIMIT = "containerSize()[0] > 0 ? clamp(containerSize()[0] * 0.4, 150, 460) : 460"
BOTTOM_AXIS_FROM = 15  # bars from which the months are repeated below the chart


# Layers: each draws one part of the chart on the axes every layer shares.


@dataclass(frozen=True)
class _Axes:
    """What the layers share: the words, the month axis (x) and one row per measure below the milestones (y)."""

    words: dict[str, Any]
    x_scale: alt.Scale
    x_axis: alt.Axis  # the months on top, and once more below the bars of a tall chart
    y_scale: alt.Scale
    y_axis: alt.Axis
    order: list[str]  # the milestone row, then the measures' labels in start order

    def at(self, field: str) -> alt.X:
        """A position on the month axis without an axis of its own."""
        return alt.X(f"{field}:Q", scale=self.x_scale, axis=None)

    def row(self, field: str) -> alt.Y:
        """A row of the chart: a measure's label, or the milestone row."""
        return alt.Y(f"{field}:N", sort=self.order, scale=self.y_scale, axis=self.y_axis)


def _month_axis(profile: Profile, lang: str) -> alt.Axis:
    """Month names at the top, every month up to two years, else every third; smaller type for long horizons."""
    length = horizon_length(profile)
    step = 1 if length <= 24 else 3
    label_expr = "[" + ",".join(repr(text) for text in month_labels(profile, lang)) + "][floor(datum.value)]"
    return alt.Axis(
        values=[i + 0.5 for i in range(0, length, step)],
        labelExpr=label_expr,
        title=None,
        grid=False,
        ticks=False,
        orient="top",
        labelAngle=0,
        labelFontSize=FONT_SIZES["axis_label"] - (2 if length > 12 else 0),
    )


def _axes(plan: Plan, rows: list[dict[str, Any]], lang: str) -> _Axes:
    """The shared axes of the chart: the horizon's months across, the milestone row and the bars down."""
    words = gantt_texts(lang)
    order = [words["milestones"], *(row["label"] for row in rows)]
    x_scale = alt.Scale(domain=[0, horizon_length(plan.profile)], nice=False, zero=False)
    y_scale = alt.Scale(domain=order, paddingInner=0.25, paddingOuter=0.1)
    label_size = FONT_SIZES["axis_label"] if len(rows) <= 40 else FONT_SIZES["label"]
    # The titles take at most ~40 % of the chart's width (cut with "…" on a small screen; the bar's
    # tooltip has the whole title).
    y_axis = alt.Axis(
        title=None, labelLimit=alt.ExprRef(expr=LABEL_LIMIT), labelFontSize=label_size, domain=False, ticks=False
    )
    return _Axes(words, x_scale, _month_axis(plan.profile, lang), y_scale, y_axis, order)


def _phase_tooltip(words: dict[str, Any]) -> list[alt.Tooltip]:
    """What hovering a phase tells: its name, its milestone's day and how many measures are finished by then."""
    return [
        alt.Tooltip("name:N", title=words["phase"]),
        alt.Tooltip("day_text:N", title=words["milestone"]),
        alt.Tooltip("finished:Q", title=words["finished"]),
    ]


def _phase_bands(axes: _Axes, tall: bool) -> list[alt.Chart]:
    """Alternating tints per phase (they carry the month axis), dashed lines at each phase's end."""
    bands = named_data("phases")
    rects = bands.mark_rect().encode(
        x=alt.X("start:Q", scale=axes.x_scale, axis=axes.x_axis),
        x2="end:Q",
        color=alt.Color("tint:N", scale=None, legend=None),
        tooltip=_phase_tooltip(axes.words),
    )
    # A second month axis at the bottom when the chart is taller than a screen.
    bottom_axis = axes.x_axis.copy()
    bottom_axis.orient = "bottom"
    edges = bands.mark_rule(color=PHASE_EDGE_COLOR, strokeWidth=1, strokeDash=[4, 4]).encode(
        x=alt.X("end:Q", scale=axes.x_scale, axis=bottom_axis if tall else None), tooltip=_phase_tooltip(axes.words)
    )
    return [rects, edges]


def _milestones(axes: _Axes) -> list[alt.Chart]:
    """The phases' names in the milestone row, and a diamond at each phase's end."""
    bands = named_data("phases")
    # A phase's name takes at most its share of the plot's width, less room for the diamond; a band
    # too narrow for more than a few letters of it (a phase of one month) shows the phase's number.
    room = "width * datum.share - 40"
    names = (
        bands.transform_calculate(label=f"{room} < {NAME_ROOM} ? datum.number : datum.name")
        .mark_text(
            fontSize=FONT_SIZES["legend"],
            fontWeight="bold",
            color=PHASE_INK,
            limit=alt.ExprRef(expr=f"max(40, {room})"),
        )
        .encode(x=axes.at("middle"), y=axes.row("row"), text="label:N", tooltip=_phase_tooltip(axes.words))
    )
    diamonds = bands.mark_point(shape="diamond", filled=True, size=420, color=MILESTONE_COLOR, opacity=1).encode(
        x=axes.at("end"), y=axes.row("row"), tooltip=_phase_tooltip(axes.words)
    )
    return [names, diamonds]


def _measure_tooltip(words: dict[str, Any]) -> list[alt.Tooltip]:
    """What hovering a bar tells: measure, field, start, end, duration, phase, status."""
    return [
        alt.Tooltip("title:N", title=words["measure"]),
        alt.Tooltip("field:N", title=words["field"]),
        alt.Tooltip("start_text:N", title=words["start"]),
        alt.Tooltip("end_text:N", title=words["end"]),
        alt.Tooltip("months:Q", title=words["months"]),
        alt.Tooltip("phase:N", title=words["phase"]),
        alt.Tooltip("status:N", title=words["status"]),
    ]


def _bars(axes: _Axes, lang: str) -> list[alt.Chart]:
    """A bar per measure in its field's colour, outlined black while in progress."""
    measures, tooltip = named_data("measures"), _measure_tooltip(axes.words)
    bars = measures.mark_bar(cornerRadius=4).encode(
        x=axes.at("start"),
        x2="end:Q",
        y=axes.row("label"),
        color=alt.Color("field:N", scale=field_scale(lang), title=axes.words["field"]),
        tooltip=tooltip,
    )
    committed = (
        measures.transform_filter(alt.datum.committed)
        .mark_bar(cornerRadius=4, fillOpacity=0, stroke=OUTLINE, strokeWidth=3)
        .encode(x=axes.at("start"), x2="end:Q", y=axes.row("label"), tooltip=tooltip)
    )
    return [bars, committed]


def _begins_earlier(axes: _Axes) -> alt.Chart:
    """A white arrowhead inside a bar that began before the horizon."""
    earlier: alt.Chart = (
        named_data("measures")
        .transform_filter(alt.datum.begins_earlier)
        .mark_point(shape="triangle-left", filled=True, size=110, color="#FFFFFF", opacity=1, xOffset=9)
        .encode(x=axes.at("start"), y=axes.row("label"), tooltip=_measure_tooltip(axes.words))
    )
    return earlier


def _links(axes: _Axes) -> tuple[alt.Chart, alt.Chart]:
    """Grey steps from a prerequisite's end to its dependent's start, and an arrowhead at the dependent."""
    links = named_data("links")
    lines = links.mark_line(color=DEPENDENCY_COLOR, strokeWidth=1.5, opacity=0.7, interpolate="step-before").encode(
        x=axes.at("x"),
        y=axes.row("label"),
        detail="link:N",
        order="step:Q",
        tooltip=[alt.Tooltip("from:N", title=axes.words["needs"])],
    )
    arrows = (
        links.transform_filter(alt.datum.step == 1)
        .mark_point(shape="triangle-right", filled=True, size=90, color=DEPENDENCY_COLOR, opacity=0.9)
        .encode(x=axes.at("x"), y=axes.row("label"), tooltip=[alt.Tooltip("from:N", title=axes.words["needs"])])
    )
    return lines, arrows


def _today(axes: _Axes) -> alt.Chart:
    """A red line at today (the one row of the dataset 'today'), its caption as tooltip."""
    today: alt.Chart = (
        named_data("today")
        .mark_rule(color=TODAY_COLOR, strokeWidth=3)
        .encode(x=axes.at("x"), tooltip=alt.Tooltip("text:N", title=axes.words["today"]))
    )
    return today


def gantt_chart(plan: Plan, lang: str, today: date | None = None, baseline: Plan | None = None) -> alt.LayerChart:
    """The roadmap's Gantt chart: bars per field, phase bands, milestone diamonds, links, today line, and the
    baseline's ghost bars when a baseline is given (roadmap/charts/gantt_baseline.py)."""
    rows = gantt_rows(plan, lang)
    axes = _axes(plan, rows, lang)
    lines, arrows = _links(axes)
    layers = [*_phase_bands(axes, len(rows) > BOTTOM_AXIS_FROM), lines, *_bars(axes, lang), _begins_earlier(axes)]
    layers += [arrows, *_milestones(axes)]
    datasets = {"phases": phase_rows(plan, lang), "measures": rows, "links": dependency_rows(plan)}
    subtitle = list(axes.words["subtitle"])
    position = today_position(plan.profile, today)
    if today is not None and position is not None:
        caption = axes.words["today_line"](formats.day(today, lang))
        layers.append(_today(axes))
        datasets["today"] = [{"x": position, "text": caption}]
        subtitle.append(caption)
    if baseline is not None:
        layers.append(ghost_bars(axes.at, axes.row("label"), lang))
        datasets["baseline"] = ghost_rows(plan, baseline, {row["id"]: row["label"] for row in rows}, lang)
        subtitle.append(CAPTION("en" if lang == "en" else "de"))
    chart = (
        layered(*layers)
        .resolve_scale(color="independent")
        .resolve_axis(x="independent")
        .properties(
            width=CHART_WIDTH,
            padding={"left": 5, "top": 5, "right": 24, "bottom": 5},  # room for the last milestone's diamond
            height=gantt_height(plan),
            title=alt.TitleParams(axes.words["title"], subtitle=subtitle),
        )
    )
    return with_datasets(projector_style(chart, legend="top"), datasets)
