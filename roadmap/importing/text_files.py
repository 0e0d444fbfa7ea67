"""Read a CSV file, in whatever encoding and with whatever delimiter Excel or a person saved it (docs/import.md):
byte order marks name the encoding, else UTF-8, else Windows-1252; ';', ',' or tab, whichever splits the first lines
most consistently."""

from __future__ import annotations

import codecs
import csv
import io

from roadmap.domain.messages import Location, unreadable_encoding
from roadmap.importing.raw_sheets import (
    OTHER_FORMATS,
    ImportFailed,
    Limits,
    RawSheet,
    not_a_spreadsheet,
    too_many_rows,
    trimmed,
)
from roadmap.importing.shape_checks import too_long_cell
from roadmap.workbook.styles import Cell

# Byte order marks of text files (UTF-32 before UTF-16: FF FE starts both). Excel's "Unicode text"
# writes UTF-16 LE with one, its "CSV UTF-8" a UTF-8 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def looks_like_text(data: bytes) -> bool:
    """Text starts with a byte order mark or has no zero byte near its start."""
    return _bom(data) is not None or b"\x00" not in data[:4096]


def _bom(data: bytes) -> tuple[bytes, str, str] | None:
    """The byte order mark the data starts with: (mark, codec, name for people), or None."""
    return next((entry for entry in _BOMS if data.startswith(entry[0])), None)


def read_csv(data: bytes, limits: Limits, where: Location, name: str) -> RawSheet:
    """A CSV file as one sheet named `name`: cells stripped, empty ones None, empty rows at the end dropped;
    ImportFailed if it cannot be decoded or has more rows than the limits allow."""
    text = _decode(data, where)
    sample = text[: 64 * 1024]
    delimiter = _delimiter(sample)
    rows: list[list[Cell]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) >= limits.max_rows + 1:
                raise too_many_rows(len(rows), limits, Location(where.file, name))
            rows.append(trimmed([cell.strip() for cell in record]))
    except csv.Error:  # a field beyond the csv module's 131,072 characters: far beyond any cell
        raise too_long_cell(limits, Location(where.file, name, len(rows) + 1)) from None
    while rows and not rows[-1]:
        rows.pop()
    return RawSheet(name, rows)


def _decode(data: bytes, where: Location) -> str:
    """A CSV file's text: in the encoding its byte order mark names, else UTF-8, else Windows-1252."""
    found = _bom(data)
    if found is None:
        return _decode_unmarked(data, where)
    mark, codec, label = found
    try:
        return data[len(mark) :].decode(codec)
    except UnicodeDecodeError:
        if codec == "utf-8":  # a stray byte in a UTF-8 file becomes '�', as it always did
            return data[len(mark) :].decode(codec, errors="replace")
        raise ImportFailed(unreadable_encoding(label), where) from None


def _decode_unmarked(data: bytes, where: Location) -> str:
    """Text without a byte order mark: UTF-8, else Windows-1252; zero bytes mean neither."""
    if b"\x00" in data[:4096]:
        if any(data.startswith(magic) for magic, _, _ in OTHER_FORMATS):
            raise not_a_spreadsheet(data, where)  # a picture or PDF renamed to .csv
        raise ImportFailed(unreadable_encoding(), where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on German Windows saves CSV in Windows-1252; it decodes every byte.
        return data.decode("cp1252", errors="replace")


def _delimiter(sample: str) -> str:
    """';' or ',' (or tab): the one that splits the first lines most consistently."""
    lines = [line for line in sample.splitlines()[:30] if line.strip()]
    best, best_score = ";", -1.0
    for candidate in (";", ",", "\t"):
        counts = [len(next(csv.reader([line], delimiter=candidate))) for line in lines]
        if not counts or max(counts) < 2:
            continue
        # Many columns, consistently: the share of lines with the most common width counts most.
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) * 10 + min(common, 30) / 30
        if score > best_score:
            best, best_score = candidate, score
    return best
