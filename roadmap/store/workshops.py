"""The persistent store of workshops: SQLite by default, PostgreSQL via DATABASE_URL (docs/architecture.md, storage).

Every change is one transaction. Workshops are whole documents (roadmap/workshop/serialize.py's JSON) with a
version number for the optimistic check: `save` with the version that was loaded, and a `Conflict`
carrying the stored state comes back if someone else saved in between. Undo / redo of the last 20
changes live in roadmap/store/history.py, named snapshots in roadmap/store/snapshots.py, the schema and its
upgrades in roadmap/store/schema.py, opening and checking the database in roadmap/store/engine.py.

Open one Store per process and share it between sessions (it holds a connection pool; thread-safe).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import URL, Connection, Engine, delete, insert, literal, select, update
from sqlalchemy.exc import SQLAlchemyError

from roadmap.domain.messages import Message
from roadmap.domain.workshop import Workshop
from roadmap.store import history as changes
from roadmap.store import snapshots
from roadmap.store.engine import READ_ONLY, describe, open_engine, resolve_url
from roadmap.store.records import (
    Conflict,
    NotFound,
    SnapshotInfo,
    Unavailable,
    UndoState,
    WorkshopInfo,
    clean_name,
    decode,
    encode,
    moment,
    new_id,
    workshop_missing,
)
from roadmap.store.schema import upgrade, workshops

_INFO = (workshops.c.id, workshops.c.name, workshops.c.updated, workshops.c.measures, workshops.c.version)
__all__ = ["Conflict", "NotFound", "SnapshotInfo", "Store", "Unavailable", "UndoState", "WorkshopInfo"]


class Store:
    """Workshops, their undo history and snapshots in one SQL database."""

    def __init__(self, engine: Engine, url: URL, clock: Callable[[], float] = time.time) -> None:
        """Wrap an engine made by `open_engine` (use `Store.open`)."""
        self._engine = engine
        self._reader = engine.execution_options(**{READ_ONLY: True})
        self.url = url
        self.where = describe(url)
        self.backend = url.get_backend_name()
        self.clock = clock
        self.found_version = 0  # the schema version found on opening (0: new database)

    @classmethod
    def open(cls, url: str | None = None, synchronous: str = "FULL") -> Store:
        """Open (and create or upgrade) the store at a SQLAlchemy URL, env DATABASE_URL or data/roadmap.sqlite.

        Raises:
            RoadmapError: if the database is not ours, damaged, newer than this program, or unreachable;
                in every such case nothing in it was changed.
        """
        parsed = resolve_url(url)
        engine = open_engine(parsed, synchronous)
        store = cls(engine, parsed)
        try:
            store.found_version = upgrade(store.transaction, store.backend, store.where)
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        """Close all connections."""
        self._engine.dispose()

    def _failed(self, error: SQLAlchemyError) -> Unavailable:
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0][:300]
        return Unavailable(
            Message(
                f"Die Datenbank {self.where} hat die Anfrage nicht angenommen ({detail}). Die letzte Änderung "
                "wurde nicht gespeichert. Bitte gleich noch einmal versuchen.",
                f"The database {self.where} did not accept the request ({detail}). The last change was not "
                "saved. Please try again in a moment.",
            )
        )

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: committed at the end, rolled back on any error (database errors → Unavailable)."""
        try:
            with self._engine.begin() as conn:
                yield conn
        except SQLAlchemyError as error:
            raise self._failed(error) from error

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction with a consistent view (database errors → Unavailable)."""
        try:
            with self._reader.begin() as conn:
                yield conn
        except SQLAlchemyError as error:
            raise self._failed(error) from error

    # Workshops

    def workshops(self) -> list[WorkshopInfo]:
        """All workshops, the most recently changed first."""
        with self.reading() as conn:
            rows = conn.execute(select(*_INFO).order_by(workshops.c.updated.desc(), workshops.c.id)).all()
        return [WorkshopInfo(r.id, r.name, moment(r.updated), r.measures, r.version) for r in rows]

    def info(self, workshop_id: str) -> WorkshopInfo:
        """One workshop's line of the list; NotFound if there is none."""
        with self.reading() as conn:
            row = conn.execute(select(*_INFO).where(workshops.c.id == workshop_id)).first()
        if row is None:
            raise workshop_missing(workshop_id)
        return WorkshopInfo(row.id, row.name, moment(row.updated), row.measures, row.version)

    def exists(self, workshop_id: str) -> bool:
        """True if a workshop with this id exists (e.g. to check an id from a link)."""
        with self.reading() as conn:
            return conn.execute(select(workshops.c.id).where(workshops.c.id == workshop_id)).first() is not None

    def create(self, workshop: Workshop, name: str, earlier: Sequence[tuple[str, Workshop, float]] = ()) -> str:
        """Store a new workshop under a name; returns its id (version 1).

        `earlier`: snapshots of earlier states to keep with it, as (name, state, when taken in seconds
        since the epoch), e.g. the demo's plan as made at its workshop last month, its baseline.
        """
        name = clean_name(name)
        workshop_id, now = new_id(), self.clock()
        values = dict(document=encode(workshop), measures=len(workshop.measures), created=now, updated=now)
        with self.transaction() as conn:
            conn.execute(insert(workshops).values(id=workshop_id, name=name, version=1, **values))
            for snapshot_name, state, taken in earlier:
                snapshots.keep(conn, workshop_id, snapshot_name, state, taken)
        return workshop_id

    def load(self, workshop_id: str) -> tuple[Workshop, int]:
        """The stored workshop and its version; NotFound if there is none."""
        with self.reading() as conn:
            row = conn.execute(
                select(workshops.c.document, workshops.c.version).where(workshops.c.id == workshop_id)
            ).first()
        if row is None:
            raise workshop_missing(workshop_id)
        return decode(row.document), row.version

    def rename(self, workshop_id: str, name: str) -> None:
        """Give a workshop a new name (not an undoable change; the version stays)."""
        name = clean_name(name)
        with self.transaction() as conn:
            result = conn.execute(
                update(workshops).where(workshops.c.id == workshop_id).values(name=name, updated=self.clock())
            )
            if result.rowcount == 0:
                raise workshop_missing(workshop_id)

    def duplicate(self, workshop_id: str, name: str | None = None) -> str:
        """Copy a workshop's current state (without history and snapshots); returns the copy's id."""
        copy_id, now = new_id(), self.clock()
        with self.transaction() as conn:
            original = conn.execute(select(workshops.c.name).where(workshops.c.id == workshop_id)).scalar()
            if original is None:
                raise workshop_missing(workshop_id)
            copy_name = clean_name(name if name is not None else f"{original} (Kopie)")
            source = select(
                literal(copy_id),
                literal(copy_name),
                workshops.c.document,
                literal(1),
                workshops.c.measures,
                literal(now),
                literal(now),
            ).where(workshops.c.id == workshop_id)
            columns = ["id", "name", "document", "version", "measures", "created", "updated"]
            conn.execute(insert(workshops).from_select(columns, source))
        return copy_id

    def delete(self, workshop_id: str) -> None:
        """Delete a workshop with its history and snapshots; NotFound if there is none."""
        with self.transaction() as conn:
            if conn.execute(delete(workshops).where(workshops.c.id == workshop_id)).rowcount == 0:
                raise workshop_missing(workshop_id)

    # Changes

    def save(self, workshop_id: str, workshop: Workshop, expected_version: int, label: Message | None = None) -> int:
        """Store a changed workshop if nobody saved since `expected_version`; returns the new version.

        The previous state goes onto the undo stack (with `label`, e.g. "Budgetanteil geändert"); the redo
        stack is dropped. Saving an unchanged workshop changes nothing and returns the same version.

        Raises:
            Conflict: someone else saved in between (carries the stored workshop and version).
            NotFound: the workshop was deleted.
        """
        document = encode(workshop)
        with self.transaction() as conn:
            return changes.change(
                conn, workshop_id, expected_version, document, len(workshop.measures), label, self.clock()
            )

    def undo(self, workshop_id: str, expected_version: int) -> tuple[Workshop, int]:
        """Go back one change; returns the workshop and the new version (Conflict / RoadmapError as for save)."""
        with self.transaction() as conn:
            document, version = changes.step(conn, workshop_id, expected_version, changes.UNDO, self.clock())
        return decode(document), version

    def redo(self, workshop_id: str, expected_version: int) -> tuple[Workshop, int]:
        """Re-apply the last undone change; returns the workshop and the new version."""
        with self.transaction() as conn:
            document, version = changes.step(conn, workshop_id, expected_version, changes.REDO, self.clock())
        return decode(document), version

    def undo_state(self, workshop_id: str) -> UndoState:
        """How many changes can be undone / redone (at most 20), and the labels of the next ones."""
        with self.reading() as conn:
            return changes.state(conn, workshop_id)

    # --- snapshots (roadmap/store/snapshots.py) -------------------------------------------------

    def take_snapshot(self, workshop_id: str, name: str) -> str:
        """Keep the workshop's current state under a name; returns the snapshot's id."""
        with self.transaction() as conn:
            return snapshots.take(conn, workshop_id, name, self.clock())

    def snapshots_of(self, workshop_id: str) -> list[SnapshotInfo]:
        """The workshop's snapshots, the newest first."""
        with self.reading() as conn:
            return snapshots.listed(conn, workshop_id)

    def load_snapshot(self, snapshot_id: str) -> Workshop:
        """The workshop as it was when the snapshot was taken."""
        with self.reading() as conn:
            return snapshots.load(conn, snapshot_id)

    def restore_snapshot(self, snapshot_id: str, expected_version: int) -> tuple[Workshop, int]:
        """Make the snapshot the current state, as a change that can be undone (Conflict, NotFound)."""
        with self.transaction() as conn:
            return snapshots.restore(conn, snapshot_id, expected_version, self.clock())

    def delete_snapshot(self, snapshot_id: str) -> None:
        """Delete a snapshot (the workshop itself stays); NotFound if there is none."""
        with self.transaction() as conn:
            snapshots.drop(conn, snapshot_id)
