"""A phone whose new view never fully arrived heals by itself (ui/ticking.py).

Seen under load on 2 cores with six phones: a full run that redraws a phone's view for a new round is
overtaken, and its end – the rest of the view, the timer of the watch, the run's finish – never reaches
the browser. The phone then showed half a view and never asked the server again. Here the browser
drops exactly that: everything of the next full run after its first two elements. The phone must
still show the round, on its own, with nobody touching it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.store.participation import Participation
from roadmap.store.workshops import Store
from roadmap.workshop.rounds import RoundKind
from tests.browser import ALL_IN_FRONT, AppServer, chrome, chromium_or_skip, expect
from tests.browser import Workshop as Tab

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LIVE = 60_000  # ms: seconds on a quiet machine; the margin is for a machine shared with other test runs

# Wraps the page's websocket so that, once armed, the next full run (the one that sends the page's
# config, field 13 of ForwardMsg) reaches the page only up to the view's title (the workshop's name):
# from the title on, the rest of that run, up to and including its finish (script_finished, field 6),
# is dropped, as when a run is overtaken halfway.
LOSE_THE_END_OF_A_RUN = """
(() => {
  const phone = { armed: false, watching: false, dropping: false, dropped: 0 };
  const title = new TextEncoder().encode("Müller GmbH");
  const holds = (bytes, part) => {
    outer: for (let i = 0; i + part.length <= bytes.length; i++) {
      for (let j = 0; j < part.length; j++) if (bytes[i + j] !== part[j]) continue outer;
      return true;
    }
    return false;
  };
  window.__phone = phone;
  const kind = (bytes) => {
    let at = 0, last = null;
    const varint = () => {
      let v = 0, s = 1, b;
      do { b = bytes[at++]; v += (b & 0x7f) * s; s *= 128; } while (b & 0x80 && at < bytes.length);
      return v;
    };
    while (at < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) varint();
      else if (wire === 2) { const length = varint(); at += length; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else break;
      if (field !== 1 && field !== 2) last = field;
    }
    return last;
  };
  const decided = new WeakMap();  // one decision per message, however many listeners it reaches
  const keep = (event) => {
    if (!decided.has(event)) decided.set(event, decide(event));
    return decided.get(event);
  };
  const decide = (event) => {
    if (!(event.data instanceof ArrayBuffer)) return true;
    const bytes = new Uint8Array(event.data);
    const field = kind(bytes);
    if (phone.armed && field === 13) { phone.armed = false; phone.watching = true; return true; }
    if (phone.watching && field === 5 && holds(bytes, title)) { phone.watching = false; phone.dropping = true; }
    if (!phone.dropping) return true;
    phone.dropped += 1;
    if (field === 6) phone.dropping = false;
    return false;
  };
  const Native = window.WebSocket;
  class Lossy extends Native {
    addEventListener(type, listener, options) {
      if (type !== "message" || !String(this.url).includes("/_stcore/stream")) {
        return super.addEventListener(type, listener, options);
      }
      return super.addEventListener(type, (event) => { if (keep(event)) listener.call(this, event); }, options);
    }
  }
  window.WebSocket = Lossy;
})();
"""


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[str, Participation, str]]:
    """A served workshop with an open room: (server URL, the rooms, the room's id); the link is URL/?p=TOKEN."""
    chromium_or_skip()
    database = f"sqlite:///{tmp_path / 'phone.sqlite'}"
    store = Store.open(database)
    ident = store.create(Workshop(Profile(name="Müller GmbH"), (Measure("M01", "ERP-Einführung"),)), "Müller GmbH")
    rooms = Participation(store)
    opened, token = rooms.open_room(ident, time.time())
    server = AppServer({"DATABASE_URL": database, "ROADMAP_ACCESS_CODE": "Werkbank-42"}).start()
    try:
        yield f"{server.url}/?p={token}", rooms, opened.id
    finally:
        server.stop()
        store.close()


def test_a_phone_that_lost_the_end_of_its_new_view_shows_the_round_by_itself(
    room: tuple[str, Participation, str],
) -> None:
    link, rooms, room_id = room
    with chrome(ALL_IN_FRONT) as browser:
        context = browser.browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="de-DE")  # type: ignore[attr-defined]
        context.set_default_timeout(LIVE)
        phone = Tab(context.new_page(), link)
        phone.page.add_init_script(LOSE_THE_END_OF_A_RUN)  # type: ignore[attr-defined]
        phone.page.goto(link)  # type: ignore[attr-defined]
        expect(phone.page.get_by_text("Bitte auf die Moderation warten")).to_be_visible()  # type: ignore[attr-defined]
        phone.wait_idle()
        phone.page.evaluate("window.__phone.armed = true")  # type: ignore[attr-defined]

        rooms.start_round(room_id, RoundKind.IDEAS)  # the moderator opens a round; the phone's watch sees it

        page = phone.page
        page.wait_for_function("window.__phone.dropped > 0 && !window.__phone.dropping", timeout=LIVE)  # type: ignore[attr-defined]
        try:
            expect(page.get_by_role("button", name="Idee senden")).to_be_visible(timeout=LIVE)  # type: ignore[attr-defined]
        except AssertionError:
            phone.failure_shot("phone-heals-stuck")
            raise
        expect(page.get_by_text("Bitte auf die Moderation warten")).to_have_count(0)  # type: ignore[attr-defined]
        phone.shot("phone-heals")
