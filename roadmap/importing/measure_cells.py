"""Read the cells of measure rows into Measures, with a warning for every value not taken as given.

Problems that repeat down a column are reported once per column, naming the rows (docs/import.md:
missing value/effort get a default and a warning, never a silent guess). A title
is taken as plain text: shortened to the model's limit, kept when it looks like markup or a formula,
a formula's value as its text – each said in a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar, cast

from roadmap.domain.measure import TITLE_LIMIT, Kpi, Measure
from roadmap.domain.messages import Message, RoadmapError, Severity
from roadmap.domain.month import Month
from roadmap.domain.vocabulary import FIELDS, Status
from roadmap.importing.cell_report import Report, column_message, excerpt, inferred_message
from roadmap.importing.column_names import header_unit, normalise
from roadmap.importing.defaults import Assumed, assumption_lines, guessed_duration
from roadmap.importing.field_context import infer_fields
from roadmap.importing.row_report import rows_text
from roadmap.importing.rows import MEASURE, UNTITLED, Line, title_findings
from roadmap.importing.table_columns import Columns, cell_at
from roadmap.importing.values import (
    DAYS,
    MONTHS,
    is_empty,
    parse_days,
    parse_duration,
    parse_month,
    parse_number,
    text_of,
)
from roadmap.importing.words import (
    parse_bool,
    parse_field,
    parse_id_list,
    parse_level,
    parse_priority,
    parse_progress,
    parse_status,
)
from roadmap.workbook.styles import Cell

_T = TypeVar("_T")
_END_BEFORE_START = Message(
    "Das Ende liegt vor dem Start – Ende nicht übernommen.", "The end lies before the start – end ignored."
)

DEFAULT_SCORE = 3.0


def build(
    lines: list[Line], columns: Columns, report: Report, date1904: bool, fill_down: bool = True
) -> list[tuple[Line, Measure]]:
    """A Measure for every measure line (ids still to be decided), reporting what was not read.

    A field or phase given only on a group's first row is filled down, unless `fill_down` is off (the exports
    of planning tools, where an empty cell means none)."""
    reader = _RowReader(columns, report, date1904)
    built = []
    fill: dict[str, Cell] = {}
    for line in lines:
        for key in ("field", "phase"):
            column = columns.layout.mapping.get(key)
            if column is not None and (not fill_down or not is_empty(cell_at(line, column))):
                fill[key] = cell_at(line, column)
        if line.kind == UNTITLED:
            report.add(
                Message(
                    "Zeile ohne Titel übersprungen, obwohl sie Werte enthält.",
                    "Row without a title skipped although it holds values.",
                ),
                line.number,
                columns.layout.mapping.get("title"),
                Severity.ERROR,
            )
        if line.kind != MEASURE:
            continue
        measure = reader.read(line, fill)
        if measure is not None:
            built.append((line, measure))
    built = reader.suggest_fields(built)
    reader.finish()
    return built


@dataclass(frozen=True)
class _Parsed:
    """The cells of one measure line as read: None where the column is missing, the cell empty or unreadable."""

    description: str | None
    notes: str | None
    owner: str | None
    kpi: tuple[str | None, str | None, str | None]
    value: float | None
    effort: float | None
    priority: float | None
    one_time_cost: float | None
    running_cost: float | None
    person_days: float | None
    duration: int | None
    funding_eligible: bool | None
    must_have: bool | None
    excluded: bool | None
    votes: int | None
    depends_on: tuple[str, ...] | None
    pinned: Month | None
    status: Status | None
    progress: Status | None


_NOT_YET, _UNREADABLE = object(), object()


class _RowReader:
    def __init__(self, columns: Columns, report: Report, date1904: bool) -> None:
        self.columns = columns
        self.map = columns.layout.mapping
        self.report = report
        self.date1904 = date1904
        self.missing: dict[str, list[int]] = {"value": [], "effort": []}
        self.unnamed: dict[int, tuple[str, str]] = {}  # lines that name no field → their title and description
        self.headers = {key: normalise(columns.header(column)).split() for key, column in self.map.items()}
        self.units = {key: header_unit(columns.header(column)) for key, column in self.map.items()}
        self.scales: dict[str, tuple[bool, bool]] = {
            key: self._scale(key) for key in ("one_time_cost", "running_cost", "person_days") if key in self.map
        }
        self.parsed: dict[tuple[str, type, Cell], object] = {}  # (field, type, cell) → what it was read as
        self.assumed = Assumed()

    def _parsed(self, line: Line, key: str, parse: Callable[[Cell], _T | None], notes: list[str]) -> _T | None:
        """The parsed cell of a field's column; unreadable text is gathered and kept in the notes."""
        column = self.map.get(key)
        if column is None:
            return None
        value = cell_at(line, column)
        if is_empty(value):
            return None
        # A column repeats its values (statuses, durations, scores): each is parsed once. The type is
        # part of the key, as 1, 1.0 and True are equal but read differently.
        memo = (key, value.__class__, value)
        found = self.parsed.get(memo, _NOT_YET)
        if found is _NOT_YET:
            try:
                found = parse(value)
            except (ValueError, RoadmapError):
                found = _UNREADABLE
            self.parsed[memo] = found
        if found is _UNREADABLE:
            self.report.gather("unreadable", column, line.number, text_of(value))
            notes.append(f"{self.columns.header(column)}: {text_of(value)}")
            return None
        return cast("_T | None", found)  # what `parse` returned for this cell

    def _parse(self, line: Line, notes: list[str]) -> _Parsed:
        """Every mapped cell of the line, read by its column's parser (in this order, for the notes)."""

        mapped = self.map

        def cell(key: str, parse: Callable[[Cell], _T | None]) -> _T | None:
            return self._parsed(line, key, parse, notes) if key in mapped else None

        def amount(key: str) -> Callable[[Cell], float | None]:
            convention = self.columns.conventions.get(self.map.get(key, -1), "de")
            return lambda v: parse_number(v, convention)

        return _Parsed(
            description=cell("description", text_of),
            notes=cell("notes", text_of),
            owner=cell("owner", text_of),
            kpi=(cell("kpi_name", text_of), cell("kpi_baseline", text_of), cell("kpi_target", text_of)),
            value=cell("value", parse_level),
            effort=cell("effort", parse_level),
            priority=cell("priority", lambda v: parse_priority(v, self.columns.priority_scale)),
            one_time_cost=cell("one_time_cost", amount("one_time_cost")),
            running_cost=cell("running_cost", amount("running_cost")),
            person_days=cell("person_days", lambda v: parse_days(v, self.units.get("person_days") or DAYS)),
            duration=cell("duration", lambda v: parse_duration(v, self.units.get("duration") or MONTHS)),
            funding_eligible=cell("funding_eligible", parse_bool),
            must_have=cell("must_have", parse_bool),
            excluded=cell("excluded", parse_bool),
            votes=cell("votes", _votes),
            depends_on=cell("depends_on", parse_id_list),
            pinned=cell("pinned", lambda v: parse_month(v, date1904=self.date1904)),
            status=cell("status", parse_status),
            progress=cell("progress", parse_progress),
        )

    def read(self, line: Line, fill: dict[str, Cell]) -> Measure | None:
        """The measure of one line (id still to be decided), or None if its values make none (reported)."""
        notes = self._context(line, fill)
        title = self._title(line, notes)
        cells = self._parse(line, notes)
        field_name = self._field_of(line, fill, notes, title, cells.description or "")
        value = cells.value if cells.value is not None else cells.priority
        if value is None:
            self.missing["value"].append(line.number)
        if cells.effort is None:
            self.missing["effort"].append(line.number)
        status = cells.status or cells.progress or Status.IDEA
        start, end, duration = self._dates(line, status, cells.duration, notes)
        one_time_cost = self._amount(line, "one_time_cost", cells.one_time_cost)
        person_days = self._amount(line, "person_days", cells.person_days)
        duration = self._assume(line.number, cells, (one_time_cost, person_days), duration)
        notes += [
            f"{self.columns.header(column)}: {text_of(cell_at(line, column))}"
            for column in self.columns.layout.notes
            if not is_empty(cell_at(line, column))
        ]
        if cells.notes:
            notes.insert(0, cells.notes)
        try:
            return Measure(
                id="?",
                title=title,
                field=field_name,
                description=cells.description or "",
                value=value if value is not None else DEFAULT_SCORE,
                effort=cells.effort if cells.effort is not None else DEFAULT_SCORE,
                one_time_cost=one_time_cost,
                running_cost=self._amount(line, "running_cost", cells.running_cost),
                funding_eligible=bool(cells.funding_eligible),
                person_days=person_days,
                duration=duration,
                depends_on=cells.depends_on or (),
                earliest_start=Month.of(start) if start else None,
                deadline=Month.of(end) if end else None,
                pinned=cells.pinned,
                must_have=bool(cells.must_have),
                excluded=bool(cells.excluded),
                owner=cells.owner or "",
                status=status,
                kpi=Kpi(cells.kpi[0] or "", cells.kpi[1] or "", cells.kpi[2] or ""),
                notes="; ".join(notes),
                votes=cells.votes or 0,
            )
        except RoadmapError as error:
            self.report.add(error.message, line.number, self.map.get("title"), Severity.ERROR)
            return None

    def _assume(self, row: int, cells: _Parsed, amounts: tuple[float, float], duration: int | None) -> int:
        """Note the defaults a measure gets (roadmap/importing/defaults.py); its duration, guessed if none given."""
        assumed = self.assumed
        assumed.count += 1
        if cells.person_days is None:
            assumed.no_person_days.append(row)
        if cells.one_time_cost is None and cells.running_cost is None:
            assumed.no_cost.append(row)
        if duration:
            return duration
        months, told = guessed_duration(amounts[0], cells.effort, amounts[1])
        (assumed.guessed_duration if told else assumed.default_duration).append(row)
        return months

    def _context(self, line: Line, fill: dict[str, Cell]) -> list[str]:
        """The first notes of a measure: the phase it stands in and the measure it is part of."""
        notes: list[str] = []
        if line.phase:
            notes.append(f"Phase: {line.phase}")
        if not is_empty(fill.get("phase")):
            notes.append(f"{self.columns.header(self.map['phase'])}: {text_of(fill['phase'])}")
        if line.parent:
            notes.append(f"Teil von: {line.parent}")
        return notes

    def _field_of(self, line: Line, fill: dict[str, Cell], notes: list[str], title: str, description: str) -> str:
        """The field of action the line (or the group it is filled down from) names; else the first field for now,
        the line noted for a suggestion from its words and the rows around it (suggest_fields)."""
        if "field" in self.map and not is_empty(fill.get("field")):
            if not self.columns.field_is_category:
                return self._field(line, fill["field"], notes)
            notes.append(f"{self.columns.header(self.map['field'])}: {text_of(fill['field'])}")
        self.unnamed[line.number] = (title, description)
        return FIELDS[0]

    def suggest_fields(self, built: list[tuple[Line, Measure]]) -> list[tuple[Line, Measure]]:
        """The measures with the fields suggested for the lines that name none, read together in the list's
        order (roadmap/importing/field_context.py) and marked as inferred; the first field where nothing tells."""
        numbers = [line.number for line, _ in built if line.number in self.unnamed]
        guesses = dict(zip(numbers, infer_fields([self.unnamed[number] for number in numbers]), strict=True))
        self.report.inferred.update(guesses)
        return [
            (line, measure.with_changes(field=guess.field) if (guess := guesses.get(line.number)) else measure)
            for line, measure in built
        ]

    def _dates(
        self, line: Line, status: Status, duration: int | None, notes: list[str]
    ) -> tuple[date | None, date | None, int | None]:
        """Start, deadline and duration: the months from start to planned end give the duration (a running or done
        measure keeps its dates), the due date is the deadline; an end before the start is dropped, and a planned
        end without a start says when the measure must be done (docs/import.md, values)."""
        start, planned, due = line.start, line.planned_end, line.due
        for key, found in (("earliest_start", start), ("planned_end", planned), ("deadline", due)):
            column = self.map.get(key)
            if found is None and column is not None and not is_empty(cell_at(line, column)):
                self.report.gather("unreadable", column, line.number, text_of(cell_at(line, column)))
                notes.append(f"{self.columns.header(column)}: {text_of(cell_at(line, column))}")
        if start and planned and planned < start:
            self.report.add(_END_BEFORE_START, line.number, self.map.get("planned_end"))
            planned = None
        if start and due and due < start:
            self.report.add(_END_BEFORE_START, line.number, self.map.get("deadline"))
            due = None
        if start and planned and (duration is None or status in (Status.RUNNING, Status.DONE)):
            # Months from start to end, both inclusive; a running or done measure keeps its dates.
            duration = Month.of(planned) - Month.of(start) + 1
        return start, due or (planned if not start else None), duration

    def _title(self, line: Line, notes: list[str]) -> str:
        """The line's title as plain text of at most TITLE_LIMIT characters; what is odd about it is gathered."""
        column = line.title_column if line.title_column is not None else self.map.get("title", 0)
        for kind in title_findings(line):
            self.report.gather(kind, column, line.number, excerpt(line.title))
        if len(line.title) <= TITLE_LIMIT:
            return line.title
        notes.append(f"Titel (vollständig): {line.title}")
        return line.title[:TITLE_LIMIT].rstrip()

    def _field(self, line: Line, value: Cell, notes: list[str]) -> str:
        try:
            return parse_field(value) or FIELDS[0]
        except ValueError:
            column = self.map["field"]
            self.report.gather("field", column, line.number, text_of(value))
            notes.append(f"{self.columns.header(column)}: {text_of(value)}")
            return FIELDS[0]

    def _say_inferred(self) -> None:
        inferred = self.report.inferred
        if inferred:
            self.report.add(inferred_message(inferred), min(inferred), self.map.get("field", self.map.get("title")))

    def _amount(self, line: Line, key: str, amount: float | None) -> float:
        """An amount in euros or person-days: thousands and monthly figures as the header says, never negative."""
        if amount is None:
            return 0.0
        number = amount
        thousands, monthly = self.scales[key]
        if thousands:
            number *= 1000
        if monthly:
            number *= 12
        if number < 0:
            self.report.gather("negative", self.map[key], line.number, text_of(amount))
            return 0.0
        return number

    def _scale(self, key: str) -> tuple[bool, bool]:
        """Whether the column's header gives thousands, and (running costs) monthly figures."""
        words = self.headers[key]
        thousands = any(word in words for word in ("tsd", "tausend", "t", "k", "teur", "keur"))
        return thousands, key == "running_cost" and any(w.startswith(("monat", "month", "mtl")) for w in words)

    def finish(self) -> None:
        """The per-column reports: unreadable values, unknown fields, negatives, missing scores."""
        report, columns = self.report, self.columns
        for (kind, column), found in report.grouped.items():
            rows = rows_text([row for row, _ in found])
            report.add(column_message(kind, columns.header(column), rows, found[0][1]), found[0][0], column)
        self._say_inferred()
        self.assumed.value, self.assumed.effort = self.missing["value"], self.missing["effort"]
        report.assumptions.extend(assumption_lines(self.assumed))
        labels = {"value": ("Nutzen", "value"), "effort": ("Aufwand", "effort")}
        sources = {key: self.map.get(key, self.map.get("priority") if key == "value" else None) for key in labels}
        absent = [key for key, rows_missing in self.missing.items() if rows_missing and sources[key] is None]
        if absent:
            # No column at all: one sentence for the whole list, asking for the rating in the workshop.
            first = min(self.missing[key][0] for key in absent)
            de = "/".join(labels[key][0] for key in absent)
            en = "/".join(labels[key][1] for key in absent).capitalize()
            verb_de, verb_en = ("fehlen", "are missing") if len(absent) == 2 else ("fehlt", "is missing")
            report.add(
                Message(
                    f"{de} {verb_de}: alle auf 3 gesetzt – bitte im Workshop bewerten.",
                    f"{en} {verb_en}: all set to 3 – please rate them in the workshop.",
                ),
                first,
                self.map.get("title"),
            )
        for key, rows_missing in self.missing.items():
            if not rows_missing or key in absent:
                continue
            report.add(
                Message(
                    f"{labels[key][0]} fehlt (Zelle leer) in Zeilen {rows_text(rows_missing)} – "
                    "Standardwert 3 gesetzt.",
                    f"{labels[key][1].capitalize()} missing (cell empty) in rows {rows_text(rows_missing)} – "
                    "default 3 set.",
                ),
                rows_missing[0],
                sources[key],
            )


def _votes(value: Cell) -> int:
    number = parse_number(value) or 0
    if number < 0:
        raise ValueError(f"{text_of(value)} Stimmen")
    return round(number)
