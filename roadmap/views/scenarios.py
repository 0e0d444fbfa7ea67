"""What the Szenarien page shows, decided without Streamlit: which scenarios to compare, the headline
figures, the table, the texts, the values each setting shows and what its fields change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from roadmap.domain.messages import Lang, Message
from roadmap.domain.month import Month
from roadmap.domain.profile import PlanMode, Profile
from roadmap.domain.scenario import BASIS, MAX_SIDE_BY_SIDE, Scenario
from roadmap.domain.workshop import Workshop
from roadmap.planning.scenario_compare import FigureRow, Kind, ScenarioResult, figure_rows, format_figure
from roadmap.views.escape import markdown
from roadmap.workshop.scenarios import change_scenario, find, scenario_profile

# Rows of names shown as lists below the table rather than in it.
LISTED_ROWS = ("only_here", "moved")

NO_SCENARIOS_YET = Message(
    "Bisher gibt es nur die **Basis** – die Einstellungen des Workshops. Legen Sie unten ein Szenario an, "
    "z. B. „4 % ohne Förderung“, und vergleichen Sie es hier Spalte für Spalte.",
    "So far there is only the **Basis** – the workshop's own settings. Create a scenario below, "
    "e.g. “4 % without funding”, and compare it here column by column.",
)
NO_SCENARIOS_PRESENTING = Message(
    "Bisher gibt es nur die **Basis** – die Einstellungen des Workshops. Szenarien legen Sie außerhalb des "
    "Präsentationsmodus an.",
    "So far there is only the **Basis** – the workshop's own settings. Scenarios are created outside presenter mode.",
)
PICK_TWO = Message(
    "Bitte mindestens zwei Szenarien zum Vergleich wählen.", "Please pick at least two scenarios to compare."
)
PAGE_NOTE = Message(
    "Ein Szenario ist eine Variante der Einstellungen – Budget, Förderung, Kapazität, Zeitraum – "
    "über dieselben Maßnahmen. Das aktive Szenario zeigen alle anderen Seiten und der Export.",
    "A scenario is a variant of the settings – budget, funding, capacity, horizon – over the same "
    "measures. Every other page and the export show the active scenario.",
)
CHART_CAPTION = Message(
    "Je weiter oben, desto mehr Nutzen; je weiter rechts, desto teurer im Jahr. "
    "Grün: der übliche Korridor von 1–5 % des Umsatzes.",
    "Higher up delivers more value; further right costs more per year. Green: the usual corridor of 1–5 % of revenue.",
)
ACTIVE_NOTE = Message("Aktiv: alle Seiten zeigen dieses Szenario.", "Active: every page shows this scenario.")
FIGURE = Message("Kennzahl", "Figure")
# The planning modes a scenario may plan with, by name.
MODES = {PlanMode.GREEDY: Message("Schnell", "Fast"), PlanMode.OPTIMAL: Message("Optimal", "Optimal")}


def still_picked(chosen: Sequence[str], names: Sequence[str], default: list[str]) -> list[str]:
    """The scenarios the user chose that still exist; the default when none of them is left."""
    return [name for name in chosen if name in names] or default


def default_picked(names: Sequence[str], active: str) -> list[str]:
    """The scenarios compared when the user has not chosen: the Basis, the active one, then the first others."""
    picked = [BASIS]
    for name in [active, *names]:
        if name and name not in picked and len(picked) < MAX_SIDE_BY_SIDE:
            picked.append(name)
    return [name for name in picked if name in names]


@dataclass(frozen=True)
class Figure:
    """One headline metric of a scenario: its label and its value, as shown."""

    label: str
    value: str


@dataclass(frozen=True)
class Headline:
    """One scenario's column: its name (Markdown, ✓ when active), whether it is the active one, its figures."""

    name: str
    title: str
    active: bool
    figures: tuple[Figure, ...]


def is_active(name: str, active: str) -> bool:
    """Whether `name` is the scenario every page shows (the Basis when none is active; any case)."""
    return name.casefold() == (active or BASIS).casefold()


def headlines(results: Sequence[ScenarioResult], active: str, lang: Lang) -> list[Headline]:
    """Per scenario: measures planned, value (summed score) and average cost per year, the active one marked."""
    heads = []
    for result in results:
        chosen = is_active(result.name, active)
        figures = (
            Figure(Message("Geplante Maßnahmen", "Measures planned")(lang), str(result.planned)),
            Figure(
                Message("Nutzen (Summe der Scores)", "Value (summed score)")(lang),
                format_figure(result.score, Kind.SCORE, lang),
            ),
            Figure(
                Message("Kosten je Jahr (Ø)", "Cost per year (avg.)")(lang),
                format_figure(result.cost_per_year, Kind.MONEY, lang),
            ),
        )
        heads.append(Headline(result.name, markdown(result.name) + (" ✓" if chosen else ""), chosen, figures))
    return heads


def figures_columns(results: Sequence[ScenarioResult], lang: Lang) -> dict[str, list[str]]:
    """Every figure of the comparison in one table (as in the workbook), by column: the labels first, then one
    column per scenario (a table's columns as `st.dataframe` takes them, with no pandas on the way)."""
    labels, columns = table(results, lang)
    return {FIGURE(lang): labels, **columns}


def table(results: Sequence[ScenarioResult], lang: str) -> tuple[list[str], dict[str, list[str]]]:
    """The comparison's figures as a table: row labels and, per scenario, its column of texts."""
    rows = [row for row in figure_rows(results, lang) if row.key not in LISTED_ROWS]
    columns = {r.name: [format_figure(row.values[n], row.kind, lang) for row in rows] for n, r in enumerate(results)}
    return [row.label for row in rows], columns


def listed(results: Sequence[ScenarioResult], lang: str) -> list[FigureRow]:
    """The rows of names (planned only here, moved), shown per scenario below the table."""
    return [row for row in figure_rows(results, lang) if row.key in LISTED_ROWS]


@dataclass(frozen=True)
class NameList:
    """A row of names below the table, as Markdown: its label and, per scenario, the names ('–' if none)."""

    label: str
    values: tuple[str, ...]


def name_lists(results: Sequence[ScenarioResult], lang: str) -> list[NameList]:
    """The rows of names (planned only here, moved) as the page writes them, people's words escaped."""
    return [
        NameList(markdown(row.label), tuple(markdown(str(value)) if value else "–" for value in row.values))
        for row in listed(results, lang)
    ]


def _setting_texts(profile: Profile, lang: str) -> dict[str, tuple[str, str, str]]:
    """Each setting a scenario may change: German word, English word, the value as shown."""
    return {
        "budget_share": ("Budget", "budget", f"{format_figure(profile.budget_share, Kind.SCORE, lang)} %"),
        "revenue": ("Umsatz", "revenue", format_figure(profile.revenue, Kind.MONEY, lang)),
        "funding_rate": ("Förderquote", "funding rate", f"{format_figure(profile.funding_rate, Kind.COUNT, lang)} %"),
        "capacity": ("Kapazität", "capacity", format_figure(profile.capacity, Kind.COUNT, lang)),
        "mode": ("Modus", "mode", str(profile.mode)),
        "horizon_end": ("Ende", "end", str(profile.horizon_end)),
    }


def differences(scenario: Scenario, basis: Profile, effective: Profile, lang: str) -> str:
    """What a scenario changes against the Basis, in one line ('wie die Basis' if nothing)."""
    de = lang != "en"
    before, after = _setting_texts(basis, lang), _setting_texts(effective, lang)
    parts = [
        f"{de_word if de else en_word} {shown}"
        for key, (de_word, en_word, shown) in after.items()
        if shown != before[key][2] and not (key == "funding_rate" and not scenario.funding)
    ]
    if not scenario.funding:
        parts.append("ohne Förderung" if de else "without funding")
    if scenario.forced_in:
        parts.append(f"{len(scenario.forced_in)} {'gesetzt' if de else 'forced in'}")
    if scenario.forced_out:
        parts.append(f"{len(scenario.forced_out)} {'ausgeschlossen' if de else 'left out'}")
    return ", ".join(parts) or ("wie die Basis" if de else "as the Basis")


def horizon_ends(profile: Profile) -> list[Month]:
    """The months a scenario's horizon may end in: from its start up to ten years on."""
    return [profile.horizon_start + n for n in range(120)]


def shown_settings(basis: Profile, scenario: Scenario) -> dict[str, Any]:
    """Each setting's field shows the value the scenario plans with (its own, else the Basis'); the funding
    rate also where the funding does not come through, the horizon's end among the months offered."""
    effective = scenario_profile(basis, scenario)
    months = horizon_ends(basis)
    return {
        "budget_share": float(effective.budget_share),
        "revenue": float(effective.revenue),
        "funding_rate": float(scenario_profile(basis, scenario.with_changes(funding=True)).funding_rate),
        "capacity": float(effective.capacity),
        "mode": effective.mode,
        "horizon_end": effective.horizon_end if effective.horizon_end in months else months[-1],
    }


def new_settings(basis: Profile, budget_share: float, capacity: float) -> dict[str, float]:
    """The settings a new scenario names: those of the form that differ from the Basis."""
    chosen = {"budget_share": budget_share, "capacity": capacity}
    return {key: value for key, value in chosen.items() if value != getattr(basis, key)}


def measure_titles(workshop: Workshop) -> dict[str, str]:
    """Each measure's id → 'title (id)', the choices of the forced-in and left-out fields."""
    return {m.id: f"{m.title} ({m.id})" for m in workshop.measures}


Change = Callable[[Workshop, Any], Workshop]  # what a scenario's field does with the value it was given


def setting_change(name: str, key: str) -> Change:
    """A setting's field: the scenario's own value of setting `key` (None: the Basis' again)."""

    def change(workshop: Workshop, value: Any) -> Workshop:
        return change_scenario(workshop, name, {key: value})

    return change


def funding_change(name: str) -> Change:
    """The funding switch: whether the funding comes through in this scenario."""

    def change(workshop: Workshop, value: Any) -> Workshop:
        return change_scenario(workshop, name, funding=bool(value))

    return change


def forced_change(name: str, field: str) -> Change:
    """The measures chosen are forced in (`field` 'forced_in', as must-haves), else left out."""

    def change(workshop: Workshop, value: Any) -> Workshop:
        ids = tuple(str(i) for i in value)
        if field == "forced_in":
            return change_scenario(workshop, name, forced_in=ids)
        return change_scenario(workshop, name, forced_out=ids)

    return change


def chosen_scenario(workshop: Workshop, name: str) -> Scenario:
    """The scenario to edit: the one of this name, else the first (the workshop has at least one)."""
    return next((s for s in workshop.scenarios if s.name == name), workshop.scenarios[0])


def against_basis(basis: Profile, scenario: Scenario, lang: Lang) -> str:
    """What the scenario changes against the Basis, as the Markdown line above its fields."""
    changes = differences(scenario, basis, scenario_profile(basis, scenario), lang)
    return Message("Gegenüber der Basis: ", "Against the Basis: ")(lang) + markdown(changes)


def back_to_basis(workshop: Workshop, name: str) -> Workshop:
    """The scenario with every setting as in the Basis again: no own values, funding coming, nothing forced."""
    scenario = find(workshop, name)
    own = dict.fromkeys(scenario.settings) if scenario else {}
    return change_scenario(workshop, name, own, funding=True, forced_in=(), forced_out=())
