"""The cost charts of the Budget page as Altair charts (docs/planning.md, rule 3 and the corridor).

Pure: no Streamlit. One stacked bar per year (or quarter): existing IT costs in grey at the
bottom, then the new running costs per field of action in full colour, then the one-time costs
(net of funding) per field in a light shade. A red tick marks the budget of the period and a
green band the usual corridor of 1 % to 5 % of the period's revenue. The running part (grey plus
full colours) is the corridor figure. Amounts in labels and tooltips are formatted here; the axis
uses a Vega number locale, so German mode reads `204.000 €`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt

from roadmap.charts.budget_rows import (
    BASELINE,
    ONE_TIME,
    RUNNING,
    chart_texts,
    percent,
    quarter_budget_rows,
    quarter_cost_rows,
    year_budget_rows,
    year_cost_rows,
)
from roadmap.charts.style import (
    FONT_SIZES,
    GREEN,
    INK,
    MUTED_INK,
    RED,
    field_name,
    layered,
    named_data,
    projector_style,
    with_datasets,
)
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS
from roadmap.planning.budget import CORRIDOR_HIGH, CORRIDOR_LOW
from roadmap.planning.plan import Plan

BASELINE_COLOR = "#9E9E9E"
BUDGET_COLOR = RED
CORRIDOR_COLOR = GREEN
CORRIDOR_FILL = "#DCEFD9"
ONE_TIME_OPACITY = 0.45
BAR_WIDTH = 0.56  # share of a period's column taken by its bar; the corridor band fills the column
MAX_LABELLED_PERIODS = 12  # up to this many periods carry their total above the bar and the corridor its edges
MIN_COLUMNS = 3
LEGEND_SYMBOL = 300  # legend symbols a little larger than the other charts': squares of colour to compare

# Vega number formats: the axis reads `204.000 €` in German and `€204,000` in English.
VEGA_LOCALES: dict[str, dict[str, Any]] = {
    "de": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}


# Layers: each draws one part of the chart on the axes every layer shares.


@dataclass(frozen=True)
class _Axes:
    """What the layers of one cost chart share: the words, the period axis and the money scale."""

    words: dict[str, str]
    lang: str
    quarterly: bool
    order: list[str]  # the period labels in time order
    x_scale: alt.Scale
    y_scale: alt.Scale

    @property
    def many(self) -> bool:
        """Too many periods for labels: no totals above the bars, no bounds at the corridor's edges."""
        return len(self.order) > MAX_LABELLED_PERIODS

    @property
    def x(self) -> alt.X:
        """The period axis: labels turned and thinned out when there are many periods."""
        axis = alt.Axis(labelAngle=-45 if self.many else 0, labelOverlap="greedy" if self.many else False)
        title = self.words["quarter" if self.quarterly else "year"]
        return alt.X("period:N", sort=self.order, title=title, scale=self.x_scale, axis=axis)

    def y(self, field: str) -> alt.Y:
        """A position on the money scale."""
        return alt.Y(f"{field}:Q", scale=self.y_scale)


def _axes(periods: list[dict[str, Any]], lang: str, *, quarterly: bool) -> _Axes:
    """The shared axes: a column per period, money from zero to a little above the highest line or label."""
    order = [row["period"] for row in periods]
    top = max([row["high"] for row in periods] + [row["label_at"] for row in periods] + [1.0])
    # Few periods get narrower columns (as if there were three), so a single year is no wall of colour.
    x_scale = alt.Scale(paddingInner=0, paddingOuter=max(0.0, (MIN_COLUMNS - len(order)) / 2))
    y_scale = alt.Scale(domain=[0, top * 1.12], nice=False)
    return _Axes(chart_texts(lang), lang, quarterly, order, x_scale, y_scale)


def _line_scale(axes: _Axes) -> alt.Scale:
    """The colours of the budget (red) and the corridor (light green), shared by their legend."""
    budget = axes.words["budget_pro_rata" if axes.quarterly else "budget"]
    return alt.Scale(domain=[budget, axes.words["corridor"]], range=[BUDGET_COLOR, CORRIDOR_FILL])


def _corridor(axes: _Axes) -> list[alt.Chart | alt.LayerChart]:
    """The corridor: a light green band from 1 % to 5 % of revenue per period, with dark green edges."""
    words, base = axes.words, named_data("periods")
    legend = alt.Legend(title=words["legend_lines"], symbolType="square", symbolOpacity=1, symbolSize=LEGEND_SYMBOL)
    tooltip = [
        alt.Tooltip("period:N", title=words["period"]),
        alt.Tooltip("low_text:N", title=words["low"]),
        alt.Tooltip("high_text:N", title=words["high"]),
    ]
    band = base.mark_rect(opacity=1).encode(
        x=axes.x,
        y=axes.y("low"),
        y2="high:Q",
        color=alt.Color("corridor:N", scale=_line_scale(axes), legend=legend),
        tooltip=tooltip,
    )
    edges = layered(
        *(
            base.mark_tick(thickness=2, opacity=1).encode(
                x=axes.x, y=axes.y(edge), color=alt.value(CORRIDOR_COLOR), tooltip=tooltip
            )
            for edge in ("low", "high")
        )
    )
    return [band, edges]


def _corridor_bounds(axes: _Axes) -> alt.LayerChart:
    """'1 %' and '5 %' written above the corridor's edges in the column where the band is widest."""
    first = named_data("periods").transform_filter(alt.datum.names_bounds)
    space = " " if axes.lang == "en" else "\u00a0"  # German keeps number and % together
    return layered(
        *(
            first.mark_text(
                align="left", baseline="bottom", dy=-4, fontSize=FONT_SIZES["label"], fontWeight="bold"
            ).encode(
                x=alt.X("period:N", sort=axes.order, scale=axes.x_scale, bandPosition=0),
                y=axes.y(edge),
                text=alt.value(f" {percent(bound, axes.lang)}{space}%"),
                color=alt.value(CORRIDOR_COLOR),
                tooltip=alt.value(None),
            )
            for edge, bound in (("low", CORRIDOR_LOW), ("high", CORRIDOR_HIGH))
        )
    )


def _cost_bars(axes: _Axes) -> list[alt.Chart]:
    """The stacked bars: grey baseline, running costs in full colour, one-time costs in a light shade."""
    words = axes.words
    money = alt.Y(
        "sum(amount):Q",
        scale=axes.y_scale,
        stack="zero",
        axis=alt.Axis(format="$,.0f", tickCount=6, title=words["y"]),
    )
    # A white bar under the segments, so that the light one-time shades do not mix with the band.
    backing = (
        named_data("costs")
        .mark_bar(color="white", width=alt.RelativeBandSize(BAR_WIDTH))
        .encode(x=axes.x, y=money, tooltip=alt.value(None))
    )
    segments = (
        named_data("costs")
        .mark_bar(stroke="white", strokeWidth=1, width=alt.RelativeBandSize(BAR_WIDTH))
        .encode(
            x=axes.x,
            y=money,
            color=alt.Color("group:N", scale=group_scale(axes.lang), legend=_field_legend(words)),
            opacity=alt.Opacity("shade:N", scale=_shade_scale(words), legend=_shade_legend(words)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("period:N", title=words["period"]),
                alt.Tooltip("kind_label:N", title=words["kind"]),
                alt.Tooltip("group:N", title=words["field"]),
                alt.Tooltip("amount_text:N", title=words["amount"]),
            ],
        )
    )
    return [backing, segments]


def group_scale(lang: str) -> alt.Scale:
    """Colours of the stacked segments: grey for existing IT costs, then one colour per field."""
    texts = chart_texts(lang)
    return alt.Scale(
        domain=[texts[BASELINE]] + [field_name(f, lang) for f in FIELDS],
        range=[BASELINE_COLOR] + [FIELD_COLORS[f] for f in FIELDS],
    )


def _field_legend(words: dict[str, str]) -> alt.Legend:
    """The legend of the segments' colours: existing IT costs and the fields of action."""
    return alt.Legend(title=words["field"], symbolType="square", symbolSize=LEGEND_SYMBOL)


def _shade_scale(words: dict[str, str]) -> alt.Scale:
    """Full colour for running costs, a light shade for one-time costs."""
    return alt.Scale(type="ordinal", domain=[words[RUNNING], words[ONE_TIME]], range=[1.0, ONE_TIME_OPACITY])


def _shade_legend(words: dict[str, str]) -> alt.Legend:
    """The legend of the two shades, in neutral grey squares."""
    return alt.Legend(
        title=words["kind"],
        symbolType="square",
        symbolSize=LEGEND_SYMBOL,
        symbolFillColor=MUTED_INK,
        symbolStrokeWidth=0,
    )


def _budget(axes: _Axes) -> alt.Chart:
    """A thick red tick per period at its budget (a quarter's: its share of the year's budget)."""
    budget: alt.Chart = (
        named_data("periods")
        .mark_tick(thickness=5, opacity=1)
        .encode(
            x=axes.x,
            y=axes.y("budget"),
            color=alt.Color("budget_name:N", scale=_line_scale(axes), legend=None),
            tooltip=_period_tooltip(axes),
        )
    )
    return budget


def _period_tooltip(axes: _Axes) -> list[alt.Tooltip]:
    """What hovering a period's budget or total tells: the period, its budget and its costs."""
    words = axes.words
    return [
        alt.Tooltip("period:N", title=words["period"]),
        alt.Tooltip("budget_text:N", title=words["budget"]),
        alt.Tooltip("total_text:N", title=words["total"]),
    ]


def _totals(axes: _Axes) -> alt.Chart:
    """Each period's total above its bar (or budget), red for a year over its budget."""
    # Only a year can be over budget; a quarter's share of it is a guide, not a limit.
    over = alt.condition(alt.datum.over_budget, alt.value(BUDGET_COLOR), alt.value(INK))
    totals: alt.Chart = (
        named_data("periods")
        # A total is never wider than its column: the type shrinks with the column (down to 11 px).
        .mark_text(
            baseline="bottom",
            dy=-10,
            fontSize=alt.ExprRef(expr=f"clamp(bandwidth('x') / 5.4, 11, {FONT_SIZES['label'] + 3})"),
            fontWeight="bold",
        )
        .encode(
            x=axes.x,
            y=axes.y("label_at"),
            text="total_text:N",
            color=alt.value(INK) if axes.quarterly else over,
            tooltip=_period_tooltip(axes),
        )
    )
    return totals


def _layers(axes: _Axes, periods: list[dict[str, Any]]) -> list[alt.Chart | alt.LayerChart]:
    """The layers back to front: corridor, bars, budget, the corridor's bounds, totals (labels only while they fit)."""
    # Without revenue there is no corridor to draw (1 % and 5 % of nothing).
    has_corridor = any(row["high"] > 0 for row in periods)
    layers: list[alt.Chart | alt.LayerChart] = _corridor(axes) if has_corridor else []
    layers += [*_cost_bars(axes), _budget(axes)]
    if has_corridor and not axes.many:  # on top: a narrow column's bar would hide the start of '1 %'
        layers.append(_corridor_bounds(axes))
    if not axes.many:
        layers.append(_totals(axes))
    return layers


def _cost_chart(
    costs: list[dict[str, Any]], periods: list[dict[str, Any]], lang: str, *, quarterly: bool
) -> alt.LayerChart:
    """The layers composed, titled and styled; three legends stand on the right, one entry per line."""
    axes = _axes(periods, lang, quarterly=quarterly)
    words = axes.words
    title = alt.TitleParams(words["quarter_title" if quarterly else "year_title"], subtitle=words["subtitle"])
    chart = (
        layered(*_layers(axes, periods))
        .resolve_scale(color="independent")
        .properties(width=1200, height=440, title=title)
    )
    locale = alt.Locale(number=alt.NumberLocale(**VEGA_LOCALES["en" if lang == "en" else "de"]))
    return with_datasets(projector_style(chart, legend="right", locale=locale), {"costs": costs, "periods": periods})


def yearly_cost_chart(plan: Plan, lang: str) -> alt.LayerChart:
    """Costs per calendar year, stacked by kind and field, against the budget and the 1–5 % corridor."""
    return _cost_chart(year_cost_rows(plan, lang), year_budget_rows(plan, lang), lang, quarterly=False)


def quarterly_cost_chart(plan: Plan, lang: str) -> alt.LayerChart:
    """Costs per quarter, stacked by kind and field, against the pro-rata budget and the 1–5 % corridor."""
    return _cost_chart(quarter_cost_rows(plan, lang), quarter_budget_rows(plan, lang), lang, quarterly=True)
