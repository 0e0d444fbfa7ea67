"""Participation from phones, the phone's view: a token link shows the workshop's name and waits,
and in each round the phone sends ideas, dots and ratings, keeps what is typed and confirms what it sent.
"""

from __future__ import annotations

from roadmap.workshop.rounds import RoundKind
from tests.participation_pages import ROOM, cast_dots, opened, phone, rooms
from ui.participation import dots_key
from ui.session import store


def test_a_token_link_shows_the_workshops_name_and_waits_for_the_moderator() -> None:
    _, _, token = opened("Bäckerei <b>Kranz</b>")

    app = phone(token)

    assert not app.exception
    assert app.title[0].value == r"Bäckerei \<b\>Kranz\</b\>"  # shown as typed, never as HTML
    assert "Moderation" in app.info[0].value
    assert all(field.disabled for field in app.text_input)  # the name field comes with the first round
    assert not app.sidebar.markdown and not app.button


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
    round_no = rooms().start_round(room_id, RoundKind.VOTE).round_no
    app = phone(token)

    assert [c.label for c in app.number_input if not c.disabled] == ["ERP-Einführung", "Cloud-Backup"]
    cast_dots(app, round_no, {"M01": 2, "M02": 1})

    assert not app.exception
    assert rooms().totals(rooms().room(room_id)) == {"M01": 2, "M02": 1}
    app.number_input(key=dots_key(round_no, "M01")).set_value(3).run()
    assert app.error[0].value == "1 Punkt zu viel: Sie haben 3 Punkte."
    assert app.button(key="participant_send_dots").disabled
    assert rooms().totals(rooms().room(room_id)) == {"M01": 2, "M02": 1}


def test_a_new_vote_round_starts_from_no_dots_not_from_the_last_rounds() -> None:
    _, room_id, token = opened()
    first = rooms().start_round(room_id, RoundKind.VOTE).round_no
    app = phone(token)
    cast_dots(app, first, {"M01": 2, "M02": 1})

    rooms().close_round(room_id)
    second = rooms().start_round(room_id, RoundKind.VOTE).round_no
    app.run()

    assert not app.exception
    assert [c.value for c in app.number_input if not c.disabled] == [0, 0]
    assert "Punkte übrig: 3 von 3" in [m.value for m in app.markdown]
    app.number_input(key=dots_key(second, "M02")).set_value(3)
    app.button(key="participant_send_dots").click().run()
    assert rooms().totals(rooms().room(room_id)) == {"M02": 3}  # the new round counts its own ballot only


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
    round_no = rooms().start_round(room_id, RoundKind.VOTE).round_no
    app = phone(token)
    before = app.markdown

    app.number_input(key=dots_key(round_no, "M01")).increment().run()
    after_one = [m.value for m in app.markdown]
    app.number_input(key=dots_key(round_no, "M02")).set_value(2).run()

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
