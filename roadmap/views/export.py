"""The export's texts and the charts it offers for slides, drawn as PNG images (skipping what cannot be drawn).

Pure functions behind the export of app_pages/08_import_export.py (no streamlit here): the page shows the progress
and the download buttons.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from roadmap.charts.budget_chart import quarterly_cost_chart, yearly_cost_chart
from roadmap.charts.gantt_chart import gantt_chart
from roadmap.charts.matrix_chart import matrix_chart
from roadmap.charts.maturity_chart import maturity_chart
from roadmap.charts.png import png
from roadmap.domain.messages import Lang, Message, RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.planning.plan import Plan

NO_MEASURES_YET = Message(
    "Noch keine Maßnahmen – importieren Sie zuerst eine Liste oder legen Sie Maßnahmen an; "
    "dann gibt es hier die Roadmap-Arbeitsmappe und die Diagramme.",
    "No measures yet – import a list or add measures first; the roadmap workbook and the charts "
    "are then available here.",
)
WORKBOOK_CONTENTS = Message(
    "Die Arbeitsmappe enthält Roadmap, Gantt, Budget, Priorisierung, Profil, alle Maßnahmen und den "
    "Fortschritt – zum Weiterarbeiten in Excel und für Bank, Fördergeber oder IT-Dienstleister.",
    "The workbook holds roadmap, Gantt, budget, prioritisation, profile, every measure and the progress – to "
    "keep working in Excel and to send to the bank, funding body or IT provider.",
)
IMAGES_HINT = Message(
    "Die Bilder zeigen den aktuellen Stand in doppelter Auflösung.",
    "The images show the current state at double resolution.",
)
HANDOUT_NOTE = Message(
    "Eine Seite A4 quer: Roadmap mit Phasen und Meilensteinen, Budget gegen den Korridor, die wichtigsten "
    "Maßnahmen mit Verantwortlichen, Förderung und – falls angelegt – die Szenarien im Vergleich.",
    "One A4 landscape page: the roadmap with phases and milestones, the budget against the corridor, the "
    "most important measures with their owners, funding and – where there are any – the scenarios compared.",
)
PAGE_NOTE = Message(
    "Maßnahmen aus Excel holen und die Roadmap als Arbeitsmappe mitnehmen.",
    "Bring measures in from Excel and take the roadmap away as a workbook.",
)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"  # the workbook, downloaded
MATURITY = "reifegrad"
CHART_NAMES: dict[str, Message] = {
    "matrix": Message("Nutzen-Aufwand-Matrix", "Value/effort matrix"),
    "gantt": Message("Roadmap (Gantt)", "Roadmap (Gantt)"),
    "budget_jahre": Message("Kosten pro Jahr", "Cost per year"),
    "budget_quartale": Message("Kosten pro Quartal", "Cost per quarter"),
    MATURITY: Message("Digitaler Reifegrad", "Digital maturity"),
}
Progress = Callable[[int, int, Message], None]
PNGS = "_export_pngs"  # the session's key of the PNGs last drawn


@dataclass(frozen=True)
class SlideChart:
    """One chart for slides: its file key, its name and how to draw it."""

    key: str
    name: Message
    draw: Callable[[], Any]


def slide_charts(plan: Plan, workshop: Workshop, language: Lang, today: date) -> list[SlideChart]:
    """Each chart for slides in the order the export offers them, drawn in the session's language."""
    sources: dict[str, Callable[[], Any]] = {
        "matrix": lambda: matrix_chart(plan, language),
        "gantt": lambda: gantt_chart(plan, language, today),
        "budget_jahre": lambda: yearly_cost_chart(plan, language),
        "budget_quartale": lambda: quarterly_cost_chart(plan, language),
        MATURITY: lambda: maturity_chart(workshop.maturity, language),
    }
    return [SlideChart(key, CHART_NAMES[key], draw) for key, draw in sources.items()]


def slide_pngs(
    plan: Plan, workshop: Workshop, language: Lang, today: date, progress: Progress | None = None
) -> tuple[dict[str, bytes], list[str]]:
    """Every chart as PNG (about a second each) by file key, and a sentence per chart that could not be drawn.

    `progress(done, total, name)` is told before each chart is drawn.
    """
    made: dict[str, bytes] = {}
    skipped: list[str] = []
    todo = slide_charts(plan, workshop, language, today)
    for done, chart in enumerate(todo):
        if progress is not None:
            progress(done, len(todo), chart.name)
        name = chart.name
        if chart.key == MATURITY and not workshop.maturity:
            skipped.append(
                Message(f"{name.de}: Bestandsaufnahme noch leer", f"{name.en}: maturity check still empty")(language)
            )
            continue
        try:
            made[chart.key] = png(chart.draw(), language)
        except RoadmapError as error:
            skipped.append(f"{name(language)}: {error.text(language)}")
    return made, skipped


def keep_pngs(
    state: MutableMapping[str, Any], revision: int, language: Lang, made: dict[str, bytes], skipped: list[str]
) -> None:
    """Remember the PNGs drawn (and the charts skipped) for this revision and language, for `ready_pngs`."""
    state[PNGS] = ((revision, language), made, skipped)


def ready_pngs(stored: Any, revision: int, language: Lang) -> tuple[dict[str, bytes], list[str]] | None:
    """The PNGs prepared for this revision and language (made, skipped), or None: they must be drawn again."""
    if not stored or stored[0] != (revision, language):
        return None
    _, made, skipped = stored
    return made, skipped
