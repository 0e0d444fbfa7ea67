"""The import page's tables: which column feeds which field, the mapping as edited, every problem by place.

Pure functions behind pages/7_import_export.py (no streamlit here): the page draws what they return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from roadmap.columns import IMPORT_FIELDS, is_grid_header
from roadmap.importer import ImportResult
from roadmap.messages import ERROR, Message, Problem, column_letter

NOT_MAPPED = "—"
_KIND = {ERROR: Message("Fehler", "Error")}
_NOTE = Message("Hinweis", "Note")


def field_labels(language: str) -> dict[str, str]:
    """Field → its name in the mapping editor, in the session's language."""
    return {field: text(language) for field, text in IMPORT_FIELDS.items()}


def mapping_rows(result: ImportResult) -> tuple[list[int], list[str | None]]:
    """The columns the mapping editor lists and the field each feeds (None: no field, read into the notes).

    Every mapped or headed column is listed except the calendar columns of a Gantt grid ('KW 12', 'Jan 2026'),
    which are never measure data.
    """
    field_of = {column: field for field, column in result.mapping.items()}
    columns = [
        c for c, text in enumerate(result.headers) if c in field_of or (text.strip() and not is_grid_header(text))
    ]
    return columns, [field_of.get(c) for c in columns]


def mapping_table(
    result: ImportResult, columns: Sequence[int], fields: Sequence[str | None], labels: Mapping[str, str]
) -> pd.DataFrame:
    """The mapping editor's rows: column letter, heading in the file, field it is taken as."""
    return pd.DataFrame(
        {
            "column": [column_letter(c) for c in columns],
            "header": [result.headers[c] for c in columns],
            "field": [labels[f] if f else NOT_MAPPED for f in fields],
        }
    ).astype("object")


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


def problem_table(problems: Iterable[Problem], language: str) -> pd.DataFrame:
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
