"""Shared fixtures (helpers that tests import live in tests/helpers.py, not here).

- `app_store` (session, automatic): the app's store during the tests is a fresh SQLite file,
  never data/roadmap.sqlite – DATABASE_URL points at it for the whole run and is restored after;
  and the app's today (ui/clock.py) is a fixed day, FIXED_TODAY (1 December 2026), so page tests
  never depend on the clock. Browser tests run their server with the real date (tests/browser.py).
- `realxlsx`: the folder of spreadsheets written by other people (tests/helpers.py); a test that
  asks for it skips with the reason when the folder is absent, or fails under
  ROADMAP_REQUIRE_REALXLSX=1.
- `compiled_once` (session, automatic): AppTest runs share one compiled copy of each script, and one
  scan of the installed packages for Streamlit components.
- `one_browser_per_worker` (session, automatic): the browser tests of a worker share one Playwright
  driver and Chromium, stopped at the end (tests/browser.py, `chrome`).
- `tmp_path` (pytest's own) is where tests write workbooks they make.

Hypothesis runs every property without its per-example deadline (200 ms by default): on a loaded
machine, or with the tests spread over every core, an example may take longer without anything being
wrong, and speed is measured in bench/, never asserted by tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.browser import stop_browsers
from tests.helpers import FIXED_TODAY, realxlsx_or_skip
from tests.pages import compile_once

settings.register_profile("roadmap", deadline=None)
settings.load_profile("roadmap")


@pytest.fixture(scope="session", autouse=True)
def app_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """DATABASE_URL names a fresh SQLite file for the whole test run (set when the first test starts)."""
    target = tmp_path_factory.mktemp("app-store") / "app.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", f"sqlite:///{target}")
        patch.setenv("ROADMAP_TODAY", FIXED_TODAY.isoformat())
        yield target


@pytest.fixture(scope="session", autouse=True)
def compiled_once() -> None:
    """Every AppTest of a worker shares one script cache, as all sessions of a running server do: AppTest
    would compile app.py and the page afresh (Streamlit's "magic" rewriting included) on every run, some
    35 ms each, over a thousand times in the suite. The scripts do not change while the tests run. Each new
    AppTest would also read every installed package's metadata looking for components (some 0.2 s)."""
    compile_once()


@pytest.fixture(scope="session", autouse=True)
def one_browser_per_worker() -> Iterator[None]:
    """The browser tests of a worker share one Playwright driver and Chromium (tests/browser.py, `chrome`),
    each test in contexts of its own; they stop when the worker's tests are done."""
    yield
    stop_browsers()


@pytest.fixture(scope="session")
def realxlsx() -> Path:
    """The spreadsheets written by other people, used as they are."""
    return realxlsx_or_skip()
