"""The domain model: measures, the company profile, the month grid, and bilingual messages.

Lives here: `model` (Measure, Profile, Workshop, Month, statuses, fields of action), `messages`
(Message, RoadmapError: what a workshop participant reads), `formats` (German and English
money, numbers and dates).

May import: nothing of the project but itself. No I/O, no user interface, no clock.
"""
