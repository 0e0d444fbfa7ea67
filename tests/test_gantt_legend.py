"""The Gantt chart's legend above the chart (roadmap/views/gantt_legend.py): every entry the chart needs, each
with its symbol in its colour, the words as text."""

from __future__ import annotations

from datetime import date

from roadmap.charts.gantt_chart import gantt_legend
from roadmap.planning.plan import Plan
from roadmap.planning.planner import plan
from roadmap.views.gantt_legend import legend_html, symbol_html
from roadmap.workshop.demo import demo_workshop


def _demo_plan() -> Plan:
    workshop = demo_workshop(date(2026, 12, 1))
    return plan(workshop.measures, workshop.profile)


def test_the_legend_names_the_four_states_and_every_mark_the_chart_draws() -> None:
    demo = _demo_plan()

    keys = [entry["key"] for entry in gantt_legend(demo, "de", date(2026, 12, 1), demo)]

    assert keys == ["Geplant", "Läuft", "Verspätet", "Fertig", "Voraussetzung", "Meilenstein", "Basisplan", "Heute"]


def test_without_a_baseline_or_today_the_legend_leaves_them_out() -> None:
    keys = [entry["key"] for entry in gantt_legend(_demo_plan(), "en", None, None)]

    assert "Baseline" not in keys and "Today" not in keys and keys[:4] == ["Planned", "Running", "Late", "Done"]


def test_each_entry_is_its_symbol_in_its_colour_and_its_words_as_text() -> None:
    html = legend_html([{"key": "<b>Heute</b>", "color": "#7B1FA2", "symbol": "M-0.2,-1H0.2V1H-0.2Z"}])

    assert "background: #7B1FA2; width: 0.17em; height: 0.85em" in html  # today's thin, tall line
    assert "&lt;b&gt;Heute&lt;/b&gt;" in html and "<b>" not in html


def test_vegas_named_shapes_become_shapes_of_their_colour() -> None:
    assert "background: #123456; width: 0.85em; height: 0.85em" in symbol_html("square", "#123456")
    assert "◆" in symbol_html("diamond", "#000") and "▶" in symbol_html("triangle-right", "#000")
