"""The room screen in the app: a second session that follows the moderator's session through one store.

The moderator is an AppTest on a page (tests/pages.py); the room screen is another AppTest of app.py
whose session opened /raum (AppTest cannot ask for a path, so it starts with the session's mark that
the path sets, ui/room_screen.py ROOM_SESSION); phones are the store's calls or a phone's AppTest.
"""

from __future__ import annotations

import os
import time

import pytest
from streamlit.testing.v1 import AppTest

import ui.room_screen as room_screen_module
from roadmap.store.participation import Participation
from roadmap.store.presence import Presence
from roadmap.workshop.rounds import IdeaText, RoundKind
from tests.helpers import REPO
from tests.pages import open_page
from tests.participation_pages import ROOM, phone
from ui.room_screen import NOTE_SECONDS, ROOM_SESSION
from ui.session import demo_workshop, store


def rooms() -> Participation:
    return Participation(store())


def room_screen(ident: str | None = None) -> AppTest:
    """The projector's window, opened with the moderator's link (`?w=ident`) or without one."""
    os.environ["ROADMAP_STRICT"] = "1"
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    if ident is not None:
        app.query_params["w"] = ident
    app.session_state[ROOM_SESSION] = True
    return app.run()


def texts(app: AppTest) -> str:
    return "\n".join(m.value for m in [*app.markdown, *app.title, *app.header, *app.caption, *app.code])


def controls(app: AppTest) -> list[object]:
    """Everything on the room screen a person could operate (a disabled field cannot be: the hidden field in which
    the browser tells which view it shows, ui/ticking.py)."""
    widgets = [
        *app.button,
        *app.text_input,
        *app.text_area,
        *app.segmented_control,
        *app.selectbox,
        *app.checkbox,
        *app.toggle,
        *app.number_input,
        *app.get("link_button"),
        *app.get("page_link"),
    ]
    return [widget for widget in widgets if not getattr(widget, "disabled", False)]


def test_the_room_screen_follows_the_moderator_from_page_to_page() -> None:
    ident = store().create(demo_workshop(), "Bäckerei Kranz")
    moderator = open_page("app_pages/05_roadmap.py", ident=ident)

    screen = room_screen(ident)
    on_roadmap = texts(screen)
    moderator.switch_page("app_pages/06_budget.py").run()
    on_budget = texts(screen.run())
    moderator.switch_page("app_pages/01_unternehmen.py").run()
    on_company = texts(screen.run())

    assert not screen.exception
    assert "Roadmap · Bäckerei Kranz" in on_roadmap and "Budget · Bäckerei Kranz" in on_budget
    assert "Bäckerei Kranz" in on_company and "Unternehmen" in on_company
    assert not screen.sidebar.markdown and not controls(screen)


def test_a_room_screen_opened_without_a_link_follows_the_latest_moderator() -> None:
    ident = store().create(demo_workshop(), "Zuletzt GmbH")
    open_page("app_pages/04_priorisierung.py", ident=ident)

    screen = room_screen()

    assert "Priorisierung · Zuletzt GmbH" in texts(screen) and screen.query_params["w"] == ident
    assert screen.get("table") and not controls(screen)


def test_the_room_screen_speaks_the_moderators_language() -> None:
    ident = store().create(demo_workshop(), "Demo")
    open_page("app_pages/06_budget.py", ident=ident, lang="en")

    assert "Budget · Demo" in texts(room_screen(ident)) and "Raum" not in texts(room_screen(ident))


def test_an_open_round_shows_the_qr_code_the_room_code_and_a_phones_idea_without_any_control() -> None:
    ident = store().create(ROOM, "Müller GmbH")
    moderator = open_page("app_pages/05_roadmap.py", ident=ident)
    room, token = rooms().open_room(ident, time.time())
    rooms().start_round(room.id, RoundKind.IDEAS)
    screen = room_screen(ident)
    before = texts(screen)
    sender = phone(token)

    sender.text_input(key="participant_title").input("E-Rechnung <b>sofort</b>")
    sender.button[0].click().run()
    after = texts(screen.run())

    assert not screen.exception and not moderator.exception
    assert screen.get("image") and f"Raum {room.code}" in after and "?p=" in after
    assert "0 Ideen" in before and "1 Handy verbunden" in after and "1 Idee" in after
    assert r"E-Rechnung \<b\>sofort\</b\>" in after  # a person's text as typed
    assert not controls(screen)


def test_poker_ratings_stay_hidden_on_the_room_screen_until_the_reveal() -> None:
    ident = store().create(ROOM, "Müller GmbH")
    open_page("app_pages/05_roadmap.py", ident=ident)
    room, token = rooms().open_room(ident, time.time())
    rooms().start_round(room.id, RoundKind.ESTIMATE, ["M01"])
    for n, (value, effort) in enumerate(((1, 2), (5, 2), (4, 3))):
        rooms().send_rating(token, f"p{n}", "", "M01", value, effort, time.time())
    screen = room_screen(ident)
    hidden = texts(screen)

    rooms().reveal(room.id)  # closes the round: the results stay while the moderator is on the phones section
    moderator = open_page("app_pages/04_priorisierung.py", ident=ident)
    moderator.segmented_control(key="priorisierung_section").set_value("phones").run()
    shown = texts(screen.run())

    assert "3 Personen haben bewertet" in hidden and "Median" not in hidden and "verdeckt" in hidden
    assert "ERP-Einführung" in shown and "Median 4" in shown and "Median 2" in shown
    assert any("Weit auseinander" in w.value for w in screen.warning)


def test_dot_totals_reach_the_room_screen_only_after_the_vote_closed() -> None:
    ident = store().create(ROOM, "Müller GmbH")
    moderator = open_page("app_pages/04_priorisierung.py", ident=ident)
    moderator.segmented_control(key="priorisierung_section").set_value("phones").run()
    room, token = rooms().open_room(ident, time.time())
    rooms().start_round(room.id, RoundKind.VOTE)
    rooms().send_ballot(token, "a", "", {"M01": 3}, time.time())
    screen = room_screen(ident)
    open_vote = screen.get("progress")

    rooms().close_round(room.id)
    closed = screen.run().get("progress")

    assert "1 Person hat abgestimmt" in texts(screen) and not open_vote
    assert [bar.proto.text for bar in closed] == ["**3** · ERP-Einführung"]


class _Later:
    """The `time` module as seen `seconds` later (the moderator's status line looks again after a second)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def time(self) -> float:
        return time.time() + self.seconds


def test_the_moderator_sees_the_room_screen_connected_at_the_status_lines_next_look(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ident = store().create(demo_workshop(), "Demo")
    moderator = open_page("app_pages/05_roadmap.py", ident=ident)
    alone = [c.value for c in moderator.sidebar.caption]

    room_screen(ident)
    monkeypatch.setattr(room_screen_module, "time", _Later(NOTE_SECONDS))
    moderator.run()

    assert any("Kein Raumbildschirm verbunden" in c for c in alone)
    assert any("Raumbildschirm verbunden" in c.value and "Kein" not in c.value for c in moderator.sidebar.caption)
    assert Presence(store()).follow(ident) is not None


def test_the_room_screen_needs_the_access_code_like_every_moderator_page(monkeypatch: pytest.MonkeyPatch) -> None:
    ident = store().create(demo_workshop(), "Geheim GmbH")
    open_page("app_pages/05_roadmap.py", ident=ident)
    monkeypatch.setenv("ROADMAP_ACCESS_CODE", "Werkbank-42")

    screen = room_screen(ident)

    assert [w.key for w in screen.text_input] == ["access_code"] and "Geheim GmbH" not in texts(screen)


def test_presenter_mode_with_an_open_round_shows_qr_code_room_code_and_ideas() -> None:
    ident = store().create(ROOM, "Müller GmbH")
    room, token = rooms().open_room(ident, time.time())
    rooms().start_round(room.id, RoundKind.IDEAS)
    rooms().send_idea(token, "p", "Anna", IdeaText("E-Rechnung", ""), time.time())

    app = open_page("app_pages/04_priorisierung.py", ident=ident, presenter=True)

    assert not app.exception and app.get("image")
    assert any(room.code in m.value for m in app.markdown)
    assert any("E-Rechnung" in m.value for m in app.markdown)
    assert app.button(key="moderation_close") and app.button(key="leave_presenter")
    app.segmented_control(key="priorisierung_presenter_section").set_value("ranking").run()
    assert app.dataframe and not app.get("image")
