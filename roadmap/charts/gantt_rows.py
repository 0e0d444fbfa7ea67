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

from roadmap.charts.style import FONT_SIZES, field_name
from roadmap.domain import formats
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import FIELD_COLORS, STATUSES_EN
from roadmap.planning.followup import STATE_WORDS, State, plan_month, status
from roadmap.planning.phases import Phase, milestones, phase_of, phases
from roadmap.planning.plan import Plan

ROW_HEIGHT = 34  # pixels per row where there is room
BAND_TINTS = ("#EEF2F7", "#FFFFFF")
# A bar's colour says where its measure stands (roadmap.planning.followup.status decides it).
STATE_COLORS: dict[State, str] = {
    State.PLANNED: "#6F8FAF",
    State.RUNNING: "#1F4E79",
    State.LATE: "#C2410C",
    State.DONE: "#2E7D32",
}
GANTT_STATES = tuple(STATE_COLORS)  # the states a bar can have, in the legend's order
# Room around the rows at the base type size: the month axis above (one line of axis labels and its
# padding), the legend above it (up to two lines), the chart's padding and a little air below.
CHROME_HEIGHT = 112
ROW_AIR = 5  # pixels between a row's label and the next, at the least
EM_PER_CHARACTER = 0.56  # a generous mean width of a bold letter of the app's font, in em


def gantt_texts(lang: str) -> dict[str, Any]:
    """The chart's title, legend and tooltip words, and the sentences that explain it below (captions)."""
    if lang == "en":
        return {
            "title": "Roadmap",
            "explained": [
                "One bar per planned measure; its colour says where it stands against the baseline: "
                "planned, running, late or done.",
                "Grey lines lead from a prerequisite to what needs it; a diamond marks the end of each phase, its "
                "milestone. A white arrowhead in a bar: the measure began before the horizon.",
            ],
            "phase_names": "Phases (a number in the phase row stands for a name with no room there): ",
            "milestones": "Phases and milestones",
            "measure": "Measure",
            "field": "Field of action",
            "start": "Start",
            "end": "End",
            "months": "Duration (months)",
            "phase": "Phase",
            "status": "Status",
            "state": "Stands",
            "milestone": "Milestone",
            "finished": "Finished by then",
            "today": "Today",
            "today_line": lambda day: f"Violet line: today, {day}.",
            "needs": "Prerequisite",
            "baseline": "Baseline",
            "legend": "Legend",
        }
    return {
        "title": "Roadmap",
        "explained": [
            "Ein Balken je geplanter Maßnahme; seine Farbe sagt, wo sie gegenüber dem Basisplan steht: "
            "geplant, läuft, verspätet oder fertig.",
            "Graue Linien führen von einer Voraussetzung zu dem, was sie braucht; eine Raute markiert das Ende "
            "jeder Phase, ihren Meilenstein. Ein weißer Pfeil im Balken: die Maßnahme begann vor dem Horizont.",
        ],
        "phase_names": "Phasen (eine Zahl in der Phasenzeile steht für einen Namen, der dort keinen Platz hat): ",
        "milestones": "Phasen und Meilensteine",
        "measure": "Maßnahme",
        "field": "Handlungsfeld",
        "start": "Start",
        "end": "Ende",
        "months": "Dauer (Monate)",
        "phase": "Phase",
        "status": "Status",
        "state": "Stand",
        "milestone": "Meilenstein",
        "finished": "Bis dahin fertig",
        "today": "Heute",
        "today_line": lambda day: f"Violette Linie: heute, {day}.",
        "needs": "Voraussetzung",
        "baseline": "Basisplan",
        "legend": "Legende",
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


def shown_phases(plan: Plan) -> list[Phase]:
    """The phases the chart draws: all up to the last one a bar reaches; an empty phase at the end of the
    horizon is left out (all phases when nothing is planned)."""
    all_phases = phases(plan.profile)
    if not plan.placements:
        return all_phases
    last = max(placement.end for placement in plan.placements.values())
    return [phase for phase in all_phases if phase.first <= last]


def shown_length(plan: Plan) -> int:
    """The months the chart draws: from the horizon start to the end of the last phase shown."""
    shown = shown_phases(plan)
    return _index(plan.profile, shown[-1].last) + 1 if shown else horizon_length(plan.profile)


def state_name(state: State, lang: str) -> str:
    """A bar's state in the language: geplant, läuft, verspätet, fertig."""
    return STATE_WORDS[state]("en" if lang == "en" else "de")


def gantt_rows(plan: Plan, lang: str, baseline: Plan | None = None) -> list[dict[str, Any]]:
    """One row per planned measure in start order: its bar (clipped to the months shown), its state against
    the baseline (`roadmap.planning.followup.status`), colour and tooltip."""
    profile = plan.profile
    length = shown_length(plan)
    labels = _labels(plan)
    all_phases = phases(profile)
    today = plan_month(plan)
    rows: list[dict[str, Any]] = []
    for order, placement in enumerate(plan.planned_in_order):
        measure = plan.measure(placement.measure_id)
        start, end = _index(profile, placement.start), _index(profile, placement.end) + 1
        found = phase_of(placement.start, all_phases)
        phase = found.name if found else ""
        state = status(measure, plan, baseline, today)
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
                "state": state_name(state, lang),
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
    """The phase bands shown (alternating tints) with their names, their names' width and their milestones."""
    profile = plan.profile
    words = gantt_texts(lang)
    length = shown_length(plan)
    shown = {phase.index for phase in shown_phases(plan)}
    rows: list[dict[str, Any]] = []
    for milestone in milestones(plan):
        phase = milestone.phase
        if phase.index not in shown:
            continue
        start, end = _index(profile, phase.first), _index(profile, phase.last) + 1
        rows.append(
            {
                "name": phase.name,
                "number": str(phase.index + 1),  # shown where the band is too narrow for the name
                "name_em": text_em(phase.name),
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
    length = shown_length(plan)
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


def today_position(profile: Profile, today: date | None, length: int | None = None) -> float | None:
    """Where today lies on the month axis, or None when today is not given or outside the horizon (or
    beyond the first `length` months, those the chart shows)."""
    if today is None or not profile.horizon_start.first_day <= today <= profile.horizon_end.last_day:
        return None
    days = calendar.monthrange(today.year, today.month)[1]
    position = _index(profile, Month.of(today)) + (today.day - 1) / days
    return None if length is not None and position >= length else position


def text_em(text: str) -> float:
    """About how wide a text of the chart is, in em of its type size (a little wider than it is)."""
    return round(len(text) * EM_PER_CHARACTER + 0.5, 2)


def row_height(room: int | None, rows: int, type_scale: float = 1.0) -> int:
    """Pixels per row: ROW_HEIGHT, or less so that the chart (rows and CHROME_HEIGHT) fits `room` pixels,
    but never less than a label's type and some air: below that the chart grows past the room."""
    least = round((FONT_SIZES["axis_label"] + ROW_AIR) * type_scale)
    if room is None:
        return max(ROW_HEIGHT, least)
    fits = (room - CHROME_HEIGHT * type_scale) // max(rows, 1)
    return int(min(max(ROW_HEIGHT, least), max(least, fits)))


def gantt_height(plan: Plan, room: int | None = None, type_scale: float = 1.0) -> int:
    """The chart's plot height in pixels: a row per bar and the milestone row, each as `row_height` allows."""
    rows = len(plan.placements) + 1
    return row_height(room, rows, type_scale) * rows
