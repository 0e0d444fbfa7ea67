"""The value/effort matrix (roadmap/charts/matrix_chart.py): the data each layer is drawn from."""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Callable
from itertools import combinations
from typing import Any

import pytest

from roadmap.charts.matrix_chart import (
    PLOT_HEIGHT_PX,
    PX_PER_X,
    PX_PER_Y,
    RANK_LABEL_SIZE,
    X_DOMAIN,
    Y_DOMAIN,
    dots_for,
    field_scale,
    matrix_chart,
    matrix_rows,
    number_ink,
    quadrant_rows,
)
from roadmap.charts.style import INK
from roadmap.domain.measure import Measure
from roadmap.domain.profile import Criterion, Profile
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS, FIELDS_EN
from roadmap.domain.workshop import Workshop
from roadmap.planning.planner import plan
from roadmap.planning.ranking import QUADRANTS, QUADRANTS_EN, quadrant
from roadmap.views.priorities import ranking_plan
from tests.pages import large_workshop
from ui.presenter import CHART_TYPE_SCALE
from ui.session import demo_workshop

# The plot's width in pixels and the type's enlargement per screen and mode: the chart's width measured in
# Chromium on the Priorisierung page (1402, 1836, 938, 1196, 736, 940 px) less the value axis (about 42 px,
# enlarged in presenter mode), rounded down.
SCREENS: dict[tuple[int, bool], tuple[float, float]] = {
    (1920, False): (1340, 1.0),
    (1920, True): (1770, CHART_TYPE_SCALE),
    (1280, False): (880, 1.0),
    (1280, True): (1130, CHART_TYPE_SCALE),
    (1024, False): (680, 1.0),
    (1024, True): (870, CHART_TYPE_SCALE),
}
DIGIT_EM = 0.6  # a bold digit's width in ems, generous
Box = tuple[float, float, float, float]


def _plan_of(workshop: Workshop):
    return plan(workshop.measures, workshop.profile)


def _pixels(row: dict[str, Any], plot_width: float) -> tuple[float, float]:
    """A point's centre in pixels of a plot `plot_width` wide and the chart's own height."""
    (left, right), (bottom, top) = X_DOMAIN, Y_DOMAIN
    return (row["x"] - left) / (right - left) * plot_width, (top - row["y"]) / (top - bottom) * PLOT_HEIGHT_PX


def _label_box(row: dict[str, Any], plot_width: float, scale: float) -> Box:
    """The box a centred label takes: its characters' width by the font size, one font size high."""
    x, y = _pixels(row, plot_width)
    size = RANK_LABEL_SIZE * scale
    half_width, half_height = DIGIT_EM * size * len(row["label"]) / 2, size / 2
    return x - half_width, y - half_height, x + half_width, y + half_height


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _measures(count: int) -> tuple[Measure, ...]:
    return tuple(
        Measure(f"X{i:03d}", f"Maßnahme {i}", field=FIELDS[i % 6], value=1 + i % 5, effort=1 + (i // 5) % 5)
        for i in range(count)
    )


def test_one_row_per_measure_with_the_rankings_value_effort_score_and_rank() -> None:
    demo = _plan_of(demo_workshop())

    rows = matrix_rows(demo, "de")

    assert [row["id"] for row in rows] == [r.measure.id for r in demo.ranking]
    for row, ranked in zip(rows, demo.ranking, strict=True):
        assert (row["value"], row["effort"], row["score"], row["rank"]) == (
            ranked.value,
            ranked.effort,
            ranked.score,
            ranked.rank,
        )
        assert row["votes"] == ranked.measure.votes


def test_the_matrix_uses_the_weighted_criteria_and_the_votes_that_raise_value() -> None:
    profile = Profile(criteria=(Criterion("Kundennutzen", "value", 1.0),), vote_mode="value", vote_weight=0.5)
    measure = Measure("A", "CRM", value=2, effort=2, votes=1, criteria={"Kundennutzen": 4})

    row = matrix_rows(plan((measure,), profile), "de")[0]

    assert row["value"] == 4.5
    assert row["value_text"] == "4,5"


def test_numbers_in_the_tooltip_follow_the_language() -> None:
    measure = Measure("A", "CRM", value=5, effort=3)
    the_plan = plan((measure,), Profile())

    german, english = matrix_rows(the_plan, "de")[0], matrix_rows(the_plan, "en")[0]

    assert (german["score_text"], german["effort_text"]) == ("1,67", "3,0")
    assert (english["score_text"], english["effort_text"]) == ("1.67", "3.0")


def test_points_on_the_same_spot_are_spread_a_step_and_never_hide_each_other() -> None:
    rows = matrix_rows(_plan_of(demo_workshop()), "de")

    spots = [(row["x"], row["y"]) for row in rows]
    dots = dots_for(len(rows))
    step_x, step_y = ((dots.spacing + dots.ring / 2) / px for px in (PX_PER_X, PX_PER_Y))  # a step off the midline

    assert len(set(spots)) == len(spots)
    assert all(abs(row["x"] - row["effort"]) <= step_x and abs(row["y"] - row["value"]) <= step_y for row in rows)


@pytest.mark.parametrize("midpoint", [3.0, 2.5, 4.0])
def test_every_point_is_drawn_inside_its_own_quadrant(midpoint: float) -> None:
    workshop = large_workshop()
    workshop = workshop.with_changes(profile=workshop.profile.with_changes(midpoint=midpoint))

    rows = matrix_rows(_plan_of(workshop), "de")

    for row in rows:
        assert (row["x"] >= midpoint) == (row["effort"] >= midpoint), row
        assert (row["y"] >= midpoint) == (row["value"] >= midpoint), row
        assert quadrant(row["value"], row["effort"], midpoint) == row["quadrant"]


def test_points_carry_their_fields_colour_and_the_translated_field_name() -> None:
    rows = matrix_rows(_plan_of(demo_workshop()), "en")

    by_name = {FIELDS_EN[f]: FIELD_COLORS[f] for f in FIELDS}

    assert all(row["color"] == by_name[row["field"]] for row in rows)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_colour_scale_keeps_one_colour_per_field_in_either_language(lang: str) -> None:
    scale = field_scale(lang).to_dict()

    assert scale["range"] == [FIELD_COLORS[f] for f in FIELDS]
    assert scale["domain"] == [FIELDS_EN[f] if lang == "en" else f for f in FIELDS]


@pytest.mark.parametrize(("lang", "names"), [("de", list(QUADRANTS)), ("en", [QUADRANTS_EN[q] for q in QUADRANTS])])
def test_the_four_quadrants_are_named_in_the_session_language(lang: str, names: list[str]) -> None:
    rows = quadrant_rows(3.0, lang)

    assert [row["name"] for row in rows] == names


def test_the_quadrants_split_at_the_profiles_midpoint() -> None:
    rows = {row["name"]: row for row in quadrant_rows(4.0, "de")}

    assert (rows["Quick Wins"]["x2"], rows["Quick Wins"]["y"]) == (4.0, 4.0)
    assert (rows["Zeitfresser"]["x"], rows["Zeitfresser"]["y2"]) == (4.0, 4.0)
    assert len({row["tint"] for row in rows.values()}) == 4


@pytest.mark.parametrize(("count", "label"), [(21, "1"), (40, "1"), (41, ""), (500, "")])
def test_a_workshops_points_carry_their_rank_and_more_than_forty_only_tooltips(count: int, label: str) -> None:
    rows = matrix_rows(plan(_measures(count), Profile()), "de")

    assert rows[0]["label"] == label


@pytest.mark.parametrize("workshop", [demo_workshop, lambda: large_workshop(25)], ids=["demo", "25 measures"])
def test_every_point_is_labelled_with_its_rank_inside_the_dot_and_titled_in_the_tooltip(
    workshop: Callable[[], Workshop],
) -> None:
    spec = matrix_chart(ranking_plan(workshop()), "de").to_dict()

    rows, text = spec["datasets"]["measures"], spec["layer"][-1]
    assert [row["label"] for row in rows] == [str(rank) for rank in range(1, len(rows) + 1)]
    assert [row["rank"] for row in rows] == list(range(1, len(rows) + 1))  # the ranking's first column
    assert (text["mark"]["align"], text["mark"]["baseline"], text["encoding"]["text"]["field"]) == (
        "center",
        "middle",
        "label",
    )
    assert {"field": "title", "type": "nominal", "title": "Maßnahme"} in text["encoding"]["tooltip"]


def test_the_number_on_a_dot_is_dark_or_white_whichever_reads_better() -> None:
    assert (number_ink("#F58518"), number_ink("#54A24B"), number_ink("#1F4E79")) == (INK, INK, "#FFFFFF")


@pytest.mark.parametrize("screen", list(SCREENS), ids=[f"{w}px{' presenter' if p else ''}" for w, p in SCREENS])
@pytest.mark.parametrize("workshop", [demo_workshop, lambda: large_workshop(25)], ids=["demo", "25 measures"])
def test_no_two_rank_labels_and_no_two_dots_overlap_on_any_screen(
    workshop: Callable[[], Workshop], screen: tuple[int, bool]
) -> None:
    plot_width, scale = SCREENS[screen]
    rows = matrix_rows(ranking_plan(workshop()), "de")

    boxes = [_label_box(row, plot_width, scale) for row in rows]
    centres = [_pixels(row, plot_width) for row in rows]
    ring = dots_for(len(rows)).ring
    for (a, box_a, at_a), (b, box_b, at_b) in combinations(zip(rows, boxes, centres, strict=True), 2):
        assert not _overlap(box_a, box_b), (a["title"], b["title"])
        assert math.dist(at_a, at_b) >= ring, (a["title"], b["title"])
    assert all(box[2] - box[0] <= dots_for(len(rows)).diameter - 4 for box in boxes)  # the number fits its dot


@pytest.mark.parametrize("count", [0, 1, 21, 500])
def test_the_chart_renders_without_warnings_for_any_number_of_measures(count: int) -> None:
    the_plan = plan(_measures(count), Profile())

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spec = matrix_chart(the_plan, "de").to_dict()

    assert len(spec["datasets"]["measures"]) == count
    assert len(spec["layer"]) == 5


def test_titles_axes_and_tooltips_speak_english_in_english_mode() -> None:
    spec = json.dumps(matrix_chart(_plan_of(demo_workshop()), "en").to_dict(), ensure_ascii=False)

    for text in ("Value and effort of the measures", "Effort (1 = small, 5 = large)", "Field of action", "Votes"):
        assert text in spec
    assert "Aufwand" not in spec


def test_the_chart_is_readable_on_a_projector() -> None:
    config = matrix_chart(_plan_of(demo_workshop()), "de").to_dict()["config"]

    assert config["axis"]["labelFontSize"] >= 16 and config["axis"]["titleFontSize"] >= 16
    assert config["legend"]["labelFontSize"] >= 16 and config["title"]["fontSize"] >= 16
