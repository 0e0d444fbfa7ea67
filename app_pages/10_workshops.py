"""Workshops & Stände: several clients' workshops side by side, and named snapshots to restore and compare."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from roadmap.domain.messages import RoadmapError
from roadmap.domain.workshop import Workshop
from roadmap.importing.importer import import_sheets
from roadmap.importing.sandbox import read_sheets_apart
from roadmap.workshop.compare import compare
from ui.language import euro, plain, please_choose, say, t
from ui.plans import current_plan, snapshot_plan
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

NOW = "__now__"
LIST_TYPES = ("xlsx", "xlsm", "xls", "ods", "csv")  # what a new workshop's measure list may be


def when(moment: datetime) -> str:
    """A stored time in this server's local time, German or English style."""
    local = moment.astimezone()
    return t(f"{local:%d.%m.%Y, %H:%M}", f"{local:%d %b %Y, %H:%M}")


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
            copy_name = t(f"{info.name} (Kopie)", f"{info.name} (copy)")
            duplicate_workshop(copy_name)
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
    table = pd.DataFrame(
        {
            t("Name", "Name"): [i.name for i in listed],
            t("Maßnahmen", "Measures"): [i.measures for i in listed],
            t("Zuletzt geändert", "Last changed"): [when(i.updated) for i in listed],
            t("Geöffnet", "Open"): ["●" if i.id == workshop_id() else "" for i in listed],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    if presenter() or len(listed) < 2:
        return
    others = {i.id: i.name for i in listed if i.id != workshop_id()}
    choice, button = st.columns([3, 1], vertical_alignment="bottom")
    picked = choice.selectbox(
        t("Anderen Workshop öffnen", "Open another workshop"),
        list(others),
        format_func=others.__getitem__,
        key="workshops_other",
        placeholder=please_choose(),
    )
    opened = button.button(t("Öffnen", "Open"), icon=":material/folder_open:", width="stretch", key="workshops_open")
    if opened and picked:
        open_workshop(picked)
        st.rerun()


def new_section() -> None:
    """Create a workshop: empty, from the demo, or from an Excel list."""
    st.subheader(t("Neuer Workshop", "New workshop"))
    sources = {
        "empty": t("Leer", "Empty"),
        "demo": t("Demo (Schneider Feinmechanik)", "Demo (Schneider Feinmechanik)"),
        "file": t("Aus einer Excel-Liste", "From an Excel list"),
    }
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
        upload = uploader(t("Maßnahmenliste", "Measure list"), LIST_TYPES, key="workshops_file")
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
        fallback = new.profile.name or (upload.name if upload else "") or t("Neuer Workshop", "New workshop")
        if name.strip() and not new.profile.name:  # a new firm's workshop is named after the firm
            new = new.with_changes(profile=new.profile.with_changes(name=name.strip()))
        create_workshop(new, name.strip() or fallback)
        st.rerun()


def snapshot_section() -> None:
    """Take, restore, delete and compare named snapshots of the open workshop."""
    listed = snapshots()
    st.subheader(t("Stände", "Snapshots"))
    st.caption(
        t(
            "Ein Stand hält den Workshop fest, z. B. „vor Workshop 2“. Wiederherstellen lässt sich rückgängig machen.",
            "A snapshot keeps the workshop as it is, e.g. “before workshop 2”. Restoring can be undone.",
        )
    )
    if not presenter():
        with st.form(f"workshops_snapshot_{len(listed)}", border=False):
            proposal = t(f"Stand {datetime.now():%d.%m.%Y %H:%M}", f"Snapshot {datetime.now():%d %b %Y %H:%M}")
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
    st.dataframe(
        pd.DataFrame(
            {
                t("Stand", "Snapshot"): [s.name for s in listed],
                t("Festgehalten", "Taken"): [when(s.created) for s in listed],
                t("Maßnahmen", "Measures"): [s.measures for s in listed],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    names = {s.id: f"{s.name} ({when(s.created)})" for s in listed}
    if not presenter():
        pick, restore, remove = st.columns([3, 1, 1], vertical_alignment="bottom")
        chosen = pick.selectbox(
            t("Stand", "Snapshot"),
            list(names),
            format_func=names.__getitem__,
            key="workshops_pick",
            placeholder=please_choose(),
        )
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
    choices = {**names, NOW: t("Jetzt", "Now")}
    left, right = st.columns(2)
    first = left.selectbox(
        t("Vorher", "Before"),
        list(names),
        format_func=names.__getitem__,
        key="workshops_before",
        placeholder=please_choose(),
    )
    second = right.selectbox(
        t("Nachher", "After"),
        list(choices),
        index=len(choices) - 1,
        format_func=choices.__getitem__,
        key=f"workshops_after_{len(names)}",  # a new or deleted snapshot shows "now" again
        placeholder=please_choose(),
    )
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
        st.dataframe(
            pd.DataFrame(
                {
                    t("Jahr", "Year"): [str(y.year) for y in result.years],
                    t("Vorher", "Before"): [euro(y.before) for y in result.years],
                    t("Nachher", "After"): [euro(y.after) for y in result.years],
                    t("Unterschied", "Difference"): [
                        ("+" if y.difference > 0 else "") + euro(y.difference) for y in result.years
                    ],
                }
            ),
            hide_index=True,
        )


def main() -> None:
    """Draw the page: lists and snapshots in presenter mode, else also the workshop's controls and a new one."""
    st.title(t("Workshops & Stände", "Workshops & snapshots"))
    st.markdown(
        t(
            "Jede Änderung wird sofort gespeichert. Hier liegen die Workshops aller Kunden nebeneinander "
            "(im Präsentationsmodus nur der geöffnete).",
            "Every change is saved at once. Here the workshops of all clients sit side by side "
            "(in presenter mode only the open one).",
        )
    )
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
