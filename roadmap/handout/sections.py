"""The handout's parts besides the plan's table (`plan_table`): the head, then in the right column the budget,
the corridor, funding, the scenarios and what is not planned.

Each part draws from `content` at a given place and says where it ended. The right column flows
onto a second page only when it does not fit on the first (many years, scenarios, many left out).
"""

from __future__ import annotations

from collections.abc import Sequence

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
)
from roadmap.planning.plan import Plan
from roadmap.planning.scenario_compare import ScenarioResult


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


def left_out_block(pdf: Handout, plan: Plan, flow: Flow) -> None:
    """The measures not planned with their reasons (the first 20, then counted by reason), in the right column."""
    shown, more = content.left_out(plan, pdf.language)
    rows: list[Sequence[str]] = [*shown, *([(more, "")] if more else [])]
    while rows:
        flow.room(14)
        flow.y = pdf.heading(
            flow.x, flow.y, flow.width, _t(pdf, "Nicht eingeplant – und warum", "Not planned – and why")
        )
        pdf.font(6.6, bold=True)
        pdf.set_xy(flow.x, flow.y)
        pdf.multi_cell(flow.width, 2.9, content.not_planned_line(plan, pdf.language), align="L")
        flow.y = pdf.get_y() + 0.8
        widths = (flow.width * 0.4, flow.width * 0.6)
        flow.y, rows = pdf.wrapped_table(flow.x, flow.y, widths, _out_header(pdf), rows, BOTTOM - 4)
        flow.y = BOTTOM if rows else flow.y + 3


def _out_header(pdf: Handout) -> tuple[str, ...]:
    return ("Nicht eingeplant", "Grund") if pdf.language == "de" else ("Not planned", "Reason")


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
        pdf.font(6.5)
        pdf.put(gx, y + height + 0.5, group, 3, str(year.year), "C")
    pdf.font(6.5, color=GREY)
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
    flow.y, _ = pdf.wrapped_table(
        flow.x, flow.y, widths, header, rows, BOTTOM, size=6.6, aligns="L" + "R" * len(header)
    )
    flow.y += 3
