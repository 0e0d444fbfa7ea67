"""The roadmap workbook (XLSX) and reading it back (docs/workbook.md).

Lives here: `writer` (workbook_bytes, write_workbook, written atomically), `sheets` (Budget,
Priorisierung, Profil, Maßnahmen), `gantt_sheet` (the Gantt sheet), `progress_sheet` (the
Fortschritt sheet: the follow-up against the baseline), `styles` (cell formats and the
one safe way to write a cell), `names` (sheet, column and key names in German and English),
`own_format` (the program's own Maßnahmen and Profil sheets as plain cells; read back by
`roadmap.importing.own_reader`).

May import: `roadmap.domain`, `roadmap.planning`. No user interface.
"""
