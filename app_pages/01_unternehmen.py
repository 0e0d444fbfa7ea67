"""Unternehmen: the company profile and the planning settings, checked as they are typed."""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from roadmap.domain import formats
from roadmap.domain.month import Month, months_between
from roadmap.domain.workshop import Workshop
from roadmap.planning.budget import corridor_note
from roadmap.planning.phases import phases
from roadmap.planning.reasons import horizon_note
from roadmap.workshop.demo import DEMO_NAME
from ui.clock import this_month
from ui.language import euro, lang, number, plain, please_choose, say, t
from ui.plans import planning_profile
from ui.presenter import presenter
from ui.scenarios import active_scenario_note
from ui.screen import split
from ui.session import workshop
from ui.widgets import bind, field_error, update

CURRENT = "current"  # the planning month's choice "this month, whichever it is"


def horizon_choices() -> list[Month]:
    """Months offered for the horizon and the planning month: three years back, six ahead of this month."""
    now = this_month()
    return months_between(now + -36, now + 72)


@functools.cache
def month_labels(language: str, now: Month) -> dict[Month, str]:
    """'Januar 2026' for every month offered (formatting them on every rerun is slow)."""
    return {m: formats.month(m, language) for m in months_between(now + -36, now + 72)}


def _set_profile(name: str) -> Any:
    """A change function for one profile setting (validated by the model)."""

    def apply(current: Workshop, value: Any) -> Workshop:
        return current.with_changes(profile=current.profile.with_changes(**{name: value}))

    return apply


def _set_phase_name(index: int) -> Any:
    def apply(current: Workshop, value: str) -> Workshop:
        count = len(phases(current.profile))
        names = list(current.profile.phase_names) + [""] * count
        names[index] = value.strip()
        while names and not names[-1]:
            names.pop()
        return current.with_changes(profile=current.profile.with_changes(phase_names=tuple(names[:count])))

    return apply


def _number(label: str, name: str, value: float, *, step: float, fmt: str, help: str = "", cast: type = float) -> None:
    key = f"unternehmen_{name}"
    bind(key, cast(value))
    st.number_input(
        label,
        key=key,
        min_value=cast(0),
        step=cast(step),
        format=fmt,
        help=help or None,
        on_change=update,
        args=(key, _set_profile(name)),
    )
    field_error(key)


def _text(label: str, name: str, value: str, placeholder: str = "") -> None:
    key = f"unternehmen_{name}"
    bind(key, value)
    st.text_input(label, key=key, placeholder=placeholder, on_change=update, args=(key, _set_profile(name)))
    field_error(key)


def _month(label: str, name: str, value: Month) -> None:
    # The browser sends a choice back by its label: after a language switch a German label
    # ("Januar 2026") would be no choice of the English list, so each language has its own widget.
    key = f"unternehmen_{name}_{lang()}"
    bind(key, value)
    offered = horizon_choices()
    choices = offered if value in offered else sorted({*offered, value})
    labels = month_labels(lang(), this_month())  # format_func may run outside the script run: no lang() inside
    st.selectbox(
        label,
        choices,
        key=key,
        format_func=lambda m: labels.get(m) or formats.month(m, "de"),
        on_change=update,
        args=(key, _set_profile(name)),
        placeholder=please_choose(),
    )
    field_error(key)


def company_form() -> None:
    """Name, industry, size, revenue and the IT costs of today."""
    profile = workshop().profile
    st.subheader(t("Unternehmensprofil", "Company profile"))
    _text(t("Name des Unternehmens", "Company name"), "name", profile.name, "Muster GmbH")
    _text(t("Branche", "Industry"), "industry", profile.industry, t("z. B. Maschinenbau", "e.g. engineering"))
    _number(t("Mitarbeitende", "Employees"), "employees", profile.employees, step=1, fmt="%d", cast=int)
    _number(
        t("Jahresumsatz (€)", "Annual revenue (€)"),
        "revenue",
        profile.revenue,
        step=50_000,
        fmt="%.0f",
        help=t("Grundlage des Budgets: Budgetanteil × Umsatz.", "The budget's base: budget share × revenue."),
    )
    st.caption(f"= {euro(profile.revenue)}")
    revenue_per_year()
    _number(
        t("Bestehende IT-Kosten (€/Jahr)", "Existing IT costs (€/year)"),
        "baseline_it",
        profile.baseline_it,
        step=1_000,
        fmt="%.0f",
        help=t(
            "Was die IT heute jährlich kostet (Lizenzen, Wartung, Dienstleister) – zählt zum Budget.",
            "What IT costs per year today (licences, maintenance, providers) – counts against the budget.",
        ),
    )
    st.caption(f"= {euro(profile.baseline_it)}")


def _set_year_revenue(year: int) -> Any:
    """A change function for one year's revenue: the annual revenue again clears the year's own figure."""

    def apply(current: Workshop, value: float) -> Workshop:
        by_year = dict(current.profile.revenue_by_year)
        if value is None or float(value) == current.profile.revenue:
            by_year.pop(year, None)
        else:
            by_year[year] = float(value)
        return current.with_changes(profile=current.profile.with_changes(revenue_by_year=by_year))

    return apply


def revenue_per_year() -> None:
    """A revenue per calendar year of a horizon over several years (growth); by default the annual revenue."""
    profile = workshop().profile
    years = sorted({m.year for m in profile.months})
    if len(years) < 2:
        return
    own = bool(profile.revenue_by_year)
    title = t("Umsatz je Jahr (Wachstum)", "Revenue per year (growth)")
    with st.expander(title, expanded=own, key="unternehmen_years"):
        st.caption(
            t(
                "Nur ausfüllen, wo sich der Umsatz ändert: jedes Jahr hat sein eigenes Budget.",
                "Fill in only where the revenue changes: each year has its own budget.",
            )
        )
        for column, year in zip(st.columns(len(years)), years, strict=True):
            key = f"unternehmen_revenue_{year}"
            bind(key, float(profile.revenue_in(year)))
            with column:
                st.number_input(
                    str(year), key=key, min_value=0.0, step=50_000.0, format="%.0f",
                    on_change=update, args=(key, _set_year_revenue(year)),
                )  # fmt: skip
                field_error(key)


def planning_form() -> None:
    """Budget share with the 1–5 % corridor beside it, funding, capacity and horizon."""
    profile = workshop().profile
    st.subheader(t("Planungseinstellungen", "Planning settings"))
    share, corridor = st.columns([1, 1])
    with share:
        _number(
            t("Budgetanteil (% vom Umsatz)", "Budget share (% of revenue)"),
            "budget_share",
            profile.budget_share,
            step=0.5,
            fmt="%g",  # "3", not "3.0" (the field cannot write a German decimal comma; the caption does)
            help=t("Üblich sind 1–5 % des Umsatzes pro Jahr.", "1–5 % of revenue per year is usual."),
        )
        st.caption(
            t(f"= {number(profile.budget_share)} % vom Umsatz", f"= {number(profile.budget_share)} % of revenue")
        )
    with corridor:
        low, high = profile.corridor
        st.metric(t("Budget pro Jahr", "Budget per year"), euro(profile.yearly_budget))
        st.caption(t(f"Korridor 1–5 %: {euro(low)} bis {euro(high)}", f"Corridor 1–5 %: {euro(low)} to {euro(high)}"))
    if note := corridor_note(profile.budget_share):
        st.warning(say(note.message), icon=":material/warning:")
    if profile.revenue <= 0:
        st.info(
            t(
                "Ohne Umsatz gibt es kein Budget: bitte den Jahresumsatz eintragen.",
                "Without revenue there is no budget: please enter the annual revenue.",
            )
        )
    _number(
        t("Förderquote (%)", "Funding rate (%)"),
        "funding_rate",
        profile.funding_rate,
        step=5,
        fmt="%.0f",
        help=t(
            "Anteil der Einmalkosten förderfähiger Maßnahmen, den ein Förderprogramm trägt.",
            "Share of the one-time cost of funding-eligible measures that a funding programme pays.",
        ),
    )
    _number(
        t(
            "Interne Kapazität (Personentage pro Monat, 0 = unbegrenzt)",
            "Internal capacity (person-days per month, 0 = unlimited)",
        ),
        "capacity",
        profile.capacity,
        step=5,
        fmt="%.0f",
    )
    start, end = st.columns(2)
    with start:
        _month(t("Planungsbeginn", "Horizon start"), "horizon_start", profile.horizon_start)
    with end:
        _month(t("Planungsende", "Horizon end"), "horizon_end", profile.horizon_end)
    planning_month()


def _set_as_of(current: Workshop, value: Month | str) -> Workshop:
    as_of = None if value == CURRENT else value
    return current.with_changes(profile=current.profile.with_changes(as_of=as_of))


def planning_month() -> None:
    """The planning month (Planungsstand): this month unless fixed, e.g. to prepare January's workshop."""
    profile = workshop().profile
    now = this_month()
    key = f"unternehmen_as_of_{lang()}"
    bind(key, profile.as_of or CURRENT)
    offered = horizon_choices()
    choices: list[Month | str] = [CURRENT, *offered]
    if profile.as_of is not None and profile.as_of not in offered:
        choices.append(profile.as_of)
    labels = month_labels(lang(), now)
    this = t(f"Aktueller Monat ({formats.month(now, 'de')})", f"Current month ({formats.month(now, 'en')})")
    st.selectbox(
        t("Planungsstand", "Plan as of"),
        choices,
        key=key,
        format_func=lambda m: this if m == CURRENT else labels.get(m) or str(m),  # type: ignore[arg-type, call-overload]
        help=t(
            "Nichts, was noch nicht läuft, beginnt vor diesem Monat. Standard: der aktuelle Monat; "
            "ein anderer z. B., um im Dezember den Workshop im Januar vorzubereiten.",
            "Nothing not yet under way starts before this month. Default: the current month; "
            "another one e.g. to prepare January's workshop in December.",
        ),
        on_change=update,
        args=(key, _set_as_of),
    )
    field_error(key)
    if profile.as_of is not None and profile.as_of < now:
        st.warning(
            t(
                f"Der Planungsstand ist auf {formats.month(profile.as_of, 'de')} festgelegt, vor dem aktuellen "
                "Monat: Neues kann so in der Vergangenheit geplant werden. „Aktueller Monat“ wählen, um von heute "
                "an zu planen.",
                f"The planning month is fixed to {formats.month(profile.as_of, 'en')}, before the current month: "
                "new measures may be planned in the past. Choose “Current month” to plan from today.",
            ),
            icon=":material/warning:",
        )
    if note := horizon_note(planning_profile()):
        st.warning(say(note), icon=":material/event_busy:")


def phase_form() -> None:
    """One name per phase (a quarter of the horizon by default)."""
    st.subheader(t("Phasen", "Phases"))
    st.caption(
        t(
            "Eine Phase je Quartal; jede endet mit einem Meilenstein. Namen sind frei wählbar.",
            "One phase per quarter; each ends in a milestone. Names are free to choose.",
        )
    )
    all_phases = phases(workshop().profile)
    per_row = 2  # row by row, so the phases keep their order when a narrow screen wraps the columns
    for phase in all_phases:
        if phase.index % per_row == 0:
            columns = st.columns(per_row)
        key = f"unternehmen_phase_{phase.index}"
        given = workshop().profile.phase_names
        bind(key, given[phase.index] if phase.index < len(given) else "")
        period = f"{formats.month(phase.first, lang())} – {formats.month(phase.last, lang())}"
        with columns[phase.index % per_row]:
            st.text_input(
                period,
                key=key,
                placeholder=phase.default_name,
                on_change=update,
                args=(key, _set_phase_name(phase.index)),
            )


def summary() -> None:
    """The profile at a glance (presenter mode)."""
    profile = workshop().profile
    st.header(plain(profile.name) or t("Unbenanntes Unternehmen", "Unnamed company"))
    if profile.industry or profile.employees:
        st.subheader(
            " · ".join(
                x
                for x in (
                    profile.industry,
                    t(f"{profile.employees} Mitarbeitende", f"{profile.employees} employees")
                    if profile.employees
                    else "",
                )
                if x
            )
        )
    a, b, c, d = st.columns(4)
    a.metric(t("Jahresumsatz", "Annual revenue"), euro(profile.revenue))
    b.metric(
        t(f"Budget pro Jahr ({number(profile.budget_share)} %)", f"Budget per year ({number(profile.budget_share)} %)"),
        euro(profile.yearly_budget),
    )
    c.metric(t("Bestehende IT-Kosten", "Existing IT costs"), euro(profile.baseline_it))
    d.metric(
        t("Planungszeitraum", "Horizon"),
        f"{profile.horizon_start.month:02d}/{profile.horizon_start.year} – "
        f"{profile.horizon_end.month:02d}/{profile.horizon_end.year}",
    )
    as_of = planning_profile().as_of
    if as_of is not None:
        st.caption(t(f"Planungsstand: {formats.month(as_of, 'de')}", f"Plan as of: {formats.month(as_of, 'en')}"))


def demo_note() -> None:
    """On the demo workshop: that its firm is made up, and how to start one's own workshop."""
    if workshop().profile.name != DEMO_NAME:
        return
    if presenter():
        st.caption(t("Beispiel: ein erfundenes Unternehmen.", "Example: a fictional company."))
        return
    with st.container(border=True, key="unternehmen_demo"):
        st.markdown(
            t(
                ":material/science: **Dies ist ein Beispiel-Workshop.** Die Schneider Feinmechanik GmbH ist "
                "erfunden; alle Zahlen sind Beispiele zum Ausprobieren.",
                ":material/science: **This is an example workshop.** Schneider Feinmechanik GmbH is made up; "
                "all figures are examples to try things out.",
            )
        )
        st.markdown(
            t(
                "**Eigenen Workshop beginnen:** unter *Workshops & Stände* → *Neuer Workshop* – leer, als Kopie "
                "dieses Beispiels oder aus einer Excel-Liste. Das Beispiel bleibt dabei erhalten.",
                "**Start your own workshop:** under *Workshops & snapshots* → *New workshop* – empty, as a copy "
                "of this example or from an Excel list. The example stays as it is.",
            )
        )
        st.page_link(
            "app_pages/10_workshops.py",
            label=t("Zu Workshops & Stände", "To workshops & snapshots"),
            icon=":material/add_circle:",
        )


def main() -> None:
    """Draw the page: the profile at a glance in presenter mode, else the forms."""
    st.title(t("Unternehmen", "Company"))
    if presenter():
        demo_note()
        summary()
        return
    st.markdown(
        t(
            "Schritt 1 von 10: Eckdaten des Unternehmens und Rahmen der Planung. Jede Eingabe gilt sofort.",
            "Step 1 of 10: the company's key figures and the planning frame. Every input applies at once.",
        )
    )
    active_scenario_note()
    demo_note()
    left, right = split("unternehmen", 2)
    with left:
        company_form()
    with right:
        planning_form()
    phase_form()


main()
