"""Which columns a spreadsheet hides (helper columns a person never sees), per sheet name.

python-calamine does not tell, so .xlsx sheets are looked up in their XML and .xls files with xlrd.
Only a nicety: any failure gives no hidden columns, never an error.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

import xlrd


def xlsx_hidden_columns(data: bytes) -> dict[str, frozenset[int]]:
    """Hidden columns per sheet name, from each worksheet's <cols> (which precedes its cells)."""
    found: dict[str, frozenset[int]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
                return found
            book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            targets = {}
            for tag in re.findall(r"<Relationship\b[^>]*>", rels):
                rel_id, target = _attribute(tag, "Id"), _attribute(tag, "Target")
                if rel_id and target:
                    targets[rel_id] = target.lstrip("/") if target.startswith("/") else "xl/" + target
            for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
                name, part = _attribute(tag, "name"), targets.get(_attribute(tag, "r:id") or "")
                if name is None or part not in names:
                    continue
                with archive.open(part) as stream:
                    head = stream.read(256 * 1024).decode("utf-8", "replace")
                head = head.split("<sheetData", 1)[0]
                columns: set[int] = set()
                for col in re.findall(r"<(?:\w+:)?col\b[^>]*>", head):
                    if _attribute(col, "hidden") in ("1", "true"):
                        first, last = int(_attribute(col, "min") or 1), int(_attribute(col, "max") or 1)
                        columns.update(range(first - 1, min(last, first + 16_384)))
                found[html.unescape(name)] = frozenset(columns)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        # Hidden columns are a nicety; the cells were read already.
        return found
    return found


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(rf'\s{re.escape(name)}\s*=\s*["\']([^"\']*)["\']', tag)
    return found.group(1) if found else None


def xls_hidden_columns(data: bytes) -> dict[str, frozenset[int]]:
    """Hidden columns per sheet name of a legacy .xls (read with xlrd's formatting information)."""
    if len(data) > 5 * 1024 * 1024:
        return {}
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
