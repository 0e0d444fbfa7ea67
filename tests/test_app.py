"""The app's frame: navigation, sidebar, language switch, presenter mode, the demo on first start."""

from __future__ import annotations

import os

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


def _start(**state: object) -> AppTest:
    os.environ["ROADMAP_STRICT"] = "1"
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for key, value in state.items():
        app.session_state[key] = value
    return app.run()


def test_a_new_user_sees_the_demo_workshop_on_the_company_page() -> None:
    app = _start()

    assert not app.exception
    assert app.title[0].value == "Unternehmen"
    assert app.sidebar.markdown[0].value == "### Schneider Feinmechanik GmbH"
    assert app.session_state["workshop"].measures


def test_the_language_switch_turns_the_page_english() -> None:
    app = _start()

    app.session_state["lang"] = "en"
    app.run()

    assert not app.exception
    assert app.title[0].value == "Company"


def test_presenter_mode_hides_the_sidebar_and_every_input() -> None:
    app = _start(presenter=True)

    assert not app.exception
    assert len(app.sidebar.children) == 0
    assert not app.number_input and not app.text_input
    assert app.button(key="leave_presenter")


def test_starting_over_needs_a_confirmation_first() -> None:
    app = _start()

    assert app.sidebar.button(key="sidebar_empty").disabled
    assert app.sidebar.button(key="sidebar_demo").disabled


def test_roadmap_lang_chooses_english_for_a_new_session(monkeypatch) -> None:
    monkeypatch.setenv("ROADMAP_LANG", "en")

    app = _start()

    assert app.title[0].value == "Company"
