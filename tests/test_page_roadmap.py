"""The Roadmap page (app_pages/05_roadmap.py): headline figures, Gantt chart, milestones, reasons, pins."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from roadmap.domain.month import Month
from tests.pages import WORKSHOPS, held, open_page, own
from ui.session import demo_workshop

PAGE = "app_pages/05_roadmap.py"


def _metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _texts(app: AppTest) -> str:
    return "\n".join(element.value for element in [*app.markdown, *app.caption])


def _measure(app: AppTest, measure_id: str):
    return held(app).workshop.by_id()[measure_id]


@pytest.mark.parametrize(
    ("name", "lang", "planned"),
    [
        ("demo", "de", ("Eingeplant", "18 von 21")),
        ("demo", "en", ("Planned", "18 of 21")),
        ("large", "de", ("Eingeplant", "231 von 500")),
        ("large", "en", ("Planned", "231 of 500")),
    ],
)
def test_the_headline_shows_what_is_planned_the_phases_and_the_summed_score(
    name: str, lang: str, planned: tuple[str, str]
) -> None:
    app = open_page(PAGE, WORKSHOPS[name](), lang)

    metrics = _metrics(app)

    assert not app.exception
    assert metrics[planned[0]] == planned[1]
    assert metrics["Phasen" if lang == "de" else "Phases"] == ("5" if name == "demo" else "8")
    if name == "demo":
        assert metrics["Summe der Scores" if lang == "de" else "Summed score"] == ("42,0" if lang == "de" else "42.0")
    chart = app.get("vega_lite_chart")[0].proto
    assert "title" not in json.loads(chart.spec)  # the page's own title names it
    legend = next(block.body for block in app.get("html") if "gantt-legend" in block.body)  # above the chart
    assert all(word in legend for word in (["Geplant", "Verspätet", "Meilenstein"] if lang == "de" else ["Planned"]))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_empty_workshop_gets_the_hint_and_no_chart(lang: str) -> None:
    app = open_page(PAGE, WORKSHOPS["empty"](), lang)

    assert not app.exception
    assert app.info and not app.get("vega_lite_chart") and not app.metric


def test_each_phase_ends_in_a_milestone_with_the_measures_finished_by_then() -> None:
    app = open_page(PAGE, demo_workshop(), "de")

    texts = _texts(app)

    assert "**Phase 1 – Quick Wins & Grundlagen**" in texts
    assert "Meilenstein am 31.12.2026" in texts and "Meilenstein am 31.03.2027" in texts
    assert "10 in dieser Phase fertig, 13 insgesamt" in texts
    assert "- ERP für den Mittelstand" in texts


@pytest.mark.parametrize(
    ("lang", "reason"),
    [("de", "Budget reicht nicht: im günstigsten Startmonat fehlen 2027 noch 4.740\u00a0€."), ("en", "4,740")],
)
def test_what_is_not_planned_is_listed_with_its_reason_in_words(lang: str, reason: str) -> None:
    app = open_page(PAGE, demo_workshop(), lang)

    texts = _texts(app)

    assert any(s.value == ("Nicht eingeplant (3)" if lang == "de" else "Not planned (3)") for s in app.subheader)
    assert "**KI-Pilot Angebotskalkulation**" in texts and reason in texts


def test_a_pinned_month_moves_the_measure_and_releasing_the_pin_moves_it_back() -> None:
    app = open_page(PAGE, demo_workshop(), "de")

    app.selectbox(key="roadmap_pin_measure").set_value("M09").run()
    app.selectbox(key="roadmap_pin_month_M09").set_value(Month(2027, 6)).run()

    assert not app.exception
    assert _measure(app, "M09").pinned == Month(2027, 6)
    assert "**E-Rechnung einführen** läuft von Juni 2027 bis Juli 2027." in _texts(app)

    app.button(key="roadmap_unpin_M09").click().run()

    assert _measure(app, "M09").pinned is None
    assert "**E-Rechnung einführen** läuft von Januar 2027 bis Februar 2027." in _texts(app)


def test_a_pin_that_cannot_be_kept_says_why() -> None:
    app = open_page(PAGE, demo_workshop(), "de")

    app.selectbox(key="roadmap_pin_measure").set_value("M03").run()
    app.selectbox(key="roadmap_pin_month_M03").set_value(Month(2027, 1)).run()  # M02 runs until January

    assert _measure(app, "M03").pinned == Month(2027, 1)
    assert "**Zwei-Faktor-Authentifizierung**:" in _texts(app)
    assert _metrics(app)["Eingeplant"] == "17 von 21"


def test_the_optimal_switch_plans_again_and_says_whether_it_is_proven() -> None:
    app = open_page(PAGE, demo_workshop(), "de")

    app.segmented_control(key="roadmap_mode").set_value("optimal").run()

    assert not app.exception
    assert held(app).workshop.profile.mode == "optimal"
    assert _metrics(app)["Optimaler Plan"] == "bewiesen optimal"


@pytest.mark.parametrize("name", ["demo", "large"])
def test_presenter_mode_shows_the_plan_without_switch_or_pin_controls(name: str) -> None:
    app = open_page(PAGE, WORKSHOPS[name](), "de", presenter=True)

    assert not app.exception
    assert app.get("vega_lite_chart") and app.metric
    assert not own(app.segmented_control) and not app.selectbox and not own(app.button)


def test_titles_are_shown_as_typed_even_with_markdown_characters() -> None:
    from roadmap.domain.measure import Measure
    from roadmap.domain.workshop import Workshop

    workshop = Workshop(measures=(Measure("A", "CRM_neu *jetzt*"),))

    app = open_page(PAGE, workshop, "de")

    assert "- CRM\\_neu \\*jetzt\\*" in _texts(app)


def test_the_baselines_ghost_bars_are_drawn_and_can_be_switched_off() -> None:
    from ui.session import store

    ident = store().create(demo_workshop(), "Basis")
    store().take_snapshot(ident, "Plan vom Workshop")
    app = open_page(PAGE, ident=ident)

    chart = app.get("vega_lite_chart")[0].proto

    assert app.toggle(key="roadmap_baseline").value is True
    assert "baseline" in {data.name for data in chart.datasets}
    assert "wo der Basisplan jede Maßnahme vorgesehen hatte" in _texts(app)

    app.toggle(key="roadmap_baseline").set_value(False).run()

    assert "baseline" not in {data.name for data in app.get("vega_lite_chart")[0].proto.datasets}
    assert "wo der Basisplan" not in _texts(app)


@pytest.mark.parametrize("presenter", [False, True])
def test_the_gantt_chart_comes_first_fitted_to_the_screen_and_explained_below_it(presenter: bool) -> None:
    app = open_page(PAGE, WORKSHOPS["demo"](), "de", presenter=presenter)

    spec = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    captions = "\n".join(caption.value for caption in app.caption)

    assert not app.exception
    assert spec["height"] == 19 * 34  # 18 bars and the milestone row, each with room to spare on 1080 px
    assert "Ein Balken je geplanter Maßnahme" in captions and "1 Phase 1 – Quick Wins & Grundlagen" in captions
