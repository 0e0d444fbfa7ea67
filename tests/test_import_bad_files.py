"""A file that is no spreadsheet, damaged, encrypted, empty or too large is refused by the importer
with one clear sentence in German and English, quickly (docs/import.md)."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from roadmap.importing.importer import import_file
from roadmap.importing.raw_sheets import ImportFailed, Limits
from tests import workbooks

LIST_TEXT = (
    "Nr.;Maßnahme;Kosten;Verantwortlich\r\n"
    "1;Schulung für Mitarbeiter;1.200,50 €;Jürgen Müller\r\n"
    "2;Größere Übersicht im Lager;500 €;Weiß\r\n"
)


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


def _utf16_without_bom(tmp: Path) -> Path:
    path = tmp / "unicode.csv"
    path.write_bytes(LIST_TEXT.encode("utf-16-le"))
    return path


def _utf16_broken(tmp: Path) -> Path:
    path = tmp / "kaputt.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + LIST_TEXT.encode("utf-16-le") + b"\x00\xd8")  # half a character
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
    (
        "utf-16 without byte order mark",
        _utf16_without_bom,
        Limits(),
        "Zeichenkodierung nicht lesbar: die Datei ist weder UTF-8, UTF-16 (mit BOM) noch Windows-1252",
        "Character encoding not readable",
    ),
    (
        "utf-16 with a broken character",
        _utf16_broken,
        Limits(),
        "Zeichenkodierung nicht lesbar: die Datei ist als UTF-16 gekennzeichnet",
        "marked as UTF-16",
    ),
    ("over the size limit", _big, Limits(max_bytes=5_000), "zu groß", "too large"),
    ("over the row limit", _big, Limits(max_rows=100), "zu viele Zeilen", "too many rows"),
]


@pytest.mark.parametrize(("case", "build", "limits", "german", "english"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_refused_with_a_clear_message(
    tmp_path: Path, case: str, build: Callable[[Path], Path], limits: Limits, german: str, english: str
) -> None:
    path = build(tmp_path)

    with pytest.raises(ImportFailed) as refused:
        import_file(path, limits=limits)

    assert german in refused.value.text("de")
    assert english in refused.value.text("en")
    assert refused.value.where is not None and refused.value.where.file == path.name


def test_bytes_without_a_name_are_sniffed(tmp_path: Path) -> None:
    data = workbooks.simple_list(tmp_path / "l.xlsx").read_bytes()

    result = import_file(data)

    assert len(result.measures) == 3


def test_an_unknown_extension_is_refused(tmp_path: Path) -> None:
    path = workbooks.simple_list(tmp_path / "l.xlsx").rename(tmp_path / "liste.numbers")

    with pytest.raises(ImportFailed, match="nicht unterstützt"):
        import_file(path)


def test_a_missing_file_is_refused_not_crashed(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"Datei gibtsnicht\.xlsx: Die Datei wurde nicht gefunden"):
        import_file(tmp_path / "gibtsnicht.xlsx")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
    ids=["utf-16 le", "utf-16 be", "utf-8 with bom"],
)
def test_a_unicode_csv_with_byte_order_mark_is_read_with_its_umlauts(tmp_path: Path, bom: bytes, codec: str) -> None:
    data = bom + LIST_TEXT.encode(codec)
    path = tmp_path / "unicode.csv"
    path.write_bytes(data)

    for result in (import_file(path), import_file(data)):
        titles = [m.title for m in result.measures]
        assert titles == ["Schulung für Mitarbeiter", "Größere Übersicht im Lager"]
        assert [m.owner for m in result.measures] == ["Jürgen Müller", "Weiß"]
        assert result.measures[0].one_time_cost == 1200.5


def test_excels_unicode_text_with_tabs_is_read(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + LIST_TEXT.replace(";", "\t").encode("utf-16-le"))

    result = import_file(path)

    assert [m.title for m in result.measures] == ["Schulung für Mitarbeiter", "Größere Übersicht im Lager"]


def test_a_folder_is_called_a_folder_not_missing(tmp_path: Path) -> None:
    folder = tmp_path / "liste.xlsx"
    folder.mkdir()

    with pytest.raises(ImportFailed) as refused:
        import_file(folder)

    assert "liste.xlsx ist ein Ordner, keine Datei" in refused.value.text("de")
    assert "liste.xlsx is a folder, not a file" in refused.value.text("en")
    assert "nicht gefunden" not in refused.value.text("de")
