"""Widgets bound to the session's workshop: their values, their changes, their errors, their keys.

A widget shows the workshop's value through `bind` (called before it is drawn), saves its
change through the callback `update`, and shows a rejected input with `field_error`. An action
button's key comes from `once`, so a double click acts once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.workshop import Workshop
from ui.errors import guarded
from ui.language import say, say_text, t
from ui.session import revision, save_edit, write_failure

T = TypeVar("T")

_ERRORS = "_field_errors"
# Fields whose input could not be written (key → how to apply it): they keep what was typed, whatever
# else is saved meanwhile, and offer to save it again.
_UNSAVED = "_unsaved_fields"
_STAMPS = "_widget_stamps"


def not_saved(failure: RoadmapError) -> Message:
    """What a field says when its input could not be written."""
    return Message(
        f"Nicht gespeichert: {failure.text('de')} Ihre Eingabe steht weiter im Feld.",
        f"Not saved: {failure.text('en')} Your input is still in the field.",
    )


def _stamps() -> dict[str, Hashable]:
    """Which revision of the workshop (or other stamp) each bound widget shows, by widget key.

    One session-state entry for all of them: Streamlit reads every entry of the session state for each
    text, number and choice field it draws, so one entry per widget made every field slower.
    """
    stamps: dict[str, Hashable] = st.session_state.setdefault(_STAMPS, {})
    return stamps


def _reported(key: str) -> bool:
    """Whether the browser sent the state of the widget `key` with the rerun now running.

    A browser reports every widget it has drawn. It has none for a widget still waiting for its
    code (Streamlit loads a widget's code on first use and shows a skeleton meanwhile): Streamlit
    then keeps the widget's previous value on the server, but does not send it again with the
    widget, so the widget, once its code is there, starts at its empty default (0, "", the first
    option), and the next rerun reports that default as a change, which `update` would save.
    Read from Streamlit's session state (no public API tells); where that is not available, False
    (the widget is then given its value again on every run: safe, if less smooth while typing).
    """
    ctx = get_script_run_ctx()
    state = getattr(getattr(ctx, "session_state", None), "_state", None)
    try:
        widget_id = state._key_id_mapper.get_id_from_key(key)  # type: ignore[union-attr]
        sent = state._new_widget_state.states  # type: ignore[union-attr]
    except AttributeError:
        return False
    return widget_id is None or widget_id in sent


def bind(key: str, value: Any, stamp: Hashable | None = None) -> None:
    """Give a widget the workshop's value, unless it already shows the latest saved state.

    Call before drawing the widget (which then gets no `value=`): a change made elsewhere
    (import, another page, a reset) shows up, while the user's own input stays as typed.
    `stamp` names the state the value belongs to: the workshop's revision unless given (e.g. the
    stored name of a workshop, which is not part of the workshop).
    A value is given only where it differs from what the widget holds: giving a widget its own
    value again would make the browser overwrite it, and a field the user is typing in while
    another field's change is saved would lose the typing (or, once sent, show the old value
    beside the new saved one).
    A widget whose state the browser did not report with this rerun (it was still a skeleton) is
    given its value again, so that it starts with it rather than with its empty default: a widget
    the user never touched never sends a value that would overwrite the stored one.
    """
    stamp = revision() if stamp is None else stamp
    stamps = _stamps()
    behind = stamps.get(key) != stamp and key not in st.session_state.get(_UNSAVED, {})
    if key not in st.session_state or (behind and not _same(st.session_state[key], value)):
        st.session_state[key] = value
    elif not _reported(key):
        st.session_state[key] = st.session_state[key]  # what the widget showed, typed or saved
    stamps[key] = stamp


def _same(held: Any, stored: Any) -> bool:
    """Whether a widget's value is the stored one (of the same type: 1 is not 1.0 nor True)."""
    return type(held) is type(stored) and bool(held == stored)


@guarded
def update(key: str, apply: Callable[[Workshop, Any], Workshop]) -> None:
    """Widget callback: apply the widget's value to the workshop and save, or keep the error for the field."""
    errors: dict[str, str] = st.session_state.setdefault(_ERRORS, {})
    unsaved: dict[str, Callable[[Workshop, Any], Workshop]] = st.session_state.setdefault(_UNSAVED, {})
    value = st.session_state[key]
    try:  # applied to the workshop as it is when saved: a change saved just before is kept
        saved = save_edit(lambda current: apply(current, value))
    except RoadmapError as error:
        errors[key] = say_text(error)
        return
    errors.pop(key, None)
    unsaved.pop(key, None)
    if saved:  # the widget keeps showing what was typed; after a conflict it shows the stored state
        _stamps()[key] = revision()
        return
    failure = write_failure()
    if failure is not None:  # the store failed: say so under the field and keep the text there
        errors[key] = say(not_saved(failure))
        unsaved[key] = apply


def field_error(key: str) -> None:
    """Show the message of a rejected input right below its field; for an input that could not be written,
    a button that saves it again (a field sends no change for the same text twice). Both are drawn into a
    slot that is there for every field, so the fields below never move when a message comes or goes."""
    message = st.session_state.get(_ERRORS, {}).get(key)
    place = st.empty()  # a slot (ui.screen.slot) of the cheapest kind: a page has one for every field
    if not message:
        return
    shown = place.container()
    shown.error(message, icon=":material/warning:")
    apply = st.session_state.get(_UNSAVED, {}).get(key)
    if apply is not None:
        shown.button(
            t("Noch einmal speichern", "Save again"),
            icon=":material/save:",
            key=f"{key}__save_again",
            on_click=update,
            args=(key, apply),
        )


def once(name: str) -> str:
    """The key of an action button that acts at most once per state of the workshop.

    The key changes with every change of the workshop, so the second click of a quick double
    click (sent by the page as it was before the first one acted) names a button that is gone.
    """
    return f"{name}__{revision()}"


def one_of(label: str, choices: Mapping[T, Message], default: T, key: str, *, label_visible: bool = False) -> T:
    """A segmented control that always holds one of `choices` (value → its words), `default` at first: the
    page's switch between views or sections (only the chosen one is drawn)."""
    words = {value: say_text(message) for value, message in choices.items()}
    chosen = st.segmented_control(
        label,
        list(words),
        default=default,
        required=True,
        key=key,
        format_func=words.__getitem__,
        label_visibility="visible" if label_visible else "collapsed",
    )
    return default if chosen is None else chosen
