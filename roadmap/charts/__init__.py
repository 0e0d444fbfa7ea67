"""The charts as Altair (Vega-Lite) specs, and as PNG images for slides.

Lives here: `style` (fonts, sizes and colours every chart shares), `matrix_chart` (value/effort),
`gantt_chart`, `budget_chart` (costs against budget and corridor), `maturity_chart`, `png`
(vl-convert, export file names).

May import: `roadmap.domain`, `roadmap.planning`, `roadmap.workshop`. Charts take their numbers
from the planning rules and never compute a rule themselves; no Streamlit.
"""
