"""Digital-Roadmap für KMU – entry point: page config, navigation and the shared sidebar."""

from __future__ import annotations

import streamlit as st

from app_state import LANG, PRESENTER, demo_workshop, friendly_errors, lang, presenter, save, show_notice, t, workshop
from roadmap.model import Workshop

st.set_page_config(page_title="Digital-Roadmap für KMU", page_icon="🗺️", layout="wide")

PAGES = [
    st.Page(
        "pages/1_unternehmen.py",
        title=t("Unternehmen", "Company"),
        icon=":material/factory:",
        url_path="unternehmen",
        default=True,
    ),
    st.Page(
        "pages/2_bestandsaufnahme.py",
        title=t("Bestandsaufnahme", "Maturity check"),
        icon=":material/checklist:",
        url_path="bestandsaufnahme",
    ),
    st.Page(
        "pages/3_massnahmen.py", title=t("Maßnahmen", "Measures"), icon=":material/edit_note:", url_path="massnahmen"
    ),
    st.Page(
        "pages/4_priorisierung.py",
        title=t("Priorisierung", "Prioritisation"),
        icon=":material/target:",
        url_path="priorisierung",
    ),
    st.Page("pages/5_roadmap.py", title=t("Roadmap", "Roadmap"), icon=":material/view_timeline:", url_path="roadmap"),
    st.Page("pages/6_budget.py", title=t("Budget", "Budget"), icon=":material/euro:", url_path="budget"),
    st.Page(
        "pages/7_import_export.py",
        title=t("Import / Export", "Import / export"),
        icon=":material/import_export:",
        url_path="import-export",
    ),
]

# Readable from four metres: larger type everywhere, and more in presenter mode.
BASE_CSS = """
<style>
  .stMainBlockContainer { padding-top: 2.5rem; }
  [data-testid="stMetricValue"] { font-size: 2.4rem; }
</style>
"""
PRESENTER_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"] { display: none; }
  html { font-size: 21px; }
  [data-testid="stMetricValue"] { font-size: 3rem; }
  .stMainBlockContainer { max-width: 100%; padding-left: 3rem; padding-right: 3rem; }
</style>
"""


def _keep(widget_key: str, setting: str) -> None:
    """Copy a sidebar widget's value into the setting it controls (an emptied choice keeps the old one)."""
    value = st.session_state.get(widget_key)
    if value is not None:
        st.session_state[setting] = value


def sidebar() -> None:
    """Workshop name, language switch, presenter mode and starting over."""
    current = workshop()
    with st.sidebar:
        st.markdown(f"### {current.profile.name or t('Unbenannter Workshop', 'Untitled workshop')}")
        st.caption(t(f"{len(current.measures)} Maßnahmen", f"{len(current.measures)} measures"))
        # Widget keys differ from the stored settings: Streamlit forgets a widget's state while
        # it is not drawn, and in presenter mode the sidebar is not drawn.
        st.session_state["sidebar_lang"] = lang()
        st.segmented_control(
            t("Sprache", "Language"),
            options=["de", "en"],
            format_func={"de": "Deutsch", "en": "English"}.get,
            key="sidebar_lang",
            selection_mode="single",
            on_change=_keep,
            args=("sidebar_lang", LANG),
        )
        st.session_state["sidebar_presenter"] = presenter()
        st.toggle(
            t("Präsentationsmodus", "Presenter mode"),
            key="sidebar_presenter",
            on_change=_keep,
            args=("sidebar_presenter", PRESENTER),
            help=t("Große Schrift, keine Bearbeitung, keine Seitenleiste.", "Large type, no editing, no sidebar."),
        )
        with st.expander(t("Neu beginnen", "Start over")):
            st.caption(t("Ersetzt den aktuellen Workshop.", "Replaces the current workshop."))
            sure = st.checkbox(
                t("Ja, aktuellen Workshop ersetzen", "Yes, replace the current workshop"), key="sidebar_sure"
            )
            left, right = st.columns(2)
            if left.button(t("Leerer Workshop", "Empty workshop"), disabled=not sure, key="sidebar_empty"):
                save(Workshop(), None)
                st.session_state["sidebar_sure"] = False
                st.rerun()
            if right.button(t("Demo laden", "Load demo"), disabled=not sure, key="sidebar_demo"):
                save(demo_workshop(), None)
                st.session_state["sidebar_sure"] = False
                st.rerun()


lang()  # the language must be known before the page titles are drawn
page = st.navigation(PAGES, position="hidden" if presenter() else "sidebar")
st.markdown(BASE_CSS, unsafe_allow_html=True)
if presenter():
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
    if st.button(t("✕ Präsentationsmodus beenden", "✕ Leave presenter mode"), key="leave_presenter"):
        st.session_state[PRESENTER] = False
        st.rerun()
else:
    sidebar()
show_notice()
with friendly_errors():
    page.run()
