"""Hovering any mark of any chart tells readable names in the session's language, never internal field names.

A mark without its own tooltip would show the raw fields of its encoding ("tint #F1F1F1",
"label_x", "high 85000"): every mark names its tooltip, or says it has none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from roadmap.charts.budget_chart import quarterly_cost_chart, yearly_cost_chart
from roadmap.charts.gantt_chart import gantt_chart
from roadmap.charts.matrix_chart import matrix_chart
from roadmap.charts.maturity_chart import maturity_chart
from roadmap.planning.planner import plan
from roadmap.views.priorities import ranking_plan
from ui.session import demo_workshop

TODAY = date(2026, 5, 1)

CHARTS: dict[str, Callable[[str], Any]] = {
    "gantt": lambda lang: gantt_chart(plan(demo_workshop().measures, demo_workshop().profile), lang, TODAY),
    "budget per year": lambda lang: yearly_cost_chart(plan(demo_workshop().measures, demo_workshop().profile), lang),
    "budget per quarter": lambda lang: quarterly_cost_chart(
        plan(demo_workshop().measures, demo_workshop().profile), lang
    ),
    "matrix": lambda lang: matrix_chart(ranking_plan(demo_workshop()), lang),
    "maturity": lambda lang: maturity_chart(demo_workshop().maturity, lang),
}


def _marks(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if "layer" in spec:
        for layer in spec["layer"]:
            yield from _marks(layer)
    elif "mark" in spec:
        yield spec


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(CHARTS))
def test_every_mark_of_every_chart_names_what_its_tooltip_shows(name: str, lang: str) -> None:
    spec = CHARTS[name](lang).to_dict()
    for mark in _marks(spec):
        tooltip = mark.get("encoding", {}).get("tooltip")
        assert tooltip is not None, f"{name}: a {mark['mark']} shows its raw fields on hover"
        entries = tooltip if isinstance(tooltip, list) else [tooltip]
        for entry in entries:
            if "field" in entry:
                assert entry.get("title") and entry["title"] != entry["field"], f"{name}: {entry}"
