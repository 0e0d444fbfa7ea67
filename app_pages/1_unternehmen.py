"""Unternehmen: the company profile and the planning settings, checked as they are typed."""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from roadmap.domain import formats
from roadmap.domain.model import Month, Workshop, months_between
from roadmap.planning.budget import corridor_note
from roadmap.planning.phases import phases
from ui.language import euro, lang, number, plain, say, t
from ui.presenter import presenter
from ui.screen import split
from ui.session import demo_workshop, workshop
from ui.widgets import bind, field_error, update

# Months offered for the horizon: a few years either side of the default 2026.
HORIZON_CHOICES = months_between(Month(2024, 1), Month(2030, 12))


@functools.cache
def month_labels(language: str) -> dict[Month, str]:
    """'Januar 2026' for every month offered (formatting them on every rerun is slow)."""
    return {m: formats.month(m, language) for m in HORIZON_CHOICES}


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
    choices = HORIZON_CHOICES if value in HORIZON_CHOICES else sorted({*HORIZON_CHOICES, value})
    labels = month_labels(lang())  # format_func may run outside the script run (AppTest): no lang() inside
    st.selectbox(
        label,
        choices,
        key=key,
        format_func=lambda m: labels.get(m) or formats.month(m, "de"),
        on_change=update,
        args=(key, _set_profile(name)),
        placeholder=t("Bitte wählen …", "Please choose …"),
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
    columns = st.columns(min(4, len(all_phases)) or 1)
    for phase in all_phases:
        key = f"unternehmen_phase_{phase.index}"
        given = workshop().profile.phase_names
        bind(key, given[phase.index] if phase.index < len(given) else "")
        period = f"{formats.month(phase.first, lang())} – {formats.month(phase.last, lang())}"
        with columns[phase.index % len(columns)]:
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


def demo_note() -> None:
    """On the demo workshop: that its firm is made up, and how to start one's own workshop."""
    if workshop().profile.name != demo_workshop().profile.name:
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
            "app_pages/8_workshops.py",
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
            "Schritt 1 von 7: Eckdaten des Unternehmens und Rahmen der Planung. Jede Eingabe gilt sofort.",
            "Step 1 of 7: the company's key figures and the planning frame. Every input applies at once.",
        )
    )
    demo_note()
    left, right = split("unternehmen", 2)
    with left:
        company_form()
    with right:
        planning_form()
    phase_form()


main()
