"""The databases the store's tests run on: a SQLite file in tmp_path, and a fresh PostgreSQL database per test.

PostgreSQL: set ROADMAP_TEST_POSTGRES_URL to an account that may create databases, e.g.
postgresql+psycopg://roadmap:roadmap@localhost/postgres. Without it the PostgreSQL variants skip,
unless ROADMAP_REQUIRE_POSTGRES=1 (as in CI), where they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

POSTGRES_URL_VARIABLE = "ROADMAP_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def postgres_admin_url() -> str | None:
    """The admin URL from the environment, or skip/fail the test if there is none."""
    url = os.environ.get(POSTGRES_URL_VARIABLE, "").strip()
    if url:
        return url
    message = (
        f"PostgreSQL variant skipped: set {POSTGRES_URL_VARIABLE}=postgresql+psycopg://USER:PASSWORD@HOST/postgres "
        "(an account that may create databases) to run the store's tests on PostgreSQL too."
    )
    if os.environ.get("ROADMAP_REQUIRE_POSTGRES") == "1":
        pytest.fail(message + " ROADMAP_REQUIRE_POSTGRES=1 makes this mandatory.")
    pytest.skip(message)
    return None


def _admin_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, isolation_level="AUTOCOMMIT", pool_size=1)


def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of an empty database of the backend; a PostgreSQL one is dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'roadmap.sqlite'}"
        return
    admin_url = postgres_admin_url()
    assert admin_url is not None
    admin = _admin_engine(admin_url)
    name = f"roadmap_test_{secrets.token_hex(6)}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield (
            make_url(admin_url)
            .set(drivername="postgresql+psycopg", database=name)
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
