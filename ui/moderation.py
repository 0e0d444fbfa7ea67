"""The moderator's side of participation from phones, a section of the Priorisierung page.

Open participation (QR code, link, room code, and a line on who reaches the server and whether an
access code protects it), open and close the rounds one at a time, and take
what the phones sent into the workshop: ideas accepted, merged or discarded, an estimate's median
or a chosen value, the dots of a closed vote. Every change of the workshop goes through
`ui.session.save`, so it can be undone and is saved like any other. The board below the controls
shows what the phones sent; a small fragment reads the room's version every second and redraws
the page only when it changed (it works with several app servers on one database; no broker).
The board's buttons stay outside that fragment, so a timed rerun never swallows a click.
"""

from __future__ import annotations

import time

import streamlit as st

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message
from roadmap.store.participation import Idea, Room
from roadmap.views import participation as view
from roadmap.workshop import rounds
from roadmap.workshop.rounds import RoundKind
from ui import ticking
from ui.access import network_line
from ui.errors import guarded
from ui.language import lang, plain, say, t
from ui.participation import rooms
from ui.room_screen import PUBLIC_URL, participant_link, room_screen_entry
from ui.session import save, workshop, workshop_id

BOARD_SECONDS = 1.0
_SHOWN = "moderation_shown"  # the hidden field in which the browser says which board it shows (ui/ticking.py)
SHOWN_IDEAS = 40


def _now() -> float:
    return time.time()


def moderation() -> None:
    """The participation section: open it, or run its rounds."""
    room = rooms().current(workshop_id(), _now())
    if room is None:
        _closed()
        return
    left, right = st.columns([2, 3], gap="large")
    with left:
        _invitation(room)
    with right:
        _controls(room)
    shown, data = _read(room)
    with st.container(key="moderation_watch"):  # its own block, before the board whose length changes
        _watch(room.id, shown.version)
    _board(shown, data)
    ticking.shown(_SHOWN, shown.version)  # after the board: only a board that reached the browser counts


def participation_open() -> bool:
    """True while the workshop has an open room (phones may join)."""
    return rooms().current(workshop_id(), _now()) is not None


def _closed() -> None:
    st.markdown(
        t(
            "Alle im Raum machen vom eigenen Handy aus mit: Ideen sammeln, Nutzen und Aufwand schätzen, "
            "Punkte vergeben. Kein Konto, keine Cloud: die Handys öffnen diese App über das Firmennetz. "
            "Nichts gelangt ohne Sie in den Workshop.",
            "Everyone in the room takes part from their own phone: collect ideas, estimate value and effort, "
            "give dots. No account, no cloud: the phones open this app over the company network. "
            "Nothing enters the workshop without you.",
        )
    )
    st.button(
        t("Teilnahme per Handy öffnen", "Open participation by phone"),
        key="moderation_open",
        icon=":material/qr_code_2:",
        type="primary",
        on_click=_open,
    )


@guarded
def _open() -> None:
    rooms().open_room(workshop_id(), _now())


def _invitation(room: Room) -> None:
    link = participant_link(room)
    st.image(view.qr_png(link), width=420, caption=t("Mit der Handy-Kamera scannen", "Scan with the phone camera"))
    st.markdown(f"### {t('Raum', 'Room')} {room.code}")
    st.code(link, language=None, wrap_lines=True)
    room_screen_entry("moderation")
    network_line()
    if not view.reachable_by_phones(link):
        st.warning(
            t(
                "Diese Adresse erreichen nur Programme auf diesem Rechner, keine Handys. Die App mit "
                f"`--server.address 0.0.0.0` starten und {PUBLIC_URL} auf die Netzwerkadresse setzen "
                "(siehe README, „Mitmachen per Handy“).",
                "Only programs on this computer reach this address, no phones. Start the app with "
                f"`--server.address 0.0.0.0` and set {PUBLIC_URL} to the network address "
                "(see the README, “Participation by phone”).",
            ),
            icon=":material/wifi_off:",
        )


def _controls(room: Room) -> None:
    current = workshop()
    if room.round_kind is not None:
        state = t("offen", "open") if room.round_open else t("geschlossen", "closed")
        st.markdown(f"#### {say(rounds.ROUND_NAMES[room.round_kind])} · {state}")
    kinds = {kind: say(name) for kind, name in rounds.ROUND_NAMES.items()}
    kind = st.segmented_control(
        t("Nächste Runde", "Next round"),
        list(RoundKind),
        default=RoundKind.IDEAS,
        required=True,
        key="moderation_kind",
        format_func=kinds.__getitem__,
    )
    chosen: list[str] = []
    if kind == RoundKind.ESTIMATE:
        titles = {m.id: m.title for m in current.measures}
        chosen = st.multiselect(
            t("Maßnahmen zum Schätzen", "Measures to estimate"),
            list(titles),
            format_func=lambda ident: f"{ident} · {titles[ident]}",
            key="moderation_chosen",
            placeholder=t("Maßnahmen wählen", "Choose measures"),
            filter_mode=view.CHOICE_FILTER,  # "M23" finds M23 only, not M02 · Microsoft 365 (fuzzy)
        )
    row = st.container(horizontal=True)
    row.button(
        t("Runde öffnen", "Open round"),
        key="moderation_start",
        icon=":material/play_arrow:",
        type="primary",
        disabled=kind == RoundKind.ESTIMATE and not chosen,
        on_click=_start,
        args=(room.id,),
    )
    row.button(
        t("Runde schließen", "Close round"),
        key="moderation_close",
        icon=":material/stop:",
        disabled=not room.round_open,
        on_click=guarded(rooms().close_round),
        args=(room.id,),
    )
    sure = st.checkbox(t("Ja, Teilnahme beenden", "Yes, end participation"), key="moderation_end_sure")
    st.button(
        t("Teilnahme beenden (Link ungültig)", "End participation (link invalid)"),
        key="moderation_end",
        icon=":material/link_off:",
        disabled=not sure,
        on_click=_end,
        args=(room.id,),
    )


@guarded
def _start(room_id: str) -> None:
    """Open the round chosen now (read at the click, so a choice made just before it counts)."""
    kind = RoundKind(st.session_state.get("moderation_kind") or RoundKind.IDEAS)
    chosen = tuple(st.session_state.get("moderation_chosen") or ()) if kind == RoundKind.ESTIMATE else ()
    if kind == RoundKind.ESTIMATE and not chosen:
        return
    rooms().start_round(room_id, kind, chosen)


@guarded
def _end(room_id: str) -> None:
    rooms().end(room_id)
    st.session_state.pop("moderation_end_sure", None)


# --- the live board ---------------------------------------------------------------------------------


@st.fragment(run_every=BOARD_SECONDS)
def _watch(room_id: str, drawn: int) -> None:
    """Redraw the page when the room changed since the board was drawn (a phone sent, a round switched), or when
    the browser still shows an older board than the last run drew (that run's end never reached it)."""
    ticking.keep_ticking(BOARD_SECONDS)
    version = rooms().version(room_id)
    if version != drawn or (ticking.timed_run() and not ticking.showing(_SHOWN, version)):
        st.rerun()


def _read(room: Room) -> tuple[Room, dict[str, object]]:
    """The room as read at the start of this run (after the buttons' callbacks) and what its round holds."""
    data: dict[str, object] = {}
    if room.round_kind == RoundKind.IDEAS:
        data["ideas"] = rooms().ideas(room)
    elif room.round_kind == RoundKind.ESTIMATE:
        data["raters"] = rooms().raters(room)
        data["spreads"] = rounds.spreads(rooms().ratings(room)) if room.revealed else {}
    elif room.round_kind == RoundKind.VOTE:
        data["voters"] = rooms().voters(room)
        data["totals"] = {} if room.round_open else rooms().totals(room)
    return room, data


def _board(room: Room, data: dict[str, object]) -> None:
    """What the phones sent in the current round (as read by `_read`)."""
    if room.round_kind is None:
        st.info(t("Noch keine Runde offen.", "No round open yet."), icon=":material/hourglass_empty:")
    elif room.round_kind == RoundKind.IDEAS:
        _ideas_board(room, data["ideas"])  # type: ignore[arg-type]
    elif room.round_kind == RoundKind.ESTIMATE:
        _estimate_board(room, int(data["raters"]), data["spreads"])  # type: ignore[call-overload, arg-type]
    else:
        _vote_board(room, int(data["voters"]), data["totals"])  # type: ignore[call-overload, arg-type]


def _ideas_board(room: Room, ideas: list[Idea]) -> None:
    waiting = [i for i in ideas if i.state == "open"]
    done = len(ideas) - len(waiting)
    st.markdown(
        f"#### {t('Ideen', 'Ideas')}: {len(ideas)} · {t('offen', 'open')}: {len(waiting)} · "
        f"{t('erledigt', 'handled')}: {done}"
    )
    titles = {m.id: m.title for m in workshop().measures}
    for idea in waiting[:SHOWN_IDEAS]:
        with st.container(border=True, key=f"moderation_idea_{idea.id}"):  # keeps its place as others go
            author = idea.author or t("anonym", "anonymous")
            st.markdown(f"**{plain(idea.title)}** · {plain(author)}")
            if idea.description:
                st.caption(plain(idea.description))
            row = st.container(horizontal=True, vertical_alignment="bottom")
            row.button(
                t("Übernehmen", "Accept"),
                key=f"moderation_accept_{idea.id}",
                icon=":material/add_task:",
                type="primary",
                on_click=_accept,
                args=(room.id, idea),
            )
            target = row.selectbox(
                t("Zusammenführen mit", "Merge with"),
                list(titles),
                index=None,
                format_func=lambda ident: f"{ident} · {titles[ident]}",
                key=f"moderation_target_{idea.id}",
                placeholder=t("Maßnahme wählen", "Choose a measure"),
            )
            row.button(
                t("Zusammenführen", "Merge"),
                key=f"moderation_merge_{idea.id}",
                icon=":material/merge:",
                disabled=target is None,
                on_click=_merge,
                args=(room.id, idea, target),
            )
            row.button(
                t("Verwerfen", "Discard"),
                key=f"moderation_discard_{idea.id}",
                icon=":material/delete:",
                on_click=guarded(rooms().mark_idea),
                args=(room.id, idea.id, "discarded"),
            )
    if len(waiting) > SHOWN_IDEAS:
        st.caption(t(f"… und {len(waiting) - SHOWN_IDEAS} weitere", f"… and {len(waiting) - SHOWN_IDEAS} more"))


def _text(idea: Idea) -> rounds.IdeaText:
    return rounds.IdeaText(idea.title, idea.description)


@guarded
def _accept(room_id: str, idea: Idea) -> None:
    changed, ident = rounds.accept_idea(workshop(), _text(idea))
    if save(changed, Message(f"Idee „{idea.title}“ als {ident} übernommen.", f"Idea “{idea.title}” added as {ident}.")):
        rooms().mark_idea(room_id, idea.id, "accepted")


@guarded
def _merge(room_id: str, idea: Idea, target: str | None) -> None:
    if target is None:
        return
    changed = rounds.merge_idea(workshop(), target, _text(idea))
    if save(changed, Message(f"Idee „{idea.title}“ zu {target} notiert.", f"Idea “{idea.title}” noted in {target}.")):
        rooms().mark_idea(room_id, idea.id, "merged")


def _estimate_board(room: Room, raters: int, spreads: dict[str, tuple[rounds.Spread, rounds.Spread]]) -> None:
    st.markdown(f"#### {say(view.raters_line(raters))}")
    if not room.revealed:
        st.caption(t("Die Bewertungen bleiben verdeckt bis zum Aufdecken.", "Ratings stay hidden until revealed."))
        st.button(
            t("Aufdecken", "Reveal"),
            key="moderation_reveal",
            icon=":material/visibility:",
            type="primary",
            disabled=raters == 0,
            on_click=guarded(rooms().reveal),
            args=(room.id,),
        )
        return
    current = workshop().by_id()
    for ident in room.chosen:
        measure = current.get(ident)
        if measure is None:
            continue
        value, effort = spreads.get(ident, (rounds.Spread(()), rounds.Spread(())))
        with st.container(border=True):
            st.markdown(f"**{plain(measure.title)}**")
            if value.disagreement or effort.disagreement:
                st.warning(
                    t("Weit auseinander: bitte besprechen.", "Far apart: please discuss."), icon=":material/forum:"
                )
            for label, spread, now in (
                (t("Nutzen", "Value"), value, measure.value),
                (t("Aufwand", "Effort"), effort, measure.effort),
            ):
                st.text(f"{label}: {view.spread_line(spread, lang())}  ({t('jetzt', 'now')} {now:g})")
            _take(room.round_no, measure, value, effort)


def _keys(round_no: int, ident: str) -> tuple[str, str, str]:
    """The widget keys of one measure's reveal in one round: value, effort, the confirmation."""
    return tuple(f"moderation_{part}_{round_no}_{ident}" for part in ("v", "e", "sure"))  # type: ignore[return-value]


def _take(round_no: int, measure: Measure, value: rounds.Spread, effort: rounds.Spread) -> None:
    """The reveal proposes the phones' median (a whole number) per side; the moderator may change it and
    takes it into the measure, confirming first where it would replace a value the room already agreed."""
    value_key, effort_key, sure_key = _keys(round_no, measure.id)
    row = st.container(horizontal=True, vertical_alignment="bottom")
    options = list(rounds.RATING_RANGE)
    chosen_value = row.segmented_control(t("Nutzen", "Value"), options, default=rounds.proposal(value), key=value_key)
    chosen_effort = row.segmented_control(
        t("Aufwand", "Effort"), options, default=rounds.proposal(effort), key=effort_key
    )
    replaces = rounds.overwrites(measure, chosen_value, chosen_effort)
    if replaces:
        row.checkbox(
            t(
                f"Ja, vereinbarte Werte ersetzen (jetzt Nutzen {measure.value:g}, Aufwand {measure.effort:g})",
                f"Yes, replace the agreed values (now value {measure.value:g}, effort {measure.effort:g})",
            ),
            key=sure_key,
        )
    row.button(
        t("Werte übernehmen", "Take the values"),
        key=f"moderation_take_{measure.id}",
        icon=":material/functions:",
        disabled=(chosen_value is None and chosen_effort is None) or (replaces and not st.session_state.get(sure_key)),
        on_click=_estimate,
        args=(round_no, measure.id),
    )


@guarded
def _estimate(round_no: int, ident: str) -> None:
    """Take the values chosen at the click; an agreed value is replaced only once confirmed."""
    value_key, effort_key, sure_key = _keys(round_no, ident)
    value, effort = st.session_state.get(value_key), st.session_state.get(effort_key)
    measure = workshop().by_id().get(ident)
    if measure is None or (rounds.overwrites(measure, value, effort) and not st.session_state.get(sure_key)):
        return
    changed = rounds.take_estimate(workshop(), ident, value, effort)
    save(changed, Message(f"Schätzung für {ident} übernommen.", f"Estimate for {ident} taken."))


def _vote_board(room: Room, voters: int, totals: dict[str, int]) -> None:
    st.markdown(f"#### {say(view.voters_line(voters))}")
    if room.round_open:
        st.caption(
            t("Das Ergebnis erscheint, wenn Sie die Runde schließen.", "The result appears when you close the round.")
        )
        return
    current = workshop().by_id()
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    for ident, count in ranked:
        title = current[ident].title if ident in current else ident
        st.markdown(f"**{count}** · {plain(title)}")
    st.button(
        t("Ergebnis in die Maßnahmen übernehmen", "Take the result into the measures"),
        key="moderation_apply_votes",
        icon=":material/how_to_vote:",
        type="primary",
        on_click=_apply_votes,
        args=(totals, voters),
    )


@guarded
def _apply_votes(totals: dict[str, int], voters: int) -> None:
    changed = rounds.apply_votes(workshop(), totals, voters)
    save(changed, Message(f"Abstimmung von {voters} Handys übernommen.", f"Vote of {voters} phones taken."))
