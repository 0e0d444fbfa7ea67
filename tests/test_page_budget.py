"""The Budget page: cost per year against budget, the cost charts, cost per field, funding and the corridor."""

from __future__ import annotations

import json

import pytest
from streamlit.util import calc_hash

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from tests.pages import WORKSHOPS, open_page, own
from ui.session import demo_workshop

PAGE = "app_pages/06_budget.py"

# Headline figures per workshop: (German, English) for each metric label that must be shown.
HEADLINES = {
    "demo": {
        ("Kosten 2026", "Cost 2026"): ("15.717\xa0€", "€15,717"),  # December only
        ("Budget 2026", "Budget 2026"): ("17.000\xa0€", "€17,000"),
        ("Kosten 2027", "Cost 2027"): ("199.740\xa0€", "€199,740"),
        ("Budget 2027", "Budget 2027"): ("204.000\xa0€", "€204,000"),
        ("Anteil am Umsatz", "Share of revenue"): ("2,9 %", "2.9 %"),  # the last year's
        ("Laufende IT-Kosten", "Running IT costs"): ("1,9 %", "1.9 %"),
        ("Gespart", "Saved"): ("51.560\xa0€", "€51,560"),
    },
    "large": {
        ("Kosten 2027", "Cost 2027"): ("1.800.000\xa0€", "€1,800,000"),
        ("Budget 2027", "Budget 2027"): ("1.800.000\xa0€", "€1,800,000"),
    },
}


def metrics(app: object) -> dict[str, str]:
    """Metric label -> shown value."""
    return {m.label: m.value for m in app.metric}  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_page_shows_cost_against_budget_for_every_workshop(name: str, lang: str) -> None:
    app = open_page(PAGE, WORKSHOPS[name](), lang)

    assert not app.exception
    if name == "empty":
        assert app.info and not app.metric and not app.get("vega_lite_chart")
        return
    shown = metrics(app)
    index = 0 if lang == "de" else 1
    for labels, values in HEADLINES[name].items():
        assert shown[labels[index]] == values[index]
    (chart,) = app.get("vega_lite_chart")
    period = ("Jahr", "year")  # the demo's horizon spans two calendar years, the large one's too
    assert json.loads(chart.proto.spec)["title"]["text"] == (
        f"IT-Kosten pro {period[0]} gegen Budget und Korridor"
        if lang == "de"
        else f"IT costs per {period[1]} against budget and corridor"
    )


def test_the_view_switch_draws_the_other_chart() -> None:
    app = open_page(PAGE)

    app.button_group(key="budget_view").set_value("years").run()

    (chart,) = app.get("vega_lite_chart")
    assert json.loads(chart.proto.spec)["title"]["text"] == "IT-Kosten pro Jahr gegen Budget und Korridor"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_corridor_verdict_is_said_in_plain_words(lang: str) -> None:
    app = open_page(PAGE, lang=lang)

    verdict = app.success[0].value

    assert verdict == (
        "2026: laufende IT-Kosten 1,4 % des Umsatzes – im Korridor von 1–5 %."
        if lang == "de"
        else "2026: running IT costs 1.4 % of revenue – within the 1–5 % corridor."
    )


def test_the_cost_per_field_adds_up_to_the_new_costs() -> None:
    app = open_page(PAGE)

    table = app.table[0].value

    assert list(table.iloc[:, 0])[:6] == [
        "Prozessautomatisierung",
        "Daten & Entscheidungen",
        "Cloud & IT-Sicherheit",
        "Kunden & Omnichannel",
        "Mitarbeitende & Kompetenzen",
        "Strategie & Kultur",
    ]
    assert table.iloc[-1, -1] == "112.540\xa0€"  # 80.040 € one-time after funding + 32.500 € running, as shown


def test_the_effect_of_funding_shows_before_after_and_saved() -> None:
    app = open_page(PAGE)

    shown = metrics(app)

    assert (shown["Vor Förderung"], shown["Nach Förderung"]) == ("131.600\xa0€", "80.040\xa0€")


def test_without_a_funding_rate_the_page_says_what_funding_would_do() -> None:
    demo = demo_workshop()
    workshop = demo.with_changes(profile=demo.profile.with_changes(funding_rate=0))

    app = open_page(PAGE, workshop)

    assert "Keine Förderquote eingetragen" in app.info[0].value
    assert "Gespart" not in metrics(app)


def test_a_year_over_budget_is_flagged() -> None:
    profile = Profile(revenue=1_000_000, baseline_it=50_000)
    workshop = Workshop(profile=profile, measures=(Measure("A", "a", one_time_cost=1_000),))

    app = open_page(PAGE, workshop)

    assert "2026 liegt 20.000\xa0€ über dem Budget von 30.000\xa0€" in app.error[0].value
    assert app.metric[0].proto.delta == "20.000\xa0€ über dem Budget"


def test_running_costs_outside_the_corridor_are_warned_about() -> None:
    profile = Profile(revenue=1_000_000, baseline_it=5_000)
    workshop = Workshop(profile=profile, measures=(Measure("A", "a", one_time_cost=1_000),))

    app = open_page(PAGE, workshop, "en")

    assert "below 1 %, which suggests under-investment" in app.warning[0].value


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_workshop_without_revenue_explains_that_a_budget_needs_it(lang: str) -> None:
    demo = demo_workshop()
    workshop = demo.with_changes(profile=demo.profile.with_changes(revenue=0))

    app = open_page(PAGE, workshop, lang)

    assert not app.exception
    assert ("Jahresumsatz" if lang == "de" else "annual revenue") in app.warning[0].value
    assert not app.metric and not app.get("vega_lite_chart")
    assert app.get("page_link")[0].proto.page_script_hash == calc_hash("unternehmen")


def test_presenter_mode_shows_the_figures_and_no_editing_widgets() -> None:
    app = open_page(PAGE, presenter=True)

    assert not app.exception
    assert metrics(app)["Kosten 2026"] == "15.717\xa0€"
    assert not own(app.button) and not app.number_input and not app.text_input and not app.selectbox
