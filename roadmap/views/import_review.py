"""What the user reviews in the import preview before taking a list over: the fields of action suggested
from the measures' words (docs/import.md), which they may correct, and the measures the workshop has
already under the same or a similar title (skip, keep both or update the existing one).

Pure functions behind app_pages/08_import_export.py (no streamlit here): the page draws the table they return and
hands the edited rows back before the list is merged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Lang, Message
from roadmap.domain.vocabulary import FIELDS, FIELDS_EN
from roadmap.domain.workshop import Workshop
from roadmap.importing.field_words import FieldGuess
from roadmap.importing.importer import ImportResult
from roadmap.views import escape
from roadmap.views.column_specs import ColumnSpec, column
from roadmap.workshop.duplicates import Duplicate, DuplicateChoice, find_duplicates

SUGGESTION_NOTE = Message(
    "Die Liste nennt kein Handlungsfeld: die markierten Felder sind **Vorschläge** aus Titel und Beschreibung. "
    "Korrigieren Sie sie hier, bevor Sie übernehmen.",
    "The list names no field of action: the marked fields are **suggestions** from title and description. "
    "Correct them here before taking the list over.",
)
SUGGESTED = Message("Vorschlag", "suggestion")


def field_name(field: str, language: Lang) -> str:
    """A field of action as the session's language names it."""
    return FIELDS_EN.get(field, field) if language == "en" else field


def field_options(language: Lang) -> list[str]:
    """The fields of action for the correction column, in the session's language."""
    return [field_name(field, language) for field in FIELDS]


def why(guess: FieldGuess | None, language: Lang) -> str:
    """Why a field was suggested: the telling word, the rows around the measure, or that nothing told."""
    if guess is None:
        return Message("kein Wort sagte etwas – bitte wählen", "no word told – please choose")(language)
    if guess.neighbours and guess.word:
        return Message(f"wegen „{guess.word}“ und der Zeilen darum", f"because of '{guess.word}' and the rows around")(
            language
        )
    if guess.neighbours:
        return Message("wie die Zeilen darum", "like the rows around it")(language)
    return Message(f"wegen „{guess.word}“", f"because of '{guess.word}'")(language)


SURE = Message("sicher", "sure")
LOOK = Message("bitte prüfen", "please check")


def _suggested(result: ImportResult) -> list[Measure]:
    """The measures whose field was suggested: those that need a look first, then the sure ones, each group in
    the list's order (the table's rows, by position)."""
    suggested = [m for m in result.measures if m.id in result.inferred_fields]
    return sorted(suggested, key=lambda m: _is_sure(result.inferred_fields[m.id]))


def _is_sure(guess: FieldGuess | None) -> bool:
    return guess is not None and guess.sure


def suggestion_table(result: ImportResult, language: Lang) -> pd.DataFrame:
    """One row per measure whose field was suggested: id, title, the suggested field, whether it is sure and why;
    the ones to check first, grouped for a quick review."""
    suggested = _suggested(result)
    return pd.DataFrame(
        {
            "id": [m.id for m in suggested],
            "title": [m.title for m in suggested],
            "field": [field_name(m.field, language) for m in suggested],
            "sure": [(SURE if _is_sure(result.inferred_fields[m.id]) else LOOK)(language) for m in suggested],
            "why": [why(result.inferred_fields[m.id], language) for m in suggested],
        }
    ).astype("object")


def sure_counts(result: ImportResult) -> tuple[int, int]:
    """How many suggested fields are sure and how many need a look."""
    sure = sum(_is_sure(guess) for guess in result.inferred_fields.values())
    return sure, len(result.inferred_fields) - sure


def sure_line(result: ImportResult) -> Message:
    """'12 sicher, 7 bitte prüfen – die zu prüfenden stehen oben.'"""
    sure, look = sure_counts(result)
    return Message(
        f"{sure} sicher, {look} bitte prüfen – die zu prüfenden stehen oben.",
        f"{sure} sure, {look} to check – those to check are on top.",
    )


def marked_fields(result: ImportResult, fields: list[str], language: Lang) -> list[str]:
    """The preview's field column with each suggested field marked as a suggestion."""
    mark, look = SUGGESTED(language), LOOK(language)
    return [
        (f"{name} ({mark})" if _is_sure(result.inferred_fields[measure.id]) else f"{name} ({mark}, {look})")
        if measure.id in result.inferred_fields
        else name
        for measure, name in zip(result.measures, fields, strict=True)
    ]


def corrected(result: ImportResult, edited_rows: Mapping[Any, Mapping[str, Any]], language: Lang) -> ImportResult:
    """The import with the fields the user chose in the suggestion table (rows by position) instead of the
    suggestions; a corrected field counts as given, no longer as a suggestion."""
    if not edited_rows:
        return result
    by_name = {field_name(field, language): field for field in FIELDS} | {field: field for field in FIELDS}
    suggested = [m.id for m in _suggested(result)]
    chosen: dict[str, str] = {}
    for row, change in edited_rows.items():
        position = int(row)
        field = by_name.get(str(change.get("field") or ""))
        if 0 <= position < len(suggested) and field is not None:
            chosen[suggested[position]] = field
    if not chosen:
        return result
    measures = tuple(m.with_changes(field=chosen[m.id]) if m.id in chosen else m for m in result.measures)
    inferred = {ident: guess for ident, guess in result.inferred_fields.items() if ident not in chosen}
    return replace(result, measures=measures, inferred_fields=inferred)


# --- measures the workshop (nearly) has already ------------------------------------------------------

CHOICE_LABELS: dict[DuplicateChoice, Message] = {
    DuplicateChoice.SKIP: Message("Überspringen", "Skip"),
    DuplicateChoice.KEEP: Message("Beide behalten", "Keep both"),
    DuplicateChoice.UPDATE: Message("Bestehende aktualisieren", "Update the existing one"),
}
ALIKE = {True: Message("gleich", "same"), False: Message("ähnlich", "similar")}


def duplicate_note(duplicates: list[Duplicate], language: Lang) -> str:
    """The sentence above the duplicates table."""
    count = len(duplicates)
    return Message(
        f"**{count} Maßnahme(n) der Datei stehen gleich oder ähnlich schon in der Liste.** Wählen Sie je Zeile: "
        "überspringen, beide behalten oder die bestehende mit den Werten der Datei aktualisieren.",
        f"**{count} measure(s) of the file are already in the list under the same or a similar title.** Choose "
        "per row: skip, keep both, or update the existing one with the file's values.",
    )(language)


def duplicate_table(duplicates: list[Duplicate], result: ImportResult, language: Lang) -> pd.DataFrame:
    """One row per (nearly) duplicate measure: its title, the existing title beside it, how alike, the choice."""
    titles = {m.id: m.title for m in result.measures}
    return pd.DataFrame(
        {
            "title": [titles.get(d.incoming, d.incoming) for d in duplicates],
            "existing": [d.existing_title for d in duplicates],
            "alike": [ALIKE[d.same](language) for d in duplicates],
            "choice": [CHOICE_LABELS[d.default](language) for d in duplicates],
        }
    ).astype("object")


def choice_options(language: Lang) -> list[str]:
    """The three choices for a duplicate, in the session's language."""
    return [label(language) for label in CHOICE_LABELS.values()]


def duplicate_choices(
    duplicates: list[Duplicate], edited_rows: Mapping[Any, Mapping[str, Any]], language: Lang
) -> dict[str, DuplicateChoice]:
    """The choice for each duplicate: the edited one where the user changed it, else its default."""
    by_label = {label(lang): choice for choice, label in CHOICE_LABELS.items() for lang in ("de", "en")}
    chosen = {d.incoming: d.default for d in duplicates}
    for row, change in edited_rows.items():
        position = int(row)
        choice = by_label.get(str(change.get("choice") or ""))
        if 0 <= position < len(duplicates) and choice is not None:
            chosen[duplicates[position].incoming] = choice
    return chosen


SUGGESTION_LOCKED = ["id", "title", "sure", "why"]
DUPLICATE_LOCKED = ["title", "existing", "alike"]


def suggestion_column_specs(language: Lang) -> dict[str, ColumnSpec]:
    """The suggestion table: only the field of action is chosen, the rest says what and why."""
    return {
        "id": column("text", "ID", width=80),
        "title": column("text", Message("Maßnahme", "Measure")(language), width="large"),
        "field": column(
            "select", Message("Handlungsfeld", "Field of action")(language), options=field_options(language),
            required=True, width="medium",
        ),
        "sure": column("text", Message("Sicherheit", "Confidence")(language), width="small"),
        "why": column("text", Message("Vorschlag", "Suggested")(language), width="medium"),
    }  # fmt: skip


def duplicate_column_specs(language: Lang) -> dict[str, ColumnSpec]:
    """The duplicate table: the title in the file, the one already in the list, how alike, and what to do."""
    return {
        "title": column("text", Message("In der Datei", "In the file")(language), width="large"),
        "existing": column("text", Message("Schon in der Liste", "Already in the list")(language), width="large"),
        "alike": column("text", Message("Titel", "Title")(language), width="small"),
        "choice": column(
            "select", Message("Was tun?", "What to do?")(language), options=choice_options(language), required=True,
            width="medium",
        ),
    }  # fmt: skip


# --- the two tables as the page draws them ------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Review:
    """A table the user corrects before the list is taken over: the Markdown above it (a note, a caption or
    ''), its rows and its columns, those in `locked` fixed."""

    note: str
    caption: str
    table: pd.DataFrame
    locked: list[str]
    specs: dict[str, ColumnSpec]


def suggestion_review(result: ImportResult, language: Lang) -> Review | None:
    """The fields of action suggested from the words, how many are sure; None where the list named every field."""
    if not result.inferred_fields:
        return None
    return Review(
        SUGGESTION_NOTE(language),
        escape.markdown(sure_line(result)(language)),
        suggestion_table(result, language),
        SUGGESTION_LOCKED,
        suggestion_column_specs(language),
    )


def duplicate_review(workshop: Workshop, result: ImportResult, language: Lang) -> Review | None:
    """The measures the workshop has under the same or a similar title, each with a choice; None if there are none."""
    duplicates = find_duplicates(workshop.measures, result.measures)
    if not duplicates:
        return None
    return Review(
        duplicate_note(duplicates, language),
        "",
        duplicate_table(duplicates, result, language),
        DUPLICATE_LOCKED,
        duplicate_column_specs(language),
    )
