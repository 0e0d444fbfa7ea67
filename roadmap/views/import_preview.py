"""The import page's tables and texts: which column feeds which field, the mapping as edited, the preview of
the measures, every problem by place and what taking the list over would do.

Pure functions behind app_pages/08_import_export.py (no streamlit here): the page draws what they return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pandas as pd

from roadmap.domain.messages import Lang, Message, Problem, RoadmapError, Severity, column_letter
from roadmap.domain.workshop import Workshop
from roadmap.importing.column_names import IMPORT_FIELDS, is_grid_header
from roadmap.importing.importer import ImportResult
from roadmap.views import escape, import_review, measure_table
from roadmap.views.column_specs import ColumnSpec
from roadmap.views.column_specs import column as col
from roadmap.workshop.merge import MergeMode, MergeResult

NOT_MAPPED = "—"
_KIND = {Severity.ERROR: Message("Fehler", "Error")}
_NOTE = Message("Hinweis", "Note")
PREVIEW_COLUMNS = (
    "id", "title", "field", "status", "value", "effort", "one_time_cost", "running_cost", "duration", "depends_on",
    "earliest_start", "deadline", "owner", "notes",
)  # fmt: skip
MONEY_COLUMNS = ("one_time_cost", "running_cost")
MONTH_COLUMNS = ("earliest_start", "deadline")
UPLOAD_TYPES = ("xlsx", "xlsm", "xls", "ods", "csv", "json", "xml")  # the files UPLOAD_LABEL names
UPLOAD_LABEL = Message(
    "Maßnahmenliste hochladen (xlsx, xlsm, xls, ods, csv; Trello-JSON, MS-Project-XML)",
    "Upload a list of measures (xlsx, xlsm, xls, ods, csv; Trello JSON, MS Project XML)",
)
UPLOAD_HELP = Message(
    "Kopfzeile, Spalten und Zahlenformate werden erkannt; Sie sehen alles, bevor etwas übernommen wird. "
    "Höchstens 20 MB und 50.000 Zeilen je Datei.",
    "Header, columns and number formats are recognised; you see everything before anything is taken over. "
    "At most 20 MB and 50,000 rows per file.",
)
LIST_HINT = Message(
    "Die Liste darf Titelzeilen, leere Zeilen und Summenzeilen enthalten; deutsche und englische "
    "Spaltennamen werden erkannt (Nr., Maßnahme, Kosten, Dauer, Vorgänger, Verantwortlich …).",
    "The list may have title rows, empty rows and total rows; German and English column names are "
    "recognised (No., Measure, Cost, Duration, Predecessors, Owner …).",
)
HEADER_ROW_HELP = Message(
    "Die Zeile mit den Spaltenüberschriften; die Zeilen darüber werden nicht übernommen. 0: Die Liste hat keine "
    "Kopfzeile, jede Zeile ist eine Maßnahme (ordnen Sie dann die Spalten zu).",
    "The row holding the column headings; the rows above it are not imported. 0: the list has no header row, "
    "every row is a measure (then map the columns).",
)
OWN_WORKBOOK = Message(
    "Roadmap-Arbeitsmappe dieses Programms erkannt: alle Felder (und das Profil) werden übernommen.",
    "Roadmap workbook of this program recognised: every field (and the profile) is taken over.",
)
NOTHING_CHANGED = Message("Am Workshop wurde nichts geändert.", "Nothing in the workshop was changed.")
HOW_LABELS: dict[MergeMode, Message] = {
    MergeMode.APPEND: Message("Anhängen (zu den bisherigen Maßnahmen)", "Append (to the current measures)"),
    MergeMode.REPLACE: Message("Ersetzen (die bisherige Liste fällt weg)", "Replace (the current list goes)"),
    MergeMode.UPDATE: Message(
        "Abgleichen über die ID (gleiche ID wird aktualisiert)", "Update by ID (same ID is updated)"
    ),
}


def header_note(result: ImportResult, chosen: bool, language: Lang) -> str:
    """Where the header was found (or chosen) and what the mapping editor below is for."""
    how = Message("gewählt", "chosen") if chosen else Message("erkannt", "found")
    sheet = escape.markdown(result.sheet)  # Markdown: the sheet's name is the file author's text
    if result.header_row == 0:
        return Message(
            f"Ohne Kopfzeile: jede Zeile von Blatt **{sheet}** wird als Maßnahme gelesen, die Spalten so, wie "
            "Sie sie unten zuordnen; Spalten ohne Zuordnung landen in den Notizen.",
            f"No header row: every row of sheet **{sheet}** is read as a measure, its columns as you map them "
            "below; columns without a field end up in the notes.",
        )(language)
    return Message(
        f"Kopfzeile in **Zeile {result.header_row}** von Blatt **{sheet}** {how.de}. Prüfen Sie, welche "
        "Spalte in welches Feld übernommen wird, und korrigieren Sie es bei Bedarf; Spalten ohne Zuordnung "
        "landen in den Notizen.",
        f"Header {how.en} in **row {result.header_row}** of sheet **{sheet}**. Check which column feeds "
        "which field and correct it where needed; columns without a field end up in the notes.",
    )(language)


def failure_text(error: RoadmapError, language: Lang) -> str:
    """Why no list was read, and that the workshop stayed as it was, as Markdown."""
    return f"{escape.markdown(error.text(language))} {escape.markdown(NOTHING_CHANGED(language))}"


def done_text(messages: Sequence[Message], language: Lang) -> str:
    """What the last list taken over did, in one paragraph of Markdown."""
    return " ".join(escape.markdown(message(language)) for message in messages)


def field_labels(language: Lang) -> dict[str, str]:
    """Field → its name in the mapping editor, in the session's language."""
    return {field: text(language) for field, text in IMPORT_FIELDS.items()}


def mapping_rows(result: ImportResult) -> tuple[list[int], list[str | None]]:
    """The columns the mapping editor lists and the field each feeds (None: no field, read into the notes).

    Every mapped or headed column is listed except the calendar columns of a Gantt grid ('KW 12', 'Jan 2026'),
    which are never measure data; a list without a header row (row 0) lists all its columns.
    """
    field_of = {column: field for field, column in result.mapping.items()}
    every = result.header_row == 0
    columns = [
        c
        for c, text in enumerate(result.headers)
        if every or c in field_of or (text.strip() and not is_grid_header(text))
    ]
    return columns, [field_of.get(c) for c in columns]


def mapping_table(
    result: ImportResult,
    columns: Sequence[int],
    fields: Sequence[str | None],
    labels: Mapping[str, str],
    examples: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The mapping editor's rows: column letter, heading in the file, field it is taken as."""
    return heading_table(result.headers, columns, fields, labels, examples)


def heading_table(
    headers: Sequence[str],
    columns: Sequence[int],
    fields: Sequence[str | None],
    labels: Mapping[str, str],
    examples: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Column letter, heading (blank where there is none), a value from the column where known, and its field."""
    table: dict[str, list[str]] = {
        "column": [column_letter(c) for c in columns],
        "header": [headers[c] if c < len(headers) else "" for c in columns],
    }
    if examples is not None:
        table["example"] = list(examples)
    table["field"] = [labels[f] if f else NOT_MAPPED for f in fields]
    return pd.DataFrame(table).astype("object")


def edited_mapping(
    columns: Sequence[int],
    fields: Sequence[str | None],
    edited_rows: Mapping[Any, Mapping[str, Any]],
    labels: Mapping[str, str],
) -> dict[str, int]:
    """The mapping table as edited, as the importer's whole mapping (-1: this field is in no column)."""
    chosen = list(fields)
    by_label = {label: field for field, label in labels.items()}
    for row, change in edited_rows.items():
        if "field" in change and 0 <= int(row) < len(chosen):
            chosen[int(row)] = by_label.get(change["field"] or NOT_MAPPED)
    mapping: dict[str, int] = dict.fromkeys(IMPORT_FIELDS, -1)
    for column, field in zip(columns, chosen, strict=True):
        if field is not None:
            mapping[field] = column  # a field chosen twice: the column further right wins
    return mapping


def problem_table(problems: Iterable[Problem], language: Lang) -> pd.DataFrame:
    """One row per problem: kind, sheet, row, column and the sentence, in the session's language."""
    found = list(problems)
    return pd.DataFrame(
        {
            "kind": [_KIND.get(p.severity, _NOTE)(language) for p in found],
            "sheet": [p.where.sheet for p in found],
            "row": [p.where.row for p in found],
            "column": [p.where.column for p in found],
            "message": [p.message(language) for p in found],
        }
    )


# --- the preview and the decision ---------------------------------------------------------------


def preview_title(result: ImportResult, language: Lang) -> str:
    """The preview's heading with the number of measures that would be imported."""
    count = len(result.measures)
    return Message(f"Vorschau: {count} Maßnahmen", f"Preview: {count} measures")(language)


def preview_frame(result: ImportResult, language: Lang) -> pd.DataFrame:
    """The measures that would be imported, as the preview shows them: the Maßnahmen page's table, each field
    of action suggested from the words marked as a suggestion."""
    frame = measure_table.measure_frame(result.measures, language)
    frame["field"] = pd.Series(import_review.marked_fields(result, list(frame["field"]), language), dtype="object")
    return frame


def preview_labels(language: Lang) -> dict[str, str]:
    """Each column of the preview (the measure table's columns) → its heading in the session's language."""
    return {key: text(language) for key, text in measure_table.COLUMNS.items()}


def money_format(language: Lang) -> str:
    """The preview's number format for euros, as on the Maßnahmen page: '12.500 €' / '€12,500'."""
    return "€%,d" if language == "en" else "%'.,d €"


def month_format(language: Lang) -> str:
    """The preview's date format for months: '03.2026' / 'Mar 2026'."""
    return "MMM YYYY" if language == "en" else "MM.YYYY"


def problem_summary(problems: Iterable[Problem], language: Lang) -> str:
    """How many notes the file gave and how many of them are errors (whose rows are not imported)."""
    found = list(problems)
    errors = sum(1 for p in found if p.severity == Severity.ERROR)
    return Message(
        f"**{len(found)} Hinweise** ({errors} davon Fehler: diese Zeilen werden nicht übernommen)",
        f"**{len(found)} notes** ({errors} of them errors: those rows are not imported)",
    )(language)


def assumptions_text(result: ImportResult, language: Lang) -> str:
    """The defaults the import assumed, one line each with how many measures it touched, as Markdown ('' if none)."""
    if not result.assumptions:
        return ""
    head = Message("**Angenommen** – bitte prüfen:", "**Assumed** – please check:")(language)
    return "\n".join([head, *(f"- {escape.markdown(line(language))}" for line in result.assumptions)])


def merge_summary(outcome: MergeResult, language: Lang) -> str:
    """What taking the list over would do, in sentences: 'Nach dem Übernehmen: 12 Maßnahmen angehängt.'"""
    start = Message("Nach dem Übernehmen: ", "After taking it over: ")(language)
    return start + " ".join(m(language) for m in outcome.messages)


def merge_warns(workshop: Workshop, how: MergeMode | None) -> bool:
    """True when taking the list over would remove measures: replacing a list that has some."""
    return how == MergeMode.REPLACE and bool(workshop.measures)


class Level(StrEnum):
    """How loudly the page says a note: as information or as a warning."""

    INFO = "info"
    WARNING = "warning"


LEVEL_ICONS = {Level.INFO: ":material/info:", Level.WARNING: ":material/warning:"}


@dataclass(frozen=True)
class MergeNote:
    """What taking the list over would do, as Markdown (titles and names escaped), and how loudly to say it."""

    text: str
    level: Level

    @property
    def icon(self) -> str:
        """The icon beside the note: a warning sign or an i."""
        return LEVEL_ICONS[self.level]


def merge_note(workshop: Workshop, how: MergeMode | None, outcome: MergeResult, language: Lang) -> MergeNote:
    """The merge summary above the confirm button: a warning where measures would go, else information."""
    level = Level.WARNING if merge_warns(workshop, how) else Level.INFO
    return MergeNote(escape.markdown(merge_summary(outcome, language)), level)


NO_PROBLEMS = Message("Keine Auffälligkeiten in der Datei.", "Nothing unusual in the file.")
MAPPING_LOCKED = ["column", "header", "example"]


def mapping_column_specs(labels: Mapping[str, str], language: Lang) -> dict[str, ColumnSpec]:
    """The mapping table: column, heading and first value fixed; the field each column feeds chosen."""
    return {
        "column": col("text", Message("Spalte", "Column")(language), width=70),
        "header": col("text", Message("Überschrift in der Datei", "Heading in the file")(language), width="large"),
        "example": col("text", Message("Erster Wert", "First value")(language), width="medium"),
        "field": col(
            "select", Message("übernommen als", "taken as")(language), options=[NOT_MAPPED, *labels.values()],
            required=True, width="large",
        ),
    }  # fmt: skip


def preview_headings(language: Lang) -> dict[str, str]:
    """Each preview column → its heading (the plain columns need no more than that)."""
    labels = preview_labels(language)
    return {key: labels[key] for key in PREVIEW_COLUMNS}


def preview_column_specs(language: Lang) -> dict[str, ColumnSpec]:
    """The preview's money and month columns, formatted as on the Maßnahmen page."""
    labels, money, month = preview_labels(language), money_format(language), month_format(language)
    specs = {key: col("number", labels[key], format=money) for key in MONEY_COLUMNS}
    specs.update({key: col("date", labels[key], format=month) for key in MONTH_COLUMNS})
    return specs


def problem_column_specs(language: Lang) -> dict[str, ColumnSpec]:
    """The problem table: kind, sheet, row, column and what was found."""
    return {
        "kind": col("text", Message("Art", "Kind")(language), width=90),
        "sheet": col("text", Message("Blatt", "Sheet")(language), width=160),
        "row": col("number", Message("Zeile", "Row")(language), width=70, format="%d"),
        "column": col("text", Message("Spalte", "Column")(language), width=70),
        "message": col("text", Message("Was auffiel", "What was found")(language), width=1100),
    }
