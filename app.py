"""Digital-Roadmap für KMU – the workshop app's entry point (page config, navigation, sidebar)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from roadmap.budget import yearly_costs
from roadmap.formats import euro
from roadmap.importer import import_file
from roadmap.model import Profile
from roadmap.planner import plan

EXAMPLE = Path(__file__).resolve().parent / "data" / "beispiel_massnahmen.xlsx"

st.set_page_config(page_title="Digital-Roadmap für KMU", page_icon="🗺️", layout="wide")


@st.cache_data
def example_figures() -> tuple[int, int, list[tuple[str, str, str]]]:
    """Planned count, total count and yearly cost vs budget of the example list."""
    imported = import_file(EXAMPLE, filename=EXAMPLE.name)
    roadmap = plan(imported.measures, Profile(revenue=7_500_000, baseline_it=120_000))
    years = [(str(y.year), euro(y.total), euro(y.budget)) for y in yearly_costs(roadmap)]
    return len(roadmap.placements), len(roadmap.measures), years


st.title("Digital-Roadmap für KMU")
st.info(
    "Die Workshop-Seiten (Unternehmen, Bestandsaufnahme, Maßnahmen, Priorisierung, Roadmap, Budget, Export) "
    "folgen. Bis dahin plant die Kommandozeile: "
    "`python -m roadmap plan data/beispiel_massnahmen.xlsx --out roadmap.xlsx --revenue 7500000`."
)
planned, total, years = example_figures()
st.subheader("Beispielliste: Muster Metallbau (7,5 Mio. € Umsatz, 3 % Budget)")
st.metric("Eingeplante Maßnahmen", f"{planned} von {total}")
st.table({"Jahr": [y[0] for y in years], "Kosten": [y[1] for y in years], "Budget": [y[2] for y in years]})
