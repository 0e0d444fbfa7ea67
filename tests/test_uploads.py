"""The drop zone's caption in the session's language (roadmap/views/uploads.py)."""

from __future__ import annotations

from roadmap.views.uploads import choose_label, drop_hint


def test_the_caption_names_the_types_and_the_imports_own_limit_of_20_mb_in_german() -> None:
    hint = drop_hint(["xlsx", "csv", "json", "xml"], "de")

    assert hint == "Datei hierher ziehen oder auswählen – .xlsx, .csv, Trello-JSON, MS-Project-XML; höchstens 20 MB"


def test_the_caption_and_the_button_speak_english_on_the_switch() -> None:
    hint = drop_hint(["ods"], "en")

    assert hint == "Drop a file here or choose one – .ods; at most 20 MB"
    assert choose_label("en") == "Choose a file" and choose_label("de") == "Datei wählen"
