"""What the Unternehmen page shows, decided without Streamlit: its fields, choices, change rules and texts."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from roadmap.domain import formats
from roadmap.domain.messages import Lang, Message
from roadmap.domain.month import Month, months_between
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.phases import Phase, phases

CURRENT = "current"  # the planning month's choice "this month, whichever it is"

Change = Callable[[Workshop, Any], Workshop]


@dataclass(frozen=True)
class NumberField:
    """A number input of the profile: its label, the profile's attribute, step, display format and help."""

    label: Message
    name: str
    step: float
    fmt: str
    help: Message | None = None
    whole: bool = False  # an int field (employees), else a float


EMPLOYEES = NumberField(Message("Mitarbeitende", "Employees"), "employees", 1, "%d", whole=True)
REVENUE = NumberField(
    Message("Jahresumsatz (€)", "Annual revenue (€)"),
    "revenue",
    50_000,
    "%.0f",
    Message("Grundlage des Budgets: Budgetanteil × Umsatz.", "The budget's base: budget share × revenue."),
)
BASELINE_IT = NumberField(
    Message("Bestehende IT-Kosten (€/Jahr)", "Existing IT costs (€/year)"),
    "baseline_it",
    1_000,
    "%.0f",
    Message(
        "Was die IT heute jährlich kostet (Lizenzen, Wartung, Dienstleister) – zählt zum Budget.",
        "What IT costs per year today (licences, maintenance, providers) – counts against the budget.",
    ),
)
BUDGET_SHARE = NumberField(
    Message("Budgetanteil (% vom Umsatz)", "Budget share (% of revenue)"),
    "budget_share",
    0.5,
    "%g",  # "3", not "3.0" (the field cannot write a German decimal comma; the caption does)
    Message("Üblich sind 1–5 % des Umsatzes pro Jahr.", "1–5 % of revenue per year is usual."),
)
FUNDING_RATE = NumberField(
    Message("Förderquote (%)", "Funding rate (%)"),
    "funding_rate",
    5,
    "%.0f",
    Message(
        "Anteil der Einmalkosten förderfähiger Maßnahmen, den ein Förderprogramm trägt.",
        "Share of the one-time cost of funding-eligible measures that a funding programme pays.",
    ),
)
CAPACITY = NumberField(
    Message(
        "Interne Kapazität (Personentage pro Monat, 0 = unbegrenzt)",
        "Internal capacity (person-days per month, 0 = unlimited)",
    ),
    "capacity",
    5,
    "%.0f",
)

INTRO = Message(
    "Schritt 1 von 10: Eckdaten des Unternehmens und Rahmen der Planung. Jede Eingabe gilt sofort.",
    "Step 1 of 10: the company's key figures and the planning frame. Every input applies at once.",
)
YEARS_HINT = Message(
    "Nur ausfüllen, wo sich der Umsatz ändert: jedes Jahr hat sein eigenes Budget.",
    "Fill in only where the revenue changes: each year has its own budget.",
)
NO_REVENUE = Message(
    "Ohne Umsatz gibt es kein Budget: bitte den Jahresumsatz eintragen.",
    "Without revenue there is no budget: please enter the annual revenue.",
)
AS_OF_HELP = Message(
    "Nichts, was noch nicht läuft, beginnt vor diesem Monat. Standard: der aktuelle Monat; "
    "ein anderer z. B., um im Dezember den Workshop im Januar vorzubereiten.",
    "Nothing not yet under way starts before this month. Default: the current month; "
    "another one e.g. to prepare January's workshop in December.",
)
PHASES_HINT = Message(
    "Eine Phase je Quartal; jede endet mit einem Meilenstein. Namen sind frei wählbar.",
    "One phase per quarter; each ends in a milestone. Names are free to choose.",
)
DEMO_PRESENTING = Message("Beispiel: ein erfundenes Unternehmen.", "Example: a fictional company.")
DEMO_ABOUT = Message(
    ":material/science: **Dies ist ein Beispiel-Workshop.** Die Schneider Feinmechanik GmbH ist "
    "erfunden; alle Zahlen sind Beispiele zum Ausprobieren.",
    ":material/science: **This is an example workshop.** Schneider Feinmechanik GmbH is made up; "
    "all figures are examples to try things out.",
)
DEMO_OWN = Message(
    "**Eigenen Workshop beginnen:** unter *Workshops & Stände* → *Neuer Workshop* – leer, als Kopie "
    "dieses Beispiels oder aus einer Excel-Liste. Das Beispiel bleibt dabei erhalten.",
    "**Start your own workshop:** under *Workshops & snapshots* → *New workshop* – empty, as a copy "
    "of this example or from an Excel list. The example stays as it is.",
)


def horizon_choices(now: Month) -> list[Month]:
    """Months offered for the horizon and the planning month: three years back, six ahead of this month."""
    return months_between(now + -36, now + 72)


@functools.cache
def month_labels(lang: Lang, now: Month) -> dict[Month, str]:
    """'Januar 2026' for every month offered (formatting them on every rerun is slow)."""
    return {m: formats.month(m, lang) for m in horizon_choices(now)}


def month_choices(value: Month, now: Month) -> list[Month]:
    """The months offered for a horizon bound: the usual ones, and the bound itself where it lies outside them."""
    offered = horizon_choices(now)
    return offered if value in offered else sorted({*offered, value})


def as_of_choices(as_of: Month | None, now: Month) -> list[Month | str]:
    """The planning month's choices: "this month" first, then the months offered and a fixed one outside them."""
    offered = horizon_choices(now)
    choices: list[Month | str] = [CURRENT, *offered]
    if as_of is not None and as_of not in offered:
        choices.append(as_of)
    return choices


def as_of_labels(lang: Lang, now: Month) -> dict[Month | str, str]:
    """The planning month's choices as shown: "Aktueller Monat (Dezember 2026)" and every month offered."""
    current = Message(f"Aktueller Monat ({formats.month(now, 'de')})", f"Current month ({formats.month(now, 'en')})")
    labels: dict[Month | str, str] = {CURRENT: current(lang)}
    for month, label in month_labels(lang, now).items():
        labels[month] = label
    return labels


def set_profile(name: str) -> Change:
    """A change function for one profile setting (validated by the model)."""

    def apply(current: Workshop, value: Any) -> Workshop:
        return current.with_changes(profile=current.profile.with_changes(**{name: value}))

    return apply


def set_phase_name(index: int) -> Change:
    """A change function for one phase's name: an emptied name falls back to the quarter's."""

    def apply(current: Workshop, value: str) -> Workshop:
        count = len(phases(current.profile))
        names = list(current.profile.phase_names) + [""] * count
        names[index] = value.strip()
        while names and not names[-1]:
            names.pop()
        return current.with_changes(profile=current.profile.with_changes(phase_names=tuple(names[:count])))

    return apply


def set_year_revenue(year: int) -> Change:
    """A change function for one year's revenue: the annual revenue again clears the year's own figure."""

    def apply(current: Workshop, value: float | None) -> Workshop:
        by_year = dict(current.profile.revenue_by_year)
        if value is None or float(value) == current.profile.revenue:
            by_year.pop(year, None)
        else:
            by_year[year] = float(value)
        return current.with_changes(profile=current.profile.with_changes(revenue_by_year=by_year))

    return apply


def set_as_of(current: Workshop, value: Month | str) -> Workshop:
    """The planning month's change: "this month" keeps none fixed."""
    as_of = None if value == CURRENT else value
    return current.with_changes(profile=current.profile.with_changes(as_of=as_of))


def revenue_years(profile: Profile) -> list[int]:
    """The calendar years that may have their own revenue: none for a horizon within one year."""
    years = sorted({m.year for m in profile.months})
    return years if len(years) >= 2 else []


def phase_name(profile: Profile, phase: Phase) -> str:
    """The name the user gave the phase, empty where none (the quarter shows as placeholder)."""
    given = profile.phase_names
    return given[phase.index] if phase.index < len(given) else ""


def phase_period(phase: Phase, lang: Lang) -> str:
    """'Januar 2026 – März 2026'."""
    return f"{formats.month(phase.first, lang)} – {formats.month(phase.last, lang)}"


def share_caption(profile: Profile, lang: Lang) -> str:
    """'= 3 % vom Umsatz', with the decimal comma the field cannot write."""
    share = formats.number(profile.budget_share, lang)
    return Message(f"= {share} % vom Umsatz", f"= {share} % of revenue")(lang)


def corridor_caption(profile: Profile, lang: Lang) -> str:
    """The budget of the 1–5 % corridor's ends."""
    low, high = (formats.euro(amount, lang) for amount in profile.corridor)
    return Message(f"Korridor 1–5 %: {low} bis {high}", f"Corridor 1–5 %: {low} to {high}")(lang)


def revenue_note(profile: Profile) -> Message | None:
    """Why there is no budget, where there is no revenue."""
    return NO_REVENUE if profile.revenue <= 0 else None


def past_as_of_warning(profile: Profile, now: Month) -> Message | None:
    """A planning month fixed before this month lets new measures be planned in the past: said, not refused."""
    if profile.as_of is None or profile.as_of >= now:
        return None
    return Message(
        f"Der Planungsstand ist auf {formats.month(profile.as_of, 'de')} festgelegt, vor dem aktuellen "
        "Monat: Neues kann so in der Vergangenheit geplant werden. „Aktueller Monat“ wählen, um von heute "
        "an zu planen.",
        f"The planning month is fixed to {formats.month(profile.as_of, 'en')}, before the current month: "
        "new measures may be planned in the past. Choose “Current month” to plan from today.",
    )


def summary_subtitle(profile: Profile, lang: Lang) -> str:
    """'Maschinenbau · 45 Mitarbeitende', empty where neither is known."""
    people = Message(f"{profile.employees} Mitarbeitende", f"{profile.employees} employees")
    return " · ".join(x for x in (profile.industry, people(lang) if profile.employees else "") if x)


def budget_label(profile: Profile, lang: Lang) -> str:
    """'Budget pro Jahr (3 %)'."""
    share = formats.number(profile.budget_share, lang)
    return Message(f"Budget pro Jahr ({share} %)", f"Budget per year ({share} %)")(lang)


def horizon_span(profile: Profile) -> str:
    """'01/2026 – 12/2026'."""
    start, end = profile.horizon_start, profile.horizon_end
    return f"{start.month:02d}/{start.year} – {end.month:02d}/{end.year}"


def as_of_caption(as_of: Month | None, lang: Lang) -> str:
    """'Planungsstand: Januar 2027' for a fixed planning month, else empty."""
    if as_of is None:
        return ""
    return Message(f"Planungsstand: {formats.month(as_of, 'de')}", f"Plan as of: {formats.month(as_of, 'en')}")(lang)
