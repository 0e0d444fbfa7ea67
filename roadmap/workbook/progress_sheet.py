"""The `Fortschritt` (Progress) sheet of the roadmap workbook: the follow-up of every measure against the
baseline (docs/workbook.md; docs/planning.md, the follow-up). Written after the six sheets of the plan."""

from __future__ import annotations

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from roadmap.domain.messages import Lang
from roadmap.planning.followup import STATE_WORDS, cost_so_far, plan_month, slip, status
from roadmap.planning.plan import Plan
from roadmap.workbook.names import Name
from roadmap.workbook.own_format import month_day, status_name
from roadmap.workbook.styles import Cell, Styles, header_row, print_landscape, put_row

SHEET_PROGRESS = Name("Fortschritt", "Progress")
PROGRESS_COLUMNS: tuple[Name, ...] = (
    Name("ID", "ID"),
    Name("Maßnahme", "Measure"),
    Name("Status", "Status"),
    Name("Stand", "State"),
    Name("Beginn im Basisplan", "Baseline start"),
    Name("Ende im Basisplan", "Baseline end"),
    Name("Geplanter Beginn", "Planned start"),
    Name("Geplantes Ende", "Planned end"),
    Name("Tatsächlicher Beginn", "Actual start"),
    Name("Tatsächliches Ende", "Actual end"),
    Name("Verzug (Monate)", "Slip (months)"),
    Name("Fortschritt (%)", "Progress (%)"),
    Name("Tatsächliche Kosten (€)", "Actual cost (€)"),
    Name("KPI", "KPI"),
    Name("KPI Ausgangswert", "KPI baseline"),
    Name("KPI Zielwert", "KPI target"),
    Name("KPI aktueller Wert", "KPI current"),
    Name("KPI gemessen am", "KPI measured on"),
)
_WIDTHS = (9, 40, 14, 14, 12, 12, 12, 12, 12, 12, 10, 10, 14, 26, 14, 14, 14, 13)
_MONTHS = (4, 5, 6, 7, 8, 9)


def progress_rows(plan: Plan, baseline: Plan | None, language: Lang) -> list[list[Cell]]:
    """One row per measure in the workshop's order, columns as PROGRESS_COLUMNS (months as first days)."""
    as_of = plan_month(plan)
    rows: list[list[Cell]] = []
    for m in plan.measures:
        base = baseline.placements.get(m.id) if baseline is not None else None
        placed = plan.placements.get(m.id)
        rows.append(
            [
                m.id,
                m.title,
                status_name(m.status, language),
                None if m.excluded else STATE_WORDS[status(m, plan, baseline, as_of)](language),
                month_day(base.start) if base else None,
                month_day(base.end) if base else None,
                month_day(placed.start) if placed else None,
                month_day(placed.end) if placed else None,
                month_day(m.actual_start),
                month_day(m.actual_end),
                slip(m, plan, baseline, as_of),
                m.percent_done,
                cost_so_far(m),
                m.kpi.name or None,
                m.kpi.baseline or None,
                m.kpi.target or None,
                m.kpi.current or None,
                m.kpi.measured_on,
            ]
        )
    return rows


def write_progress(sheet: Worksheet, plan: Plan, baseline: Plan | None, styles: Styles) -> None:
    """The Fortschritt sheet: status, baseline, plan and actual months, slip, progress, cost and KPI."""
    names = [name(styles.lang) for name in PROGRESS_COLUMNS]
    formats: list[Format | None] = [None] * len(names)
    for column in _MONTHS:
        formats[column] = styles.month
    formats[12] = styles.money
    formats[17] = styles.date
    header_row(sheet, names, styles, _WIDTHS, formats)
    rows = progress_rows(plan, baseline, styles.lang)
    for index, values in enumerate(rows, start=1):
        put_row(sheet, index, values, formats)
    sheet.autofilter(0, 0, len(rows), len(names) - 1)
    sheet.freeze_panes(1, 2)
    print_landscape(sheet)
