"""Scenarios of a workshop: apply one to the settings and measures, and add, change, rename, delete, activate.

Every command is a function from a Workshop to a new Workshop, saved like any other edit (so undo
and redo cover it). A scenario's settings are laid over the workshop's own settings through the
profile's JSON form (serialize.py), so a setting added to the profile later keeps working: a
scenario that does not name it simply keeps the workshop's value (docs/planning.md, scenarios).
"""

from __future__ import annotations

from collections.abc import Mapping

from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.scenario import BASIS, Scenario, SettingValue, is_basis
from roadmap.domain.workshop import Workshop
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan as make_plan
from roadmap.workshop.serialize import profile_from_dict, profile_to_dict


def setting_value(value: object) -> SettingValue:
    """A setting as a scenario stores it: months as 'YYYY-MM', modes as their word, numbers as floats."""
    if isinstance(value, Month):
        return str(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RoadmapError(Message(f"Ungültiger Wert {value!r}.", f"Invalid value {value!r}."))
    return float(value)


def scenario_profile(profile: Profile, scenario: Scenario) -> Profile:
    """The workshop's settings with the scenario's laid over them (no funding where it does not come through;
    a scenario's revenue for every year, in place of the workshop's revenue per year).

    Raises:
        RoadmapError: if the result breaks a rule of the settings (e.g. the horizon ends before it starts).
    """
    data = {**profile_to_dict(profile), **scenario.settings}
    if "revenue" in scenario.settings:  # a scenario's revenue holds for every year, growth figures included
        data["revenue_by_year"] = {}
    try:
        changed = profile_from_dict(data)
    except RoadmapError as error:
        raise RoadmapError(
            Message(
                f"Szenario „{scenario.name}“: {error.message.de}",
                f"Scenario “{scenario.name}”: {error.message.en}",
            )
        ) from error
    return changed if scenario.funding else changed.with_changes(funding_rate=0.0)


def scenario_workshop(workshop: Workshop, scenario: Scenario | None) -> Workshop:
    """The workshop as this scenario plans it: its settings, forced measures as must-haves or excluded.

    None (the Basis) gives the workshop itself.
    """
    if scenario is None:
        return workshop
    forced_in, forced_out = set(scenario.forced_in), set(scenario.forced_out)
    measures = tuple(
        m.with_changes(must_have=True, excluded=False)
        if m.id in forced_in
        else m.with_changes(must_have=False, excluded=True)
        if m.id in forced_out
        else m
        for m in workshop.measures
    )
    return workshop.with_changes(profile=scenario_profile(workshop.profile, scenario), measures=measures)


def scenario_plan(workshop: Workshop, name: str) -> Plan:
    """The plan of one scenario (or of the Basis): exactly the plan of a workshop with its settings.

    Raises:
        RoadmapError: if there is no such scenario or its settings break a rule.
    """
    variant = scenario_workshop(workshop, find(workshop, name))
    return make_plan(variant.measures, variant.profile)


def find(workshop: Workshop, name: str) -> Scenario | None:
    """The scenario of this name (any case); None for the Basis.

    Raises:
        RoadmapError: if there is no such scenario.
    """
    if is_basis(name):
        return None
    for scenario in workshop.scenarios:
        if scenario.name.casefold() == name.strip().casefold():
            return scenario
    raise RoadmapError(Message(f"Das Szenario „{name}“ gibt es nicht.", f"There is no scenario “{name}”."))


def names(workshop: Workshop) -> list[str]:
    """Every scenario's name, the Basis first."""
    return [BASIS, *(s.name for s in workshop.scenarios)]


def active(workshop: Workshop) -> Scenario | None:
    """The scenario the pages show; None for the Basis."""
    return find(workshop, workshop.active_scenario) if workshop.active_scenario else None


def active_workshop(workshop: Workshop) -> Workshop:
    """The workshop as the active scenario plans it (the workshop itself while the Basis is active)."""
    return scenario_workshop(workshop, active(workshop))


def add_scenario(
    workshop: Workshop, name: str, settings: Mapping[str, object] | None = None, *, funding: bool = True
) -> Workshop:
    """A new scenario (settings given by Profile field name); the others stay as they are.

    Raises:
        RoadmapError: if the name is taken or not allowed, or a setting is unknown or breaks a rule.
    """
    scenario = Scenario(name, {k: setting_value(v) for k, v in (settings or {}).items()}, funding)
    scenario_profile(workshop.profile, scenario)  # a scenario that cannot be planned is refused at once
    return workshop.with_changes(scenarios=(*workshop.scenarios, scenario))


def change_scenario(
    workshop: Workshop,
    name: str,
    settings: Mapping[str, object | None] | None = None,
    *,
    funding: bool | None = None,
    forced_in: tuple[str, ...] | None = None,
    forced_out: tuple[str, ...] | None = None,
) -> Workshop:
    """One scenario changed: `settings` merged (a value of None goes back to the workshop's), whether the
    funding comes through, the measures forced in or out (a measure forced in leaves `forced_out`).

    Raises:
        RoadmapError: if there is no such scenario, it is the Basis, or the change breaks a rule.
    """
    scenario = _existing(workshop, name)
    merged = dict(scenario.settings)
    for key, value in (settings or {}).items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = setting_value(value)
    ins = scenario.forced_in if forced_in is None else forced_in
    outs = scenario.forced_out if forced_out is None else forced_out
    if forced_in is not None:
        outs = tuple(i for i in outs if i not in ins)
    else:
        ins = tuple(i for i in ins if i not in outs)
    changed = scenario.with_changes(
        settings=merged,
        funding=scenario.funding if funding is None else funding,
        forced_in=tuple(ins),
        forced_out=tuple(outs),
    )
    scenario_profile(workshop.profile, changed)
    return _replace(workshop, scenario, changed)


def rename_scenario(workshop: Workshop, old: str, new: str) -> Workshop:
    """A scenario under a new name (the active one stays active).

    Raises:
        RoadmapError: if there is no such scenario or the new name is taken or not allowed.
    """
    scenario = _existing(workshop, old)
    renamed = scenario.with_changes(name=new)
    was_active = workshop.active_scenario.casefold() == scenario.name.casefold()
    return workshop.with_changes(
        scenarios=tuple(renamed if s is scenario else s for s in workshop.scenarios),
        active_scenario=renamed.name if was_active else workshop.active_scenario,
    )


def delete_scenario(workshop: Workshop, name: str) -> Workshop:
    """The workshop without this scenario; if it was the active one, the Basis becomes active.

    Raises:
        RoadmapError: if there is no such scenario or it is the Basis.
    """
    scenario = _existing(workshop, name)
    was_active = workshop.active_scenario.casefold() == scenario.name.casefold()
    return workshop.with_changes(
        scenarios=tuple(s for s in workshop.scenarios if s is not scenario),
        active_scenario="" if was_active else workshop.active_scenario,
    )


def activate(workshop: Workshop, name: str) -> Workshop:
    """Make a scenario (or the Basis) the one every page shows.

    Raises:
        RoadmapError: if there is no such scenario.
    """
    scenario = find(workshop, name)
    return workshop.with_changes(active_scenario=scenario.name if scenario else "")


def _existing(workshop: Workshop, name: str) -> Scenario:
    scenario = find(workshop, name)
    if scenario is None:
        raise RoadmapError(
            Message(
                "Die Basis sind die Einstellungen des Workshops; sie werden auf der Seite Unternehmen geändert.",
                "The Basis is the workshop's own settings; they are changed on the Company page.",
            )
        )
    return scenario


def _replace(workshop: Workshop, old: Scenario, new: Scenario) -> Workshop:
    return workshop.with_changes(scenarios=tuple(new if s is old else s for s in workshop.scenarios))
