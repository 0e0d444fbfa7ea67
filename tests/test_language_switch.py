"""The language switch never breaks a page: after Deutsch↔English every widget on every page still works.

Each page is opened in one language, switched to the other, and then every widget it drew is
used once, in the order drawn: a number one step up, a text typed, another choice picked, a box
ticked, a button pressed. No run may raise, and a value just set must still be there after the run
(a widget whose choices were labelled in the old language must not lose or refuse the change).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from roadmap.charts.style import field_name
from roadmap.domain.workshop import Workshop
from roadmap.workshop.scenarios import add_scenario
from tests.pages import APP_FRAME, PAGES, edit_table, held, open_page
from ui.session import demo_workshop

# Kinds of widget that hold a value the user sets, and how the test sets one.
VALUE_KINDS = (
    "number_input",
    "text_input",
    "text_area",
    "selectbox",
    "multiselect",
    "radio",
    "segmented_control",
    "pills",
    "checkbox",
    "toggle",
    "select_slider",
    "slider",
)


def _set(widget: Any) -> Any:
    """Give a value widget a new value as a user would; returns what `_reading` should then give."""
    kind = widget.type
    if kind == "number_input":
        proto = widget.proto
        at_top = proto.has_max and widget.value + widget.step > proto.max
        (widget.decrement() if at_top else widget.increment())
    elif kind in ("text_input", "text_area"):
        widget.input((widget.value or "") + " 2")
    elif kind in ("checkbox", "toggle"):
        widget.set_value(not widget.value)
    elif kind == "multiselect":
        missing = [option for option in widget.options if option not in _reading(widget)]
        (widget.select(missing[0]) if missing else widget.unselect(_reading(widget)[0]))
    elif kind == "selectbox":
        widget.select_index(next((n for n in range(len(widget.options)) if n != widget.index), 0))
    elif kind == "slider":
        widget.set_value(widget.proto.max if widget.value != widget.proto.max else widget.proto.min)
    else:  # radio, segmented control, pills, select slider: another label, sent as the browser sends it
        shown = _reading(widget)
        labels = widget.options if kind == "radio" else _labels(widget)
        label = next((o for o in labels if o != shown and o not in (shown or [])), None)
        if label is None:
            return shown
        _send(widget, label if kind == "radio" else [label])
        return label if kind == "radio" else [label]
    return _reading(widget)


def _labels(widget: Any) -> list[str]:
    """The labels of a button group's or select slider's options."""
    return [getattr(option, "content", option) for option in widget.proto.options]


def _send(widget: Any, state: str | list[str]) -> None:
    """Make the widget report `state` (a label, or a list of them) with the next run, as the browser does."""
    sent = WidgetState(id=widget.id)
    if isinstance(state, str):
        sent.string_value = state
    else:
        sent.string_array_value.data[:] = state
    widget.__class__ = type("Sent", (widget.__class__,), {"_widget_state": property(lambda _self: sent)})


def _label(widget: Any, value: Any) -> str:
    """A multiselect's choice by its label: AppTest gives some as values (formatted here), others, whose
    format_func maps ids to titles (the Szenarien page's measures), already as the label shown."""
    return value if value in widget.options else str(widget.format_func(value))


def _reading(widget: Any) -> Any:
    """What the widget shows, comparable before and after a run (choices by their label)."""
    if widget.type == "multiselect":
        return sorted(_label(widget, value) for value in widget.value)
    if widget.type == "selectbox":
        return widget.index
    if widget.type == "button_group":
        return list(widget.formatted_values)
    if widget.type == "radio":
        return widget.options[widget.index] if widget.index is not None else None
    if widget.type == "select_slider":
        return [widget.format_func(widget.value)]
    return widget.value


def _find(app: AppTest, key: str) -> Any:
    """The widget with `key` as the page now draws it, or None if it is gone."""
    for kind in (*VALUE_KINDS, "button"):
        for widget in getattr(app, kind):
            if widget.key == key:
                return widget
    return None


def _demo_with_a_scenario() -> Workshop:
    """The demo with one scenario, so that the Szenarien page draws its settings (the planning mode's choice)."""
    return add_scenario(demo_workshop(), "Vier Prozent", {"budget_share": 4})


# The workshop a page opens with: the demo, except where the demo would leave the page's widgets undrawn.
OPENED_WITH: dict[str, Callable[[], Workshop]] = {"app_pages/07_szenarien.py": _demo_with_a_scenario}


def _drawn(app: AppTest) -> list[tuple[str, str]]:
    """(kind, key) of every widget the page drew itself, in drawing order, buttons last."""
    found = [
        (kind, widget.key)
        for kind in VALUE_KINDS
        for widget in getattr(app, kind)
        if widget.key and widget.key not in APP_FRAME
    ]
    buttons = [("button", b.key) for b in app.button if b.key and b.key not in APP_FRAME and b.key != "leave_presenter"]
    return found + buttons


def _no_error(app: AppTest, what: str) -> None:
    assert not app.exception, f"{what}: {[e.value for e in app.exception]}"
    assert not [e for e in app.error if "Traceback" in str(e.value)], what


def _edit_tables(app: AppTest, lang: str) -> None:
    """The measure table takes a changed cost and a new row whose field is named in the new language."""
    field = field_name("Strategie & Kultur", lang)
    edit_table(app, edited={2: {"one_time_cost": 2345}})
    _no_error(app, "a cell")
    edit_table(app, added=[{"title": "Intranet", "field": field}])
    _no_error(app, "a new row")
    measures = held(app).workshop.measures
    assert measures[2].one_time_cost == 2345
    assert (measures[-1].title, measures[-1].field) == ("Intranet", "Strategie & Kultur")


@pytest.mark.parametrize(("before", "after"), [("de", "en"), ("en", "de")])
@pytest.mark.parametrize("page", PAGES)
def test_after_a_language_switch_every_widget_of_every_page_still_works(page: str, before: str, after: str) -> None:
    app = open_page(page, OPENED_WITH.get(page, demo_workshop)(), lang=before)
    app.session_state["massnahmen_catalogue_open"] = True  # drawn only while open, and kept open
    app.run()
    app.session_state["lang"] = after
    app.run()
    _no_error(app, "the switch itself")
    if page.endswith("massnahmen.py"):
        _edit_tables(app, after)
    widgets = _drawn(app)
    assert widgets, f"{page} draws no widget"
    for kind, key in widgets:
        widget = _find(app, key)
        if widget is None or getattr(widget, "disabled", False):
            continue  # a press before took it away (e.g. a dialog closed), or it is not usable now
        if kind == "button":
            widget.click()
            app.run()
            _no_error(app, key)
            continue
        drawn_as = widget.type
        expected = _set(widget)
        app.run()
        _no_error(app, key)
        shown = _find(app, key)
        if shown is not None and shown.type == drawn_as and not shown.proto.form_id:  # a form keeps it until sent
            assert _reading(shown) == expected, f"{page} {key}: the change to {expected!r} was lost after the switch"
