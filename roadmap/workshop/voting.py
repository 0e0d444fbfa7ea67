"""The workshop's ranking inputs: dot voting on one shared screen, must-have / exclude flags, weighted
criteria and pins (docs/planning.md).

Pure rules on a `Workshop`: every function returns a changed copy and never touches the original.
The dots budget is `profile.dots_per_person × workshop.participants`; 0 participants means no limit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.month import Month
from roadmap.domain.profile import Criterion, Side
from roadmap.domain.workshop import Workshop


def dots_budget(workshop: Workshop) -> int | None:
    """All dots the room may give: dots per person × participants, or None for no limit (0 participants)."""
    if workshop.participants <= 0:
        return None
    return max(0, workshop.profile.dots_per_person) * workshop.participants


def dots_used(workshop: Workshop) -> int:
    """The dots given so far, over all measures."""
    return sum(m.votes for m in workshop.measures)


def dots_left(workshop: Workshop) -> int | None:
    """The dots still to give (never below 0), or None when there is no limit."""
    budget = dots_budget(workshop)
    if budget is None:
        return None
    return max(0, budget - dots_used(workshop))


def dots_overspent(workshop: Workshop) -> bool:
    """True when more dots are given than the room's budget allows (e.g. after fewer participants)."""
    budget = dots_budget(workshop)
    return budget is not None and dots_used(workshop) > budget


def set_participants(workshop: Workshop, participants: Any) -> Workshop:
    """The people in the room who vote; empty counts as 0 (dots without a limit)."""
    return workshop.with_changes(participants=int(participants or 0))


def set_dots_per_person(workshop: Workshop, dots: Any) -> Workshop:
    """The dots each participant may give (validated by the model); empty leaves the setting as it is."""
    return _set_voting(workshop, "dots_per_person", None if dots is None else int(dots))


def set_vote_mode(workshop: Workshop, mode: Any) -> Workshop:
    """Whether votes break ties or raise the value (validated by the model); empty leaves it as it is."""
    return _set_voting(workshop, "vote_mode", None if mode is None else str(mode))


def set_vote_weight(workshop: Workshop, weight: Any) -> Workshop:
    """The value a dot adds when votes raise the value (validated by the model); empty leaves it as it is."""
    return _set_voting(workshop, "vote_weight", None if weight is None else float(weight))


def _set_voting(workshop: Workshop, name: str, value: object) -> Workshop:
    if value is None:
        return workshop
    return workshop.with_changes(profile=workshop.profile.with_changes(**{name: value}))


def measure_in(workshop: Workshop, measure_id: str) -> Measure:
    """The workshop's measure of that id (RoadmapError naming it if there is none any more)."""
    found = workshop.by_id().get(measure_id)
    if found is None:
        raise RoadmapError(
            Message(
                f"Die Maßnahme {measure_id} gibt es in diesem Workshop nicht (mehr).",
                f"Measure {measure_id} is not (or no longer) part of this workshop.",
            )
        )
    return found


def with_measure(workshop: Workshop, changed: Measure) -> Workshop:
    """The workshop with the measure of the same id replaced by `changed`."""
    return workshop.with_changes(measures=tuple(changed if m.id == changed.id else m for m in workshop.measures))


def add_vote(workshop: Workshop, measure_id: str) -> Workshop:
    """One more dot for the measure.

    Raises:
        RoadmapError: if every dot is given already, or the measure is unknown.
    """
    measure = measure_in(workshop, measure_id)
    if dots_left(workshop) == 0:
        budget = dots_budget(workshop) or 0
        raise RoadmapError(
            Message(
                f"Alle {budget} Punkte sind vergeben. Erst bei einer anderen Maßnahme einen Punkt "
                "wegnehmen oder mehr Punkte pro Person erlauben.",
                f"All {budget} dots are given. Take a dot away from another measure first "
                "or allow more dots per person.",
            )
        )
    return with_measure(workshop, measure.with_changes(votes=measure.votes + 1))


def remove_vote(workshop: Workshop, measure_id: str) -> Workshop:
    """One dot less for the measure (a measure without dots stays at 0)."""
    measure = measure_in(workshop, measure_id)
    if measure.votes == 0:
        return workshop
    return with_measure(workshop, measure.with_changes(votes=measure.votes - 1))


def reset_votes(workshop: Workshop) -> Workshop:
    """Take every dot back: all measures at 0 votes."""
    if not any(m.votes for m in workshop.measures):
        return workshop
    return workshop.with_changes(measures=tuple(m.with_changes(votes=0) if m.votes else m for m in workshop.measures))


def set_flag(
    workshop: Workshop, measure_id: str, *, must_have: bool | None = None, excluded: bool | None = None
) -> Workshop:
    """Set or clear the must-have and exclude flags; they exclude each other (setting one clears the other).

    Raises:
        RoadmapError: if both are to be set at once, or the measure is unknown.
    """
    measure = measure_in(workshop, measure_id)
    if must_have and excluded:
        raise RoadmapError(
            Message(
                f"„{measure.title}“ kann nicht zugleich Muss-Maßnahme und ausgeschlossen sein.",
                f"“{measure.title}” cannot be a must-have and excluded at the same time.",
            )
        )
    changes: dict[str, bool] = {}
    if must_have is not None:
        changes["must_have"] = must_have
        if must_have:
            changes["excluded"] = False
    if excluded is not None:
        changes["excluded"] = excluded
        if excluded:
            changes["must_have"] = False
    if not changes:
        return workshop
    return with_measure(workshop, measure.with_changes(**changes))


def pin(workshop: Workshop, measure_id: str, month: Month | None) -> Workshop:
    """Fix the measure's start to a month (the planner then starts it exactly there), or release it with None."""
    measure = measure_in(workshop, measure_id)
    if measure.pinned == month:
        return workshop
    return with_measure(workshop, measure.with_changes(pinned=month))


def set_criteria(
    workshop: Workshop, criteria: Sequence[Criterion], renamed: Mapping[str, str] | None = None
) -> Workshop:
    """Replace the weighted criteria; scores follow a renamed criterion (`renamed`: old name -> new name).

    Raises:
        RoadmapError: if a criterion has no name, a name repeats or a weight is negative (a side is
            checked by `Criterion` itself).
    """
    cleaned = []
    for criterion in criteria:
        name = " ".join(str(criterion.name or "").split())
        if not name:
            raise RoadmapError(
                Message("Bitte jedem Kriterium einen Namen geben.", "Please give every criterion a name.")
            )
        if not (math.isfinite(criterion.weight) and criterion.weight >= 0):
            raise RoadmapError(
                Message(
                    f"Kriterium „{name}“: das Gewicht muss 0 oder größer sein.",
                    f"Criterion “{name}”: the weight must be 0 or more.",
                )
            )
        cleaned.append(Criterion(name, criterion.side, float(criterion.weight)))
    names = [c.name for c in cleaned]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise RoadmapError(
            Message(f"Kriterium doppelt: {', '.join(twice)}.", f"Criterion named twice: {', '.join(twice)}.")
        )
    moves = {old: " ".join(new.split()) for old, new in (renamed or {}).items() if old != " ".join(new.split())}
    measures = workshop.measures
    if moves:
        measures = tuple(
            m.with_changes(criteria={moves.get(k, k): v for k, v in m.criteria.items()}) if m.criteria else m
            for m in measures
        )
    return workshop.with_changes(profile=workshop.profile.with_changes(criteria=tuple(cleaned)), measures=measures)


def set_scores(workshop: Workshop, measure_id: str, scores: Mapping[str, float | None]) -> Workshop:
    """Set a measure's criteria scores (1–5); None removes a score, so the criterion no longer counts for it.

    Raises:
        RoadmapError: if a score lies outside 1–5, or the measure is unknown.
    """
    measure = measure_in(workshop, measure_id)
    merged = dict(measure.criteria)
    for name, score in scores.items():
        if score is None or (isinstance(score, float) and math.isnan(score)):
            merged.pop(name, None)
        elif not 1 <= float(score) <= 5:
            raise RoadmapError(
                Message(
                    f"„{measure.title}“: {name} muss zwischen 1 und 5 liegen, nicht {score}.",
                    f"“{measure.title}”: {name} must lie between 1 and 5, not {score}.",
                )
            )
        else:
            merged[name] = float(score)
    return with_measure(workshop, measure.with_changes(criteria=merged))


# --- edits made in a table (the edit state of Streamlit's data editor, a plain dict) -------------


def table_edits(state: Mapping[str, Any] | None) -> tuple[dict[int, dict[str, Any]], list[dict[str, Any]], list[int]]:
    """The edited rows (row -> {column: value}), added rows and deleted row numbers of a table's edit state."""
    state = state or {}
    edited = {int(row): dict(change) for row, change in (state.get("edited_rows") or {}).items()}
    return (
        edited,
        [dict(row) for row in state.get("added_rows") or []],
        [int(r) for r in state.get("deleted_rows") or []],
    )


def apply_flag_edits(workshop: Workshop, ids: Sequence[str], state: Mapping[str, Any] | None) -> Workshop:
    """Ticked or cleared `must_have` / `excluded` boxes of a table whose row i shows measure ids[i]."""
    edited, _, _ = table_edits(state)
    for row, change in sorted(edited.items()):
        for name in ("must_have", "excluded"):
            if name in change and row < len(ids):
                workshop = set_flag(workshop, ids[row], **{name: bool(change[name])})
    return workshop


def apply_criteria_edits(workshop: Workshop, state: Mapping[str, Any] | None) -> Workshop:
    """Edits of the criteria table (columns name, side, weight; one row per criterion of the profile).

    A renamed criterion keeps its scores; an added row without a weight weighs 1.

    Raises:
        RoadmapError: as `set_criteria` (e.g. a row without a name).
    """
    edited, added, deleted = table_edits(state)
    old = workshop.profile.criteria
    rows = [{"name": c.name, "side": c.side, "weight": c.weight} for c in old]
    for index, change in edited.items():
        if index < len(rows):
            rows[index].update(change)
    renamed = {old[i].name: str(rows[i].get("name") or "") for i in edited if i < len(old) and i not in deleted}
    kept = [row for index, row in enumerate(rows) if index not in deleted] + added
    criteria = [
        Criterion(
            str(row.get("name") or ""),
            row.get("side") or Side.VALUE,
            1.0 if row.get("weight") is None else float(row["weight"]),
        )
        for row in kept
    ]
    return set_criteria(workshop, criteria, renamed)


def apply_score_edits(
    workshop: Workshop, ids: Sequence[str], columns: Mapping[str, str], state: Mapping[str, Any] | None
) -> Workshop:
    """Edits of the scores table: row i is measure ids[i], `columns` maps a column to its criterion's name.

    Raises:
        RoadmapError: as `set_scores` (a score outside 1–5).
    """
    edited, _, _ = table_edits(state)
    for row, change in sorted(edited.items()):
        scores = {columns[column]: score for column, score in change.items() if column in columns}
        if row < len(ids) and scores:
            workshop = set_scores(workshop, ids[row], scores)
    return workshop


# --- the changes a widget makes: (workshop, the widget's value) -> workshop ---------------------

Change = Callable[[Workshop, Any], Workshop]


def flag_change(ids: Sequence[str]) -> Change:
    """The change the ranking table makes: its ticked boxes, row i showing measure ids[i]."""
    return lambda workshop, state: apply_flag_edits(workshop, ids, state)


def score_change(ids: Sequence[str], columns: Mapping[str, str]) -> Change:
    """The change the scores table makes: row i is measure ids[i], `columns` maps a column to its criterion."""
    return lambda workshop, state: apply_score_edits(workshop, ids, columns, state)


def vote_added(measure_id: str) -> Change:
    """The change a measure's + button makes: one more dot for it (the button's own value does not matter)."""
    return lambda workshop, _: add_vote(workshop, measure_id)


def vote_removed(measure_id: str) -> Change:
    """The change a measure's − button makes: one dot less for it."""
    return lambda workshop, _: remove_vote(workshop, measure_id)
