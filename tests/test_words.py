"""Scores, priorities, yes/no, id lists, statuses and fields of action in people's words."""

from __future__ import annotations

import pytest

from roadmap.domain.vocabulary import DONE, FIELDS, IDEA, PLANNED, RUNNING
from roadmap.importing.words import (
    parse_bool,
    parse_field,
    parse_id_list,
    parse_level,
    parse_priority,
    parse_progress,
    parse_status,
)


@pytest.mark.parametrize(
    ("word", "score"),
    [
        ("hoch", 5.0),
        ("High", 5.0),
        ("sehr hoch", 5.0),
        ("mittel", 3.0),
        ("medium", 3.0),
        ("niedrig", 1.0),
        ("gering", 1.0),
        ("low", 1.0),
        (4, 4.0),
        ("2,5", 2.5),
        (None, None),
    ],
)
def test_value_and_effort_words_map_to_five_three_one(word: object, score: float | None) -> None:
    assert parse_level(word) == score


@pytest.mark.parametrize("word", [0, 7, "enorm"])
def test_a_score_outside_one_to_five_is_refused(word: object) -> None:
    with pytest.raises(ValueError):
        parse_level(word)


@pytest.mark.parametrize(
    ("priority", "scale", "value"),
    [
        (1, 3, 5.0),
        (2, 3, 3.0),
        (3, 3, 1.0),
        ("1", 3, 5.0),
        (1, 5, 5.0),
        (4, 5, 2.0),
        ("P1", 3, 5.0),
        ("Prio 2", 3, 3.0),
        ("hoch", 3, 5.0),
        ("A", 3, 5.0),
        ("C", 3, 1.0),
        ("Muss", 3, 5.0),
        ("could", 3, 1.0),
    ],
)
def test_a_numeric_priority_means_one_is_highest(priority: object, scale: int, value: float) -> None:
    assert parse_priority(priority, scale) == value


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("ja", True),
        ("Nein", False),
        ("yes", True),
        ("no", False),
        ("x", True),
        ("X", True),
        ("true", True),
        (1, True),
        (0, False),
        (True, True),
        ("", None),
        (None, None),
    ],
)
def test_yes_and_no_in_german_and_english(text: object, flag: bool | None) -> None:
    assert parse_bool(text) is flag


def test_a_word_that_is_neither_yes_nor_no_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_bool("vielleicht")


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("18,22,27", ("18", "22", "27")),
        ("1;5", ("1", "5")),
        ("-", ()),
        ("", ()),
        (None, ()),
        (18.0, ("18",)),
        ("18.0, 22", ("18", "22")),
        ("M001, M002", ("M001", "M002")),
        ("3FS+2 Tage; 4", ("3", "4")),
        ("1.2.1", ("1.2.1",)),
        ("7 und 9", ("7", "9")),
        ("5, 5", ("5",)),
    ],
)
def test_id_lists_as_text_or_numbers(text: object, ids: tuple[str, ...]) -> None:
    assert parse_id_list(text) == ids


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("in Bearbeitung", RUNNING),
        ("läuft", RUNNING),
        ("In progress", RUNNING),
        ("Verzug", RUNNING),
        ("erledigt", DONE),
        ("fertig", DONE),
        ("done", DONE),
        ("abgeschlossen", DONE),
        ("x", DONE),
        ("Nicht begonnen", PLANNED),
        ("geplant", PLANNED),
        ("offen", PLANNED),
        ("Idee", IDEA),
        ("Backlog", IDEA),
        ("Completed", DONE),
        ("50 %", RUNNING),
        (None, None),
    ],
)
def test_status_words_map_onto_the_four_statuses(word: object, status: str | None) -> None:
    assert parse_status(word) == status


def test_an_unknown_status_word_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_status("vertagt auf später")


@pytest.mark.parametrize(("progress", "status"), [(0, PLANNED), (0.025, RUNNING), (1.0, DONE), (50, RUNNING)])
def test_progress_figures_give_a_status(progress: float, status: str) -> None:
    assert parse_progress(progress) == status


@pytest.mark.parametrize(
    ("word", "field"),
    [
        ("Prozessautomatisierung", FIELDS[0]),
        ("daten & entscheidungen", FIELDS[1]),
        ("Data & decisions", FIELDS[1]),
        ("IT-Sicherheit", FIELDS[2]),
        ("Datenschutz", FIELDS[2]),
        ("Cloud", FIELDS[2]),
        ("Kunden", FIELDS[3]),
        ("Marketing", FIELDS[3]),
        ("Mitarbeitende", FIELDS[4]),
        ("Schulung", FIELDS[4]),
        ("Strategie", FIELDS[5]),
        ("Kultur & Change", FIELDS[5]),
        ("ERP", FIELDS[0]),
    ],
)
def test_field_words_map_onto_the_six_fields_of_action(word: str, field: str) -> None:
    assert parse_field(word) == field


@pytest.mark.parametrize("word", ["Projektvorbereitung", "Recherche", "Sonstiges"])
def test_a_word_that_names_no_field_is_refused(word: str) -> None:
    with pytest.raises(ValueError):
        parse_field(word)
