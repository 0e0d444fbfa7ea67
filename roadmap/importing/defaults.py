"""What the importer assumes where a list is silent, and the one line it says for each (docs/import.md, defaults).

Every default – duration, value, effort, person-days, cost – is said with how many measures it touched
(the field of action has its own line, roadmap/importing/cell_report.py). Where a better guess than the
default exists it is taken and said: a measure without a duration lasts as long as its cost, its
effort or its person-days suggest (`guessed_duration`), not one month whatever it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from roadmap.domain.messages import Message

# One-time cost (€) up to which a measure is guessed to take so many months; above the last: 9 months.
COST_MONTHS = ((5_000.0, 1), (15_000.0, 2), (30_000.0, 3), (60_000.0, 6))
LONGEST_GUESS = 9
# Effort 1–5 (where a column gives it) → months.
EFFORT_MONTHS = {1: 1, 2: 2, 3: 3, 4: 6, 5: 9}
# Person-days one month of a measure takes at most (one person, about full time).
DAYS_PER_MONTH = 20.0


def guessed_duration(one_time_cost: float, effort: float | None, person_days: float) -> tuple[int, bool]:
    """The months a measure without a duration is guessed to take, and whether anything told (else 1).

    The longest of what its one-time cost, its effort (only where the list gives one) and its person-days
    suggest: a 40,000 € ERP takes 6 months, not one.
    """
    guesses = []
    if one_time_cost > 0:
        guesses.append(next((months for limit, months in COST_MONTHS if one_time_cost <= limit), LONGEST_GUESS))
    if effort is not None:
        guesses.append(EFFORT_MONTHS[min(5, max(1, round(effort)))])
    if person_days > 0:
        guesses.append(min(LONGEST_GUESS, math.ceil(person_days / DAYS_PER_MONTH)))
    return (max(guesses), True) if guesses else (1, False)


@dataclass
class Assumed:
    """The Excel rows each default touched, gathered while the rows are read."""

    count: int = 0  # measures read
    guessed_duration: list[int] = field(default_factory=list)
    default_duration: list[int] = field(default_factory=list)
    no_person_days: list[int] = field(default_factory=list)
    no_cost: list[int] = field(default_factory=list)
    value: list[int] = field(default_factory=list)
    effort: list[int] = field(default_factory=list)


def assumption_lines(assumed: Assumed) -> list[Message]:
    """One line per default the import assumed, with how many of the measures read it touched."""
    lines, count = [], assumed.count
    guessed, plain = len(assumed.guessed_duration), len(assumed.default_duration)
    if guessed or plain:
        de = [f"{guessed} aus Kosten, Aufwand oder Personentagen geschätzt"] if guessed else []
        en = [f"{guessed} estimated from cost, effort or person-days"] if guessed else []
        de += [f"{plain} auf 1 Monat gesetzt"] if plain else []
        en += [f"{plain} set to 1 month"] if plain else []
        lines.append(
            Message(
                f"Dauer fehlt bei {guessed + plain} von {count} Maßnahmen: {', '.join(de)} – bitte prüfen.",
                f"Duration missing for {guessed + plain} of {count} measures: {', '.join(en)} – please check.",
            )
        )
    for rows, de_name, en_name in ((assumed.value, "Nutzen", "Value"), (assumed.effort, "Aufwand", "Effort")):
        if rows:
            lines.append(
                Message(
                    f"{de_name} fehlt bei {len(rows)} von {count} Maßnahmen: auf 3 gesetzt – bitte im Workshop "
                    "bewerten.",
                    f"{en_name} missing for {len(rows)} of {count} measures: set to 3 – please rate in the workshop.",
                )
            )
    if assumed.no_person_days:
        n = len(assumed.no_person_days)
        lines.append(
            Message(
                f"Personentage fehlen bei {n} von {count} Maßnahmen: mit 0 gezählt – eine Kapazitätsgrenze "
                "wirkt auf sie nicht.",
                f"Person-days missing for {n} of {count} measures: counted as 0 – a capacity limit does not "
                "touch them.",
            )
        )
    if assumed.no_cost:
        n = len(assumed.no_cost)
        lines.append(
            Message(
                f"Kosten fehlen bei {n} von {count} Maßnahmen: mit 0 € geplant – das Budget begrenzt sie nicht.",
                f"Cost missing for {n} of {count} measures: planned at 0 € – the budget does not limit them.",
            )
        )
    return lines
