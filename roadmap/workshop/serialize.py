"""A workshop as plain JSON-ready data and back (demo file, store, snapshots)."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import Criterion, Profile
from roadmap.domain.scenario import Scenario
from roadmap.domain.workshop import Workshop

FORMAT_VERSION = 1
_MONTH_FIELDS = ("earliest_start", "deadline", "pinned", "actual_start", "actual_end")


def measure_to_dict(measure: Measure) -> dict[str, Any]:
    """One measure as JSON-ready data (months as 'YYYY-MM')."""
    data = asdict(measure)
    data["depends_on"] = list(measure.depends_on)
    data["to_assess"] = list(measure.to_assess)
    for name in _MONTH_FIELDS:
        month = getattr(measure, name)
        data[name] = str(month) if month is not None else None
    measured = measure.kpi.measured_on
    data["kpi"]["measured_on"] = measured.isoformat() if measured is not None else None
    return data


def measure_from_dict(data: dict[str, Any]) -> Measure:
    """A measure from data written by `measure_to_dict` (unknown keys are ignored).

    Raises:
        RoadmapError: if a value breaks a rule of the model.
    """
    known = {f.name for f in fields(Measure)}
    values = {k: v for k, v in data.items() if k in known}
    values["depends_on"] = tuple(values.get("depends_on") or ())
    kpi = dict(values.get("kpi") or {})
    kpi["measured_on"] = date.fromisoformat(kpi["measured_on"]) if kpi.get("measured_on") else None
    values["kpi"] = Kpi(**kpi)
    if values.get("actual_cost") is not None:
        values["actual_cost"] = float(values["actual_cost"])
    values["criteria"] = {str(k): float(v) for k, v in (values.get("criteria") or {}).items()}
    for name in _MONTH_FIELDS:
        text = values.get(name)
        values[name] = Month.parse(text) if text else None
    return Measure(**values)


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The profile as JSON-ready data."""
    data = asdict(profile)
    data["horizon_start"] = str(profile.horizon_start)
    data["horizon_end"] = str(profile.horizon_end)
    data["phase_names"] = list(profile.phase_names)
    data["criteria"] = [asdict(c) for c in profile.criteria]
    data["as_of"] = str(profile.as_of) if profile.as_of is not None else None
    data["revenue_by_year"] = {str(year): amount for year, amount in sorted(profile.revenue_by_year.items())}
    return data


def profile_from_dict(data: dict[str, Any]) -> Profile:
    """A profile from data written by `profile_to_dict` (unknown keys are ignored)."""
    known = {f.name for f in fields(Profile)}
    values = {k: v for k, v in data.items() if k in known}
    for name in ("horizon_start", "horizon_end"):
        if name in values:
            values[name] = Month.parse(values[name])
    values["as_of"] = Month.parse(values["as_of"]) if values.get("as_of") else None
    values["revenue_by_year"] = {int(y): float(v) for y, v in (values.get("revenue_by_year") or {}).items()}
    values["phase_names"] = tuple(values.get("phase_names") or ())
    values["criteria"] = tuple(Criterion(**c) for c in values.get("criteria") or ())
    return Profile(**values)


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """One scenario as JSON-ready data."""
    return {
        "name": scenario.name,
        "settings": dict(scenario.settings),
        "funding": scenario.funding,
        "forced_in": list(scenario.forced_in),
        "forced_out": list(scenario.forced_out),
    }


def scenario_from_dict(data: dict[str, Any]) -> Scenario:
    """A scenario from data written by `scenario_to_dict`.

    Raises:
        RoadmapError: if a value breaks a rule of the model.
    """
    return Scenario(
        name=str(data["name"]),
        settings={str(k): v if isinstance(v, str) else float(v) for k, v in (data.get("settings") or {}).items()},
        funding=bool(data.get("funding", True)),
        forced_in=tuple(str(i) for i in data.get("forced_in") or ()),
        forced_out=tuple(str(i) for i in data.get("forced_out") or ()),
    )


def workshop_to_dict(workshop: Workshop) -> dict[str, Any]:
    """The whole workshop as JSON-ready data, with a format version (scenarios only where there are any)."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "profile": profile_to_dict(workshop.profile),
        "measures": [measure_to_dict(m) for m in workshop.measures],
        "maturity": dict(workshop.maturity),
        "participants": workshop.participants,
        "baseline": workshop.baseline,
    }
    return data | scenarios_to_dict(workshop)


def scenarios_to_dict(workshop: Workshop) -> dict[str, Any]:
    """The workshop's scenarios and the active one as JSON-ready data; nothing while it has none."""
    if not workshop.scenarios:
        return {}
    return {
        "scenarios": [scenario_to_dict(s) for s in workshop.scenarios],
        "active_scenario": workshop.active_scenario,
    }


def workshop_from_dict(data: dict[str, Any]) -> Workshop:
    """A workshop from data written by `workshop_to_dict`.

    Raises:
        RoadmapError: if the data is not a workshop or comes from a newer program version.
    """
    if not isinstance(data, dict) or "profile" not in data:
        raise RoadmapError(Message("Die Daten sind kein Workshop.", "The data is not a workshop."))
    if int(data.get("format", 1)) > FORMAT_VERSION:
        raise RoadmapError(
            Message(
                "Der Workshop stammt aus einer neueren Programmversion.",
                "The workshop comes from a newer version of the program.",
            )
        )
    try:
        return Workshop(
            profile=profile_from_dict(data["profile"]),
            measures=tuple(measure_from_dict(m) for m in data.get("measures", ())),
            maturity={str(k): int(v) for k, v in (data.get("maturity") or {}).items()},
            participants=int(data.get("participants", 0)),
            scenarios=tuple(scenario_from_dict(s) for s in data.get("scenarios") or ()),
            active_scenario=str(data.get("active_scenario") or ""),
            baseline=data.get("baseline"),
        )
    except (TypeError, ValueError, KeyError) as error:
        raise RoadmapError(
            Message(f"Der Workshop ist beschädigt ({error}).", f"The workshop data is damaged ({error}).")
        ) from error


def workshop_to_json(workshop: Workshop) -> str:
    """The workshop as a JSON text (UTF-8, readable, stable key order)."""
    return json.dumps(workshop_to_dict(workshop), ensure_ascii=False, indent=1)


def workshop_from_json(text: str) -> Workshop:
    """A workshop from a JSON text written by `workshop_to_json`.

    Raises:
        RoadmapError: if the text is not JSON or not a workshop.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RoadmapError(
            Message(f"Die Workshop-Datei ist kein JSON ({error}).", f"The workshop file is not JSON ({error}).")
        ) from error
    return workshop_from_dict(data)
