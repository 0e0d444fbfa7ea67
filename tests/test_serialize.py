"""A workshop survives the trip to JSON and back; damaged or newer data is refused in words."""

from __future__ import annotations

import json
from datetime import date

import pytest

from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import Criterion, PlanMode, Profile, Side, VoteMode
from roadmap.domain.vocabulary import Status
from roadmap.domain.workshop import Workshop
from roadmap.workshop.demo import demo_workshop
from roadmap.workshop.serialize import FORMAT_VERSION, workshop_from_json, workshop_to_dict, workshop_to_json
from tests.pages import large_workshop


def _rich_workshop() -> Workshop:
    profile = Profile(
        name="Äpfel & Birnen GmbH",
        revenue=1_000_000,
        phase_names=("Start", "", "Ende"),
        criteria=(Criterion("Kundennutzen", "value", 2.0), Criterion("Komplexität", "effort", 1.0)),
        horizon_start=Month(2026, 3),
        horizon_end=Month(2027, 2),
        mode="optimal",
    )
    measure = Measure(
        "A-1",
        "CRM",
        depends_on=("B",),
        earliest_start=Month(2026, 4),
        deadline=Month(2026, 9),
        pinned=Month(2026, 5),
        kpi=Kpi("Angebote", "10", "20"),
        criteria={"Kundennutzen": 4.5},
        votes=3,
        must_have=True,
    )
    return Workshop(profile, (measure, Measure("B", "Basis", status="Abgeschlossen")), {"proz-1": 3}, 6)


@pytest.mark.parametrize(
    "workshop", [Workshop(), _rich_workshop(), large_workshop(200)], ids=["empty", "rich", "large"]
)
def test_a_workshop_comes_back_from_json_unchanged(workshop: Workshop) -> None:
    text = workshop_to_json(workshop)

    assert workshop_from_json(text) == workshop


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2027, 3, 15), date(2028, 12, 31)])
def test_the_demo_is_a_full_workshop_that_lives_in_the_present(today: date) -> None:
    demo = workshop_from_json(workshop_to_json(demo_workshop(today)))
    now = Month.of(today)

    assert (demo.profile.horizon_start, demo.profile.horizon_end) == (now, Month(today.year + 1, 12))
    done = [m for m in demo.measures if m.status == "Abgeschlossen"]
    running = [m for m in demo.measures if m.status == "In Umsetzung"]
    assert done and all(m.actual_start is not None and m.actual_start < now for m in done)
    assert running and all(m.actual_start == now + -2 for m in running)
    assert all(m.pinned is None or m.pinned > now for m in demo.measures)
    assert all(m.deadline is None or m.deadline > now for m in demo.measures)

    assert 18 <= len(demo.measures) <= 25
    assert demo.profile.employees == 45
    statuses = {m.status for m in demo.measures}
    assert {"In Umsetzung", "Abgeschlossen"} <= statuses
    assert any(m.must_have for m in demo.measures) and any(m.excluded for m in demo.measures)
    assert any(m.pinned for m in demo.measures) and any(m.votes for m in demo.measures)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "kein JSON"),
        ("[1, 2]", "kein Workshop"),
        (json.dumps({"format": FORMAT_VERSION + 1, "profile": {}}), "neueren Programmversion"),
        (json.dumps({"profile": {"revenue": -5}}), "Umsatz"),
        (json.dumps({"profile": {}, "measures": [{"id": "A"}]}), "beschädigt"),
    ],
)
def test_damaged_or_newer_data_is_refused_with_a_sentence(text: str, words: str) -> None:
    with pytest.raises(RoadmapError) as caught:
        workshop_from_json(text)

    assert words in caught.value.text("de")


def test_duplicate_measure_ids_are_refused() -> None:
    data = workshop_to_dict(Workshop(measures=(Measure("A", "eins"),)))
    data["measures"].append(dict(data["measures"][0]))

    with pytest.raises(RoadmapError, match="Doppelte"):
        workshop_from_json(json.dumps(data))


def test_stored_words_read_back_as_their_enums_and_are_written_as_the_same_words() -> None:
    text = workshop_to_json(_rich_workshop())

    workshop = workshop_from_json(text)

    profile, measure = workshop.profile, workshop.measures[0]
    assert (type(profile.mode), type(profile.vote_mode), type(measure.status)) == (PlanMode, VoteMode, Status)
    assert [type(c.side) for c in profile.criteria] == [Side, Side]
    data = json.loads(text)
    assert (data["profile"]["mode"], data["profile"]["vote_mode"]) == ("optimal", "tiebreak")
    assert data["profile"]["criteria"][0]["side"] == "value"
    assert data["measures"][0]["status"] == measure.status.value
    assert workshop_to_json(workshop) == text
