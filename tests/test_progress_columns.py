"""The Umsetzung table's views each fit a 1024 px projector and together show every column."""

from __future__ import annotations

import pytest

from roadmap.views import progress_columns
from roadmap.views.priorities import RANKING_SHOWN, RANKING_WIDTHS
from roadmap.views.progress_table import COLUMNS, column_specs

MAIN_AREA_AT_1024 = 730  # pixels beside the sidebar of a 1024 px screen (ui/screen.py)


@pytest.mark.parametrize("view", list(progress_columns.VIEWS))
def test_each_view_fits_a_1024_px_screen_and_starts_with_id_and_title(view: str) -> None:
    shown = progress_columns.view_columns(view)

    assert shown[:2] == ("id", "title")
    assert sum(progress_columns.WIDTHS[key] for key in shown) <= MAIN_AREA_AT_1024


def test_the_views_together_show_every_column_of_the_table() -> None:
    shown = {key for view in progress_columns.VIEWS for key in progress_columns.view_columns(view)}

    assert shown == set(COLUMNS)


def test_every_column_gets_its_width_and_keeps_what_it_shows() -> None:
    specs = column_specs("de", editable=True)

    fitted = progress_columns.fitted(specs)

    assert {key: spec.options["width"] for key, spec in fitted.items()} == progress_columns.WIDTHS
    assert fitted["percent_done"].options["format"] == specs["percent_done"].options["format"]


def test_the_ranking_table_shows_its_columns_within_a_1024_px_screen() -> None:
    assert sum(RANKING_WIDTHS[key] for key in RANKING_SHOWN) <= MAIN_AREA_AT_1024
