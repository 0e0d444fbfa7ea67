"""What a table's columns show, as plain data: label, kind and options; the pages make Streamlit's column config.

A page turns each `ColumnSpec` into `st.column_config.<Kind>Column(spec.label, **spec.options)`, so the
labels, choices, formats and ranges are decided (and tested) here, without streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = ("text", "number", "checkbox", "select", "multiselect", "date")


@dataclass(frozen=True)
class ColumnSpec:
    """One column: its kind (one of KINDS), its heading and the keyword options of that kind of column."""

    kind: str
    label: str
    options: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of column: {self.kind!r}")


def column(kind: str, label: str, **options: Any) -> ColumnSpec:
    """A column of this kind with this heading and options (e.g. disabled=True, min_value=1)."""
    return ColumnSpec(kind, label, options)
