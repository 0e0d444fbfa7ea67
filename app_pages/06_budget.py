"""Budget: yearly and quarterly costs against the budget and the 1–5 % corridor, per field, and funding."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roadmap.charts.budget_chart import quarterly_cost_chart, yearly_cost_chart
from roadmap.charts.budget_rows import field_cost_rows
from roadmap.planning.budget import WITHIN, YearCost, corridor_check, yearly_costs
from roadmap.planning.funding import funding_effect
from roadmap.planning.plan import Plan
from ui.charts import show_chart
from ui.empty import explain_empty_workshop
from ui.language import euro, lang, number, say, t
from ui.plans import current_plan
from ui.presenter import presenter
from ui.scenarios import active_scenario_note
from ui.screen import split
from ui.session import workshop

METRIC_YEARS_UP_TO = 3  # longer horizons show their years as a table instead of rows of metrics


def _budget_delta(year: YearCost) -> tuple[str, str]:
    """The metric's delta text and colour: how far the year stays below (green) or goes above (red) its budget."""
    gap = year.budget - year.total
    if abs(gap) < 0.5:
        return t("genau im Budget", "exactly on budget"), "gray"
    if year.over_budget:
        return t(f"{euro(-gap)} über dem Budget", f"{euro(-gap)} over budget"), "red"
    return t(f"{euro(gap)} unter dem Budget", f"{euro(gap)} under budget"), "green"


def year_metrics(year: YearCost, label_year: bool) -> None:
    """Total against budget, share of revenue and the corridor figure of one year."""
    suffix = f" {year.year}" if label_year else ""
    delta, colour = _budget_delta(year)
    a, b, c, d = st.columns(4)
    a.metric(t(f"Kosten{suffix}", f"Cost{suffix}"), euro(year.total), delta, delta_color=colour, delta_arrow="off")
    b.metric(
        t(f"Budget{suffix}", f"Budget{suffix}"),
        euro(year.budget),
        help=t(
            f"Budgetanteil × Umsatz, für {year.months} Monat(e) im Planungszeitraum.",
            f"Budget share × revenue, for {year.months} month(s) inside the horizon.",
        ),
    )
    c.metric(t("Anteil am Umsatz", "Share of revenue"), f"{number(year.share)} %")
    d.metric(
        t("Laufende IT-Kosten", "Running IT costs"),
        f"{number(year.running_share)} %",
        t("vom Umsatz (Korridor 1–5 %)", "of revenue (corridor 1–5 %)"),
        delta_color="off",
        delta_arrow="off",
    )


def year_table(years: list[YearCost]) -> None:
    """Every year of a long horizon in one table."""
    frame = pd.DataFrame(
        {
            t("Jahr", "Year"): [str(y.year) for y in years],
            t("Kosten", "Cost"): [euro(y.total) for y in years],
            t("Budget", "Budget"): [euro(y.budget) for y in years],
            t("Anteil am Umsatz", "Share of revenue"): [f"{number(y.share)} %" for y in years],
            t("Laufender Anteil", "Running share"): [f"{number(y.running_share)} %" for y in years],
            t("Status", "Status"): [
                t("über Budget", "over budget") if y.over_budget else t("im Budget", "within budget") for y in years
            ],
        }
    )
    right = st.column_config.TextColumn(alignment="right")
    st.dataframe(frame, hide_index=True, column_config={c: right for c in list(frame.columns)[1:5]})


def headline(years: list[YearCost]) -> None:
    """Per year: cost against budget and share of revenue; years over budget are flagged."""
    if len(years) <= METRIC_YEARS_UP_TO:
        for year in years:
            year_metrics(year, label_year=True)
    else:
        year_table(years)
    for year in years:
        if year.over_budget:
            st.error(
                t(
                    f"{year.year} liegt {euro(year.total - year.budget)} über dem Budget von {euro(year.budget)}: "
                    "schon die bestehenden IT-Kosten und die Maßnahmen in Umsetzung übersteigen es. "
                    "Budgetanteil prüfen oder laufende Vorhaben strecken.",
                    f"{year.year} is {euro(year.total - year.budget)} over its budget of {euro(year.budget)}: "
                    "the existing IT costs and the measures in progress alone exceed it. "
                    "Check the budget share or stretch the running projects.",
                ),
                icon=":material/warning:",
            )


def charts(plan: Plan) -> None:
    """The costs per year and per quarter, stacked by kind and field, with budget and corridor."""
    views = {"years": t("Pro Jahr", "Per year"), "quarters": t("Pro Quartal", "Per quarter")}
    # A single year is one bar (its figures stand above): the quarters then tell more.
    single_year = len({m.year for m in plan.profile.months}) == 1
    # Only the chosen chart is drawn: the page stays quick to switch to on a projector laptop.
    view = st.segmented_control(
        t("Ansicht", "View"),
        list(views),
        format_func=views.get,
        default="quarters" if single_year else "years",
        key="budget_view",
        label_visibility="collapsed",
    ) or ("quarters" if single_year else "years")
    if view == "years":
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
    rows = field_cost_rows(plan, lang())
    total = {key: sum(row[key] for row in rows) for key in ("planned", "one_time", "running", "total")}
    names = {
        "field": t("Handlungsfeld", "Field of action"),
        "planned": t("Eingeplant", "Planned"),
        "one_time": t("Einmalkosten (nach Förderung)", "One-time cost (after funding)"),
        "running": t("Laufende Kosten im Zeitraum", "Running cost in the horizon"),
        "total": t("Gesamt", "Total"),
    }
    lines = [*rows, {"field": f"**{t('Summe', 'Sum')}**", **total}]
    frame = pd.DataFrame(
        {
            names["field"]: [row["field"] for row in lines],
            names["planned"]: [int(row["planned"]) for row in lines],
            **{names[key]: [float(row[key]) for row in lines] for key in ("one_time", "running", "total")},
        }
    )
    money = [names[key] for key in ("one_time", "running", "total")]
    # Numbers stay numbers (so they align right); the styler only writes them as euros.
    st.table(frame.style.format(euro, subset=money), hide_index=True)
    st.caption(
        t(
            "Ohne die bestehenden IT-Kosten; laufende Kosten ab dem Monat nach dem Abschluss.",
            "Without the existing IT costs; running costs from the month after completion.",
        )
    )


def funding(plan: Plan) -> None:
    """One-time costs before and after funding, and what funding saves."""
    st.subheader(t("Wirkung der Förderung", "Effect of funding"))
    years = funding_effect(plan)
    before = sum(y.before for y in years)
    after = sum(y.after for y in years)
    eligible = sum(y.eligible for y in years)
    rate = plan.profile.funding_rate
    if not rate:
        st.info(
            t(
                f"Keine Förderquote eingetragen. {eligible} eingeplante Maßnahme(n) sind förderfähig – "
                "mit einer Förderquote auf der Seite Unternehmen sinken ihre Einmalkosten.",
                f"No funding rate entered. {eligible} planned measure(s) are eligible for funding – "
                "a funding rate on the Company page lowers their one-time costs.",
            ),
            icon=":material/lightbulb:",
        )
        st.page_link(
            "app_pages/01_unternehmen.py", label=t("Zum Unternehmen", "To the company"), icon=":material/factory:"
        )
        return
    st.caption(
        t(
            f"Einmalkosten der eingeplanten Maßnahmen; {number(rate, 0)} % Förderquote auf "
            f"{eligible} förderfähige Maßnahme(n).",
            f"One-time costs of the planned measures; a funding rate of {number(rate, 0)} % on "
            f"{eligible} eligible measure(s).",
        )
    )
    a, b, c = st.columns(3)
    a.metric(t("Vor Förderung", "Before funding"), euro(before))
    b.metric(t("Nach Förderung", "After funding"), euro(after))
    c.metric(t("Gespart", "Saved"), euro(before - after), f"-{number(rate, 0)} %", delta_color="green")
    if len(years) > 1:
        st.dataframe(
            pd.DataFrame(
                {
                    t("Jahr", "Year"): [str(y.year) for y in years],
                    t("vor Förderung", "before funding"): [euro(y.before) for y in years],
                    t("nach Förderung", "after funding"): [euro(y.after) for y in years],
                    t("gespart", "saved"): [euro(y.saved) for y in years],
                }
            ),
            hide_index=True,
        )


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
