"""The review tables (roadmap/views/import_review.py): shown only where there is something to review, only the
choice is editable."""

from __future__ import annotations

from roadmap.domain.measure import Measure
from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import import_file
from roadmap.views import import_review

UNNAMED = "Nr.;Maßnahme\n1;CRM einführen\n2;Backup\n".encode()
NAMED = "Nr.;Maßnahme;Handlungsfeld\n1;CRM einführen;Daten & Entscheidungen\n".encode()


def test_the_suggestion_table_lets_only_the_field_of_action_be_chosen() -> None:
    specs = import_review.suggestion_column_specs("en")
    assert set(specs) - set(import_review.SUGGESTION_LOCKED) == {"field"}
    assert specs["field"].kind == "select"
    assert list(specs["field"].options["options"]) == import_review.field_options("en")


def test_the_duplicate_table_lets_only_the_choice_be_made_in_the_session_language() -> None:
    specs = import_review.duplicate_column_specs("de")
    assert set(specs) - set(import_review.DUPLICATE_LOCKED) == {"choice"}
    assert specs["choice"].label == "Was tun?"
    assert list(specs["choice"].options["options"]) == import_review.choice_options("de")


def test_suggested_fields_are_reviewed_only_where_the_list_named_none() -> None:
    review = import_review.suggestion_review(import_file(UNNAMED, filename="liste.csv"), "en")

    assert review is not None and "**suggestions**" in review.note
    assert review.caption.endswith("those to check are on top.") and len(review.table) == 2
    assert review.locked == import_review.SUGGESTION_LOCKED
    assert import_review.suggestion_review(import_file(NAMED, filename="liste.csv"), "en") is None


def test_duplicates_are_reviewed_only_where_the_workshop_has_the_title_already() -> None:
    result = import_file(UNNAMED, filename="liste.csv")
    workshop = Workshop(measures=(Measure("A", "CRM einführen"),))

    review = import_review.duplicate_review(workshop, result, "de")

    assert review is not None and review.note.startswith("**1 Maßnahme(n)") and review.caption == ""
    assert list(review.table["existing"]) == ["CRM einführen"] and review.locked == import_review.DUPLICATE_LOCKED
    assert import_review.duplicate_review(Workshop(), result, "de") is None
