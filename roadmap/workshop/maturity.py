"""The digital-maturity check (Bestandsaufnahme): plain questions per field of action, 0–4 each."""

from __future__ import annotations

from dataclasses import dataclass

from roadmap.domain.messages import Message
from roadmap.domain.vocabulary import FIELDS
from roadmap.domain.workshop import Workshop
from roadmap.workshop.catalogue import CatalogueItem, suggest_for_fields
from roadmap.workshop.duplicates import present

LOWEST, HIGHEST = 0, 4


@dataclass(frozen=True)
class Question:
    """One question of the check, answered on the scale 0 (not at all) to 4 (fully)."""

    id: str
    field: str
    text: Message


def _q(ident: str, field: str, de: str, en: str) -> Question:
    return Question(ident, field, Message(de, en))


QUESTIONS: tuple[Question, ...] = (
    _q(
        "proz-1",
        FIELDS[0],
        "Unsere Kernprozesse sind beschrieben und allen bekannt.",
        "Our core processes are written down and known to everyone.",
    ),
    _q(
        "proz-2",
        FIELDS[0],
        "Daten werden nur einmal erfasst, ohne Abtippen zwischen Programmen.",
        "Data is entered once, never retyped from one program into another.",
    ),
    _q(
        "proz-3",
        FIELDS[0],
        "Routineaufgaben (Rechnungen, Bestellungen) laufen weitgehend automatisch.",
        "Routine tasks (invoices, orders) run mostly automatically.",
    ),
    _q(
        "daten-1",
        FIELDS[1],
        "Wir sehen unsere wichtigsten Kennzahlen aktuell auf einen Blick.",
        "We see our key figures up to date at a glance.",
    ),
    _q(
        "daten-2",
        FIELDS[1],
        "Entscheidungen stützen sich auf Daten, nicht nur auf Bauchgefühl.",
        "Decisions rest on data, not only on gut feeling.",
    ),
    _q(
        "daten-3",
        FIELDS[1],
        "Unsere Daten sind vollständig, gepflegt und an einer Stelle zu finden.",
        "Our data is complete, maintained and found in one place.",
    ),
    _q(
        "cloud-1",
        FIELDS[2],
        "Alle Konten sind mit Zwei-Faktor-Anmeldung geschützt.",
        "Every account is protected by two-factor sign-in.",
    ),
    _q(
        "cloud-2",
        FIELDS[2],
        "Wir haben geprüfte Datensicherungen, auch außer Haus (3-2-1).",
        "We have tested backups, off-site too (3-2-1).",
    ),
    _q(
        "cloud-3",
        FIELDS[2],
        "Es gibt ein Sicherheitskonzept und einen Notfallplan für IT-Ausfälle.",
        "There is a security concept and an emergency plan for IT outages.",
    ),
    _q(
        "kunde-1",
        FIELDS[3],
        "Kundenkontakte und Angebote sind zentral in einem System erfasst.",
        "Customer contacts and quotes are kept in one central system.",
    ),
    _q(
        "kunde-2",
        FIELDS[3],
        "Kunden erreichen uns auf den Kanälen, die sie bevorzugen.",
        "Customers reach us on the channels they prefer.",
    ),
    _q(
        "kunde-3",
        FIELDS[3],
        "Wir holen regelmäßig Rückmeldungen von Kunden ein und werten sie aus.",
        "We regularly ask customers for feedback and act on it.",
    ),
    _q(
        "team-1",
        FIELDS[4],
        "Die Mitarbeitenden fühlen sich sicher im Umgang mit den digitalen Werkzeugen.",
        "Staff feel confident with their digital tools.",
    ),
    _q(
        "team-2",
        FIELDS[4],
        "Es gibt regelmäßige Schulungen zu digitalen Themen und IT-Sicherheit.",
        "There is regular training on digital topics and IT security.",
    ),
    _q(
        "team-3",
        FIELDS[4],
        "Es gibt Ansprechpersonen (digitale Champions), die Kolleginnen und Kollegen helfen.",
        "There are go-to people (digital champions) who help colleagues.",
    ),
    _q(
        "strat-1",
        FIELDS[5],
        "Wir haben schriftliche Digitalisierungsziele mit Zeitplan und Budget.",
        "We have written digitalisation goals with a schedule and a budget.",
    ),
    _q(
        "strat-2",
        FIELDS[5],
        "Die Geschäftsführung treibt die Digitalisierung sichtbar voran.",
        "Management visibly drives digitalisation.",
    ),
    _q(
        "strat-3",
        FIELDS[5],
        "Neue Ideen dürfen in kleinen Pilotprojekten ausprobiert werden.",
        "New ideas may be tried out in small pilot projects.",
    ),
)

ANSWER_LABELS: tuple[Message, ...] = (
    Message("0 – gar nicht", "0 – not at all"),
    Message("1 – kaum", "1 – hardly"),
    Message("2 – teilweise", "2 – partly"),
    Message("3 – weitgehend", "3 – largely"),
    Message("4 – vollständig", "4 – fully"),
)


def questions_of(field: str) -> list[Question]:
    """The questions of one field of action, in order."""
    return [q for q in QUESTIONS if q.field == field]


def field_scores(answers: dict[str, int]) -> dict[str, float | None]:
    """Mean answer per field of action (0–4), None for a field with no answer yet."""
    scores: dict[str, float | None] = {}
    for field in FIELDS:
        given = [answers[q.id] for q in questions_of(field) if q.id in answers]
        scores[field] = sum(given) / len(given) if given else None
    return scores


def answered(answers: dict[str, int]) -> int:
    """How many questions have an answer."""
    return sum(1 for q in QUESTIONS if q.id in answers)


def weakest_fields(answers: dict[str, int]) -> list[str]:
    """The fields that stand out as weakest: the lowest two scores, ties included, in field order.

    A field counts only if it has answers, and only if some answered field scores higher: when
    every answered field has the same score, none stands out and the list is empty. The one rule
    for the chart, the page and the catalogue suggestions.
    """
    scores = {f: s for f, s in field_scores(answers).items() if s is not None}
    ranked = sorted(scores.values())
    for position in (1, 0):
        if len(ranked) <= position:
            continue
        weak = [f for f in FIELDS if f in scores and scores[f] <= ranked[position]]
        if len(weak) < len(scores):
            return weak
    return []


def suggestions(workshop: Workshop, count: int | None = None) -> list[CatalogueItem]:
    """Catalogue measures for the weakest fields (the first `count` of them, all by default) that the workshop
    has under no same or nearly the same title ('CRM-System' is not proposed beside 'CRM-System Vertrieb')."""
    weak = weakest_fields(workshop.maturity)[:count]
    held = {m.id for m in workshop.measures}
    return [
        item
        for item in suggest_for_fields(weak, set())
        if item.id not in held and present(item.title_de, item.title_en, workshop.measures) is None
    ]
