"""Import / Export: read an Excel list (checked and previewed before anything changes), download the results."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import streamlit as st

from app_state import current_plan, lang, presenter, revision, save, say, t, workshop
from roadmap import export_view, import_preview, measure_table
from roadmap.chart_png import file_stem
from roadmap.export_view import CHART_NAMES, slide_pngs
from roadmap.import_preview import NOT_MAPPED, PREVIEW_COLUMNS, edited_mapping, field_labels, mapping_rows
from roadmap.importer import ImportResult, import_file
from roadmap.merge import APPEND, HOW, merge_import
from roadmap.messages import Message, RoadmapError
from roadmap.model import Workshop
from roadmap.plan import Plan
from roadmap.workbook import workbook_bytes

TYPES = ["xlsx", "xlsm", "xls", "ods", "csv"]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROUND = "import_round"  # grows after each import, so the uploader starts empty again
FILE, SHEET, OVERRIDE, MEMO, DONE = "_import_file", "_import_sheet", "_import_override", "_import_memo", "_import_done"
SHEETS_SEEN, MAPPING_VERSION, PNGS = "_import_sheets_seen", "_import_mapping_version", "_export_pngs"
DRY_RUN, HEADER = "_import_dry_run", "_import_header_row"

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
    st.number_input(
        t("Kopfzeile (Zeile in Excel)", "Header row (row in Excel)"), min_value=1, value=row, step=1, key=key,
        help=say(import_preview.HEADER_ROW_HELP), on_change=_choose_header_row, args=(key,),
    )  # fmt: skip


def _apply_mapping(key: str, columns: list[int], fields: list[str | None], labels: dict[str, str]) -> None:
    """Mapping editor callback: the table as edited becomes the importer's whole mapping."""
    edits = (st.session_state.get(key) or {}).get("edited_rows") or {}
    st.session_state[OVERRIDE] = edited_mapping(columns, fields, edits, labels)
    _new_mapping()


def mapping_editor(result: ImportResult) -> None:
    """The header row (detected or chosen) and which column feeds which field, both correctable."""
    text, row = st.columns([4, 1], vertical_alignment="bottom")
    text.markdown(import_preview.header_note(result, bool(st.session_state.get(HEADER)), lang()))
    with row:
        header_row_input(result.header_row)
    labels, (columns, fields) = field_labels(lang()), mapping_rows(result)
    table = import_preview.mapping_table(result, columns, fields, labels)
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
    for key in import_preview.MONEY_COLUMNS:
        config[key] = st.column_config.NumberColumn(labels[key], format=import_preview.money_format(language))
    for key in import_preview.MONTH_COLUMNS:
        config[key] = st.column_config.DateColumn(labels[key], format=import_preview.month_format(language))
    return config


def preview(result: ImportResult) -> None:
    """The measures that would be imported, and every problem with sheet, row and column."""
    language = lang()
    st.subheader(import_preview.preview_title(result, language))
    frame = measure_table.measure_frame(result.measures, language)
    st.dataframe(
        frame,
        hide_index=True,
        column_order=PREVIEW_COLUMNS,
        column_config=_preview_columns(import_preview.preview_labels(language), language),
        height=min(38 + 35 * len(frame), 420),
        placeholder="",
    )
    if not result.problems:
        st.success(t("Keine Auffälligkeiten in der Datei.", "Nothing unusual in the file."), icon=":material/check:")
        return
    st.markdown(import_preview.problem_summary(result.problems, language))
    st.dataframe(
        import_preview.problem_table(result.problems, language),
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
    how = st.radio(
        t("Wie übernehmen?", "How to take it over?"),
        HOW,
        format_func=lambda way: import_preview.HOW_LABELS[way](language),
        key="import_how",
    )
    stamp = (st.session_state[MEMO][0], how, revision())
    dry_run = st.session_state.get(DRY_RUN)
    if dry_run is None or dry_run[0] != stamp:  # merging 50,000 rows takes a moment: once per choice
        dry_run = (stamp, merge_import(workshop(), result, how or APPEND))
        st.session_state[DRY_RUN] = dry_run
    text = import_preview.merge_summary(dry_run[1], language)
    if import_preview.merge_warns(workshop(), how):
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
        help=say(import_preview.UPLOAD_HELP),
    )
    if uploaded is None:
        st.caption(say(import_preview.LIST_HINT))
        return
    data = uploaded.getvalue()
    _new_file(data, uploaded.name)
    outcome = read(data, uploaded.name)
    sheet_choice(outcome if isinstance(outcome, ImportResult) else None)
    if isinstance(outcome, RoadmapError):
        st.error(f"{say(outcome)} {say(import_preview.NOTHING_CHANGED)}", icon=":material/error:")
        if st.session_state.get(HEADER):  # the row chosen is no header: choose another one
            header_row_input(st.session_state[HEADER])
        return
    if outcome.mapping:
        mapping_editor(outcome)
    else:
        st.info(say(import_preview.OWN_WORKBOOK), icon=":material/verified:")
    preview(outcome)
    decision(outcome)


# --- export -------------------------------------------------------------------------------------


def prepare_pngs(plan: Plan, current: Workshop, language: str) -> None:
    """Draw every chart as PNG (about a second each), with a progress bar; kept until the workshop changes."""
    bar = st.progress(0.0, text=t("Diagramme werden gezeichnet …", "Drawing the charts …"))

    def progress(done: int, total: int, name: Message) -> None:
        bar.progress(done / total, text=f"{name(language)} …")

    made, skipped = slide_pngs(plan, current, language, date.today(), progress)
    bar.progress(1.0, text=t("Fertig.", "Done."))
    st.session_state[PNGS] = ((revision(), language), made, skipped)


def export_section() -> None:
    """The roadmap workbook and the charts as images, in the session's language."""
    st.header(t("Exportieren", "Export"))
    current, language = workshop(), lang()
    if not current.measures:
        st.info(say(export_view.NO_MEASURES_YET), icon=":material/lightbulb:")
        return
    plan = current_plan()
    stem = file_stem(current.profile.name, date.today())
    st.markdown(say(export_view.WORKBOOK_CONTENTS))
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
        st.caption(say(export_view.IMAGES_HINT))
        return
    _, made, skipped = stored
    slots = st.columns(3)
    for number, (key, data) in enumerate(made.items()):
        slots[number % 3].download_button(
            CHART_NAMES[key](language), data=data, file_name=f"{stem}_{key}.png", mime="image/png",
            key=f"export_png_{key}", icon=":material/download:", on_click="ignore", width="stretch",
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
