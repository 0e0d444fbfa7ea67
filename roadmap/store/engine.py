"""Opening the database behind the store: the URL, SQLite's safety settings, and refusing bad databases early.

- No URL: env DATABASE_URL, else the SQLite file data/roadmap.sqlite in the repository.
- SQLite: WAL journal, synchronous=FULL (a change reported as saved survives kill -9 and power loss),
  foreign keys on, and write transactions that take the write lock at BEGIN (BEGIN IMMEDIATE), so
  two servers or threads never fail half-way through a change.
- PostgreSQL: `postgresql://`, `postgres://` and `postgresql+psycopg://` all use psycopg 3.
- Before anything is written, a SQLite file is read-only checked: a file that is not SQLite, a damaged
  file or a database of another program is refused with a message and left byte for byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import NullPool, StaticPool

from roadmap.domain.messages import Message, RoadmapError
from roadmap.store.records import Unavailable
from roadmap.store.schema import stored_version

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "roadmap.sqlite"  # the repository's data/
SQLITE_HEADER = b"SQLite format 3\x00"
READ_ONLY = "roadmap_read_only"
BUSY_SECONDS = 30
CONNECT_SECONDS = 5


def resolve_url(url: str | None) -> URL:
    """The database URL to use: the argument, else env DATABASE_URL, else the default SQLite file.

    Raises:
        RoadmapError: if the URL cannot be read or names a database other than SQLite or PostgreSQL.
    """
    given = url or os.environ.get("DATABASE_URL") or ""
    if not given.strip():
        return URL.create("sqlite", database=str(DEFAULT_FILE))
    try:
        parsed = make_url(given.strip())
    except ArgumentError as error:
        raise RoadmapError(
            Message(
                f"DATABASE_URL ist keine gültige Datenbank-Adresse ({error}). Beispiel: "
                "postgresql://benutzer:passwort@server/roadmap oder sqlite:///pfad/roadmap.sqlite",
                f"DATABASE_URL is not a valid database address ({error}). Example: "
                "postgresql://user:password@server/roadmap or sqlite:///path/roadmap.sqlite",
            )
        ) from error
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return parsed.set(drivername="sqlite")
    raise RoadmapError(
        Message(
            f"Die Datenbank '{backend}' wird nicht unterstützt: DATABASE_URL muss mit sqlite:// oder "
            "postgresql:// beginnen.",
            f"The database '{backend}' is not supported: DATABASE_URL must start with sqlite:// or postgresql://.",
        )
    )


def describe(url: URL) -> str:
    """The database's name for messages: the file path, or the URL without the password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _in_memory(url: URL) -> bool:
    return not url.database or url.database == ":memory:" or url.query.get("mode") == "memory"


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a healthy SQLite database of ours, reading it only.

    Raises:
        RoadmapError: if the file is a folder, not a SQLite file, damaged, foreign or from a newer program.
    """
    where = str(path)
    if path.is_dir():
        raise RoadmapError(
            Message(f"{where} ist ein Ordner, keine Datenbank-Datei.", f"{where} is a folder, not a database file.")
        )
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise RoadmapError(
            Message(
                f"Die Datei {where} ist keine SQLite-Datenbank. Sie wurde nicht verändert. Bitte DATABASE_URL "
                "auf eine andere Datei setzen oder die Datei an einen anderen Ort verschieben.",
                f"The file {where} is not a SQLite database. It was left unchanged. Please point DATABASE_URL "
                "at another file or move the file elsewhere.",
            )
        )
    probe = create_engine(f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro&uri=true", poolclass=NullPool)
    try:
        with probe.connect() as conn:
            result = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").all()]
            if result != ["ok"]:
                raise _damaged(where, "; ".join(result[:3]))
            stored_version(conn, where, strict=True)
    except DBAPIError as error:
        raise _damaged(where, str(error.orig or error).splitlines()[0]) from error
    finally:
        probe.dispose()


def _damaged(where: str, detail: str) -> RoadmapError:
    return RoadmapError(
        Message(
            f"Die Datenbank {where} ist beschädigt ({detail}). Sie wurde nicht verändert. Bitte eine "
            "Sicherung zurückspielen oder DATABASE_URL auf eine andere Datei setzen.",
            f"The database {where} is damaged ({detail}). It was left unchanged. Please restore a backup "
            "or point DATABASE_URL at another file.",
        )
    )


def _sqlite_engine(url: URL, synchronous: str) -> Engine:
    if _in_memory(url):
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        path = Path(url.database or "")
        check_sqlite_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RoadmapError(
                Message(
                    f"Der Ordner {path.parent} für die Datenbank lässt sich nicht anlegen ({error.strerror}).",
                    f"The folder {path.parent} for the database cannot be created ({error.strerror}).",
                )
            ) from error
        engine = create_engine(url, connect_args={"timeout": BUSY_SECONDS, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's BEGIN below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
        if not _in_memory(url):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        read_only = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def unreachable(where: str, error: BaseException) -> Unavailable:
    """The error for a database server that cannot be reached or refuses the login."""
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0][:300]
    return Unavailable(
        Message(
            f"Die Datenbank {where} ist nicht erreichbar ({detail}). Läuft der Server, und stimmen Adresse, "
            "Benutzer und Passwort in DATABASE_URL? An den Daten wurde nichts verändert.",
            f"The database {where} cannot be reached ({detail}). Is the server running, and are address, user "
            "and password in DATABASE_URL right? No data was changed.",
        )
    )


def _postgres_engine(url: URL) -> Engine:
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_SECONDS})
    except (NoSuchModuleError, ImportError) as error:
        raise RoadmapError(
            Message(
                "Für PostgreSQL fehlt das Paket psycopg: pip install 'psycopg[binary]'.",
                "PostgreSQL needs the package psycopg: pip install 'psycopg[binary]'.",
            )
        ) from error
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        engine.dispose()
        raise unreachable(describe(url), error) from error
    return engine


def open_engine(url: URL, synchronous: str = "FULL") -> Engine:
    """An engine for the URL with the store's settings, after the read-only checks of a SQLite file.

    Raises:
        RoadmapError: see `check_sqlite_file`; Unavailable if a PostgreSQL server cannot be reached.
    """
    if synchronous not in ("FULL", "NORMAL", "EXTRA"):
        raise ValueError(f"synchronous must be FULL, NORMAL or EXTRA, not {synchronous!r}")
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, synchronous)
    return _postgres_engine(url)
