"""The roadmap workbook (docs/workbook.md), reopened with openpyxl."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.workbook.workbook import Workbook as OpenpyxlWorkbook
from openpyxl.worksheet.worksheet import Worksheet

from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Criterion, Profile
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS, FIELDS_EN, RUNNING
from roadmap.importing.files import read_sheets
from roadmap.importing.importer import import_file
from roadmap.importing.own_reader import read_own_workbook
from roadmap.planning.budget import yearly_costs
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan
from roadmap.planning.ranking import QUADRANTS_EN
from roadmap.workbook.names import BUDGET_COLUMNS, MEASURE_COLUMNS, PROFILE_KEYS, ROADMAP_COLUMNS, SHEETS
from roadmap.workbook.progress_sheet import PROGRESS_COLUMNS, SHEET_PROGRESS
from roadmap.workbook.styles import tint
from roadmap.workbook.writer import roadmap_order, workbook_bytes, write_workbook

PROFILE = Profile(
    name="Müller GmbH",
    revenue=2_000_000,
    baseline_it=30_000,
    funding_rate=50,
    horizon_start=Month(2026, 1),
    horizon_end=Month(2026, 12),
    criteria=(Criterion("Kundennutzen", "value", 2),),
)
MEASURES = [
    Measure("M1", "Prozesse erfassen", field="Prozessautomatisierung", one_time_cost=5_000, duration=2),
    Measure(
        "M2",
        "CRM einführen",
        field="Kunden & Omnichannel",
        one_time_cost=20_000,
        running_cost=6_000,
        depends_on=("M1",),
        duration=3,
        funding_eligible=True,
        owner="Anna",
        criteria={"Kundennutzen": 5},
    ),
    Measure("M3", "Rechenzentrum", field="Cloud & IT-Sicherheit", one_time_cost=900_000),
    Measure("M4", "Schulung", field="Mitarbeitende & Kompetenzen", status=RUNNING, earliest_start=Month(2025, 11)),
    Measure("M5", "Dashboard", field="Daten & Entscheidungen", excluded=True, value=5, effort=1),
    Measure("M6", "Strategie", field="Strategie & Kultur", value=5, effort=1, one_time_cost=1_000),
]
INJECTIONS = ["=1+1", "+49 170", "-5", "@SUM(A1)", "\tx", "\rx"]


@pytest.fixture(scope="module")
def roadmap() -> Plan:
    """A small plan: planned, committed, excluded and over-budget measures."""
    return plan(MEASURES, PROFILE)


def _open(data: bytes) -> OpenpyxlWorkbook:
    return load_workbook(io.BytesIO(data))


def _values(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_sheets_come_in_the_contracts_order_with_their_names(roadmap: Plan, lang: str) -> None:
    book = _open(workbook_bytes(roadmap, lang))

    assert book.sheetnames == [name(lang) for name in (*SHEETS, SHEET_PROGRESS)]
    if lang == "de":
        assert book.sheetnames == ["Roadmap", "Gantt", "Budget", "Priorisierung", "Profil", "Maßnahmen", "Fortschritt"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_roadmap_header_is_exactly_the_contracts_columns(roadmap: Plan, lang: str) -> None:
    sheet = _open(workbook_bytes(roadmap, lang))[SHEETS[0](lang)]

    assert [cell.value for cell in sheet[1]] == [name(lang) for name in ROADMAP_COLUMNS]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:T{len(MEASURES) + 1}"


def test_every_measure_has_a_row_planned_ones_first_by_start_then_the_rest_by_rank(roadmap: Plan) -> None:
    rows = _values(_open(workbook_bytes(roadmap))["Roadmap"])[1:]
    ids = [row[0] for row in rows]
    rank_of = {r.measure.id: r.rank for r in roadmap.ranking}

    assert sorted(ids) == sorted(m.id for m in MEASURES)
    planned = [i for i in ids if i in roadmap.placements]
    assert ids[: len(planned)] == planned
    starts = [(roadmap.placements[i].start, rank_of[i]) for i in planned]
    assert starts == sorted(starts)
    rest = ids[len(planned) :]
    assert [rank_of[i] for i in rest] == sorted(rank_of[i] for i in rest)
    assert ids == roadmap_order(roadmap)


@pytest.mark.parametrize(("lang", "pattern"), [("de", "dd.mm.yyyy"), ("en", "yyyy-mm-dd")])
def test_start_and_end_are_real_dates_first_and_last_day_of_the_month(roadmap: Plan, lang: str, pattern: str) -> None:
    sheet = _open(workbook_bytes(roadmap, lang))[SHEETS[0](lang)]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "M2")
    placement = roadmap.placements["M2"]

    start, end = row[9], row[10]

    assert start.is_date and end.is_date
    assert isinstance(start.value, datetime) and start.number_format == pattern
    assert start.value.date() == placement.start.first_day
    assert end.value.date() == placement.end.last_day == date(2026, 5, 31)


def test_a_measure_not_planned_has_no_dates_and_says_why(roadmap: Plan) -> None:
    rows = {row[0]: row for row in _values(_open(workbook_bytes(roadmap))["Roadmap"])[1:]}

    assert rows["M3"][8:11] == [None, None, None]
    assert rows["M3"][19] == roadmap.not_planned["M3"].message("de")
    assert "Budget" in rows["M3"][19]
    assert rows["M2"][19] is None


def test_cells_hold_flags_lists_numbers_and_the_measures_own_figures(roadmap: Plan) -> None:
    sheet = _open(workbook_bytes(roadmap))["Roadmap"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "M2")

    assert [c.value for c in row[11:19]] == [3, 20_000, 6_000, "ja", 0, "M1", "Anna", "Idee"]
    assert "€" in row[12].number_format and "€" in row[13].number_format
    assert row[8].value == "Q1/2026" or row[8].value.startswith("Q")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_field_cell_is_filled_with_the_fields_colour(roadmap: Plan, lang: str) -> None:
    sheet = _open(workbook_bytes(roadmap, lang))[SHEETS[0](lang)]

    for row in sheet.iter_rows(min_row=2):
        field = next(m.field for m in MEASURES if m.id == row[0].value)
        assert row[2].value == (FIELDS_EN[field] if lang == "en" else field)
        assert row[2].fill.fgColor.rgb[-6:] == tint(FIELD_COLORS[field])[1:]


# ---- nothing a person typed can run as a formula ----------------------------------------------


def _typed_everywhere(text: str) -> Plan:
    measure = Measure(
        "=X" if text.strip() == "" else text.strip() or "X",
        text,
        description=text,
        owner=text,
        notes=text,
        kpi=Kpi(text, text, text),
        depends_on=(),
        criteria={text.strip() or "K": 3},
    )
    profile = PROFILE.with_changes(
        name=text,
        industry=text,
        phase_names=(text.strip() or "P",),
        criteria=(Criterion(text.strip() or "K"),),
    )
    return plan([measure], profile)


def _formulas_outside_budget(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet") and name != "xl/worksheets/sheet3.xml"
            if "<f>" in archive.read(name).decode()
        ]


@pytest.mark.parametrize("text", INJECTIONS)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_typed_text_is_written_as_text_never_as_a_formula(text: str, lang: str) -> None:
    data = workbook_bytes(_typed_everywhere(text), lang)
    book = _open(data)

    assert _formulas_outside_budget(data) == []
    budget = SHEETS[2](lang)
    formulas = [c for s in book.worksheets if s.title != budget for r in s.iter_rows() for c in r if c.data_type == "f"]
    assert formulas == []
    typed = [
        book[SHEETS[0](lang)]["B2"],
        book[SHEETS[0](lang)]["R2"],
        book[SHEETS[4](lang)]["B2"],
        book[SHEETS[5](lang)].cell(2, list(MEASURE_COLUMNS).index("title") + 1),
        book[SHEETS[5](lang)].cell(2, list(MEASURE_COLUMNS).index("notes") + 1),
    ]
    assert [(_unescaped(c.value), c.data_type) for c in typed] == [(text, "s")] * len(typed)


def _unescaped(value: object) -> object:
    """openpyxl leaves Excel's escapes of control characters (_x000D_) as they are; Excel does not."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), value)


def test_an_injected_id_stays_text_in_the_roadmap_and_the_gantt() -> None:
    data = workbook_bytes(plan([Measure("=HYPERLINK(1)", "@SUM(A1)")], PROFILE))
    book = _open(data)

    assert (book["Roadmap"]["A2"].value, book["Roadmap"]["A2"].data_type) == ("=HYPERLINK(1)", "s")
    assert (book["Gantt"]["A3"].value, book["Gantt"]["A3"].data_type) == ("=HYPERLINK(1)", "s")
    assert _formulas_outside_budget(data) == []


# ---- Budget: formulas over cells ---------------------------------------------------------------


def test_a_year_with_its_own_revenue_has_its_own_budget_on_the_budget_sheet() -> None:
    profile = PROFILE.with_changes(
        horizon_start=Month(2026, 12), horizon_end=Month(2028, 12), revenue_by_year={2027: 2_500_000}
    )
    raw = read_sheets(workbook_bytes(plan(MEASURES, profile)), "r.xlsx")  # the values the formulas carry
    rows = next(sheet.rows for sheet in raw if sheet.name == "Budget")

    assert [row[0] for row in rows[1:]] == [2026, 2027, 2028]
    assert [row[11] for row in rows[1:]] == [2_000_000, 2_500_000, 2_000_000]
    assert [row[5] for row in rows[1:]] == pytest.approx([5_000, 75_000, 60_000])  # 3 % × revenue × months/12


def test_the_budget_has_one_row_per_year_and_the_contracts_columns() -> None:
    profile = PROFILE.with_changes(horizon_start=Month(2025, 10), horizon_end=Month(2027, 3))
    sheet = _open(workbook_bytes(plan(MEASURES, profile)))["Budget"]
    rows = _values(sheet)

    assert rows[0][:9] == [name("de") for name in BUDGET_COLUMNS]
    assert rows[0][9:] == ["Monate im Zeitraum", "Umsatz anteilig (€)", "Jahresumsatz (€)"]
    assert [row[0] for row in rows[1:]] == [2025, 2026, 2027]
    assert [row[9] for row in rows[1:]] == [3, 12, 3]


def test_budget_total_shares_and_status_are_formulas_over_profile_cells(roadmap: Plan) -> None:
    book = _open(workbook_bytes(roadmap))
    sheet, profile = book["Budget"], book["Profil"]
    costs = yearly_costs(roadmap)[0]

    assert [sheet.cell(2, c).value for c in (2, 3, 4)] == pytest.approx([costs.one_time, costs.running, costs.baseline])
    for column in "EFGHIKL":
        assert sheet[f"{column}2"].data_type == "f", column
    formulas = " ".join(str(sheet[f"{column}2"].value) for column in "EFGHIKL")
    assert "'Profil'!$B$5" in formulas and "'Profil'!$B$7" in formulas
    assert not re.search(r"2000000|30000|\b3\b/100", formulas)
    assert profile["A5"].value == PROFILE_KEYS["revenue"]("de") and profile["B5"].value == 2_000_000
    assert profile["A7"].value == PROFILE_KEYS["budget_share"]("de") and profile["B7"].value == 3
    assert '"über Budget"' in sheet["I2"].value and '"im Budget"' in sheet["I2"].value


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_formulas_carry_their_values_for_programs_that_do_not_calculate(roadmap: Plan, lang: str) -> None:
    raw = read_sheets(workbook_bytes(roadmap, lang), "r.xlsx")
    row = raw[2].rows[1]
    costs = yearly_costs(roadmap)[0]

    assert row[4:8] == pytest.approx([costs.total, costs.budget, costs.share, costs.running_share])
    assert row[8] == ("im Budget" if lang == "de" else "within budget")
    assert row[10] == pytest.approx(costs.revenue)


# ---- Gantt ---------------------------------------------------------------------------------------


def test_the_gantt_has_one_row_per_planned_measure_and_a_column_per_month(roadmap: Plan) -> None:
    sheet = _open(workbook_bytes(roadmap))["Gantt"]
    ids = []
    for row in sheet.iter_rows(min_row=3, max_col=1, values_only=True):
        if row[0] is None:
            break
        ids.append(row[0])
    months = [cell.value for cell in sheet[2][5:]]

    assert ids == [p.measure_id for p in roadmap.planned_in_order]
    assert months == [datetime(2026, m, 1) for m in range(1, 13)]
    assert sheet["F2"].number_format.endswith("mmm yy")
    assert sheet["D3"].is_date and sheet["E3"].is_date
    assert [sheet.cell(1, c).value for c in (6, 9, 12, 15)] == ["Q1/2026", "Q2/2026", "Q3/2026", "Q4/2026"]


def test_the_gantt_bars_are_conditional_formats_over_the_start_and_end_cells(roadmap: Plan) -> None:
    sheet = _open(workbook_bytes(roadmap))["Gantt"]
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    bar_rules = [rule for rule in rules if "$D3" in rule.formula[0]]
    last = 2 + len(roadmap.placements)

    assert len(bar_rules) == len(FIELDS) + 1
    assert all("F$2>=$D3" in rule.formula[0] and "F$2<=$E3" in rule.formula[0] for rule in bar_rules)
    assert any(f'$C3="{FIELDS[0]}"' in rule.formula[0] for rule in bar_rules)
    ranges = {str(r.sqref) for r in sheet.conditional_formatting}
    assert f"F3:Q{last}" in ranges
    colours = {rule.dxf.fill.bgColor.rgb[-6:] for rule in bar_rules if rule.dxf and rule.dxf.fill}
    assert {c[1:] for c in FIELD_COLORS.values()} <= colours


def test_the_gantt_marks_each_milestone_and_prints_on_a4_landscape(roadmap: Plan) -> None:
    sheet = _open(workbook_bytes(roadmap))["Gantt"]
    diamonds = [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.value == "◆"]

    assert {"H", "K", "N", "Q"} <= {re.sub(r"\d", "", c) for c in diamonds}
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    # One page wide (fitToWidth defaults to 1 when absent), as many pages high as needed.
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$2"


# ---- Priorisierung, Profil, Maßnahmen -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_ranking_sheet_lists_rank_scores_quadrant_votes_flags_and_criteria(roadmap: Plan, lang: str) -> None:
    rows = _values(_open(workbook_bytes(roadmap, lang))[SHEETS[3](lang)])
    header, body = rows[0], rows[1:]

    assert header[-1] == ("Kriterium: Kundennutzen" if lang == "de" else "Criterion: Kundennutzen")
    assert [row[0] for row in body] == list(range(1, len(MEASURES) + 1))
    assert [row[1] for row in body] == [r.measure.id for r in roadmap.ranking]
    quadrants = {r.quadrant for r in roadmap.ranking}
    expected = {QUADRANTS_EN[q] for q in quadrants} if lang == "en" else quadrants
    assert {row[7] for row in body} == expected
    m2 = next(row for row in body if row[1] == "M2")
    assert m2[-1] == 5


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_profile_sheet_has_one_row_per_setting(roadmap: Plan, lang: str) -> None:
    rows = _values(_open(workbook_bytes(roadmap, lang))[SHEETS[4](lang)])

    assert [row[0] for row in rows[1:]] == [name(lang) for name in PROFILE_KEYS.values()]


def test_the_plans_mode_is_recorded_in_the_profile(roadmap: Plan) -> None:
    optimal = Plan(PROFILE, roadmap.measures, roadmap.ranking, roadmap.placements, roadmap.not_planned, "optimal")

    rows = dict(_values(_open(workbook_bytes(optimal))["Profil"])[1:])  # type: ignore[arg-type]

    assert rows["Planungsmodus"] == "optimal"


def test_a_workbook_is_written_to_a_path_and_to_a_stream(roadmap: Plan, tmp_path: Path) -> None:
    stream = io.BytesIO()

    write_workbook(roadmap, tmp_path / "roadmap.xlsx")
    write_workbook(roadmap, stream, "en")

    assert _open((tmp_path / "roadmap.xlsx").read_bytes()).sheetnames[0] == "Roadmap"
    assert _open(stream.getvalue()).sheetnames[-1] == "Progress"


def test_a_workshop_without_measures_still_gives_every_sheet() -> None:
    book = _open(workbook_bytes(plan([], PROFILE)))

    assert len(book.sheetnames) == 7
    assert book["Roadmap"].max_row == 1


# ---- export → import → export --------------------------------------------------------------------


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        # The creation time in docProps/core.xml is the only part that may differ.
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_export_import_export_gives_the_same_workbook(roadmap: Plan, lang: str, tmp_path: Path) -> None:
    first = workbook_bytes(roadmap, lang)
    path = tmp_path / "roadmap.xlsx"
    path.write_bytes(first)

    profile, measures, _ = read_own_workbook(read_sheets(path, path.name), path.name)
    imported = import_file(path)
    second = workbook_bytes(plan(measures, profile), lang)

    assert imported.measures == measures and imported.profile == profile
    assert _parts(second) == _parts(first)


# ---- size ------------------------------------------------------------------------------------------


def _many(count: int) -> list[Measure]:
    return [
        Measure(
            f"M{i:04d}",
            f"Maßnahme {i}",
            field=FIELDS[i % 6],
            value=1 + i % 5,
            effort=1 + (i * 7) % 5,
            one_time_cost=(i % 4) * 5_000,
            running_cost=(i % 3) * 1_200,
            duration=1 + i % 6,
            depends_on=(f"M{i - 7:04d}",) if i % 5 == 0 and i >= 7 else (),
            owner="Anna",
        )
        for i in range(count)
    ]


@pytest.mark.slow
def test_a_workbook_of_3000_measures_reads_back_whole_and_plans_again(tmp_path: Path) -> None:
    # How fast against a naive pandas round trip: bench/bench_roundtrip.py (no timer in a test).
    measures = _many(3000)
    profile = PROFILE.with_changes(revenue=500_000_000, horizon_end=Month(2027, 12))
    source = tmp_path / "roadmap.xlsx"
    source.write_bytes(workbook_bytes(plan(measures, profile)))

    imported = import_file(source)
    again = workbook_bytes(plan(imported.measures, imported.profile or profile))

    assert imported.measures == tuple(measures) and imported.profile == profile
    assert load_workbook(io.BytesIO(again), read_only=True).sheetnames == [n.de for n in (*SHEETS, SHEET_PROGRESS)]


# ---- Fortschritt: the follow-up against the baseline -------------------------------------------


def test_the_progress_sheet_shows_baseline_plan_and_actual_months_slip_progress_cost_and_kpi() -> None:
    profile = PROFILE.with_changes(as_of=Month(2026, 1))
    baseline = plan(MEASURES, profile)
    late = MEASURES[0].with_changes(
        status="In Umsetzung",
        actual_start=Month(2026, 1),
        percent_done=60,
        actual_cost=6_500,
        kpi=Kpi("Prozesse erfasst", "0", "12", "7", date(2026, 3, 31)),
    )
    current = plan([late, *MEASURES[1:]], profile.with_changes(as_of=Month(2026, 4)))

    rows = _values(_open(workbook_bytes(current, "de", baseline))["Fortschritt"])

    assert rows[0] == [name("de") for name in PROGRESS_COLUMNS]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert (first["ID"], first["Status"], first["Stand"]) == ("M1", "In Umsetzung", "verspätet")
    assert (first["Ende im Basisplan"].date(), first["Geplantes Ende"].date()) == (date(2026, 2, 1), date(2026, 4, 1))
    assert first["Tatsächlicher Beginn"].date() == date(2026, 1, 1) and first["Tatsächliches Ende"] is None
    assert (first["Verzug (Monate)"], first["Fortschritt (%)"], first["Tatsächliche Kosten (€)"]) == (2, 60, 6_500)
    assert (first["KPI Zielwert"], first["KPI aktueller Wert"], first["KPI gemessen am"].date()) == (
        "12",
        "7",
        date(2026, 3, 31),
    )
    assert len(rows) == len(MEASURES) + 1


def test_without_a_baseline_the_progress_sheet_leaves_its_columns_empty() -> None:
    rows = _values(_open(workbook_bytes(plan(MEASURES, PROFILE), "en"))["Progress"])

    assert rows[0][:4] == ["ID", "Measure", "Status", "State"]
    assert all(row[4] is None and row[5] is None and row[10] is None for row in rows[1:])


@pytest.mark.parametrize(
    ("sheet", "column", "de", "en"),
    [
        (1, "J", "dd.mm.yyyy", "yyyy-mm-dd"),  # Roadmap: Start, empty where not planned
        (6, "M", "mm.yyyy", "yyyy-mm"),  # Maßnahmen: earliest start, given for one measure
        (7, "G", "mm.yyyy", "yyyy-mm"),  # Fortschritt: planned start
        (7, "M", '#,##0 "€"', '"€"#,##0'),  # Fortschritt: actual cost, given for none
    ],
)
def test_an_empty_date_or_money_cell_is_left_out_and_its_column_keeps_the_format_for_what_is_typed_later(
    roadmap: Plan, sheet: int, column: str, de: str, en: str
) -> None:
    for lang, pattern in (("de", de), ("en", en)):
        data = workbook_bytes(roadmap, lang)
        cells = _open(data).worksheets[sheet - 1]
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(f"xl/worksheets/sheet{sheet}.xml").decode()

        index = column_index_from_string(column)
        dimension = next(d for d in cells.column_dimensions.values() if d.min <= index <= d.max)  # col ranges
        assert dimension.number_format == pattern
        rows = range(2, len(MEASURES) + 2)
        assert any(cells[f"{column}{row}"].value is None for row in rows)
        assert not re.search(rf'<c r="{column}\d+"[^>]*/>', xml)  # no cell written just for its format
        assert all(cells[f"{column}{row}"].number_format == pattern for row in rows if cells[f"{column}{row}"].value)
