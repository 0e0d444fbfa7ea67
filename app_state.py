"""The workshop of this browser session behind a small interface, plus language and presenter mode.

Pages read the workshop with `workshop()` and change it only through `save()` (or the widget
callback `update()`); nothing else touches session state for it, so a persistent store can take
over here without touching the pages.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import streamlit as st

from roadmap import formats
from roadmap.messages import Message, RoadmapError
from roadmap.model import FIELDS_EN, OPTIMAL, STATUSES_EN, Workshop
from roadmap.plan import Plan
from roadmap.planner import plan as make_plan
from roadmap.serialize import workshop_from_json

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo_workshop.json"

_WORKSHOP = "workshop"
_REVISION = "workshop_revision"
_PLAN = "_plan_memo"
_ERRORS = "_field_errors"
_NOTICE = "_notice"
LANG = "lang"
PRESENTER = "presenter"

log = logging.getLogger("roadmap.app")


@functools.cache
def demo_workshop() -> Workshop:
    """The demo workshop from data/ (a fictional firm of 45 people), read once per server."""
    return workshop_from_json(DEMO_FILE.read_text(encoding="utf-8"))


def workshop() -> Workshop:
    """The workshop of this session; the demo workshop on first start."""
    if _WORKSHOP not in st.session_state:
        st.session_state[_WORKSHOP] = demo_workshop()
        st.session_state[_REVISION] = 0
    return st.session_state[_WORKSHOP]


def revision() -> int:
    """A number that grows with every saved change (widget keys use it to follow outside changes)."""
    workshop()
    return int(st.session_state.get(_REVISION, 0))


def save(changed: Workshop, notice: Message | None = None) -> None:
    """Make `changed` the session's workshop; `notice` is shown once on the next run (e.g. 'imported')."""
    st.session_state[_WORKSHOP] = changed
    st.session_state[_REVISION] = revision() + 1
    if notice is not None:
        st.session_state[_NOTICE] = notice


def show_notice() -> None:
    """Show the notice left by the last change, once."""
    notice = st.session_state.pop(_NOTICE, None)
    if notice is not None:
        st.toast(say(notice), icon=":material/check_circle:")


def current_plan() -> Plan:
    """The roadmap of the current workshop, computed once per change (with a spinner in optimal mode)."""
    current = workshop()
    memo = st.session_state.get(_PLAN)
    if memo is not None and memo[0] == revision():
        return memo[1]
    if current.profile.mode == OPTIMAL and current.measures:
        with st.spinner(
            t(
                "Optimaler Plan wird berechnet (höchstens 10 Sekunden) …",
                "Finding the optimal plan (10 seconds at most) …",
            )
        ):
            result = make_plan(current.measures, current.profile)
    else:
        result = make_plan(current.measures, current.profile)
    st.session_state[_PLAN] = (revision(), result)
    return result


# --- language -----------------------------------------------------------------------------------


def default_lang() -> str:
    """The language from ROADMAP_LANG ('de' unless it says 'en')."""
    return "en" if os.environ.get("ROADMAP_LANG", "de").strip().lower().startswith("en") else "de"


def lang() -> str:
    """The session's language, 'de' or 'en'."""
    if LANG not in st.session_state:
        st.session_state[LANG] = default_lang()
    return "en" if st.session_state[LANG] == "en" else "de"


def t(de: str, en: str) -> str:
    """The German or the English text, by the session's language."""
    return en if lang() == "en" else de


def say(message: Message | RoadmapError) -> str:
    """A core message or error in the session's language."""
    if isinstance(message, RoadmapError):
        return message.text(lang())
    return message(lang())


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


def show_chart(key: str, build: Callable[[], Any]) -> None:
    """Draw an Altair chart whose spec is built (and schema-checked) once per change and language.

    Building and validating an Altair spec costs tens of milliseconds with hundreds of measures;
    the finished Vega-Lite dict is kept in session state and drawn directly on reruns.
    """
    memo_key = f"_chart_{key}"
    stamp = (revision(), lang())
    memo = st.session_state.get(memo_key)
    if memo is None or memo[0] != stamp:
        memo = (stamp, build().to_dict())
        st.session_state[memo_key] = memo
    st.vega_lite_chart(spec=memo[1], width="stretch", key=f"{key}_chart")


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


def update(key: str, apply: Callable[[Workshop, Any], Workshop]) -> None:
    """Widget callback: apply the widget's value to the workshop and save, or keep the error for the field."""
    errors: dict[str, str] = st.session_state.setdefault(_ERRORS, {})
    try:
        changed = apply(workshop(), st.session_state[key])
    except RoadmapError as error:
        errors[key] = error.text(lang())
        return
    errors.pop(key, None)
    save(changed)
    st.session_state[f"_{key}__revision"] = revision()


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
        st.error(error.text(lang()), icon=":material/warning:")
    except Exception:
        if os.environ.get("ROADMAP_STRICT"):  # the tests want to see every error
            raise
        log.exception("page failed")
        st.error(
            t(
                "Hier ist etwas schiefgelaufen. Ihre Daten sind unverändert; bitte die Seite neu laden.",
                "Something went wrong here. Your data is unchanged; please reload the page.",
            ),
            icon=":material/warning:",
        )


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
            "pages/7_import_export.py",
            label=t("Excel-Liste importieren", "Import an Excel list"),
            icon=":material/upload_file:",
        )
    with right:
        st.page_link(
            "pages/3_massnahmen.py",
            label=t("Maßnahmen aus dem Katalog", "Measures from the catalogue"),
            icon=":material/edit_note:",
        )
    return True
