"""What was not planned, counted by reason in a few words: "Budget 2, fehlende Voraussetzung 1".

The command line's summary, the roadmap page and the handout say it the same way (docs/planning.md,
not planned); each measure's own sentence stays in roadmap/planning/reasons.py.
"""

from __future__ import annotations

from collections import Counter

from roadmap.domain.messages import Message
from roadmap.planning.plan import Plan

# A reason code (roadmap/planning/plan.py, Reason) in a few words; codes not listed count as "other".
REASON_WORDS: dict[str, Message] = {
    "budget": Message("Budget", "budget"),
    "capacity": Message("Kapazität", "capacity"),
    "window": Message("Zeitraum oder Frist", "horizon or deadline"),
    "deadline_passed": Message("Frist verstrichen", "deadline passed"),
    "horizon_passed": Message("Planungszeitraum vorbei", "horizon passed"),
    "dependency_not_planned": Message("fehlende Voraussetzung", "missing prerequisite"),
    "dependency_excluded": Message("Voraussetzung ausgeschlossen", "prerequisite excluded"),
    "dependency_unknown": Message("unbekannte Abhängigkeit", "unknown dependency"),
    "cycle": Message("zirkuläre Abhängigkeit", "circular dependency"),
    "excluded": Message("ausgeschlossen", "excluded"),
    "done": Message("abgeschlossen", "completed"),
    "pin": Message("Fixierung nicht möglich", "pin not possible"),
    "unassessed": Message("noch nicht bewertet", "not yet assessed"),
}
OTHER = Message("sonstige", "other")


def reason_words(code: str) -> Message:
    """A reason code in a few words."""
    return REASON_WORDS.get(str(code), OTHER)


def reason_counts(plan: Plan) -> list[tuple[Message, int]]:
    """The not-planned measures counted by reason, the most frequent first (ties in the table's order)."""
    order = {code: index for index, code in enumerate(REASON_WORDS)}
    counts = Counter(str(item.code) for item in plan.not_planned.values())
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], order.get(pair[0], len(order))))
    return [(reason_words(code), count) for code, count in ranked]


def not_planned_summary(plan: Plan) -> Message:
    """'Nicht eingeplant: 3 (Budget 2, fehlende Voraussetzung 1)'; without reasons in brackets when none is left out."""
    total = len(plan.not_planned)
    counts = reason_counts(plan)
    de = ", ".join(f"{words('de')} {count}" for words, count in counts)
    en = ", ".join(f"{words('en')} {count}" for words, count in counts)
    return Message(
        f"Nicht eingeplant: {total}" + (f" ({de})" if total else ""),
        f"Not planned: {total}" + (f" ({en})" if total else ""),
    )
