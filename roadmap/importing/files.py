"""Read any supported spreadsheet file into plain rows of cells (docs/import.md).

File formats are read only here and in the modules this one calls: text_files.py (CSV text), tool_files.py
(Trello, MS Project), hidden_columns.py and ods_layout.py (what calamine does not report); the sheet as read and
the failures every format shares are in raw_sheets.py. It refuses, with one clear bilingual sentence, whatever
is not a readable spreadsheet: other file types, damaged or encrypted files, XML bombs, files that are empty or
too large. It never interprets cells; that is the importer's job.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import python_calamine as calamine

from roadmap.domain.messages import (
    Location,
    Message,
    RoadmapError,
    file_not_found,
    folder_not_file,
)
from roadmap.importing.hidden_columns import xls_hidden_columns, xlsx_hidden_columns, xlsx_hidden_rows
from roadmap.importing.ods_layout import ods_layout
from roadmap.importing.raw_sheets import (
    CHARTSHEET,
    DEFAULT_LIMITS,
    WORKSHEET,
    ImportFailed,
    Limits,
    RawSheet,
    not_a_spreadsheet,
    too_many_rows,
    trimmed,
)
from roadmap.importing.shape_checks import check_cell_lengths, check_ods_shape, check_xlsx_shape
from roadmap.importing.text_files import looks_like_text, read_csv
from roadmap.importing.tool_files import looks_like_mspdi, looks_like_trello, mspdi_sheet, trello_sheet
from roadmap.workbook.styles import Cell

EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".json", ".xml")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Unpacked parts of a zip may be this many times larger than the limit for the file itself:
# real workbooks compress 5–10 fold; a zip bomb compresses a thousand fold.
_UNPACKED_FACTOR = 15
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


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
        sheets = [_tool_sheet(data, limits, where)]
    elif extension in (".csv", "") and (extension or looks_like_text(data)):
        sheets = [read_csv(data, limits, where, Path(name).stem or "CSV")]
    else:
        raise not_a_spreadsheet(data, where)
    if not any(any(cell is not None for cell in row) for sheet in sheets for row in sheet.rows):
        raise _empty(where)
    check_cell_lengths(sheets, limits, where)
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
            if opendocument:
                check_ods_shape(archive, limits, where)
            else:
                check_xlsx_shape(archive, limits, where)
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
        raise too_many_rows(height, limits, Location(where.file, meta.name))
    # iter_rows starts at the used range's first column (rows are padded from the top): pad it back.
    pad: list[Cell] = [None] * (sheet.start[1] if sheet.start else 0)
    rows = [trimmed([*pad, *row]) for row in sheet.iter_rows()]
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


def _tool_sheet(data: bytes, limits: Limits, where: Location) -> RawSheet:
    """A Trello board or an MS Project file as one table (roadmap/importing/tool_files.py)."""
    try:
        trello = looks_like_trello(data)
        name, rows = trello_sheet(data, limits) if trello else mspdi_sheet(data, limits)
    except RoadmapError as error:
        raise ImportFailed(error.message, where) from None
    return RawSheet(name, [trimmed(row) for row in rows], tool="Trello" if trello else "MS Project")


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
