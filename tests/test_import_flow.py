"""The import page's choices in the session (roadmap/views/import_flow.py), tried on a plain dict as the session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import ImportResult
from roadmap.views import import_flow as flow
from roadmap.views.import_preview import NOT_MAPPED, field_labels
from roadmap.workshop.merge import APPEND, REPLACE
from tests import workbooks

HEADERLESS = "1;CRM einführen;12.000\n2;Backup 3-2-1;1.200\n".encode()


@pytest.fixture
def two_lists(tmp_path: Path) -> bytes:
    """A workbook with a detected list headed in row 3 and a second list headed in row 8."""
    return workbooks.two_lists(tmp_path / "liste.xlsx").read_bytes()


def _session(data: bytes, name: str = "liste.xlsx") -> dict[str, Any]:
    state: dict[str, Any] = {}
    flow.new_file(state, data, name)
    return state


def test_a_new_file_forgets_the_choices_made_for_the_previous_one_but_the_same_file_keeps_them(
    two_lists: bytes,
) -> None:
    state = _session(two_lists)
    state.update({flow.SHEET: "Liste", flow.HEADER: 8, flow.OVERRIDE: {"title": 0}, flow.STARTS: ("x", ())})

    flow.new_file(state, two_lists, "liste.xlsx")
    assert (state[flow.HEADER], state[flow.SHEET]) == (8, "Liste")

    flow.new_file(state, HEADERLESS, "liste.csv")
    assert not {flow.SHEET, flow.HEADER, flow.OVERRIDE, flow.STARTS} & set(state)
    assert state[flow.FILE][0] == "liste.csv" and len(flow.tag(state)) == 12


def test_the_file_is_read_once_per_choice_and_again_after_a_new_one(two_lists: bytes) -> None:
    state = _session(two_lists)
    assert flow.stored(state) is None

    first = flow.read(state, two_lists, "liste.xlsx")
    assert isinstance(first, ImportResult) and flow.stored(state) is first and first.header_row == 3

    state[flow.HEADER] = 8
    assert flow.stored(state) is None
    lower = flow.read(state, two_lists, "liste.xlsx")
    assert isinstance(lower, ImportResult) and [m.title for m in lower.measures] == ["KI-Pilot", "Schulungen"]


def test_a_failed_read_is_kept_as_the_error_it_gave() -> None:
    state = _session(HEADERLESS, "liste.csv")

    outcome = flow.read(state, HEADERLESS, "liste.csv")

    assert isinstance(outcome, RoadmapError) and "No measure list found" in outcome.text("en")
    assert flow.stored(state) is outcome


def test_a_chosen_header_row_keeps_zero_names_the_sheet_and_drops_the_corrected_mapping(two_lists: bytes) -> None:
    state = _session(two_lists)
    state.update({flow.OVERRIDE: {"title": 1}, "row_input": 0})
    key = flow.mapping_key(state)

    flow.choose_header_row(state, "row_input", "Liste")

    assert (state[flow.HEADER], state[flow.SHEET]) == (0, "Liste") and flow.OVERRIDE not in state
    assert flow.mapping_key(state) != key and flow.mapping_key(state, rescue=True).startswith("import_mapping_rescue")
    state["row_input"] = 8
    flow.choose_header_row(state, "row_input")
    assert (state[flow.HEADER], state[flow.SHEET]) == (8, "Liste")


def test_the_edited_mapping_becomes_the_whole_mapping_for_the_rescues_header_row_and_sheet(two_lists: bytes) -> None:
    state = _session(two_lists)
    labels = field_labels("de")
    state["editor"] = {"edited_rows": {"1": {"field": labels["title"]}, "0": {"field": NOT_MAPPED}}}

    flow.choose_mapping(state, "editor", [0, 1], ["id", None], labels, 4, "Liste")

    assert (state[flow.OVERRIDE]["title"], state[flow.OVERRIDE]["id"]) == (1, -1)
    assert (state[flow.HEADER], state[flow.SHEET]) == (4, "Liste")


def test_a_mapping_corrected_under_a_detected_header_leaves_header_row_and_sheet_open(two_lists: bytes) -> None:
    state = _session(two_lists)
    state["editor"] = {"edited_rows": {}}

    flow.choose_mapping(state, "editor", [0, 1], ["id", "title"], field_labels("en"))

    assert state[flow.OVERRIDE]["title"] == 1 and flow.HEADER not in state and flow.SHEET not in state


def test_another_sheet_is_read_with_its_header_found_afresh(two_lists: bytes) -> None:
    state = _session(two_lists)
    state.update({flow.HEADER: 8, flow.OVERRIDE: {"title": 0}, "sheet_box": "Andere"})

    flow.choose_sheet(state, "sheet_box")

    assert state[flow.SHEET] == "Andere" and flow.HEADER not in state and flow.OVERRIDE not in state


@pytest.mark.parametrize(
    ("seen", "chosen", "expected"),
    [
        ((("Liste",), "Liste"), None, ([], 0)),
        ((("A", "B"), "B"), None, (["A", "B"], 1)),
        ((("A", "B"), "B"), "A", (["A", "B"], 0)),
        ((("A", "B"), "Ausgeblendet"), None, (["Ausgeblendet", "A", "B"], 0)),
    ],
    ids=["one-sheet-no-choice", "current", "chosen", "current-not-offered-first"],
)
def test_a_sheet_is_offered_only_where_there_is_a_choice(
    seen: tuple[tuple[str, ...], str], chosen: str | None, expected: tuple[list[str], int]
) -> None:
    state: dict[str, Any] = {flow.SHEETS_SEEN: seen, flow.SHEET: chosen}

    assert flow.sheet_options(state) == expected


def test_the_first_rows_are_read_once_per_file_and_an_unreadable_file_has_none(two_lists: bytes) -> None:
    state = _session(two_lists)

    found = flow.starts(state, two_lists, "liste.xlsx")
    assert [s.name for s in found] == ["Liste"] and flow.starts(state, b"", "other.xlsx") is found

    broken = _session(b"Das ist keine Tabelle.")
    assert flow.starts(broken, b"Das ist keine Tabelle.", "liste.xlsx") == ()


def test_the_rescue_shows_the_chosen_row_else_the_suggested_one_and_offers_every_sheet(two_lists: bytes) -> None:
    state = _session(two_lists)
    start = flow.rescued_sheet(state, flow.starts(state, two_lists, "liste.xlsx"))

    assert state[flow.SHEETS_SEEN] == (("Liste",), "Liste")
    assert flow.header_row(state, start) == 3
    state[flow.HEADER] = 0
    assert flow.header_row(state, start) == 0


def test_the_mapping_editor_shows_first_values_only_where_the_rescue_read_the_first_rows(two_lists: bytes) -> None:
    state = _session(two_lists)
    result = flow.read(state, two_lists, "liste.xlsx")
    assert isinstance(result, ImportResult)

    table, columns, fields = flow.found_table(state, result, field_labels("de"))
    assert "example" not in table.columns and columns == [0, 1, 2, 3] and fields[1] == "title"

    flow.starts(state, two_lists, "liste.xlsx")
    table, _, _ = flow.found_table(state, result, field_labels("de"))
    assert list(table["example"]) == ["1", "CRM einführen", "12000", "3"]


def test_what_taking_over_would_do_is_merged_once_per_way_and_workshop_revision(two_lists: bytes) -> None:
    state = _session(two_lists)
    result = flow.read(state, two_lists, "liste.xlsx")
    assert isinstance(result, ImportResult)
    current = Workshop(measures=(Measure("A", "CRM"),))

    first = flow.dry_run(state, current, result, APPEND, 1)
    assert flow.dry_run(state, current, result, APPEND, 1) is first
    assert len(first.workshop.measures) == 4
    assert len(flow.dry_run(state, current, result, REPLACE, 1).workshop.measures) == 3
    assert flow.dry_run(state, current, result, REPLACE, 2) is not flow.dry_run(state, current, result, APPEND, 2)


def test_after_taking_over_the_uploader_starts_empty_and_the_message_lasts_for_that_revision(two_lists: bytes) -> None:
    state = _session(two_lists)
    flow.read(state, two_lists, "liste.xlsx")
    state[flow.HEADER] = 3
    upload = flow.upload_key(state)
    said = Message("3 Maßnahmen angehängt.", "3 measures appended.")

    flow.finish(state, 7, [said])

    assert flow.upload_key(state) != upload
    assert not {flow.FILE, flow.HEADER, flow.MEMO} & set(state)
    assert flow.done(state, 7) == (said,) and flow.done(state, 8) == ()


def test_the_review_tables_get_new_keys_with_every_file() -> None:
    first, second = _session(b"a", "a.csv"), _session(b"b", "b.csv")
    assert flow.field_key(first) != flow.field_key(second)
    assert flow.duplicate_key(first) != flow.duplicate_key(second)
    assert flow.field_key(first).startswith("import_fields_")
    assert flow.duplicate_key(first).startswith("import_duplicates_")


def test_nothing_is_taken_over_without_a_pending_list() -> None:
    assert flow.take_over({}, Workshop(), "de") is None


def test_the_decision_note_merges_as_chosen_and_warns_only_before_replacing_measures(two_lists: bytes) -> None:
    state = _session(two_lists)
    result = flow.read(state, two_lists, "liste.xlsx")
    assert isinstance(result, ImportResult)
    current = Workshop(measures=(Measure("A", "CRM"),))

    appended = flow.decision_note(state, current, result, APPEND, 1, "de")
    replaced = flow.decision_note(state, current, result, REPLACE, 1, "de")

    assert appended.level == "info" and appended.text.startswith("Nach dem Übernehmen: ")
    assert replaced.level == "warning" and replaced.text != appended.text


def test_the_rescue_shows_the_chosen_sheet_and_row_with_the_mapping_for_it(two_lists: bytes) -> None:
    state = _session(two_lists)
    state[flow.HEADER] = 8

    rescue = flow.rescue(state, two_lists, "liste.xlsx", field_labels("de"))

    assert rescue is not None and (rescue.start.name, rescue.row) == ("Liste", 8)
    assert len(rescue.table) == len(rescue.columns) == len(rescue.fields) and "title" in rescue.fields
    broken = _session(b"Das ist keine Tabelle.")
    assert flow.rescue(broken, b"Das ist keine Tabelle.", "liste.xlsx", field_labels("de")) is None


def test_the_header_note_says_whether_the_row_was_found_or_chosen(two_lists: bytes) -> None:
    state = _session(two_lists)
    result = flow.read(state, two_lists, "liste.xlsx")
    assert isinstance(result, ImportResult)

    assert "erkannt" in flow.found_note(state, result, "de")
    state[flow.HEADER] = 3
    assert "gewählt" in flow.found_note(state, result, "de")
