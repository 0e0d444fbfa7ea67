"""What the Budget page says and shows: yearly figures, the year and field tables, funding's effect.

The page draws; this module decides the figures, the texts and the tables in the page's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from roadmap.charts.budget_rows import field_cost_rows
from roadmap.domain import formats
from roadmap.domain.messages import Lang, Message
from roadmap.planning.budget import YearCost
from roadmap.planning.funding import FundingYear
from roadmap.planning.plan import Plan

METRIC_YEARS_UP_TO = 3  # longer horizons show their years as a table instead of rows of metrics
VIEWS = {"years": Message("Pro Jahr", "Per year"), "quarters": Message("Pro Quartal", "Per quarter")}
MONEY = ("one_time", "running", "total")
Colour = Literal["normal", "off", "red", "green", "gray"]
Arrow = Literal["auto", "off"]


@dataclass(frozen=True)
class Metric:
    """One metric as the page draws it: label, value, and an optional delta, its colour and arrow, help."""

    label: str
    value: str
    delta: str | None = None
    colour: Colour = "normal"
    arrow: Arrow = "auto"
    help: str | None = None


def budget_delta(year: YearCost, lang: Lang) -> tuple[str, Colour]:
    """The delta text and colour: how far the year stays below (green) or goes above (red) its budget."""
    gap = year.budget - year.total
    if abs(gap) < 0.5:
        return Message("genau im Budget", "exactly on budget")(lang), "gray"
    if year.over_budget:
        over = formats.euro(-gap, lang)
        return Message(f"{over} über dem Budget", f"{over} over budget")(lang), "red"
    under = formats.euro(gap, lang)
    return Message(f"{under} unter dem Budget", f"{under} under budget")(lang), "green"


def year_metrics(year: YearCost, label_year: bool, lang: Lang) -> list[Metric]:
    """Total against budget, share of revenue and the running share (corridor figure) of one year."""
    suffix = f" {year.year}" if label_year else ""
    delta, colour = budget_delta(year, lang)
    return [
        Metric(Message(f"Kosten{suffix}", f"Cost{suffix}")(lang), formats.euro(year.total, lang), delta, colour, "off"),
        Metric(
            Message(f"Budget{suffix}", f"Budget{suffix}")(lang),
            formats.euro(year.budget, lang),
            help=Message(
                f"Budgetanteil × Umsatz, für {year.months} Monat(e) im Planungszeitraum.",
                f"Budget share × revenue, for {year.months} month(s) inside the horizon.",
            )(lang),
        ),
        Metric(Message("Anteil am Umsatz", "Share of revenue")(lang), f"{formats.number(year.share, lang)} %"),
        Metric(
            Message("Laufende IT-Kosten", "Running IT costs")(lang),
            f"{formats.number(year.running_share, lang)} %",
            Message("vom Umsatz (Korridor 1–5 %)", "of revenue (corridor 1–5 %)")(lang),
            "off",
            "off",
        ),
    ]


def year_frame(years: list[YearCost], lang: Lang) -> pd.DataFrame:
    """Every year of a long horizon in one table: cost, budget, shares and whether it is within budget."""
    within, over = Message("im Budget", "within budget")(lang), Message("über Budget", "over budget")(lang)
    return pd.DataFrame(
        {
            Message("Jahr", "Year")(lang): [str(y.year) for y in years],
            Message("Kosten", "Cost")(lang): [formats.euro(y.total, lang) for y in years],
            Message("Budget", "Budget")(lang): [formats.euro(y.budget, lang) for y in years],
            Message("Anteil am Umsatz", "Share of revenue")(lang): [
                f"{formats.number(y.share, lang)} %" for y in years
            ],
            Message("Laufender Anteil", "Running share")(lang): [
                f"{formats.number(y.running_share, lang)} %" for y in years
            ],
            Message("Status", "Status")(lang): [over if y.over_budget else within for y in years],
        }
    )


def over_budget_text(year: YearCost, lang: Lang) -> str:
    """Why a year over its budget is flagged, and what to do about it."""
    over, budget = formats.euro(year.total - year.budget, lang), formats.euro(year.budget, lang)
    return Message(
        f"{year.year} liegt {over} über dem Budget von {budget}: "
        "schon die bestehenden IT-Kosten und die Maßnahmen in Umsetzung übersteigen es. "
        "Budgetanteil prüfen oder laufende Vorhaben strecken.",
        f"{year.year} is {over} over its budget of {budget}: "
        "the existing IT costs and the measures in progress alone exceed it. "
        "Check the budget share or stretch the running projects.",
    )(lang)


def default_view(plan: Plan) -> str:
    """A single year is one bar (its figures stand above): the quarters then tell more."""
    return "quarters" if len({m.year for m in plan.profile.months}) == 1 else "years"


def field_frame(plan: Plan, lang: Lang) -> tuple[pd.DataFrame, list[str]]:
    """What each field of action costs inside the horizon, with a sum line; and the money columns' names."""
    rows = field_cost_rows(plan, lang)
    total = {key: sum(row[key] for row in rows) for key in ("planned", *MONEY)}
    names = {
        "field": Message("Handlungsfeld", "Field of action")(lang),
        "planned": Message("Eingeplant", "Planned")(lang),
        "one_time": Message("Einmalkosten (nach Förderung)", "One-time cost (after funding)")(lang),
        "running": Message("Laufende Kosten im Zeitraum", "Running cost in the horizon")(lang),
        "total": Message("Gesamt", "Total")(lang),
    }
    lines = [*rows, {"field": f"**{Message('Summe', 'Sum')(lang)}**", **total}]
    frame = pd.DataFrame(
        {
            names["field"]: [row["field"] for row in lines],
            names["planned"]: [int(row["planned"]) for row in lines],
            **{names[key]: [float(row[key]) for row in lines] for key in MONEY},
        }
    )
    return frame, [names[key] for key in MONEY]


def field_display(frame: pd.DataFrame, money: list[str], lang: Lang) -> tuple[pd.DataFrame, list[int]]:
    """The field table as shown: money written as euros ('12.500 €'), and the 1-based positions of those
    columns, which the page aligns right like numbers (a pandas Styler did both, at a third of a rerun)."""
    shown = frame.copy()
    for column in money:
        shown[column] = [formats.euro(value, lang) for value in frame[column]]
    return shown, [list(frame.columns).index(column) + 1 for column in money]


@dataclass(frozen=True)
class FundingSummary:
    """The planned measures' one-time costs before and after funding, and how many are eligible."""

    before: float
    after: float
    eligible: int


def funding_summary(years: list[FundingYear]) -> FundingSummary:
    """The funding years summed over the horizon."""
    return FundingSummary(
        before=sum(y.before for y in years), after=sum(y.after for y in years), eligible=sum(y.eligible for y in years)
    )


def no_funding_text(eligible: int, lang: Lang) -> str:
    """What a funding rate would do, when none is entered."""
    return Message(
        f"Keine Förderquote eingetragen. {eligible} eingeplante Maßnahme(n) sind förderfähig – "
        "mit einer Förderquote auf der Seite Unternehmen sinken ihre Einmalkosten.",
        f"No funding rate entered. {eligible} planned measure(s) are eligible for funding – "
        "a funding rate on the Company page lowers their one-time costs.",
    )(lang)


def funding_caption(rate: float, eligible: int, lang: Lang) -> str:
    """Which costs the funding figures cover and at what rate."""
    percent = formats.number(rate, lang, 0)
    return Message(
        f"Einmalkosten der eingeplanten Maßnahmen; {percent} % Förderquote auf {eligible} förderfähige Maßnahme(n).",
        f"One-time costs of the planned measures; a funding rate of {percent} % on {eligible} eligible measure(s).",
    )(lang)


def funding_metrics(summary: FundingSummary, rate: float, lang: Lang) -> list[Metric]:
    """Before funding, after funding, and what funding saves."""
    saved = f"-{formats.number(rate, lang, 0)} %"
    return [
        Metric(Message("Vor Förderung", "Before funding")(lang), formats.euro(summary.before, lang)),
        Metric(Message("Nach Förderung", "After funding")(lang), formats.euro(summary.after, lang)),
        Metric(Message("Gespart", "Saved")(lang), formats.euro(summary.before - summary.after, lang), saved, "green"),
    ]


def funding_frame(years: list[FundingYear], lang: Lang) -> pd.DataFrame:
    """Funding's effect per year: before, after, saved."""
    return pd.DataFrame(
        {
            Message("Jahr", "Year")(lang): [str(y.year) for y in years],
            Message("vor Förderung", "before funding")(lang): [formats.euro(y.before, lang) for y in years],
            Message("nach Förderung", "after funding")(lang): [formats.euro(y.after, lang) for y in years],
            Message("gespart", "saved")(lang): [formats.euro(y.saved, lang) for y in years],
        }
    )
