"""Dependencies as people write them: ids, titles and Excel row numbers (roadmap/importing/dependencies.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.importing.importer import ImportResult, import_file
from roadmap.planning.planner import plan
from roadmap.workbook.writer import write_workbook

TITLES = (
    "ERP einführen",
    "Webshop aufbauen",
    "Schulung Vertrieb und Service",
    "CRM einführen",
    "Datensicherung",
)


def _list(dependencies: dict[str, str], ids: bool = False) -> bytes:
    """A CSV list of the TITLES (row 2 onwards), with the given dependency cells by title."""
    lines = ["Nr.;Maßnahme;Abhängig von" if ids else "Maßnahme;Abhängig von"]
    for number, title in enumerate(TITLES, start=1):
        cell = dependencies.get(title, "")
        quoted = '"' + cell.replace('"', '""') + '"'
        lines.append(f"{number};{title};{quoted}" if ids else f"{title};{quoted}")
    return "\n".join(lines).encode()


def _deps(result: ImportResult, title: str) -> tuple[str, ...]:
    return next(m.depends_on for m in result.measures if m.title == title)


def _said(result: ImportResult) -> str:
    return " | ".join(p.text("de") for p in result.problems)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("ERP einführen", ("M001",)),
        ("erp  EINFÜHREN", ("M001",)),
        ("Schulung Vertrieb und Service", ("M003",)),
        ("ERP einführen, Datensicherung", ("M001", "M005")),
        ("ERP einführen; Datensicherung", ("M001", "M005")),
        ("ERP einführen\nDatensicherung", ("M001", "M005")),
        ("M001 und M005", ("M001", "M005")),
        ("2", ("M001",)),
        ("2, 6", ("M001", "M005")),
        ("3FS+2 Tage", ("M002",)),
    ],
)
def test_a_dependency_by_title_id_or_row_is_read_as_an_id(cell: str, expected: tuple[str, ...]) -> None:
    result = import_file(_list({"CRM einführen": cell}), filename="liste.csv")

    assert _deps(result, "CRM einführen") == expected


def test_a_title_with_und_is_one_dependency_not_two() -> None:
    result = import_file(_list({"CRM einführen": "Schulung Vertrieb und Service"}), filename="liste.csv")

    assert _deps(result, "CRM einführen") == ("M003",)
    assert "als Titel gelesen" in _said(result)


def test_a_near_miss_is_read_and_said() -> None:
    result = import_file(_list({"Datensicherung": "ERP-Einführung"}), filename="liste.csv")

    assert _deps(result, "Datensicherung") == ("M001",)
    assert "'ERP-Einführung' als ähnlichen Titel 'ERP einführen' (M001)" in _said(result)


def test_a_similar_title_of_another_measure_is_no_near_miss() -> None:
    result = import_file(_list({"Datensicherung": "DMS einführen"}), filename="liste.csv")

    assert _deps(result, "Datensicherung") == ("DMS einführen",)
    assert "'DMS einführen': keine ID, kein Titel und keine Zeile" in _said(result)


def test_an_ambiguous_title_stays_as_written_and_is_said() -> None:
    text = "Maßnahme;Abhängig von\nSchulung;\nSchulung;\nCRM einführen;Schulung\n".encode()

    result = import_file(text, filename="liste.csv")

    assert result.measures[2].depends_on == ("Schulung",)
    assert "nicht eindeutig: passt zu M001 'Schulung', M002 'Schulung'" in _said(result)
    assert "keine ID, kein Titel" not in _said(result)


def test_an_id_wins_over_a_row_number_and_the_preview_says_so() -> None:
    result = import_file(_list({"CRM einführen": "2"}, ids=True), filename="liste.csv")

    assert _deps(result, "CRM einführen") == ("2",)
    assert "die ID hat Vorrang" in _said(result)


def test_a_list_with_dependencies_by_title_plans_every_measure() -> None:
    deps = {
        "Webshop aufbauen": "ERP einführen",
        "CRM einführen": "webshop  Aufbauen",
        "Datensicherung": "CRM-Einführung",
    }
    result = import_file(_list(deps), filename="liste.csv")
    profile = Profile(revenue=5_000_000, horizon_start=Month(2027, 1), horizon_end=Month(2028, 12))

    roadmap = plan(result.measures, profile)

    assert not roadmap.not_planned
    assert roadmap.placements["M004"].start > roadmap.placements["M002"].end


def test_the_workbook_writes_ids_and_a_round_trip_keeps_them(tmp_path: Path) -> None:
    result = import_file(_list({"CRM einführen": "ERP einführen, Webshop aufbauen"}), filename="liste.csv")
    profile = Profile(revenue=5_000_000, horizon_start=Month(2027, 1), horizon_end=Month(2028, 12))
    first = tmp_path / "roadmap.xlsx"
    write_workbook(plan(result.measures, profile), first)

    again = import_file(first)

    assert _deps(again, "CRM einführen") == ("M001", "M002")
