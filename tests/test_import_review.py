"""The review tables' columns (roadmap/views/import_review.py): only the choice is editable."""

from __future__ import annotations

from roadmap.views import import_review


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
