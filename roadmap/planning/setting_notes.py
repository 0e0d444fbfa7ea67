"""Settings that change nothing, said instead of silently doing nothing (docs/planning.md, defaults).

A capacity limit with no person-days on any measure checks nothing; a funding rate with no
funding-eligible measure funds nothing. Both are said in one line each, by the command line's summary
and the app, for the settings and for every scenario that sets them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from roadmap.domain.formats import number
from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message


def setting_notes(
    measures: Sequence[Measure], funding_rates: Iterable[float], capacities: Iterable[float]
) -> list[Message]:
    """One line per setting that cannot act on these measures (`funding_rates`, `capacities`: those in use)."""
    notes = []
    active = [m for m in measures if not m.excluded]
    rate = max((r for r in funding_rates if r > 0), default=0.0)
    if rate and not any(m.funding_eligible for m in active):
        notes.append(
            Message(
                f"Förderquote {_figure(rate)} % ändert nichts: keine Maßnahme ist als förderfähig markiert.",
                f"Funding rate {_figure(rate, 'en')} % changes nothing: no measure is marked funding-eligible.",
            )
        )
    capacity = max((c for c in capacities if c > 0), default=0.0)
    if capacity and not any(m.person_days > 0 for m in active):
        notes.append(
            Message(
                f"Kapazität {_figure(capacity)} Personentage je Monat prüft nichts: keine Maßnahme hat Personentage.",
                f"Capacity of {_figure(capacity, 'en')} person-days a month checks nothing: no measure has "
                "person-days.",
            )
        )
    return notes


def _figure(value: float, lang: str = "de") -> str:
    """40 → '40', 2.5 → '2,5'."""
    return number(value, lang, digits=0 if value == round(value) else 1)
