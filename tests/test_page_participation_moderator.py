"""Participation from phones, the moderator's side: the phones section of Priorisierung opens the room
with QR code and link, and takes ideas, closed votes and revealed estimates into the workshop.
"""

from __future__ import annotations

import re
import time

from roadmap.workshop.rounds import IdeaText, RoundKind
from tests.participation_pages import ROOM, moderator, opened, rooms
from ui.session import store


def test_the_moderator_opens_participation_and_sees_qr_code_link_and_room_code() -> None:
    ident = store().create(ROOM, "Müller GmbH")
    app = moderator(ident)

    app.button(key="moderation_open").click().run()

    assert not app.exception
    room = rooms().current(ident, time.time())
    assert room is not None
    assert rooms().token(room.id) in app.code[0].value and "?p=" in app.code[0].value
    assert any(room.code in m.value for m in app.markdown)
    assert app.get("image")
    assert "erreichen nur Programme auf diesem Rechner" in app.warning[0].value  # AppTest runs on localhost


def test_an_accepted_idea_becomes_a_measure_that_undo_takes_back() -> None:
    ident, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    rooms().send_idea(token, "p", "Anna", IdeaText("E-Rechnung", "ab Januar"), time.time())
    app = moderator(ident)
    [idea] = rooms().ideas(rooms().room(room_id))

    app.button(key=f"moderation_accept_{idea.id}").click().run()

    assert not app.exception
    stored = store().load(ident)[0]
    assert stored.measures[-1].title == "E-Rechnung" and stored.measures[-1].description == "ab Januar"
    assert rooms().ideas(rooms().room(room_id))[0].state == "accepted"
    assert store().undo_state(ident).undo == 1


def test_the_closed_vote_goes_into_the_measures_like_one_screen_votes() -> None:
    ident, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.VOTE)
    rooms().send_ballot(token, "a", "", {"M01": 3}, time.time())
    rooms().send_ballot(token, "b", "", {"M01": 1, "M02": 2}, time.time())
    app = moderator(ident)
    assert "2 Personen haben abgestimmt" in app.markdown[-1].value or any(
        "2 Personen haben abgestimmt" in m.value for m in app.markdown
    )
    assert not [b for b in app.button if b.key == "moderation_apply_votes"]  # no result while open

    app.button(key="moderation_close").click().run()
    app.button(key="moderation_apply_votes").click().run()

    assert not app.exception
    stored = store().load(ident)[0]
    assert [m.votes for m in stored.measures] == [4, 2, 0] and stored.participants == 2


def test_revealed_estimates_show_the_spread_and_the_median_goes_into_the_measure() -> None:
    ident, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.ESTIMATE, ["M01"])
    for n, (value, effort) in enumerate(((1, 2), (5, 2), (4, 3))):
        rooms().send_rating(token, f"p{n}", "", "M01", value, effort, time.time())
    app = moderator(ident)
    assert not [t for t in app.text if "Median" in t.value]  # hidden until revealed

    app.button(key="moderation_reveal").click().run()
    assert any("Weit auseinander" in w.value for w in app.warning)
    take = app.button(key="moderation_take_M01")
    assert take.disabled  # M01's agreed 3 and 3 would be replaced: the moderator confirms first
    app.checkbox(key=next(c.key for c in app.checkbox if c.key.startswith("moderation_sure_"))).check().run()
    app.button(key="moderation_take_M01").click().run()

    assert not app.exception
    measure = store().load(ident)[0].by_id()["M01"]
    assert (measure.value, measure.effort) == (4.0, 2.0)


def test_the_reveal_takes_an_ideas_figures_without_asking_and_never_shows_decimals() -> None:
    ident, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    rooms().send_idea(token, "p", "", IdeaText("E-Rechnung", ""), time.time())
    app = moderator(ident)
    [idea] = rooms().ideas(rooms().room(room_id))
    app.button(key=f"moderation_accept_{idea.id}").click().run()
    rooms().start_round(room_id, RoundKind.ESTIMATE, ["M04"])
    for n, (value, effort) in enumerate(((2, 2), (3, 1))):
        rooms().send_rating(token, f"p{n}", "", "M04", value, effort, time.time())
    app = moderator(ident)

    app.button(key="moderation_reveal").click().run()
    assert not [c for c in app.checkbox if c.key.startswith("moderation_sure_")] and not app.number_input
    proposed = [c.value for c in app.button_group if c.key.startswith(("moderation_v_", "moderation_e_"))]
    assert proposed == [3, 2]  # the medians 2.5 and 1.5, whole: a half rounds up
    app.button(key="moderation_take_M04").click().run()

    measure = store().load(ident)[0].by_id()["M04"]
    assert (measure.value, measure.effort, measure.to_assess) == (3.0, 2.0, ("one_time_cost",))


def test_a_discarded_idea_is_marked_and_leaves_the_workshop_alone() -> None:
    ident, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    rooms().send_idea(token, "p", "", IdeaText("Unsinn", ""), time.time())
    app = moderator(ident)
    [idea] = rooms().ideas(rooms().room(room_id))

    app.button(key=f"moderation_discard_{idea.id}").click().run()

    assert not app.exception
    assert rooms().ideas(rooms().room(room_id))[0].state == "discarded"
    assert store().load(ident)[0] == ROOM
    assert any("erledigt: 1" in m.value for m in app.markdown)


def test_an_idea_titled_with_streamlits_shortcodes_shows_literally_on_the_moderators_list() -> None:
    ident, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    title = ":red[rot] :material/home: :smile:"
    rooms().send_idea(token, "p", ":blue[Anna]", IdeaText(title, ":streamlit:"), time.time())

    app = moderator(ident)

    [line] = [m.value for m in app.markdown if "rot" in m.value]
    assert line == "**:\u2060red\\[rot\\] :\u2060material/home: :\u2060smile:** · :\u2060blue\\[Anna\\]"
    assert ":\u2060streamlit:" in [c.value for c in app.caption]
    drawn = [e.value for e in (*app.markdown, *app.caption)]
    assert not [text for text in drawn if re.search(r":(red|blue)\[|:material/home|:smile:|:streamlit:", text)]
