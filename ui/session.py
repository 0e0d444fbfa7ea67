"""The session's workshop behind a small interface, saved at once in the store, and every store operation.

Pages read the workshop with `workshop()` and change it only through `save()` (or the widget
callback `ui.widgets.update`). Every change is written to the store (roadmap/store/workshops.py)
before the page finishes drawing; the session keeps the workshop and its version, and `sync()`
takes over what another tab or person saved meanwhile. Workshops and snapshots are listed,
renamed, duplicated, deleted, taken and restored through the functions here: no page touches the
store itself. Plans and views derived from a stored version are made once and shared by every
session of the server in ui/plans.py.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime, time
from typing import TypeVar, cast

import streamlit as st

from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.store.records import SnapshotInfo, UndoState, WorkshopInfo
from roadmap.store.workshops import Conflict, NotFound, Store
from roadmap.workshop.demo import BASELINE_NAME, demo_at_workshop, workshop_day
from roadmap.workshop.demo import demo_workshop as demo_on
from ui.clock import this_month, today
from ui.errors import guarded, notify, warn
from ui.language import say, t

_HELD = "held_workshop"
_INFO = "_workshop_info"  # the workshop's line as sync() read it at the start of this run
_SAVED_AT = "_saved_at"
_WRITE_FAILED = "_write_failed"  # why the session's last change could not be written, until one is
_UNDO = "_undo_state"  # (workshop id, version, what can be undone and redone there)
_RUN_READS = "_run_reads"  # what the store said during this run of the script (see `begin_run`)
WORKSHOP_PARAM = "w"  # the workshop's id in the URL, so a link opens it

T = TypeVar("T")


def demo_workshop() -> Workshop:
    """The demo workshop (a fictional firm of 45 people) as it stands today (roadmap/workshop/demo.py)."""
    return demo_on(today())


def new_workshop() -> Workshop:
    """An empty workshop whose horizon looks ahead from this month."""
    return Workshop.starting(this_month())


@functools.cache
def _store_at(url: str) -> Store:
    return Store.open(url or None)


def store() -> Store:
    """The store of this server process (DATABASE_URL, else data/roadmap.sqlite), opened once.

    Only this module (and the tests) use it; pages call the functions below.

    Raises:
        RoadmapError: if the database cannot be opened (the app then shows the message and stops).
    """
    return _store_at(os.environ.get("DATABASE_URL", ""))


def begin_run() -> None:
    """A new run of the script (app.py, first thing): what the store said during the last run is read
    again when asked.

    Within a run, the snapshot list is read once (`_once_per_run`), however many parts of the page
    ask: the Umsetzung page asked for it five times per rerun. A snapshot this session takes,
    deletes or restores is read again at once; a timed fragment's run keeps what its full run read.
    """
    st.session_state[_RUN_READS] = {}


def _once_per_run(key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, once per run of the script and `key` (without `begin_run`, as in a test, every time)."""
    kept = st.session_state.get(_RUN_READS)
    if not isinstance(kept, dict):
        return read()
    if key not in kept:
        kept[key] = read()
    return cast(T, kept[key])


def _forget_run_reads() -> None:
    """This session changed the store: read it again when asked."""
    kept = st.session_state.get(_RUN_READS)
    if isinstance(kept, dict):
        kept.clear()


# --- the session's workshop ----------------------------------------------------------------------


@dataclass(eq=False)
class Held:
    """The session's workshop, its id and stored version, and a revision that grows with every change.

    One object in the session state, changed in place. Every access to st.session_state is a point
    where Streamlit may stop a run for a newer one the browser asked for meanwhile (a field changed
    while another one's change is being saved): a change is written to the store and recorded here
    with no Streamlit call in between (`_change`), so the session never misses its own write and
    meets it later as someone else's (a conflict that would drop the next edit).
    """

    ident: str
    workshop: Workshop
    version: int
    revision: int = 1

    def take(self, ident: str, current: Workshop, version: int) -> None:
        """Hold this workshop at this stored version; widgets follow via the revision."""
        self.ident, self.workshop, self.version = ident, current, version
        self.revision += 1


def _hold(ident: str, current: Workshop, version: int) -> None:
    """Make this the session's workshop (and its version)."""
    held = st.session_state.get(_HELD)
    if isinstance(held, Held):
        held.take(ident, current, version)
    else:
        st.session_state[_HELD] = Held(ident, current, version)


def held() -> Held:
    """The session's workshop as held (opened first if the session has none)."""
    current = st.session_state.get(_HELD)  # one look in the common case: pages ask for it dozens of times a run
    if not isinstance(current, Held):
        sync()
        current = st.session_state[_HELD]
    return cast(Held, current)


def open_workshop(ident: str) -> None:
    """Switch this session to a stored workshop.

    Raises:
        NotFound: if there is no workshop with this id.
    """
    current, version = store().load(ident)
    _hold(ident, current, version)
    st.query_params[WORKSHOP_PARAM] = ident


def create_workshop(new: Workshop, name: str) -> str:
    """Store a new workshop, open it in this session and return its id."""
    ident = store().create(new, name)
    open_workshop(ident)
    return ident


def sync() -> None:
    """Once per run: open the workshop named in the link, else the session's or the latest one,
    and take over changes that another tab or person saved meanwhile."""
    wanted = st.query_params.get(WORKSHOP_PARAM)
    session = st.session_state.get(_HELD)
    held_id = session.ident if isinstance(session, Held) else None
    if wanted and wanted != held_id:
        try:
            open_workshop(wanted)
            return
        except NotFound:
            warn(
                t(
                    "Den Workshop aus dem Link gibt es nicht (mehr); ein anderer wurde geöffnet.",
                    "The workshop from the link does not exist (any more); another one was opened.",
                )
            )
            held_id = None
    if held_id and isinstance(session, Held):
        try:
            stored = store().info(held_id)
        except NotFound:
            warn(
                t(
                    "Dieser Workshop wurde inzwischen gelöscht; ein anderer wurde geöffnet.",
                    "This workshop has been deleted meanwhile; another one was opened.",
                )
            )
        else:
            st.session_state[_INFO] = stored
            if stored.version != session.version:
                open_workshop(held_id)
            elif st.query_params.get(WORKSHOP_PARAM) != held_id:
                st.query_params[WORKSHOP_PARAM] = held_id
            return
    _open_latest()


def _open_latest() -> None:
    """Open the latest changed workshop; on the very first start, a full example to look at."""
    listed = store().workshops()
    if listed:
        open_workshop(listed[0].id)
    else:
        demo, day = demo_workshop(), workshop_day(today())
        held = (BASELINE_NAME, demo_at_workshop(today()), datetime.combine(day, time(10)).timestamp())
        open_workshop(store().create(demo, demo.profile.name, earlier=[held]))  # its baseline: the workshop's plan


def workshop_id() -> str:
    """The id of the session's workshop."""
    return held().ident


def workshop() -> Workshop:
    """The workshop of this session."""
    return held().workshop


def revision() -> int:
    """A number that grows whenever the session's workshop changes (widget keys use it)."""
    return held().revision


def saved_at() -> datetime | None:
    """When this session last saved a change."""
    when: datetime | None = st.session_state.get(_SAVED_AT)
    return when


# --- changes --------------------------------------------------------------------------------------


def _change(session: Held, action: Callable[[int], tuple[Workshop, int]]) -> bool:
    """Run one change against the store from the session's version and hold its result.

    From the write to its record in `session` nothing calls Streamlit (see `Held`). If someone else
    saved first, the session takes over their state and is told so plainly; if the store fails, the
    message is kept for the page. Either way the change is not applied.
    """
    try:
        changed, version = action(session.version)
    except Conflict as conflict:
        session.take(session.ident, conflict.workshop, conflict.version)
        st.session_state.pop(_WRITE_FAILED, None)
        warn(say(conflict))
        return False
    except RoadmapError as error:
        st.session_state[_WRITE_FAILED] = error
        warn(say(error))
        return False
    session.take(session.ident, changed, version)
    st.session_state.pop(_WRITE_FAILED, None)
    st.session_state[_SAVED_AT] = datetime.now()
    return True


def write_failure() -> RoadmapError | None:
    """Why the session's last change could not be written (a full disk, a database gone), or None if it was:
    a conflict is no failure of the write, the other person's state is shown instead."""
    failure = st.session_state.get(_WRITE_FAILED)
    return failure if isinstance(failure, RoadmapError) else None


def save(changed: Workshop, notice: Message | None = None) -> bool:
    """Save `changed` at once as the session's workshop; `notice` is shown once and labels the undo step.

    Returns False (and leaves a plain message) if someone else changed the workshop first — the
    session then shows their state — or if the store is unreachable.
    """
    return save_edit(lambda _current: changed, notice)


def save_edit(edit: Callable[[Workshop], Workshop], notice: Message | None = None) -> bool:
    """Apply `edit` to the session's workshop as held at this moment and save the result, as `save`.

    Raises:
        RoadmapError: from `edit`, if the input is not allowed (nothing is saved).
    """
    session = held()
    edited = edit(session.workshop)
    if not _change(session, lambda version: (edited, store().save(session.ident, edited, version, label=notice))):
        return False
    if notice is not None:
        notify(notice)
    return True


@guarded
def step_back(redo: bool = False) -> None:
    """Undo (or redo) the last change of the session's workshop."""
    session = held()
    _change(session, lambda version: (store().redo if redo else store().undo)(session.ident, version))


def undo_state() -> UndoState:
    """How many changes of the session's workshop can be undone and redone, and what they were.

    Read once per stored version: every change, undo and redo makes a new version, which sync() notices
    when someone else made it."""
    ident, version = stored_state()
    known = st.session_state.get(_UNDO)
    if isinstance(known, tuple) and known[:2] == (ident, version):
        return cast(UndoState, known[2])
    state = store().undo_state(ident)
    st.session_state[_UNDO] = (ident, version, state)
    return state


# --- workshops ------------------------------------------------------------------------------------


def workshop_info() -> WorkshopInfo:
    """The session's workshop as a line of the list: name, measures, last change.

    The line sync() read at the start of this run while it still belongs to the session's version
    (a save makes a new version, a rename forgets it): the sidebar draws it on every rerun, and
    reading it again was a tenth of a rerun."""
    ident = workshop_id()
    known = st.session_state.get(_INFO)
    if isinstance(known, WorkshopInfo) and known.id == ident and known.version == held().version:
        return known
    return store().info(ident)


def all_workshops() -> list[WorkshopInfo]:
    """Every stored workshop, the latest changed first."""
    return store().workshops()


def rename_workshop(name: str) -> None:
    """Give the session's workshop a new name.

    Raises:
        RoadmapError: if the name is not allowed (empty, too long).
    """
    store().rename(workshop_id(), name)
    st.session_state.pop(_INFO, None)


def duplicate_workshop(name: str) -> str:
    """Copy the session's workshop under `name`, open the copy and return its id."""
    copy = store().duplicate(workshop_id(), name)
    open_workshop(copy)
    return copy


def delete_workshop() -> None:
    """Delete the session's workshop with its snapshots; open the latest other one (or a new empty one)."""
    store().delete(workshop_id())
    remaining = store().workshops()
    if remaining:
        open_workshop(remaining[0].id)
    else:
        create_workshop(new_workshop(), t("Neuer Workshop", "New workshop"))


# --- snapshots ------------------------------------------------------------------------------------


def snapshots() -> list[SnapshotInfo]:
    """The named snapshots of the session's workshop, the newest first (read once per run)."""
    ident = workshop_id()
    return list(_once_per_run(("snapshots", ident), lambda: store().snapshots_of(ident)))


def take_snapshot(name: str) -> str:
    """Keep the session's workshop as it is stored now under `name`; returns the snapshot's id."""
    snapshot_id = store().take_snapshot(workshop_id(), name)
    _forget_run_reads()
    return snapshot_id


def load_snapshot(snapshot_id: str) -> Workshop:
    """The workshop as a snapshot kept it."""
    return store().load_snapshot(snapshot_id)


def delete_snapshot(snapshot_id: str) -> None:
    """Forget a snapshot (the workshop itself is unchanged)."""
    store().delete_snapshot(snapshot_id)
    _forget_run_reads()


def restore_snapshot(snapshot_id: str) -> None:
    """Make a snapshot the current state (an undoable change)."""
    _change(held(), lambda version: store().restore_snapshot(snapshot_id, version))
    _forget_run_reads()


def stored_state() -> tuple[str, int]:
    """The session's workshop id and the stored version its content belongs to."""
    session = held()
    return session.ident, session.version
