"""What the cost charts of the Budget page show, as rows (docs/planning.md, rule 3 and the corridor).

Every amount comes from roadmap.planning.budget; here it is only labelled, in the session's language, and
formatted. roadmap/charts/budget_chart.py draws the rows; the Budget page's table of fields reads
field_cost_rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from roadmap.charts.style import field_name
from roadmap.domain import formats
from roadmap.domain.profile import MONEY_TOLERANCE
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS
from roadmap.planning.budget import CORRIDOR_HIGH, CORRIDOR_LOW, PeriodCost, period_costs
from roadmap.planning.plan import Plan

BASELINE, RUNNING, ONE_TIME = "baseline", "running", "one_time"

Period = tuple[int, int]  # (year, 0) for a year, (year, quarter) for a quarter


def percent(value: float, lang: str) -> str:
    """A corridor bound as written: '1', '5', or '2,5' / '2.5'."""
    return formats.number(value, lang, 0 if float(value).is_integer() else 1)


def chart_texts(lang: str) -> dict[str, str]:
    """The chart's titles, legends and tooltips in the language; the corridor bounds come from planning."""
    low, high = percent(CORRIDOR_LOW, lang), percent(CORRIDOR_HIGH, lang)
    if lang == "en":
        return {
            "year_title": "IT costs per year against budget and corridor",
            "quarter_title": "IT costs per quarter against budget and corridor",
            "subtitle": "Grey: existing IT costs · full colour: new running costs · light: one-time costs "
            "after funding",
            "year": "Year",
            "quarter": "Quarter",
            "y": "Cost (€)",
            BASELINE: "Existing IT costs",
            RUNNING: "Running costs",
            ONE_TIME: "One-time costs (after funding)",
            "field": "Field of action",
            "kind": "Type of cost",
            "amount": "Amount",
            "period": "Period",
            "total": "Total",
            "budget": "Budget",
            "budget_pro_rata": "Budget (share of the year's budget)",
            "corridor": f"Usual range: {low}–{high} % of revenue",
            "low": f"{low} % of revenue",
            "high": f"{high} % of revenue",
            "legend_lines": "Budget and corridor",
        }
    return {
        "year_title": "IT-Kosten pro Jahr gegen Budget und Korridor",
        "quarter_title": "IT-Kosten pro Quartal gegen Budget und Korridor",
        "subtitle": "Grau: bestehende IT-Kosten · kräftige Farbe: neue laufende Kosten · hell: Einmalkosten "
        "nach Förderung",
        "year": "Jahr",
        "quarter": "Quartal",
        "y": "Kosten (€)",
        BASELINE: "Bestehende IT-Kosten",
        RUNNING: "Laufende Kosten",
        ONE_TIME: "Einmalkosten (nach Förderung)",
        "field": "Handlungsfeld",
        "kind": "Kostenart",
        "amount": "Betrag",
        "period": "Zeitraum",
        "total": "Gesamt",
        "budget": "Budget",
        "budget_pro_rata": "Budget (anteilig vom Jahresbudget)",
        "corridor": f"Üblicher Bereich: {low}–{high} % vom Umsatz",
        "low": f"{low} % vom Umsatz",
        "high": f"{high} % vom Umsatz",
        "legend_lines": "Budget und Korridor",
    }


def period_label(period: Period, lang: str) -> str:
    """'2026', or 'Q1/2026' (German) / 'Q1 2026' (English)."""
    year, quarter = period
    if not quarter:
        return str(year)
    return f"Q{quarter} {year}" if lang == "en" else f"Q{quarter}/{year}"


# Data rows: every amount comes from roadmap.planning.budget; here it is only labelled and formatted.


def _segments(period: PeriodCost) -> list[tuple[str, str, float, int]]:
    """A period's stacked pieces (kind, field, amount, stack order): baseline, running, one-time per field."""
    segments = [(BASELINE, "", period.baseline, 0)]
    for kind, amounts, offset in ((RUNNING, period.running, 1), (ONE_TIME, period.one_time, 1 + len(FIELDS))):
        segments += [(kind, f, amounts.get(f, 0.0), offset + i) for i, f in enumerate(FIELDS)]
    return [segment for segment in segments if segment[2] > MONEY_TOLERANCE]


def _cost_rows(periods: list[PeriodCost], lang: str) -> list[dict[str, Any]]:
    """Stacked segments: baseline, running per field, one-time per field, per period of the horizon."""
    texts = chart_texts(lang)
    rows: list[dict[str, Any]] = []
    for index, period in enumerate(periods):
        label = period_label((period.year, period.quarter), lang)
        for kind, field, amount, order in _segments(period):
            rows.append(
                {
                    "period": label,
                    "period_index": index,
                    "kind": kind,
                    "kind_label": texts[kind],
                    # Existing IT costs are running costs too: they share the full shade.
                    "shade": texts[ONE_TIME if kind == ONE_TIME else RUNNING],
                    "field": field,
                    "group": field_name(field, lang) if field else texts[BASELINE],
                    "amount": round(amount, 2),
                    "amount_text": formats.euro(amount, lang),
                    "order": order,
                }
            )
    return rows


def _budget_rows(periods: list[PeriodCost], lang: str, *, quarterly: bool) -> list[dict[str, Any]]:
    """Per period: total cost, the budget and the corridor (1 % and 5 % of the period's revenue)."""
    texts = chart_texts(lang)
    rows = []
    # The corridor's bounds are named in the period where the band is widest (a short first year, e.g. one
    # month, has a band so narrow that '1 %', '5 %' and its total would print over each other).
    widest = max(range(len(periods)), key=lambda i: periods[i].corridor[1] - periods[i].corridor[0], default=0)
    for index, period in enumerate(periods):
        total, budget = period.total, period.budget
        low, high = period.corridor
        rows.append(
            {
                "period": period_label((period.year, period.quarter), lang),
                "period_index": index,
                "names_bounds": index == widest,
                "months": period.months,
                "total": round(total, 2),
                "total_text": formats.euro(total, lang),
                "budget": round(budget, 2),
                "budget_text": formats.euro(budget, lang),
                "over_budget": period.over_budget,
                "low": round(low, 2),
                "high": round(high, 2),
                "low_text": formats.euro(low, lang),
                "high_text": formats.euro(high, lang),
                "label_at": max(total, budget),
                "budget_name": texts["budget_pro_rata" if quarterly else "budget"],
                "corridor": texts["corridor"],
            }
        )
    return rows


def year_cost_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The yearly chart's stacked segments: one row per year, kind of cost and field (amount > 0)."""
    return _cost_rows(period_costs(plan), lang)


def year_budget_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The yearly chart's totals, budgets and corridors: one row per calendar year of the horizon."""
    return _budget_rows(period_costs(plan), lang, quarterly=False)


def quarter_cost_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The quarterly chart's stacked segments: one row per quarter, kind of cost and field (amount > 0)."""
    return _cost_rows(period_costs(plan, quarterly=True), lang)


def quarter_budget_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The quarterly chart's totals, pro-rata budgets and corridors: one row per quarter of the horizon."""
    return _budget_rows(period_costs(plan, quarterly=True), lang, quarterly=True)


def field_cost_rows(plan: Plan, lang: str) -> list[dict[str, Any]]:
    """The cost of each field of action inside the horizon: one-time (after funding), running, total."""
    one_time: dict[str, float] = defaultdict(float)
    running: dict[str, float] = defaultdict(float)
    for period in period_costs(plan):
        for field in FIELDS:
            one_time[field] += period.one_time.get(field, 0.0)
            running[field] += period.running.get(field, 0.0)
    planned: dict[str, int] = defaultdict(int)
    for measure_id in plan.placements:
        planned[plan.measure(measure_id).field] += 1
    return [
        {
            "field": field_name(field, lang),
            "color": FIELD_COLORS[field],
            "planned": planned[field],
            "one_time": round(one_time[field], 2),
            "running": round(running[field], 2),
            "total": round(one_time[field] + running[field], 2),
        }
        for field in FIELDS
    ]
