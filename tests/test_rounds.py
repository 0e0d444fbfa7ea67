"""The rules of participation from phones: ideas are bounded text, estimates spread, ballots keep the dots rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap.domain.measure import Measure, awaits_assessment
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.workshop.rounds import (
    DESCRIPTION_LIMIT,
    IdeaText,
    Spread,
    SubmitLimiter,
    accept_idea,
    apply_votes,
    author_name,
    ballot,
    dots_left,
    idea_text,
    merge_idea,
    overwrites,
    phone_id,
    proposal,
    rating,
    spreads,
    take_estimate,
)
from roadmap.workshop.voting import add_vote, dots_budget, dots_used

ROOM = Workshop(
    Profile(name="Müller GmbH", dots_per_person=3),
    (Measure("M01", "ERP"), Measure("M02", "Cloud-Backup"), Measure("M03", "Schulung", votes=2)),
    participants=4,
)


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("  Digitale   Rechnung ", "", IdeaText("Digitale Rechnung", "")),
        ("<script>alert(1)</script>", "x", IdeaText("<script>alert(1)</script>", "x")),
        ("[klick](http://böse.example)", "", IdeaText("[klick](http://böse.example)", "")),
        ('=HYPERLINK("http://x","y")', "", IdeaText('=HYPERLINK("http://x","y")', "")),
        ("Zeile\neins\x00\u202e", "a\r\nb", IdeaText("Zeile eins", "a b")),
        ("x" * 200, "y" * DESCRIPTION_LIMIT, IdeaText("x" * 200, "y" * DESCRIPTION_LIMIT)),
    ],
)
def test_an_idea_is_kept_as_plain_text_on_one_line(title: str, description: str, expected: IdeaText) -> None:
    assert idea_text(title, description) == expected


@pytest.mark.parametrize(
    ("title", "description", "says"),
    [
        ("", "", "Titel"),
        ("   \n", "", "Titel"),
        ("x" * 10_000, "", "höchstens 200"),
        ("ok", "y" * (DESCRIPTION_LIMIT + 1), "höchstens 1.000"),
    ],
)
def test_an_empty_or_overlong_idea_is_refused_with_the_reason(title: str, description: str, says: str) -> None:
    with pytest.raises(RoadmapError) as caught:
        idea_text(title, description)

    assert says in caught.value.message("de")


@given(st.text(max_size=300), st.text(max_size=1200))
def test_an_accepted_idea_is_always_a_valid_bounded_one_line_text(title: str, description: str) -> None:
    try:
        idea = idea_text(title, description)
    except RoadmapError:
        return
    assert 0 < len(idea.title) <= 200 and len(idea.description) <= DESCRIPTION_LIMIT
    assert "\n" not in idea.title + idea.description and idea.title == idea.title.strip()


@pytest.mark.parametrize(
    ("title", "description", "de", "en"),
    [
        (
            "x" * 1_000_000,
            "",
            "Der Titel ist zu lang (1.000.000 Zeichen); erlaubt sind höchstens 200.",
            "The title is too long (1,000,000 characters); at most 200 are allowed.",
        ),
        (
            "x" * 201,
            "",
            "Der Titel ist zu lang (201 Zeichen); erlaubt sind höchstens 200.",
            "The title is too long (201 characters); at most 200 are allowed.",
        ),
        (
            "ok",
            "y" * 1_001,
            "Die Beschreibung ist zu lang (1.001 Zeichen); erlaubt sind höchstens 1.000.",
            "The description is too long (1,001 characters); at most 1,000 are allowed.",
        ),
    ],
)
def test_an_overlong_idea_is_refused_with_a_sentence_naming_its_length_and_the_limit(
    title: str, description: str, de: str, en: str
) -> None:
    with pytest.raises(RoadmapError) as caught:
        idea_text(title, description)

    assert (caught.value.message("de"), caught.value.message("en")) == (de, en)


def test_spaces_around_an_idea_do_not_count_towards_its_limit() -> None:
    assert idea_text(" " * 500 + "x" * 200 + "\n" * 500, "").title == "x" * 200


def test_a_participants_name_may_stay_empty_and_is_refused_past_forty_characters() -> None:
    assert author_name("  Anna\nB. ") == "Anna B."
    assert author_name(None) == ""
    assert author_name("x" * 40) == "x" * 40
    with pytest.raises(RoadmapError) as caught:
        author_name("x" * 500)
    assert caught.value.message("de") == "Der Name ist zu lang (500 Zeichen); erlaubt sind höchstens 40."


def test_a_phone_id_as_the_app_writes_it_is_taken_as_it_is() -> None:
    ident = "0123456789abcdef" * 2

    assert phone_id(ident) == ident


@pytest.mark.parametrize(
    "value",
    [None, "", "abc", "0123456789abcdef" * 2 + "0", "0123456789ABCDEF" * 2, "g" * 32, "../" * 11, 12345, ["a" * 32]],
)
def test_anything_else_in_the_links_phone_id_is_not_taken(value: object) -> None:
    assert phone_id(value) is None


@pytest.mark.parametrize("value", [0, 6, -1, 2.5, "3", None, True])
def test_a_rating_outside_one_to_five_is_refused(value: object) -> None:
    with pytest.raises(RoadmapError):
        rating(value, Message("Nutzen", "Value"))


@pytest.mark.parametrize(
    ("ratings", "median", "low", "high", "disagreement"),
    [
        ((3,), 3.0, 3, 3, False),
        ((1, 5), 3.0, 1, 5, True),
        ((2, 5, 4), 4.0, 2, 5, True),
        ((2, 3, 4, 4), 3.5, 2, 4, False),
        ((), None, None, None, False),
    ],
)
def test_the_spread_gives_median_range_and_disagreement(
    ratings: tuple[int, ...], median: float | None, low: int | None, high: int | None, disagreement: bool
) -> None:
    spread = Spread(ratings)

    assert (spread.median, spread.low, spread.high, spread.disagreement) == (median, low, high, disagreement)
    assert sum(spread.counts().values()) == len(ratings)


@given(st.lists(st.integers(1, 5), min_size=1, max_size=40))
def test_the_median_lies_between_the_lowest_and_highest_rating(ratings: list[int]) -> None:
    spread = Spread(tuple(ratings))

    assert spread.low is not None and spread.high is not None and spread.median is not None
    assert spread.low <= spread.median <= spread.high
    assert spread.disagreement == (spread.high - spread.low >= 3)


def test_ratings_are_grouped_per_measure_and_side() -> None:
    found = spreads([("M01", 1, 5), ("M02", 3, 3), ("M01", 5, 4)])

    assert found["M01"][0].ratings == (1, 5) and found["M01"][1].ratings == (5, 4)
    assert found["M02"][0].median == 3.0


def test_taking_an_estimate_sets_value_and_effort_of_that_measure_only() -> None:
    changed = take_estimate(ROOM, "M02", 4.5, None)

    assert changed.by_id()["M02"].value == 4.5 and changed.by_id()["M02"].effort == 3.0
    assert changed.by_id()["M01"] == ROOM.by_id()["M01"]
    assert take_estimate(ROOM, "M02", None, None) is ROOM
    with pytest.raises(RoadmapError):
        take_estimate(ROOM, "M02", 7, None)
    with pytest.raises(RoadmapError):
        take_estimate(ROOM, "gone", 3, None)


def test_an_accepted_idea_becomes_a_new_measure_after_the_highest_number_not_yet_assessed() -> None:
    changed, ident = accept_idea(ROOM, IdeaText("E-Rechnung", "ab Januar"))

    assert ident == "M04"
    assert changed.measures[-1] == Measure(
        "M04", "E-Rechnung", description="ab Januar", to_assess=("value", "effort", "one_time_cost")
    )
    assert awaits_assessment(changed.measures[-1])
    assert changed.measures[:3] == ROOM.measures


def test_an_estimate_sets_value_and_effort_of_an_idea_and_its_cost_is_still_to_be_set() -> None:
    changed, ident = accept_idea(ROOM, IdeaText("E-Rechnung", ""))

    estimated = take_estimate(changed, ident, 4, 2).by_id()[ident]

    assert (estimated.value, estimated.effort, estimated.to_assess) == (4.0, 2.0, ("one_time_cost",))
    assert awaits_assessment(estimated)


@pytest.mark.parametrize(
    ("ratings", "proposed"),
    [((), None), ((3,), 3), ((1, 2), 2), ((2, 3), 3), ((1, 2, 3, 4, 5, 1), 3), ((5, 5, 4, 4), 5), ((1, 1, 2, 2), 2)],
)
def test_the_reveal_proposes_the_median_as_a_whole_number_a_half_rounding_up(
    ratings: tuple[int, ...], proposed: int | None
) -> None:
    assert proposal(Spread(ratings)) == proposed


@pytest.mark.parametrize(
    ("measure", "value", "effort", "confirm"),
    [
        (Measure("M", "ERP", value=4, effort=2), 4, 2, False),  # the same values: nothing is replaced
        (Measure("M", "ERP", value=4, effort=2), 3, 2, True),  # an agreed value would change
        (Measure("M", "ERP", value=4, effort=2), None, 5, True),
        (Measure("M", "ERP", value=4, effort=2), None, None, False),
        (Measure("M", "ERP", to_assess=("value", "effort", "one_time_cost")), 1, 5, False),  # not yet assessed
    ],
)
def test_taking_an_estimate_over_an_agreed_value_needs_the_moderators_confirmation(
    measure: Measure, value: int | None, effort: int | None, confirm: bool
) -> None:
    assert overwrites(measure, value, effort) is confirm


def test_a_merged_idea_is_noted_in_the_measure_and_changes_nothing_else() -> None:
    once = merge_idea(ROOM, "M01", IdeaText("SAP ablösen", "zu teuer"))
    twice = merge_idea(once, "M01", IdeaText("Lager", ""))

    assert twice.by_id()["M01"].notes == "SAP ablösen: zu teuer\nLager"
    assert twice.by_id()["M01"].title == "ERP" and len(twice.measures) == 3


@pytest.mark.parametrize(
    ("dots", "problem"),
    [
        ({"M01": 4}, "3 Punkte"),
        ({"M01": 2, "M02": 2}, "3 Punkte"),
        ({"M09": 1}, "M09"),
        ({"M01": -1}, "negativ"),
    ],
)
def test_a_ballot_breaking_the_dots_rule_is_refused(dots: dict[str, int], problem: str) -> None:
    with pytest.raises(RoadmapError) as caught:
        ballot(3, dots, ["M01", "M02", "M03"])

    assert problem in caught.value.message("de")


def test_a_ballot_within_the_rule_keeps_the_dots_given() -> None:
    assert ballot(3, {"M01": 2, "M02": 0, "M03": 1}, ["M01", "M02", "M03"]) == {"M01": 2, "M03": 1}


def test_phone_votes_replace_the_rooms_dots_and_set_the_participants_to_the_voters() -> None:
    changed = apply_votes(ROOM, {"M01": 4, "M02": 2, "gone": 3}, voters=2)

    assert [m.votes for m in changed.measures] == [4, 2, 0]
    assert changed.participants == 2 and dots_used(changed) <= (dots_budget(changed) or 0)


@given(st.lists(st.dictionaries(st.sampled_from(["M01", "M02", "M03"]), st.integers(0, 3)), max_size=12))
def test_phone_votes_land_exactly_as_the_same_dots_given_on_one_screen(ballots: list[dict[str, int]]) -> None:
    valid = [ballot(3, b, ["M01", "M02", "M03"]) if sum(b.values()) <= 3 else {} for b in ballots]
    totals: dict[str, int] = {}
    for b in valid:
        for ident, count in b.items():
            totals[ident] = totals.get(ident, 0) + count

    by_phone = apply_votes(ROOM, totals, voters=len(valid))

    on_screen = ROOM.with_changes(
        measures=tuple(m.with_changes(votes=0) for m in ROOM.measures), participants=len(valid)
    )
    for ident, count in totals.items():
        for _ in range(count):
            on_screen = add_vote(on_screen, ident)
    assert by_phone == on_screen


def test_a_device_is_held_back_after_its_limit_and_free_again_after_the_window() -> None:
    limiter = SubmitLimiter(per_device=3, per_address=100, window=60)

    assert [limiter.allow("phone", "10.0.0.5", 100.0 + i) for i in range(5)] == [True, True, True, False, False]
    assert limiter.allow("other", "10.0.0.5", 104.0)
    assert limiter.allow("phone", "10.0.0.5", 161.0)


def test_an_address_is_held_back_whatever_new_devices_it_invents() -> None:
    limiter = SubmitLimiter(per_device=20, per_address=50, window=60)

    allowed = sum(limiter.allow(f"fake-{i}", "10.0.0.9", 1000.0 + i / 100) for i in range(1000))

    assert allowed == 50
    assert limiter.allow("colleague", "10.0.0.10", 1010.0)


@pytest.mark.parametrize(
    ("given", "left"),
    [({}, 3), ({"M01": 1}, 2), ({"M01": 2, "M02": 1}, 0), ({"M01": 3, "M02": 1}, -1), ({"M01": None}, 3)],
)
def test_the_dots_left_count_what_the_phones_controls_hold_before_sending(
    given: dict[str, int | None], left: int
) -> None:
    assert dots_left(3, given) == left
