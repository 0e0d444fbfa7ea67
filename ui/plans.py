"""Plans and views made from a stored version of the session's workshop, once for every session.

A plan or a chart spec of workshop X in version 7 is the same for every viewer, so a second tab,
a reload or a page switch reuses it (`current_plan`, `scenario_plans`, `shared`). The baseline,
the plan of a snapshot that later plans are measured against, is kept the same way
(`current_baseline`). The workshop itself comes from ui/session.py.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import Any, TypeVar, cast

import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_pandas_df_to_arrow_table

from roadmap.domain.month import Month
from roadmap.domain.profile import OPTIMAL, Profile
from roadmap.domain.workshop import Workshop
from roadmap.planning.followup import baseline_plan
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan as make_plan
from roadmap.store.records import SnapshotInfo
from roadmap.workshop.scenarios import active_workshop, find, scenario_plan, scenario_workshop
from ui.clock import this_month
from ui.language import lang, t
from ui.session import load_snapshot, snapshots, stored_state, workshop

T = TypeVar("T")


class _SharedCache:
    """Results that depend only on a stored workshop version, shared by every session of this server.

    A plan or a chart spec of workshop X in version 7 is the same for every viewer, so a second
    tab, a reload or a page switch reuses it instead of planning or validating a spec again.
    """

    def __init__(self, size: int = 128) -> None:
        self._items: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[Hashable, ...], make: Callable[[], T]) -> T:
        """The value for `key`, made (outside the lock) if it is not known yet."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return cast(T, self._items[key])
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


_SHARED = _SharedCache()


def planning_profile(current: Workshop | None = None) -> Profile:
    """The workshop's profile with its planning month: its own if fixed, else this month."""
    return (current or workshop()).profile.planned_as_of(this_month())


def current_plan() -> Plan:
    """The roadmap of the current workshop as its active scenario plans it from the planning month, computed
    once per stored version and month (spinner in optimal mode)."""
    current = active_workshop(workshop())
    profile = planning_profile(current)

    def make() -> Plan:
        if profile.mode == OPTIMAL and current.measures:
            waiting = t("Optimaler Plan wird berechnet (bis zu 10 s) …", "Finding the optimal plan (up to 10 s) …")
            with st.spinner(waiting):
                return make_plan(current.measures, profile)
        return make_plan(current.measures, profile)

    return _SHARED.get(("plan", *stored_state(), profile.as_of), make)


def scenario_plans(names: list[str]) -> dict[str, Plan]:
    """The plans of these scenarios of the current workshop from the planning month, each computed once per
    stored version and month.

    Raises:
        RoadmapError: if a scenario's settings cannot be planned.
    """
    current = replace(workshop(), profile=planning_profile())

    def make(name: str) -> Plan:
        if scenario_workshop(current, find(current, name)).profile.mode == OPTIMAL and current.measures:
            waiting = t("Optimaler Plan für „{}“ wird berechnet …", "Finding the optimal plan for “{}” …")
            with st.spinner(waiting.format(name)):
                return scenario_plan(current, name)
        return scenario_plan(current, name)

    return {
        name: _SHARED.get(
            ("scenario", *stored_state(), current.profile.as_of, name.casefold()), functools.partial(make, name)
        )
        for name in names
    }


def shared(key: str, build: Callable[[], T], *extra: Hashable) -> T:
    """Something derived from the workshop or its plan (rows, texts, chart specs) and the language, made
    once per stored version and planning month (the plan's, which follows the calendar unless the workshop
    fixes it); `extra` adds what else it depends on (e.g. today's date)."""
    return _SHARED.get(("view", key, *stored_state(), planning_profile().as_of, lang(), *extra), build)


def shared_table(key: str, build: Callable[[], pd.DataFrame], *extra: Hashable) -> Any:
    """A table for st.dataframe or st.table, as `shared` makes things, converted to Arrow once: Streamlit
    sends an Arrow table as it is, while it converts any other table on every rerun (pyarrow's threads
    started for it each time: a third of a 500-measure Roadmap's rerun)."""
    return shared(key, lambda: convert_pandas_df_to_arrow_table(build()), *extra)


# --- the baseline ----------------------------------------------------------------------------------


def baseline_snapshot() -> SnapshotInfo | None:
    """The snapshot whose plan is the baseline: the one chosen, else the first one taken (None: no baseline)."""
    chosen = workshop().baseline
    if chosen == "":
        return None
    listed = snapshots()
    if chosen is not None:
        return next((s for s in listed if s.id == chosen), None)
    return listed[-1] if listed else None  # the list is newest first


def snapshot_plan(info: SnapshotInfo) -> Plan:
    """A snapshot's plan, made as of the month it was taken (like the baseline's), once per snapshot and server."""
    taken = Month.of(info.created.date())
    return _SHARED.get(("baseline", info.id, taken), lambda: baseline_plan(load_snapshot(info.id), taken))


def current_baseline() -> Plan | None:
    """The baseline's plan (made as of the month its snapshot was taken), once per snapshot and server."""
    info = baseline_snapshot()
    return None if info is None else snapshot_plan(info)
