"""Helpers for the participation page tests (tests/test_page_participation_*.py): a stored workshop
with an open room, a phone opening its link, and the moderator's section of Priorisierung.

- `ROOM`: the workshop every test stores (two measures and one excluded, three dots per person).
- `rooms()`: the participation store over the session's store.
- `opened(name)`: stores ROOM and opens a room for it: (workshop id, room id, token).
- `phone(token, path, device)`: app.py run with the link `?p=token` (and `&d=device` for a reload).
- `moderator(ident)`: the Priorisierung page of that workshop with its phones section shown.
"""

from __future__ import annotations

import os
import time

from streamlit.testing.v1 import AppTest

from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.store.participation import Participation
from tests.helpers import REPO
from tests.pages import open_page
from ui.participation import dots_key
from ui.session import store

ROOM = Workshop(
    Profile(name="Müller GmbH", dots_per_person=3),
    (Measure("M01", "ERP-Einführung"), Measure("M02", "Cloud-Backup"), Measure("M03", "Alt", excluded=True)),
    participants=2,
)


def rooms() -> Participation:
    return Participation(store())


def opened(name: str = "Müller GmbH") -> tuple[str, str, str]:
    """A stored workshop with an open room: (workshop id, room id, token)."""
    ident = store().create(ROOM, name)
    room, token = rooms().open_room(ident, time.time())
    return ident, room.id, token


def phone(token: str, path: str | None = None, device: str | None = None) -> AppTest:
    """A phone opening the link; with `device`, the link as it reads after the phone's first open (a reload)."""
    os.environ["ROADMAP_STRICT"] = "1"
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.query_params["p"] = token
    if device is not None:
        app.query_params["d"] = device
    app.run()
    if path is not None:
        app.switch_page(path)
        app.run()
    return app


def cast_dots(app: AppTest, round_no: int, dots: dict[str, int]) -> AppTest:
    """Set the phone's dot fields of vote round `round_no` (measure id → dots) and tap "Punkte abgeben"."""
    for measure_id, count in dots.items():
        app.number_input(key=dots_key(round_no, measure_id)).set_value(count)
    return app.button(key="participant_send_dots").click().run()


def moderator(ident: str) -> AppTest:
    app = open_page("app_pages/04_priorisierung.py", ident=ident)
    app.segmented_control(key="priorisierung_section").set_value("phones").run()
    return app
