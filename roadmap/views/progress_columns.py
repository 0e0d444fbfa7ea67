"""Which columns of the Umsetzung table are shown together, so that each set fits a 1024 px projector.

The follow-up table has sixteen columns (roadmap/views/progress_table.py); beside the sidebar a
1024 px screen has room for about seven. The page offers four views of the same rows – state and
cost, dates, baseline, KPI – each with the measure's ID and title first, and gives every column a
width that shows its heading whole (a wider screen shares out the rest).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from roadmap.domain.messages import Message
from roadmap.views.column_specs import ColumnSpec

VIEWS: dict[str, Message] = {
    "progress": Message("Stand und Kosten", "State and cost"),
    "dates": Message("Termine", "Dates"),
    "baseline": Message("Basisplan", "Baseline"),
    "kpi": Message("KPI", "KPI"),
}
_KEY = ("id", "title")
COLUMNS: dict[str, tuple[str, ...]] = {
    "progress": (*_KEY, "state", "status", "percent_done", "actual_cost"),
    "dates": (*_KEY, "actual_start", "actual_end", "planned"),
    "baseline": (*_KEY, "planned", "baseline_end", "slip"),
    "kpi": (*_KEY, "kpi_name", "kpi_baseline", "kpi_target", "kpi_current", "kpi_measured_on"),
}
# Pixels: every view's sum stays under the ~730 px of a 1024 px screen's main area.
WIDTHS: dict[str, int] = {
    "id": 56, "title": 150, "state": 125, "status": 130, "percent_done": 120, "actual_cost": 135,
    "actual_start": 100, "actual_end": 150, "planned": 180, "baseline_end": 150, "slip": 135,
    "kpi_name": 130, "kpi_baseline": 120, "kpi_target": 70, "kpi_current": 80, "kpi_measured_on": 115,
}  # fmt: skip


def view_columns(view: str) -> tuple[str, ...]:
    """The columns of one view, in the table's order (the first view for an unknown name)."""
    return COLUMNS.get(view, COLUMNS["progress"])


def fitted(specs: Mapping[str, ColumnSpec]) -> dict[str, ColumnSpec]:
    """The columns as described, each with the width that shows its heading whole."""
    return {
        key: replace(spec, options={**spec.options, "width": WIDTHS[key]}) if key in WIDTHS else spec
        for key, spec in specs.items()
    }
