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
    field_label,
    lang,
    number,
    presenter,
    revision,
    save,
    t,
    update,
    workshop,
)
from roadmap import voting
from roadmap.charts_matrix import matrix_chart, matrix_rows
from roadmap.messages import Message
from roadmap.model import (
    EFFORT_SIDE,
    FIELD_COLORS,
    GREEDY,
    VALUE_SIDE,
    VOTE_BREAKS_TIES,
    VOTE_RAISES_VALUE,
    Workshop,
)
from roadmap.plan import Plan
from roadmap.ranking import rank, weighted_value_effort

CARDS_PER_PAGE = 30
CARDS_PER_ROW = 3
Apply = Callable[[Workshop, Any], Workshop]
MEMO = "_priorisierung_view"  # chart spec and table of the last revision: reruns without a change reuse them


def ranking_plan(current: Workshop) -> Plan:
    """The ranking of the workshop in the form the matrix chart takes (no planning needed here)."""
    ranking = tuple(rank(current.measures, current.profile))
    return Plan(current.profile, current.measures, ranking, {}, {}, GREEDY)


def matrix_view() -> tuple[dict[str, Any], pd.DataFrame]:
    """The matrix's Vega-Lite spec and the ranking table, made once per change of the workshop and language."""
    key = (revision(), lang())
    memo = st.session_state.get(MEMO)
    if memo is None or memo[0] != key:
        plan = ranking_plan(workshop())
        # The ranking table shows the matrix's own rows, numbers already formatted.
        rows = matrix_rows(plan, lang())
        table = pd.DataFrame(rows, columns=list(RANKING_COLUMNS))
        table.index = pd.Index([row["id"] for row in rows], name="id")  # row i of the table is this measure
        memo = (key, chart_spec("priorisierung_matrix", lambda: matrix_chart(plan, lang())), table)
        st.session_state[MEMO] = memo
    return memo[1], memo[2]


# --- matrix and ranking -------------------------------------------------------------------------


RANKING_COLUMNS = (
    "rank", "title", "field", "value_text", "effort_text", "score_text", "quadrant", "votes", "must_have",
    "excluded",
)  # fmt: skip


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
            table, hide_index=True, column_order=RANKING_COLUMNS, column_config=_ranking_columns(False), height=height
        )
        return
    st.caption(
        t(
            "Score = Nutzen ÷ Aufwand. Muss-Maßnahmen stehen vorn, ausgeschlossene am Ende. "
            "Häkchen setzen: Muss und Ausschließen schließen einander aus.",
            "Score = value ÷ effort. Must-haves come first, excluded ones last. "
            "Tick the boxes: must-have and exclude rule each other out.",
        )
    )
    key, ids = f"priorisierung_ranking_{revision()}", list(table.index)
    st.data_editor(
        table,
        key=key,
        hide_index=True,
        column_order=RANKING_COLUMNS,
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
    st.markdown(
        t(
            "Statt einer einzigen Zahl für Nutzen und Aufwand können Sie mehrere **Kriterien** bewerten "
            "(z. B. Kundennutzen, Effizienz, Risikosenkung; Kosten, Komplexität, Zeit). Nutzen und Aufwand sind "
            "dann die gewichteten Mittelwerte ihrer Kriterien; ohne Bewertung zählt der Wert aus der Maßnahmenliste.",
            "Instead of one figure for value and effort you can score several **criteria** (e.g. customer benefit, "
            "efficiency, risk reduction; cost, complexity, time). Value and effort are then the weighted means of "
            "their criteria; without scores the figure from the measure list counts.",
        )
    )
    old = current.profile.criteria
    key = f"priorisierung_criteria_{revision()}"
    side_names = {VALUE_SIDE: ("Nutzen", "Value"), EFFORT_SIDE: ("Aufwand", "Effort")}
    st.data_editor(
        pd.DataFrame(
            [(c.name, c.side, float(c.weight)) for c in old], columns=["name", "side", "weight"], dtype="object"
        ).astype({"weight": "float64"}),
        key=key,
        num_rows="dynamic",
        hide_index=True,
        placeholder="–",
        column_config={
            "name": st.column_config.TextColumn(t("Kriterium", "Criterion"), required=True, width="large"),
            "side": st.column_config.SelectboxColumn(
                t("zählt zu", "counts towards"),
                options=[VALUE_SIDE, EFFORT_SIDE],
                format_func=lambda side: side_names[side][1 if language == "en" else 0],
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
    columns = {f"c{i}": c.name for i, c in enumerate(old)}
    data: dict[str, list[Any]] = {"title": [m.title for m in current.measures]}
    for column, name in columns.items():
        data[column] = [m.criteria.get(name) for m in current.measures]
    effective = [weighted_value_effort(m, current.profile) for m in current.measures]
    data["value"] = [number(v, 1) for v, _ in effective]
    data["effort"] = [number(e, 1) for _, e in effective]
    config: dict[str, Any] = {"title": st.column_config.TextColumn(t("Maßnahme", "Measure"), disabled=True)}
    for i, criterion in enumerate(old):
        side = side_names[criterion.side][1 if language == "en" else 0]
        config[f"c{i}"] = st.column_config.NumberColumn(
            f"{criterion.name} ({side})", min_value=1, max_value=5, step=1, format="%d"
        )
    config["value"] = st.column_config.TextColumn(t("= Nutzen", "= Value"), disabled=True, alignment="right")
    config["effort"] = st.column_config.TextColumn(t("= Aufwand", "= Effort"), disabled=True, alignment="right")
    scores_key = f"priorisierung_scores_{revision()}"
    st.data_editor(
        pd.DataFrame(data).astype({c: "float64" for c in columns}),
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


def _set_participants(current: Workshop, value: Any) -> Workshop:
    return current.with_changes(participants=int(value or 0))


def _set_profile(name: str, cast: Callable[[Any], Any]) -> Apply:
    """A change function for one voting setting of the profile (validated by the model)."""

    def apply(current: Workshop, value: Any) -> Workshop:
        if value is None:
            return current
        return current.with_changes(profile=current.profile.with_changes(**{name: cast(value)}))

    return apply


def _bound_number(label: str, key: str, value: float, apply: Apply, **options: Any) -> None:
    bind(key, value)
    st.number_input(label, key=key, on_change=update, args=(key, apply), **options)
    field_error(key)


def voting_settings() -> None:
    """Participants, dots per person, the dots left (large) and how votes count."""
    current = workshop()
    budget, left = voting.dots_budget(current), voting.dots_left(current)
    people, dots, remaining, given = st.columns(4)
    with people:
        _bound_number(
            t("Teilnehmende", "Participants"),
            "priorisierung_participants",
            int(current.participants),
            _set_participants,
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
            _set_profile("dots_per_person", int),
            min_value=0,
            max_value=50,
            step=1,
        )
    remaining.metric(t("Punkte übrig", "Dots left"), t("unbegrenzt", "unlimited") if left is None else str(left))
    given.metric(
        t("Vergeben", "Given"),
        str(voting.dots_used(current))
        if budget is None
        else t(f"{voting.dots_used(current)} von {budget}", f"{voting.dots_used(current)} of {budget}"),
    )
    if budget is not None and voting.dots_used(current) > budget:
        st.warning(
            t(
                "Es sind mehr Punkte vergeben, als Teilnehmende × Punkte pro Person erlauben.",
                "More dots are given than participants × dots per person allow.",
            ),
            icon=":material/warning:",
        )
    mode, weight, reset = st.columns([2, 1, 1])
    with mode:
        key = "priorisierung_vote_mode"
        bind(key, current.profile.vote_mode)
        language = lang()
        names = {
            VOTE_BREAKS_TIES: ("Stimmen entscheiden bei Gleichstand", "Votes break ties"),
            VOTE_RAISES_VALUE: ("Stimmen erhöhen den Nutzen", "Votes raise the value"),
        }
        st.radio(
            t("Wie zählen die Punkte?", "How do the dots count?"),
            [VOTE_BREAKS_TIES, VOTE_RAISES_VALUE],
            key=key,
            format_func=lambda m: names[m][1 if language == "en" else 0],
            on_change=update,
            args=(key, _set_profile("vote_mode", str)),
        )
    with weight:
        _bound_number(
            t("Nutzen je Punkt", "Value per dot"),
            "priorisierung_vote_weight",
            float(current.profile.vote_weight),
            _set_profile("vote_weight", float),
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
    measures, total = list(current.measures), len(current.measures)
    if total > CARDS_PER_PAGE:
        of = "von" if language == "de" else "of"
        chosen = st.selectbox(
            t("Maßnahmen", "Measures"),
            range((total + CARDS_PER_PAGE - 1) // CARDS_PER_PAGE),
            key="priorisierung_vote_page",
            format_func=lambda p: f"{p * CARDS_PER_PAGE + 1}–{min(total, (p + 1) * CARDS_PER_PAGE)} {of} {total}",
        )
        measures = measures[(chosen or 0) * CARDS_PER_PAGE : ((chosen or 0) + 1) * CARDS_PER_PAGE]
    no_dots_left = voting.dots_left(current) == 0
    if no_dots_left:
        st.info(
            t(
                "Alle Punkte sind vergeben. Für einen neuen Punkt erst woanders einen wegnehmen "
                "oder mehr Punkte pro Person erlauben.",
                "All dots are given. To give another one, take one away elsewhere or allow more dots per person.",
            ),
            icon=":material/info:",
        )
    for start in range(0, len(measures), CARDS_PER_ROW):
        for column, measure in zip(st.columns(CARDS_PER_ROW), measures[start : start + CARDS_PER_ROW], strict=False):
            with column, st.container(border=True):
                # Title, field and the dots in one block: cheap to draw 30 times, readable from afar.
                st.markdown(
                    f"<div style='display:flex;align-items:center;gap:0.8rem;"
                    f"border-left:8px solid {FIELD_COLORS[measure.field]};padding-left:0.6rem'>"
                    f"<div style='flex:1'><b style='font-size:1.15rem'>{_escape(measure.title)}</b><br>"
                    f"<span style='opacity:0.75'>{_escape(field_label(measure.field))}</span></div>"
                    f"<div style='font-size:2.4rem;font-weight:700;min-width:2.5rem;text-align:right'>"
                    f"{measure.votes}</div></div>",
                    unsafe_allow_html=True,
                )
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
    names = {
        "ranking": ("Rangliste und Markierungen", "Ranking and flags"),
        "voting": ("Punkte vergeben", "Dot voting"),
        "criteria": ("Gewichtete Kriterien", "Weighted criteria"),
    }
    section = st.segmented_control(
        t("Bereich", "Section"),
        list(names),
        default="ranking",
        required=True,
        key="priorisierung_section",
        format_func=lambda name: names[name][1 if language == "en" else 0],
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
