"""Tables: Streamlit's column config for columns the core describes, and the one rule for a table's height."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from roadmap.views.column_specs import ColumnSpec

HEADER_HEIGHT = 38  # pixels of a table's header row
ROW_HEIGHT = 35  # pixels of one row

_COLUMN_TYPES = {
    "text": "TextColumn",
    "number": "NumberColumn",
    "checkbox": "CheckboxColumn",
    "select": "SelectboxColumn",
    "multiselect": "MultiselectColumn",
    "date": "DateColumn",
}


def table_height(rows: int, most: int) -> int:
    """Pixels for a table that shows all its `rows` without scrolling, but at most `most` (it scrolls beyond)."""
    return min(HEADER_HEIGHT + ROW_HEIGHT * rows, most)


def column_config(specs: Mapping[str, ColumnSpec]) -> dict[str, Any]:
    """Streamlit's column config for columns the core describes (roadmap/views/column_specs.py)."""
    return {
        key: getattr(st.column_config, _COLUMN_TYPES[spec.kind])(spec.label, **spec.options)
        for key, spec in specs.items()
    }
