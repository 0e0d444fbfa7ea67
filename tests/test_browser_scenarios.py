"""End to end in headless Chromium: scenarios side by side on the Szenarien page, then the handout downloaded.

Screenshots go to test-output/screenshots/ (scenarios-*.png), the downloaded handout rendered to
PNG beside them where pypdfium2 is installed, for a person to look at.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser import SCREENSHOTS, browser_tab, chromium_or_skip, expect, served_app

pytestmark = pytest.mark.browser


def _render(pdf: Path) -> None:
    """Keep the handout's first page as a PNG beside the screenshots (skipped without pypdfium2)."""
    try:
        import pypdfium2  # type: ignore[import-not-found]
    except ImportError:
        return
    document = pypdfium2.PdfDocument(str(pdf))
    document[0].render(scale=2).to_pil().save(SCREENSHOTS / "scenarios-3-handout.png")
    document.close()


def test_two_scenarios_side_by_side_one_activated_and_the_handout_downloaded(tmp_path: Path) -> None:
    chromium_or_skip()
    with served_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'scenarios.sqlite'}"}) as url, browser_tab(url) as tab:
        tab.start()
        tab.open("Szenarien")
        expect(tab.page.get_by_text("Bisher gibt es nur die")).to_be_visible()

        tab.page.get_by_label("Name", exact=True).first.fill("Vier Prozent")
        share = tab.page.get_by_label("Budget (% vom Umsatz)").first
        share.fill("4")
        tab.page.get_by_role("button", name="Szenario anlegen").click()
        tab.wait_idle()
        expect(tab.page.get_by_role("heading", name="Vier Prozent")).to_be_visible()
        expect(tab.page.get_by_role("heading", name="Basis")).to_be_visible()
        tab.shot("scenarios-1-side-by-side")
        assert tab.exceptions() == []

        tab.page.get_by_role("button", name="Aktivieren").last.click()
        tab.wait_idle()
        expect(tab.page.get_by_text("Aktiv: alle Seiten zeigen dieses Szenario.")).to_have_count(1)
        tab.open("Budget")
        expect(tab.page.get_by_text(re.compile("Aktives Szenario: Vier Prozent"))).to_be_visible()
        tab.shot("scenarios-2-budget-active")

        tab.open("Import / Export")
        with tab.page.expect_download() as download:
            tab.page.get_by_role("button", name="Handout herunterladen (PDF)").click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        assert tab.exceptions() == []

    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert target.suffix == ".pdf" and len(reader.pages) == 1
    assert "Schneider Feinmechanik GmbH" in text
    assert "Szenario: Vier Prozent" in text
    assert "Szenarien im Vergleich" in text and "Basis Vier Prozent" in text
    _render(target)
