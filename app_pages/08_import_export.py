"""Import / Export: read an Excel list (checked and previewed before anything changes), download the results."""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
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
from roadmap.views import import_preview, import_rescue, import_review, measure_table
from roadmap.views.export import CHART_NAMES, slide_pngs
from roadmap.views.import_preview import PREVIEW_COLUMNS, field_labels
from roadmap.workbook.writer import workbook_bytes
from roadmap.workshop.duplicates import DuplicateChoice, find_duplicates
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

TYPES = ["xlsx", "xlsm", "xls", "ods", "csv", "json", "xml"]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNGS = "_export_pngs"
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
    st.number_input(
        t("Kopfzeile (Zeile in Excel)", "Header row (row in Excel)"), min_value=0, value=row, step=1, key=key,
        help=say(import_preview.HEADER_ROW_HELP), on_change=guarded(flow.choose_header_row), args=(state, key, sheet),
    )  # fmt: skip


def mapping_editor(table: Any, columns: list[int], fields: list[Any], row: int | None = None, sheet: str = "") -> None:
    """Which column feeds which field (for the rescue: from this header row); the edited table becomes the mapping."""
    labels, key = field_labels(lang()), flow.mapping_key(state, rescue=row is not None)
    st.data_editor(
        table, key=key, hide_index=True, disabled=import_preview.MAPPING_LOCKED,
        column_config=column_config(import_preview.mapping_column_specs(labels, lang())),
        height=table_height(len(table), most=460), on_change=guarded(flow.choose_mapping),
        args=(state, key, columns, fields, labels, row, sheet),
    )  # fmt: skip


def found_mapping(result: ImportResult) -> None:
    """The header row (detected or chosen) and which column feeds which field, both correctable."""
    text, row = st.columns([4, 1], vertical_alignment="bottom")
    text.markdown(import_preview.header_note(result, state.get(flow.HEADER) is not None, lang()))
    with row:
        header_row_input(result.header_row)
    mapping_editor(*flow.found_table(state, result, field_labels(lang())))


def rescue(data: bytes, name: str, error: RoadmapError) -> None:
    """No list read: the reason in words and the way out – the first rows, then header row and columns to choose."""
    st.error(f"{say(error)} {say(import_preview.NOTHING_CHANGED)}", icon=":material/error:")
    found = flow.starts(state, data, name)
    if not found:  # the file itself cannot be read: there are no rows to show
        return
    start = flow.rescued_sheet(state, found)
    row = flow.header_row(state, start)
    st.markdown(say_markdown(import_rescue.RESCUE_HINT))
    sheet_choice()
    st.caption(import_rescue.sample_caption(start, lang()))  # Markdown; the core escaped the sheet name
    st.dataframe(import_rescue.sample_view(start, row), hide_index=True,
                 column_config=column_config(import_rescue.sample_column_specs(lang())))  # fmt: skip
    header_row_input(row, start.name)
    editor = import_rescue.rescue_table(start, row, state.get(flow.OVERRIDE), field_labels(lang()))
    mapping_editor(*editor, row, start.name)


# --- preview, problems and the decision ---------------------------------------------------------


def suggested_fields(result: ImportResult) -> None:
    """The fields of action suggested from the words, each correctable before the list is taken over."""
    if not result.inferred_fields:
        return
    language = lang()
    st.markdown(say_markdown(import_review.SUGGESTION_NOTE))
    st.caption(say(import_review.sure_line(result)))
    table = import_review.suggestion_table(result, language)
    st.data_editor(
        table, key=flow.field_key(state), hide_index=True, disabled=import_review.SUGGESTION_LOCKED,
        column_config=column_config(import_review.suggestion_column_specs(language)),
        height=table_height(len(table), most=360),
    )  # fmt: skip


def preview(result: ImportResult) -> None:
    """The measures that would be imported, and every problem with sheet, row and column."""
    language = lang()
    st.subheader(import_preview.preview_title(result, language))
    shown = flow.reviewed(state, result, language)
    frame = measure_table.measure_frame(shown.measures, language)
    frame["field"] = pd.Series(import_review.marked_fields(shown, list(frame["field"]), language), dtype="object")
    st.dataframe(
        frame, hide_index=True, column_order=PREVIEW_COLUMNS, height=table_height(len(frame), most=420), placeholder="",
        column_config={**import_preview.preview_headings(language),
                       **column_config(import_preview.preview_column_specs(language))},
    )  # fmt: skip
    suggested_fields(result)
    assumed = import_preview.assumptions_text(result, language)
    if assumed:
        st.markdown(assumed)
    if not result.problems:
        st.success(say_markdown(import_preview.NO_PROBLEMS), icon=":material/check:")
        return
    st.markdown(import_preview.problem_summary(result.problems, language))
    st.dataframe(
        import_preview.problem_table(result.problems, language), hide_index=True, placeholder="",
        column_config=column_config(import_preview.problem_column_specs(language)),
        height=table_height(len(result.problems), most=360),
    )  # fmt: skip


@guarded
def _confirm() -> None:
    """Confirm button callback: only now the workshop changes (a second click is told it is done)."""
    outcome = flow.take_over(state, workshop(), lang())
    if outcome is None:
        notify(flow.ALREADY_TAKEN)
    elif save(outcome.workshop, outcome.messages[0]) is not False:  # else someone changed it first: they see why
        flow.finish(state, revision(), outcome.messages)


def duplicates_review(result: ImportResult) -> None:
    """The measures the workshop has under the same or a similar title, the existing title beside, and a choice."""
    duplicates = find_duplicates(workshop().measures, result.measures)
    if not duplicates:
        return
    language = lang()
    st.markdown(import_review.duplicate_note(duplicates, language))
    table = import_review.duplicate_table(duplicates, result, language)
    st.data_editor(
        table, key=flow.duplicate_key(state), hide_index=True, disabled=import_review.DUPLICATE_LOCKED,
        column_config=column_config(import_review.duplicate_column_specs(language)),
        height=table_height(len(table), most=360),
    )  # fmt: skip


def decision(result: ImportResult) -> None:
    """Append, replace or update by id – with what each would do – and the one button that changes the workshop."""
    language = lang()
    ways = {way: say_text(label) for way, label in import_preview.HOW_LABELS.items()}
    how = st.radio(t("Wie übernehmen?", "How to take it over?"), HOW, format_func=ways.__getitem__, key=flow.HOW_KEY)
    choices: dict[str, DuplicateChoice] = {}
    if how == APPEND:
        duplicates_review(result)
        choices = flow.choices(state, workshop(), result, language)
    outcome = flow.dry_run(state, workshop(), flow.reviewed(state, result, language), how, revision(), choices)
    text = import_preview.merge_summary(outcome, language)
    if import_preview.merge_warns(workshop(), how):
        st.warning(plain(text), icon=":material/warning:")
    else:
        st.info(plain(text), icon=":material/info:")
    st.button(t("Übernehmen", "Take over"), key="import_confirm", type="primary", icon=":material/done_all:",
              on_click=_confirm)  # fmt: skip


def import_section() -> None:
    """Upload, sheet, mapping (or the rescue), preview, decision – nothing changes before the confirm button."""
    st.header(t("Excel-Liste importieren", "Import an Excel list"))
    if done := flow.done(state, revision()):
        st.success(" ".join(say(m) for m in done), icon=":material/check_circle:")
    uploaded = uploader(
        say(import_preview.UPLOAD_LABEL), TYPES, key=flow.upload_key(state), help=say(import_preview.UPLOAD_HELP)
    )
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
    made, skipped = slide_pngs(plan, current, language, clock.today(),
                               lambda done, total, name: bar.progress(done / total, f"{say_text(name)} …"))  # fmt: skip
    bar.progress(1.0, text=t("Fertig.", "Done."))
    state[PNGS] = ((revision(), language), made, skipped)


def handout_download(plan: Plan, scenarios: list[ScenarioResult], stem: str, scenario: str) -> None:
    """The one-page PDF for people who will not open the app: the owner, the bank, the funding body."""
    st.subheader(t("Handout (PDF, eine Seite)", "Handout (PDF, one page)"))
    st.caption(say_markdown(export_view.HANDOUT_NOTE))
    language = lang()
    st.download_button(
        t("Handout herunterladen (PDF)", "Download the handout (PDF)"),
        data=lambda: handout_pdf(plan, language, clock.today(), scenarios, scenario), file_name=f"{stem}_handout.pdf",
        mime="application/pdf", key="export_handout", icon=":material/picture_as_pdf:", on_click="ignore",
    )  # fmt: skip


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
        data=lambda: workbook_bytes(plan, language, baseline, scenarios), file_name=f"{stem}.xlsx", mime=XLSX_MIME,
        key="export_workbook", type="primary", icon=":material/download:", on_click="ignore",
    )  # fmt: skip
    handout_download(plan, scenarios, stem, current.active_scenario)
    st.subheader(t("Diagramme für Folien (PNG)", "Charts for slides (PNG)"))
    if st.button(t("Diagramme als PNG vorbereiten", "Prepare charts as PNG"), key="export_prepare",
                 icon=":material/image:"):  # fmt: skip
        prepare_pngs(plan, current, language)
    if (ready := export_view.ready_pngs(state.get(PNGS), revision(), language)) is None:
        st.caption(say(export_view.IMAGES_HINT))
        return
    made, skipped = ready
    slots = st.columns(3)
    for number, (key, data) in enumerate(made.items()):
        slots[number % 3].download_button(  # made on click: nothing waits in Streamlit's /media before
            say_text(CHART_NAMES[key]), data=functools.partial(bytes, data), file_name=f"{stem}_{key}.png",
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
