"""Every default the import assumes is said with how many measures it touched (roadmap/importing/defaults.py),
and settings that act on nothing are said too (roadmap/planning/setting_notes.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.importing.defaults import LONGEST_GUESS, guessed_duration
from roadmap.importing.importer import import_file
from roadmap.planning.planner import plan
from roadmap.planning.reason_summary import not_planned_summary
from roadmap.planning.setting_notes import setting_notes


@pytest.mark.parametrize(
    ("cost", "effort", "days", "months"),
    [
        (0.0, None, 0.0, 1),
        (4_000.0, None, 0.0, 1),
        (12_000.0, None, 0.0, 2),
        (40_000.0, None, 0.0, 6),
        (250_000.0, None, 0.0, 9),
        (0.0, 5.0, 0.0, 9),
        (0.0, 1.0, 0.0, 1),
        (4_000.0, 4.0, 0.0, 6),
        (0.0, None, 45.0, 3),
    ],
)
def test_a_missing_duration_is_guessed_from_cost_effort_or_person_days(
    cost: float, effort: float | None, days: float, months: int
) -> None:
    assert guessed_duration(cost, effort, days)[0] == months


@given(st.floats(0, 1e7), st.one_of(st.none(), st.floats(1, 5)), st.floats(0, 1e4))
def test_a_guessed_duration_is_between_one_month_and_the_longest_guess(
    cost: float, effort: float | None, days: float
) -> None:
    months, told = guessed_duration(cost, effort, days)

    assert 1 <= months <= LONGEST_GUESS
    assert told == (cost > 0 or effort is not None or days > 0)


def _said(text: str) -> list[str]:
    return [line("de") for line in import_file(text.encode(), filename="liste.csv").assumptions]


def test_a_list_without_durations_says_so_and_plans_an_erp_longer_than_a_month() -> None:
    result = import_file("Maßnahme;Kosten\nERP einführen;40.000\nPasswortmanager;\n".encode(), filename="l.csv")

    assert [m.duration for m in result.measures] == [6, 1]
    lines = [line("de") for line in result.assumptions]
    assert "Dauer fehlt bei 2 von 2 Maßnahmen: 1 aus Kosten, Aufwand oder Personentagen geschätzt, " in lines[0]
    assert "1 auf 1 Monat gesetzt" in lines[0]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Maßnahme;Dauer\nA;2\nB;3\n", "Nutzen fehlt bei 2 von 2 Maßnahmen: auf 3 gesetzt"),
        ("Maßnahme;Dauer\nA;2\nB;3\n", "Aufwand fehlt bei 2 von 2 Maßnahmen"),
        ("Maßnahme;Dauer;Nutzen;Aufwand\nA;2;5;1\nB;3;;1\n", "Nutzen fehlt bei 1 von 2 Maßnahmen"),
        ("Maßnahme;Dauer\nA;2\nB;3\n", "Personentage fehlen bei 2 von 2 Maßnahmen"),
        ("Maßnahme;Dauer;Kosten\nA;2;100\nB;3;\n", "Kosten fehlen bei 1 von 2 Maßnahmen: mit 0 € geplant"),
    ],
)
def test_every_default_is_one_line_with_the_measures_it_touched(text: str, said: str) -> None:
    assert any(said in line for line in _said(text))


def test_a_list_that_gives_everything_assumes_nothing() -> None:
    text = "Maßnahme;Dauer;Nutzen;Aufwand;Kosten;Personentage\nA;2;5;1;100;4\n"

    assert _said(text) == []


def _measure(ident: str, **changes: object) -> Measure:
    return Measure(id=ident, title=f"Maßnahme {ident}", **changes)  # type: ignore[arg-type]


def test_a_funding_rate_without_eligible_measures_and_a_capacity_without_person_days_are_said() -> None:
    measures = [_measure("M1", one_time_cost=1000.0)]

    notes = [note("de") for note in setting_notes(measures, [0.0, 50.0], [30.0])]

    assert notes == [
        "Förderquote 50 % ändert nichts: keine Maßnahme ist als förderfähig markiert.",
        "Kapazität 30 Personentage je Monat prüft nichts: keine Maßnahme hat Personentage.",
    ]


def test_settings_that_act_are_not_said() -> None:
    measures = [_measure("M1", funding_eligible=True, person_days=5.0)]

    assert setting_notes(measures, [50.0], [30.0]) == []


def test_the_measures_not_planned_are_counted_by_reason() -> None:
    measures = [
        _measure("M1", one_time_cost=900_000.0),
        _measure("M2", one_time_cost=800_000.0),
        _measure("M3", depends_on=("M1",)),
        _measure("M4"),
    ]
    profile = Profile(revenue=1_000_000, horizon_start=Month(2027, 1), horizon_end=Month(2027, 12))

    summary = not_planned_summary(plan(measures, profile))

    assert summary("de") == "Nicht eingeplant: 3 (Budget 2, fehlende Voraussetzung 1)"
    assert summary("en") == "Not planned: 3 (budget 2, missing prerequisite 1)"
