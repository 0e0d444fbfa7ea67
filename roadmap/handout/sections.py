"""The handout's parts: the head, the Gantt, the top measures (left), budget, corridor, funding, scenarios (right).

Each part draws from `content` at a given place and says where it ended. The right column flows
onto a second page only when it does not fit on the first (many years, scenarios).
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmap.domain import formats
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import FIELDS_EN
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

GANTT_END = 118.0  # the Gantt's bars end here at the latest; the plan's table fills the rest of the left side
LABEL_W = 58.0
ROW_MIN = 2.8  # a bar's row; a name that needs more lines makes it taller
LABEL_SIZE, LABEL_LINE = 5.6, 2.2


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
    """Phases as columns named on top, a month axis, the plan's measures as numbered bars (full names, wrapped),
    milestones at the phase ends and a legend of the fields; returns the y below."""
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
    pdf.font(LABEL_SIZE)
    labels = [pdf.lines(f"{bar.number}  {bar.title}", LABEL_W - 1.5) for bar in bars]
    heights = [max(ROW_MIN, len(lines) * LABEL_LINE + 0.8) for lines in labels]
    while len(heights) > 1 and y + 8 + sum(heights) > GANTT_END:
        heights.pop()  # the rest of the plan is in the table below
    bars, labels = bars[: len(heights)], labels[: len(heights)]
    top = y + 8.5
    rows_end = top + sum(heights)
    narrow = any((p.last - p.first + 1) * per_month < 9 for p in all_phases)
    for number, phase in enumerate(all_phases):
        x = left + (phase.first - first) * per_month
        width = (phase.last - phase.first + 1) * per_month
        if number % 2 == 0:
            pdf.set_fill_color(*LIGHT)
            pdf.rect(x, y, width, rows_end + 7 - y, style="F")
        if not narrow:
            pdf.font(6.3, bold=True)
            pdf.put(x, y, width, 4.5, _phase_name(pdf, phase.name, width), "C")
    if narrow:  # too many phases to name each: the years instead
        _year_labels(pdf, plan, left, per_month, y)
    _month_axis(pdf, plan, left, per_month, y + 4.5)
    pdf.set_draw_color(*INK)
    line = top
    for bar, lines, height in zip(bars, labels, heights, strict=True):
        pdf.font(LABEL_SIZE)
        for index, text in enumerate(lines):
            pdf.set_xy(MARGIN, line + (height - len(lines) * LABEL_LINE) / 2 + index * LABEL_LINE)
            pdf.cell(LABEL_W - 1, LABEL_LINE, text)
        pdf.set_fill_color(*field_color(bar.field))
        pdf.set_line_width(0.55 if bar.must_have else 0.15)
        x = left + (bar.start - first) * per_month
        bar_h = min(height, ROW_MIN) * 0.7
        pdf.rect(x, line + (height - bar_h) / 2, (bar.end - bar.start + 1) * per_month, bar_h, style="DF")
        line += height
    _milestones(pdf, marks, first, left, per_month, rows_end + 1, numbered=not narrow)
    return _gantt_legend(pdf, plan, rows_end + 7, len(bars))


def _phase_name(pdf: Handout, name: str, width: float) -> str:
    """The phase's name, or its first part ('Q4' of 'Q4/2027') where the whole does not fit; never cut."""
    for text in (name, name.split("/")[0].split(" – ")[0]):
        if pdf.get_string_width(text) <= width - 0.8:
            return text
    return ""


def _month_axis(pdf: Handout, plan: Plan, left: float, per_month: float, y: float) -> None:
    """Each month under the phases: its short name ('Mär'), where too narrow its number, else its initial."""
    pdf.font(5.4, color=GREY)
    for index, month in enumerate(plan.profile.months):
        name = formats.short_month(month, pdf.language)
        text = name if per_month >= 5.5 else f"{month.month}" if per_month >= 3 else name[0]
        pdf.put(left + index * per_month, y, per_month, 3.2, text, "C")
    pdf.set_text_color(*INK)


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


def _gantt_legend(pdf: Handout, plan: Plan, y: float, shown: int) -> float:
    """The fields' colours, what the marks mean and how many of the plan's measures the bars show."""
    planned = len(plan.placements)
    y = _field_legend(pdf, plan, y)
    pdf.font(6.0, color=GREY)
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
    pdf.set_xy(MARGIN, y)
    pdf.multi_cell(LEFT_W, 2.8, legend + count, align="L")
    pdf.set_text_color(*INK)
    return pdf.get_y() + 0.5


def _field_legend(pdf: Handout, plan: Plan, y: float) -> float:
    """A coloured square and the name of each field of action the bars use."""
    fields = list(dict.fromkeys(plan.measure(p.measure_id).field for p in plan.planned_in_order))
    x = MARGIN
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.1)
    for field in fields:
        name = FIELDS_EN.get(field, field) if pdf.language == "en" else field
        pdf.font(6.0)
        width = pdf.get_string_width(name) + 5
        if x + width > MARGIN + LEFT_W:
            x, y = MARGIN, y + 3.4
        pdf.set_fill_color(*field_color(field))
        pdf.rect(x, y + 0.5, 2.4, 2.2, style="DF")
        pdf.put(x + 3, y, width - 3, 3.2, name)
        x += width + 2
    return y + 3.3


PLAN_WIDTHS = (6.5, 48.0, 33.0, 22.5, 29.5, 24.0, 12.5)


def measures_block(pdf: Handout, plan: Plan, y: float) -> list[Sequence[str]]:
    """Every planned measure numbered in the plan's order; returns the rows that did not fit on this page."""
    rows = content.plan_rows(plan, pdf.language)
    title = _t(pdf, f"Alle eingeplanten Maßnahmen ({len(rows)}), in der Reihenfolge des Plans",
               f"Every planned measure ({len(rows)}), in the order of the plan")  # fmt: skip
    y = pdf.heading(MARGIN, y, LEFT_W, title)
    if not rows:
        pdf.font(8, color=GREY)
        pdf.put(MARGIN, y, LEFT_W, 5, _t(pdf, "Noch keine Maßnahme eingeplant.", "No measure planned yet."))
        return []
    _, rest = pdf.wrapped_table(MARGIN, y, PLAN_WIDTHS, _plan_header(pdf), rows, BOTTOM - 4, aligns="RLLLRLR")
    return rest


def plan_rest_block(pdf: Handout, rows: list[Sequence[str]], y: float) -> None:
    """The rest of the plan's table, on the page after the first (below the right column's rest where it went)."""
    while rows:
        if y + 12 > BOTTOM - 4:
            pdf.add_page()
            y = MARGIN
        y = pdf.heading(
            MARGIN, y, LEFT_W, _t(pdf, "Eingeplante Maßnahmen (Fortsetzung)", "Planned measures (continued)")
        )
        y, rows = pdf.wrapped_table(MARGIN, y, PLAN_WIDTHS, _plan_header(pdf), rows, BOTTOM - 4, aligns="RLLLRLR")
        y = BOTTOM if rows else y + 3


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
        flow.y, rows = pdf.wrapped_table(flow.x, flow.y, widths, _out_header(pdf), rows, BOTTOM - 4, size=6.3)
        flow.y = BOTTOM if rows else flow.y + 3


def _plan_header(pdf: Handout) -> tuple[str, ...]:
    return (
        ("#", "Maßnahme", "Verantwortlich", "Zeitraum", "Kosten", "KPI-Ziel", "Förderung")
        if pdf.language == "de"
        else ("#", "Measure", "Owner", "Period", "Cost", "KPI target", "Funding")
    )


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
        pdf.font(6)
        pdf.put(gx, y + height + 0.5, group, 3, str(year.year), "C")
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
