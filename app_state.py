"""The session's workshop behind a small interface (saved at once in the store), language, presenter mode.

Pages read the workshop with `workshop()` and change it only through `save()` (or the widget
callback `update()`). Every change is written to the store (roadmap/store/workshops.py) before the page
finishes drawing; the session keeps the workshop and its version, and `sync()` takes over what
another tab or person saved meanwhile.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from roadmap.access import RateLimiter
from roadmap.domain import formats
from roadmap.domain.messages import Message, RoadmapError
from roadmap.domain.model import FIELDS_EN, OPTIMAL, STATUSES_EN, Workshop
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan as make_plan
from roadmap.store.workshops import Conflict, NotFound, Store
from roadmap.views import escape
from roadmap.views.column_specs import ColumnSpec
from roadmap.workshop.serialize import workshop_from_json

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_workshop.json"

_ID = "workshop_id"
_WORKSHOP = "workshop"
_VERSION = "workshop_version"
_REVISION = "workshop_revision"
_SAVED_AT = "_saved_at"
_ERRORS = "_field_errors"
_NOTICE = "_notice"
_WARNING = "_store_warning"
LANG = "lang"
PRESENTER = "presenter"
WORKSHOP_PARAM = "w"  # the workshop's id in the URL, so a link opens it

log = logging.getLogger("roadmap.app")


@functools.cache
def demo_workshop() -> Workshop:
    """The demo workshop from data/ (a fictional firm of 45 people), read once per server."""
    return workshop_from_json(DEMO_FILE.read_text(encoding="utf-8"))


@functools.cache
def _store_at(url: str) -> Store:
    return Store.open(url or None)


def store() -> Store:
    """The store of this server process (DATABASE_URL, else data/roadmap.sqlite), opened once.

    Raises:
        RoadmapError: if the database cannot be opened (the app then shows the message and stops).
    """
    return _store_at(os.environ.get("DATABASE_URL", ""))


def _hold(ident: str, current: Workshop, version: int) -> None:
    """Make this the session's workshop (and its version); widgets follow via the revision."""
    st.session_state[_ID] = ident
    st.session_state[_WORKSHOP] = current
    st.session_state[_VERSION] = version
    st.session_state[_REVISION] = int(st.session_state.get(_REVISION, 0)) + 1


def open_workshop(ident: str) -> None:
    """Switch this session to a stored workshop.

    Raises:
        NotFound: if there is no workshop with this id.
    """
    current, version = store().load(ident)
    _hold(ident, current, version)
    st.query_params[WORKSHOP_PARAM] = ident


def create_workshop(new: Workshop, name: str) -> str:
    """Store a new workshop, open it in this session and return its id."""
    ident = store().create(new, name)
    open_workshop(ident)
    return ident


def sync() -> None:
    """Once per run: open the workshop named in the link, else the session's or the latest one,
    and take over changes that another tab or person saved meanwhile."""
    wanted = st.query_params.get(WORKSHOP_PARAM)
    held = st.session_state.get(_ID)
    if wanted and wanted != held:
        try:
            open_workshop(wanted)
            return
        except NotFound:
            st.session_state[_WARNING] = t(
                "Den Workshop aus dem Link gibt es nicht (mehr); ein anderer wurde geöffnet.",
                "The workshop from the link does not exist (any more); another one was opened.",
            )
            held = None
    if held:
        try:
            stored = store().info(held)
        except NotFound:
            st.session_state[_WARNING] = t(
                "Dieser Workshop wurde inzwischen gelöscht; ein anderer wurde geöffnet.",
                "This workshop has been deleted meanwhile; another one was opened.",
            )
        else:
            if stored.version != st.session_state.get(_VERSION):
                open_workshop(held)
            elif st.query_params.get(WORKSHOP_PARAM) != held:
                st.query_params[WORKSHOP_PARAM] = held
            return
    listed = store().workshops()
    if listed:
        open_workshop(listed[0].id)
    else:  # the very first start: a full example to look at
        create_workshop(demo_workshop(), demo_workshop().profile.name)


def workshop_id() -> str:
    """The id of the session's workshop."""
    if _ID not in st.session_state:
        sync()
    return str(st.session_state[_ID])


def workshop() -> Workshop:
    """The workshop of this session."""
    if _WORKSHOP not in st.session_state:
        sync()
    return st.session_state[_WORKSHOP]


def revision() -> int:
    """A number that grows whenever the session's workshop changes (widget keys use it)."""
    workshop()
    return int(st.session_state.get(_REVISION, 0))


def _change(action: Callable[[int], tuple[Workshop, int]]) -> bool:
    """Run one change against the store from the session's version and hold its result.

    If someone else saved first, the session takes over their state and is told so plainly;
    if the store fails, the message is kept for the page. Either way the change is not applied.
    """
    ident = workshop_id()
    try:
        changed, version = action(int(st.session_state[_VERSION]))
    except Conflict as conflict:
        _hold(ident, conflict.workshop, conflict.version)
        st.session_state[_WARNING] = say(conflict)
        return False
    except RoadmapError as error:
        st.session_state[_WARNING] = say(error)
        return False
    _hold(ident, changed, version)
    st.session_state[_SAVED_AT] = datetime.now()
    return True


def save(changed: Workshop, notice: Message | None = None) -> bool:
    """Save `changed` at once as the session's workshop; `notice` is shown once and labels the undo step.

    Returns False (and leaves a plain message) if someone else changed the workshop first — the
    session then shows their state — or if the store is unreachable.
    """
    ident = workshop_id()
    if not _change(lambda version: (changed, store().save(ident, changed, version, label=notice))):
        return False
    if notice is not None:
        st.session_state[_NOTICE] = notice
    return True


SOMETHING_WENT_WRONG = Message(
    "Hier ist etwas schiefgelaufen. Ihre Daten sind unverändert; bitte die Seite neu laden.",
    "Something went wrong here. Your data is unchanged; please reload the page.",
)


def guarded(callback: Callable[..., None]) -> Callable[..., None]:
    """A widget callback inside the same safety net as the page.

    Streamlit runs callbacks before the page, outside `friendly_errors`: without this, an error
    in one (a quick double click, a store that went away) replaces the page with a traceback.
    Every change is saved in one transaction, so a failed callback leaves the workshop as it was;
    the message is shown at the top of the page.
    """

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            callback(*args, **kwargs)
        except RoadmapError as error:
            st.session_state[_WARNING] = say(error)
        except Exception:
            if os.environ.get("ROADMAP_STRICT"):
                raise
            log.exception("callback failed")
            st.session_state[_WARNING] = say(SOMETHING_WENT_WRONG)

    return run


@guarded
def step_back(redo: bool = False) -> None:
    """Undo (or redo) the last change of the session's workshop."""
    ident = workshop_id()
    _change(lambda version: (store().redo if redo else store().undo)(ident, version))


def restore_snapshot(snapshot_id: str) -> None:
    """Make a snapshot the current state (an undoable change)."""
    _change(lambda version: store().restore_snapshot(snapshot_id, version))


def saved_at() -> datetime | None:
    """When this session last saved a change."""
    return st.session_state.get(_SAVED_AT)


def show_notice() -> None:
    """Show the notice or warning left by the last change, once."""
    warning = st.session_state.pop(_WARNING, None)
    if warning:
        st.warning(warning, icon=":material/sync_problem:")
    notice = st.session_state.pop(_NOTICE, None)
    if notice is not None:
        st.toast(say(notice), icon=":material/check_circle:")


class _SharedCache:
    """Results that depend only on a stored workshop version, shared by every session of this server.

    A plan or a chart spec of workshop X in version 7 is the same for every viewer, so a second
    tab, a reload or a page switch reuses it instead of planning or validating a spec again.
    """

    def __init__(self, size: int = 128) -> None:
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        """The value for `key`, made (outside the lock) if it is not known yet."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


_SHARED = _SharedCache()


def _stored_state() -> tuple[str, int]:
    """The session's workshop id and the stored version its content belongs to."""
    workshop()
    return str(st.session_state[_ID]), int(st.session_state[_VERSION])


def current_plan() -> Plan:
    """The roadmap of the current workshop, computed once per stored version (spinner in optimal mode)."""
    current = workshop()

    def make() -> Plan:
        if current.profile.mode == OPTIMAL and current.measures:
            waiting = t("Optimaler Plan wird berechnet (bis zu 10 s) …", "Finding the optimal plan (up to 10 s) …")
            with st.spinner(waiting):
                return make_plan(current.measures, current.profile)
        return make_plan(current.measures, current.profile)

    return _SHARED.get(("plan", *_stored_state()), make)


def shared(key: str, build: Callable[[], Any], *extra: Any) -> Any:
    """Something derived from the workshop (rows, texts) and the language, made once per stored version."""
    return _SHARED.get(("view", key, *_stored_state(), lang(), *extra), build)


def chart_spec(key: str, build: Callable[[], Any], *extra: Any) -> dict[str, Any]:
    """An Altair chart's Vega-Lite dict, built and schema-checked once per stored version and language.

    Building and validating an Altair spec costs tens to hundreds of milliseconds with many
    measures; the finished dict is shared and drawn directly (`extra` adds e.g. today's date).
    """
    return _SHARED.get(("chart", key, *_stored_state(), lang(), *extra), lambda: build().to_dict())


# --- access code --------------------------------------------------------------------------------

_ACCESS = "_access_granted"
_ACCESS_SESSION = "_access_session"


@functools.cache
def _limiter() -> RateLimiter:
    return RateLimiter()


def _expected_code() -> str:
    return os.environ.get("ROADMAP_ACCESS_CODE", "")


def access_granted() -> bool:
    """True without ROADMAP_ACCESS_CODE, or once this session entered it (draws nothing)."""
    return not _expected_code() or bool(st.session_state.get(_ACCESS))


def access_form() -> None:
    """The code form: the only thing a session sees, on any path, until it entered the code.

    The code is compared in constant time; wrong tries are limited per session and per client
    address (roadmap/access.py), so a guesser is slowed down while colleagues can still log in.
    """
    st.title("Digital-Roadmap für KMU")
    with st.form("access_form"):
        given = st.text_input(t("Zugangscode", "Access code"), type="password", key="access_code")
        entered = st.form_submit_button(t("Öffnen", "Open"), icon=":material/lock_open:")
    if entered:
        session = st.session_state.setdefault(_ACCESS_SESSION, uuid.uuid4().hex)
        verdict = _limiter().attempt(session, st.context.ip_address or "local", given or "", _expected_code())
        if verdict.ok:
            st.session_state[_ACCESS] = True
            st.rerun()
        st.error(say(verdict.message()), icon=":material/lock:")


# --- language -----------------------------------------------------------------------------------


def default_lang() -> str:
    """The language from ROADMAP_LANG ('de' unless it says 'en')."""
    return "en" if os.environ.get("ROADMAP_LANG", "de").strip().lower().startswith("en") else "de"


def lang() -> str:
    """The session's language, 'de' or 'en'."""
    chosen = st.session_state.get(LANG)
    if chosen is None:
        chosen = st.session_state[LANG] = default_lang()
    return "en" if chosen == "en" else "de"


def t(de: str, en: str) -> str:
    """The German or the English text, by the session's language."""
    return en if lang() == "en" else de


def say_text(message: Message | RoadmapError) -> str:
    """A core message or error in the session's language, for places that never render Markdown
    (placeholders, alt texts, select options, table labels)."""
    if isinstance(message, RoadmapError):
        return message.text(lang())
    return message(lang())


def say(message: Message | RoadmapError) -> str:
    """A core message or error in the session's language, escaped for Streamlit's Markdown.

    Messages carry people's words (titles, names, sheet names): captions, alerts, toasts, labels
    and options render Markdown, so these words must stay text (roadmap/views/escape.py).
    """
    return escape.markdown(say_text(message))


def say_markdown(message: Message) -> str:
    """A message the core wrote as Markdown (bold, lists), whose people's words the core escaped."""
    return message(lang())


def plain(text: str) -> str:
    """A person's words (a title, a name) inside Markdown the page writes: shown as typed."""
    return escape.markdown(text)


def field_label(field: str) -> str:
    """A field of action's name in the session's language."""
    return FIELDS_EN.get(field, field) if lang() == "en" else field


def status_label(status: str) -> str:
    """A status's name in the session's language."""
    return STATUSES_EN.get(status, status) if lang() == "en" else status


def euro(amount: float) -> str:
    """An amount of money in the session's format (12.500 € / €12,500)."""
    return formats.euro(amount, lang())


def number(value: float, digits: int = 1) -> str:
    """A number in the session's format."""
    return formats.number(value, lang(), digits)


# --- charts -------------------------------------------------------------------------------------


def show_chart(key: str, build: Callable[[], Any], *extra: Any) -> None:
    """Draw an Altair chart from its shared, cached spec (see `chart_spec`)."""
    # theme=None: the charts bring their own projector-sized fonts and colours
    st.vega_lite_chart(spec=chart_spec(key, build, *extra), width="stretch", theme=None, key=f"{key}_chart")


# --- tables -------------------------------------------------------------------------------------

_COLUMN_TYPES = {
    "text": "TextColumn",
    "number": "NumberColumn",
    "checkbox": "CheckboxColumn",
    "select": "SelectboxColumn",
    "multiselect": "MultiselectColumn",
    "date": "DateColumn",
}


def column_config(specs: Mapping[str, ColumnSpec]) -> dict[str, Any]:
    """Streamlit's column config for columns the core describes (roadmap/views/column_specs.py)."""
    return {
        key: getattr(st.column_config, _COLUMN_TYPES[spec.kind])(spec.label, **spec.options)
        for key, spec in specs.items()
    }


# --- presenter mode -----------------------------------------------------------------------------


def presenter() -> bool:
    """True while presenter mode hides the sidebar and every editing control."""
    return bool(st.session_state.get(PRESENTER, False))


# --- widgets bound to the workshop ---------------------------------------------------------------


def bind(key: str, value: Any) -> None:
    """Give a widget the workshop's value, unless it already shows the latest saved state.

    Call before drawing the widget (which then gets no `value=`): a change made elsewhere
    (import, another page, a reset) shows up, while the user's own input stays as typed.
    """
    marker = f"_{key}__revision"
    if key not in st.session_state or st.session_state.get(marker) != revision():
        st.session_state[key] = value
        st.session_state[marker] = revision()


@guarded
def update(key: str, apply: Callable[[Workshop, Any], Workshop]) -> None:
    """Widget callback: apply the widget's value to the workshop and save, or keep the error for the field."""
    errors: dict[str, str] = st.session_state.setdefault(_ERRORS, {})
    try:
        changed = apply(workshop(), st.session_state[key])
    except RoadmapError as error:
        errors[key] = error.text(lang())
        return
    errors.pop(key, None)
    if save(changed):  # the widget keeps showing what was typed; after a conflict it shows the stored state
        st.session_state[f"_{key}__revision"] = revision()


def once(name: str) -> str:
    """The key of an action button that acts at most once per state of the workshop.

    The key changes with every change of the workshop, so the second click of a quick double
    click (sent by the page as it was before the first one acted) names a button that is gone.
    """
    return f"{name}__{revision()}"


def field_error(key: str) -> None:
    """Show the message of a rejected input right below its field."""
    message = st.session_state.get(_ERRORS, {}).get(key)
    if message:
        st.error(message, icon=":material/warning:")


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn any error of a page into a plain message instead of a traceback (and log it)."""
    try:
        yield
    except RoadmapError as error:
        st.error(say(error), icon=":material/warning:")
    except Exception:
        if os.environ.get("ROADMAP_STRICT"):  # the tests want to see every error
            raise
        log.exception("page failed")
        st.error(say(SOMETHING_WENT_WRONG), icon=":material/warning:")


def notify(message: Message) -> None:
    """Tell the user something once, at the top of the next drawing of the page."""
    st.session_state[_NOTICE] = message


def explain_empty_workshop() -> bool:
    """If the workshop has no measures yet, say what to do first (with links) and return True."""
    if workshop().measures:
        return False
    st.info(
        t(
            "Dieser Workshop hat noch keine Maßnahmen. Beginnen Sie mit Ihrer Excel-Liste oder "
            "wählen Sie typische Maßnahmen aus dem Katalog – danach erscheinen hier Diagramme und Plan.",
            "This workshop has no measures yet. Start with your Excel list or pick typical measures "
            "from the catalogue – the charts and the plan appear here after that.",
        ),
        icon=":material/lightbulb:",
    )
    left, right, _ = st.columns([1, 1, 2])
    with left:
        st.page_link(
            "app_pages/7_import_export.py",
            label=t("Excel-Liste importieren", "Import an Excel list"),
            icon=":material/upload_file:",
        )
    with right:
        st.page_link(
            "app_pages/3_massnahmen.py",
            label=t("Maßnahmen aus dem Katalog", "Measures from the catalogue"),
            icon=":material/edit_note:",
        )
    return True
