"""A select box over named choices: the ids are the options, their names shown, "Bitte wählen …" when empty."""

from __future__ import annotations

from collections.abc import Mapping

from streamlit.delta_generator import DeltaGenerator

from ui.language import please_choose


def choose(where: DeltaGenerator, label: str, names: Mapping[str, str], key: str, index: int = 0) -> str:
    """The chosen id of `names` (id → its words), drawn in `where` (a column)."""
    return where.selectbox(
        label, list(names), index=index, format_func=names.__getitem__, key=key, placeholder=please_choose()
    )
