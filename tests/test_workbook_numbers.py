"""No raw floats in any sheet: every number is written with at most six decimals (roadmap/workbook/styles.py)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.planner import plan
from roadmap.planning.scenario_compare import compare
from roadmap.workbook.fast_rows import DIGITS
from roadmap.workbook.writer import workbook_bytes
from roadmap.workshop.scenarios import add_scenario, names, scenario_plan

PROFILE = Profile(revenue=1_000_000.1, budget_share=2.9, horizon_start=Month(2027, 1), horizon_end=Month(2027, 12))


def _floaty() -> list[Measure]:
    """Measures whose figures add up to float errors (0.1 + 0.2, a third)."""
    return [
        Measure("M1", "CRM einführen", value=1.1 + 0.2, effort=1 + 1 / 3, one_time_cost=0.1 + 0.2, running_cost=1 / 3),
        Measure("M2", "ERP einführen", value=4.7, effort=2.3, one_time_cost=19.999999999, person_days=2 / 3),
    ]


def _numbers(data: bytes) -> list[tuple[str, str, float]]:
    """Every number of every sheet: sheet, cell, value."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return [
        (sheet.title, cell.coordinate, cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
    ]


def test_no_sheet_holds_a_raw_float() -> None:
    workshop = add_scenario(Workshop(profile=PROFILE, measures=tuple(_floaty())), "Vier", {"budget_share": 4})
    results = compare([(name, scenario_plan(workshop, name)) for name in names(workshop)])

    data = workbook_bytes(results[0].plan, "de", scenarios=results)

    raw = [(sheet, at, value) for sheet, at, value in _numbers(data) if round(value, DIGITS) != value]
    assert raw == []


@pytest.mark.parametrize(("cost", "written"), [(19.999999999, 20.0), (0.1 + 0.2, 0.3), (12_500.5, 12_500.5)])
def test_a_cost_is_written_as_a_person_would_type_it(cost: float, written: float) -> None:
    roadmap = plan([Measure("M1", "CRM einführen", one_time_cost=cost)], PROFILE)

    numbers = _numbers(workbook_bytes(roadmap, "de"))

    assert ("Roadmap", "M2", written) in numbers


@given(st.floats(0, 1e9, allow_nan=False))
def test_every_written_cost_has_at_most_six_decimals(cost: float) -> None:
    roadmap = plan([Measure("M1", "CRM einführen", one_time_cost=cost)], PROFILE)

    numbers = _numbers(workbook_bytes(roadmap, "de"))

    assert all(round(value, DIGITS) == value for _, _, value in numbers)
