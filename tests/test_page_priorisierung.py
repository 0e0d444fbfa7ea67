"""The Priorisierung page (app_pages/04_priorisierung.py): matrix, ranking, flags, dot voting, criteria."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages import WORKSHOPS, action, held, open_page, own, places
from ui.session import demo_workshop

PAGE = "app_pages/04_priorisierung.py"


def _chart_spec(app: AppTest) -> dict:
    charts = app.get("vega_lite_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def _metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _open_section(app: AppTest, section: str) -> AppTest:
    app.segmented_control(key="priorisierung_section").set_value(section).run()
    assert not app.exception
    return app


def _votes(app: AppTest) -> dict[str, int]:
    return {m.id: m.votes for m in held(app).workshop.measures}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", ["empty", "demo", "large"])
def test_the_page_opens_with_every_workshop_in_both_languages(name: str, lang: str) -> None:
    workshop = WORKSHOPS[name]()

    app = open_page(PAGE, workshop, lang)

    assert not app.exception
    assert app.title[0].value == ("Priorisierung" if lang == "de" else "Prioritisation")
    if name == "empty":
        assert app.info and not app.get("vega_lite_chart") and not app.data_editor
        return
    spec = _chart_spec(app)
    assert spec["title"]["text"] == (
        "Nutzen und Aufwand der Maßnahmen" if lang == "de" else "Value and effort of the measures"
    )
    assert len(app.data_editor[0].value) == len(workshop.measures)


@pytest.mark.parametrize(("lang", "given", "left"), [("de", "Vergeben", "Punkte übrig"), ("en", "Given", "Dots left")])
def test_the_demo_shows_the_dots_given_and_left_in_large_type(lang: str, given: str, left: str) -> None:
    app = _open_section(open_page(PAGE, demo_workshop(), lang), "voting")

    metrics = _metrics(app)

    assert metrics[left] == "0"
    assert metrics[given] == ("18 von 18" if lang == "de" else "18 of 18")


def test_more_dots_than_allowed_are_shown_with_a_warning() -> None:
    app = _open_section(open_page(PAGE, WORKSHOPS["large"](), "de"), "voting")

    assert _metrics(app)["Vergeben"] == "286 von 24"
    assert any("mehr Punkte vergeben" in warning.value for warning in app.warning)


def test_the_ranking_lists_must_haves_first_with_german_numbers() -> None:
    app = open_page(PAGE, demo_workshop(), "de")

    table = app.data_editor[0].value

    assert list(table.index[:2]) == ["M03", "M04"]
    assert list(table["title"][:2]) == ["Zwei-Faktor-Authentifizierung", "Datensicherung nach 3-2-1-Regel"]
    assert list(table["must_have"][:2]) == [True, True]
    assert table["score_text"].iloc[1] == "2,50" and table["quadrant"].iloc[0] == "Quick Wins"


def test_a_dot_is_given_with_plus_and_taken_back_with_minus() -> None:
    app = _open_section(open_page(PAGE, demo_workshop(), "de"), "voting")
    assert app.button(key="priorisierung_vote_plus_M01").disabled  # all 18 dots are given

    app.number_input(key="priorisierung_participants").set_value(8).run()
    app.button(key="priorisierung_vote_plus_M01").click().run()
    app.button(key="priorisierung_vote_minus_M15").click().run()

    assert not app.exception
    assert (_votes(app)["M01"], _votes(app)["M15"]) == (1, 2)
    assert _metrics(app)["Punkte übrig"] == "6"


def test_resetting_the_dots_needs_a_confirmation() -> None:
    app = _open_section(open_page(PAGE, demo_workshop(), "de"), "voting")
    assert action(app, "priorisierung_reset").disabled

    app.checkbox(key="priorisierung_reset_sure").check().run()
    action(app, "priorisierung_reset").click().run()

    assert not app.exception
    assert set(_votes(app).values()) == {0}
    assert _metrics(app)["Vergeben"] == "0 von 18"


def test_votes_can_be_made_to_raise_the_value_with_a_chosen_weight() -> None:
    app = _open_section(open_page(PAGE, demo_workshop(), "de"), "voting")
    assert app.number_input(key="priorisierung_vote_weight").disabled

    app.radio(key="priorisierung_vote_mode").set_value("value").run()
    app.number_input(key="priorisierung_vote_weight").set_value(0.25).run()

    profile = held(app).workshop.profile
    assert (profile.vote_mode, profile.vote_weight) == ("value", 0.25)
    assert not app.number_input(key="priorisierung_vote_weight").disabled


def test_the_criteria_editor_shows_the_scores_table_once_criteria_exist() -> None:
    from roadmap.domain.profile import Criterion

    workshop = demo_workshop()
    workshop = workshop.with_changes(
        profile=workshop.profile.with_changes(criteria=(Criterion("Kundennutzen"), Criterion("Kosten", "effort")))
    )

    app = _open_section(open_page(PAGE, workshop, "de"), "criteria")

    assert list(app.data_editor[0].value["name"]) == ["Kundennutzen", "Kosten"]
    scores = app.data_editor[1].value
    assert list(scores.columns) == ["title", "c0", "c1", "value", "effort"]
    assert len(scores) == len(workshop.measures)


@pytest.mark.parametrize("name", ["demo", "large"])
def test_presenter_mode_shows_matrix_and_ranking_and_no_controls(name: str) -> None:
    app = open_page(PAGE, WORKSHOPS[name](), "de", presenter=True)

    assert not app.exception
    assert _chart_spec(app)
    assert len(app.dataframe) == 1 and not app.data_editor
    assert not own(app.button) and not app.number_input and not app.radio and not app.checkbox and not app.selectbox
    assert not own(app.segmented_control)


def test_the_large_workshop_votes_page_by_page() -> None:
    app = _open_section(open_page(PAGE, WORKSHOPS["large"](), "de"), "voting")
    assert app.button(key="priorisierung_vote_minus_L0001")

    app.selectbox(key="priorisierung_vote_page").set_value(16).run()

    assert not app.exception
    assert app.button(key="priorisierung_vote_minus_L0500")
    assert len([b for b in own(app.button) if b.key.startswith("priorisierung_vote_plus_")]) == 20


def test_the_voting_fields_keep_their_place_when_the_warnings_about_dots_come_and_go() -> None:
    # The browser makes a moved field anew, dropping what is typed into it (docs/architecture.md).
    app = _open_section(open_page(PAGE, demo_workshop(), "de"), "voting")  # all dots given: a note above the cards
    before = places(app)
    assert app.info

    app.number_input(key="priorisierung_participants").set_value(8).run()  # dots left: the note goes
    assert not app.info
    app.number_input(key="priorisierung_participants").set_value(2).run()  # too many given: a warning comes
    assert any("mehr Punkte vergeben" in warning.value for warning in app.warning)

    after = places(app)
    assert {key: after[key] for key in before} == before
