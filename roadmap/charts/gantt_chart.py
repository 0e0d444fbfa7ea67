"""The Gantt chart of the Roadmap page as an Altair chart (docs/planning.md, phases and milestones).

Pure: no Streamlit. Time is drawn on the planner's month grid: x counts months from the horizon
start (a bar from month index s to e covers [s, e + 1)), so month names come from babel in the
session's language and no time zone or Vega locale can shift a bar. A bar's colour is its measure's
state (roadmap.planning.followup.status); the legend names the colours and every other mark, and the
sentences that explain the chart stand below it on the page (`gantt_captions`), not inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt

from roadmap.charts.gantt_baseline import CAPTION, GHOST_COLOR, ghost_bars, ghost_rows
from roadmap.charts.gantt_rows import (
    CHROME_HEIGHT,
    GANTT_STATES,
    STATE_COLORS,
    dependency_rows,
    gantt_height,
    gantt_rows,
    gantt_texts,
    month_labels,
    phase_rows,
    row_height,
    shown_length,
    shown_phases,
    state_name,
    today_position,
)
from roadmap.charts.style import (
    FONT_SIZES,
    INK,
    MUTED_INK,
    layered,
    named_data,
    projector_style,
    with_datasets,
)
from roadmap.domain import formats
from roadmap.planning.plan import Plan

CHART_WIDTH = 1500
MILESTONE_COLOR = INK
TODAY_COLOR = "#7B1FA2"  # violet: apart from the late bars' orange-red and the done bars' green
DEPENDENCY_COLOR = MUTED_INK
PHASE_INK = "#33414E"
PHASE_EDGE_COLOR = "#9AA5B1"
PADDING_INNER = 0.25  # of a row between two bars
# Vega: the measures' titles take at most half of the page's width (all of 640 px in a PNG).
LABEL_LIMIT = "containerSize()[0] > 0 ? clamp(containerSize()[0] * 0.5, 150, 640) : 640"
MONTHLY_UP_TO = 13  # months: "Jan 2027" beside "Dez" and "Feb" needs about 1/13 of a 1920 px screen
BOTTOM_AXIS_FROM = 15  # bars from which the months are repeated below a chart that has no room to fit
# Legend symbols: a square per state, and the shapes of the other marks (SVG paths on a -1..1 square).
_SQUARE, _TODAY_SYMBOL, _BASELINE_SYMBOL = "square", "M-0.2,-1H0.2V1H-0.2Z", "M-1,-0.35H1V0.35H-1Z"


@dataclass(frozen=True)
class Room:
    """Where the chart is drawn: at most `height` pixels high in all (None: as tall as ROW_HEIGHT rows make
    it), its type enlarged `type_scale` times afterwards (presenter mode; ui/charts.py)."""

    height: int | None = None
    type_scale: float = 1.0


# Layers: each draws one part of the chart on the axes every layer shares.


@dataclass(frozen=True)
class _Axes:
    """What the layers share: the words, the month axis (x) and one row per measure below the milestones (y)."""

    words: dict[str, Any]
    x_scale: alt.Scale
    x_axis: alt.Axis  # the months on top, and once more below the bars of a chart taller than its room
    y_scale: alt.Scale
    y_axis: alt.Axis
    order: list[str]  # the milestone row, then the measures' labels in start order
    row_px: int  # pixels per row
    type_px: float  # the phase names' and legend's type size as drawn (type scale applied)

    def at(self, field: str) -> alt.X:
        """A position on the month axis without an axis of its own."""
        return alt.X(f"{field}:Q", scale=self.x_scale, axis=None)

    def row(self, field: str) -> alt.Y:
        """A row of the chart: a measure's label, or the milestone row."""
        return alt.Y(f"{field}:N", scale=self.y_scale, axis=self.y_axis)  # the scale's domain is the order


def _month_axis(plan: Plan, lang: str) -> alt.Axis:
    """Month names at the top: every month up to MONTHLY_UP_TO months, else every third; a label that would
    touch its neighbour on a narrow screen is left out."""
    length = shown_length(plan)
    step = 1 if length <= MONTHLY_UP_TO else 3
    label_expr = "[" + ",".join(repr(text) for text in month_labels(plan.profile, lang)) + "][floor(datum.value)]"
    return alt.Axis(
        values=[i + 0.5 for i in range(0, length, step)],
        labelExpr=label_expr,
        title=None,
        grid=False,
        ticks=False,
        orient="top",
        labelAngle=0,
        labelFontSize=FONT_SIZES["axis_label"],
        labelOverlap=True,
        labelSeparation=10,
    )


def _axes(plan: Plan, rows: list[dict[str, Any]], lang: str, room: Room) -> _Axes:
    """The shared axes of the chart: the months shown across, the milestone row and the bars down."""
    words = gantt_texts(lang)
    order = [words["milestones"], *(row["label"] for row in rows)]
    x_scale = alt.Scale(domain=[0, shown_length(plan)], nice=False, zero=False)
    y_scale = alt.Scale(domain=order, paddingInner=PADDING_INNER, paddingOuter=0.1)
    # The titles take what they need up to half the chart's width (the bar's tooltip has the whole title).
    y_axis = alt.Axis(
        title=None,
        labelLimit=alt.ExprRef(expr=LABEL_LIMIT),
        labelFontSize=FONT_SIZES["axis_label"],
        domain=False,
        ticks=False,
    )
    row_px = row_height(room.height, len(order), room.type_scale)
    type_px = FONT_SIZES["legend"] * room.type_scale
    return _Axes(words, x_scale, _month_axis(plan, lang), y_scale, y_axis, order, row_px, type_px)


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
    # A second month axis at the bottom when the chart is taller than its room.
    bottom_axis = axes.x_axis.copy()
    bottom_axis.orient = "bottom"
    edges = bands.mark_rule(color=PHASE_EDGE_COLOR, strokeWidth=1, strokeDash=[4, 4]).encode(
        x=alt.X("end:Q", scale=axes.x_scale, axis=bottom_axis if tall else None), tooltip=_phase_tooltip(axes.words)
    )
    return [rects, edges]


def _milestones(axes: _Axes) -> list[alt.Chart]:
    """The phases' whole names in the milestone row, and a diamond at each phase's end."""
    bands = named_data("phases")
    # A phase's name in one line where its band has room for it beside the diamonds, else its number
    # (a phase of one month on a small screen); the captions below the chart name every phase.
    room = "width * datum.share - 28"
    names = (
        bands.transform_calculate(label=f"datum.name_em * {axes.type_px} <= {room} ? datum.name : datum.number")
        .mark_text(
            fontSize=FONT_SIZES["legend"],
            fontWeight="bold",
            color=PHASE_INK,
            limit=alt.ExprRef(expr=f"max(24, {room})"),
        )
        .encode(x=axes.at("middle"), y=axes.row("row"), text="label:N", tooltip=_phase_tooltip(axes.words))
    )
    diamonds = bands.mark_point(shape="diamond", filled=True, size=380, color=MILESTONE_COLOR, opacity=1).encode(
        x=axes.at("end"), y=axes.row("row"), tooltip=_phase_tooltip(axes.words)
    )
    return [names, diamonds]


def _measure_tooltip(words: dict[str, Any]) -> list[alt.Tooltip]:
    """What hovering a bar tells: measure, where it stands, field, start, end, duration, phase, status."""
    return [
        alt.Tooltip("title:N", title=words["measure"]),
        alt.Tooltip("state:N", title=words["state"]),
        alt.Tooltip("field:N", title=words["field"]),
        alt.Tooltip("start_text:N", title=words["start"]),
        alt.Tooltip("end_text:N", title=words["end"]),
        alt.Tooltip("months:Q", title=words["months"]),
        alt.Tooltip("phase:N", title=words["phase"]),
        alt.Tooltip("status:N", title=words["status"]),
    ]


def _bars(axes: _Axes, lang: str) -> alt.Chart:
    """A bar per measure in the colour of its state (the legend names the colours)."""
    states = alt.Scale(domain=[state_name(s, lang) for s in GANTT_STATES], range=list(STATE_COLORS.values()))
    bars: alt.Chart = (
        named_data("measures")
        .mark_bar(cornerRadius=4)
        .encode(
            x=axes.at("start"),
            x2="end:Q",
            y=axes.row("label"),
            color=alt.Color("state:N", scale=states, legend=None),
            tooltip=_measure_tooltip(axes.words),
        )
    )
    return bars


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
    """A violet line at today (the one row of the dataset 'today'), its caption as tooltip."""
    today: alt.Chart = (
        named_data("today")
        .mark_rule(color=TODAY_COLOR, strokeWidth=3)
        .encode(x=axes.at("x"), tooltip=alt.Tooltip("text:N", title=axes.words["today"]))
    )
    return today


def legend_rows(lang: str, links: bool, baseline: bool, today: bool) -> list[dict[str, Any]]:
    """The legend's entries: the four states' colours, then the marks the chart draws (prerequisite links,
    milestones, the baseline's ghost bars, today), each with its colour and symbol."""
    words = gantt_texts(lang)
    entries = [(state_name(s, lang), STATE_COLORS[s], _SQUARE) for s in GANTT_STATES]
    entries += [(words["needs"], DEPENDENCY_COLOR, "triangle-right")] if links else []
    entries += [(words["milestone"], MILESTONE_COLOR, "diamond")]
    entries += [(words["baseline"], GHOST_COLOR, _BASELINE_SYMBOL)] if baseline else []
    entries += [(words["today"], TODAY_COLOR, _TODAY_SYMBOL)] if today else []
    return [{"key": text[:1].upper() + text[1:], "color": color, "symbol": symbol} for text, color, symbol in entries]


def _legend(axes: _Axes, entries: list[dict[str, Any]]) -> alt.Chart:
    """The legend above the chart, drawn by a layer of invisible points: the states in its first line, the
    other marks in its second (a number of columns that follows the width would upset Vega's layout)."""
    keys = [entry["key"] for entry in entries]
    # Packed tight (each line as wide as its own entries, small symbols): two lines of four fit the plot's width
    # beside the row labels on a 1024 px screen too.
    legend = alt.Legend(
        title=None,
        columns=len(GANTT_STATES),
        symbolOpacity=1,
        symbolStrokeWidth=0,
        symbolSize=140,
        gridAlign="none",
        columnPadding=10,
        labelOffset=4,
    )
    key_layer: alt.Chart = (
        named_data("legend")
        .mark_point(filled=True, opacity=0)
        .encode(
            x=alt.X("zero:Q", scale=axes.x_scale, axis=None),
            y=axes.row("row"),
            color=alt.Color("key:N", scale=alt.Scale(domain=keys, range=[e["color"] for e in entries]), legend=legend),
            shape=alt.Shape("key:N", scale=alt.Scale(domain=keys, range=[e["symbol"] for e in entries]), legend=legend),
            tooltip=alt.Tooltip("key:N", title=axes.words["legend"]),
        )
    )
    return key_layer


def gantt_legend(
    plan: Plan, lang: str, today: date | None = None, baseline: Plan | None = None, *, ghosts: bool = True
) -> list[dict[str, Any]]:
    """The legend's entries for the chart `gantt_chart` draws with the same arguments and `titled=False`."""
    shown_today = today is not None and today_position(plan.profile, today, shown_length(plan)) is not None
    return legend_rows(lang, bool(dependency_rows(plan)), baseline is not None and ghosts, shown_today)


def gantt_captions(plan: Plan, lang: str, today: date | None = None, baseline: bool = False) -> list[str]:
    """The sentences that explain the chart, shown below it: the colours and marks, today's line, the
    baseline's ghost bars, and every phase's whole name by its number."""
    words = gantt_texts(lang)
    lines = list(words["explained"])
    if today is not None and today_position(plan.profile, today, shown_length(plan)) is not None:
        lines.append(words["today_line"](formats.day(today, lang)))
    if baseline:
        lines.append(CAPTION("en" if lang == "en" else "de"))
    lines.append(words["phase_names"] + "; ".join(f"{p.index + 1} {p.name}" for p in shown_phases(plan)) + ".")
    return lines


def _fits(plan: Plan, room: Room) -> bool:
    """True when the chart's rows need no more than its room (or it has no room given and few bars)."""
    rows = len(plan.placements) + 1
    if room.height is None:
        return rows <= BOTTOM_AXIS_FROM + 1
    return row_height(room.height, rows, room.type_scale) * rows + CHROME_HEIGHT * room.type_scale <= room.height


def gantt_chart(
    plan: Plan,
    lang: str,
    today: date | None = None,
    baseline: Plan | None = None,
    *,
    ghosts: bool = True,
    room: Room = Room(),
    titled: bool = True,
) -> alt.LayerChart:
    """The roadmap's Gantt chart: bars coloured by state against `baseline`, phase bands with their names,
    milestone diamonds, links, today's line, the baseline's ghost bars (`ghosts`) and a legend of it all,
    within `room`; `titled` adds the title and the phases' names (for an image without the page around it)."""
    rows = gantt_rows(plan, lang, baseline)
    axes = _axes(plan, rows, lang, room)
    lines, arrows = _links(axes)
    links = dependency_rows(plan)
    layers = [*_phase_bands(axes, not _fits(plan, room)), lines, _bars(axes, lang), _begins_earlier(axes)]
    datasets = {"phases": phase_rows(plan, lang), "measures": rows, "links": links}
    position = today_position(plan.profile, today, shown_length(plan))
    if today is not None and position is not None:
        layers.append(_today(axes))
        datasets["today"] = [{"x": position, "text": axes.words["today_line"](formats.day(today, lang))}]
    if baseline is not None and ghosts:
        layers.append(ghost_bars(axes.at, axes.row("label"), lang, axes.row_px * (1 - PADDING_INNER)))
        datasets["baseline"] = ghost_rows(plan, baseline, {row["id"]: row["label"] for row in rows}, lang)
    layers += [arrows, *_milestones(axes)]
    if titled:  # an image has its legend inside; a page draws it above the chart (gantt_legend), where it wraps
        entries = legend_rows(lang, bool(links), "baseline" in datasets, "today" in datasets)
        layers.append(_legend(axes, entries))
        datasets["legend"] = [{**entry, "zero": 0, "row": axes.order[0]} for entry in entries]
    chart = (
        layered(*layers)
        .resolve_scale(color="independent", shape="independent")
        .resolve_axis(x="independent")
        .properties(
            width=CHART_WIDTH,
            padding={"left": 5, "top": 5, "right": 24, "bottom": 5},  # room for the last milestone's diamond
            height=gantt_height(plan, room.height, room.type_scale),
        )
    )
    if titled:
        phase_line = gantt_captions(plan, lang)[-1]
        chart = chart.properties(title=alt.TitleParams(axes.words["title"], subtitle=[phase_line]))
    return with_datasets(projector_style(chart, legend="top"), datasets)
