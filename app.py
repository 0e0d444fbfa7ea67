"""Digital-Roadmap für KMU – entry point: page config, access code, navigation and the shared sidebar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from roadmap.domain.messages import Message, RoadmapError
from ui.access import access_granted, door
from ui.errors import friendly_errors, guarded, notices_seen, show_notice
from ui.language import LANG, lang, plain, say, t
from ui.pager import page_steps
from ui.participation import participant_token, participant_view
from ui.presenter import PRESENTER, presenter, presenter_frame
from ui.room_screen import ROOM_PATH, is_room_session, room_screen, room_screen_entry, show_stage
from ui.screen import SCREEN_CSS
from ui.session import begin_run, saved_at, step_back, sync, undo_state, workshop, workshop_info

st.set_page_config(page_title="Digital-Roadmap für KMU", page_icon="🗺️", layout="wide")


# The ten pages in the order of the navigation (and of their files): the workshop from left to right, the
# scenarios, the import and export, the follow-up after the workshop and the list
# of workshops: file, path, titles, icon.
PAGES: tuple[tuple[str, str, str, str, str], ...] = (
    ("01_unternehmen", "unternehmen", "Unternehmen", "Company", "factory"),
    ("02_bestandsaufnahme", "bestandsaufnahme", "Bestandsaufnahme", "Maturity check", "checklist"),
    ("03_massnahmen", "massnahmen", "Maßnahmen", "Measures", "edit_note"),
    ("04_priorisierung", "priorisierung", "Priorisierung", "Prioritisation", "target"),
    ("05_roadmap", "roadmap", "Roadmap", "Roadmap", "view_timeline"),
    ("06_budget", "budget", "Budget", "Budget", "euro"),
    ("07_szenarien", "szenarien", "Szenarien", "Scenarios", "compare_arrows"),
    ("08_import_export", "import-export", "Import / Export", "Import / export", "import_export"),
    ("09_umsetzung", "umsetzung", "Umsetzung", "Progress", "task_alt"),
    ("10_workshops", "workshops", "Workshops & Stände", "Workshops & snapshots", "folder_open"),
)


# The app's root ("/") is a hidden page of its own that opens the first step under that step's own
# path: Streamlit serves its default page only at "/" and answers the default page's own path with
# its English "Page not found" box, so no step may be the default page.
START_PATH = "start"


def to_first_step() -> None:
    """The app's root: open the first step (Unternehmen), keeping the link's workshop."""
    st.switch_page(f"app_pages/{PAGES[0][0]}.py", query_params=st.query_params.to_dict())


# Each page's title by its path, for the room screen's title card (ui/room_screen.py).
PAGE_TITLES = {path: Message(de, en) for _, path, de, en, _ in PAGES}


_PAGES = "_pages"  # (language, the pages, the start page) as this session made them last


def pages() -> tuple[list[st.Page], st.Page]:
    """The app's pages in the session's language, in the order of the workshop, and the start page.

    Made once per session and language: each st.Page looks for its file on disk, a twentieth of a
    rerun for eleven pages. A session runs one script at a time, so its pages are never shared."""
    known = st.session_state.get(_PAGES)
    if isinstance(known, tuple) and known[0] == lang():
        return known[1], known[2]
    listed = [
        st.Page(f"app_pages/{file}.py", title=t(de, en), icon=f":material/{icon}:", url_path=path)
        for file, path, de, en, icon in PAGES
    ]
    start = start_page()
    st.session_state[_PAGES] = (lang(), listed, start)
    return listed, start


def start_page() -> st.Page:
    """The hidden default page at "/" (see START_PATH)."""
    return st.Page(to_first_step, title=PAGES[0][2], url_path=START_PATH, default=True, visibility="hidden")


LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}  # each in its own language, for the switch


@guarded
def _keep(widget_key: str, setting: str) -> None:
    """Copy a sidebar widget's value into the setting it controls (an emptied choice keeps the old one)."""
    value = st.session_state.get(widget_key)
    if value is not None:
        st.session_state[setting] = value


def _saved_when(moment: datetime) -> str:
    """When the workshop was last saved (by this session, or by anyone before it opened): the time, and
    the day if it was not today."""
    if moment.date() == datetime.now().date():
        # Markdown: the colons escaped, else "12:34:56" reads as an emoji code (":34:") to the browser,
        # which then loads Streamlit's emoji library (a quarter of a megabyte) for every page.
        return moment.strftime("%H:%M:%S").replace(":", "\\:")
    return t(f"{moment:%d.%m.%Y, %H:%M}", f"{moment:%d %b %Y, %H:%M}")


def sidebar() -> None:
    """Workshop name, saved state, undo/redo, language switch and presenter mode."""
    info = workshop_info()
    undo = undo_state()
    language = lang()
    with st.sidebar:
        st.markdown(f"### {plain(info.name) or t('Unbenannter Workshop', 'Untitled workshop')}")
        saved = t("gespeichert", "saved") + f" · {_saved_when(saved_at() or info.updated.astimezone())}"
        st.caption(f":material/cloud_done: {saved} · {t(f'{info.measures} Maßnahmen', f'{info.measures} measures')}")
        back = forward = st.container(horizontal=True)
        back.button(
            t("Rückgängig", "Undo"),
            icon=":material/undo:",
            key="sidebar_undo",
            disabled=not undo.undo,
            help=say(undo.undo_label) if undo.undo_label else None,
            on_click=step_back,
            width="content",
        )
        forward.button(
            t("Wiederholen", "Redo"),
            icon=":material/redo:",
            key="sidebar_redo",
            disabled=not undo.redo,
            help=say(undo.redo_label) if undo.redo_label else None,
            on_click=step_back,
            kwargs={"redo": True},
            width="content",
        )
        # Widget keys differ from the stored settings: Streamlit forgets a widget's state while
        # it is not drawn, and in presenter mode the sidebar is not drawn.
        if st.session_state.get("sidebar_lang") != language:  # the same value again would reset a click on its way
            st.session_state["sidebar_lang"] = language
        st.segmented_control(
            t("Sprache", "Language"),
            options=["de", "en"],
            format_func=LANGUAGE_NAMES.__getitem__,
            key="sidebar_lang",
            selection_mode="single",
            on_change=_keep,
            args=("sidebar_lang", LANG),
        )
        if st.session_state.get("sidebar_presenter") != presenter():
            st.session_state["sidebar_presenter"] = presenter()
        st.toggle(
            t("Präsentationsmodus", "Presenter mode"),
            key="sidebar_presenter",
            on_change=_keep,
            args=("sidebar_presenter", PRESENTER),
            help=t("Große Schrift, keine Bearbeitung, keine Seitenleiste.", "Large type, no editing, no sidebar."),
        )
        room_screen_entry("sidebar")


def requested_path() -> str:
    """The page path the browser asked for ('' for the start page), as Streamlit resolves it."""
    ctx = get_script_run_ctx()
    return (ctx.pages_manager.intended_page_name or "") if ctx is not None else ""


def not_found() -> None:
    """An address that is no page of the app: said in the session's language, with the way back."""
    st.title(t("Diese Seite gibt es nicht", "This page does not exist"))
    st.info(
        t(
            "Die Adresse gehört zu keiner Seite dieser App. Die Arbeit geht auf der Startseite weiter.",
            "The address belongs to no page of this app. Carry on from the start page.",
        ),
        icon=":material/explore_off:",
    )
    st.page_link("app_pages/01_unternehmen.py", label=t("Zur Startseite", "To the start page"), icon=":material/home:")


def with_unknown(listed: list[st.Page], fallback: Callable[[], None], default_path: str) -> list[st.Page]:
    """`listed`, plus a page drawing `fallback` under a requested path that is none of them.

    Streamlit would otherwise show its own English "Page not found" box. The default page among
    `listed` is served at "/" but keeps its own path `default_path` too (Streamlit reserves it, and
    its `url_path` reads ""): a second page there would make "Two pages resolve to /…".
    """
    asked = requested_path()
    known = {page.url_path for page in listed} | {default_path}
    if not asked or asked in known or "/" in asked:
        return listed
    return [*listed, st.Page(fallback, title=t("Nicht gefunden", "Not found"), url_path=asked, visibility="hidden")]


def sole_pages(view: Callable[[], None], title: str, path: str) -> list[st.Page]:
    """`view` under every path of the app and any unknown one, and nothing else.

    st.navigation runs on every request, so Streamlit never falls back to running page files
    on their own, and the app's pages are not even listed.
    """
    paths = [page_path for _, page_path, *_ in PAGES] + [ROOM_PATH]  # a form's rerun finds its page by path
    return with_unknown(
        [
            st.Page(view, title=title, url_path=path, default=True),
            *(st.Page(view, title=title, url_path=page_path) for page_path in paths),
        ],
        view,
        path,
    )


def room() -> None:
    """The room screen: the projector's read-only window that follows the moderator (ui/room_screen.py)."""
    room_screen(PAGE_TITLES)


def room_pages() -> list[st.Page]:
    """For a session that opened the room screen: that view alone, under its own address and every other
    (its default page must have another path: Streamlit answers a default page's own path with "Page not found")."""
    return sole_pages(room, t("Raumbildschirm", "Room screen"), f"{ROOM_PATH}bildschirm")


def locked_pages() -> list[st.Page]:
    """While access is missing: the code form (or, without a code, the refusal to another device) under
    every path, and nothing else."""
    return sole_pages(door, t("Zugang", "Access"), "zugang")


def workshop_app() -> None:
    """The moderator's app: the workshop's pages with the sidebar (or the presenter's frame)."""
    try:
        sync()
    except RoadmapError as error:  # an unreachable, damaged or newer database: say so, never overwrite it
        st.error(say(error), icon=":material/database:")
        return
    listed, start = pages()
    page = st.navigation(
        with_unknown([start, *listed], not_found, START_PATH), position="hidden" if presenter() else "sidebar"
    )
    if page is start:
        page.run()  # opens the first step at once; notices wait for it
    st.html(SCREEN_CSS)  # style only: no element, and none of the markdown HTML parser a new tab would load
    if presenter():
        presenter_frame(listed, page, room_screen_entry)
    else:
        sidebar()
    show_notice()
    with friendly_errors():
        workshop()
        if page in listed:
            show_stage(page.url_path)  # the room screen follows the moderator's page
        page.run()
    page_steps(listed, page)
    notices_seen()  # last: a run overtaken before this point keeps its warning for the next one


def main() -> None:
    """One run of the app: a phone's view, the access code, the projector's window or the workshop.

    Every branch ends by returning, never with `st.stop()`: that call drops a rerun the browser asked for
    while the run was ending (a phone's third quick tap on + was lost that way), and a stopped run keeps
    the fields of a view no longer shown (docs/architecture.md, One run at a time).
    """
    begin_run()  # the store is read afresh in every run, once per thing asked
    lang()  # the language must be known before the page titles are drawn
    if participant_token() is not None:  # a phone's link: its participant view and nothing else, no code
        st.navigation(sole_pages(participant_view, t("Mitmachen", "Take part"), "mitmachen"), position="hidden").run()
        return
    room_window = is_room_session(requested_path())  # known before the code: the rerun after it names no path
    if not access_granted():
        st.navigation(locked_pages(), position="hidden").run()
    elif room_window:  # the projector's window: read-only, no sidebar, no page of its own
        st.navigation(room_pages(), position="hidden").run()
    else:
        workshop_app()


main()
