"""No file takes the server down (docs/security.md): small files shaped to be enormous once read are refused
with a sentence, by the cheap shape checks where they can tell, else by the capped child process that reads
every upload (roadmap/importing/sandbox.py). The files are made by tests/hostile_files.py."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from roadmap.importing import sandbox
from roadmap.importing.files import read_sheets
from roadmap.importing.raw_sheets import ImportFailed, Limits
from roadmap.importing.sandbox import Guard, read_sheets_apart
from tests import hostile_files
from tests.helpers import REPO
from tests.pages import held, open_page, upload

EXAMPLE = REPO / "data" / "beispiel_massnahmen.xlsx"
# Every hostile file and the words its refusal must contain.
REFUSALS = [
    ("far cell", "16.384 × 1.048.576 Zellen"),
    ("huge cell", "mehr als 32.767 Zeichen"),
    ("zip bomb", "entpackt zu groß"),
    ("repeated rows", "2 × 1.000.001 Zellen"),
    ("repeated columns", "16.384 × 1.001 Zellen"),
    ("deep json", "zu tief verschachtelt"),
    ("60,000 cards", "zu viele Zeilen (60.000)"),
    ("60,000 tasks", "zu viele Zeilen (60.000)"),
]
# The shape checks switched off: only the child's caps stand between the file and the server.
NO_CHECKS = Limits(max_rows=10**8, max_cells=10**12, max_cell_characters=10**7)


@pytest.fixture(scope="module")
def hostile() -> dict[str, tuple[str, bytes]]:
    """Each hostile file's name and bytes, made once for the module."""
    return {key: (name, make()) for key, (name, make) in hostile_files.HOSTILE.items()}


@pytest.mark.parametrize(("key", "words"), REFUSALS)
@pytest.mark.parametrize("reader", [read_sheets_apart, read_sheets], ids=["app: read apart", "command line: at home"])
def test_a_hostile_file_is_refused_with_its_sentence(
    hostile: dict[str, tuple[str, bytes]], key: str, words: str, reader: Callable[[bytes, str], object]
) -> None:
    name, data = hostile[key]

    with pytest.raises(ImportFailed) as refused:
        reader(data, name)

    assert words in refused.value.text("de")
    assert "Traceback" not in refused.value.text("de")


def test_the_far_cell_no_longer_aborts_the_command_line(tmp_path: Path) -> None:
    listed = tmp_path / "weit.xlsx"
    listed.write_bytes(hostile_files.far_cell_xlsx())

    done = subprocess.run(
        [sys.executable, "-m", "roadmap", "plan", str(listed), "--out", str(tmp_path / "out.xlsx")],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "ROADMAP_LANG": "de", "PYTHONPATH": str(REPO)},
        timeout=120,
        check=False,
    )

    assert done.returncode == 2, done.stderr
    assert "16.384 × 1.048.576 Zellen" in done.stderr and "panicked" not in done.stderr


@pytest.mark.parametrize("key", ["far cell", "repeated rows", "repeated columns"])
def test_what_the_shape_checks_miss_the_child_refuses_for_its_memory(
    hostile: dict[str, tuple[str, bytes]], key: str
) -> None:
    name, data = hostile[key]

    with pytest.raises(ImportFailed) as refused:
        read_sheets_apart(data, name, NO_CHECKS)

    assert "mehr als 400 MB Speicher" in refused.value.text("de")


def test_a_reading_that_takes_too_long_is_stopped_and_said() -> None:
    with pytest.raises(ImportFailed) as refused:
        read_sheets_apart(EXAMPLE.read_bytes(), EXAMPLE.name, guard=Guard(seconds=0.001))

    assert "länger als 0.001 Sekunden" in refused.value.text("de")


def test_a_reader_that_crashes_becomes_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "_CHILD", "import os; os.abort()")

    with pytest.raises(ImportFailed) as refused:
        read_sheets_apart(EXAMPLE.read_bytes(), EXAMPLE.name)

    assert "Das Leseprogramm ist an ihr gescheitert".lower() in refused.value.text("de").lower()


def test_an_answer_naming_anything_but_sheet_parts_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    smuggled = pickle.dumps(("ok", [print]))
    monkeypatch.setattr(sandbox, "_CHILD", f"import sys; sys.stdout.buffer.write({smuggled!r})")

    with pytest.raises(ImportFailed, match="gescheitert"):
        read_sheets_apart(EXAMPLE.read_bytes(), EXAMPLE.name)


@pytest.mark.parametrize(
    "path", [EXAMPLE, REPO / "data" / "beispiel_massnahmen.csv", *sorted((REPO / "tests" / "fixtures").glob("*.*s"))]
)
def test_a_list_read_apart_is_the_list_read_at_home(path: Path) -> None:
    assert read_sheets_apart(path.read_bytes(), path.name) == read_sheets(path, path.name)


def test_a_long_note_in_a_csv_list_is_refused_with_its_row_and_column() -> None:
    with pytest.raises(ImportFailed) as refused:
        read_sheets(hostile_files.long_cell_csv(40_000), "liste.csv")

    text = refused.value.text("de")
    assert "Zeile 2, Spalte C" in text and "40.000 Zeichen" in text and "höchstens 32.767" in text


@pytest.mark.parametrize("key", ["far cell", "repeated rows", "deep json"])
def test_the_import_page_says_why_and_changes_nothing(hostile: dict[str, tuple[str, bytes]], key: str) -> None:
    app: AppTest = open_page("app_pages/08_import_export.py")
    before = held(app).revision
    name, data = hostile[key]

    upload(app, name=name, data=data)

    assert not app.exception
    assert "Am Workshop wurde nichts geändert." in app.error[0].value
    assert held(app).revision == before


def test_no_more_files_are_read_at_once_than_the_server_has_readers() -> None:
    taken = [sandbox._READERS.acquire(blocking=False) for _ in range(sandbox.READERS_AT_ONCE)]
    try:
        assert all(taken)
        with pytest.raises(ImportFailed) as refused:
            read_sheets_apart(EXAMPLE.read_bytes(), EXAMPLE.name, guard=Guard(seconds=0.05))
    finally:
        for _ in taken:
            sandbox._READERS.release()

    assert "liest gerade die Dateien anderer" in refused.value.text("de")
    assert read_sheets_apart(EXAMPLE.read_bytes(), EXAMPLE.name)  # free again once they are done
