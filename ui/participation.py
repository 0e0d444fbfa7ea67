"""Participation from phones, the session seam: the room store, the token in the link, the phone's view.

A link `/?p=TOKEN` makes app.py register only `participant_view` under every path (like the access
form), so a phone sees this view or a refusal and nothing else: no page, no sidebar, no other
workshop. The view shows the workshop's name, an optional name field and the moderator's current
round; a small fragment watches the room and reruns the view when the moderator switches rounds.
On its first open a phone writes a random id into its own link (`&d=ID`): a reload keeps it, so the
phone stays one participant whose ballot and ratings are replaced, never added.
Every text a phone sends is checked on the server by roadmap/workshop/rounds.py (the fields carry no
`max_chars`, which would cut silently) and kept by roadmap/store/participation.py; nothing reaches
the workshop without the moderator (ui/moderation.py).
"""

from __future__ import annotations

import functools
import secrets
import time

import streamlit as st

from roadmap.domain.measure import TITLE_LIMIT, Measure
from roadmap.domain.messages import Message, RoadmapError
from roadmap.store.participation import Participation, Refused, Room
from roadmap.store.presence import Presence
from roadmap.views import participation as view
from roadmap.workshop import rounds
from roadmap.workshop.rounds import RoundKind
from ui.language import number, plain, say, t
from ui.session import store
from ui.ticking import keep_ticking, showing, shown, timed_run

TOKEN_PARAM = "p"  # the participant token in the link
DEVICE_PARAM = "d"  # the phone's id in its link, written on its first open
_DEVICE = "_participant_device"
_NAME = "_participant_name"
_OUTCOME = "_participant_outcome"
_DRAFT = "_participant_draft"  # the idea typed but not sent, kept while other rounds are shown
_TOAST = "_participant_toast"
_HERE = "_participant_here"
_SHOWN = "participant_shown"  # the hidden field in which the browser says which stage it shows (ui/ticking.py)
WATCH_SECONDS = 1.0
HERE_SECONDS = 10.0  # a phone notes that it is in the room at most this often (joined: seen within 30 s)

# Large touch targets and type for a phone held at arm's length (390 × 844 first).
PHONE_CSS = """
<style>
  .stMainBlockContainer { padding: 1.5rem 1rem 4rem; max-width: 40rem; }
  .stMainBlockContainer button { min-height: 3rem; font-size: 1.15rem; }
  .stMainBlockContainer input, .stMainBlockContainer textarea { font-size: 1.15rem; }
  [data-testid="stBaseButton-segmented_control"], [data-testid="stBaseButton-segmented_controlActive"] {
    min-width: 3rem; min-height: 3rem; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
  .st-key-participant_preload { display: none; }
  [data-testid="InputInstructions"] { display: none; }
  .st-key-participant_budget { position: sticky; top: 0; z-index: 10; background: var(--background-color, #fff);
    padding: 0.4rem 0; font-size: 1.2rem; font-weight: 600; }
  .st-key-participant_budget p { font-size: 1.2rem; }
  [class*="st-key-participant_dotrow_"] { gap: 0.5rem; }
  [class*="st-key-participant_dotrow_"] [data-testid="stMarkdownContainer"] p { margin: 0; }
</style>
"""


def rooms() -> Participation:
    """The rooms in this server's store."""
    return Participation(store())


@functools.cache
def limiter() -> rounds.SubmitLimiter:
    """The one limiter of this server process against phones that send too fast."""
    return rounds.SubmitLimiter()


def participant_token() -> str | None:
    """The participant token of the link, or None for a moderator's session."""
    value = st.query_params.get(TOKEN_PARAM)
    return None if value is None else str(value)


def device() -> str:
    """This phone's id: the 'device' whose sending is limited and whose ballot and ratings are replaced.

    Taken from the link's `d` when it is one (rounds.phone_id), else made now and written into the
    link, so a reload of the page is the same phone. A script can drop it; the per-address limit
    (rounds.SubmitLimiter) still bounds what one address sends.
    """
    kept = st.session_state.get(_DEVICE)
    if kept is None:
        kept = rounds.phone_id(st.query_params.get(DEVICE_PARAM)) or secrets.token_hex(rounds.PHONE_ID_BYTES)
        st.session_state[_DEVICE] = kept
    if st.query_params.get(DEVICE_PARAM) != kept:
        st.query_params[DEVICE_PARAM] = kept
    return str(kept)


def _stage(room: Room) -> tuple[object, ...]:
    """What decides which round form a phone shows (the moderator's switches, not others' input)."""
    return room.round_no, room.round_kind, room.round_open, room.revealed


@st.fragment(run_every=WATCH_SECONDS)
def _watch(token: str, drawn: tuple[object, ...]) -> None:
    """Rerun the phone's view when the room's stage is no longer the one the view was `drawn` for, or when
    the browser says it shows another stage (the end of the last full run never reached it).

    The server's own `drawn` is not enough: a full run overtaken halfway has registered this watch
    with the new stage, while the phone still shows half of the old view. One indexed read a tick.
    """
    keep_ticking(WATCH_SECONDS)
    try:
        stage: tuple[object, ...] = _stage(rooms().admit(token, time.time()))
    except Refused:
        stage = ("refused",)
    except RoadmapError:
        return  # a busy or unreachable store: look again at the next tick, keep what the phone shows
    _here(token)
    if stage != drawn or (timed_run() and not showing(_SHOWN, stage)):
        st.rerun()


def _here(token: str, room: Room | None = None) -> None:
    """Note in the store that this phone is in the room, for the room screen's count of phones joined.

    At most every HERE_SECONDS per phone: a room of 30 phones writes three rows a second, not fifteen.
    """
    now = time.time()
    if now - float(st.session_state.get(_HERE, 0.0)) < HERE_SECONDS:
        return
    phone = st.session_state.get(_DEVICE)
    if phone is None:
        return  # the full run names the phone first (device); a timed run never writes the link
    try:
        room = room or rooms().admit(token, now)
        Presence(store()).phone_seen(room.id, str(phone), now)
    except RoadmapError:
        return  # the count can wait; the phone must not
    st.session_state[_HERE] = now


def participant_view() -> None:
    """The whole app for a phone: the current round of the link's room, or a refusal.

    The watch comes first, at the same place in every view: a timed run of a fragment writes to the
    place where the last full run drew it, and a view drawn shorter than the one before (another round)
    must not leave that place beyond its end (the browser then drops the connection). Registered
    first, its timer reaches the browser before anything else of the run, so a run overtaken halfway
    still leaves the phone asking. The view ends with the hidden field that tells later runs which
    stage the browser really shows (ui/ticking.py): a view whose end never arrived is drawn again.
    """
    st.markdown(PHONE_CSS, unsafe_allow_html=True)
    token = participant_token() or ""
    try:
        room = rooms().admit(token, time.time())
    except Refused:  # ended, expired or never valid: the same end for everyone, with no hint at which
        st.title("Digital-Roadmap für KMU")
        st.info(say(rounds.ROOM_ENDED), icon=":material/door_front:")
        return
    except RoadmapError as error:
        with st.container(key="participant_watch"):  # a passing failure (a busy database) heals by itself
            _watch(token, ("failed",))
        st.error(say(error), icon=":material/database:")
        return
    with st.container(key="participant_watch"):  # its own block: a timed run can only touch that
        _watch(token, _stage(room))
    device()  # into the link at once, before the phone sends anything or is reloaded
    _here(token, room)
    _preload()
    st.title(plain(room.workshop_name))
    st.caption(t(f"Raum {room.code} · Digital-Roadmap für KMU", f"Room {room.code} · Digital-Roadmap für KMU"))
    try:
        _round(token, room)
    except RoadmapError as error:
        st.error(say(error), icon=":material/warning:")
    shown(_SHOWN, _stage(room))  # last: only a view that reached the browser whole says it is shown


def _preload() -> None:
    """Hidden copies of every kind of field the rounds use, drawn with each view of the phone.

    The browser fetches a field's code (some twenty small files for a text field) only when the first
    such field appears. Without this, every phone in the room would fetch it from the moderator's
    laptop at the moment a round opens, all at once, and on a weak connection a phone could show the
    round's heading with its fields missing. Drawn hidden from the start, the code is already there.
    """
    with st.container(key="participant_preload"):
        st.text_input("preload", key="participant_preload_text", disabled=True, label_visibility="collapsed")
        st.text_area("preload", key="participant_preload_area", disabled=True, label_visibility="collapsed")
        st.segmented_control(
            "preload", [1], key="participant_preload_choice", disabled=True, label_visibility="collapsed"
        )
        st.number_input("preload", key="participant_preload_number", disabled=True, label_visibility="collapsed")


def _round(token: str, room: Room) -> None:
    if room.round_kind is None:
        st.info(
            t("Gleich geht es los: Bitte auf die Moderation warten.", "Starting soon: please wait for the moderator.")
        )
        return
    st.subheader(say(rounds.ROUND_NAMES[room.round_kind]))
    if not room.round_open:
        st.info(
            t(
                "Diese Runde ist geschlossen. Danke! Die Ergebnisse zeigt die Leinwand.",
                "This round is closed. Thank you! The results are on the shared screen.",
            ),
            icon=":material/done_all:",
        )
        return
    if room.round_kind == RoundKind.IDEAS:
        _ideas(token, room)
    elif room.round_kind == RoundKind.ESTIMATE:
        _estimate(token, room)
    else:
        _vote(token, room)


def _name_field(form: str) -> None:
    """The optional name of a round's fields (inside the estimate's form, so that it travels with it)."""
    key = f"participant_name_{form}"
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(_NAME, "")
    st.text_input(  # no max_chars: it would cut silently; rounds.author_name refuses with a sentence
        t("Ihr Name (freiwillig)", "Your name (optional)"),
        key=key,
        placeholder=t("anonym", "anonymous"),
    )


def _author(form: str) -> str:
    """The name given in this form, remembered for the next rounds."""
    name = rounds.author_name(st.session_state.get(f"participant_name_{form}"))
    st.session_state[_NAME] = name
    return name


def _ideas(token: str, room: Room) -> None:
    """The idea's fields outside a form: each field's text reaches the server when the person leaves it,
    so a half-typed idea survives the moderator switching rounds (kept in `_DRAFT` until it is sent)."""
    st.caption(
        t(
            "Jede Idee geht an die Moderation; sie entscheidet, was in den Workshop kommt.",
            "Every idea goes to the moderator, who decides what enters the workshop.",
        )
    )
    draft = st.session_state.get(_DRAFT, {})
    for key in ("participant_title", "participant_description"):
        if key not in st.session_state:  # the round was away: its fields were dropped with the view
            st.session_state[key] = draft.get(key, "")
    with st.container(border=True, key="participant_idea"):
        _name_field("idea")
        st.text_input(  # no max_chars (see the module): what arrives is checked by rounds.idea_text
            t("Idee (Titel)", "Idea (title)"),
            key="participant_title",
            placeholder=t(f"höchstens {TITLE_LIMIT} Zeichen", f"at most {TITLE_LIMIT} characters"),
        )
        st.text_area(
            t("Beschreibung (freiwillig)", "Description (optional)"),
            key="participant_description",
            placeholder=t(
                f"höchstens {number(rounds.DESCRIPTION_LIMIT, 0)} Zeichen",
                f"at most {number(rounds.DESCRIPTION_LIMIT, 0)} characters",
            ),
        )
        st.button(
            t("Idee senden", "Send idea"),
            icon=":material/send:",
            width="stretch",
            on_click=_send_idea,
            args=(token, room.round_no),
            key="participant_send_idea",
        )
        _outcome(room)  # right under the button, and stays until the next send
    st.session_state[_DRAFT] = {
        k: st.session_state.get(k, "") for k in ("participant_title", "participant_description")
    }
    mine = [title for kind, title, _, _ in rooms().mine(room, device()) if kind == "idea"]
    if mine:
        st.caption(t(f"Ihre Ideen in dieser Runde: {len(mine)}", f"Your ideas in this round: {len(mine)}"))
        for title in mine:
            st.text(f"• {title}")


def _send_idea(token: str, round_no: int) -> None:
    """Button callback: send the idea and empty the title and description (the name stays).

    A refusal (too long, the round's or the phone's share of ideas full) leaves the fields as typed.
    """
    if not _allowed(round_no):
        return
    try:
        idea = rounds.idea_text(
            st.session_state.get("participant_title"), st.session_state.get("participant_description")
        )
        rooms().send_idea(token, device(), _author("idea"), idea, time.time())
    except RoadmapError as error:
        st.session_state[_OUTCOME] = (round_no, False, say(error))
        return
    _sent(round_no, t(f"Gesendet: {plain(idea.title)}", f"Sent: {plain(idea.title)}"))
    st.session_state["participant_title"] = ""
    st.session_state["participant_description"] = ""
    st.session_state.pop(_DRAFT, None)


def _sent(round_no: int, text: str) -> None:
    """Keep a send's confirmation for under its button and for a toast, which shows wherever the phone
    is scrolled (a long form puts the button's neighbourhood below the fold)."""
    st.session_state[_OUTCOME] = (round_no, True, text)
    st.session_state[_TOAST] = text


def _titles(room: Room) -> dict[str, Measure]:
    current, _ = store().load(room.workshop_id)
    return current.by_id()


def _estimate(token: str, room: Room) -> None:
    measures = _titles(room)
    chosen = [measures[ident] for ident in room.chosen if ident in measures]
    given = {ident: (v, e) for kind, ident, v, e in rooms().mine(room, device()) if kind == "rating"}
    st.caption(
        t(
            "Nutzen und Aufwand je 1 (gering) bis 5 (hoch). Niemand sieht Ihre Bewertung, bis die Moderation aufdeckt.",
            "Value and effort each 1 (low) to 5 (high). Nobody sees your rating until the moderator reveals.",
        )
    )
    if not chosen:
        st.info(t("Die Moderation wählt gleich die Maßnahmen aus.", "The moderator is choosing the measures."))
        return
    with st.form("participant_estimate", border=False):
        _name_field("rating")
        for measure in chosen:
            with st.container(border=True):
                st.markdown(f"**{plain(measure.title)}**")
                old = given.get(measure.id, (None, None))
                for side, label, start in (("v", t("Nutzen", "Value"), old[0]), ("e", t("Aufwand", "Effort"), old[1])):
                    st.segmented_control(
                        label, [1, 2, 3, 4, 5], default=start, key=f"participant_{side}_{measure.id}", width="stretch"
                    )
        st.form_submit_button(
            t("Bewertung senden", "Send rating"),
            icon=":material/send:",
            width="stretch",
            key="participant_send_rating",
            on_click=_send_ratings,
            args=(token, room.round_no, tuple(m.id for m in chosen)),
        )
    if given:  # read from the store, so any later rerun still shows it; right under the button
        st.success(
            t(
                f"{len(given)} {'Bewertung' if len(given) == 1 else 'Bewertungen'} gesendet. "
                "Ändern geht bis zum Aufdecken.",
                f"{len(given)} {'rating' if len(given) == 1 else 'ratings'} sent. "
                "You can change them until the reveal.",
            ),
            icon=":material/check:",
        )
    _outcome(room)


def _send_ratings(token: str, round_no: int, chosen: tuple[str, ...]) -> None:
    """Form callback: send the ratings of every measure with both value and effort chosen.

    It runs before the view is drawn again, so a tap is never lost to a run that another tap or the
    watch interrupts; success shows from the store, a refusal stays until the next send.
    """
    st.session_state.pop(_OUTCOME, None)
    if not _allowed(round_no):
        return
    try:
        count = 0
        for ident in chosen:
            value = st.session_state.get(f"participant_v_{ident}")
            effort = st.session_state.get(f"participant_e_{ident}")
            if value is None or effort is None:
                continue
            value = rounds.rating(value, Message("Nutzen", "Value"))
            effort = rounds.rating(effort, Message("Aufwand", "Effort"))
            rooms().send_rating(token, device(), _author("rating"), ident, value, effort, time.time())
            count += 1
    except RoadmapError as error:
        st.session_state[_OUTCOME] = (round_no, False, say(error))
        return
    if not count:
        st.session_state[_OUTCOME] = (
            round_no,
            False,
            t("Bitte je Maßnahme Nutzen und Aufwand wählen.", "Please choose value and effort per measure."),
        )
        return
    st.session_state[_TOAST] = t("Bewertung gesendet", "Rating sent")


def dots_key(round_no: int, measure_id: str) -> str:
    """The key of a measure's dot field in one vote round: a new round starts from the phone's stored
    dots of that round (none), not from the fields of the round before."""
    return f"participant_dots_{round_no}_{measure_id}"


def _vote(token: str, room: Room) -> None:
    """One line per measure with a − / + control, under a sticky 'Punkte übrig: n von m' that follows every
    tap (the controls sit outside a form, so each tap reruns the view and the budget is counted again)."""
    current, _ = store().load(room.workshop_id)
    measures = [m for m in current.measures if not m.excluded]
    dots = max(0, current.profile.dots_per_person)
    entries = list(rooms().mine(room, device()))  # one read of the store per drawing
    mine = {ident: v for kind, ident, v, _ in entries if kind == "dots"}
    voted = any(kind == "ballot" for kind, *_ in entries)
    keys = {m.id: dots_key(room.round_no, m.id) for m in measures}
    for ident, key in keys.items():
        if key not in st.session_state:
            st.session_state[key] = mine.get(ident, 0)
    left = rounds.dots_left(dots, {ident: st.session_state.get(key) for ident, key in keys.items()})
    with st.container(key="participant_budget"):
        (st.markdown if left >= 0 else st.error)(say(view.dots_left_line(left, dots)))
    st.caption(
        t(
            f"Sie haben {say(view.dots_line(dots))}. Mehrere Punkte für eine Maßnahme sind erlaubt.",
            f"You have {say(view.dots_line(dots))}. Several dots for one measure are allowed.",
        )
    )
    _name_field("ballot")
    for measure in measures:
        with st.container(horizontal=True, vertical_alignment="center", key=f"participant_dotrow_{measure.id}"):
            st.markdown(plain(measure.title), width="stretch")
            st.number_input(
                plain(measure.title),
                min_value=0,
                max_value=dots,
                step=1,
                key=keys[measure.id],
                label_visibility="collapsed",
                width=140,
            )
    st.button(
        t("Punkte abgeben", "Cast dots"),
        icon=":material/how_to_vote:",
        width="stretch",
        key="participant_send_dots",
        type="primary",
        disabled=left < 0,
        on_click=_send_ballot,
        args=(token, room.round_no, dots, tuple(keys)),
    )
    if voted:  # from the store, right under the button
        st.success(
            t(
                "Ihre Stimme ist angekommen. Ändern geht, bis die Runde schließt.",
                "Your vote has arrived. You can change it until the round closes.",
            ),
            icon=":material/how_to_vote:",
        )
    _outcome(room)


def _send_ballot(token: str, round_no: int, dots: int, measures: tuple[str, ...]) -> None:
    """Button callback: send the phone's dots (checked against the dots-per-person rule), replacing its last."""
    st.session_state.pop(_OUTCOME, None)
    if not _allowed(round_no):
        return
    try:
        given = {ident: int(st.session_state.get(dots_key(round_no, ident)) or 0) for ident in measures}
        checked = rounds.ballot(dots, given, measures)
        rooms().send_ballot(token, device(), _author("ballot"), checked, time.time())
    except RoadmapError as error:
        st.session_state[_OUTCOME] = (round_no, False, say(error))
        return
    st.session_state[_TOAST] = t("Stimme angekommen", "Vote arrived")


def _allowed(round_no: int) -> bool:
    """Whether this phone may send now (per device and address); keeps the refusal to show if not."""
    if limiter().allow(device(), st.context.ip_address or "local", time.time()):
        return True
    st.session_state[_OUTCOME] = (round_no, False, say(rounds.TOO_FAST))
    return False


def _outcome(room: Room) -> None:
    """What the last send of this round said, until the next send or round."""
    toast = st.session_state.pop(_TOAST, None)
    if toast:
        st.toast(toast, icon=":material/check:")
    outcome = st.session_state.get(_OUTCOME)
    if outcome is not None and outcome[0] == room.round_no:
        _, ok, text = outcome
        (st.success if ok else st.error)(text, icon=":material/check:" if ok else ":material/warning:")
