"""Charts as PNG images for slides (vl-convert): twice the chart's size, readable errors."""

from __future__ import annotations

import struct
from datetime import date

import altair as alt
import pandas as pd
import pytest

from roadmap.charts.budget_chart import quarterly_cost_chart, yearly_cost_chart
from roadmap.charts.gantt_chart import gantt_chart
from roadmap.charts.matrix_chart import matrix_chart
from roadmap.charts.maturity_chart import maturity_chart
from roadmap.charts.png import DEFAULT_WIDTH, MAX_HEIGHT, SCALE, file_stem, png
from roadmap.domain.messages import RoadmapError
from roadmap.planning.planner import plan
from ui.session import demo_workshop


def _size(image: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", image[16:24])


def _bars(width: int | str) -> alt.Chart:
    data = pd.DataFrame({"Jahr": ["2026", "2027"], "Kosten": [12_500, 8_000]})
    return alt.Chart(data).mark_bar().encode(x="Jahr:N", y="Kosten:Q").properties(width=width, height=200)


def test_a_chart_becomes_a_png_at_twice_its_size() -> None:
    image = png(_bars(300))

    width, height = _size(image)

    assert SCALE == 2
    assert 600 <= width < 800 and 400 <= height < 600  # 2 × (plot + axes and padding)


def test_a_chart_that_fills_the_page_gets_a_fixed_width_in_the_image() -> None:
    image = png(_bars("container").to_dict())

    width, _ = _size(image)

    assert SCALE * DEFAULT_WIDTH <= width < SCALE * (DEFAULT_WIDTH + 150)


def test_a_very_tall_chart_is_drawn_smaller_so_the_image_stays_manageable() -> None:
    tall = _bars(300).properties(height=3000)

    _, height = _size(png(tall))

    assert 3000 < height <= MAX_HEIGHT + 200  # less than twice its size, about MAX_HEIGHT pixels high


def test_a_broken_chart_raises_a_readable_error_without_the_javascript_stack() -> None:
    with pytest.raises(RoadmapError) as raised:
        png({"mark": "nonsense"})

    text = raised.value.text("de")
    assert text.startswith("Das Diagramm konnte nicht als Bild gespeichert werden (")
    assert "at " not in text and "https://" not in text
    assert raised.value.text("en").startswith("The chart could not be saved as an image (")


def test_something_that_is_no_chart_is_refused_in_words() -> None:
    with pytest.raises(RoadmapError, match="konnte nicht als Bild"):
        png(42)


# The charts of the app, as the export draws them for slides.
CHARTS = [
    lambda p, w: matrix_chart(p, "de"),
    lambda p, w: gantt_chart(p, "en", date(2026, 5, 1)),
    lambda p, w: yearly_cost_chart(p, "de"),
    lambda p, w: quarterly_cost_chart(p, "en"),
    lambda p, w: maturity_chart(w.maturity, "de"),
]


@pytest.mark.parametrize("draw", CHARTS, ids=["matrix", "gantt", "years", "quarters", "maturity"])
def test_every_chart_of_the_demo_workshop_becomes_a_slide_sized_png(draw) -> None:
    workshop = demo_workshop()
    chart = draw(plan(workshop.measures, workshop.profile), workshop)

    width, _ = _size(png(chart))

    assert width >= 1200  # wide enough to fill a 1920 px slide without blurring


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ("Schneider Feinmechanik GmbH", "roadmap_Schneider_Feinmechanik_GmbH_2026-03-31"),
        ("Müller & Söhne KG", "roadmap_Mueller_Soehne_KG_2026-03-31"),
        ("  ../*?  ", "roadmap_workshop_2026-03-31"),
        ("", "roadmap_workshop_2026-03-31"),
    ],
)
def test_export_files_are_named_after_the_company_and_the_day_safely(company: str, expected: str) -> None:
    assert file_stem(company, date(2026, 3, 31)) == expected
