"""The workbook in a real spreadsheet program: LibreOffice computes the Budget formulas itself.

LibreOffice normally trusts the values stored with the formulas of an .xlsx file; each run here
uses a fresh profile set to recalculate every formula on load, so the figures checked below are
LibreOffice's own. The CSV export's last filter option picks the sheet (1-based).
"""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import load_workbook

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.planning.budget import yearly_costs
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan
from roadmap.workbook.writer import write_workbook
from tests.helpers import NEEDS_LIBREOFFICE

pytestmark = NEEDS_LIBREOFFICE

ROADMAP_SHEET, BUDGET_SHEET = 1, 3
# Recalculate formulas of Excel files on load: 0 = always (Tools → Options → Calc → Formula).
_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
PROFILE = Profile(
    name="Müller GmbH",
    revenue=1_234_567,
    baseline_it=23_456.78,
    budget_share=4.5,
    funding_rate=40,
    horizon_start=Month(2025, 10),
    horizon_end=Month(2027, 3),
)
MEASURES = [
    Measure("M1", "=1+1", one_time_cost=12_345.67, running_cost=2_400, funding_eligible=True, duration=2),
    Measure("M2", "@SUM(A1)", one_time_cost=8_000, running_cost=999.99, depends_on=("M1",), owner="+49 170"),
    Measure("M3", "-5", one_time_cost=3_000_000),
]


def _csv(workbook: Path, sheet: int, tmp_path: Path) -> list[list[str]]:
    """One sheet as LibreOffice computes it: UTF-8 CSV, values as stored, not as shown."""
    profile = tmp_path / f"lo-profile-{sheet}"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
    out = tmp_path / f"csv-{sheet}"
    out.mkdir()
    options = f"44,34,76,1,,0,false,true,false,false,false,{sheet}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    (produced,) = out.glob("*.csv")
    return list(csv.reader(io.StringIO(produced.read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def roadmap() -> Plan:
    """Three years in the horizon, funding, an over-budget measure and text that looks like formulas."""
    return plan(MEASURES, PROFILE)


def test_libreoffice_computes_the_budget_figures_of_the_planner(roadmap: Plan, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.xlsx"
    write_workbook(roadmap, path)

    rows = _csv(path, BUDGET_SHEET, tmp_path)

    costs = yearly_costs(roadmap)
    assert [int(row[0]) for row in rows[1:]] == [2025, 2026, 2027]
    for row, year in zip(rows[1:], costs, strict=True):
        total, budget, share, running_share = (float(cell) for cell in row[4:8])
        assert total == pytest.approx(year.total, abs=0.005)
        assert budget == pytest.approx(year.budget, abs=0.005)
        assert share == pytest.approx(year.share, abs=1e-9)
        assert running_share == pytest.approx(year.running_share, abs=1e-9)
        assert row[8] == ("über Budget" if year.over_budget else "im Budget")


def test_the_budget_follows_a_revenue_edited_in_the_profile_sheet(roadmap: Plan, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.xlsx"
    write_workbook(roadmap, path, "en")
    book = load_workbook(path)
    book["Profile"]["B5"] = 100_000  # a person lowers the revenue in Excel
    book.save(path)

    rows = _csv(path, BUDGET_SHEET, tmp_path)

    costs = yearly_costs(roadmap)
    for row, year in zip(rows[1:], costs, strict=True):
        revenue = 100_000 * year.months / 12
        assert float(row[5]) == pytest.approx(PROFILE.budget_share / 100 * revenue, abs=0.005)
        assert float(row[6]) == pytest.approx(year.total / revenue * 100, abs=1e-9)
        assert row[8] == ("over budget" if year.total > float(row[5]) + 0.005 else "within budget")
    assert {row[8] for row in rows[1:]} == {"over budget"}


def test_text_that_looks_like_a_formula_survives_in_libreoffice(roadmap: Plan, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.xlsx"
    write_workbook(roadmap, path)

    rows = _csv(path, ROADMAP_SHEET, tmp_path)

    by_id = {row[0]: row for row in rows[1:]}
    assert (by_id["M1"][1], by_id["M2"][1], by_id["M3"][1]) == ("=1+1", "@SUM(A1)", "-5")
    assert by_id["M2"][17] == "+49 170"


def test_libreoffice_really_recalculates_here_rather_than_trusting_stored_values(tmp_path: Path) -> None:
    path = tmp_path / "stale.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_number(0, 0, 2)
    sheet.write_formula(0, 1, "=A1*3", None, 999)  # a stale stored value
    book.close()

    rows = _csv(path, 1, tmp_path)

    assert rows == [["2", "6"]]
