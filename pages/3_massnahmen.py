"""Maßnahmen: the measure table, edited in place and saved at once, and typical measures from the catalogue."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app_state import euro, explain_empty_workshop, field_label, lang, presenter, revision, save, say, t, workshop
from roadmap import measure_table
from roadmap.catalogue import CatalogueItem, by_field, catalogue, find
from roadmap.merge import add_from_catalogue, catalogue_present
from roadmap.model import FIELD_COLORS

FEEDBACK = "massnahmen_feedback"
VERSION = "massnahmen_table_version"
FRAME = "_massnahmen_frame"
ORDER = (
    "id", "title", "field", "status", "value", "effort", "one_time_cost", "running_cost", "funding_eligible",
    "person_days", "duration", "depends_on", "earliest_start", "deadline", "pinned", "must_have", "excluded", "owner",
    "votes", "kpi_name", "kpi_baseline", "kpi_target", "description", "notes",
)  # fmt: skip
PRESENTER_ORDER = (
    "id", "title", "field", "status", "value", "effort", "one_time_cost", "running_cost", "duration", "depends_on",
    "owner",
)  # fmt: skip


def table_frame(language: str) -> pd.DataFrame:
    """The measure table of the current workshop, built once per change and language (fast reruns with 500)."""
    stamp = (revision(), language)
    memo = st.session_state.get(FRAME)
    if memo is None or memo[0] != stamp:
        memo = (stamp, measure_table.measure_frame(workshop().measures, language))
        st.session_state[FRAME] = memo
    return memo[1]


def column_config(language: str, editable: bool) -> dict[str, Any]:
    """Labels, choices, formats and ranges of the table's columns."""
    col = st.column_config
    label = {key: text(language) for key, text in measure_table.COLUMNS.items()}
    money = "€%,d" if language == "en" else "%'.,d €"  # sprintf: ' sets the grouping character
    month = "MMM YYYY" if language == "en" else "MM.YYYY"
    fields, statuses = measure_table.field_names(language), measure_table.status_names(language)
    off = not editable
    one_to_five = t("1 = gering, 5 = hoch", "1 = low, 5 = high")
    return {
        "id": col.TextColumn(label["id"], disabled=True, width="small", pinned=True),
        "title": col.TextColumn(label["title"], required=True, width="large", pinned=True, disabled=off),
        "field": col.SelectboxColumn(label["field"], options=fields, required=True, default=fields[0], disabled=off),
        "status": col.SelectboxColumn(
            label["status"], options=statuses, required=True, default=statuses[0], disabled=off
        ),
        "value": col.NumberColumn(
            label["value"], min_value=1, max_value=5, default=3, format="localized", help=one_to_five, disabled=off
        ),
        "effort": col.NumberColumn(
            label["effort"], min_value=1, max_value=5, default=3, format="localized", help=one_to_five, disabled=off
        ),
        "one_time_cost": col.NumberColumn(
            label["one_time_cost"], min_value=0, step=1, default=0, format=money, disabled=off
        ),
        "running_cost": col.NumberColumn(
            label["running_cost"], min_value=0, step=1, default=0, format=money, disabled=off
        ),
        "funding_eligible": col.CheckboxColumn(label["funding_eligible"], default=False, disabled=off),
        "person_days": col.NumberColumn(label["person_days"], min_value=0, default=0, format="localized", disabled=off),
        "duration": col.NumberColumn(
            label["duration"], min_value=1, max_value=600, step=1, default=1, format="%d", disabled=off
        ),
        "depends_on": col.MultiselectColumn(
            label["depends_on"],
            options=measure_table.dependency_options(workshop().measures),
            width="large",
            help=t("Was vorher fertig sein muss.", "What must be finished first."),
            disabled=off,
        ),
        "earliest_start": col.DateColumn(label["earliest_start"], format=month, disabled=off),
        "deadline": col.DateColumn(label["deadline"], format=month, disabled=off),
        "pinned": col.DateColumn(
            label["pinned"],
            format=month,
            help=t("Beginnt genau in diesem Monat.", "Starts in exactly this month."),
            disabled=off,
        ),
        "must_have": col.CheckboxColumn(label["must_have"], default=False, disabled=off),
        "excluded": col.CheckboxColumn(label["excluded"], default=False, disabled=off),
        "owner": col.TextColumn(label["owner"], disabled=off),
        "votes": col.NumberColumn(label["votes"], min_value=0, step=1, default=0, format="%d", disabled=off),
        "kpi_name": col.TextColumn(label["kpi_name"], disabled=off),
        "kpi_baseline": col.TextColumn(label["kpi_baseline"], disabled=off),
        "kpi_target": col.TextColumn(label["kpi_target"], disabled=off),
        "description": col.TextColumn(label["description"], width="large", disabled=off),
        "notes": col.TextColumn(label["notes"], width="large", disabled=off),
    }


def _apply_table(key: str, language: str) -> None:
    """Editor callback: apply every valid cell, keep the old value of each invalid one, say why."""
    state = st.session_state.get(key) or {}
    current = workshop()
    result = measure_table.apply_edits(
        current, state.get("edited_rows"), state.get("added_rows"), state.get("deleted_rows"), language
    )
    if result.workshop is not current:
        save(result.workshop)
    # A new key on every change: the table then shows what was saved (rejected values go back to the old ones).
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1
    st.session_state[FEEDBACK] = (revision(), result.problems, result.notes)


def headline() -> None:
    """How many measures, and what they cost together."""
    measures = workshop().measures
    count, once, running = st.columns(3)
    count.metric(t("Maßnahmen", "Measures"), len(measures))
    once.metric(t("Einmalkosten gesamt", "One-time costs in total"), euro(sum(m.one_time_cost for m in measures)))
    running.metric(
        t("Laufende Kosten gesamt (pro Jahr)", "Running costs in total (per year)"),
        euro(sum(m.running_cost for m in measures)),
    )


def editor() -> None:
    """The measure table in the editor; changes are saved at once, problems listed below it."""
    language = lang()
    frame = table_frame(language)
    st.caption(
        t(
            "Zellen direkt bearbeiten – jede Änderung wird sofort gespeichert. Neue Zeile: unten auf „+“ klicken; "
            "löschen: Zeile links markieren und auf den Papierkorb klicken. Abhängigkeiten wählen Sie per Titel.",
            "Edit cells directly – every change is saved at once. New row: click “+” below; delete: select the "
            "row on the left and click the bin. Dependencies are picked by title.",
        )
    )
    key = f"massnahmen_table_{revision()}_{st.session_state.get(VERSION, 0)}"
    st.data_editor(
        frame,
        key=key,
        num_rows="dynamic",
        hide_index=True,
        column_order=ORDER,
        column_config=column_config(language, editable=True),
        height=min(38 + 35 * (len(frame) + 1), 640),
        on_change=_apply_table,
        args=(key, language),
        placeholder="",
        alt=t("Maßnahmenliste", "List of measures"),
    )
    feedback()


def feedback() -> None:
    """What the last change to the table could not take, and what else happened, in words."""
    stored = st.session_state.get(FEEDBACK)
    if not stored or stored[0] != revision():
        return
    _, problems, notes = stored
    if problems:
        lines = "\n".join(f"- {say(p)}" for p in problems)
        st.warning(t("Nicht übernommen:", "Not taken over:") + "\n" + lines, icon=":material/warning:")
    for note in notes:
        st.info(say(note), icon=":material/info:")


def read_only_table() -> None:
    """Presenter mode: the measures as a large read-only table."""
    language = lang()
    frame = table_frame(language)
    st.dataframe(
        frame,
        hide_index=True,
        column_order=PRESENTER_ORDER,
        column_config=column_config(language, editable=False),
        height=min(38 + 35 * len(frame), 900),
        placeholder="",
        alt=t("Maßnahmenliste", "List of measures"),
    )


# --- the catalogue ------------------------------------------------------------------------------


def _add(item_ids: list[str], language: str) -> None:
    """Button callback: append these catalogue measures and say what happened."""
    items = [item for item in catalogue() if item.id in item_ids]
    result = add_from_catalogue(workshop(), items, language)
    save(result.workshop, result.messages[0] if result.messages else None)
    st.session_state[FEEDBACK] = (revision(), [], result.messages[1:])


def _item_row(item: CatalogueItem, present: bool, language: str) -> None:
    text, action = st.columns([5, 1], vertical_alignment="center")
    description = item.description_en if language == "en" else item.description_de
    facts = t(
        f"Nutzen {item.value} · Aufwand {item.effort} · einmalig {euro(item.one_time_cost)} · "
        f"laufend {euro(item.running_cost)}/Jahr · {item.duration} Mon.",
        f"Value {item.value} · effort {item.effort} · one-time {euro(item.one_time_cost)} · "
        f"running {euro(item.running_cost)}/year · {item.duration} mo.",
    )
    text.markdown(f"**{item.title(language)}** – {description}  \n:gray[{facts}]")
    if present:
        action.markdown(
            t(":green[:material/check_circle: in der Liste]", ":green[:material/check_circle: in the list]")
        )
    else:
        action.button(
            t("Hinzufügen", "Add"),
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
        t("Katalog durchsuchen", "Search the catalogue"),
        key="massnahmen_catalogue_search",
        placeholder=t("z. B. CRM, Backup, Schulung", "e.g. CRM, backup, training"),
    )
    found = {item.id for item in find(query, language)} if query.strip() else None
    present = catalogue_present(workshop().measures)
    shown = 0
    for field, items in by_field().items():
        items = [item for item in items if found is None or item.id in found]
        if not items:
            continue
        shown += len(items)
        st.markdown(
            f"<span style='color:{FIELD_COLORS[field]};font-size:1.4rem'>●</span> **{field_label(field)}**",
            unsafe_allow_html=True,
        )
        for item in items:
            _item_row(item, item.id in present, language)
    if found is not None and not shown:
        st.info(t(f"Nichts gefunden für „{query}“.", f"Nothing found for “{query}”."), icon=":material/search_off:")
    missing = sorted(found - present) if found else []
    if found is not None and len(missing) > 1:
        st.button(
            t(f"Alle {len(missing)} gefundenen hinzufügen", f"Add all {len(missing)} found"),
            key="massnahmen_add_found",
            icon=":material/library_add:",
            on_click=_add,
            args=(missing, language),
        )


def main() -> None:
    """Draw the page."""
    st.title(t("Maßnahmen", "Measures"))
    if presenter():
        if not explain_empty_workshop():
            headline()
            read_only_table()
        return
    if explain_empty_workshop():
        st.subheader(t("Typische Maßnahmen aus dem Katalog", "Typical measures from the catalogue"))
        catalogue_section()
        st.subheader(t("Oder eigene Maßnahmen eintragen", "Or enter your own measures"))
        editor()
        return
    headline()
    editor()
    # Drawn only while open: 31 catalogue rows cost more than the whole rest of the page.
    catalogue = st.expander(
        t("Aus dem Katalog hinzufügen", "Add from the catalogue"),
        icon=":material/library_add:",
        key="massnahmen_catalogue_open",
        on_change="rerun",
    )
    if catalogue.open:
        with catalogue:
            catalogue_section()


main()
