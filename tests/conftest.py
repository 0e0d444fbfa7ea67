"""Shared fixtures.

- `realxlsx`: the folder of spreadsheets written by other people (../shared/realxlsx).
- `tmp_path` (pytest's own) is where tests write workbooks they make.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def realxlsx() -> Path:
    """The spreadsheets written by other people, used as they are."""
    folder = SHARED / "realxlsx"
    if not folder.is_dir():
        pytest.fail(f"{folder} is missing: ../shared must sit beside the repository")
    return folder
