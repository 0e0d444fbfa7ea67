"""The export's charts for slides (roadmap/views/export.py); drawing a PNG is replaced by a stand-in here."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan
from roadmap.views import export as export_view
from roadmap.views.export import CHART_NAMES, MATURITY, slide_charts, slide_pngs
from ui.session import demo_workshop

TODAY = date(2026, 3, 31)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every chart handed to the PNG renderer, which gives b'PNG' at once instead of drawing for a second."""
    charts: list[Any] = []

    def fake_png(chart: Any, lang: str = "de") -> bytes:
        charts.append(chart)
        return b"PNG"

    monkeypatch.setattr(export_view, "png", fake_png)
    return charts


def _plan(workshop: Workshop) -> Plan:
    return plan(workshop.measures, workshop.profile)


def test_the_export_offers_five_charts_each_with_a_name_in_both_languages() -> None:
    workshop = demo_workshop()

    charts = slide_charts(_plan(workshop), workshop, "de", TODAY)

    assert [c.key for c in charts] == ["matrix", "gantt", "budget_jahre", "budget_quartale", MATURITY]
    assert [c.name for c in charts] == [CHART_NAMES[c.key] for c in charts]
    assert CHART_NAMES["budget_jahre"]("en") == "Cost per year"


def test_every_chart_of_a_workshop_with_a_maturity_check_becomes_a_png(drawn: list[Any]) -> None:
    workshop = demo_workshop()  # its maturity check is filled in
    told: list[tuple[int, int, str]] = []

    made, skipped = slide_pngs(
        _plan(workshop), workshop, "en", TODAY, lambda d, n, name: told.append((d, n, name("en")))
    )

    assert list(made) == list(CHART_NAMES) and set(made.values()) == {b"PNG"}
    assert not skipped and len(drawn) == 5 and all(chart.to_dict()["$schema"] for chart in drawn)
    assert told == [(i, 5, name("en")) for i, name in enumerate(CHART_NAMES.values())]


def test_the_maturity_chart_is_skipped_with_a_reason_while_the_check_is_empty(drawn: list[Any]) -> None:
    workshop = demo_workshop().with_changes(maturity={})

    made, skipped = slide_pngs(_plan(workshop), workshop, "de", TODAY)

    assert MATURITY not in made and len(made) == 4
    assert skipped == ["Digitaler Reifegrad: Bestandsaufnahme noch leer"]


def test_a_chart_that_cannot_be_drawn_is_named_with_the_reason_and_the_rest_are_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    handed: list[Any] = []

    def refuse_the_second(chart: Any, lang: str = "de") -> bytes:
        handed.append(chart)
        if len(handed) == 2:
            raise RoadmapError(Message("kein Bild", "no image"))
        return b"PNG"

    monkeypatch.setattr(export_view, "png", refuse_the_second)
    workshop = demo_workshop()

    made, skipped = slide_pngs(_plan(workshop), workshop, "en", TODAY)

    assert "gantt" not in made and len(made) == len(CHART_NAMES) - 1
    assert skipped == ["Roadmap (Gantt): no image"]


def test_pngs_kept_in_the_session_are_read_back_for_their_revision_and_language() -> None:
    state: dict[str, Any] = {}

    export_view.keep_pngs(state, 3, "en", {"gantt": b"png"}, ["skipped"])

    assert export_view.ready_pngs(state.get(export_view.PNGS), 3, "en") == ({"gantt": b"png"}, ["skipped"])
    assert export_view.ready_pngs(state.get(export_view.PNGS), 3, "de") is None


def test_prepared_pngs_are_offered_only_for_the_revision_and_language_they_were_drawn_for() -> None:
    stored = ((3, "de"), {"gantt": b"png"}, ["skipped"])
    assert export_view.ready_pngs(stored, 3, "de") == ({"gantt": b"png"}, ["skipped"])
    assert export_view.ready_pngs(stored, 4, "de") is None
    assert export_view.ready_pngs(stored, 3, "en") is None
    assert export_view.ready_pngs(None, 3, "de") is None
