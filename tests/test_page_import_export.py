"""The Import / Export page's import: nothing changes before the user confirms; bad files, suggested
fields and duplicates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from roadmap.domain.workshop import Workshop
from roadmap.planning.planner import plan
from roadmap.workbook.writer import workbook_bytes
from tests import workbooks
from tests.helpers import REPO
from tests.pages import WORKSHOPS, edit_table, held, open_page, own, upload
from ui.session import demo_workshop

PAGE = "app_pages/08_import_export.py"
EXAMPLE = REPO / "data" / "beispiel_massnahmen.xlsx"
RESCUE = "So lässt sich die Liste trotzdem lesen"


def _count(app: AppTest) -> int:
    return len(held(app).workshop.measures)


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
    before = held(app).revision

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
    assert _count(app) == 21 and held(app).revision == before


def test_confirming_appends_the_list_and_empties_the_uploader() -> None:
    app = upload(open_page(PAGE), EXAMPLE)

    app.button(key="import_confirm").click().run()

    assert _count(app) == 24  # nine measures of the example are the demo's own: skipped
    assert held(app).workshop.measures[21].title == "Datensicherung 3-2-1"
    assert app.success[0].value.startswith("3 Maßnahmen angehängt. 9 Maßnahmen übersprungen")
    assert app.file_uploader[0].value is None and not app.data_editor


def test_replace_makes_the_file_the_measure_list() -> None:
    app = upload(open_page(PAGE, lang="en"), EXAMPLE)

    app.radio(key="import_how").set_value("replace").run()
    assert "List replaced: 12 measures taken over, 21 measures of the previous list removed." in app.warning[0].value
    app.button(key="import_confirm").click().run()

    assert [m.id for m in held(app).workshop.measures] == [str(n) for n in range(1, 13)]
    assert held(app).workshop.profile.name == "Schneider Feinmechanik GmbH"


def test_the_exported_workbook_updates_by_id_and_restores_the_profile_on_replace() -> None:
    workshop = demo_workshop()
    exported = workbook_bytes(plan(workshop.measures, workshop.profile), "de")
    app = upload(open_page(PAGE, Workshop()), name="roadmap.xlsx", data=exported)

    app.radio(key="import_how").set_value("replace").run()
    app.button(key="import_confirm").click().run()

    assert held(app).workshop.measures == workshop.measures
    assert held(app).workshop.profile == workshop.profile
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

    edit_table(app, {row: {"field": "—"}}, key_start="import_mapping")

    assert not app.exception
    preview = app.dataframe[1].value
    assert set(preview["owner"]) == {""}
    assert preview.loc[0, "notes"].startswith("Lizenzen über Systemhaus; Verantwortlich: Herr Becker")
    assert app.data_editor[0].value.loc[row, "field"] == "—"
    assert _count(app) == 21


@pytest.mark.parametrize(
    ("name", "data"),
    [("liste.xlsx", b"Das ist keine Tabelle."), ("kaputt.xlsx", b"PK\x03\x04kaputt"), ("leer.csv", b"")],
)
def test_a_file_that_cannot_be_read_gets_a_clear_message_and_changes_nothing(name: str, data: bytes) -> None:
    app = open_page(PAGE)
    before = held(app).revision

    upload(app, name=name, data=data)

    assert not app.exception
    assert "Am Workshop wurde nichts geändert." in app.error[0].value
    assert "import_confirm" not in {b.key for b in own(app.button)}
    assert not app.data_editor and not any(RESCUE in m.value for m in app.markdown)  # no rows to choose from
    assert _count(app) == 21 and held(app).revision == before


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


def test_presenter_mode_offers_the_export_but_no_upload() -> None:
    app = open_page(PAGE, presenter=True)

    assert not app.exception
    assert not app.file_uploader and not app.radio
    assert [h.value for h in app.header] == ["Exportieren"]


def _preview_table(app: AppTest) -> Any:
    return next(d.value for d in app.dataframe if "status" in d.value.columns)


def test_suggested_fields_are_marked_in_the_preview_and_a_correction_is_taken_over() -> None:
    app = upload(open_page(PAGE, Workshop()), workbooks.FIXTURES / "en_project_list.xlsx")

    assert not app.exception
    assert any("**Vorschläge** aus Titel und Beschreibung" in m.value for m in app.markdown)
    preview = _preview_table(app)
    assert preview.loc[preview["title"] == "Backup concept", "field"].item() == "Cloud & IT-Sicherheit (Vorschlag)"
    suggestions = next(e for e in app.data_editor if (e.key or "").startswith("import_fields_")).value
    why = dict(zip(suggestions["title"], suggestions["why"], strict=True))
    assert why["Backup concept"] == "wegen „backup“" and why["Shared calendars"] == "wie die Zeilen darum"
    assert why["Sales dashboard"] == "wegen „dashboard“ und der Zeilen darum"
    edit_table(app, {0: {"field": "Strategie & Kultur"}}, key_start="import_fields_")
    preview = _preview_table(app)
    assert preview.loc[preview["title"] == "Project management and steering", "field"].item() == "Strategie & Kultur"
    app.button(key="import_confirm").click().run()

    fields = {m.title: m.field for m in held(app).workshop.measures}
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
    edit_table(app, {0: {"choice": "Beide behalten"}}, key_start="import_duplicates_")
    assert app.info[0].value.startswith("Nach dem Übernehmen: 2 Maßnahmen angehängt.")
    app.button(key="import_confirm").click().run()

    assert [m.title for m in held(app).workshop.measures].count("CRM-System Vertrieb") == 2
