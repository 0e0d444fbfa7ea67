"""Helpers for the page tests: the three workshops every page is tried with, and opening a page.

- `WORKSHOPS`: name -> function giving the empty workshop, the demo workshop and a 500-measure one.
- `action(app, name)`: an action button whose key `ui.widgets.once(name)` made.
- `own(widgets)`: the widgets a page drew, without the sidebar and presenter frame of app.py.
- `upload(app, path)`: a file put into the page's uploader as a user would.
- `edit_table(app, edited, added, deleted, key_start=…)`: a change set sent to a data editor as the
  browser sends it (AppTest cannot type into a table); the page's on_change callback runs as after an
  edit in the browser.
- `places(app)`: where each field of the main area is drawn, by key, as the browser matches elements
  between runs (by their place: a field whose place changes is made anew, dropping what is typed).
- `open_page(page, workshop)`: stores that workshop (the demo if None) as a new workshop, runs
  app.py with its link (`?w=id`) on that page,
  with ROADMAP_STRICT set so that an error inside a page fails the test instead of being shown
  as a friendly message.
"""

from __future__ import annotations

import json
import logging
import os
import random
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import FIELDS, STATUSES
from roadmap.domain.workshop import Workshop
from tests.helpers import REPO
from ui.session import Held, demo_workshop, store

# AppTest sets the session state before its first run (below, and in its own constructor), which Streamlit
# reports each time as "missing ScriptRunContext! This warning can be ignored when running in bare mode."
# Nothing is missing: quiet it, so that a bench run's output shows only its figures.
# A filter, not a level: Streamlit sets its loggers' levels again when it reads its configuration.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda record: "missing ScriptRunContext" not in record.getMessage()
)

PAGES = (
    "app_pages/01_unternehmen.py",
    "app_pages/02_bestandsaufnahme.py",
    "app_pages/03_massnahmen.py",
    "app_pages/04_priorisierung.py",
    "app_pages/05_roadmap.py",
    "app_pages/06_budget.py",
    "app_pages/08_import_export.py",
    "app_pages/10_workshops.py",
    "app_pages/07_szenarien.py",
    "app_pages/09_umsetzung.py",
)


# Widgets of the app's frame (app.py: sidebar and presenter mode), drawn around every page.
APP_FRAME = frozenset({"sidebar_undo", "sidebar_redo", "sidebar_lang", "sidebar_presenter", "leave_presenter"})


def held(app: AppTest) -> Held:
    """The workshop the app's session holds: its id, content, stored version and revision."""
    session: Held = app.session_state["held_workshop"]
    return session


def own(widgets: Iterable[Any]) -> list[Any]:
    """The widgets a page drew itself, without the app's frame around it."""
    return [widget for widget in widgets if widget.key not in APP_FRAME]


def places(app: AppTest) -> dict[str, tuple[int, ...]]:
    """Each keyed widget of the main area and its place: the indexes of the blocks down to it.

    Action buttons are left out: their keys (`ui.widgets.once`, "…__<revision>") change with every
    change by design, and a field's "save again" button comes and goes in the field's slot."""
    found: dict[str, tuple[int, ...]] = {}

    def walk(node: Any, at: tuple[int, ...]) -> None:
        key = getattr(node, "key", None)
        if key and "__" not in key and getattr(node, "id", None):  # a widget (blocks have keys, no widget id)
            found[key] = at
        for index, child in getattr(node, "children", {}).items():
            walk(child, (*at, index))

    walk(app.main, ())
    return found


def action(app: AppTest, name: str) -> Any:
    """An action button by the name its key starts with (ui.widgets.once adds the workshop's revision)."""
    return next(b for b in app.button if (b.key or "").split("__")[0] == name)


def large_workshop(count: int = 500, seed: int = 7) -> Workshop:
    """A workshop of `count` varied measures with chains of dependencies over a two-year horizon."""
    rng = random.Random(seed)
    measures = []
    for number in range(1, count + 1):
        earlier = (
            [
                f"L{d:04d}"
                for d in rng.sample(range(max(1, number - 30), number), k=min(number - 1, rng.choice((0, 0, 1, 2))))
            ]
            if number > 1
            else []
        )
        measures.append(
            Measure(
                id=f"L{number:04d}",
                title=f"Maßnahme {number} – {rng.choice(('Einführung', 'Ausbau', 'Pilot', 'Schulung'))}",
                field=rng.choice(FIELDS),
                value=rng.randint(1, 5),
                effort=rng.randint(1, 5),
                one_time_cost=rng.choice((0, 1500, 4000, 12000, 30000)),
                running_cost=rng.choice((0, 600, 2400, 6000)),
                funding_eligible=rng.random() < 0.4,
                person_days=rng.choice((0, 5, 10, 20)),
                duration=rng.randint(1, 6),
                depends_on=tuple(earlier),
                status=rng.choice(STATUSES[:2]),
                votes=rng.choice((0, 0, 0, 1, 2)),
                must_have=number % 97 == 0,
                excluded=number % 89 == 0,
                pinned=Month(2026, 6) if number % 131 == 0 else None,
            )
        )
    profile = Profile(
        name="Großer Test GmbH",
        employees=240,
        revenue=60_000_000,
        baseline_it=600_000,
        capacity=400,
        horizon_start=Month(2026, 1),
        horizon_end=Month(2027, 12),
        as_of=Month(2026, 1),  # planned as on the horizon's first day, whatever the tests' day
    )
    return Workshop(profile=profile, measures=tuple(measures), participants=8)


WORKSHOPS: dict[str, Callable[[], Workshop]] = {
    "empty": Workshop,
    "demo": demo_workshop,  # as it stands on the tests' fixed day (tests/conftest.py)
    "large": large_workshop,
}


def open_page(
    page: str, workshop: Workshop | None = None, lang: str = "de", presenter: bool = False, ident: str | None = None
) -> AppTest:
    """Run the app on `page` with `workshop` (the demo if None), or on the stored workshop `ident`.

    Every later `app.run()` runs app.py and the page again, as a browser's rerun does: `sync()` takes
    over what others saved meanwhile (tests/test_page_umsetzung.py, a snapshot kept in another window).
    """
    os.environ["ROADMAP_STRICT"] = "1"
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    if ident is None:
        ident = store().create(demo_workshop() if workshop is None else workshop, "Test")
    app.query_params["w"] = ident
    app.session_state["lang"] = lang
    app.session_state["presenter"] = presenter
    app.run()
    app.switch_page(page)
    app.run()
    return app


def upload(app: AppTest, path: Path | None = None, name: str = "", data: bytes | None = None) -> AppTest:
    """Put a file into the page's uploader as a user would and rerun."""
    content = path.read_bytes() if path is not None else data or b""
    app.file_uploader[0].set_value((name or (path.name if path else "datei.xlsx"), content, "application/octet-stream"))
    app.run()
    return app


def edit_table(
    app: AppTest,
    edited: dict | None = None,
    added: list | None = None,
    deleted: list | None = None,
    *,
    key_start: str = "",
) -> None:
    """Send the first data editor whose key starts with `key_start` a change set as the browser does, and rerun."""
    editor = next(e for e in app.data_editor if (e.key or "").startswith(key_start))
    state = {
        "edited_rows": {str(row): cells for row, cells in (edited or {}).items()},
        "added_rows": added or [],
        "deleted_rows": deleted or [],
    }
    change = WidgetState(id=editor.proto.id, string_value=json.dumps(state))
    tree = app._tree
    collect = tree.get_widget_states

    def with_change() -> Any:
        states = collect()
        states.widgets.append(change)
        return states

    tree.get_widget_states = with_change  # type: ignore[method-assign]
    app.run()


def compile_once() -> None:
    """Let every AppTest run share one script cache, as all sessions of a running server do."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    scan_components_once()


def scan_components_once() -> None:
    """Every new AppTest looks for installed Streamlit components by reading the metadata of every installed
    package (some 0.2 s, and the suite makes hundreds of AppTests); the installed packages do not change
    while the tests run, so the first scan's answer serves the rest."""
    from functools import cache

    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    if not hasattr(scan, "cache_info"):
        manifest_scanner.scan_component_manifests = cache(scan)  # type: ignore[assignment]
