"""What the Szenarien page shows, decided without Streamlit: which scenarios to compare, the table, the texts."""

from __future__ import annotations

from collections.abc import Sequence

from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.scenario import BASIS, MAX_SIDE_BY_SIDE, Scenario
from roadmap.planning.scenario_compare import FigureRow, Kind, ScenarioResult, figure_rows, format_figure

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


def default_picked(names: Sequence[str], active: str) -> list[str]:
    """The scenarios compared when the user has not chosen: the Basis, the active one, then the first others."""
    picked = [BASIS]
    for name in [active, *names]:
        if name and name not in picked and len(picked) < MAX_SIDE_BY_SIDE:
            picked.append(name)
    return [name for name in picked if name in names]


def table(results: Sequence[ScenarioResult], lang: str) -> tuple[list[str], dict[str, list[str]]]:
    """The comparison's figures as a table: row labels and, per scenario, its column of texts."""
    rows = [row for row in figure_rows(results, lang) if row.key not in LISTED_ROWS]
    columns = {r.name: [format_figure(row.values[n], row.kind, lang) for row in rows] for n, r in enumerate(results)}
    return [row.label for row in rows], columns


def listed(results: Sequence[ScenarioResult], lang: str) -> list[FigureRow]:
    """The rows of names (planned only here, moved), shown per scenario below the table."""
    return [row for row in figure_rows(results, lang) if row.key in LISTED_ROWS]


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
