"""The value/effort matrix (roadmap/charts/matrix_chart.py): the data each layer is drawn from."""

from __future__ import annotations

import json
import warnings

import pytest

from roadmap.charts.matrix_chart import field_scale, matrix_chart, matrix_rows, quadrant_rows
from roadmap.domain.measure import Measure
from roadmap.domain.profile import Criterion, Profile
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS, FIELDS_EN
from roadmap.domain.workshop import Workshop
from roadmap.planning.planner import plan
from roadmap.planning.ranking import QUADRANTS, QUADRANTS_EN, quadrant
from tests.pages import large_workshop
from ui.session import demo_workshop


def _plan_of(workshop: Workshop):
    return plan(workshop.measures, workshop.profile)


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


def test_points_on_the_same_spot_are_spread_a_little_and_never_hide_each_other() -> None:
    rows = matrix_rows(_plan_of(demo_workshop()), "de")

    spots = [(row["x"], row["y"]) for row in rows]

    assert len(set(spots)) == len(spots)
    assert all(abs(row["x"] - row["effort"]) <= 0.45 and abs(row["y"] - row["value"]) <= 0.45 for row in rows)


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


@pytest.mark.parametrize(("count", "label"), [(21, "Maßnahme 0"), (100, "X000"), (500, "")])
def test_labels_are_titles_for_a_workshop_ids_for_many_and_left_out_for_hundreds(count: int, label: str) -> None:
    rows = matrix_rows(plan(_measures(count), Profile()), "de")

    assert {row["id"]: row["label"] for row in rows}["X000"] == label


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
