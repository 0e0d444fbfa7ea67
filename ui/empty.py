"""What a page shows instead of empty charts and tables while the workshop has no measures yet."""

from __future__ import annotations

import streamlit as st

from ui.language import t
from ui.session import workshop


def explain_empty_workshop() -> bool:
    """If the workshop has no measures yet, say what to do first (with links) and return True."""
    if workshop().measures:
        return False
    st.info(
        t(
            "Dieser Workshop hat noch keine Maßnahmen. Beginnen Sie mit Ihrer Excel-Liste oder "
            "wählen Sie typische Maßnahmen aus dem Katalog – danach erscheinen hier Diagramme und Plan.",
            "This workshop has no measures yet. Start with your Excel list or pick typical measures "
            "from the catalogue – the charts and the plan appear here after that.",
        ),
        icon=":material/lightbulb:",
    )
    left, right, _ = st.columns([1, 1, 2])
    with left:
        st.page_link(
            "app_pages/08_import_export.py",
            label=t("Excel-Liste importieren", "Import an Excel list"),
            icon=":material/upload_file:",
        )
    with right:
        st.page_link(
            "app_pages/03_massnahmen.py",
            label=t("Maßnahmen aus dem Katalog", "Measures from the catalogue"),
            icon=":material/edit_note:",
        )
    return True
