"""The error boundary of pages and widget callbacks, and the notices left for the next drawing.

No error reaches the user as a traceback: a page runs inside `friendly_errors()`, a callback
inside `guarded`; the core's errors are said in words, anything else as SOMETHING_WENT_WRONG (and
logged). A change's outcome (`notify`, `warn`) is shown once at the top of the page by `show_notice()`, a
warning until a run that drew it has ended (`notices_seen()`).
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec

import streamlit as st

from roadmap.domain.messages import Message, RoadmapError
from ui.language import say
from ui.screen import slot

_NOTICE = "_notice"
_WARNING = "_store_warning"
_DRAWN = "_warning_drawn"  # the warning this run drew, forgotten when the run ends

SOMETHING_WENT_WRONG = Message(
    "Hier ist etwas schiefgelaufen. Ihre Daten sind unverändert; bitte die Seite neu laden.",
    "Something went wrong here. Your data is unchanged; please reload the page.",
)

log = logging.getLogger("roadmap.app")

P = ParamSpec("P")


def _strict() -> bool:
    """True under the tests (ROADMAP_STRICT): they want to see every error."""
    return bool(os.environ.get("ROADMAP_STRICT"))


def notify(message: Message) -> None:
    """Tell the user something once, at the top of the next drawing of the page (a toast)."""
    st.session_state[_NOTICE] = message


def warn(text: str) -> None:
    """Warn the user once, at the top of the next drawing of the page (`text` is Markdown, escaped)."""
    st.session_state[_WARNING] = text


def show_notice() -> None:
    """Show the notice or warning left by the last change, once, in a place of its own at the top.

    The warning stays kept until a run that drew it ends (`notices_seen`): a run overtaken by the
    next click never reaches the browser whole, and a warning drawn only there (someone else saved
    first) would be lost unseen. The toast is spent when drawn: the browser shows it as it arrives.
    """
    warning = st.session_state.get(_WARNING)
    with slot():  # the page below keeps its place (and what is being typed) when the warning comes or goes
        if warning:
            st.warning(warning, icon=":material/sync_problem:")
    st.session_state[_DRAWN] = warning
    notice = st.session_state.pop(_NOTICE, None)
    if notice is not None:
        st.toast(say(notice), icon=":material/check_circle:")


def notices_seen() -> None:
    """Last in a full run of a page: the warning drawn in it has reached the browser; forget it (a warning
    left meanwhile, by this run's own changes, waits for the next drawing)."""
    drawn = st.session_state.pop(_DRAWN, None)
    if drawn is not None and st.session_state.get(_WARNING) is drawn:
        del st.session_state[_WARNING]


def guarded(callback: Callable[P, None]) -> Callable[P, None]:
    """A widget callback inside the same safety net as the page.

    Streamlit runs callbacks before the page, outside `friendly_errors`: without this, an error
    in one (a quick double click, a store that went away) replaces the page with a traceback.
    Every change is saved in one transaction, so a failed callback leaves the workshop as it was;
    the message is shown at the top of the page.
    """

    @functools.wraps(callback)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            callback(*args, **kwargs)
        except RoadmapError as error:
            warn(say(error))
        except Exception:
            if _strict():
                raise
            log.exception("callback failed")
            warn(say(SOMETHING_WENT_WRONG))

    return run


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn any error of a page into a plain message instead of a traceback (and log it)."""
    try:
        yield
    except RoadmapError as error:
        st.error(say(error), icon=":material/warning:")
    except Exception:
        if _strict():
            raise
        log.exception("page failed")
        st.error(say(SOMETHING_WENT_WRONG), icon=":material/warning:")
