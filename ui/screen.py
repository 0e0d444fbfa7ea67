"""The page's layout on every screen a workshop meets: 1024×768 and 1280×800 projectors up to 1920×1080.

`SCREEN_CSS` (drawn by app.py on every page): a narrower sidebar and smaller margins on small
screens, rows of columns that wrap instead of squeezing their content, metrics that wrap instead
of ending in "…", and none of Streamlit's fixed English hints. `split(key, spec)`: the two or
three large halves of a page (a form beside a chart), side by side only where each gets at least
~30rem, else one below the other. `slot()`: the place of something drawn only sometimes above a
field, so that the field keeps its place (and what is being typed into it) when it comes or goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

SPLIT_PREFIX = "split_"  # the key of a split's container: Streamlit gives it the class st-key-<key>

# rem scales with presenter mode's larger root size, so the breakpoints do too.
SCREEN_CSS = """
<style>
  .stMainBlockContainer { padding-top: 2.5rem; }
  [data-testid="stMetricValue"] { font-size: 2.4rem; }
  /* Figures wrap onto a second line rather than ending in "…". */
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
    line-height: 1.15;
  }
  /* Columns wrap when their content would be squeezed: small ones (metrics, cards, buttons)
     at ~12rem, the halves of a page at ~30rem. */
  [data-testid="stMain"] [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  [data-testid="stMain"] [data-testid="stColumn"] { min-width: min(100%, 12rem); }
  [class*="st-key-split_"] > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"]
    > [data-testid="stColumn"] { min-width: min(100%, 30rem); }
  @media (max-width: 1440px) {
    [data-testid="stSidebar"] { width: 16rem !important; min-width: 16rem !important; max-width: 16rem !important; }
    .stMainBlockContainer { padding-left: 1.5rem; padding-right: 1.5rem; }
  }
  /* A 1024 px projector: every px of the main area goes to the tables' columns. */
  @media (max-width: 1100px) {
    [data-testid="stSidebar"] { width: 14.5rem !important; min-width: 14.5rem !important; max-width: 14.5rem !important;
    }
    .stMainBlockContainer { padding-left: 0.75rem; padding-right: 0.75rem; }
  }
  /* A checkbox's label wraps instead of ending in "…" (Streamlit keeps it on one line). */
  [data-testid="stMain"] [data-testid="stCheckbox"] [data-testid="stWidgetLabel"] :is(div, p) { white-space: normal; }
  /* Streamlit's fixed English hints, which have no language option: "Press Enter to apply" under a
     field (Enter and leaving the field still apply), "Select all" / "Select 2 matches" in a
     multi-choice list, a long notice's "view more" (the notice shows whole instead). */
  [data-testid="InputInstructions"] { display: none; }
  [data-key="__select_all__"], [data-key="__select_matches__"] { display: none !important; }
  [data-testid="stToastViewButton"] { display: none; }
  [data-testid="stToastText"] {
    display: block !important; -webkit-line-clamp: unset !important; overflow: visible !important;
  }
</style>
"""


def split(
    key: str, spec: int | Sequence[float], gap: Literal["small", "medium", "large"] = "large"
) -> Sequence[DeltaGenerator]:
    """Columns for the large parts of a page: side by side on a wide screen, stacked on a narrow one."""
    return st.container(key=f"{SPLIT_PREFIX}{key}").columns(spec, gap=gap)


def slot() -> DeltaGenerator:
    """A place on the page that is there in every run, filled or left empty (an empty one takes no room).

    The browser matches the elements of a run to those on screen by their place: a notice that comes
    or goes above a field moves the field, and the browser then makes the field anew, which drops what
    is being typed into it and not yet sent (a moderator types the revenue while the change of the
    name is saved, the demo's note goes away, the revenue is gone). Whatever is drawn only sometimes
    above a field is drawn into a slot: `with slot(): ...` (docs/architecture.md, A field keeps its place).
    """
    return st.container()
