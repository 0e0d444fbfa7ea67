"""Participation from phones in the store: rooms, rounds and what the phones sent (docs/participation.md).

A **room** belongs to one workshop. It is opened with a random token (`secrets.token_urlsafe`, 128
bits); a phone's token is looked up by its SHA-256 (so no comparison leaks how much of a guess was
right); the token itself is kept for the moderator's screen to show again after a reload. A room lasts 12
hours; ending it makes the token useless at once. At most one room per workshop is open: opening a
new one ends the old. The room holds the current round (number, kind, open or closed, revealed,
the measures chosen for estimation) and a `version` that grows with every change, so a screen can
redraw only when something happened, with several app servers on one database and no broker.

**Entries** are what the phones sent, per round: ideas (bounded per round and per device), ratings
(one per device and measure, replaced on resending) and dots (one ballot per device, replaced). A
device is the phone's id from its link, kept across reloads (ui/participation.py).
Nothing here touches the workshop: the moderator's page takes ideas, estimates and votes into it
through the workshop's normal save (roadmap/workshop/rounds.py has the rules).

Every function takes `now` (seconds since 1970); none reads the clock.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, Row, case, delete, func, insert, select, update

from roadmap.domain.messages import Message, RoadmapError
from roadmap.store.records import NotFound, new_id, workshop_missing
from roadmap.store.schema import entries, rooms, workshops
from roadmap.workshop.rounds import IDEAS_PER_DEVICE, IDEAS_PER_ROUND, PHONE_FULL, ROUND_FULL, IdeaText, RoundKind

LIFETIME = 12 * 3600.0  # seconds a room stays open unless ended earlier
TOKEN_BYTES = 16  # 128 bits
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud from the projector
CODE_LENGTH = 6
IDEA_STATES = ("open", "accepted", "merged", "discarded")


class Refused(NotFound):
    """A participant link that opens nothing: unknown, ended or expired."""


REFUSED = Message(
    "Dieser Teilnahme-Link gilt nicht (mehr). Bitte den QR-Code auf der Leinwand neu scannen.",
    "This participation link is not (or no longer) valid. Please scan the QR code on the screen again.",
)
CLOSED = Message(
    "Diese Runde ist gerade nicht offen. Bitte auf die Moderation warten.",
    "This round is not open right now. Please wait for the moderator.",
)


@dataclass(frozen=True)
class Room:
    """A room as its screens see it."""

    id: str
    workshop_id: str
    code: str
    expires: float
    round_no: int
    round_kind: RoundKind | None
    round_open: bool
    revealed: bool
    chosen: tuple[str, ...]
    version: int
    workshop_name: str = ""


@dataclass(frozen=True)
class Idea:
    """One idea a phone sent."""

    id: int
    author: str
    title: str
    description: str
    state: str
    device: str


class _Transactions(Protocol):
    def transaction(self) -> AbstractContextManager[Connection]: ...
    def reading(self) -> AbstractContextManager[Connection]: ...


def token_hash(token: str) -> str:
    """The stored form of a token (SHA-256, hex)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _room(row: Row[Any], name: str = "") -> Room:
    kind = RoundKind(row.round_kind) if row.round_kind else None
    return Room(
        row.id,
        row.workshop_id,
        row.code,
        row.expires,
        row.round_no,
        kind,
        bool(row.round_open),
        bool(row.revealed),
        tuple(json.loads(row.chosen)),
        row.version,
        name,
    )


class Participation:
    """Rooms and entries in the store's database (pass the Store: it opens the transactions)."""

    def __init__(self, store: _Transactions) -> None:
        """Use the store's transactions."""
        self._store = store

    # --- rooms (the moderator) ------------------------------------------------------------------

    def open_room(self, workshop_id: str, now: float) -> tuple[Room, str]:
        """Open a room for the workshop (ending an open one); returns it and its token, shown only now."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        room_id = new_id()
        with self._store.transaction() as conn:
            if conn.execute(select(workshops.c.id).where(workshops.c.id == workshop_id)).first() is None:
                raise workshop_missing(workshop_id)
            conn.execute(update(rooms).where(rooms.c.workshop_id == workshop_id).values(ended=True))
            conn.execute(
                insert(rooms).values(
                    id=room_id,
                    workshop_id=workshop_id,
                    token_hash=token_hash(token),
                    token=token,
                    code=code,
                    created=now,
                    expires=now + LIFETIME,
                    ended=False,
                    round_no=0,
                    round_kind="",
                    round_open=False,
                    revealed=False,
                    chosen="[]",
                    version=1,
                )
            )
        return self.room(room_id), token

    def current(self, workshop_id: str, now: float) -> Room | None:
        """The workshop's open room, or None."""
        with self._store.reading() as conn:
            row = conn.execute(
                select(rooms).where(rooms.c.workshop_id == workshop_id, ~rooms.c.ended, rooms.c.expires > now)
            ).first()
        return _room(row) if row is not None else None

    def end(self, room_id: str) -> None:
        """End the room: its token opens nothing from now on."""
        with self._store.transaction() as conn:
            conn.execute(update(rooms).where(rooms.c.id == room_id).values(ended=True, version=rooms.c.version + 1))

    def start_round(self, room_id: str, kind: RoundKind, chosen: Sequence[str] = ()) -> Room:
        """Close the current round and open the next of the given kind (`chosen`: measures to estimate)."""
        with self._store.transaction() as conn:
            conn.execute(
                update(rooms)
                .where(rooms.c.id == room_id)
                .values(
                    round_no=rooms.c.round_no + 1,
                    round_kind=str(kind),
                    round_open=True,
                    revealed=False,
                    chosen=json.dumps(list(chosen)),
                    version=rooms.c.version + 1,
                )
            )
            return self._by_id(conn, room_id)

    def close_round(self, room_id: str) -> None:
        """Close the current round: phones can no longer send (what was sent stays)."""
        self._set(room_id, round_open=False)

    def reveal(self, room_id: str) -> None:
        """Show the estimate round's ratings on the shared screen (closes the round too)."""
        self._set(room_id, round_open=False, revealed=True)

    def token(self, room_id: str) -> str:
        """The room's token, for the moderator's QR code and link (NotFound if the room is gone)."""
        with self._store.reading() as conn:
            found = conn.execute(select(rooms.c.token).where(rooms.c.id == room_id)).scalar()
        if found is None:
            raise _missing()
        return str(found)

    def version(self, room_id: str) -> int:
        """The room's version: grows with every change (0 for a room that is gone)."""
        with self._store.reading() as conn:
            found = conn.execute(select(rooms.c.version).where(rooms.c.id == room_id)).scalar()
        return int(found or 0)

    def room(self, room_id: str) -> Room:
        """A room by its id (NotFound if there is none)."""
        with self._store.reading() as conn:
            return self._by_id(conn, room_id)

    def _set(self, room_id: str, **values: object) -> None:
        with self._store.transaction() as conn:
            conn.execute(update(rooms).where(rooms.c.id == room_id).values(version=rooms.c.version + 1, **values))

    def _by_id(self, conn: Connection, room_id: str) -> Room:
        row = conn.execute(select(rooms).where(rooms.c.id == room_id)).first()
        if row is None:
            raise _missing()
        return _room(row)

    # --- the phones -----------------------------------------------------------------------------

    def admit(self, token: str, now: float) -> Room:
        """The room a participant token opens, with the workshop's name.

        Raises:
            Refused: for an unknown, ended or expired token.
        """
        with self._store.reading() as conn:
            return _admitted(conn, token, now)

    def send_idea(self, token: str, device: str, author: str, idea: IdeaText, now: float) -> None:
        """Keep an idea of the open ideas round (bounded per round and, by its share, per device).

        Both counts are read in the transaction that inserts, so phones sending at once cannot pass them.
        """
        with self._store.transaction() as conn:
            room = _open_round(conn, token, now, RoundKind.IDEAS)
            mine, everyone = conn.execute(
                select(func.coalesce(func.sum(case((entries.c.device == device, 1), else_=0)), 0), func.count()).where(
                    entries.c.room_id == room.id, entries.c.round_no == room.round_no
                )
            ).one()
            if everyone >= IDEAS_PER_ROUND:
                raise RoadmapError(ROUND_FULL)
            if mine >= IDEAS_PER_DEVICE:  # one phone's share: a reload keeps its id, so it cannot fill the round
                raise RoadmapError(PHONE_FULL)
            _insert(conn, room, device, author, "idea", now, title=idea.title, description=idea.description)

    def send_rating(
        self, token: str, device: str, author: str, measure_id: str, value: int, effort: int, now: float
    ) -> None:
        """Keep a phone's rating of a chosen measure (replacing its earlier one)."""
        with self._store.transaction() as conn:
            room = _open_round(conn, token, now, RoundKind.ESTIMATE)
            if measure_id not in room.chosen:
                raise RoadmapError(
                    Message("Diese Maßnahme wird gerade nicht geschätzt.", "This measure is not being estimated.")
                )
            _drop(conn, room, device, measure_id)
            _insert(conn, room, device, author, "rating", now, measure_id=measure_id, value=value, effort=effort)

    def send_ballot(self, token: str, device: str, author: str, dots: Mapping[str, int], now: float) -> None:
        """Keep a phone's dots (checked by rounds.ballot before), replacing its earlier ballot."""
        with self._store.transaction() as conn:
            room = _open_round(conn, token, now, RoundKind.VOTE)
            _drop(conn, room, device)
            _insert(conn, room, device, author, "ballot", now)  # "has voted", even with no dots
            for ident, count in dots.items():
                _insert(conn, room, device, author, "dots", now, measure_id=ident, value=count)

    # --- what was sent ------------------------------------------------------------------------------

    def ideas(self, room: Room) -> list[Idea]:
        """The ideas of the room's current round, oldest first."""
        with self._store.reading() as conn:
            rows = conn.execute(_round(room, "idea").order_by(entries.c.id).with_only_columns(*_IDEA_COLUMNS)).all()
        return [Idea(r.id, r.author, r.title, r.description, r.state, r.device) for r in rows]

    def mark_idea(self, room_id: str, idea_id: int, state: str) -> None:
        """Mark an idea accepted, merged or discarded (the workshop was changed by the caller)."""
        if state not in IDEA_STATES:
            raise ValueError(state)
        with self._store.transaction() as conn:
            conn.execute(
                update(entries).where(entries.c.room_id == room_id, entries.c.id == idea_id).values(state=state)
            )
            conn.execute(update(rooms).where(rooms.c.id == room_id).values(version=rooms.c.version + 1))

    def ratings(self, room: Room) -> list[tuple[str, int, int]]:
        """The current round's ratings as (measure id, value, effort)."""
        with self._store.reading() as conn:
            rows = conn.execute(
                _round(room, "rating").with_only_columns(entries.c.measure_id, entries.c.value, entries.c.effort)
            ).all()
        return [(r.measure_id, r.value, r.effort) for r in rows]

    def raters(self, room: Room) -> int:
        """How many phones rated at least one measure in the current round."""
        return self._devices(room, "rating")

    def voters(self, room: Room) -> int:
        """How many phones sent a ballot in the current round."""
        return self._devices(room, "ballot")

    def totals(self, room: Room) -> dict[str, int]:
        """The current round's dots per measure."""
        with self._store.reading() as conn:
            rows = conn.execute(
                _round(room, "dots")
                .with_only_columns(entries.c.measure_id, func.sum(entries.c.value))
                .group_by(entries.c.measure_id)
            ).all()
        return {ident: int(total) for ident, total in rows}

    def mine(self, room: Room, device: str) -> Iterator[tuple[str, str, int, int]]:
        """What one phone sent in the current round: (kind, measure id or title, value, effort)."""
        with self._store.reading() as conn:
            rows = conn.execute(
                select(entries.c.kind, entries.c.measure_id, entries.c.title, entries.c.value, entries.c.effort).where(
                    entries.c.room_id == room.id, entries.c.round_no == room.round_no, entries.c.device == device
                )
            ).all()
        for r in rows:
            yield r.kind, r.measure_id or r.title, r.value, r.effort

    def _devices(self, room: Room, kind: str) -> int:
        with self._store.reading() as conn:
            found = conn.execute(
                _round(room, kind).with_only_columns(func.count(func.distinct(entries.c.device)))
            ).scalar()
        return int(found or 0)


_IDEA_COLUMNS = (
    entries.c.id,
    entries.c.author,
    entries.c.title,
    entries.c.description,
    entries.c.state,
    entries.c.device,
)


def _round(room: Room, kind: str) -> Any:
    return select(entries).where(
        entries.c.room_id == room.id, entries.c.round_no == room.round_no, entries.c.kind == kind
    )


def _missing() -> Refused:
    return Refused(REFUSED)


def _admitted(conn: Connection, token: str, now: float) -> Room:
    if not token or len(token) > 200:
        raise _missing()
    row = conn.execute(
        select(rooms, workshops.c.name.label("workshop_name"))
        .join(workshops, workshops.c.id == rooms.c.workshop_id)
        .where(rooms.c.token_hash == token_hash(token))
    ).first()
    if row is None or row.ended or row.expires <= now:
        raise _missing()
    return _room(row, row.workshop_name)


def _open_round(conn: Connection, token: str, now: float, kind: RoundKind) -> Room:
    room = _admitted(conn, token, now)
    if not room.round_open or room.round_kind != kind:
        raise RoadmapError(CLOSED)
    conn.execute(update(rooms).where(rooms.c.id == room.id).values(version=rooms.c.version + 1))
    return room


def _drop(conn: Connection, room: Room, device: str, measure_id: str | None = None) -> None:
    where = [entries.c.room_id == room.id, entries.c.round_no == room.round_no, entries.c.device == device]
    if measure_id is not None:
        where.append(entries.c.measure_id == measure_id)
    conn.execute(delete(entries).where(*where))


def _insert(conn: Connection, room: Room, device: str, author: str, kind: str, now: float, **values: object) -> None:
    row: dict[str, object] = dict(
        room_id=room.id,
        round_no=room.round_no,
        device=device[:64],
        author=author,
        kind=kind,
        measure_id="",
        title="",
        description="",
        value=0,
        effort=0,
        state="open",
        created=now,
    )
    row.update(values)
    conn.execute(insert(entries).values(**row))
