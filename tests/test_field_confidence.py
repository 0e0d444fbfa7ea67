"""A suggested field of action is marked sure or to check (roadmap/importing/field_context.py, is_sure), and the
preview groups the ones to check on top (roadmap/views/import_review.py)."""

from __future__ import annotations

import pytest

from roadmap.domain.vocabulary import FIELDS
from roadmap.importing.field_context import infer_fields, is_sure
from roadmap.importing.importer import import_file
from roadmap.views.import_review import suggestion_table, sure_counts

A, B = FIELDS[2], FIELDS[3]
GROUPED = [
    ("Firewall erneuern", ""),
    ("Backup-Konzept 3-2-1", ""),
    ("Zwei-Faktor-Authentifizierung", ""),
    ("Virenschutz aktualisieren", ""),
    ("CRM einführen", ""),
    ("Newsletter für Kunden", ""),
    ("Kundenportal aufbauen", ""),
    ("Benachrichtigungen implementieren", ""),
]


@pytest.mark.parametrize(
    ("scores", "around", "field", "sure"),
    [
        ({A: 5.0, B: 1.0}, {A: 1.0}, A, True),
        ({A: 5.0, B: 3.0}, {A: 1.0}, A, False),  # leads by 40 % only
        ({A: 5.0, B: 1.0}, {B: 1.0}, A, False),  # the rows around lead elsewhere
        ({A: 5.0, B: 1.0}, {}, A, False),  # a list in no order of topic: nothing sure
        ({A: 5.0}, {A: 0.5, B: 0.2}, A, True),
    ],
)
def test_a_suggestion_is_sure_where_it_leads_clearly_and_the_rows_around_agree(
    scores: dict[str, float], around: dict[str, float], field: str, sure: bool
) -> None:
    assert is_sure(scores, around, field) is sure


def test_a_clear_title_among_its_own_kind_is_sure() -> None:
    guesses = infer_fields(GROUPED)

    assert guesses[0] is not None and guesses[0].sure


def test_in_a_list_in_no_order_of_topic_nothing_is_sure() -> None:
    mixed = [(title, "") for title in (
        "Firewall erneuern", "CRM einführen", "Excel-Schulung", "Umsatz-Dashboard", "Backup-Konzept",
        "Newsletter für Kunden", "Weiterbildung Führungskräfte", "Datenqualität prüfen",
    )]  # fmt: skip

    guesses = infer_fields(mixed)

    assert not any(guess is not None and guess.sure for guess in guesses)


def test_the_preview_lists_the_suggestions_to_check_first() -> None:
    text = "Maßnahme\n" + "\n".join(title for title, _ in GROUPED) + "\n"
    result = import_file(text.encode(), filename="liste.csv")

    table = suggestion_table(result, "de")

    sure, look = sure_counts(result)
    assert sure + look == len(GROUPED) and look >= 1 and sure >= 1
    assert list(table["sure"]) == ["bitte prüfen"] * look + ["sicher"] * sure
