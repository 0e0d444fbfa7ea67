"""The way to the previous and the next page at the bottom of every page: "← Zurück: … · Weiter: … →".

The sidebar (or presenter mode's bar) leads at the top; a person who read a page to its end, or a
moderator at the projector, goes on from where the page ends.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.language import t


def neighbours(pages: list[Any], current: Any) -> tuple[Any | None, Any | None]:
    """The page before and the page after `current` in `pages` (None at either end or for a page not listed)."""
    paths = [page.url_path for page in pages]
    if current.url_path not in paths:
        return None, None
    at = paths.index(current.url_path)
    return (pages[at - 1] if at > 0 else None), (pages[at + 1] if at + 1 < len(pages) else None)


def page_steps(pages: list[Any], current: Any) -> None:
    """Back and next as links below the page; nothing on a page that is not one of `pages`."""
    before, after = neighbours(pages, current)
    if before is None and after is None:
        return
    st.divider()
    with st.container(key="page_steps", horizontal=True, vertical_alignment="center"):
        if before is not None:
            st.page_link(before, label=t("Zurück", "Back") + f": {before.title}", icon=":material/arrow_back:")
        st.space("stretch")
        if after is not None:
            st.page_link(
                after,
                label=t("Weiter", "Next") + f": {after.title}",
                icon=":material/arrow_forward:",
                icon_position="right",
            )
