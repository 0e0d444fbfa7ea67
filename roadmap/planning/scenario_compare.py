"""Scenarios side by side: what each plans, delivers and costs, and how they differ (docs/planning.md, scenarios).

Pure: it takes the plans already made (roadmap/workshop/scenarios.scenario_plan; the app keeps one
per stored version and scenario) and returns the figures that the Szenarien page, the workbook's
Scenarios sheet and the handout show, the same rows for all three (`figure_rows`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from roadmap.domain import formats
from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.planning.budget import ABOVE, BELOW, CORRIDOR_HIGH, CORRIDOR_LOW, WITHIN, YearCost, yearly_costs
from roadmap.planning.funding import funding_effect
from roadmap.planning.plan import Plan


@dataclass(frozen=True)
class ScenarioYear:
    """One calendar year of a scenario: cost, budget and the share of revenue against the corridor."""

    year: int
    total: float
    budget: float
    share: float  # total as percent of the year's revenue
    level: str  # BELOW, WITHIN or ABOVE the 1–5 % corridor
    over_budget: bool


@dataclass(frozen=True)
class Moved:
    """A measure planned in this scenario and the first one, starting `months` later (negative: earlier)."""

    title: str
    months: int


@dataclass(frozen=True)
class ScenarioResult:
    """One column of the side-by-side view."""

    name: str
    plan: Plan
    planned: int
    score: float  # the summed score of the planned measures: the value delivered
    must_haves: int
    must_haves_missing: int  # must-haves this scenario cannot plan
    must_haves_done: Month | None  # the month the last planned must-have ends
    years: tuple[ScenarioYear, ...]
    cost: float  # all years together
    cost_per_year: float  # the cost of twelve months of the horizon, on average
    funding: float  # what the funding pays over the horizon
    only_here: tuple[str, ...]  # titles this scenario plans and no other compared one does
    moved: tuple[Moved, ...]  # shared measures that start in another month than in the first scenario


def share_level(share: float) -> str:
    """Where a share of revenue (percent) lies against the 1–5 % corridor: BELOW, WITHIN or ABOVE."""
    if share < CORRIDOR_LOW - 1e-9:
        return BELOW
    return ABOVE if share > CORRIDOR_HIGH + 1e-9 else WITHIN


LEVEL_TEXT: dict[str, Message] = {
    BELOW: Message("unter dem Korridor", "below the corridor"),
    WITHIN: Message("im Korridor", "within the corridor"),
    ABOVE: Message("über dem Korridor", "above the corridor"),
}


def _year(cost: YearCost) -> ScenarioYear:
    return ScenarioYear(cost.year, cost.total, cost.budget, cost.share, share_level(cost.share), cost.over_budget)


def _must_haves(plan: Plan) -> tuple[int, int, Month | None]:
    wanted = [m.id for m in plan.measures if m.must_have and not m.excluded]
    ends = [plan.placements[i].end for i in wanted if i in plan.placements]
    return len(wanted), len(wanted) - len(ends), max(ends) if ends else None


def _moved(plan: Plan, reference: Plan) -> tuple[Moved, ...]:
    shifts = []
    for measure_id, placement in plan.placements.items():
        before = reference.placements.get(measure_id)
        if before is not None and placement.start != before.start:
            shifts.append(Moved(plan.measure(measure_id).title, placement.start - before.start))
    return tuple(sorted(shifts, key=lambda m: (-abs(m.months), m.title)))


def compare(plans: Mapping[str, Plan] | Sequence[tuple[str, Plan]]) -> list[ScenarioResult]:
    """The scenarios side by side, in the given order; moves are counted against the first one."""
    items = list(plans.items()) if isinstance(plans, Mapping) else list(plans)
    if not items:
        return []
    reference = items[0][1]
    results = []
    for name, plan in items:
        others = [set(other.placements) for other_name, other in items if other_name != name]
        only = [i for i in plan.placements if not any(i in other for other in others)] if others else []
        rank_of = {r.measure.id: r.rank for r in plan.ranking}
        count, missing, done = _must_haves(plan)
        years = tuple(_year(cost) for cost in yearly_costs(plan))
        results.append(
            ScenarioResult(
                name=name,
                plan=plan,
                planned=len(plan.placements),
                score=plan.summed_score,
                must_haves=count,
                must_haves_missing=missing,
                must_haves_done=done,
                years=years,
                cost=sum(y.total for y in years),
                cost_per_year=sum(y.total for y in years) * 12 / max(1, len(plan.profile.months)),
                funding=sum(y.saved for y in funding_effect(plan)),
                only_here=tuple(plan.measure(i).title for i in sorted(only, key=lambda i: rank_of.get(i, 0))),
                moved=() if plan is reference else _moved(plan, reference),
            )
        )
    return results


# Titles listed per scenario for what only it plans and what moves; the rest is counted.
LISTED = 12


class Kind(StrEnum):
    """How a figure of the comparison is written: in the app, the workbook and the handout alike."""

    COUNT = "count"
    SCORE = "score"
    MONEY = "money"
    PERCENT = "percent"
    TEXT = "text"


@dataclass(frozen=True)
class FigureRow:
    """One line of the comparison: a label and one value per scenario (None: nothing to show)."""

    key: str
    label: str
    kind: Kind
    values: tuple[float | str | None, ...]


def _month_text(result: ScenarioResult, lang: str) -> str | None:
    """The month the last must-have ends, and how many must-haves cannot be planned ('2026-09, 1 fehlt')."""
    if not result.must_haves:
        return None
    done = str(result.must_haves_done) if result.must_haves_done else "–"
    missing = result.must_haves_missing
    if not missing:
        return done
    if lang == "en":
        return f"{done}, {missing} missing"
    return f"{done}, {missing} {'fehlt' if missing == 1 else 'fehlen'}"


def _moved_text(moved: Moved, lang: str) -> str:
    unit = (
        ("Monat" if abs(moved.months) == 1 else "Monate")
        if lang != "en"
        else ("month" if abs(moved.months) == 1 else "months")
    )
    return f"{moved.title} ({moved.months:+d} {unit})"


def _listed(items: Sequence[str], lang: str) -> str | None:
    """Up to LISTED items joined by '; ', then how many more (a cell and a column stay readable)."""
    if not items:
        return None
    shown = "; ".join(items[:LISTED])
    rest = len(items) - LISTED
    if rest > 0:
        shown += f" … (+{rest} {'weitere' if lang != 'en' else 'more'})"
    return shown


def format_figure(value: float | str | None, kind: Kind, lang: str = "de") -> str:
    """A figure as the app and the handout write it ('–' for nothing)."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if kind == Kind.MONEY:
        return formats.euro(value, lang)
    if kind == Kind.PERCENT:
        return f"{formats.number(value, lang, 1)} %"
    if kind == Kind.SCORE:
        return formats.number(value, lang, 1)
    return formats.number(value, lang, 0)


def figure_rows(results: Sequence[ScenarioResult], lang: str = "de") -> list[FigureRow]:
    """The comparison as rows of figures, one value per scenario, in the order the app shows them."""
    de = lang != "en"
    years = sorted({y.year for r in results for y in r.years})

    def row(key: str, de_label: str, en_label: str, kind: Kind, values: Sequence[float | str | None]) -> FigureRow:
        return FigureRow(key, de_label if de else en_label, kind, tuple(values))

    rows = [
        row("planned", "Geplante Maßnahmen", "Measures planned", Kind.COUNT, [r.planned for r in results]),
        row("score", "Nutzen (Summe der Scores)", "Value (summed score)", Kind.SCORE, [r.score for r in results]),
        row("must", "Muss-Maßnahmen fertig", "Must-haves done", Kind.TEXT, [_month_text(r, lang) for r in results]),
    ]
    for year in years:
        per = [{y.year: y for y in r.years}.get(year) for r in results]
        rows += [
            row(f"cost_{year}", f"Kosten {year}", f"Cost {year}", Kind.MONEY, [y.total if y else None for y in per]),
            row(
                f"share_{year}",
                f"Anteil am Umsatz {year}",
                f"Share of revenue {year}",
                Kind.PERCENT,
                [y.share if y else None for y in per],
            ),
            row(
                f"corridor_{year}",
                f"Korridor 1–5 % {year}",
                f"Corridor 1–5 % {year}",
                Kind.TEXT,
                [LEVEL_TEXT[y.level]("en" if lang == "en" else "de") if y else None for y in per],
            ),
        ]
    first = results[0].name if results else ""
    rows += [
        row("per_year", "Kosten je Jahr (Ø)", "Cost per year (avg.)", Kind.MONEY, [r.cost_per_year for r in results]),
        row("funding", "Förderung erhalten", "Funding received", Kind.MONEY, [r.funding for r in results]),
        row(
            "only_here",
            "Nur in diesem Szenario geplant",
            "Planned only in this scenario",
            Kind.TEXT,
            [_listed(r.only_here, lang) for r in results],
        ),
        row(
            "moved",
            f"Verschoben gegenüber {first}",
            f"Moved against {first}",
            Kind.TEXT,
            [_listed([_moved_text(m, lang) for m in r.moved], lang) for r in results],
        ),
    ]
    return rows
