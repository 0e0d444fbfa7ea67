"""`--scenario NAME:share=4,funding=50,capacity=30` on the command line: compared and written to the workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from roadmap.cli import main
from roadmap.domain.measure import Measure
from roadmap.domain.messages import RoadmapError
from roadmap.domain.profile import PlanMode, Profile
from roadmap.domain.workshop import Workshop
from roadmap.workshop.scenario_spec import add_from_spec
from tests.test_cli import _list

BASE = Workshop(profile=Profile(revenue=1_000_000), measures=(Measure("A", "ERP"), Measure("B", "CRM")))


def test_a_spec_sets_every_key_it_names_and_nothing_else() -> None:
    workshop = add_from_spec(
        BASE, "Alles:share=4,revenue=2.000.000,funding=50,capacity=30,mode=optimal,end=2027-06,in=A,out=B"
    )

    (scenario,) = workshop.scenarios
    assert scenario.name == "Alles"
    assert scenario.settings == {
        "budget_share": 4.0,
        "revenue": 2_000_000.0,
        "funding_rate": 50.0,
        "capacity": 30.0,
        "mode": PlanMode.OPTIMAL.value,
        "horizon_end": "2027-06",
    }
    assert (scenario.forced_in, scenario.forced_out, scenario.funding) == (("A",), ("B",), True)


def test_funding_off_means_the_funding_does_not_come_through() -> None:
    (scenario,) = add_from_spec(BASE, "Ohne:funding=off,share=2.5").scenarios

    assert scenario.funding is False
    assert scenario.settings == {"budget_share": 2.5}


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        (":share=4", "Der Name fehlt"),
        ("X:share", "keine Angabe der Form Schlüssel=Wert"),
        ("X:budget=4", "keine Angabe der Form Schlüssel=Wert"),
        ("X:share=viel", "share=viel ist keine Zahl"),
        ("X:mode=slow", "erlaubt sind fast und optimal"),
        ("X:end=Juni", "kein Monat"),
        ("X:in=Z9", "Maßnahme Z9 gibt es nicht"),
        ("Basis:share=4", "vorbehalten"),
        ("X:share=400", "Budgetanteil muss zwischen 0 und 100"),
    ],
)
def test_a_bad_spec_is_refused_naming_the_spec_and_the_part(spec: str, words: str) -> None:
    with pytest.raises(RoadmapError, match=words) as refused:
        add_from_spec(BASE, spec)

    assert f"--scenario '{spec}'" in refused.value.text("de")
    assert "Beispiel: --scenario" in refused.value.text("de")


def test_the_command_writes_the_scenarios_sheet_and_summarises_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "roadmap.xlsx"

    code = main(["plan", str(_list(tmp_path)), "--out", str(out), "--revenue", "2.000.000",
                 "--scenario", "Vier Prozent:share=4,funding=50", "--scenario", "Knapp:capacity=1"])  # fmt: skip

    printed = capsys.readouterr().out
    assert code == 0
    assert "Szenario Basis:" in printed and "Szenario Vier Prozent:" in printed and "Szenario Knapp:" in printed
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames[-1] == "Szenarien"
    header = next(book["Szenarien"].iter_rows(values_only=True))
    assert header == ("Kennzahl", "Basis", "Vier Prozent", "Knapp")


def test_a_bad_scenario_on_the_command_line_is_one_error_line_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "roadmap.xlsx"

    code = main(["plan", str(_list(tmp_path)), "--out", str(out), "--revenue", "2000000", "--scenario", "X:share=viel",
                 "--lang", "en"])  # fmt: skip

    error = capsys.readouterr().err
    assert code == 2
    assert error.startswith("Error: --scenario 'X:share=viel': share=viel is not a number.")
    assert error.count("\n") == 1
    assert not out.exists()
