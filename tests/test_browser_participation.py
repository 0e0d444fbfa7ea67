"""Six phones and a projector, in a real browser: all three rounds end to end, the token opens nothing
else, ending locks the phones out, and two app servers on one database show the same live state.

One moderator tab at 1920×1080 and phone tabs at 390×844 with touch (headless Chromium; screenshots
in test-output/screenshots, participation-*.png).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.store.participation import Participation
from roadmap.store.workshops import Store
from tests.browser import ALL_IN_FRONT, AppServer, Chrome, chrome, chromium_or_skip, expect, no_app_at
from tests.browser import Workshop as Tab
from tests.store_backends import fresh_database

pytestmark = pytest.mark.browser
T = TypeVar("T")

PHONE = {"width": 390, "height": 844}
PHONES = 6
ROOM = Workshop(
    Profile(name="Müller GmbH", dots_per_person=3),
    (Measure("M01", "ERP-Einführung"), Measure("M02", "Cloud-Backup"), Measure("M03", "Alt", excluded=True)),
    participants=2,
)
SEEN_ERRORS: list[str] = []  # script errors in any phone's page (the app's own frontend failing)
LIVE = 60_000  # ms: within 2 s on a quiet machine (bench/); the margin is for a machine shared with other test runs


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'participation.sqlite'}"


@pytest.fixture
def shared_database(tmp_path: Path) -> Iterator[str]:
    """One database two app servers share: a fresh PostgreSQL database (mandatory in CI), as several servers
    are run. That a second server sees the same room on a SQLite file as well is tested on the store
    (tests/test_participation_store.py, test_a_second_store_on_the_same_database_sees_the_same_room)."""
    yield from fresh_database("postgresql", tmp_path)


@pytest.fixture
def stored(database: str) -> Iterator[tuple[Store, str, str]]:
    """The store with the room's workshop and another one: (store, workshop id, other workshop id)."""
    chromium_or_skip()
    store = Store.open(database)
    yield store, store.create(ROOM, "Müller GmbH"), store.create(Workshop(), "Geheime Andere GmbH")
    store.close()


@pytest.fixture
def server(database: str, stored: tuple[Store, str, str]) -> Iterator[AppServer]:
    running = AppServer({"DATABASE_URL": database, "ROADMAP_ACCESS_CODE": "Werkbank-42"}).start()
    yield running
    running.stop()


def eventually(read: Callable[[], T], done: Callable[[T], bool], seconds: float = LIVE / 1000) -> T:
    """What `read` gives once `done` holds (or at the end of the wait): a click's save lands in the store
    a moment after the browser shows the click's run finished, when a timed run of the page ends first."""
    until = time.monotonic() + seconds
    value = read()
    while not done(value) and time.monotonic() < until:
        time.sleep(0.2)
        value = read()
    return value


def phones_on(browser: Chrome, link: str, count: int) -> list[Tab]:
    """`count` phones on the link, loaded side by side as in a room (each its own browser context)."""
    tabs = []
    for _ in range(count):
        context = browser.browser.new_context(  # type: ignore[attr-defined]
            viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1, locale="de-DE"
        )
        context.set_default_timeout(LIVE)
        tab = Tab(context.new_page(), link)
        tab.page.on("pageerror", lambda error: SEEN_ERRORS.append(str(error)))  # e.g. a bad delta path
        tab.page.goto(link, wait_until="commit")
        tabs.append(tab)
    for n, tab in enumerate(tabs):
        try:
            expect(tab.page.locator("h1", has_text="Müller GmbH")).to_be_visible(timeout=LIVE)
        except AssertionError as error:
            tab.failure_shot("participation-phone-not-loaded")
            raise AssertionError(f"phone {n} not loaded; page errors: {SEEN_ERRORS}") from error
        # The fields' code comes with the page (ui/participation.py, _preload), not when a round opens.
        expect(tab.page.locator(".st-key-participant_preload textarea")).to_be_attached(timeout=LIVE)
    return tabs  # a phone reruns on its own every 2 s: each step waits for what it expects instead of idle


def moderator(browser: Chrome, url: str, ident: str) -> Tab:
    tab = browser.tab(url)
    tab.page.set_default_timeout(LIVE)  # type: ignore[attr-defined]
    tab.start(f"priorisierung?w={ident}")
    tab.page.get_by_label("Zugangscode").fill("Werkbank-42")
    tab.page.get_by_role("button", name="Öffnen").click()
    tab.page.locator("h1", has_text="Priorisierung").wait_for(timeout=60_000)
    tab.wait_idle()
    segment(tab, "Mitmachen per Handy")
    tab.wait_idle()
    return tab


def open_room(tab: Tab) -> str:
    tab.page.get_by_role("button", name="Teilnahme per Handy öffnen").click()
    tab.wait_idle()
    link = tab.page.locator('[data-testid="stCode"]').first.inner_text().strip()
    assert "?p=" in link
    return link


def segment(tab: Tab, name: str) -> None:
    """Click an option of a segmented control on the shared screen."""
    tab.page.locator('[data-testid="stButtonGroup"] button', has_text=name).first.click()
    tab.wait_idle()


def press(tab: Tab, name: str) -> None:
    tab.page.get_by_role("button", name=name).first.click()
    tab.wait_idle()


def confirmed(tab: Tab, confirmation: str) -> None:
    """A phone's confirmation of what it sent, after a single tap: a tap that lands while the phone looks
    for a new round (every second) must not be lost (ui/participation.py, `_watch`)."""
    try:
        expect(tab.page.get_by_text(confirmation).first).to_be_visible(timeout=LIVE)
    except AssertionError:
        tab.failure_shot("participation-phone-tap-lost")
        raise


def add_dots(tab: Tab, measure: str, count: int) -> None:
    """Tap a measure's + on the phone's dot list `count` times, each tap counted at once on the phone."""
    row = tab.page.locator(f'[class*="st-key-participant_dotrow_{measure}"]')
    for _ in range(count):
        row.get_by_test_id("stNumberInputStepUp").tap()


def choose(tab: Tab, group: int, option: str) -> None:
    """Tap an option of the group-th segmented control of a phone's form."""
    groups = tab.page.locator('[data-testid="stForm"] [data-testid="stButtonGroup"]')
    groups.nth(group).locator("button", has_text=option).tap()


def test_six_phones_run_ideas_estimate_and_vote_into_the_workshop(
    server: AppServer, stored: tuple[Store, str, str]
) -> None:
    store, ident, other = stored
    with chrome(ALL_IN_FRONT) as browser:
        screen = moderator(browser, server.url, ident)
        link = open_room(screen)
        screen.shot("participation-screen-open")
        phones = phones_on(browser, link, PHONES)
        expect(phones[0].page.get_by_text("Bitte auf die Moderation warten")).to_be_visible()
        assert phones[0].page.get_by_label("Zugangscode").count() == 0  # the link needs no access code
        phones[0].shot("participation-phone-waiting")

        # 1. Ideas: the phones send, the screen shows them live, the moderator decides.
        press(screen, "Runde öffnen")
        hostile = [
            "E-Rechnung",
            "<script>alert(1)</script>",
            "[klick](http://evil.example)",
            '=HYPERLINK("x")',
            ":red[rot] :material/home: :smile:",  # Streamlit's shortcodes
        ]
        for n, tab in enumerate(phones):
            expect(tab.page.get_by_label("Idee (Titel)")).to_be_visible(timeout=LIVE)
            tab.page.get_by_label("Ihr Name (freiwillig)").fill(f"Person {n}")  # inside the form: sent with it
            tab.page.get_by_label("Idee (Titel)").fill(hostile[n % len(hostile)] + (f" {n}" if n >= 4 else ""))
            tab.page.get_by_role("button", name="Idee senden").tap()
        for tab in phones:  # all six send at once, as in a room
            confirmed(tab, "Gesendet:")
        phones[1].shot("participation-phone-idea")
        expect(screen.page.get_by_text("Ideen: 6")).to_be_visible(timeout=LIVE)
        expect(screen.page.get_by_text("<script>alert(1)</script>").first).to_be_visible(timeout=LIVE)  # as text
        links = screen.page.locator('a[href*="evil.example"]')
        assert links.count() == 0, links.first.evaluate("e => e.parentElement.parentElement.outerHTML")
        card = screen.page.locator('[class*="st-key-moderation_idea_"]', has_text="· Person 4")
        title = card.locator('[data-testid="stMarkdownContainer"]').first
        assert ":red[rot] :material/home: :smile: 4" in title.inner_text().replace("\u2060", "")  # as typed
        assert title.locator('[role="img"], .stMarkdownColoredText').count() == 0  # no icon, no colour
        screen.shot("participation-screen-ideas")
        screen.page.locator('[data-testid="stButton"]', has_text="Übernehmen").first.click()  # E-Rechnung
        screen.wait_idle()
        expect(screen.page.get_by_text("erledigt: 1")).to_be_visible(timeout=LIVE)
        for done, author in ((2, "· Person 1"), (3, "· Person 2")):
            card = screen.page.locator('[class*="st-key-moderation_idea_"]', has_text=author)
            card.get_by_role("button", name="Verwerfen").first.click()  # that idea's own button
            screen.wait_idle()
            expect(screen.page.get_by_text(f"erledigt: {done}")).to_be_visible(timeout=LIVE)
        measures = store.load(ident)[0].measures
        assert [m.title for m in measures] == ["ERP-Einführung", "Cloud-Backup", "Alt", "E-Rechnung"]

        # 2. Estimate: hidden until revealed, then the median goes into the measure.
        segment(screen, "Schätzen (Priority Poker)")
        screen.page.locator('[data-testid="stMultiSelect"]').click()
        screen.page.get_by_role("option", name="M01 · ERP-Einführung").click()
        screen.page.keyboard.press("Escape")
        screen.wait_idle()
        press(screen, "Runde öffnen")
        screen.shot("participation-screen-estimate-open")
        for n, tab in enumerate(phones):
            try:
                expect(tab.page.get_by_text("ERP-Einführung")).to_be_visible(timeout=LIVE)
            except AssertionError:
                tab.failure_shot("participation-phone-estimate-missing")
                raise
            choose(tab, 0, str(1 + n % 5))
            choose(tab, 1, "2")
            tab.page.get_by_role("button", name="Bewertung senden").tap()
        for tab in phones:
            confirmed(tab, "1 Bewertung gesendet")
        phones[2].shot("participation-phone-estimate")
        expect(screen.page.get_by_text("6 Personen haben bewertet")).to_be_visible(timeout=LIVE)
        assert screen.page.get_by_text("Median").count() == 0
        press(screen, "Aufdecken")
        expect(screen.page.get_by_text("Weit auseinander")).to_be_visible(timeout=LIVE)
        screen.shot("participation-screen-estimate")
        screen.page.get_by_text("Ja, vereinbarte Werte ersetzen").click()  # M01's 3 and 3 were agreed
        screen.wait_idle()
        press(screen, "Werte übernehmen")
        rated = eventually(lambda: store.load(ident)[0].by_id()["M01"], lambda m: (m.value, m.effort) != (3, 3))
        assert (rated.value, rated.effort) == (3.0, 2.0)  # ratings 1 2 3 4 5 1 (median 2.5, whole: 3) and 2 × 6

        # 3. Vote: three dots each, the count live, the result after closing, into the measures.
        segment(screen, "Abstimmen mit Punkten")
        press(screen, "Runde öffnen")
        for tab in phones:
            expect(tab.page.get_by_role("button", name="Punkte abgeben")).to_be_visible(timeout=LIVE)
            add_dots(tab, "M01", 2)
            add_dots(tab, "M02", 1)
            expect(tab.page.get_by_text("Punkte übrig: 0 von 3")).to_be_visible(timeout=LIVE)  # live, unsent
            tab.page.get_by_role("button", name="Punkte abgeben").tap()
        for tab in phones:
            confirmed(tab, "Ihre Stimme ist angekommen")
        phones[3].shot("participation-phone-vote")
        expect(screen.page.get_by_text("6 Personen haben abgestimmt")).to_be_visible(timeout=LIVE)
        # A reload is the same phone (its id is in its link): its ballot is replaced, never added.
        assert "d=" in phones[5].page.url
        phones[5].page.reload(wait_until="commit")
        expect(phones[5].page.get_by_text("Ihre Stimme ist angekommen")).to_be_visible(timeout=LIVE)
        phones[5].page.get_by_role("button", name="Punkte abgeben").tap()
        expect(phones[5].page.locator('[data-testid="stToast"]', has_text="Stimme angekommen")).to_be_visible()
        expect(screen.page.get_by_text("6 Personen haben abgestimmt")).to_be_visible(timeout=LIVE)
        press(screen, "Runde schließen")
        press(screen, "Ergebnis in die Maßnahmen übernehmen")
        screen.shot("participation-screen-vote")
        voted = eventually(lambda: store.load(ident)[0], lambda w: any(m.votes for m in w.measures))
        assert [m.votes for m in voted.measures] == [12, 6, 0, 0] and voted.participants == PHONES
        expect(phones[0].page.get_by_text("Diese Runde ist geschlossen")).to_be_visible(timeout=LIVE)

        # The token opens nothing else: no page, no other workshop.
        base, token = link.split("/?p=")
        for path in ("workshops", "import-export", "unternehmen", "gibt-es-nicht"):
            phones[4].page.goto(f"{base}/{path}?p={token}&w={other}")
            phones[4].page.locator("h1", has_text="Müller GmbH").wait_for(timeout=60_000)
            assert phones[4].page.get_by_text("Geheime Andere").count() == 0
            assert phones[4].page.locator('[data-testid="stSidebar"]').is_hidden()
        no_app_at(phones[4], f"{base}/app_pages/10_workshops.py?p={token}&w={other}")  # a file's path: no page at all
        assert phones[4].page.get_by_text("Geheime Andere").count() == 0
        phones[4].page.goto(f"{base}/workshops?w={other}")  # without the token: the access code
        phones[4].page.get_by_label("Zugangscode").wait_for(timeout=60_000)

        # Ending participation locks every phone out at once.
        screen.page.get_by_text("Ja, Teilnahme beenden").click()
        screen.wait_idle()
        press(screen, "Teilnahme beenden (Link ungültig)")
        assert eventually(lambda: Participation(store).current(ident, time.time()), lambda room: room is None) is None
        for n, tab in enumerate(phones[:4]):
            try:
                expect(tab.page.get_by_text("Workshop-Runde ist beendet")).to_be_visible(timeout=LIVE)
            except AssertionError as error:
                tab.failure_shot("participation-phone-not-ended")
                screen.failure_shot("participation-screen-ended")
                raise AssertionError(f"phone {n} still open after the end; page errors: {SEEN_ERRORS}") from error
        phones[0].shot("participation-phone-ended")
        phones[5].page.goto(link)
        expect(phones[5].page.get_by_text("Workshop-Runde ist beendet")).to_be_visible(timeout=LIVE)
        assert screen.exceptions() == [] and all(tab.exceptions() == [] for tab in phones)
        assert SEEN_ERRORS == []


def test_two_app_servers_on_one_database_show_the_same_live_state(shared_database: str) -> None:
    chromium_or_skip()
    store = Store.open(shared_database)
    ident = store.create(ROOM, "Müller GmbH")
    store.close()
    server = AppServer({"DATABASE_URL": shared_database, "ROADMAP_ACCESS_CODE": "Werkbank-42"}).start()
    second = AppServer({"DATABASE_URL": shared_database}).start()
    try:
        with chrome(ALL_IN_FRONT) as browser:
            screen = moderator(browser, server.url, ident)
            link = open_room(screen)
            press(screen, "Runde öffnen")
            token = link.split("/?p=")[1]
            elsewhere = phones_on(browser, f"{second.url}/?p={token}", 1)[0]  # the phone talks to the other server
            expect(elsewhere.page.get_by_label("Idee (Titel)")).to_be_visible(timeout=LIVE)

            elsewhere.page.get_by_label("Idee (Titel)").fill("Vom zweiten Server")
            elsewhere.page.get_by_role("button", name="Idee senden").tap()
            began = time.monotonic()
            try:
                expect(screen.page.get_by_text("Vom zweiten Server")).to_be_visible(timeout=LIVE)
            except AssertionError:
                elsewhere.failure_shot("participation-two-servers-phone-failed")
                screen.failure_shot("participation-two-servers-screen-failed")
                raise
            lag = time.monotonic() - began

            press(screen, "Runde schließen")
            expect(elsewhere.page.get_by_text("Diese Runde ist geschlossen")).to_be_visible(timeout=LIVE)
            screen.shot("participation-two-servers")
            print(f"seen on the other server after {lag:.1f} s")
    finally:
        second.stop()
        server.stop()
