"""The import page's choices in the session: the file, its sheet, header row and column mapping, what was read
for them and what taking the list over would do. Nothing here changes the workshop.

Pure functions on the session state (any mutable mapping; no streamlit here); the page uses them as its widget
callbacks, passing `st.session_state`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from roadmap.domain.messages import Lang, Message, RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import ImportResult, import_sheets
from roadmap.importing.raw_sheets import RawSheet
from roadmap.importing.sandbox import read_sheets_apart
from roadmap.views import import_review
from roadmap.views.import_preview import MergeNote, edited_mapping, header_note, mapping_rows, mapping_table, merge_note
from roadmap.views.import_rescue import SheetStart, examples, rescue_table, shown, starts_of, suggested_header_row
from roadmap.workshop.duplicates import DuplicateChoice, find_duplicates
from roadmap.workshop.merge import APPEND, MergeMode, MergeResult, merge_import

State = MutableMapping[str, Any]
Outcome = ImportResult | RoadmapError

ROUND = "import_round"  # grows after each import, so the uploader starts empty again
FILE, SHEET, OVERRIDE, MEMO = "_import_file", "_import_sheet", "_import_override", "_import_memo"
LAST_IMPORT = "_import_done"  # (revision, messages) of the last list taken over
SHEETS_SEEN, MAPPING_VERSION = "_import_sheets_seen", "_import_mapping_version"
DRY_RUN, HEADER, STARTS = "_import_dry_run", "_import_header_row", "_import_starts"
RAW = "_import_raw"  # the file's sheets as read apart, or why they could not be read
CHOICES = (SHEET, HEADER, OVERRIDE, MEMO, SHEETS_SEEN, STARTS, RAW)  # forgotten with the file they were made for


def new_file(state: State, data: bytes, name: str) -> None:
    """A different file was uploaded: forget the sheet, header row and mapping chosen for the previous one."""
    stamp = (name, hashlib.sha1(data).hexdigest())
    if state.get(FILE) != stamp:
        for key in CHOICES:
            state.pop(key, None)
        state[FILE] = stamp


def tag(state: State) -> str:
    """A short mark of the current file for widget keys, so a new file gets fresh widgets."""
    return str(state[FILE][1][:12])


def _stamp(state: State) -> tuple[Any, ...]:
    override = state.get(OVERRIDE) or {}
    return state.get(FILE), state.get(SHEET), state.get(HEADER), tuple(sorted(override.items()))


def stored(state: State) -> Outcome | None:
    """What was read for the current file and choices, or None if it must be read (again)."""
    memo = state.get(MEMO)
    return memo[1] if memo is not None and memo[0] == _stamp(state) else None


def sheets_read(state: State, data: bytes, name: str) -> list[RawSheet]:
    """The file's sheets, read once per file in a child process of its own (roadmap/importing/sandbox.py);
    RoadmapError (kept too) if the file cannot be read."""
    memo = state.get(RAW)
    if memo is None or memo[0] != state.get(FILE):
        try:
            found: list[RawSheet] | RoadmapError = read_sheets_apart(data, name)
        except RoadmapError as error:
            found = error
        memo = (state.get(FILE), found)
        state[RAW] = memo
    if isinstance(memo[1], RoadmapError):
        raise memo[1]
    return list(memo[1])


def read(state: State, data: bytes, name: str, as_of: Month | None = None) -> Outcome:
    """The import of the file with the chosen sheet, header row and mapping (or why it failed), kept for them;
    an old plan replanned from the planning month `as_of` (roadmap/importing/old_plan.py)."""
    try:
        outcome: Outcome = import_sheets(
            sheets_read(state, data, name),
            name,
            sheet=state.get(SHEET),
            mapping=state.get(OVERRIDE),
            header_row=state.get(HEADER),
            as_of=as_of,
        )
    except RoadmapError as error:  # ImportFailed included: not a spreadsheet, damaged, too large, no list …
        outcome = error
    state[MEMO] = (_stamp(state), outcome)
    return outcome


def starts(state: State, data: bytes, name: str) -> tuple[SheetStart, ...]:
    """The first rows of each worksheet of the file, read once per file; none if the file itself is unreadable."""
    memo = state.get(STARTS)
    if memo is None or memo[0] != state.get(FILE):
        try:
            found = starts_of(sheets_read(state, data, name))
        except RoadmapError:
            found = ()
        memo = (state.get(FILE), found)
        state[STARTS] = memo
    return memo[1]


def rescued_sheet(state: State, found: Sequence[SheetStart]) -> SheetStart:
    """The sheet the rescue shows (the chosen one, else the first), offered among all the file's sheets."""
    start = shown(found, state.get(SHEET))
    state[SHEETS_SEEN] = (tuple(s.name for s in found), start.name)
    return start


def header_row(state: State, start: SheetStart) -> int:
    """The header row the rescue shows: the one chosen, else the first row that looks like one."""
    chosen = state.get(HEADER)
    return int(chosen) if chosen is not None else suggested_header_row(start)


@dataclass(frozen=True, eq=False)
class Rescue:
    """What the rescue shows: a sheet's first rows, the header row (chosen, else suggested) and the mapping editor
    for that row (its table, the columns it lists and the field of each)."""

    start: SheetStart
    row: int
    table: pd.DataFrame
    columns: list[int]
    fields: list[str | None]


def rescue(state: State, data: bytes, name: str, labels: Mapping[str, str]) -> Rescue | None:
    """The way out where no list was read: the sheet shown, its header row, the mapping as corrected so far;
    None if the file itself cannot be read (there are no rows to show)."""
    found = starts(state, data, name)
    if not found:
        return None
    start = rescued_sheet(state, found)
    row = header_row(state, start)
    return Rescue(start, row, *rescue_table(start, row, state.get(OVERRIDE), labels))


def found_note(state: State, result: ImportResult, language: Lang) -> str:
    """Where the header of the list read was found, or that it was chosen, as Markdown."""
    return header_note(result, state.get(HEADER) is not None, language)


def found_table(
    state: State, result: ImportResult, labels: Mapping[str, str]
) -> tuple[pd.DataFrame, list[int], list[str | None]]:
    """The mapping editor for the list read: table (first values where the rescue read them), columns, fields."""
    columns, fields = mapping_rows(result)
    memo = state.get(STARTS)
    found = [s for s in (memo[1] if memo and memo[0] == state.get(FILE) else ()) if s.name == result.sheet]
    first = examples(found[0], result.header_row, columns) if found else None
    return mapping_table(result, columns, fields, labels, first), columns, fields


# --- the widgets' callbacks ---------------------------------------------------------------------


def see_sheets(state: State, result: ImportResult) -> None:
    """Remember the sheets of the workbook read, for the sheet choice."""
    state[SHEETS_SEEN] = (result.sheets, result.sheet)


def sheet_options(state: State) -> tuple[list[str], int]:
    """The sheets to choose from and the one chosen; no options where there is no choice."""
    sheets, current = state.get(SHEETS_SEEN, ((), ""))
    if len(sheets) < 2:
        return [], 0
    options = list(sheets) if current in sheets else [current, *sheets]
    return options, options.index(state.get(SHEET) or current)


def choose_sheet(state: State, key: str) -> None:
    """Sheet callback: read that sheet, its header found afresh."""
    state[SHEET] = state[key]
    state.pop(OVERRIDE, None)
    state.pop(HEADER, None)


def header_key(state: State, row: int) -> str:
    """The header row input's key: new per file, sheet and row read, so it shows the row read."""
    return f"import_header_row_{tag(state)}_{state.get(SHEET)}_{row}"


def choose_header_row(state: State, key: str, sheet: str = "") -> None:
    """Header row callback: read the file again from that row (0: none), with the mapping its headings give."""
    value = state.get(key)
    state[HEADER] = None if value is None else int(value)
    state.pop(OVERRIDE, None)
    if sheet:
        state[SHEET] = sheet
    _new_mapping(state)


def mapping_key(state: State, rescue: bool = False) -> str:
    """The mapping editor's key: new after each change, so it starts afresh from what was read."""
    kind = "import_mapping_rescue" if rescue else "import_mapping"
    return f"{kind}_{tag(state)}_{state.get(MAPPING_VERSION, 0)}"


def choose_mapping(
    state: State,
    key: str,
    columns: list[int],
    fields: list[str | None],
    labels: Mapping[str, str],
    header: int | None = None,
    sheet: str = "",
) -> None:
    """Mapping editor callback: the table as edited becomes the importer's whole mapping (for that header row)."""
    edits = (state.get(key) or {}).get("edited_rows") or {}
    state[OVERRIDE] = edited_mapping(columns, fields, edits, labels)
    if header is not None:
        state[HEADER] = header
    if sheet:
        state[SHEET] = sheet
    _new_mapping(state)


def _new_mapping(state: State) -> None:
    state[MAPPING_VERSION] = state.get(MAPPING_VERSION, 0) + 1


# --- the decision -------------------------------------------------------------------------------


def dry_run(
    state: State,
    workshop: Workshop,
    result: ImportResult,
    how: MergeMode | None,
    revision: int,
    choices: Mapping[str, DuplicateChoice] | None = None,
) -> MergeResult:
    """What taking the list over would do, merged once per file, choice, way, duplicate choices and revision."""
    stamp = (state[MEMO][0], how, revision, tuple(sorted((choices or {}).items())))
    memo = state.get(DRY_RUN)
    if memo is None or memo[0] != stamp:  # merging 50,000 rows takes a moment
        memo = (stamp, merge_import(workshop, result, how or MergeMode.APPEND, choices))
        state[DRY_RUN] = memo
    return memo[1]


def decision_note(
    state: State, workshop: Workshop, result: ImportResult, how: MergeMode | None, revision: int, language: Lang
) -> MergeNote:
    """What taking the list over this way would do (appending: with the duplicates as chosen in their table),
    said as a warning where measures would go."""
    chosen = choices(state, workshop, result, language) if how == APPEND else {}
    outcome = dry_run(state, workshop, reviewed(state, result, language), how, revision, chosen)
    return merge_note(workshop, how, outcome, language)


ALREADY_TAKEN = Message(
    "Diese Liste ist bereits übernommen – ein zweiter Klick ändert nichts.",
    "This list has already been taken over – a second click changes nothing.",
)


def pending(state: State) -> ImportResult | None:
    """The list read and waiting for the confirm button, or None once it was taken over (or never read)."""
    memo = state.get(MEMO)
    return memo[1] if memo is not None and isinstance(memo[1], ImportResult) else None


def finish(state: State, revision: int, messages: Sequence[Message]) -> None:
    """After taking the list over: remember what it did, empty the uploader and forget the file's choices."""
    state[LAST_IMPORT] = (revision, tuple(messages))
    state[ROUND] = state.get(ROUND, 0) + 1
    for key in (FILE, *CHOICES):
        state.pop(key, None)


def done(state: State, revision: int) -> tuple[Message, ...]:
    """What the last import did, while the workshop is still as it left it."""
    last = state.get(LAST_IMPORT)
    return tuple(last[1]) if last and last[0] == revision else ()


def upload_key(state: State) -> str:
    """The uploader's key: new after each import, so it starts empty."""
    return f"import_upload_{state.get(ROUND, 0)}"


HOW_KEY = "import_how"


def field_key(state: State) -> str:
    """The key of the suggestion table, new with every file (so its edits are not carried over)."""
    return f"import_fields_{tag(state)}"


def duplicate_key(state: State) -> str:
    """The key of the duplicate table, new with every file."""
    return f"import_duplicates_{tag(state)}"


def reviewed(state: State, result: ImportResult, language: Lang) -> ImportResult:
    """The list read, with the fields the user corrected in the suggestion table."""
    return import_review.corrected(result, (state.get(field_key(state)) or {}).get("edited_rows", {}), language)


def choices(state: State, workshop: Workshop, result: ImportResult, language: Lang) -> dict[str, DuplicateChoice]:
    """Skip, keep both or update, per measure the workshop (nearly) has already, as chosen in the table."""
    edits = (state.get(duplicate_key(state)) or {}).get("edited_rows", {})
    return import_review.duplicate_choices(find_duplicates(workshop.measures, result.measures), edits, language)


def take_over(state: State, workshop: Workshop, language: Lang) -> MergeResult | None:
    """The pending list merged into the workshop as chosen (None: it was taken over already)."""
    result = pending(state)
    if result is None:
        return None
    how = state.get(HOW_KEY, APPEND)
    chosen = choices(state, workshop, result, language) if how == APPEND else {}
    return merge_import(workshop, reviewed(state, result, language), how, chosen)
