"""The Priorisierung page's tables and texts: ranking, criteria, scores, the dots given and the voting cards.

Pure functions behind pages/4_priorisierung.py (no streamlit here): the page draws what they return.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import pandas as pd

from roadmap import formats, voting
from roadmap.charts_matrix import field_name, matrix_rows
from roadmap.messages import Message
from roadmap.model import (
    EFFORT_SIDE,
    FIELD_COLORS,
    GREEDY,
    VALUE_SIDE,
    VOTE_BREAKS_TIES,
    VOTE_RAISES_VALUE,
    Criterion,
    Measure,
    Workshop,
)
from roadmap.plan import Plan
from roadmap.ranking import rank, weighted_value_effort

CARDS_PER_PAGE = 30
RANKING_COLUMNS = (
    "rank", "title", "field", "value_text", "effort_text", "score_text", "quadrant", "votes", "must_have",
    "excluded",
)  # fmt: skip
SECTIONS: dict[str, Message] = {
    "ranking": Message("Rangliste und Markierungen", "Ranking and flags"),
    "voting": Message("Punkte vergeben", "Dot voting"),
    "criteria": Message("Gewichtete Kriterien", "Weighted criteria"),
}
VOTE_MODES: dict[str, Message] = {
    VOTE_BREAKS_TIES: Message("Stimmen entscheiden bei Gleichstand", "Votes break ties"),
    VOTE_RAISES_VALUE: Message("Stimmen erhöhen den Nutzen", "Votes raise the value"),
}
SIDES: dict[str, Message] = {VALUE_SIDE: Message("Nutzen", "Value"), EFFORT_SIDE: Message("Aufwand", "Effort")}
RANKING_RULES = Message(
    "Score = Nutzen ÷ Aufwand. Muss-Maßnahmen stehen vorn, ausgeschlossene am Ende. "
    "Häkchen setzen: Muss und Ausschließen schließen einander aus.",
    "Score = value ÷ effort. Must-haves come first, excluded ones last. "
    "Tick the boxes: must-have and exclude rule each other out.",
)
CRITERIA_RULES = Message(
    "Statt einer einzigen Zahl für Nutzen und Aufwand können Sie mehrere **Kriterien** bewerten "
    "(z. B. Kundennutzen, Effizienz, Risikosenkung; Kosten, Komplexität, Zeit). Nutzen und Aufwand sind "
    "dann die gewichteten Mittelwerte ihrer Kriterien; ohne Bewertung zählt der Wert aus der Maßnahmenliste.",
    "Instead of one figure for value and effort you can score several **criteria** (e.g. customer benefit, "
    "efficiency, risk reduction; cost, complexity, time). Value and effort are then the weighted means of "
    "their criteria; without scores the figure from the measure list counts.",
)
TOO_MANY_DOTS = Message(
    "Es sind mehr Punkte vergeben, als Teilnehmende × Punkte pro Person erlauben.",
    "More dots are given than participants × dots per person allow.",
)
ALL_DOTS_GIVEN = Message(
    "Alle Punkte sind vergeben. Für einen neuen Punkt erst woanders einen wegnehmen "
    "oder mehr Punkte pro Person erlauben.",
    "All dots are given. To give another one, take one away elsewhere or allow more dots per person.",
)


# --- matrix and ranking -------------------------------------------------------------------------


def ranking_plan(workshop: Workshop) -> Plan:
    """The ranking of the workshop in the form the matrix chart takes (no planning needed here)."""
    ranking = tuple(rank(workshop.measures, workshop.profile))
    return Plan(workshop.profile, workshop.measures, ranking, {}, {}, GREEDY)


def ranking_table(plan: Plan, language: str) -> pd.DataFrame:
    """The ranking table: the matrix's own rows with numbers already formatted, row i indexed by its measure's id."""
    rows = matrix_rows(plan, language)
    table = pd.DataFrame(rows, columns=list(RANKING_COLUMNS))
    table.index = pd.Index([row["id"] for row in rows], name="id")
    return table


# --- weighted criteria --------------------------------------------------------------------------


def criteria_table(criteria: Sequence[Criterion]) -> pd.DataFrame:
    """The criteria editor's rows: name, side and weight of each criterion, in the profile's order."""
    return pd.DataFrame(
        [(c.name, c.side, float(c.weight)) for c in criteria], columns=["name", "side", "weight"], dtype="object"
    ).astype({"weight": "float64"})


def score_columns(criteria: Sequence[Criterion]) -> dict[str, str]:
    """The scores table's criterion columns ('c0', 'c1' …) and the criterion each one holds."""
    return {f"c{i}": c.name for i, c in enumerate(criteria)}


def score_labels(criteria: Sequence[Criterion], language: str) -> dict[str, str]:
    """Each criterion column's heading: the criterion's name and the side it counts towards."""
    return {f"c{i}": f"{c.name} ({SIDES[c.side](language)})" for i, c in enumerate(criteria)}


def scores_table(workshop: Workshop, language: str) -> pd.DataFrame:
    """One row per measure: its title, its score per criterion (empty: none) and the value and effort they give."""
    measures = workshop.measures
    columns = score_columns(workshop.profile.criteria)
    data: dict[str, list[Any]] = {"title": [m.title for m in measures]}
    for column, name in columns.items():
        data[column] = [m.criteria.get(name) for m in measures]
    effective = [weighted_value_effort(m, workshop.profile) for m in measures]
    data["value"] = [formats.number(v, language, 1) for v, _ in effective]
    data["effort"] = [formats.number(e, language, 1) for _, e in effective]
    return pd.DataFrame(data).astype({c: "float64" for c in columns})


# --- dot voting ---------------------------------------------------------------------------------


def dots_left_text(workshop: Workshop, language: str) -> str:
    """The dots still to give as the large figure shows them ('unbegrenzt' without a limit)."""
    left = voting.dots_left(workshop)
    if left is None:
        return Message("unbegrenzt", "unlimited")(language)
    return str(left)


def dots_given_text(workshop: Workshop, language: str) -> str:
    """The dots given, out of the room's budget where there is one: '18 von 18' / '18 of 18'."""
    used, budget = voting.dots_used(workshop), voting.dots_budget(workshop)
    if budget is None:
        return str(used)
    return Message(f"{used} von {budget}", f"{used} of {budget}")(language)


def vote_page_count(total: int) -> int:
    """How many pages of voting cards `total` measures fill."""
    return (total + CARDS_PER_PAGE - 1) // CARDS_PER_PAGE


def vote_page_label(page: int, total: int, language: str) -> str:
    """A page of voting cards by the measures it holds: '31–60 von 500'."""
    of = "of" if language == "en" else "von"
    return f"{page * CARDS_PER_PAGE + 1}–{min(total, (page + 1) * CARDS_PER_PAGE)} {of} {total}"


def vote_page(measures: Sequence[Measure], page: int) -> list[Measure]:
    """The measures on one page of voting cards, in the workshop's (stable) order."""
    return list(measures[page * CARDS_PER_PAGE : (page + 1) * CARDS_PER_PAGE])


def vote_card(measure: Measure, language: str) -> str:
    """A voting card's head as HTML: title and field beside the dots, edged in the field's colour."""
    # One block: cheap to draw 30 times, readable from the back of the room.
    return (
        f"<div style='display:flex;align-items:center;gap:0.8rem;"
        f"border-left:8px solid {FIELD_COLORS[measure.field]};padding-left:0.6rem'>"
        f"<div style='flex:1'><b style='font-size:1.15rem'>{_escape(measure.title)}</b><br>"
        f"<span style='opacity:0.75'>{_escape(field_name(measure.field, language))}</span></div>"
        f"<div style='font-size:2.4rem;font-weight:700;min-width:2.5rem;text-align:right'>"
        f"{measure.votes}</div></div>"
    )


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
