"""The import page's tables and texts (roadmap/views/import_preview.py)."""

from __future__ import annotations

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.messages import ERROR, Location, Message, Problem, RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import ImportResult, import_file
from roadmap.views import import_preview
from roadmap.views.import_preview import (
    HOW_LABELS,
    NOT_MAPPED,
    PREVIEW_COLUMNS,
    Level,
    edited_mapping,
    field_labels,
    header_note,
    heading_table,
    mapping_rows,
    mapping_table,
    merge_summary,
    merge_warns,
    money_format,
    month_format,
    preview_labels,
    preview_title,
    problem_summary,
    problem_table,
)
from roadmap.workshop.merge import APPEND, HOW, REPLACE, UPDATE, merge_import

LIST = "Nr.;Maßnahme;Kosten;Quelle;KW 12\n1;CRM einführen;12.000;Workshop;x\n2;Backup;1.200;Berater;\n".encode()


@pytest.fixture
def result() -> ImportResult:
    """A small semicolon list: id, title, cost, a column without a field and a Gantt calendar column."""
    return import_file(LIST, filename="liste.csv")


def _problems() -> list[Problem]:
    where = Location(sheet="Liste", row=4, column="C")
    return [Problem(Message("kaputt", "broken"), where, ERROR), Problem(Message("seltsam", "odd"), where)]


def test_the_mapping_lists_every_headed_column_but_the_gantt_calendar(result: ImportResult) -> None:
    columns, fields = mapping_rows(result)

    assert columns == [0, 1, 2, 3]
    assert fields == ["id", "title", "one_time_cost", None]


def test_the_mapping_table_shows_letter_heading_and_field_in_the_sessions_language(result: ImportResult) -> None:
    columns, fields = mapping_rows(result)

    table = mapping_table(result, columns, fields, field_labels("en"))

    assert list(table["column"]) == ["A", "B", "C", "D"]
    assert list(table["header"]) == ["Nr.", "Maßnahme", "Kosten", "Quelle"]
    assert list(table["field"])[2:] == [field_labels("en")["one_time_cost"], NOT_MAPPED]


def test_the_mapping_table_can_show_each_columns_first_value_and_blank_headings() -> None:
    table = heading_table(("Nr.",), [0, 2], ["id", None], field_labels("de"), ["1", "CRM"])

    assert list(table.columns) == ["column", "header", "example", "field"]
    assert table.values.tolist() == [["A", "Nr.", "1", "ID / Nr."], ["C", "", "CRM", NOT_MAPPED]]


def test_a_list_without_header_row_lists_every_column_and_says_so() -> None:
    headerless = import_file(b"1;CRM;12000\n2;ERP;900\n", filename="liste.csv", header_row=0, mapping={"title": 1})

    assert mapping_rows(headerless) == ([0, 1, 2], [None, "title", None])
    assert header_note(headerless, True, "de").startswith("Ohne Kopfzeile: jede Zeile von Blatt **liste**")
    assert header_note(headerless, True, "en").startswith("No header row: every row of sheet **liste**")


def test_the_edited_mapping_is_the_importers_whole_mapping_with_fields_in_no_column(result: ImportResult) -> None:
    columns, fields = mapping_rows(result)
    labels = field_labels("de")

    mapping = edited_mapping(columns, fields, {"2": {"field": NOT_MAPPED}, 3: {"field": labels["notes"]}}, labels)

    assert (mapping["id"], mapping["title"], mapping["notes"]) == (0, 1, 3)
    assert mapping["one_time_cost"] == -1 and set(mapping.values()) <= {-1, 0, 1, 3}


def test_a_field_chosen_for_two_columns_is_read_from_the_one_further_right(result: ImportResult) -> None:
    columns, fields = mapping_rows(result)
    labels = field_labels("de")

    mapping = edited_mapping(columns, fields, {0: {"field": labels["title"]}}, labels)

    assert mapping["title"] == 1 and mapping["id"] == -1


def test_the_header_note_says_where_the_header_was_found_or_chosen(result: ImportResult) -> None:
    found, chosen = header_note(result, False, "de"), header_note(result, True, "en")

    assert found.startswith("Kopfzeile in **Zeile 1** von Blatt **liste** erkannt.")
    assert chosen.startswith("Header chosen in **row 1** of sheet **liste**.")


def test_the_preview_is_titled_with_the_number_of_measures(result: ImportResult) -> None:
    assert preview_title(result, "de") == "Vorschau: 2 Maßnahmen"
    assert preview_title(result, "en") == "Preview: 2 measures"


def test_the_preview_labels_every_column_it_shows_in_both_languages() -> None:
    german, english = preview_labels("de"), preview_labels("en")

    assert set(PREVIEW_COLUMNS) <= set(german) and set(PREVIEW_COLUMNS) <= set(english)
    assert (german["title"], english["title"]) == ("Maßnahme", "Measure")


def test_money_and_months_are_formatted_as_on_the_massnahmen_page() -> None:
    assert (money_format("de"), month_format("de")) == ("%'.,d €", "MM.YYYY")
    assert (money_format("en"), month_format("en")) == ("€%,d", "MMM YYYY")


def test_the_problem_summary_counts_the_notes_and_the_errors_among_them() -> None:
    assert problem_summary(_problems(), "de").startswith("**2 Hinweise** (1 davon Fehler")
    assert problem_summary(_problems(), "en").startswith("**2 notes** (1 of them errors")


def test_the_problem_table_has_one_row_per_problem_with_its_place() -> None:
    table = problem_table(_problems(), "en")

    assert table.values.tolist() == [["Error", "Liste", 4, "C", "broken"], ["Note", "Liste", 4, "C", "odd"]]


def test_the_preview_names_every_title_taken_as_plain_text_with_its_row_and_column() -> None:
    long = "Einführung " * 30
    hostile = f"Nr.;Maßnahme;Kosten;Nutzen;Aufwand;Feld\n1;<script>alert(1)</script>;100;3;3;IT\n2;{long};200;3;3;IT\n"
    hostile += '3;=HYPERLINK("http://example.invalid");300;3;3;IT\n4;CRM;400;3;3;Kunden\n'
    result = import_file(hostile.encode(), filename="liste.csv")

    german, english = problem_table(result.problems, "de"), problem_table(result.problems, "en")

    assert preview_title(result, "de") == "Vorschau: 4 Maßnahmen"
    assert german[["row", "column"]].values.tolist() == [[2, "B"], [3, "B"], [4, "B"]]
    assert [text.split(" (")[0] for text in german["message"]] == [
        "Titel sieht aus wie Markup",
        "Titel länger als 200 Zeichen",
        "Titel sieht aus wie eine Formel",
    ]
    assert "never evaluated" in english["message"][2] and "shortened to 200" in english["message"][1]


def test_every_way_of_taking_the_list_over_has_a_name_in_both_languages() -> None:
    assert set(HOW_LABELS) == set(HOW)
    assert HOW_LABELS[UPDATE]("en") == "Update by ID (same ID is updated)"


def test_the_merge_summary_says_what_taking_the_list_over_would_do(result: ImportResult) -> None:
    outcome = merge_import(Workshop(), result, APPEND)

    assert merge_summary(outcome, "de") == "Nach dem Übernehmen: 2 Maßnahmen angehängt."
    assert merge_summary(outcome, "en") == "After taking it over: 2 measures appended."


@pytest.mark.parametrize(
    ("how", "measures", "warns"),
    [(REPLACE, 1, True), (REPLACE, 0, False), (APPEND, 1, False), (UPDATE, 1, False), (None, 1, False)],
)
def test_only_replacing_a_list_that_has_measures_warns(how: str | None, measures: int, warns: bool) -> None:
    workshop = Workshop(measures=(Measure("A", "CRM"),)[:measures])

    assert merge_warns(workshop, how) is warns


def test_the_mapping_offers_every_field_and_not_mapped() -> None:
    labels = import_preview.field_labels("en")
    specs = import_preview.mapping_column_specs(labels, "en")
    assert list(specs["field"].options["options"]) == [import_preview.NOT_MAPPED, *labels.values()]
    assert set(specs) - set(import_preview.MAPPING_LOCKED) == {"field"}


def test_the_preview_formats_money_and_months_and_heads_every_column() -> None:
    specs = import_preview.preview_column_specs("de")
    assert set(specs) == {*import_preview.MONEY_COLUMNS, *import_preview.MONTH_COLUMNS}
    assert specs["one_time_cost"].options["format"] == import_preview.money_format("de")
    assert list(import_preview.preview_headings("de")) == list(import_preview.PREVIEW_COLUMNS)
    assert set(import_preview.problem_column_specs("en")) == {"kind", "sheet", "row", "column", "message"}


def test_the_preview_marks_each_suggested_field_and_keeps_a_named_one_as_it_is(result: ImportResult) -> None:
    named = import_file("Nr.;Maßnahme;Handlungsfeld\n1;CRM;Daten & Entscheidungen\n".encode(), filename="l.csv")

    frame = import_preview.preview_frame(result, "en")

    assert list(frame["title"]) == ["CRM einführen", "Backup"]
    assert all(field.endswith("(suggestion, please check)") for field in frame["field"])
    assert list(import_preview.preview_frame(named, "de")["field"]) == ["Daten & Entscheidungen"]


@pytest.mark.parametrize(("how", "level"), [(REPLACE, Level.WARNING), (APPEND, Level.INFO)])
def test_the_merge_note_warns_only_where_measures_would_go(result: ImportResult, how: str, level: Level) -> None:
    workshop = Workshop(measures=(Measure("A", "CRM"),))

    note = import_preview.merge_note(workshop, how, merge_import(workshop, result, how), "en")

    assert note.level is level and note.icon == f":material/{level}:"
    assert note.text.startswith("After taking it over: ")


def test_the_merge_note_shows_the_titles_it_names_as_typed() -> None:
    typed = import_file("Nr.;Maßnahme\n1;**fett**\n".encode(), filename="liste.csv")
    workshop = Workshop(measures=(Measure("A", "**fett**"),))

    note = import_preview.merge_note(workshop, APPEND, merge_import(workshop, typed, APPEND), "de")

    assert "„\\*\\*fett\\*\\*“" in note.text and "**fett**" not in note.text


def test_a_failed_read_says_why_and_that_nothing_changed_with_the_words_escaped() -> None:
    error = RoadmapError(Message("Blatt *Liste* ist leer.", "Sheet *Liste* is empty."))
    said = import_preview.failure_text(error, "en")

    assert said == "Sheet \\*Liste\\* is empty. Nothing in the workshop was changed."


def test_what_the_last_import_did_is_one_paragraph_in_the_language() -> None:
    done = (Message("2 Maßnahmen angehängt.", "2 measures appended."), Message("1 übersprungen.", "1 skipped."))

    assert import_preview.done_text(done, "en") == "2 measures appended. 1 skipped."


def test_the_uploader_takes_every_kind_of_file_its_label_names() -> None:
    label = import_preview.UPLOAD_LABEL("en").lower()

    assert all(kind in label for kind in ("xlsx", "xlsm", "xls", "ods", "csv", "json", "xml"))
    assert set(import_preview.UPLOAD_TYPES) == {"xlsx", "xlsm", "xls", "ods", "csv", "json", "xml"}
