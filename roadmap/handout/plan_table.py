"""The plan as one table carrying its Gantt (docs/handout.md): one numbered row per planned measure – its name
and KPI target (wrapped, never cut), owner, period, one-time and running cost and funding – with its bar under
the phases and a month axis, the milestones below the rows and a legend of the fields and the marks.

The rows fill the height they are given: the font is the largest of 9.5 … 6.5 pt at which every row fits (and
the names wrap into few more lines than at 6.5 pt), and the room left over is shared among the rows (none taller
than 16 mm for it). Only where even 6.5 pt does not fit do the last rows go on on the next page, under the same
phases and months, and the footer numbers the pages ('Seite 1/2').
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from roadmap.domain import formats
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import FIELDS_EN
from roadmap.handout import content
from roadmap.handout.document import GREY, INK, LIGHT, MARGIN, Handout, field_color, words
from roadmap.planning.phases import Milestone, Phase
from roadmap.planning.plan import Plan

SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5)  # the table's font, the largest at which every row fits
SMALL = 6.5  # the axis, the headers, the legend: never smaller
TEXT_W = 129.5  # number, measure (and KPI), owner, period, one-time and running cost, funding; the Gantt the rest
HEAD_H = 7.6  # the phases' names, then the columns' names and the month axis
MARKS_H = 4.0  # the milestones below the rows
PAD = 0.35  # above and below a row's text at the least
LEADING = 1.1  # a line's height for its font size
ROW_MOST = 16.0  # the room left over makes a row this tall at most
CELL_MARGIN = 0.4  # left and right of a cell's text
GAP = 1.5  # between the text columns and the Gantt
RULE_ROW = (214, 214, 214)


@dataclass(frozen=True)
class Layout:
    """The rows one page shows: their font size, line height and each row's height."""

    size: float
    line: float
    widths: tuple[float, ...]
    heights: tuple[float, ...]


def _t(pdf: Handout, de: str, en: str) -> str:
    return de if pdf.language == "de" else en


def plan_block(pdf: Handout, plan: Plan, x: float, y: float, width: float, bottom: float) -> list[content.Row]:
    """The plan's table with its Gantt from `y` down to `bottom` at most; returns the rows for the next page."""
    rows = content.plan_rows(plan, pdf.language)
    title = _t(pdf, f"Roadmap: alle eingeplanten Maßnahmen ({len(rows)}) in der Reihenfolge des Plans",
               f"Roadmap: Every planned measure ({len(rows)}) in the order of the plan")  # fmt: skip
    y = pdf.heading(x, y, width, title)
    if not rows:
        pdf.font(8, color=GREY)
        pdf.put(x, y, width, 5, _t(pdf, "Noch keine Maßnahme eingeplant.", "No measure planned yet."))
        return []
    legend = _legend(pdf, plan, x, 0, width, len(rows), len(rows), draw=False)
    margin, pdf.c_margin = pdf.c_margin, CELL_MARGIN
    layout = _layout(pdf, rows, y + HEAD_H, bottom - MARKS_H - legend, spread=True)
    shown = len(layout.heights)
    end = _table(pdf, plan, rows[:shown], layout, x, y, width)
    pdf.c_margin = margin
    _legend(pdf, plan, x, end + MARKS_H + 0.6, width, shown, len(rows))
    return rows[shown:]


def plan_rest_block(pdf: Handout, plan: Plan, rows: list[content.Row], y: float, bottom: float) -> None:
    """The rows that did not fit on the first page, across the whole width of the next pages, in 6.5 pt."""
    width, margin, pdf.c_margin = pdf.w - 2 * MARGIN, pdf.c_margin, CELL_MARGIN
    while rows:
        if y + 30 > bottom:
            pdf.add_page()
            y = MARGIN
        y = pdf.heading(MARGIN, y, width, _t(pdf, "Roadmap (Fortsetzung)", "Roadmap (continued)"))
        layout = _layout(pdf, rows, y + HEAD_H, bottom - MARKS_H, spread=False, sizes=(SMALL,))
        shown = len(layout.heights)
        _table(pdf, plan, rows[:shown], layout, MARGIN, y, width)
        rows = rows[shown:]
        y = bottom
    pdf.c_margin = margin


def _layout(pdf: Handout, rows: Sequence[content.Row], top: float, bottom: float, spread: bool,
            sizes: Sequence[float] = SIZES) -> Layout:  # fmt: skip
    """The largest size at which every row fits between `top` and `bottom` and the names wrap into no more than a
    quarter more lines than in the smallest (else the smallest and the rows that fit, one at least); the room
    left over shared among the rows where `spread`, none taller than ROW_MOST for it."""
    room = bottom - top
    chosen = _rows_at(pdf, rows, sizes[-1], room, squeeze=True)
    least = sum(chosen.heights) / chosen.line
    for size in sorted(sizes[:-1]) if len(chosen.heights) == len(rows) else ():
        larger = _rows_at(pdf, rows, size, room)
        if len(larger.heights) < len(rows) or sum(larger.heights) / larger.line > least * 1.25:
            break
        chosen = larger
    while len(chosen.heights) > 1 and sum(chosen.heights) > room:
        chosen = dataclasses.replace(chosen, heights=chosen.heights[:-1])
    if not spread:
        return chosen
    extra = (room - sum(chosen.heights)) / len(chosen.heights)
    return dataclasses.replace(chosen, heights=tuple(max(h, min(h + extra, ROW_MOST)) for h in chosen.heights))


def _rows_at(pdf: Handout, rows: Sequence[content.Row], size: float, room: float, squeeze: bool = False) -> Layout:
    """The rows' heights at `size`, as far as they fit into `room` (and one more: the first that does not); none
    where a word is wider than its column can be, unless `squeeze` (then that word breaks)."""
    line = size * 0.3528 * LEADING
    widths = _widths(pdf, rows, size) or (_squeezed(pdf, rows, size) if squeeze else None)
    if widths is None:
        return Layout(size, line, (), ())
    heights: list[float] = []
    for row in rows:
        heights.append(max(len(cell) for cell in _cells(pdf, row, size, widths)) * line + 2 * PAD)
        if sum(heights) > room:
            break
    return Layout(size, line, widths, tuple(heights))


def _widths(pdf: Handout, rows: Sequence[content.Row], size: float) -> tuple[float, ...] | None:
    """The text columns' widths at `size`: number, period, costs and funding as wide as their widest text or
    name; the measure and its owner share the rest 64 : 36 (the owner no wider than its widest name), each at
    least as wide as its longest word, so that a name wraps between words, never inside one (None where the
    size leaves no such widths)."""
    number, period, one_time, running, funding = _figures(pdf, rows, size)
    rest = TEXT_W - number - period - one_time - running - funding
    title = _widest(pdf, size, [word for row in rows for word in words(f"{row.title} KPI: {row.kpi}")])
    owner = max(_widest(pdf, size, [word for row in rows for word in words(row.owner)]),
                min(rest * 0.36, _widest(pdf, size, [row.owner for row in rows], _names(pdf)[2]) + 1.0))  # fmt: skip
    if title + owner > rest:
        return None
    return number, rest - owner, owner, period, one_time, running, funding


def _squeezed(pdf: Handout, rows: Sequence[content.Row], size: float) -> tuple[float, ...]:
    """Widths where a word is longer than its column can be (a 60-character word): the measure and its owner
    share the rest 64 : 36, and that word breaks."""
    number, period, one_time, running, funding = _figures(pdf, rows, size)
    rest = TEXT_W - number - period - one_time - running - funding
    return number, rest * 0.64, rest * 0.36, period, one_time, running, funding


def _figures(pdf: Handout, rows: Sequence[content.Row], size: float) -> tuple[float, float, float, float, float]:
    """The widths of the number, the period, the costs and the funding: their widest text or column name."""
    names = _names(pdf)
    return (
        _widest(pdf, size, [str(rows[-1].number)], names[0]) + 0.6,
        _widest(pdf, size, [row.period for row in rows], names[3]),
        _widest(pdf, size, [row.one_time for row in rows], names[4]),
        _widest(pdf, size, [row.running for row in rows], names[5]),
        _widest(pdf, size, [row.funding for row in rows], names[6]),
    )


def _widest(pdf: Handout, size: float, texts: Sequence[str], name: str = "") -> float:
    """The width a column needs for the widest of `texts` at `size` (bold, to be safe) and its `name`."""
    pdf.font(SMALL, bold=True)
    header = pdf.get_string_width(name)
    pdf.font(size, bold=True)
    return max(header, *(pdf.get_string_width(text) for text in texts)) + 2 * CELL_MARGIN + 1.0


def _cells(pdf: Handout, row: content.Row, size: float, widths: Sequence[float]) -> list[list[tuple[str, bool]]]:
    """Each cell's lines, wrapped in its column (never cut), each with whether it is a KPI line (grey)."""
    pdf.font(size)
    texts = (row.title, row.owner, row.period, row.one_time, row.running, row.funding)
    cells = [[(str(row.number), False)]]  # a number is never broken
    cells += [[(line, False) for line in pdf.lines(text, width)] for text, width in zip(texts, widths[1:], strict=True)]
    if row.kpi:
        cells[1] += [(line, True) for line in pdf.lines(f"KPI: {row.kpi}", widths[1])]
    return cells


def _table(pdf: Handout, plan: Plan, rows: Sequence[content.Row], layout: Layout, x: float, y: float,
           width: float) -> float:  # fmt: skip
    """The header, the phases and months, then the rows with their bars; returns the y below the rows."""
    first, months = plan.profile.horizon_start, len(plan.profile.months)
    left = x + TEXT_W + GAP
    per_month = (x + width - left) / months
    end = y + HEAD_H + sum(layout.heights)
    all_phases, marks = content.plan_phases(plan)
    _phases(pdf, plan, all_phases, left, per_month, y, end + MARKS_H)
    _column_names(pdf, x, y + 3.8, layout.widths)
    _month_axis(pdf, plan, left, per_month, y + 3.8)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.2)
    pdf.line(x, y + HEAD_H, x + width, y + HEAD_H)
    line = y + HEAD_H
    for row, height in zip(rows, layout.heights, strict=True):
        _row(pdf, row, layout, x, line, height)
        _bar(pdf, row, left + (row.start - first) * per_month, (row.end - row.start + 1) * per_month,
             line, height, layout.line)  # fmt: skip
        line += height
        pdf.set_draw_color(*RULE_ROW)
        pdf.set_line_width(0.12)
        pdf.line(x, line, x + width, line)
    _milestones(pdf, marks, first, left, per_month, end + 0.5, numbered=not _narrow(all_phases, per_month))
    return end


def _row(pdf: Handout, row: content.Row, layout: Layout, x: float, y: float, height: float) -> None:
    """The row's cells, their lines centred in the row's height; the number bold, KPI lines grey."""
    cells = _cells(pdf, row, layout.size, layout.widths)
    left = x
    for column, (cell, width) in enumerate(zip(cells, layout.widths, strict=True)):
        top = y + (height - len(cell) * layout.line) / 2
        for index, (text, kpi) in enumerate(cell):
            pdf.font(layout.size, bold=column == 0, color=GREY if kpi else INK)
            pdf.set_xy(left, top + index * layout.line)
            pdf.cell(width, layout.line, text, align="R" if column in (0, 4, 5, 6) else "L")
        left += width
    pdf.set_text_color(*INK)


def _bar(pdf: Handout, row: content.Row, x: float, width: float, y: float, height: float, line: float) -> None:
    """The measure's bar in its field's colour, a thick black outline for a must-have."""
    pdf.set_draw_color(*INK)
    pdf.set_fill_color(*field_color(row.field))
    pdf.set_line_width(0.55 if row.must_have else 0.15)
    bar_h = min(height - 1.0, line * 1.05)
    pdf.rect(x, y + (height - bar_h) / 2, width, bar_h, style="DF")


def _names(pdf: Handout) -> tuple[str, ...]:
    return (
        ("#", "Maßnahme", "Verantwortlich", "Zeitraum", "einmalig", "je Jahr", "Förderung")
        if pdf.language == "de"
        else ("#", "Measure", "Owner", "Period", "one-time", "per year", "Funding")
    )


def _column_names(pdf: Handout, x: float, y: float, widths: Sequence[float]) -> None:
    """The columns' names, 'Kosten' above the one-time and the running cost."""
    pdf.font(SMALL, bold=True)
    pdf.put(x + sum(widths[:4]), y - 3.8, widths[4] + widths[5], 3.6, _t(pdf, "Kosten", "Cost"), "C")
    for column, (name, width) in enumerate(zip(_names(pdf), widths, strict=True)):
        pdf.put(x, y, width, 3.4, name, "R" if column in (0, 4, 5, 6) else "L")
        x += width


def _phases(pdf: Handout, plan: Plan, all_phases: Sequence[Phase], left: float, per_month: float, y: float,
            bottom: float) -> None:  # fmt: skip
    """Phases as alternating light and white columns down to `bottom`, named on top (years where too narrow)."""
    first = plan.profile.horizon_start
    narrow = _narrow(all_phases, per_month)
    for number, phase in enumerate(all_phases):
        x = left + (phase.first - first) * per_month
        width = (phase.last - phase.first + 1) * per_month
        if number % 2 == 0:
            pdf.set_fill_color(*LIGHT)
            pdf.rect(x, y, width, bottom - y, style="F")
        if not narrow:
            pdf.font(SMALL, bold=True)
            pdf.put(x, y, width, 3.6, _phase_name(pdf, phase.name, width), "C")
    if narrow:
        _year_labels(pdf, plan, left, per_month, y)


def _narrow(all_phases: Sequence[Phase], per_month: float) -> bool:
    """Whether the phases are too narrow to be named (a short first or last phase of a month or two aside)."""
    return any((p.last - p.first + 1) * per_month < 9 for p in all_phases if p.last - p.first >= 2)


def _phase_name(pdf: Handout, name: str, width: float) -> str:
    """The phase's name, or its first part ('Q4' of 'Q4/2027') where the whole does not fit; never cut."""
    for text in (name, name.split("/")[0].split(" – ")[0]):
        if pdf.get_string_width(text) <= width - 0.8:
            return text
    return ""


def _month_axis(pdf: Handout, plan: Plan, left: float, per_month: float, y: float) -> None:
    """Each month under the phases: its short name ('Mär'), where too narrow its number, else its initial, else
    nothing (the years above say where each begins)."""
    pdf.font(SMALL, color=GREY)
    for index, month in enumerate(plan.profile.months):
        name = formats.short_month(month, pdf.language)
        fitting = [
            text
            for text in (name, name[:3], str(month.month), name[0])
            if pdf.get_string_width(text) <= per_month - 0.3
        ]
        if fitting:
            pdf.set_xy(left + index * per_month, y)
            pdf.cell(per_month, 3.4, fitting[0], align="C")
    pdf.set_text_color(*INK)


def _year_labels(pdf: Handout, plan: Plan, left: float, per_month: float, y: float) -> None:
    """Each year's number above its months, with a thin line where a year begins."""
    months = plan.profile.months
    first = months[0]
    pdf.font(SMALL, bold=True)
    pdf.set_draw_color(*GREY)
    pdf.set_line_width(0.2)
    for year in sorted({m.year for m in months}):
        inside = [m for m in months if m.year == year]
        x = left + (inside[0] - first) * per_month
        if pdf.get_string_width(str(year)) <= len(inside) * per_month - 0.6:
            pdf.put(x, y, len(inside) * per_month, 3.6, str(year), "C")
        pdf.line(x, y, x, y + HEAD_H)


def _milestones(pdf: Handout, marks: Sequence[Milestone], first: Month, left: float,
                per_month: float, y: float, numbered: bool = True) -> None:  # fmt: skip
    """A black diamond at each phase end with the number of measures finished by then on its left (at each
    year's end only, where the phases are too narrow for a number each)."""
    pdf.set_fill_color(*INK)
    for mark in marks:
        x = left + (mark.phase.last - first + 1) * per_month
        pdf.polygon([(x, y), (x + 1.4, y + 1.4), (x, y + 2.8), (x - 1.4, y + 1.4)], style="F")
        if numbered or mark.phase.last.month == 12 or mark is marks[-1]:
            pdf.font(SMALL)
            pdf.put(x - 7.2, y - 0.2, 5.8, 3.2, str(mark.finished_by_then), "R")


def _legend(pdf: Handout, plan: Plan, x: float, y: float, width: float, shown: int, planned: int,
            draw: bool = True) -> float:  # fmt: skip
    """The fields' colours, what the marks mean and which of the plan's measures this page shows; returns its
    height (drawn only where `draw`)."""
    fields = list(dict.fromkeys(plan.measure(p.measure_id).field for p in plan.planned_in_order))
    pdf.font(SMALL)
    left, top = x, y
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.1)
    for field in fields:
        name = FIELDS_EN.get(field, field) if pdf.language == "en" else field
        box = pdf.get_string_width(name) + 5
        if left + box > x + width:
            left, top = x, top + 3.3
        if draw:
            pdf.set_fill_color(*field_color(field))
            pdf.rect(left, top + 0.5, 2.4, 2.2, style="DF")
            pdf.put(left + 3, top, box - 3, 3.2, name)
        left += box + 2
    count = (
        _t(pdf, f"Alle {planned} eingeplanten Maßnahmen.", f"All {planned} planned measures.")
        if shown == planned
        else _t(pdf, f"Maßnahmen 1–{shown} von {planned}, die übrigen auf der nächsten Seite.",
                f"Measures 1–{shown} of {planned}, the rest on the next page.")
    )  # fmt: skip
    marks = _t(
        pdf,
        "◆ Meilenstein am Phasenende (Zahl: bis dahin fertige Maßnahmen) · dicker Rand: Muss · ",
        "◆ milestone at the phase end (number: measures finished by then) · thick outline: must-have · ",
    )
    pdf.font(SMALL, color=GREY)
    lines = pdf.lines(marks + count, width)
    if draw:
        pdf.set_xy(x, top + 3.4)
        pdf.multi_cell(width, 2.9, marks + count, align="L")
    pdf.set_text_color(*INK)
    return top - y + 3.4 + len(lines) * 2.9
