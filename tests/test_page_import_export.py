"""The Import / Export page: nothing changes before the user confirms; the workbook and the charts for slides."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from roadmap.domain.workshop import Workshop
from roadmap.planning.planner import plan
from roadmap.workbook.writer import workbook_bytes
from roadmap.workshop.scenarios import activate, add_scenario
from tests import workbooks
from tests.helpers import REPO
from tests.pages import WORKSHOPS, open_page, own
from ui.session import demo_workshop

PAGE = "app_pages/7_import_export.py"
EXAMPLE = REPO / "data" / "beispiel_massnahmen.xlsx"
RESCUE = "So lässt sich die Liste trotzdem lesen"


def upload(app: AppTest, path: Path | None = None, name: str = "", data: bytes | None = None) -> AppTest:
    """Put a file into the page's uploader as a user would and rerun."""
    content = path.read_bytes() if path is not None else data or b""
    app.file_uploader[0].set_value((name or (path.name if path else "datei.xlsx"), content, "application/octet-stream"))
    app.run()
    return app


def edit_table(app: AppTest, key_start: str, edited: dict) -> None:
    """Send a data editor a change set as the browser does (AppTest cannot type into a table) and rerun."""
    editor = next(e for e in app.data_editor if (e.key or "").startswith(key_start))
    state = {"edited_rows": {str(r): c for r, c in edited.items()}, "added_rows": [], "deleted_rows": []}
    change = WidgetState(id=editor.proto.id, string_value=json.dumps(state))
    tree, collect = app._tree, app._tree.get_widget_states

    def with_change() -> Any:
        states = collect()
        states.widgets.append(change)
        return states

    tree.get_widget_states = with_change  # type: ignore[method-assign]
    app.run()


def _count(app: AppTest) -> int:
    return len(app.session_state["workshop"].measures)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_the_page_offers_the_upload_and_the_export_for_every_workshop(name: str, lang: str) -> None:
    app = open_page(PAGE, WORKSHOPS[name](), lang)

    assert not app.exception
    expected = ["Excel-Liste importieren", "Exportieren"] if lang == "de" else ["Import an Excel list", "Export"]
    assert [h.value for h in app.header] == expected
    assert len(app.file_uploader) == 1
    assert set(app.file_uploader[0].allowed_type) == {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".json", ".xml"}
    downloads = [b.label for b in app.get("download_button")]
    if name == "empty":
        assert not downloads
        assert ("Noch keine Maßnahmen" if lang == "de" else "No measures yet") in app.info[0].value
    else:
        assert downloads == (
            ["Roadmap-Arbeitsmappe herunterladen (Excel)", "Handout herunterladen (PDF)"]
            if lang == "de"
            else ["Download the roadmap workbook (Excel)", "Download the handout (PDF)"]
        )


def test_the_german_example_is_previewed_and_nothing_changes_before_the_confirm_button() -> None:
    app = open_page(PAGE)
    before = app.session_state["workshop_revision"]

    upload(app, EXAMPLE)

    assert not app.exception
    assert app.subheader[0].value == "Vorschau: 12 Maßnahmen"
    assert any("Kopfzeile in **Zeile 4** von Blatt **Vorhaben 2026** erkannt" in m.value for m in app.markdown)
    mapping = app.data_editor[0].value
    assert mapping.loc[mapping["header"] == "lfd. Kosten p.a.", "field"].item() == "Laufende Kosten (€/Jahr)"
    assert len(app.dataframe[1].value) == 12
    assert app.info[0].value.startswith(  # the example repeats nine measures of the demo workshop
        "Nach dem Übernehmen: 3 Maßnahmen angehängt. 9 Maßnahmen übersprungen – stehen schon in der Liste: "
        "„Microsoft 365 für alle Arbeitsplätze“"
    )
    assert _count(app) == 21 and app.session_state["workshop_revision"] == before


def test_confirming_appends_the_list_and_empties_the_uploader() -> None:
    app = upload(open_page(PAGE), EXAMPLE)

    app.button(key="import_confirm").click().run()

    assert _count(app) == 24  # nine measures of the example are the demo's own: skipped
    assert app.session_state["workshop"].measures[21].title == "Datensicherung 3-2-1"
    assert app.success[0].value.startswith("3 Maßnahmen angehängt. 9 Maßnahmen übersprungen")
    assert app.file_uploader[0].value is None and not app.data_editor


def test_replace_makes_the_file_the_measure_list() -> None:
    app = upload(open_page(PAGE, lang="en"), EXAMPLE)

    app.radio(key="import_how").set_value("replace").run()
    assert "List replaced: 12 measures taken over, 21 measures of the previous list removed." in app.warning[0].value
    app.button(key="import_confirm").click().run()

    assert [m.id for m in app.session_state["workshop"].measures] == [str(n) for n in range(1, 13)]
    assert app.session_state["workshop"].profile.name == "Schneider Feinmechanik GmbH"


def test_the_exported_workbook_updates_by_id_and_restores_the_profile_on_replace() -> None:
    workshop = demo_workshop()
    exported = workbook_bytes(plan(workshop.measures, workshop.profile), "de")
    app = upload(open_page(PAGE, Workshop()), name="roadmap.xlsx", data=exported)

    app.radio(key="import_how").set_value("replace").run()
    app.button(key="import_confirm").click().run()

    assert app.session_state["workshop"].measures == workshop.measures
    assert app.session_state["workshop"].profile == workshop.profile
    upload(app, name="roadmap.xlsx", data=exported)
    app.radio(key="import_how").set_value("update").run()
    assert app.info[-1].value.startswith("Nach dem Übernehmen: 0 Maßnahmen aktualisiert, 21 unverändert, 0 neu")


def test_a_real_world_list_is_previewed_with_every_problem_by_sheet_row_and_column(realxlsx: Path) -> None:
    app = upload(open_page(PAGE), realxlsx / "projects" / "de_chulio_projektplan.xlsx")

    assert not app.exception
    assert app.subheader[0].value == "Vorschau: 19 Maßnahmen"
    problems = next(d.value for d in app.dataframe if "kind" in d.value.columns)
    assert list(problems.columns) == ["kind", "sheet", "row", "column", "message"]
    places = [(sheet, int(row), column) for sheet, row, column in problems[["sheet", "row", "column"]].values]
    assert places[:2] == [("Tabelle1", 6, "B"), ("Tabelle1", 6, "C")]  # field suggestions, then the sub-items
    app.button(key="import_confirm").click().run()
    assert _count(app) == 40


def test_another_sheet_can_be_chosen(realxlsx: Path) -> None:
    app = upload(open_page(PAGE), realxlsx / "projects" / "de_andrin_zeitplanung.xlsx")
    assert app.subheader[0].value == "Vorschau: 23 Maßnahmen"

    app.selectbox[0].set_value("Ist Arbeitszeit - Übersicht").run()

    assert not app.exception
    assert app.subheader[0].value == "Vorschau: 6 Maßnahmen"


def test_a_corrected_column_mapping_is_read_again() -> None:
    app = upload(open_page(PAGE), EXAMPLE)
    mapping = app.data_editor[0].value
    row = int(mapping.index[mapping["header"] == "Verantwortlich"][0])

    edit_table(app, "import_mapping", {row: {"field": "—"}})

    assert not app.exception
    preview = app.dataframe[1].value
    assert set(preview["owner"]) == {""}
    assert preview.loc[0, "notes"].startswith("Lizenzen über Systemhaus; Verantwortlich: Herr Becker")
    assert app.data_editor[0].value.loc[row, "field"] == "—"
    assert _count(app) == 21


def _header_row(app: AppTest) -> Any:
    (found,) = [n for n in app.number_input if n.label in ("Kopfzeile (Zeile in Excel)", "Header row (row in Excel)")]
    return found


def test_a_chosen_header_row_is_read_again_and_the_preview_and_mapping_follow(tmp_path: Path) -> None:
    app = upload(open_page(PAGE), workbooks.two_lists(tmp_path / "liste.xlsx"))
    before = app.session_state["workshop_revision"]
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
    assert _count(app) == 21 and app.session_state["workshop_revision"] == before


def test_a_header_row_that_is_none_is_refused_in_words_and_another_can_be_chosen(tmp_path: Path) -> None:
    app = upload(open_page(PAGE), workbooks.two_lists(tmp_path / "liste.xlsx"))
    before = app.session_state["workshop_revision"]

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
    assert _count(app) == 21 and app.session_state["workshop_revision"] == before
    app.button(key="import_confirm").click().run()
    assert [m.title for m in app.session_state["workshop"].measures[21:]] == ["KI-Pilot", "Schulungen"]


def test_a_new_header_row_resets_the_corrected_mapping_to_what_that_row_gives(tmp_path: Path) -> None:
    app = upload(open_page(PAGE, lang="en"), workbooks.two_lists(tmp_path / "list.xlsx"))
    edit_table(app, "import_mapping", {2: {"field": "—"}})
    assert list(app.dataframe[1].value["one_time_cost"]) == [0, 0, 0]

    _header_row(app).set_value(8).run()

    assert not app.exception
    assert _header_row(app).label == "Header row (row in Excel)"
    assert any("Header chosen in **row 8** of sheet **Liste**" in m.value for m in app.markdown)
    assert list(app.data_editor[0].value["field"]) == ["Measure (title)", "One-time cost (€)"]
    assert list(app.dataframe[1].value["one_time_cost"]) == [20000, 3000]


@pytest.mark.parametrize(
    ("name", "data"),
    [("liste.xlsx", b"Das ist keine Tabelle."), ("kaputt.xlsx", b"PK\x03\x04kaputt"), ("leer.csv", b"")],
)
def test_a_file_that_cannot_be_read_gets_a_clear_message_and_changes_nothing(name: str, data: bytes) -> None:
    app = open_page(PAGE)
    before = app.session_state["workshop_revision"]

    upload(app, name=name, data=data)

    assert not app.exception
    assert "Am Workshop wurde nichts geändert." in app.error[0].value
    assert "import_confirm" not in {b.key for b in own(app.button)}
    assert not app.data_editor and not any(RESCUE in m.value for m in app.markdown)  # no rows to choose from
    assert _count(app) == 21 and app.session_state["workshop_revision"] == before


def test_a_password_protected_or_too_large_file_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    app = upload(open_page(PAGE), workbooks.encrypted_ole2(tmp_path / "geheim.xlsx"))
    assert "passwortgeschützt" in app.error[0].value

    upload(app, name="riesig.csv", data=b"Titel;Kosten\n" + b"x;1\n" * 5_500_000)

    assert "Am Workshop wurde nichts geändert." in app.error[0].value and "MB" in app.error[0].value
    assert _count(app) == 21


def test_a_file_without_a_measure_list_is_refused_in_words(realxlsx: Path) -> None:
    app = upload(open_page(PAGE, lang="en"), realxlsx / "edge" / "merged_range.xlsx")

    assert "No measure list found" in app.error[0].value
    assert _count(app) == 21


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
    before = app.session_state["workshop_revision"]

    assert not app.exception
    assert "Keine Maßnahmenliste gefunden" in app.error[0].value
    assert "Am Workshop wurde nichts geändert." in app.error[0].value
    assert any(RESCUE in m.value for m in app.markdown)
    assert "Die ersten Zeilen von Blatt **Daten** (6 Zeilen)" in app.caption[0].value
    rows = _rows_shown(app)
    assert list(rows["row"]) == [1, 2, 3, 4, 5, 6] and list(rows.columns) == ["row", "A", "B", "C", "D"]
    assert list(rows.loc[2, ["A", "B"]]) == ["A1", "Spalte X"]
    assert _header_row(app).value == 3
    editor = app.data_editor[0].value
    assert list(editor["column"]) == ["A", "B", "C", "D"]
    assert list(editor["header"]) == ["A1", "Spalte X", "Spalte Y", "Z"]
    assert list(editor["example"]) == ["1", "CRM einführen", "12000", "Müller"]

    edit_table(app, "import_mapping", {1: {"field": "Maßnahme (Titel)"}, 2: {"field": "Einmalkosten (€)"}})

    assert not app.exception and not app.error
    assert app.subheader[0].value == "Vorschau: 3 Maßnahmen"
    assert any("Kopfzeile in **Zeile 3** von Blatt **Daten** gewählt" in m.value for m in app.markdown)
    assert list(app.data_editor[0].value["field"]) == ["—", "Maßnahme (Titel)", "Einmalkosten (€)", "—"]
    assert _count(app) == 21 and app.session_state["workshop_revision"] == before
    app.button(key="import_confirm").click().run()
    added = app.session_state["workshop"].measures[21:]
    assert [(m.title, m.one_time_cost) for m in added] == [
        ("CRM einführen", 12000.0),
        ("Backup 3-2-1", 1200.0),
        ("Website neu", 8000.0),
    ]
    assert app.success[0].value.startswith("3 Maßnahmen angehängt. 2 Maßnahmen ähneln bestehenden")


def test_a_list_without_any_header_row_is_read_from_its_first_row_with_header_row_0() -> None:
    app = upload(open_page(PAGE, lang="en"), name="liste.csv", data="1;CRM einführen;12.000\n2;Backup;1.200\n".encode())
    before = app.session_state["workshop_revision"]
    assert "No measure list found" in app.error[0].value and _header_row(app).value == 1

    _header_row(app).set_value(0).run()

    assert "Without a header row (0), map the title column." in app.error[0].value
    editor = app.data_editor[0].value
    assert list(editor["header"]) == ["", "", ""] and list(editor["example"]) == ["1", "CRM einführen", "12.000"]
    edit_table(app, "import_mapping", {1: {"field": "Measure (title)"}, 2: {"field": "One-time cost (€)"}})
    assert not app.error and app.subheader[0].value == "Preview: 2 measures"
    assert any("No header row: every row of sheet **liste**" in m.value for m in app.markdown)
    assert _header_row(app).value == 0
    assert _count(app) == 21 and app.session_state["workshop_revision"] == before
    app.button(key="import_confirm").click().run()
    added = app.session_state["workshop"].measures[21:]
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
    before = app.session_state["workshop_revision"]

    _header_row(app).set_value(4).run()

    assert "Blatt 'Liste', Zeile 4: Diese Zeile taugt nicht als Kopfzeile" in app.error[0].value
    kept = app.data_editor[0].value
    assert list(kept["header"]) == ["Sache", "Preis"] and kept.loc[0, "field"] == "—"
    edit_table(app, "import_mapping", {0: {"field": "Maßnahme (Titel)"}})
    assert not app.error and app.subheader[0].value == "Vorschau: 2 Maßnahmen"
    assert list(app.dataframe[1].value["title"]) == ["KI-Pilot", "Schulungen"]
    assert _count(app) == 21 and app.session_state["workshop_revision"] == before
    app.button(key="import_confirm").click().run()
    assert [m.title for m in app.session_state["workshop"].measures[21:]] == ["KI-Pilot", "Schulungen"]


def test_the_rescue_offers_every_sheet_and_shows_the_one_chosen(tmp_path: Path) -> None:
    path = _nonsense_header(tmp_path / "daten.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("Zweites").append(["Sache", "Preis"])
    book["Zweites"].append(["CRM", 100])
    book.save(path)
    app = upload(open_page(PAGE), path)

    app.selectbox[0].set_value("Zweites").run()

    assert not app.exception and "Keine Maßnahmenliste gefunden" in app.error[0].value
    assert "Blatt **Zweites**" in app.caption[0].value
    assert list(_rows_shown(app)["A"]) == ["Sache", "CRM"] and _header_row(app).value == 1


def test_presenter_mode_offers_the_export_but_no_upload() -> None:
    app = open_page(PAGE, presenter=True)

    assert not app.exception
    assert not app.file_uploader and not app.radio
    assert [h.value for h in app.header] == ["Exportieren"]


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What the page's download buttons would hand the browser: file name -> bytes or a function making them."""
    found: dict[str, Any] = {}
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def record(self: MediaFileManager, data: Any, mimetype: str, coordinates: str, **kwargs: Any) -> Any:
        found[kwargs.get("file_name")] = data
        return add(self, data, mimetype, coordinates, **kwargs)

    def record_deferred(self: MediaFileManager, make: Any, mimetype: Any, coordinates: str, **kwargs: Any) -> Any:
        found[kwargs.get("file_name")] = make
        return add_deferred(self, make, mimetype, coordinates, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", record)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)
    return found


def test_the_workbook_is_named_after_the_company_and_written_in_the_session_language(downloads: dict) -> None:
    open_page(PAGE, lang="en")

    (name,) = [n for n in downloads if n and n.endswith(".xlsx")]
    book = openpyxl.load_workbook(io.BytesIO(downloads[name]()), read_only=True)

    assert re.fullmatch(r"roadmap_Schneider_Feinmechanik_GmbH_\d{4}-\d{2}-\d{2}\.xlsx", name)
    assert book.sheetnames == ["Roadmap", "Gantt", "Budget", "Prioritisation", "Profile", "Measures", "Progress"]


def test_the_charts_become_pngs_for_slides_only_on_request(downloads: dict) -> None:
    app = open_page(PAGE)
    assert not [n for n in downloads if n and n.endswith(".png")]

    app.button(key="export_prepare").click().run()

    assert not app.exception
    pngs = {n.rsplit("_", 1)[-1]: data for n, data in downloads.items() if n and n.endswith(".png")}
    for key in ("matrix.png", "gantt.png", "jahre.png", "quartale.png", "reifegrad.png"):
        assert pngs[key][:8] == b"\x89PNG\r\n\x1a\n"


def test_the_handout_is_offered_as_a_one_page_pdf_in_the_session_language(downloads: dict) -> None:
    open_page(PAGE, lang="en")

    (name,) = [n for n in downloads if n and n.endswith(".pdf")]
    reader = PdfReader(io.BytesIO(downloads[name]()))

    assert re.fullmatch(r"roadmap_Schneider_Feinmechanik_GmbH_\d{4}-\d{2}-\d{2}_handout\.pdf", name)
    assert len(reader.pages) == 1
    assert "Schneider Feinmechanik GmbH" in reader.pages[0].extract_text()
    assert "The most important measures" in reader.pages[0].extract_text()


def test_with_scenarios_the_workbook_gains_its_scenarios_sheet_and_the_handout_its_table(downloads: dict) -> None:
    workshop = add_scenario(demo_workshop(), "Vier Prozent", {"budget_share": 4})
    open_page(PAGE, activate(workshop, "Vier Prozent"))

    (xlsx,) = [n for n in downloads if n and n.endswith(".xlsx")]
    (pdf,) = [n for n in downloads if n and n.endswith(".pdf")]
    book = openpyxl.load_workbook(io.BytesIO(downloads[xlsx]()), read_only=True)
    text = PdfReader(io.BytesIO(downloads[pdf]())).pages[0].extract_text()

    assert book.sheetnames[-1] == "Szenarien"
    assert "Szenarien im Vergleich" in text
    assert "Szenario: Vier Prozent" in text


def _preview_table(app: AppTest) -> Any:
    return next(d.value for d in app.dataframe if "status" in d.value.columns)


def test_suggested_fields_are_marked_in_the_preview_and_a_correction_is_taken_over() -> None:
    app = upload(open_page(PAGE, Workshop()), workbooks.FIXTURES / "en_project_list.xlsx")

    assert not app.exception
    assert any("**Vorschläge** aus Titel und Beschreibung" in m.value for m in app.markdown)
    preview = _preview_table(app)
    assert preview.loc[preview["title"] == "Backup concept", "field"].item() == "Cloud & IT-Sicherheit (Vorschlag)"
    suggestions = next(e for e in app.data_editor if (e.key or "").startswith("import_fields_")).value
    assert suggestions.loc[suggestions["title"] == "Backup concept", "why"].item() == "wegen „backup“"
    edit_table(app, "import_fields_", {0: {"field": "Strategie & Kultur"}})
    preview = _preview_table(app)
    assert preview.loc[preview["title"] == "Project management and steering", "field"].item() == "Strategie & Kultur"
    app.button(key="import_confirm").click().run()

    fields = {m.title: m.field for m in app.session_state["workshop"].measures}
    assert fields["Project management and steering"] == "Strategie & Kultur"
    assert fields["Backup concept"] == "Cloud & IT-Sicherheit"
    assert fields["Introduce CRM system"] == "Kunden & Omnichannel"


def test_a_measure_the_workshop_has_is_flagged_with_the_existing_title_and_the_choice_is_followed() -> None:
    data = "Nr.;Maßnahme;Kosten\n1;CRM-System Vertrieb;9000\n2;CRM-System einführen;4000\n".encode()
    app = upload(open_page(PAGE), name="liste.csv", data=data)

    assert not app.exception
    assert any("stehen gleich oder ähnlich schon in der Liste" in m.value for m in app.markdown)
    table = next(e for e in app.data_editor if (e.key or "").startswith("import_duplicates_")).value
    assert table[["title", "existing", "choice"]].values.tolist() == [
        ["CRM-System Vertrieb", "CRM-System Vertrieb", "Überspringen"],
        ["CRM-System einführen", "CRM-System Vertrieb", "Beide behalten"],
    ]
    assert app.info[0].value.startswith("Nach dem Übernehmen: 1 Maßnahme angehängt. 1 Maßnahme übersprungen")
    edit_table(app, "import_duplicates_", {0: {"choice": "Beide behalten"}})
    assert app.info[0].value.startswith("Nach dem Übernehmen: 2 Maßnahmen angehängt.")
    app.button(key="import_confirm").click().run()

    assert [m.title for m in app.session_state["workshop"].measures].count("CRM-System Vertrieb") == 2
