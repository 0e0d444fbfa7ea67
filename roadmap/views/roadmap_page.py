"""What the Roadmap page says and offers: headline figures, milestone texts, the not-planned table, pins.

The page draws; this module decides the texts, the figures, the pin choices and the chart's room,
each in the page's language and with people's words escaped for Streamlit's Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from roadmap.domain import formats
from roadmap.domain.measure import Measure
from roadmap.domain.messages import Lang, Message
from roadmap.domain.month import Month
from roadmap.domain.profile import GREEDY, OPTIMAL
from roadmap.domain.vocabulary import DONE
from roadmap.domain.workshop import Workshop
from roadmap.planning.phases import phases
from roadmap.planning.plan import Plan
from roadmap.views.escape import markdown
from roadmap.views.roadmap_cards import MilestoneCard, NotPlannedRow

MODES = (GREEDY, OPTIMAL)
MODE_NAMES = {
    GREEDY: Message("Schnell und nachvollziehbar", "Fast and explainable"),
    OPTIMAL: Message("Optimal", "Optimal"),
}
MODE_HELP = Message(
    "Schnell: nimmt die Maßnahmen in Rangfolge und setzt jede in den frühesten passenden Monat. "
    "Optimal: sucht die Auswahl mit der höchsten Summe der Scores (höchstens 10 Sekunden).",
    "Fast: takes the measures in rank order and puts each into its earliest fitting month. "
    "Optimal: searches for the selection with the highest summed score (10 seconds at most).",
)

# The Gantt chart fits a 1920×1080 screen whole: its height is what the screen leaves below the page's
# title (and the presenter bar, in presenter mode), measured in the browser (tests/test_browser_gantt.py).
SCREEN_HEIGHT = 1080
ABOVE_THE_CHART = {False: 180, True: 240}  # pixels from the screen's top to the chart's, by presenter mode


def chart_height(presenting: bool) -> int:
    """The pixels the Gantt chart has on a 1920×1080 screen, below the title (and the presenter bar)."""
    return SCREEN_HEIGHT - ABOVE_THE_CHART[presenting]


def with_mode(current: Workshop, value: Any) -> Workshop:
    """The workshop planned greedily or optimally; anything else leaves it as it is."""
    if value not in MODES:
        return current
    return current.with_changes(profile=current.profile.with_changes(mode=value))


@dataclass(frozen=True)
class Figure:
    """One headline metric: its label, its value and an optional help text."""

    label: str
    value: str
    help: str | None = None


def headline_figures(plan: Plan, lang: Lang) -> list[Figure]:
    """Planned x of y, phases, summed score, and the method (or whether the optimal plan is proven)."""
    planned, total = len(plan.placements), len(plan.measures)
    figures = [
        Figure(
            Message("Eingeplant", "Planned")(lang), Message(f"{planned} von {total}", f"{planned} of {total}")(lang)
        ),
        Figure(Message("Phasen", "Phases")(lang), str(len(phases(plan.profile)))),
        Figure(
            Message("Summe der Scores", "Summed score")(lang),
            formats.number(plan.summed_score, lang, 1),
            Message("Die Summe von Nutzen ÷ Aufwand aller eingeplanten Maßnahmen.", "Value ÷ effort, summed.")(lang),
        ),
    ]
    if plan.mode == OPTIMAL:
        proven = (
            Message("bewiesen optimal", "proven optimal")
            if plan.proven_optimal
            else Message("nicht bewiesen", "not proven")
        )
        figures.append(Figure(Message("Optimaler Plan", "Optimal plan")(lang), proven(lang)))
    else:
        figures.append(Figure(Message("Verfahren", "Method")(lang), Message("Schnell", "Fast")(lang)))
    return figures


@dataclass(frozen=True)
class CardText:
    """A milestone card's Markdown: heading, date line, caption and the list of finished titles."""

    heading: str
    day: str
    caption: str
    body: str

    @property
    def markdown(self) -> str:
        """The whole card as one Markdown: the phase, its day below it, the count in small grey type
        (as a caption) and the list; one element on the page instead of three."""
        lines = f"{self.heading}  \n{self.day}\n\n:gray[:small[{self.caption}]]"
        return f"{lines}\n\n{self.body}" if self.body else lines


def card_text(card: MilestoneCard, lang: Lang) -> CardText:
    """What one milestone card says, its phase and titles shown as typed."""
    lines = [f"- {markdown(title)}" for title in card.titles]
    if card.more:
        lines.append(Message(f"- … und {card.more} weitere", f"- … and {card.more} more")(lang))
    return CardText(
        heading=f"**{markdown(card.phase)}**",
        day=Message(f"Meilenstein am {card.day}", f"Milestone on {card.day}")(lang),
        caption=Message(
            f"{card.finished_here} in dieser Phase fertig, {card.finished_by_then} insgesamt",
            f"{card.finished_here} finished in this phase, {card.finished_by_then} in total",
        )(lang),
        body="\n".join(lines),
    )


def not_planned_line(row: NotPlannedRow) -> str:
    """One not-planned measure as a Markdown line: icon, title in bold, reason."""
    icon = ":material/check_circle:" if row.done else ":material/info:"
    return f"{icon} **{markdown(row.title)}** – {markdown(row.reason)}"


def not_planned_frame(rows: list[NotPlannedRow], lang: Lang) -> pd.DataFrame:
    """The not-planned measures as a two-column table: measure and reason."""
    return pd.DataFrame(
        {
            Message("Maßnahme", "Measure")(lang): [row.title for row in rows],
            Message("Grund", "Reason")(lang): [row.reason for row in rows],
        }
    )


def pin_candidates(workshop: Workshop) -> dict[str, str]:
    """The measures that can be pinned (neither excluded nor done), id to title."""
    return {m.id: m.title for m in workshop.measures if not m.excluded and m.status != DONE}


def pin_months(months: list[Month], measure: Measure) -> list[Month]:
    """The months a measure can be pinned to: the horizon, plus its present pin if that lies outside."""
    if measure.pinned is not None and measure.pinned not in months:
        return sorted({*months, measure.pinned})
    return list(months)


def pinned_caption(workshop: Workshop, lang: Lang) -> str:
    """Which measures are pinned to which month ("" when none is)."""
    pinned = [m for m in workshop.measures if m.pinned is not None]
    if not pinned:
        return ""
    return Message("Fixiert: ", "Pinned: ")(lang) + ", ".join(
        f"{markdown(m.title)} ({formats.month(m.pinned, lang)})" for m in pinned if m.pinned
    )


def pin_outcome(plan: Plan, measure: Measure, lang: Lang) -> str:
    """Where the chosen measure now sits in the plan, or why it is not planned."""
    title = markdown(measure.title)
    placement = plan.placements.get(measure.id)
    if placement is not None:
        start, end = formats.month(placement.start, lang), formats.month(placement.end, lang)
        return Message(f"**{title}** läuft von {start} bis {end}.", f"**{title}** runs from {start} to {end}.")(lang)
    reason = plan.not_planned.get(measure.id)
    return f"**{title}**: {markdown(reason.message(lang))}" if reason else ""
