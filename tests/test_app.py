"""The app's frame: first start, links, saving at once, conflicts, access code, a broken database."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from roadmap.domain.workshop import Workshop
from tests.helpers import REPO
from tests.pages import PAGES, held, open_page
from ui.session import demo_workshop, store


def _start(params: dict[str, str] | None = None, **state: object) -> AppTest:
    os.environ["ROADMAP_STRICT"] = "1"
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    for key, value in state.items():
        app.session_state[key] = value
    return app.run()


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty database file for this test only."""
    target = tmp_path / "fresh.sqlite"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{target}")
    return target


def test_the_first_start_stores_the_demo_workshop_and_opens_it(fresh_store: Path) -> None:
    app = _start()

    assert not app.exception
    assert app.title[0].value == "Unternehmen"
    assert app.sidebar.markdown[0].value == "### Schneider Feinmechanik GmbH"
    assert [i.name for i in store().workshops()] == ["Schneider Feinmechanik GmbH"]
    assert app.query_params["w"] == store().workshops()[0].id


def test_the_first_start_keeps_the_demos_workshop_of_last_month_as_its_baseline(fresh_store: Path) -> None:
    app = _start()
    (kept,) = store().snapshots_of(store().workshops()[0].id)
    assert (kept.name, kept.created.date()) == ("Workshop-Ergebnis", date(2026, 11, 15))  # conftest: 2026-12-01

    app.switch_page("app_pages/09_umsetzung.py").run()

    assert not app.exception
    late = next(m for m in app.metric if m.label == "Verspätet")
    assert int(late.value) > 0  # planned for November at the workshop and not begun
    assert any("Monat" in m.value and "+" in m.value for m in app.markdown)  # the slip list


def test_a_link_opens_exactly_that_workshop() -> None:
    ident = store().create(Workshop(), "Bäckerei Kranz")

    app = _start({"w": ident})

    assert app.sidebar.markdown[0].value == "### Bäckerei Kranz"
    assert held(app).workshop == Workshop()


def test_a_link_to_a_missing_workshop_says_so_and_opens_another() -> None:
    store().create(demo_workshop(), "Irgendeiner")

    app = _start({"w": "gibt-es-nicht"})

    assert not app.exception
    assert "gibt es nicht" in app.warning[0].value
    assert app.query_params["w"] != "gibt-es-nicht"


def test_every_edit_is_in_the_store_before_the_page_is_drawn() -> None:
    ident = store().create(demo_workshop(), "Speichertest")
    app = _start({"w": ident})

    app.number_input(key="unternehmen_revenue").set_value(1_234_000).run()

    stored, version = store().load(ident)
    assert stored.profile.revenue == 1_234_000
    assert version == 2


def test_a_second_tab_is_told_plainly_and_sees_the_current_state() -> None:
    ident = store().create(demo_workshop(), "Zwei Tabs")
    first, second = _start({"w": ident}), _start({"w": ident})

    first.number_input(key="unternehmen_revenue").set_value(2_000_000).run()
    second.text_input(key="unternehmen_name").input("Anderer Name").run()

    # (the warning itself is drawn by app.py, which AppTest does not show after a rerun: see test_browser)
    assert not second.exception
    assert held(second).workshop.profile.revenue == 2_000_000
    assert second.text_input(key="unternehmen_name").value == "Schneider Feinmechanik GmbH"
    assert store().load(ident)[0].profile.name == "Schneider Feinmechanik GmbH"


def test_the_language_comes_from_the_session() -> None:
    app = _start(lang="en")

    assert not app.exception
    assert app.title[0].value == "Company"


def test_roadmap_lang_chooses_english_for_a_new_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADMAP_LANG", "en")

    app = _start()

    assert app.title[0].value == "Company"


def test_presenter_mode_hides_the_sidebar_and_every_input() -> None:
    app = _start(presenter=True)

    assert not app.exception
    assert len(app.sidebar.children) == 0
    assert not app.number_input and not app.text_input
    assert app.button(key="leave_presenter")


def test_undo_is_offered_only_after_a_change() -> None:
    ident = store().create(demo_workshop(), "Undo")

    app = _start({"w": ident})

    assert app.sidebar.button(key="sidebar_undo").disabled
    assert app.sidebar.button(key="sidebar_redo").disabled


def test_with_an_access_code_nothing_is_shown_before_it_is_entered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROADMAP_ACCESS_CODE", "Werkbank-42")

    app = _start()

    assert not app.exception
    assert not app.number_input and not app.sidebar.children
    assert app.text_input(key="access_code")


def test_a_damaged_database_file_is_named_and_left_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "kaputt.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = broken.read_bytes()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{broken}")

    app = _start()

    assert not app.exception
    assert app.error and not app.number_input
    assert broken.read_bytes() == before


def test_the_sidebar_says_when_the_workshop_was_saved_before_the_first_change() -> None:
    ident = store().create(demo_workshop(), "Gespeichert")

    app = _start({"w": ident})

    saved = next(c.value for c in app.sidebar.caption if "gespeichert" in c.value)
    assert re.search(r"gespeichert · \d\d\\:\d\d\\:\d\d", saved), saved  # colons escaped: not an emoji code


# Streamlit's test for an emoji code in a text it draws as Markdown (frontend StreamlitMarkdown): any
# match makes the browser fetch and run its emoji library, a quarter of a megabyte, before it draws.
EMOJI_CODE = re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:")
MARKDOWN_FIELDS = frozenset({"body", "label", "help", "caption", "placeholder"})


def _markdown_texts(node: Any) -> Iterator[str]:
    """Every text of an AppTest element tree that the browser draws as Markdown: bodies, labels, help."""
    proto = getattr(node, "proto", None)
    if proto is not None and not hasattr(node, "children"):
        yield from _strings(MessageToDict(proto))
    for child in getattr(node, "children", {}).values():
        yield from _markdown_texts(child)


def _strings(found: Any, field: str = "") -> Iterator[str]:
    if isinstance(found, dict):
        for key, value in found.items():
            yield from _strings(value, key)
    elif isinstance(found, list):
        for value in found:
            yield from _strings(value, field)
    elif isinstance(found, str) and field in MARKDOWN_FIELDS:
        yield found


@pytest.mark.parametrize("page", PAGES)
def test_no_text_the_app_writes_reads_as_an_emoji_code(page: str) -> None:
    app = open_page(page)

    texts = list(_markdown_texts(app._tree))

    assert any("gespeichert" in text for text in texts)  # the sidebar's time of saving is among them
    assert [text for text in texts if EMOJI_CODE.search(text)] == []
