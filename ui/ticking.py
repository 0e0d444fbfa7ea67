"""Timed fragments that keep ticking: a watch (`st.fragment(run_every=…)`) re-arms its browser timer at every tick.

Streamlit's browser runs a timed fragment on a timer it sets when a full run registers the fragment,
and it drops every such timer when the next full run starts. When that full run is then overtaken
before it reaches the fragment (seen on phones under load: the ticks queued while the server was busy
take over the run), no run registers the fragment again, the browser has no timer left and the page
never asks again – a phone stuck on half a view, with nothing in the page to say so
(docs/participation.md, phones that forgive).

`keep_ticking(seconds)`, called first in the fragment's body, sends the same timer again from every
timed run. The browser ignores a timer it already has, so this costs one small message a tick; a
timer lost to an overtaken full run is back at the next run of the fragment.

The server alone cannot know what such a page shows: the overtaken run may have registered the watch
with the new state already. `shown(key, state)`, last in a full run, draws a hidden field holding
the state; the browser sends its value back with every request, so `showing(key, state)` in a timed
run tells whether the view for `state` really arrived, and the watch redraws it when it did not.

Both lean on Streamlit's internals (the auto-rerun message, the run's fragment ids);
tests/test_browser_phone_heals.py fails if a Streamlit release changes what they rely on.
"""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner import ScriptRunContext, get_script_run_ctx


def _fragments_running(ctx: ScriptRunContext | None) -> list[str]:
    """The fragments this run is for: empty in a full run (and outside a script run)."""
    return list(getattr(ctx, "fragment_ids_this_run", None) or [])


def timed_run() -> bool:
    """Whether this run is a fragment's own run (a tick), not a full run drawing the page."""
    return bool(_fragments_running(get_script_run_ctx(suppress_warning=True)))


def keep_ticking(seconds: float) -> None:
    """In a timed fragment's own run, ask the browser (again) to run it every `seconds`.

    A full run registers the timer itself; only a run of the fragment alone sends it here.
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return
    for fragment_id in _fragments_running(ctx):
        message = ForwardMsg()
        message.auto_rerun.interval = seconds
        message.auto_rerun.fragment_id = fragment_id
        ctx.enqueue(message)


def shown(key: str, state: Hashable) -> None:
    """Last in a full run: tell the browser, in a hidden field, which `state` the run has finished drawing.

    The browser sends every field's value with each later request, timed runs included, so `showing`
    reads back what the browser really shows. A full run whose end never reached the browser (overtaken,
    or its last messages dropped) leaves the field's old value there; the server's own note of what it
    drew would claim the page is up to date while the browser shows half of it.
    """
    text = _text(state)
    st.html(f"<style>.st-key-{key}_box {{ display: none; }}</style>")
    with st.container(key=f"{key}_box"):
        st.session_state[key] = text
        st.text_input(key, key=key, disabled=True, label_visibility="collapsed")


def showing(key: str, state: Hashable) -> bool:
    """In a timed run: whether the browser's hidden field says it shows `state` (False before any full run)."""
    return st.session_state.get(key) == _text(state)


def _text(state: Hashable) -> str:
    return repr(state)
