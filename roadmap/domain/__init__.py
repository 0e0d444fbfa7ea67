"""The domain model: measures, the company profile, the month grid, and bilingual messages.

Lives here: `model` (Measure, Profile, Workshop, Month, fields of action; the closed sets Status,
Side, VoteMode, PlanMode; the limits and the cent's tolerance), `messages` (Message, RoadmapError:
what a workshop participant reads; Lang and lang_of, Severity), `ids` (a new measure id and a
taken one with a suffix), `formats` (German and English money, numbers and dates).

May import: nothing of the project but itself. No I/O, no user interface, no clock.
"""
