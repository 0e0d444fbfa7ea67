"""The note that a scenario other than the Basis is active, shown above every page that plans; all scenarios
compared for the exports."""

from __future__ import annotations

import streamlit as st

from roadmap.domain.messages import RoadmapError
from roadmap.planning.scenario_compare import ScenarioResult, compare
from roadmap.views.scenarios import differences
from roadmap.workshop.scenarios import active, names, scenario_profile
from ui.language import lang, plain, say, t
from ui.plans import scenario_plans
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
        "app_pages/07_szenarien.py", label=t("Szenarien vergleichen", "Compare scenarios"), icon=":material/tune:"
    )


def every_scenario() -> list[ScenarioResult]:
    """All scenarios of the workshop compared (the Basis first), for the workbook and the handout; none without.

    A scenario that cannot be planned is left out with a warning rather than stopping the export.
    """
    current = workshop()
    if not current.scenarios:
        return []
    try:
        return compare(list(scenario_plans(names(current)).items()))
    except RoadmapError as error:
        st.warning(say(error), icon=":material/warning:")
        return []
