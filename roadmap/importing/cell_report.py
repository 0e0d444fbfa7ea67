"""What the import says about the cells it read: problems at a cell, gathered once per column where they
repeat down it, and the sentences for them (docs/import.md). Filled by roadmap/importing/measure_cells.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roadmap.domain.measure import TITLE_LIMIT
from roadmap.domain.messages import Location, Message, Problem, Severity, column_letter
from roadmap.domain.vocabulary import FIELDS
from roadmap.importing.field_words import FieldGuess
from roadmap.importing.rows import FORMULA_TITLE, LONG_TITLE, MARKUP_TITLE, VALUE_TITLE

EXCERPT = 40  # characters of a cell quoted in a warning


@dataclass
class Report:
    """Problems found while reading; repeated ones are gathered per column and kind."""

    file: str
    sheet: str
    problems: list[Problem] = field(default_factory=list)
    grouped: dict[tuple[str, int], list[tuple[int, str]]] = field(default_factory=dict)
    # Rows whose field of action was suggested from their words and the rows around them (None: nothing told).
    inferred: dict[int, FieldGuess | None] = field(default_factory=dict)
    # One line per default assumed, with how many measures it touched (roadmap/importing/defaults.py).
    assumptions: list[Message] = field(default_factory=list)

    def add(self, message: Message, row: int | None, column: int | None, severity: Severity = Severity.WARNING) -> None:
        """One problem at a cell (column None: the whole row)."""
        letter = column_letter(column) if column is not None else ""
        self.problems.append(Problem(message, Location(self.file, self.sheet, row, letter), severity))

    def gather(self, kind: str, column: int, row: int, example: str = "") -> None:
        """Note one occurrence of a problem that is reported once for its column."""
        self.grouped.setdefault((kind, column), []).append((row, example))


def inferred_message(inferred: dict[int, FieldGuess | None]) -> Message:
    """One sentence on the fields of action inferred from the measures' words."""
    told = sum(1 for guess in inferred.values() if guess)
    untold = len(inferred) - told
    rest_de = f"; bei {untold} sagte kein Wort etwas – '{FIELDS[0]}' gesetzt" if untold else ""
    rest_en = f"; for {untold} no word told – '{FIELDS[0]}' set" if untold else ""
    return Message(
        f"Kein Handlungsfeld angegeben: für {told} Maßnahmen aus Titel und Beschreibung vorgeschlagen{rest_de} "
        "– bitte in der Vorschau prüfen.",
        f"No field of action given: suggested from title and description for {told} measures{rest_en} – please "
        "check them in the preview.",
    )


def column_message(kind: str, header: str, rows: str, example: str) -> Message:
    """The one warning for a kind of problem found down a column, naming its rows and an example."""
    texts = {
        "field": (
            f"'{example}' u. a. ist kein Handlungsfeld (Zeilen {rows}) – '{FIELDS[0]}' gesetzt, "
            "der Text steht in den Notizen.",
            f"'{example}' and others name no field of action (rows {rows}) – '{FIELDS[0]}' set, "
            "the text is kept in the notes.",
        ),
        "negative": (
            f"Negative Beträge in '{header}' (Zeilen {rows}) – als 0 übernommen.",
            f"Negative amounts in '{header}' (rows {rows}) – read as 0.",
        ),
        LONG_TITLE: (
            f"Titel länger als {TITLE_LIMIT} Zeichen (Zeilen {rows}; z. B. '{example}') – auf {TITLE_LIMIT} "
            "Zeichen gekürzt, der vollständige Text steht in den Notizen.",
            f"Title longer than {TITLE_LIMIT} characters (rows {rows}; e.g. '{example}') – shortened to "
            f"{TITLE_LIMIT} characters, the full text is kept in the notes.",
        ),
        MARKUP_TITLE: (
            f"Titel sieht aus wie Markup (HTML/Markdown) (Zeilen {rows}; z. B. '{example}') – als reiner Text "
            "übernommen, nie als Markup dargestellt.",
            f"Title looks like markup (HTML/Markdown) (rows {rows}; e.g. '{example}') – kept as plain text, "
            "never rendered as markup.",
        ),
        FORMULA_TITLE: (
            f"Titel sieht aus wie eine Formel (Zeilen {rows}; z. B. '{example}') – als Text übernommen, nie berechnet.",
            f"Title looks like a formula (rows {rows}; e.g. '{example}') – kept as text, never evaluated.",
        ),
        VALUE_TITLE: (
            f"Titel ist eine Zahl oder ein Wert statt Text (Zeilen {rows}; z. B. '{example}', etwa das Ergebnis "
            "einer Formel) – der Wert ist als Titel übernommen.",
            f"Title is a number or value instead of text (rows {rows}; e.g. '{example}', perhaps a formula's "
            "result) – the value is taken as the title.",
        ),
    }
    de, en = texts.get(
        kind,
        (
            f"Wert in '{header}' nicht lesbar (Zeilen {rows}; z. B. '{example}') – der Text steht in den Notizen.",
            f"Value in '{header}' not readable (rows {rows}; e.g. '{example}') – the text is kept in the notes.",
        ),
    )
    return Message(de, en)


def excerpt(text: str) -> str:
    """The text, or its first EXCERPT characters and '…'."""
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
