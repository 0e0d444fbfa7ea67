"""The Priorisierung page's tables and texts: ranking, criteria, scores, the dots given and the voting cards.

Pure functions behind app_pages/04_priorisierung.py (no streamlit here): the page draws what they return.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from roadmap.charts.matrix_chart import field_name, matrix_rows
from roadmap.domain import formats
from roadmap.domain.measure import Measure
from roadmap.domain.messages import Lang, Message
from roadmap.domain.profile import Criterion, PlanMode, Side, VoteMode
from roadmap.domain.vocabulary import FIELD_COLORS
from roadmap.domain.workshop import Workshop
from roadmap.planning.plan import Plan
from roadmap.planning.ranking import rank, weighted_value_effort
from roadmap.views import escape
from roadmap.views.column_specs import ColumnSpec, column
from roadmap.workshop import voting

CARDS_PER_PAGE = 30
RANKING_COLUMNS = (
    "rank", "title", "field", "value_text", "effort_text", "score_text", "quadrant", "votes", "must_have",
    "excluded",
)  # fmt: skip
# What the ranking table shows: every column in view on a 1024 px projector beside the sidebar. The field of
# action is the dot's colour in the matrix above it, the quadrant its corner.
RANKING_SHOWN = ("rank", "title", "value_text", "effort_text", "score_text", "votes", "must_have", "excluded")
# Pixels per column: the heading whole, the title as much as is left (wider screens share out the rest).
RANKING_WIDTHS = {
    "rank": 60, "title": 170, "value_text": 76, "effort_text": 84, "score_text": 68, "votes": 80, "must_have": 64,
    "excluded": 112, "field": 170, "quadrant": 170,
}  # fmt: skip
SECTIONS: dict[str, Message] = {
    "ranking": Message("Rangliste und Markierungen", "Ranking and flags"),
    "voting": Message("Punkte vergeben", "Dot voting"),
    "criteria": Message("Gewichtete Kriterien", "Weighted criteria"),
    "phones": Message("Mitmachen per Handy", "Participation by phone"),
}
VOTE_MODES: dict[VoteMode, Message] = {
    VoteMode.BREAKS_TIES: Message("Stimmen entscheiden bei Gleichstand", "Votes break ties"),
    VoteMode.RAISES_VALUE: Message("Stimmen erhöhen den Nutzen", "Votes raise the value"),
}
RANKING_LABELS: dict[str, Message] = {
    "rank": Message("Rang", "Rank"),
    "title": Message("Maßnahme", "Measure"),
    "field": Message("Handlungsfeld", "Field of action"),
    "value_text": Message("Nutzen", "Value"),
    "effort_text": Message("Aufwand", "Effort"),
    "score_text": Message("Score", "Score"),
    "quadrant": Message("Quadrant", "Quadrant"),
    "votes": Message("Stimmen", "Votes"),
    "must_have": Message("Muss", "Must-have"),
    "excluded": Message("Ausschließen", "Exclude"),
}
SIDES: dict[Side, Message] = {Side.VALUE: Message("Nutzen", "Value"), Side.EFFORT: Message("Aufwand", "Effort")}
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
INTRO = Message(
    "Schritt 4 von 7: Welche Maßnahmen bringen viel und kosten wenig? Oben links stehen die Quick Wins.",
    "Step 4 of 7: which measures bring a lot for little effort? The quick wins sit top left.",
)
RANKING = Message("Rangliste", "Ranking")
CRITERIA_HINT = Message(
    "Neues Kriterium: in die leere Zeile klicken und den Namen tippen. Löschen: Zeile markieren, Entf.",
    "New criterion: click the empty row and type its name. Delete: select the row, press Delete.",
)
SCORES_HEADING = Message("Bewertung je Maßnahme (1 = gering, 5 = hoch)", "Scores per measure (1 = low, 5 = high)")
VOTE_MODE_QUESTION = Message("Wie zählen die Punkte?", "How do the dots count?")
RESET_SURE = Message("Ja, alle Punkte löschen", "Yes, clear all dots")
RESET = Message("Punkte zurücksetzen", "Reset dots")
DOTS_RESET = Message("Alle Punkte zurückgesetzt.", "All dots reset.")
VOTE_PAGES = Message("Maßnahmen", "Measures")
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
    return Plan(workshop.profile, workshop.measures, ranking, {}, {}, PlanMode.GREEDY)


def ranking_table(plan: Plan, language: Lang) -> pd.DataFrame:
    """The ranking table: the matrix's own rows with numbers already formatted, row i indexed by its measure's id."""
    rows = matrix_rows(plan, language)
    table = pd.DataFrame(rows, columns=list(RANKING_COLUMNS))
    table.index = pd.Index([row["id"] for row in rows], name="id")
    return table


def ranking_column_specs(language: Lang, editable: bool) -> dict[str, ColumnSpec]:
    """Labels and widths of the ranking table; only the two flags can be ticked, and only when `editable`."""
    figure = {"disabled": True, "alignment": "right"}
    label = {key: text(language) for key, text in RANKING_LABELS.items()}
    width = RANKING_WIDTHS
    return {
        "rank": column("number", label["rank"], disabled=True, width=width["rank"]),
        "title": column("text", label["title"], disabled=True, width=width["title"]),
        "field": column("text", label["field"], disabled=True, width=width["field"]),
        "value_text": column("text", label["value_text"], **figure, width=width["value_text"]),
        "effort_text": column("text", label["effort_text"], **figure, width=width["effort_text"]),
        "score_text": column("text", label["score_text"], **figure, width=width["score_text"]),
        "quadrant": column("text", label["quadrant"], disabled=True, width=width["quadrant"]),
        "votes": column("number", label["votes"], disabled=True, width=width["votes"]),
        "must_have": column("checkbox", label["must_have"], disabled=not editable, width=width["must_have"]),
        "excluded": column("checkbox", label["excluded"], disabled=not editable, width=width["excluded"]),
    }


# --- weighted criteria --------------------------------------------------------------------------


def criteria_table(criteria: Sequence[Criterion]) -> pd.DataFrame:
    """The criteria editor's rows: name, side and weight of each criterion, in the profile's order."""
    return pd.DataFrame(
        [(c.name, c.side, float(c.weight)) for c in criteria], columns=["name", "side", "weight"], dtype="object"
    ).astype({"weight": "float64"})


def score_columns(criteria: Sequence[Criterion]) -> dict[str, str]:
    """The scores table's criterion columns ('c0', 'c1' …) and the criterion each one holds."""
    return {f"c{i}": c.name for i, c in enumerate(criteria)}


def score_labels(criteria: Sequence[Criterion], language: Lang) -> dict[str, str]:
    """Each criterion column's heading: the criterion's name and the side it counts towards."""
    return {f"c{i}": f"{c.name} ({SIDES[c.side](language)})" for i, c in enumerate(criteria)}


def scores_table(workshop: Workshop, language: Lang) -> pd.DataFrame:
    """One row per measure: its title, its score per criterion (empty: none) and the value and effort they give."""
    measures = workshop.measures
    columns = score_columns(workshop.profile.criteria)
    data: dict[str, list[Any]] = {"title": [m.title for m in measures]}
    for key, name in columns.items():
        data[key] = [m.criteria.get(name) for m in measures]
    effective = [weighted_value_effort(m, workshop.profile) for m in measures]
    data["value"] = [formats.number(v, language, 1) for v, _ in effective]
    data["effort"] = [formats.number(e, language, 1) for _, e in effective]
    return pd.DataFrame(data).astype({c: "float64" for c in columns})


def criteria_column_specs(language: Lang) -> dict[str, ColumnSpec]:
    """The criteria table's columns: a name, the side it counts towards and a weight from 0."""
    return {
        "name": column("text", Message("Kriterium", "Criterion")(language), required=True, width="large"),
        "side": column(
            "select",
            Message("zählt zu", "counts towards")(language),
            options=list(SIDES),
            format_func=lambda side: SIDES[side](language),
            required=True,
            default=Side.VALUE,
        ),
        "weight": column(
            "number",
            Message("Gewicht", "Weight")(language),
            min_value=0.0,
            step=0.5,
            format="%.1f",
            default=1.0,
            required=True,
        ),
    }


def score_column_specs(criteria: Sequence[Criterion], language: Lang) -> dict[str, ColumnSpec]:
    """The scores table's columns: the measure, a whole score 1–5 per criterion, and the value and effort given."""
    specs = {"title": column("text", Message("Maßnahme", "Measure")(language), disabled=True)}
    for key, label in score_labels(criteria, language).items():
        specs[key] = column("number", label, min_value=1, max_value=5, step=1, format="%d")
    specs["value"] = column("text", Message("= Nutzen", "= Value")(language), disabled=True, alignment="right")
    specs["effort"] = column("text", Message("= Aufwand", "= Effort")(language), disabled=True, alignment="right")
    return specs


# --- dot voting ---------------------------------------------------------------------------------


def dots_left_text(workshop: Workshop, language: Lang) -> str:
    """The dots still to give as the large figure shows them ('unbegrenzt' without a limit)."""
    left = voting.dots_left(workshop)
    if left is None:
        return Message("unbegrenzt", "unlimited")(language)
    return str(left)


def dots_given_text(workshop: Workshop, language: Lang) -> str:
    """The dots given, out of the room's budget where there is one: '18 von 18' / '18 of 18'."""
    used, budget = voting.dots_used(workshop), voting.dots_budget(workshop)
    if budget is None:
        return str(used)
    return Message(f"{used} von {budget}", f"{used} of {budget}")(language)


@dataclass(frozen=True)
class NumberInput:
    """A number field of the voting settings: label, the workshop's value, the change it makes, its options."""

    label: str
    value: float
    apply: voting.Change
    options: Mapping[str, Any] = field(default_factory=dict)


def voting_inputs(workshop: Workshop, language: Lang) -> dict[str, NumberInput]:
    """The number fields of dot voting: participants, dots per person, value per dot (only when votes raise it)."""
    profile = workshop.profile
    whole = {"min_value": 0, "step": 1}
    return {
        "participants": NumberInput(
            Message("Teilnehmende", "Participants")(language),
            int(workshop.participants),
            voting.set_participants,
            {
                **whole,
                "max_value": 200,
                "help": Message("0 = Punkte ohne Begrenzung.", "0 = dots without a limit.")(language),
            },
        ),
        "dots": NumberInput(
            Message("Punkte pro Person", "Dots per person")(language),
            int(profile.dots_per_person),
            voting.set_dots_per_person,
            {**whole, "max_value": 50},
        ),
        "weight": NumberInput(
            Message("Nutzen je Punkt", "Value per dot")(language),
            float(profile.vote_weight),
            voting.set_vote_weight,
            {
                "min_value": 0.0,
                "max_value": 5.0,
                "step": 0.25,
                "format": "%g",  # "0.5", not "0.50"
                "disabled": profile.vote_mode != VoteMode.RAISES_VALUE,
                "help": Message(
                    "Um so viel steigt der Nutzen je Punkt (höchstens bis 5).", "Value added per dot (up to 5)."
                )(language),
            },
        ),
    }


def dots_figures(workshop: Workshop, language: Lang) -> list[tuple[str, str]]:
    """The two large figures of dot voting (label, value): the dots left and the dots given."""
    return [
        (Message("Punkte übrig", "Dots left")(language), dots_left_text(workshop, language)),
        (Message("Vergeben", "Given")(language), dots_given_text(workshop, language)),
    ]


def vote_page_count(total: int) -> int:
    """How many pages of voting cards `total` measures fill."""
    return (total + CARDS_PER_PAGE - 1) // CARDS_PER_PAGE


def vote_page_label(page: int, total: int, language: Lang) -> str:
    """A page of voting cards by the measures it holds: '31–60 von 500'."""
    of = "of" if language == "en" else "von"
    return f"{page * CARDS_PER_PAGE + 1}–{min(total, (page + 1) * CARDS_PER_PAGE)} {of} {total}"


def vote_page(measures: Sequence[Measure], page: int) -> list[Measure]:
    """The measures on one page of voting cards, in the workshop's (stable) order."""
    return list(measures[page * CARDS_PER_PAGE : (page + 1) * CARDS_PER_PAGE])


@dataclass(frozen=True)
class VoteButton:
    """A voting card's − or + button: its part of the widget key, label, icon, look, whether off, its change."""

    name: str
    label: str
    icon: str
    kind: str
    disabled: bool
    change: voting.Change


def vote_buttons(measure: Measure, no_dots_left: bool, language: Lang) -> tuple[VoteButton, VoteButton]:
    """The − button (off without dots) and the highlighted + button (off when every dot is given) of a card."""
    return (
        VoteButton(
            "minus",
            Message("Punkt weg", "Remove dot")(language),
            ":material/remove:",
            "secondary",
            measure.votes == 0,
            voting.vote_removed(measure.id),
        ),
        VoteButton(
            "plus",
            Message("Punkt dazu", "Add dot")(language),
            ":material/add:",
            "primary",
            no_dots_left,
            voting.vote_added(measure.id),
        ),
    )


def vote_card(measure: Measure, language: Lang) -> str:
    """A voting card's head as HTML: title and field beside the dots, edged in the field's colour."""
    # One block: cheap to draw 30 times, readable from the back of the room.
    return (
        f"<div style='display:flex;align-items:center;gap:0.8rem;"
        f"border-left:8px solid {FIELD_COLORS[measure.field]};padding-left:0.6rem'>"
        f"<div style='flex:1'><b style='font-size:1.15rem'>{escape.html(measure.title)}</b><br>"
        f"<span style='opacity:0.75'>{escape.html(field_name(measure.field, language))}</span></div>"
        f"<div style='font-size:2.4rem;font-weight:700;min-width:2.5rem;text-align:right'>"
        f"{measure.votes}</div></div>"
    )
