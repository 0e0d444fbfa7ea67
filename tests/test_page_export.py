"""The Import / Export page's export: the workbook, the handout and the charts for slides, named and in
the session's language.
"""

from __future__ import annotations

import io
import re
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager

from roadmap.workshop.scenarios import activate, add_scenario
from tests.pages import open_page
from ui.session import demo_workshop

PAGE = "app_pages/08_import_export.py"


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What the page's download buttons would hand the browser: file name -> bytes or a function making them."""
    found: dict[str, Any] = {}
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def record(self: MediaFileManager, data: Any, mimetype: str, coordinates: str, **kwargs: Any) -> Any:
        found[kwargs.get("file_name")] = data
        return add(self, data, mimetype, coordinates, **kwargs)

    def record_deferred(self: MediaFileManager, make: Any, mimetype: Any, coordinates: str, **kwargs: Any) -> Any:
        found[kwargs.get("file_name")] = make
        return add_deferred(self, make, mimetype, coordinates, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", record)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)
    return found


def test_the_workbook_is_named_after_the_company_and_written_in_the_session_language(downloads: dict) -> None:
    open_page(PAGE, lang="en")

    (name,) = [n for n in downloads if n and n.endswith(".xlsx")]
    book = openpyxl.load_workbook(io.BytesIO(downloads[name]()), read_only=True)

    assert re.fullmatch(r"roadmap_Schneider_Feinmechanik_GmbH_\d{4}-\d{2}-\d{2}\.xlsx", name)
    assert book.sheetnames == ["Roadmap", "Gantt", "Budget", "Prioritisation", "Profile", "Measures", "Progress"]


def test_the_charts_become_pngs_for_slides_only_on_request(downloads: dict) -> None:
    app = open_page(PAGE)
    assert not [n for n in downloads if n and n.endswith(".png")]

    app.button(key="export_prepare").click().run()

    assert not app.exception
    pngs = {n.rsplit("_", 1)[-1]: data for n, data in downloads.items() if n and n.endswith(".png")}
    for key in ("matrix.png", "gantt.png", "jahre.png", "quartale.png", "reifegrad.png"):
        assert pngs[key]()[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_download_is_in_the_media_store_before_a_click(downloads: dict) -> None:
    app = open_page(PAGE)

    app.button(key="export_prepare").click().run()

    assert len(downloads) == 7  # the workbook, the handout and five charts
    assert all(callable(made) for made in downloads.values())  # made on click, never stored ahead under /media


def test_the_handout_is_offered_as_a_pdf_in_the_session_language(downloads: dict) -> None:
    open_page(PAGE, lang="en")

    (name,) = [n for n in downloads if n and n.endswith(".pdf")]
    reader = PdfReader(io.BytesIO(downloads[name]()))

    assert re.fullmatch(r"roadmap_Schneider_Feinmechanik_GmbH_\d{4}-\d{2}-\d{2}_handout\.pdf", name)
    assert len(reader.pages) <= 2  # the plan's table may go on on a second page
    assert "Schneider Feinmechanik GmbH" in reader.pages[0].extract_text()
    assert "Every planned measure" in reader.pages[0].extract_text()


def test_with_scenarios_the_workbook_gains_its_scenarios_sheet_and_the_handout_its_table(downloads: dict) -> None:
    workshop = add_scenario(demo_workshop(), "Vier Prozent", {"budget_share": 4})
    open_page(PAGE, activate(workshop, "Vier Prozent"))

    (xlsx,) = [n for n in downloads if n and n.endswith(".xlsx")]
    (pdf,) = [n for n in downloads if n and n.endswith(".pdf")]
    book = openpyxl.load_workbook(io.BytesIO(downloads[xlsx]()), read_only=True)
    text = PdfReader(io.BytesIO(downloads[pdf]())).pages[0].extract_text()

    assert book.sheetnames[-1] == "Szenarien"
    assert "Szenarien im Vergleich" in text
    assert "Szenario: Vier Prozent" in text
