"""Which column holds what: header names in German and English and their usual variants.

The importer maps a header text onto one of IMPORT_FIELDS by the alias table below; the user can
correct the result in the app (docs/import.md).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from roadmap.domain.messages import Message
from roadmap.importing.values import DAYS, HOURS, WORKING_DAYS, unit_of
from roadmap.workbook.names import MEASURE_COLUMNS

# Every field a column can be mapped to, with the label the app shows in its mapping editor.
IMPORT_FIELDS: dict[str, Message] = {
    "id": Message("ID / Nr.", "ID / No."),
    "title": Message("Maßnahme (Titel)", "Measure (title)"),
    "title_2": Message("Unteraufgabe (2. Ebene)", "Sub-task (level 2)"),
    "title_3": Message("Unteraufgabe (3. Ebene)", "Sub-task (level 3)"),
    "description": Message("Beschreibung", "Description"),
    "field": Message("Handlungsfeld / Kategorie", "Field of action / category"),
    "phase": Message("Phase / Abschnitt", "Phase / section"),
    "value": Message("Nutzen", "Value"),
    "effort": Message("Aufwand (1–5)", "Effort (1–5)"),
    "priority": Message("Priorität", "Priority"),
    "one_time_cost": Message("Einmalkosten (€)", "One-time cost (€)"),
    "running_cost": Message("Laufende Kosten (€/Jahr)", "Running cost (€/year)"),
    "funding_eligible": Message("Förderfähig", "Funding eligible"),
    "person_days": Message("Personentage", "Person-days"),
    "duration": Message("Dauer", "Duration"),
    "depends_on": Message("Abhängigkeiten", "Dependencies"),
    "earliest_start": Message("Start", "Start"),
    "planned_end": Message("Ende (geplant)", "End (planned)"),
    "deadline": Message("Fällig / Frist", "Due / deadline"),
    "pinned": Message("Fixiert auf", "Pinned to"),
    "must_have": Message("Muss", "Must-have"),
    "excluded": Message("Ausgeschlossen", "Excluded"),
    "owner": Message("Verantwortlich", "Owner"),
    "status": Message("Status", "Status"),
    "progress": Message("Fortschritt (%)", "Progress (%)"),
    "kpi_name": Message("KPI", "KPI"),
    "kpi_baseline": Message("KPI Ausgangswert", "KPI baseline"),
    "kpi_target": Message("KPI Zielwert", "KPI target"),
    "notes": Message("Notizen", "Notes"),
    "votes": Message("Stimmen", "Votes"),
}
TITLE_LEVELS = ("title", "title_2", "title_3")
FILL_DOWN = ("field", "phase")

# Normalised aliases (see `normalise`); a trailing '*' matches any word that starts with the stem.
_ALIASES: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "nr", "nummer", "no", "key", "schluessel", "lfd nr", "massnahmen nr", "kennung", "code", "wbs",
        "psp", "psp code", "gliederung", "outline", "pos", "position", "task id", "issue key",
    ),
    "title": (
        "massnahme", "massnahmen", "titel", "title", "projekt", "projekte", "projektname", "vorhaben",
        "aufgabe", "aufgaben", "vorgang", "vorgangsname", "task", "tasks", "task name", "name", "thema",
        "taetigkeit", "taetigkeiten", "aktivitaet", "aktivitaeten", "activity", "arbeitspaket", "measure",
        "initiative", "project", "project name", "item", "bezeichnung", "idee", "vorgangs*", "summary",
        "card name",
    ),
    "title_2": (
        "unteraktiv*", "teilaufgabe*", "unteraufgabe*", "subtask*", "sub task", "teilprojekt", "teilschritt*",
        "unterpunkt*", "schritt", "schritte", "arbeitsschritt*",
    ),
    "description": ("beschreibung", "description", "details", "erlaeuterung", "inhalt", "ziel", "zweck"),
    "field": (
        "handlungsfeld", "handlungsfelder", "field of action", "feld", "bereich", "kategorie", "category",
        "themenfeld", "cluster", "dimension", "themenbereich", "field", "tags", "labels",
    ),
    "phase": (
        "phase", "projektphase", "abschnitt", "stage", "etappe", "gruppe", "group", "stufe", "welle",
        "section column", "section", "epic", "epic link", "sprint",
    ),
    "value": ("nutzen", "value", "mehrwert", "wirkung", "impact", "benefit", "business value", "wert"),
    "effort": (
        "aufwand", "effort", "komplexitaet", "complexity", "schwierigkeit", "workload", "arbeitsaufwand",
        "umsetzungsaufwand",
    ),
    "priority": ("prioritaet", "priority", "prio", "p"),
    "one_time_cost": (
        "einmalkosten", "kosten", "budget", "investition", "investitionen", "invest", "cost", "costs",
        "one time cost", "capex", "anschaffungskosten", "projektkosten", "betrag", "einmalig",
        "einmalige kosten", "investitionskosten", "kosten einmalig", "amount",
    ),
    "running_cost": (
        "laufende kosten", "lfd kosten", "betriebskosten", "kosten p a", "kosten pro jahr", "running cost",
        "running costs", "annual cost", "annual costs", "opex", "folgekosten", "jaehrliche kosten",
        "laufend", "kosten laufend", "kosten jaehrlich", "kosten monatlich", "monatliche kosten",
        "recurring cost", "wartungskosten", "lizenzkosten p a", "kosten pa",
    ),
    "funding_eligible": ("foerderfaehig", "foerderung", "funding", "funding eligible", "foerdermittel"),
    "person_days": (
        "personentage", "pt", "person days", "manntage", "mt", "stunden", "std", "hours", "arbeitsstunden",
        "interner aufwand", "internal effort",
    ),
    "duration": ("dauer", "duration", "laufzeit", "dauer monate", "umsetzungsdauer"),
    "depends_on": (
        "abhaengigkeiten", "abhaengigkeit", "vorgaenger", "predecessors", "predecessor", "depends on",
        "abhaengig von", "voraussetzung", "voraussetzungen", "dependencies", "dependency", "benoetigt",
        "blocked by dependencies", "blocked by", "inward issue link blocks",
    ),
    "earliest_start": (
        "start", "beginn", "startdatum", "start date", "anfang", "von", "begin", "fruehester start",
        "earliest start", "startmonat", "start termin", "geplanter start", "ab",
    ),
    # A planned end gives the duration; a due date is the deadline (docs/import.md, values).
    "planned_end": (
        "ende", "enddatum", "end", "end date", "bis", "finish", "finish date", "abschluss", "endtermin",
        "fertigstellung", "geplantes ende", "planned end", "planned finish",
    ),
    "deadline": (
        "fertig bis", "due", "due date", "deadline", "termin", "frist", "faellig", "faellig am", "faelligkeit",
        "spaetestes ende", "zieltermin", "faelligkeitsdatum",
    ),
    "pinned": ("fixiert auf", "fixiert", "pinned", "pinned to", "festgelegt"),
    "must_have": ("muss", "must have", "pflicht", "must", "gesetzt"),
    "excluded": ("ausgeschlossen", "excluded", "ausschluss", "verworfen"),
    "owner": (
        "verantwortlich", "verantwortliche", "verantwortlicher", "zustaendig", "zustaendigkeit", "owner",
        "verantwortung", "responsible", "assigned to", "assignee", "bearbeiter", "wer", "who", "lead",
        "ansprechpartner", "ressource", "ressourcen", "resource", "resources", "person",
    ),
    "status": ("status", "stand", "state", "umsetzungsstand", "zustand"),
    "progress": (
        "fortschritt", "progress", "prozent erledigt", "prozent complete", "fertigstellungsgrad",
        "erledigt prozent", "percent complete",
    ),
    "kpi_name": ("kpi", "kennzahl", "key figure", "messgroesse"),
    "kpi_baseline": ("kpi ausgangswert", "ausgangswert", "kpi baseline", "baseline", "ist wert"),
    "kpi_target": ("kpi zielwert", "zielwert", "kpi target", "target", "soll wert"),
    "notes": (
        "notizen", "notes", "bemerkung", "bemerkungen", "kommentar", "kommentare", "comment", "anmerkung",
    ),
    "votes": ("stimmen", "votes", "punkte", "dots", "klebepunkte"),
}  # fmt: skip
# Every column name of the program's own `Maßnahmen` sheet is an exact alias of its field.
for _key, _name in MEASURE_COLUMNS.items():
    if _key in _ALIASES:
        _ALIASES[_key] = (*_ALIASES[_key], *(n for n in (_name.de, _name.en)))
_WEIGHTS = {"title": 2.0, "title_2": 0.5, "id": 0.5}
# Words that mark the actual (not the planned) figure: such columns lose against planned ones.
_ACTUAL = {"ist", "tatsaechlich", "actual", "real", "verbraucht", "spent", "complete", "remaining", "rest"}
_TIME_UNITS = (DAYS, WORKING_DAYS, HOURS)
_GRID = re.compile(
    r"kw ?\d{1,2}( .*)?|[mdfsw]|mo|di|mi|do|fr|sa|so|tu|we|th|\d{1,2}|q[1-4]( \d{2,4})?"
    r"|\d{1,2} \d{1,2} \d{2,4}|(jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-z]* ?\d{0,4}"
)


def normalise(text: object) -> str:
    """Lower case, umlauts and ß spelt out, punctuation as spaces: 'Maßnahme ' → 'massnahme'."""
    value = str(text or "").lower().replace("#", " nr ").replace("%", " prozent ").replace("ß", "ss")
    for umlaut, spelt in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        value = value.replace(umlaut, spelt)
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", value).split())


_NORMAL_ALIASES = {
    key: tuple(normalise(a) + ("*" if a.endswith("*") else "") for a in v) for key, v in _ALIASES.items()
}


def _alias_score(header: str, alias: str) -> float:
    # Both texts are normalised (single spaces): an alias or stem that is not inside the header
    # cannot match, and this test is what saves the word-by-word comparison for most pairs.
    if (alias[:-1] if alias.endswith("*") else alias) not in header:
        return 0
    words = header.split()
    if alias.endswith("*"):
        stem = alias[:-1]
        return 100 + len(stem) if any(word.startswith(stem) for word in words) else 0
    if header == alias:
        return 1000 + len(alias)
    wanted = alias.split()
    for start in range(len(words) - len(wanted) + 1):
        if words[start : start + len(wanted)] == wanted:
            # Inside a header an alias opens it ('P Priorität') or is a word of its own ('Kosten p.a.').
            if start == 0:
                return 100 + len(alias)
            return 60 + len(alias) if len(alias) >= 4 else 0
    return 0


def header_unit(header: str) -> str | None:
    """The time unit a header names: 'Dauer (Tage)' → days, 'Aufwand (h)' → hours, else None."""
    for word in reversed(normalise(header).split()[1:]):
        unit = unit_of(word)
        if unit is not None:
            return unit
    return None


def scores(header: str) -> dict[str, float]:
    """How well a header text names each field (0 = not at all).

    A header of several rows ('Kosten' over 'einmalig', joined by a line break) scores as its
    best ending: 'einmalig', or the whole 'Kosten einmalig'.
    """
    parts = [part for part in header.split("\n") if part.strip()]
    if len(parts) <= 1:
        return dict(_scores(header.strip()))
    best: dict[str, float] = {}
    for first in range(len(parts)):
        for key, score in _scores(" ".join(parts[first:])):
            best[key] = max(best.get(key, 0.0), score)
    return best


@functools.lru_cache(maxsize=8192)
def _scores(header: str) -> tuple[tuple[str, float], ...]:
    # Cached: header detection scores the same texts ('M', 'KW 46', …) many times.
    normal = normalise(header)
    if not normal:
        return ()
    found: dict[str, float] = {}
    for key, aliases in _NORMAL_ALIASES.items():
        best = max(_alias_score(normal, alias) for alias in aliases)
        if best:
            found[key] = best - (50 if _ACTUAL & set(normal.split()) else 0)
    # Effort given in hours or days is a person-day figure, not a 1–5 score.
    if "effort" in found and header_unit(header) in _TIME_UNITS:
        found["person_days"] = max(found.pop("effort"), found.get("person_days", 0))
    if "duration" in found and header_unit(header) == HOURS:
        found["person_days"] = max(found["duration"], found.get("person_days", 0))
    return tuple(found.items())


def is_grid_header(header: str) -> bool:
    """A calendar column of a Gantt grid: 'KW 12', 'M', 'Mo', '03', 'Jan 2026'."""
    return bool(_GRID.fullmatch(normalise(header)))


def map_columns(headers: list[str], override: dict[str, int] | None = None) -> dict[str, int]:
    """Field → 0-based column, each column and each field used once; the user's choices first."""
    candidates = sorted(
        ((score, -column, key) for column, text in enumerate(headers) for key, score in scores(text).items()),
        reverse=True,
    )
    mapping: dict[str, int] = {}
    used: set[int] = set()
    # The user's choices win; a negative column means "this field is in no column".
    blocked = {key for key, column in (override or {}).items() if column < 0}
    for key, column in (override or {}).items():
        if key in IMPORT_FIELDS and column >= 0:
            mapping[key] = column
            used.add(column)
    for _, negative_column, key in candidates:
        column = -negative_column
        if key in mapping or key in blocked or column in used:
            continue
        mapping[key] = column
        used.add(column)
    _order_title_levels(mapping, headers, used, override or {})
    # Two 'Beschreibung' columns and no title: the first one is the title (a common habit).
    if "title" not in mapping and "description" in mapping and not (override and "description" in override):
        mapping["title"] = mapping.pop("description")
        rest = [c for c, t in enumerate(headers) if c not in mapping.values() and "description" in scores(t)]
        if rest:
            mapping["description"] = rest[0]
    return mapping


def _order_title_levels(
    mapping: dict[str, int], headers: list[str], used: set[int], override: Mapping[str, int]
) -> None:
    """Sub-task columns become levels 2 and 3 in the order they stand, right of the title."""
    if any(level in override for level in TITLE_LEVELS[1:]):
        return
    levels = sorted(
        column
        for column, text in enumerate(headers)
        if "title_2" in scores(text) and (column not in used or mapping.get("title_2") == column)
    )
    mapping.pop("title_2", None)
    for level, column in zip(TITLE_LEVELS[1:], levels, strict=False):
        mapping[level] = column
    if "title" not in mapping and "title_2" in mapping:
        mapping["title"] = mapping.pop("title_2")
        if "title_3" in mapping:
            mapping["title_2"] = mapping.pop("title_3")


def header_score(headers: list[str]) -> tuple[float, dict[str, int]]:
    """How much a row of header texts looks like a measure list's header, and its mapping."""
    mapping = map_columns(headers)
    total = 0.0
    for key, column in mapping.items():
        exact = max(scores(headers[column]).values(), default=0) >= 1000
        total += _WEIGHTS.get(key, 1.0) + (0.25 if exact else 0.0)
    return total, mapping


def is_measure_header(mapping: dict[str, int]) -> bool:
    """A title column, or at least two other telling columns (the title may be unnamed)."""
    telling = set(mapping) - {"title", "title_2", "title_3", "notes", "description"}
    return "title" in mapping or len(telling) >= 2


def looked_for() -> str:
    """Example names of a title column, for the message when no measure list is found."""
    return "Maßnahme, Titel, Aufgabe, Vorhaben, Projekt, Vorgang, Tätigkeit, Task, Name"
