"""What the room screen shows in each stage of a workshop (roadmap/views/room_screen.py), without Streamlit."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from roadmap.domain.measure import Measure
from roadmap.domain.workshop import Workshop
from roadmap.store.participation import Idea, Participation, Room
from roadmap.store.presence import Presence, Stage
from roadmap.store.workshops import Store
from roadmap.views.room_screen import Scene, Sent, screen, sent, short_address
from roadmap.workshop.rounds import IdeaText, RoundKind

LINK = "http://192.168.1.20:8501/?p=TOKEN"
TITLES = {"M01": "ERP-Einführung", "M02": "Cloud-Backup"}
ROOM = Room("r1", "w1", "K7P4QX", 0.0, 0, None, False, False, (), 1)
ON_ROADMAP = Stage("w1", "roadmap")
ON_PHONES = Stage("w1", "priorisierung", "phones")


def in_round(kind: RoundKind, open_: bool = True, revealed: bool = False, chosen: tuple[str, ...] = ()) -> Room:
    return replace(ROOM, round_no=1, round_kind=kind, round_open=open_, revealed=revealed, chosen=chosen)


def idea(n: int, title: str, state: str = "open", author: str = "") -> Idea:
    return Idea(n, author, title, "", state, f"d{n}")


def test_before_any_moderator_page_the_room_screen_waits() -> None:
    assert screen(None, None, Sent(), TITLES, "").scene == Scene.WAITING


@pytest.mark.parametrize(
    ("page", "scene"),
    [
        ("roadmap", Scene.ROADMAP),
        ("priorisierung", Scene.PRIORITIES),
        ("budget", Scene.BUDGET),
        ("unternehmen", Scene.TITLE),
        ("workshops", Scene.TITLE),
    ],
)
def test_without_a_round_the_room_screen_shows_the_moderators_page(page: str, scene: Scene) -> None:
    shown = screen(Stage("w1", page), None, Sent(), TITLES, "")

    assert (shown.scene, shown.page, shown.join, shown.round) == (scene, page, None, None)


def test_an_open_round_fills_the_room_screen_with_the_qr_code_whatever_page_the_moderator_is_on() -> None:
    shown = screen(ON_ROADMAP, in_round(RoundKind.IDEAS), Sent(phones=5), TITLES, LINK)

    assert shown.scene == Scene.ROUND and shown.join is not None and shown.join.large
    assert (shown.join.link, shown.join.code, shown.join.address) == (LINK, "K7P4QX", "192.168.1.20:8501/?p=TOKEN")
    assert shown.join.joined("de") == "5 Handys verbunden" and shown.join.joined("en") == "5 phones joined"


def test_an_open_room_without_a_round_invites_only_while_the_moderator_is_on_the_phones_section() -> None:
    on_phones = screen(ON_PHONES, ROOM, Sent(phones=1), TITLES, LINK)
    on_roadmap = screen(ON_ROADMAP, ROOM, Sent(phones=1), TITLES, LINK)

    assert on_phones.scene == Scene.ROUND and on_phones.round is None and on_phones.join is not None
    assert on_phones.join.joined("de") == "1 Handy verbunden"
    assert on_roadmap.scene == Scene.ROADMAP and on_roadmap.join is not None  # a footer line for latecomers


def test_ideas_appear_newest_first_and_a_discarded_one_leaves_the_screen() -> None:
    ideas = (idea(1, "E-Rechnung", "accepted"), idea(2, "Unsinn", "discarded"), idea(3, "CRM", author="Anna"))

    shown = screen(ON_ROADMAP, in_round(RoundKind.IDEAS), Sent(ideas=ideas), TITLES, LINK).round

    assert shown is not None and shown.count("de") == "2 Ideen"
    assert [(c.title, c.author, c.taken) for c in shown.ideas] == [("CRM", "Anna", False), ("E-Rechnung", "", True)]


def test_ideas_beyond_the_screen_are_counted_not_shown() -> None:
    ideas = tuple(idea(n, f"Idee {n}") for n in range(15))

    shown = screen(ON_ROADMAP, in_round(RoundKind.IDEAS), Sent(ideas=ideas), TITLES, LINK).round

    assert shown is not None and len(shown.ideas) == 12 and shown.more == 3 and shown.ideas[0].title == "Idee 14"


def test_poker_before_the_reveal_shows_how_many_rated_and_no_rating_even_when_passed() -> None:
    room = in_round(RoundKind.ESTIMATE, chosen=("M01",))

    shown = screen(ON_PHONES, room, Sent(raters=1, ratings=(("M01", 5, 1),)), TITLES, LINK).round

    assert shown is not None and shown.count("de") == "1 Person hat bewertet" and shown.rated == ()
    assert shown.note is not None and "verdeckt" in shown.note("de")


def test_poker_after_the_reveal_shows_each_measures_spread_and_median() -> None:
    room = in_round(RoundKind.ESTIMATE, open_=False, revealed=True, chosen=("M01", "M02"))
    ratings = (("M01", 1, 2), ("M01", 5, 2), ("M01", 4, 3))

    shown = screen(ON_PHONES, room, Sent(raters=3, ratings=ratings), TITLES, LINK)

    assert shown.scene == Scene.ROUND and shown.join is not None and not shown.join.large
    rated = shown.round.rated if shown.round else ()
    assert [r.title for r in rated] == ["ERP-Einführung", "Cloud-Backup"]
    assert (rated[0].value.median, rated[0].effort.median, rated[0].apart) == (4.0, 2.0, True)
    assert rated[1].value.median is None and not rated[1].apart


def test_a_closed_rounds_results_give_way_to_the_page_when_the_moderator_leaves_the_phones_section() -> None:
    room = in_round(RoundKind.ESTIMATE, open_=False, revealed=True, chosen=("M01",))

    assert screen(ON_ROADMAP, room, Sent(), TITLES, LINK).scene == Scene.ROADMAP


def test_dots_stay_hidden_while_the_vote_is_open_even_when_passed() -> None:
    shown = screen(ON_PHONES, in_round(RoundKind.VOTE), Sent(voters=2, totals={"M01": 4}), TITLES, LINK).round

    assert shown is not None and shown.totals == () and shown.count("de") == "2 Personen haben abgestimmt"


def test_dot_totals_show_ranked_once_the_vote_closed() -> None:
    room = in_round(RoundKind.VOTE, open_=False)

    shown = screen(ON_PHONES, room, Sent(voters=2, totals={"M02": 2, "M01": 4, "M03": 0}), TITLES, LINK).round

    assert shown is not None and shown.totals == (("ERP-Einführung", 4), ("Cloud-Backup", 2))


@pytest.mark.parametrize(
    ("link", "short"),
    [("http://192.168.1.20:8501/?p=T", "192.168.1.20:8501/?p=T"), ("https://kmu.example/?p=T", "kmu.example/?p=T")],
)
def test_the_short_address_is_the_link_without_its_scheme(link: str, short: str) -> None:
    assert short_address(link) == short


def test_the_store_gives_the_room_only_what_it_may_see(tmp_path: object) -> None:
    store = Store.open(f"sqlite:///{tmp_path}/room.sqlite")
    rooms, presence = Participation(store), Presence(store)
    ident = store.create(Workshop(measures=(Measure("M01", "ERP"),)), "W")
    room, token = rooms.open_room(ident, time.time())
    room = rooms.start_round(room.id, RoundKind.ESTIMATE, ["M01"])
    rooms.send_rating(token, "a", "", "M01", 5, 1, time.time())
    presence.phone_seen(room.id, "a", time.time())

    hidden = sent(rooms, presence, room, time.time())
    rooms.reveal(room.id)
    shown = sent(rooms, presence, rooms.room(room.id), time.time())

    assert (hidden.phones, hidden.raters, hidden.ratings) == (1, 1, ())
    assert shown.ratings == (("M01", 5, 1),)
    rooms.start_round(room.id, RoundKind.IDEAS)
    rooms.send_idea(token, "a", "", IdeaText("CRM", ""), time.time())
    assert [i.title for i in sent(rooms, presence, rooms.room(room.id), time.time()).ideas] == ["CRM"]
    store.close()
