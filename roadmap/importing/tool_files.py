"""Exports of the planning tools SMEs already use, turned into a table the importer reads like any list
(docs/import.md): a Trello board (JSON) and an MS Project file (MSPDI XML). Asana and Jira export CSV,
which the column names of roadmap/importing/column_names.py cover.

Each is recognised by its content, not its name. The table has German headings the importer maps by
itself, so the same preview, problems list and mapping editor apply.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from xml.etree.ElementTree import Element, ParseError, fromstring

from roadmap.domain.messages import Location, Message, RoadmapError
from roadmap.importing.raw_sheets import DEFAULT_LIMITS, Limits, too_many_rows
from roadmap.importing.words import parse_field, parse_status
from roadmap.workbook.styles import Cell

TRELLO_HEADERS = [
    "ID", "Maßnahme", "Beschreibung", "Status", "Phase", "Handlungsfeld", "Start", "Fällig am", "Labels", "Checklisten",
]  # fmt: skip
MSPDI_HEADERS = [
    "Nr.", "Maßnahme", "Phase", "Start", "Ende", "Fällig am", "Dauer (Tage)", "Vorgänger", "Fortschritt", "Kosten",
    "Verantwortlich", "Notizen",
]  # fmt: skip
_MSPDI = "{http://schemas.microsoft.com/project}"


def csv_tool(headers: tuple[str, ...]) -> str:
    """'Asana' or 'Jira' for the header of their CSV exports, else ''."""
    names = {" ".join(text.lower().split()) for text in headers}
    if {"task id", "section/column"} <= names:
        return "Asana"
    if {"issue key", "summary"} <= names:
        return "Jira"
    return ""


def looks_like_trello(data: bytes) -> bool:
    """A JSON object with Trello's 'cards' and 'lists' near its start."""
    head = data[:1_000_000].lstrip()
    return head.startswith(b"{") and b'"cards"' in data and b'"lists"' in data


def looks_like_mspdi(data: bytes) -> bool:
    """XML in MS Project's namespace."""
    return data.lstrip().startswith(b"<") and b"schemas.microsoft.com/project" in data[:4096]


Table = tuple[str, list[list[Cell]]]  # a sheet's name and its rows, the headings first


def trello_sheet(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Table:
    """The cards of a Trello board as rows: lists become a status (To Do, Doing, Done …) or a phase, labels
    that name a field of action its field, due and start dates the dates, checklists the notes. A board with
    more cards than a list may have rows is refused before any card is read."""
    try:
        board = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise _unreadable("Trello") from None
    except RecursionError:  # nested deeper than Python's parser goes: no board has more than a few levels
        raise _too_deep() from None
    if not isinstance(board, dict) or not isinstance(board.get("cards"), list):
        raise _unreadable("Trello")
    if len(board["cards"]) > limits.max_rows:
        raise too_many_rows(len(board["cards"]), limits, Location())
    lists = {item.get("id"): item for item in board.get("lists", []) if isinstance(item, dict)}
    checklists: dict[str, list[str]] = {}
    for checklist in board.get("checklists", []):
        if isinstance(checklist, dict):
            items = [
                f"[{'x' if item.get('state') == 'complete' else ' '}] {item.get('name', '')}"
                for item in checklist.get("checkItems", [])
                if isinstance(item, dict)
            ]
            text = f"{checklist.get('name', '')}: {'; '.join(items)}"
            checklists.setdefault(str(checklist.get("idCard")), []).append(text)
    rows: list[list[Cell]] = [list(TRELLO_HEADERS)]
    for card in board["cards"]:
        if not isinstance(card, dict) or card.get("closed"):
            continue  # archived cards are no longer on the board
        column = lists.get(card.get("idList"), {})
        if column.get("closed"):
            continue
        status, phase = _status_or_phase(str(column.get("name", "")))
        if card.get("dueComplete"):
            status = "erledigt"
        names = [str(label.get("name") or "") for label in card.get("labels", []) if isinstance(label, dict)]
        field = next((name for name in names if _field(name)), "")
        others = ", ".join(name for name in names if name and name != field)
        rows.append(
            [
                str(card.get("idShort") or card.get("id") or ""), str(card.get("name") or ""),
                str(card.get("desc") or ""), status, phase, field, _day(card.get("start")), _day(card.get("due")),
                others, " | ".join(checklists.get(str(card.get("id")), [])),
            ]
        )  # fmt: skip
    return str(board.get("name") or "Trello"), [[c if c != "" else None for c in row] for row in rows]


def mspdi_sheet(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Table:
    """The tasks of an MS Project XML file: outline numbers, the summary tasks above as the phase (not measures of
    their own), start, finish (the planned end), deadline, duration in days, predecessors (a link to a summary task
    is a link to each task below it), percent complete, cost, resources and notes; the project's own summary task
    and milestones are left out.
    A plan with more tasks than a list may have rows is refused before any task is read."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise RoadmapError(
            Message(
                "Die Datei enthält XML-Deklarationen (DOCTYPE/ENTITY) und wird nicht gelesen.",
                "The file contains XML declarations (DOCTYPE/ENTITY) and is not read.",
            )
        )
    try:
        project = fromstring(data)
    except ParseError:
        raise _unreadable("MS Project") from None
    count = sum(1 for _ in project.iter(f"{_MSPDI}Task"))
    if count > limits.max_rows:
        raise too_many_rows(count, limits, Location())
    owners = _assignments(project)
    tasks = [t for t in project.iter(f"{_MSPDI}Task") if _text(t, "UID") != "0" and _text(t, "IsNull") != "1"]
    outline_of = {_text(task, "UID"): _text(task, "OutlineNumber") or _text(task, "ID") for task in tasks}
    groups = _summaries(tasks, outline_of)
    by_uid = {_text(task, "UID"): task for task in tasks}
    work = {uid for uid in outline_of if uid not in groups and not _is_milestone(by_uid[uid])}
    rows: list[list[Cell]] = [list(MSPDI_HEADERS)]
    for task in tasks:
        uid, name = _text(task, "UID"), _text(task, "Name")
        if not name or uid not in work:
            continue  # summary tasks become the phase of the tasks below them; milestones are no work
        predecessors = _work_before(task, by_uid, groups, work, outline_of)
        rows.append(
            [
                outline_of[uid], name, _phase(outline_of[uid], groups, outline_of), _day(_text(task, "Start")),
                _day(_text(task, "Finish")), _day(_text(task, "Deadline")), _work_days(task),
                ", ".join(predecessors), _percent(_text(task, "PercentComplete")), _cost(_text(task, "Cost")),
                owners.get(uid, ""), _text(task, "Notes"),
            ]
        )  # fmt: skip
    name = _text(project, "Title") or _text(project, "Name") or "MS Project"
    return name, [[c if c != "" else None for c in row] for row in rows]


def _summaries(tasks: list[Element], outline_of: dict[str, str]) -> dict[str, str]:
    """The summary tasks (uid → name): marked as such, or with tasks below them in the outline."""
    parents = {outline.rsplit(".", 1)[0] for outline in outline_of.values() if "." in outline}
    return {
        _text(task, "UID"): _text(task, "Name")
        for task in tasks
        if _text(task, "Summary") == "1" or outline_of[_text(task, "UID")] in parents
    }


def _work_days(task: Element) -> Cell:
    """The duration in days where the plan gives no start and finish (which give the months it takes)."""
    return None if _text(task, "Start") and _text(task, "Finish") else _days(_text(task, "Duration"))


def _is_milestone(task: Element) -> bool:
    """A milestone marks a date and holds no work: marked as one, or of no duration."""
    return _text(task, "Milestone") == "1" and _days(_text(task, "Duration")) is None


def _phase(outline: str, groups: dict[str, str], outline_of: dict[str, str]) -> str:
    """The names of the summary tasks above a task, outermost first ('Einführung / Schulungen')."""
    by_outline = {outline_of[uid]: name for uid, name in groups.items()}
    parts = outline.split(".")
    return " / ".join(by_outline[p] for p in (".".join(parts[:i]) for i in range(1, len(parts))) if p in by_outline)


def _work_before(
    task: Element, by_uid: dict[str, Element], groups: dict[str, str], work: set[str], outline_of: dict[str, str]
) -> list[str]:
    """The tasks of work a task waits for: its links and those of the summary tasks above it; a link to a summary
    task waits for every task below it, a link to a milestone for what the milestone waits for."""
    found: list[str] = []
    seen: set[str] = set()
    outline = outline_of[_text(task, "UID")]
    above = [uid for uid in groups if outline.startswith(outline_of[uid] + ".")]  # a summary's links hold below it
    links = [link for t in (task, *(by_uid[uid] for uid in above)) for link in t.findall(f"{_MSPDI}PredecessorLink")]
    todo = [_text(link, "PredecessorUID") for link in links]
    while todo:
        uid = todo.pop(0)
        if uid in seen or uid not in by_uid:
            continue
        seen.add(uid)
        if uid in work:
            found.append(outline_of[uid])
        elif uid in groups:
            prefix = outline_of[uid] + "."
            todo.extend(u for u, outline in outline_of.items() if outline.startswith(prefix))
        else:
            todo.extend(_text(link, "PredecessorUID") for link in by_uid[uid].findall(f"{_MSPDI}PredecessorLink"))
    return sorted(set(found), key=found.index)


def _status_or_phase(name: str) -> tuple[str, str]:
    """A Trello list named like a status ('To Do', 'Doing', 'Erledigt') gives the status, any other a phase."""
    try:
        return (name, "") if parse_status(name) is not None else ("", name)
    except ValueError:
        return "", name


def _field(name: str) -> bool:
    try:
        return parse_field(name) is not None
    except ValueError:
        return False


def _day(value: object) -> Cell:
    """An ISO date or date-time ('2026-03-31T12:00:00.000Z') as a date; anything else as given."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return value


def _days(duration: str) -> Cell:
    """An ISO 8601 duration of work ('PT40H0M0S') as days of 8 hours."""
    found = re.fullmatch(r"P(?:(\d+)D)?T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+)M)?(?:(\d+)S)?", duration)
    if not found or not duration:
        return None
    days = float(found.group(1) or 0) + float(found.group(2) or 0) / 8 + float(found.group(3) or 0) / 480
    return round(days, 2) or None


def _percent(value: str) -> Cell:
    return f"{value} %" if value else None


def _cost(value: str) -> Cell:
    """MS Project writes costs in hundredths of the currency unit."""
    try:
        return float(value) / 100 if value else None
    except ValueError:
        return None


def _assignments(project: Element) -> dict[str, str]:
    """Each task's resources by name, from the file's resources and assignments."""
    names = {_text(r, "UID"): _text(r, "Name") for r in project.iter(f"{_MSPDI}Resource") if _text(r, "Name")}
    owners: dict[str, list[str]] = {}
    for assignment in project.iter(f"{_MSPDI}Assignment"):
        name = names.get(_text(assignment, "ResourceUID"))
        if name:
            owners.setdefault(_text(assignment, "TaskUID"), []).append(name)
    return {uid: ", ".join(found) for uid, found in owners.items()}


def _text(element: Element, tag: str) -> str:
    found = element.find(f"{_MSPDI}{tag}")
    return (found.text or "").strip() if found is not None else ""


def _too_deep() -> RoadmapError:
    return RoadmapError(
        Message(
            "Die Datei ist zu tief verschachtelt, um ein Trello-Board zu sein, und wird nicht gelesen.",
            "The file is nested too deeply to be a Trello board and is not read.",
        )
    )


def _unreadable(tool: str) -> RoadmapError:
    return RoadmapError(
        Message(
            f"Die Datei sieht aus wie ein {tool}-Export, lässt sich aber nicht lesen (unvollständig oder beschädigt).",
            f"The file looks like a {tool} export but cannot be read (incomplete or damaged).",
        )
    )
