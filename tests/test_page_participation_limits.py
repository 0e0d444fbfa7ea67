"""Participation from phones, identity, limits and refusals: wrong, ended or forged links, a token that
opens no other page, a phone's id across reloads, and too long or too many submissions.
"""

from __future__ import annotations

import re
import time

import pytest

from roadmap.workshop.rounds import IDEAS_PER_DEVICE, PHONE_FULL, ROOM_ENDED, IdeaText, RoundKind
from tests.pages import PAGES
from tests.participation_pages import ROOM, cast_dots, opened, phone, rooms
from ui.participation import dots_key
from ui.session import store


@pytest.mark.parametrize("token", ["falsch", "x" * 5000, "<script>alert(1)</script>", ""])
def test_a_wrong_token_gets_a_refusal_and_nothing_else(token: str) -> None:
    opened()

    app = phone(token)

    assert not app.exception
    assert "gilt nicht mehr" in app.info[0].value
    assert not app.text_input and not app.button and not app.sidebar.markdown


def test_a_token_never_opens_another_page() -> None:
    _, _, token = opened()
    app = phone(token)

    for page in PAGES:  # no page file is even registered: the browser test tries their addresses
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            app.switch_page(page)
    assert [t.value for t in app.title] == ["Müller GmbH"] and not app.sidebar.markdown


def test_with_an_access_code_the_phone_needs_only_its_link(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADMAP_ACCESS_CODE", "geheim-123")
    _, _, token = opened()

    app = phone(token)

    assert not app.exception and app.title[0].value == "Müller GmbH"
    assert "access_code" not in [w.key for w in app.text_input]


def test_an_ended_room_locks_the_phone_out() -> None:
    _, room_id, token = opened()
    rooms().end(room_id)

    app = phone(token)

    assert app.info[0].value == ROOM_ENDED("de") and not app.text_input
    assert "QR" not in app.info[0].value  # the code on the screen opens nothing any more


def test_a_megabyte_title_is_refused_with_a_sentence_and_stays_in_the_field() -> None:
    ident, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    app = phone(token)
    typed = "x" * 1_000_000

    app.text_input(key="participant_title").input(typed)  # the field has no max_chars that would cut it
    app.text_area(key="participant_description").input("bleibt stehen")
    app.button[0].click().run()

    assert not app.exception
    assert app.error[0].value == "Der Titel ist zu lang (1.000.000 Zeichen); erlaubt sind höchstens 200."
    assert app.text_input(key="participant_title").value == typed
    assert app.text_area(key="participant_description").value == "bleibt stehen"
    assert rooms().ideas(rooms().room(room_id)) == [] and store().load(ident)[0] == ROOM


def test_a_long_name_is_refused_with_a_sentence_in_the_phones_language() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    app = phone(token)
    app.session_state["lang"] = "en"

    app.text_input(key="participant_name_idea").input("N" * 41)
    app.text_input(key="participant_title").input("E-Rechnung")
    app.button[0].click().run()

    assert app.error[0].value == "The name is too long (41 characters); at most 40 are allowed."
    assert app.text_input(key="participant_title").value == "E-Rechnung"
    assert rooms().ideas(rooms().room(room_id)) == []


def test_a_phone_writes_its_id_into_its_link_and_a_reload_is_the_same_phone() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.VOTE)
    first = phone(token)
    device = first.query_params["d"]

    again = phone(token, device=device)

    assert re.fullmatch(r"[0-9a-f]{32}", device)
    assert again.query_params["d"] == device and again.session_state["_participant_device"] == device
    assert phone(token).query_params["d"] != device  # another phone scanning the QR code


@pytest.mark.parametrize("forged", ["", "abc", "0" * 33, "X" * 32, "../" * 11, "a" * 5000])
def test_a_link_with_a_forged_phone_id_gets_a_fresh_one(forged: str) -> None:
    _, _, token = opened()

    app = phone(token, device=forged)

    assert not app.exception
    assert re.fullmatch(r"[0-9a-f]{32}", app.query_params["d"]) and app.query_params["d"] != forged


def test_a_reloaded_phones_ballot_replaces_its_first_and_adds_no_dots() -> None:
    _, room_id, token = opened()
    round_no = rooms().start_round(room_id, RoundKind.VOTE).round_no
    app = phone(token)
    cast_dots(app, round_no, {"M01": 2, "M02": 1})

    reloaded = phone(token, device=app.query_params["d"])
    shown = reloaded.number_input(key=dots_key(round_no, "M01")).value
    reloaded.number_input(key=dots_key(round_no, "M01")).set_value(3)
    reloaded.number_input(key=dots_key(round_no, "M02")).set_value(0)
    reloaded.button(key="participant_send_dots").click().run()

    assert not reloaded.exception and shown == 2 and "Stimme ist angekommen" in reloaded.success[0].value
    room = rooms().room(room_id)
    assert rooms().totals(room) == {"M01": 3} and rooms().voters(room) == 1


def test_a_reloaded_phone_keeps_its_ratings_as_one_persons() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.ESTIMATE, ["M02"])
    app = phone(token)
    app.segmented_control(key="participant_v_M02").set_value(5)
    app.segmented_control(key="participant_e_M02").set_value(2)
    app.button[0].click().run()

    reloaded = phone(token, device=app.query_params["d"])
    reloaded.segmented_control(key="participant_v_M02").set_value(1)
    reloaded.button[0].click().run()

    room = rooms().room(room_id)
    assert rooms().ratings(room) == [("M02", 1, 2)] and rooms().raters(room) == 1


def test_a_phone_that_reloads_still_sends_only_its_share_of_the_rounds_ideas() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    device = phone(token).query_params["d"]
    for n in range(IDEAS_PER_DEVICE):
        rooms().send_idea(token, device, "", IdeaText(f"Idee {n}", ""), time.time())

    reloaded = phone(token, device=device)
    reloaded.text_input(key="participant_title").input("eine mehr")
    reloaded.button[0].click().run()

    assert reloaded.error[0].value == PHONE_FULL("de")
    assert reloaded.text_input(key="participant_title").value == "eine mehr"
    assert len(rooms().ideas(rooms().room(room_id))) == IDEAS_PER_DEVICE


def test_a_thousand_ideas_in_a_minute_from_one_address_are_bounded_and_the_workshop_stays_intact() -> None:
    from roadmap.workshop.rounds import SubmitLimiter

    ident, room_id, token = opened()
    room = rooms().start_round(room_id, RoundKind.IDEAS)
    limiter, refused, began = SubmitLimiter(), 0, 1_000.0
    for n in range(1000):  # a script inventing a new device for every idea, as fast as it can
        if not limiter.allow(f"device-{n}", "10.0.0.66", began + n * 0.06):
            refused += 1
            continue
        try:
            rooms().send_idea(token, f"device-{n}", "", IdeaText(f"<script>{n}</script>", ""), time.time())
        except Exception:
            refused += 1

    kept = rooms().ideas(room)
    assert len(kept) <= 300 and refused >= 700
    assert store().load(ident)[0] == ROOM
