"""The command line contract (PRODUCT.md, Contracts → Command line), run as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import REPO


def _run(*args: str, env_lang: str = "de") -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "ROADMAP_LANG": env_lang, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "roadmap", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def _list(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nr.", "Maßnahme", "Kosten", "Dauer", "Nutzen", "Aufwand", "Vorgänger"])
    sheet.append([1, "Collaboration-Plattform", "12.500,00 €", "2 Monate", "hoch", "mittel", "-"])
    sheet.append([2, "Zwei-Faktor-Authentifizierung", "1.200 €", "4 Wochen", 5, 1, "1"])
    sheet.append([3, "ERP einführen", "900.000 €", "6 Monate", 4, 5, "1"])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    return path


def test_a_list_is_planned_and_summarised(tmp_path: Path) -> None:
    out = tmp_path / "roadmap.xlsx"

    result = _run("plan", str(_list(tmp_path)), "--out", str(out), "--revenue", "2.000.000")

    assert result.returncode == 0, result.stderr
    assert "Gelesen: 3 Maßnahmen" in result.stdout
    assert "Eingeplant: 2" in result.stdout
    assert "Nicht eingeplant: 1" in result.stdout
    assert "2026:" in result.stdout
    assert openpyxl.load_workbook(out).sheetnames[0] == "Roadmap"


def test_the_exported_workbook_plans_again_without_flags(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert _run("plan", str(_list(tmp_path)), "--out", str(first), "--revenue", "2000000").returncode == 0

    result = _run("plan", str(first), "--out", str(second))

    assert result.returncode == 0, result.stderr
    assert "Eingeplant: 2" in result.stdout


def test_optimal_mode_says_whether_it_is_proven(tmp_path: Path) -> None:
    result = _run(
        "plan",
        str(_list(tmp_path)),
        "--out",
        str(tmp_path / "o.xlsx"),
        "--revenue",
        "2000000",
        "--mode",
        "optimal",
    )

    assert result.returncode == 0, result.stderr
    assert "optimal (bewiesen)" in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["plan", "{list}", "--out", "{out}"], "Jahresumsatz fehlt"),
        (["plan", "{missing}", "--out", "{out}", "--revenue", "1"], "nicht gefunden"),
        (["plan", "{list}", "--out", "{out}", "--revenue", "viel"], "keine Zahl"),
        (["plan", "{list}", "--out", "{out}", "--revenue", "1000000", "--start", "2026-13"], "kein Monat"),
        (
            [
                "plan",
                "{list}",
                "--out",
                "{out}",
                "--revenue",
                "1000000",
                "--start",
                "2027-01",
                "--end",
                "2026-01",
            ],
            "endet",
        ),
        (["plan", "{list}", "--out", "{tmp}/nope/x.xlsx", "--revenue", "1000000"], "gibt es nicht"),
        (["plan", "{list}", "--out", "{tmp}/x.csv", "--revenue", "1000000"], ".xlsx"),
        (["plan", "{picture}", "--out", "{out}", "--revenue", "1000000"], "picture.xlsx"),
        (["plan", "{list}"], "Aufruf fehlerhaft"),
        (
            ["plan", "{list}", "--out", "{out}", "--revenue", "1000000", "--mode", "magic"],
            "ungültiger Wert",
        ),
        ([], "Aufruf fehlerhaft"),
    ],
)
def test_bad_input_gives_exit_2_and_one_fehler_line(tmp_path: Path, args: list[str], words: str) -> None:
    picture = tmp_path / "picture.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    values = {
        "list": str(_list(tmp_path)),
        "out": str(tmp_path / "out.xlsx"),
        "missing": str(tmp_path / "missing.xlsx"),
        "picture": str(picture),
        "tmp": str(tmp_path),
    }

    result = _run(*[a.format(**values) for a in args])

    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Fehler: ")
    assert words in lines[0]
    assert "Traceback" not in result.stderr


def test_english_mode_says_error(tmp_path: Path) -> None:
    result = _run("plan", str(_list(tmp_path)), "--out", str(tmp_path / "x.xlsx"), env_lang="en")

    assert result.returncode == 2
    assert result.stderr.startswith("Error: ")
    assert "revenue" in result.stderr
