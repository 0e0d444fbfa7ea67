"""The domain model's own rules (roadmap/domain/measure.py, profile.py, month.py): what a measure and a
profile may hold."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import DURATION_LIMIT, Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.profile import PlanMode, Profile, VoteMode
from roadmap.domain.vocabulary import Status


@pytest.mark.parametrize(
    ("duration", "de", "en"),
    [
        (0, "mindestens 1 Monat sein, nicht 0", "at least 1 month, not 0"),
        (DURATION_LIMIT + 1, f"höchstens {DURATION_LIMIT} Monate sein, nicht 601", "at most 600 months, not 601"),
    ],
)
def test_a_duration_out_of_range_names_the_limit_it_breaks(duration: int, de: str, en: str) -> None:
    with pytest.raises(RoadmapError) as raised:
        Measure("A", "CRM", duration=duration)

    assert de in raised.value.text("de") and en in raised.value.text("en")


def test_the_longest_duration_is_allowed() -> None:
    assert Measure("A", "CRM", duration=DURATION_LIMIT).duration == 600


def test_a_stored_word_becomes_its_enum_and_still_equals_the_word() -> None:
    measure = Measure("A", "CRM", status="In Umsetzung")
    profile = Profile(mode="optimal", vote_mode="value")

    assert measure.status is Status.RUNNING and measure.status == "In Umsetzung"
    assert (profile.mode, profile.vote_mode) == (PlanMode.OPTIMAL, VoteMode.RAISES_VALUE)


@pytest.mark.parametrize("changes", [{"status": "Erledigt"}, {"title": " "}])
def test_an_unknown_status_or_an_empty_title_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(RoadmapError):
        Measure("A", "CRM").with_changes(**changes)


def test_a_measure_under_a_new_id_keeps_everything_else_and_still_needs_an_id() -> None:
    measure = Measure("?", "CRM", value=5, depends_on=("B",), criteria={"Kosten": 2.0}, notes="alt")

    renamed = measure.with_id("M007", "neu")

    assert renamed == measure.with_changes(id="M007", notes="neu") and measure.id == "?"
    with pytest.raises(RoadmapError) as raised:
        measure.with_id(" ", "")
    assert "'CRM' hat keine ID" in raised.value.text("de")
