"""The workbook's Szenarien sheet: the scenarios side by side, one column per scenario (docs/workbook.md).

Written after the other sheets, only when the workshop has scenarios. The figures are the rows of
the comparison (roadmap/planning/scenario_compare.figure_rows), the same the Szenarien page and the
handout show; below them each scenario's column block lists in full what only it plans and what
moves against the first scenario.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from roadmap.domain.profile import PlanMode, Profile
from roadmap.planning.scenario_compare import Kind, ScenarioResult, figure_rows
from roadmap.workbook.names import Name
from roadmap.workbook.styles import Cell, Styles, header_row, print_landscape, put

SHEET_SCENARIOS = Name("Szenarien", "Scenarios")
FIGURE = Name("Kennzahl", "Figure")
SETTINGS: tuple[tuple[Name, str], ...] = (
    (Name("Budgetanteil (%)", "Budget share (%)"), "budget_share"),
    (Name("Jahresumsatz (€)", "Annual revenue (€)"), "revenue"),
    (Name("Förderquote (%)", "Funding rate (%)"), "funding_rate"),
    (Name("Kapazität (PT/Monat)", "Capacity (person-days/month)"), "capacity"),
    (Name("Planungsmodus", "Planning mode"), "mode"),
    (Name("Zeitraum", "Horizon"), "horizon"),
)
MODE_NAMES = {PlanMode.GREEDY: Name("schnell", "fast"), PlanMode.OPTIMAL: Name("optimal", "optimal")}
ONLY_HERE = Name("Nur in diesem Szenario geplant, vollständig", "Planned only in this scenario, in full")
MOVED = Name("Verschoben gegenüber {} (Monate), vollständig", "Moved against {} (months), in full")
LABEL_WIDTH, COLUMN_WIDTH = 34, 30


def _setting(profile: Profile, key: str, styles: Styles) -> tuple[Cell, Format | None]:
    if key == "mode":
        return MODE_NAMES[profile.mode](styles.lang), None
    if key == "horizon":
        return f"{profile.horizon_start} – {profile.horizon_end}", None
    value = float(getattr(profile, key))
    return value, styles.money if key == "revenue" else styles.share


def _style(kind: Kind, styles: Styles) -> Format | None:
    return {Kind.MONEY: styles.money, Kind.PERCENT: styles.share, Kind.SCORE: styles.score, Kind.TEXT: styles.wrap}.get(
        kind
    )


def write_scenarios(sheet: Worksheet, results: Sequence[ScenarioResult], styles: Styles) -> None:
    """Settings and figures of every scenario in its own column, then the lists of titles per scenario."""
    lang = styles.lang
    names = [FIGURE(lang), *(r.name for r in results)]
    header_row(sheet, names, styles, (LABEL_WIDTH, *[COLUMN_WIDTH] * len(results)))
    row = 1
    for label, key in SETTINGS:
        put(sheet, row, 0, label(lang), styles.bold)
        for column, result in enumerate(results, start=1):
            value, style = _setting(result.plan.profile, key, styles)
            put(sheet, row, column, value, style)
        row += 1
    row += 1
    for figure in figure_rows(results, lang):
        put(sheet, row, 0, figure.label, styles.bold)
        for column, value in enumerate(figure.values, start=1):
            put(sheet, row, column, value, _style(figure.kind, styles))
        row += 1
    row = _lists(sheet, row + 1, results, styles)
    print_landscape(sheet)


def _lists(sheet: Worksheet, row: int, results: Sequence[ScenarioResult], styles: Styles) -> int:
    """Each scenario's full list of titles only it plans, and of shared measures that move, one per line."""
    lang = styles.lang
    first = results[0].name if results else ""
    blocks = (
        (ONLY_HERE(lang), [list(r.only_here) for r in results]),
        (MOVED(lang).format(first), [[f"{m.title} ({m.months:+d})" for m in r.moved] for r in results]),
    )
    for label, columns in blocks:
        put(sheet, row, 0, label, styles.header)
        for column, items in enumerate(columns, start=1):
            put(sheet, row, column, None, styles.header)
            for offset, item in enumerate(items):
                put(sheet, row + 1 + offset, column, item)
        row += 2 + max([len(items) for items in columns] + [0])
    return row
