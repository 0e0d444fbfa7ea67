"""Digital-Roadmap für KMU – the workshop app (entry point: page config, navigation, sidebar)."""

from __future__ import annotations

import streamlit as st

from roadmap.budget import yearly_costs
from roadmap.formats import euro
from roadmap.planner import plan

st.set_page_config(page_title="Digital-Roadmap für KMU", page_icon="🗺️", layout="wide")


@st.cache_data
def _demo_summary() -> list[tuple[str, str, str]]:
    from roadmap.demo import demo_workshop

    workshop = demo_workshop()
    roadmap = plan(workshop.measures, workshop.profile)
    return [(str(year.year), euro(year.total), euro(year.budget)) for year in yearly_costs(roadmap)] + [
        ("Eingeplant", str(len(roadmap.placements)), str(len(roadmap.measures)))
    ]


st.title("Digital-Roadmap für KMU")
st.info(
    "Die Workshop-Oberfläche (Unternehmen, Bestandsaufnahme, Maßnahmen, Priorisierung, Roadmap, Budget, "
    "Export) folgt. Bis dahin plant die Kommandozeile: `python -m roadmap plan liste.xlsx --out roadmap.xlsx "
    "--revenue 7500000`."
)
st.subheader("Demo-Workshop: Muster Metallbau GmbH")
st.table(
    {
        "": [r[0] for r in _demo_summary()],
        "Kosten / Anzahl": [r[1] for r in _demo_summary()],
        "Budget / gesamt": [r[2] for r in _demo_summary()],
    }
)
