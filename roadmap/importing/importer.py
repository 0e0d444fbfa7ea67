"""Import a measure list from a spreadsheet file (docs/import.md).

read_sheets → choose the sheet and its header row → map the columns (roadmap/importing/column_names.py) → sort the
rows (roadmap/importing/rows.py) → read the cells (roadmap/importing/measure_cells.py) → ids and dependencies.
The program's own workbook is recognised by its sheet names and read by roadmap/workbook/own_format.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from roadmap.domain.ids import new_ids, renamed_duplicate, unique_id
from roadmap.domain.measure import Measure
from roadmap.domain.messages import Location, Message, Problem, column_letter
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.importing.cell_report import Report
from roadmap.importing.column_names import looked_for
from roadmap.importing.dependencies import resolve_dependencies
from roadmap.importing.field_words import FieldGuess
from roadmap.importing.files import read_sheets
from roadmap.importing.header import Header, find_header, first_row_header, header_at, no_header
from roadmap.importing.measure_cells import build
from roadmap.importing.old_plan import replanned
from roadmap.importing.own_reader import read_own_workbook
from roadmap.importing.raw_sheets import CHARTSHEET, DEFAULT_LIMITS, WORKSHEET, ImportFailed, Limits, RawSheet
from roadmap.importing.row_report import rows_text, skipped_messages
from roadmap.importing.rows import Layout, Line, layout_of, read_lines, sort_lines
from roadmap.importing.table_columns import cell_at, columns_of
from roadmap.importing.tool_files import csv_tool
from roadmap.importing.values import is_empty
from roadmap.workbook.names import SHEET_MEASURES, lang_of_sheet_names
from roadmap.workbook.styles import Cell


@dataclass(frozen=True)
class ImportResult:
    """What an import found: the measures, where they came from and every problem on the way."""

    measures: tuple[Measure, ...]
    profile: Profile | None
    problems: tuple[Problem, ...]
    sheet: str
    sheets: tuple[str, ...]
    header_row: int
    mapping: dict[str, int]
    headers: tuple[str, ...]
    unmapped: tuple[str, ...]
    # Measures whose field of action was suggested from their words and the rows around them (id → the
    # suggestion, None where nothing told and the first field was set).
    inferred_fields: dict[str, FieldGuess | None] = field(default_factory=dict)
    # One line per default the import assumed, with how many measures it touched (duration, value, effort …).
    assumptions: tuple[Message, ...] = ()


def import_file(
    source: Path | bytes,
    *,
    filename: str | None = None,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    header_row: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    as_of: Month | None = None,
) -> ImportResult:
    """Measures (and, from the program's own workbook, the profile) read from a spreadsheet file.

    `header_row` (Excel's 1-based row) replaces the detected header; the rows above it are ignored. With the
    planning month `as_of`, an old plan is replanned from it (roadmap/importing/old_plan.py).
    The file is read in this process: the app reads uploads apart (roadmap/importing/sandbox.py) and
    hands the sheets to `import_sheets`.
    """
    name = filename or (source.name if isinstance(source, Path) else "")
    sheets = read_sheets(source, name, limits)
    return import_sheets(sheets, name, sheet=sheet, mapping=mapping, header_row=header_row, as_of=as_of)


def import_sheets(
    raw: Sequence[RawSheet],
    name: str,
    *,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    header_row: int | None = None,
    as_of: Month | None = None,
) -> ImportResult:
    """Measures (and the profile) from the sheets of a file already read; the choices as for `import_file`."""
    usable = tuple(s.name for s in raw if s.kind == WORKSHEET and not s.hidden and _has_cells(s))
    lang = lang_of_sheet_names([s.name for s in raw])
    if lang and mapping is None and header_row is None and sheet in (None, SHEET_MEASURES(lang)):
        profile, measures, problems = read_own_workbook(list(raw), name)
        return ImportResult(measures, profile, problems, SHEET_MEASURES(lang), usable, 1, {}, (), ())
    if sheet is not None:
        chosen = _named_sheet(raw, sheet, name)
        if chosen.kind == CHARTSHEET:
            raise ImportFailed(
                Message(
                    f"Das Blatt '{chosen.name}' ist ein Diagrammblatt und enthält keine Tabelle.",
                    f"The sheet '{chosen.name}' is a chart sheet and holds no table.",
                ),
                Location(file=name, sheet=chosen.name),
            )
        header = find_header(chosen, mapping) or first_row_header(chosen, mapping)
    else:
        chosen, header = _best_sheet([s for s in raw if s.name in usable], name, mapping, header_row is not None)
    if header_row is not None:
        header = _chosen_header(chosen, header, header_row, name, mapping)
    if header is None:
        raise _no_measure_list(name, [chosen.name])
    result = _import_sheet(chosen, header, name, usable)
    if as_of is None:
        return result
    measures, said = replanned(result.measures, as_of)
    return replace(result, measures=measures, assumptions=(*result.assumptions, said)) if said else result


def _chosen_header(
    sheet: RawSheet, detected: Header | None, row: int, name: str, override: dict[str, int] | None
) -> Header:
    """The header in the row the user chose (the detected one where it ends there), or why that row is none.

    Row 0 means the list has no header row: every row is data, read by the user's mapping (which names the title).
    """
    if row == 0 and (override or {}).get("title", -1) >= 0:
        return no_header(sheet, override)
    if not 1 <= row <= len(sheet.rows):
        de, en = "Ohne Kopfzeile (0) ordnen Sie die Titelspalte zu.", "Without a header row (0), map the title column."
        raise ImportFailed(
            Message(
                f"Eine Zeile {row} gibt es hier nicht – die Kopfzeile muss zwischen Zeile 1 und {len(sheet.rows)} "
                f"liegen (der letzten mit Inhalt).{' ' + de if row == 0 else ''}",
                f"There is no row {row} here – the header row must lie between row 1 and {len(sheet.rows)} "
                f"(the last one with content).{' ' + en if row == 0 else ''}",
            ),
            Location(name, sheet.name),
        )
    if detected is not None and detected.bottom == row - 1:
        return detected  # the detected row itself: read exactly as detected
    header = header_at(sheet, row - 1, override)
    if "title" not in header.mapping:
        raise ImportFailed(
            Message(
                f"Diese Zeile taugt nicht als Kopfzeile – keine ihrer Spalten heißt wie ein Maßnahmentitel "
                f"({looked_for()}). Wählen Sie eine andere Zeile oder ordnen Sie den Titel zu.",
                f"This row cannot be the header – none of its columns is named like a measure title "
                f"({looked_for()}). Choose another row or map the title column.",
            ),
            Location(name, sheet.name, row),
        )
    return header


def _filled(row: list[Cell]) -> bool:
    return any(not is_empty(cell) for cell in row)


def _has_cells(sheet: RawSheet) -> bool:
    return any(not is_empty(cell) for row in sheet.rows for cell in row)


def _named_sheet(raw: Sequence[RawSheet], wanted: str, name: str) -> RawSheet:
    for candidate in raw:
        if candidate.name == wanted or candidate.name.strip().lower() == wanted.strip().lower():
            return candidate
    names = ", ".join(f"'{s.name}'" for s in raw)
    raise ImportFailed(
        Message(
            f"Das Blatt '{wanted}' gibt es nicht; vorhanden: {names}.",
            f"There is no sheet '{wanted}'; the workbook has: {names}.",
        ),
        Location(file=name, sheet=wanted),
    )


def _best_sheet(
    candidates: list[RawSheet], name: str, override: dict[str, int] | None, forced: bool = False
) -> tuple[RawSheet, Header | None]:
    if not candidates:
        raise ImportFailed(
            Message(
                "Die Datei enthält kein sichtbares Tabellenblatt mit Daten.",
                "The file has no visible worksheet with data.",
            ),
            Location(file=name),
        )
    found = [(sheet, find_header(sheet, override)) for sheet in candidates]
    scored = [(header.score, -index, sheet, header) for index, (sheet, header) in enumerate(found) if header]
    if not scored and forced:  # the user names the header row: of the first sheet unless one has a header
        return candidates[0], None
    if not scored:
        raise _no_measure_list(name, [sheet.name for sheet in candidates])
    _, _, sheet, header = max(scored, key=lambda item: (item[0], item[1]))
    return sheet, header


def _no_measure_list(name: str, sheets: list[str]) -> ImportFailed:
    names = ", ".join(f"'{s}'" for s in sheets)
    return ImportFailed(
        Message(
            f"Keine Maßnahmenliste gefunden (geprüft: Blatt {names}). Gesucht wurde eine Kopfzeile mit einer "
            f"Spalte wie {looked_for()} – oder mit Spalten wie Nr., Kosten, Start, Ende, Priorität.",
            f"No measure list found (checked: sheet {names}). The importer looked for a header row with a "
            f"column such as {looked_for()} – or with columns such as No., Cost, Start, End, Priority.",
        ),
        Location(file=name, sheet=sheets[0] if len(sheets) == 1 else ""),
    )


def _import_sheet(sheet: RawSheet, header: Header, name: str, usable: tuple[str, ...]) -> ImportResult:
    """The measures below the header: rows read, what was left out reported, ids decided, dependencies checked."""
    report = Report(name, sheet.name)
    mapping = dict(header.mapping)
    header = replace(header, texts=tuple(text.replace("\n", " ") for text in header.texts))
    layout, lines = _measure_lines(sheet, header, mapping, report, name)
    tool = sheet.tool or csv_tool(header.texts)
    built = build(lines, columns_of(header.texts, layout, lines), report, sheet.date1904, fill_down=not tool)
    if tool:
        report.add(
            Message(
                f"Als {tool}-Export erkannt: Spalten wie dort benannt übernommen; leere Felder bleiben leer.",
                f"Recognised as a {tool} export: columns taken as named there; empty cells stay empty.",
            ),
            header.bottom + 1,
            mapping.get("title"),
        )
    if not built:
        raise ImportFailed(
            Message(
                "Unter der Kopfzeile steht keine einzige Maßnahme (nur Leer-, Summen- oder Vorlagenzeilen).",
                "Below the header there is not a single measure (only empty, totals or template rows).",
            ),
            Location(name, sheet.name, header.bottom + 1 or None),
        )
    _report_left_out(sheet, header, layout, lines, report)
    measures = _with_ids(built, header, mapping, report)
    if "depends_on" in mapping:
        column = mapping["depends_on"]
        cells = [cell_at(line, column) for line, _ in built]
        rows = [line.number for line, _ in built]
        measures = resolve_dependencies(measures, cells, rows, header.bottom + 1, report, column)
    unmapped = tuple(
        header.texts[c] for c in (*layout.notes, *layout.grid) if c < len(header.texts) and header.texts[c]
    )
    problems = tuple(sorted(report.problems, key=lambda p: p.where.row or 0))
    inferred = {
        measure.id: report.inferred[line.number]
        for measure, (line, _) in zip(measures, built, strict=True)
        if line.number in report.inferred
    }
    return ImportResult(
        tuple(measures), None, problems, sheet.name, usable, header.bottom + 1, mapping, header.texts, unmapped,
        inferred, tuple(report.assumptions),
    )  # fmt: skip


def _measure_lines(
    sheet: RawSheet, header: Header, mapping: dict[str, int], report: Report, name: str
) -> tuple[Layout, list[Line]]:
    """The columns' layout and the sorted lines below the header (a title column chosen if none is named)."""
    data_rows = sheet.rows[header.bottom + 1 :]
    if "title" not in mapping:
        _choose_title_column(data_rows, header, mapping, report)
    layout = layout_of(header.texts, mapping, data_rows, sheet.hidden_columns)
    lines = sort_lines(read_lines(sheet.rows, header.bottom + 1, layout, sheet.date1904, sheet.hidden_rows))
    if not lines:
        raise ImportFailed(
            Message(
                "Die Tabelle hat eine Kopfzeile, aber keine Zeilen mit Maßnahmen darunter.",
                "The table has a header row but no rows of measures below it.",
            ),
            Location(name, sheet.name, header.bottom + 1 or None),
        )
    return layout, lines


def _report_left_out(sheet: RawSheet, header: Header, layout: Layout, lines: list[Line], report: Report) -> None:
    """What was not imported: skipped rows, the calendar columns of a Gantt grid, hidden columns."""
    for message, row in skipped_messages(lines):
        report.add(message, row, layout.mapping.get("title"))
    if layout.grid:
        letters = f"{column_letter(layout.grid[0])}–{column_letter(layout.grid[-1])}"
        report.add(
            Message(
                f"{len(layout.grid)} Kalenderspalten ({letters}) eines Gantt-Rasters nicht übernommen.",
                f"{len(layout.grid)} calendar columns ({letters}) of a Gantt grid not imported.",
            ),
            header.bottom + 1,
            layout.grid[0],
        )
    rows = [
        r + 1 for r in sorted(sheet.hidden_rows) if r > header.bottom and r < len(sheet.rows) and _filled(sheet.rows[r])
    ]
    if rows:
        report.add(
            Message(
                f"Ausgeblendete Zeilen nicht übernommen: {rows_text(rows)}. Sollen sie mit, blenden Sie sie in der "
                "Datei ein (auch einen Filter aufheben) und laden Sie sie erneut.",
                f"Hidden rows not imported: {rows_text(rows)}. To take them too, unhide them in the file (or clear "
                "the filter) and upload it again.",
            ),
            rows[0],
            layout.mapping.get("title"),
        )
    hidden = sorted(c for c in sheet.hidden_columns if c not in layout.mapping.values() and c < len(header.texts))
    hidden = [c for c in hidden if header.texts[c]]
    if hidden:
        names = ", ".join(f"{column_letter(c)} ('{header.texts[c]}')" for c in hidden)
        report.add(
            Message(f"Ausgeblendete Spalten nicht übernommen: {names}.", f"Hidden columns not imported: {names}."),
            header.bottom + 1,
            hidden[0],
        )


def _choose_title_column(rows: list[list[Cell]], header: Header, mapping: dict[str, int], report: Report) -> None:
    """No column is named like a title: take the unmapped column that holds the most text."""
    used = set(mapping.values())
    counts: dict[int, int] = {}
    for row in rows[:500]:
        for column, value in enumerate(row):
            if column not in used and isinstance(value, str) and any(ch.isalpha() for ch in value):
                counts[column] = counts.get(column, 0) + 1
    filled = sum(1 for row in rows[:500] if any(not is_empty(v) for v in row))
    if not counts or max(counts.values()) < max(1, filled // 3):
        raise _no_title_column(header, report)
    column = max(counts, key=lambda c: (counts[c], -c))
    mapping["title"] = column
    report.add(
        Message(
            f"Keine Spalte für den Titel erkannt – Spalte {column_letter(column)} (die mit dem meisten Text) "
            "wird als Maßnahme gelesen.",
            f"No title column recognised – column {column_letter(column)} (the one with most text) is read "
            "as the measure.",
        ),
        header.bottom + 1,
        column,
    )


def _no_title_column(header: Header, report: Report) -> ImportFailed:
    """The header names other columns but none holds the measures' titles: say that, and what it does name."""
    found = ", ".join(f"{column_letter(c)} '{text}'" for c, text in enumerate(header.texts) if text) or "–"
    return ImportFailed(
        Message(
            f"Die Spalte mit den Titeln der Maßnahmen fehlt – keine Überschrift heißt wie {looked_for()}, "
            f"und keine Spalte enthält genug Text. Gefundene Überschriften: {found}. Benennen Sie die Spalte "
            "mit den Maßnahmen in der Datei um oder ordnen Sie sie in der Vorschau zu.",
            f"The column with the measures' titles is missing – no heading is named like {looked_for()}, and "
            f"no column holds enough text. Headings found: {found}. Rename the column with the measures in "
            "the file or map it in the preview.",
        ),
        Location(report.file, report.sheet, header.bottom + 1),
    )


def _with_ids(
    built: list[tuple[Line, Measure]], header: Header, mapping: dict[str, int], report: Report
) -> list[Measure]:
    """Ids from the ID column where it names (nearly) every measure, else M001, M002, … by row order.

    A repeated id gets a suffix and a row without one a new id (roadmap/domain/ids.py), with a warning.
    """
    column = mapping.get("id")
    given = [line.ident for line, _ in built]
    use = column is not None and sum(bool(i) for i in given) * 2 >= len(built)
    taken = {i for i in given if i} if use else set()
    seen: set[str] = set()
    chosen: list[str] = []
    notes: list[str] = []
    for (line, measure), ident in zip(built, given, strict=True):
        note = measure.notes
        if not use and ident and column is not None:
            label = header.texts[column] if column < len(header.texts) and header.texts[column] else "Nr."
            note = "; ".join(filter(None, [f"{label}: {ident}", note]))
            ident = ""
        if ident in seen:
            fresh = unique_id(ident, seen | taken)
            report.add(
                renamed_duplicate(ident, fresh),
                line.number,
                column,
            )
            ident = fresh
        if ident:
            seen.add(ident)
        chosen.append(ident)
        notes.append(note)
    fresh_ids = iter(new_ids(taken | seen, chosen.count(""), digits=3))
    return [
        measure.with_id(ident or next(fresh_ids), note)
        for (_, measure), ident, note in zip(built, chosen, notes, strict=True)
    ]


__all__ = ["ImportFailed", "ImportResult", "Limits", "import_file"]
