"""Maßnahmen: the measure table, edited in place and saved at once, and typical measures from the catalogue."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from roadmap.views import catalogue_list as catalogue_view
from roadmap.views import measure_columns, measure_edits, measure_table
from roadmap.workshop.catalogue import CatalogueItem
from roadmap.workshop.merge import add_from_catalogue
from ui.empty import explain_empty_workshop
from ui.errors import guarded
from ui.language import lang, plain, say, say_markdown, say_text, t
from ui.plans import shared
from ui.presenter import presenter
from ui.session import revision, save, workshop
from ui.tables import column_config, table_height
from ui.widgets import one_of

FEEDBACK = "massnahmen_feedback"
VERSION = "massnahmen_table_version"


def table_frame(language: str) -> pd.DataFrame:
    """The measure table of the current workshop, built once per stored version and language (fast with 500)."""
    return shared("massnahmen_frame", lambda: measure_table.measure_frame(workshop().measures, language))


def table_columns(language: str, editable: bool, shown: tuple[str, ...]) -> dict[str, Any]:
    """Labels, choices, formats, ranges and widths of the table's columns, as the core describes them, for a
    table that shows `shown`; made once per stored version, language and view (ui/plans.py `shared`)."""

    def build() -> dict[str, Any]:
        specs = measure_table.column_specs(workshop().measures, language, editable)
        return column_config(measure_columns.for_view(measure_columns.fitted(specs, language), shown))

    return shared("massnahmen_columns", build, editable, shown)


def view_columns() -> tuple[str, ...]:
    """Which of the table's columns are shown: the view chosen above the table (each fits a 1024 px screen)."""
    view = one_of(t("Spalten", "Columns"), measure_columns.VIEWS, measure_columns.FIRST, "massnahmen_view")
    return measure_columns.view_columns(view)


@guarded
def _apply_table(key: str, language: str) -> None:
    """Editor callback: apply every valid cell, keep the old value of each invalid one, say why."""
    state = st.session_state.get(key) or {}
    current = workshop()
    result = measure_edits.apply_edits(
        current, state.get("edited_rows"), state.get("added_rows"), state.get("deleted_rows"), language
    )
    if result.workshop is not current:
        save(result.workshop)
    # A new key on every change: the table then shows what was saved (rejected values go back to the old ones).
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1
    st.session_state[FEEDBACK] = (revision(), result.problems, result.notes)


def headline() -> None:
    """How many measures, and what they cost together; the measures not yet assessed, by name."""
    figures = shared("massnahmen_headline", lambda: measure_table.headline(workshop().measures, lang()))
    for column, (label, value) in zip(st.columns(3), figures, strict=True):
        column.metric(label, value)
    waiting = measure_table.unassessed_notice(workshop().measures)
    if waiting is not None:
        st.warning(say(waiting), icon=":material/pending_actions:")


def editor() -> None:
    """The measure table in the editor; changes are saved at once, problems listed below it."""
    language = lang()
    frame = table_frame(language)
    st.caption(say(measure_table.EDITOR_HINT))
    shown = view_columns()
    key = f"massnahmen_table_{revision()}_{st.session_state.get(VERSION, 0)}"
    st.data_editor(
        frame,
        key=key,
        num_rows="dynamic",
        hide_index=True,
        column_order=shown,
        column_config=table_columns(language, True, shown),
        height=table_height(len(frame) + 1, most=640),  # one row more: the editor's empty row for a new measure
        on_change=_apply_table,
        args=(key, language),
        placeholder="",
        alt=say_text(measure_table.TABLE_NAME),
    )
    feedback()


def feedback() -> None:
    """What the last change to the table could not take, and what else happened, in words."""
    stored = st.session_state.get(FEEDBACK)
    if not stored or stored[0] != revision():
        return
    _, problems, notes = stored
    if problems:
        st.warning(plain(measure_edits.not_taken_text(problems, lang())), icon=":material/warning:")
    for note in notes:
        st.info(say(note), icon=":material/info:")


def read_only_table() -> None:
    """Presenter mode: the measures as a large read-only table, in the same views as the editor."""
    language = lang()
    frame = table_frame(language)
    shown = view_columns()
    st.dataframe(
        frame,
        hide_index=True,
        column_order=shown,
        column_config=table_columns(language, False, shown),
        height=table_height(len(frame), most=900),
        placeholder="",
        alt=say_text(measure_table.TABLE_NAME),
    )


# --- the catalogue ------------------------------------------------------------------------------


@guarded
def _add(item_ids: list[str], language: str) -> None:
    """Button callback: append these catalogue measures and say what happened."""
    result = add_from_catalogue(workshop(), catalogue_view.items(item_ids), language)
    save(result.workshop, result.messages[0] if result.messages else None)
    st.session_state[FEEDBACK] = (revision(), [], result.messages[1:])


def _item_row(item: CatalogueItem, present: bool, language: str) -> None:
    text, action = st.columns([5, 1], vertical_alignment="center")
    text.markdown(catalogue_view.item_text(item, language))
    if present:
        action.markdown(say_markdown(catalogue_view.IN_THE_LIST))
    else:
        action.button(
            say(catalogue_view.ADD),
            key=f"massnahmen_add_{item.id}",
            icon=":material/add:",
            on_click=_add,
            args=([item.id], language),
            width="stretch",
        )


def catalogue_section() -> None:
    """Typical SME measures, searchable and grouped by field of action; one click adds one."""
    language = lang()
    query = st.text_input(
        say(catalogue_view.SEARCH_LABEL),
        key="massnahmen_catalogue_search",
        placeholder=say_text(catalogue_view.SEARCH_EXAMPLE),
    )
    listing = catalogue_view.listing(query, workshop().measures, language)
    for field, items in listing.groups:
        st.markdown(catalogue_view.field_heading(field, language), unsafe_allow_html=True)
        for item in items:
            _item_row(item, item.id in listing.present, language)
    if listing.nothing_found:
        st.info(say(catalogue_view.nothing_found(query)), icon=":material/search_off:")
    if listing.offers_all:
        st.button(
            say(catalogue_view.add_all_label(len(listing.missing))),
            key="massnahmen_add_found",
            icon=":material/library_add:",
            on_click=_add,
            args=(listing.missing, language),
        )


CATALOGUE_KEPT = "massnahmen_catalogue_kept"  # whether the catalogue was open, in any language


def main() -> None:
    """Draw the page."""
    st.title(t("Maßnahmen", "Measures"))
    if presenter():
        if not explain_empty_workshop():
            headline()
            read_only_table()
        return
    st.markdown(
        t(
            "Schritt 3 von 10: Was soll sich ändern? Maßnahmen eintragen, aus dem Katalog übernehmen oder "
            "importieren – mit Nutzen, Aufwand und Kosten.",
            "Step 3 of 10: what should change? Enter measures, take them from the catalogue or import them – "
            "with value, effort and costs.",
        )
    )
    if explain_empty_workshop():
        st.subheader(t("Typische Maßnahmen aus dem Katalog", "Typical measures from the catalogue"))
        catalogue_section()
        st.subheader(t("Oder eigene Maßnahmen eintragen", "Or enter your own measures"))
        editor()
        return
    headline()
    editor()
    # Drawn only while open: 31 catalogue rows cost more than the whole rest of the page.
    # Streamlit forgets an expander's state when its label changes (a language switch): kept aside.
    catalogue = st.expander(
        t("Aus dem Katalog hinzufügen", "Add from the catalogue"),
        expanded=bool(st.session_state.get(CATALOGUE_KEPT)),
        icon=":material/library_add:",
        key="massnahmen_catalogue_open",
        on_change="rerun",
    )
    st.session_state[CATALOGUE_KEPT] = catalogue.open
    if catalogue.open:
        with catalogue:
            catalogue_section()


main()
