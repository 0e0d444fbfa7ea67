"""The store keeps every workshop, its last 20 changes and its snapshots, on SQLite and PostgreSQL alike.

Every test here runs on both backends (see tests/store_backends.py for the PostgreSQL setup).
The refusals of bad databases are in tests/test_store_open.py.
"""

from __future__ import annotations

import itertools
import json
import threading
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import Criterion, Profile
from roadmap.domain.workshop import Workshop
from roadmap.store.records import encode
from roadmap.store.workshops import Conflict, NotFound, Store
from roadmap.workshop.compare import compare
from roadmap.workshop.demo import demo_workshop
from roadmap.workshop.serialize import workshop_to_dict
from tests.pages import large_workshop
from tests.store_backends import BACKENDS, fresh_database

DEMO = demo_workshop(date(2026, 12, 1))


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend."""
    yield from fresh_database(request.param, tmp_path)


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    """A store on a fresh database, with a clock that ticks one second per call."""
    opened = Store.open(url)
    ticks = itertools.count(1_780_000_000)
    opened.clock = lambda: float(next(ticks))
    yield opened
    opened.close()


def rich_workshop() -> Workshop:
    """A small workshop using every kind of field (months, KPI, criteria, umlauts)."""
    profile = Profile(
        name="Müller & Söhne GmbH",
        revenue=4_000_000,
        baseline_it=40_000,
        criteria=(Criterion("Kundennutzen", "value", 2.0),),
        horizon_start=Month(2026, 1),
        horizon_end=Month(2027, 6),
    )
    measures = (
        Measure("A", "ERP-Einführung", one_time_cost=30_000, duration=3, kpi=Kpi("Durchlaufzeit", "10 d", "5 d")),
        Measure(
            "B", "Schulung „Daten“", depends_on=("A",), earliest_start=Month(2026, 5), criteria={"Kundennutzen": 4}
        ),
        Measure("C", "Cloud-Backup", deadline=Month(2026, 9), pinned=Month(2026, 3), must_have=True, votes=2),
    )
    return Workshop(profile, measures, {"proz-1": 2}, 7)


def with_participants(workshop: Workshop, count: int) -> Workshop:
    """The workshop with another number of participants: a small, easily checked change."""
    return workshop.with_changes(participants=count)


def test_the_stored_form_is_exactly_the_serialized_workshop() -> None:
    for workshop in (Workshop(), rich_workshop(), DEMO, large_workshop(60)):
        stored = json.loads(zlib.decompress(encode(workshop)))

        assert stored == workshop_to_dict(workshop)


def test_a_workshop_comes_back_unchanged_after_the_store_is_reopened(url: str) -> None:
    first = Store.open(url)
    ids = {name: first.create(w, name) for name, w in (("klein", rich_workshop()), ("groß", large_workshop(500)))}
    first.close()

    again = Store.open(url)

    assert again.load(ids["klein"]) == (rich_workshop(), 1)
    assert again.load(ids["groß"]) == (large_workshop(500), 1)
    again.close()


def test_the_list_shows_name_measure_count_and_newest_change_first(store: Store) -> None:
    older = store.create(DEMO, "Bäckerei Schmidt")
    newer = store.create(rich_workshop(), "Müller & Söhne")
    store.save(older, with_participants(DEMO, 9), 1)

    listed = store.workshops()

    assert [(w.id, w.name, w.measures, w.version) for w in listed] == [
        (older, "Bäckerei Schmidt", len(DEMO.measures), 2),
        (newer, "Müller & Söhne", 3, 1),
    ]
    assert listed[0].updated > listed[1].updated
    assert store.info(newer).name == "Müller & Söhne"


def test_ids_are_short_url_safe_and_distinct(store: Store) -> None:
    ids = {store.create(Workshop(), f"W{n}") for n in range(20)}

    assert len(ids) == 20
    assert all(len(i) == 11 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


def test_a_save_with_an_old_version_is_refused_with_the_current_state(url: str) -> None:
    tab_one, tab_two = Store.open(url), Store.open(url)
    workshop_id = tab_one.create(rich_workshop(), "Workshop")
    workshop, version = tab_two.load(workshop_id)
    tab_one.save(workshop_id, with_participants(workshop, 11), version)

    with pytest.raises(Conflict) as refused:
        tab_two.save(workshop_id, with_participants(workshop, 22), version)

    assert refused.value.version == version + 1
    assert refused.value.workshop.participants == 11
    assert tab_two.load(workshop_id) == (with_participants(rich_workshop(), 11), version + 1)
    assert "Jemand anderes hat diesen Workshop inzwischen geändert" in refused.value.text("de")
    assert "Someone else has changed this workshop" in refused.value.text("en")
    assert isinstance(refused.value, RoadmapError)
    tab_one.close()
    tab_two.close()


def test_two_writers_with_the_same_version_at_once_one_wins_and_one_is_told(store: Store) -> None:
    workshop_id = store.create(rich_workshop(), "Workshop")
    outcomes: list[str] = []
    start = threading.Barrier(4)

    def write(count: int) -> None:
        start.wait()
        try:
            store.save(workshop_id, with_participants(rich_workshop(), count), 1)
            outcomes.append("saved")
        except Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=write, args=(n,)) for n in (11, 12, 13, 14)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict", "conflict", "conflict", "saved"]
    assert store.load(workshop_id)[1] == 2


def test_saving_an_unchanged_workshop_keeps_the_version_and_adds_no_undo_step(store: Store) -> None:
    workshop_id = store.create(rich_workshop(), "Workshop")

    assert store.save(workshop_id, rich_workshop(), 1) == 1
    assert store.undo_state(workshop_id).undo == 0


def test_two_workshops_never_touch_each_other(store: Store) -> None:
    first = store.create(rich_workshop(), "Erster")
    second = store.create(DEMO, "Zweiter")
    version = store.save(first, with_participants(rich_workshop(), 3), 1)
    version = store.save(first, with_participants(rich_workshop(), 4), version)
    store.undo(first, version)
    store.take_snapshot(first, "Stand")

    assert store.load(second) == (DEMO, 1)
    assert store.undo_state(second).undo == 0 and store.undo_state(second).redo == 0
    assert store.snapshots_of(second) == []
    store.delete(first)
    assert store.load(second) == (DEMO, 1)


def test_parallel_edits_of_different_workshops_are_all_kept(store: Store) -> None:
    ids = [store.create(rich_workshop(), f"W{n}") for n in range(4)]

    def edit(workshop_id: str) -> None:
        version = 1
        for count in range(1, 8):
            version = store.save(workshop_id, with_participants(rich_workshop(), count), version)

    threads = [threading.Thread(target=edit, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [store.load(i) for i in ids] == [(with_participants(rich_workshop(), 7), 8)] * 4


def test_undo_and_redo_walk_back_and_forth_through_the_changes(store: Store) -> None:
    workshop_id = store.create(with_participants(rich_workshop(), 0), "Workshop")
    version = 1
    for count in (1, 2, 3):
        version = store.save(workshop_id, with_participants(rich_workshop(), count), version)

    workshop, version = store.undo(workshop_id, version)
    assert workshop.participants == 2
    workshop, version = store.undo(workshop_id, version)
    assert workshop.participants == 1
    workshop, version = store.redo(workshop_id, version)
    assert workshop.participants == 2
    assert store.load(workshop_id) == (workshop, version) and version == 7
    state = store.undo_state(workshop_id)
    assert (state.undo, state.redo) == (2, 1)


def test_undo_keeps_the_last_20_changes(store: Store) -> None:
    workshop_id = store.create(with_participants(rich_workshop(), 0), "Workshop")
    version = 1
    for count in range(1, 26):
        version = store.save(workshop_id, with_participants(rich_workshop(), count), version)
    assert store.undo_state(workshop_id).undo == 20

    for _ in range(20):
        workshop, version = store.undo(workshop_id, version)

    assert workshop.participants == 5
    with pytest.raises(RoadmapError, match="nichts rückgängig"):
        store.undo(workshop_id, version)
    assert store.undo_state(workshop_id).redo == 20


def test_a_new_change_after_undo_drops_the_redo_branch(store: Store) -> None:
    workshop_id = store.create(with_participants(rich_workshop(), 0), "Workshop")
    version = store.save(workshop_id, with_participants(rich_workshop(), 1), 1)
    version = store.save(workshop_id, with_participants(rich_workshop(), 2), version)
    _, version = store.undo(workshop_id, version)

    version = store.save(workshop_id, with_participants(rich_workshop(), 9), version)

    assert store.undo_state(workshop_id).redo == 0
    with pytest.raises(RoadmapError) as refused:
        store.redo(workshop_id, version)
    assert refused.value.text("en") == "There is nothing to redo."
    workshop, _ = store.undo(workshop_id, version)
    assert workshop.participants == 1


def test_undo_and_redo_tell_what_they_would_change(store: Store) -> None:
    workshop_id = store.create(rich_workshop(), "Workshop")
    label = Message("Budgetanteil geändert", "Budget share changed")
    version = store.save(workshop_id, with_participants(rich_workshop(), 1), 1, label)
    assert store.undo_state(workshop_id).undo_label == label

    _, version = store.undo(workshop_id, version)

    state = store.undo_state(workshop_id)
    assert (state.undo_label, state.redo_label) == (None, label)


def test_undo_with_an_old_version_is_a_conflict(store: Store) -> None:
    workshop_id = store.create(rich_workshop(), "Workshop")
    store.save(workshop_id, with_participants(rich_workshop(), 1), 1)

    with pytest.raises(Conflict):
        store.undo(workshop_id, 1)
    assert store.load(workshop_id)[0].participants == 1


def test_rename_duplicate_and_delete(store: Store) -> None:
    original = store.create(rich_workshop(), "Original")
    store.save(original, with_participants(rich_workshop(), 1), 1)
    store.take_snapshot(original, "Stand 1")

    store.rename(original, "  Müller   2026 ")
    copy = store.duplicate(original)

    assert store.info(original).name == "Müller 2026"
    assert store.info(copy).name == "Müller 2026 (Kopie)"
    assert store.load(copy) == (with_participants(rich_workshop(), 1), 1)
    assert store.undo_state(copy).undo == 0 and store.snapshots_of(copy) == []
    store.delete(original)
    assert not store.exists(original)
    with pytest.raises(NotFound):
        store.load(original)
    assert [w.id for w in store.workshops()] == [copy]


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_workshop_needs_a_sensible_name(store: Store, name: str) -> None:
    with pytest.raises(RoadmapError):
        store.create(Workshop(), name)
    assert store.workshops() == []


def test_unknown_ids_are_reported_not_crashed_on(store: Store) -> None:
    for action in (
        lambda: store.load("nope"),
        lambda: store.save("nope", Workshop(), 1),
        lambda: store.rename("nope", "x"),
        lambda: store.delete("nope"),
        lambda: store.take_snapshot("nope", "x"),
        lambda: store.load_snapshot("nope"),
        lambda: store.restore_snapshot("nope", 1),
    ):
        with pytest.raises(NotFound):
            action()


def test_a_snapshot_restores_the_state_it_was_taken_of_and_the_restore_can_be_undone(store: Store) -> None:
    workshop_id = store.create(DEMO, "Demo")
    snapshot_id = store.take_snapshot(workshop_id, "vor Workshop 2")
    changed = DEMO.with_changes(measures=(*DEMO.measures[:-3], Measure("NEU", "Neue Idee")))
    version = store.save(workshop_id, changed, 1)

    restored, version = store.restore_snapshot(snapshot_id, version)

    assert restored == DEMO and store.load(workshop_id) == (DEMO, version)
    assert store.undo_state(workshop_id).undo_label == Message(
        "Stand „vor Workshop 2“ wiederhergestellt", "Snapshot 'vor Workshop 2' restored"
    )
    undone, version = store.undo(workshop_id, version)
    assert undone == changed
    with pytest.raises(Conflict):
        store.restore_snapshot(snapshot_id, version - 1)


def test_snapshots_are_listed_newest_first_and_can_be_deleted(store: Store) -> None:
    workshop_id = store.create(DEMO, "Demo")
    first = store.take_snapshot(workshop_id, "vor Workshop 2")
    store.save(workshop_id, with_participants(DEMO, 3), 1)
    second = store.take_snapshot(workshop_id, "nach Workshop 2")

    listed = store.snapshots_of(workshop_id)

    assert [(s.id, s.name, s.measures) for s in listed] == [
        (second, "nach Workshop 2", len(DEMO.measures)),
        (first, "vor Workshop 2", len(DEMO.measures)),
    ]
    assert store.load_snapshot(second).participants == 3
    store.delete_snapshot(first)
    assert [s.id for s in store.snapshots_of(workshop_id)] == [second]


def test_a_new_workshop_can_bring_earlier_states_as_snapshots_taken_when_they_were(store: Store) -> None:
    earlier = with_participants(DEMO, 2)
    workshop_id = store.create(DEMO, "Demo", earlier=[("Workshop-Ergebnis", earlier, 1_770_000_000.0)])

    (kept,) = store.snapshots_of(workshop_id)

    assert (kept.name, kept.measures, kept.created.timestamp()) == (
        "Workshop-Ergebnis",
        len(DEMO.measures),
        1_770_000_000,
    )
    assert store.load_snapshot(kept.id) == earlier and store.load(workshop_id) == (DEMO, 1)
    assert store.undo_state(workshop_id).undo == 0  # the earlier state is no change to take back


def test_a_snapshot_compared_with_now_shows_what_moved_and_what_it_costs(store: Store) -> None:
    workshop_id = store.create(rich_workshop(), "Workshop")
    snapshot_id = store.take_snapshot(workshop_id, "vorher")
    measures = rich_workshop().measures
    later = rich_workshop().with_changes(
        measures=(measures[0], measures[1].with_changes(earliest_start=Month(2026, 8)), Measure("D", "Webshop"))
    )
    store.save(workshop_id, later, 1)

    difference = compare(store.load_snapshot(snapshot_id), store.load(workshop_id)[0])

    assert [m.id for m in difference.added] == ["D"] and [m.id for m in difference.removed] == ["C"]
    assert [(m.measure.id, m.before, m.after) for m in difference.moved] == [("B", Month(2026, 5), Month(2026, 8))]
