"""Dependencies as people write them: ids, titles or Excel row numbers, read into ids (docs/import.md).

A dependency cell is read whole as one reference first, then split at commas, semicolons and line
breaks – never at "und", "/" or double spaces, which live inside titles ("Schulung Vertrieb und
Service"); a part that is no reference may still be a list of ids joined by them ("M1 und M3").
Each reference is, in this order: an id of the list (an id wins over a row number it also fits, and
the preview says so), a title (case, spaces, hyphens and umlauts set aside), an Excel row number of a
measure (the header is row 1), or a near miss of a title found by rapidfuzz ("ERP-Einführung" for
"ERP einführen"), which the preview names. An ambiguous or unknown name stays as it was written and
is reported: the measure then cannot be planned until it is corrected (docs/planning.md, rule 1).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from roadmap.domain.measure import Measure
from roadmap.domain.messages import Message
from roadmap.importing.cell_report import Report, excerpt
from roadmap.importing.row_report import rows_text
from roadmap.importing.values import is_empty, text_of
from roadmap.workbook.styles import Cell

# Where a cell holding several references is split; 'und', '/' and double spaces are not (they live in titles).
_SPLIT = re.compile(r"\s*[,;\n\r]+\s*")
# Ids joined by words or slashes ('M1 und M3', '4/7'): tried only where every piece is an id or a row.
_ID_JOINS = re.compile(r"\s*(?:/|\||\s+und\s+|\s+and\s+|\s+u\.\s+|\s+&\s+|\s{2,})\s*", re.IGNORECASE)
# MS Project's '3FS+2 Tage': the id before the link type.
_LINKED_ID = re.compile(r"(\w[\w.-]*?)\s*(?:EA|AA|EE|AE|FS|SS|FF|SF)\b.*")
# German endings set aside before a near miss is scored: 'Einführung', 'einführen' and 'Einführungen' are one.
_ENDINGS = re.compile(r"(ungen|ung|en|er|es|e|s|n)$")
NEAR_MISS = 88  # rapidfuzz ratio (0–100) a near miss needs …
_MARGIN = 6  # … and its lead over the next title, so that 'CRM einführen' never reads as 'ERP einführen'
_FUZZY_LETTERS = 5  # a reference this short is never taken as a near miss


@dataclass(frozen=True)
class _Found:
    ident: str
    how: str  # "id", "id_not_row", "title", "row", "near"


@dataclass
class _Said:
    """What the resolver tells the preview, gathered so that a list says each kind once."""

    title_rows: list[int]
    row_rows: list[int]
    id_over_row: list[int]
    ambiguous: set[str]


class _Resolver:
    def __init__(self, measures: Sequence[Measure], rows: Sequence[int], header_row: int) -> None:
        self.ids = {m.id for m in measures}
        self.row_of = {row: m.id for m, row in zip(measures, rows, strict=True) if row > header_row}
        self.by_title: dict[str, list[str]] = {}
        for measure in measures:
            self.by_title.setdefault(title_key(measure.title), []).append(measure.id)
        self.titles = {m.id: m.title for m in measures}
        self.choices = [key for key in self.by_title if len(key) >= _FUZZY_LETTERS]
        self.stem_choices: list[str] = []  # the titles' stems, made when a near miss is first looked for

    def one(self, text: str) -> _Found | list[str] | None:
        """The measure one reference names, the ids of all it fits (ambiguous), or None (unknown)."""
        text = text.strip()
        ident = text.removesuffix(".0") if text.removesuffix(".0") in self.ids else text if text in self.ids else ""
        row = self._row(text)
        if ident:
            return _Found(ident, "id_not_row" if row is not None and self.row_of[row] != ident else "id")
        titled = self.by_title.get(title_key(text), [])
        if len(titled) == 1:
            return _Found(titled[0], "title")
        if len(titled) > 1:
            return titled
        if row is not None:
            return _Found(self.row_of[row], "row")
        linked = _LINKED_ID.fullmatch(text)
        if linked:
            found = self.one(linked[1])
            if isinstance(found, _Found) and found.how != "near":
                return found
        return self._near(text)

    def _row(self, text: str) -> int | None:
        number = text.removesuffix(".0")
        return int(number) if number.isdigit() and int(number) in self.row_of else None

    def _near(self, text: str) -> _Found | list[str] | None:
        """A title nearly equal to the reference once endings, case and hyphens are set aside."""
        key = title_key(text)
        if sum(ch.isalpha() for ch in key) < _FUZZY_LETTERS or not self.choices:
            return None
        from rapidfuzz import fuzz, process  # only where a name is no title of the list: loaded then

        if not self.stem_choices:
            self.stem_choices = [_stemmed(choice) for choice in self.choices]
        stem = _stemmed(key)
        found = process.extract(stem, self.stem_choices, scorer=fuzz.ratio, limit=2, score_cutoff=NEAR_MISS - _MARGIN)
        if not found or found[0][1] < NEAR_MISS:
            return None
        best = self.by_title[self.choices[found[0][2]]]
        if len(found) > 1 and found[0][1] - found[1][1] < _MARGIN:
            return [*best, *self.by_title[self.choices[found[1][2]]]]
        return _Found(best[0], "near") if len(best) == 1 else best


def title_key(text: str) -> str:
    """A title with case, umlauts, hyphens, punctuation and extra spaces set aside ('webshop  Aufbauen')."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        folded = folded.replace(umlaut, plain)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def _stemmed(key: str) -> str:
    return " ".join(_ENDINGS.sub("", word) if len(word) > 4 else word for word in key.split())


def resolve_dependencies(
    measures: Sequence[Measure],
    cells: Sequence[Cell],
    rows: Sequence[int],
    header_row: int,
    report: Report,
    column: int,
) -> list[Measure]:
    """The measures with their dependency cells (`cells`, one per measure) read into ids.

    `rows` are the measures' Excel row numbers, `header_row` the header's (row numbers at or above it name no
    measure). What was read otherwise than as an id is said in the report, once per kind or per near miss.
    """
    resolver = _Resolver(measures, rows, header_row)
    said = _Said([], [], [], set())
    result = []
    for measure, cell, row in zip(measures, cells, rows, strict=True):
        if is_empty(cell):
            result.append(measure.with_changes(depends_on=()) if measure.depends_on else measure)
            continue
        ids = tuple(_read_cell(resolver, cell, row, report, column, said))
        result.append(measure if ids == measure.depends_on else measure.with_changes(depends_on=ids))
    _say(report, column, said)
    _report_unknown(result, rows, report, column, said.ambiguous)
    return result


def _report_unknown(
    measures: Sequence[Measure], rows: Sequence[int], report: Report, column: int | None, ambiguous: set[str]
) -> None:
    """A dependency on no measure of this import is reported and kept (docs/import.md)."""
    ids = {m.id for m in measures}
    for measure, row in zip(measures, rows, strict=True):
        unknown = [d for d in measure.depends_on if d not in ids and d not in ambiguous]
        if unknown:
            listed = ", ".join(f"'{excerpt(d)}'" for d in unknown)
            report.add(
                Message(
                    f"Abhängigkeit von {listed}: keine ID, kein Titel und keine Zeile dieser Liste – bleibt "
                    "eingetragen, die Maßnahme kann so aber nicht geplant werden.",
                    f"Dependency on {listed}: no id, title or row of this list – kept, but the measure cannot "
                    "be planned this way.",
                ),
                row,
                column,
            )


def _read_cell(resolver: _Resolver, cell: Cell, row: int, report: Report, column: int, said: _Said) -> list[str]:
    """The ids one cell names; an unknown or ambiguous part is kept as written (and reported)."""
    text = cell.strip() if isinstance(cell, str) else text_of(cell)  # line breaks kept: they separate
    whole = resolver.one(" ".join(text.split()))
    pieces = [" ".join(p.split()) for p in _SPLIT.split(text) if p.strip()]
    parts = [(text, whole)] if isinstance(whole, _Found) else [(p, resolver.one(p)) for p in pieces]
    ids: list[str] = []
    for part, found in parts:
        if not isinstance(found, _Found):
            joined = [resolver.one(piece) for piece in _ID_JOINS.split(part) if piece]
            if len(joined) > 1 and all(isinstance(j, _Found) and j.how in ("id", "row", "id_not_row") for j in joined):
                for piece in joined:
                    assert isinstance(piece, _Found)
                    _note(piece, row, said)
                    ids.append(piece.ident)
                continue
            if isinstance(found, list):
                report.add(_ambiguous(part, found, resolver), row, column)
                said.ambiguous.add(part.strip())
            ids.append(part.strip())  # kept as written: reported as unknown by the importer
            continue
        _note(found, row, said)
        if found.how == "near":
            report.add(_near_message(part, found.ident, resolver.titles[found.ident]), row, column)
        ids.append(found.ident)
    return list(dict.fromkeys(i for i in ids if i))


def _note(found: _Found, row: int, said: _Said) -> None:
    if found.how == "title":
        said.title_rows.append(row)
    elif found.how == "row":
        said.row_rows.append(row)
    elif found.how == "id_not_row":
        said.id_over_row.append(row)


def _say(report: Report, column: int, said: _Said) -> None:
    if said.title_rows:
        rows = rows_text(sorted(set(said.title_rows)))
        report.add(
            Message(
                f"Abhängigkeiten als Titel gelesen und als ID eingetragen (Zeilen {rows}).",
                f"Dependencies read as titles and written as ids (rows {rows}).",
            ),
            said.title_rows[0],
            column,
        )
    if said.row_rows:
        rows = rows_text(sorted(set(said.row_rows)))
        report.add(
            Message(
                f"Zahlen in den Abhängigkeiten als Excel-Zeilennummern gelesen – die Liste hat keine solche ID "
                f"(Zeilen {rows}).",
                f"Numbers in the dependencies read as Excel row numbers – the list has no such id (rows {rows}).",
            ),
            said.row_rows[0],
            column,
        )
    if said.id_over_row:
        rows = rows_text(sorted(set(said.id_over_row)))
        report.add(
            Message(
                f"Zahlen in den Abhängigkeiten als ID gelesen, obwohl sie auch Zeilennummern anderer Maßnahmen sind "
                f"(Zeilen {rows}) – die ID hat Vorrang.",
                f"Numbers in the dependencies read as ids although they are also row numbers of other measures "
                f"(rows {rows}) – the id wins.",
            ),
            said.id_over_row[0],
            column,
        )


def _near_message(written: str, ident: str, title: str) -> Message:
    text = excerpt(written.strip())
    return Message(
        f"Abhängigkeit '{text}' als ähnlichen Titel '{excerpt(title)}' ({ident}) gelesen – bitte prüfen.",
        f"Dependency '{text}' read as the similar title '{excerpt(title)}' ({ident}) – please check.",
    )


def _ambiguous(written: str, ids: list[str], resolver: _Resolver) -> Message:
    text = excerpt(written.strip())
    named = ", ".join(f"{i} '{excerpt(resolver.titles[i])}'" for i in dict.fromkeys(ids))
    return Message(
        f"Abhängigkeit '{text}' ist nicht eindeutig: passt zu {named} – bitte die ID angeben. Bleibt eingetragen, "
        "die Maßnahme kann so aber nicht geplant werden.",
        f"Dependency '{text}' is ambiguous: it fits {named} – please give the id. Kept, but the measure cannot "
        "be planned this way.",
    )
