"""Roadmap: the phased plan, its Gantt chart, milestones, what could not be planned, and pins."""

from __future__ import annotations

from typing import Any

import streamlit as st

from roadmap.charts.gantt_chart import Room, gantt_captions, gantt_chart, gantt_legend
from roadmap.domain import formats
from roadmap.planning.plan import Plan
from roadmap.planning.reason_summary import not_planned_summary
from roadmap.planning.reasons import horizon_note
from roadmap.views import roadmap_cards as plan_view
from roadmap.views import roadmap_page as view
from roadmap.views.gantt_legend import legend_html
from roadmap.workshop.voting import pin
from ui import clock
from ui.charts import chart_spec, draw_spec, fitted_type_scale
from ui.empty import explain_empty_workshop
from ui.language import lang, plain, please_choose, say, say_text, t
from ui.plans import baseline_snapshot, current_baseline, current_plan, shared, shared_table
from ui.presenter import presenter
from ui.scenarios import active_scenario_note
from ui.session import workshop
from ui.tables import table_height
from ui.widgets import bind, field_error, update


def mode_switch() -> None:
    """Greedy (fast, explainable) or optimal (best summed score, up to 10 seconds)."""
    key = "roadmap_mode"
    bind(key, workshop().profile.mode)
    names = {mode: say_text(view.MODE_NAMES[mode]) for mode in view.MODES}
    st.segmented_control(
        t("Planungsverfahren", "Planning method"),
        list(view.MODES),
        key=key,
        required=True,
        format_func=names.__getitem__,  # built now: format_func may run outside the script run, where lang() is not
        on_change=update,
        args=(key, view.with_mode),
        help=say_text(view.MODE_HELP),
    )


def headline(plan: Plan) -> None:
    """Planned x of y, phases, summed score and whether the plan is proven optimal."""
    figures = shared("roadmap_headline", lambda: view.headline_figures(plan, lang()))
    for column, figure in zip(st.columns(4), figures, strict=True):
        column.metric(figure.label, figure.value, help=figure.help)


def milestone_list(plan: Plan) -> None:
    """Per phase: its name, the end date and the measures finished by then."""
    st.subheader(t("Meilensteine", "Milestones"))
    cards = shared(
        "roadmap_milestones",
        lambda: [view.card_text(card, lang()) for card in plan_view.milestone_cards(plan, lang())],
    )
    per_row = min(4, len(cards)) or 1
    for start in range(0, len(cards), per_row):
        for column, text in zip(st.columns(per_row), cards[start : start + per_row], strict=False):
            column.container(border=True).markdown(text.markdown)


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
            st.markdown(view.not_planned_line(row))
        return
    st.dataframe(
        shared_table("roadmap_not_planned_table", lambda: view.not_planned_frame(rows, lang())),
        hide_index=True,
        height=table_height(len(rows), most=560),
    )


def pin_controls(plan: Plan) -> None:
    """Pin a measure to a start month (or release it) and see the plan follow at once."""
    current = workshop()
    language = lang()
    st.subheader(t("Maßnahme auf einen Monat fixieren", "Pin a measure to a month"))
    titles = shared("roadmap_pin_candidates", lambda: view.pin_candidates(current))
    if not titles:
        st.caption(t("Keine Maßnahme lässt sich fixieren.", "No measure can be pinned."))
        return
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
    months = view.pin_months(current.profile.months, measure)
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
    st.markdown(view.pin_outcome(plan, measure, language))
    if caption := view.pinned_caption(current, language):
        st.caption(caption)


# The page's title in one compact line: the room above the chart is the chart's.
COMPACT_TITLE = "<style>.stMain h1 { font-size: 2.2rem; padding: 0.25rem 0 0 0; }</style>"


def gantt_room() -> Room:
    """The room the Gantt chart has on a 1920×1080 screen in this mode, and its type's enlargement there."""
    return Room(view.chart_height(presenter()), fitted_type_scale())


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
