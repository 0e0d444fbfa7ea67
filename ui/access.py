"""The access code: with ROADMAP_ACCESS_CODE set, a session sees only the code form until it entered it.

Wrong tries are slowed down per session and per client address (roadmap/access.py); the limiter
lives in the memory of this server process.
"""

from __future__ import annotations

import functools
import os
import uuid

import streamlit as st

from roadmap.access import RateLimiter
from ui.language import say, t

_ACCESS = "_access_granted"
_ACCESS_SESSION = "_access_session"


@functools.cache
def _limiter() -> RateLimiter:
    """The one limiter of this server process."""
    return RateLimiter()


def _expected_code() -> str:
    return os.environ.get("ROADMAP_ACCESS_CODE", "")


def access_granted() -> bool:
    """True without ROADMAP_ACCESS_CODE, or once this session entered it (draws nothing)."""
    return not _expected_code() or bool(st.session_state.get(_ACCESS))


def access_form() -> None:
    """The code form: the only thing a session sees, on any path, until it entered the code.

    The code is compared in constant time; wrong tries are limited per session and per client
    address (roadmap/access.py), so a guesser is slowed down while colleagues can still log in.
    """
    st.title("Digital-Roadmap für KMU")
    with st.form("access_form"):
        given = st.text_input(t("Zugangscode", "Access code"), type="password", key="access_code")
        entered = st.form_submit_button(t("Öffnen", "Open"), icon=":material/lock_open:", key="access_open")
    if entered:
        session = st.session_state.setdefault(_ACCESS_SESSION, uuid.uuid4().hex)
        verdict = _limiter().attempt(session, st.context.ip_address or "local", given or "", _expected_code())
        if verdict.ok:
            st.session_state[_ACCESS] = True
            st.rerun()
        st.error(say(verdict.message()), icon=":material/lock:")
