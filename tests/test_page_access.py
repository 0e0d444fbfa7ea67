"""The app's door: what a session without access sees on any path, who is let in without a code, and
what the moderator is told about the network (ui/access.py, app.py).

AppTest cannot set the client's address (st.context.ip_address): the tests replace
`ui.access._client_address` and `ui.access._own_addresses`, the seam where the app reads them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

import ui.access
from roadmap.domain.measure import Measure
from roadmap.domain.profile import Profile
from roadmap.domain.workshop import Workshop
from roadmap.store.participation import Participation
from tests.helpers import REPO
from tests.pages import open_page
from ui.session import store

ROOM = Workshop(Profile(name="Müller GmbH"), (Measure("M01", "ERP-Einführung"),))
LAPTOP = "192.168.1.20"  # the server's own network address in these tests
COLLEAGUE = "192.168.1.77"


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The server's own addresses are loopback and LAPTOP; no access code unless a test sets one; a
    limiter of wrong codes for this test alone."""
    monkeypatch.delenv("ROADMAP_ACCESS_CODE", raising=False)
    monkeypatch.setattr(ui.access, "_own_addresses", lambda: frozenset({"127.0.0.1", "::1", LAPTOP}))
    ui.access._limiter.cache_clear()
    yield monkeypatch
    ui.access._limiter.cache_clear()


def opened_room() -> tuple[str, str]:
    """A stored workshop with an open room: (workshop id, the phones' token)."""
    ident = store().create(ROOM, "Müller GmbH")
    _, token = Participation(store()).open_room(ident, time.time())
    return ident, token


def client(monkeypatch: pytest.MonkeyPatch, address: str | None) -> None:
    """The next sessions come from `address` (None: loopback, as Streamlit reports it)."""
    monkeypatch.setattr(ui.access, "_client_address", lambda: address)


def asking_for(monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    """Every run asks for `path` as a browser does that opens /path (AppTest only sends page hashes)."""
    original = PagesManager.set_script_intent

    def intent(self: PagesManager, page_script_hash: str, page_name: str) -> None:
        original(self, page_script_hash, page_name or path)

    monkeypatch.setattr(PagesManager, "set_script_intent", intent)


def start(params: dict[str, str] | None = None) -> AppTest:
    os.environ["ROADMAP_STRICT"] = "1"
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    return app.run()


def test_an_apptest_session_has_no_address_as_a_loopback_client_in_streamlit() -> None:
    seen: list[str | None] = []
    real = ui.access._client_address
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ui.access, "_client_address", lambda: seen.append(real()) or real())
        start()

    assert seen and set(seen) == {None}


def test_without_a_code_another_device_gets_a_refusal_and_no_moderator_page(network: pytest.MonkeyPatch) -> None:
    client(network, COLLEAGUE)

    app = start({"w": store().create(ROOM, "Müller GmbH")})

    assert not app.exception
    assert "nur auf dem Computer" in app.error[0].value
    assert "Zugangscode setzen" in app.info[0].value
    assert not app.sidebar.children and not app.text_input and not app.button and not app.number_input


@pytest.mark.parametrize("address", [None, LAPTOP, "::ffff:127.0.0.1"])
def test_without_a_code_this_machine_gets_the_moderator_pages(network: pytest.MonkeyPatch, address: str | None) -> None:
    client(network, address)

    app = start()

    assert not app.exception and not app.error
    assert app.sidebar.children


def test_without_a_code_a_phone_link_still_works_from_another_device(network: pytest.MonkeyPatch) -> None:
    _, token = opened_room()
    client(network, COLLEAGUE)

    app = start({"p": token})

    assert not app.exception and not app.error
    assert "Moderation" in app.info[0].value


def test_with_a_code_another_device_gets_the_code_form(network: pytest.MonkeyPatch) -> None:
    network.setenv("ROADMAP_ACCESS_CODE", "Werkbank-42")
    client(network, COLLEAGUE)

    app = start()

    assert not app.exception
    assert app.text_input(key="access_code")


@pytest.mark.parametrize(("path", "params"), [("zugang", {}), ("mitmachen", {"p": "set below"})])
def test_the_door_opens_under_its_own_path(network: pytest.MonkeyPatch, path: str, params: dict[str, str]) -> None:
    network.setenv("ROADMAP_ACCESS_CODE", "Werkbank-42")
    if params:
        params = {"p": opened_room()[1]}
    asking_for(network, path)

    app = start(params)

    assert not app.exception, app.exception
    assert app.text_input  # the code form, or the phone's name field


def test_a_locked_address_is_told_how_long_to_wait_before_anybody_types(network: pytest.MonkeyPatch) -> None:
    network.setenv("ROADMAP_ACCESS_CODE", "Werkbank-42")
    client(network, "203.0.113.9")
    for _ in range(10):
        ui.access._limiter().attempt(f"script-{time.monotonic()}", "203.0.113.9", "falsch", "Werkbank-42")

    app = start()

    assert "Sekunden" in app.warning[0].value
    app.text_input(key="access_code").input("Werkbank-42")
    app.button(key="access_open").click().run()
    assert "Zu viele falsche Versuche" in app.error[0].value and not app.sidebar.children


def test_a_session_let_in_stays_in_when_its_address_is_locked_later(network: pytest.MonkeyPatch) -> None:
    network.setenv("ROADMAP_ACCESS_CODE", "Werkbank-42")
    client(network, "198.51.100.4")
    app = start()
    app.text_input(key="access_code").input("Werkbank-42")
    app.button(key="access_open").click().run()
    assert app.sidebar.children

    for _ in range(10):
        ui.access._limiter().attempt(f"script-{time.monotonic()}", "198.51.100.4", "falsch", "Werkbank-42")
    app.run()

    assert ui.access._limiter().wait("new-tab", "198.51.100.4") > 0
    assert not app.exception and app.sidebar.children
    assert "access_code" not in {field.key for field in app.text_input}


@pytest.mark.parametrize(
    ("listen", "code", "said"),
    [
        ("", "", "alle Netzwerkschnittstellen); ohne Zugangscode öffnen sich die Moderationsseiten nur auf diesem"),
        ("0.0.0.0", "Werkbank-42", "ein Zugangscode schützt die Moderationsseiten"),
        ("127.0.0.1", "", "hört nur auf diesem Computer"),
    ],
)
def test_the_moderator_sees_whom_the_server_listens_to_and_what_protects_it(
    network: pytest.MonkeyPatch, listen: str, code: str, said: str
) -> None:
    if code:
        network.setenv("ROADMAP_ACCESS_CODE", code)
    network.setattr(ui.access, "_listen_address", lambda: listen)
    ident, _ = opened_room()
    if code:
        network.setattr(ui.access, "access_granted", lambda: True)

    app = open_page("app_pages/04_priorisierung.py", ident=ident)
    app.segmented_control(key="priorisierung_section").set_value("phones").run()

    assert not app.exception
    assert any(said in caption.value for caption in app.caption)
