"""Shared fixtures.

- `realxlsx`: the folder of spreadsheets written by other people (../shared/realxlsx).
- `tmp_path` (pytest's own) is where tests write workbooks they make.
- DATABASE_URL points the app's store at a fresh SQLite file for the whole test run.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# The app's store during the tests: a fresh SQLite file, never data/roadmap.sqlite.
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='roadmap-tests-')}/app.sqlite"


@pytest.fixture(scope="session")
def realxlsx() -> Path:
    """The spreadsheets written by other people, used as they are."""
    folder = SHARED / "realxlsx"
    if not folder.is_dir():
        pytest.fail(f"{folder} is missing: ../shared must sit beside the repository")
    return folder
