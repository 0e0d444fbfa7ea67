"""Priorisierung: value/effort matrix, ranking with flags, weighted criteria and dot voting on one screen."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from roadmap.charts.matrix_chart import matrix_chart
from roadmap.views import priorities as ranking_view
from roadmap.workshop import voting
from ui.charts import chart_spec, draw_spec
from ui.empty import explain_empty_workshop
from ui.language import lang, please_choose, say, say_markdown, say_text, t
from ui.moderation import moderation, participation_open
from ui.plans import shared
from ui.presenter import presenter
from ui.screen import slot
from ui.session import revision, save, workshop
from ui.tables import column_config, table_height
from ui.widgets import bind, field_error, once, one_of, update

CARDS_PER_ROW = 3
SCORES_HEIGHT = 600


def matrix_view() -> tuple[dict[str, Any], pd.DataFrame]:
    """The matrix's Vega-Lite spec and the ranking table, made once per stored version and language."""
    plan = shared("priorisierung_ranking", lambda: ranking_view.ranking_plan(workshop()))
    table = shared("priorisierung_table", lambda: ranking_view.ranking_table(plan, lang()))
    return chart_spec("priorisierung_matrix", lambda: matrix_chart(plan, lang())), table


# --- matrix and ranking -------------------------------------------------------------------------


def show_ranking(table: pd.DataFrame, editable: bool) -> None:
    """The ranking table; outside presenter mode its must-have and exclude boxes can be ticked."""
    st.subheader(say(ranking_view.RANKING))
    config = column_config(ranking_view.ranking_column_specs(lang(), editable))
    if not editable:  # every row in view: the page scrolls, not the table
        st.dataframe(
            table, hide_index=True, column_order=ranking_view.RANKING_SHOWN, column_config=config, height="content"
        )
        return
    st.caption(say(ranking_view.RANKING_RULES))
    key = f"priorisierung_ranking_{revision()}"
    st.data_editor(
        table,
        key=key,
        hide_index=True,
        column_order=ranking_view.RANKING_SHOWN,
        column_config=config,
        height="content",
        on_change=update,
        args=(key, voting.flag_change(list(table.index))),
    )
    field_error(key)


# --- weighted criteria --------------------------------------------------------------------------


def criteria_editor() -> None:
    """The weighted criteria and, per measure, their scores 1–5."""
    current, language = workshop(), lang()
    st.markdown(say_markdown(ranking_view.CRITERIA_RULES))
    old = current.profile.criteria
    key = f"priorisierung_criteria_{revision()}"
    st.data_editor(
        ranking_view.criteria_table(old),
        key=key,
        num_rows="dynamic",
        hide_index=True,
        placeholder="–",
        column_config=column_config(ranking_view.criteria_column_specs(language)),
        on_change=update,
        args=(key, voting.apply_criteria_edits),
    )
    field_error(key)
    st.caption(say(ranking_view.CRITERIA_HINT))
    if not old:
        return
    st.markdown(f"**{say(ranking_view.SCORES_HEADING)}**")
    scores_key = f"priorisierung_scores_{revision()}"
    st.data_editor(
        ranking_view.scores_table(current, language),
        key=scores_key,
        hide_index=True,
        placeholder="–",
        column_config=column_config(ranking_view.score_column_specs(old, language)),
        height=table_height(len(current.measures), most=SCORES_HEIGHT),
        on_change=update,
        args=(scores_key, voting.score_change([m.id for m in current.measures], ranking_view.score_columns(old))),
    )
    field_error(scores_key)


# --- dot voting ---------------------------------------------------------------------------------


def _bound_number(key: str, field: ranking_view.NumberInput) -> None:
    bind(key, field.value)
    st.number_input(field.label, key=key, on_change=update, args=(key, field.apply), **field.options)
    field_error(key)


def voting_settings() -> None:
    """Participants, dots per person, the dots left (large) and how votes count."""
    current, language = workshop(), lang()
    inputs = ranking_view.voting_inputs(current, language)
    modes = {mode: say_text(label) for mode, label in ranking_view.VOTE_MODES.items()}
    people, dots, *figures = st.columns(4)
    with people:
        _bound_number("priorisierung_participants", inputs["participants"])
    with dots:
        _bound_number("priorisierung_dots", inputs["dots"])
    for column, (label, value) in zip(figures, ranking_view.dots_figures(current, language), strict=True):
        column.metric(label, value)
    with slot():  # comes and goes as the figures are typed: the fields below keep their place
        if voting.dots_overspent(current):
            st.warning(say(ranking_view.TOO_MANY_DOTS), icon=":material/warning:")
    mode, weight, reset = st.columns([2, 1, 1])
    with mode:
        key = "priorisierung_vote_mode"
        bind(key, current.profile.vote_mode)
        st.radio(
            say(ranking_view.VOTE_MODE_QUESTION),
            list(ranking_view.VOTE_MODES),
            key=key,
            format_func=modes.__getitem__,
            on_change=update,
            args=(key, voting.set_vote_mode),
        )
    with weight:
        _bound_number("priorisierung_vote_weight", inputs["weight"])
    with reset:
        sure = st.checkbox(say(ranking_view.RESET_SURE), key="priorisierung_reset_sure")
        if st.button(
            say(ranking_view.RESET),
            key=once("priorisierung_reset"),
            icon=":material/restart_alt:",
            disabled=not sure or voting.dots_used(current) == 0,
        ):
            save(voting.reset_votes(workshop()), ranking_view.DOTS_RESET)
            st.session_state.pop("priorisierung_reset_sure", None)
            st.rerun()


def vote_counters() -> None:
    """One card per measure with its dots and a − / + counter, in the workshop's (stable) order."""
    current, language = workshop(), lang()
    total, chosen = len(current.measures), 0
    if total > ranking_view.CARDS_PER_PAGE:
        chosen = st.selectbox(
            say(ranking_view.VOTE_PAGES),
            range(ranking_view.vote_page_count(total)),
            key="priorisierung_vote_page",
            format_func=lambda p: ranking_view.vote_page_label(p, total, language),
            placeholder=please_choose(),
        )
    measures = ranking_view.vote_page(current.measures, chosen or 0)
    no_dots_left = voting.dots_left(current) == 0
    with slot():  # comes with the last dot: the cards below keep their place
        if no_dots_left:
            st.info(say(ranking_view.ALL_DOTS_GIVEN), icon=":material/info:")
    for start in range(0, len(measures), CARDS_PER_ROW):
        for column, measure in zip(st.columns(CARDS_PER_ROW), measures[start : start + CARDS_PER_ROW], strict=False):
            with column, st.container(border=True):
                st.markdown(ranking_view.vote_card(measure, language), unsafe_allow_html=True)
                buttons = ranking_view.vote_buttons(measure, no_dots_left, language)
                for place, button in zip(st.columns(2), buttons, strict=True):
                    key = f"priorisierung_vote_{button.name}_{measure.id}"
                    place.button(
                        button.label,
                        key=key,
                        icon=button.icon,
                        type=button.kind,
                        disabled=button.disabled,
                        on_click=update,
                        args=(key, button.change),
                        width="stretch",
                    )
                field_error(f"priorisierung_vote_plus_{measure.id}")


# --- the page -----------------------------------------------------------------------------------


def presented(spec: dict[str, Any], table: pd.DataFrame) -> None:
    """Presenter mode on a mirrored screen: matrix and ranking, and while participation is open first the
    phones' section (QR code, room code, incoming ideas and the round's controls)."""
    if participation_open():
        shown = {name: ranking_view.SECTIONS[name] for name in ("phones", "ranking")}
        if one_of(t("Bereich", "Section"), shown, "phones", "priorisierung_presenter_section") == "phones":
            moderation()
            return
    draw_spec("priorisierung_matrix", spec)
    show_ranking(table, editable=False)


def page() -> None:
    """Matrix and ranking; outside presenter mode also flags, dot voting and weighted criteria."""
    spec, table = matrix_view()
    if presenter():
        presented(spec, table)
        return
    draw_spec("priorisierung_matrix", spec)
    # One section at a time: only the chosen one is drawn, which keeps every rerun quick.
    section = one_of(t("Bereich", "Section"), ranking_view.SECTIONS, "ranking", "priorisierung_section")
    if section == "voting":
        voting_settings()
        vote_counters()
    elif section == "criteria":
        criteria_editor()
    elif section == "phones":
        moderation()
    else:
        show_ranking(table, editable=True)


def main() -> None:
    """Draw the page: what it is for, then matrix and ranking (or what an empty workshop needs first)."""
    st.title(t("Priorisierung", "Prioritisation"))
    if not presenter():
        st.markdown(say(ranking_view.INTRO))
    if not explain_empty_workshop():
        page()


main()
