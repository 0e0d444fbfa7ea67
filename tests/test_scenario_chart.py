"""The scenarios chart: one point per scenario, told apart by shape as well as colour, the corridor where it applies."""

from __future__ import annotations

from roadmap.charts.scenario_chart import scenario_chart, scenario_rows
from roadmap.planning.scenario_compare import compare
from roadmap.workshop.scenarios import add_scenario, names, scenario_plan
from ui.session import demo_workshop


def _results(**settings: object) -> list:  # type: ignore[type-arg]
    workshop = add_scenario(demo_workshop(), "Vier Prozent", {"budget_share": 4, **settings})
    workshop = add_scenario(workshop, "Ohne Förderung", funding=False)
    return compare({name: scenario_plan(workshop, name) for name in names(workshop)})


def test_each_scenario_is_one_point_at_its_cost_per_year_and_value() -> None:
    results = _results()

    rows = scenario_rows(results, "de")

    assert [row["name"] for row in rows] == ["Basis", "Vier Prozent", "Ohne Förderung"]
    assert [row["cost"] for row in rows] == [round(r.cost_per_year, 2) for r in results]
    assert [row["value"] for row in rows] == [round(r.score, 2) for r in results]
    assert [row["above"] for row in rows] == [True, False, True]  # names alternate, so close points stay readable


def test_shapes_differ_per_scenario_so_the_chart_reads_in_black_and_white() -> None:
    spec = scenario_chart(_results(), "en").to_dict()

    point = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    shapes = point["encoding"]["shape"]["scale"]["range"][:3]
    assert len(set(shapes)) == 3
    assert point["encoding"]["x"]["title"] == "Cost per year (avg.)"


def test_the_corridor_band_is_drawn_only_when_every_scenario_has_the_same_revenue() -> None:
    same = scenario_chart(_results(), "de").to_dict()
    different = scenario_chart(_results(revenue=20_000_000), "de").to_dict()

    assert len(same["datasets"]["corridor"]) == 1
    assert different["datasets"]["corridor"] == []
