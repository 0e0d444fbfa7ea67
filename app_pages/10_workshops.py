"""Workshops & Stände: several clients' workshops side by side, and named snapshots to restore and compare."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from roadmap.domain.messages import RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import import_sheets
from roadmap.importing.sandbox import read_sheets_apart
from roadmap.views import workshops_page as page
from roadmap.views.workshops_page import NOW
from roadmap.workshop.compare import compare
from ui.choices import choose
from ui.language import lang, plain, say, say_text, t
from ui.plans import current_plan, shared_table, snapshot_plan
from ui.presenter import presenter
from ui.screen import split
from ui.session import (
    all_workshops,
    create_workshop,
    delete_snapshot,
    delete_workshop,
    demo_workshop,
    duplicate_workshop,
    load_snapshot,
    new_workshop,
    open_workshop,
    rename_workshop,
    restore_snapshot,
    snapshots,
    take_snapshot,
    workshop,
    workshop_id,
    workshop_info,
)
from ui.uploads import uploader
from ui.widgets import bind, once


def current_section() -> None:
    """Rename, share, duplicate and delete the open workshop."""
    info = workshop_info()
    st.subheader(t("Dieser Workshop", "This workshop"))
    name_column, link_column = split("workshops_current", 2)
    with name_column, st.form("workshops_rename", border=False):
        key = f"workshops_name_{info.id}"
        bind(key, info.name, stamp=info.name)  # renamed elsewhere: the field shows the stored name
        name = st.text_input(t("Name", "Name"), max_chars=200, key=key)
        if st.form_submit_button(t("Umbenennen", "Rename"), icon=":material/edit:", key="workshops_rename_submit"):
            try:
                rename_workshop(name)
                st.toast(t("Umbenannt.", "Renamed."), icon=":material/check_circle:")
                st.rerun()
            except RoadmapError as error:
                st.error(say(error))
    with link_column:
        st.markdown(t("**Link zu diesem Workshop**", "**Link to this workshop**"))
        base = str(st.context.url or "").split("?")[0]
        st.code(f"{base}?w={info.id}", language=None)
        st.caption(t("Der Link öffnet genau diesen Workshop.", "The link opens exactly this workshop."))
    copy_column, delete_column = st.columns(2, gap="large")
    with copy_column:
        if st.button(
            t("Workshop duplizieren", "Duplicate workshop"), icon=":material/content_copy:", key=once("duplicate")
        ):
            duplicate_workshop(page.copy_name(info.name, lang()))
            st.rerun()
    with delete_column:
        sure = st.checkbox(
            t(
                f"Ja, „{plain(info.name)}“ mit allen Ständen löschen",
                f"Yes, delete “{plain(info.name)}” and all its snapshots",
            ),
            key=f"workshops_sure_{info.id}",
        )
        if st.button(
            t("Workshop löschen", "Delete workshop"), icon=":material/delete:", disabled=not sure, key=once("delete")
        ):
            delete_workshop()
            st.rerun()


def list_section() -> None:
    """Every stored workshop, the latest first, with a way to open one."""
    listed = all_workshops()
    st.subheader(t(f"Alle Workshops ({len(listed)})", f"All workshops ({len(listed)})"))
    table = shared_table("workshops_table", lambda: page.workshop_table(listed, workshop_id(), lang()), tuple(listed))
    st.dataframe(table, hide_index=True, width="stretch")
    if presenter() or len(listed) < 2:
        return
    others = page.other_workshops(listed, workshop_id())
    choice, button = st.columns([3, 1], vertical_alignment="bottom")
    picked = choose(choice, t("Anderen Workshop öffnen", "Open another workshop"), others, "workshops_other")
    opened = button.button(t("Öffnen", "Open"), icon=":material/folder_open:", width="stretch", key="workshops_open")
    if opened and picked:
        open_workshop(picked)
        st.rerun()


def new_section() -> None:
    """Create a workshop: empty, from the demo, or from an Excel list."""
    st.subheader(t("Neuer Workshop", "New workshop"))
    sources = {value: say_text(words) for value, words in page.SOURCES.items()}
    source = st.radio(
        t("Beginnen mit", "Start from"),
        list(sources),
        format_func=sources.__getitem__,
        horizontal=True,
        key="workshops_new_source",
    )
    name = st.text_input(t("Name des neuen Workshops", "Name of the new workshop"), key="workshops_new_name")
    upload = None
    if source == "file":
        upload = uploader(t("Maßnahmenliste", "Measure list"), page.LIST_TYPES, key="workshops_file")
    if st.button(t("Workshop anlegen", "Create workshop"), icon=":material/add:", type="primary", key=once("create")):
        if source == "empty":
            new = new_workshop()
        elif source == "demo":
            new = demo_workshop()
        elif upload is None:
            st.error(t("Bitte zuerst eine Datei wählen.", "Please choose a file first."))
            return
        else:
            try:
                with st.spinner(t("Liste wird gelesen …", "Reading the list …")):
                    result = import_sheets(read_sheets_apart(upload.getvalue(), upload.name), upload.name)
            except RoadmapError as error:
                st.error(say(error), icon=":material/error:")
                return
            new = Workshop(profile=result.profile or new_workshop().profile, measures=tuple(result.measures))
        if name.strip() and not new.profile.name:  # a new firm's workshop is named after the firm
            new = new.with_changes(profile=new.profile.with_changes(name=name.strip()))
        create_workshop(new, page.new_name(name, new.profile.name, upload.name if upload else "", lang()))
        st.rerun()


def snapshot_section() -> None:
    """Take, restore, delete and compare named snapshots of the open workshop."""
    listed = snapshots()
    st.subheader(t("Stände", "Snapshots"))
    st.caption(say_text(page.SNAPSHOT_HINT))
    if not presenter():
        with st.form(f"workshops_snapshot_{len(listed)}", border=False):
            proposal = page.snapshot_proposal(datetime.now(), lang())
            label, button = st.columns([3, 1], vertical_alignment="bottom")
            name = label.text_input(
                t("Name des Stands", "Snapshot name"), placeholder=proposal, key="workshops_snapshot_name"
            )
            if button.form_submit_button(
                t("Stand festhalten", "Take snapshot"), icon=":material/photo_camera:", key="workshops_snapshot_take"
            ):
                take_snapshot(name.strip() or proposal)
                st.toast(t("Stand gespeichert.", "Snapshot saved."), icon=":material/check_circle:")
                st.rerun()
    if not listed:
        st.info(t("Noch keine Stände.", "No snapshots yet."), icon=":material/info:")
        return
    st.dataframe(page.snapshot_table(listed, lang()), hide_index=True, width="stretch")
    names = page.snapshot_names(listed, lang())
    if not presenter():
        pick, restore, remove = st.columns([3, 1, 1], vertical_alignment="bottom")
        chosen = choose(pick, t("Stand", "Snapshot"), names, "workshops_pick")
        if restore.button(
            t("Wiederherstellen", "Restore"), icon=":material/restore:", width="stretch", key=once("restore")
        ):
            restore_snapshot(chosen)
            st.rerun()
        if remove.button(
            t("Löschen", "Delete"), icon=":material/delete:", width="stretch", key=f"workshops_drop_{len(listed)}"
        ):
            delete_snapshot(chosen)
            st.rerun()
    compare_section(names)


def compare_section(names: dict[str, str]) -> None:
    """What changed between two snapshots, or between a snapshot and now."""
    st.markdown(t("**Vergleichen**", "**Compare**"))
    choices = page.after_choices(names, lang())
    left, right = st.columns(2)
    first = choose(left, t("Vorher", "Before"), names, "workshops_before")
    # a new or deleted snapshot shows "now" again
    second = choose(right, t("Nachher", "After"), choices, f"workshops_after_{len(names)}", index=len(choices) - 1)
    # A snapshot's plan is the one made as of the month it was taken, like the baseline's: compared with
    # now, the months a measure moved are its slip on the Umsetzung page (followup.moves).
    listed = {s.id: s for s in snapshots()}
    before = load_snapshot(first)
    before_plan = snapshot_plan(listed[first])
    if second == NOW:
        result = compare(before, workshop(), before_plan=before_plan, after_plan=current_plan())
    else:
        result = compare(
            before, load_snapshot(second), before_plan=before_plan, after_plan=snapshot_plan(listed[second])
        )
    for sentence in result.summary():
        st.markdown(f"- {say(sentence)}")
    if result.years:
        st.dataframe(page.year_table(result.years, lang()), hide_index=True)


def main() -> None:
    """Draw the page: lists and snapshots in presenter mode, else also the workshop's controls and a new one."""
    st.title(t("Workshops & Stände", "Workshops & snapshots"))
    st.markdown(say_text(page.INTRO))
    if presenter():  # the shared screen shows this client's workshop only, never the other clients'
        st.subheader(plain(workshop_info().name) or t("Unbenannter Workshop", "Untitled workshop"))
        snapshot_section()
        return
    current_section()
    st.divider()
    snapshot_section()
    st.divider()
    left, right = split("workshops", 2)
    with left:
        list_section()
    with right:
        new_section()


main()
