"""Presenter mode: the shared screen of a workshop, read from the back of the room on a projector.

Larger type for everything (text, tables, charts), high contrast for a washed-out projector, no
sidebar and no editing controls, and a bar with back / next through the pages and the way out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.language import t

PRESENTER = "presenter"  # the session state key of the mode

# The root size every rem of the page follows (the app's own 16 px elsewhere), and what the
# charts' fixed pixel sizes are multiplied by so that their smallest text is at least that size.
PRESENTER_FONT_PX = 21
CHART_TYPE_SCALE = 1.4
# Body text, captions, list items and labels: Streamlit writes them at 0.875rem (18.4 px here), too
# small at the back of the room.
PRESENTER_TEXT_PX = 22

# Larger type everywhere, dark ink on white, and no sidebar. Tables draw on a canvas that ignores
# the root size: they are zoomed instead.
PRESENTER_CSS = f"""
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"] {{ display: none; }}
  html {{ font-size: {PRESENTER_FONT_PX}px; }}
  [data-testid="stMetricValue"] {{ font-size: 3rem; }}
  .stMainBlockContainer {{ max-width: 100%; padding-left: 2rem; padding-right: 2rem; padding-top: 1.5rem; }}
  .stApp, .stMain {{ background: #FFFFFF; color: #000000; }}
  [data-testid="stCaptionContainer"], [data-testid="stMetricLabel"], [data-testid="stMarkdownContainer"] p {{
    color: #111111 !important;
  }}
  [data-testid="stMain"] :is([data-testid="stMarkdownContainer"] :is(p, li), [data-testid="stCaptionContainer"],
    [data-testid="stWidgetLabel"] p, [data-testid="stPageLink"] p, button p):not([data-testid="stMetricValue"] *) {{
    font-size: {PRESENTER_TEXT_PX}px;
  }}
  /* A button's label keeps its button's ink: white on the dark blue of a primary button. */
  button [data-testid="stMarkdownContainer"] p {{ color: inherit !important; }}
  [data-testid="stElementContainer"]:has(> [data-testid="stDataFrame"]) {{ zoom: 1.25; width: 80% !important; }}
  .st-key-presenter_bar {{ border-bottom: 2px solid #000000; padding-bottom: 0.4rem; }}
</style>
"""


def presenter() -> bool:
    """True while presenter mode hides the sidebar and every editing control."""
    return bool(st.session_state.get(PRESENTER, False))


def _leave() -> None:
    st.session_state[PRESENTER] = False


def presenter_frame(pages: list[Any], current: Any, extra: Callable[[str], None] | None = None) -> None:
    """In presenter mode: the large type, and a bar with back, the page's place, next, `extra` (the room
    screen's link, drawn with the key "presenter") and the way out."""
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
    paths = [page.url_path for page in pages]
    at = paths.index(current.url_path) if current.url_path in paths else 0
    bar = st.container(key="presenter_bar", horizontal=True, vertical_alignment="center")
    with bar:
        if at > 0:
            st.page_link(
                pages[at - 1], label=t("Zurück", "Back") + f": {pages[at - 1].title}", icon=":material/arrow_back:"
            )
        st.markdown(f"**{at + 1} / {len(pages)}**", width="content")
        if at + 1 < len(pages):
            st.page_link(
                pages[at + 1], label=t("Weiter", "Next") + f": {pages[at + 1].title}", icon=":material/arrow_forward:"
            )
        st.space("stretch")
        if extra is not None:
            extra("presenter")
        st.button(
            t("Präsentationsmodus beenden", "Leave presenter mode"),
            icon=":material/close:",
            key="leave_presenter",
            on_click=_leave,
        )
