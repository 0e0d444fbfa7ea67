"""The command line contract (docs/command-line.md), run as a user would."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import openpyxl
import pytest

from roadmap.cli import language, main
from roadmap.workbook import writer as workbook
from roadmap.workbook.writer import write_atomically
from tests.helpers import REPO


def _run(*args: str, env_lang: str = "de", cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "ROADMAP_LANG": env_lang, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "roadmap", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
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

    result = _run("plan", str(_list(tmp_path)), "--out", str(out), "--revenue", "2.000.000", "--as-of", "2026-12")

    assert result.returncode == 0, result.stderr
    assert "Planungsstand: Dezember 2026, Planungszeitraum 2026-12 – 2027-12" in result.stdout
    assert "Gelesen: 3 Maßnahmen" in result.stdout
    assert "Eingeplant: 2" in result.stdout
    assert "Nicht eingeplant: 1" in result.stdout
    assert "2026:" in result.stdout
    assert "2027:" in result.stdout
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
        (
            ["plan", "{missing}", "--out", "{out}", "--revenue", "1"],
            "Datei missing.xlsx: Die Datei wurde nicht gefunden",
        ),
        (["plan", "{tmp}", "--out", "{out}", "--revenue", "1"], "ist ein Ordner, keine Datei"),
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


@pytest.mark.parametrize("setting", ["en", "EN", "en_GB", "English"])
def test_roadmap_lang_is_read_as_in_the_app_so_any_english_setting_gives_english_errors(
    tmp_path: Path, setting: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ROADMAP_LANG", setting)

    code = main(["plan", str(tmp_path / "missing.xlsx"), "--out", str(tmp_path / "x.xlsx")])

    assert code == 2
    assert capsys.readouterr().err.startswith(
        f"Error: file missing.xlsx: The file was not found (looked in {tmp_path})"
    )


@pytest.mark.parametrize(
    ("args", "setting", "lang"),
    [
        (["--lang", "en"], "de", "en"),
        (["--lang=en"], "de", "en"),
        (["--lang", "de"], "EN", "de"),
        ([], "en_GB", "en"),
        ([], "", "de"),
        ([], None, "de"),
    ],
)
def test_lang_on_the_command_line_wins_over_roadmap_lang(args: list[str], setting: str | None, lang: str) -> None:
    assert language(["plan", "in.xlsx", *args], setting) == lang


def _symlink(tmp: Path, source: Path) -> tuple[str, str]:
    (tmp / "verweis.xlsx").symlink_to(source)
    return str(source), str(tmp / "verweis.xlsx")


def _hard_link(tmp: Path, source: Path) -> tuple[str, str]:
    os.link(source, tmp / "zweitname.xlsx")
    return str(source), str(tmp / "zweitname.xlsx")


# How the same list can be named twice: (INPUT, --out) as typed, run in the list's folder.
SAME_FILE: list[tuple[str, Callable[[Path, Path], tuple[str, str]]]] = [
    ("same path", lambda tmp, source: (str(source), str(source))),
    ("relative and absolute", lambda tmp, source: (source.name, str(source))),
    ("dot slash", lambda tmp, source: (str(source), f"./{source.name}")),
    ("folder and back", lambda tmp, source: (source.name, f"../{tmp.name}/{source.name}")),
    ("symlink", _symlink),
    ("hard link", _hard_link),
]


@pytest.mark.parametrize(("case", "spell"), SAME_FILE, ids=[c[0] for c in SAME_FILE])
def test_the_output_may_not_be_the_input_list(
    tmp_path: Path, case: str, spell: Callable[[Path, Path], tuple[str, str]]
) -> None:
    source = _list(tmp_path)
    before = source.read_bytes()
    given, out = spell(tmp_path, source)

    result = _run("plan", given, "--out", out, "--revenue", "2000000", cwd=tmp_path)

    assert result.returncode == 2, case
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Fehler: ")
    assert "würde die eingelesene Maßnahmenliste überschreiben" in line
    assert "anderen Dateinamen" in line
    assert source.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_output_may_not_be_the_input_list_in_english(tmp_path: Path) -> None:
    source = _list(tmp_path)

    result = _run("plan", str(source), "--out", str(source), "--revenue", "2000000", "--lang", "en")

    assert result.returncode == 2
    assert result.stderr.startswith("Error: --out ")
    assert "would overwrite the input list" in result.stderr
    assert "choose another file name" in result.stderr


def test_an_existing_output_is_replaced_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "roadmap.xlsx"
    out.write_bytes(b"old roadmap")
    out.chmod(0o640)

    result = _run("plan", str(_list(tmp_path)), "--out", str(out), "--revenue", "2000000")

    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(out).sheetnames[0] == "Roadmap"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["liste.xlsx", "roadmap.xlsx"]


def test_a_failing_write_leaves_the_existing_output_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = _list(tmp_path), tmp_path / "roadmap.xlsx"
    out.write_bytes(b"last week's roadmap")

    def disk_full(*_: object) -> bytes:
        assert len(list(tmp_path.iterdir())) == 3  # the temporary file exists while the workbook is made
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(workbook, "workbook_bytes", disk_full)

    code = main(["plan", str(source), "--out", str(out), "--revenue", "2000000"])

    assert code == 2
    assert capsys.readouterr().err.startswith(f"Fehler: {out} kann nicht geschrieben werden (No space left")
    assert out.read_bytes() == b"last week's roadmap"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["liste.xlsx", "roadmap.xlsx"]


@pytest.mark.parametrize("failure", [RuntimeError("writer broke"), KeyboardInterrupt()])
def test_a_write_broken_off_halfway_leaves_no_half_file(tmp_path: Path, failure: BaseException) -> None:
    out = tmp_path / "roadmap.xlsx"
    out.write_bytes(b"complete workbook")

    def half(stream: BinaryIO) -> None:
        stream.write(b"PK\x03\x04 half a workbook")
        raise failure

    with pytest.raises(type(failure)):
        write_atomically(out, half)

    assert out.read_bytes() == b"complete workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["roadmap.xlsx"]


def test_a_symlinked_output_keeps_its_link_and_replaces_the_target(tmp_path: Path) -> None:
    target, link = tmp_path / "ablage.xlsx", tmp_path / "roadmap.xlsx"
    target.write_bytes(b"old")
    link.symlink_to(target)

    write_atomically(link, lambda stream: stream.write(b"new"))

    assert link.is_symlink() and target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ablage.xlsx", "roadmap.xlsx"]


@pytest.mark.parametrize(("setting", "words"), [("de", "Budgetanteil in % (1–5)"), ("en", "budget share in %")])
def test_help_is_shown_in_the_language_with_its_percent_signs(
    setting: str, words: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ROADMAP_LANG", setting)

    with pytest.raises(SystemExit) as exited:
        main(["plan", "--help"])

    assert exited.value.code == 0
    shown = capsys.readouterr().out
    assert words in shown and "--mode {greedy,optimal}" in shown


def test_an_unknown_mode_names_the_modes_as_they_are_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ROADMAP_LANG", raising=False)

    code = main(["plan", "in.xlsx", "--out", str(tmp_path / "x.xlsx"), "--mode", "magic"])

    assert code == 2
    assert "erlaubt sind 'greedy', 'optimal'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("as_of", "line"),
    [
        ("2026-12", "Planungsstand: Dezember 2026, Planungszeitraum 2026-12 – 2027-12"),
        ("2027-03", "Planungsstand: März 2027, Planungszeitraum 2027-03 – 2028-12"),
        ("2028-12", "Planungsstand: Dezember 2028, Planungszeitraum 2028-12 – 2029-12"),
    ],
)
def test_the_horizon_looks_ahead_from_the_planning_month(tmp_path: Path, as_of: str, line: str) -> None:
    out = tmp_path / "roadmap.xlsx"

    code = main(["plan", str(_list(tmp_path)), "--out", str(out), "--revenue", "2000000", "--as-of", as_of])

    assert code == 0
    profile = openpyxl.load_workbook(out)["Profil"]
    assert {row[0].value: row[1].value for row in profile.iter_rows(min_row=2)}["Planungsstand"].strftime(
        "%Y-%m"
    ) == as_of
    assert (
        line in _run("plan", str(_list(tmp_path)), "--out", str(out), "--revenue", "2000000", "--as-of", as_of).stdout
    )


def test_re_planning_a_workbook_whose_horizon_has_passed_says_so_and_plans_nothing_new(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    args = ["--revenue", "2000000", "--start", "2026-01", "--end", "2026-12", "--as-of", "2026-01"]
    assert _run("plan", str(_list(tmp_path)), "--out", str(first), *args).returncode == 0

    result = _run("plan", str(first), "--out", str(second), "--as-of", "2027-03")

    assert result.returncode == 0, result.stderr
    assert "liegt ganz vor dem Planungsstand März 2027" in result.stdout
    assert "Eingeplant: 0" in result.stdout


@pytest.mark.parametrize("command", [[], ["plan"], ["handout"]])
def test_the_german_help_has_no_english_word_of_argparse(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ROADMAP_LANG", "de")

    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])

    shown = capsys.readouterr().out
    assert exited.value.code == 0
    assert shown.startswith("Aufruf: python -m roadmap")
    assert "Optionen:" in shown and "diese Hilfe zeigen und beenden" in shown
    for english in ("usage:", "options:", "show this help message and exit", "positional arguments"):
        assert english not in shown


def test_the_english_help_stays_english(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ROADMAP_LANG", "en")

    with pytest.raises(SystemExit):
        main(["plan", "--help"])

    shown = capsys.readouterr().out
    assert shown.startswith("usage: python -m roadmap plan") and "show this help message and exit" in shown
