"""The Budget, Priorisierung, Profil and Maßnahmen sheets of the roadmap workbook.

The Budget sheet computes with Excel formulas over cells (revenue and budget share on the Profil
sheet, the months of each year in a helper column), so figures edited in Excel or LibreOffice
carry through; each formula is stored with its value for programs that do not calculate.
"""

from __future__ import annotations

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from roadmap.domain.profile import MONEY_TOLERANCE
from roadmap.domain.vocabulary import FIELDS, FIELDS_EN, STATUSES_EN, Status
from roadmap.planning.budget import yearly_costs
from roadmap.planning.plan import Plan
from roadmap.planning.ranking import QUADRANTS_EN
from roadmap.workbook.names import (
    BUDGET_COLUMNS,
    CRITERION_PREFIX,
    MEASURE_COLUMNS,
    NO,
    PROFILE_HEADER,
    PROFILE_KEYS,
    ROADMAP_COLUMNS,
    SHEET_PROFILE,
    YES,
    Name,
)
from roadmap.workbook.own_format import (
    MONTH_KEYS,
    criteria_names,
    field_name,
    measure_rows,
    profile_cell,
    profile_rows,
    yes_no,
)
from roadmap.workbook.styles import Styles, header_row, print_landscape, put, put_row

BUDGET_HELPERS = (
    Name("Monate im Zeitraum", "Months in horizon"),
    Name("Umsatz anteilig (€)", "Revenue pro rata (€)"),
    Name("Jahresumsatz (€)", "Annual revenue (€)"),
)
WITHIN_BUDGET = Name("im Budget", "within budget")
OVER_BUDGET = Name("über Budget", "over budget")
_ROADMAP = dict(
    zip(
        ("id", "title", "field", "value", "effort", "score", "rank", "quadrant"),
        ROADMAP_COLUMNS[:8],
        strict=True,
    )
)


def write_budget(sheet: Worksheet, plan: Plan, styles: Styles) -> None:
    """One row per calendar year: costs as numbers; budget, total, shares and status as formulas."""
    lang = styles.lang
    names = [name(lang) for name in (*BUDGET_COLUMNS, *BUDGET_HELPERS)]
    header_row(sheet, names, styles, (8, 16, 18, 20, 14, 14, 12, 12, 14, 12, 18, 18))
    profile_sheet = SHEET_PROFILE(lang)
    revenue = profile_cell("revenue", profile_sheet)
    share = profile_cell("budget_share", profile_sheet)
    for index, year in enumerate(yearly_costs(plan), start=1):
        row = index + 1  # the Excel row number, used inside the formulas
        put_row(sheet, index, [year.year, year.one_time, year.running, year.baseline], [None] + [styles.money] * 3)
        formulas = (
            (f"=B{row}+C{row}+D{row}", year.total, styles.money_bold),
            (f"={share}/100*L{row}*J{row}/12", year.budget, styles.money),
            (f"=IF(K{row}>0,E{row}/K{row}*100,0)", year.share, styles.share),
            (f"=IF(K{row}>0,(C{row}+D{row})/K{row}*100,0)", year.running_share, styles.share),
            (
                f'=IF(E{row}>F{row}+{MONEY_TOLERANCE},"{OVER_BUDGET(lang)}","{WITHIN_BUDGET(lang)}")',
                (OVER_BUDGET if year.over_budget else WITHIN_BUDGET)(lang),
                None,
            ),
        )
        for column, (formula, value, style) in enumerate(formulas, start=4):
            sheet.write_formula(index, column, formula, style, value)
        put(sheet, index, 9, year.months)
        sheet.write_formula(index, 10, f"=L{row}*J{row}/12", styles.money, year.revenue)
        # The year's annual revenue: its own figure where one is given (growth), else the Profil cell.
        if year.year in plan.profile.revenue_by_year:
            put(sheet, index, 11, float(plan.profile.revenue_by_year[year.year]), styles.money)
        else:
            sheet.write_formula(index, 11, f"={revenue}", styles.money, float(plan.profile.revenue))
    print_landscape(sheet)


def write_ranking(sheet: Worksheet, plan: Plan, styles: Styles) -> None:
    """The ranking: rank, scores, quadrant, votes, flags and one column per criterion score."""
    lang = styles.lang
    criteria = criteria_names(plan.profile, plan.measures)
    keys = ("rank", "id", "title", "field", "value", "effort", "score", "quadrant")
    names = [_ROADMAP[key](lang) for key in keys]
    names += [MEASURE_COLUMNS[key](lang) for key in ("votes", "must_have", "excluded")]
    names += [CRITERION_PREFIX(lang) + name for name in criteria]
    widths = [6, 9, 40, 26, 8, 8, 7, 20, 8, 8, 13] + [14] * len(criteria)
    formats: list[Format | None] = [None] * len(names)
    formats[6] = styles.score
    header_row(sheet, names, styles, widths, formats)
    for index, entry in enumerate(plan.ranking, start=1):
        measure = entry.measure
        quadrant = QUADRANTS_EN.get(entry.quadrant, entry.quadrant) if lang == "en" else entry.quadrant
        values = [
            entry.rank,
            measure.id,
            measure.title,
            field_name(measure.field, lang),
            entry.value,
            entry.effort,
            entry.score,
            quadrant,
            measure.votes,
            yes_no(measure.must_have, lang),
            yes_no(measure.excluded, lang),
            *(measure.criteria.get(name) for name in criteria),
        ]
        formats[3] = styles.field.get(measure.field)
        put_row(sheet, index, values, formats)
    sheet.autofilter(0, 0, len(plan.ranking), len(names) - 1)
    sheet.freeze_panes(1, 3)
    print_landscape(sheet)


def write_profile(sheet: Worksheet, plan: Plan, styles: Styles) -> None:
    """Key/value rows of the profile; the Budget formulas refer to its value cells."""
    lang = styles.lang
    profile = plan.profile
    if plan.mode != profile.mode:
        # The workbook records how this plan was made, so importing it plans the same way.
        profile = profile.with_changes(mode=plan.mode)
    header_row(sheet, [name(lang) for name in PROFILE_HEADER], styles, (34, 50))
    money = {"revenue", "baseline_it"}
    months = {"horizon_start", "horizon_end", "as_of"}
    for index, (key, values) in enumerate(zip(PROFILE_KEYS, profile_rows(profile, lang), strict=True), start=1):
        style = styles.money if key in money else styles.month if key in months else styles.left
        put_row(sheet, index, values, [styles.bold, style])
    print_landscape(sheet)


def write_measures(sheet: Worksheet, plan: Plan, styles: Styles) -> None:
    """Every field of every measure (roadmap/workbook/own_format.py): importing it restores the workshop."""
    lang = styles.lang
    criteria = criteria_names(plan.profile, plan.measures)
    header, rows = measure_rows(plan.measures, criteria, lang)
    keys = list(MEASURE_COLUMNS)
    widths = {
        "id": 9,
        "title": 40,
        "description": 40,
        "field": 26,
        "depends_on": 16,
        "notes": 40,
        "owner": 18,
    }
    formats: list[Format | None] = [None] * len(header)
    for key in ("one_time_cost", "running_cost", "actual_cost"):
        formats[keys.index(key)] = styles.money
    for key in MONTH_KEYS:
        formats[keys.index(key)] = styles.month
    formats[keys.index("kpi_measured_on")] = styles.date
    header_row(sheet, header, styles, [widths.get(key, 13) for key in keys] + [14] * len(criteria), formats)
    field_column = keys.index("field")
    for index, (measure, values) in enumerate(zip(plan.measures, rows, strict=True), start=1):
        formats[field_column] = styles.field.get(measure.field)
        put_row(sheet, index, values, formats)
    last_row = max(len(rows), 1) + 500  # room for rows a person adds in Excel
    choices = {
        "field": [FIELDS_EN[f] for f in FIELDS] if lang == "en" else list(FIELDS),
        "status": [STATUSES_EN[s] if lang == "en" else s.value for s in Status],
        **{key: [YES(lang), NO(lang)] for key in ("funding_eligible", "must_have", "excluded")},
    }
    for key, allowed in choices.items():
        column = keys.index(key)
        sheet.data_validation(
            1, column, last_row, column, {"validate": "list", "source": allowed, "error_type": "warning"}
        )
    sheet.autofilter(0, 0, len(rows), len(header) - 1)
    sheet.freeze_panes(1, 2)
    print_landscape(sheet)
