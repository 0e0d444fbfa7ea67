"""Umsetzung: the meetings after the workshop – progress, actual dates, costs and KPIs, slip against the
baseline, and re-planning the rest from the planning month."""

from __future__ import annotations

import streamlit as st

from roadmap.domain import formats
from roadmap.domain.vocabulary import Status
from roadmap.domain.workshop import Workshop
from roadmap.planning.followup import moves, replan, summary
from roadmap.views import progress_columns, progress_page, progress_table
from ui import clock
from ui.clock import this_month
from ui.empty import explain_empty_workshop
from ui.errors import guarded
from ui.language import euro, lang, plain, say, say_text, t
from ui.plans import baseline_snapshot, current_baseline, current_plan, planning_profile, shared
from ui.presenter import presenter
from ui.session import revision, save, snapshots, take_snapshot, workshop
from ui.tables import column_config
from ui.widgets import one_of

FEEDBACK = "umsetzung_feedback"
VERSION = "umsetzung_table_version"


def _baseline_id() -> str | None:
    """What the page's figures depend on besides the stored version and the plan's month: the baseline."""
    chosen = baseline_snapshot()
    return chosen.id if chosen else None


def headline() -> None:
    """Planned / running / late / done / not planned, money spent against plan and budget, KPIs reached."""
    found = shared("umsetzung_summary", lambda: summary(workshop(), current_plan(), current_baseline()), _baseline_id())
    month = formats.month(found.as_of, lang())
    st.caption(t(f"Stand der Umsetzung im {month} (Planungsstand)", f"Progress as of {month} (planning month)"))
    metrics = progress_page.state_metrics(found, lang())
    for column, (label, count) in zip(st.columns(len(metrics)), metrics, strict=True):
        column.metric(plain(label), count)
    money, budget, kpis = st.columns(3)
    money.metric(
        t("Ausgegeben bisher", "Spent so far"),
        euro(found.spent),
        t(f"geplant bis jetzt: {euro(found.planned_by_now)}", f"planned by now: {euro(found.planned_by_now)}"),
        delta_color="off",
        delta_arrow="off",
        help=say_text(progress_page.SPENT_HELP),
    )
    year = found.as_of.year
    budget.metric(
        t(f"Kosten {year} im Plan", f"Cost {year} in the plan"),
        euro(found.year_cost),
        t(f"Budget {year}: {euro(found.year_budget)}", f"Budget {year}: {euro(found.year_budget)}"),
        delta_color="red" if progress_page.over_budget(found) else "green",
        delta_arrow="off",
    )
    kpis.metric(t("KPIs am Ziel", "KPIs on target"), f"{found.kpis_reached} / {found.kpis}")
    st.markdown(progress_page.state_line(found, lang()))


@guarded
def _choose_baseline(key: str) -> None:
    chosen = st.session_state.get(key)
    if chosen is not None and chosen != workshop().baseline:
        save(workshop().with_changes(baseline=chosen))


@guarded
def _take_baseline() -> None:
    today = clock.today()
    ident = take_snapshot(t(f"Plan vom {today:%d.%m.%Y}", f"Plan of {today:%d %b %Y}"))
    save(workshop().with_changes(baseline=ident))


def baseline_section() -> None:
    """Which snapshot's plan is the baseline, and each measure's slip against it."""
    st.subheader(t("Basisplan und Verzug", "Baseline and slip"))
    listed = snapshots()
    current = baseline_snapshot()
    if not presenter():
        choices = progress_page.baseline_choices(listed, lang())
        pick, take = st.columns([3, 1], vertical_alignment="bottom")
        key = f"umsetzung_baseline_{revision()}"
        pick.selectbox(
            t("Basisplan", "Baseline"),
            list(choices),
            index=list(choices).index(current.id if current else progress_page.NO_BASELINE),
            format_func=choices.__getitem__,
            key=key,
            on_change=_choose_baseline,
            args=(key,),
            help=say_text(progress_page.BASELINE_HELP),
        )
        take.button(
            t("Jetzt als Basisplan festhalten", "Keep now as baseline"),
            icon=":material/flag:",
            key=f"umsetzung_take_baseline_{revision()}",
            on_click=_take_baseline,
            width="stretch",
        )
    baseline = current_baseline()
    if baseline is None:
        st.info(say_text(progress_page.NO_BASELINE_YET), icon=":material/info:")
        return
    slips = shared("umsetzung_slips", lambda: progress_page.slips(workshop(), current_plan(), baseline), _baseline_id())
    if not slips:
        st.success(t("Alles wie im Basisplan.", "Everything as in the baseline."), icon=":material/check_circle:")
        return
    heading = t("**Verzug gegenüber dem Basisplan**", "**Slip against the baseline**")
    lines = [f"- {plain(title)}: **{progress_page.slip_months(moved, lang())}**" for moved, title in slips]
    st.markdown("\n".join([heading, "", *lines]))  # one list, one element


@guarded
def _replan() -> None:
    before, baseline = current_plan(), current_baseline()
    as_of = this_month()  # the plan follows the current month from now on
    changed, after = replan(workshop(), before, as_of)
    moved = len(moves(baseline or before, after))
    save(changed, progress_table.replan_notice(as_of, moved, baseline is not None))


def replan_section() -> None:
    """Re-plan the rest from the planning month, within budget."""
    month = formats.month(this_month(), lang())
    st.button(
        t(f"Neu planen ab {month}", f"Re-plan from {month}"),
        icon=":material/event_repeat:",
        type="primary",
        key=f"umsetzung_replan_{revision()}",
        on_click=_replan,
        help=say_text(progress_page.REPLAN_HELP),
    )


def quick_entry() -> None:
    """One measure's status (and when it began) in three clicks, for the shared screen."""
    language = lang()
    titles = shared("umsetzung_quick_titles", lambda: progress_page.quick_titles(workshop()))
    statuses = progress_page.quick_statuses(language)
    months = progress_page.quick_months(planning_profile().as_of or this_month())
    with st.form(f"umsetzung_quick_{revision()}", border=True):
        st.markdown(t("**Schnell erfassen**", "**Quick entry**"))
        which, status, began, go = st.columns([3, 2, 2, 1], vertical_alignment="bottom")
        chosen = which.selectbox(
            t("Maßnahme", "Measure"), list(titles), format_func=titles.__getitem__, key="umsetzung_quick_measure"
        )
        new_status = status.selectbox(
            t("Status", "Status"),
            list(statuses),
            index=3,
            format_func=statuses.__getitem__,
            key="umsetzung_quick_status",
        )
        month_names = {m: progress_page.quick_month_name(m, language) for m in months}
        started = began.selectbox(
            t("Begonnen im", "Started in"),
            months,
            key="umsetzung_quick_started",
            format_func=month_names.__getitem__,  # built now: format_func may run outside the script run
        )
        if go.form_submit_button(
            t("Übernehmen", "Apply"), type="primary", width="stretch", key="umsetzung_quick_apply"
        ):
            as_of = planning_profile().as_of or this_month()
            save(*progress_page.quick_change(workshop(), chosen, Status(new_status), started, as_of, current_plan()))
            st.rerun()


@guarded
def _apply_table(key: str) -> None:
    state = st.session_state.get(key) or {}
    current: Workshop = workshop()
    changed, problems = progress_table.apply_progress(current, state.get("edited_rows"), current_plan(), lang())
    if changed is not current:
        save(changed)
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1
    st.session_state[FEEDBACK] = (revision(), problems, None)


def table() -> None:
    """The follow-up per measure, edited in place and saved at once (read-only in presenter mode).

    The table's rows are made once per stored version, language and baseline for every session
    (ui/plans.py `shared`; the editor works on its own copy): a rerun of a 500-measure workshop spent
    a fifth of its time making them again.
    """
    language = lang()
    editable = not presenter()
    config = column_config(progress_columns.fitted(progress_table.column_specs(language, editable)))
    view = one_of(t("Spalten", "Columns"), progress_columns.VIEWS, "progress", "umsetzung_view")
    shown = progress_columns.view_columns(view)
    frame = shared(  # the view's columns only: Streamlit converts every column it is given on each rerun
        "umsetzung_progress",
        lambda: progress_table.progress_frame(workshop(), current_plan(), current_baseline(), language)[list(shown)],
        _baseline_id(),
        view,
    )
    if not editable:  # every row in view: the page scrolls, not the table
        st.dataframe(frame, hide_index=True, column_order=shown, column_config=config, height="content", placeholder="")
        return
    st.caption(say_text(progress_page.TABLE_HINT))
    key = f"umsetzung_table_{view}_{revision()}_{st.session_state.get(VERSION, 0)}"
    st.data_editor(
        frame,
        key=key,
        hide_index=True,
        num_rows="fixed",
        column_order=shown,
        column_config=config,
        height="content",
        on_change=_apply_table,
        args=(key,),
        placeholder="",
        alt=say_text(progress_table.TABLE_NAME),
    )
    stored = st.session_state.get(FEEDBACK)
    if stored and stored[0] == revision() and stored[1]:
        st.warning(" ".join(say(problem) for problem in stored[1]), icon=":material/warning:")


def main() -> None:
    """The Umsetzung page."""
    st.title(t("Umsetzung", "Progress"))
    st.markdown(say_text(progress_page.INTRO))
    if explain_empty_workshop():
        return
    headline()
    if not presenter():
        replan_section()
        quick_entry()
    table()
    baseline_section()


main()
