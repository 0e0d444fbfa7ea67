"""The note that a scenario other than the Basis is active, shown above every page that plans."""

from __future__ import annotations

import streamlit as st

from roadmap.views.scenarios import differences
from roadmap.workshop.scenarios import active, scenario_profile
from ui.language import lang, plain, t
from ui.session import workshop


def active_scenario_note() -> None:
    """While a scenario is active: its name and what it changes, with the way to the Szenarien page."""
    current = workshop()
    scenario = active(current)
    if scenario is None:
        return
    changes = differences(scenario, current.profile, scenario_profile(current.profile, scenario), lang())
    name = plain(scenario.name)
    st.info(
        t(
            f"Aktives Szenario: **{name}** ({plain(changes)}). Die Einstellungen des Workshops bleiben die Basis.",
            f"Active scenario: **{name}** ({plain(changes)}). The workshop's own settings stay the Basis.",
        ),
        icon=":material/compare_arrows:",
    )
    st.page_link(
        "app_pages/9_szenarien.py", label=t("Szenarien vergleichen", "Compare scenarios"), icon=":material/tune:"
    )
