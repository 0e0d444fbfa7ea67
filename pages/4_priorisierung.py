"""Priorisierung: value/effort matrix, ranking with flags, weighted criteria and dot voting on one screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from app_state import (
    bind,
    chart_spec,
    explain_empty_workshop,
    field_error,
    lang,
    presenter,
    revision,
    save,
    say,
    t,
    update,
    workshop,
)
from roadmap import ranking_view, voting
from roadmap.charts_matrix import matrix_chart
from roadmap.messages import Message
from roadmap.model import VALUE_SIDE, VOTE_RAISES_VALUE, Workshop

CARDS_PER_ROW = 3
Apply = Callable[[Workshop, Any], Workshop]
MEMO = "_priorisierung_view"  # chart spec and table of the last revision: reruns without a change reuse them


def matrix_view() -> tuple[dict[str, Any], pd.DataFrame]:
    """The matrix's Vega-Lite spec and the ranking table, made once per change of the workshop and language."""
    key = (revision(), lang())
    memo = st.session_state.get(MEMO)
    if memo is None or memo[0] != key:
        plan = ranking_view.ranking_plan(workshop())
        table = ranking_view.ranking_table(plan, lang())
        memo = (key, chart_spec("priorisierung_matrix", lambda: matrix_chart(plan, lang())), table)
        st.session_state[MEMO] = memo
    return memo[1], memo[2]


# --- matrix and ranking -------------------------------------------------------------------------


def _ranking_columns(editable: bool) -> dict[str, Any]:
    """Labels of the ranking table; only the two flags can be ticked, and only outside presenter mode."""
    text, checkbox = st.column_config.TextColumn, st.column_config.CheckboxColumn
    small = {"width": "small", "disabled": True}
    figure = {**small, "alignment": "right"}
    return {
        "rank": st.column_config.NumberColumn(t("Rang", "Rank"), **small),
        "title": text(t("Maßnahme", "Measure"), disabled=True),
        "field": text(t("Handlungsfeld", "Field of action"), disabled=True),
        "value_text": text(t("Nutzen", "Value"), **figure),
        "effort_text": text(t("Aufwand", "Effort"), **figure),
        "score_text": text("Score", **figure),
        "quadrant": text("Quadrant", disabled=True),
        "votes": st.column_config.NumberColumn(t("Stimmen", "Votes"), **small),
        "must_have": checkbox(t("Muss", "Must-have"), disabled=not editable),
        "excluded": checkbox(t("Ausschließen", "Exclude"), disabled=not editable),
    }


def show_ranking(table: pd.DataFrame, editable: bool) -> None:
    """The ranking table; outside presenter mode its must-have and exclude boxes can be ticked."""
    st.subheader(t("Rangliste", "Ranking"))
    height = min(38 + 35 * len(table), 38 + 35 * 22)
    if not editable:
        st.dataframe(
            table,
            hide_index=True,
            column_order=ranking_view.RANKING_COLUMNS,
            column_config=_ranking_columns(False),
            height=height,
        )
        return
    st.caption(say(ranking_view.RANKING_RULES))
    key, ids = f"priorisierung_ranking_{revision()}", list(table.index)
    st.data_editor(
        table,
        key=key,
        hide_index=True,
        column_order=ranking_view.RANKING_COLUMNS,
        column_config=_ranking_columns(True),
        height=height,
        on_change=update,
        args=(key, lambda current, state: voting.apply_flag_edits(current, ids, state)),
    )
    field_error(key)


# --- weighted criteria --------------------------------------------------------------------------


def criteria_editor() -> None:
    """The weighted criteria and, per measure, their scores 1–5."""
    current = workshop()
    language = lang()
    st.markdown(say(ranking_view.CRITERIA_RULES))
    old = current.profile.criteria
    key = f"priorisierung_criteria_{revision()}"
    st.data_editor(
        ranking_view.criteria_table(old),
        key=key,
        num_rows="dynamic",
        hide_index=True,
        placeholder="–",
        column_config={
            "name": st.column_config.TextColumn(t("Kriterium", "Criterion"), required=True, width="large"),
            "side": st.column_config.SelectboxColumn(
                t("zählt zu", "counts towards"),
                options=list(ranking_view.SIDES),
                format_func=lambda side: ranking_view.SIDES[side](language),
                required=True,
                default=VALUE_SIDE,
            ),
            "weight": st.column_config.NumberColumn(
                t("Gewicht", "Weight"), min_value=0.0, step=0.5, format="%.1f", default=1.0, required=True
            ),
        },
        on_change=update,
        args=(key, voting.apply_criteria_edits),
    )
    field_error(key)
    st.caption(
        t(
            "Neues Kriterium: in die leere Zeile klicken und den Namen tippen. Löschen: Zeile markieren, Entf.",
            "New criterion: click the empty row and type its name. Delete: select the row, press Delete.",
        )
    )
    if not old:
        return
    st.markdown(f"**{t('Bewertung je Maßnahme (1 = gering, 5 = hoch)', 'Scores per measure (1 = low, 5 = high)')}**")
    columns = ranking_view.score_columns(old)
    config: dict[str, Any] = {"title": st.column_config.TextColumn(t("Maßnahme", "Measure"), disabled=True)}
    for column, label in ranking_view.score_labels(old, language).items():
        config[column] = st.column_config.NumberColumn(label, min_value=1, max_value=5, step=1, format="%d")
    config["value"] = st.column_config.TextColumn(t("= Nutzen", "= Value"), disabled=True, alignment="right")
    config["effort"] = st.column_config.TextColumn(t("= Aufwand", "= Effort"), disabled=True, alignment="right")
    scores_key = f"priorisierung_scores_{revision()}"
    st.data_editor(
        ranking_view.scores_table(current, language),
        key=scores_key,
        hide_index=True,
        placeholder="–",
        column_config=config,
        height=min(38 + 35 * len(current.measures), 600),
        on_change=update,
        args=(
            scores_key,
            lambda changed, state: voting.apply_score_edits(changed, [m.id for m in current.measures], columns, state),
        ),
    )
    field_error(scores_key)


# --- dot voting ---------------------------------------------------------------------------------


def _bound_number(label: str, key: str, value: float, apply: Apply, **options: Any) -> None:
    bind(key, value)
    st.number_input(label, key=key, on_change=update, args=(key, apply), **options)
    field_error(key)


def voting_settings() -> None:
    """Participants, dots per person, the dots left (large) and how votes count."""
    current = workshop()
    language = lang()
    people, dots, remaining, given = st.columns(4)
    with people:
        _bound_number(
            t("Teilnehmende", "Participants"),
            "priorisierung_participants",
            int(current.participants),
            voting.set_participants,
            min_value=0,
            max_value=200,
            step=1,
            help=t("0 = Punkte ohne Begrenzung.", "0 = dots without a limit."),
        )
    with dots:
        _bound_number(
            t("Punkte pro Person", "Dots per person"),
            "priorisierung_dots",
            int(current.profile.dots_per_person),
            voting.set_dots_per_person,
            min_value=0,
            max_value=50,
            step=1,
        )
    remaining.metric(t("Punkte übrig", "Dots left"), ranking_view.dots_left_text(current, language))
    given.metric(t("Vergeben", "Given"), ranking_view.dots_given_text(current, language))
    if voting.dots_overspent(current):
        st.warning(say(ranking_view.TOO_MANY_DOTS), icon=":material/warning:")
    mode, weight, reset = st.columns([2, 1, 1])
    with mode:
        key = "priorisierung_vote_mode"
        bind(key, current.profile.vote_mode)
        st.radio(
            t("Wie zählen die Punkte?", "How do the dots count?"),
            list(ranking_view.VOTE_MODES),
            key=key,
            format_func=lambda m: ranking_view.VOTE_MODES[m](language),
            on_change=update,
            args=(key, voting.set_vote_mode),
        )
    with weight:
        _bound_number(
            t("Nutzen je Punkt", "Value per dot"),
            "priorisierung_vote_weight",
            float(current.profile.vote_weight),
            voting.set_vote_weight,
            min_value=0.0,
            max_value=5.0,
            step=0.25,
            format="%.2f",
            disabled=current.profile.vote_mode != VOTE_RAISES_VALUE,
            help=t("Um so viel steigt der Nutzen je Punkt (höchstens bis 5).", "Value added per dot (up to 5)."),
        )
    with reset:
        sure = st.checkbox(t("Ja, alle Punkte löschen", "Yes, clear all dots"), key="priorisierung_reset_sure")
        if st.button(
            t("Punkte zurücksetzen", "Reset dots"),
            key="priorisierung_reset",
            icon=":material/restart_alt:",
            disabled=not sure or voting.dots_used(current) == 0,
        ):
            save(voting.reset_votes(workshop()), Message("Alle Punkte zurückgesetzt.", "All dots reset."))
            st.session_state.pop("priorisierung_reset_sure", None)
            st.rerun()


def vote_counters() -> None:
    """One card per measure with its dots and a − / + counter, in the workshop's (stable) order."""
    current = workshop()
    language = lang()
    total, chosen = len(current.measures), 0
    if total > ranking_view.CARDS_PER_PAGE:
        chosen = st.selectbox(
            t("Maßnahmen", "Measures"),
            range(ranking_view.vote_page_count(total)),
            key="priorisierung_vote_page",
            format_func=lambda p: ranking_view.vote_page_label(p, total, language),
        )
    measures = ranking_view.vote_page(current.measures, chosen or 0)
    no_dots_left = voting.dots_left(current) == 0
    if no_dots_left:
        st.info(say(ranking_view.ALL_DOTS_GIVEN), icon=":material/info:")
    for start in range(0, len(measures), CARDS_PER_ROW):
        for column, measure in zip(st.columns(CARDS_PER_ROW), measures[start : start + CARDS_PER_ROW], strict=False):
            with column, st.container(border=True):
                st.markdown(ranking_view.vote_card(measure, language), unsafe_allow_html=True)
                minus, plus = st.columns(2)
                remove_key, add_key = f"priorisierung_vote_minus_{measure.id}", f"priorisierung_vote_plus_{measure.id}"
                minus.button(
                    t("Punkt weg", "Remove dot"),
                    key=remove_key,
                    icon=":material/remove:",
                    disabled=measure.votes == 0,
                    on_click=update,
                    args=(remove_key, lambda changed, _, i=measure.id: voting.remove_vote(changed, i)),
                    width="stretch",
                )
                plus.button(
                    t("Punkt dazu", "Add dot"),
                    key=add_key,
                    icon=":material/add:",
                    type="primary",
                    disabled=no_dots_left,
                    on_click=update,
                    args=(add_key, lambda changed, _, i=measure.id: voting.add_vote(changed, i)),
                    width="stretch",
                )
                field_error(add_key)


# --- the page -----------------------------------------------------------------------------------


def page() -> None:
    """Matrix and ranking; outside presenter mode also flags, dot voting and weighted criteria."""
    spec, table = matrix_view()
    st.vega_lite_chart(spec=spec, width="stretch", theme=None)
    if presenter():
        show_ranking(table, editable=False)
        return
    # One section at a time: only the chosen one is drawn, which keeps every rerun quick.
    language = lang()
    section = st.segmented_control(
        t("Bereich", "Section"),
        list(ranking_view.SECTIONS),
        default="ranking",
        required=True,
        key="priorisierung_section",
        format_func=lambda name: ranking_view.SECTIONS[name](language),
        label_visibility="collapsed",
    )
    if section == "voting":
        voting_settings()
        vote_counters()
    elif section == "criteria":
        criteria_editor()
    else:
        show_ranking(table, editable=True)


st.title(t("Priorisierung", "Prioritisation"))
if not presenter():
    st.markdown(
        t(
            "Schritt 4 von 7: Welche Maßnahmen bringen viel und kosten wenig? Oben links stehen die Quick Wins.",
            "Step 4 of 7: which measures bring a lot for little effort? The quick wins sit top left.",
        )
    )
if not explain_empty_workshop():
    page()
