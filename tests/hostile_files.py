"""Small files shaped to take a server down, made fresh for the tests and for bench/bench_hostile.py.

Each is what an attacker (or a broken tool) could upload on the Import page: tiny on disk, enormous or
endless once read. None of them is kept in the repository; each function returns the file's bytes.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
_HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Maßnahme</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Nutzen</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Webshop</t></is></c><c r="B2"><v>4</v></c></row>'
)


def _xlsx(sheet_parts: Iterator[bytes]) -> bytes:
    """An .xlsx of one sheet whose XML is written piece by piece (so a huge part never sits in memory)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for piece in sheet_parts:
                part.write(piece)
    return buffer.getvalue()


def far_cell_xlsx() -> bytes:
    """A short list with one more cell at XFD1048576, the sheet's last: 16,384 × 1,048,576 cells to lay out."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return _xlsx(iter([f"{_SHEET_HEAD}<sheetData>{_HEADER_ROW}{far}</sheetData></worksheet>".encode()]))


def far_dimension_xlsx() -> bytes:
    """A short list whose sheet declares it spans A1:XFD1048576 (the cells themselves are few)."""
    head = f'{_SHEET_HEAD}<dimension ref="A1:XFD1048576"/><sheetData>{_HEADER_ROW}</sheetData></worksheet>'
    return _xlsx(iter([head.encode()]))


def _padded_xlsx(before: str, byte: bytes, megabytes: int, after: str) -> bytes:
    """An .xlsx whose sheet XML holds `megabytes` MB of one byte between `before` and `after`."""

    def parts() -> Iterator[bytes]:
        yield before.encode()
        block = byte * (1024 * 1024)
        for _ in range(megabytes):
            yield block
        yield after.encode()

    return _xlsx(parts())


def huge_cell_xlsx(megabytes: int = 250) -> bytes:
    """A short list with one text cell of `megabytes` MB: a quarter of a megabyte on disk for 250 MB."""
    cell = f'{_SHEET_HEAD}<sheetData>{_HEADER_ROW}<row r="3"><c r="A3" t="inlineStr"><is><t>'
    return _padded_xlsx(cell, b"A", megabytes, "</t></is></c></row></sheetData></worksheet>")


def zip_bomb_xlsx(megabytes: int = 1024) -> bytes:
    """An .xlsx whose sheet unpacks to `megabytes` MB of blanks between two tags."""
    return _padded_xlsx(f"{_SHEET_HEAD}<sheetData>{_HEADER_ROW}", b" ", megabytes, "</sheetData></worksheet>")


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)


def _ods(tables: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        archive.writestr(
            "content.xml", f"{_ODS_HEAD}{tables}</office:spreadsheet></office:body></office:document-content>"
        )
    return buffer.getvalue()


def _ods_cell(text: str, repeat: int = 1) -> str:
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{repeated}><text:p>{text}</text:p></table:table-cell>'


def repeated_rows_ods(sheets: int = 8, rows: int = 1_000_000) -> bytes:
    """`sheets` sheets, each a header and one hidden row of text repeated `rows` times: under a kilobyte on disk."""
    table = (
        "<table:table table:name='Blatt{n}'>"
        f"<table:table-row>{_ods_cell('Maßnahme')}{_ods_cell('Nutzen')}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}" table:visibility="collapse">'
        f"{_ods_cell('Idee')}{_ods_cell('3')}</table:table-row></table:table>"
    )
    return _ods("".join(table.replace("{n}", str(n + 1)) for n in range(sheets)))


def repeated_columns_ods(columns: int = 16_384, rows: int = 1_000) -> bytes:
    """One sheet whose rows repeat a filled cell across `columns` columns, `rows` times."""
    table = (
        "<table:table table:name='Liste'>"
        f"<table:table-row>{_ods_cell('Maßnahme')}{_ods_cell('Nutzen')}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}">{_ods_cell("x", columns)}</table:table-row>'
        "</table:table>"
    )
    return _ods(table)


def deep_trello_json(depth: int = 100_000) -> bytes:
    """A Trello-looking board whose one card nests lists `depth` deep."""
    return b'{"lists": [], "cards": [{"name": "x", "desc": ' + b"[" * depth + b"]" * depth + b"}]}"


def many_trello_cards(cards: int = 60_000) -> bytes:
    """A Trello board of `cards` open cards in one list: a few megabytes, more rows than any list may have."""
    board = {
        "name": "Board",
        "lists": [{"id": "l1", "name": "To Do", "closed": False}],
        "cards": [{"id": f"c{n}", "name": f"Karte {n}", "idList": "l1", "closed": False} for n in range(cards)],
    }
    return json.dumps(board).encode()


def many_mspdi_tasks(tasks: int = 60_000) -> bytes:
    """An MS Project XML plan of `tasks` tasks."""
    rows = "".join(f"<Task><UID>{n}</UID><ID>{n}</ID><Name>Aufgabe {n}</Name></Task>" for n in range(1, tasks + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project">'
        f"<Name>Plan</Name><Tasks>{rows}</Tasks></Project>"
    ).encode()


def long_cell_csv(characters: int = 40_000) -> bytes:
    """A CSV list whose one note is longer than a spreadsheet cell may be (32,767 characters)."""
    return f"Maßnahme;Nutzen;Notizen\nWebshop;4;{'n' * characters}\n".encode()


# name → (file name, maker): every hostile file the tests and the benchmark upload.
HOSTILE: dict[str, tuple[str, Callable[[], bytes]]] = {
    "far cell": ("weit.xlsx", far_cell_xlsx),
    "far dimension": ("dimension.xlsx", far_dimension_xlsx),
    "huge cell": ("riesenzelle.xlsx", huge_cell_xlsx),
    "zip bomb": ("bombe.xlsx", zip_bomb_xlsx),
    "repeated rows": ("wiederholt.ods", repeated_rows_ods),
    "repeated columns": ("spalten.ods", repeated_columns_ods),
    "deep json": ("tief.json", deep_trello_json),
    "60,000 cards": ("karten.json", many_trello_cards),
    "60,000 tasks": ("plan.xml", many_mspdi_tasks),
}
