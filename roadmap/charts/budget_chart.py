"""The cost charts of the Budget page as Altair charts (docs/planning.md, rule 3 and the corridor).

Pure: no Streamlit. One stacked bar per year (or quarter): existing IT costs in grey at the
bottom, then the new running costs per field of action in full colour, then the one-time costs
(net of funding) per field in a light shade. A red tick marks the budget of the period and a
green band the usual corridor of 1 % to 5 % of the period's revenue. The running part (grey plus
full colours) is the corridor figure. Amounts in labels and tooltips are formatted here; the axis
uses a Vega number locale, so German mode reads `204.000 €`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import altair as alt

from roadmap.charts.matrix_chart import FONT_SIZES, field_name, projector_style
from roadmap.domain import formats
from roadmap.domain.model import FIELD_COLORS, FIELDS, Month
from roadmap.planning.budget import CORRIDOR_HIGH, CORRIDOR_LOW, month_costs
from roadmap.planning.plan import Plan

BASELINE, RUNNING, ONE_TIME = "baseline", "running", "one_time"
BASELINE_COLOR = "#9E9E9E"
BUDGET_COLOR = "#B3261E"
CORRIDOR_COLOR = "#2E7D32"
CORRIDOR_FILL = "#DCEFD9"
ONE_TIME_OPACITY = 0.45
BAR_WIDTH = 0.56  # share of a period's column taken by its bar; the corridor band fills the column
MAX_LABELLED_PERIODS = 12
MIN_COLUMNS = 3
LEGEND_SYMBOL = 300  # up to this many bars carry their total above them

Period = tuple[int, int]  # (year, 0) for a year, (year, quarter) for a quarter

# Vega number formats: the axis reads `204.000 €` in German and `€204,000` in English.
VEGA_LOCALES: dict[str, dict[str, Any]] = {
    "de": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}


def _words(lang: str) -> dict[str, str]:
    if lang == "en":
        return {
            "year_title": "IT costs per year against budget and corridor",
            "quarter_title": "IT costs per quarter against budget and corridor",
            "subtitle": "Grey: existing IT costs · full colour: new running costs · light: one-time costs "
            "after funding",
            "year": "Year",
            "quarter": "Quarter",
            "y": "Cost (€)",
            BASELINE: "Existing IT costs",
            RUNNING: "Running costs",
            ONE_TIME: "One-time costs (after funding)",
            "field": "Field of action",
            "kind": "Type of cost",
            "amount": "Amount",
            "period": "Period",
            "total": "Total",
            "budget": "Budget",
            "budget_pro_rata": "Budget (share of the year's budget)",
            "corridor": "Usual range: 1–5 % of revenue",
            "low": "1 % of revenue",
            "high": "5 % of revenue",
            "legend_lines": "Budget and corridor",
        }
    return {
        "year_title": "IT-Kosten pro Jahr gegen Budget und Korridor",
        "quarter_title": "IT-Kosten pro Quartal gegen Budget und Korridor",
        "subtitle": "Grau: bestehende IT-Kosten · kräftige Farbe: neue laufende Kosten · hell: Einmalkosten "
        "nach Förderung",
        "year": "Jahr",
        "quarter": "Quartal",
        "y": "Kosten (€)",
        BASELINE: "Bestehende IT-Kosten",
        RUNNING: "Laufende Kosten",
        ONE_TIME: "Einmalkosten (nach Förderung)",
        "field": "Handlungsfeld",
        "kind": "Kostenart",
        "amount": "Betrag",
        "period": "Zeitraum",
        "total": "Gesamt",
        "budget": "Budget",
        "budget_pro_rata": "Budget (anteilig vom Jahresbudget)",
        "corridor": "Üblicher Bereich: 1–5 % vom Umsatz",
        "low": "1 % vom Umsatz",
        "high": "5 % vom Umsatz",
        "legend_lines": "Budget und Korridor",
    }


def _year_of(month: Month) -> Period:
    return (month.year, 0)


def _quarter_of(month: Month) -> Period:
    return (month.year, month.quarter)


def period_label(period: Period, lang: str) -> str:
    """'2026', or 'Q1/2026' (German) / 'Q1 2026' (English)."""
    year, quarter = period
    if not quarter:
        return str(year)
    return f"Q{quarter} {year}" if lang == "en" else f"Q{quarter}/{year}"


def _cost_rows(plan: Plan, lang: str, period_of: Callable[[Month], Period]) -> list[dict[str, Any]]:
    """Stacked segments: baseline, running per field, one-time per field, per period of the horizon."""
    words = _words(lang)
    profile = plan.profile
    months: dict[Period, int] = defaultdict(int)
    for month in profile.months:
        months[period_of(month)] += 1
    sums: dict[tuple[Period, str, str], float] = defaultdict(float)
    for cost in month_costs(plan):
        period = period_of(cost.month)
        sums[(period, RUNNING, cost.field)] += cost.running
        sums[(period, ONE_TIME, cost.field)] += cost.one_time
    rows: list[dict[str, Any]] = []
    for index, period in enumerate(sorted(months)):
        label = period_label(period, lang)
        segments = [(BASELINE, "", profile.baseline_it * months[period] / 12, 0)]
        for kind, offset in ((RUNNING, 1), (ONE_TIME, 1 + len(FIELDS))):
            segments += [(kind, f, sums[(period, kind, f)], offset + i) for i, f in enumerate(FIELDS)]
        for kind, field, amount, order in segments:
            if amount <= 0.005:
                continue
            rows.append(
                {
                    "period": label,
                    "period_index": index,
                    "kind": kind,
                    "kind_label": words[kind],
                    # Existing IT costs are running costs too: they share the full shade.
                    "shade": words[ONE_TIME if kind == ONE_TIME else RUNNING],
                    "field": field,
                    "group": field_name(field, lang) if field else words[BASELINE],
                    "amount": round(amount, 2),
                    "amount_text": formats.euro(amount, lang),
                    "order": order,
                }
            )
    return rows


def _budget_rows(plan: Plan, lang: str, period_of: Callable[[Month], Period]) -> list[dict[str, Any]]:
    """Per period: total cost, the budget and the corridor (1 % and 5 % of the period's revenue)."""
    words = _words(lang)
    quarterly = period_of is _quarter_of
    profile = plan.profile
    months: dict[Period, int] = defaultdict(int)
    for month in profile.months:
        months[period_of(month)] += 1
    totals: dict[Period, float] = defaultdict(float)
    for cost in month_costs(plan):
        totals[period_of(cost.month)] += cost.one_time + cost.running
    rows = []
    for index, period in enumerate(sorted(months)):
        fraction = months[period] / 12
        revenue = profile.revenue * fraction
        total = totals[period] + profile.baseline_it * fraction
        budget = profile.budget_share / 100 * revenue
        low, high = revenue * CORRIDOR_LOW / 100, revenue * CORRIDOR_HIGH / 100
        rows.append(
            {
                "period": period_label(period, lang),
                "period_index": index,
                "months": months[period],
                "total": round(total, 2),
                "total_text": formats.euro(total, lang),
                "budget": round(budget, 2),
                "budget_text": formats.euro(budget, lang),
                "over_budget": total > budget + 0.005,
                "low": round(low, 2),
                "high": round(high, 2),
                "low_text": formats.euro(low, lang),
                "high_text": formats.euro(high, lang),
                "label_at": max(total, budget),
                "budget_name": words["budget_pro_rata" if quarterly else "budget"],
                "corridor": words["corridor"],
            }
        )
    return rows


def year_cost_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The yearly chart's stacked segments: one row per year, kind of cost and field (amount > 0)."""
    return _cost_rows(plan, lang, _year_of)


def year_budget_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The yearly chart's totals, budgets and corridors: one row per calendar year of the horizon."""
    return _budget_rows(plan, lang, _year_of)


def quarter_cost_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The quarterly chart's stacked segments: one row per quarter, kind of cost and field (amount > 0)."""
    return _cost_rows(plan, lang, _quarter_of)


def quarter_budget_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The quarterly chart's totals, pro-rata budgets and corridors: one row per quarter of the horizon."""
    return _budget_rows(plan, lang, _quarter_of)


def group_scale(lang: str) -> alt.Scale:
    """Colours of the stacked segments: grey for existing IT costs, then one colour per field."""
    words = _words(lang)
    return alt.Scale(
        domain=[words[BASELINE]] + [field_name(f, lang) for f in FIELDS],
        range=[BASELINE_COLOR] + [FIELD_COLORS[f] for f in FIELDS],
    )


def _cost_chart(
    costs: list[dict[str, Any]], periods: list[dict[str, Any]], lang: str, *, quarterly: bool
) -> alt.LayerChart:
    words = _words(lang)
    axis_title = words["quarter" if quarterly else "year"]
    order = [row["period"] for row in periods]
    top = max([row["high"] for row in periods] + [row["label_at"] for row in periods] + [1.0])
    # Few periods get narrower columns (as if there were three), so a single year is no wall of colour.
    x_scale = alt.Scale(paddingInner=0, paddingOuter=max(0.0, (MIN_COLUMNS - len(order)) / 2))
    many = len(order) > MAX_LABELLED_PERIODS
    x = alt.X(
        "period:N",
        sort=order,
        title=axis_title,
        scale=x_scale,
        axis=alt.Axis(labelAngle=-45 if many else 0, labelOverlap="greedy" if many else False),
    )
    y_scale = alt.Scale(domain=[0, top * 1.12], nice=False)
    money_axis = alt.Axis(format="$,.0f", tickCount=6, title=words["y"])
    base = alt.Chart(alt.Data(name="periods"))
    legend_lines = alt.Legend(
        title=words["legend_lines"], symbolType="square", symbolOpacity=1, symbolSize=LEGEND_SYMBOL
    )
    line_scale = alt.Scale(
        domain=[words["budget_pro_rata" if quarterly else "budget"], words["corridor"]],
        range=[BUDGET_COLOR, CORRIDOR_FILL],
    )
    corridor = base.mark_rect(opacity=1).encode(
        x=x,
        y=alt.Y("low:Q", scale=y_scale),
        y2="high:Q",
        color=alt.Color("corridor:N", scale=line_scale, legend=legend_lines),
        tooltip=[
            alt.Tooltip("period:N", title=words["period"]),
            alt.Tooltip("low_text:N", title=words["low"]),
            alt.Tooltip("high_text:N", title=words["high"]),
        ],
    )
    corridor_edges = alt.layer(
        *(
            base.mark_tick(thickness=2, opacity=1).encode(
                x=x, y=alt.Y(f"{edge}:Q", scale=y_scale), color=alt.value(CORRIDOR_COLOR)
            )
            for edge in ("low", "high")
        )
    )
    # A white bar under the segments, so that the light one-time shades do not mix with the band.
    backing = (
        alt.Chart(alt.Data(name="costs"))
        .mark_bar(color="white", width=alt.RelativeBandSize(BAR_WIDTH))
        .encode(x=x, y=alt.Y("sum(amount):Q", scale=y_scale, stack="zero", axis=money_axis))
    )
    segments = (
        alt.Chart(alt.Data(name="costs"))
        .mark_bar(stroke="white", strokeWidth=1, width=alt.RelativeBandSize(BAR_WIDTH))
        .encode(
            x=x,
            y=alt.Y("sum(amount):Q", scale=y_scale, stack="zero", axis=money_axis),
            color=alt.Color(
                "group:N",
                scale=group_scale(lang),
                legend=alt.Legend(title=words["field"], symbolType="square", symbolSize=LEGEND_SYMBOL),
            ),
            opacity=alt.Opacity(
                "shade:N",
                scale=alt.Scale(
                    type="ordinal", domain=[words[RUNNING], words[ONE_TIME]], range=[1.0, ONE_TIME_OPACITY]
                ),
                legend=alt.Legend(
                    title=words["kind"],
                    symbolType="square",
                    symbolSize=LEGEND_SYMBOL,
                    symbolFillColor="#555555",
                    symbolStrokeWidth=0,
                ),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("period:N", title=words["period"]),
                alt.Tooltip("kind_label:N", title=words["kind"]),
                alt.Tooltip("group:N", title=words["field"]),
                alt.Tooltip("amount_text:N", title=words["amount"]),
            ],
        )
    )
    budget = base.mark_tick(thickness=5, opacity=1).encode(
        x=x,
        y=alt.Y("budget:Q", scale=y_scale),
        color=alt.Color("budget_name:N", scale=line_scale, legend=None),
        tooltip=[
            alt.Tooltip("period:N", title=words["period"]),
            alt.Tooltip("budget_text:N", title=words["budget"]),
            alt.Tooltip("total_text:N", title=words["total"]),
        ],
    )
    first = base.transform_filter(alt.datum.period_index == 0)
    edge_labels = alt.layer(
        *(
            first.mark_text(
                align="left", baseline="bottom", dy=-4, fontSize=FONT_SIZES["label"], fontWeight="bold"
            ).encode(
                x=alt.X("period:N", sort=order, scale=x_scale, bandPosition=0),
                y=alt.Y(f"{edge}:Q", scale=y_scale),
                text=alt.value(f" {percent} %" if lang == "en" else f" {percent} %"),
                color=alt.value(CORRIDOR_COLOR),
            )
            for edge, percent in (("low", 1), ("high", 5))
        )
    )
    # Without revenue there is no corridor to draw (1 % and 5 % of nothing).
    has_corridor = any(row["high"] > 0 for row in periods)
    layers: list[alt.Chart | alt.LayerChart] = [corridor, corridor_edges] if has_corridor else []
    if has_corridor and not many:
        layers.append(edge_labels)
    layers += [backing, segments, budget]
    if not many:
        layers.append(
            base.mark_text(baseline="bottom", dy=-10, fontSize=FONT_SIZES["label"] + 3, fontWeight="bold").encode(
                x=x,
                y=alt.Y("label_at:Q", scale=y_scale),
                text="total_text:N",
                # Only a year can be over budget; a quarter's share of it is a guide, not a limit.
                color=alt.value("#1A1A1A")
                if quarterly
                else alt.condition(alt.datum.over_budget, alt.value(BUDGET_COLOR), alt.value("#1A1A1A")),
            )
        )
    chart = (
        alt.layer(*layers)
        .resolve_scale(color="independent")
        .properties(
            width=1200,
            height=440,
            title=alt.TitleParams(words["quarter_title" if quarterly else "year_title"], subtitle=words["subtitle"]),
        )
    )
    styled = projector_style(chart)
    # Three legends do not fit below the chart: they stand on its right, one entry per line.
    styled.config.legend.orient = "right"
    styled.config.legend.columns = 1
    styled.config.legend.direction = "vertical"
    styled.config.legend.offset = 24
    styled.config.legend.labelColor = "#222222"
    styled.config.legend.titleColor = "#222222"
    styled.config.locale = alt.Locale(number=alt.NumberLocale(**VEGA_LOCALES["en" if lang == "en" else "de"]))
    styled.datasets = {"costs": costs, "periods": periods}
    return styled


def yearly_cost_chart(plan: Plan, lang: str) -> alt.LayerChart:
    """Costs per calendar year, stacked by kind and field, against the budget and the 1–5 % corridor."""
    return _cost_chart(year_cost_rows(plan, lang), year_budget_rows(plan, lang), lang, quarterly=False)


def quarterly_cost_chart(plan: Plan, lang: str) -> alt.LayerChart:
    """Costs per quarter, stacked by kind and field, against the pro-rata budget and the 1–5 % corridor."""
    return _cost_chart(quarter_cost_rows(plan, lang), quarter_budget_rows(plan, lang), lang, quarterly=True)


def field_cost_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The cost of each field of action inside the horizon: one-time (after funding), running, total."""
    one_time: dict[str, float] = defaultdict(float)
    running: dict[str, float] = defaultdict(float)
    for cost in month_costs(plan):
        one_time[cost.field] += cost.one_time
        running[cost.field] += cost.running
    planned: dict[str, int] = defaultdict(int)
    for measure_id in plan.placements:
        planned[plan.measure(measure_id).field] += 1
    return [
        {
            "field": field_name(field, lang),
            "color": FIELD_COLORS[field],
            "planned": planned[field],
            "one_time": round(one_time[field], 2),
            "running": round(running[field], 2),
            "total": round(one_time[field] + running[field], 2),
        }
        for field in FIELDS
    ]
