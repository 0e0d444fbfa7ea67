"""The chart of the maturity check (Bestandsaufnahme) as an Altair chart.

Pure: no Streamlit. One horizontal bar per field of action, its mean answer on the fixed scale
0 (not at all) to 4 (fully), coloured by field; a field with no answer yet says so instead of
showing 0, and the weakest fields carry a dark outline and the words "am schwächsten".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import altair as alt

from roadmap.charts.style import (
    FONT_SIZES,
    INK,
    RED,
    field_name,
    field_scale,
    layered,
    named_data,
    projector_style,
    with_datasets,
)
from roadmap.domain import formats
from roadmap.domain.messages import Lang
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS
from roadmap.workshop.maturity import ANSWER_LABELS, HIGHEST, LOWEST, field_scores, questions_of, weakest_fields

WEAK_COLOR = RED
OPEN_COLOR = "#6B6B6B"
ROW_HEIGHT = 64
# The axis shows 0–4; the room to the right of 4 holds the labels of the highest bars.
X_DOMAIN = (LOWEST, HIGHEST + 0.6)


def _words(lang: Lang) -> dict[str, str]:
    if lang == "en":
        return {
            "title": "Digital maturity per field of action",
            "subtitle": "Mean of the answers, 0 = not at all to 4 = fully · outlined: the weakest fields",
            "x": "Maturity (mean of the answers)",
            "open": "not answered",
            "weak": "weakest",
            "field": "Field of action",
            "score": "Maturity",
            "answered": "Questions answered",
            "of": "of",
        }
    return {
        "title": "Digitaler Reifegrad je Handlungsfeld",
        "subtitle": "Mittelwert der Antworten, 0 = gar nicht bis 4 = vollständig · umrandet: am schwächsten",
        "x": "Reifegrad (Mittelwert der Antworten)",
        "open": "noch offen",
        "weak": "am schwächsten",
        "field": "Handlungsfeld",
        "score": "Reifegrad",
        "answered": "Fragen beantwortet",
        "of": "von",
    }


def maturity_rows(answers: dict[str, int], lang: Lang) -> list[dict[str, Any]]:
    """One row per field of action, in field order: score (None if unanswered), label, colour, weakness."""
    words = _words(lang)
    scores = field_scores(answers)
    weak = set(weakest_fields(answers))
    rows = []
    for field in FIELDS:
        score = scores[field]
        questions = questions_of(field)
        given = sum(1 for q in questions if q.id in answers)
        score_text = formats.number(score, lang, 1) if score is not None else words["open"]
        label = score_text
        if field in weak:
            label = f"{score_text} – {words['weak']}"
        rows.append(
            {
                "field": field_name(field, lang),
                "color": FIELD_COLORS[field],
                "score": None if score is None else round(score, 4),
                "answered": score is not None,
                "weak": field in weak,
                "score_text": score_text,
                "label": label,
                "answered_text": f"{given} {words['of']} {len(questions)}",
            }
        )
    return rows


def _axis_labels(lang: Lang) -> str:
    """A Vega expression giving each tick 0–4 its answer in two lines ('2' over 'teilweise')."""
    lines = [[str(i), label(lang).split(" – ", 1)[-1]] for i, label in enumerate(ANSWER_LABELS)]
    return f"{json.dumps(lines, ensure_ascii=False)}[datum.value]"


def maturity_chart(answers: dict[str, int], lang: Lang) -> alt.LayerChart:
    """The six fields of action with their maturity 0–4, coloured by field, the weakest outlined."""
    words = _words(lang)
    axes = _Axes(
        x=alt.Scale(domain=list(X_DOMAIN), nice=False, zero=True),
        y=alt.Y(
            "field:N",
            sort=[field_name(f, lang) for f in FIELDS],
            title=None,
            axis=alt.Axis(labelLimit=420, labelFontSize=FONT_SIZES["axis_title"], labelPadding=10, ticks=False),
            scale=alt.Scale(paddingInner=0.28),
        ),
        tooltip=[
            alt.Tooltip("field:N", title=words["field"]),
            alt.Tooltip("score_text:N", title=words["score"]),
            alt.Tooltip("answered_text:N", title=words["answered"]),
        ],
    )
    chart = layered(_bars(axes, lang), _score_labels(axes), _unanswered(axes)).properties(
        width=900,
        height=ROW_HEIGHT * len(FIELDS),
        title=alt.TitleParams(words["title"], subtitle=words["subtitle"]),
    )
    return with_datasets(projector_style(chart), {"fields": maturity_rows(answers, lang)})


@dataclass(frozen=True)
class _Axes:
    """What every layer shares: the fixed 0–4 scale, the fields down the side, the tooltip."""

    x: alt.Scale
    y: alt.Y
    tooltip: list[alt.Tooltip]


def _answered() -> alt.Chart:
    return named_data("fields").transform_filter(alt.datum.answered)


def _bars(axes: _Axes, lang: Lang) -> alt.Chart:
    """One bar per answered field, in its colour; the weakest outlined."""
    x_axis = alt.Axis(
        values=list(range(LOWEST, HIGHEST + 1)),
        labelExpr=_axis_labels(lang),
        labelLineHeight=22,
        labelOverlap=False,
        labelFontSize=FONT_SIZES["legend"],
        grid=True,
        gridColor="#CFCFCF",
    )
    bars: alt.Chart = (
        _answered()
        .mark_bar(cornerRadiusEnd=4)
        .encode(
            x=alt.X("score:Q", scale=axes.x, title=_words(lang)["x"], axis=x_axis),
            y=axes.y,
            color=alt.Color("field:N", scale=field_scale(lang), legend=None),
            stroke=alt.condition(alt.datum.weak, alt.value(INK), alt.value(None)),
            strokeWidth=alt.condition(alt.datum.weak, alt.value(4), alt.value(0)),
            tooltip=axes.tooltip,
        )
    )
    return bars


def _score_labels(axes: _Axes) -> alt.LayerChart:
    """The score beside each bar; the weakest in bold red with the words 'am schwächsten'."""
    return layered(
        *(
            _answered()
            .transform_filter(alt.datum.weak if weak else ~alt.datum.weak)
            .mark_text(
                align="left",
                baseline="middle",
                dx=10,
                fontSize=FONT_SIZES["axis_label"] + 2,
                fontWeight="bold" if weak else "normal",
                color=WEAK_COLOR if weak else INK,
            )
            .encode(x=alt.X("score:Q", scale=axes.x), y=axes.y, text="label:N", tooltip=axes.tooltip)
            for weak in (True, False)
        )
    )


def _unanswered(axes: _Axes) -> alt.Chart:
    """A field without answers says so in grey italics at 0, instead of showing an empty bar."""
    note: alt.Chart = (
        named_data("fields")
        .transform_filter(~alt.datum.answered)
        .transform_calculate(zero="0")
        .mark_text(align="left", baseline="middle", dx=10, fontSize=FONT_SIZES["axis_label"], fontStyle="italic")
        .encode(
            x=alt.X("zero:Q", scale=axes.x), y=axes.y, text="label:N", color=alt.value(OPEN_COLOR), tooltip=axes.tooltip
        )
    )
    return note
