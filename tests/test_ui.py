"""The app's Streamlit side (ui/) and the pages built on it: one seam to the store, one skeleton, one way per job."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import REPO
from ui.language import default_lang
from ui.tables import table_height

PAGE_FILES = sorted((REPO / "app_pages").glob("*.py"))
APP_FILES = [REPO / "app.py", *PAGE_FILES, *sorted((REPO / "ui").glob("*.py"))]

# Streamlit's input widgets (and the expander, which keeps state): each one needs a key of its own.
WIDGETS = frozenset(
    {
        "audio_input",
        "button",
        "camera_input",
        "chat_input",
        "checkbox",
        "color_picker",
        "data_editor",
        "date_input",
        "download_button",
        "expander",
        "feedback",
        "file_uploader",
        "form_submit_button",
        "multiselect",
        "number_input",
        "pills",
        "radio",
        "segmented_control",
        "select_slider",
        "selectbox",
        "slider",
        "text_area",
        "text_input",
        "time_input",
        "toggle",
    }
)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _called_name(call: ast.Call) -> str:
    """`f` for f(...), `attr` for x.attr(...)."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _imported_names(tree: ast.AST) -> set[str]:
    """Every module and every name a file imports (`roadmap.store.workshops`, `ui.session.store`)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _short(path: Path) -> str:
    return str(path.relative_to(REPO))


def test_no_page_reaches_the_store_directly() -> None:
    offenders = []
    for path in [REPO / "app.py", *PAGE_FILES]:
        tree = _tree(path)
        imported = _imported_names(tree)
        called = {_called_name(call) for call in _calls(tree)}
        if "store" in called or "ui.session.store" in imported or any(n.startswith("roadmap.store") for n in imported):
            offenders.append(_short(path))

    assert offenders == [], "pages call ui.session's functions, never the store"


def test_every_widget_has_a_key() -> None:
    unkeyed = [
        f"{_short(path)}:{call.lineno} {_called_name(call)}"
        for path in APP_FILES
        for call in _calls(_tree(path))
        if isinstance(call.func, ast.Attribute)
        and call.func.attr in WIDGETS
        and not any(keyword.arg == "key" for keyword in call.keywords)
    ]

    assert unkeyed == []


def test_no_run_ends_with_st_stop() -> None:
    """`st.stop()` overwrites a rerun the browser asked for while the run was ending: a phone's last quick
    tap on + reached the server and was dropped, so its ballot would have counted a dot less. A run ends
    by returning instead (app.py, main)."""
    stopping = [
        f"{_short(path)}:{call.lineno}"
        for path in APP_FILES
        for call in _calls(_tree(path))
        if _called_name(call) in ("st.stop", "stop")
    ]

    assert stopping == []


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_every_page_has_the_same_skeleton(path: Path) -> None:
    """Docstring, imports, constants and functions, then `main()` once, at the end; `st.title` comes first."""
    body = _tree(path).body
    docstring, *rest, last = body
    allowed = (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign, ast.FunctionDef)
    main = next((node for node in rest if isinstance(node, ast.FunctionDef) and node.name == "main"), None)
    first = main.body[1] if main and len(main.body) > 1 else None  # the statement after main's docstring

    assert isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)
    assert all(isinstance(node, allowed) for node in rest), "only imports, constants and functions before main()"
    assert ast.unparse(last) == "main()"
    assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Call)
    assert ast.unparse(first.value.func) == "st.title"


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_a_page_writes_bilingual_text_only_with_t_and_say(path: Path) -> None:
    """No `... if lang() == "en" else ...`, no lookups by language, no messages made or called in a page."""
    tree = _tree(path)
    compares_language = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        and any(isinstance(c, ast.Constant) and c.value in ("de", "en") for c in [node.left, *node.comparators])
    ]
    indexes_by_language = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Subscript) and ast.unparse(node.slice) in ("lang()", "language")
    ]
    looked_up_messages_called = [  # MESSAGES[key](lang()): say_text(MESSAGES[key]) says it in the session's language
        ast.unparse(call)
        for call in _calls(tree)
        if isinstance(call.func, ast.Subscript) and [ast.unparse(a) for a in call.args] in (["lang()"], ["language"])
    ]

    assert compares_language == []
    assert indexes_by_language == []
    assert looked_up_messages_called == []
    assert "roadmap.domain.messages.Message" not in _imported_names(tree)


def test_the_core_never_imports_the_ui() -> None:
    importers = [
        _short(path)
        for path in sorted((REPO / "roadmap").rglob("*.py"))
        if any(name == "ui" or name.startswith("ui.") for name in _imported_names(_tree(path)))
    ]

    assert importers == []


@pytest.mark.parametrize(("rows", "height"), [(0, 38), (1, 73), (10, 388), (12, 458), (13, 460), (500, 460)])
def test_a_table_is_as_high_as_its_rows_and_scrolls_beyond_its_limit(rows: int, height: int) -> None:
    assert table_height(rows, most=460) == height


@pytest.mark.parametrize(("setting", "lang"), [(None, "de"), ("de", "de"), ("EN", "en"), ("en_GB", "en"), ("fr", "de")])
def test_a_new_session_s_language_is_read_as_the_command_line_reads_it(
    setting: str | None, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if setting is None:
        monkeypatch.delenv("ROADMAP_LANG", raising=False)
    else:
        monkeypatch.setenv("ROADMAP_LANG", setting)

    assert default_lang() == lang


def _failing_callback_app() -> None:
    import streamlit as st

    from roadmap.domain.messages import Message, RoadmapError
    from ui.errors import guarded, show_notice

    @guarded
    def fail() -> None:
        raise RoadmapError(Message("Das ging nicht.", "That did not work."))

    show_notice()
    st.button("Los", key="go", on_click=fail)


def test_a_callback_that_fails_in_words_leaves_its_sentence_at_the_top_of_the_page() -> None:
    app = AppTest.from_function(_failing_callback_app, default_timeout=60).run()

    app.button(key="go").click().run()

    assert not app.exception
    assert [w.value for w in app.warning] == ["Das ging nicht."]


def _overtaken_run_app() -> None:
    import streamlit as st

    from ui.errors import notices_seen, show_notice, warn

    if "runs" not in st.session_state:
        st.session_state.runs = 0
        warn("Jemand anderes hat inzwischen geändert.")
    st.session_state.runs += 1
    show_notice()
    if st.session_state.runs == 1:
        st.rerun()  # as a click that arrives while the run draws: this run never reaches the browser whole
    notices_seen()


def test_a_warning_drawn_by_a_run_that_was_overtaken_is_shown_by_the_next_one() -> None:
    app = AppTest.from_function(_overtaken_run_app, default_timeout=60).run()

    assert app.session_state.runs == 2
    assert [w.value for w in app.warning] == ["Jemand anderes hat inzwischen geändert."]
    app.run()
    assert not app.warning  # once shown by a whole run, it is gone
