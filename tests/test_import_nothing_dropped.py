"""No row with a title and data of its own is dropped on a guess: only unmistakable structure (sub-tasks
one column further right, an outline number above its children, a totals word without data of its own,
a span over the whole list with nothing of its own) makes a row no measure; a row that only looks like
one stays a measure and the problems list says what it resembled."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.importing.importer import ImportResult, import_file
from roadmap.importing.raw_sheets import ImportFailed
from tests.workbooks import ENGLISH_TASKS, FIXTURES


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    return out.getvalue().encode("utf-8")


def _titles(result: ImportResult) -> list[str]:
    return [m.title for m in result.measures]


def test_a_measure_spanning_the_whole_list_with_costs_and_dependents_is_kept() -> None:
    """The reported case: LibreOffice's xlsx of an English 40-row CSV, row 2 from first start to last due date."""
    result = import_file(FIXTURES / "en_project_list.xlsx")
    measures = {m.id: m for m in result.measures}

    assert len(result.measures) == 40 and _titles(result) == ENGLISH_TASKS
    assert measures["1"].one_time_cost == 1250.0
    assert measures["2"].depends_on == ("1",) and measures["3"].depends_on == ("1",)
    assert not any("Abhängigkeit von 1" in p.text("de") for p in result.problems)
    said = [p for p in result.problems if "Sammelzeile" in p.text("de")]
    assert [p.where.row for p in said] == [2]
    assert "als Maßnahme übernommen" in said[0].text("de") and "kept as measures" in said[0].text("en")


def test_a_summary_row_with_nothing_of_its_own_is_still_recognised() -> None:
    rows = [["Maßnahme", "Start", "Ende", "Kosten"], ["Digitalisierung 2026", "01.01.2026", "31.12.2026", ""]]
    rows += [[f"Schritt {n}", f"01.{n + 1:02d}.2026", f"28.{n + 1:02d}.2026", "1000"] for n in range(1, 9)]

    result = import_file(_csv(rows), filename="plan.csv")

    assert "Digitalisierung 2026" not in _titles(result) and len(result.measures) == 8
    assert any("Sammelzeile" in p.text("de") and "keine eigene Maßnahme" in p.text("de") for p in result.problems)


def test_a_row_named_like_a_phase_but_with_an_owner_and_a_value_is_a_measure_and_said() -> None:
    rows = [
        ["Nr.", "Maßnahme", "Verantwortlich", "Nutzen"],
        ["1", "Phase 2", "Frau Kaya", "4"],
        ["2", "Backup einrichten", "Herr Roth", "5"],
    ]

    result = import_file(_csv(rows), filename="liste.csv")

    assert _titles(result) == ["Phase 2", "Backup einrichten"]
    assert any("Phasenüberschrift" in p.text("de") and p.where.row == 2 for p in result.problems)


def test_a_title_starting_with_a_totals_word_but_with_an_owner_is_a_measure() -> None:
    rows = [
        ["Maßnahme", "Verantwortlich", "Kosten"],
        ["Summe der Belege digitalisieren", "Buchhaltung", "800"],
        ["Gesamt", "", "800"],
    ]

    result = import_file(_csv(rows), filename="liste.csv")

    assert _titles(result) == ["Summe der Belege digitalisieren"]
    assert any("Summenzeile" in p.text("de") for p in result.problems)


TITLES = [
    *ENGLISH_TASKS[:12], "Phase 1", "Phase II: Ausbau", "Projekt:", "Gesamtprojekt", "Summe Kosten", "Total",
    "Meilenstein: Go-live", "Milestone review", "Capstone Project", "1.1", "Zwischensumme", "Abschnitt 3",
]  # fmt: skip
DAY0 = date(2026, 1, 1)
days = st.integers(0, 700).map(lambda n: DAY0 + timedelta(days=n))
own = st.fixed_dictionaries(
    {"value": st.sampled_from(["", "1", "3", "5", "hoch"]), "owner": st.sampled_from(["", "Anna", "IT"])}
)
row = st.tuples(st.sampled_from(TITLES), st.one_of(st.none(), days), st.integers(0, 400), own, st.booleans())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row, min_size=1, max_size=20))
def test_a_titled_row_with_data_of_its_own_is_never_lost_whatever_its_dates(
    generated: list[tuple[str, date | None, int, dict[str, str], bool]],
) -> None:
    table = [["Nr.", "Maßnahme", "Start", "Ende", "Kosten", "Nutzen", "Verantwortlich"]]
    for number, (title, start, length, data, costed) in enumerate(generated, start=1):
        end = start + timedelta(days=length) if start else None
        table.append(
            [
                f"A{number}",
                title,
                start.isoformat() if start else "",
                end.isoformat() if end else "",
                "1200" if costed else "",
                data["value"],
                data["owner"],
            ]
        )

    try:
        kept = {m.id for m in import_file(_csv(table), filename="liste.csv").measures}
    except ImportFailed:  # refused only when no row holds data of its own
        kept = set()
    for number, (_, _, _, data, _) in enumerate(generated, start=1):
        if data["value"] or data["owner"]:
            assert f"A{number}" in kept
