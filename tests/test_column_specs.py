"""Table columns as plain data, turned into Streamlit's column config by the pages (roadmap/views/column_specs.py)."""

from __future__ import annotations

import pytest

from roadmap.views.column_specs import KINDS, ColumnSpec, column


def test_a_column_keeps_its_kind_heading_and_options() -> None:
    spec = column("number", "Nutzen (1–5)", min_value=1, max_value=5, disabled=False)

    assert spec == ColumnSpec("number", "Nutzen (1–5)", {"min_value": 1, "max_value": 5, "disabled": False})


def test_every_kind_a_page_knows_is_accepted() -> None:
    assert [column(kind, "x").kind for kind in KINDS] == list(KINDS)


def test_an_unknown_kind_of_column_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        column("slider", "Gewicht")
