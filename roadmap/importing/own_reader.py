"""Read the program's own workbook back: `Profil` and `Maßnahmen` into a Profile and Measures.

The inverse of roadmap/workbook/own_format.py. German and English names are both accepted; an unreadable
cell gives a Problem with sheet, row and column and its default, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from roadmap.domain.ids import new_ids, renamed_duplicate, unique_id
from roadmap.domain.measure import Kpi, Measure
from roadmap.domain.messages import LANGS, Location, Message, Problem, RoadmapError, column_letter
from roadmap.domain.profile import Profile
from roadmap.importing import own_cells as cells
from roadmap.importing.own_cells import UNREADABLE, SheetReader, key_of
from roadmap.importing.raw_sheets import ImportFailed, RawSheet
from roadmap.workbook.names import (
    CRITERION_PREFIX,
    MEASURE_COLUMNS,
    PROFILE_HEADER,
    PROFILE_KEYS,
    SHEET_MEASURES,
    SHEET_PROFILE,
    Name,
)
from roadmap.workbook.own_format import VOTE_MODE_WORDS, parse_criteria, parse_revenue
from roadmap.workbook.styles import Cell


def _find(sheets: list[RawSheet], name: Name) -> RawSheet | None:
    wanted = {key_of(name(lang)) for lang in LANGS}
    return next((s for s in sheets if key_of(s.name) in wanted), None)


def read_own_workbook(
    sheets: list[RawSheet], filename: str
) -> tuple[Profile, tuple[Measure, ...], tuple[Problem, ...]]:
    """Profile and measures from this program's own workbook (German or English), with every problem."""
    problems: list[Problem] = []
    measures_sheet = _find(sheets, SHEET_MEASURES)
    if measures_sheet is None:
        raise ImportFailed(
            Message(
                "Das Blatt 'Maßnahmen' fehlt – die Datei ist keine Roadmap-Arbeitsmappe dieses Programms.",
                "The sheet 'Measures' is missing – the file is no roadmap workbook of this program.",
            ),
            Location(file=filename),
        )
    profile_sheet = _find(sheets, SHEET_PROFILE)
    if profile_sheet is None:
        problems.append(
            Problem(
                Message(
                    "Das Blatt 'Profil' fehlt – die Standardeinstellungen gelten.",
                    "The sheet 'Profile' is missing – the default settings apply.",
                ),
                Location(file=filename),
            )
        )
        profile = Profile()
    else:
        profile = _read_profile(SheetReader(profile_sheet, filename, problems))
    measures = _read_measures(SheetReader(measures_sheet, filename, problems))
    return profile, tuple(measures), tuple(problems)


# ---- the Profil sheet --------------------------------------------------------------------------


def _read_profile(sheet: SheetReader) -> Profile:
    labels = {key_of(name(lang)): key for key, name in PROFILE_KEYS.items() for lang in LANGS}
    headers = {key_of(PROFILE_HEADER[0](lang)) for lang in LANGS}
    date1904 = sheet.raw.date1904
    parsers: dict[str, Callable[[Cell], object]] = {
        "name": cells.text,
        "industry": cells.text,
        "employees": cells.count,
        "revenue": cells.amount,
        "baseline_it": cells.amount,
        "budget_share": cells.amount,
        "funding_rate": cells.amount,
        "capacity": cells.amount,
        "horizon_start": cells.month(False, date1904),
        "horizon_end": cells.month(True, date1904),
        "phase_names": cells.phases,
        "midpoint": cells.score,
        "vote_mode": cells.words(VOTE_MODE_WORDS),
        "vote_weight": cells.amount,
        "dots_per_person": cells.count,
        "criteria": lambda cell: parse_criteria(cells.text(cell)),
        "mode": cells.mode,
        "revenue_by_year": lambda cell: parse_revenue(cells.text(cell)),
        "as_of": cells.month(False, date1904),  # a record of when the plan was made: read, not taken over
    }
    values: dict[str, object] = {}
    rows: dict[str, int] = {}
    for index, row in enumerate(sheet.raw.rows):
        label = row[0] if row else None
        if label is None or key_of(label) in headers:
            continue
        key = labels.get(key_of(label))
        if key is None:
            sheet.warn(
                Message(
                    f"Unbekannte Einstellung '{cells.text(label)}' – nicht übernommen.",
                    f"Unknown setting '{cells.text(label)}' – not taken over.",
                ),
                index + 1,
                0,
            )
            continue
        rows[key] = index + 1
        cell = row[1] if len(row) > 1 else None
        if cell is not None:
            value = sheet.read(cell, parsers[key], index + 1, 1, cells.text(label))
            if value is not UNREADABLE:
                values[key] = value
    return _profile_from(values, rows, sheet)


def _profile_from(values: dict[str, object], rows: dict[str, int], sheet: SheetReader) -> Profile:
    """Apply the settings one by one (the horizon as a pair) so that one bad value spoils nothing else."""
    profile = Profile()
    singles = [(key,) for key in PROFILE_KEYS if key not in ("horizon_start", "horizon_end", "as_of")]
    for group in [("horizon_start", "horizon_end"), *singles]:
        changes = {key: values[key] for key in group if key in values}
        if not changes:
            continue
        try:
            profile = profile.with_changes(**changes)
        except RoadmapError as error:
            sheet.warn(
                Message(
                    f"{error.message('de')} Der Standardwert gilt.",
                    f"{error.message('en')} The default applies.",
                ),
                rows.get(next(iter(changes))),
                1,
            )
    return profile


# ---- the Maßnahmen sheet -----------------------------------------------------------------------


def _columns(header: list[Cell]) -> tuple[dict[str, int], dict[str, int], dict[int, str]]:
    """Field columns, criterion columns and the columns nobody knows, by position."""
    names = {key_of(name(lang)): key for key, name in MEASURE_COLUMNS.items() for lang in LANGS}
    prefixes = [key_of(CRITERION_PREFIX(lang)) for lang in LANGS]
    fields: dict[str, int] = {}
    criteria: dict[str, int] = {}
    unknown: dict[int, str] = {}
    for column, cell in enumerate(header):
        if cell is None:
            continue
        text = cells.text(cell)
        key = names.get(key_of(text))
        prefix = next((p for p in prefixes if key_of(text).startswith(p)), None)
        if key is not None and key not in fields:
            fields[key] = column
        elif prefix is not None:
            # The criterion's name is what follows the prefix, as written (names are matched exactly).
            criteria.setdefault(text.lstrip()[len(prefix) :].strip(), column)
        else:
            unknown[column] = " ".join(text.split())
    return fields, criteria, unknown


def _header_index(rows: list[list[Cell]]) -> int | None:
    ids = {key_of(MEASURE_COLUMNS["id"](lang)) for lang in LANGS}
    titles = {key_of(MEASURE_COLUMNS["title"](lang)) for lang in LANGS}
    for index, row in enumerate(rows[:20]):
        keys = {key_of(cell) for cell in row if cell is not None}
        if keys & ids and keys & titles:
            return index
    return None


def _read_measures(sheet: SheetReader) -> list[Measure]:
    rows = sheet.raw.rows
    top = _header_index(rows)
    if top is None:
        raise ImportFailed(
            Message(
                "Im Blatt 'Maßnahmen' fehlt die Kopfzeile mit 'ID' und 'Maßnahme'.",
                "The sheet 'Measures' has no header row with 'ID' and 'Measure'.",
            ),
            Location(sheet.filename, sheet.raw.name),
        )
    fields, criteria, unknown = _columns(rows[top])
    for key in ("id", "title"):
        if key not in fields:
            raise ImportFailed(
                Message(
                    f"Im Blatt 'Maßnahmen' fehlt die Spalte '{MEASURE_COLUMNS[key]('de')}'.",
                    f"The sheet 'Measures' has no column '{MEASURE_COLUMNS[key]('en')}'.",
                ),
                Location(sheet.filename, sheet.raw.name, top + 1),
            )
    if unknown:
        listed = ", ".join(f"{column_letter(c)} ('{name}')" for c, name in unknown.items())
        sheet.warn(
            Message(
                f"Unbekannte Spalten in den Notizen übernommen: {listed}.",
                f"Unknown columns kept in the notes: {listed}.",
            ),
            top + 1,
            next(iter(unknown)),
        )
    reader = _MeasureReader(sheet, rows[top], fields, criteria, unknown)
    column = fields["id"]
    reader.taken = {cells.text(r[column]).strip() for r in rows[top + 1 :] if column < len(r) and r[column] is not None}
    measures: list[Measure] = []
    for index in range(top + 1, len(rows)):
        measure = reader.measure(rows[index], index + 1)
        if measure is not None:
            measures.append(measure)
    _check_ids(measures, sheet, reader.rows_of, fields)
    return measures


_KPI_TEXTS = ("kpi_name", "kpi_baseline", "kpi_target", "kpi_current")


class _MeasureReader:
    """Turns one row of the `Maßnahmen` sheet into a Measure."""

    def __init__(
        self,
        sheet: SheetReader,
        header: list[Cell],
        fields: dict[str, int],
        criteria: dict[str, int],
        unknown: dict[int, str],
    ) -> None:
        self.sheet, self.fields, self.criteria, self.unknown = sheet, fields, criteria, unknown
        self.labels = [" ".join(cells.text(cell).split()) for cell in header]
        self.rows_of: list[int] = []
        self.taken: set[str] = set()
        date1904 = sheet.raw.date1904
        self.parsers: dict[str, Callable[[Cell], object]] = {
            "id": lambda cell: cells.text(cell).strip(),
            "title": cells.text,
            "description": cells.text,
            "field": cells.field_of_action,
            "value": cells.score,
            "effort": cells.score,
            "one_time_cost": cells.amount,
            "running_cost": cells.amount,
            "funding_eligible": cells.flag,
            "person_days": cells.amount,
            "duration": cells.duration,
            "depends_on": cells.ids,
            "earliest_start": cells.month(False, date1904),
            "deadline": cells.month(True, date1904),
            "pinned": cells.month(False, date1904),
            "must_have": cells.flag,
            "excluded": cells.flag,
            "owner": cells.text,
            "status": cells.status,
            "kpi_name": cells.text,
            "kpi_baseline": cells.text,
            "kpi_target": cells.text,
            "notes": cells.text,
            "votes": cells.count,
            "actual_start": cells.month(False, date1904),
            "actual_end": cells.month(True, date1904),
            "percent_done": cells.percent,
            "actual_cost": cells.amount,
            "kpi_current": cells.text,
            "kpi_measured_on": cells.day(date1904),
        }

    def measure(self, row: list[Cell], number: int) -> Measure | None:
        """The measure of one row; None for an empty row or one without ID and title (reported)."""
        if all(cell is None for cell in row):
            return None
        values = self._values(row, number)
        named = self._id_and_title(str(values.pop("id", "")), str(values.pop("title", "")), number)
        if named is None:
            return None
        ident, title = named
        name, baseline, target, current = (str(values.pop(k, "")) for k in _KPI_TEXTS)
        measured = values.pop("kpi_measured_on", None)
        kpi = Kpi(name, baseline, target, current, measured if isinstance(measured, date) else None)
        extra = [
            f"{self.unknown[c]}: {cells.text(row[c])}" for c in self.unknown if c < len(row) and row[c] is not None
        ]
        if extra:
            values["notes"] = "; ".join(filter(None, [str(values.get("notes", "")), *extra]))
        try:
            measure = Measure(id=ident, title=title, kpi=kpi, criteria=self._scores(row, number), **values)  # type: ignore[arg-type]
        except RoadmapError as error:  # a combination no single cell shows; the row cannot be used
            self.sheet.warn(error.message, number)
            return None
        self.rows_of.append(number)
        return measure

    def _values(self, row: list[Cell], number: int) -> dict[str, object]:
        """Each known column's cell read by its parser; an unreadable cell is left out (and reported)."""
        values: dict[str, object] = {}
        for key, column in self.fields.items():
            cell = row[column] if column < len(row) else None
            if cell is not None:
                value = self.sheet.read(cell, self.parsers[key], number, column, self.labels[column])
                if value is not UNREADABLE:
                    values[key] = value
        return values

    def _id_and_title(self, ident: str, title: str, number: int) -> tuple[str, str] | None:
        """The row's id and title: a missing id is made new, a missing title is the id; neither: no measure."""
        if not ident.strip() and not title.strip():
            self.sheet.warn(
                Message("Zeile ohne ID und Titel übersprungen.", "Row without ID and title skipped."), number
            )
            return None
        if not ident.strip():
            ident = self._fresh_id()
            self.sheet.warn(
                Message(f"Maßnahme ohne ID – sie heißt jetzt '{ident}'.", f"Measure without ID – it is now '{ident}'."),
                number,
                self.fields["id"],
            )
        if not title.strip():
            self.sheet.warn(
                Message(
                    f"Maßnahme {ident} hat keinen Titel – die ID dient als Titel.",
                    f"Measure {ident} has no title – the ID serves as title.",
                ),
                number,
                self.fields["title"],
            )
            title = ident
        return ident.strip(), title

    def _scores(self, row: list[Cell], number: int) -> dict[str, float]:
        """The measure's score per weighted criterion (a column 'Kriterium: name')."""
        scores: dict[str, float] = {}
        for name, column in self.criteria.items():
            cell = row[column] if column < len(row) else None
            if cell is not None:
                score = self.sheet.read(cell, cells.number, number, column, name)
                if score is not UNREADABLE:
                    scores[name] = score
        return scores

    def _fresh_id(self) -> str:
        ident = new_ids(self.taken, 1, digits=3)[0]
        self.taken.add(ident)
        return ident


def _check_ids(measures: list[Measure], sheet: SheetReader, rows: list[int], fields: dict[str, int]) -> None:
    """A repeated id gets a suffix; dependencies on unknown ids are reported and kept (docs/import.md)."""
    taken = {m.id for m in measures}
    seen: set[str] = set()
    for index, (measure, row) in enumerate(zip(measures, rows, strict=True)):
        ident = measure.id
        if ident in seen:
            fresh = unique_id(ident, taken | seen)
            sheet.warn(
                renamed_duplicate(ident, fresh),
                row,
                fields["id"],
            )
            ident = fresh
        seen.add(ident)
        if ident != measure.id:
            measures[index] = measure.with_changes(id=ident)
    ids = {m.id for m in measures}
    for measure, row in zip(measures, rows, strict=True):
        unknown = [d for d in measure.depends_on if d not in ids]
        if unknown:
            listed = ", ".join(unknown)
            sheet.warn(
                Message(
                    f"Abhängigkeit von {listed}: keine Maßnahme dieser Datei – bleibt eingetragen, die "
                    "Maßnahme kann so aber nicht geplant werden.",
                    f"Dependency on {listed}: no measure of this file – kept, but the measure cannot be "
                    "planned this way.",
                ),
                row,
                fields.get("depends_on"),
            )
