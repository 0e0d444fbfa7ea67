"""The handout: one A4 landscape PDF page that tells the plan, its cost and its value (docs/handout.md).

Lives here: `content` (what the page says, as plain data and texts), `document` (the page with
fpdf2: vector shapes and text in an embedded font, readable in black and white), `plan_table` (the
plan's measures as one table carrying the Gantt), `sections` (the head and the right column), `pdf`
(the public `handout_pdf`), `fonts/` (DejaVu Sans Condensed, free to embed, see fonts/LICENSE).

May import: `roadmap.domain`, `roadmap.planning`. No Streamlit, no clock (the date is an input).
"""
