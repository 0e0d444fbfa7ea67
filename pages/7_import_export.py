"""Import / Export: read an Excel list (checked and previewed before anything changes), download the results."""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from app_state import current_plan, lang, presenter, revision, save, say, t, workshop
from roadmap import measure_table
from roadmap.chart_png import file_stem, png
from roadmap.import_preview import NOT_MAPPED, edited_mapping, field_labels, mapping_rows, mapping_table, problem_table
from roadmap.importer import ImportResult, import_file
from roadmap.merge import APPEND, HOW, REPLACE, UPDATE, merge_import
from roadmap.messages import ERROR, Message, RoadmapError
from roadmap.model import Workshop
from roadmap.plan import Plan
from roadmap.workbook import workbook_bytes

TYPES = ["xlsx", "xlsm", "xls", "ods", "csv"]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROUND = "import_round"  # grows after each import, so the uploader starts empty again
FILE, SHEET, OVERRIDE, MEMO, DONE = "_import_file", "_import_sheet", "_import_override", "_import_memo", "_import_done"
SHEETS_SEEN, MAPPING_VERSION, PNGS = "_import_sheets_seen", "_import_mapping_version", "_export_pngs"
DRY_RUN, HEADER = "_import_dry_run", "_import_header_row"
PREVIEW_COLUMNS = (
    "id", "title", "field", "status", "value", "effort", "one_time_cost", "running_cost", "duration", "depends_on",
    "earliest_start", "deadline", "owner", "notes",
)  # fmt: skip

# --- reading the file ---------------------------------------------------------------------------


def read(data: bytes, name: str) -> ImportResult | RoadmapError:
    """The import of the uploaded file with the chosen sheet, header row and mapping, read once per choice."""
    sheet, override, header_row = (st.session_state.get(key) for key in (SHEET, OVERRIDE, HEADER))
    stamp = (st.session_state.get(FILE), sheet, header_row, tuple(sorted((override or {}).items())))
    memo = st.session_state.get(MEMO)
    if memo is None or memo[0] != stamp:
        with st.spinner(t(f"{name} wird gelesen …", f"Reading {name} …")):
            try:
                outcome: ImportResult | RoadmapError = import_file(
                    data, filename=name, sheet=sheet, mapping=override, header_row=header_row
                )
            except RoadmapError as error:  # ImportFailed included: not a spreadsheet, damaged, too large …
                outcome = error
        memo = (stamp, outcome)
        st.session_state[MEMO] = memo
    return memo[1]


def _new_file(data: bytes, name: str) -> None:
    """A different file was uploaded: forget the sheet, header row and mapping chosen for the previous one."""
    stamp = (name, hashlib.sha1(data).hexdigest())
    if st.session_state.get(FILE) != stamp:
        for key in (SHEET, HEADER, OVERRIDE, MEMO, SHEETS_SEEN):
            st.session_state.pop(key, None)
        st.session_state[FILE] = stamp


def _choose_sheet(key: str) -> None:
    st.session_state[SHEET] = st.session_state[key]
    st.session_state.pop(OVERRIDE, None)
    st.session_state.pop(HEADER, None)


def sheet_choice(result: ImportResult | None) -> None:
    """Which sheet of the workbook holds the list (only asked where there is a choice)."""
    if result is not None:
        st.session_state[SHEETS_SEEN] = (result.sheets, result.sheet)
    sheets, current = st.session_state.get(SHEETS_SEEN, ((), ""))
    if len(sheets) < 2:
        return
    options = list(sheets) if current in sheets else [current, *sheets]
    key = f"import_sheet_{st.session_state[FILE][1][:12]}"
    st.selectbox(
        t("Tabellenblatt", "Sheet"),
        options,
        index=options.index(st.session_state.get(SHEET) or current),
        key=key,
        on_change=_choose_sheet,
        args=(key,),
    )


# --- the header row and the column mapping ------------------------------------------------------


def _new_mapping() -> None:
    """The mapping editor starts afresh from what the importer read."""
    st.session_state[MAPPING_VERSION] = st.session_state.get(MAPPING_VERSION, 0) + 1


def _choose_header_row(key: str) -> None:
    """Header row callback: read the file again from that row, with the mapping that row's headings give."""
    st.session_state[HEADER] = int(st.session_state[key]) if st.session_state.get(key) else None
    st.session_state.pop(OVERRIDE, None)
    _new_mapping()


def header_row_input(row: int) -> None:
    """The header row as Excel numbers it, prefilled with the one read; changing it reads the file again."""
    key = f"import_header_row_{st.session_state[FILE][1][:12]}_{st.session_state.get(SHEET)}_{row}"
    help_text = t(
        "Die Zeile mit den Spaltenüberschriften; die Zeilen darüber werden nicht übernommen.",
        "The row holding the column headings; the rows above it are not imported.",
    )
    st.number_input(
        t("Kopfzeile (Zeile in Excel)", "Header row (row in Excel)"), min_value=1, value=row, step=1, key=key,
        help=help_text, on_change=_choose_header_row, args=(key,),
    )  # fmt: skip


def _apply_mapping(key: str, columns: list[int], fields: list[str | None], labels: dict[str, str]) -> None:
    """Mapping editor callback: the table as edited becomes the importer's whole mapping."""
    edits = (st.session_state.get(key) or {}).get("edited_rows") or {}
    st.session_state[OVERRIDE] = edited_mapping(columns, fields, edits, labels)
    _new_mapping()


def mapping_editor(result: ImportResult) -> None:
    """The header row (detected or chosen) and which column feeds which field, both correctable."""
    found = t("gewählt", "chosen") if st.session_state.get(HEADER) else t("erkannt", "found")
    text, row = st.columns([4, 1], vertical_alignment="bottom")
    text.markdown(
        t(
            f"Kopfzeile in **Zeile {result.header_row}** von Blatt **{result.sheet}** {found}. Prüfen Sie, welche "
            "Spalte in welches Feld übernommen wird, und korrigieren Sie es bei Bedarf; Spalten ohne Zuordnung "
            "landen in den Notizen.",
            f"Header {found} in **row {result.header_row}** of sheet **{result.sheet}**. Check which column feeds "
            "which field and correct it where needed; columns without a field end up in the notes.",
        )
    )
    with row:
        header_row_input(result.header_row)
    labels, (columns, fields) = field_labels(lang()), mapping_rows(result)
    table = mapping_table(result, columns, fields, labels)
    key = f"import_mapping_{st.session_state[FILE][1][:12]}_{st.session_state.get(MAPPING_VERSION, 0)}"
    st.data_editor(
        table,
        key=key,
        hide_index=True,
        disabled=["column", "header"],
        column_config={
            "column": st.column_config.TextColumn(t("Spalte", "Column"), width=70),
            "header": st.column_config.TextColumn(t("Überschrift in der Datei", "Heading in the file"), width="large"),
            "field": st.column_config.SelectboxColumn(
                t("übernommen als", "taken as"), options=[NOT_MAPPED, *labels.values()], required=True, width="large"
            ),
        },
        height=min(38 + 35 * len(table), 460),
        on_change=_apply_mapping,
        args=(key, columns, fields, labels),
    )


# --- preview, problems and the decision ---------------------------------------------------------


def _preview_columns(labels: dict[str, str], language: str) -> dict[str, Any]:
    """Labels in the session's language; money and months formatted as on the Maßnahmen page."""
    config: dict[str, Any] = {key: st.column_config.Column(labels[key]) for key in PREVIEW_COLUMNS}
    money = "€%,d" if language == "en" else "%'.,d €"
    for key in ("one_time_cost", "running_cost"):
        config[key] = st.column_config.NumberColumn(labels[key], format=money)
    month = "MMM YYYY" if language == "en" else "MM.YYYY"
    for key in ("earliest_start", "deadline"):
        config[key] = st.column_config.DateColumn(labels[key], format=month)
    return config


def preview(result: ImportResult) -> None:
    """The measures that would be imported, and every problem with sheet, row and column."""
    language = lang()
    errors = sum(1 for p in result.problems if p.severity == ERROR)
    st.subheader(t(f"Vorschau: {len(result.measures)} Maßnahmen", f"Preview: {len(result.measures)} measures"))
    frame = measure_table.measure_frame(result.measures, language)
    labels = {key: text(language) for key, text in measure_table.COLUMNS.items()}
    st.dataframe(
        frame,
        hide_index=True,
        column_order=PREVIEW_COLUMNS,
        column_config=_preview_columns(labels, language),
        height=min(38 + 35 * len(frame), 420),
        placeholder="",
    )
    if not result.problems:
        st.success(t("Keine Auffälligkeiten in der Datei.", "Nothing unusual in the file."), icon=":material/check:")
        return
    st.markdown(
        t(
            f"**{len(result.problems)} Hinweise** ({errors} davon Fehler: diese Zeilen werden nicht übernommen)",
            f"**{len(result.problems)} notes** ({errors} of them errors: those rows are not imported)",
        )
    )
    st.dataframe(
        problem_table(result.problems, language),
        hide_index=True,
        column_config={
            "kind": st.column_config.TextColumn(t("Art", "Kind"), width=90),
            "sheet": st.column_config.TextColumn(t("Blatt", "Sheet"), width=160),
            "row": st.column_config.NumberColumn(t("Zeile", "Row"), width=70, format="%d"),
            "column": st.column_config.TextColumn(t("Spalte", "Column"), width=70),
            "message": st.column_config.TextColumn(t("Was auffiel", "What was found"), width=1100),
        },
        height=min(38 + 35 * len(result.problems), 360),
        placeholder="",
    )


def _confirm() -> None:
    """Confirm button callback: only now the workshop changes."""
    result = st.session_state[MEMO][1]
    outcome = merge_import(workshop(), result, st.session_state.get("import_how", APPEND))
    if save(outcome.workshop, outcome.messages[0]) is False:  # someone else changed it first: they see why
        return
    st.session_state[DONE] = (revision(), outcome.messages)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    for key in (FILE, SHEET, HEADER, OVERRIDE, MEMO, SHEETS_SEEN):
        st.session_state.pop(key, None)


def decision(result: ImportResult) -> None:
    """Append, replace or update by id – with what each would do – and the one button that changes the workshop."""
    language = lang()
    words = {
        APPEND: t("Anhängen (zu den bisherigen Maßnahmen)", "Append (to the current measures)"),
        REPLACE: t("Ersetzen (die bisherige Liste fällt weg)", "Replace (the current list goes)"),
        UPDATE: t("Abgleichen über die ID (gleiche ID wird aktualisiert)", "Update by ID (same ID is updated)"),
    }
    how = st.radio(t("Wie übernehmen?", "How to take it over?"), HOW, format_func=words.get, key="import_how")
    stamp = (st.session_state[MEMO][0], how, revision())
    dry_run = st.session_state.get(DRY_RUN)
    if dry_run is None or dry_run[0] != stamp:  # merging 50,000 rows takes a moment: once per choice
        dry_run = (stamp, merge_import(workshop(), result, how or APPEND))
        st.session_state[DRY_RUN] = dry_run
    outcome = dry_run[1]
    text = t("Nach dem Übernehmen: ", "After taking it over: ") + " ".join(m(language) for m in outcome.messages)
    if how == REPLACE and workshop().measures:
        st.warning(text, icon=":material/warning:")
    else:
        st.info(text, icon=":material/info:")
    st.button(
        t("Übernehmen", "Take over"),
        key="import_confirm",
        type="primary",
        icon=":material/done_all:",
        on_click=_confirm,
    )


def import_section() -> None:
    """Upload, sheet, mapping, preview, decision – nothing changes before the confirm button."""
    st.header(t("Excel-Liste importieren", "Import an Excel list"))
    done = st.session_state.get(DONE)
    if done and done[0] == revision():
        st.success(" ".join(say(m) for m in done[1]), icon=":material/check_circle:")
    uploaded = st.file_uploader(
        t(
            "Maßnahmenliste hochladen (xlsx, xlsm, xls, ods, csv)",
            "Upload a list of measures (xlsx, xlsm, xls, ods, csv)",
        ),
        type=TYPES,
        key=f"import_upload_{st.session_state.get(ROUND, 0)}",
        help=t(
            "Kopfzeile, Spalten und Zahlenformate werden erkannt; Sie sehen alles, bevor etwas übernommen wird.",
            "Header, columns and number formats are recognised; you see everything before anything is taken over.",
        ),
    )
    if uploaded is None:
        st.caption(
            t(
                "Die Liste darf Titelzeilen, leere Zeilen und Summenzeilen enthalten; deutsche und englische "
                "Spaltennamen werden erkannt (Nr., Maßnahme, Kosten, Dauer, Vorgänger, Verantwortlich …).",
                "The list may have title rows, empty rows and total rows; German and English column names are "
                "recognised (No., Measure, Cost, Duration, Predecessors, Owner …).",
            )
        )
        return
    data = uploaded.getvalue()
    _new_file(data, uploaded.name)
    outcome = read(data, uploaded.name)
    sheet_choice(outcome if isinstance(outcome, ImportResult) else None)
    if isinstance(outcome, RoadmapError):
        st.error(
            say(outcome) + " " + t("Am Workshop wurde nichts geändert.", "Nothing in the workshop was changed."),
            icon=":material/error:",
        )
        if st.session_state.get(HEADER):  # the row chosen is no header: choose another one
            header_row_input(st.session_state[HEADER])
        return
    if outcome.mapping:
        mapping_editor(outcome)
    else:
        st.info(
            t(
                "Roadmap-Arbeitsmappe dieses Programms erkannt: alle Felder (und das Profil) werden übernommen.",
                "Roadmap workbook of this program recognised: every field (and the profile) is taken over.",
            ),
            icon=":material/verified:",
        )
    preview(outcome)
    decision(outcome)


# --- export -------------------------------------------------------------------------------------


def charts(plan: Plan, current: Workshop, language: str) -> list[tuple[str, Message, str, Callable[[Any], Any]]]:
    """Each chart for slides: file key, name, core module, and how to draw it from that module."""
    today = date.today()
    return [
        ("matrix", Message("Nutzen-Aufwand-Matrix", "Value/effort matrix"), "roadmap.charts_matrix",
         lambda m: m.matrix_chart(plan, language)),
        ("gantt", Message("Roadmap (Gantt)", "Roadmap (Gantt)"), "roadmap.charts_gantt",
         lambda m: m.gantt_chart(plan, language, today)),
        ("budget_jahre", Message("Kosten pro Jahr", "Cost per year"), "roadmap.charts_budget",
         lambda m: m.yearly_cost_chart(plan, language)),
        ("budget_quartale", Message("Kosten pro Quartal", "Cost per quarter"), "roadmap.charts_budget",
         lambda m: m.quarterly_cost_chart(plan, language)),
        ("reifegrad", Message("Digitaler Reifegrad", "Digital maturity"), "roadmap.charts_maturity",
         lambda m: m.maturity_chart(current.maturity, language)),
    ]  # fmt: skip


def prepare_pngs(plan: Plan, current: Workshop, language: str) -> None:
    """Draw every chart as PNG (about a second each), with a progress bar; kept until the workshop changes."""
    made: dict[str, bytes] = {}
    skipped: list[str] = []
    todo = charts(plan, current, language)
    bar = st.progress(0.0, text=t("Diagramme werden gezeichnet …", "Drawing the charts …"))
    for number, (key, name, module_name, draw) in enumerate(todo, start=1):
        bar.progress((number - 1) / len(todo), text=t(f"{name('de')} …", f"{name('en')} …"))
        if key == "reifegrad" and not current.maturity:
            skipped.append(t(f"{name('de')}: Bestandsaufnahme noch leer", f"{name('en')}: maturity check still empty"))
            continue
        try:
            module = importlib.import_module(module_name)
            made[key] = png(draw(module), language)
        except (ImportError, AttributeError):
            skipped.append(t(f"{name('de')}: noch nicht verfügbar", f"{name('en')}: not available yet"))
        except RoadmapError as error:
            skipped.append(f"{name(language)}: {say(error)}")
    bar.progress(1.0, text=t("Fertig.", "Done."))
    st.session_state[PNGS] = ((revision(), language), made, skipped)


def export_section() -> None:
    """The roadmap workbook and the charts as images, in the session's language."""
    st.header(t("Exportieren", "Export"))
    current, language = workshop(), lang()
    if not current.measures:
        st.info(
            t(
                "Noch keine Maßnahmen – importieren Sie zuerst eine Liste oder legen Sie Maßnahmen an; "
                "dann gibt es hier die Roadmap-Arbeitsmappe und die Diagramme.",
                "No measures yet – import a list or add measures first; the roadmap workbook and the charts "
                "are then available here.",
            ),
            icon=":material/lightbulb:",
        )
        return
    plan = current_plan()
    stem = file_stem(current.profile.name, date.today())
    st.markdown(
        t(
            "Die Arbeitsmappe enthält Roadmap, Gantt, Budget, Priorisierung, Profil und alle Maßnahmen – "
            "zum Weiterarbeiten in Excel und für Bank, Fördergeber oder IT-Dienstleister.",
            "The workbook holds roadmap, Gantt, budget, prioritisation, profile and every measure – to keep working "
            "in Excel and to send to the bank, funding body or IT provider.",
        )
    )
    st.download_button(
        t("Roadmap-Arbeitsmappe herunterladen (Excel)", "Download the roadmap workbook (Excel)"),
        data=lambda: workbook_bytes(plan, language),
        file_name=f"{stem}.xlsx",
        mime=XLSX_MIME,
        key="export_workbook",
        type="primary",
        icon=":material/download:",
        on_click="ignore",
    )
    st.subheader(t("Diagramme für Folien (PNG)", "Charts for slides (PNG)"))
    if st.button(
        t("Diagramme als PNG vorbereiten", "Prepare charts as PNG"), key="export_prepare", icon=":material/image:"
    ):
        prepare_pngs(plan, current, language)
    stored = st.session_state.get(PNGS)
    if not stored or stored[0] != (revision(), language):
        st.caption(
            t(
                "Die Bilder zeigen den aktuellen Stand in doppelter Auflösung.",
                "The images show the current state at double resolution.",
            )
        )
        return
    _, made, skipped = stored
    names = {key: name(language) for key, name, _, _ in charts(plan, current, language)}
    slots = st.columns(3)
    for number, (key, data) in enumerate(made.items()):
        slots[number % 3].download_button(
            names[key], data=data, file_name=f"{stem}_{key}.png", mime="image/png", key=f"export_png_{key}",
            icon=":material/download:", on_click="ignore", width="stretch",
        )  # fmt: skip
    for text in skipped:
        st.caption(text)


def main() -> None:
    """Draw the page: import (not in presenter mode), then export."""
    st.title(t("Import / Export", "Import / export"))
    if not presenter():
        import_section()
        st.divider()
    export_section()


main()
