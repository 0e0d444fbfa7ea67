"""The follow-up table of the Umsetzung page: one row per measure with what really happened, and its edits.

`progress_frame` builds the table (state, status, actual months, progress, actual cost, KPI, the
planned months, the baseline's end and the slip); `column_specs` says what each column shows;
`apply_progress` turns the editor's changed cells into a new workshop, applying every valid cell
and naming each one it cannot take (docs/planning.md, the follow-up).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from roadmap.domain import formats
from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.messages import Lang, Message, RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import STATUSES_EN, Status
from roadmap.domain.workshop import Workshop
from roadmap.importing.values import parse_date, parse_month, parse_number
from roadmap.planning.followup import STATE_WORDS, cost_so_far, plan_month, slip, status, with_status
from roadmap.planning.plan import Plan
from roadmap.views.column_specs import ColumnSpec, column
from roadmap.views.editor_cells import CellError, blank, from_browser
from roadmap.views.measure_table import money_format, month_format, status_names
from roadmap.workbook.own_format import month_day

COLUMNS: dict[str, Message] = {
    "id": Message("ID", "ID"),
    "title": Message("Maßnahme", "Measure"),
    "state": Message("Stand", "State"),
    "status": Message("Status", "Status"),
    "actual_start": Message("Begonnen", "Started"),
    "actual_end": Message("Abgeschlossen am", "Finished"),
    "percent_done": Message("Fortschritt (%)", "Progress (%)"),
    "actual_cost": Message("Kosten bisher (€)", "Cost so far (€)"),
    "planned": Message("Geplant", "Planned"),
    "baseline_end": Message("Ende im Basisplan", "End in baseline"),
    "slip": Message("Verzug (Monate)", "Slip (months)"),
    "kpi_name": Message("KPI", "KPI"),
    "kpi_baseline": Message("Ausgangswert", "Baseline"),
    "kpi_target": Message("Ziel", "Target"),
    "kpi_current": Message("Aktuell", "Current"),
    "kpi_measured_on": Message("Gemessen am", "Measured on"),
}
EDITABLE = (
    "status", "actual_start", "actual_end", "percent_done", "actual_cost", "kpi_baseline", "kpi_target",
    "kpi_current", "kpi_measured_on",
)  # fmt: skip
TABLE_NAME = Message("Umsetzungsstand je Maßnahme", "Progress per measure")


def _span(start: Month, end: Month, lang: Lang) -> str:
    return f"{formats.month(start, lang)} – {formats.month(end, lang)}"


def progress_frame(workshop: Workshop, current: Plan, baseline: Plan | None, lang: Lang) -> pd.DataFrame:
    """One row per measure that is not excluded, in the workshop's order."""
    as_of = plan_month(current)
    statuses = dict(zip(Status, status_names(lang), strict=True))
    rows = []
    for m in workshop.measures:
        if m.excluded:
            continue
        placed = current.placements.get(m.id)
        base = baseline.placements.get(m.id) if baseline is not None else None
        moved = slip(m, current, baseline, as_of)
        rows.append(
            {
                "id": m.id,
                "title": m.title,
                "state": STATE_WORDS[status(m, current, baseline, as_of)](lang),
                "status": statuses[m.status],
                "actual_start": month_day(m.actual_start),
                "actual_end": month_day(m.actual_end),
                "percent_done": m.percent_done,
                "actual_cost": cost_so_far(m),
                "planned": _span(placed.start, placed.end, lang) if placed is not None else "–",
                "baseline_end": formats.month(base.end, lang) if base is not None else "–",
                "slip": float(moved) if moved is not None else None,
                "kpi_name": m.kpi.name,
                "kpi_baseline": m.kpi.baseline,
                "kpi_target": m.kpi.target,
                "kpi_current": m.kpi.current,
                "kpi_measured_on": m.kpi.measured_on,
            }
        )
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    return frame.astype({"percent_done": "int64", "actual_cost": "float64", "slip": "float64"})


def column_specs(lang: Lang, editable: bool) -> dict[str, ColumnSpec]:
    """What each column shows; the facts are editable, the plan's figures never."""
    label = {key: text(lang) for key, text in COLUMNS.items()}
    month = month_format(lang)
    off = not editable
    statuses = status_names(lang)
    specs = {
        "id": column("text", label["id"], disabled=True, width="small", pinned=True),
        "title": column("text", label["title"], disabled=True, width="medium", pinned=True),
        "state": column("text", label["state"], disabled=True),
        "status": column("select", label["status"], options=statuses, required=True, disabled=off),
        "actual_start": column("date", label["actual_start"], format=month, disabled=off),
        "actual_end": column("date", label["actual_end"], format=month, disabled=off),
        "percent_done": column(
            "number", label["percent_done"], min_value=0, max_value=100, step=5, format="%d %%", disabled=off
        ),
        "actual_cost": column(
            "number", label["actual_cost"], min_value=0, step=1, format=money_format(lang), disabled=off
        ),
        "planned": column("text", label["planned"], disabled=True),
        "baseline_end": column("text", label["baseline_end"], disabled=True),
        "slip": column("number", label["slip"], format="%+d", disabled=True),
        "kpi_name": column("text", label["kpi_name"], disabled=True),
        "kpi_measured_on": column(
            "date", label["kpi_measured_on"], format="D MMM YYYY" if lang == "en" else "DD.MM.YYYY", disabled=off
        ),
    }
    for key in ("kpi_baseline", "kpi_target", "kpi_current"):
        specs[key] = column("text", label[key], disabled=off)
    return {key: specs[key] for key in COLUMNS}


def _month(value: object) -> Month | None:
    if blank(value):
        return None
    found = parse_month(from_browser(value))
    if found is None:
        raise CellError(Message(f"'{value}' ist kein Monat", f"'{value}' is not a month"))
    return found


def _day(value: object) -> date | None:
    if blank(value):
        return None
    found = parse_date(from_browser(value))
    if found is None:
        raise CellError(Message(f"'{value}' ist kein Datum", f"'{value}' is not a date"))
    return found


def _amount(value: object) -> float | None:
    if blank(value):
        return None
    try:
        found = parse_number(value)
    except ValueError:
        found = None
    if found is None or not math.isfinite(found) or found < 0:
        raise CellError(Message(f"'{value}' ist kein Betrag", f"'{value}' is not an amount"))
    return found


def _changed(measure: Measure, cells: Mapping[str, Any], lang: Lang, as_of: Month, current: Plan) -> Measure:
    """The measure with one row's changed cells (raises CellError or RoadmapError)."""
    kpi = measure.kpi
    changes: dict[str, object] = {}
    for key, value in cells.items():
        if key == "actual_start" or key == "actual_end":
            changes[key] = _month(value)
        elif key == "percent_done":
            number = _amount(value) or 0.0
            if not number.is_integer() or number > 100:
                raise CellError(Message(f"'{value}' ist kein Prozentwert", f"'{value}' is not a percentage"))
            changes[key] = int(number)
        elif key == "actual_cost":
            changes[key] = _amount(value)
        elif key in ("kpi_baseline", "kpi_target", "kpi_current"):
            kpi = Kpi(**{**kpi.__dict__, key.removeprefix("kpi_"): "" if blank(value) else str(value).strip()})
        elif key == "kpi_measured_on":
            kpi = Kpi(**{**kpi.__dict__, "measured_on": _day(value)})
    changed = measure.with_changes(**changes, kpi=kpi)
    if "status" in cells:
        names = dict(zip(status_names(lang), Status, strict=True))
        if cells["status"] not in names:
            raise CellError(Message(f"'{cells['status']}' ist kein Status", f"'{cells['status']}' is not a status"))
        changed = with_status(changed, names[cells["status"]], as_of, current)
    return changed


def apply_progress(
    workshop: Workshop, edited: Mapping[int, Mapping[str, Any]] | None, current: Plan, lang: Lang
) -> tuple[Workshop, list[Message]]:
    """The workshop with every valid row change applied; a sentence for each row that could not be taken."""
    shown = [m for m in workshop.measures if not m.excluded]
    as_of = plan_month(current)
    replaced: dict[str, Measure] = {}
    problems: list[Message] = []
    for row, cells in (edited or {}).items():
        if not 0 <= int(row) < len(shown):
            continue
        measure = shown[int(row)]
        taken = {key: value for key, value in cells.items() if key in EDITABLE}
        try:
            replaced[measure.id] = _changed(measure, taken, lang, as_of, current)
        except (CellError, RoadmapError) as error:
            problems.append(
                Message(f"„{measure.title}“: {error.message('de')}", f"“{measure.title}”: {error.message('en')}")
            )
    if not replaced:
        return workshop, problems
    measures = tuple(replaced.get(m.id, m) for m in workshop.measures)
    return workshop.with_changes(measures=measures), problems


def replan_notice(as_of: Month, moved: int, against_baseline: bool) -> Message:
    """What a re-plan did: the measures it moved (followup.moves) against the baseline, or without one against
    the plan shown before."""
    de_against, en_against = (
        ("dem Basisplan", "the baseline") if against_baseline else ("dem bisherigen Plan", "the plan so far")
    )
    return Message(
        f"Neu geplant ab {formats.month(as_of, 'de')}: {moved} Maßnahme(n) gegenüber {de_against} verschoben; "
        "die Daten der abgeschlossenen und laufenden Maßnahmen sind festgehalten.",
        f"Re-planned from {formats.month(as_of, 'en')}: {moved} measure(s) moved against {en_against}; "
        "the dates of the measures done and under way are recorded.",
    )


def status_notice(measure: Measure, status: Status) -> Message:
    """'„CRM“: Abgeschlossen.' – what a quick entry did."""
    return Message(f"„{measure.title}“: {status.value}.", f"“{measure.title}”: {STATUSES_EN[status]}.")
