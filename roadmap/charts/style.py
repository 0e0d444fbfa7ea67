"""What every chart shares: projector-sized type, the ink colours, field names and colours, the configuration.

Pure: no Streamlit. A workshop looks at the charts on a projector from four metres, so type is
large and lines are quiet. The colour of each field of action has its one home in
`roadmap.domain.vocabulary.FIELD_COLORS` (the workbook uses it too); this module turns it into a scale.
Altair is untyped at its edges; the helpers here return `alt.Chart` / `alt.LayerChart` so that
the chart modules are checked by mypy.
"""

from __future__ import annotations

import textwrap
from typing import Any, Literal

import altair as alt

from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS, FIELDS_EN

# The app's own font (Streamlit's theme, .streamlit/config.toml): charts speak in the same type as the page.
APP_FONT = '"Source Sans", "Source Sans Pro", sans-serif'

# Font sizes in pixels, readable on a projector.
# No chart text below the app's 18 px base type (.streamlit/config.toml).
FONT_SIZES = {"title": 26, "subtitle": 18, "axis_title": 20, "axis_label": 18, "legend": 18, "label": 18}

INK = "#1A1A1A"  # text on the plot: labels, totals, milestone diamonds
AXIS_INK = "#222222"  # axis and legend labels and titles
OUTLINE = "#111111"  # the ring of a must-have, the outline of a measure in progress
MUTED_INK = "#555555"  # dependency lines, neutral legend symbols
RED = "#B3261E"  # over budget, the budget line, time sinks, the weakest fields
GREEN = "#2E7D32"  # the corridor's edges, quick wins

LEGEND_SYMBOL_SIZE = 260
LEGEND_LABEL_LIMIT = 320

LegendPlace = Literal["bottom", "top", "right"]


def legend_columns(type_scale: float = 1.0) -> alt.ExprRef:
    """Vega: entries per legend row below or above a chart, by the page's width (three in a PNG),
    so that every entry stays on a 1024 px screen, also with type enlarged by `type_scale`."""
    one, two = round(820 * type_scale), round(1250 * type_scale)
    width = "containerSize()[0]"
    return alt.ExprRef(expr=f"{width} <= 0 ? 3 : {width} < {one} ? 1 : {width} < {two} ? 2 : 3")


# Where the legend stands: below or above in rows, or on the right one entry per line.
_LEGEND_LAYOUTS: dict[str, dict[str, Any]] = {
    "bottom": {"orient": "bottom", "offset": 30, "columns": legend_columns(), "direction": "horizontal"},
    "top": {"orient": "top", "offset": 12, "columns": legend_columns(), "direction": "horizontal"},
    "right": {
        "orient": "right",
        "offset": 24,
        "columns": 1,
        "direction": "vertical",
        "labelColor": AXIS_INK,
        "titleColor": AXIS_INK,
    },
}


def field_name(field: str, lang: str) -> str:
    """A field of action's name in the language."""
    return FIELDS_EN.get(field, field) if lang == "en" else field


def field_scale(lang: str) -> alt.Scale:
    """The colour scale of the fields of action: the same colour per field on every chart and language."""
    return alt.Scale(domain=[field_name(f, lang) for f in FIELDS], range=[FIELD_COLORS[f] for f in FIELDS])


SUBTITLE_LINE = 58  # characters: about 520 px of subtitle type, which fits a 1024×768 screen beside the sidebar


def short_lines(lines: list[str], width: int = SUBTITLE_LINE) -> list[str]:
    """The lines broken at spaces so that none is longer than `width` characters."""
    return [short for line in lines for short in textwrap.wrap(line, width) or [line]]


def named_data(name: str) -> alt.Chart:
    """A chart on a dataset named here and attached once at the top level by `with_datasets`."""
    return alt.Chart(alt.NamedData(name=name))


def layered(*layers: alt.Chart | alt.LayerChart) -> alt.LayerChart:
    """The layers drawn over one another, in this order (the first at the back)."""
    return alt.LayerChart(layer=list(layers))


def projector_style(
    chart: alt.LayerChart, legend: LegendPlace = "bottom", locale: alt.Locale | None = None
) -> alt.LayerChart:
    """Large type in the app's font and quiet lines, readable on a projector from four metres; optionally a
    Vega number locale.

    A long subtitle is broken into short lines: Vega cuts a line wider than the chart with "…".
    """
    title = chart.title
    if isinstance(title, alt.TitleParams) and title.subtitle is not alt.Undefined:
        given = title.subtitle
        title.subtitle = short_lines([given] if isinstance(given, str) else list(given))
    chart = chart.configure(font=APP_FONT) if locale is None else chart.configure(font=APP_FONT, locale=locale)
    styled: alt.LayerChart = (
        chart.configure_axis(
            labelFontSize=FONT_SIZES["axis_label"],
            titleFontSize=FONT_SIZES["axis_title"],
            titleFontWeight="bold",
            labelColor=AXIS_INK,
            titleColor=AXIS_INK,
        )
        .configure_legend(
            labelFontSize=FONT_SIZES["legend"],
            titleFontSize=FONT_SIZES["legend"] + 1,
            symbolSize=LEGEND_SYMBOL_SIZE,
            labelLimit=LEGEND_LABEL_LIMIT,
            titleLimit=LEGEND_LABEL_LIMIT,
            **_LEGEND_LAYOUTS[legend],
        )
        .configure_title(fontSize=FONT_SIZES["title"], subtitleFontSize=FONT_SIZES["subtitle"], anchor="start")
        .configure_view(strokeWidth=0)
        # The width fits the page (or the PNG); the height is the plot's own, so the titles,
        # axes and legend never squeeze it.
        .properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    )
    return styled


def with_datasets(chart: alt.LayerChart, datasets: dict[str, list[dict[str, Any]]]) -> alt.LayerChart:
    """The chart with its named datasets, set last and without a copy: every Altair step copies the rows again.

    The data sits once at the top level: inline copies per layer are slow for 500 measures.
    """
    chart.datasets = datasets
    return chart


# Type sizes, and the widths a legend gives its texts before it cuts them (they grow with the type).
_TYPE_SIZES = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize", "labelLimit", "titleLimit")


def scaled_type(spec: Any, factor: float) -> Any:
    """A copy of a Vega-Lite spec with every fixed type size (and room for text) multiplied by `factor`.

    Sizes given as expressions (a total that shrinks with its column) stay as they are.
    """
    if isinstance(spec, dict):
        if isinstance(spec.get("columns"), dict) and "containerSize" in str(spec["columns"]):
            spec = {**spec, "columns": legend_columns(factor).to_dict()}
        return {
            key: round(value * factor, 1)
            if key in _TYPE_SIZES and isinstance(value, int | float) and not isinstance(value, bool)
            else scaled_type(value, factor)
            for key, value in spec.items()
        }
    if isinstance(spec, list):
        return [scaled_type(item, factor) for item in spec]
    return spec
