"""The baseline's ghost bars on the Gantt chart (docs/planning.md, the follow-up): a thin grey bar along
the lower edge of each measure's row, where the baseline had planned it, so the slip shows at a glance.

Pure: no Streamlit. The layer draws on the Gantt chart's axes (roadmap/charts/gantt_chart.py hands
over its month position and its row), from the dataset 'baseline' made by `ghost_rows`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt

from roadmap.charts.gantt_rows import shown_length
from roadmap.charts.style import named_data
from roadmap.domain import formats
from roadmap.domain.messages import Message
from roadmap.planning.plan import Plan

GHOST_COLOR = "#263238"
GHOST_THICKNESS = 6  # pixels: thin beside a bar of about 20 to 25
CAPTION = Message(
    "Dünne dunkle Balken am unteren Zeilenrand: wo der Basisplan jede Maßnahme vorgesehen hatte.",
    "Thin dark bars at the rows' lower edge: where the baseline had each measure.",
)
_WORDS = {
    "baseline": Message("Basisplan", "Baseline"),
    "start": Message("Beginn im Basisplan", "Start in baseline"),
    "end": Message("Ende im Basisplan", "End in baseline"),
}


def ghost_rows(plan: Plan, baseline: Plan, labels: dict[str, str], lang: str) -> list[dict[str, Any]]:
    """One row per measure on today's chart that the baseline planned: its baseline months on today's axis.

    `labels` names each row of today's chart (measure id -> label); a bar is clipped to the months shown.
    """
    first, length = plan.profile.horizon_start, shown_length(plan)
    rows = []
    for measure_id, label in labels.items():
        placed = baseline.placements.get(measure_id)
        if placed is None:
            continue
        start, end = placed.start - first, placed.end - first + 1
        if end <= 0 or start >= length:
            continue
        rows.append(
            {
                "label": label,
                "start": max(0, start),
                "end": min(length, end),
                "start_text": formats.month(placed.start, "en" if lang == "en" else "de"),
                "end_text": formats.month(placed.end, "en" if lang == "en" else "de"),
            }
        )
    return rows


def ghost_bars(at: Callable[[str], alt.X], row: alt.Y, lang: str, bar: float) -> alt.Chart:
    """The thin grey bars of the baseline, on the Gantt chart's month position `at` and its measure `row`,
    along the lower edge of today's bar (`bar` pixels high)."""
    words = {key: text("en" if lang == "en" else "de") for key, text in _WORDS.items()}
    ghosts: alt.Chart = (
        named_data("baseline")
        .mark_bar(
            size=GHOST_THICKNESS,
            yOffset=round((bar - GHOST_THICKNESS) / 2),
            color=GHOST_COLOR,
            opacity=0.55,
            cornerRadius=2,
        )
        .encode(
            x=at("start"),
            x2="end:Q",
            y=row,
            tooltip=[
                alt.Tooltip("start_text:N", title=words["start"]),
                alt.Tooltip("end_text:N", title=words["end"]),
            ],
        )
    )
    return ghosts
