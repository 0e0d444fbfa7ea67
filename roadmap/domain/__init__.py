"""The domain model: measures, the company profile, the month grid, and bilingual messages.

Lives here: `month` (Month, the month grid, the default horizon), `vocabulary` (fields of action
and their colours, Status), `measure` (Measure, Kpi, the title and duration limits, the booked cost),
`profile` (Profile, Criterion, Side, VoteMode, PlanMode, the corridor and the cent's tolerance),
`workshop` (Workshop), `scenario` (named variants of the settings), `messages` (Message, RoadmapError:
what a workshop participant reads; Lang and lang_of, Severity), `ids` (a new measure id and a
taken one with a suffix), `formats` (German and English money, numbers and dates).

May import: nothing of the project but itself. No I/O, no user interface, no clock.
"""
