"""Charts: an Altair chart's Vega-Lite spec, built and checked once per stored version and language, and drawn."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

from ui.presenter import presented
from ui.session import shared


def chart_spec(key: str, build: Callable[[], Any], *extra: Hashable) -> dict[str, Any]:
    """An Altair chart's Vega-Lite dict, built and schema-checked once per stored version and language.

    Building and validating an Altair spec costs tens to hundreds of milliseconds with many
    measures; the finished dict is shared and drawn directly (`extra` adds e.g. today's date).
    """
    spec: dict[str, Any] = shared(f"chart:{key}", lambda: build().to_dict(), *extra)
    return spec


def draw_spec(key: str, spec: dict[str, Any]) -> None:
    """Draw a Vega-Lite spec as it is (key: the page's name for the chart)."""
    # theme=None: the charts bring their own projector-sized fonts and colours
    st.vega_lite_chart(spec=presented(spec), width="stretch", theme=None, key=f"{key}_chart")


def show_chart(key: str, build: Callable[[], Any], *extra: Hashable) -> None:
    """Draw an Altair chart from its shared, cached spec (see `chart_spec`)."""
    draw_spec(key, chart_spec(key, build, *extra))
