"""The maturity check (Bestandsaufnahme): questions, scores per field, weakest fields and suggestions."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.vocabulary import FIELDS
from roadmap.domain.workshop import Workshop
from roadmap.workshop.catalogue import catalogue, to_measure
from roadmap.workshop.maturity import (
    ANSWER_LABELS,
    QUESTIONS,
    answered,
    field_scores,
    questions_of,
    suggestions,
    weakest_fields,
)


def test_every_field_of_action_has_three_questions_with_unique_ids() -> None:
    ids = [q.id for q in QUESTIONS]

    assert [len(questions_of(field)) for field in FIELDS] == [3] * 6
    assert len(set(ids)) == len(ids) == 18


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_question_and_answer_reads_in_both_languages(lang: str) -> None:
    texts = [q.text(lang) for q in QUESTIONS] + [label(lang) for label in ANSWER_LABELS]

    assert all(text.strip() for text in texts)
    assert [label(lang)[0] for label in ANSWER_LABELS] == ["0", "1", "2", "3", "4"]


def test_a_field_without_answers_has_no_score_rather_than_zero() -> None:
    scores = field_scores({"proz-1": 0})

    assert scores["Prozessautomatisierung"] == 0
    assert scores["Strategie & Kultur"] is None


def test_the_score_of_a_field_is_the_mean_of_its_given_answers() -> None:
    scores = field_scores({"daten-1": 1, "daten-2": 4, "cloud-1": 3})

    assert scores["Daten & Entscheidungen"] == pytest.approx(2.5)
    assert scores["Cloud & IT-Sicherheit"] == pytest.approx(3.0)


def test_only_questions_of_the_check_count_as_answered() -> None:
    assert answered({"proz-1": 2, "strat-3": 0, "gone-9": 4}) == 2


# Process automation scores 2.5, data 1, cloud 4, customers 1; people and strategy are not answered.
ANSWERS = {"proz-1": 2, "proz-2": 3, "daten-1": 1, "cloud-1": 4, "kunde-1": 1, "kunde-2": 1}


def test_the_two_lowest_fields_are_the_weakest() -> None:
    assert weakest_fields(ANSWERS) == ["Daten & Entscheidungen", "Kunden & Omnichannel"]


def test_a_field_tied_with_the_second_weakest_is_weakest_too_in_field_order() -> None:
    answers = {"proz-1": 3, "daten-1": 1, "cloud-1": 1, "kunde-1": 0, "strat-1": 4}

    assert weakest_fields(answers) == ["Daten & Entscheidungen", "Cloud & IT-Sicherheit", "Kunden & Omnichannel"]


@pytest.mark.parametrize(
    ("answers", "weak"),
    [
        ({}, []),
        ({"proz-1": 1}, []),
        ({"proz-1": 2, "daten-1": 2, "cloud-1": 2}, []),
        ({"proz-1": 3, "daten-1": 1}, ["Daten & Entscheidungen"]),
        ({"proz-1": 1, "daten-1": 1, "cloud-1": 3}, ["Prozessautomatisierung", "Daten & Entscheidungen"]),
    ],
)
def test_a_field_is_weakest_only_if_some_answered_field_scores_higher(answers: dict[str, int], weak: list[str]) -> None:
    assert weakest_fields(answers) == weak


def test_suggestions_can_be_limited_to_the_first_weakest_fields() -> None:
    workshop = Workshop(maturity={"proz-1": 4, "cloud-1": 0, "team-1": 1, "strat-1": 3})

    fields = {item.field for item in suggestions(workshop, count=1)}

    assert fields == {"Cloud & IT-Sicherheit"}


def test_no_answers_means_no_weakest_fields_and_no_suggestions() -> None:
    assert weakest_fields({}) == []
    assert suggestions(Workshop()) == []


def test_suggestions_come_from_the_weakest_fields_only() -> None:
    workshop = Workshop(maturity={"proz-1": 4, "cloud-1": 0, "team-1": 1, "strat-1": 3})

    fields = {item.field for item in suggestions(workshop)}

    assert fields == {"Cloud & IT-Sicherheit", "Mitarbeitende & Kompetenzen"}


def test_a_suggestion_already_in_the_workshop_is_not_offered_again() -> None:
    answers = {"cloud-1": 0, "team-1": 1, "strat-1": 4}
    first, second, *_ = suggestions(Workshop(maturity=answers))
    by_id = to_measure(first, "en")
    by_title = Measure("OWN-1", second.title_de, field=second.field)

    offered = suggestions(Workshop(measures=(by_id, by_title), maturity=answers))

    assert first not in offered and second not in offered
    assert len(offered) == len(suggestions(Workshop(maturity=answers))) - 2


def test_suggestions_are_ordered_best_value_for_effort_first() -> None:
    items = suggestions(Workshop(maturity={"cloud-1": 0, "team-1": 1, "strat-1": 4}))

    ratios = [item.value / item.effort for item in items]

    assert ratios == sorted(ratios, reverse=True)
    assert {item.id for item in items} <= {item.id for item in catalogue()}
