"""A room for phones: its token opens one workshop's participant view until it ends or expires, and
what the phones send is kept per round, bounded, and counted without losing a vote – on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from roadmap.domain.measure import Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.store.participation import LIFETIME, Participation, Refused, Room
from roadmap.store.workshops import Store
from roadmap.workshop.rounds import IDEAS_PER_DEVICE, IDEAS_PER_ROUND, PHONE_FULL, ROUND_FULL, IdeaText, RoundKind
from tests.store_backends import BACKENDS, fresh_database

NOW = 1_780_000_000.0
ROOM_WORKSHOP = Workshop(measures=(Measure("M01", "ERP"), Measure("M02", "Cloud")))


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store on a fresh database of each backend."""
    for url in fresh_database(request.param, tmp_path):
        opened = Store.open(url)
        yield opened
        opened.close()


@pytest.fixture
def rooms(store: Store) -> Participation:
    return Participation(store)


def opened(store: Store, rooms: Participation) -> tuple[str, Room, str]:
    workshop_id = store.create(ROOM_WORKSHOP, "Müller GmbH")
    room, token = rooms.open_room(workshop_id, NOW)
    return workshop_id, room, token


def test_a_token_carries_128_random_bits_and_is_looked_up_by_its_hash(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    _, _, other = opened(store, rooms)

    assert len(token) >= 22 and token != other  # 16 random bytes in URL-safe base64
    with store.reading() as conn:
        stored = conn.execute(text("SELECT token_hash FROM rooms WHERE id = :id"), {"id": room.id}).scalar()
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert rooms.token(room.id) == token  # the moderator's screen shows it again after a reload
    assert len(room.code) == 6 and room.code.isalnum()


def test_a_token_opens_its_workshops_room_with_the_workshops_name(store: Store, rooms: Participation) -> None:
    workshop_id, room, token = opened(store, rooms)

    admitted = rooms.admit(token, NOW + 60)

    assert (admitted.id, admitted.workshop_id, admitted.workshop_name) == (room.id, workshop_id, "Müller GmbH")


@pytest.mark.parametrize(
    "bad", ["", "x", "A" * 22, "' OR 1=1 --", "a" * 10_000, "../../10_workshops", "%00", "<script>"]
)
def test_a_wrong_or_crafted_token_opens_nothing(store: Store, rooms: Participation, bad: str) -> None:
    opened(store, rooms)

    with pytest.raises(Refused):
        rooms.admit(bad, NOW)


@pytest.mark.parametrize(
    ("later", "open_"), [(0, True), (LIFETIME - 1, True), (LIFETIME, False), (LIFETIME * 3, False)]
)
def test_a_token_expires_after_twelve_hours(store: Store, rooms: Participation, later: float, open_: bool) -> None:
    _, _, token = opened(store, rooms)

    if open_:
        rooms.admit(token, NOW + later)
    else:
        with pytest.raises(Refused):
            rooms.admit(token, NOW + later)


def test_ending_a_room_locks_its_token_out_at_once(store: Store, rooms: Participation) -> None:
    workshop_id, room, token = opened(store, rooms)
    rooms.start_round(room.id, RoundKind.IDEAS)

    rooms.end(room.id)

    with pytest.raises(Refused):
        rooms.admit(token, NOW + 1)
    with pytest.raises(Refused):
        rooms.send_idea(token, "phone", "", IdeaText("E-Rechnung", ""), NOW + 1)
    assert rooms.current(workshop_id, NOW + 1) is None


def test_opening_a_new_room_ends_the_old_one(store: Store, rooms: Participation) -> None:
    workshop_id, _, old = opened(store, rooms)

    room, new = rooms.open_room(workshop_id, NOW + 5)

    with pytest.raises(Refused):
        rooms.admit(old, NOW + 6)
    assert rooms.admit(new, NOW + 6).id == room.id == (rooms.current(workshop_id, NOW + 6) or room).id


def test_a_token_of_one_workshop_never_opens_another(store: Store, rooms: Participation) -> None:
    first, _, token = opened(store, rooms)
    second = store.create(ROOM_WORKSHOP, "Andere GmbH")
    rooms.open_room(second, NOW)

    assert rooms.admit(token, NOW).workshop_id == first


def test_deleting_the_workshop_deletes_its_rooms(store: Store, rooms: Participation) -> None:
    workshop_id, _, token = opened(store, rooms)

    store.delete(workshop_id)

    with pytest.raises(Refused):
        rooms.admit(token, NOW)


@pytest.mark.parametrize(
    ("kind", "send"),
    [
        (None, "idea"),
        (RoundKind.VOTE, "idea"),
        (RoundKind.IDEAS, "rating"),
        (RoundKind.IDEAS, "ballot"),
    ],
)
def test_a_phone_can_send_only_to_the_open_round_of_its_kind(
    store: Store, rooms: Participation, kind: RoundKind | None, send: str
) -> None:
    _, room, token = opened(store, rooms)
    if kind is not None:
        rooms.start_round(room.id, kind, ["M01"])

    with pytest.raises(RoadmapError) as caught:
        if send == "idea":
            rooms.send_idea(token, "p", "", IdeaText("x", ""), NOW)
        elif send == "rating":
            rooms.send_rating(token, "p", "", "M01", 3, 3, NOW)
        else:
            rooms.send_ballot(token, "p", "", {"M01": 1}, NOW)

    assert "nicht offen" in caught.value.message("de")


def test_a_closed_round_takes_nothing_more(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    rooms.start_round(room.id, RoundKind.IDEAS)
    rooms.send_idea(token, "p", "Anna", IdeaText("E-Rechnung", "bald"), NOW)

    rooms.close_round(room.id)

    with pytest.raises(RoadmapError):
        rooms.send_idea(token, "p", "Anna", IdeaText("Noch eine", ""), NOW)
    assert [i.title for i in rooms.ideas(rooms.room(room.id))] == ["E-Rechnung"]


def test_ideas_are_bounded_per_phone_and_per_round(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    current = rooms.start_round(room.id, RoundKind.IDEAS)
    for n in range(IDEAS_PER_DEVICE):
        rooms.send_idea(token, "greedy", "", IdeaText(f"Idee {n}", ""), NOW)

    with pytest.raises(RoadmapError):
        rooms.send_idea(token, "greedy", "", IdeaText("eine mehr", ""), NOW)
    for n in range(IDEAS_PER_ROUND - IDEAS_PER_DEVICE):
        rooms.send_idea(token, f"phone-{n}", "", IdeaText(f"Idee {n}", ""), NOW)
    with pytest.raises(RoadmapError):
        rooms.send_idea(token, "fresh", "", IdeaText("zu spät", ""), NOW)
    assert len(rooms.ideas(current)) == IDEAS_PER_ROUND


def test_one_phone_fills_only_its_share_of_a_rounds_ideas_and_is_told_so(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    current = rooms.start_round(room.id, RoundKind.IDEAS)
    for n in range(IDEAS_PER_DEVICE):
        rooms.send_idea(token, "reloaded-phone", "", IdeaText(f"Idee {n}", ""), NOW)

    with pytest.raises(RoadmapError) as caught:
        rooms.send_idea(token, "reloaded-phone", "", IdeaText("eine mehr", ""), NOW)

    assert caught.value.message("de") == PHONE_FULL("de") and "20 Ideen" in caught.value.message("de")
    assert caught.value.message("en") == PHONE_FULL("en")
    assert IDEAS_PER_DEVICE * 10 < IDEAS_PER_ROUND  # ten such phones leave room for everybody else
    rooms.send_idea(token, "neighbour", "", IdeaText("noch Platz", ""), NOW)
    assert len(rooms.ideas(current)) == IDEAS_PER_DEVICE + 1


def test_a_full_round_refuses_every_phone_with_its_own_sentence(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    rooms.start_round(room.id, RoundKind.IDEAS)
    for n in range(IDEAS_PER_ROUND):
        rooms.send_idea(token, f"phone-{n % 50}", "", IdeaText(f"Idee {n}", ""), NOW)

    with pytest.raises(RoadmapError) as caught:
        rooms.send_idea(token, "fresh", "", IdeaText("zu spät", ""), NOW)

    assert caught.value.message("de") == ROUND_FULL("de")


def test_ideas_keep_their_state_as_the_moderator_marks_them(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    current = rooms.start_round(room.id, RoundKind.IDEAS)
    for title in ("A", "B", "C"):
        rooms.send_idea(token, "p", "", IdeaText(title, ""), NOW)
    a, b, c = rooms.ideas(current)

    rooms.mark_idea(room.id, a.id, "accepted")
    rooms.mark_idea(room.id, c.id, "discarded")

    assert [i.state for i in rooms.ideas(current)] == ["accepted", "open", "discarded"]
    with pytest.raises(ValueError):
        rooms.mark_idea(room.id, b.id, "published")


def test_a_phones_new_rating_replaces_its_old_one_and_only_chosen_measures_are_rated(
    store: Store, rooms: Participation
) -> None:
    _, room, token = opened(store, rooms)
    current = rooms.start_round(room.id, RoundKind.ESTIMATE, ["M01"])
    rooms.send_rating(token, "p1", "", "M01", 1, 2, NOW)
    rooms.send_rating(token, "p1", "", "M01", 4, 2, NOW)
    rooms.send_rating(token, "p2", "", "M01", 5, 5, NOW)

    with pytest.raises(RoadmapError):
        rooms.send_rating(token, "p1", "", "M02", 3, 3, NOW)
    assert sorted(rooms.ratings(current)) == [("M01", 4, 2), ("M01", 5, 5)]
    assert rooms.raters(current) == 2 and not current.revealed
    rooms.reveal(room.id)
    assert rooms.room(room.id).revealed and not rooms.room(room.id).round_open


def test_a_phones_new_ballot_replaces_its_old_one(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    current = rooms.start_round(room.id, RoundKind.VOTE)
    rooms.send_ballot(token, "p1", "", {"M01": 3}, NOW)
    rooms.send_ballot(token, "p1", "", {"M01": 1, "M02": 2}, NOW)
    rooms.send_ballot(token, "p2", "", {}, NOW)

    assert rooms.totals(current) == {"M01": 1, "M02": 2}
    assert rooms.voters(current) == 2
    assert sorted(rooms.mine(current, "p1")) == [("ballot", "", 0, 0), ("dots", "M01", 1, 0), ("dots", "M02", 2, 0)]


def test_a_new_round_starts_empty_and_every_change_raises_the_version(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    seen = [rooms.version(room.id)]
    first = rooms.start_round(room.id, RoundKind.VOTE)
    seen.append(rooms.version(room.id))
    rooms.send_ballot(token, "p1", "", {"M01": 1}, NOW)
    seen.append(rooms.version(room.id))
    second = rooms.start_round(room.id, RoundKind.VOTE)
    seen.append(rooms.version(room.id))

    assert seen == sorted(set(seen)) and second.round_no == first.round_no + 1
    assert rooms.totals(second) == {} and rooms.totals(first) == {"M01": 1}


def test_thirty_phones_voting_at_once_lose_no_vote(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    current = rooms.start_round(room.id, RoundKind.VOTE)
    failures: list[BaseException] = []

    def vote(n: int) -> None:
        try:
            rooms.send_ballot(token, f"phone-{n}", "", {"M01": 2, "M02": 1} if n % 2 else {"M02": 3}, NOW)
        except BaseException as error:  # collected and asserted below
            failures.append(error)

    threads = [threading.Thread(target=vote, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert rooms.voters(current) == 30 and rooms.totals(current) == {"M01": 30, "M02": 15 + 45}


def test_a_second_store_on_the_same_database_sees_the_same_room(store: Store, rooms: Participation) -> None:
    _, room, token = opened(store, rooms)
    other = Participation(Store.open(store.url.render_as_string(hide_password=False)))
    rooms.start_round(room.id, RoundKind.VOTE)

    other.send_ballot(token, "p", "", {"M02": 1}, NOW)

    assert rooms.totals(rooms.room(room.id)) == {"M02": 1}
    assert other.version(room.id) == rooms.version(room.id)


def test_an_old_database_gets_the_participation_tables_on_opening(tmp_path: Path) -> None:
    from roadmap.store.schema import create_v1

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        create_v1(conn)
    engine.dispose()

    store = Store.open(url)
    workshop_id = store.create(ROOM_WORKSHOP, "alt")
    room, token = Participation(store).open_room(workshop_id, NOW)
    assert Participation(store).admit(token, NOW).id == room.id
    store.close()
