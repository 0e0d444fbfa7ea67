"""The Workshops & Stände page's tables, options and names: the workshop list, the snapshot list, the compared
years, the new workshop's sources and name (the page only draws them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pandas as pd

from roadmap.domain import formats
from roadmap.domain.messages import Lang, Message
from roadmap.store.records import SnapshotInfo, WorkshopInfo
from roadmap.workshop.compare import YearDifference

NOW = "__now__"
LIST_TYPES = ("xlsx", "xlsm", "xls", "ods", "csv")  # what a new workshop's measure list may be
SOURCES: dict[str, Message] = {
    "empty": Message("Leer", "Empty"),
    "demo": Message("Demo (Schneider Feinmechanik)", "Demo (Schneider Feinmechanik)"),
    "file": Message("Aus einer Excel-Liste", "From an Excel list"),
}
INTRO = Message(
    "Jede Änderung wird sofort gespeichert. Hier liegen die Workshops aller Kunden nebeneinander "
    "(im Präsentationsmodus nur der geöffnete).",
    "Every change is saved at once. Here the workshops of all clients sit side by side "
    "(in presenter mode only the open one).",
)
SNAPSHOT_HINT = Message(
    "Ein Stand hält den Workshop fest, z. B. „vor Workshop 2“. Wiederherstellen lässt sich rückgängig machen.",
    "A snapshot keeps the workshop as it is, e.g. “before workshop 2”. Restoring can be undone.",
)
UNNAMED = Message("Neuer Workshop", "New workshop")


def when(moment: datetime, lang: Lang) -> str:
    """A stored time in this server's local time, German or English style."""
    local = moment.astimezone()
    return f"{local:%d %b %Y, %H:%M}" if lang == "en" else f"{local:%d.%m.%Y, %H:%M}"


def workshop_table(listed: Sequence[WorkshopInfo], open_id: str, lang: Lang) -> pd.DataFrame:
    """Every workshop: name, measures, last change, and a dot at the open one."""
    return pd.DataFrame(
        {
            Message("Name", "Name")(lang): [i.name for i in listed],
            Message("Maßnahmen", "Measures")(lang): [i.measures for i in listed],
            Message("Zuletzt geändert", "Last changed")(lang): [when(i.updated, lang) for i in listed],
            Message("Geöffnet", "Open")(lang): ["●" if i.id == open_id else "" for i in listed],
        }
    )


def other_workshops(listed: Sequence[WorkshopInfo], open_id: str) -> dict[str, str]:
    """The workshops one may open instead, by id."""
    return {i.id: i.name for i in listed if i.id != open_id}


def copy_name(name: str, lang: Lang) -> str:
    """'Name (Kopie)' – a duplicate's name."""
    return Message(f"{name} (Kopie)", f"{name} (copy)")(lang)


def new_name(typed: str, firm: str, file_name: str, lang: Lang) -> str:
    """A new workshop's name: as typed, else the firm's, else the list's file name, else 'Neuer Workshop'."""
    return typed.strip() or firm or file_name or UNNAMED(lang)


def snapshot_proposal(now: datetime, lang: Lang) -> str:
    """The name a snapshot gets when none is typed: 'Stand 01.12.2026 09:30'."""
    return Message(f"Stand {now:%d.%m.%Y %H:%M}", f"Snapshot {now:%d %b %Y %H:%M}")(lang)


def snapshot_table(listed: Sequence[SnapshotInfo], lang: Lang) -> pd.DataFrame:
    """Every snapshot: name, when it was taken, its measures."""
    return pd.DataFrame(
        {
            Message("Stand", "Snapshot")(lang): [s.name for s in listed],
            Message("Festgehalten", "Taken")(lang): [when(s.created, lang) for s in listed],
            Message("Maßnahmen", "Measures")(lang): [s.measures for s in listed],
        }
    )


def snapshot_names(listed: Sequence[SnapshotInfo], lang: Lang) -> dict[str, str]:
    """Each snapshot by id as 'name (when)'."""
    return {s.id: f"{s.name} ({when(s.created, lang)})" for s in listed}


def after_choices(names: dict[str, str], lang: Lang) -> dict[str, str]:
    """What a snapshot may be compared with: every snapshot, and now (last)."""
    return {**names, NOW: Message("Jetzt", "Now")(lang)}


def year_table(years: Sequence[YearDifference], lang: Lang) -> pd.DataFrame:
    """The compared years' IT costs before and after, and the difference with its sign."""
    return pd.DataFrame(
        {
            Message("Jahr", "Year")(lang): [str(y.year) for y in years],
            Message("Vorher", "Before")(lang): [formats.euro(y.before, lang) for y in years],
            Message("Nachher", "After")(lang): [formats.euro(y.after, lang) for y in years],
            Message("Unterschied", "Difference")(lang): [
                ("+" if y.difference > 0 else "") + formats.euro(y.difference, lang) for y in years
            ],
        }
    )
