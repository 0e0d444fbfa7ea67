"""The moderator's stage and the phones seen, in the store (roadmap/store/presence.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from roadmap.domain.workshop import Workshop
from roadmap.store.participation import Participation
from roadmap.store.presence import JOINED_SECONDS, Presence, Stage
from roadmap.store.workshops import Store

NOW = 1_800_000_000.0


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'presence.sqlite'}")
    yield opened
    opened.close()


def test_a_room_screen_follows_the_page_the_moderator_turned_to_last(store: Store) -> None:
    presence, ident = Presence(store), store.create(Workshop(), "W")

    presence.show(Stage(ident, "roadmap"), NOW)
    presence.show(Stage(ident, "budget", lang="en"), NOW + 1)

    assert presence.follow(ident) == Stage(ident, "budget", "", "en", NOW + 1, 0.0)
    assert presence.latest() == presence.follow(ident)


def test_the_same_page_again_writes_nothing(store: Store) -> None:
    presence, ident = Presence(store), store.create(Workshop(), "W")
    presence.show(Stage(ident, "roadmap"), NOW)

    again = presence.show(Stage(ident, "roadmap"), NOW + 5)

    assert not again and presence.follow(ident) is not None and presence.follow(ident).updated == NOW  # type: ignore[union-attr]


def test_a_room_screen_follows_the_moderator_to_another_workshop_and_back(store: Store) -> None:
    presence = Presence(store)
    first, second = store.create(Workshop(), "A"), store.create(Workshop(), "B")
    presence.show(Stage(first, "roadmap"), NOW)

    presence.show(Stage(second, "budget"), NOW + 1, came_from=first)
    there = presence.follow(first)
    presence.show(Stage(first, "unternehmen"), NOW + 2, came_from=second)

    assert there is not None and (there.workshop_id, there.page) == (second, "budget")
    back = presence.follow(first)
    assert back is not None and (back.workshop_id, back.page) == (first, "unternehmen")
    assert presence.follow(second) == back


def test_a_looking_room_screen_is_noted_and_survives_a_page_change(store: Store) -> None:
    presence, ident = Presence(store), store.create(Workshop(), "W")
    presence.show(Stage(ident, "roadmap"), NOW)

    presence.screen_looked(ident, NOW + 1)
    presence.show(Stage(ident, "budget"), NOW + 2)

    assert presence.follow(ident).screen_seen == NOW + 1  # type: ignore[union-attr]


def test_phones_joined_are_the_distinct_ids_seen_in_the_last_30_seconds(store: Store) -> None:
    presence, ident = Presence(store), store.create(Workshop(), "W")
    room, _ = Participation(store).open_room(ident, NOW)

    presence.phone_seen(room.id, "a", NOW - JOINED_SECONDS - 1)
    presence.phone_seen(room.id, "b", NOW - 10)
    presence.phone_seen(room.id, "b", NOW - 2)  # the same phone again: still one
    presence.phone_seen(room.id, "c", NOW)

    assert presence.phones(room.id, NOW) == 2
    presence.phone_seen(room.id, "a", NOW)
    assert presence.phones(room.id, NOW) == 3


def test_deleting_a_workshop_takes_its_stage_and_its_phones_with_it(store: Store) -> None:
    presence, ident = Presence(store), store.create(Workshop(), "W")
    room, _ = Participation(store).open_room(ident, NOW)
    presence.show(Stage(ident, "roadmap"), NOW)
    presence.phone_seen(room.id, "a", NOW)

    store.delete(ident)

    assert presence.follow(ident) is None and presence.latest() is None and presence.phones(room.id, NOW) == 0
