"""Bilingual messages and the domain's own exception, readable by a workshop participant."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")


def lang_of(value: str | None) -> Lang:
    """The language a setting names: English for anything starting with 'en' (EN, en_GB, English), else German.

    The one reading of ROADMAP_LANG and of a language switch, for the app and the command line alike.
    """
    return "en" if (value or "").strip().lower().startswith("en") else "de"


@dataclass(frozen=True)
class Message:
    """One sentence in German and English; call it with a language to get the text."""

    de: str
    en: str

    def __call__(self, lang: Lang = "de") -> str:
        return self.en if lang == "en" else self.de


@dataclass(frozen=True)
class Location:
    """Where in a file a problem sits (Excel's 1-based row, column letter)."""

    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def text(self, lang: Lang = "de") -> str:
        """Render as 'Datei x.xlsx, Blatt 'A', Zeile 5, Spalte C' (or English)."""
        words = ("file", "sheet", "row", "column") if lang == "en" else ("Datei", "Blatt", "Zeile", "Spalte")
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

    def text(self, lang: Lang = "de") -> str:
        """The full sentence: location first (if any), then what is wrong."""
        body = self.message(lang)
        if self.where is not None:
            place = self.where.text(lang)
            if place:
                return f"{place}: {body}"
        return body


def folder_not_file(path: str) -> Message:
    """An input path that names a folder: say so, rather than 'not found'."""
    return Message(
        f"{path} ist ein Ordner, keine Datei – bitte die Datei mit der Maßnahmenliste angeben.",
        f"{path} is a folder, not a file – please give the file with the measure list.",
    )


def file_not_found(folder: str) -> Message:
    """A file that is not there; the location in front names the file like every other message (Datei x.xlsx: …)."""
    return Message(
        f"Die Datei wurde nicht gefunden (gesucht in {folder}) – bitte Namen und Ordner prüfen.",
        f"The file was not found (looked in {folder}) – please check its name and folder.",
    )


def output_is_input(out: str) -> Message:
    """`--out` names the list being read (also through a link or another spelling of its path)."""
    return Message(
        f"--out {out} würde die eingelesene Maßnahmenliste überschreiben – bitte einen anderen Dateinamen "
        "für die Roadmap wählen.",
        f"--out {out} would overwrite the input list of measures – please choose another file name for the roadmap.",
    )


def unreadable_encoding(marked: str = "") -> Message:
    """A CSV file whose characters cannot be decoded; `marked` is the encoding its byte order mark names."""
    if marked:
        return Message(
            f"Zeichenkodierung nicht lesbar: die Datei ist als {marked} gekennzeichnet, enthält aber ungültige "
            "Zeichen – bitte erneut speichern, z. B. in Excel als 'CSV UTF-8'.",
            f"Character encoding not readable: the file is marked as {marked} but holds invalid characters – "
            "please save it again, e.g. from Excel as 'CSV UTF-8'.",
        )
    return Message(
        "Zeichenkodierung nicht lesbar: die Datei ist weder UTF-8, UTF-16 (mit BOM) noch Windows-1252 – bitte "
        "in Excel als 'CSV UTF-8' oder 'Unicode-Text' speichern.",
        "Character encoding not readable: the file is neither UTF-8, UTF-16 (with BOM) nor Windows-1252 – "
        "please save it from Excel as 'CSV UTF-8' or 'Unicode Text'.",
    )


def column_letter(index: int) -> str:
    """Excel column letter for a 0-based column index (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Severity(StrEnum):
    """How bad a problem found while reading is: a warning (the row is still used) or an error (skipped)."""

    WARNING = "warning"
    ERROR = "error"


WARNING, ERROR = Severity.WARNING, Severity.ERROR


@dataclass(frozen=True)
class Problem:
    """Something found while reading a file: a warning (row still used) or an error (row skipped)."""

    message: Message
    where: Location = Location()
    severity: Severity = Severity.WARNING

    def text(self, lang: Lang = "de") -> str:
        """The full sentence with its location."""
        place = self.where.text(lang)
        body = self.message(lang)
        return f"{place}: {body}" if place else body
