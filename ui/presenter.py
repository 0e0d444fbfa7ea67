"""Presenter mode: large type, no sidebar and no editing controls, for the shared screen of a workshop."""

from __future__ import annotations

import streamlit as st

from ui.language import t

PRESENTER = "presenter"  # the session state key of the mode

# Larger type everywhere, and no sidebar.
PRESENTER_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"] { display: none; }
  html { font-size: 21px; }
  [data-testid="stMetricValue"] { font-size: 3rem; }
  .stMainBlockContainer { max-width: 100%; padding-left: 3rem; padding-right: 3rem; }
</style>
"""


def presenter() -> bool:
    """True while presenter mode hides the sidebar and every editing control."""
    return bool(st.session_state.get(PRESENTER, False))


def presenter_frame() -> None:
    """In presenter mode: the large type and the one button that leaves it."""
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
    if st.button(
        t("Präsentationsmodus beenden", "Leave presenter mode"), icon=":material/close:", key="leave_presenter"
    ):
        st.session_state[PRESENTER] = False
        st.rerun()
