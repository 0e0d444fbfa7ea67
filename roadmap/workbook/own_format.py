"""The program's own `Maßnahmen` and `Profil` sheets as plain cells, and reading them back.

docs/workbook.md: importing the exported workbook restores the whole
workshop, so every field is written in a form that reads back exactly:

- months (earliest start, deadline, pin, horizon) as the first day of the month (a real date);
- flags as the words of schema.YES / schema.NO; lists joined with schema.LIST_SEPARATOR;
- phase names joined with schema.PHASE_SEPARATOR;
- the criteria in one `Profil` cell as ``Kundennutzen (Nutzen, 2); Kosten (Aufwand, 0,5)``
  (English: ``Customer benefit (value, 2); Cost (effort, 0.5)``): name, side, weight;
- one `Maßnahmen` column per criterion, named schema.CRITERION_PREFIX + the criterion's name;
- the revenue per year in one `Profil` cell as ``2027: 7000000; 2028: 7500000`` (year: euros);
- the planning month (`Planungsstand`) as a record of when the plan was made: read back, it is not
  taken over (docs/planning.md, the planning month).

Reading accepts German and English names, dates as dates, Excel serials or 'YYYY-MM' text, and
reports every unreadable cell as a Problem with sheet, row and column instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from roadmap.domain.measure import Measure
from roadmap.domain.messages import LANGS, Lang
from roadmap.domain.month import Month
from roadmap.domain.profile import Criterion, Profile, Side, VoteMode
from roadmap.domain.vocabulary import FIELDS_EN, STATUSES_EN, Status
from roadmap.workbook.names import (
    CRITERION_PREFIX,
    LIST_SEPARATOR,
    MEASURE_COLUMNS,
    NO,
    PHASE_SEPARATOR,
    PROFILE_KEYS,
    YES,
    Name,
)
from roadmap.workbook.styles import Cell

SIDE_WORDS: dict[Side, Name] = {Side.VALUE: Name("Nutzen", "value"), Side.EFFORT: Name("Aufwand", "effort")}
VOTE_MODE_WORDS: dict[VoteMode, Name] = {
    VoteMode.RAISES_VALUE: Name("Nutzen erhöhen", "raise value"),
    VoteMode.BREAKS_TIES: Name("Gleichstand entscheiden", "break ties"),
}
MONTH_KEYS = ("earliest_start", "deadline", "pinned", "actual_start", "actual_end")
# Row of each key on the `Profil` sheet (header in row 1): formulas elsewhere refer to these cells.
PROFILE_ROW: dict[str, int] = {key: row for row, key in enumerate(PROFILE_KEYS, start=2)}
_CRITERION = re.compile(
    r"\s*(?P<name>.+?)\s*\(\s*(?P<side>[^(),]+?)\s*,\s*(?P<weight>[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?)"
    r"\s*\)\s*(?:;|$)"
)


# ---- writing -----------------------------------------------------------------------------------


def criteria_names(profile: Profile, measures: Iterable[Measure]) -> list[str]:
    """The criterion columns: the profile's criteria, then any other criterion a measure is scored on."""
    names = [criterion.name for criterion in profile.criteria]
    for measure in measures:
        names.extend(name for name in measure.criteria if name not in names)
    return list(dict.fromkeys(names))


def measure_header(criteria: Iterable[str], lang: Lang) -> list[str]:
    """The `Maßnahmen` header: every field of a measure, then one column per criterion."""
    return [name(lang) for name in MEASURE_COLUMNS.values()] + [CRITERION_PREFIX(lang) + c for c in criteria]


def measure_rows(
    measures: Iterable[Measure], criteria: Iterable[str], lang: Lang = "de"
) -> tuple[list[str], list[list[Cell]]]:
    """Header and one row of plain cell values per measure, in the given order."""
    names = list(criteria)
    return measure_header(names, lang), [_measure_row(m, names, lang) for m in measures]


def _measure_row(m: Measure, criteria: list[str], lang: Lang) -> list[Cell]:
    values: dict[str, Cell] = {
        "id": m.id,
        "title": m.title,
        "description": m.description or None,
        "field": field_name(m.field, lang),
        "value": m.value,
        "effort": m.effort,
        "one_time_cost": m.one_time_cost,
        "running_cost": m.running_cost,
        "funding_eligible": yes_no(m.funding_eligible, lang),
        "person_days": m.person_days,
        "duration": m.duration,
        "depends_on": LIST_SEPARATOR.join(m.depends_on) or None,
        "earliest_start": month_day(m.earliest_start),
        "deadline": month_day(m.deadline),
        "pinned": month_day(m.pinned),
        "must_have": yes_no(m.must_have, lang),
        "excluded": yes_no(m.excluded, lang),
        "owner": m.owner or None,
        "status": status_name(m.status, lang),
        "kpi_name": m.kpi.name or None,
        "kpi_baseline": m.kpi.baseline or None,
        "kpi_target": m.kpi.target or None,
        "notes": m.notes or None,
        "votes": m.votes,
        "actual_start": month_day(m.actual_start),
        "actual_end": month_day(m.actual_end),
        "percent_done": m.percent_done,
        "actual_cost": m.actual_cost,
        "kpi_current": m.kpi.current or None,
        "kpi_measured_on": m.kpi.measured_on,
    }
    return [values[key] for key in MEASURE_COLUMNS] + [m.criteria.get(name) for name in criteria]


def profile_rows(profile: Profile, lang: Lang = "de") -> list[list[Cell]]:
    """One [setting, value] row per key of schema.PROFILE_KEYS (the header row not included)."""
    values: dict[str, Cell] = {
        "name": profile.name or None,
        "industry": profile.industry or None,
        "employees": profile.employees,
        "revenue": profile.revenue,
        "baseline_it": profile.baseline_it,
        "budget_share": profile.budget_share,
        "funding_rate": profile.funding_rate,
        "capacity": profile.capacity,
        "horizon_start": profile.horizon_start.first_day,
        "horizon_end": profile.horizon_end.first_day,
        "phase_names": PHASE_SEPARATOR.join(profile.phase_names).strip() or None,
        "midpoint": profile.midpoint,
        "vote_mode": VOTE_MODE_WORDS[profile.vote_mode](lang),
        "vote_weight": profile.vote_weight,
        "dots_per_person": profile.dots_per_person,
        "criteria": criteria_text(profile.criteria, lang) or None,
        "mode": profile.mode,
        "revenue_by_year": revenue_text(profile.revenue_by_year) or None,
        "as_of": month_day(profile.as_of),
    }
    return [[PROFILE_KEYS[key](lang), values[key]] for key in PROFILE_KEYS]


def profile_cell(key: str, sheet_name: str | None = None) -> str:
    """Absolute address of a setting's value on the `Profil` sheet: '$B$5' or "'Profil'!$B$5"."""
    address = f"$B${PROFILE_ROW[key]}"
    return f"'{sheet_name}'!{address}" if sheet_name else address


def revenue_text(by_year: dict[int, float]) -> str:
    """'2027: 7000000; 2028: 7500000': the revenue of single years, in euros, every digit kept."""
    return "; ".join(f"{year}: {_weight_text(amount, 'en')}" for year, amount in sorted(by_year.items()))


def parse_revenue(text: str) -> dict[int, float]:
    """The inverse of revenue_text; ValueError if a part is not 'year: amount' with an amount of 0 or more."""
    found: dict[int, float] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        year, _, amount = part.partition(":")
        value = float(amount.strip().replace(",", "."))
        if not 1900 <= int(year) <= 2200 or value < 0:
            raise ValueError(part)
        found[int(year)] = value
    return found


def criteria_text(criteria: Iterable[Criterion], lang: Lang = "de") -> str:
    """'Kundennutzen (Nutzen, 2); Kosten (Aufwand, 0,5)': name, side and weight of each criterion."""
    parts = []
    for c in criteria:
        side = SIDE_WORDS[c.side](lang)
        parts.append(f"{c.name} ({side}, {_weight_text(c.weight, lang)})")
    return "; ".join(parts)


def _weight_text(weight: float, lang: Lang) -> str:
    # repr keeps every digit, so the weight reads back exactly.
    text = str(int(weight)) if float(weight).is_integer() and abs(weight) < 1e15 else repr(float(weight))
    return text if lang == "en" else text.replace(".", ",")


def parse_criteria(text: str) -> tuple[Criterion, ...]:
    """The inverse of criteria_text (either language); ValueError if the text does not fit the form."""
    sides = {word(lang).casefold(): side for side, word in SIDE_WORDS.items() for lang in LANGS}
    sides |= {side.value: side for side in Side}
    found, position, text = [], 0, text.strip()
    while position < len(text):
        match = _CRITERION.match(text, position)
        side = sides.get(match["side"].casefold()) if match else None
        if match is None or side is None:
            raise ValueError(text[position:])
        found.append(Criterion(match["name"], side, float(match["weight"].replace(",", "."))))
        position = match.end()
    return tuple(found)


def field_name(field: str, lang: Lang) -> str:
    """A field of action in the workbook's language."""
    return FIELDS_EN.get(field, field) if lang == "en" else field


def status_name(status: Status, lang: Lang) -> str:
    """A status in the workbook's language."""
    return STATUSES_EN[status] if lang == "en" else status.value


def yes_no(flag: bool, lang: Lang) -> str:
    """'ja'/'nein' (or 'yes'/'no')."""
    return YES(lang) if flag else NO(lang)


def month_day(month: Month | None) -> date | None:
    """The first day of a month, the form every month takes in the workbook."""
    return None if month is None else month.first_day
