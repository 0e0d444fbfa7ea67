"""Changes with an optimistic version check, and undo / redo of the last 20 changes of a workshop.

Each workshop row holds the current document and a version that grows by one with every change
(a save, an undo, a redo, a restored snapshot). Each change first copies the current document onto
the workshop's undo stack (inside the database, one transaction), so undo and redo are moves between
the two stacks. A new change after an undo drops the redo stack. All functions run inside the
caller's write transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, literal, select, update

from roadmap.domain.messages import Message, RoadmapError
from roadmap.store.records import Conflict, UndoState, decode, workshop_missing
from roadmap.store.schema import history, workshops

UNDO, REDO = "undo", "redo"
LIMIT = 20


def lock(conn: Connection, workshop_id: str, expected_version: int) -> bytes:
    """Lock the workshop's row and check its version; returns the stored document.

    Raises:
        NotFound: if the workshop does not exist.
        Conflict: if the stored version is not `expected_version` (carries the stored workshop).
    """
    row = conn.execute(
        select(workshops.c.version, workshops.c.document).where(workshops.c.id == workshop_id).with_for_update()
    ).first()
    if row is None:
        raise workshop_missing(workshop_id)
    if row.version != expected_version:
        raise Conflict(decode(row.document), row.version)
    return bytes(row.document)


def _push_current(conn: Connection, workshop_id: str, stack: str, label: Message | None, now: float) -> None:
    """Copy the workshop's current document onto a stack (within the database, no round trip)."""
    source = select(
        workshops.c.id,
        literal(stack),
        workshops.c.document,
        workshops.c.measures,
        literal(now),
        literal(label.de if label else ""),
        literal(label.en if label else ""),
    ).where(workshops.c.id == workshop_id)
    columns = ["workshop_id", "stack", "document", "measures", "created", "label_de", "label_en"]
    conn.execute(insert(history).from_select(columns, source))
    if stack == UNDO:
        newest = (
            select(history.c.id)
            .where(history.c.workshop_id == workshop_id, history.c.stack == UNDO)
            .order_by(history.c.id.desc())
            .limit(LIMIT)
        )
        conn.execute(
            delete(history).where(
                history.c.workshop_id == workshop_id,
                history.c.stack == UNDO,
                history.c.id.not_in(select(newest.subquery().c.id)),
            )
        )


def _replace(conn: Connection, workshop_id: str, version: int, document: bytes, measures: int, now: float) -> int:
    """Write the new current document over the locked row of `version`; returns the new version."""
    conn.execute(
        update(workshops)
        .where(workshops.c.id == workshop_id)
        .values(document=document, measures=measures, version=version + 1, updated=now)
    )
    return version + 1


def change(
    conn: Connection,
    workshop_id: str,
    expected_version: int,
    document: bytes,
    measures: int,
    label: Message | None,
    now: float,
) -> int:
    """Store a new document if the version still matches; returns the new version (unchanged if nothing changed).

    Raises:
        NotFound, Conflict: see `lock`.
    """
    if lock(conn, workshop_id, expected_version) == document:
        return expected_version
    _push_current(conn, workshop_id, UNDO, label, now)
    conn.execute(delete(history).where(history.c.workshop_id == workshop_id, history.c.stack == REDO))
    return _replace(conn, workshop_id, expected_version, document, measures, now)


def _label(row: Row[Any]) -> Message | None:
    return Message(row.label_de, row.label_en) if row.label_de or row.label_en else None


def _top(conn: Connection, workshop_id: str, stack: str, *columns: object) -> Row[Any] | None:
    return conn.execute(
        select(*(columns or history.c))
        .where(history.c.workshop_id == workshop_id, history.c.stack == stack)
        .order_by(history.c.id.desc())
        .limit(1)
    ).first()


def step(conn: Connection, workshop_id: str, expected_version: int, stack: str, now: float) -> tuple[bytes, int]:
    """Undo (stack='undo') or redo (stack='redo') one change; returns the new document and version.

    Raises:
        NotFound, Conflict: see `lock`.
        RoadmapError: if there is nothing to undo or redo.
    """
    lock(conn, workshop_id, expected_version)
    top = _top(conn, workshop_id, stack)
    if top is None:
        if stack == UNDO:
            raise RoadmapError(Message("Es gibt nichts rückgängig zu machen.", "There is nothing to undo."))
        raise RoadmapError(Message("Es gibt nichts wiederherzustellen.", "There is nothing to redo."))
    _push_current(conn, workshop_id, REDO if stack == UNDO else UNDO, _label(top), now)
    conn.execute(delete(history).where(history.c.id == top.id))
    document = bytes(top.document)
    return document, _replace(conn, workshop_id, expected_version, document, top.measures, now)


def state(conn: Connection, workshop_id: str) -> UndoState:
    """How many steps can be undone and redone, with the labels of the next ones."""
    counts: dict[str, int] = dict(
        conn.execute(
            select(history.c.stack, func.count()).where(history.c.workshop_id == workshop_id).group_by(history.c.stack)
        ).all()
    )
    labels = {}
    for stack in (UNDO, REDO):
        top = _top(conn, workshop_id, stack, history.c.label_de, history.c.label_en) if counts.get(stack) else None
        labels[stack] = _label(top) if top is not None else None
    return UndoState(counts.get(UNDO, 0), counts.get(REDO, 0), labels[UNDO], labels[REDO])
