"""Write the roadmap workbook (XLSX) of a plan (docs/workbook.md).

Sheets in this order: Roadmap, Gantt, Budget, Priorisierung, Profil, Maßnahmen, Fortschritt (English
names from roadmap/workbook/names.py and progress_sheet.py in English mode), and Szenarien last when
scenarios are compared. XlsxWriter writes it: about three times faster than openpyxl for large
workshops, and it can store a formula together with its computed value, so programs that only read
(the importer, viewers) see the figures too.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from roadmap.domain.messages import Lang
from roadmap.planning.phases import phase_of, phases
from roadmap.planning.plan import Plan
from roadmap.planning.ranking import QUADRANTS_EN
from roadmap.workbook import sheets as workbook_sheets
from roadmap.workbook.fast_rows import FastWorkbook
from roadmap.workbook.gantt_sheet import write_gantt
from roadmap.workbook.names import LIST_SEPARATOR, ROADMAP_COLUMNS, SHEETS
from roadmap.workbook.own_format import field_name, status_name, yes_no
from roadmap.workbook.progress_sheet import SHEET_PROGRESS, write_progress
from roadmap.workbook.styles import Cell, Styles, header_row, print_landscape, put_row

if TYPE_CHECKING:
    from roadmap.planning.scenario_compare import ScenarioResult

_ROADMAP_WIDTHS = (9, 40, 26, 8, 8, 7, 6, 20, 16, 11, 11, 9, 14, 14, 11, 12, 16, 16, 13, 50)


def write_workbook(
    plan: Plan,
    target: Path | str | BinaryIO,
    lang: Lang = "de",
    baseline: Plan | None = None,
    scenarios: Sequence[ScenarioResult] = (),
) -> None:
    """Write the roadmap workbook of a plan (its follow-up against `baseline`, the scenarios compared) to a
    stream, or atomically to a file path."""
    if isinstance(target, (Path, str)):
        write_atomically(Path(target), lambda stream: write_workbook(plan, stream, lang, baseline, scenarios))
    else:
        target.write(workbook_bytes(plan, lang, baseline, scenarios))


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Let `write` fill a temporary file in `path`'s folder, then rename it onto `path` (os.replace).

    A failing or interrupted write never leaves half a file at `path` nor touches a file already
    there, and the temporary file is removed. The new file keeps an existing file's permissions;
    a symlink at `path` is followed, so its target is replaced. An OSError (a folder that may not
    be written, a file open in Excel) reaches the caller.
    """
    final = Path(os.path.realpath(path))
    temp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(temp, flags, 0o666)
    try:
        with open(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(final.stat().st_mode))
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def workbook_bytes(
    plan: Plan, lang: Lang = "de", baseline: Plan | None = None, scenarios: Sequence[ScenarioResult] = ()
) -> bytes:
    """The roadmap workbook of a plan as XLSX bytes; its Fortschritt sheet compares with `baseline`; with
    scenarios compared, their sheet last."""
    buffer = io.BytesIO()
    book = FastWorkbook(buffer, {"in_memory": True, "nan_inf_to_errors": True})
    write_sheets(book, plan, lang, baseline, scenarios)
    book.close()
    return buffer.getvalue()


def write_sheets(
    book: FastWorkbook, plan: Plan, lang: Lang, baseline: Plan | None, scenarios: Sequence[ScenarioResult]
) -> None:
    """Every sheet of the workbook into an open XlsxWriter workbook, in their order (the file is written on close)."""
    book.set_properties({"title": "Digital-Roadmap" if lang == "de" else "Digital roadmap"})
    styles = Styles(book, lang)
    sheets = {name.de: book.add_worksheet(name(lang)) for name in SHEETS}
    write_roadmap(sheets["Roadmap"], plan, styles)
    write_gantt(sheets["Gantt"], plan, styles)
    workbook_sheets.write_budget(sheets["Budget"], plan, styles)
    workbook_sheets.write_ranking(sheets["Priorisierung"], plan, styles)
    workbook_sheets.write_profile(sheets["Profil"], plan, styles)
    workbook_sheets.write_measures(sheets["Maßnahmen"], plan, styles)
    write_progress(book.add_worksheet(SHEET_PROGRESS(lang)), plan, baseline, styles)
    if scenarios:  # the scenario modules are loaded only when scenarios are compared
        from roadmap.workbook.scenario_sheet import SHEET_SCENARIOS, write_scenarios

        write_scenarios(book.add_worksheet(SHEET_SCENARIOS(lang)), scenarios, styles)
    sheets["Roadmap"].activate()


def roadmap_order(plan: Plan) -> list[str]:
    """Every measure id: planned ones by start month then rank, then the not-planned ones by rank."""
    rank_of = {r.measure.id: r.rank for r in plan.ranking}
    planned = [p.measure_id for p in plan.planned_in_order]
    rest = sorted((m.id for m in plan.measures if m.id not in plan.placements), key=lambda i: rank_of.get(i, 0))
    return planned + rest


def roadmap_rows(plan: Plan, lang: Lang = "de") -> list[list[Cell]]:
    """The Roadmap sheet's rows below the header, one per measure, columns as schema.ROADMAP_COLUMNS."""
    ranked = {r.measure.id: r for r in plan.ranking}
    phase_list = phases(plan.profile)
    rows: list[list[Cell]] = []
    for measure_id in roadmap_order(plan):
        entry = ranked[measure_id]
        measure = entry.measure
        placement = plan.placements.get(measure_id)
        reason = plan.not_planned.get(measure_id)
        phase = phase_of(placement.start, phase_list) if placement is not None else None
        rows.append(
            [
                measure.id,
                measure.title,
                field_name(measure.field, lang),
                entry.value,
                entry.effort,
                entry.score,
                entry.rank,
                QUADRANTS_EN.get(entry.quadrant, entry.quadrant) if lang == "en" else entry.quadrant,
                phase.name if phase else None,
                placement.start.first_day if placement else None,
                placement.end.last_day if placement else None,
                measure.duration,
                measure.one_time_cost,
                measure.running_cost,
                yes_no(measure.funding_eligible, lang),
                measure.person_days,
                LIST_SEPARATOR.join(measure.depends_on) or None,
                measure.owner or None,
                status_name(measure.status, lang),
                reason.message(lang) if reason is not None and placement is None else None,
            ]
        )
    return rows


def write_roadmap(sheet: Worksheet, plan: Plan, styles: Styles) -> None:
    """The Roadmap sheet: every measure, planned first, with dates, costs and the reason if not planned."""
    names = [name(styles.lang) for name in ROADMAP_COLUMNS]
    formats: list[Format | None] = [None] * len(names)
    for column in (9, 10):
        formats[column] = styles.date
    for column in (12, 13):
        formats[column] = styles.money
    formats[5] = styles.score
    formats[19] = styles.wrap
    header_row(sheet, names, styles, _ROADMAP_WIDTHS, formats)
    rows = roadmap_rows(plan, styles.lang)
    field_of = {m.id: m.field for m in plan.measures}
    for index, (values, measure_id) in enumerate(zip(rows, roadmap_order(plan), strict=True), start=1):
        formats[2] = styles.field.get(field_of[measure_id])
        put_row(sheet, index, values, formats)
    sheet.autofilter(0, 0, len(rows), len(names) - 1)
    sheet.freeze_panes(1, 2)
    print_landscape(sheet)
