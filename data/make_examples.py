"""Write the example import files: a German measure list as a company keeps it in Excel, and as CSV.

Run from the repository: python data/make_examples.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
HEADER = ["Nr.", "Maßnahme", "Bereich", "Kosten", "lfd. Kosten p.a.", "Dauer", "Nutzen", "Aufwand", "Vorgänger",
          "Verantwortlich", "Status", "Bemerkung"]
ROWS = [
    [1, "Microsoft 365 für alle Arbeitsplätze", "Cloud & IT-Sicherheit", "12.500,00 €", "9.600,00 €", "3 Monate",
     "hoch", "mittel", "-", "Herr Becker (IT)", "Idee", "Lizenzen über Systemhaus"],
    [2, "Zwei-Faktor-Authentifizierung", "Cloud & IT-Sicherheit", "1.200 €", "0 €", "4 Wochen", "hoch", "niedrig",
     "1", "Herr Becker (IT)", "Idee", ""],
    [3, "Prozessinventur Auftragsabwicklung", "Prozessautomatisierung", "6.000,00 €", "", "6 Wochen", "hoch",
     "niedrig", "-", "Frau Schmidt", "Idee", "mit Berater"],
    [4, "ERP für den Mittelstand", "Prozessautomatisierung", "48.000,00 €", "14.400,00 €", "6 Monate", "hoch",
     "hoch", "1;3", "Frau Schmidt", "Idee", "Förderung prüfen"],
    [5, "Datensicherung 3-2-1", "Cloud & IT-Sicherheit", "4.500,00 €", "1.800,00 €", "1 Monat", "hoch", "niedrig",
     "-", "Herr Becker (IT)", "In Bearbeitung", ""],
    [6, "CRM-System Vertrieb", "Kunden & Omnichannel", "9.000,00 €", "7.200,00 €", "3 Monate", "hoch", "mittel",
     "1", "Herr Wagner (Vertrieb)", "Idee", ""],
    [7, "Kennzahlen-Dashboard", "Daten & Entscheidungen", "7.500,00 €", "2.400,00 €", "2 Monate", "mittel",
     "mittel", "4", "Geschäftsführung", "Idee", ""],
    [8, "Security-Awareness-Schulung", "Mitarbeitende & Kompetenzen", "2.400,00 €", "1.200,00 €", "1 Monat",
     "mittel", "niedrig", "-", "Personal", "Idee", ""],
    [9, "KI-Pilot Angebotserstellung", "Prozessautomatisierung", "15.000,00 €", "3.600,00 €", "4 Monate", "hoch",
     "hoch", "3", "Frau Schmidt", "Idee", "Pilot mit einem Kunden"],
    [10, "Digitale Champions benennen", "Strategie & Kultur", "0 €", "", "2 Wochen", "mittel", "niedrig", "-",
     "Geschäftsführung", "Idee", ""],
    [11, "Website mit Kundenportal", "Kunden & Omnichannel", "18.000,00 €", "2.400,00 €", "4 Monate", "mittel",
     "hoch", "6", "Herr Wagner (Vertrieb)", "Idee", ""],
    [12, "E-Rechnung einführen", "Prozessautomatisierung", "3.500,00 €", "600,00 €", "2 Monate", "hoch", "niedrig",
     "4", "Buchhaltung", "Idee", "Pflicht ab 2027"],
]


def write_xlsx(path: Path) -> None:
    """The list with a title row, a date line, a blank row, the header and a Summe row with a formula."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Vorhaben 2026"
    sheet["A1"] = "Digitalisierungsvorhaben 2026 – Muster Metallbau"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Stand: 01.12.2025"
    sheet.append([])
    sheet.append(HEADER)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in ROWS:
        sheet.append(row)
    last = sheet.max_row
    sheet.append(["", "Summe", "", f"=SUMPRODUCT(VALUE(SUBSTITUTE(D5:D{last},\"€\",\"\")))"])
    book.save(path)


def write_csv(path: Path) -> None:
    """The same list, ';'-separated in Windows-1252, as Excel saves 'CSV (Trennzeichen-getrennt)'."""
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(ROWS)


if __name__ == "__main__":
    write_xlsx(HERE / "beispiel_massnahmen.xlsx")
    write_csv(HERE / "beispiel_massnahmen.csv")
