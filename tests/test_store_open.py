"""Opening the store: new databases are created, old ones upgraded, and bad ones refused untouched.

Schema tests run on SQLite and PostgreSQL; file damage is SQLite's alone.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from roadmap.domain.measure import Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.store import schema as store_schema
from roadmap.store.engine import DEFAULT_FILE, resolve_url
from roadmap.store.records import encode
from roadmap.store.schema import CURRENT_VERSION, UPGRADES, create_v1, metadata
from roadmap.store.workshops import Store, Unavailable
from tests.store_backends import BACKENDS, fresh_database

REPO = Path(__file__).resolve().parent.parent
WORKSHOP = Workshop(measures=(Measure("A", "ERP"), Measure("B", "CRM", depends_on=("A",))), participants=4)


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend."""
    yield from fresh_database(request.param, tmp_path)


def run_sql(url: str, *statements: str) -> list[list[tuple]]:
    """Run statements outside the store (to build old, newer or foreign databases); returns their rows."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    results = []
    with engine.begin() as conn:
        for statement in statements:
            result = conn.execute(text(statement))
            results.append([tuple(r) for r in result.all()] if result.returns_rows else [])
    engine.dispose()
    return results


def tables_and_columns(url: str) -> dict[str, list[str]]:
    """Every table with its column names, to see that nothing was changed."""
    engine = create_engine(url)
    with engine.connect() as conn:
        found = inspect(conn)
        shape = {t: sorted(c["name"] for c in found.get_columns(t)) for t in found.get_table_names()}
    engine.dispose()
    return shape


def test_there_is_one_upgrade_per_schema_version() -> None:
    assert len(UPGRADES) == CURRENT_VERSION


def test_a_new_database_gets_the_current_schema_exactly(url: str) -> None:
    store = Store.open(url)
    store.close()

    expected = {t.name: sorted(c.name for c in t.columns) for t in metadata.sorted_tables}
    assert tables_and_columns(url) == expected
    assert run_sql(url, "SELECT app, version FROM schema_version")[0] == [("digital-roadmap-kmu", CURRENT_VERSION)]


def test_a_version_1_database_is_upgraded_on_open_and_keeps_its_workshops_and_history(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        create_v1(conn)
        conn.execute(
            text(
                "INSERT INTO workshops (id, name, document, version, measures, created, updated) "
                "VALUES ('alt', 'Alter Workshop', :doc, 2, 2, 1, 2)"
            ),
            {"doc": encode(WORKSHOP)},
        )
        conn.execute(
            text(
                "INSERT INTO history (workshop_id, stack, document, measures, created) "
                "VALUES ('alt', 'undo', :doc, 0, 1)"
            ),
            {"doc": encode(Workshop())},
        )
    engine.dispose()
    assert "snapshots" not in tables_and_columns(url)

    store = Store.open(url)

    assert store.found_version == 1
    assert store.load("alt") == (WORKSHOP, 2)
    assert store.undo_state("alt").undo == 1
    snapshot = store.take_snapshot("alt", "nach dem Upgrade")
    assert store.undo("alt", 2) == (Workshop(), 3)
    assert store.load_snapshot(snapshot) == WORKSHOP
    store.close()
    assert run_sql(url, "SELECT version FROM schema_version")[0] == [(CURRENT_VERSION,)]
    expected = {t.name: sorted(c.name for c in t.columns) for t in metadata.sorted_tables}
    assert tables_and_columns(url) == expected


def test_an_upgrade_that_fails_half_way_leaves_the_database_at_its_old_version(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        create_v1(conn)
    engine.dispose()
    before = tables_and_columns(url)

    def broken_upgrade(conn: object) -> None:
        UPGRADES[1](conn)
        raise RuntimeError("Stromausfall mitten im Upgrade")

    monkeypatch.setattr(store_schema, "UPGRADES", (create_v1, broken_upgrade))
    with pytest.raises(RuntimeError):
        Store.open(url)

    assert tables_and_columns(url) == before
    assert run_sql(url, "SELECT version FROM schema_version")[0] == [(1,)]
    monkeypatch.undo()
    Store.open(url).close()
    assert run_sql(url, "SELECT version FROM schema_version")[0] == [(CURRENT_VERSION,)]


def test_a_database_from_a_newer_program_is_refused_and_not_upgraded(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        create_v1(conn)
        conn.execute(text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    before = tables_and_columns(url)

    with pytest.raises(RoadmapError) as refused:
        Store.open(url)

    assert "neueren Programmversion (Schema 99" in refused.value.text("de")
    assert "newer version of the program" in refused.value.text("en")
    assert tables_and_columns(url) == before
    assert run_sql(url, "SELECT version FROM schema_version")[0] == [(99,)]


def test_a_database_holding_another_programs_workshops_table_is_refused(url: str) -> None:
    run_sql(
        url,
        "CREATE TABLE workshops (nr INTEGER PRIMARY KEY, kunde VARCHAR(50))",
        "INSERT INTO workshops VALUES (1, 'X')",
    )

    with pytest.raises(RoadmapError) as refused:
        Store.open(url)

    assert "gehört nicht zur Digital-Roadmap" in refused.value.text("de")
    assert tables_and_columns(url) == {"workshops": ["kunde", "nr"]}
    assert run_sql(url, "SELECT * FROM workshops")[0] == [(1, "X")]


def test_a_foreign_sqlite_file_is_refused_byte_for_byte_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "kunden.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE kunden (name TEXT)")
        conn.execute("INSERT INTO kunden VALUES ('Meier')")
    conn.close()
    before = path.read_bytes()

    with pytest.raises(RoadmapError) as refused:
        Store.open(f"sqlite:///{path}")

    assert "kunden" in refused.value.text("de") and "It was left unchanged" in refused.value.text("en")
    assert path.read_bytes() == before


def test_a_shared_postgresql_database_with_unrelated_tables_is_used(tmp_path: Path) -> None:
    urls = fresh_database("postgresql", tmp_path)
    url = next(urls)
    try:
        run_sql(url, "CREATE TABLE kunden (name VARCHAR(20))", "INSERT INTO kunden VALUES ('Meier')")
        store = Store.open(url)
        store.create(WORKSHOP, "W")
        store.close()
        assert run_sql(url, "SELECT name FROM kunden")[0] == [("Meier",)]
    finally:
        urls.close()


@pytest.mark.parametrize(
    "content",
    [b"Hallo, ich bin eine Textdatei.\n" * 50, b"PK\x03\x04" + bytes(range(256)) * 20, b"\x00" * 4096],
    ids=["text", "zip", "zeros"],
)
def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "roadmap.sqlite"
    path.write_bytes(content)

    with pytest.raises(RoadmapError) as refused:
        Store.open(f"sqlite:///{path}")

    assert "keine SQLite-Datenbank" in refused.value.text("de")
    assert path.read_bytes() == content


def test_a_damaged_database_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.sqlite"
    store = Store.open(f"sqlite:///{path}")
    for number in range(30):
        store.create(Workshop(measures=tuple(Measure(f"M{i}", f"Maßnahme {i}") for i in range(40))), f"W{number}")
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[page : 3 * page] = bytes(range(256)) * (2 * page // 256)
    path.write_bytes(bytes(data))

    with pytest.raises(RoadmapError) as refused:
        Store.open(f"sqlite:///{path}")

    assert "beschädigt" in refused.value.text("de") and "damaged" in refused.value.text("en")
    assert path.read_bytes() == bytes(data)


def test_an_unreachable_postgresql_server_is_named_without_its_password() -> None:
    with pytest.raises(Unavailable) as refused:
        Store.open("postgresql://roadmap:geheim@127.0.0.1:1/roadmap")

    german, english = refused.value.text("de"), refused.value.text("en")
    assert "nicht erreichbar" in german and "127.0.0.1:1/roadmap" in german
    assert "cannot be reached" in english
    assert "geheim" not in german + english


@pytest.mark.parametrize("bad", ["mysql://u:p@host/db", "das ist keine adresse", "oracle://x"])
def test_an_unsupported_or_garbled_url_is_explained(bad: str) -> None:
    with pytest.raises(RoadmapError) as refused:
        Store.open(bad)

    assert "DATABASE_URL" in refused.value.text("de")


def test_the_default_is_database_url_else_a_sqlite_file_under_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert resolve_url(None).database == str(DEFAULT_FILE)
    assert DEFAULT_FILE == REPO / "data" / "roadmap.sqlite"

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite'}")
    store = Store.open()
    store.create(WORKSHOP, "W")
    store.close()

    assert (tmp_path / "env.sqlite").exists()
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"


def test_sqlite_runs_in_wal_mode_with_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'r.sqlite'}")
    with store.transaction() as conn:
        settings = [
            conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "synchronous", "foreign_keys")
        ]
    store.close()

    assert settings == ["wal", 2, 1]


KILLED_WRITER = """
import os, signal, sys
from roadmap.domain.workshop import Workshop
from roadmap.store.workshops import Store
store = Store.open(sys.argv[1])
workshop_id = store.create(Workshop(), "Vor dem Absturz")
version = 1
for count in range(1, 6):
    version = store.save(workshop_id, Workshop(participants=count), version)
print(workshop_id, version, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_change_reported_as_saved_survives_kill_9(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'roadmap.sqlite'}"
    process = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED_WRITER), url],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert process.returncode == -signal.SIGKILL, process.stderr
    workshop_id, version = process.stdout.split()

    store = Store.open(url)

    assert store.load(workshop_id) == (Workshop(participants=5), int(version))
    store.close()
