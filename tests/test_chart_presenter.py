"""Presenter mode draws every chart's text at least at the page's enlarged type size (ui/presenter.py)."""

from __future__ import annotations

from typing import Any

from roadmap.charts.budget_chart import quarterly_cost_chart
from roadmap.charts.style import FONT_SIZES, scaled_type
from roadmap.planning.planner import plan
from ui.presenter import CHART_TYPE_SCALE, PRESENTER_FONT_PX
from ui.session import demo_workshop


def _sizes(spec: Any, key: str) -> list[Any]:
    if isinstance(spec, dict):
        return [v for k, v in spec.items() if k == key] + [s for v in spec.values() for s in _sizes(v, key)]
    if isinstance(spec, list):
        return [s for item in spec for s in _sizes(item, key)]
    return []


def test_in_presenter_mode_no_fixed_chart_text_is_smaller_than_the_page_s_type() -> None:
    spec = quarterly_cost_chart(plan(demo_workshop().measures, demo_workshop().profile), "de").to_dict()
    presented = scaled_type(spec, CHART_TYPE_SCALE)

    sizes = [size for key in ("fontSize", "labelFontSize", "titleFontSize") for size in _sizes(presented, key)]
    fixed = [size for size in sizes if isinstance(size, int | float)]
    assert fixed and min(fixed) >= PRESENTER_FONT_PX
    assert min(FONT_SIZES.values()) < PRESENTER_FONT_PX  # the plain charts are smaller: the scale matters


def test_enlarged_legends_get_room_for_their_longer_texts_and_fewer_columns() -> None:
    spec = quarterly_cost_chart(plan(demo_workshop().measures, demo_workshop().profile), "de").to_dict()
    presented = scaled_type(spec, CHART_TYPE_SCALE)

    legend, shown = spec["config"]["legend"], presented["config"]["legend"]
    assert shown["labelLimit"] == round(legend["labelLimit"] * CHART_TYPE_SCALE, 1)
    assert shown["titleLimit"] > legend["titleLimit"]
    sized = [s for s in _sizes(presented, "fontSize") if isinstance(s, dict)]
    assert all("bandwidth" in s["expr"] for s in sized)  # totals still shrink with their column
