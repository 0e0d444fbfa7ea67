"""The Priorisierung page's tables and texts (roadmap/ranking_view.py)."""

from __future__ import annotations

import math

import pytest

from roadmap.model import (
    EFFORT_SIDE,
    FIELD_COLORS,
    FIELDS,
    FIELDS_EN,
    VALUE_SIDE,
    Criterion,
    Measure,
    Profile,
    Workshop,
)
from roadmap.ranking_view import (
    CARDS_PER_PAGE,
    RANKING_COLUMNS,
    criteria_table,
    dots_given_text,
    dots_left_text,
    ranking_plan,
    ranking_table,
    score_columns,
    score_labels,
    scores_table,
    vote_card,
    vote_page,
    vote_page_count,
    vote_page_label,
)


def _workshop(*measures: Measure, participants: int = 0, **profile: object) -> Workshop:
    return Workshop(profile=Profile(**profile), measures=measures, participants=participants)  # type: ignore[arg-type]


def _many(count: int) -> tuple[Measure, ...]:
    return tuple(Measure(f"M{i:03d}", f"Maßnahme {i}") for i in range(1, count + 1))


def test_the_ranking_table_lists_must_haves_first_and_indexes_each_row_by_its_measure() -> None:
    workshop = _workshop(
        Measure("A", "Quick Win", value=5, effort=1),
        Measure("B", "Pflicht", value=1, effort=5, must_have=True),
        Measure("C", "Ausgeschlossen", value=5, effort=1, excluded=True),
    )

    table = ranking_table(ranking_plan(workshop), "de")

    assert list(table.columns) == list(RANKING_COLUMNS)
    assert list(table.index) == ["B", "A", "C"] and table.index.name == "id"
    assert list(table["rank"]) == [1, 2, 3]
    assert list(table["must_have"]) == [True, False, False] and list(table["excluded"]) == [False, False, True]


def test_the_ranking_table_shows_numbers_in_the_sessions_language() -> None:
    workshop = _workshop(Measure("A", "CRM", value=5, effort=2))

    german, english = ranking_table(ranking_plan(workshop), "de"), ranking_table(ranking_plan(workshop), "en")

    assert (german.loc["A", "value_text"], german.loc["A", "score_text"]) == ("5,0", "2,50")
    assert (english.loc["A", "value_text"], english.loc["A", "score_text"]) == ("5.0", "2.50")


def test_the_ranking_plan_ranks_without_planning() -> None:
    workshop = _workshop(Measure("A", "CRM"), Measure("B", "ERP", value=5))

    plan = ranking_plan(workshop)

    assert [r.measure.id for r in plan.ranking] == ["B", "A"]
    assert plan.measures == workshop.measures and plan.profile == workshop.profile


def test_the_criteria_table_has_one_row_per_criterion_with_a_decimal_weight() -> None:
    table = criteria_table((Criterion("Kundennutzen"), Criterion("Kosten", EFFORT_SIDE, 2)))

    assert list(table.columns) == ["name", "side", "weight"]
    assert table.values.tolist() == [["Kundennutzen", VALUE_SIDE, 1.0], ["Kosten", EFFORT_SIDE, 2.0]]
    assert str(table["weight"].dtype) == "float64"


def test_no_criteria_give_an_empty_criteria_table_with_its_columns() -> None:
    table = criteria_table(())

    assert table.empty and list(table.columns) == ["name", "side", "weight"]


def test_score_columns_are_numbered_and_headed_by_criterion_and_side() -> None:
    criteria = (Criterion("Kundennutzen"), Criterion("Kosten", EFFORT_SIDE))

    assert score_columns(criteria) == {"c0": "Kundennutzen", "c1": "Kosten"}
    assert score_labels(criteria, "de") == {"c0": "Kundennutzen (Nutzen)", "c1": "Kosten (Aufwand)"}
    assert score_labels(criteria, "en") == {"c0": "Kundennutzen (Value)", "c1": "Kosten (Effort)"}


def test_the_scores_table_shows_each_score_and_the_value_and_effort_they_give() -> None:
    workshop = _workshop(
        Measure("A", "CRM", value=2, effort=4, criteria={"Kundennutzen": 5, "Kosten": 2}),
        Measure("B", "ERP", value=2, effort=4),
        criteria=(Criterion("Kundennutzen"), Criterion("Kosten", EFFORT_SIDE)),
    )

    table = scores_table(workshop, "de")

    assert list(table.columns) == ["title", "c0", "c1", "value", "effort"]
    assert list(table.loc[0, ["title", "c0", "c1", "value", "effort"]]) == ["CRM", 5.0, 2.0, "5,0", "2,0"]
    assert math.isnan(table.loc[1, "c0"]) and list(table.loc[1, ["value", "effort"]]) == ["2,0", "4,0"]
    assert str(table["c0"].dtype) == "float64"


@pytest.mark.parametrize(
    ("participants", "votes", "lang", "left", "given"),
    [
        (6, 5, "de", "13", "5 von 18"),
        (6, 5, "en", "13", "5 of 18"),
        (6, 20, "de", "0", "20 von 18"),
        (0, 5, "de", "unbegrenzt", "5"),
        (0, 5, "en", "unlimited", "5"),
    ],
)
def test_the_dots_left_and_given_read_against_the_rooms_budget(
    participants: int, votes: int, lang: str, left: str, given: str
) -> None:
    workshop = _workshop(Measure("A", "CRM", votes=votes), participants=participants, dots_per_person=3)

    assert (dots_left_text(workshop, lang), dots_given_text(workshop, lang)) == (left, given)


@pytest.mark.parametrize(("total", "pages"), [(0, 0), (1, 1), (CARDS_PER_PAGE, 1), (CARDS_PER_PAGE + 1, 2), (500, 17)])
def test_voting_cards_fill_pages_of_thirty(total: int, pages: int) -> None:
    assert vote_page_count(total) == pages


def test_a_page_of_voting_cards_is_named_by_the_measures_it_holds() -> None:
    assert vote_page_label(0, 500, "de") == "1–30 von 500"
    assert vote_page_label(16, 500, "en") == "481–500 of 500"


def test_a_page_of_voting_cards_holds_its_thirty_measures_in_the_workshops_order() -> None:
    measures = _many(75)

    first, last = vote_page(measures, 0), vote_page(measures, 2)

    assert [m.id for m in first] == [f"M{i:03d}" for i in range(1, 31)]
    assert [m.id for m in last] == [f"M{i:03d}" for i in range(61, 76)]
    assert vote_page(measures[:10], 0) == list(measures[:10])


def test_a_voting_card_shows_title_translated_field_and_dots_in_the_fields_colour() -> None:
    measure = Measure("A", "CRM einführen", field=FIELDS[2], votes=4)

    german, english = vote_card(measure, "de"), vote_card(measure, "en")

    assert FIELD_COLORS[FIELDS[2]] in german and "CRM einführen" in german
    assert f">{FIELDS[2].replace('&', '&amp;')}<" in german
    assert f">{FIELDS_EN[FIELDS[2]].replace('&', '&amp;')}<" in english
    assert german.endswith(">4</div></div>")


def test_a_voting_card_escapes_markup_in_the_title() -> None:
    card = vote_card(Measure("A", "<b>Backup</b> & Restore"), "de")

    assert "&lt;b&gt;Backup&lt;/b&gt; &amp; Restore" in card and "<b>Backup</b>" not in card
