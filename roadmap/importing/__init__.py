"""Importing a measure list from a spreadsheet file (docs/import.md).

Lives here: `importer` (import_file: the one entry), `files` (read xlsx/xlsm/xls/ods/csv into
plain rows of cells, limits, encodings), `header` (find the header row), `column_names` (German and
English column names and their variants), `hidden_columns`, `rows` (measures, phases, totals and
templates), `measure_cells` (cells of a row into a Measure, with a problem for every value not
taken as given), `values` (German and English money, dates, durations: "read a German date"),
`words` (scores, priorities, yes/no, id lists), `own_reader` and `own_cells` (the program's own
workbook read back: Profil and Maßnahmen into a Profile and Measures).

May import: `roadmap.domain`, `roadmap.planning`, `roadmap.workbook` (sheet and column names, the own format).
Reads bytes it is given or a path it is told; no user interface.
"""
