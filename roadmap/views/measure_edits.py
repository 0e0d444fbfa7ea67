"""The measure table's edits -> a new workshop: st.data_editor's change sets applied cell by cell.

`apply_edits` turns the editor's change sets (edited_rows, added_rows, deleted_rows) of the table
`measure_table.measure_frame` into a new Workshop. A cell whose new value is invalid keeps its old
value and yields a sentence naming the row and the column; every valid edit is kept.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from roadmap.domain.ids import new_ids
from roadmap.domain.measure import ASSESSED_FIGURES, DURATION_LIMIT, Kpi, Measure, with_figures
from roadmap.domain.messages import Lang, Message, RoadmapError
from roadmap.domain.month import Month, duration_months
from roadmap.domain.vocabulary import FIELDS, FIELDS_EN, STATUSES_EN, Status
from roadmap.domain.workshop import Workshop
from roadmap.importing.values import parse_month, parse_number
from roadmap.views.editor_cells import CellError, from_browser
from roadmap.views.measure_table import COLUMNS, FLAGS, INTEGERS, KPI_PARTS, MONTHS, dependency_labels

NOT_TAKEN = Message("Nicht übernommen:", "Not taken over:")


@dataclass(frozen=True)
class EditResult:
    """The workshop after the table's edits, the rejected cells in words, and what else happened."""

    workshop: Workshop
    problems: list[Message]
    notes: list[Message] = field(default_factory=list)


def not_taken_text(problems: Sequence[Message], lang: Lang) -> str:
    """The warning below the table: 'Nicht übernommen:' and one line per rejected cell."""
    lines = "\n".join(f"- {problem(lang)}" for problem in problems)
    return NOT_TAKEN(lang) + "\n" + lines


# --- one cell -> one attribute ------------------------------------------------------------------


_Name = TypeVar("_Name", bound=str)


def _key(text: object, keys: Sequence[_Name], english: Mapping[_Name, str]) -> _Name | None:
    """The stored name for a German or English display name (any case)."""
    wanted = str(text or "").strip().lower()
    return next((key for key in keys if wanted in (key.lower(), english[key].lower())), None)


def _number(value: object) -> float:
    try:
        number = parse_number(value)
    except ValueError:
        raise CellError(Message(f"'{value}' ist keine Zahl", f"'{value}' is not a number")) from None
    return 0.0 if number is None else number


def _month(value: object) -> Month | None:
    value = from_browser(value)
    try:
        return parse_month(value)
    except ValueError:
        raise CellError(Message(f"'{value}' ist kein Datum", f"'{value}' is not a date")) from None


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _cell_changes(
    column: str, value: object, measure: Measure, ids_by_label: Mapping[str, str], known_ids: set[str]
) -> dict[str, Any]:
    """The attribute changes for one cell of one measure; CellError if the value cannot be used."""
    if column == "title":
        title = _text(value)
        if not title:
            raise CellError(Message("der Titel darf nicht leer sein", "the title must not be empty"))
        return {"title": title}
    if column == "field":
        key = _key(value, FIELDS, FIELDS_EN)
        if key is None:
            raise CellError(Message(f"unbekanntes Handlungsfeld '{value}'", f"unknown field of action '{value}'"))
        return {"field": key}
    if column == "status":
        key = _key(value, tuple(Status), STATUSES_EN)
        if key is None:
            raise CellError(Message(f"unbekannter Status '{value}'", f"unknown status '{value}'"))
        return {"status": key}
    if column in ("value", "effort"):
        if value is None:
            raise CellError(Message("eine Zahl von 1 bis 5 fehlt", "a number from 1 to 5 is missing"))
        number = _number(value)
        if not 1 <= number <= 5:
            raise CellError(Message(f"muss zwischen 1 und 5 liegen, nicht {value}", f"must be 1 to 5, not {value}"))
        return {column: number}
    if column in ("one_time_cost", "running_cost", "person_days"):
        number = 0.0 if value is None else _number(value)
        if number < 0:
            raise CellError(Message(f"darf nicht negativ sein ({value})", f"must not be negative ({value})"))
        return {column: number}
    if column in INTEGERS:
        number = (1.0 if column == "duration" else 0.0) if value is None else _number(value)
        if column == "duration":
            if not 1 <= number <= DURATION_LIMIT:
                raise CellError(
                    Message(f"muss 1 bis {DURATION_LIMIT} Monate betragen", f"must be 1 to {DURATION_LIMIT} months")
                )
            return {"duration": duration_months(number)}
        if number < 0 or number != int(number):
            raise CellError(Message("muss eine ganze Zahl ab 0 sein", "must be a whole number from 0"))
        return {"votes": int(number)}
    if column == "assessed":  # ticked: the figures as they are; cleared: to be assessed again
        return {"to_assess": () if bool(value) else ASSESSED_FIGURES}
    if column in FLAGS:
        return {column: bool(value)}
    if column in MONTHS:
        return {column: _month(value)}
    if column in ("owner", "notes", "description"):
        return {column: _text(value)}
    if column in KPI_PARTS:
        kpi = measure.kpi
        return {"kpi": Kpi(**{**kpi.__dict__, KPI_PARTS[column]: _text(value)})}
    if column == "depends_on":
        return {"depends_on": _dependencies(value, measure, ids_by_label, known_ids)}
    return {}  # the id and unknown columns are not edited here


def _dependencies(
    value: object, measure: Measure, ids_by_label: Mapping[str, str], known_ids: set[str]
) -> tuple[str, ...]:
    """The ids the picked labels name (a list from the table, or one label as text)."""
    if value is None:
        labels: list[str] = []
    elif isinstance(value, str):
        labels = [value] if value.strip() else []
    elif isinstance(value, Iterable):
        labels = [str(v) for v in value]
    else:
        labels = [str(value)]
    ids: list[str] = []
    for label in labels:
        ident = ids_by_label.get(label) or ids_by_label.get(label.strip().lower())
        if ident is None and (label in known_ids or label in measure.depends_on):
            ident = label
        if ident is None:
            raise CellError(Message(f"keine Maßnahme heißt '{label}'", f"no measure is called '{label}'"))
        if ident == measure.id:
            raise CellError(
                Message("eine Maßnahme kann nicht von sich selbst abhängen", "a measure cannot depend on itself")
            )
        if ident not in ids:
            ids.append(ident)
    return tuple(ids)


def _label_index(measures: Sequence[Measure]) -> dict[str, str]:
    """Label (as shown, and lower-cased) -> id; a title that repeats is only found with its id."""
    index: dict[str, str] = {}
    for ident, label in dependency_labels(measures).items():
        index[label] = ident
        index.setdefault(label.strip().lower(), ident)
    return index


def _problem(title: str, column: str, why: Message) -> Message:
    label = COLUMNS.get(column, Message(column, column))
    return Message(
        f"„{title}“, Spalte {label('de')}: {why('de')} – der bisherige Wert bleibt.",
        f"“{title}”, column {label('en')}: {why('en')} – the previous value is kept.",
    )


def _edited(
    measure: Measure,
    changes: Mapping[str, Any],
    ids_by_label: Mapping[str, str],
    known_ids: set[str],
    problems: list[Message],
    notes: list[Message],
) -> Measure:
    """The measure with every valid cell of `changes` applied; each invalid one becomes a problem."""
    result = measure
    for column in COLUMNS:
        if column not in changes:
            continue
        try:
            attributes = _cell_changes(column, changes[column], result, ids_by_label, known_ids)
            result = with_figures(result, attributes)
        except CellError as invalid:
            problems.append(_problem(result.title, column, invalid.message))
        except RoadmapError as error:
            problems.append(_problem(result.title, column, error.message))
    if result.must_have and result.excluded:
        if "must_have" in changes and "excluded" in changes:
            problems.append(
                _problem(
                    result.title,
                    "must_have",
                    Message(
                        "Muss und Ausgeschlossen zugleich geht nicht",
                        "must-have and excluded at once is not possible",
                    ),
                )
            )
            result = result.with_changes(must_have=measure.must_have, excluded=measure.excluded)
        else:
            cleared = "excluded" if "must_have" in changes else "must_have"
            result = result.with_changes(**{cleared: False})
            notes.append(
                Message(
                    f"„{result.title}“: Muss und Ausgeschlossen schließen einander aus – "
                    f"{'Ausgeschlossen' if cleared == 'excluded' else 'Muss'} ist nicht mehr angehakt.",
                    f"“{result.title}”: must-have and excluded rule each other out – "
                    f"{'excluded' if cleared == 'excluded' else 'must-have'} is no longer ticked.",
                )
            )
    return result


# --- the change sets -> a new workshop ----------------------------------------------------------


def apply_edits(
    workshop: Workshop,
    edited_rows: Mapping[int | str, Mapping[str, Any]] | None,
    added_rows: Sequence[Mapping[str, Any]] | None,
    deleted_rows: Sequence[int] | None,
    lang: Lang = "de",
) -> EditResult:
    """The workshop after st.data_editor's changes to the table `measure_frame(workshop.measures)`."""
    del lang  # the sentences carry both languages; the labels are recognised in either
    old = list(workshop.measures)
    problems: list[Message] = []
    notes: list[Message] = []
    ids_by_label = _label_index(old)
    known_ids = {m.id for m in old}
    measures = list(old)
    for row, changes in sorted(((int(r), c) for r, c in (edited_rows or {}).items()), key=lambda rc: rc[0]):
        if 0 <= row < len(measures) and changes:
            measures[row] = _edited(measures[row], changes, ids_by_label, known_ids, problems, notes)
    measures = _delete(measures, set(deleted_rows or ()), notes)
    measures = _add(measures, added_rows or (), ids_by_label, known_ids, problems)
    _hint_repeated_titles(old, measures, notes)
    if measures == old:
        return EditResult(workshop, problems, notes)
    return EditResult(workshop.with_changes(measures=tuple(measures)), problems, notes)


def _delete(measures: list[Measure], rows: set[int], notes: list[Message]) -> list[Measure]:
    gone = {measures[r].id: measures[r].title for r in rows if 0 <= r < len(measures)}
    if not gone:
        return measures
    kept = []
    for measure in (m for m in measures if m.id not in gone):
        lost = [d for d in measure.depends_on if d in gone]
        if lost:
            names = ", ".join(f"„{gone[d]}“" for d in lost)
            names_en = ", ".join(f"“{gone[d]}”" for d in lost)
            notes.append(
                Message(
                    f"„{measure.title}“ hing von {names} ab – diese Abhängigkeit ist mit dem Löschen entfallen.",
                    f"“{measure.title}” depended on {names_en} – that dependency went with the deletion.",
                )
            )
            measure = measure.with_changes(depends_on=tuple(d for d in measure.depends_on if d not in gone))
        kept.append(measure)
    titles = ", ".join(f"„{t}“" for t in gone.values())
    titles_en = ", ".join(f"“{t}”" for t in gone.values())
    notes.insert(0, Message(f"Gelöscht: {titles}.", f"Deleted: {titles_en}."))
    return kept


def _add(
    measures: list[Measure],
    rows: Sequence[Mapping[str, Any]],
    ids_by_label: Mapping[str, str],
    known_ids: set[str],
    problems: list[Message],
) -> list[Measure]:
    rows = [r for r in rows if any(v not in (None, "", [], False) for v in r.values())]
    if not rows:
        return measures
    taken = {m.id for m in measures} | known_ids
    fresh = iter(new_ids(taken, len(rows)))
    result = list(measures)
    for number, row in enumerate(rows, start=1):
        title = _text(row.get("title"))
        if not title:
            problems.append(
                Message(
                    f"Neue Zeile {number}: ohne Titel wird keine Maßnahme angelegt – bitte einen Titel eingeben.",
                    f"New row {number}: without a title no measure is created – please enter a title.",
                )
            )
            continue
        given = _text(row.get("id"))
        ident = given if given and given not in taken else next(fresh)
        taken.add(ident)
        measure = _edited(
            Measure(id=ident, title=title),
            {k: v for k, v in row.items() if k not in ("id", "title") and v is not None},
            ids_by_label,
            known_ids,
            problems,
            [],
        )
        result.append(measure)
    return result


def _hint_repeated_titles(old: Sequence[Measure], new: Sequence[Measure], notes: list[Message]) -> None:
    before = Counter(m.title.strip().lower() for m in old)
    after = Counter(m.title.strip().lower() for m in new)
    shown: set[str] = set()
    for measure in new:
        key = measure.title.strip().lower()
        if after[key] > 1 and after[key] > before[key] and key not in shown:
            shown.add(key)
            notes.append(
                Message(
                    f"Der Titel „{measure.title}“ kommt {after[key]}-mal vor. Besser eindeutige Titel wählen – "
                    "bei den Abhängigkeiten steht bis dahin die ID dahinter.",
                    f"The title “{measure.title}” occurs {after[key]} times. Unique titles are better – until "
                    "then the dependencies show the ID after it.",
                )
            )
