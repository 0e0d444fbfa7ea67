"""What a file upload says in the session's language, where Streamlit's own drop zone speaks only English.

Streamlit's uploader writes "Drag and drop file here", "Limit 100MB per file" and "Upload" with no
language option, and its limit is the server's (100 MB, above the import's own 20 MB so that the
importer can refuse a larger file in a sentence). The page hides those texts (ui/uploads.py) and
shows `drop_hint` and `choose_label` instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmap.domain import formats
from roadmap.domain.messages import Lang, Message
from roadmap.importing.raw_sheets import Limits

# Formats a person knows by the program that writes them, not by their ending.
_TOOL_FORMATS = {"json": Message("Trello-JSON", "Trello JSON"), "xml": Message("MS-Project-XML", "MS Project XML")}

CHOOSE = Message("Datei wählen", "Choose a file")


def choose_label(lang: Lang) -> str:
    """The drop zone's button: 'Datei wählen' / 'Choose a file'."""
    return CHOOSE(lang)


def drop_hint(types: Sequence[str], lang: Lang, limit_bytes: int = Limits().max_bytes) -> str:
    """'Datei hierher ziehen oder auswählen – .xlsx, .csv, Trello-JSON; höchstens 20 MB' in the session's language."""
    kinds = [_TOOL_FORMATS[kind](lang) if kind in _TOOL_FORMATS else f".{kind}" for kind in types]
    megabytes = formats.number(limit_bytes / (1024 * 1024), lang, digits=0)
    if lang == "en":
        return f"Drop a file here or choose one – {', '.join(kinds)}; at most {megabytes} MB"
    return f"Datei hierher ziehen oder auswählen – {', '.join(kinds)}; höchstens {megabytes} MB"
