"""Which columns of the Maßnahmen editor are shown together, so that each set fits a 1024 px projector.

The measure table has twenty-five columns (roadmap/views/measure_table.py); beside the sidebar a
1024 px screen leaves the editor about 700 px once its row markers (tick a row to delete it) are
drawn, room for the ID, the title and four more. The page offers six views of the same rows –
assessment, cost and duration, dates, priority, implementation, KPI – each with the measure's ID
and title first, every column in exactly one view. Each column gets a width that shows its heading
whole beside the editor's pencil icon; a few headings are short forms of the table's labels
(„Nutzen“ for „Nutzen (1–5)“), whose full wording then opens the column's tooltip.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace

from roadmap.domain.messages import Lang, Message
from roadmap.views.column_specs import ColumnSpec

VIEWS: dict[str, Message] = {
    "assessment": Message("Bewertung", "Assessment"),
    "cost": Message("Kosten und Dauer", "Cost and duration"),
    "dates": Message("Termine", "Dates"),
    "priority": Message("Priorität", "Priority"),
    "implementation": Message("Umsetzung", "Implementation"),
    "kpi": Message("KPI", "KPI"),
}
FIRST = "assessment"
_KEY = ("id", "title")
COLUMNS: dict[str, tuple[str, ...]] = {
    "assessment": (*_KEY, "field", "assessed", "value", "effort"),
    "cost": (*_KEY, "one_time_cost", "running_cost", "funding_eligible", "duration"),
    "dates": (*_KEY, "depends_on", "earliest_start", "deadline"),
    "priority": (*_KEY, "votes", "must_have", "excluded", "pinned"),
    "implementation": (*_KEY, "status", "owner", "person_days", "notes"),
    "kpi": (*_KEY, "kpi_name", "kpi_baseline", "kpi_target", "description"),
}
# Pixels: every view's sum stays within EDITOR_ROOM (a heading's text plus ~44 px of padding and icon).
EDITOR_ROOM = 696
WIDTHS: dict[str, int] = {
    "id": 56, "title": 150, "field": 150, "assessed": 104, "value": 92, "effort": 100,
    "one_time_cost": 124, "running_cost": 152, "funding_eligible": 120, "duration": 92,
    "depends_on": 200, "earliest_start": 114, "deadline": 104,
    "votes": 104, "must_have": 112, "excluded": 148, "pinned": 110,
    "status": 118, "owner": 142, "person_days": 134, "notes": 96,
    "kpi_name": 124, "kpi_baseline": 136, "kpi_target": 96, "description": 134,
}  # fmt: skip
# Headings shorter than the table's labels (measure_table.COLUMNS); the unit shows in the cells or the view's name.
HEADINGS: dict[str, Message] = {
    "value": Message("Nutzen", "Value"),
    "effort": Message("Aufwand", "Effort"),
    "one_time_cost": Message("Einmalig (€)", "One-time (€)"),
    "running_cost": Message("Laufend (€/Jahr)", "Running (€/year)"),
    "funding_eligible": Message("Förderfähig", "Fundable"),
    "duration": Message("Monate", "Months"),
    "earliest_start": Message("Start ab", "Start from"),
    "kpi_baseline": Message("Ausgangswert", "Baseline"),
    "kpi_target": Message("Zielwert", "Target"),
}


def view_columns(view: str | None) -> tuple[str, ...]:
    """The columns of one view, in the table's order (the first view for an unknown name or none)."""
    return COLUMNS.get(view or FIRST, COLUMNS[FIRST])


def fitted(specs: Mapping[str, ColumnSpec], lang: Lang) -> dict[str, ColumnSpec]:
    """The columns as described, each with its width and, where shortened, its short heading (the label
    it replaces leads the tooltip)."""
    result = {}
    for key, spec in specs.items():
        options = {**spec.options, **({"width": WIDTHS[key]} if key in WIDTHS else {})}
        label = spec.label
        if key in HEADINGS:
            label = HEADINGS[key](lang)
            help_text = spec.options.get("help")
            options["help"] = f"{spec.label}: {help_text}" if help_text else spec.label
        result[key] = replace(spec, label=label, options=options)
    return result


def for_view(specs: Mapping[str, ColumnSpec], shown: Collection[str]) -> dict[str, ColumnSpec]:
    """The columns as described, for a table that shows only `shown`: a hidden column keeps its kind,
    label and default for a new row, but not its list of choices.

    The dependency column offers every measure: some 13 kB for 500 measures, which Streamlit copies
    and sends with every rerun of a view that does not even show it."""
    return {
        key: spec
        if key in shown or "options" not in spec.options
        else replace(spec, options={name: value for name, value in spec.options.items() if name != "options"})
        for key, spec in specs.items()
    }
