"""The room screen, the session seam: the projector's window at /raum that follows the moderator.

The moderator's laptop notes its stage in the store on every run of a moderator page (`show_stage`,
called by app.py: the workshop, the page, the participation section, the language; written only when
it changed). The room screen (`room_screen`, registered alone by app.py for a session that opened
/raum, after the access check) reads that stage, opens the same workshop in its own session, and
draws what roadmap/views/room_screen.py decides, in large type with no sidebar and no control. A small
fragment looks twice a second and reruns the view when the stage, the room or the workshop changed;
it also notes that the room screen looked, so the moderator's `room_screen_entry` says "verbunden".
"""

from __future__ import annotations

import os
import time
from collections.abc import Hashable, Mapping
from typing import TypeGuard, cast

import streamlit as st

from roadmap.domain.messages import Message, RoadmapError
from roadmap.store.participation import Room
from roadmap.store.presence import Presence, Stage
from roadmap.views import participation as participation_view
from roadmap.views import room_screen as view
from ui import ticking
from ui.language import LANG, say, t
from ui.participation import rooms
from ui.session import WORKSHOP_PARAM, store, sync, workshop, workshop_id

ROOM_PATH = "raum"
PUBLIC_URL = "ROADMAP_PUBLIC_URL"  # the address phones use, e.g. http://192.168.1.20:8501
WATCH_SECONDS = 0.5  # how often the room screen looks for a change (an idea should show within 1.5 s)
LOOK_SECONDS = 2.0  # how often it notes in the store that it looked
CONNECTED_SECONDS = 6.0  # looked within this long: the moderator sees it connected
NOTE_SECONDS = 1.0  # a moderator's rerun on the same stage within this long does not look at the store again
STATUS_SECONDS = 4.0  # how often the moderator's status line looks
SECTION_KEYS = ("priorisierung_section", "priorisierung_presenter_section")  # Priorisierung's section switches
ROOM_SESSION = "_room_screen"  # this session is a room screen: it never turns into a moderator's
_DRAWN = "_room_drawn"
_ON_SCREEN = "room_shown"  # the hidden field in which the browser says which view it shows (ui/ticking.py)
_LOOKED = "_room_looked"
_NOTED = "_stage_noted"  # (stage, when) this moderator session last noted or found in the store
_STATUS = "_screen_status"  # (workshop id, when looked, the room screen's last look) for the status line


def presence() -> Presence:
    """Stages and phones in this server's store."""
    return Presence(store())


def is_room_session(path: str) -> bool:
    """True for a session that opened the room screen's address (and stays one on every rerun)."""
    if path == ROOM_PATH:
        st.session_state[ROOM_SESSION] = True
    return bool(st.session_state.get(ROOM_SESSION))


# --- the moderator's side ------------------------------------------------------------------------


def show_stage(path: str) -> None:
    """Note the moderator's page in the store for the room screen (a failing store never stops the page).

    A rerun on the stage this session noted within the last NOTE_SECONDS (each click on a page) reads
    nothing: only a move, or the same stage a while later (another window of the workshop may have
    moved the room screen meanwhile), is checked against the store."""
    section = view.PHONES_SECTION if any(st.session_state.get(k) == view.PHONES_SECTION for k in SECTION_KEYS) else ""
    stage = Stage(workshop_id(), path, section if path == "priorisierung" else "", st.session_state.get(LANG, "de"))
    now = time.time()
    noted = st.session_state.get(_NOTED)
    if _recent(noted, stage, now):
        return
    before = noted[0] if isinstance(noted, tuple) else None
    try:
        presence().show(stage, now, before.workshop_id if isinstance(before, Stage) else None)
    except RoadmapError:
        return
    st.session_state[_NOTED] = (stage, now)


def _recent(kept: object, subject: Hashable, now: float) -> TypeGuard[tuple[object, ...]]:
    """Whether `kept`, a (subject, when, …) tuple this session keeps, is about `subject` (a stage, a workshop)
    and from within the last NOTE_SECONDS. A moderator's click reruns the page: it need not look at the
    store again for what it looked at a moment ago."""
    return isinstance(kept, tuple) and kept[0] == subject and now - kept[1] < NOTE_SECONDS


def room_screen_entry(key: str) -> None:
    """The link that opens the room screen in a new window, and whether one is connected."""
    st.link_button(
        t("Raumbildschirm öffnen", "Open room screen"),
        f"{ROOM_PATH}?{WORKSHOP_PARAM}={workshop_id()}",
        icon=":material/cast:",
        help=t(
            "Ein zweites Fenster für den Beamer: große Schrift, keine Bedienelemente; es folgt dieser Seite.",
            "A second window for the projector: large type, no controls; it follows this page.",
        ),
        key=f"{key}_room_screen",
    )
    _connection(workshop_id())


@st.fragment(run_every=STATUS_SECONDS)
def _connection(ident: str) -> None:
    """'Raumbildschirm verbunden' while a room screen looked within the last few seconds."""
    ticking.keep_ticking(STATUS_SECONDS)
    now = time.time()
    try:
        seen = _screen_seen(ident, now)
    except RoadmapError:
        return
    if seen is not None and now - seen <= CONNECTED_SECONDS:
        st.caption(f":material/cast_connected: {t('Raumbildschirm verbunden', 'Room screen connected')}")
    else:
        st.caption(f":material/cast: {t('Kein Raumbildschirm verbunden', 'No room screen connected')}")


def _screen_seen(ident: str, now: float) -> float | None:
    """When a room screen of this workshop last looked (None: no stage yet), as the store says.

    A rerun within NOTE_SECONDS of the last look (each click on a page) reuses it: the status line's
    own timed runs, every STATUS_SECONDS, always look again."""
    kept = st.session_state.get(_STATUS)
    if _recent(kept, ident, now):
        return cast("float | None", kept[2])
    stage = presence().follow(ident)
    seen = None if stage is None else stage.screen_seen
    st.session_state[_STATUS] = (ident, now, seen)
    return seen


# --- the room screen -----------------------------------------------------------------------------


def _stage() -> Stage | None:
    """The stage this room screen follows: its link's workshop (or where its moderator went), else the latest."""
    wanted = st.query_params.get(WORKSHOP_PARAM)
    return presence().follow(str(wanted)) if wanted else presence().latest()


def _state(now: float) -> tuple[Stage | None, tuple[Hashable, ...]]:
    """The stage, and everything whose change redraws the room screen."""
    stage = _stage()
    if stage is None:
        return None, ("waiting",)
    room = rooms().current(stage.workshop_id, now)
    version = store().info(stage.workshop_id).version
    if room is None:
        return stage, (stage.workshop_id, stage.page, stage.section, stage.lang, version)
    phones = presence().phones(room.id, now)
    return stage, (stage.workshop_id, stage.page, stage.section, stage.lang, version, room.id, room.version, phones)


def _look(stage: Stage, now: float) -> None:
    """Note that this room screen looked (at most every LOOK_SECONDS)."""
    if now - float(st.session_state.get(_LOOKED, 0.0)) >= LOOK_SECONDS:
        presence().screen_looked(stage.workshop_id, now)
        st.session_state[_LOOKED] = now


@st.fragment(run_every=WATCH_SECONDS)
def _watch() -> None:
    """Rerun the room screen when the moderator's stage, the room or the workshop changed, or when the browser
    still shows an older view than the last run drew (that run's end never reached it)."""
    ticking.keep_ticking(WATCH_SECONDS)
    now = time.time()
    try:
        stage, state = _state(now)
        if stage is not None:
            _look(stage, now)
    except RoadmapError:
        return  # a busy or unreachable store: look again at the next tick, keep what the screen shows
    if st.session_state.get(_DRAWN) != state or (ticking.timed_run() and not ticking.showing(_ON_SCREEN, state)):
        st.rerun()


def room_screen(page_titles: Mapping[str, Message]) -> None:
    """The whole app for the projector's window: the moderator's round or page, large and read-only.

    The watch comes first, at the same place in every view (see ui/participation.py's view).
    """
    from ui.room_scenes import draw  # its charts (Altair, pandas) load with the projector's view, not every page

    now = time.time()
    try:
        stage, state = _state(now)
    except RoadmapError as error:
        with st.container(key="room_watch"):
            _watch()
        st.error(say(error), icon=":material/database:")
        return
    st.session_state[_DRAWN] = state
    if stage is not None:
        st.session_state[LANG] = stage.lang if stage.lang in ("de", "en") else "de"
        st.query_params[WORKSHOP_PARAM] = stage.workshop_id
        sync()  # the followed workshop in this session, as stored now
    with st.container(key="room_watch"):
        _watch()
    room = rooms().current(stage.workshop_id, now) if stage is not None else None
    shown = view.sent(rooms(), presence(), room, now) if room is not None else view.Sent()
    titles = {m.id: m.title for m in workshop().measures} if stage is not None else {}
    link = participant_link(room) if room is not None else ""
    draw(view.screen(stage, room, shown, titles, link), page_titles)
    ticking.shown(_ON_SCREEN, state)  # last: only a view that reached the browser whole says it is shown


def participant_link(room: Room) -> str:
    """The link a phone opens for the room: the address phones use (PUBLIC_URL, else this page's) and the token."""
    base = participation_view.server_base(os.environ.get(PUBLIC_URL, ""), st.context.url or "")
    kept = f"_moderation_token_{room.id}"  # a room's token never changes: read it once per session
    if kept not in st.session_state:
        st.session_state[kept] = rooms().token(room.id)
    return participation_view.participant_link(base, str(st.session_state[kept]))
