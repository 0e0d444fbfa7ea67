"""End to end: a hostile file uploaded in one tab while a colleague works in another (docs/security.md, files
from outside). The server stays up, the uploader reads one sentence, the colleague notices nothing, and the
server itself does not swell: every upload is read in a capped child process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import hostile_files
from tests.browser import ALL_IN_FRONT, AppServer, Chrome, chrome, chromium_or_skip, expect

pytestmark = pytest.mark.browser

UPLOADS = [
    (hostile_files.far_cell_xlsx, "weit.xlsx", "16.384 × 1.048.576 Zellen"),
    (hostile_files.repeated_rows_ods, "wiederholt.ods", "2 × 1.000.001 Zellen"),
    (hostile_files.deep_trello_json, "tief.json", "zu tief verschachtelt"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """One app server for the module, on a database of its own."""
    chromium_or_skip()
    database = tmp_path_factory.mktemp("hostile") / "roadmap.sqlite"
    running = AppServer({"DATABASE_URL": f"sqlite:///{database}"}).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Chrome]:
    """One Chromium whose tabs all stay live, as two people's laptops would."""
    with chrome(ALL_IN_FRONT) as running:
        yield running


def _resident_mb(server: AppServer) -> float:
    assert server.process is not None
    status = Path(f"/proc/{server.process.pid}/status").read_text(encoding="ascii")
    line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def test_hostile_uploads_get_a_sentence_while_a_colleague_keeps_working(
    server: AppServer, browser: Chrome, tmp_path: Path
) -> None:
    uploader, colleague = browser.tab(server.url), browser.tab(server.url)
    uploader.start()
    colleague.start()
    uploader.open("Import / Export")
    before = _resident_mb(server)

    for number, (make, name, words) in enumerate(UPLOADS):
        path = tmp_path / name
        path.write_bytes(make())
        uploader.page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
        revenue = colleague.page.get_by_label("Jahresumsatz (€)", exact=True)
        revenue.fill(str(5_000_000 + number * 1_000_000))
        revenue.press("Enter")  # the colleague's change is saved while the file is being read
        expect(uploader.page.get_by_text(words)).to_be_visible()
        expect(uploader.page.get_by_text("Am Workshop wurde nichts geändert.")).to_be_visible()
        colleague.wait_idle()
        expect(colleague.page.get_by_label("Jahresumsatz (€)", exact=True)).to_have_value(
            str(5_000_000 + number * 1_000_000)
        )

    uploader.shot("hostile-upload-refused")
    assert server.process is not None and server.process.poll() is None
    assert uploader.exceptions() == [] and colleague.exceptions() == []
    assert _resident_mb(server) - before < 50
