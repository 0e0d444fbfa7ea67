"""The workbook's Szenarien sheet: last, one column per scenario, the same figures as the Szenarien page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.scenario_compare import ScenarioResult, compare, figure_rows, format_figure
from roadmap.views.scenarios import table
from roadmap.workbook.names import SHEETS
from roadmap.workbook.progress_sheet import SHEET_PROGRESS
from roadmap.workbook.writer import workbook_bytes, write_workbook
from roadmap.workshop.scenarios import add_scenario, names, scenario_plan
from tests.helpers import needs_libreoffice
from tests.pages import large_workshop
from tests.test_workbook_libreoffice import _csv
from ui.session import demo_workshop


def _results(workshop: Workshop) -> list[ScenarioResult]:
    workshop = add_scenario(workshop, "Vier Prozent", {"budget_share": 4})
    workshop = add_scenario(workshop, "Ohne Förderung", funding=False)
    workshop = add_scenario(workshop, "Wenig IT", {"capacity": 10})
    return compare({name: scenario_plan(workshop, name) for name in names(workshop)})


def _rows(data: bytes, sheet: str) -> list[list[object]]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_scenarios_sheet_comes_after_the_others_whose_order_stays(lang: str) -> None:
    results = _results(demo_workshop())

    book = load_workbook(io.BytesIO(workbook_bytes(results[0].plan, lang, scenarios=results)), read_only=True)

    assert book.sheetnames == [
        *(name(lang) for name in SHEETS),
        SHEET_PROGRESS(lang),
        "Szenarien" if lang == "de" else "Scenarios",
    ]


def test_without_scenarios_the_workbook_has_no_scenarios_sheet() -> None:
    results = _results(demo_workshop())

    book = load_workbook(io.BytesIO(workbook_bytes(results[0].plan)), read_only=True)

    assert book.sheetnames == [*(name("de") for name in SHEETS), SHEET_PROGRESS("de")]


@pytest.mark.parametrize("build", [demo_workshop, large_workshop])
def test_the_sheets_figures_equal_the_side_by_side_views(build: object) -> None:
    results = _results(build())  # type: ignore[operator]

    rows = _rows(workbook_bytes(results[0].plan, "de", scenarios=results), "Szenarien")

    assert rows[0] == ["Kennzahl", "Basis", "Vier Prozent", "Ohne Förderung", "Wenig IT"]
    by_label = {row[0]: row[1:] for row in rows if row and row[0]}
    labels, columns = table(results, "de")
    kinds = {figure.label: figure.kind for figure in figure_rows(results, "de")}
    for figure in figure_rows(results, "de"):
        written = by_label[figure.label]
        for value, shown in zip(written, figure.values, strict=True):
            assert value == (pytest.approx(shown) if isinstance(shown, float) else shown)
    for number, label in enumerate(labels):  # what the page shows is what the sheet holds, written alike
        for column, result in enumerate(results):
            written = by_label[label][column]
            assert format_figure(written, kinds[label], "de") == columns[result.name][number]
    assert by_label["Budgetanteil (%)"][:2] == [pytest.approx(results[0].plan.profile.budget_share), 4.0]


def test_every_title_only_one_scenario_plans_is_listed_in_full_below_the_figures() -> None:
    measures = tuple(Measure(f"M{i}", f"Titel {i}", one_time_cost=1_000) for i in range(30))
    workshop = Workshop(profile=Profile(revenue=1_000_000, budget_share=0.1), measures=measures)
    workshop = add_scenario(workshop, "Viel", {"budget_share": 10})
    results = compare({name: scenario_plan(workshop, name) for name in names(workshop)})

    rows = _rows(workbook_bytes(results[0].plan, "de", scenarios=results), "Szenarien")

    start = next(n for n, row in enumerate(rows) if row[0] == "Nur in diesem Szenario geplant, vollständig")
    listed = [row[2] for row in rows[start + 1 : start + 40] if len(row) > 2 and row[2]]
    assert len([t for t in listed if str(t).startswith("Titel")]) == 29


@needs_libreoffice
def test_libreoffice_opens_the_scenarios_sheet_with_its_figures(tmp_path: Path) -> None:
    results = _results(demo_workshop())
    path = tmp_path / "szenarien.xlsx"
    write_workbook(results[0].plan, path, "de", scenarios=results)

    rows = _csv(path, len(SHEETS) + 2, tmp_path)  # after the six sheets and Fortschritt

    assert rows[0] == ["Kennzahl", "Basis", "Vier Prozent", "Ohne Förderung", "Wenig IT"]
    planned = next(row for row in rows if row[0] == "Geplante Maßnahmen")
    assert [int(cell) for cell in planned[1:]] == [r.planned for r in results]
