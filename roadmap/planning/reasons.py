"""Why a measure is not planned, in one sentence a workshop participant understands."""

from __future__ import annotations

from roadmap.domain.formats import euro, month
from roadmap.domain.messages import Message
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.planning.plan import NotPlanned, Reason


def excluded(measure_id: str) -> NotPlanned:
    """The team excluded the measure."""
    return NotPlanned(
        measure_id,
        Reason.EXCLUDED,
        Message("Ausgeschlossen – wird nicht eingeplant.", "Excluded – not planned."),
    )


def done(measure_id: str) -> NotPlanned:
    """The measure is finished; only its running costs still count."""
    return NotPlanned(
        measure_id,
        Reason.DONE,
        Message(
            "Bereits abgeschlossen – nur die laufenden Kosten zählen ab Planungsbeginn.",
            "Already completed – only its running costs count from the start of the horizon.",
        ),
    )


_FIGURE_WORDS = {
    "value": ("Nutzen", "value"),
    "effort": ("Aufwand", "effort"),
    "one_time_cost": ("Einmalkosten", "one-time cost"),
}


def unassessed(measure_id: str, figures: tuple[str, ...]) -> NotPlanned:
    """Noch nicht bewertet: the room has not yet set these figures (an idea accepted from a phone)."""
    de = ", ".join(_FIGURE_WORDS[f][0] for f in figures)
    en = ", ".join(_FIGURE_WORDS[f][1] for f in figures)
    return NotPlanned(
        measure_id,
        Reason.UNASSESSED,
        Message(
            f"Noch nicht bewertet – erst {de} festlegen, dann wird sie eingeplant.",
            f"Not yet assessed – set its {en} first, then it is planned.",
        ),
    )


def unknown_dependency(measure_id: str, missing: list[str]) -> NotPlanned:
    """A dependency names an id that is no measure of the workshop."""
    ids = ", ".join(missing)
    return NotPlanned(
        measure_id,
        Reason.DEPENDENCY_UNKNOWN,
        Message(
            f"Hängt von {ids} ab, das es in diesem Workshop nicht gibt – Abhängigkeit korrigieren.",
            f"Depends on {ids}, which is not a measure of this workshop – correct the dependency.",
        ),
    )


def cycle(measure_id: str, members: list[str]) -> NotPlanned:
    """The measure is part of a dependency cycle; the cycle is named."""
    loop = " → ".join([*members, members[0]])
    return NotPlanned(
        measure_id,
        Reason.CYCLE,
        Message(
            f"Zirkuläre Abhängigkeit: {loop} – eine davon muss entfernt werden.",
            f"Circular dependency: {loop} – one of them must be removed.",
        ),
    )


def dependency_not_planned(measure_id: str, dependency: str, dependency_title: str, excluded: bool) -> NotPlanned:
    """A measure it depends on is not planned (or excluded)."""
    name = f"{dependency} „{dependency_title}“"
    if excluded:
        return NotPlanned(
            measure_id,
            Reason.DEPENDENCY_EXCLUDED,
            Message(
                f"Voraussetzung {name} ist ausgeschlossen.",
                f"Prerequisite {dependency} '{dependency_title}' is excluded.",
            ),
        )
    return NotPlanned(
        measure_id,
        Reason.DEPENDENCY_NOT_PLANNED,
        Message(
            f"Voraussetzung {name} ist nicht eingeplant.",
            f"Prerequisite {dependency} '{dependency_title}' is not planned.",
        ),
    )


def window(measure_id: str, earliest: Month, last_end: Month, duration: int, by_deadline: bool) -> NotPlanned:
    """It cannot start early enough to end by its deadline or the horizon end."""
    limit_de = "zur Deadline" if by_deadline else "zum Ende des Planungszeitraums"
    limit_en = "its deadline" if by_deadline else "the end of the horizon"
    return NotPlanned(
        measure_id,
        Reason.WINDOW,
        Message(
            f"Passt zeitlich nicht: frühestens ab {month(earliest)}, {duration} Monat(e) Dauer, "
            f"aber fertig sein muss es bis {limit_de} ({month(last_end)}).",
            f"Does not fit in time: it can start in {month(earliest, 'en')} at the earliest and takes "
            f"{duration} month(s), but must end by {limit_en} ({month(last_end, 'en')}).",
        ),
    )


def deadline_passed(measure_id: str, deadline: Month, as_of: Month) -> NotPlanned:
    """Its deadline lies before the planning month: it can no longer end in time."""
    return NotPlanned(
        measure_id,
        Reason.DEADLINE_PASSED,
        Message(
            f"Frist verstrichen: fertig sein sollte es bis {month(deadline)}, geplant wird ab {month(as_of)} – "
            "neue Frist setzen oder Status anpassen.",
            f"Deadline passed: it should have ended by {month(deadline, 'en')}, planning starts in "
            f"{month(as_of, 'en')} – set a new deadline or update its status.",
        ),
    )


def horizon_passed(measure_id: str, horizon_end: Month, as_of: Month) -> NotPlanned:
    """The horizon ends before the planning month: nothing new can be planned in it."""
    return NotPlanned(
        measure_id,
        Reason.HORIZON_PASSED,
        Message(
            f"Der Planungszeitraum endet {month(horizon_end)}, vor dem Planungsstand {month(as_of)} – "
            "Planungszeitraum verlängern, um neu zu planen.",
            f"The horizon ends in {month(horizon_end, 'en')}, before the planning month {month(as_of, 'en')} – "
            "extend the horizon to plan again.",
        ),
    )


def budget(measure_id: str, year: int, shortfall: float) -> NotPlanned:
    """No start month leaves enough budget; the year and the smallest gap are named."""
    return NotPlanned(
        measure_id,
        Reason.BUDGET,
        Message(
            f"Budget reicht nicht: im günstigsten Startmonat fehlen {year} noch {euro(shortfall)}.",
            f"Not enough budget: even in the best start month {year} is short by {euro(shortfall, 'en')}.",
        ),
    )


def capacity(measure_id: str) -> NotPlanned:
    """No start month leaves enough internal person-days."""
    return NotPlanned(
        measure_id,
        Reason.CAPACITY,
        Message(
            "Interne Kapazität reicht nicht: in jedem möglichen Zeitraum sind die Personentage schon verplant.",
            "Not enough internal capacity: in every possible period the person-days are already taken.",
        ),
    )


def budget_and_capacity(measure_id: str) -> NotPlanned:
    """Some months lack budget, the others capacity."""
    return NotPlanned(
        measure_id,
        Reason.BUDGET,
        Message(
            "Budget und Kapazität reichen in keinem Monat zugleich: wo Geld frei ist, fehlen Personentage.",
            "Budget and capacity never suffice together: where money is left, person-days are missing.",
        ),
    )


def pin(measure_id: str, pinned: Month, cause: Message) -> NotPlanned:
    """A pinned measure cannot start in its pinned month."""
    return NotPlanned(
        measure_id,
        Reason.PIN,
        Message(
            f"Fixiert auf {month(pinned)}, aber dort nicht möglich: {cause('de')}",
            f"Pinned to {month(pinned, 'en')}, but not possible there: {cause('en')}",
        ),
    )


PIN_BEFORE_EARLIEST = Message(
    "Voraussetzungen oder frühester Start liegen später.",
    "prerequisites or the earliest start come later.",
)
PIN_AFTER_LATEST = Message(
    "es würde nach der Deadline bzw. dem Planungsende fertig.",
    "it would end after its deadline or the horizon end.",
)
PIN_PASSED = Message(
    "der Monat liegt vor dem Planungsstand.",
    "that month lies before the planning month.",
)
PIN_BUDGET = Message("das Budget dieses Jahres reicht nicht.", "that year's budget is not enough.")
PIN_CAPACITY = Message("die interne Kapazität reicht nicht.", "internal capacity is not enough.")


def horizon_note(profile: Profile) -> Message | None:
    """What a horizon that does not look ahead from the planning month means, in words (None if it does)."""
    as_of = profile.as_of
    if as_of is None or as_of <= profile.horizon_start:
        return None
    first, last = month(profile.horizon_start), month(profile.horizon_end)
    first_en, last_en = month(profile.horizon_start, "en"), month(profile.horizon_end, "en")
    if profile.horizon_end < as_of:
        return Message(
            f"Der Planungszeitraum ({first} – {last}) liegt ganz vor dem Planungsstand {month(as_of)}: "
            "neu eingeplant wird nichts. Bitte den Planungszeitraum verschieben.",
            f"The horizon ({first_en} – {last_en}) lies wholly before the planning month "
            f"{month(as_of, 'en')}: nothing new is planned. Please move the horizon.",
        )
    return Message(
        f"Der Planungszeitraum beginnt vor dem Planungsstand {month(as_of)}: seine vergangenen Monate "
        "zeigen nur laufende und abgeschlossene Maßnahmen, alles andere beginnt frühestens im Planungsstand.",
        f"The horizon starts before the planning month {month(as_of, 'en')}: its past months show only "
        "measures under way or done; everything else starts in the planning month at the earliest.",
    )
