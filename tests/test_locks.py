"""Locks that hold: nothing of a workshop without the access code, and no double click that acts twice.

The browser test (tests/test_browser_locks.py) opens every path on a fresh server; these tests
check the login through Streamlit's AppTest and send the second click of a
double click as the browser does: the same widget's trigger again, from the page as it was.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from roadmap.domain.workshop import Workshop
from tests.helpers import REPO
from tests.pages import action, held, open_page, own
from ui.session import demo_workshop, store

CODE = "Werkbank-42"
EXAMPLE = REPO / "data" / "beispiel_massnahmen.xlsx"


def locked_app() -> AppTest:
    """The app with an access code set, as a new session opens it (every path: the browser test)."""
    os.environ["ROADMAP_STRICT"] = "1"
    return AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()


def shows_only_the_code_form(app: AppTest) -> bool:
    """True if the page holds the code form and nothing of any workshop."""
    inputs = [w.key for w in app.text_input]
    return (
        not app.exception
        and inputs == ["access_code"]
        and not app.sidebar.children
        and not app.dataframe
        and not app.get("arrow_data_frame")
        and not app.get("download_button")
        and not app.number_input
        and [b.label for b in app.button] == ["Öffnen"]
        and [t.value for t in app.title] == ["Digital-Roadmap für KMU"]
    )


def second_click(app: AppTest, button: object) -> AppTest:
    """Send a button's trigger once more, as the second click of a double click does, and rerun."""
    trigger = WidgetState(id=button.proto.id, trigger_value=True)  # type: ignore[attr-defined]
    tree, collect = app._tree, app._tree.get_widget_states

    def with_trigger() -> object:
        states = collect()
        states.widgets.append(trigger)
        return states

    tree.get_widget_states = with_trigger  # type: ignore[method-assign]
    return app.run()


def test_without_the_code_the_app_shows_only_the_code_form(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADMAP_ACCESS_CODE", CODE)

    assert shows_only_the_code_form(locked_app())


def _submit(app: AppTest, code: str) -> None:
    app.text_input(key="access_code").input(code)
    app.button[0].click().run()


def test_another_sessions_login_opens_nothing_for_this_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADMAP_ACCESS_CODE", CODE)
    colleague = locked_app()
    _submit(colleague, CODE)
    assert colleague.title[0].value == "Unternehmen"

    assert shows_only_the_code_form(locked_app())


def test_a_wrong_code_is_refused_in_words_and_the_right_one_opens_the_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ROADMAP_ACCESS_CODE", CODE)
    app = locked_app()

    _submit(app, "falsch")
    assert app.error[0].value == "Der Zugangscode stimmt nicht."
    assert not app.get("download_button") and not app.data_editor

    _submit(app, CODE)
    assert not app.exception
    assert app.title[0].value == "Unternehmen"


def test_the_upload_limit_lets_an_oversized_file_reach_the_importer_which_says_so() -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))

    assert config["server"]["maxUploadSize"] >= 2 * 20  # a 30 MB file gets the importer's sentence, not an icon
    assert config["client"]["disableDataExport"] is True  # no CSV with formula-looking text from a table


# --- double clicks ----------------------------------------------------------------------------------


def _measures(app: AppTest) -> int:
    return len(held(app).workshop.measures)


def test_a_double_click_on_take_over_imports_once_and_says_it_is_done(tmp_path: Path) -> None:
    app = open_page("app_pages/08_import_export.py", Workshop())
    app.file_uploader[0].set_value((EXAMPLE.name, EXAMPLE.read_bytes(), "application/octet-stream"))
    app.run()
    confirm = app.button(key="import_confirm")

    confirm.click().run()
    second_click(app, confirm)

    assert not app.exception
    assert _measures(app) == 12
    assert any("bereits übernommen" in toast.value for toast in app.toast)


def test_a_double_click_on_delete_deletes_one_workshop() -> None:
    keep = store().create(demo_workshop(), "Bleibt")
    ident = store().create(demo_workshop(), "Wird gelöscht")
    app = open_page("app_pages/10_workshops.py", ident=ident)
    app.checkbox(key=f"workshops_sure_{ident}").check().run()
    delete = action(app, "delete")

    delete.click().run()
    second_click(app, delete)

    assert not app.exception
    names = {i.id for i in store().workshops()}
    assert ident not in names and keep in names


@pytest.mark.parametrize("name", ["duplicate", "create"])
def test_a_double_click_on_duplicate_or_create_makes_one_workshop(name: str) -> None:
    app = open_page("app_pages/10_workshops.py")
    before = len(store().workshops())
    button = action(app, name)

    button.click().run()
    second_click(app, button)

    assert not app.exception
    assert len(store().workshops()) == before + 1


def test_a_double_click_on_a_catalogue_suggestion_adds_it_once() -> None:
    app = open_page("app_pages/02_bestandsaufnahme.py")
    button = next(b for b in own(app.button) if (b.key or "").startswith("bestandsaufnahme_add_"))
    before = _measures(app)

    button.click().run()
    second_click(app, button)

    assert not app.exception
    assert _measures(app) == before + 1


def test_a_double_click_on_reset_votes_resets_once_and_keeps_the_page() -> None:
    app = open_page("app_pages/04_priorisierung.py")
    app.segmented_control(key="priorisierung_section").set_value("voting").run()
    app.checkbox(key="priorisierung_reset_sure").check().run()
    reset = action(app, "priorisierung_reset")

    reset.click().run()
    second_click(app, reset)

    assert not app.exception
    assert sum(m.votes for m in held(app).workshop.measures) == 0
