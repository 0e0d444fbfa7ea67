"""Import / Export: read an Excel list (checked and previewed before anything changes), download the results."""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from roadmap.charts.png import file_stem
from roadmap.domain.messages import RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.handout.pdf import handout_pdf
from roadmap.importing.importer import ImportResult
from roadmap.planning.plan import Plan
from roadmap.planning.scenario_compare import ScenarioResult
from roadmap.views import export as export_view
from roadmap.views import import_flow as flow
from roadmap.views import import_preview, import_rescue, import_review
from roadmap.views.import_preview import PREVIEW_COLUMNS, field_labels
from roadmap.workbook.writer import workbook_bytes
from roadmap.workshop.merge import APPEND, HOW
from ui import clock
from ui.errors import guarded, notify
from ui.language import lang, plain, please_choose, say, say_markdown, say_text, t
from ui.plans import current_baseline, current_plan
from ui.presenter import presenter
from ui.scenarios import active_scenario_note, every_scenario
from ui.session import revision, save, workshop
from ui.tables import column_config, table_height
from ui.uploads import uploader

state = st.session_state

# --- the file, its sheet, header row and column mapping -----------------------------------------


def sheet_choice() -> None:
    """Which sheet of the workbook holds the list (only asked where there is a choice)."""
    options, index = flow.sheet_options(state)
    if options:
        key = f"import_sheet_{flow.tag(state)}"
        st.selectbox(t("Tabellenblatt", "Sheet"), options, index, key=key, on_change=guarded(flow.choose_sheet),
                     args=(state, key), placeholder=please_choose())  # fmt: skip


def header_row_input(row: int, sheet: str = "") -> None:
    """The header row as Excel numbers it (0: none), prefilled with the one read; changing it reads the file again."""
    key = flow.header_key(state, row)
    st.number_input(t("Kopfzeile (Zeile in Excel)", "Header row (row in Excel)"), min_value=0, value=row, step=1,
                    key=key, help=say(import_preview.HEADER_ROW_HELP), on_change=guarded(flow.choose_header_row),
                    args=(state, key, sheet))  # fmt: skip


def mapping_editor(table: Any, columns: list[int], fields: list[Any], row: int | None = None, sheet: str = "") -> None:
    """Which column feeds which field (for the rescue: from this header row); the edited table becomes the mapping."""
    labels, key = field_labels(lang()), flow.mapping_key(state, rescue=row is not None)
    st.data_editor(table, key=key, hide_index=True, disabled=import_preview.MAPPING_LOCKED,
                   column_config=column_config(import_preview.mapping_column_specs(labels, lang())),
                   height=table_height(len(table), most=460), on_change=guarded(flow.choose_mapping),
                   args=(state, key, columns, fields, labels, row, sheet))  # fmt: skip


def found_mapping(result: ImportResult) -> None:
    """The header row (detected or chosen) and which column feeds which field, both correctable."""
    text, row = st.columns([4, 1], vertical_alignment="bottom")
    text.markdown(flow.found_note(state, result, lang()))
    with row:
        header_row_input(result.header_row)
    mapping_editor(*flow.found_table(state, result, field_labels(lang())))


def rescue(data: bytes, name: str, error: RoadmapError) -> None:
    """No list read: the reason in words and the way out – the first rows, then header row and columns to choose."""
    st.error(import_preview.failure_text(error, lang()), icon=":material/error:")
    if (found := flow.rescue(state, data, name, field_labels(lang()))) is None:  # the file itself cannot be read
        return
    st.markdown(say_markdown(import_rescue.RESCUE_HINT))
    sheet_choice()
    st.caption(import_rescue.sample_caption(found.start, lang()))  # Markdown; the core escaped the sheet name
    st.dataframe(import_rescue.sample_view(found.start, found.row), hide_index=True,
                 column_config=column_config(import_rescue.sample_column_specs(lang())))  # fmt: skip
    header_row_input(found.row, found.start.name)
    mapping_editor(found.table, found.columns, found.fields, found.row, found.start.name)


# --- preview, problems and the decision ---------------------------------------------------------


def review_table(review: import_review.Review | None, key: str) -> None:
    """A table to correct before the list is taken over (suggested fields, duplicates): its note, then the table."""
    if review is None:
        return
    st.markdown(review.note)
    if review.caption:
        st.caption(review.caption)
    table = review.table
    st.data_editor(table, key=key, hide_index=True, disabled=review.locked, column_config=column_config(review.specs),
                   height=table_height(len(table), most=360))  # fmt: skip


def preview(result: ImportResult) -> None:
    """The measures that would be imported, and every problem with sheet, row and column."""
    language = lang()
    st.subheader(import_preview.preview_title(result, language))
    frame = import_preview.preview_frame(flow.reviewed(state, result, language), language)
    specs = column_config(import_preview.preview_column_specs(language))
    st.dataframe(frame, hide_index=True, column_order=PREVIEW_COLUMNS, height=table_height(len(frame), most=420),
                 placeholder="", column_config={**import_preview.preview_headings(language), **specs})  # fmt: skip
    review_table(import_review.suggestion_review(result, language), flow.field_key(state))
    if assumed := import_preview.assumptions_text(result, language):
        st.markdown(assumed)
    if not result.problems:
        st.success(say_markdown(import_preview.NO_PROBLEMS), icon=":material/check:")
        return
    st.markdown(import_preview.problem_summary(result.problems, language))
    st.dataframe(import_preview.problem_table(result.problems, language), hide_index=True, placeholder="",
                 column_config=column_config(import_preview.problem_column_specs(language)),
                 height=table_height(len(result.problems), most=360))  # fmt: skip


@guarded
def _confirm() -> None:
    """Confirm button callback: only now the workshop changes (a second click is told it is done)."""
    outcome = flow.take_over(state, workshop(), lang())
    if outcome is None:
        notify(flow.ALREADY_TAKEN)
    elif save(outcome.workshop, outcome.messages[0]) is not False:  # else someone changed it first: they see why
        flow.finish(state, revision(), outcome.messages)


def decision(result: ImportResult) -> None:
    """Append, replace or update by id – with what each would do – and the one button that changes the workshop."""
    ways = {way: say_text(label) for way, label in import_preview.HOW_LABELS.items()}
    how = st.radio(t("Wie übernehmen?", "How to take it over?"), HOW, format_func=ways.__getitem__, key=flow.HOW_KEY)
    if how == APPEND:  # the measures the workshop has under the same or a similar title, each with a choice
        review_table(import_review.duplicate_review(workshop(), result, lang()), flow.duplicate_key(state))
    note = flow.decision_note(state, workshop(), result, how, revision(), lang())
    alert = st.warning if note.level is import_preview.Level.WARNING else st.info
    alert(note.text, icon=note.icon)
    st.button(t("Übernehmen", "Take over"), key="import_confirm", type="primary", icon=":material/done_all:",
              on_click=_confirm)  # fmt: skip


def import_section() -> None:
    """Upload, sheet, mapping (or the rescue), preview, decision – nothing changes before the confirm button."""
    st.header(t("Excel-Liste importieren", "Import an Excel list"))
    if done := flow.done(state, revision()):
        st.success(import_preview.done_text(done, lang()), icon=":material/check_circle:")
    uploaded = uploader(say(import_preview.UPLOAD_LABEL), import_preview.UPLOAD_TYPES, key=flow.upload_key(state),
                        help=say(import_preview.UPLOAD_HELP))  # fmt: skip
    if uploaded is None:
        st.caption(say(import_preview.LIST_HINT))
        return
    data = uploaded.getvalue()
    flow.new_file(state, data, uploaded.name)
    if (outcome := flow.stored(state)) is None:  # read once per file, sheet, header row and mapping
        with st.spinner(t(f"{plain(uploaded.name)} wird gelesen …", f"Reading {plain(uploaded.name)} …")):
            outcome = flow.read(state, data, uploaded.name, workshop().profile.as_of or clock.this_month())
    if isinstance(outcome, RoadmapError):
        rescue(data, uploaded.name, outcome)
        return
    flow.see_sheets(state, outcome)
    sheet_choice()
    if outcome.mapping:
        found_mapping(outcome)
    else:
        st.info(say(import_preview.OWN_WORKBOOK), icon=":material/verified:")
    preview(outcome)
    decision(outcome)


# --- export -------------------------------------------------------------------------------------


def prepare_pngs(plan: Plan, current: Workshop, language: str) -> None:
    """Draw every chart as PNG (about a second each), with a progress bar; kept until the workshop changes."""
    bar = st.progress(0.0, text=t("Diagramme werden gezeichnet …", "Drawing the charts …"))
    made, skipped = export_view.slide_pngs(plan, current, language, clock.today(),
                               lambda done, total, name: bar.progress(done / total, f"{say_text(name)} …"))  # fmt: skip
    bar.progress(1.0, text=t("Fertig.", "Done."))
    export_view.keep_pngs(state, revision(), language, made, skipped)


def handout_download(plan: Plan, scenarios: list[ScenarioResult], stem: str, scenario: str, language: str) -> None:
    """The one-page PDF for people who will not open the app: the owner, the bank, the funding body."""
    st.subheader(t("Handout (PDF, eine Seite)", "Handout (PDF, one page)"))
    st.caption(say_markdown(export_view.HANDOUT_NOTE))
    st.download_button(t("Handout herunterladen (PDF)", "Download the handout (PDF)"), mime="application/pdf",
                       data=lambda: handout_pdf(plan, language, clock.today(), scenarios, scenario),
                       file_name=f"{stem}_handout.pdf", key="export_handout", icon=":material/picture_as_pdf:",
                       on_click="ignore")  # fmt: skip


def export_section() -> None:
    """The roadmap workbook and the charts as images, in the session's language."""
    st.header(t("Exportieren", "Export"))
    current, language = workshop(), lang()
    if not current.measures:
        st.info(say(export_view.NO_MEASURES_YET), icon=":material/lightbulb:")
        return
    active_scenario_note()
    plan, scenarios, baseline = current_plan(), every_scenario(), current_baseline()
    stem = file_stem(current.profile.name, clock.today())
    st.markdown(say(export_view.WORKBOOK_CONTENTS))
    st.download_button(
        t("Roadmap-Arbeitsmappe herunterladen (Excel)", "Download the roadmap workbook (Excel)"),
        data=lambda: workbook_bytes(plan, language, baseline, scenarios), file_name=f"{stem}.xlsx", type="primary",
        mime=export_view.XLSX_MIME, key="export_workbook", icon=":material/download:", on_click="ignore",
    )  # fmt: skip
    handout_download(plan, scenarios, stem, current.active_scenario, language)
    st.subheader(t("Diagramme für Folien (PNG)", "Charts for slides (PNG)"))
    if st.button(t("Diagramme als PNG vorbereiten", "Prepare charts as PNG"), key="export_prepare",
                 icon=":material/image:"):  # fmt: skip
        prepare_pngs(plan, current, language)
    if (ready := export_view.ready_pngs(state.get(export_view.PNGS), revision(), language)) is None:
        st.caption(say(export_view.IMAGES_HINT))
        return
    made, skipped = ready
    slots = st.columns(3)
    for number, (key, data) in enumerate(made.items()):
        slots[number % 3].download_button(  # made on click: nothing waits in Streamlit's /media before
            say_text(export_view.CHART_NAMES[key]), data=functools.partial(bytes, data), file_name=f"{stem}_{key}.png",
            mime="image/png", key=f"export_png_{key}", icon=":material/download:", on_click="ignore", width="stretch",
        )  # fmt: skip
    for text in skipped:
        st.caption(plain(text))


def main() -> None:
    """Draw the page: import (not in presenter mode), then export."""
    st.title(t("Import / Export", "Import / export"))
    if not presenter():
        st.markdown(say_markdown(export_view.PAGE_NOTE))
        import_section()
        st.divider()
    export_section()


main()
