"""Named snapshots of a workshop ("vor Workshop 2"): take, list, load, restore (an undoable change), delete.

Plain functions over a connection inside the store's transaction, as roadmap/store/history.py;
the Store (roadmap/store/workshops.py) opens the transaction and passes the time.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, literal, select

from roadmap.domain.messages import Message
from roadmap.domain.workshop import Workshop
from roadmap.store import history as changes
from roadmap.store.records import (
    SnapshotInfo,
    clean_name,
    decode,
    encode,
    moment,
    new_id,
    snapshot_missing,
    workshop_missing,
)
from roadmap.store.schema import snapshots, workshops

_INFO = (snapshots.c.id, snapshots.c.workshop_id, snapshots.c.name, snapshots.c.created, snapshots.c.measures)


def take(conn: Connection, workshop_id: str, name: str, now: float) -> str:
    """Keep the workshop's current state under a name; returns the snapshot's id."""
    name = clean_name(name)
    snapshot_id = new_id()
    source = select(
        literal(snapshot_id), workshops.c.id, literal(name), workshops.c.document, workshops.c.measures, literal(now)
    ).where(workshops.c.id == workshop_id)
    columns = ["id", "workshop_id", "name", "document", "measures", "created"]
    if conn.execute(select(workshops.c.id).where(workshops.c.id == workshop_id)).first() is None:
        raise workshop_missing(workshop_id)
    conn.execute(insert(snapshots).from_select(columns, source))
    return snapshot_id


def keep(conn: Connection, workshop_id: str, name: str, state: Workshop, now: float) -> str:
    """Keep a given state of the workshop under a name (an earlier one, say); returns the snapshot's id."""
    snapshot_id = new_id()
    values = dict(document=encode(state), measures=len(state.measures), created=now)
    conn.execute(insert(snapshots).values(id=snapshot_id, workshop_id=workshop_id, name=clean_name(name), **values))
    return snapshot_id


def listed(conn: Connection, workshop_id: str) -> list[SnapshotInfo]:
    """The workshop's snapshots, the newest first."""
    query = (
        select(*_INFO)
        .where(snapshots.c.workshop_id == workshop_id)
        .order_by(snapshots.c.created.desc(), snapshots.c.id)
    )
    return [SnapshotInfo(r.id, r.workshop_id, r.name, moment(r.created), r.measures) for r in conn.execute(query).all()]


def load(conn: Connection, snapshot_id: str) -> Workshop:
    """The workshop as it was when the snapshot was taken (e.g. to compare it with now)."""
    document = conn.execute(select(snapshots.c.document).where(snapshots.c.id == snapshot_id)).scalar()
    if document is None:
        raise snapshot_missing(snapshot_id)
    return decode(document)


def restore(conn: Connection, snapshot_id: str, expected_version: int, now: float) -> tuple[Workshop, int]:
    """Make the snapshot the workshop's current state, as a change that can be undone.

    Raises:
        Conflict: someone else changed the workshop since `expected_version`.
        NotFound: the snapshot or its workshop no longer exists.
    """
    row = conn.execute(
        select(snapshots.c.workshop_id, snapshots.c.name, snapshots.c.document, snapshots.c.measures).where(
            snapshots.c.id == snapshot_id
        )
    ).first()
    if row is None:
        raise snapshot_missing(snapshot_id)
    label = Message(f"Stand „{row.name}“ wiederhergestellt", f"Snapshot '{row.name}' restored")
    document = bytes(row.document)
    version = changes.change(conn, row.workshop_id, expected_version, document, row.measures, label, now)
    return decode(document), version


def drop(conn: Connection, snapshot_id: str) -> None:
    """Delete a snapshot (the workshop itself stays); NotFound if there is none."""
    if conn.execute(delete(snapshots).where(snapshots.c.id == snapshot_id)).rowcount == 0:
        raise snapshot_missing(snapshot_id)
