"""A file that is no spreadsheet, damaged, encrypted, empty or too large is refused by the importer
with one clear sentence in German and English, quickly (PRODUCT.md, Contracts → Import)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from roadmap.importer import import_file
from roadmap.sheets import ImportFailed, Limits
from tests import workbooks


def _png(tmp: Path) -> Path:
    path = tmp / "roadmap.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200)
    return path


def _truncated(tmp: Path) -> Path:
    data = workbooks.simple_list(tmp / "ok.xlsx").read_bytes()
    path = tmp / "abgeschnitten.xlsx"
    path.write_bytes(data[:1500])
    return path


def _header_only_csv(tmp: Path) -> Path:
    path = tmp / "liste.csv"
    path.write_text("Maßnahme;Kosten;Start\n", encoding="utf-8")
    return path


def _big(tmp: Path) -> Path:
    return workbooks.many_rows(tmp / "gross.xlsx", 200)


BAD_FILES: list[tuple[str, Callable[[Path], Path], Limits, str, str]] = [
    (
        "png renamed",
        _png,
        Limits(),
        "keine Tabelle, sondern ein PNG-Bild",
        "not a spreadsheet but a PNG image",
    ),
    ("truncated", _truncated, Limits(), "beschädigt oder unvollständig", "damaged or incomplete"),
    (
        "password protected",
        lambda tmp: workbooks.encrypted_ole2(tmp / "geheim.xlsx"),
        Limits(),
        "passwortgeschützt",
        "encrypted/password protected",
    ),
    ("empty workbook", lambda tmp: workbooks.empty_workbook(tmp / "leer.xlsx"), Limits(), "leer", "empty"),
    (
        "header without rows",
        lambda tmp: workbooks.header_only(tmp / "kopf.xlsx"),
        Limits(),
        "keine Zeilen mit Maßnahmen",
        "no rows of measures",
    ),
    (
        "csv header without rows",
        _header_only_csv,
        Limits(),
        "keine Zeilen mit Maßnahmen",
        "no rows of measures",
    ),
    ("xml bomb", lambda tmp: workbooks.xml_bomb(tmp / "bombe.xlsx"), Limits(), "XML-Bombe", "XML bomb"),
    (
        "xml bomb in shared strings",
        lambda tmp: workbooks.xml_bomb(tmp / "bombe.xlsx", "xl/sharedStrings.xml"),
        Limits(),
        "XML-Bombe",
        "XML bomb",
    ),
    (
        "zip bomb",
        lambda tmp: workbooks.zip_bomb(tmp / "zip.xlsx", 40),
        Limits(max_bytes=1_000_000),
        "entpackt zu groß",
        "too large when unpacked",
    ),
    ("over the size limit", _big, Limits(max_bytes=5_000), "zu groß", "too large"),
    ("over the row limit", _big, Limits(max_rows=100), "zu viele Zeilen", "too many rows"),
]


@pytest.mark.parametrize(("case", "build", "limits", "german", "english"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_refused_quickly_with_a_clear_message(
    tmp_path: Path, case: str, build: Callable[[Path], Path], limits: Limits, german: str, english: str
) -> None:
    path = build(tmp_path)
    started = time.perf_counter()

    with pytest.raises(ImportFailed) as refused:
        import_file(path, limits=limits)

    assert german in refused.value.text("de")
    assert english in refused.value.text("en")
    assert refused.value.where is not None and refused.value.where.file == path.name
    assert time.perf_counter() - started < 3, case


def test_bytes_without_a_name_are_sniffed(tmp_path: Path) -> None:
    data = workbooks.simple_list(tmp_path / "l.xlsx").read_bytes()

    result = import_file(data)

    assert len(result.measures) == 3


def test_an_unknown_extension_is_refused(tmp_path: Path) -> None:
    path = workbooks.simple_list(tmp_path / "l.xlsx").rename(tmp_path / "liste.numbers")

    with pytest.raises(ImportFailed, match="nicht unterstützt"):
        import_file(path)


def test_a_missing_file_is_refused_not_crashed(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="kann nicht gelesen werden"):
        import_file(tmp_path / "gibtsnicht.xlsx")
