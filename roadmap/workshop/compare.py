"""Compare two states of a workshop (a snapshot with now, or two snapshots): what was added, removed,
changed, moved to another month, and how the yearly costs differ, in plain sentences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from roadmap.domain import formats
from roadmap.domain.measure import Measure
from roadmap.domain.messages import Lang, Message
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.importing.column_names import IMPORT_FIELDS
from roadmap.planning import followup
from roadmap.planning.budget import yearly_costs
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan

MEASURE_LABELS: dict[str, Message] = {
    **{name: label for name, label in IMPORT_FIELDS.items() if name in {f.name for f in fields(Measure)}},
    "title": Message("Titel", "Title"),
    "effort": Message("Aufwand", "Effort"),
    "kpi": Message("KPI", "KPI"),
    "criteria": Message("Kriterien", "Criteria"),
    "actual_start": Message("Tatsächlicher Beginn", "Actual start"),
    "actual_end": Message("Tatsächliches Ende", "Actual end"),
    "percent_done": Message("Fortschritt", "Progress"),
    "actual_cost": Message("Tatsächliche Kosten", "Actual cost"),
    "to_assess": Message("noch nicht bewertet", "not yet assessed"),
}
PROFILE_LABELS: dict[str, Message] = {
    "name": Message("Firmenname", "Company name"),
    "industry": Message("Branche", "Industry"),
    "employees": Message("Beschäftigte", "Employees"),
    "revenue": Message("Umsatz", "Revenue"),
    "baseline_it": Message("bestehende IT-Kosten", "existing IT costs"),
    "budget_share": Message("Budgetanteil", "budget share"),
    "funding_rate": Message("Förderquote", "funding rate"),
    "capacity": Message("Kapazität", "capacity"),
    "horizon_start": Message("Planungsbeginn", "horizon start"),
    "horizon_end": Message("Planungsende", "horizon end"),
    "phase_names": Message("Phasennamen", "phase names"),
    "midpoint": Message("Skalenmitte", "midpoint"),
    "vote_mode": Message("Stimmwertung", "vote mode"),
    "vote_weight": Message("Stimmgewicht", "vote weight"),
    "dots_per_person": Message("Punkte pro Person", "dots per person"),
    "criteria": Message("Kriterien", "criteria"),
    "mode": Message("Planungsmodus", "planning mode"),
    "as_of": Message("Planungsstand", "planning month"),
    "revenue_by_year": Message("Umsatz je Jahr", "revenue per year"),
}
LISTED = 5  # names listed per sentence before "and 3 more"


@dataclass(frozen=True)
class MeasureChange:
    """A measure present before and after, with the fields whose values differ."""

    measure: Measure
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Move:
    """A measure planned in both states, in other months now (followup.moves: the same count and months as
    re-planning and the slip against a baseline)."""

    measure: Measure
    shift: followup.Move

    @property
    def before(self) -> Month:
        """Its end month before."""
        return self.shift.before.end

    @property
    def after(self) -> Month:
        """Its end month now."""
        return self.shift.after.end

    @property
    def months(self) -> int:
        """How many months later it ends now (negative: earlier)."""
        return self.shift.months


@dataclass(frozen=True)
class YearDifference:
    """One calendar year's IT costs (baseline + measures) before and after."""

    year: int
    before: float
    after: float

    @property
    def difference(self) -> float:
        """After minus before: positive if it costs more now."""
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between two states of a workshop."""

    added: tuple[Measure, ...]
    removed: tuple[Measure, ...]
    changed: tuple[MeasureChange, ...]
    moved: tuple[Move, ...]
    newly_planned: tuple[Measure, ...]
    no_longer_planned: tuple[Measure, ...]
    years: tuple[YearDifference, ...]
    profile_fields: tuple[str, ...]

    @property
    def same(self) -> bool:
        """True if nothing differs at all."""
        lists = (self.added, self.removed, self.changed, self.moved, self.newly_planned, self.no_longer_planned)
        return not any(lists) and not self.profile_fields and not any(abs(y.difference) >= 0.5 for y in self.years)

    def summary(self) -> list[Message]:
        """Plain sentences, one per kind of difference (German and English)."""
        return summary(self)


def _differing(before: object, after: object, names: list[str]) -> tuple[str, ...]:
    return tuple(name for name in names if getattr(before, name) != getattr(after, name))


def compare(
    before: Workshop, after: Workshop, before_plan: Plan | None = None, after_plan: Plan | None = None
) -> Comparison:
    """Compare two states of a workshop; plans are made with roadmap.planner.plan unless given (a snapshot's
    plan is the one made as of the month it was taken, like the baseline's)."""
    before_plan = before_plan or plan(before.measures, before.profile)
    after_plan = after_plan or plan(after.measures, after.profile)
    old, new = before.by_id(), after.by_id()
    measure_names = [f.name for f in fields(Measure) if f.name != "id"]
    changed, newly, no_longer = [], [], []
    for measure in after.measures:
        earlier = old.get(measure.id)
        if earlier is None:
            continue
        differing = _differing(earlier, measure, measure_names)
        if differing:
            changed.append(MeasureChange(measure, differing))
        was, now = before_plan.placements.get(measure.id), after_plan.placements.get(measure.id)
        if now and not was:
            newly.append(measure)
        elif was and not now:
            no_longer.append(measure)
    moved = [Move(new[x.measure_id], x) for x in followup.moves(before_plan, after_plan) if x.measure_id in new]
    costs_before = {c.year: c.total for c in yearly_costs(before_plan)}
    costs_after = {c.year: c.total for c in yearly_costs(after_plan)}
    years = tuple(
        YearDifference(year, costs_before.get(year, 0.0), costs_after.get(year, 0.0))
        for year in sorted(set(costs_before) | set(costs_after))
    )
    return Comparison(
        added=tuple(m for m in after.measures if m.id not in old),
        removed=tuple(m for m in before.measures if m.id not in new),
        changed=tuple(changed),
        moved=tuple(moved),
        newly_planned=tuple(newly),
        no_longer_planned=tuple(no_longer),
        years=years,
        profile_fields=_differing(before.profile, after.profile, [f.name for f in fields(Profile)]),
    )


def _names(items: list[str], lang: Lang) -> str:
    shown = ", ".join(items[:LISTED])
    rest = len(items) - LISTED
    if rest > 0:
        shown += f" und {rest} weitere" if lang == "de" else f" and {rest} more"
    return shown


def _sentence(de: str, en: str, items: Callable[[Lang], list[str]]) -> Message:
    return Message(
        f"{de} ({len(items('de'))}): {_names(items('de'), 'de')}.",
        f"{en} ({len(items('en'))}): {_names(items('en'), 'en')}.",
    )


def summary(comparison: Comparison) -> list[Message]:
    """The comparison as plain sentences, one per kind of difference."""
    c = comparison
    if c.same:
        return [Message("Keine Unterschiede.", "No differences.")]
    sentences: list[Message] = []
    if c.added:
        sentences.append(_sentence("Hinzugekommen", "Added", lambda _: [m.title for m in c.added]))
    if c.removed:
        sentences.append(_sentence("Entfernt", "Removed", lambda _: [m.title for m in c.removed]))
    if c.changed:
        sentences.append(
            _sentence(
                "Geändert",
                "Changed",
                lambda lang: [
                    f"{x.measure.title} ({', '.join(MEASURE_LABELS.get(f, Message(f, f))(lang) for f in x.fields)})"
                    for x in c.changed
                ],
            )
        )
    if c.moved:
        word: dict[Lang, str] = {
            "de": "bis {} statt {} ({:+d} Monat(e))",
            "en": "until {} instead of {} ({:+d} month(s))",
        }
        sentences.append(
            _sentence(
                "Verschoben",
                "Moved",
                lambda lang: [
                    f"{x.measure.title} "
                    + word[lang].format(formats.month(x.after, lang), formats.month(x.before, lang), x.months)
                    for x in c.moved
                ],
            )
        )
    if c.newly_planned:
        sentences.append(_sentence("Neu eingeplant", "Now planned", lambda _: [m.title for m in c.newly_planned]))
    if c.no_longer_planned:
        sentences.append(
            _sentence("Nicht mehr eingeplant", "No longer planned", lambda _: [m.title for m in c.no_longer_planned])
        )
    if c.profile_fields:
        sentences.append(
            _sentence(
                "Geänderte Einstellungen",
                "Changed settings",
                lambda lang: [PROFILE_LABELS.get(f, Message(f, f))(lang) for f in c.profile_fields],
            )
        )
    sentences.extend(_cost_sentence(y) for y in c.years if abs(y.difference) >= 0.5)
    if not any(abs(y.difference) >= 0.5 for y in c.years):
        sentences.append(Message("Die jährlichen Kosten bleiben gleich.", "The yearly costs stay the same."))
    return sentences


def _cost_sentence(year: YearDifference) -> Message:
    """'2026: Kosten 12.500 € höher (128.000 € statt 115.500 €).'"""
    amount = abs(year.difference)
    de_word, en_word = ("höher", "higher") if year.difference > 0 else ("niedriger", "lower")
    return Message(
        f"{year.year}: Kosten {formats.euro(amount, 'de')} {de_word} "
        f"({formats.euro(year.after, 'de')} statt {formats.euro(year.before, 'de')}).",
        f"{year.year}: costs {formats.euro(amount, 'en')} {en_word} "
        f"({formats.euro(year.after, 'en')} instead of {formats.euro(year.before, 'en')}).",
    )
