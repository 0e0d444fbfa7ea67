"""Bilingual messages and the domain's own exception, readable by a workshop participant."""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("de", "en")


@dataclass(frozen=True)
class Message:
    """One sentence in German and English; call it with a language to get the text."""

    de: str
    en: str

    def __call__(self, lang: str = "de") -> str:
        return self.en if lang == "en" else self.de


@dataclass(frozen=True)
class Location:
    """Where in a file a problem sits (Excel's 1-based row, column letter)."""

    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def text(self, lang: str = "de") -> str:
        """Render as 'Datei x.xlsx, Blatt 'A', Zeile 5, Spalte C' (or English)."""
        words = {
            "de": ("Datei", "Blatt", "Zeile", "Spalte"),
            "en": ("file", "sheet", "row", "column"),
        }["en" if lang == "en" else "de"]
        parts = []
        if self.file:
            parts.append(f"{words[0]} {self.file}")
        if self.sheet:
            parts.append(f"{words[1]} '{self.sheet}'")
        if self.row is not None:
            parts.append(f"{words[2]} {self.row}")
        if self.column:
            parts.append(f"{words[3]} {self.column}")
        return ", ".join(parts)


class RoadmapError(ValueError):
    """A problem the user can fix, with a bilingual message and an optional location."""

    def __init__(self, message: Message, where: Location | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(self.text("de"))

    def text(self, lang: str = "de") -> str:
        """The full sentence: location first (if any), then what is wrong."""
        body = self.message(lang)
        if self.where is not None:
            place = self.where.text(lang)
            if place:
                return f"{place}: {body}"
        return body


def column_letter(index: int) -> str:
    """Excel column letter for a 0-based column index (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


WARNING, ERROR = "warning", "error"


@dataclass(frozen=True)
class Problem:
    """Something found while reading a file: a warning (row still used) or an error (row skipped)."""

    message: Message
    where: Location = Location()
    severity: str = WARNING

    def text(self, lang: str = "de") -> str:
        """The full sentence with its location."""
        place = self.where.text(lang)
        body = self.message(lang)
        return f"{place}: {body}" if place else body
