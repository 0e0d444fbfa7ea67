"""The handout PDF: one A4 landscape page (two only beyond about 25 planned measures) whose text tells the plan,
read back with pypdf."""

from __future__ import annotations

import dataclasses
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


def _sizes(reader: PdfReader) -> list[float]:
    """Every font size the pages set (the `Tf` operators of their content)."""
    data = b"".join(page.get_contents().get_data() for page in reader.pages)  # type: ignore[union-attr]
    return [float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", data)]


def _lowest_text(reader: PdfReader, above: float = 30.0) -> float:
    """The lowest text's height on the first page in points from the bottom, the footer (below `above`) aside."""
    heights: list[float] = []

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.strip() and tm[5] > above:
            heights.append(tm[5])

    reader.pages[0].extract_text(visitor_text=visit)
    return min(heights)


def _demo_twice(extra: int) -> Workshop:
    """The demo's 21 measures and the first `extra` of them again for a second site: long names, owners, KPIs."""
    demo = demo_workshop()
    site = tuple(
        dataclasses.replace(m, id=f"{m.id}W", title=f"{m.title} (Werk Zwickau)",
                            depends_on=tuple(f"{d}W" for d in m.depends_on))
        for m in demo.measures[:extra]
    )  # fmt: skip
    profile = dataclasses.replace(demo.profile, revenue=demo.profile.revenue * 3, capacity=10_000)
    return dataclasses.replace(demo, measures=demo.measures + site, profile=profile)


def _umlauts() -> Plan:
    profile = Profile(name="Müller & Söhne Ölmühle GmbH", revenue=2_000_000, funding_rate=50)
    measures = (
        Measure("A", "Schulung für Führungskräfte", one_time_cost=4_000, owner="Frau Groß", funding_eligible=True),
        Measure("B", "Größere Übersicht im Büro", one_time_cost=1_000, duration=2),
    )
    return plan(measures, profile)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_demo_handout_with_its_scenarios_is_one_a4_landscape_page_under_one_megabyte(lang: str) -> None:
    results = _results(demo_workshop(), ("Vier Prozent", {"budget_share": 4}), ("Knapp", {"capacity": 5}))

    data = handout_pdf(results[0].plan, lang, TODAY, results)

    reader, text = _read(data)
    assert len(reader.pages) == 1
    assert "Seite" not in text and "Page 1" not in text
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_LANDSCAPE, abs=0.5)
    assert len(data) < 1_000_000
    assert "Schneider Feinmechanik GmbH" in text
    assert ("Stand: 01.12.2026" if lang == "de" else "As of: 1 Dec 2026") in text
    assert ("Planungsmonat: 2026-12" if lang == "de" else "Planning month: 2026-12") in text


def test_every_planned_measure_of_the_demo_is_named_on_the_page() -> None:
    roadmap = plan(demo_workshop().measures, demo_workshop().profile)

    _, text = _read(handout_pdf(roadmap, "de", TODAY))

    for number, placed in enumerate(roadmap.planned_in_order, start=1):
        assert f"{number} {_flat(roadmap.measure(placed.measure_id).title)}" in text
    assert f"Alle {len(roadmap.placements)} eingeplanten Maßnahmen" in text


@pytest.mark.parametrize(("workshop", "planned"), [(lambda: large_workshop(29), 25), (lambda: _demo_twice(7), 25)])
def test_twenty_five_planned_measures_fit_on_one_page_with_their_names_whole(workshop: object, planned: int) -> None:
    subject = workshop()  # type: ignore[operator]
    roadmap = plan(subject.measures, subject.profile)

    reader, text = _read(handout_pdf(roadmap, "de", TODAY))

    assert len(roadmap.placements) == planned
    assert len(reader.pages) == 1
    assert "…" not in text
    for number, placed in enumerate(roadmap.planned_in_order, start=1):
        assert f"{number} {_flat(roadmap.measure(placed.measure_id).title)}" in text
    assert f"Alle {planned} eingeplanten Maßnahmen" in text


def test_no_text_is_smaller_than_six_and_a_half_points() -> None:
    results = _results(demo_workshop(), ("Vier Prozent", {"budget_share": 4}))
    workshop = large_workshop()

    sizes = [
        *_sizes(_read(handout_pdf(results[0].plan, "de", TODAY, results))[0]),
        *_sizes(_read(handout_pdf(plan(workshop.measures, workshop.profile), "de", TODAY))[0]),
    ]

    assert sizes and min(sizes) >= 6.5


@pytest.mark.parametrize("count", [9, 14, 21])
def test_a_short_plan_fills_the_pages_height_too(count: int) -> None:
    demo = demo_workshop()
    roadmap = plan(demo.measures[:count], demo.profile)

    reader, _ = _read(handout_pdf(roadmap, "de", TODAY))

    assert len(reader.pages) == 1
    assert _lowest_text(reader) < 70  # points above the page's bottom: the legend sits within 25 mm of it


def test_a_large_plan_lists_every_planned_measure_numbered_and_the_first_twenty_left_out() -> None:
    workshop = large_workshop()
    roadmap = plan(workshop.measures, workshop.profile)
    planned, out = len(roadmap.placements), len(roadmap.not_planned)

    reader, text = _read(handout_pdf(roadmap, "de", TODAY))

    assert len(reader.pages) > 1
    assert f"Seite 1/{len(reader.pages)}" in text and f"Seite {len(reader.pages)}/{len(reader.pages)}" in text
    assert f"Roadmap: alle eingeplanten Maßnahmen ({planned}) in der Reihenfolge des Plans" in text
    assert "Roadmap (Fortsetzung)" in text
    assert f"{planned} von 500 Maßnahmen" in text
    for placed in roadmap.planned_in_order:
        assert _flat(roadmap.measure(placed.measure_id).title) in text
    assert f"und {out - 20} weitere:" in text


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
    profile = Profile(
        name="Lang GmbH",
        revenue=5_000_000,
        baseline_it=20_000,
        horizon_start=Month(2026, 1),
        horizon_end=Month(2035, 12),
    )
    workshop = Workshop(profile=profile, measures=(Measure("A", "ERP", one_time_cost=50_000, running_cost=5_000),))
    results = _results(
        workshop, ("Zwei", {"budget_share": 2}), ("Vier", {"budget_share": 4}), ("Fünf", {"budget_share": 5})
    )

    reader, text = _read(handout_pdf(results[0].plan, "de", TODAY, results))

    assert len(reader.pages) == 1
    assert "2035 25.000 € 150.000 €" in text
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


def _small(**profile: object) -> Plan:
    measures = (
        Measure("A", "Schulung Vertrieb und Service für alle Außendienstmitarbeiter und das Backoffice in drei "
                "Niederlassungen", one_time_cost=4_000, owner="Herr Wagner (Vertrieb und Außendienst)"),
        Measure("B", "ERP einführen", one_time_cost=900_000, value=5),
        Measure("C", "Webshop aufbauen", one_time_cost=2_000, depends_on=("B",)),
        Measure("D", "Datensicherung", one_time_cost=1_000, value=1),
    )  # fmt: skip
    settings = {"name": "Wagner KG", "revenue": 1_000_000, "horizon_start": Month(2026, 12),
                "horizon_end": Month(2027, 12), **profile}  # fmt: skip
    return plan(measures, Profile(**settings))  # type: ignore[arg-type]


def test_the_measures_left_out_are_listed_with_their_reasons_and_counted_by_reason() -> None:
    _, text = _read(handout_pdf(_small(), "de", TODAY))

    assert "Nicht eingeplant: 2 (Budget 1, fehlende Voraussetzung 1)" in text
    assert "ERP einführen Budget reicht nicht" in text
    assert "Webshop aufbauen Voraussetzung B" in text


def test_the_plan_is_numbered_one_to_n_and_names_are_wrapped_never_cut() -> None:
    roadmap = _small()

    _, text = _read(handout_pdf(roadmap, "de", TODAY))

    assert "…" not in text
    assert _flat(roadmap.measure("A").title) in text
    assert "Herr Wagner (Vertrieb und Außendienst)" in text
    assert "1 Datensicherung" in text and "2 Schulung Vertrieb" in text


def test_the_gantt_has_a_month_axis_and_a_legend_of_the_fields() -> None:
    _, text = _read(handout_pdf(_small(), "de", TODAY))

    assert "Dez Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez" in text
    assert "Mitarbeitende & Kompetenzen" in text or "Prozessautomatisierung" in text


def test_without_existing_it_costs_the_corridor_gives_no_verdict() -> None:
    _, without = _read(handout_pdf(_small(), "de", TODAY))
    _, given = _read(handout_pdf(_small(baseline_it=20_000), "de", TODAY))

    assert "kein Urteil – die bestehenden IT-Kosten sind nicht angegeben" in without
    assert "zu geringe Investitionen" not in without
    assert "kein Urteil" not in given
