"""Read any supported spreadsheet file into plain rows of cells (docs/import.md).

Only this module touches file formats. It refuses, with one clear bilingual sentence, whatever is
not a readable spreadsheet: other file types, damaged or encrypted files, XML bombs, files that
are empty or too large. It never interprets cells; that is the importer's job.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine as calamine

from roadmap.domain.messages import (
    Location,
    Message,
    RoadmapError,
    file_not_found,
    folder_not_file,
    unreadable_encoding,
)
from roadmap.importing.hidden_columns import xls_hidden_columns, xlsx_hidden_columns, xlsx_hidden_rows
from roadmap.importing.ods_layout import ods_layout
from roadmap.importing.tool_files import looks_like_mspdi, looks_like_trello, mspdi_sheet, trello_sheet
from roadmap.workbook.styles import Cell

EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".json", ".xml")
WORKSHEET, CHARTSHEET = "worksheet", "chartsheet"

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Signatures of files people rename by mistake, so the message can say what the file really is.
_OTHER_FORMATS = (
    (b"\x89PNG\r\n\x1a\n", "PNG-Bild", "PNG image"),
    (b"\xff\xd8\xff", "JPEG-Bild", "JPEG image"),
    (b"GIF8", "GIF-Bild", "GIF image"),
    (b"%PDF", "PDF-Dokument", "PDF document"),
)
# Unpacked parts of a zip may be this many times larger than the limit for the file itself:
# real workbooks compress 5–10 fold; a zip bomb compresses a thousand fold.
_UNPACKED_FACTOR = 15
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# Byte order marks of text files (UTF-32 before UTF-16: FF FE starts both). Excel's "Unicode text"
# writes UTF-16 LE with one, its "CSV UTF-8" a UTF-8 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


@dataclass(frozen=True)
class Limits:
    """How large a file may be before it is refused (docs/import.md: 20 MB / 50,000 rows)."""

    max_bytes: int = 20 * 1024 * 1024
    max_rows: int = 50_000


@dataclass
class RawSheet:
    """One sheet as read: its cells row by row (None for empty), nothing interpreted yet."""

    name: str
    rows: list[list[Cell]]
    hidden: bool = False
    kind: str = WORKSHEET
    # Merged ranges as (first_row, first_col, last_row, last_col), 0-based and inclusive.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Only raw serial numbers depend on it; cells formatted as dates are already dates.
    date1904: bool = False
    # Columns hidden in Excel (0-based): helper columns a person never sees.
    hidden_columns: frozenset[int] = frozenset()
    # Rows hidden by hand or by a filter (0-based): not imported, and said.
    hidden_rows: frozenset[int] = frozenset()
    # The planning tool whose export this is ('Trello', 'MS Project'), recognised by the file's content.
    tool: str = ""


DEFAULT_LIMITS = Limits()


class ImportFailed(RoadmapError):
    """The file cannot be imported at all; nothing in the workshop changes."""


def read_sheets(source: Path | bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> list[RawSheet]:
    """Every sheet of a spreadsheet file, or ImportFailed with the reason it cannot be read."""
    name = filename or (source.name if isinstance(source, Path) else "")
    where = Location(file=name)
    data = _load_bytes(source, limits, where)
    extension = Path(name).suffix.lower()
    if extension and extension not in EXTENSIONS:
        raise ImportFailed(
            Message(
                f"Dateityp '{extension}' wird nicht unterstützt – erlaubt sind {', '.join(EXTENSIONS)}.",
                f"File type '{extension}' is not supported – allowed are {', '.join(EXTENSIONS)}.",
            ),
            where,
        )
    if not data.strip():
        raise _empty(where)
    if data.startswith(_ZIP_MAGIC):
        date1904 = _check_zip(data, limits, where)
        sheets = _read_calamine(data, limits, where, date1904)
        _mark_zip_layout(sheets, data)
    elif data.startswith(_OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise _encrypted(where)
        sheets = _read_calamine(data, limits, where, False)
        _mark_hidden_columns(sheets, xls_hidden_columns(data))
    elif looks_like_trello(data) or looks_like_mspdi(data):
        sheets = [_tool_sheet(data, where)]
    elif extension in (".csv", "") and (extension or _looks_like_text(data)):
        sheets = [_read_csv(data, limits, where, Path(name).stem or "CSV")]
    else:
        raise _not_a_spreadsheet(data, where)
    if not any(any(cell is not None for cell in row) for sheet in sheets for row in sheet.rows):
        raise _empty(where)
    return sheets


def _load_bytes(source: Path | bytes, limits: Limits, where: Location) -> bytes:
    """The file's bytes, or ImportFailed: a folder, a file that cannot be opened, a file too large."""
    if not isinstance(source, Path):
        _check_size(len(source), limits, where)
        return bytes(source)
    if source.is_dir():
        raise ImportFailed(folder_not_file(where.file or str(source)), Location())
    try:
        _check_size(source.stat().st_size, limits, where)
        return source.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(file_not_found(str(source.parent)), where) from None
    except OSError as error:
        raise ImportFailed(
            Message(
                f"Die Datei kann nicht gelesen werden ({error.strerror}).",
                f"The file cannot be read ({error.strerror}).",
            ),
            where,
        ) from None


def _check_size(size: int, limits: Limits, where: Location) -> None:
    if size > limits.max_bytes:
        raise ImportFailed(
            Message(
                f"Die Datei ist zu groß ({_megabytes(size)}); erlaubt sind höchstens {_megabytes(limits.max_bytes)}.",
                f"The file is too large ({_megabytes(size)}); at most {_megabytes(limits.max_bytes)} are allowed.",
            ),
            where,
        )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")


def _check_zip(data: bytes, limits: Limits, where: Location) -> bool:
    """Refuse damaged zips, zip bombs and XML with entity declarations; tell the 1904 date system."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
            if unpacked > limits.max_bytes * _UNPACKED_FACTOR:
                raise ImportFailed(
                    Message(
                        f"Die Datei ist entpackt zu groß ({_megabytes(unpacked)}).",
                        f"The file is too large when unpacked ({_megabytes(unpacked)}).",
                    ),
                    where,
                )
            names = {info.filename for info in infos}
            if "xl/workbook.bin" in names:
                raise ImportFailed(
                    Message(
                        "Binäre Excel-Arbeitsmappen (.xlsb) werden nicht unterstützt – bitte als .xlsx speichern.",
                        "Binary Excel workbooks (.xlsb) are not supported – please save as .xlsx.",
                    ),
                    where,
                )
            opendocument = "content.xml" in names and b"spreadsheet" in _mimetype(archive, names)
            if "xl/workbook.xml" not in names and not opendocument:
                raise ImportFailed(
                    Message(
                        "Die Datei ist ein ZIP-Archiv, aber keine Tabelle (kein Excel- oder ODS-Inhalt).",
                        "The file is a zip archive but no spreadsheet (no Excel or ODS content).",
                    ),
                    where,
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")) and _has_dtd(archive, info):
                    raise ImportFailed(
                        Message(
                            f"Die Datei enthält unzulässige XML-Entity-Deklarationen ({info.filename}) – "
                            "möglicherweise eine 'XML-Bombe'. Sie wird nicht gelesen.",
                            f"The file contains forbidden XML entity declarations ({info.filename}) – "
                            "possibly an 'XML bomb'. It is not read.",
                        ),
                        where,
                    )
            if "xl/workbook.xml" in names:
                head = archive.open("xl/workbook.xml").read(64 * 1024)
                return re.search(rb"date1904\s*=\s*[\"'](1|true)[\"']", head) is not None
            return False
    except ImportFailed:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, KeyError):
        raise _damaged(where) from None


def _mimetype(archive: zipfile.ZipFile, names: set[str]) -> bytes:
    # An OpenDocument text or presentation has a content.xml too; its mimetype tells them apart.
    return archive.read("mimetype")[:200] if "mimetype" in names else b"spreadsheet"


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    # A DTD must come before the root element, so the start of each part suffices;
    # UTF-16 parts are checked with their zero bytes removed.
    with archive.open(info) as part:
        head = part.read(64 * 1024)
    return bool(_DTD.search(head) or _DTD.search(head.replace(b"\x00", b"")))


def _read_calamine(data: bytes, limits: Limits, where: Location, date1904: bool) -> list[RawSheet]:
    try:
        with calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
            return [
                _read_one(workbook, index, meta, limits, where, date1904)
                for index, meta in enumerate(workbook.sheets_metadata)
            ]
    except ImportFailed:
        raise
    except calamine.PasswordError:
        raise _encrypted(where) from None
    except calamine.XmlError as error:
        if "entity" in str(error).lower():
            raise ImportFailed(
                Message(
                    "Die Datei enthält unbekannte XML-Entities und wird nicht gelesen.",
                    "The file contains unknown XML entities and is not read.",
                ),
                where,
            ) from None
        raise _damaged(where) from None
    except (calamine.CalamineError, ValueError, OSError, TypeError, OverflowError):
        raise _damaged(where) from None


def _read_one(
    workbook: calamine.CalamineWorkbook,
    index: int,
    meta: calamine.SheetMetadata,
    limits: Limits,
    where: Location,
    date1904: bool,
) -> RawSheet:
    kind = CHARTSHEET if meta.typ == calamine.SheetTypeEnum.ChartSheet else WORKSHEET
    hidden = meta.visible != calamine.SheetVisibleEnum.Visible
    sheet = workbook.get_sheet_by_index(index)
    height = sheet.end[0] + 1 if sheet.end else 0
    if height > limits.max_rows + 1 and kind == WORKSHEET:
        # One header row is allowed on top of the rows.
        raise _too_many_rows(height, limits, Location(where.file, meta.name))
    # iter_rows starts at the used range's first column (rows are padded from the top): pad it back.
    pad: list[Cell] = [None] * (sheet.start[1] if sheet.start else 0)
    rows = [_trimmed([*pad, *row]) for row in sheet.iter_rows()]
    while rows and not rows[-1]:
        rows.pop()
    merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
    return RawSheet(meta.name, rows, hidden, kind, merged, date1904)


def _mark_hidden_columns(sheets: list[RawSheet], hidden: dict[str, frozenset[int]]) -> None:
    for sheet in sheets:
        sheet.hidden_columns = hidden.get(sheet.name, frozenset())


def _mark_zip_layout(sheets: list[RawSheet], data: bytes) -> None:
    """Hidden columns and rows of an .xlsx; of an .ods also its merged cells (calamine knows only xlsx's)."""
    if b"content.xml" in data and b"xl/workbook.xml" not in data:  # names in the zip's directory
        layouts = ods_layout(data)
        for sheet in sheets:
            layout = layouts.get(sheet.name)
            if layout is not None:
                sheet.merged = sheet.merged or layout.merged
                sheet.hidden_rows = frozenset(layout.hidden_rows)
                sheet.hidden_columns = frozenset(layout.hidden_columns)
        return
    _mark_hidden_columns(sheets, xlsx_hidden_columns(data))
    rows = xlsx_hidden_rows(data)
    for sheet in sheets:
        sheet.hidden_rows = rows.get(sheet.name, frozenset())


def _tool_sheet(data: bytes, where: Location) -> RawSheet:
    """A Trello board or an MS Project file as one table (roadmap/importing/tool_files.py)."""
    try:
        trello = looks_like_trello(data)
        name, rows = trello_sheet(data) if trello else mspdi_sheet(data)
    except RoadmapError as error:
        raise ImportFailed(error.message, where) from None
    return RawSheet(name, [_trimmed(row) for row in rows], tool="Trello" if trello else "MS Project")


def _trimmed(row: Sequence[Cell]) -> list[Cell]:
    """Empty strings become None and empty cells at the row's end are dropped."""
    cells: list[Cell] = [None if value == "" else value for value in row]
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def _looks_like_text(data: bytes) -> bool:
    """Text starts with a byte order mark or has no zero byte near its start."""
    return _bom(data) is not None or b"\x00" not in data[:4096]


def _bom(data: bytes) -> tuple[bytes, str, str] | None:
    """The byte order mark the data starts with: (mark, codec, name for people), or None."""
    return next((entry for entry in _BOMS if data.startswith(entry[0])), None)


def _read_csv(data: bytes, limits: Limits, where: Location, name: str) -> RawSheet:
    text = _decode(data, where)
    sample = text[: 64 * 1024]
    delimiter = _delimiter(sample)
    rows: list[list[Cell]] = []
    for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        if len(rows) >= limits.max_rows + 1:
            raise _too_many_rows(len(rows), limits, Location(where.file, name))
        rows.append(_trimmed([cell.strip() for cell in record]))
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
        if any(data.startswith(magic) for magic, _, _ in _OTHER_FORMATS):
            raise _not_a_spreadsheet(data, where)  # a picture or PDF renamed to .csv
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


def _not_a_spreadsheet(data: bytes, where: Location) -> ImportFailed:
    for magic, de, en in _OTHER_FORMATS:
        if data.startswith(magic):
            return ImportFailed(
                Message(
                    f"Die Datei ist keine Tabelle, sondern ein {de}.",
                    f"The file is not a spreadsheet but a {en}.",
                ),
                where,
            )
    return ImportFailed(
        Message(
            "Die Datei ist keine lesbare Tabelle (erwartet: .xlsx, .xlsm, .xls, .ods oder .csv – oder ein "
            "Trello-Board als JSON, ein MS-Project-Plan als XML).",
            "The file is not a readable spreadsheet (expected: .xlsx, .xlsm, .xls, .ods or .csv – or a Trello "
            "board as JSON, an MS Project plan as XML).",
        ),
        where,
    )


def _damaged(where: Location) -> ImportFailed:
    return ImportFailed(
        Message(
            "Die Datei ist beschädigt oder unvollständig und kann nicht gelesen werden.",
            "The file is damaged or incomplete and cannot be read.",
        ),
        where,
    )


def _encrypted(where: Location) -> ImportFailed:
    return ImportFailed(
        Message(
            "Die Datei ist verschlüsselt bzw. passwortgeschützt – bitte ohne Passwort speichern.",
            "The file is encrypted/password protected – please save it without a password.",
        ),
        where,
    )


def _empty(where: Location) -> ImportFailed:
    return ImportFailed(
        Message("Die Datei ist leer – sie enthält keine Daten.", "The file is empty – it holds no data."),
        where,
    )


def _too_many_rows(rows: int, limits: Limits, where: Location) -> ImportFailed:
    return ImportFailed(
        Message(
            f"Das Blatt hat zu viele Zeilen ({rows:,}); erlaubt sind höchstens {limits.max_rows:,}.".replace(",", "."),
            f"The sheet has too many rows ({rows:,}); at most {limits.max_rows:,} are allowed.",
        ),
        where,
    )
