"""The Workshops & Stände page's tables, options and names (roadmap/views/workshops_page.py), without Streamlit."""

from __future__ import annotations

from datetime import UTC, datetime

from roadmap.store.records import SnapshotInfo, WorkshopInfo
from roadmap.views import workshops_page as page
from roadmap.workshop.compare import YearDifference

MOMENT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
WORKSHOPS = [WorkshopInfo("w1", "Schneider", MOMENT, 20, 3), WorkshopInfo("w2", "Müller", MOMENT, 5, 1)]
SNAPSHOTS = [SnapshotInfo("s1", "w1", "vor Workshop 2", MOMENT, 20)]


def test_a_time_is_shown_in_local_time_in_each_languages_style() -> None:
    local = MOMENT.astimezone()

    assert page.when(MOMENT, "de") == f"{local:%d.%m.%Y, %H:%M}"
    assert page.when(MOMENT, "en") == f"{local:%d %b %Y, %H:%M}"


def test_the_workshop_list_marks_the_open_one_and_offers_the_others() -> None:
    table = page.workshop_table(WORKSHOPS, "w2", "en")

    assert list(table.columns) == ["Name", "Measures", "Last changed", "Open"]
    assert list(table["Open"]) == ["", "●"]
    assert page.other_workshops(WORKSHOPS, "w2") == {"w1": "Schneider"}


def test_a_new_workshop_is_named_as_typed_else_after_the_firm_the_file_or_as_new() -> None:
    assert page.new_name("  Kunde A ", "Firma", "liste.xlsx", "de") == "Kunde A"
    assert page.new_name("", "Firma", "liste.xlsx", "de") == "Firma"
    assert page.new_name(" ", "", "liste.xlsx", "de") == "liste.xlsx"
    assert page.new_name("", "", "", "en") == "New workshop"
    assert page.copy_name("Schneider", "de") == "Schneider (Kopie)"


def test_snapshots_are_listed_named_with_their_time_and_compared_with_now_last() -> None:
    table = page.snapshot_table(SNAPSHOTS, "de")
    names = page.snapshot_names(SNAPSHOTS, "de")

    assert list(table.columns) == ["Stand", "Festgehalten", "Maßnahmen"]
    assert names == {"s1": f"vor Workshop 2 ({page.when(MOMENT, 'de')})"}
    assert list(page.after_choices(names, "en").items())[-1] == (page.NOW, "Now")
    assert page.snapshot_proposal(datetime(2026, 12, 1, 9, 30), "de") == "Stand 01.12.2026 09:30"


def test_the_compared_years_sign_a_rise() -> None:
    table = page.year_table([YearDifference(2027, 1_000, 1_500), YearDifference(2028, 1_000, 800)], "de")

    assert list(table["Jahr"]) == ["2027", "2028"]
    assert list(table["Unterschied"]) == ["+500\xa0€", "-200\xa0€"]
