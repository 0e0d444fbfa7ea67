"""The Bestandsaufnahme page: questions answered at once, the chart of six fields, one-click suggestions."""

from __future__ import annotations

import json

import pytest

from roadmap.domain.vocabulary import FIELDS
from roadmap.domain.workshop import Workshop
from roadmap.workshop.maturity import QUESTIONS
from tests.pages import WORKSHOPS, held, open_page, own

PAGE = "app_pages/02_bestandsaufnahme.py"


def progress_text(app: object) -> str:
    """The text of the page's progress bar."""
    return app.get("progress")[0].proto.text  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_page_shows_progress_and_the_questions_for_every_workshop(name: str, lang: str) -> None:
    workshop = WORKSHOPS[name]()

    app = open_page(PAGE, workshop, lang)

    assert not app.exception
    done = len(workshop.maturity)
    assert progress_text(app) == (
        f"{done} von 18 Fragen beantwortet" if lang == "de" else f"{done} of 18 questions answered"
    )
    assert len(own(app.segmented_control)) == 3
    assert app.title[0].value == ("Bestandsaufnahme" if lang == "de" else "Maturity check")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_demo_shows_the_chart_of_the_six_fields_and_names_the_weakest(lang: str) -> None:
    app = open_page(PAGE, lang=lang)

    (chart,) = app.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)

    assert spec["title"]["text"] == (
        "Digitaler Reifegrad je Handlungsfeld" if lang == "de" else "Digital maturity per field of action"
    )
    assert [dataset.name for dataset in chart.proto.datasets] == ["fields"]
    weakest = next(m.value for m in app.markdown if m.value.startswith(("Am schwächsten", "Weakest")))
    assert ("Kunden & Omnichannel" if lang == "de" else "Customers & omnichannel") in weakest
    assert ("1,0" if lang == "de" else "1.0") in weakest
    assert ("Strategie" if lang == "de" else "Strategy") not in weakest


def test_without_answers_the_page_explains_instead_of_showing_an_empty_chart() -> None:
    app = open_page(PAGE, Workshop())

    assert not app.get("vega_lite_chart")
    assert "Sobald die ersten Fragen beantwortet sind" in app.info[0].value
    assert not own(app.button)


def test_an_answer_is_saved_at_once_and_counted() -> None:
    app = open_page(PAGE, Workshop())

    app.segmented_control(key="bestandsaufnahme_proz-2").set_value(3).run()

    assert held(app).workshop.maturity == {"proz-2": 3}
    assert progress_text(app) == "1 von 18 Fragen beantwortet"
    assert app.get("vega_lite_chart")


def test_clearing_an_answer_makes_the_question_open_again() -> None:
    app = open_page(PAGE)

    app.segmented_control(key="bestandsaufnahme_proz-1").set_value(None).run()

    assert "proz-1" not in held(app).workshop.maturity
    assert progress_text(app) == "17 von 18 Fragen beantwortet"


def test_choosing_a_field_shows_its_questions() -> None:
    app = open_page(PAGE, Workshop(), "en")

    app.pills(key="bestandsaufnahme_field").set_value(FIELDS[5]).run()

    strategy = [q.text("en") for q in QUESTIONS if q.field == FIELDS[5]]
    assert [control.label for control in own(app.segmented_control)] == strategy


def test_a_suggestion_is_added_with_one_click_and_then_no_longer_offered() -> None:
    app = open_page(PAGE)
    before = len(held(app).workshop.measures)
    first = own(app.button)[0]
    item_id = first.key.removeprefix("bestandsaufnahme_add_")

    first.click().run()

    measures = held(app).workshop.measures
    assert not app.exception
    assert len(measures) == before + 1 and measures[-1].id == item_id
    assert first.key not in [button.key for button in own(app.button)]


def test_suggestions_are_for_the_weakest_fields_only() -> None:
    answers = {"proz-1": 4, "daten-1": 4, "cloud-1": 0, "kunde-1": 4, "team-1": 4, "strat-1": 4}
    app = open_page(PAGE, Workshop(maturity=answers))

    captions = [c.value for c in app.caption]

    assert own(app.button)
    assert captions.count("Cloud & IT-Sicherheit") == len(own(app.button))


def test_presenter_mode_shows_the_chart_and_the_weakest_fields_without_any_control() -> None:
    app = open_page(PAGE, presenter=True)

    assert not app.exception
    assert app.get("vega_lite_chart")
    assert any(m.value.startswith("Am schwächsten") for m in app.markdown)
    assert not own(app.segmented_control) and not app.pills and not own(app.button) and not app.get("progress")
