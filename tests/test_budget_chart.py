"""The cost charts are built from the right data: costs per period by kind and field, budget and corridor."""

from __future__ import annotations

from collections import defaultdict

import pytest

from roadmap.charts.budget_chart import BASELINE_COLOR, MAX_LABELLED_PERIODS, quarterly_cost_chart, yearly_cost_chart
from roadmap.charts.budget_rows import (
    BASELINE,
    ONE_TIME,
    RUNNING,
    field_cost_rows,
    quarter_budget_rows,
    quarter_cost_rows,
    year_budget_rows,
    year_cost_rows,
)
from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS, FIELDS_EN
from roadmap.planning.budget import corridor_bounds, period_costs, yearly_costs
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan

PROFILE = Profile(revenue=1_200_000, baseline_it=24_000, funding_rate=50, budget_share=3)


def two_measures() -> Plan:
    """A CRM (one-time 10.000 € funded by half, 1.200 €/year from April) and a backup (3.000 € in January)."""
    measures = [
        Measure("CRM", "CRM", field="Kunden & Omnichannel", one_time_cost=10_000, running_cost=1_200, duration=3,
                funding_eligible=True),
        Measure("BAK", "Backup", field="Cloud & IT-Sicherheit", one_time_cost=3_000),
    ]  # fmt: skip
    return plan(measures, PROFILE)


def two_years() -> Plan:
    """A horizon from July 2026 to June 2028: three calendar years, the first and last of six months each."""
    profile = PROFILE.with_changes(horizon_start=Month(2026, 7), horizon_end=Month(2028, 6))
    return plan([Measure("A", "a", one_time_cost=6_000, running_cost=2_400)], profile)


def sums(rows: list[dict]) -> dict[str, float]:
    """Total amount per period label."""
    totals: dict[str, float] = defaultdict(float)
    for row in rows:
        totals[row["period"]] += row["amount"]
    return totals


@pytest.mark.parametrize("make", [two_measures, two_years])
def test_the_yearly_segments_add_up_to_the_yearly_costs_of_the_budget(make: object) -> None:
    roadmap = make()  # type: ignore[operator]

    totals = sums(year_cost_rows(roadmap, "de"))

    assert totals == {str(y.year): pytest.approx(y.total) for y in yearly_costs(roadmap)}
    assert [row["total"] for row in year_budget_rows(roadmap, "de")] == [
        pytest.approx(y.total) for y in yearly_costs(roadmap)
    ]


def test_one_time_costs_are_counted_after_funding_and_running_costs_from_the_month_after_go_live() -> None:
    rows = year_cost_rows(two_measures(), "de")

    amounts = {(row["kind"], row["field"]): row["amount"] for row in rows}

    assert amounts == {
        (BASELINE, ""): 24_000,
        (ONE_TIME, "Kunden & Omnichannel"): 5_000,
        (ONE_TIME, "Cloud & IT-Sicherheit"): 3_000,
        (RUNNING, "Kunden & Omnichannel"): pytest.approx(900),
    }


def test_segments_stack_baseline_first_then_running_then_one_time() -> None:
    rows = year_cost_rows(two_measures(), "de")

    kinds = [row["kind"] for row in sorted(rows, key=lambda row: row["order"])]

    assert kinds == [BASELINE, RUNNING, ONE_TIME, ONE_TIME]


def test_every_quarter_of_the_horizon_is_shown_even_without_new_costs() -> None:
    budget_rows = quarter_budget_rows(two_measures(), "de")

    assert [row["period"] for row in budget_rows] == ["Q1/2026", "Q2/2026", "Q3/2026", "Q4/2026"]
    assert [row["total"] for row in budget_rows] == [
        pytest.approx(6_000 + 8_000),
        pytest.approx(6_000 + 300),
        pytest.approx(6_000 + 300),
        pytest.approx(6_000 + 300),
    ]


def test_a_quarter_s_budget_and_corridor_are_its_share_of_the_year() -> None:
    (first, *_) = quarter_budget_rows(two_measures(), "de")

    assert (first["budget"], first["low"], first["high"]) == (9_000, 3_000, 15_000)


def test_a_partial_year_gets_the_budget_and_corridor_of_its_months_only() -> None:
    rows = year_budget_rows(two_years(), "de")

    assert [(row["period"], row["months"], row["budget"], row["low"], row["high"]) for row in rows] == [
        ("2026", 6, 18_000, 6_000, 30_000),
        ("2027", 12, 36_000, 12_000, 60_000),
        ("2028", 6, 18_000, 6_000, 30_000),
    ]


def test_the_corridor_bounds_are_named_in_the_year_whose_band_is_widest_not_in_a_short_first_year() -> None:
    rows = year_budget_rows(two_years(), "de")

    assert [row["names_bounds"] for row in rows] == [False, True, False]


@pytest.mark.parametrize(("lang", "label", "amount"), [("de", "Q1/2026", "24.000\xa0€"), ("en", "Q1 2026", "€24,000")])
def test_periods_and_amounts_are_written_in_the_language(lang: str, label: str, amount: str) -> None:
    rows = year_cost_rows(two_measures(), lang)
    quarters = quarter_cost_rows(two_measures(), lang)

    assert rows[0]["amount_text"] == amount
    assert quarters[0]["period"] == label


@pytest.mark.parametrize("make", [two_measures, two_years])
def test_the_yearly_chart_draws_the_budget_and_corridor_of_the_planning_rules(make: object) -> None:
    roadmap = make()  # type: ignore[operator]

    drawn = yearly_cost_chart(roadmap, "de").to_dict()["datasets"]["periods"]

    assert [(row["budget"], row["low"], row["high"], row["over_budget"]) for row in drawn] == [
        (round(y.budget, 2), *(round(bound, 2) for bound in corridor_bounds(y.revenue)), y.over_budget)
        for y in yearly_costs(roadmap)
    ]


@pytest.mark.parametrize("make", [two_measures, two_years])
def test_the_quarterly_chart_draws_the_pro_rata_budget_and_corridor_of_the_planning_rules(make: object) -> None:
    roadmap = make()  # type: ignore[operator]

    drawn = quarterly_cost_chart(roadmap, "en").to_dict()["datasets"]["periods"]

    assert [(row["period"], row["total"], row["budget"], row["low"], row["high"]) for row in drawn] == [
        (f"Q{q.quarter} {q.year}", round(q.total, 2), round(q.budget, 2), *(round(b, 2) for b in q.corridor))
        for q in period_costs(roadmap, quarterly=True)
    ]


def test_a_year_above_its_budget_is_marked_over_budget() -> None:
    roadmap = plan([], PROFILE.with_changes(baseline_it=50_000))

    (year,) = year_budget_rows(roadmap, "de")

    assert year["over_budget"] and year["total"] == 50_000 and year["budget"] == 36_000


def test_existing_it_costs_are_grey_and_every_field_keeps_its_colour_in_english() -> None:
    spec = yearly_cost_chart(two_measures(), "en").to_dict()

    bars = next(layer for layer in spec["layer"] if layer.get("data", {}).get("name") == "costs" and "color" in
                layer["encoding"] and layer["encoding"]["color"].get("field") == "group")  # fmt: skip
    scale = bars["encoding"]["color"]["scale"]

    assert scale["domain"] == ["Existing IT costs"] + [FIELDS_EN[f] for f in FIELDS]
    assert scale["range"] == [BASELINE_COLOR] + [FIELD_COLORS[f] for f in FIELDS]


def test_one_time_costs_are_a_lighter_shade_than_running_costs() -> None:
    spec = quarterly_cost_chart(two_measures(), "de").to_dict()

    opacity = next(layer["encoding"]["opacity"] for layer in spec["layer"] if "opacity" in layer.get("encoding", {}))

    shades = dict(zip(opacity["scale"]["domain"], opacity["scale"]["range"], strict=True))
    assert shades["Einmalkosten (nach Förderung)"] < shades["Laufende Kosten"] == 1.0


@pytest.mark.parametrize(("lang", "decimal", "currency"), [("de", ",", ["", "\xa0€"]), ("en", ".", ["€", ""])])
def test_the_money_axis_is_written_in_the_language_s_number_format(lang: str, decimal: str, currency: list) -> None:
    spec = yearly_cost_chart(two_measures(), lang).to_dict()

    assert spec["config"]["locale"]["number"]["decimal"] == decimal
    assert spec["config"]["locale"]["number"]["currency"] == currency


def test_the_chart_names_budget_and_corridor_in_its_legend() -> None:
    spec = yearly_cost_chart(two_measures(), "de").to_dict()

    periods = spec["datasets"]["periods"]

    assert periods[0]["budget_name"] == "Budget"
    assert periods[0]["corridor"] == "Üblicher Bereich: 1–5 % vom Umsatz"
    assert spec["title"]["text"] == "IT-Kosten pro Jahr gegen Budget und Korridor"


def test_totals_are_written_above_the_bars_only_while_they_fit() -> None:
    few = quarterly_cost_chart(two_measures(), "de").to_dict()
    profile = PROFILE.with_changes(horizon_end=Month(2029, 12))
    many = quarterly_cost_chart(plan([], profile), "de").to_dict()

    def has_totals(spec: dict) -> bool:
        return any(layer.get("encoding", {}).get("text", {}).get("field") == "total_text" for layer in spec["layer"])

    assert len(many["datasets"]["periods"]) > MAX_LABELLED_PERIODS
    assert has_totals(few) and not has_totals(many)


def test_a_workshop_without_revenue_still_gets_a_chart_but_no_corridor() -> None:
    roadmap = plan([Measure("A", "a", running_cost=1_200)], Profile(baseline_it=1_000))

    spec = yearly_cost_chart(roadmap, "de").to_dict()

    marks = [layer.get("mark", {}).get("type") for layer in spec["layer"]]
    assert spec["datasets"]["periods"][0]["high"] == 0 and spec["datasets"]["costs"]
    assert "rect" not in marks and "bar" in marks


def test_the_field_table_adds_up_to_the_new_costs_of_the_horizon() -> None:
    roadmap = two_measures()

    rows = {row["field"]: row for row in field_cost_rows(roadmap, "de")}
    (year,) = yearly_costs(roadmap)

    assert list(rows) == list(FIELDS)
    assert rows["Kunden & Omnichannel"]["one_time"] == 5_000 and rows["Kunden & Omnichannel"]["planned"] == 1
    assert sum(row["total"] for row in rows.values()) == pytest.approx(year.one_time + year.running)
