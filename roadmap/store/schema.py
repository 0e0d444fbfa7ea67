"""The store's tables, its schema versions and their upgrades, and the checks made before anything is written.

The schema is versioned by a one-row table `schema_version` (app, version). Opening a database
applies the missing upgrades in order, each in its own transaction together with the new version
number. A database that is not ours, is damaged or comes from a newer program is refused before
anything is written.

Versions:
  1. workshops (the current document per workshop) and history (its undo and redo stacks).
  2. snapshots (named copies of a workshop), and a label per history entry ("Budgetanteil geändert").
  3. rooms (participation from phones: token, room code, the current round) and entries (what the
     phones sent: ideas, ratings, dots), see roadmap/store/participation.py.
  4. stages (the page each workshop's moderator is on, for the room screen to follow) and phones (when
     each phone of a room was last seen), see roadmap/store/presence.py.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)

from roadmap.domain.messages import Message, RoadmapError

APP = "digital-roadmap-kmu"
CURRENT_VERSION = 4
# Every table this program has ever created; any other table makes a SQLite file foreign.
OUR_TABLES = frozenset({"schema_version", "workshops", "history", "snapshots", "rooms", "entries", "stages", "phones"})
# Serialises schema upgrades of several app servers sharing one PostgreSQL database.
_PG_UPGRADE_LOCK = 7_461_202_604

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("app", String(40), primary_key=True),
    Column("version", Integer, nullable=False),
)

workshops = Table(
    "workshops",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("document", LargeBinary, nullable=False),
    Column("version", Integer, nullable=False),
    Column("measures", Integer, nullable=False),
    Column("created", Float, nullable=False),
    Column("updated", Float, nullable=False),
)

history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", String(32), ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("stack", String(4), nullable=False),
    Column("document", LargeBinary, nullable=False),
    Column("measures", Integer, nullable=False),
    Column("created", Float, nullable=False),
    Column("label_de", Text, nullable=False, server_default=""),
    Column("label_en", Text, nullable=False, server_default=""),
    Index("history_by_workshop", "workshop_id", "stack", "id"),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("workshop_id", String(32), ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("document", LargeBinary, nullable=False),
    Column("measures", Integer, nullable=False),
    Column("created", Float, nullable=False),
    Index("snapshots_by_workshop", "workshop_id", "created"),
)

rooms = Table(
    "rooms",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("workshop_id", String(32), ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("token", String(64), nullable=False),
    Column("code", String(16), nullable=False),
    Column("created", Float, nullable=False),
    Column("expires", Float, nullable=False),
    Column("ended", Boolean, nullable=False),
    Column("round_no", Integer, nullable=False),
    Column("round_kind", String(16), nullable=False),
    Column("round_open", Boolean, nullable=False),
    Column("revealed", Boolean, nullable=False),
    Column("chosen", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Index("rooms_by_workshop", "workshop_id", "ended"),
)

entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("room_id", String(32), ForeignKey("rooms.id", ondelete="CASCADE"), nullable=False),
    Column("round_no", Integer, nullable=False),
    Column("device", String(64), nullable=False),
    Column("author", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("measure_id", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("value", Integer, nullable=False),
    Column("effort", Integer, nullable=False),
    Column("state", String(16), nullable=False),
    Column("created", Float, nullable=False),
    Index("entries_by_round", "room_id", "round_no", "kind", "device"),
)

stages = Table(
    "stages",
    metadata,
    Column("workshop_id", String(32), ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("page", String(40), nullable=False),
    Column("section", String(20), nullable=False),
    Column("lang", String(2), nullable=False),
    Column("updated", Float, nullable=False),
    Column("moved_to", String(32), nullable=False),
    Column("screen_seen", Float, nullable=False),
)

phones = Table(
    "phones",
    metadata,
    Column("room_id", String(32), ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True),
    Column("device", String(64), primary_key=True),
    Column("seen", Float, nullable=False),
    Index("phones_by_room", "room_id", "seen"),
)


def create_v1(conn: Connection) -> None:
    """Create the first schema (version 1): kept as it was, so that upgrades from it stay tested."""
    v1 = MetaData()
    Table(
        "schema_version",
        v1,
        Column("app", String(40), primary_key=True),
        Column("version", Integer, nullable=False),
    )
    Table(
        "workshops",
        v1,
        Column("id", String(32), primary_key=True),
        Column("name", String(200), nullable=False),
        Column("document", LargeBinary, nullable=False),
        Column("version", Integer, nullable=False),
        Column("measures", Integer, nullable=False),
        Column("created", Float, nullable=False),
        Column("updated", Float, nullable=False),
    )
    Table(
        "history",
        v1,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("workshop_id", String(32), ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
        Column("stack", String(4), nullable=False),
        Column("document", LargeBinary, nullable=False),
        Column("measures", Integer, nullable=False),
        Column("created", Float, nullable=False),
        Index("history_by_workshop", "workshop_id", "stack", "id"),
    )
    v1.create_all(conn)
    conn.execute(schema_version.insert().values(app=APP, version=1))


def _upgrade_1_to_2(conn: Connection) -> None:
    """Version 2: snapshots, and a label per history entry."""
    conn.execute(text("ALTER TABLE history ADD COLUMN label_de TEXT NOT NULL DEFAULT ''"))
    conn.execute(text("ALTER TABLE history ADD COLUMN label_en TEXT NOT NULL DEFAULT ''"))
    snapshots.create(conn)


def _upgrade_2_to_3(conn: Connection) -> None:
    """Version 3: participation from phones (rooms and what the phones sent)."""
    rooms.create(conn)
    entries.create(conn)


def _upgrade_3_to_4(conn: Connection) -> None:
    """Version 4: the moderator's stage per workshop (the room screen follows it) and the phones seen per room."""
    stages.create(conn)
    phones.create(conn)


# Upgrade i+1 brings a database from version i to version i+1 (index 0 creates version 1).
UPGRADES: tuple[Callable[[Connection], None], ...] = (create_v1, _upgrade_1_to_2, _upgrade_2_to_3, _upgrade_3_to_4)


def foreign(where: str, tables: list[str]) -> RoadmapError:
    """The error for a database that belongs to some other program."""
    names = ", ".join(sorted(tables)[:6])
    return RoadmapError(
        Message(
            f"Die Datenbank {where} gehört nicht zur Digital-Roadmap (sie enthält fremde Tabellen: {names}). "
            "Sie wurde nicht verändert. Bitte DATABASE_URL auf eine leere oder eine Roadmap-Datenbank setzen.",
            f"The database {where} does not belong to the Digital Roadmap (it holds other tables: {names}). "
            "It was left unchanged. Please point DATABASE_URL at an empty database or a roadmap database.",
        )
    )


def newer(where: str, version: int) -> RoadmapError:
    """The error for a database written by a newer version of the program."""
    return RoadmapError(
        Message(
            f"Die Datenbank {where} stammt aus einer neueren Programmversion (Schema {version}, dieses Programm "
            f"kennt bis {CURRENT_VERSION}). Sie wurde nicht verändert. Bitte das Programm aktualisieren.",
            f"The database {where} comes from a newer version of the program (schema {version}, this program "
            f"knows up to {CURRENT_VERSION}). It was left unchanged. Please update the program.",
        )
    )


def stored_version(conn: Connection, where: str, strict: bool) -> int:
    """The schema version of the database (0 if it is empty), after checking that it is ours.

    Args:
        conn: an open connection; only read from.
        where: the database's name for messages (path or URL without password).
        strict: True for a SQLite file, where any table of another program makes the file foreign;
            on a shared PostgreSQL database only tables with our names count.

    Raises:
        RoadmapError: if the database belongs to another program or to a newer version of this one.
    """
    tables = [name for name in inspect(conn).get_table_names() if not name.startswith("sqlite_")]
    if "schema_version" not in tables:
        clashing = [name for name in tables if strict or name in OUR_TABLES]
        if clashing:
            raise foreign(where, clashing)
        return 0
    columns = {c["name"] for c in inspect(conn).get_columns("schema_version")}
    if not {"app", "version"} <= columns:
        raise foreign(where, tables)
    version = conn.execute(select(schema_version.c.version).where(schema_version.c.app == APP)).scalar()
    if version is None:
        raise foreign(where, tables)
    if version > CURRENT_VERSION:
        raise newer(where, version)
    return int(version)


def upgrade(conn_factory: Callable[[], AbstractContextManager[Connection]], dialect: str, where: str) -> int:
    """Bring the database to CURRENT_VERSION, one transaction per step; returns the version found at first.

    `conn_factory()` must return a context manager that yields a connection inside a write transaction
    (committed on leaving it without an error).
    """
    found: int | None = None
    while True:
        with conn_factory() as conn:
            if dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_UPGRADE_LOCK})
            version = stored_version(conn, where, strict=dialect == "sqlite")
            if found is None:
                found = version
            if version == CURRENT_VERSION:
                return found
            UPGRADES[version](conn)
            if version > 0:
                conn.execute(schema_version.update().where(schema_version.c.app == APP).values(version=version + 1))
