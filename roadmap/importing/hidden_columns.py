"""Which columns and rows a spreadsheet hides (helper columns, rows filtered away), per sheet name.

python-calamine does not tell, so .xlsx sheets are looked up in their XML and .xls files with xlrd
(.ods files in roadmap/importing/ods_layout.py). Any failure gives nothing hidden, never an error.
"""

from __future__ import annotations

import html
import io
import re
import typing
import zipfile


def xlsx_hidden_columns(data: bytes) -> dict[str, frozenset[int]]:
    """Hidden columns per sheet name, from each worksheet's <cols> (which precedes its cells)."""
    found: dict[str, frozenset[int]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name, part in sheet_parts(archive).items():
                with archive.open(part) as stream:
                    head = stream.read(256 * 1024).decode("utf-8", "replace")
                head = head.split("<sheetData", 1)[0]
                columns: set[int] = set()
                for col in re.findall(r"<(?:\w+:)?col\b[^>]*>", head):
                    if _attribute(col, "hidden") in ("1", "true"):
                        first, last = int(_attribute(col, "min") or 1), int(_attribute(col, "max") or 1)
                        columns.update(range(first - 1, min(last, first + 16_384)))
                found[name] = frozenset(columns)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        # Hidden columns are a nicety; the cells were read already.
        return found
    return found


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_HIDDEN = re.compile(rb'\shidden\s*=\s*["\'](1|true)["\']')
_ROW_NUMBER = re.compile(rb'\sr\s*=\s*["\'](\d+)["\']')


def xlsx_hidden_rows(data: bytes) -> dict[str, frozenset[int]]:
    """Hidden rows (0-based) per sheet name: rows hidden by hand or by a filter (<row hidden="1">)."""
    found: dict[str, frozenset[int]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name, part in sheet_parts(archive).items():
                with archive.open(part) as stream:
                    found[name] = _hidden_rows_of(stream)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return found
    return found


def _hidden_rows_of(stream: typing.IO[bytes]) -> frozenset[int]:
    """The rows marked hidden in a worksheet's XML, read in chunks (a row tag may straddle two)."""
    rows: set[int] = set()
    tail = b""
    while chunk := stream.read(1024 * 1024):
        text = tail + chunk
        cut = text.rfind(b"<")
        text, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
        if b"hidden" not in text:
            continue
        for tag in _ROW_TAG.findall(text):
            number = _ROW_NUMBER.search(tag)
            if number and _HIDDEN.search(tag):
                rows.add(int(number.group(1)) - 1)
    return frozenset(rows)


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name and the part of the archive that holds its XML."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    targets = {}
    for tag in re.findall(r"<Relationship\b[^>]*>", rels):
        rel_id, target = _attribute(tag, "Id"), _attribute(tag, "Target")
        if rel_id and target:
            targets[rel_id] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    parts = {}
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name, part = _attribute(tag, "name"), targets.get(_attribute(tag, "r:id") or "")
        if name is not None and part in names:
            parts[html.unescape(name)] = part
    return parts


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(rf'\s{re.escape(name)}\s*=\s*["\']([^"\']*)["\']', tag)
    return found.group(1) if found else None


def xls_hidden_columns(data: bytes) -> dict[str, frozenset[int]]:
    """Hidden columns per sheet name of a legacy .xls (read with xlrd's formatting information)."""
    if len(data) > 5 * 1024 * 1024:
        return {}
    import xlrd  # only for .xls files: not loaded for every other import

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO())
        try:
            found = {}
            for index in range(book.nsheets):
                sheet = book.sheet_by_index(index)
                found[sheet.name] = frozenset(c for c, info in sheet.colinfo_map.items() if info.hidden)
                book.unload_sheet(index)
            return found
        finally:
            book.release_resources()
    except Exception:  # xlrd raises many kinds; hidden columns are only a nicety.
        return {}
