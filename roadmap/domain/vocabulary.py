"""The closed sets of words a measure is described with: the fields of action (with their English
names and chart colours) and the statuses (docs/planning.md, the measure)."""

from __future__ import annotations

from enum import StrEnum

FIELDS: tuple[str, ...] = (
    "Prozessautomatisierung",
    "Daten & Entscheidungen",
    "Cloud & IT-Sicherheit",
    "Kunden & Omnichannel",
    "Mitarbeitende & Kompetenzen",
    "Strategie & Kultur",
)
FIELDS_EN: dict[str, str] = {
    "Prozessautomatisierung": "Process automation",
    "Daten & Entscheidungen": "Data & decisions",
    "Cloud & IT-Sicherheit": "Cloud & IT security",
    "Kunden & Omnichannel": "Customers & omnichannel",
    "Mitarbeitende & Kompetenzen": "People & skills",
    "Strategie & Kultur": "Strategy & culture",
}
# One colour per field, the same on every chart and in the workbook (colour-blind friendly).
FIELD_COLORS: dict[str, str] = {
    "Prozessautomatisierung": "#4C78A8",
    "Daten & Entscheidungen": "#F58518",
    "Cloud & IT-Sicherheit": "#54A24B",
    "Kunden & Omnichannel": "#E45756",
    "Mitarbeitende & Kompetenzen": "#B279A2",
    "Strategie & Kultur": "#9D755D",
}


class Status(StrEnum):
    """Where a measure stands. The values are the German words stored in workshops, JSON and workbooks."""

    IDEA = "Idee"
    PLANNED = "Geplant"
    RUNNING = "In Umsetzung"
    DONE = "Abgeschlossen"


IDEA, PLANNED, RUNNING, DONE = Status.IDEA, Status.PLANNED, Status.RUNNING, Status.DONE
STATUSES: tuple[Status, ...] = tuple(Status)
STATUSES_EN: dict[Status, str] = {
    Status.IDEA: "Idea",
    Status.PLANNED: "Planned",
    Status.RUNNING: "In progress",
    Status.DONE: "Completed",
}
