"""The handout PDF: one A4 landscape page (two only where needed) whose text tells the plan, read back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from roadmap.domain import formats
from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.handout.document import MARGIN, RIGHT_X, Handout
from roadmap.handout.pdf import handout_pdf
from roadmap.handout.sections import Flow
from roadmap.planning.budget import yearly_costs
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan
from roadmap.planning.scenario_compare import ScenarioResult, compare
from roadmap.workshop.scenarios import add_scenario, names, scenario_plan
from tests.pages import large_workshop
from ui.session import demo_workshop

TODAY = date(2026, 12, 1)
A4_LANDSCAPE = (841.89, 595.28)  # points


def _results(workshop: Workshop, *more: tuple[str, dict[str, object]]) -> list[ScenarioResult]:
    for name, settings in more:
        workshop = add_scenario(workshop, name, settings)
    return compare({name: scenario_plan(workshop, name) for name in names(workshop)})


def _flat(text: str) -> str:
    """Every run of white space (line breaks, the no-break space before €) as one space."""
    return re.sub(r"\s+", " ", text)


def _read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, _flat(" ".join(page.extract_text() for page in reader.pages))


def _umlauts() -> Plan:
    profile = Profile(name="Müller & Söhne Ölmühle GmbH", revenue=2_000_000, funding_rate=50)
    measures = (
        Measure("A", "Schulung für Führungskräfte", one_time_cost=4_000, owner="Frau Groß", funding_eligible=True),
        Measure("B", "Größere Übersicht im Büro", one_time_cost=1_000, duration=2),
    )
    return plan(measures, profile)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_demo_handout_is_one_a4_landscape_page_under_one_megabyte(lang: str) -> None:
    results = _results(demo_workshop(), ("Vier Prozent", {"budget_share": 4}))

    data = handout_pdf(results[0].plan, lang, TODAY, results)

    reader, text = _read(data)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_LANDSCAPE, abs=0.5)
    assert len(data) < 1_000_000
    assert "Schneider Feinmechanik GmbH" in text
    assert ("Stand: 01.12.2026" if lang == "de" else "As of: 1 Dec 2026") in text
    assert ("Planungsmonat: 2026-12" if lang == "de" else "Planning month: 2026-12") in text


def test_every_planned_measure_of_the_demo_is_named_on_the_page() -> None:
    roadmap = plan(demo_workshop().measures, demo_workshop().profile)

    _, text = _read(handout_pdf(roadmap, "de", TODAY))

    for measure_id in roadmap.placements:
        title = roadmap.measure(measure_id).title
        assert title in text or title[:25] in text, title
    assert f"Alle {len(roadmap.placements)} eingeplanten Maßnahmen" in text


def test_a_large_plan_shows_its_most_important_measures_and_says_how_many_are_planned() -> None:
    workshop = large_workshop()
    roadmap = plan(workshop.measures, workshop.profile)

    reader, text = _read(handout_pdf(roadmap, "de", TODAY))

    assert len(reader.pages) == 1
    assert f"Die 22 wichtigsten von {len(roadmap.placements)} eingeplanten Maßnahmen" in text
    assert f"{len(roadmap.placements)} von 500 Maßnahmen" in text
    best = next(r.measure.title for r in roadmap.ranking if r.measure.id in roadmap.placements)
    assert best in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_years_total_and_the_corridor_verdict_are_written_out(lang: str) -> None:
    workshop = large_workshop()
    roadmap = plan(workshop.measures, workshop.profile)

    _, text = _read(handout_pdf(roadmap, lang, TODAY))

    for year in yearly_costs(roadmap):
        assert _flat(f"{year.year} {formats.euro(year.total, lang)}") in text
    verdict = "im Korridor von 1–5 %" if lang == "de" else "within the 1–5 % corridor"
    assert text.count(verdict) == len(yearly_costs(roadmap))


def test_umlauts_and_the_euro_sign_survive_and_the_font_is_embedded() -> None:
    reader, text = _read(handout_pdf(_umlauts(), "de", TODAY))

    for words in ("Müller & Söhne Ölmühle GmbH", "Schulung für Führungskräfte", "Frau Groß", "Größere Übersicht",
                  "Kosten im Zeitraum 3.000 €",
                  "Förderung: 2.000 € bei 50 % Förderquote für 1 förderfähige Maßnahme."):  # fmt: skip
        assert _flat(words) in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"] for font in fonts.values()]
    assert descriptors and all("/FontFile2" in descriptor for descriptor in descriptors)


def test_the_scenarios_are_compared_in_a_small_table_when_there_are_any() -> None:
    results = _results(demo_workshop(), ("Vier Prozent", {"budget_share": 4}), ("Knapp", {"capacity": 5}))

    _, with_table = _read(handout_pdf(results[0].plan, "de", TODAY, results))
    _, without = _read(handout_pdf(results[0].plan, "de", TODAY))

    assert "Szenarien im Vergleich" in with_table and "Szenarien im Vergleich" not in without
    assert "Basis Vier Prozent Knapp" in with_table
    assert f"Geplante Maßnahmen {results[0].planned} {results[1].planned} {results[2].planned}" in with_table


def test_ten_years_and_four_scenarios_still_fit_on_one_page() -> None:
    profile = Profile(name="Lang GmbH", revenue=5_000_000, horizon_start=Month(2026, 1), horizon_end=Month(2035, 12))
    workshop = Workshop(profile=profile, measures=(Measure("A", "ERP", one_time_cost=50_000, running_cost=5_000),))
    results = _results(
        workshop, ("Zwei", {"budget_share": 2}), ("Vier", {"budget_share": 4}), ("Fünf", {"budget_share": 5})
    )

    reader, text = _read(handout_pdf(results[0].plan, "de", TODAY, results))

    assert len(reader.pages) == 1
    assert "2035 5.000 € 150.000 €" in text
    assert "unter dem Korridor 2026–2035" in text  # ten verdicts grouped into one line
    assert "Szenarien im Vergleich" in text


def test_the_right_column_continues_on_a_second_page_when_the_first_is_full() -> None:
    pdf = Handout("de", "Fußzeile")
    pdf.add_page()
    flow = Flow(pdf, 180)

    flow.room(10)
    stays = (pdf.page_no(), flow.x, flow.y)
    flow.room(30)

    assert stays == (1, RIGHT_X, 180)
    assert (pdf.page_no(), flow.x, flow.y) == (2, MARGIN, MARGIN)


def test_an_empty_workshop_gets_a_page_that_says_nothing_is_planned_yet() -> None:
    reader, text = _read(handout_pdf(plan((), Profile(revenue=1_000_000)), "en", TODAY))

    assert len(reader.pages) == 1
    assert "No measure planned yet." in text
    assert "Your company" in text
