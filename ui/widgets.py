"""Widgets bound to the session's workshop: their values, their changes, their errors, their keys.

A widget shows the workshop's value through `bind` (called before it is drawn), saves its
change through the callback `update`, and shows a rejected input with `field_error`. An action
button's key comes from `once`, so a double click acts once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

from roadmap.domain.messages import RoadmapError
from roadmap.domain.model import Workshop
from ui.errors import guarded
from ui.language import say_text
from ui.session import revision, save, workshop

_ERRORS = "_field_errors"


def _marker(key: str) -> str:
    """The session state key remembering which revision of the workshop a widget shows."""
    return f"_{key}__revision"


def bind(key: str, value: Any, stamp: Hashable | None = None) -> None:
    """Give a widget the workshop's value, unless it already shows the latest saved state.

    Call before drawing the widget (which then gets no `value=`): a change made elsewhere
    (import, another page, a reset) shows up, while the user's own input stays as typed.
    `stamp` names the state the value belongs to: the workshop's revision unless given (e.g. the
    stored name of a workshop, which is not part of the workshop).
    """
    stamp = revision() if stamp is None else stamp
    if key not in st.session_state or st.session_state.get(_marker(key)) != stamp:
        st.session_state[key] = value
        st.session_state[_marker(key)] = stamp


@guarded
def update(key: str, apply: Callable[[Workshop, Any], Workshop]) -> None:
    """Widget callback: apply the widget's value to the workshop and save, or keep the error for the field."""
    errors: dict[str, str] = st.session_state.setdefault(_ERRORS, {})
    try:
        changed = apply(workshop(), st.session_state[key])
    except RoadmapError as error:
        errors[key] = say_text(error)
        return
    errors.pop(key, None)
    if save(changed):  # the widget keeps showing what was typed; after a conflict it shows the stored state
        st.session_state[_marker(key)] = revision()


def field_error(key: str) -> None:
    """Show the message of a rejected input right below its field."""
    message = st.session_state.get(_ERRORS, {}).get(key)
    if message:
        st.error(message, icon=":material/warning:")


def once(name: str) -> str:
    """The key of an action button that acts at most once per state of the workshop.

    The key changes with every change of the workshop, so the second click of a quick double
    click (sent by the page as it was before the first one acted) names a button that is gone.
    """
    return f"{name}__{revision()}"
