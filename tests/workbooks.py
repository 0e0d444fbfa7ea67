"""Spreadsheets with the quirks people's own lists have, built in code (one builder per quirk).

Used by the importer's tests and by tests/fixtures/make_fixtures.py, which turns some of them into
the committed .xls and .ods fixtures.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
from datetime import date
from pathlib import Path

import xlsxwriter
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def quirky_list(path: Path) -> Path:
    """A list as a workshop brings it: title and date line above a header in row 5 from column B,
    phase rows with only a number and a name, template rows with only a number, trailing spaces,
    money and durations as text, predecessor lists as text and a 'Summe' row with a formula."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Ideen"
    ws["A1"] = "Digitalisierungs-Roadmap Müller Metallbau GmbH"
    ws["A2"] = "Stand:"
    ws["B2"] = date(2026, 2, 1)
    header = ["Nr.", "Maßnahme ", "Handlungsfeld", "Kosten", "lfd. Kosten", "Dauer", "Vorgänger", "Status"]
    rows = [
        [1, "Grundlagen schaffen"],
        [18, "Backup-Konzept 3-2-1   ", "Cloud & IT-Sicherheit", "1.200 €", "-", "4 Tage", "-", "erledigt"],
        ["22", "Zwei-Faktor-Authentifizierung", "IT-Sicherheit", "€12,500.00", None, "7Tage", "18", "läuft"],
        [27, "CRM einführen ", "Kunden", "12.500,00 €", "1.188 €", "2 Mon.", "18,22", "Idee"],
        [2, "Ausbau"],
        [
            30,
            "ERP für KMU",
            "Prozessautomatisierung",
            "45.000 €",
            "6.000 €",
            "6 Wochen",
            "18,22,27",
            "geplant",
        ],
        [31, "KI-Pilot im Angebotswesen", "Daten", "20.000", None, "3 Monate", "1;5", None],
        [32.0, "Schulungsprogramm", "Mitarbeitende", 3000, 0, 2, 30.0, "offen"],
        [33],
        [34],
    ]
    for offset, values in enumerate([header, *rows]):
        for column, value in enumerate(values, start=2):
            ws.cell(row=5 + offset, column=column, value=value)
    ws.cell(row=17, column=3, value="Summe")
    ws.cell(row=17, column=5, value="=SUM(E7:E13)")
    wb.save(path)
    return path


def merged_header(path: Path, levels: int = 2) -> Path:
    """A header of two or three rows: bands such as 'Kosten' merged over 'einmalig' and 'laufend'."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = "Maßnahmenplan 2026"
    ws.merge_cells("A1:H1")
    top = 3
    bottom = top + levels - 1
    ws.cell(row=top, column=1, value="Nr.")
    ws.cell(row=top, column=2, value="Maßnahme")
    ws.merge_cells(start_row=top, start_column=1, end_row=bottom, end_column=1)
    ws.merge_cells(start_row=top, start_column=2, end_row=bottom, end_column=2)
    bands = [("Kosten", ("einmalig", "laufend (€/Jahr)")), ("Zeitraum", ("Start", "Ende"))]
    bands += [("Bewertung", ("Nutzen", "Aufwand"))]
    for index, (band, parts) in enumerate(bands):
        column = 3 + 2 * index
        ws.cell(row=top, column=column, value=band)
        ws.merge_cells(start_row=top, start_column=column, end_row=top, end_column=column + 1)
        for shift, part in enumerate(parts):
            ws.cell(row=top + 1, column=column + shift, value=part)
            if levels == 3:
                ws.cell(row=top + 2, column=column + shift, value="€" if index == 0 else "")
    data = [
        [1, "Cloud-Telefonie", 2000, 600, date(2026, 2, 1), date(2026, 3, 31), "hoch", "niedrig"],
        [2, "Dokumentenmanagement", 15000, 2400, date(2026, 4, 1), date(2026, 9, 30), "mittel", "hoch"],
    ]
    for offset, values in enumerate(data, start=bottom + 1):
        for column, value in enumerate(values, start=1):
            ws.cell(row=offset, column=column, value=value)
    wb.save(path)
    return path


def simple_rows() -> list[list[object]]:
    """A plain measure list with a header in row 1."""
    return [
        ["ID", "Maßnahme", "Nutzen", "Aufwand", "Kosten", "Start", "Ende", "Status"],
        [
            "M1",
            "Microsoft 365 einführen",
            "hoch",
            "mittel",
            8000,
            date(2026, 1, 1),
            date(2026, 3, 31),
            "geplant",
        ],
        ["M2", "Security-Awareness-Training", 4, 2, 2500, date(2026, 4, 1), date(2026, 4, 30), "Idee"],
        [
            "M3",
            "KPI-Dashboard",
            "mittel",
            "hoch",
            12000,
            date(2026, 5, 1),
            date(2026, 8, 31),
            "in Bearbeitung",
        ],
    ]


def simple_list(path: Path, title: str = "Maßnahmen") -> Path:
    """simple_rows() as a workbook with one sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in simple_rows():
        ws.append(row)
    wb.save(path)
    return path


def book(path: Path, rows: list[list[object]], title: str = "Maßnahmen") -> Path:
    """`rows` as a workbook with one sheet named `title`."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def two_lists(path: Path) -> Path:
    """A title line, a list headed in row 3 (the one detected) and below it a second short list headed in row 8."""
    rows = [
        ["Digitalisierung Müller GmbH"],
        [],
        ["Nr.", "Maßnahme", "Kosten", "Dauer"],
        [1, "CRM einführen", 12000, 3],
        [2, "Backup 3-2-1", 1200, 1],
        [],
        ["Ideen für 2027"],
        ["Aufgabe", "Budget"],
        ["KI-Pilot", 20000],
        ["Schulungen", 3000],
    ]
    return book(path, rows, title="Liste")


def unnamed_columns(path: Path) -> Path:
    """A list whose header names no column the importer knows."""
    return book(path, [["Notizen vom Workshop"], ["Sache", "Preis"], ["CRM", 100], ["ERP", 900]], title="Notizen")


def hidden_first(path: Path) -> Path:
    """The first sheet (an old copy of the list) is hidden; the second one is the list."""
    wb = Workbook()
    old = wb.active
    old.title = "Alt"
    old.append(["Maßnahme", "Kosten"])
    old.append(["Veraltete Idee", 1])
    old.sheet_state = "hidden"
    ws = wb.create_sheet("Maßnahmen")
    for row in simple_rows():
        ws.append(row)
    wb.save(path)
    return path


def chart_first(path: Path) -> Path:
    """A chart sheet comes first, the list second."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Liste"
    for row in simple_rows():
        ws.append(row)
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=5, min_row=1, max_row=4), titles_from_data=True)
    sheet = wb.create_chartsheet("Diagramm", 0)
    sheet.add_chart(chart)
    wb.save(path)
    return path


def mac_1904(path: Path) -> Path:
    """A workbook saved in the Mac 1904 date system."""
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    for row in simple_rows():
        ws.append(row)
    wb.save(path)
    return path


def header_only(path: Path) -> Path:
    """A header and nothing below it."""
    wb = Workbook()
    wb.active.append(simple_rows()[0])
    wb.save(path)
    return path


def empty_workbook(path: Path) -> Path:
    """A workbook whose only sheet is empty."""
    Workbook().save(path)
    return path


def many_rows(path: Path, count: int) -> Path:
    """A long list, written fast (XlsxWriter row by row, in constant memory: some four times faster than
    openpyxl's write-only mode for the 50,000 rows of the memory test)."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Maßnahmen")
    day = book.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_row(
        0, 0, ["Nr.", "Maßnahme", "Handlungsfeld", "Nutzen", "Aufwand", "Kosten", "Start", "Ende", "Vorgänger"]
    )
    start, end = date(2026, 3, 1), date(2026, 6, 30)
    for number in range(1, count + 1):
        sheet.write_row(number, 0, [number, f"Maßnahme {number}", "Cloud & IT-Sicherheit", "hoch", 2, "12.500,00 €"])
        sheet.write_datetime(number, 6, start, day)
        sheet.write_datetime(number, 7, end, day)
        sheet.write_string(number, 8, str(number - 1) if number > 1 else "-")
    book.close()
    return path


def xml_bomb(path: Path, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """A valid list whose `part` declares nested entities ('billion laughs', 10⁹ × 'lol')."""
    source = io.BytesIO()
    wb = Workbook()
    for row in simple_rows():
        wb.active.append(row)
    wb.save(source)
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{entities}]>'
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as bomb:
        for name in original.namelist():
            content = original.read(name)
            if name == part:
                text = content.decode()
                text = text.split("?>", 1)[1] if text.startswith("<?xml") else text
                content = (doctype + text.replace("Microsoft 365 einführen", "&lol9;")).encode()
            bomb.writestr(name, content)
        if part not in original.namelist():
            main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            bomb.writestr(part, f'{doctype}<sst xmlns="{main}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')
    return path


def zip_bomb(path: Path, unpacked_mb: int = 30) -> Path:
    """An .xlsx with a part that unpacks to many megabytes of zeros (a few kilobytes packed)."""
    source = io.BytesIO()
    wb = Workbook()
    for row in simple_rows():
        wb.active.append(row)
    wb.save(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in original.namelist():
            out.writestr(name, original.read(name))
        out.writestr("xl/media/padding.bin", b"\0" * (unpacked_mb * 1024 * 1024))
    return path


def encrypted_ole2(path: Path) -> Path:
    """An OLE2 compound file with the streams Office writes for a password-protected .xlsx."""
    sector = 512
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    streams = [("EncryptionInfo", b"\x04\x00\x04\x00" + b"\0" * 4092), ("EncryptedPackage", b"\x17" * 4096)]
    fat = [fat_sector, end]  # sector 0: the FAT itself, sector 1: the directory
    starts = []
    for _, content in streams:
        count = len(content) // sector
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [end]
    fat += [free] * (sector // 4 - len(fat))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        1,
        1,
        0,
        4096,
        end,
        0,
        end,
        0,
    )
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    entries = [_dir_entry("Root Entry", 5, no_stream, no_stream, 1, end, 0)]
    entries.append(_dir_entry(streams[0][0], 2, no_stream, 2, no_stream, starts[0], len(streams[0][1])))
    entries.append(_dir_entry(streams[1][0], 2, no_stream, no_stream, no_stream, starts[1], len(streams[1][1])))
    entries.append(b"\0" * 128)
    body = struct.pack(f"<{sector // 4}I", *fat) + b"".join(entries)
    path.write_bytes(header + body + b"".join(content for _, content in streams))
    return path


def _dir_entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1,
        left,
        right,
        child,
        b"\0" * 16,
        0,
        0,
        0,
        start,
        size,
    )


ENGLISH_TASKS = [
    "Project management and steering", "Kick-off workshop", "Process inventory", "IT infrastructure audit",
    "Backup concept", "Two-factor authentication", "Firewall renewal", "Password manager rollout",
    "Migrate file server to cloud", "Select CRM system", "Introduce CRM system", "Newsletter tool",
    "Online shop relaunch", "Customer portal", "ERP requirements", "ERP selection", "ERP rollout",
    "Digital invoice processing", "E-invoicing (XRechnung)", "Document management system",
    "Digital time recording", "Mobile field service app", "Sales dashboard", "BI reporting",
    "Master data cleansing", "Demand forecast", "Staff training Microsoft 365", "Digital skills training",
    "Onboarding e-learning", "Intranet relaunch", "Video conferencing rooms", "Shared calendars",
    "Security awareness training", "Website accessibility", "Social media plan", "Chatbot for support",
    "Supplier portal", "Warehouse barcode scanning", "Machine data collection", "Final review",
]  # fmt: skip


def english_project_csv(path: Path) -> Path:
    """The English 40-row list of issue 10 as a CSV: one ordinary measure (row 2, 'Project management
    and steering') runs from the first start to the last due date, has costs and others depend on it."""
    lines = ["ID,Task,Owner,Start Date,Due Date,costs,Value,Effort,Depends on,Status"]
    for number, task in enumerate(ENGLISH_TASKS, start=1):
        if number == 1:
            start, due, depends = "2026-01-05", "2026-12-18", ""
        else:
            month = 2 + (number * 7) % 10
            start, due = f"2026-{month:02d}-01", f"2026-{month:02d}-28"
            depends = "1" if number in (2, 3) else (str(number - 1) if number % 5 == 0 else "")
        status = "Done" if number < 4 else ("In progress" if number < 9 else "Open")
        owner = ("Anna", "Ben", "Clara", "David")[number % 4]
        lines.append(
            f'{number},"{task}",{owner},{start},{due},{1000 + 250 * number},'
            f"{1 + number % 5},{1 + (number * 3) % 5},{depends},{status}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hidden_rows(path: Path) -> Path:
    """A list in which rows 4 and 6 are hidden (by hand, or by a filter someone forgot to clear)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Liste"
    ws.append(["Nr.", "Maßnahme", "Kosten"])
    for number, title in enumerate(
        ["Backup einrichten", "CRM einführen", "Altes Angebot (verworfen)", "Shop relaunchen", "Alte Idee"], start=1
    ):
        ws.append([number, title, 1000 * number])
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[6].hidden = True
    wb.save(path)
    return path


# --- exports of other tools, built after their public documentation ------------------------------

# Asana's CSV export (Project → Export → CSV): the columns as Asana names them.
ASANA_CSV = (
    "Task ID,Created At,Completed At,Last Modified,Name,Section/Column,Assignee,Assignee Email,Start Date,Due Date,"
    "Tags,Notes,Projects,Parent task,Blocked By (Dependencies),Blocking (Dependencies)\n"
    "1204,2026-01-05,2026-02-01,2026-02-01,Backup einrichten,Umsetzung,Anna Kaya,anna@example.com,2026-01-10,"
    "2026-01-31,IT-Sicherheit,3-2-1-Regel mit Offline-Kopie,Roadmap,,,1205\n"
    "1205,2026-01-05,,2026-02-01,CRM einführen,Planung,Ben Roth,ben@example.com,2026-03-01,2026-05-31,,"
    "Angebote und Kontakte bündeln,Roadmap,,1204,\n"
)
# Jira's CSV export (Filters → Export → CSV, all fields): repeated 'Labels' columns, issue links by key.
JIRA_CSV = (
    "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created,Updated,Due date,Description,"
    "Labels,Labels,Inward issue link (Blocks)\n"
    "Firewall erneuern,DIG-1,10001,Task,Done,High,Anna Kaya,Ben Roth,01/Jan/26 10:00 AM,02/Feb/26 9:00 AM,"
    "31/Mar/26,Alte Firewall ersetzen,security,it,\n"
    "Shop relaunchen,DIG-2,10002,Story,In Progress,Medium,Ben Roth,Anna Kaya,01/Jan/26 10:00 AM,02/Feb/26 9:00 AM,"
    "30/Jun/26,Neuer Shop mit Schnittstelle zum ERP,shop,,DIG-1\n"
)


def trello_board() -> bytes:
    """A Trello board as 'Menu → Print, export and share → Export as JSON' writes it (only the keys read)."""
    board = {
        "id": "b1", "name": "Digitalisierung 2026",
        "lists": [
            {"id": "l1", "name": "Ideen", "closed": False}, {"id": "l2", "name": "Doing", "closed": False},
            {"id": "l3", "name": "Done", "closed": False}, {"id": "l4", "name": "Altlasten", "closed": True},
        ],
        "labels": [{"id": "g1", "name": "IT-Sicherheit", "color": "red"}, {"id": "g2", "name": "dringend"}],
        "cards": [
            {"id": "c1", "idShort": 1, "name": "Zwei-Faktor-Anmeldung", "desc": "Für alle Konten", "idList": "l2",
             "labels": [{"id": "g1", "name": "IT-Sicherheit"}, {"id": "g2", "name": "dringend"}],
             "due": "2026-03-31T16:00:00.000Z", "start": "2026-02-01T08:00:00.000Z", "closed": False,
             "dueComplete": False, "idChecklists": ["k1"]},
            {"id": "c2", "idShort": 2, "name": "Newsletter starten", "desc": "", "idList": "l1", "labels": [],
             "due": None, "closed": False},
            {"id": "c3", "idShort": 3, "name": "Backup prüfen", "desc": "", "idList": "l3", "labels": [],
             "due": "2026-01-15T16:00:00.000Z", "closed": False, "dueComplete": True},
            {"id": "c4", "idShort": 4, "name": "Fax abschaffen", "desc": "", "idList": "l1", "labels": [],
             "closed": True},
            {"id": "c5", "idShort": 5, "name": "Alter Server", "desc": "", "idList": "l4", "labels": [],
             "closed": False},
        ],
        "checklists": [
            {"id": "k1", "idCard": "c1", "name": "Schritte",
             "checkItems": [{"name": "App wählen", "state": "complete"},
                            {"name": "Alle schulen", "state": "incomplete"}]},
        ],
    }  # fmt: skip
    return json.dumps(board).encode()


def ms_project_xml() -> bytes:
    """An MS Project XML (MSPDI) file as 'Save as → XML' writes it: the project summary task (UID 0), a summary
    task with two tasks below, a predecessor link, a resource assigned, costs in hundredths of a euro."""
    ns = "http://schemas.microsoft.com/project"
    tasks = [
        ("0", "0", "Digitalisierung", "0", "1", "", "", "PT0H0M0S", "0", "0", ""),
        ("1", "1", "Phase 1: Grundlagen", "1", "1", "2026-02-02T08:00:00", "2026-04-30T17:00:00", "PT480H0M0S",
         "0", "0", ""),
        ("2", "1.1", "Prozessinventur", "2", "0", "2026-02-02T08:00:00", "2026-02-27T17:00:00", "PT160H0M0S",
         "100", "600000", ""),
        ("3", "1.2", "ERP auswählen", "2", "0", "2026-03-02T08:00:00", "2026-04-30T17:00:00", "PT320H0M0S",
         "25", "4500000", "2"),
    ]  # fmt: skip
    body = []
    for uid, outline, name, level, summary, start, finish, duration, done, cost, predecessor in tasks:
        link = f"<PredecessorLink><PredecessorUID>{predecessor}</PredecessorUID><Type>1</Type></PredecessorLink>"
        body.append(
            f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineNumber>{outline}</OutlineNumber>"
            f"<OutlineLevel>{level}</OutlineLevel><Summary>{summary}</Summary><Start>{start}</Start>"
            f"<Finish>{finish}</Finish><Duration>{duration}</Duration><PercentComplete>{done}</PercentComplete>"
            f"<Cost>{cost}</Cost>{link if predecessor else ''}</Task>"
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project xmlns="{ns}"><Name>digital.xml</Name>'
        f"<Title>Digitalisierung Müller</Title><Tasks>{''.join(body)}</Tasks>"
        "<Resources><Resource><UID>1</UID><Name>Anna Kaya</Name></Resource></Resources>"
        "<Assignments><Assignment><TaskUID>3</TaskUID><ResourceUID>1</ResourceUID></Assignment></Assignments>"
        "</Project>"
    ).encode()
