"""What the Gantt chart draws, as rows of plain data (docs/planning.md, phases and milestones): one bar per
planned measure, the phase bands with their milestones, the links between measures, where today lies, the month
labels and the chart's texts. roadmap/charts/gantt_chart.py draws them as layers.

Pure: no Streamlit, no Altair. Time is counted on the planner's month grid: x counts months from the horizon
start (a bar from month index s to e covers [s, e + 1)).
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date
from typing import Any

from roadmap.charts.style import field_name
from roadmap.domain import formats
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import FIELD_COLORS, STATUSES_EN
from roadmap.planning.phases import milestones, phase_of, phases
from roadmap.planning.plan import Plan

ROW_HEIGHT = 34  # pixels per bar
BAND_TINTS = ("#EEF2F7", "#FFFFFF")


def gantt_texts(lang: str) -> dict[str, Any]:
    """The chart's titles, tooltips and the today line's caption in the language."""
    if lang == "en":
        return {
            "title": "Roadmap",
            "subtitle": [
                "One bar per planned measure, colour = field of action; black outline = already in progress.",
                "Grey lines lead from a prerequisite to what needs it; a diamond marks the end of each phase.",
            ],
            "milestones": "Phases and milestones",
            "measure": "Measure",
            "field": "Field of action",
            "start": "Start",
            "end": "End",
            "months": "Duration (months)",
            "phase": "Phase",
            "status": "Status",
            "milestone": "Milestone",
            "finished": "Finished by then",
            "today": "Today",
            "today_line": lambda day: f"Red line: today, {day}.",
            "needs": "Prerequisite",
            "x": "Month",
        }
    return {
        "title": "Roadmap",
        "subtitle": [
            "Ein Balken je geplanter Maßnahme, Farbe = Handlungsfeld; schwarz umrandet = bereits in Umsetzung.",
            "Graue Linien führen von einer Voraussetzung zu dem, was sie braucht; "
            "Rauten markieren das Ende jeder Phase.",
        ],
        "milestones": "Phasen und Meilensteine",
        "measure": "Maßnahme",
        "field": "Handlungsfeld",
        "start": "Start",
        "end": "Ende",
        "months": "Dauer (Monate)",
        "phase": "Phase",
        "status": "Status",
        "milestone": "Meilenstein",
        "finished": "Bis dahin fertig",
        "today": "Heute",
        "today_line": lambda day: f"Rote Linie: heute, {day}.",
        "needs": "Voraussetzung",
        "x": "Monat",
    }


def _index(profile: Profile, month: Month) -> int:
    """Months from the horizon start to `month` (negative before it)."""
    return month - profile.horizon_start


def horizon_length(profile: Profile) -> int:
    """The number of months in the horizon."""
    return profile.horizon_end - profile.horizon_start + 1


def _labels(plan: Plan) -> dict[str, str]:
    """The y-axis label per planned measure: its title, with the id added where titles repeat."""
    titles = {i: " ".join(plan.measure(i).title.split()) for i in plan.placements}
    counts = Counter(titles.values())
    return {i: title if counts[title] == 1 else f"{title} ({i})" for i, title in titles.items()}


def gantt_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """One row per planned measure in start order: its bar (clipped to the horizon), colour and tooltip."""
    profile = plan.profile
    length = horizon_length(profile)
    labels = _labels(plan)
    all_phases = phases(profile)
    rows: list[dict[str, Any]] = []
    for order, placement in enumerate(plan.planned_in_order):
        measure = plan.measure(placement.measure_id)
        start, end = _index(profile, placement.start), _index(profile, placement.end) + 1
        found = phase_of(placement.start, all_phases)
        phase = found.name if found else ""
        rows.append(
            {
                "id": measure.id,
                "label": labels[measure.id],
                "title": measure.title,
                "order": order,
                "field": field_name(measure.field, lang),
                "color": FIELD_COLORS[measure.field],
                "start": max(0, start),
                "end": min(length, end),
                "begins_earlier": start < 0,
                "ends_later": end > length,
                "start_text": formats.day(placement.start.first_day, lang),
                "end_text": formats.day(placement.end.last_day, lang),
                "months": measure.duration,
                "phase": phase,
                "committed": placement.committed,
                "status": STATUSES_EN.get(measure.status, measure.status) if lang == "en" else measure.status,
            }
        )
    return rows


def month_labels(profile: Profile, lang: str) -> list[str]:
    """One axis label per month of the horizon: 'Jan 2026' in January and at the start, else 'Feb'."""
    labels = []
    for number, month in enumerate(profile.months):
        name = formats.short_month(month, lang)
        labels.append(f"{name} {month.year}" if number == 0 or month.month == 1 else name)
    return labels


def phase_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The phase bands (alternating tints) with their names and milestones."""
    profile = plan.profile
    words = gantt_texts(lang)
    length = horizon_length(profile)
    rows: list[dict[str, Any]] = []
    for milestone in milestones(plan):
        phase = milestone.phase
        start, end = _index(profile, phase.first), _index(profile, phase.last) + 1
        rows.append(
            {
                "name": phase.name,
                "number": str(phase.index + 1),  # shown where the band is too narrow for the name
                "start": start,
                "end": end,
                "middle": (start + end) / 2,
                "tint": BAND_TINTS[phase.index % 2],
                "row": words["milestones"],
                "day_text": formats.day(milestone.day, lang),
                "finished": milestone.finished_by_then,
                "share": (end - start) / max(length, 1),
            }
        )
    return rows


def dependency_rows(plan: Plan) -> list[dict[str, Any]]:
    """Two rows per link between planned measures: from the prerequisite's end to the dependent's start."""
    profile = plan.profile
    length = horizon_length(profile)
    labels = _labels(plan)
    rows: list[dict[str, Any]] = []
    for placement in plan.planned_in_order:
        for dep in dict.fromkeys(plan.measure(placement.measure_id).depends_on):
            before = plan.placements.get(dep)
            if before is None:
                continue
            link = f"{dep}->{placement.measure_id}"
            start = min(length, max(0, _index(profile, before.end) + 1))
            end = min(length, max(0, _index(profile, placement.start)))
            rows.append({"link": link, "step": 0, "x": start, "label": labels[dep], "from": labels[dep]})
            rows.append({"link": link, "step": 1, "x": end, "label": labels[placement.measure_id], "from": labels[dep]})
    return rows


def today_position(profile: Profile, today: date | None) -> float | None:
    """Where today lies on the month axis, or None when today is not given or outside the horizon."""
    if today is None or not profile.horizon_start.first_day <= today <= profile.horizon_end.last_day:
        return None
    days = calendar.monthrange(today.year, today.month)[1]
    return _index(profile, Month.of(today)) + (today.day - 1) / days


def gantt_height(plan: Plan) -> int:
    """The chart's plot height in pixels: it grows with the number of bars."""
    return ROW_HEIGHT * (len(plan.placements) + 1)
