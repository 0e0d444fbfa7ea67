"""The Budget page's rules: yearly figures against the budget, the tables per year and field, funding's effect."""

from __future__ import annotations

from roadmap.domain.formats import euro
from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.budget import yearly_costs
from roadmap.planning.funding import funding_effect
from roadmap.planning.planner import plan
from roadmap.views.budget_page import (
    budget_delta,
    default_view,
    field_display,
    field_frame,
    funding_caption,
    funding_frame,
    funding_metrics,
    funding_summary,
    no_funding_text,
    over_budget_text,
    year_frame,
    year_metrics,
)
from ui.session import demo_workshop


def _over_budget() -> Workshop:
    profile = Profile(revenue=1_000_000, baseline_it=50_000)
    return Workshop(profile=profile, measures=(Measure("A", "a", one_time_cost=1_000),))


def test_a_year_over_budget_is_red_and_says_by_how_much() -> None:
    over = _over_budget()
    year = yearly_costs(plan(over.measures, over.profile))[0]

    assert budget_delta(year, "de") == ("20.000\xa0€ über dem Budget", "red")
    assert over_budget_text(year, "de").startswith("2026 liegt 20.000\xa0€ über dem Budget von 30.000\xa0€")


def test_a_year_within_budget_is_green_and_the_metrics_carry_the_year() -> None:
    demo = demo_workshop()
    years = yearly_costs(plan(demo.measures, demo.profile))

    figures = year_metrics(years[-1], True, "en")

    assert [m.label for m in figures] == ["Cost 2027", "Budget 2027", "Share of revenue", "Running IT costs"]
    assert figures[0].colour == "green" and figures[0].delta is not None and "under budget" in figures[0].delta
    assert figures[1].value == "€204,000"
    assert year_metrics(years[-1], False, "en")[0].label == "Cost"


def test_the_year_table_has_one_row_per_year_with_its_status() -> None:
    demo = demo_workshop()
    years = yearly_costs(plan(demo.measures, demo.profile))

    frame = year_frame(years, "en")

    assert list(frame["Year"]) == [str(y.year) for y in years]
    assert set(frame["Status"]) <= {"within budget", "over budget"}


def test_a_horizon_within_one_year_opens_on_the_quarters() -> None:
    demo = demo_workshop()  # December 2026 to December 2027: two years
    assert default_view(plan(demo.measures, demo.profile)) == "years"
    single = _over_budget()
    assert default_view(plan(single.measures, single.profile)) == "quarters"


def test_the_cost_per_field_ends_in_a_sum_line() -> None:
    demo = demo_workshop()

    frame, money = field_frame(plan(demo.measures, demo.profile), "de")

    assert frame.iloc[-1, 0] == "**Summe**"
    for column in money:
        assert abs(frame[column].iloc[-1] - frame[column].iloc[:-1].sum()) < 0.01


def test_the_field_table_writes_euros_and_names_their_columns_to_align_right() -> None:
    demo = demo_workshop()
    frame, money = field_frame(plan(demo.measures, demo.profile), "de")

    shown, right = field_display(frame, money, "de")

    assert right == [list(frame.columns).index(column) + 1 for column in money] and 1 not in right
    for column in money:
        assert all(text.endswith("\xa0€") for text in shown[column])
    assert shown[money[-1]].iloc[-1] == euro(frame[money[-1]].iloc[-1], "de")  # the sum line too
    assert list(shown.iloc[:, 1]) == list(frame.iloc[:, 1])  # the count stays a number


def test_funding_shows_before_after_and_saved() -> None:
    demo = demo_workshop()
    roadmap = plan(demo.measures, demo.profile)
    years = funding_effect(roadmap)
    summary = funding_summary(years)
    rate = roadmap.profile.funding_rate

    figures = funding_metrics(summary, rate, "de")

    assert [m.label for m in figures] == ["Vor Förderung", "Nach Förderung", "Gespart"]
    assert figures[2].value == "51.560\xa0€"
    assert figures[2].colour == "green"
    assert f"auf {summary.eligible} förderfähige" in funding_caption(rate, summary.eligible, "de")
    assert list(funding_frame(years, "en").columns) == ["Year", "before funding", "after funding", "saved"]


def test_without_a_funding_rate_the_eligible_measures_are_counted() -> None:
    assert no_funding_text(3, "en").startswith("No funding rate entered. 3 planned measure(s) are eligible")
