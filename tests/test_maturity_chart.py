"""The maturity chart is built from the right data: six fields, their scores, colours and the weakest ones."""

from __future__ import annotations

import pytest

from roadmap.charts.maturity_chart import X_DOMAIN, maturity_chart, maturity_rows
from roadmap.domain.vocabulary import FIELD_COLORS, FIELDS, FIELDS_EN
from roadmap.workshop.maturity import weakest_fields

# Process automation scores 2.5, data 1, cloud 4, customers 1; people and strategy are not answered.
ANSWERS = {"proz-1": 2, "proz-2": 3, "daten-1": 1, "cloud-1": 4, "kunde-1": 1, "kunde-2": 1}


def test_there_is_one_row_per_field_of_action_in_field_order_with_its_colour() -> None:
    rows = maturity_rows(ANSWERS, "de")

    assert [row["field"] for row in rows] == list(FIELDS)
    assert [row["color"] for row in rows] == [FIELD_COLORS[f] for f in FIELDS]


def test_english_rows_translate_the_fields_but_keep_their_colours() -> None:
    rows = maturity_rows(ANSWERS, "en")

    assert [(row["field"], row["color"]) for row in rows] == [(FIELDS_EN[f], FIELD_COLORS[f]) for f in FIELDS]


@pytest.mark.parametrize(
    ("lang", "open_text", "score_text"), [("de", "noch offen", "2,5"), ("en", "not answered", "2.5")]
)
def test_an_unanswered_field_says_so_instead_of_showing_zero(lang: str, open_text: str, score_text: str) -> None:
    rows = {row["color"]: row for row in maturity_rows(ANSWERS, lang)}

    people = rows[FIELD_COLORS["Mitarbeitende & Kompetenzen"]]
    process = rows[FIELD_COLORS["Prozessautomatisierung"]]

    assert (people["score"], people["answered"], people["label"]) == (None, False, open_text)
    assert (process["score"], process["answered"], process["label"]) == (2.5, True, score_text)


def test_the_chart_outlines_the_weakest_fields_of_the_maturity_rule() -> None:
    rows = maturity_rows(ANSWERS, "de")

    assert [row["field"] for row in rows if row["weak"]] == weakest_fields(ANSWERS)


def test_the_weakest_fields_are_labelled_in_the_chart_rows() -> None:
    rows = maturity_rows({"proz-1": 0, "daten-1": 3, "cloud-1": 4}, "de")

    labels = {row["field"]: row["label"] for row in rows if row["answered"]}

    assert labels == {
        "Prozessautomatisierung": "0,0 – am schwächsten",
        "Daten & Entscheidungen": "3,0 – am schwächsten",
        "Cloud & IT-Sicherheit": "4,0",
    }


def test_the_chart_scale_is_fixed_from_0_to_4_with_the_answer_words_on_its_axis() -> None:
    spec = maturity_chart({"proz-1": 1}, "de").to_dict()

    bars = spec["layer"][0]["encoding"]["x"]

    assert bars["scale"]["domain"] == list(X_DOMAIN) and X_DOMAIN[0] == 0
    assert bars["axis"]["values"] == [0, 1, 2, 3, 4]
    assert all(word in bars["axis"]["labelExpr"] for word in ("gar nicht", "kaum", "teilweise", "vollständig"))


def test_the_chart_colours_each_field_with_its_colour_in_either_language() -> None:
    spec = maturity_chart(ANSWERS, "en").to_dict()

    scale = spec["layer"][0]["encoding"]["color"]["scale"]

    assert scale["domain"] == [FIELDS_EN[f] for f in FIELDS]
    assert scale["range"] == [FIELD_COLORS[f] for f in FIELDS]


@pytest.mark.parametrize(
    ("lang", "title"), [("de", "Digitaler Reifegrad je Handlungsfeld"), ("en", "Digital maturity")]
)
def test_the_chart_is_titled_in_the_language_and_large_enough_for_a_projector(lang: str, title: str) -> None:
    spec = maturity_chart(ANSWERS, lang).to_dict()

    assert spec["title"]["text"].startswith(title)
    assert spec["config"]["axis"]["labelFontSize"] >= 16 and spec["config"]["title"]["fontSize"] >= 16
    assert spec["datasets"]["fields"] == maturity_rows(ANSWERS, lang)
