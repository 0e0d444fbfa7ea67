"""What the handout says, decided without drawing: facts, Gantt rows, years, top measures, scenarios.

Everything comes from the planning rules (budget, funding, phases, the scenario comparison); this
module only picks and words it, in German or English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from roadmap.domain import formats
from roadmap.domain.messages import Lang
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.planning.budget import corridor_check, yearly_costs
from roadmap.planning.funding import funding_effect
from roadmap.planning.phases import Milestone, Phase, milestones, phases
from roadmap.planning.plan import Plan
from roadmap.planning.reason_summary import not_planned_summary, reason_words
from roadmap.planning.scenario_compare import LEVEL_TEXT, ScenarioResult, figure_rows, format_figure

LEFT_OUT = 20  # measures not planned listed one by one; the rest counted by reason
SCENARIO_KEYS = ("planned", "score", "must", "per_year", "funding")
MAX_SCENARIOS = 4


@dataclass(frozen=True)
class Facts:
    """The head of the page."""

    company: str
    made_on: str
    planning_month: str
    scenario: str
    planned: int
    measures: int
    value: str
    cost: str
    funding: str


@dataclass(frozen=True)
class Row:
    """One planned measure: its number in the plan, the table's texts and its bar on the Gantt."""

    number: int
    title: str
    kpi: str  # the KPI and its target, '' where none is given
    owner: str
    period: str
    one_time: str
    running: str  # per year, '–' where none
    funding: str
    start: Month
    end: Month
    field: str
    must_have: bool


@dataclass(frozen=True)
class Year:
    """One year of the budget block."""

    year: int
    total: float
    budget: float
    low: float  # the corridor in euros: 1 % and 5 % of the year's revenue
    high: float
    texts: tuple[str, str, str, str, str]  # year, cost, budget, share, verdict


def planning_month(profile: Profile, today: date) -> Month:
    """The month the plan speaks from: the profile's own planning month where it has one, else today's."""
    return profile.as_of if profile.as_of is not None else Month.of(today)


def facts(plan: Plan, lang: Lang, today: date, scenario: str) -> Facts:
    """Company, date, planning month, the scenario shown, and the plan's headline figures."""
    total = sum(year.total for year in yearly_costs(plan))
    funded = sum(year.saved for year in funding_effect(plan))
    return Facts(
        company=plan.profile.name.strip() or ("Ihr Unternehmen" if lang == "de" else "Your company"),
        made_on=formats.day(today, lang),
        planning_month=str(planning_month(plan.profile, today)),
        scenario=scenario,
        planned=len(plan.placements),
        measures=len(plan.measures),
        value=formats.number(plan.summed_score, lang, 1),
        cost=formats.euro(total, lang),
        funding=formats.euro(funded, lang),
    )


def plan_phases(plan: Plan) -> tuple[list[Phase], list[Milestone]]:
    """The phases of the horizon and their milestones."""
    return phases(plan.profile), milestones(plan)


def years(plan: Plan, lang: Lang) -> list[Year]:
    """Each year's cost against its budget and the corridor, with the texts of the table."""
    de = lang == "de"
    result: list[Year] = []
    for year in yearly_costs(plan):
        verdict = (
            ("über Budget" if de else "over budget") if year.over_budget else ("im Budget" if de else "within budget")
        )
        result.append(
            Year(
                year.year,
                year.total,
                year.budget,
                year.revenue / 100,
                year.revenue * 5 / 100,
                (
                    str(year.year),
                    formats.euro(year.total, lang),
                    formats.euro(year.budget, lang),
                    f"{formats.number(year.share, lang, 1)} %",
                    verdict,
                ),
            )
        )
    return result


def funding_text(plan: Plan, lang: Lang) -> str:
    """What the funding pays: the amount, the rate and how many funding-eligible measures are planned."""
    effect = funding_effect(plan)
    saved, eligible = sum(y.saved for y in effect), sum(y.eligible for y in effect)
    rate = formats.number(plan.profile.funding_rate, lang, 0)
    if not saved:
        return "Förderung: keine eingeplant." if lang == "de" else "Funding: none planned."
    if lang == "de":
        what = "förderfähige Maßnahme" if eligible == 1 else "förderfähige Maßnahmen"
        return f"Förderung: {formats.euro(saved, lang)} bei {rate} % Förderquote für {eligible} {what}."
    what = "eligible measure" if eligible == 1 else "eligible measures"
    return f"Funding: {formats.euro(saved, lang)} at a funding rate of {rate} % for {eligible} {what}."


def corridor_verdicts(plan: Plan, lang: Lang, most: int = 4) -> list[str]:
    """The corridor's verdict per year (and on the budget share), in words; beyond `most` years, the years
    grouped by verdict in one line ('Laufende IT-Kosten: im Korridor 2026–2028; unter dem Korridor 2029').

    Without the existing IT costs (baseline 0: not given) the running share says nothing about the company's
    spending, so no verdict is drawn from it – the page says what is missing instead."""
    notes = corridor_check(plan)
    if plan.profile.baseline_it <= 0:
        missing = (
            "Korridor 1–5 % des Umsatzes: kein Urteil – die bestehenden IT-Kosten sind nicht angegeben."
            if lang == "de"
            else "The 1–5 % corridor: no verdict – the existing IT costs are not given."
        )
        return [note.message(lang) for note in notes if note.year is None] + [missing]
    yearly = [note for note in notes if note.year is not None]
    if len(yearly) <= most:
        return [note.message(lang) for note in notes]
    groups: list[tuple[str, list[int]]] = []
    for note in yearly:
        if groups and groups[-1][0] == note.level:
            groups[-1][1].append(note.year or 0)
        else:
            groups.append((note.level, [note.year or 0]))
    spans = "; ".join(
        f"{LEVEL_TEXT[level](lang)} {years[0]}" + (f"–{years[-1]}" if len(years) > 1 else "") for level, years in groups
    )
    head = (
        "Laufende IT-Kosten gegen den Korridor 1–5 %: "
        if lang == "de"
        else "Running IT costs against the 1–5 % corridor: "
    )
    return [note.message(lang) for note in notes if note.year is None] + [head + spans + "."]


def plan_rows(plan: Plan, lang: Lang) -> list[Row]:
    """Every planned measure in the plan's order (start month, then rank), numbered from 1: title, KPI target,
    owner, period, one-time cost, running cost per year, funding, and its bar cut to the horizon (a running
    commitment may have started before it)."""
    first, last = plan.profile.horizon_start, plan.profile.horizon_end
    rate = plan.profile.funding_rate
    rows: list[Row] = []
    for number, placed in enumerate(plan.planned_in_order, start=1):
        m = plan.measure(placed.measure_id)
        running = formats.euro(m.running_cost, lang) if m.running_cost else "–"
        kpi = " ".join(part for part in (m.kpi.name, m.kpi.target) if part).replace(" %", "\u00a0%")  # '70 %' whole
        funded = formats.euro(m.one_time_cost * rate / 100, lang) if m.funding_eligible and rate else "–"
        rows.append(Row(number, m.title, kpi, m.owner or "–", period(placed.start, placed.end),
                        formats.euro(m.one_time_cost, lang), running, funded,
                        max(first, placed.start), min(last, placed.end), m.field, m.must_have))  # fmt: skip
    return rows


def period(start: Month, end: Month) -> str:
    """'12/26 – 03/27', or one month alone ('12/26')."""
    first = f"{start.month:02d}/{start.year % 100:02d}"
    return first if start == end else f"{first} – {end.month:02d}/{end.year % 100:02d}"


def left_out(plan: Plan, lang: Lang, limit: int = LEFT_OUT) -> tuple[list[tuple[str, str]], str]:
    """The measures not planned, best-ranked first: the first `limit` with their reason, and a line counting
    the rest by reason ('und 12 weitere: Budget 8, Kapazität 4'; '' when none is left)."""
    rank = {r.measure.id: r.rank for r in plan.ranking}
    items = sorted(plan.not_planned.values(), key=lambda item: rank.get(item.measure_id, 0))
    shown = [(plan.measure(item.measure_id).title, item.message(lang)) for item in items[:limit]]
    rest = items[limit:]
    if not rest:
        return shown, ""
    counts: dict[str, int] = {}
    for item in rest:
        words = reason_words(item.code)(lang)
        counts[words] = counts.get(words, 0) + 1
    by_reason = ", ".join(f"{words} {count}" for words, count in sorted(counts.items(), key=lambda p: -p[1]))
    return shown, (f"und {len(rest)} weitere: {by_reason}" if lang == "de" else f"and {len(rest)} more: {by_reason}")


def not_planned_line(plan: Plan, lang: Lang) -> str:
    """'Nicht eingeplant: 3 (Budget 2, fehlende Voraussetzung 1)'."""
    return not_planned_summary(plan)(lang)


def scenario_table(results: Sequence[ScenarioResult], lang: Lang) -> tuple[list[str], list[list[str]]]:
    """The scenarios (at most four, the first ones) in a small table: header, then one row per figure."""
    shown = list(results)[:MAX_SCENARIOS]
    rows = [
        [row.label, *(format_figure(value, row.kind, lang) for value in row.values)]
        for row in figure_rows(shown, lang)
        if row.key in SCENARIO_KEYS
    ]
    return ["", *(r.name for r in shown)], rows
