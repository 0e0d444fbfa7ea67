"""The Unternehmen page's rules, without Streamlit: choices offered, how each change applies, what is said."""

from __future__ import annotations

from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.phases import phases
from roadmap.views import company_form as form

NOW = Month(2026, 12)


def test_the_months_offered_reach_three_years_back_and_six_ahead() -> None:
    offered = form.horizon_choices(NOW)
    assert offered[0] == Month(2023, 12)
    assert offered[-1] == Month(2032, 12)
    assert form.month_labels("de", NOW)[Month(2027, 1)] == "Januar 2027"


def test_a_horizon_bound_outside_the_months_offered_is_still_a_choice() -> None:
    far = Month(2040, 1)
    assert form.month_choices(far, NOW)[-1] == far
    assert form.month_choices(NOW, NOW) == form.horizon_choices(NOW)


def test_the_planning_month_offers_this_month_first_and_a_fixed_one_outside_the_range() -> None:
    assert form.as_of_choices(None, NOW)[0] == form.CURRENT
    assert form.as_of_choices(Month(2010, 1), NOW)[-1] == Month(2010, 1)
    labels = form.as_of_labels("en", NOW)
    assert labels[form.CURRENT] == "Current month (December 2026)"
    assert labels[Month(2027, 1)] == "January 2027"


def test_choosing_this_month_leaves_the_planning_month_unfixed() -> None:
    fixed = form.set_as_of(Workshop(), Month(2027, 1))
    assert fixed.profile.as_of == Month(2027, 1)
    assert form.set_as_of(fixed, form.CURRENT).profile.as_of is None


def test_a_profile_setting_changes_only_that_setting() -> None:
    changed = form.set_profile("revenue")(Workshop(profile=Profile(name="A")), 1_000_000.0)
    assert changed.profile.revenue == 1_000_000
    assert changed.profile.name == "A"


def test_an_emptied_phase_name_falls_back_to_the_quarter_and_trailing_blanks_are_dropped() -> None:
    named = form.set_phase_name(1)(Workshop(), "  Pilot  ")
    assert named.profile.phase_names == ("", "Pilot")
    assert form.set_phase_name(1)(named, " ").profile.phase_names == ()
    assert [p.name for p in phases(named.profile)][:2] == ["Q1/2026", "Pilot"]


def test_a_year_given_the_annual_revenue_again_loses_its_own_figure() -> None:
    workshop = Workshop(profile=Profile(revenue=1_000_000, horizon_end=Month(2027, 12)))
    grown = form.set_year_revenue(2027)(workshop, 1_200_000.0)
    assert grown.profile.revenue_by_year == {2027: 1_200_000}
    assert form.set_year_revenue(2027)(grown, 1_000_000.0).profile.revenue_by_year == {}


def test_only_a_horizon_over_several_years_has_a_revenue_per_year() -> None:
    assert form.revenue_years(Profile()) == []
    assert form.revenue_years(Profile(horizon_end=Month(2027, 6))) == [2026, 2027]


def test_a_phase_shows_its_months_and_the_name_given() -> None:
    profile = Profile(phase_names=("Start",))
    first, second = phases(profile)[:2]
    assert form.phase_period(first, "de") == "Januar 2026 – März 2026"
    assert (form.phase_name(profile, first), form.phase_name(profile, second)) == ("Start", "")


def test_the_budget_captions_use_the_languages_number_format() -> None:
    profile = Profile(revenue=1_000_000, budget_share=2.5)
    assert form.share_caption(profile, "de") == "= 2,5 % vom Umsatz"
    assert form.budget_label(profile, "en") == "Budget per year (2.5 %)"
    assert form.corridor_caption(profile, "de").startswith("Korridor 1–5 %: ")


def test_no_revenue_is_said_to_mean_no_budget() -> None:
    assert form.revenue_note(Profile()) is form.NO_REVENUE
    assert form.revenue_note(Profile(revenue=1)) is None


def test_a_planning_month_before_this_month_is_warned_about() -> None:
    assert form.past_as_of_warning(Profile(), NOW) is None
    assert form.past_as_of_warning(Profile(as_of=NOW), NOW) is None
    warning = form.past_as_of_warning(Profile(as_of=Month(2026, 3)), NOW)
    assert warning is not None and "März 2026" in warning("de")


def test_the_summary_names_what_is_known() -> None:
    assert form.summary_subtitle(Profile(), "de") == ""
    assert form.summary_subtitle(Profile(industry="Bau", employees=12), "en") == "Bau · 12 employees"
    assert form.horizon_span(Profile()) == "01/2026 – 12/2026"
    assert form.as_of_caption(None, "de") == ""
    assert form.as_of_caption(Month(2027, 1), "en") == "Plan as of: January 2027"
