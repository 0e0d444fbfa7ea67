"""The Umsetzung page's words and choices: the summary's labels and line, the baseline's options, the slip list,
the quick entry's options and what it changes (the page only draws them; progress_table.py holds the table)."""

from __future__ import annotations

from collections.abc import Iterable

from roadmap.domain import formats
from roadmap.domain.messages import Lang, Message
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import Status
from roadmap.domain.workshop import Workshop
from roadmap.planning.followup import STATE_WORDS, State, Summary, plan_month, slip, with_status
from roadmap.planning.plan import Plan
from roadmap.store.records import SnapshotInfo
from roadmap.views.measure_table import status_names
from roadmap.views.progress_table import status_notice

NO_BASELINE = ""
AS_PLANNED = "as_planned"
QUICK_MONTHS_BACK = 24  # the quick entry's "started in" reaches two years back

INTRO = Message(
    "Für die Folgetermine nach dem Workshop: was ist fertig, was läuft, was hängt – und der Rest neu geplant ab heute.",
    "For the meetings after the workshop: what is done, what runs, what is late – and the rest re-planned from today.",
)
SPENT_HELP = Message(
    "Tatsächliche Einmalkosten (vor Förderung; eine abgeschlossene Maßnahme ohne erfasste Kosten mit "
    "ihren geplanten) gegen die Einmalkosten der Maßnahmen, die laut Plan bis zum Planungsstand "
    "begonnen haben sollten.",
    "Actual one-time costs (before funding; a finished measure without a recorded cost at its planned "
    "cost) against the one-time costs of the measures the plan had started by the planning month.",
)
BASELINE_HELP = Message(
    "Der Plan eines festgehaltenen Stands, z. B. vom Workshop; Standard: der erste Stand.",
    "The plan of a snapshot, e.g. of the workshop; by default the first snapshot.",
)
NO_BASELINE_YET = Message(
    "Noch kein Basisplan: halten Sie den Plan am Ende des Workshops fest, dann zeigt diese Seite "
    "den Verzug je Maßnahme und die Roadmap die Balken des Basisplans.",
    "No baseline yet: keep the plan at the end of the workshop; this page then shows each "
    "measure's slip and the roadmap the baseline's bars.",
)
REPLAN_HELP = Message(
    "Abgeschlossene behalten ihre tatsächlichen Daten, laufende ihren Beginn; alles andere wird ab dem "
    "Planungsstand neu eingeplant – im Budget, mit dem, was wirklich ausgegeben wurde.",
    "Done measures keep their actual dates, those under way their start; everything else is planned "
    "again from the planning month – within budget, counting what was really spent.",
)
TABLE_HINT = Message(
    "Status, Monate, Fortschritt, Kosten und KPI-Werte direkt in der Tabelle eintragen – jede Änderung "
    "gilt und wird sofort gespeichert.",
    "Enter status, months, progress, cost and KPI values right in the table – every change applies "
    "and is saved at once.",
)


def state_metrics(found: Summary, lang: Lang) -> list[tuple[str, int]]:
    """The summary's metrics, one per state in order, the label capitalised: ('Geplant', 17), ('Läuft', 1), …"""
    words = ((STATE_WORDS[which](lang), found.counts[which]) for which in State)
    return [(word[:1].upper() + word[1:], count) for word, count in words]


def state_line(found: Summary, lang: Lang) -> str:
    """'geplant: **17** · läuft: **1** · …' – the summary's counts in one Markdown line."""
    return " · ".join(f"{STATE_WORDS[which](lang)}: **{found.counts[which]}**" for which in State)


def over_budget(found: Summary) -> bool:
    """The plan's cost this year exceeds the year's budget (by more than rounding)."""
    return found.year_cost > found.year_budget + 0.5


def baseline_choices(listed: Iterable[SnapshotInfo], lang: Lang) -> dict[str, str]:
    """Each snapshot by id as 'name (dd.mm.yyyy)', and 'no baseline' last."""
    choices = {s.id: f"{s.name} ({s.created:%d.%m.%Y})" for s in listed}
    choices[NO_BASELINE] = Message("kein Basisplan", "no baseline")(lang)
    return choices


def slips(workshop: Workshop, current: Plan, baseline: Plan) -> list[tuple[int, str]]:
    """(months, title) of every measure that moved against the baseline, the most late first."""
    found = []
    for measure in workshop.measures:
        moved = slip(measure, current, baseline, plan_month(current))
        if moved:
            found.append((moved, measure.title))
    return sorted(found, key=lambda item: -item[0])


def slip_months(moved: int, lang: Lang) -> str:
    """'+2 Monat(e)' / '+2 month(s)'."""
    return Message(f"{moved:+d} Monat(e)", f"{moved:+d} month(s)")(lang)


def quick_titles(workshop: Workshop) -> dict[str, str]:
    """The quick entry's measures, 'title (id)', excluded ones left out."""
    return {m.id: f"{m.title} ({m.id})" for m in workshop.measures if not m.excluded}


def quick_statuses(lang: Lang) -> dict[Status, str]:
    """Every status with its name in the language."""
    return dict(zip(Status, status_names(lang), strict=True))


def quick_months(now: Month) -> list[Month | str]:
    """'as planned', then this month and the two years before it, latest first."""
    return [AS_PLANNED, *(now + -k for k in range(0, QUICK_MONTHS_BACK + 1))]


def quick_month_name(choice: Month | str, lang: Lang) -> str:
    """A quick entry month's option text."""
    if isinstance(choice, Month):
        return formats.month(choice, lang)
    return Message("wie geplant", "as planned")(lang)


def quick_change(
    workshop: Workshop, measure_id: str, status: Status, started: Month | str, as_of: Month, current: Plan
) -> tuple[Workshop, Message]:
    """The workshop with one measure's new status (begun in `started` unless 'as planned'), and what changed."""
    measure = workshop.by_id()[measure_id]
    if isinstance(started, Month):
        measure = measure.with_changes(actual_start=started, actual_end=None)
    changed = with_status(measure, status, as_of, current)
    measures = tuple(changed if m.id == measure_id else m for m in workshop.measures)
    return workshop.with_changes(measures=measures), status_notice(measure, status)
