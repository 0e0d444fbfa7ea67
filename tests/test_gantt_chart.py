"""The Gantt chart (roadmap/charts/gantt_chart.py, its rows in gantt_rows.py): bars, phases, milestones, links
and the today line."""

from __future__ import annotations

import html
import json
import re
import warnings
from datetime import date

import pytest

from roadmap.charts.gantt_chart import gantt_captions, gantt_chart
from roadmap.charts.gantt_rows import (
    CHROME_HEIGHT,
    ROW_AIR,
    ROW_HEIGHT,
    STATE_COLORS,
    dependency_rows,
    gantt_height,
    gantt_rows,
    horizon_length,
    month_labels,
    phase_rows,
    shown_length,
    today_position,
)
from roadmap.charts.style import APP_FONT, FONT_SIZES, SUBTITLE_LINE
from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import DONE, FIELD_COLORS, FIELDS, FIELDS_EN, RUNNING
from roadmap.planning.followup import STATE_WORDS, State, status
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan
from tests.pages import large_workshop
from ui.session import demo_workshop


@pytest.fixture(scope="module")
def demo():
    workshop = demo_workshop()  # as on the tests' fixed day, 1 December 2026
    return plan(workshop.measures, workshop.profile.planned_as_of(Month(2026, 12)))


def test_one_bar_per_planned_measure_in_start_order(demo) -> None:
    rows = gantt_rows(demo, "de")

    assert [row["id"] for row in rows] == [p.measure_id for p in demo.planned_in_order]
    assert [row["order"] for row in rows] == list(range(len(rows)))


def test_a_bar_covers_its_months_on_the_month_grid() -> None:
    measure = Measure("A", "CRM", duration=2, earliest_start=Month(2026, 3))

    row = gantt_rows(plan((measure,), Profile()), "de")[0]

    assert (row["start"], row["end"]) == (2, 4)
    assert (row["start_text"], row["end_text"]) == ("01.03.2026", "30.04.2026")


def test_dates_in_the_tooltip_follow_the_language() -> None:
    measure = Measure("A", "CRM", duration=2, earliest_start=Month(2026, 3))

    row = gantt_rows(plan((measure,), Profile()), "en")[0]

    assert (row["start_text"], row["end_text"]) == ("1 Mar 2026", "30 Apr 2026")


def test_a_commitment_begun_before_the_horizon_is_cut_at_its_start_and_marked(demo) -> None:
    rows = {row["id"]: row for row in gantt_rows(demo, "de")}

    m365 = rows["M02"]

    assert m365["committed"] and m365["begins_earlier"]
    assert (m365["start"], m365["end"], m365["start_text"]) == (0, 2, "01.10.2026")
    assert not rows["M04"]["committed"] and not rows["M04"]["begins_earlier"]


def test_a_commitment_running_past_the_horizon_is_cut_at_its_end() -> None:
    measure = Measure("A", "ERP", status=RUNNING, duration=6, earliest_start=Month(2026, 10))

    row = gantt_rows(plan((measure,), Profile()), "de")[0]

    assert (row["end"], row["ends_later"]) == (12, True)


def test_bars_carry_their_fields_colour_and_translated_name(demo) -> None:
    names = {FIELDS_EN[f]: FIELD_COLORS[f] for f in FIELDS}

    rows = gantt_rows(demo, "en")

    assert all(row["color"] == names[row["field"]] for row in rows)


def test_measures_with_the_same_title_get_their_id_added() -> None:
    twins = (Measure("A", "Schulung"), Measure("B", "Schulung"), Measure("C", "CRM"))

    labels = {row["id"]: row["label"] for row in gantt_rows(plan(twins, Profile()), "de")}

    assert labels == {"A": "Schulung (A)", "B": "Schulung (B)", "C": "CRM"}


def test_phase_bands_follow_the_phases_with_their_milestones(demo) -> None:
    rows = phase_rows(demo, "de")

    assert [row["name"] for row in rows] == list(demo.profile.phase_names)
    assert [(row["start"], row["end"]) for row in rows] == [(0, 1), (1, 4), (4, 7), (7, 10)]
    assert [row["day_text"] for row in rows] == ["31.12.2026", "31.03.2027", "30.06.2027", "30.09.2027"]
    assert [row["finished"] for row in rows] == [3, 13, 16, 18]
    assert [row["number"] for row in rows] == ["1", "2", "3", "4"]


def test_a_phase_band_too_narrow_for_its_name_shows_the_phase_number(demo) -> None:
    import vl_convert

    spec = gantt_chart(demo, "de").to_dict()
    spec["width"] = 1500  # the chart as on a 1920 px screen

    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", vl_convert.vegalite_to_svg(spec))]

    assert "1" in texts  # the first phase is the one month December 2026
    assert not any(text.startswith("Phase 1") or text.endswith("…") for text in texts)
    assert "Phase 2 – Prozesse & Daten" in texts and "Phase 4 – Verankern" in texts


def test_a_dependency_links_the_end_of_the_prerequisite_to_the_start_of_the_dependent(demo) -> None:
    rows = dependency_rows(demo)

    link = [row for row in rows if row["link"] == "M04->M21"]

    assert [(row["step"], row["x"], row["label"]) for row in link] == [
        (0, 1, "Datensicherung nach 3-2-1-Regel"),
        (1, 8, "Server in die Cloud migrieren"),
    ]


def test_links_are_drawn_only_between_planned_measures(demo) -> None:
    rows = dependency_rows(demo)

    linked = {part for row in rows for part in row["link"].split("->")}

    assert linked <= set(demo.placements)
    assert "M14" not in linked  # not planned (budget), though it depends on M08 and M12
    assert "M03" in linked  # planned after M02


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 1, 1), 0.0),
        (date(2026, 3, 16), 2 + 15 / 31),
        (date(2026, 12, 31), 11 + 30 / 31),
        (date(2025, 12, 31), None),
        (date(2027, 1, 1), None),
        (None, None),
    ],
)
def test_today_is_placed_only_inside_the_horizon(today: date | None, expected: float | None) -> None:
    assert today_position(Profile(), today) == expected


def test_the_today_line_is_drawn_only_when_today_lies_in_the_horizon(demo) -> None:
    inside = json.dumps(gantt_chart(demo, "de", date(2027, 5, 14)).to_dict(), ensure_ascii=False)
    outside = json.dumps(gantt_chart(demo, "de", date(2028, 5, 14)).to_dict(), ensure_ascii=False)

    assert "Violette Linie: heute, 14.05.2027." in inside and "today" in inside
    assert "Violette Linie" not in outside
    assert "Violette Linie" not in json.dumps(gantt_chart(demo, "de").to_dict(), ensure_ascii=False)


def test_month_labels_in_german_and_english_with_the_year_at_each_january() -> None:
    profile = Profile(horizon_start=Month(2026, 11), horizon_end=Month(2027, 3))

    assert month_labels(profile, "de") == ["Nov 2026", "Dez", "Jan 2027", "Feb", "Mär"]
    assert month_labels(profile, "en") == ["Nov 2026", "Dec", "Jan 2027", "Feb", "Mar"]


def test_without_a_room_the_chart_grows_by_one_row_per_bar_plus_the_milestone_row(demo) -> None:
    small = plan((Measure("A", "CRM"),), Profile())

    assert (gantt_height(small), gantt_height(demo)) == (2 * ROW_HEIGHT, 19 * ROW_HEIGHT)
    assert gantt_chart(demo, "de").to_dict()["height"] == gantt_height(demo)


@pytest.mark.parametrize("count", [0, 1, 21, 500])
def test_the_chart_renders_without_warnings_for_any_number_of_measures(count: int) -> None:
    workshop = large_workshop(count) if count else demo_workshop().with_changes(measures=())
    the_plan = plan(workshop.measures, workshop.profile)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spec = gantt_chart(the_plan, "de", date(2026, 6, 1)).to_dict()

    assert len(spec["datasets"]["measures"]) == len(the_plan.placements)
    assert spec["layer"]


def test_the_chart_speaks_english_in_english_mode(demo) -> None:
    spec = json.dumps(gantt_chart(demo, "en", date(2026, 5, 14)).to_dict(), ensure_ascii=False)

    assert "Phases and milestones" in spec and "Field of action" in spec and "'Mar'" in spec
    assert "Meilenstein" not in spec and "'Mär'" not in spec


def test_no_subtitle_line_is_longer_than_a_small_screen_holds() -> None:
    # Vega cuts a title line wider than the chart with "…"; on a 1024×768 projector that was most of them.
    chart = gantt_chart(plan(demo_workshop().measures, demo_workshop().profile), "de", date(2026, 5, 1))
    lines = chart.to_dict()["title"]["subtitle"]
    assert len(lines) >= 2 and all(len(line) <= SUBTITLE_LINE for line in lines)
    assert " ".join(lines).startswith("Phasen (eine Zahl")


def _late_running_done() -> tuple[Plan, Plan]:
    """Four measures as of March 2026, each in another state: one planned, one under way, one late against
    the baseline (planned to end in January), one done."""
    profile = Profile(as_of=Month(2026, 3))
    measures = (
        Measure("P", "Geplant", duration=2, earliest_start=Month(2026, 5)),
        Measure("R", "Läuft", status=RUNNING, duration=3, actual_start=Month(2026, 3)),
        Measure("L", "Zu spät", duration=2, earliest_start=Month(2026, 4)),
        Measure("D", "Fertig", status=DONE, duration=1, actual_start=Month(2026, 1), actual_end=Month(2026, 1)),
    )
    baseline = plan(
        tuple(m.with_changes(earliest_start=Month(2026, 1)) if m.id == "L" else m for m in measures),
        profile.with_changes(as_of=None),
    )
    return plan(measures, profile), baseline


@pytest.mark.parametrize(
    ("measure_id", "state", "color"),
    [
        ("P", "geplant", STATE_COLORS[State.PLANNED]),
        ("R", "läuft", STATE_COLORS[State.RUNNING]),
        ("L", "verspätet", STATE_COLORS[State.LATE]),
        ("D", "fertig", STATE_COLORS[State.DONE]),
    ],
)
def test_a_bar_has_the_colour_of_the_state_the_follow_up_gives_its_measure(
    measure_id: str, state: str, color: str
) -> None:
    current, baseline = _late_running_done()

    spec = gantt_chart(current, "de", baseline=baseline).to_dict()

    row = next(row for row in spec["datasets"]["measures"] if row["id"] == measure_id)
    scale = next(layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "bar")["encoding"]["color"]
    assert (
        row["state"]
        == state
        == STATE_WORDS[status(current.measure(measure_id), current, baseline, Month(2026, 3))]("de")
    )
    assert dict(zip(scale["scale"]["domain"], scale["scale"]["range"], strict=True))[state] == color


def test_an_empty_phase_at_the_end_of_the_horizon_is_not_drawn(demo) -> None:
    spec = gantt_chart(demo, "de").to_dict()

    names = [row["name"] for row in spec["datasets"]["phases"]]

    assert "Q4/2027" not in names and len(names) == 4  # no measure runs in October to December 2027
    assert shown_length(demo) == 10 and horizon_length(demo.profile) == 13
    assert max(row["end"] for row in spec["datasets"]["measures"]) <= 10


def test_every_phase_keeps_its_whole_name_and_the_captions_name_each_by_its_number(demo) -> None:
    rows = phase_rows(demo, "de")
    captions = gantt_captions(demo, "de", date(2026, 12, 14), baseline=True)

    assert [row["name"] for row in rows] == list(demo.profile.phase_names)
    assert all(row["name_em"] > 0.5 * len(row["name"]) for row in rows)  # room is judged on the whole name
    assert "1 Phase 1 – Quick Wins & Grundlagen; 2 Phase 2 – Prozesse & Daten" in captions[-1]
    assert any("heute, 14.12.2026" in line for line in captions)
    assert any("Basisplan" in line for line in captions)


def test_the_legend_names_the_four_states_links_milestones_baseline_and_today(demo) -> None:
    spec = gantt_chart(demo, "de", date(2026, 12, 14), demo).to_dict()

    keys = [row["key"] for row in spec["datasets"]["legend"]]

    assert keys == ["Geplant", "Läuft", "Verspätet", "Fertig", "Voraussetzung", "Meilenstein", "Basisplan", "Heute"]
    assert "title" not in gantt_chart(demo, "de", titled=False).to_dict()  # the page has its own title


def test_the_chart_speaks_the_app_s_font() -> None:
    spec = gantt_chart(plan((Measure("A", "CRM"),), Profile()), "de").to_dict()

    assert spec["config"]["font"] == APP_FONT and "Source Sans" in APP_FONT


@pytest.mark.parametrize(("room", "type_scale"), [(900, 1.0), (840, 21 / 18)])
def test_twenty_five_rows_fit_the_room_a_1080_pixel_screen_leaves(room: int, type_scale: float) -> None:
    the_plan = plan(large_workshop(29).measures, large_workshop(29).profile)  # 25 of them are planned

    height = gantt_height(the_plan, room, type_scale)

    assert len(the_plan.placements) == 25
    assert height + CHROME_HEIGHT * type_scale <= room
    assert height / 26 >= (FONT_SIZES["axis_label"] + 4) * type_scale  # each row holds its label's type


def test_a_room_too_small_keeps_every_row_readable_and_the_chart_grows_past_it() -> None:
    the_plan = plan(large_workshop(200).measures, large_workshop(200).profile)

    height = gantt_height(the_plan, 840, 21 / 18)

    assert height == (len(the_plan.placements) + 1) * round((FONT_SIZES["axis_label"] + ROW_AIR) * 21 / 18)
    assert height > 840
