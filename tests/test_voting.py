"""Dot voting, flags, criteria and pins (roadmap/workshop/voting.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import Criterion, Profile
from roadmap.domain.workshop import Workshop
from roadmap.workshop.voting import (
    add_vote,
    apply_criteria_edits,
    apply_flag_edits,
    apply_score_edits,
    dots_budget,
    dots_left,
    dots_overspent,
    dots_used,
    flag_change,
    pin,
    remove_vote,
    reset_votes,
    score_change,
    set_criteria,
    set_dots_per_person,
    set_flag,
    set_participants,
    set_scores,
    set_vote_mode,
    set_vote_weight,
    vote_added,
    vote_removed,
)


def _workshop(participants: int = 2, dots: int = 3, votes: tuple[int, ...] = (0, 0)) -> Workshop:
    measures = tuple(Measure(f"M{i}", f"Maßnahme {i}", votes=v) for i, v in enumerate(votes, start=1))
    return Workshop(profile=Profile(dots_per_person=dots), measures=measures, participants=participants)


def _votes(workshop: Workshop) -> list[int]:
    return [m.votes for m in workshop.measures]


def test_the_room_has_dots_per_person_times_participants() -> None:
    workshop = _workshop(participants=6, dots=3, votes=(4, 1))

    assert (dots_budget(workshop), dots_used(workshop), dots_left(workshop)) == (18, 5, 13)


def test_no_participants_means_no_limit() -> None:
    workshop = _workshop(participants=0, votes=(40, 0))

    assert dots_budget(workshop) is None and dots_left(workshop) is None
    assert _votes(add_vote(workshop, "M2")) == [40, 1]


def test_dots_left_never_drop_below_zero_when_more_were_given_than_allowed() -> None:
    assert dots_left(_workshop(participants=1, dots=2, votes=(5, 0))) == 0


@pytest.mark.parametrize(
    ("participants", "votes", "overspent"), [(1, (2, 0), False), (1, (2, 1), True), (0, (40, 0), False)]
)
def test_more_dots_than_the_budget_are_overspent_and_without_a_limit_never(
    participants: int, votes: tuple[int, ...], overspent: bool
) -> None:
    assert dots_overspent(_workshop(participants=participants, dots=2, votes=votes)) is overspent


def test_participants_are_set_and_an_empty_entry_counts_as_no_limit() -> None:
    workshop = _workshop(participants=2)

    assert set_participants(workshop, 8).participants == 8
    assert set_participants(workshop, None).participants == 0
    assert workshop.participants == 2
    with pytest.raises(RoadmapError, match="nicht negativ"):
        set_participants(workshop, -1)


def test_the_voting_settings_change_the_profile_and_an_empty_entry_changes_nothing() -> None:
    workshop = _workshop(dots=3)

    changed = set_vote_weight(set_vote_mode(set_dots_per_person(workshop, 5.0), "value"), "0.25")

    profile = changed.profile
    assert (profile.dots_per_person, profile.vote_mode, profile.vote_weight) == (5, "value", 0.25)
    assert set_dots_per_person(workshop, None) is workshop and set_vote_mode(workshop, None) is workshop
    assert set_vote_weight(workshop, None) is workshop


@pytest.mark.parametrize(
    ("change", "words"),
    [(lambda w: set_vote_mode(w, "loud"), "Unbekannte Stimmwertung"), (lambda w: set_vote_weight(w, -1), "negativ")],
)
def test_a_vote_mode_or_weight_the_model_does_not_know_is_refused(
    change: Callable[[Workshop], Workshop], words: str
) -> None:
    with pytest.raises(RoadmapError, match=words):
        change(_workshop())


def test_a_vote_adds_one_dot_and_leaves_the_original_alone() -> None:
    workshop = _workshop()

    voted = add_vote(workshop, "M1")

    assert _votes(voted) == [1, 0] and _votes(workshop) == [0, 0]
    assert dots_left(voted) == 5


@pytest.mark.parametrize(("lang", "words"), [("de", "Alle 2 Punkte sind vergeben"), ("en", "All 2 dots are given")])
def test_no_dot_is_added_once_all_are_given(lang: str, words: str) -> None:
    workshop = _workshop(participants=1, dots=2, votes=(1, 1))

    with pytest.raises(RoadmapError) as raised:
        add_vote(workshop, "M1")

    assert words in raised.value.text(lang)


def test_removing_a_dot_never_goes_below_zero() -> None:
    workshop = _workshop(votes=(1, 0))

    assert _votes(remove_vote(workshop, "M1")) == [0, 0]
    assert remove_vote(workshop, "M2") is workshop


def test_reset_takes_every_dot_back() -> None:
    assert _votes(reset_votes(_workshop(votes=(2, 3)))) == [0, 0]


def test_an_unknown_measure_is_named_in_the_message() -> None:
    with pytest.raises(RoadmapError, match="M9"):
        add_vote(_workshop(), "M9")


def test_must_have_and_excluded_rule_each_other_out() -> None:
    workshop = set_flag(_workshop(), "M1", excluded=True)

    must = set_flag(workshop, "M1", must_have=True)
    excluded_again = set_flag(must, "M1", excluded=True)

    assert (must.measures[0].must_have, must.measures[0].excluded) == (True, False)
    assert (excluded_again.measures[0].must_have, excluded_again.measures[0].excluded) == (False, True)


def test_clearing_a_flag_leaves_the_other_alone() -> None:
    workshop = set_flag(_workshop(), "M1", must_have=True)

    cleared = set_flag(workshop, "M1", excluded=False)

    assert (cleared.measures[0].must_have, cleared.measures[0].excluded) == (True, False)


def test_both_flags_at_once_are_refused() -> None:
    with pytest.raises(RoadmapError, match="zugleich"):
        set_flag(_workshop(), "M1", must_have=True, excluded=True)


def test_ticked_boxes_in_the_ranking_table_set_the_flags_of_that_rows_measure() -> None:
    state = {"edited_rows": {1: {"must_have": True}}, "added_rows": [], "deleted_rows": []}

    changed = apply_flag_edits(_workshop(), ["M2", "M1"], state)

    assert [m.must_have for m in changed.measures] == [True, False]


def test_a_pin_fixes_the_start_month_and_none_releases_it() -> None:
    pinned = pin(_workshop(), "M1", Month(2026, 6))

    assert pinned.measures[0].pinned == Month(2026, 6)
    assert pin(pinned, "M1", None).measures[0].pinned is None


def test_criteria_are_replaced_and_a_renamed_one_keeps_its_scores() -> None:
    workshop = Workshop(
        profile=Profile(criteria=(Criterion("Nutzen für Kunden"),)),
        measures=(Measure("A", "CRM", criteria={"Nutzen für Kunden": 4}),),
    )

    changed = set_criteria(workshop, [Criterion("Kundennutzen", "value", 2)], {"Nutzen für Kunden": "Kundennutzen"})

    assert changed.profile.criteria == (Criterion("Kundennutzen", "value", 2.0),)
    assert changed.measures[0].criteria == {"Kundennutzen": 4}


@pytest.mark.parametrize(
    ("criteria", "words"),
    [
        ([Criterion("  ")], "Namen"),
        ([Criterion("Kosten", "effort"), Criterion("Kosten", "effort")], "doppelt"),
        ([Criterion("Kosten", "effort", -1)], "Gewicht"),
    ],
)
def test_criteria_without_name_twice_or_with_a_negative_weight_are_refused(
    criteria: list[Criterion], words: str
) -> None:
    with pytest.raises(RoadmapError, match=words):
        set_criteria(_workshop(), criteria)


def test_a_criterion_counts_towards_value_or_effort_and_nothing_else() -> None:
    with pytest.raises(RoadmapError, match="Nutzen oder Aufwand"):
        Criterion("Kosten", "price")


def test_the_criteria_table_adds_renames_and_deletes_rows() -> None:
    workshop = Workshop(
        profile=Profile(criteria=(Criterion("Effizienz"), Criterion("Risiko"))),
        measures=(Measure("A", "CRM", criteria={"Effizienz": 5, "Risiko": 2}),),
    )
    state = {
        "edited_rows": {0: {"name": "Zeitersparnis"}},
        "added_rows": [{"name": "Komplexität", "side": "effort"}],
        "deleted_rows": [1],
    }

    changed = apply_criteria_edits(workshop, state)

    assert changed.profile.criteria == (
        Criterion("Zeitersparnis", "value", 1.0),
        Criterion("Komplexität", "effort", 1.0),
    )
    assert changed.measures[0].criteria["Zeitersparnis"] == 5


def test_a_new_criteria_row_without_a_name_is_not_saved_yet() -> None:
    with pytest.raises(RoadmapError, match="Namen"):
        apply_criteria_edits(_workshop(), {"edited_rows": {}, "added_rows": [{}], "deleted_rows": []})


def test_scores_are_set_removed_and_checked_to_lie_between_1_and_5() -> None:
    workshop = Workshop(measures=(Measure("A", "CRM", criteria={"Risiko": 2}),))

    changed = set_scores(workshop, "A", {"Effizienz": 4, "Risiko": None})

    assert changed.measures[0].criteria == {"Effizienz": 4.0}
    with pytest.raises(RoadmapError, match="zwischen 1 und 5"):
        set_scores(workshop, "A", {"Effizienz": 7})


def test_the_scores_table_writes_each_cell_to_its_rows_measure_and_columns_criterion() -> None:
    workshop = _workshop()
    state = {"edited_rows": {1: {"c0": 3, "title": "ignored"}}, "added_rows": [], "deleted_rows": []}

    changed = apply_score_edits(workshop, ["M1", "M2"], {"c0": "Effizienz"}, state)

    assert [m.criteria for m in changed.measures] == [{}, {"Effizienz": 3.0}]


# --- the changes a widget makes -----------------------------------------------------------------


def test_the_ranking_tables_change_flags_the_measure_its_row_showed_when_drawn() -> None:
    state = {"edited_rows": {"0": {"excluded": True}}, "added_rows": [], "deleted_rows": []}

    changed = flag_change(["M2", "M1"])(_workshop(), state)

    assert [m.excluded for m in changed.measures] == [False, True]


def test_the_scores_tables_change_scores_the_criterion_of_each_column() -> None:
    state = {"edited_rows": {"0": {"c0": 4}}, "added_rows": [], "deleted_rows": []}

    changed = score_change(["M2", "M1"], {"c0": "Effizienz"})(_workshop(), state)

    assert [m.criteria for m in changed.measures] == [{}, {"Effizienz": 4.0}]


def test_the_plus_and_minus_buttons_give_and_take_one_dot_whatever_the_buttons_value() -> None:
    workshop = _workshop(votes=(1, 0))

    assert _votes(vote_added("M2")(workshop, True)) == [1, 1]
    assert _votes(vote_removed("M1")(workshop, None)) == [0, 0]


def test_the_plus_button_keeps_refusing_once_every_dot_is_given() -> None:
    with pytest.raises(RoadmapError, match="Alle 2 Punkte sind vergeben"):
        vote_added("M1")(_workshop(participants=1, dots=2, votes=(2, 0)), True)
