"""Roadmap: the phased plan, its Gantt chart, milestones, what could not be planned, and pins."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_pandas_df_to_arrow_table

from roadmap.charts.gantt_chart import Room, gantt_captions, gantt_chart, gantt_legend
from roadmap.domain import formats
from roadmap.domain.measure import Measure
from roadmap.domain.profile import GREEDY, OPTIMAL
from roadmap.domain.vocabulary import DONE
from roadmap.domain.workshop import Workshop
from roadmap.planning.phases import phases
from roadmap.planning.plan import Plan
from roadmap.planning.reason_summary import not_planned_summary
from roadmap.planning.reasons import horizon_note
from roadmap.views import roadmap_cards as plan_view
from roadmap.views.gantt_legend import legend_html
from roadmap.workshop.voting import pin
from ui import clock
from ui.charts import chart_spec, draw_spec, fitted_type_scale
from ui.empty import explain_empty_workshop
from ui.language import lang, number, plain, please_choose, say, t
from ui.plans import baseline_snapshot, current_baseline, current_plan, shared
from ui.presenter import presenter
from ui.scenarios import active_scenario_note
from ui.session import workshop
from ui.tables import table_height
from ui.widgets import bind, field_error, update


def _set_mode(current: Workshop, value: Any) -> Workshop:
    if value not in (GREEDY, OPTIMAL):
        return current
    return current.with_changes(profile=current.profile.with_changes(mode=value))


def mode_switch() -> None:
    """Greedy (fast, explainable) or optimal (best summed score, up to 10 seconds)."""
    key = "roadmap_mode"
    bind(key, workshop().profile.mode)
    names = {GREEDY: t("Schnell und nachvollziehbar", "Fast and explainable"), OPTIMAL: t("Optimal", "Optimal")}
    st.segmented_control(
        t("Planungsverfahren", "Planning method"),
        [GREEDY, OPTIMAL],
        key=key,
        required=True,
        format_func=names.__getitem__,
        on_change=update,
        args=(key, _set_mode),
        help=t(
            "Schnell: nimmt die Maßnahmen in Rangfolge und setzt jede in den frühesten passenden Monat. "
            "Optimal: sucht die Auswahl mit der höchsten Summe der Scores (höchstens 10 Sekunden).",
            "Fast: takes the measures in rank order and puts each into its earliest fitting month. "
            "Optimal: searches for the selection with the highest summed score (10 seconds at most).",
        ),
    )


def headline(plan: Plan) -> None:
    """Planned x of y, phases, summed score and whether the plan is proven optimal."""
    planned, total = len(plan.placements), len(plan.measures)
    a, b, c, d = st.columns(4)
    a.metric(t("Eingeplant", "Planned"), t(f"{planned} von {total}", f"{planned} of {total}"))
    b.metric(t("Phasen", "Phases"), str(len(phases(plan.profile))))
    c.metric(
        t("Summe der Scores", "Summed score"),
        number(plan.summed_score, 1),
        help=t("Die Summe von Nutzen ÷ Aufwand aller eingeplanten Maßnahmen.", "Value ÷ effort, summed."),
    )
    if plan.mode == OPTIMAL:
        proven = t("bewiesen optimal", "proven optimal") if plan.proven_optimal else t("nicht bewiesen", "not proven")
        d.metric(t("Optimaler Plan", "Optimal plan"), proven)
    else:
        d.metric(t("Verfahren", "Method"), t("Schnell", "Fast"))


def milestone_list(plan: Plan) -> None:
    """Per phase: its name, the end date and the measures finished by then."""
    st.subheader(t("Meilensteine", "Milestones"))
    cards = shared("roadmap_milestones", lambda: plan_view.milestone_cards(plan, lang()))
    per_row = min(4, len(cards)) or 1
    for start in range(0, len(cards), per_row):
        for column, card in zip(st.columns(per_row), cards[start : start + per_row], strict=False):
            with column, st.container(border=True):
                st.markdown(f"**{plain(card.phase)}**")
                st.markdown(t(f"Meilenstein am {card.day}", f"Milestone on {card.day}"))
                st.caption(
                    t(
                        f"{card.finished_here} in dieser Phase fertig, {card.finished_by_then} insgesamt",
                        f"{card.finished_here} finished in this phase, {card.finished_by_then} in total",
                    )
                )
                lines = [f"- {plain(title)}" for title in card.titles]
                if card.more:
                    lines.append(t(f"- … und {card.more} weitere", f"- … and {card.more} more"))
                if lines:
                    st.markdown("\n".join(lines))


def not_planned(plan: Plan) -> None:
    """The measures that are not in the plan, each with its reason in plain words."""
    rows = shared("roadmap_not_planned", lambda: plan_view.not_planned_rows(plan, lang()))
    st.subheader(t(f"Nicht eingeplant ({len(rows)})", f"Not planned ({len(rows)})"))
    if not rows:
        st.success(t("Alle Maßnahmen sind eingeplant.", "Every measure is planned."), icon=":material/check_circle:")
        return
    st.caption(say(not_planned_summary(plan)))
    if len(rows) <= plan_view.LIST_UP_TO:
        for row in rows:
            icon = ":material/check_circle:" if row.done else ":material/info:"
            st.markdown(f"{icon} **{plain(row.title)}** – {plain(row.reason)}")
        return
    st.dataframe(
        shared("roadmap_not_planned_table", lambda: _as_arrow(rows)),
        hide_index=True,
        height=table_height(len(rows), most=560),
    )


def _as_arrow(rows: list[plan_view.NotPlannedRow]) -> Any:
    """The rows as an Arrow table, made once per stored version: Streamlit sends one as it is, while it
    converts any other table on every rerun (a third of a 500-measure Roadmap's rerun)."""
    frame = pd.DataFrame(
        {t("Maßnahme", "Measure"): [row.title for row in rows], t("Grund", "Reason"): [row.reason for row in rows]}
    )
    return convert_pandas_df_to_arrow_table(frame)


def pin_controls(plan: Plan) -> None:
    """Pin a measure to a start month (or release it) and see the plan follow at once."""
    current = workshop()
    language = lang()
    st.subheader(t("Maßnahme auf einen Monat fixieren", "Pin a measure to a month"))
    candidates = [m for m in current.measures if not m.excluded and m.status != DONE]
    if not candidates:
        st.caption(t("Keine Maßnahme lässt sich fixieren.", "No measure can be pinned."))
        return
    titles = {m.id: m.title for m in candidates}
    choose, month_column, release = st.columns([3, 2, 1], vertical_alignment="bottom")
    with choose:
        measure_id = st.selectbox(
            t("Maßnahme", "Measure"),
            list(titles),
            key="roadmap_pin_measure",
            format_func=lambda i: titles.get(i, i),
            placeholder=please_choose(),
        )
    measure = current.by_id().get(measure_id or "")
    if measure is None:
        return
    months = list(current.profile.months)
    if measure.pinned is not None and measure.pinned not in months:
        months = sorted({*months, measure.pinned})
    key = f"roadmap_pin_month_{measure.id}"
    bind(key, measure.pinned)
    with month_column:
        st.selectbox(
            t("Startmonat", "Start month"),
            months,
            key=key,
            placeholder=t("nicht fixiert – Monat wählen", "not pinned – choose a month"),
            format_func=lambda m: formats.month(m, language),
            on_change=update,
            args=(key, lambda w, month: pin(w, measure.id, month)),
        )
    with release:
        release_key = f"roadmap_unpin_{measure.id}"
        st.button(
            t("Fixierung lösen", "Release pin"),
            key=release_key,
            icon=":material/lock_open:",
            disabled=measure.pinned is None,
            on_click=update,
            args=(release_key, lambda w, _value: pin(w, measure.id, None)),
        )
    field_error(key)
    st.markdown(_pin_outcome(plan, measure))
    pinned = [m for m in current.measures if m.pinned is not None]
    if pinned:
        st.caption(
            t("Fixiert: ", "Pinned: ")
            + ", ".join(f"{plain(m.title)} ({formats.month(m.pinned, language)})" for m in pinned if m.pinned)
        )


def _pin_outcome(plan: Plan, measure: Measure) -> str:
    """Where the chosen measure now sits in the plan, or why it is not planned."""
    placement = plan.placements.get(measure.id)
    if placement is not None:
        return t(
            f"**{plain(measure.title)}** läuft von {formats.month(placement.start, 'de')} "
            f"bis {formats.month(placement.end, 'de')}.",
            f"**{plain(measure.title)}** runs from {formats.month(placement.start, 'en')} "
            f"to {formats.month(placement.end, 'en')}.",
        )
    reason = plan.not_planned.get(measure.id)
    return f"**{plain(measure.title)}**: {say(reason.message)}" if reason else ""


# The Gantt chart fits a 1920×1080 screen whole: its height is what the screen leaves below the page's
# title (and the presenter bar, in presenter mode), measured in the browser (tests/test_browser_gantt.py).
SCREEN_HEIGHT = 1080
ABOVE_THE_CHART = {False: 180, True: 240}  # pixels from the screen's top to the chart's, by presenter mode
# The page's title in one compact line: the room above the chart is the chart's.
COMPACT_TITLE = "<style>.stMain h1 { font-size: 2.2rem; padding: 0.25rem 0 0 0; }</style>"


def gantt_room() -> Room:
    """The room the Gantt chart has on a 1920×1080 screen in this mode, and its type's enlargement there."""
    return Room(SCREEN_HEIGHT - ABOVE_THE_CHART[presenter()], fitted_type_scale())


def gantt_spec(plan: Plan, baseline: Plan | None, baseline_id: str, ghosts: bool, room: Room) -> dict[str, Any]:
    """The Gantt chart's Vega-Lite spec, made once per stored version of the workshop, language, day,
    planning month, baseline, ghost bars and room."""
    today = clock.today()
    return chart_spec(
        "roadmap_gantt",
        lambda: gantt_chart(plan, lang(), today, baseline, ghosts=ghosts, room=room, titled=False),
        today,
        plan.profile.as_of,
        baseline_id if baseline is not None else "",
        ghosts,
        room,
    )


def ghosts_shown() -> bool:
    """Whether the baseline's ghost bars are on: the switch below the chart (on until switched off)."""
    return bool(st.session_state.get("roadmap_baseline", True))


def baseline_toggle() -> None:
    """The switch for the baseline's ghost bars, below the chart (only when there is a baseline)."""
    info = baseline_snapshot()
    if info is None:
        return
    st.toggle(
        t(f"Basisplan zeigen ({plain(info.name)})", f"Show the baseline ({plain(info.name)})"),
        value=True,
        key="roadmap_baseline",
        help=t(
            "Dünne dunkle Balken zeigen, wo der Basisplan jede Maßnahme vorgesehen hatte; der Verzug je "
            "Maßnahme steht auf der Seite Umsetzung.",
            "Thin dark bars show where the baseline had each measure; the slip per measure is on the Progress page.",
        ),
    )


def gantt(plan: Plan) -> None:
    """The Gantt chart, fitted to the screen, with the sentences that explain it below it."""
    baseline, info = current_baseline(), baseline_snapshot()
    ghosts = baseline is not None and ghosts_shown()
    room = gantt_room()
    today = clock.today()
    entries = shared(
        "roadmap_gantt_legend", lambda: gantt_legend(plan, lang(), today, baseline, ghosts=ghosts), today, ghosts
    )
    st.html(legend_html(entries))
    draw_spec("roadmap_gantt", gantt_spec(plan, baseline, info.id if info else "", ghosts, room), room.type_scale)
    lines = shared("roadmap_gantt_captions", lambda: gantt_captions(plan, lang(), today, ghosts), today, ghosts)
    st.caption("  \n".join(plain(line) for line in lines))
    baseline_toggle()


def page() -> None:
    """The Gantt chart first (it fits the screen), then the headline figures, the switch, milestones, what
    is not planned, and pins."""
    plan = current_plan()
    if note := horizon_note(plan.profile):
        st.warning(say(note), icon=":material/event_busy:")
    gantt(plan)
    headline(plan)
    if not presenter():
        mode_switch()
    milestone_list(plan)
    not_planned(plan)
    if not presenter():
        pin_controls(plan)


def main() -> None:
    """Draw the page: what it is for, then the plan (or what an empty workshop needs first)."""
    st.title(t("Roadmap", "Roadmap"))
    st.html(COMPACT_TITLE)  # a style only: drawn as nothing, it makes the title one compact line
    if not presenter():
        st.markdown(
            t(
                "Schritt 5 von 10: der Plan in Phasen – im Budget, in der Kapazität und in der richtigen Reihenfolge.",
                "Step 5 of 10: the plan in phases – within budget and capacity, and in the right order.",
            )
        )
    if not explain_empty_workshop():
        active_scenario_note()
        page()


main()
