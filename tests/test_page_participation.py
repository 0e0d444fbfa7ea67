"""Participation from phones in the app: a link with a token shows only the participant view of its
workshop, and the moderator's section of Priorisierung opens rounds and takes results into the workshop.
"""

from __future__ import annotations

import os
import re
import time

import pytest
from streamlit.testing.v1 import AppTest

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.store.participation import Participation
from roadmap.workshop.rounds import IDEAS_PER_DEVICE, PHONE_FULL, ROOM_ENDED, IdeaText, RoundKind
from tests.helpers import REPO
from tests.pages import PAGES, open_page
from ui.session import store

ROOM = Workshop(
    Profile(name="Müller GmbH", dots_per_person=3),
    (Measure("M01", "ERP-Einführung"), Measure("M02", "Cloud-Backup"), Measure("M03", "Alt", excluded=True)),
    participants=2,
)


def rooms() -> Participation:
    return Participation(store())


def opened(name: str = "Müller GmbH") -> tuple[str, str, str]:
    """A stored workshop with an open room: (workshop id, room id, token)."""
    ident = store().create(ROOM, name)
    room, token = rooms().open_room(ident, time.time())
    return ident, room.id, token


def phone(token: str, path: str | None = None, device: str | None = None) -> AppTest:
    """A phone opening the link; with `device`, the link as it reads after the phone's first open (a reload)."""
    os.environ["ROADMAP_STRICT"] = "1"
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.query_params["p"] = token
    if device is not None:
        app.query_params["d"] = device
    app.run()
    if path is not None:
        app.switch_page(path)
        app.run()
    return app


def test_a_token_link_shows_the_workshops_name_and_waits_for_the_moderator() -> None:
    _, _, token = opened("Bäckerei <b>Kranz</b>")

    app = phone(token)

    assert not app.exception
    assert app.title[0].value == r"Bäckerei \<b\>Kranz\</b\>"  # shown as typed, never as HTML
    assert "Moderation" in app.info[0].value
    assert all(field.disabled for field in app.text_input)  # the name field comes with the first round
    assert not app.sidebar.markdown and not app.button


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


def test_an_idea_from_the_phone_reaches_the_room_as_text_and_not_the_workshop() -> None:
    ident, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    app = phone(token)

    app.text_input(key="participant_name_idea").input("Anna")
    app.text_input(key="participant_title").input("[klick](http://böse.example) <script>")
    app.text_area(key="participant_description").input('=HYPERLINK("http://x")')
    app.button[0].click().run()

    assert not app.exception
    room = rooms().room(room_id)
    [idea] = rooms().ideas(room)
    assert (idea.author, idea.title, idea.description) == (
        "Anna",
        "[klick](http://böse.example) <script>",
        '=HYPERLINK("http://x")',
    )
    assert "\\[klick\\]" in app.success[0].value
    assert store().load(ident)[0] == ROOM


def test_a_phone_votes_with_at_most_its_dots_on_measures_not_excluded() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.VOTE)
    app = phone(token)

    assert [c.label for c in app.number_input if not c.disabled] == ["ERP-Einführung", "Cloud-Backup"]
    app.number_input(key="participant_dots_M01").set_value(2)
    app.number_input(key="participant_dots_M02").set_value(1)
    app.button(key="participant_send_dots").click().run()

    assert not app.exception
    assert rooms().totals(rooms().room(room_id)) == {"M01": 2, "M02": 1}
    app.number_input(key="participant_dots_M01").set_value(3).run()
    assert app.error[0].value == "1 Punkt zu viel: Sie haben 3 Punkte."
    assert app.button(key="participant_send_dots").disabled
    assert rooms().totals(rooms().room(room_id)) == {"M01": 2, "M02": 1}


def test_a_phone_rates_the_chosen_measures_only() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.ESTIMATE, ["M02"])
    app = phone(token)

    assert [c.key for c in app.segmented_control if not c.disabled] == ["participant_v_M02", "participant_e_M02"]
    app.segmented_control(key="participant_v_M02").set_value(5)
    app.segmented_control(key="participant_e_M02").set_value(2)
    app.button[0].click().run()

    assert not app.exception
    assert rooms().ratings(rooms().room(room_id)) == [("M02", 5, 2)]


def test_a_rating_without_effort_is_not_sent_and_the_phone_says_what_is_missing() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.ESTIMATE, ["M01"])
    app = phone(token)

    app.segmented_control(key="participant_v_M01").set_value(4)
    app.button[0].click().run()

    assert not app.exception
    assert rooms().ratings(rooms().room(room_id)) == []
    assert "Nutzen und Aufwand wählen" in app.error[0].value
    app.segmented_control(key="participant_e_M01").set_value(1)
    app.button[0].click().run()
    assert rooms().ratings(rooms().room(room_id)) == [("M01", 4, 1)]
    assert not app.error and "1 Bewertung gesendet" in app.success[0].value


def test_a_phones_confirmation_stays_through_the_next_rerun_until_the_round_changes() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    app = phone(token)
    app.text_input(key="participant_title").input("E-Rechnung")
    app.button[0].click().run()
    app.run()  # what the phone's watch or any other rerun does

    assert "Gesendet: E-Rechnung" in app.success[0].value
    rooms().start_round(room_id, RoundKind.ESTIMATE, ["M02"])
    app.run()
    assert not app.success
    app.segmented_control(key="participant_v_M02").set_value(5)
    app.segmented_control(key="participant_e_M02").set_value(2)
    app.button[0].click().run()
    app.run()

    assert "1 Bewertung gesendet" in app.success[0].value
    rooms().start_round(room_id, RoundKind.IDEAS)
    assert not app.run().success


def test_a_half_typed_idea_stays_in_its_fields_while_another_round_runs_until_it_is_sent() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    app = phone(token)
    app.text_input(key="participant_title").input("Kundenportal").run()  # left the field: not sent
    app.text_area(key="participant_description").input("mit Login").run()

    rooms().start_round(room_id, RoundKind.VOTE)
    app.run()
    rooms().start_round(room_id, RoundKind.IDEAS)
    app.run()

    assert app.text_input(key="participant_title").value == "Kundenportal"
    assert app.text_area(key="participant_description").value == "mit Login"
    app.button(key="participant_send_idea").click().run()
    assert [i.title for i in rooms().ideas(rooms().room(room_id))] == ["Kundenportal"]
    assert app.text_input(key="participant_title").value == ""
    rooms().start_round(room_id, RoundKind.IDEAS)
    assert app.run().text_input(key="participant_title").value == ""  # a sent idea is not kept


def test_the_dots_left_follow_every_tap_before_anything_is_sent() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.VOTE)
    app = phone(token)
    before = app.markdown

    app.number_input(key="participant_dots_M01").increment().run()
    after_one = [m.value for m in app.markdown]
    app.number_input(key="participant_dots_M02").set_value(2).run()

    assert "Punkte übrig: 3 von 3" in [m.value for m in before]
    assert "Punkte übrig: 2 von 3" in after_one
    assert "Punkte übrig: 0 von 3" in [m.value for m in app.markdown]
    assert not app.button(key="participant_send_dots").disabled
    assert rooms().voters(rooms().room(room_id)) == 0  # counted on the phone, nothing sent yet


def test_a_sent_confirmation_sits_right_under_its_button_and_comes_as_a_toast() -> None:
    _, room_id, token = opened()
    rooms().start_round(room_id, RoundKind.IDEAS)
    app = phone(token)
    app.text_input(key="participant_title").input("E-Rechnung")

    app.button(key="participant_send_idea").click().run()

    assert [toast.value for toast in app.toast] == ["Gesendet: E-Rechnung"]
    idea = next(c for c in app.main.children.values() if getattr(c, "key", None) == "participant_idea")
    kinds = [type(child).__name__ for child in idea.children.values()]
    assert kinds[-2:] == ["Button", "Success"]  # the confirmation follows the button inside the card


def moderator(ident: str) -> AppTest:
    app = open_page("app_pages/04_priorisierung.py", ident=ident)
    app.segmented_control(key="priorisierung_section").set_value("phones").run()
    return app


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
    rooms().start_round(room_id, RoundKind.VOTE)
    app = phone(token)
    app.number_input(key="participant_dots_M01").set_value(2)
    app.number_input(key="participant_dots_M02").set_value(1)
    app.button(key="participant_send_dots").click().run()

    reloaded = phone(token, device=app.query_params["d"])
    shown = reloaded.number_input(key="participant_dots_M01").value
    reloaded.number_input(key="participant_dots_M01").set_value(3)
    reloaded.number_input(key="participant_dots_M02").set_value(0)
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
