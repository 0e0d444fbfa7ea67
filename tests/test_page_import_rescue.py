"""The Import / Export page when the header is not where the importer looks: the user picks the header
row, sheet and title column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from streamlit.testing.v1 import AppTest

from tests import workbooks
from tests.pages import edit_table, held, open_page, own, upload

PAGE = "app_pages/08_import_export.py"
RESCUE = "So lässt sich die Liste trotzdem lesen"


def _count(app: AppTest) -> int:
    return len(held(app).workshop.measures)


def _header_row(app: AppTest) -> Any:
    (found,) = [n for n in app.number_input if n.label in ("Kopfzeile (Zeile in Excel)", "Header row (row in Excel)")]
    return found


def test_a_chosen_header_row_is_read_again_and_the_preview_and_mapping_follow(tmp_path: Path) -> None:
    app = upload(open_page(PAGE), workbooks.two_lists(tmp_path / "liste.xlsx"))
    before = held(app).revision
    assert _header_row(app).value == 3
    assert app.subheader[0].value == "Vorschau: 3 Maßnahmen"

    _header_row(app).set_value(8).run()

    assert not app.exception
    assert any("Kopfzeile in **Zeile 8** von Blatt **Liste** gewählt" in m.value for m in app.markdown)
    assert _header_row(app).value == 8
    assert app.subheader[0].value == "Vorschau: 2 Maßnahmen"
    assert list(app.dataframe[1].value["title"]) == ["KI-Pilot", "Schulungen"]
    mapping = app.data_editor[0].value
    assert list(mapping["header"]) == ["Aufgabe", "Budget"]
    assert list(mapping["field"]) == ["Maßnahme (Titel)", "Einmalkosten (€)"]
    assert _count(app) == 21 and held(app).revision == before


def test_a_header_row_that_is_none_is_refused_in_words_and_another_can_be_chosen(tmp_path: Path) -> None:
    app = upload(open_page(PAGE), workbooks.two_lists(tmp_path / "liste.xlsx"))
    before = held(app).revision

    _header_row(app).set_value(4).run()

    assert not app.exception
    assert "Blatt 'Liste', Zeile 4: Diese Zeile taugt nicht als Kopfzeile" in app.error[0].value
    assert "Am Workshop wurde nichts geändert." in app.error[0].value
    assert "import_confirm" not in {b.key for b in own(app.button)}
    kept = app.data_editor[0].value  # the mapping editor stays, with row 4's cells, so the title can be chosen
    assert list(kept["header"]) == ["1", "CRM einführen", "12000", "3"] and set(kept["field"]) == {"—"}
    assert _header_row(app).value == 4
    _header_row(app).set_value(8).run()
    assert not app.error and app.subheader[0].value == "Vorschau: 2 Maßnahmen"
    assert _count(app) == 21 and held(app).revision == before
    app.button(key="import_confirm").click().run()
    assert [m.title for m in held(app).workshop.measures[21:]] == ["KI-Pilot", "Schulungen"]


def test_a_new_header_row_resets_the_corrected_mapping_to_what_that_row_gives(tmp_path: Path) -> None:
    app = upload(open_page(PAGE, lang="en"), workbooks.two_lists(tmp_path / "list.xlsx"))
    edit_table(app, {2: {"field": "—"}}, key_start="import_mapping")
    assert list(app.dataframe[1].value["one_time_cost"]) == [0, 0, 0]

    _header_row(app).set_value(8).run()

    assert not app.exception
    assert _header_row(app).label == "Header row (row in Excel)"
    assert any("Header chosen in **row 8** of sheet **Liste**" in m.value for m in app.markdown)
    assert list(app.data_editor[0].value["field"]) == ["Measure (title)", "One-time cost (€)"]
    assert list(app.dataframe[1].value["one_time_cost"]) == [20000, 3000]


def _rows_shown(app: AppTest) -> Any:
    """The rescue's sample of the sheet's first rows: Excel's row numbers, then a column per letter."""
    (shown,) = [d.value for d in app.dataframe if list(d.value.columns[:2]) == ["row", "A"]]
    return shown


def _nonsense_header(path: Path) -> Path:
    """A list whose header row (row 3, below a title line) names no column the importer knows."""
    rows = [
        ["Liste vom Workshop"],
        [],
        ["A1", "Spalte X", "Spalte Y", "Z"],
        [1, "CRM einführen", 12000, "Müller"],
        [2, "Backup 3-2-1", 1200, "Becker"],
        [3, "Website neu", 8000, "Schmidt"],
    ]
    return workbooks.book(path, rows, title="Daten")


def test_a_list_whose_header_is_not_found_is_read_from_the_header_row_and_title_column_the_user_chooses(
    tmp_path: Path,
) -> None:
    app = upload(open_page(PAGE), _nonsense_header(tmp_path / "daten.xlsx"))
    before = held(app).revision

    assert not app.exception
    assert "Keine Maßnahmenliste gefunden" in app.error[0].value
    assert "Am Workshop wurde nichts geändert." in app.error[0].value
    assert any(RESCUE in m.value for m in app.markdown)
    assert any("Die ersten Zeilen von Blatt **Daten** (6 Zeilen)" in c.value for c in app.caption)
    rows = _rows_shown(app)
    assert list(rows["row"]) == [1, 2, 3, 4, 5, 6] and list(rows.columns) == ["row", "A", "B", "C", "D"]
    assert list(rows.loc[2, ["A", "B"]]) == ["A1", "Spalte X"]
    assert _header_row(app).value == 3
    editor = app.data_editor[0].value
    assert list(editor["column"]) == ["A", "B", "C", "D"]
    assert list(editor["header"]) == ["A1", "Spalte X", "Spalte Y", "Z"]
    assert list(editor["example"]) == ["1", "CRM einführen", "12000", "Müller"]

    edit_table(app, {1: {"field": "Maßnahme (Titel)"}, 2: {"field": "Einmalkosten (€)"}}, key_start="import_mapping")

    assert not app.exception and not app.error
    assert app.subheader[0].value == "Vorschau: 3 Maßnahmen"
    assert any("Kopfzeile in **Zeile 3** von Blatt **Daten** gewählt" in m.value for m in app.markdown)
    assert list(app.data_editor[0].value["field"]) == ["—", "Maßnahme (Titel)", "Einmalkosten (€)", "—"]
    assert _count(app) == 21 and held(app).revision == before
    app.button(key="import_confirm").click().run()
    added = held(app).workshop.measures[21:]
    assert [(m.title, m.one_time_cost) for m in added] == [
        ("CRM einführen", 12000.0),
        ("Backup 3-2-1", 1200.0),
        ("Website neu", 8000.0),
    ]
    assert app.success[0].value.startswith("3 Maßnahmen angehängt. 2 Maßnahmen ähneln bestehenden")


def test_a_list_without_any_header_row_is_read_from_its_first_row_with_header_row_0() -> None:
    app = upload(open_page(PAGE, lang="en"), name="liste.csv", data="1;CRM einführen;12.000\n2;Backup;1.200\n".encode())
    before = held(app).revision
    assert "No measure list found" in app.error[0].value and _header_row(app).value == 1

    _header_row(app).set_value(0).run()

    assert "Without a header row (0), map the title column." in app.error[0].value
    editor = app.data_editor[0].value
    assert list(editor["header"]) == ["", "", ""] and list(editor["example"]) == ["1", "CRM einführen", "12.000"]
    edit_table(app, {1: {"field": "Measure (title)"}, 2: {"field": "One-time cost (€)"}}, key_start="import_mapping")
    assert not app.error and app.subheader[0].value == "Preview: 2 measures"
    assert any("No header row: every row of sheet **liste**" in m.value for m in app.markdown)
    assert _header_row(app).value == 0
    assert _count(app) == 21 and held(app).revision == before
    app.button(key="import_confirm").click().run()
    added = held(app).workshop.measures[21:]
    assert [(m.title, m.one_time_cost) for m in added] == [("CRM einführen", 12000.0), ("Backup", 1200.0)]


def test_after_a_header_row_without_title_column_the_title_is_chosen_in_the_kept_mapping_editor(
    tmp_path: Path,
) -> None:
    rows = [
        ["Nr.", "Maßnahme", "Kosten"],
        [1, "CRM", 12000],
        [],
        ["Sache", "Preis"],
        ["KI-Pilot", 20000],
        ["Schulungen"],
    ]
    app = upload(open_page(PAGE), workbooks.book(tmp_path / "liste.xlsx", rows, "Liste"))
    before = held(app).revision

    _header_row(app).set_value(4).run()

    assert "Blatt 'Liste', Zeile 4: Diese Zeile taugt nicht als Kopfzeile" in app.error[0].value
    kept = app.data_editor[0].value
    assert list(kept["header"]) == ["Sache", "Preis"] and kept.loc[0, "field"] == "—"
    edit_table(app, {0: {"field": "Maßnahme (Titel)"}}, key_start="import_mapping")
    assert not app.error and app.subheader[0].value == "Vorschau: 2 Maßnahmen"
    assert list(app.dataframe[1].value["title"]) == ["KI-Pilot", "Schulungen"]
    assert _count(app) == 21 and held(app).revision == before
    app.button(key="import_confirm").click().run()
    assert [m.title for m in held(app).workshop.measures[21:]] == ["KI-Pilot", "Schulungen"]


def test_the_rescue_offers_every_sheet_and_shows_the_one_chosen(tmp_path: Path) -> None:
    path = _nonsense_header(tmp_path / "daten.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("Zweites").append(["Sache", "Preis"])
    book["Zweites"].append(["CRM", 100])
    book.save(path)
    app = upload(open_page(PAGE), path)

    app.selectbox[0].set_value("Zweites").run()

    assert not app.exception and "Keine Maßnahmenliste gefunden" in app.error[0].value
    assert any("Blatt **Zweites**" in c.value for c in app.caption)
    assert list(_rows_shown(app)["A"]) == ["Sache", "CRM"] and _header_row(app).value == 1
