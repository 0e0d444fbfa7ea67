"""A scenario written on one line, as the command line takes it: `NAME:share=4,funding=50,capacity=30`.

Keys (docs/command-line.md, scenarios): `share` (budget share in %), `revenue` (€), `funding` (the
rate in %, or `off` when the funding does not come through), `capacity` (person-days per month),
`mode` (`fast`/`greedy` or `optimal`), `end` (the horizon's last month, YYYY-MM), `in` and `out`
(measure ids forced in or left out, joined by `+`). Decimals take a point: `share=2.5`.
"""

from __future__ import annotations

from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import PlanMode
from roadmap.domain.workshop import Workshop
from roadmap.importing.values import parse_number
from roadmap.workshop.scenarios import add_scenario, change_scenario

NUMBERS = {"share": "budget_share", "revenue": "revenue", "funding": "funding_rate", "capacity": "capacity"}
MODES = {"fast": PlanMode.GREEDY, "schnell": PlanMode.GREEDY, "greedy": PlanMode.GREEDY, "optimal": PlanMode.OPTIMAL}
OFF = {"off", "aus", "nein", "no", "none"}
KEYS = (*NUMBERS, "mode", "end", "in", "out")


def _bad(spec: str, de: str, en: str) -> RoadmapError:
    return RoadmapError(
        Message(
            f"--scenario '{spec}': {de} Beispiel: --scenario \"Vier Prozent:share=4,funding=50,capacity=30\".",
            f"--scenario '{spec}': {en} Example: --scenario \"Four percent:share=4,funding=50,capacity=30\".",
        )
    )


def _number(spec: str, key: str, text: str) -> float:
    try:
        value = parse_number(text)
    except ValueError:
        value = None
    if value is None:
        raise _bad(spec, f"{key}={text} ist keine Zahl.", f"{key}={text} is not a number.")
    return value


def add_from_spec(workshop: Workshop, spec: str) -> Workshop:
    """The workshop with the scenario this line describes added.

    Raises:
        RoadmapError: naming the line and the part that is wrong (no name, an unknown key, a bad value,
            an unknown measure id, a name taken twice).
    """
    name, colon, rest = spec.partition(":")
    if not name.strip():
        raise _bad(spec, "Der Name fehlt (vor dem Doppelpunkt).", "The name is missing (before the colon).")
    settings: dict[str, object] = {}
    funding = True
    forced: dict[str, tuple[str, ...]] = {"in": (), "out": ()}
    known = workshop.by_id()
    for part in filter(None, (p.strip() for p in rest.split(",") if colon)):
        key, equals, value = (s.strip() for s in part.partition("="))
        key = key.lower()
        if key not in KEYS or not equals or not value:
            raise _bad(
                spec,
                f"'{part}' ist keine Angabe der Form Schlüssel=Wert mit {', '.join(KEYS)}.",
                f"'{part}' is not a key=value with one of {', '.join(KEYS)}.",
            )
        if key == "funding" and value.lower() in OFF:
            funding = False
        elif key in NUMBERS:
            settings[NUMBERS[key]] = _number(spec, key, value)
        elif key == "mode":
            if value.lower() not in MODES:
                raise _bad(spec, f"mode={value}: erlaubt sind fast und optimal.", f"mode={value}: use fast or optimal.")
            settings["mode"] = MODES[value.lower()]
        elif key == "end":
            try:
                settings["horizon_end"] = Month.parse(value)
            except RoadmapError as error:
                raise _bad(spec, error.message.de, error.message.en) from error
        else:
            ids = tuple(i.strip() for i in value.split("+") if i.strip())
            unknown = [i for i in ids if i not in known]
            if unknown:
                raise _bad(spec, f"Maßnahme {', '.join(unknown)} gibt es nicht.", f"No measure {', '.join(unknown)}.")
            forced[key] = ids
    try:
        added = add_scenario(workshop, name, settings, funding=funding)
        if forced["in"] or forced["out"]:
            added = change_scenario(added, name.strip(), forced_out=forced["out"])
            added = change_scenario(added, name.strip(), forced_in=forced["in"])
    except RoadmapError as error:
        raise _bad(spec, error.message.de, error.message.en) from error
    return added
