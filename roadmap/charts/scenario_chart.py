"""The scenarios' trade-off at a glance: value delivered against cost per year, one point per scenario.

Pure: no Streamlit. Each scenario is a labelled point: to the right costs more per year, higher
up delivers more (the summed score of its planned measures). The axes span the scenarios (not
from zero), so that their differences show; a green band marks the usual corridor of 1–5 % of
revenue where it falls into view, when every scenario has the same revenue. Shapes differ per
scenario as well as colours, so the chart reads in black and white too (the handout prints it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt

from roadmap.charts.budget_chart import VEGA_LOCALES
from roadmap.charts.style import FONT_SIZES, GREEN, INK, layered, named_data, projector_style, with_datasets
from roadmap.domain import formats
from roadmap.planning.budget import corridor_bounds
from roadmap.planning.scenario_compare import ScenarioResult

COLORS = ("#4C78A8", "#F58518", "#54A24B", "#B279A2", "#9D755D", "#E45756")
SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down")
CORRIDOR_FILL = "#DCEFD9"
POINT_SIZE = 900


def scenario_rows(results: Sequence[ScenarioResult], lang: str) -> list[dict[str, Any]]:
    """One row per scenario: name, cost per year, value delivered, planned count, for the points and tooltips."""
    return [
        {
            "name": r.name,
            "cost": round(r.cost_per_year, 2),
            "value": round(r.score, 2),
            "cost_text": formats.euro(r.cost_per_year, lang),
            "value_text": formats.number(r.score, lang, 1),
            "planned": r.planned,
            "above": number % 2 == 0,  # names alternate above and below their points, so close ones stay apart
        }
        for number, r in enumerate(results)
    ]


def _corridor(results: Sequence[ScenarioResult]) -> list[dict[str, float]]:
    revenues = {r.plan.profile.revenue for r in results}
    if len(revenues) != 1 or not next(iter(revenues)):
        return []
    low, high = corridor_bounds(next(iter(revenues)))
    return [{"low": low, "high": high}]


def _spread(values: Sequence[float]) -> alt.Scale:
    """A scale around the values with room for the names: the differences between scenarios show, zero or not."""
    low, high = min(values, default=0.0), max(values, default=0.0)
    pad = max((high - low) * 0.35, abs(high) * 0.08, 1.0)
    return alt.Scale(domain=[max(0.0, low - pad), high + pad], nice=False, zero=False)


def scenario_chart(results: Sequence[ScenarioResult], lang: str = "de", height: int = 380) -> alt.LayerChart:
    """Value delivered (summed score) against cost per year, one labelled point per scenario."""
    de = lang != "en"
    names = [r.name for r in results]
    cost_title = "Kosten je Jahr (Ø)" if de else "Cost per year (avg.)"
    value_title = "Nutzen (Summe der Scores)" if de else "Value delivered (summed score)"
    corridor = _corridor(results)
    x = alt.X("cost:Q", title=cost_title, axis=alt.Axis(format="$,.0f", tickCount=5), scale=_spread(
        [r.cost_per_year for r in results]))  # fmt: skip
    y = alt.Y("value:Q", title=value_title, scale=_spread([r.score for r in results]))
    legend = alt.Legend(title="Szenario" if de else "Scenario")
    points = (
        named_data("scenarios")
        .mark_point(size=POINT_SIZE, filled=True, opacity=0.9, stroke=INK, strokeWidth=1.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color("name:N", scale=alt.Scale(domain=names, range=list(COLORS)), legend=legend),
            shape=alt.Shape("name:N", scale=alt.Scale(domain=names, range=list(SHAPES)), legend=legend),
            tooltip=[
                alt.Tooltip("name:N", title="Szenario" if de else "Scenario"),
                alt.Tooltip("cost_text:N", title=cost_title),
                alt.Tooltip("value_text:N", title=value_title),
                alt.Tooltip("planned:Q", title="Geplant" if de else "Planned"),
            ],
        )
    )
    labels = [
        named_data("scenarios")
        .mark_text(align="center", dy=offset, fontSize=FONT_SIZES["label"], fontWeight="bold", color=INK)
        .encode(x=x, y=y, text="name:N")
        .transform_filter(f"{'' if above else '!'}datum.above")
        for above, offset in ((True, -26), (False, 30))
    ]
    layers: list[alt.Chart] = []
    if corridor:
        layers.append(
            named_data("corridor")
            .mark_rect(color=CORRIDOR_FILL, opacity=0.7, stroke=GREEN, strokeDash=[6, 4], clip=True)
            .encode(x="low:Q", x2="high:Q")
        )
    chart = layered(*layers, points, *labels).properties(height=height)
    styled = projector_style(
        chart, legend="bottom", locale=alt.Locale(number=VEGA_LOCALES[lang if lang == "en" else "de"])
    )
    return with_datasets(styled, {"scenarios": scenario_rows(results, lang), "corridor": corridor})
