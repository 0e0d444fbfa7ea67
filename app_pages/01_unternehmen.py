"""Unternehmen: the company profile and the planning settings, checked as they are typed."""

from __future__ import annotations

import streamlit as st

from roadmap.domain import formats
from roadmap.domain.month import Month
from roadmap.planning.budget import corridor_note
from roadmap.planning.phases import phases
from roadmap.planning.reasons import horizon_note
from roadmap.views import company_form as form
from roadmap.workshop.demo import DEMO_NAME
from ui.clock import this_month
from ui.language import euro, lang, plain, please_choose, say, say_markdown, say_text, t
from ui.plans import planning_profile
from ui.presenter import presenter
from ui.scenarios import active_scenario_note
from ui.screen import slot, split
from ui.session import workshop
from ui.widgets import bind, field_error, update


def _number(field: form.NumberField, value: float) -> None:
    key = f"unternehmen_{field.name}"
    cast = int if field.whole else float
    bind(key, cast(value))
    st.number_input(
        say_text(field.label),
        key=key,
        min_value=cast(0),
        step=cast(field.step),
        format=field.fmt,
        help=say_text(field.help) if field.help else None,
        on_change=update,
        args=(key, form.set_profile(field.name)),
    )
    field_error(key)


def _text(label: str, name: str, value: str, placeholder: str = "") -> None:
    key = f"unternehmen_{name}"
    bind(key, value)
    st.text_input(label, key=key, placeholder=placeholder, on_change=update, args=(key, form.set_profile(name)))
    field_error(key)


def _month(label: str, name: str, value: Month) -> None:
    # The browser sends a choice back by its label: after a language switch a German label
    # ("Januar 2026") would be no choice of the English list, so each language has its own widget.
    key = f"unternehmen_{name}_{lang()}"
    bind(key, value)
    labels = form.month_labels(lang(), this_month())  # format_func may run outside the script run: no lang() inside
    st.selectbox(
        label,
        form.month_choices(value, this_month()),
        key=key,
        format_func=lambda m: labels.get(m) or formats.month(m, "de"),
        on_change=update,
        args=(key, form.set_profile(name)),
        placeholder=please_choose(),
    )
    field_error(key)


def company_form() -> None:
    """Name, industry, size, revenue and the IT costs of today."""
    profile = workshop().profile
    st.subheader(t("Unternehmensprofil", "Company profile"))
    _text(t("Name des Unternehmens", "Company name"), "name", profile.name, "Muster GmbH")
    _text(t("Branche", "Industry"), "industry", profile.industry, t("z. B. Maschinenbau", "e.g. engineering"))
    _number(form.EMPLOYEES, profile.employees)
    _number(form.REVENUE, profile.revenue)
    st.caption(f"= {euro(profile.revenue)}")
    with slot():  # there only for a horizon over several years: the field below keeps its place
        revenue_per_year()
    _number(form.BASELINE_IT, profile.baseline_it)
    st.caption(f"= {euro(profile.baseline_it)}")


def revenue_per_year() -> None:
    """A revenue per calendar year of a horizon over several years (growth); by default the annual revenue."""
    profile = workshop().profile
    if not (years := form.revenue_years(profile)):
        return
    title = t("Umsatz je Jahr (Wachstum)", "Revenue per year (growth)")
    with st.expander(title, expanded=bool(profile.revenue_by_year), key="unternehmen_years"):
        st.caption(say_markdown(form.YEARS_HINT))
        for column, year in zip(st.columns(len(years)), years, strict=True):
            key = f"unternehmen_revenue_{year}"
            bind(key, float(profile.revenue_in(year)))
            with column:
                st.number_input(
                    str(year), key=key, min_value=0.0, step=50_000.0, format="%.0f",
                    on_change=update, args=(key, form.set_year_revenue(year)),
                )  # fmt: skip
                field_error(key)


def planning_form() -> None:
    """Budget share with the 1–5 % corridor beside it, funding, capacity and horizon."""
    profile = workshop().profile
    st.subheader(t("Planungseinstellungen", "Planning settings"))
    share, corridor = st.columns([1, 1])
    with share:
        _number(form.BUDGET_SHARE, profile.budget_share)
        st.caption(form.share_caption(profile, lang()))
    with corridor:
        st.metric(t("Budget pro Jahr", "Budget per year"), euro(profile.yearly_budget))
        st.caption(form.corridor_caption(profile, lang()))
    with slot():  # the notes come and go as the share and revenue are typed; the fields below stay put
        if note := corridor_note(profile.budget_share):
            st.warning(say(note.message), icon=":material/warning:")
        if no_revenue := form.revenue_note(profile):
            st.info(say_markdown(no_revenue))
    _number(form.FUNDING_RATE, profile.funding_rate)
    _number(form.CAPACITY, profile.capacity)
    start, end = st.columns(2)
    with start:
        _month(t("Planungsbeginn", "Horizon start"), "horizon_start", profile.horizon_start)
    with end:
        _month(t("Planungsende", "Horizon end"), "horizon_end", profile.horizon_end)
    planning_month()


def planning_month() -> None:
    """The planning month (Planungsstand): this month unless fixed, e.g. to prepare January's workshop."""
    profile = workshop().profile
    key = f"unternehmen_as_of_{lang()}"
    bind(key, profile.as_of or form.CURRENT)
    labels = form.as_of_labels(lang(), this_month())
    st.selectbox(
        t("Planungsstand", "Plan as of"),
        form.as_of_choices(profile.as_of, this_month()),
        key=key,
        format_func=lambda m: labels.get(m) or str(m),
        help=say_text(form.AS_OF_HELP),
        on_change=update,
        args=(key, form.set_as_of),
    )
    field_error(key)
    with slot():  # above the phases' fields
        if warning := form.past_as_of_warning(profile, this_month()):
            st.warning(say_markdown(warning), icon=":material/warning:")
        if note := horizon_note(planning_profile()):
            st.warning(say(note), icon=":material/event_busy:")


def phase_form() -> None:
    """One name per phase (a quarter of the horizon by default)."""
    st.subheader(t("Phasen", "Phases"))
    st.caption(say_markdown(form.PHASES_HINT))
    profile = workshop().profile
    per_row = 2  # row by row, so the phases keep their order when a narrow screen wraps the columns
    for phase in phases(profile):
        if phase.index % per_row == 0:
            columns = st.columns(per_row)
        key = f"unternehmen_phase_{phase.index}"
        bind(key, form.phase_name(profile, phase))
        with columns[phase.index % per_row]:
            st.text_input(
                form.phase_period(phase, lang()),
                key=key,
                placeholder=phase.default_name,
                on_change=update,
                args=(key, form.set_phase_name(phase.index)),
            )


def summary() -> None:
    """The profile at a glance (presenter mode)."""
    profile = workshop().profile
    st.header(plain(profile.name) or t("Unbenanntes Unternehmen", "Unnamed company"))
    if subtitle := form.summary_subtitle(profile, lang()):
        st.subheader(subtitle)
    a, b, c, d = st.columns(4)
    a.metric(t("Jahresumsatz", "Annual revenue"), euro(profile.revenue))
    b.metric(form.budget_label(profile, lang()), euro(profile.yearly_budget))
    c.metric(t("Bestehende IT-Kosten", "Existing IT costs"), euro(profile.baseline_it))
    d.metric(t("Planungszeitraum", "Horizon"), form.horizon_span(profile))
    if as_of := form.as_of_caption(planning_profile().as_of, lang()):
        st.caption(as_of)


def demo_note() -> None:
    """On the demo workshop: that its firm is made up, and how to start one's own workshop."""
    if workshop().profile.name != DEMO_NAME:
        return
    if presenter():
        st.caption(say_markdown(form.DEMO_PRESENTING))
        return
    with st.container(border=True, key="unternehmen_demo"):
        st.markdown(say_markdown(form.DEMO_ABOUT))
        st.markdown(say_markdown(form.DEMO_OWN))
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
    st.markdown(say_markdown(form.INTRO))
    with slot():  # both notes come and go (the demo's with its first change of name): the forms stay put
        active_scenario_note()
        demo_note()
    left, right = split("unternehmen", 2)
    with left:
        company_form()
    with right:
        planning_form()
    phase_form()


main()
