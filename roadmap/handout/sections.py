"""The handout's parts: the head, the Gantt, the top measures (left), budget, corridor, funding, scenarios (right).

Each part draws from `content` at a given place and says where it ended. The right column flows
onto a second page only when it does not fit on the first (many years, scenarios).
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmap.domain import formats
from roadmap.domain.month import Month
from roadmap.handout import content
from roadmap.handout.document import (
    BOTTOM,
    GREY,
    INK,
    LEFT_W,
    LIGHT,
    MARGIN,
    PAGE_W,
    RIGHT_W,
    RIGHT_X,
    RULE,
    Handout,
    field_color,
)
from roadmap.planning.phases import Milestone
from roadmap.planning.plan import Plan
from roadmap.planning.scenario_compare import ScenarioResult

GANTT_END = 134.0  # the Gantt ends here at the latest; the top measures fill the rest of the left side
LABEL_W = 54.0
ROW_MAX = 4.4


def _t(pdf: Handout, de: str, en: str) -> str:
    return de if pdf.language == "de" else en


class Flow:
    """The right column: blocks one below the other, onto a second page where the first is full."""

    def __init__(self, pdf: Handout, y: float) -> None:
        self.pdf, self.x, self.y, self.width = pdf, RIGHT_X, y, RIGHT_W

    def room(self, height: float) -> None:
        """Make sure `height` millimetres fit below; else continue at the top of a second page."""
        if self.y + height <= BOTTOM - 4:
            return
        self.pdf.add_page()
        self.x, self.y, self.width = MARGIN, MARGIN, LEFT_W


def head(pdf: Handout, facts: content.Facts) -> float:
    """Company, date, planning month and scenario, then the headline figures; returns the y below."""
    pdf.font(18, bold=True)
    pdf.put(MARGIN, MARGIN, 190, 9, facts.company)
    pdf.font(9, color=GREY)
    subtitle = _t(pdf, "Digital-Roadmap – Handout für Geschäftsführung, Bank und Fördergeber",
                  "Digital roadmap – handout for the owner, the bank and the funding body")  # fmt: skip
    pdf.put(MARGIN, MARGIN + 9, 190, 5, subtitle)
    right = PAGE_W - MARGIN - 80
    pdf.font(8.5)
    pdf.put(right, MARGIN + 1, 80, 4.5, _t(pdf, f"Stand: {facts.made_on}", f"As of: {facts.made_on}"), "R")
    pdf.put(right, MARGIN + 5.5, 80, 4.5, _t(pdf, f"Planungsmonat: {facts.planning_month}",
                                             f"Planning month: {facts.planning_month}"), "R")  # fmt: skip
    pdf.put(right, MARGIN + 10, 80, 4.5, _t(pdf, f"Szenario: {facts.scenario}", f"Scenario: {facts.scenario}"), "R")
    y = MARGIN + 16.5
    pdf.set_fill_color(*LIGHT)
    pdf.rect(MARGIN, y, PAGE_W - 2 * MARGIN, 8, style="F")
    figures = (
        (_t(pdf, "Eingeplant", "Planned"), _t(pdf, f"{facts.planned} von {facts.measures} Maßnahmen",
                                               f"{facts.planned} of {facts.measures} measures")),
        (_t(pdf, "Nutzen (Summe der Scores)", "Value (summed score)"), facts.value),
        (_t(pdf, "Kosten im Zeitraum", "Cost over the horizon"), facts.cost),
        (_t(pdf, "Förderung", "Funding"), facts.funding),
    )  # fmt: skip
    width = (PAGE_W - 2 * MARGIN) / len(figures)
    for number, (label, value) in enumerate(figures):
        x = MARGIN + number * width + 2
        pdf.font(6.5, color=GREY)
        pdf.put(x, y + 0.4, width - 4, 3.3, label)
        pdf.font(9.5, bold=True)
        pdf.put(x, y + 3.5, width - 4, 4.3, value)
    return y + 11


def gantt_block(pdf: Handout, plan: Plan, y: float) -> float:
    """Phases as columns, the best-ranked planned measures as bars, milestones at the phase ends."""
    y = pdf.heading(MARGIN, y, LEFT_W, _t(pdf, "Roadmap: Phasen, Maßnahmen und Meilensteine",
                                          "Roadmap: phases, measures and milestones"))  # fmt: skip
    bars = content.bars(plan)
    if not bars:
        pdf.font(8, color=GREY)
        pdf.put(MARGIN, y, LEFT_W, 5, _t(pdf, "Noch keine Maßnahme eingeplant.", "No measure planned yet."))
        return y + 6
    all_phases, marks = content.plan_phases(plan)
    first, months = plan.profile.horizon_start, len(plan.profile.months)
    left, span = MARGIN + LABEL_W, LEFT_W - LABEL_W
    per_month = span / months
    row = min(ROW_MAX, (GANTT_END - y - 16) / len(bars))
    top, rows_end = y + 5, y + 5 + row * len(bars)
    narrow = any((p.last - p.first + 1) * per_month < 9 for p in all_phases)
    for number, phase in enumerate(all_phases):
        x = left + (phase.first - first) * per_month
        width = (phase.last - phase.first + 1) * per_month
        if number % 2 == 0:
            pdf.set_fill_color(*LIGHT)
            pdf.rect(x, y, width, rows_end + 7 - y, style="F")
        if not narrow:
            pdf.font(6.3, bold=True)
            pdf.put(x, y, width, 4.5, phase.name, "C")
    if narrow:  # too many phases to name each: the years instead
        _year_labels(pdf, plan, left, per_month, y)
    pdf.set_draw_color(*INK)
    for number, bar in enumerate(bars):
        line = top + number * row
        pdf.font(min(6.8, row * 1.9))
        pdf.put(MARGIN, line, LABEL_W - 1, row, bar.title)
        pdf.set_fill_color(*field_color(bar.field))
        pdf.set_line_width(0.55 if bar.must_have else 0.15)
        x = left + (bar.start - first) * per_month
        pdf.rect(x, line + row * 0.15, (bar.end - bar.start + 1) * per_month, row * 0.7, style="DF")
    _milestones(pdf, marks, first, left, per_month, rows_end + 1, numbered=not narrow)
    return _gantt_legend(pdf, rows_end + 8, len(bars), len(plan.placements))


def _year_labels(pdf: Handout, plan: Plan, left: float, per_month: float, y: float) -> None:
    """Each year's number above its months, with a thin line where a year begins."""
    months = plan.profile.months
    first = months[0]
    pdf.font(6.3, bold=True)
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.2)
    for year in sorted({m.year for m in months}):
        inside = [m for m in months if m.year == year]
        x = left + (inside[0] - first) * per_month
        pdf.put(x, y, len(inside) * per_month, 4.5, str(year), "C")
        pdf.line(x, y, x, y + 4.5)


def _milestones(pdf: Handout, marks: Sequence[Milestone], first: Month, left: float,
                per_month: float, y: float, numbered: bool = True) -> None:  # fmt: skip
    """A black diamond at each phase end, with the number of measures finished by then (at each year's end
    only, where the phases are too narrow for a number each)."""
    pdf.set_fill_color(*INK)
    pdf.set_line_width(0.1)
    for mark in marks:
        x = left + (mark.phase.last - first + 1) * per_month
        pdf.polygon([(x, y), (x + 1.5, y + 1.5), (x, y + 3), (x - 1.5, y + 1.5)], style="F")
        if numbered or mark.phase.last.month == 12 or mark is marks[-1]:
            pdf.font(5.8)
            pdf.put(x - 6, y + 3, 6, 2.6, str(mark.finished_by_then), "R")


def _gantt_legend(pdf: Handout, y: float, shown: int, planned: int) -> float:
    pdf.font(6.2, color=GREY)
    count = (
        _t(pdf, f"Alle {planned} eingeplanten Maßnahmen.", f"All {planned} planned measures.")
        if shown == planned
        else _t(pdf, f"Die {shown} wichtigsten von {planned} eingeplanten Maßnahmen (alle in der Arbeitsmappe).",
                f"The {shown} most important of {planned} planned measures (all in the workbook).")
    )  # fmt: skip
    legend = _t(
        pdf,
        "◆ Meilenstein am Phasenende (Zahl: bis dahin fertige Maßnahmen) · dicker Rand: Muss · ",
        "◆ milestone at the phase end (number: measures finished by then) · thick outline: must-have · ",
    )
    pdf.put(MARGIN, y, LEFT_W, 3.2, legend + count)
    pdf.set_text_color(*INK)
    return y + 3.5


def measures_block(pdf: Handout, plan: Plan, y: float) -> None:
    """The best-ranked planned measures with owner, period, cost, KPI target and funding."""
    y = pdf.heading(MARGIN, y, LEFT_W, _t(pdf, "Die wichtigsten Maßnahmen", "The most important measures"))
    header = (
        ("#", "Maßnahme", "Verantwortlich", "Zeitraum", "Kosten", "KPI-Ziel", "Förderung")
        if pdf.language == "de"
        else ("#", "Measure", "Owner", "Period", "Cost", "KPI target", "Funding")
    )
    fits = int((BOTTOM - 4 - y) / 4.0) - 1
    rows = content.top_measures(plan, pdf.language, max(0, min(content.TOP_MEASURES, fits)))
    if not rows:
        pdf.font(8, color=GREY)
        pdf.put(MARGIN, y, LEFT_W, 5, _t(pdf, "Noch keine Maßnahme eingeplant.", "No measure planned yet."))
        return
    pdf.grid(MARGIN, y, (6, 52, 24, 23, 29, 27, 15), [header, *rows], aligns="LLLLRLR")


def budget_block(pdf: Handout, plan: Plan, y: float) -> Flow:
    """Each year's cost against its budget and the corridor: a small chart, the table, the verdicts, funding."""
    flow = Flow(pdf, y)
    years = content.years(plan, pdf.language)
    flow.y = pdf.heading(flow.x, flow.y, flow.width, _t(pdf, "Budget je Jahr und Korridor 1–5 % des Umsatzes",
                                                          "Budget per year and the 1–5 % corridor"))  # fmt: skip
    flow.room(40)
    _budget_chart(pdf, years, flow.x, flow.y, flow.width, 30)
    flow.y += 36
    header = ("Jahr", "Kosten", "Budget", "Anteil", "Urteil") if pdf.language == "de" else (
        "Year", "Cost", "Budget", "Share", "Verdict")  # fmt: skip
    flow.room(4 * (len(years) + 1))
    scale = flow.width / 96
    widths = [w * scale for w in (11, 23, 23, 14, 25)]
    flow.y = pdf.grid(flow.x, flow.y, widths, [header, *(y.texts for y in years)], aligns="LRRRL") + 1.5
    pdf.font(6.8)
    for verdict in content.corridor_verdicts(plan, pdf.language):
        flow.room(7)
        pdf.set_xy(flow.x, flow.y)
        pdf.multi_cell(flow.width, 3.1, verdict, align="L")
        flow.y = pdf.get_y() + 0.6
    flow.room(8)
    facts = content.funding_text(plan, pdf.language)
    pdf.font(7.2, bold=True)
    pdf.set_xy(flow.x, flow.y + 0.8)
    pdf.multi_cell(flow.width, 3.4, facts, align="L")
    flow.y = pdf.get_y() + 3
    return flow


def _budget_chart(pdf: Handout, years: Sequence[content.Year], x: float, y: float, width: float, height: float) -> None:
    """Per year: the corridor as a hatched band, the cost as a dark bar, the budget as a thick black tick."""
    if not years:
        return
    top = max(max(v.high, v.total, v.budget) for v in years) * 1.12 or 1.0
    group = width / len(years)

    def at(amount: float) -> float:
        return y + height - amount / top * height

    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.line(x, y + height, x + width, y + height)
    for number, year in enumerate(years):
        gx = x + number * group
        band_top, band_bottom = at(year.high), at(year.low)
        pdf.set_fill_color(232, 244, 230)
        pdf.rect(gx + group * 0.08, band_top, group * 0.84, band_bottom - band_top, style="F")
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.15)
        pdf.set_dash_pattern(dash=0.8, gap=0.8)
        for edge in (band_top, band_bottom):
            pdf.line(gx + group * 0.08, edge, gx + group * 0.92, edge)
        pdf.set_dash_pattern()
        pdf.set_fill_color(90, 90, 90)
        pdf.rect(gx + group * 0.32, at(year.total), group * 0.36, year.total / top * height, style="F")
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.8)
        pdf.line(gx + group * 0.2, at(year.budget), gx + group * 0.8, at(year.budget))
        pdf.font(6)
        pdf.put(gx, y + height + 0.5, group, 3, str(year.year), "C")
        pdf.put(gx, at(year.total) - 3.2, group, 3, formats.euro(year.total, pdf.language), "C")
    pdf.font(5.8, color=GREY)
    pdf.put(x, y + height + 3.2, width, 2.8, _t(pdf, "▮ Kosten   ━ Budget   ┄ Korridor 1–5 % des Umsatzes",
                                                   "▮ cost   ━ budget   ┄ corridor 1–5 % of revenue"))  # fmt: skip
    pdf.set_text_color(*INK)


def scenarios_block(pdf: Handout, results: Sequence[ScenarioResult], flow: Flow) -> None:
    """The scenarios side by side in a small table (at most four)."""
    header, rows = content.scenario_table(results, pdf.language)
    flow.room(8 + 4 * (len(rows) + 1))
    flow.y = pdf.heading(flow.x, flow.y, flow.width, _t(pdf, "Szenarien im Vergleich", "Scenarios compared"))
    label = flow.width * 0.36
    rest = (flow.width - label) / max(1, len(header) - 1)
    widths = [label, *[rest] * (len(header) - 1)]
    flow.y = pdf.grid(flow.x, flow.y, widths, [header, *rows], size=6.6, aligns="L" + "R" * len(header))
