"""The room screen in a real browser: the moderator's tab, the projector's window at /raum and a phone.

One server for the module (access code set, as in a room with a network). The room screen follows the
moderator's pages, shows the QR code and the room code in view at 1920×1080 and at 1024×768 while a
round is open, and shows an idea sent from a phone (390×844); the lag from the tap to the idea on the
room screen is measured (written to test-output/room-lag.txt). Screenshots: test-output/screenshots/room-*.png.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from datetime import date

import pytest

from roadmap.store.workshops import Store
from roadmap.workshop.demo import demo_workshop
from tests.browser import ALL_IN_FRONT, AppServer, Chrome, chrome, chromium_or_skip, expect
from tests.browser import Workshop as Tab
from tests.helpers import REPO

pytestmark = pytest.mark.browser

CODE = "Werkbank-42"
NAME = "Müller Metallbau GmbH"
PHONE = {"width": 390, "height": 844}
SMALL = {"width": 1024, "height": 768}
LIVE = 60_000  # ms: a second or two on a quiet machine; the margin is for a machine shared with other runs
SAMPLES = 4


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppServer, str]]:
    """One server for the module on a fresh database holding the demo workshop: (server, workshop id)."""
    chromium_or_skip()
    database = f"sqlite:///{tmp_path_factory.mktemp('room') / 'room.sqlite'}"
    store = Store.open(database)
    ident = store.create(demo_workshop(date.today()), NAME)
    store.close()
    server = AppServer({"DATABASE_URL": database, "ROADMAP_ACCESS_CODE": CODE}).start()
    yield server, ident
    server.stop()


def let_in(tab: Tab, path: str, heading: str) -> None:
    """Open `path` and enter the access code, as the moderator does on the laptop."""
    tab.page.set_default_timeout(LIVE)  # type: ignore[attr-defined]
    tab.start(path)
    tab.page.get_by_label("Zugangscode").fill(CODE)
    tab.page.get_by_role("button", name="Öffnen").click()
    expect(tab.page.get_by_text(heading).first).to_be_visible(timeout=LIVE)
    tab.wait_idle()


def room_window(browser: Chrome, url: str, ident: str) -> Tab:
    tab = browser.tab(url)
    let_in(tab, f"raum?w={ident}", f"Roadmap · {NAME}")
    return tab


def in_view(tab: Tab, selector: str) -> None:
    expect(tab.page.locator(selector).first).to_be_in_viewport(ratio=1.0, timeout=LIVE)


def phone(browser: Chrome, link: str) -> Tab:
    context = browser.browser.new_context(  # type: ignore[attr-defined]
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1, locale="de-DE"
    )
    context.set_default_timeout(LIVE)
    tab = Tab(context.new_page(), link)
    tab.page.goto(link)
    expect(tab.page.get_by_label("Idee (Titel)")).to_be_visible(timeout=LIVE)
    return tab


def send_and_time(sender: Tab, screen: Tab, title: str) -> float:
    """Seconds from the phone's tap on 'Idee senden' until the idea's card is on the room screen."""
    sender.page.get_by_label("Idee (Titel)").fill(title)
    began = time.perf_counter()
    sender.page.get_by_role("button", name="Idee senden").tap()
    try:
        screen.page.wait_for_function(  # type: ignore[attr-defined]
            "(title) => [...document.querySelectorAll('[class*=\"st-key-room_idea_\"]')]"
            ".some((card) => card.innerText.includes(title))",
            arg=title,
            polling=25,
            timeout=LIVE,
        )
    except Exception:
        sender.failure_shot("room-phone-failed")
        screen.failure_shot("room-screen-failed")
        raise
    lag = time.perf_counter() - began
    expect(sender.page.get_by_test_id("stAlertContentSuccess").get_by_text(f"Gesendet: {title}")).to_be_visible(
        timeout=LIVE
    )
    return lag


def test_the_room_screen_follows_the_moderator_and_shows_the_round_with_a_phones_idea(
    served: tuple[AppServer, str],
) -> None:
    server, ident = served
    with chrome(ALL_IN_FRONT) as browser:
        laptop = browser.tab(server.url)
        let_in(laptop, f"roadmap?w={ident}", "Roadmap")
        screen = room_window(browser, server.url, ident)

        # A page: the moderator's Roadmap, large and read-only.
        expect(screen.page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible(timeout=LIVE)
        assert screen.page.locator('[data-testid="stSidebar"]').is_hidden()
        screen.shot("room-roadmap-1920")
        expect(laptop.page.get_by_text("Raumbildschirm verbunden").first).to_be_visible(timeout=LIVE)

        # The moderator opens participation and a round of ideas: the room screen shows how to join.
        laptop.open("Priorisierung")
        expect(screen.page.get_by_text(f"Priorisierung · {NAME}")).to_be_visible(timeout=LIVE)
        laptop.page.locator('[data-testid="stButtonGroup"] button', has_text="Mitmachen per Handy").first.click()
        laptop.wait_idle()
        laptop.page.get_by_role("button", name="Teilnahme per Handy öffnen").click()
        laptop.wait_idle()
        link = laptop.page.locator('[data-testid="stCode"]').first.inner_text().strip()
        laptop.page.get_by_role("button", name="Runde öffnen").click()
        laptop.wait_idle()
        code = laptop.page.locator("h3", has_text="Raum").first.inner_text().split()[-1]
        expect(screen.page.get_by_text(f"Raum {code}")).to_be_visible(timeout=LIVE)
        in_view(screen, ".st-key-room_join img")
        in_view(screen, ".st-key-room_code h2")

        # A phone sends ideas: each shows on the room screen, and the lag is measured.
        sender = phone(browser, link)
        expect(screen.page.get_by_text("1 Handy verbunden")).to_be_visible(timeout=LIVE)
        lags = [send_and_time(sender, screen, f"Idee {n}: Rechnungen digital") for n in range(1, SAMPLES + 1)]
        in_view(screen, ".st-key-room_join img")
        screen.shot("room-ideas-1920")
        assert (
            screen.page.locator('[data-testid="stButton"], input:not([disabled]), textarea:not([disabled])').count()
            == 0
        )  # nothing to operate

        screen.page.set_viewport_size(SMALL)  # type: ignore[attr-defined]
        in_view(screen, ".st-key-room_join img")
        in_view(screen, ".st-key-room_code h2")
        screen.shot("room-ideas-1024")
        sender.shot("room-phone")
        assert not screen.exceptions() and not laptop.exceptions()

    report = REPO / "test-output" / "room-lag.txt"
    report.write_text(
        f"idea from a phone to the room screen, {SAMPLES} samples (s): "
        + ", ".join(f"{lag:.2f}" for lag in lags)
        + f"; median {statistics.median(lags):.2f}, max {max(lags):.2f}\n",
        encoding="utf-8",
    )
    assert max(lags) < LIVE / 1000


def test_a_mirrored_screen_in_presenter_mode_keeps_the_qr_code_during_a_round(served: tuple[AppServer, str]) -> None:
    server, ident = served
    with chrome() as browser:
        laptop = browser.tab(server.url)
        let_in(laptop, f"priorisierung?w={ident}", "Priorisierung")
        laptop.page.locator('[data-testid="stButtonGroup"] button', has_text="Mitmachen per Handy").first.click()
        laptop.wait_idle()
        if laptop.page.get_by_role("button", name="Teilnahme per Handy öffnen").count():
            laptop.page.get_by_role("button", name="Teilnahme per Handy öffnen").click()
            laptop.wait_idle()
        laptop.page.get_by_role("button", name="Runde öffnen").click()
        laptop.wait_idle()

        laptop.page.get_by_text("Präsentationsmodus").click()
        laptop.wait_idle()

        expect(laptop.page.get_by_role("button", name="Präsentationsmodus beenden")).to_be_visible(timeout=LIVE)
        expect(laptop.page.locator('[data-testid="stImage"] img').first).to_be_visible(timeout=LIVE)
        expect(laptop.page.locator("h3", has_text="Raum").first).to_be_visible(timeout=LIVE)
        expect(laptop.page.get_by_role("button", name="Runde schließen")).to_be_visible(timeout=LIVE)
        laptop.shot("room-presenter-round")
        assert not laptop.exceptions()
