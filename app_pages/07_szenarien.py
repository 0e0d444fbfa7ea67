"""Szenarien: two to four variants of the planning settings side by side; create, change, activate one."""

from __future__ import annotations

from typing import Any

import streamlit as st

from roadmap.charts.scenario_chart import scenario_chart
from roadmap.domain.messages import RoadmapError
from roadmap.domain.scenario import MAX_SIDE_BY_SIDE, SCENARIO_NAME_LIMIT, Scenario
from roadmap.domain.workshop import Workshop
from roadmap.planning.scenario_compare import ScenarioResult, compare
from roadmap.views import scenarios as view
from roadmap.workshop.scenarios import activate, add_scenario, delete_scenario, names, rename_scenario
from ui.charts import show_chart
from ui.empty import explain_empty_workshop
from ui.errors import guarded
from ui.language import lang, say, say_markdown, say_text, t
from ui.plans import scenario_plans
from ui.presenter import presenter
from ui.session import save, workshop
from ui.tables import table_height
from ui.widgets import bind, field_error, once, update

PICKED = "scenarios_picked"
_REFUSED = "_scenario_rename_refused"  # (scenario, sentence) of a rename the rules refused, shown under its form

# --- side by side ---------------------------------------------------------------------------------


def picked(current: Workshop) -> list[str]:
    """The scenarios to compare: chosen by the user (2–4), the Basis and the active one first by default."""
    every = names(current)
    default = view.default_picked(every, current.active_scenario)
    if presenter():
        return default
    st.session_state[PICKED] = view.still_picked(st.session_state.get(PICKED, default), every, default)
    label = t("Vergleichen (2–4 Szenarien)", "Compare (2–4 scenarios)")
    return list(st.multiselect(label, every, key=PICKED, max_selections=MAX_SIDE_BY_SIDE))


@guarded
def make_active(name: str) -> None:
    """Button callback: this scenario becomes the one every page shows."""
    save(activate(workshop(), name), None)


def headlines(results: list[ScenarioResult], active: str) -> None:
    """One column per scenario: name, the headline figures, and the button that makes it the active one."""
    heads = view.headlines(results, active, lang())
    for column, head in zip(st.columns(len(heads), gap="medium"), heads, strict=True):
        with column, st.container(border=True):
            st.subheader(head.title)
            for figure in head.figures:
                st.metric(figure.label, figure.value)
            if head.active:
                st.caption(say_markdown(view.ACTIVE_NOTE))
            elif not presenter():
                st.button(
                    t("Aktivieren", "Make active"), key=once(f"scenario_activate_{head.name}"),
                    icon=":material/check_circle:", on_click=make_active, args=(head.name,), width="stretch",
                )  # fmt: skip


def figures(results: list[ScenarioResult]) -> None:
    """Every figure of the comparison in one table (as in the workbook), then the names per scenario."""
    columns = view.figures_columns(results, lang())
    rows = len(next(iter(columns.values())))
    st.dataframe(columns, hide_index=True, width="stretch", height=table_height(rows, 900))
    for row in view.name_lists(results, lang()):
        st.markdown(f"**{row.label}**")
        for column, value in zip(st.columns(len(results), gap="medium"), row.values, strict=True):
            column.caption(value)


def side_by_side(current: Workshop) -> None:
    """The chosen scenarios in columns, the table of figures and the trade-off chart."""
    chosen = picked(current)
    if len(chosen) < 2:
        st.info(say(view.PICK_TWO), icon=":material/compare_arrows:")
        return
    try:
        plans = scenario_plans(chosen)
    except RoadmapError as error:
        st.error(say(error), icon=":material/warning:")
        return
    results = compare([(name, plans[name]) for name in chosen])
    headlines(results, current.active_scenario)
    st.subheader(t("Nutzen gegen Kosten", "Value against cost"))
    st.caption(say_markdown(view.CHART_CAPTION))
    show_chart("scenarios", lambda: scenario_chart(results, lang()), tuple(chosen))
    st.subheader(t("Alle Kennzahlen", "Every figure"))
    figures(results)


# --- create, change, rename, delete ---------------------------------------------------------------


def create_section(current: Workshop) -> None:
    """A new scenario: a name and the three settings most often asked about."""
    profile = current.profile
    with st.form("scenario_new", clear_on_submit=True, border=True):
        st.markdown(t("**Neues Szenario**", "**New scenario**"))
        name_col, share_col, capacity_col, funding_col = st.columns([2, 1, 1, 1], vertical_alignment="bottom")
        name = name_col.text_input(t("Name", "Name"), max_chars=SCENARIO_NAME_LIMIT, key="scenario_new_name",
                                   placeholder=t("z. B. 4 % ohne Förderung", "e.g. 4 % without funding"))  # fmt: skip
        share = share_col.number_input(t("Budget (% vom Umsatz)", "Budget (% of revenue)"), 0.0, 100.0,
                                       float(profile.budget_share), 0.5, format="%g",
                                       key="scenario_new_share")  # fmt: skip
        capacity = capacity_col.number_input(t("Kapazität (PT/Monat)", "Capacity (person-days/month)"), 0.0, None,
                                             float(profile.capacity), 5.0, format="%.0f",
                                             key="scenario_new_capacity")  # fmt: skip
        funding = funding_col.toggle(t("Förderung kommt", "Funding comes through"), True, key="scenario_new_funding")
        if st.form_submit_button(
            t("Szenario anlegen", "Create scenario"), icon=":material/add:", key="scenario_new_go"
        ):
            try:
                save(add_scenario(current, name, view.new_settings(profile, share, capacity), funding=funding), None)
                st.rerun()
            except RoadmapError as error:
                st.error(say(error), icon=":material/warning:")


def setting_input(scenario: Scenario, key: str, label: str, value: Any, **options: Any) -> None:
    """One setting of a scenario, saved at once; the value shown is the scenario's (its own or the Basis')."""
    widget = f"scenario_{key}_{scenario.name}"
    bind(widget, value)
    apply = view.setting_change(scenario.name, key)
    if key == "mode":
        modes = {mode: say_text(name) for mode, name in view.MODES.items()}  # now: format_func may run outside the run
        st.selectbox(label, list(modes), key=widget, format_func=modes.__getitem__, on_change=update,
                     args=(widget, apply))  # fmt: skip
    elif key == "horizon_end":
        st.selectbox(label, options.pop("months"), key=widget, format_func=str, on_change=update,
                     args=(widget, apply))  # fmt: skip
    else:
        st.number_input(label, key=widget, on_change=update, args=(widget, apply), **options)
    field_error(widget)


def settings_inputs(current: Workshop, scenario: Scenario) -> None:
    """The settings of one scenario, each shown with the value it plans with."""
    shown = view.shown_settings(current.profile, scenario)
    first, second, third = st.columns(3, gap="medium")
    with first:
        setting_input(scenario, "budget_share", t("Budget (% vom Umsatz)", "Budget (% of revenue)"),
                      shown["budget_share"], min_value=0.0, max_value=100.0, step=0.5, format="%g")  # fmt: skip
        setting_input(scenario, "revenue", t("Jahresumsatz (€)", "Annual revenue (€)"), shown["revenue"],
                      min_value=0.0, step=100_000.0, format="%.0f")  # fmt: skip
    with second:
        setting_input(scenario, "funding_rate", t("Förderquote (%)", "Funding rate (%)"), shown["funding_rate"],
                      min_value=0.0, max_value=100.0, step=5.0, format="%.0f")  # fmt: skip
        key = f"scenario_funding_{scenario.name}"
        bind(key, scenario.funding)
        st.toggle(t("Förderung kommt", "Funding comes through"), key=key, on_change=update,
                  args=(key, view.funding_change(scenario.name)))  # fmt: skip
    with third:
        setting_input(scenario, "capacity", t("Kapazität (PT/Monat, 0 = unbegrenzt)",
                      "Capacity (person-days/month, 0 = unlimited)"), shown["capacity"],
                      min_value=0.0, step=5.0, format="%.0f")  # fmt: skip
        setting_input(scenario, "mode", t("Planungsmodus", "Planning mode"), shown["mode"])
        setting_input(scenario, "horizon_end", t("Ende des Zeitraums", "Horizon end"), shown["horizon_end"],
                      months=view.horizon_ends(current.profile))  # fmt: skip


def forced_inputs(current: Workshop, scenario: Scenario) -> None:
    """Measures this scenario plans first (as must-haves) or leaves out."""
    titles = view.measure_titles(current)
    left, right = st.columns(2, gap="medium")
    for column, field, label in (
        (left, "forced_in", t("Fest eingeplant (wie Muss)", "Forced in (as must-haves)")),
        (right, "forced_out", t("Ausgeschlossen", "Left out")),
    ):
        key = f"scenario_{field}_{scenario.name}"
        bind(key, [i for i in getattr(scenario, field) if i in titles])
        column.multiselect(label, list(titles), key=key, format_func=titles.__getitem__, on_change=update,
                           args=(key, view.forced_change(scenario.name, field)))  # fmt: skip


def rename(old: str) -> None:
    """Form callback: rename the scenario and keep it chosen under its new name. It runs before the page is
    drawn again: the choice of scenario cannot be changed once its select box is drawn in a run."""
    new = str(st.session_state.get(f"scenario_name_{old}", old))
    try:
        save(rename_scenario(workshop(), old, new), None)
    except RoadmapError as error:
        st.session_state[_REFUSED] = (old, say(error))
        return
    st.session_state["scenario_edit"] = new.strip()


def edit_section(current: Workshop) -> None:
    """Change one scenario: its settings, forced measures, name; activate or delete it."""
    if not current.scenarios:
        return
    options = [s.name for s in current.scenarios]
    chosen = st.selectbox(t("Szenario bearbeiten", "Edit scenario"), options, key="scenario_edit")
    scenario = view.chosen_scenario(current, chosen)
    st.caption(view.against_basis(current.profile, scenario, lang()))
    settings_inputs(current, scenario)
    forced_inputs(current, scenario)
    name_col, reset_col, delete_col = st.columns([2, 1, 1], vertical_alignment="bottom", gap="medium")
    with name_col, st.form(f"scenario_rename_{scenario.name}", border=False):
        st.text_input(t("Name", "Name"), scenario.name, max_chars=SCENARIO_NAME_LIMIT,
                      key=f"scenario_name_{scenario.name}")  # fmt: skip
        st.form_submit_button(t("Umbenennen", "Rename"), icon=":material/edit:", on_click=rename,
                              args=(scenario.name,), key=f"scenario_rename_go_{scenario.name}")  # fmt: skip
        refused = st.session_state.pop(_REFUSED, None)
        if refused is not None and refused[0] == scenario.name:
            st.error(refused[1], icon=":material/warning:")
    hint = t("Alle Einstellungen wieder wie in der Basis.", "Every setting as in the Basis again.")
    if reset_col.button(t("Wie die Basis", "Back to the Basis"), key=once(f"scenario_reset_{scenario.name}"),
                        icon=":material/restart_alt:", width="stretch", help=hint):  # fmt: skip
        save(view.back_to_basis(workshop(), scenario.name), None)
        st.rerun()
    if delete_col.button(t("Löschen", "Delete"), key=once(f"scenario_delete_{scenario.name}"),
                         icon=":material/delete:", width="stretch"):  # fmt: skip
        save(delete_scenario(workshop(), scenario.name), None)
        st.rerun()


def main() -> None:
    """The Szenarien page."""
    st.title(t("Szenarien", "Scenarios"))
    if explain_empty_workshop():
        return
    current = workshop()
    st.caption(say_markdown(view.PAGE_NOTE))
    if not current.scenarios:
        hint = view.NO_SCENARIOS_PRESENTING if presenter() else view.NO_SCENARIOS_YET
        st.info(say_markdown(hint), icon=":material/lightbulb:")
    else:
        side_by_side(current)
    if presenter():
        return
    st.divider()
    st.header(t("Szenarien anlegen und ändern", "Create and change scenarios"))
    create_section(current)
    edit_section(current)


main()
