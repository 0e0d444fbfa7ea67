"""The Priorisierung page's tables and texts (roadmap/views/priorities.py)."""

from __future__ import annotations

import math

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Criterion, Profile, Side, VoteMode
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS, FIELDS_EN
from roadmap.domain.workshop import Workshop
from roadmap.views.priorities import (
    CARDS_PER_PAGE,
    RANKING_COLUMNS,
    SIDES,
    criteria_column_specs,
    criteria_table,
    dots_figures,
    dots_given_text,
    dots_left_text,
    ranking_column_specs,
    ranking_plan,
    ranking_table,
    score_column_specs,
    score_columns,
    score_labels,
    scores_table,
    vote_buttons,
    vote_card,
    vote_page,
    vote_page_count,
    vote_page_label,
    voting_inputs,
)
from roadmap.workshop.voting import set_dots_per_person, set_participants, set_vote_weight


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
    table = criteria_table((Criterion("Kundennutzen"), Criterion("Kosten", Side.EFFORT, 2)))

    assert list(table.columns) == ["name", "side", "weight"]
    assert table.values.tolist() == [["Kundennutzen", Side.VALUE, 1.0], ["Kosten", Side.EFFORT, 2.0]]
    assert str(table["weight"].dtype) == "float64"


def test_no_criteria_give_an_empty_criteria_table_with_its_columns() -> None:
    table = criteria_table(())

    assert table.empty and list(table.columns) == ["name", "side", "weight"]


def test_score_columns_are_numbered_and_headed_by_criterion_and_side() -> None:
    criteria = (Criterion("Kundennutzen"), Criterion("Kosten", Side.EFFORT))

    assert score_columns(criteria) == {"c0": "Kundennutzen", "c1": "Kosten"}
    assert score_labels(criteria, "de") == {"c0": "Kundennutzen (Nutzen)", "c1": "Kosten (Aufwand)"}
    assert score_labels(criteria, "en") == {"c0": "Kundennutzen (Value)", "c1": "Kosten (Effort)"}


def test_the_scores_table_shows_each_score_and_the_value_and_effort_they_give() -> None:
    workshop = _workshop(
        Measure("A", "CRM", value=2, effort=4, criteria={"Kundennutzen": 5, "Kosten": 2}),
        Measure("B", "ERP", value=2, effort=4),
        criteria=(Criterion("Kundennutzen"), Criterion("Kosten", Side.EFFORT)),
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


# --- what the tables' columns and the voting controls show ---------------------------------------


@pytest.mark.parametrize("editable", [True, False])
def test_in_the_ranking_table_only_the_two_flags_can_be_ticked_and_only_outside_presenter_mode(editable: bool) -> None:
    specs = ranking_column_specs("de", editable)

    assert tuple(specs) == RANKING_COLUMNS
    open_columns = [key for key, spec in specs.items() if not spec.options["disabled"]]
    assert open_columns == (["must_have", "excluded"] if editable else [])
    assert specs["must_have"].kind == specs["excluded"].kind == "checkbox"


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("de", ["Rang", "Maßnahme", "Nutzen", "Ausschließen"]), ("en", ["Rank", "Measure", "Value", "Exclude"])],
)
def test_the_ranking_tables_headings_are_in_the_language_and_its_figures_right_aligned(
    lang: str, labels: list[str]
) -> None:
    specs = ranking_column_specs(lang, True)

    assert [specs[key].label for key in ("rank", "title", "value_text", "excluded")] == labels
    assert {key for key, spec in specs.items() if spec.options.get("alignment") == "right"} == {
        "value_text",
        "effort_text",
        "score_text",
    }


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_criterion_counts_towards_value_or_effort_named_in_the_language(lang: str) -> None:
    side = criteria_column_specs(lang)["side"]

    assert side.kind == "select" and side.options["options"] == [Side.VALUE, Side.EFFORT]
    assert side.options["default"] == Side.VALUE
    assert [side.options["format_func"](s) for s in side.options["options"]] == [SIDES[s](lang) for s in SIDES]


def test_a_criterions_weight_starts_at_1_and_may_not_be_negative() -> None:
    weight = criteria_column_specs("de")["weight"].options

    assert (weight["min_value"], weight["default"], weight["required"]) == (0.0, 1.0, True)


def test_the_scores_table_takes_whole_scores_1_to_5_per_criterion_and_shows_value_and_effort_read_only() -> None:
    criteria = (Criterion("Kundennutzen"), Criterion("Kosten", Side.EFFORT))

    specs = score_column_specs(criteria, "en")

    assert list(specs) == ["title", "c0", "c1", "value", "effort"]
    assert [specs[key].label for key in specs] == [
        "Measure",
        "Kundennutzen (Value)",
        "Kosten (Effort)",
        "= Value",
        "= Effort",
    ]
    for key in ("c0", "c1"):
        options = specs[key].options
        assert (specs[key].kind, options["min_value"], options["max_value"], options["step"]) == ("number", 1, 5, 1)
    assert all(specs[key].options["disabled"] for key in ("title", "value", "effort"))


def test_the_voting_fields_show_the_workshops_settings_and_change_them() -> None:
    workshop = _workshop(Measure("A", "CRM"), participants=6, dots_per_person=3, vote_weight=0.5)

    fields = voting_inputs(workshop, "de")

    assert {key: (f.label, f.value) for key, f in fields.items()} == {
        "participants": ("Teilnehmende", 6),
        "dots": ("Punkte pro Person", 3),
        "weight": ("Nutzen je Punkt", 0.5),
    }
    assert (fields["participants"].apply, fields["dots"].apply, fields["weight"].apply) == (
        set_participants,
        set_dots_per_person,
        set_vote_weight,
    )
    assert fields["participants"].options["max_value"] == 200 and fields["dots"].options["max_value"] == 50


@pytest.mark.parametrize(("mode", "off"), [(VoteMode.BREAKS_TIES, True), (VoteMode.RAISES_VALUE, False)])
def test_the_value_per_dot_can_be_set_only_when_votes_raise_the_value(mode: str, off: bool) -> None:
    workshop = _workshop(Measure("A", "CRM"), vote_mode=mode)

    assert voting_inputs(workshop, "en")["weight"].options["disabled"] is off


def test_the_large_figures_name_the_dots_left_and_given() -> None:
    workshop = _workshop(Measure("A", "CRM", votes=5), participants=6, dots_per_person=3)

    assert dots_figures(workshop, "de") == [("Punkte übrig", "13"), ("Vergeben", "5 von 18")]
    assert dots_figures(workshop, "en") == [("Dots left", "13"), ("Given", "5 of 18")]


def test_the_minus_button_is_off_without_dots_and_the_plus_button_once_every_dot_is_given() -> None:
    workshop = _workshop(Measure("A", "CRM"), Measure("B", "ERP", votes=1), participants=1, dots_per_person=2)

    minus, plus = vote_buttons(workshop.measures[0], False, "de")
    _, full = vote_buttons(workshop.measures[1], True, "en")

    assert (minus.name, minus.label, minus.disabled, minus.kind) == ("minus", "Punkt weg", True, "secondary")
    assert (plus.name, plus.label, plus.disabled, plus.kind) == ("plus", "Punkt dazu", False, "primary")
    assert (full.label, full.disabled) == ("Add dot", True)
    assert [m.votes for m in plus.change(workshop, True).measures] == [1, 1]
