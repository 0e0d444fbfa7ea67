"""Who is where, for the room screen (docs/room-screen.md): the moderator's stage and the phones seen.

A **stage** is the page the moderator of a workshop is on (its path, the section of the page that
matters to the room, e.g. the participation section of Priorisierung, and the language), written when a
moderator page runs and differs from what is stored, so a room screen in another session, another tab
or on another app server can follow it. When the moderator's session turns to another workshop, the old
stage points at the new one (`moved_to`), and a room screen opened on the old one follows. The room
screen notes when it last looked (`screen_seen`), so the moderator sees that it is connected.

A **phone** is noted with the time it was last seen in a room (its id from its link, kept across
reloads); the phones joined are those seen within the last 30 seconds. One row per phone and room,
overwritten, so a room of 30 phones stays 30 rows.

Every function takes `now` (seconds since 1970); none reads the clock.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from roadmap.store.schema import phones, stages

HOPS = 8  # a room screen follows at most this many moves from workshop to workshop
JOINED_SECONDS = 30.0  # a phone seen within this long counts as joined


@dataclass(frozen=True)
class Stage:
    """What the moderator's laptop is on: the workshop, its page and section, the language."""

    workshop_id: str
    page: str
    section: str = ""
    lang: str = "de"
    updated: float = 0.0
    screen_seen: float = 0.0


class _Transactions(Protocol):
    def transaction(self) -> AbstractContextManager[Connection]: ...
    def reading(self) -> AbstractContextManager[Connection]: ...


def _upsert(conn: Connection, table: Any, keys: dict[str, object], values: dict[str, object], **new: object) -> None:
    """Insert the row (`new`: columns only a new row gets), or update `values` where its `keys` exist already
    (SQLite and PostgreSQL alike)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**keys, **values, **new)
    conn.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=values))


def _stage(row: Any) -> Stage:
    return Stage(row.workshop_id, row.page, row.section, row.lang, row.updated, row.screen_seen)


class Presence:
    """Stages and phones seen, in the store's database (pass the Store: it opens the transactions)."""

    def __init__(self, store: _Transactions) -> None:
        """Use the store's transactions."""
        self._store = store

    # --- the moderator's stage --------------------------------------------------------------------

    def show(self, stage: Stage, now: float, came_from: str | None = None) -> bool:
        """Note that the moderator is on `stage` (its `updated` is set to now); True if anything was written.

        Reads first and writes only a change, so a rerun of the same page costs one read. `came_from`:
        the workshop the same session showed before, which from now on points at this one.
        """
        moved = came_from is not None and came_from != stage.workshop_id
        if not moved:
            with self._store.reading() as conn:
                row = conn.execute(select(stages).where(stages.c.workshop_id == stage.workshop_id)).first()
            if row is not None and (row.page, row.section, row.lang, row.moved_to) == (
                stage.page,
                stage.section,
                stage.lang,
                "",
            ):
                return False
        with self._store.transaction() as conn:
            values: dict[str, object] = dict(
                page=stage.page, section=stage.section, lang=stage.lang, updated=now, moved_to=""
            )
            _upsert(conn, stages, {"workshop_id": stage.workshop_id}, values, screen_seen=0.0)
            if moved:
                conn.execute(update(stages).where(stages.c.workshop_id == came_from).values(moved_to=stage.workshop_id))
        return True

    def follow(self, workshop_id: str) -> Stage | None:
        """The stage a room screen opened on `workshop_id` shows: that workshop's, or where its moderator went."""
        seen: set[str] = set()
        found: Stage | None = None
        with self._store.reading() as conn:
            ident = workshop_id
            while ident and ident not in seen and len(seen) < HOPS:
                seen.add(ident)
                row = conn.execute(select(stages).where(stages.c.workshop_id == ident)).first()
                if row is None:
                    break
                found, ident = _stage(row), row.moved_to
        return found

    def latest(self) -> Stage | None:
        """The stage a moderator turned to last, of any workshop (for a room screen opened without one)."""
        with self._store.reading() as conn:
            row = conn.execute(
                select(stages).where(stages.c.moved_to == "").order_by(stages.c.updated.desc()).limit(1)
            ).first()
        return _stage(row) if row is not None else None

    def screen_looked(self, workshop_id: str, now: float) -> None:
        """Note that a room screen showing this workshop's stage looked now."""
        with self._store.transaction() as conn:
            conn.execute(update(stages).where(stages.c.workshop_id == workshop_id).values(screen_seen=now))

    # --- the phones -------------------------------------------------------------------------------

    def phone_seen(self, room_id: str, device: str, now: float) -> None:
        """Note that the phone `device` looked at the room now (one row per phone and room)."""
        with self._store.transaction() as conn:
            _upsert(conn, phones, {"room_id": room_id, "device": device[:64]}, {"seen": now})

    def phones(self, room_id: str, now: float) -> int:
        """How many phones have joined the room: distinct phone ids seen within JOINED_SECONDS."""
        with self._store.reading() as conn:
            found = conn.execute(
                select(func.count())
                .select_from(phones)
                .where(phones.c.room_id == room_id, phones.c.seen >= now - JOINED_SECONDS)
            ).scalar()
        return int(found or 0)
