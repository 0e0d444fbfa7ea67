"""One number for one fact (docs/planning.md, status and slip): the Umsetzung page's table and headline, the
workbook's Fortschritt sheet and the snapshot comparison show the same state, slip, money spent and moves for
random workshops at a fixed planning month."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.followup import STATE_WORDS, moves, slip, summary
from roadmap.planning.planner import plan
from roadmap.views.progress_table import progress_frame
from roadmap.workbook.progress_sheet import progress_rows
from roadmap.workshop.compare import compare
from tests.portfolios import portfolios

TODAY = Month(2026, 9)
BASELINE_MONTH = Month(2026, 3)


@settings(max_examples=60)
@given(portfolio=portfolios(max_size=15), baseline_kept=st.booleans())
def test_the_progress_table_the_headline_and_the_workbook_sheet_agree(
    portfolio: tuple[list[Measure], Profile], baseline_kept: bool
) -> None:
    measures, profile = portfolio
    workshop = Workshop(profile, tuple(measures))
    current = plan(workshop.measures, profile.with_changes(as_of=TODAY))
    baseline = plan(workshop.measures, profile.with_changes(as_of=BASELINE_MONTH)) if baseline_kept else None

    frame = progress_frame(workshop, current, baseline, "de")
    sheet = {row[0]: row for row in progress_rows(current, baseline, "de")}
    headline = summary(workshop, current, baseline)

    for row in frame.to_dict("records"):
        cells = sheet[row["id"]]
        assert row["state"] == cells[3]
        assert (None if row["slip"] != row["slip"] else int(row["slip"])) == cells[10]  # NaN: no slip
        assert (None if row["actual_cost"] != row["actual_cost"] else row["actual_cost"]) == cells[12]
    counted = Counter(row["state"] for row in frame.to_dict("records"))
    assert {STATE_WORDS[state].de: n for state, n in headline.counts.items() if n} == dict(counted)
    assert headline.spent == sum(cells[12] or 0.0 for cells in sheet.values() if cells[3] is not None)


@settings(max_examples=60)
@given(portfolio=portfolios(max_size=15))
def test_a_snapshot_compared_with_now_moves_each_measure_by_its_slip(
    portfolio: tuple[list[Measure], Profile],
) -> None:
    measures, profile = portfolio
    workshop = Workshop(profile, tuple(measures))
    current = plan(workshop.measures, profile.with_changes(as_of=TODAY))
    baseline = plan(workshop.measures, profile.with_changes(as_of=BASELINE_MONTH))

    compared = {move.measure.id: move.months for move in compare(workshop, workshop, baseline, current).moved}

    assert compared == {move.measure_id: move.months for move in moves(baseline, current)}
    for measure in workshop.measures:
        if measure.id in baseline.placements and measure.id in current.placements:
            assert slip(measure, current, baseline, TODAY) == compared.get(measure.id, 0)
