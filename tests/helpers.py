"""Helpers shared by the tests (import them from here; nothing imports from conftest.py).

- `REPO`: the repository's root folder.
- `REALXLSX`: spreadsheets written by other people (real project plans and edge cases), kept outside
  the repository in a folder `shared/realxlsx` beside it, because their licences are their own.
- `realxlsx_or_skip()`: that folder, or a skip with the reason when it is absent – a failure instead
  where `ROADMAP_REQUIRE_REALXLSX=1` (set by .ci/run), as for the browser and LibreOffice tests.
- `NEEDS_LIBREOFFICE`: the marks of a test (or, as `pytestmark`, a module) that lets LibreOffice open a
  workbook: it skips without `soffice`, except where `ROADMAP_REQUIRE_LIBREOFFICE` is set (by .ci/run),
  where it runs and fails; `needs_libreoffice` puts them on one test.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")

REPO = Path(__file__).resolve().parent.parent
# The day the app believes it is during the in-process tests (tests/conftest.py sets ROADMAP_TODAY).
FIXED_TODAY = date(2026, 12, 1)
REALXLSX = REPO.parent / "shared" / "realxlsx"
REQUIRE_REALXLSX = "ROADMAP_REQUIRE_REALXLSX"


def realxlsx_or_skip() -> Path:
    """The folder of real-world spreadsheets; skips (or fails under ROADMAP_REQUIRE_REALXLSX=1) without it."""
    if REALXLSX.is_dir():
        return REALXLSX
    problem = (
        f"the spreadsheets written by other people are not here: {REALXLSX} is missing "
        "(a folder shared/realxlsx beside the repository)"
    )
    if os.environ.get(REQUIRE_REALXLSX) == "1":
        pytest.fail(f"the realxlsx tests are mandatory here ({REQUIRE_REALXLSX}=1): {problem}")
    pytest.skip(f"realxlsx tests skipped: {problem}")


NEEDS_LIBREOFFICE = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None and not os.environ.get("ROADMAP_REQUIRE_LIBREOFFICE"),
        reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
    ),
]


def needs_libreoffice(test: T) -> T:
    """Mark one test as needing LibreOffice (see NEEDS_LIBREOFFICE)."""
    for mark in NEEDS_LIBREOFFICE:
        test = mark(test)
    return test
