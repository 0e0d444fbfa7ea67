"""Budget: yearly and quarterly costs against the budget and the 1–5 % corridor, per field, and funding."""

from __future__ import annotations

import streamlit as st

from roadmap.charts.budget_chart import quarterly_cost_chart, yearly_cost_chart
from roadmap.planning.budget import WITHIN, YearCost, corridor_check, yearly_costs
from roadmap.planning.funding import funding_effect
from roadmap.planning.plan import Plan
from roadmap.views import budget_page as view
from roadmap.views.budget_page import Metric
from ui.charts import show_chart
from ui.empty import explain_empty_workshop
from ui.language import lang, say, say_text, t
from ui.plans import current_plan, shared, shared_table
from ui.presenter import presenter
from ui.scenarios import active_scenario_note
from ui.screen import split
from ui.session import workshop


def metrics(figures: list[Metric]) -> None:
    """One row of metrics, side by side."""
    for column, m in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(m.label, m.value, m.delta, delta_color=m.colour, delta_arrow=m.arrow, help=m.help)


def headline(years: list[YearCost]) -> None:
    """Per year: cost against budget and share of revenue; years over budget are flagged."""
    if len(years) <= view.METRIC_YEARS_UP_TO:
        for year in years:
            metrics(view.year_metrics(year, True, lang()))
    else:
        frame = view.year_frame(years, lang())
        right = st.column_config.TextColumn(alignment="right")
        st.dataframe(frame, hide_index=True, column_config={c: right for c in list(frame.columns)[1:5]})
    for year in years:
        if year.over_budget:
            st.error(view.over_budget_text(year, lang()), icon=":material/warning:")


def charts(plan: Plan) -> None:
    """The costs per year and per quarter, stacked by kind and field, with budget and corridor."""
    default = view.default_view(plan)
    # Only the chosen chart is drawn: the page stays quick to switch to on a projector laptop.
    views = {key: say_text(label) for key, label in view.VIEWS.items()}
    chosen = (
        st.segmented_control(
            t("Ansicht", "View"),
            list(view.VIEWS),
            format_func=views.__getitem__,  # built now: format_func may run outside the script run
            default=default,
            key="budget_view",
            label_visibility="collapsed",
        )
        or default
    )
    if chosen == "years":
        show_chart("budget_years", lambda: yearly_cost_chart(plan, lang()))
    else:
        show_chart("budget_quarters", lambda: quarterly_cost_chart(plan, lang()))
        st.caption(
            t(
                "Das Budget gilt für das ganze Jahr; die Linie je Quartal zeigt seinen anteiligen Wert. "
                "Einmalkosten fallen im Startmonat an, deshalb darf ein Quartal darüber liegen.",
                "The budget holds for the whole year; the line per quarter shows its pro-rata share. "
                "One-time costs fall in the start month, so a quarter may lie above it.",
            )
        )


def field_table(plan: Plan) -> None:
    """What each field of action costs inside the horizon."""
    st.subheader(t("Kosten je Handlungsfeld", "Cost per field of action"))
    language = lang()
    shown, right = shared("budget_fields", lambda: view.field_display(*view.field_frame(plan, language), language))
    table = shared_table("budget_fields_table", lambda: shown)
    cells = ", ".join(f".st-key-budget_fields :is(td, th):nth-child({n})" for n in right)
    st.html(
        f"<style>{cells} {{ text-align: right !important; }}</style>"
    )  # euros align like numbers (over the cell's own)
    with st.container(key="budget_fields"):
        st.table(table, hide_index=True)
    st.caption(
        t(
            "Ohne die bestehenden IT-Kosten; laufende Kosten ab dem Monat nach dem Abschluss.",
            "Without the existing IT costs; running costs from the month after completion.",
        )
    )


def funding(plan: Plan) -> None:
    """One-time costs before and after funding, and what funding saves."""
    st.subheader(t("Wirkung der Förderung", "Effect of funding"))
    years = shared("budget_funding", lambda: funding_effect(plan))
    summary = view.funding_summary(years)
    rate = plan.profile.funding_rate
    if not rate:
        st.info(view.no_funding_text(summary.eligible, lang()), icon=":material/lightbulb:")
        st.page_link(
            "app_pages/01_unternehmen.py", label=t("Zum Unternehmen", "To the company"), icon=":material/factory:"
        )
        return
    st.caption(view.funding_caption(rate, summary.eligible, lang()))
    metrics(view.funding_metrics(summary, rate, lang()))
    if len(years) > 1:
        st.dataframe(view.funding_frame(years, lang()), hide_index=True)


def corridor(plan: Plan) -> None:
    """The corridor verdict per year in plain words."""
    st.subheader(t("Korridor: 1–5 % des Umsatzes", "Corridor: 1–5 % of revenue"))
    st.caption(
        t(
            "Üblich sind laufende IT-Kosten (bestehende plus neue) von 1 bis 5 % des Umsatzes im Jahr.",
            "Running IT costs (existing plus new) of 1 to 5 % of revenue a year are usual.",
        )
    )
    for note in corridor_check(plan):
        if note.level == WITHIN:
            st.success(say(note.message), icon=":material/check_circle:")
        else:
            st.warning(say(note.message), icon=":material/warning:")


def explain_no_revenue() -> None:
    """Without revenue there is neither budget nor corridor: say so and lead to the company page."""
    st.warning(
        t(
            "Für ein Budget braucht es den Jahresumsatz: Budget und Korridor sind Anteile davon. "
            "Bitte den Umsatz auf der Seite Unternehmen eintragen.",
            "A budget needs the annual revenue: budget and corridor are shares of it. "
            "Please enter the revenue on the Company page.",
        ),
        icon=":material/warning:",
    )
    st.page_link(
        "app_pages/01_unternehmen.py", label=t("Umsatz eintragen", "Enter the revenue"), icon=":material/factory:"
    )


def main() -> None:
    """The Budget page."""
    st.title(t("Budget", "Budget"))
    if not presenter():
        st.markdown(
            t(
                "Schritt 6 von 10: Was kostet der Plan pro Jahr und Quartal – im Budget und im üblichen Korridor?",
                "Step 6 of 10: what does the plan cost per year and quarter – within budget and the usual corridor?",
            )
        )
    active_scenario_note()
    if explain_empty_workshop():
        return
    if workshop().profile.revenue <= 0:
        explain_no_revenue()
        return
    plan = current_plan()
    headline(yearly_costs(plan))
    charts(plan)
    left, right = split("budget", 2)
    with left:
        corridor(plan)
    with right:
        funding(plan)
    field_table(plan)


main()
