"""Scenarios: named variants of the planning settings over the same measures (docs/planning.md, scenarios).

A scenario holds only what differs from the workshop's own settings ("Basis"): a few settings,
whether the funding comes through, and measures forced into or out of the plan. Applied to the
workshop's settings (roadmap/workshop/scenarios.py), a setting added to the profile later keeps
its workshop value in every scenario that does not name it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field

from roadmap.domain.messages import Message, RoadmapError

# The workshop's own settings, shown as the first scenario; no scenario may take this name.
BASIS = "Basis"
BASIS_EN = "Basis"
# The settings a scenario may change, as Profile field names (values JSON-ready, as serialize writes them).
SCENARIO_SETTINGS: tuple[str, ...] = (
    "budget_share",
    "revenue",
    "funding_rate",
    "capacity",
    "mode",
    "horizon_end",
)
# A scenario's name is a column heading in the app, the workbook and the handout: short.
SCENARIO_NAME_LIMIT = 40
# The side-by-side view shows up to four scenarios (the Basis included).
MAX_SIDE_BY_SIDE = 4

SettingValue = float | str


@dataclass(frozen=True)
class Scenario:
    """A named variant of the planning settings; everything it does not name stays as in the workshop."""

    name: str
    settings: dict[str, SettingValue] = dataclass_field(default_factory=dict)
    funding: bool = True  # False: the funding does not come through (no funding in this scenario)
    forced_in: tuple[str, ...] = ()  # measure ids planned first, as must-haves
    forced_out: tuple[str, ...] = ()  # measure ids left out, as excluded

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", str(self.name).strip())
        problem = name_problem(self.name)
        if problem is not None:
            raise RoadmapError(problem)
        unknown = sorted(set(self.settings) - set(SCENARIO_SETTINGS))
        if unknown:
            raise RoadmapError(
                Message(
                    f"Szenario „{self.name}“: unbekannte Einstellung {', '.join(unknown)}.",
                    f"Scenario “{self.name}”: unknown setting {', '.join(unknown)}.",
                )
            )
        both = sorted(set(self.forced_in) & set(self.forced_out))
        if both:
            raise RoadmapError(
                Message(
                    f"Szenario „{self.name}“: {', '.join(both)} kann nicht zugleich gesetzt und ausgeschlossen sein.",
                    f"Scenario “{self.name}”: {', '.join(both)} cannot be both forced in and left out.",
                )
            )

    def with_changes(self, **changes: object) -> Scenario:
        """A copy with some parts changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def is_basis(name: str) -> bool:
    """Whether a name means the workshop's own settings (in either language)."""
    return name.strip().casefold() in {BASIS.casefold(), BASIS_EN.casefold(), "base", ""}


def name_problem(name: str) -> Message | None:
    """Why a scenario may not have this name, or None."""
    if not name.strip():
        return Message("Ein Szenario braucht einen Namen.", "A scenario needs a name.")
    if len(name) > SCENARIO_NAME_LIMIT:
        return Message(
            f"Der Name eines Szenarios darf höchstens {SCENARIO_NAME_LIMIT} Zeichen lang sein.",
            f"A scenario's name may be at most {SCENARIO_NAME_LIMIT} characters long.",
        )
    if is_basis(name):
        return Message(
            f"„{name}“ ist den Einstellungen des Workshops vorbehalten; bitte einen anderen Namen wählen.",
            f"“{name}” stands for the workshop's own settings; please choose another name.",
        )
    return None


def scenario_problem(scenarios: tuple[Scenario, ...], active: str) -> Message | None:
    """Why a workshop's scenarios do not fit together (a name twice, an unknown active one), or None."""
    seen: set[str] = set()
    for scenario in scenarios:
        key = scenario.name.casefold()
        if key in seen:
            return Message(
                f"Es gibt schon ein Szenario „{scenario.name}“.", f"There is already a scenario “{scenario.name}”."
            )
        seen.add(key)
    if active and active.casefold() not in seen:
        return Message(f"Das Szenario „{active}“ gibt es nicht.", f"There is no scenario “{active}”.")
    return None
