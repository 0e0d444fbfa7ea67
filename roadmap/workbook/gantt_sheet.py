"""The Gantt sheet: one row per planned measure, one column per month, phases and milestones.

The bars are conditional formats over each row's Start and Ende cells, one rule per field colour:
a month cell is filled when its date lies between the row's start and end and the row belongs to
that field. Editing a date or the field in Excel moves or recolours the bar; writing costs a few
rules instead of a fill per cell (docs/workbook.md).
"""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from roadmap.domain.formats import day
from roadmap.domain.messages import column_letter
from roadmap.domain.vocabulary import FIELDS
from roadmap.planning.phases import milestones, phases
from roadmap.planning.plan import Plan
from roadmap.workbook.names import ROADMAP_COLUMNS, Name
from roadmap.workbook.own_format import field_name
from roadmap.workbook.styles import GREY, Styles, put, put_row

HEADER_ROW = 1  # 0-based: row 1 holds the title and phase bands, row 2 the column headers
FIRST_MONTH_COLUMN = 5
MILESTONE = "◆"
_LEFT = (ROADMAP_COLUMNS[0], ROADMAP_COLUMNS[1], ROADMAP_COLUMNS[2], ROADMAP_COLUMNS[9], ROADMAP_COLUMNS[10])
_WORDS = {
    "milestone": Name("Meilenstein", "Milestone"),
    "finished": Name("abgeschlossen", "finished"),
    "total": Name("insgesamt", "in total"),
    "legend": Name("Legende", "Legend"),
}
# Month names in the workbook's language whatever the reader's locale: 'Mär 26' / 'Mar 26'.
_MONTH_FORMAT = {"de": "[$-407]mmm yy", "en": "[$-809]mmm yy"}
# Ids listed per milestone; a long plan names the first ones and counts the rest.
_LISTED = 40


def write_gantt(sheet: Worksheet, plan: Plan, styles: Styles) -> None:
    """Phase bands, month header, one bar row per planned measure, milestone rows and a legend."""
    months = plan.profile.months
    last_column = FIRST_MONTH_COLUMN + len(months) - 1
    _header(sheet, plan, styles)
    by_id = {m.id: m for m in plan.measures}
    row = HEADER_ROW
    for placement in plan.planned_in_order:
        row += 1
        measure = by_id[placement.measure_id]
        values = [measure.id, measure.title, field_name(measure.field, styles.lang)]
        put_row(sheet, row, values, [None, None, styles.field.get(measure.field)])
        sheet.write_datetime(row, 3, placement.start.first_day, styles.date)
        sheet.write_datetime(row, 4, placement.end.last_day, styles.date)
    if row > HEADER_ROW:
        starts = {FIRST_MONTH_COLUMN + months.index(p.first) for p in phases(plan.profile)}
        _bars(sheet, styles, HEADER_ROW + 1, row, last_column)
        _grid(sheet, styles, (HEADER_ROW + 1, row), last_column, starts)
    row = _milestones(sheet, plan, styles, row + 2)
    _legend(sheet, styles, row + 2)
    for column, width in enumerate((9, 36, 22, 11, 11)):
        sheet.set_column(column, column, width)
    sheet.set_column(FIRST_MONTH_COLUMN, last_column, 6.5)
    sheet.freeze_panes(HEADER_ROW + 1, 2)
    _print_setup(sheet)


def _header(sheet: Worksheet, plan: Plan, styles: Styles) -> None:
    """Title and phase bands in row 1, column names and the months (real dates) in row 2."""
    lang, book, months = styles.lang, styles.book, plan.profile.months
    band = book.add_format({"bold": True, "align": "center", "bg_color": "#EDEDED", "border": 1})
    month_head = book.add_format(
        {"num_format": _MONTH_FORMAT[lang], "bold": True, "align": "center", "bg_color": GREY, "bottom": 1}
    )
    title = " – ".join(filter(None, ["Roadmap", plan.profile.name.strip()]))
    sheet.merge_range(0, 0, 0, FIRST_MONTH_COLUMN - 1, "", styles.title)
    put(sheet, 0, 0, title, styles.title)  # typed by a person: written as text, never as a formula
    for phase in phases(plan.profile):
        first = FIRST_MONTH_COLUMN + months.index(phase.first)
        last = FIRST_MONTH_COLUMN + months.index(phase.last)
        if last > first:
            sheet.merge_range(0, first, 0, last, "", band)
        put(sheet, 0, first, phase.name, band)
    for column, name in enumerate(_LEFT):
        sheet.write_string(HEADER_ROW, column, name(lang), styles.header)
    for offset, month in enumerate(months):
        sheet.write_datetime(HEADER_ROW, FIRST_MONTH_COLUMN + offset, month.first_day, month_head)


def _milestones(sheet: Worksheet, plan: Plan, styles: Styles, row: int) -> int:
    """Per phase end a ◆ in its month and the count finished, the ids wrapped below; the last row used."""
    lang, months = styles.lang, plan.profile.months
    diamond = styles.book.add_format({"bold": True, "align": "center", "font_size": 12})
    for milestone in milestones(plan):
        label = f"{_WORDS['milestone'](lang)} {milestone.phase.name} – {day(milestone.day, lang)}"
        count = (
            f"{len(milestone.finished)} {_WORDS['finished'](lang)}, "
            f"{milestone.finished_by_then} {_WORDS['total'](lang)}"
        )
        put_row(sheet, row, [MILESTONE, label, count], [diamond, styles.bold, None])
        sheet.write_string(row, FIRST_MONTH_COLUMN + months.index(milestone.phase.last), MILESTONE, diamond)
        if milestone.finished:
            # The ids in the wide title column, wrapped: a long list never runs into the month grid.
            shown = list(milestone.finished[:_LISTED])
            if len(milestone.finished) > _LISTED:
                shown.append(f"… (+{len(milestone.finished) - _LISTED})")
            row += 1
            text = ", ".join(shown)
            sheet.write_string(row, 1, text, styles.wrap)
            # Not every program fits the row height to wrapped text: about 32 characters a line.
            sheet.set_row(row, 15 * (len(text) // 32 + 1))
        row += 1
    return row - 1


def _legend(sheet: Worksheet, styles: Styles, row: int) -> None:
    """The colour of each field of action, as on every chart."""
    sheet.write_string(row, 1, _WORDS["legend"](styles.lang), styles.bold)
    for offset, field in enumerate(FIELDS, start=1):
        sheet.write_string(row + offset, 1, field_name(field, styles.lang))
        sheet.write_blank(row + offset, 2, None, styles.bar_cell[field])


def _bars(sheet: Worksheet, styles: Styles, first_row: int, last_row: int, last_column: int) -> None:
    """One conditional format per field colour over the month grid, then grey for any other field."""
    month = f"{column_letter(FIRST_MONTH_COLUMN)}${HEADER_ROW + 1}"
    top = first_row + 1  # Excel's row number of the first bar row: the formula is relative to it
    inside = f"{month}>=$D{top},{month}<=$E{top}"
    for field in FIELDS:
        name = field_name(field, styles.lang)
        sheet.conditional_format(
            first_row,
            FIRST_MONTH_COLUMN,
            last_row,
            last_column,
            {"type": "formula", "criteria": f'=AND($C{top}="{name}",{inside})', "format": styles.bar[field]},
        )
    sheet.conditional_format(
        first_row,
        FIRST_MONTH_COLUMN,
        last_row,
        last_column,
        {"type": "formula", "criteria": f"=AND({inside})", "format": styles.bar[""]},
    )


def _grid(sheet: Worksheet, styles: Styles, rows: tuple[int, int], last_column: int, phase_starts: set[int]) -> None:
    """Light cell borders over the month grid, darker where a phase begins.

    Rules rather than a format per cell: a 3,000-row plan writes no grid cell at all. They come
    after the bars, so a program that applies only the first true rule still shows the bars.
    """
    always = {"type": "formula", "criteria": "=TRUE"}
    for column in sorted(phase_starts):
        sheet.conditional_format(rows[0], column, rows[1], column, {**always, "format": styles.grid_phase})
    sheet.conditional_format(rows[0], FIRST_MONTH_COLUMN, rows[1], last_column, {**always, "format": styles.grid})


def _print_setup(sheet: Worksheet) -> None:
    """Readable on A4 landscape: one page wide, headers and the measure names on every page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, HEADER_ROW)
    sheet.repeat_columns(0, 1)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_footer("&L&A&R&P / &N")
