"""Charts: an Altair chart's Vega-Lite spec, built and checked once per stored version and language, and drawn."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from roadmap.charts.style import FONT_SIZES, scaled_type
from ui.plans import shared
from ui.presenter import CHART_TYPE_SCALE, PRESENTER_FONT_PX, presenter


def presented(spec: dict[str, Any]) -> dict[str, Any]:
    """A chart's Vega-Lite spec as presenter mode draws it: every text at least the page's type size."""
    return scaled_type(spec, CHART_TYPE_SCALE) if presenter() else spec


def chart_spec(key: str, build: Callable[[], Any], *extra: Hashable) -> dict[str, Any]:
    """An Altair chart's Vega-Lite dict, built and schema-checked once per stored version and language.

    Building and validating an Altair spec costs tens to hundreds of milliseconds with many
    measures; the finished dict is shared and drawn directly (`extra` adds e.g. today's date).
    """
    spec: dict[str, Any] = shared(f"chart:{key}", lambda: build().to_dict(), *extra)
    return spec


_ARROW_SPECS = 64  # shared specs whose data is kept converted (a few pages × languages × workshops)
_arrow: OrderedDict[int, tuple[dict[str, Any], dict[str, Any]]] = OrderedDict()
_arrow_lock = threading.Lock()


def with_arrow_data(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with its named datasets as Arrow bytes, converted once per shared spec.

    Streamlit converts a spec's datasets to Arrow on every drawing unless they already are bytes;
    with 500 measures that was a quarter of a Priorisierung rerun. The shared spec (see `chart_spec`)
    is the same object on every rerun of its version, so its converted copy is kept beside it.
    """
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    with _arrow_lock:
        kept = _arrow.get(id(spec))
        if kept is not None and kept[0] is spec:
            _arrow.move_to_end(id(spec))
            return kept[1]
    converted = {
        name: rows if isinstance(rows, bytes) else convert_anything_to_arrow_bytes(rows)
        for name, rows in datasets.items()
    }
    arrowed = {**spec, "datasets": converted}
    with _arrow_lock:
        _arrow[id(spec)] = (spec, arrowed)  # the spec is kept alive, so its id is not reused meanwhile
        while len(_arrow) > _ARROW_SPECS:
            _arrow.popitem(last=False)
    return arrowed


def fitted_type_scale() -> float:
    """How much presenter mode enlarges a chart made to fit the screen (the Gantt): just enough for its
    smallest type to reach the page's, so that more rows fit than with the usual enlargement."""
    return PRESENTER_FONT_PX / min(FONT_SIZES.values()) if presenter() else 1.0


def draw_spec(key: str, spec: dict[str, Any], type_scale: float | None = None) -> None:
    """Draw a Vega-Lite spec as it is (key: the page's name for the chart); in presenter mode its type is
    enlarged, `type_scale` times when given (the scale the chart was fitted for), else as every chart's."""
    data = with_arrow_data(spec)
    shown = scaled_type(data, type_scale) if presenter() and type_scale is not None else presented(data)
    # theme=None: the charts bring their own projector-sized fonts and colours
    st.vega_lite_chart(spec=shown, width="stretch", theme=None, key=f"{key}_chart")


def show_chart(key: str, build: Callable[[], Any], *extra: Hashable) -> None:
    """Draw an Altair chart from its shared, cached spec (see `chart_spec`)."""
    draw_spec(key, chart_spec(key, build, *extra))
