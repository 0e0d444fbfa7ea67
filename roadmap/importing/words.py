"""Pure parsers for the words people type into spreadsheets: scores, priorities, yes/no, id lists,
statuses and fields of action (docs/import.md). Numbers and dates: roadmap/importing/values.py.

Each returns None for an empty cell and raises ValueError with a short reason for unreadable text.
"""

from __future__ import annotations

import re

from roadmap.domain.vocabulary import FIELDS, FIELDS_EN, Status
from roadmap.importing.values import is_empty, parse_number, text_of

_LEVEL_WORDS = {
    "sehr hoch": 5, "very high": 5, "hoch": 5, "high": 5, "groß": 5, "gross": 5, "large": 5,
    "mittel": 3, "medium": 3, "mid": 3, "mäßig": 3, "normal": 3,
    "niedrig": 1, "gering": 1, "low": 1, "klein": 1, "small": 1, "sehr niedrig": 1, "sehr gering": 1,
    "very low": 1,
}  # fmt: skip
# MoSCoW and A/B/C priorities, highest first.
_PRIORITY_WORDS = {
    "a": 5, "b": 3, "c": 1, "muss": 5, "must": 5, "soll": 3, "should": 3, "kann": 1, "could": 1,
}  # fmt: skip


def parse_level(value: object) -> float | None:
    """A 1–5 score from a number or 'hoch/high' 5, 'mittel/medium' 3, 'niedrig/gering/low' 1."""
    if is_empty(value):
        return None
    if isinstance(value, str):
        word = " ".join(value.lower().split())
        if word in _LEVEL_WORDS:
            return float(_LEVEL_WORDS[word])
    number = parse_number(value)
    if number is None:
        return None
    if not 1 <= number <= 5:
        raise ValueError(f"{text_of(value)} liegt nicht zwischen 1 und 5")
    return number


def parse_priority(value: object, scale: int = 3) -> float | None:
    """A value 1–5 from a priority where 1 is highest: 1–3 → 5/3/1, 1–5 → 5…1; words as for levels."""
    if is_empty(value):
        return None
    if isinstance(value, str):
        word = " ".join(value.lower().split()).removeprefix("prio ").removeprefix("p")
        if word in _PRIORITY_WORDS:
            return float(_PRIORITY_WORDS[word])
        if word in _LEVEL_WORDS:
            return float(_LEVEL_WORDS[word])
        value = word
    number = parse_number(value)
    if number is None:
        return None
    if scale <= 3 and number in (1, 2, 3):
        return {1: 5.0, 2: 3.0, 3: 1.0}[int(number)]
    if 1 <= number <= 5:
        return 6.0 - number
    raise ValueError(f"Priorität {text_of(value)} liegt nicht zwischen 1 und {max(scale, 3)}")


_TRUE = {"ja", "j", "yes", "y", "x", "true", "wahr", "1", "✓", "✔", "☑", "ok", "jawohl"}
_FALSE = {"nein", "n", "no", "false", "falsch", "0", "✗", "✘", "☐", "-"}


def parse_bool(value: object) -> bool | None:
    """Yes or no from ja/nein, yes/no, x, true/false, 1/0; an empty cell is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    word = str(value).strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"'{text_of(value)}' ist weder ja noch nein")


def clean_id(value: object) -> str:
    """An id as text: 18.0 → '18', ' M1 ' → 'M1'."""
    return text_of(value)


_ID_SEPARATOR = re.compile(r"\s*(?:[,;/|\n]|\s+und\s+|\s+and\s+|\s{2,})\s*")
_LINKED_ID = re.compile(r"(\w[\w.-]*?)(?:\s*(?:EA|AA|EE|AE|FS|SS|FF|SF)\b.*)?")


def parse_id_list(value: object) -> tuple[str, ...]:
    """Ids from '18,22,27', '1;5', '3FS+2 Tage' (MS Project) or 18.0; '-' or empty means none."""
    if is_empty(value):
        return ()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (clean_id(value),)
    ids = []
    for part in _ID_SEPARATOR.split(str(value).strip()):
        part = part.strip()
        linked = _LINKED_ID.fullmatch(part)  # '3FS+2 Tage': the id before the link type
        part = linked[1] if linked else part
        part = part.removesuffix(".0")
        if part and not is_empty(part) and part not in ids:
            ids.append(part)
    return tuple(ids)


# ---- status and field of action ------------------------------------------------------------------

_STATUS_WORDS = {
    Status.DONE: (
        "abgeschlossen", "erledigt", "fertig", "done", "x", "completed", "complete", "finished", "closed",
        "umgesetzt", "beendet", "ok", "✓", "✔", "100%", "100 %", "geschlossen", "live", "in betrieb",
    ),
    Status.RUNNING: (
        "in umsetzung", "in bearbeitung", "läuft", "laeuft", "laufend", "in arbeit", "in progress",
        "ongoing", "started", "begonnen", "gestartet", "aktiv", "active", "wip", "verzug", "in verzug",
        "verzögert", "delayed", "doing", "im gange", "umsetzung", "running",
    ),
    Status.PLANNED: (
        "geplant", "planned", "nicht begonnen", "offen", "open", "to do", "todo", "not started",
        "scheduled", "beauftragt", "freigegeben", "approved", "vorgesehen", "ausstehend", "pending",
    ),
    Status.IDEA: ("idee", "idea", "vorschlag", "proposal", "backlog", "neu", "new", "entwurf", "draft", "kandidat"),
}  # fmt: skip
_STATUS_OF = {word: status for status, words in _STATUS_WORDS.items() for word in words}


def parse_status(value: object) -> Status | None:
    """One of the four statuses from German or English words ('läuft' → 'In Umsetzung')."""
    if is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return parse_progress(value)
    word = " ".join(str(value).lower().split()).strip(" .!")
    if word in _STATUS_OF:
        return _STATUS_OF[word]
    if re.fullmatch(r"\d+([.,]\d+)?\s*%", word):
        return parse_progress(word)
    raise ValueError(f"unbekannter Status '{text_of(value)}'")


def parse_progress(value: object) -> Status | None:
    """A status from a progress figure: 0 % → Geplant, 100 % → Abgeschlossen, between → In Umsetzung."""
    if is_empty(value):
        return None
    if isinstance(value, str):
        number = parse_number(value.replace("%", ""))
        number = None if number is None else number / 100
    else:
        number = parse_number(value)
        # 0.5 from a percent-formatted cell, 50 typed as a plain number.
        if number is not None and number > 1:
            number /= 100
    if number is None:
        return None
    if not 0 <= number <= 1:
        raise ValueError(f"Fortschritt {text_of(value)} liegt nicht zwischen 0 und 100 %")
    return Status.PLANNED if number == 0 else Status.DONE if number >= 1 else Status.RUNNING


_FIELD_WORDS = {
    FIELDS[0]: ("prozess", "automatis", "workflow", "erp", "process", "digitalisierung von abl", "rpa"),
    FIELDS[1]: ("daten", "data", "entscheid", "analyt", "dashboard", "kpi", "reporting", "bi", "ki", "ai"),
    FIELDS[2]: ("cloud", "sicherheit", "security", "it", "infrastruktur", "backup", "dsgvo", "datenschutz"),
    FIELDS[3]: ("kunde", "customer", "omnichannel", "marketing", "vertrieb", "sales", "crm", "shop", "web"),
    FIELDS[4]: ("mitarbeit", "kompetenz", "schulung", "training", "people", "skill", "personal", "weiterb"),
    FIELDS[5]: ("strateg", "kultur", "culture", "change", "führung", "leadership", "organisation", "vision"),
}
_FIELD_OF = {name.lower(): name for name in FIELDS} | {en.lower(): de for de, en in FIELDS_EN.items()}
# Longest stems first, so that 'Datenschutz' is security and not data.
_FIELD_STEMS = sorted(
    ((stem, name) for name, stems in _FIELD_WORDS.items() for stem in stems), key=lambda pair: -len(pair[0])
)


def parse_field(value: object) -> str | None:
    """The field of action a word names, exactly or by a telling part ('Backup' → Cloud & IT-Sicherheit)."""
    if is_empty(value):
        return None
    word = " ".join(str(value).lower().split())
    if word in _FIELD_OF:
        return _FIELD_OF[word]
    tokens = re.findall(r"[a-zäöüß]+", word)
    for stem, name in _FIELD_STEMS:
        short = len(stem) <= 3
        if any(token == stem if short else token.startswith(stem) for token in tokens):
            return name
    raise ValueError(f"'{text_of(value)}' ist kein bekanntes Handlungsfeld")
