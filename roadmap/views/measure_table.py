"""The measure table of the Maßnahmen page: measures -> one row each, and what its columns show.

`measure_frame` builds the table the editor shows (display names in the session language, dependencies
as titles, months as the first day of the month); `column_specs` gives each column's label, choices,
format and range. The editor's changes become a new workshop in roadmap/views/measure_edits.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pandas as pd

from roadmap.domain import formats
from roadmap.domain.measure import DURATION_LIMIT, Measure, awaits_assessment
from roadmap.domain.messages import Lang, Message
from roadmap.domain.vocabulary import FIELDS, FIELDS_EN, STATUSES_EN, Status
from roadmap.views.column_specs import ColumnSpec, column
from roadmap.workbook.own_format import month_day

# Column key -> label (German, English); the keys are the DataFrame's column names.
COLUMNS: dict[str, Message] = {
    "id": Message("ID", "ID"),
    "title": Message("Maßnahme", "Measure"),
    "field": Message("Handlungsfeld", "Field of action"),
    "status": Message("Status", "Status"),
    "value": Message("Nutzen (1–5)", "Value (1–5)"),
    "effort": Message("Aufwand (1–5)", "Effort (1–5)"),
    "one_time_cost": Message("Einmalkosten (€)", "One-time cost (€)"),
    "running_cost": Message("Laufende Kosten (€/Jahr)", "Running cost (€/year)"),
    "funding_eligible": Message("Förderfähig", "Funding eligible"),
    "person_days": Message("Personentage", "Person-days"),
    "duration": Message("Dauer (Monate)", "Duration (months)"),
    "depends_on": Message("Abhängig von", "Depends on"),
    "earliest_start": Message("Frühester Start", "Earliest start"),
    "deadline": Message("Fertig bis", "Deadline"),
    "pinned": Message("Fixiert auf", "Pinned to"),
    "must_have": Message("Muss", "Must-have"),
    "excluded": Message("Ausgeschlossen", "Excluded"),
    "owner": Message("Verantwortlich", "Owner"),
    "votes": Message("Stimmen", "Votes"),
    "notes": Message("Notizen", "Notes"),
    "description": Message("Beschreibung", "Description"),
    "kpi_name": Message("KPI", "KPI"),
    "kpi_baseline": Message("KPI Ausgangswert", "KPI baseline"),
    "kpi_target": Message("KPI Zielwert", "KPI target"),
    "assessed": Message("Bewertet", "Assessed"),
}
# The columns the editor describes, in this order; which of them are shown together: roadmap/views/measure_columns.py.
ORDER = (
    "id", "title", "field", "status", "assessed", "value", "effort", "one_time_cost", "running_cost",
    "funding_eligible", "person_days", "duration", "depends_on", "earliest_start", "deadline", "pinned", "must_have",
    "excluded", "owner", "votes", "kpi_name", "kpi_baseline", "kpi_target", "description", "notes",
)  # fmt: skip
TEXTS = ("id", "title", "field", "status", "owner", "notes", "description", "kpi_name", "kpi_baseline", "kpi_target")
FLOATS = ("value", "effort", "one_time_cost", "running_cost", "person_days")
INTEGERS = ("duration", "votes")
FLAGS = ("funding_eligible", "must_have", "excluded")
MONTHS = ("earliest_start", "deadline", "pinned")
KPI_PARTS = {"kpi_name": "name", "kpi_baseline": "baseline", "kpi_target": "target"}
DTYPES: dict[str, str] = {
    **dict.fromkeys(TEXTS, "object"),
    **dict.fromkeys(FLOATS, "float64"),
    **dict.fromkeys(INTEGERS, "int64"),
    **dict.fromkeys((*FLAGS, "assessed"), "bool"),
    **dict.fromkeys((*MONTHS, "depends_on"), "object"),
}


# --- display names ------------------------------------------------------------------------------


def field_names(lang: Lang) -> list[str]:
    """The fields of action as the table shows them, in FIELDS order."""
    return [FIELDS_EN[f] if lang == "en" else f for f in FIELDS]


def status_names(lang: Lang) -> list[str]:
    """The statuses as the table shows them, in the order of Status."""
    return [STATUSES_EN[s] if lang == "en" else s.value for s in Status]


def dependency_labels(measures: Sequence[Measure]) -> dict[str, str]:
    """Measure id -> the label a dependency is picked by: its title, or 'title (id)' where titles repeat."""
    counts = Counter(m.title.strip().lower() for m in measures)
    return {m.id: m.title if counts[m.title.strip().lower()] == 1 else f"{m.title} ({m.id})" for m in measures}


def dependency_options(measures: Sequence[Measure]) -> list[str]:
    """Every label the dependency column offers: each measure, then ids that are no measure (kept, unplannable)."""
    labels = dependency_labels(measures)
    unknown = sorted({d for m in measures for d in m.depends_on if d not in labels})
    return [*labels.values(), *unknown]


# --- measures -> table --------------------------------------------------------------------------


def measure_frame(measures: Sequence[Measure], lang: Lang = "de") -> pd.DataFrame:
    """The editor's table: one row per measure, in the workshop's order, with the columns of COLUMNS."""
    labels = dependency_labels(measures)
    fields = dict(zip(FIELDS, field_names(lang), strict=True))
    statuses = dict(zip(Status, status_names(lang), strict=True))
    rows = [
        (
            m.id, m.title, fields.get(m.field, m.field), statuses.get(m.status, m.status), float(m.value),
            float(m.effort), float(m.one_time_cost), float(m.running_cost), m.funding_eligible, float(m.person_days),
            m.duration, [labels.get(d, d) for d in m.depends_on], month_day(m.earliest_start), month_day(m.deadline),
            month_day(m.pinned), m.must_have, m.excluded, m.owner, m.votes, m.notes, m.description, m.kpi.name,
            m.kpi.baseline, m.kpi.target, not m.to_assess,
        )
        for m in measures
    ]  # fmt: skip
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS)).astype(DTYPES)


# --- what the columns show ----------------------------------------------------------------------

ONE_TO_FIVE = Message("1 = gering, 5 = hoch", "1 = low, 5 = high")
DEPENDS_HELP = Message("Was vorher fertig sein muss.", "What must be finished first.")
ASSESSED_HELP = Message(
    "Leer: noch nicht bewertet (z. B. eine Idee vom Handy) – Nutzen, Aufwand und Einmalkosten festlegen, dann "
    "wird sie eingeplant. Anhaken übernimmt die eingetragenen Werte.",
    "Empty: not yet assessed (e.g. an idea from a phone) – set value, effort and one-time cost, then it is "
    "planned. Ticking it takes the figures as they are.",
)
PINNED_HELP = Message("Beginnt genau in diesem Monat.", "Starts in exactly this month.")
EDITOR_HINT = Message(
    "Zellen direkt bearbeiten – jede Änderung wird sofort gespeichert. Neue Zeile: unten auf „+“ klicken; "
    "löschen: Zeile links markieren und auf den Papierkorb klicken. Abhängigkeiten wählen Sie per Titel.",
    "Edit cells directly – every change is saved at once. New row: click “+” below; delete: select the "
    "row on the left and click the bin. Dependencies are picked by title.",
)
TABLE_NAME = Message("Maßnahmenliste", "List of measures")


def money_format(lang: Lang) -> str:
    """The sprintf format of whole euros: '€12,500' in English, '12.500 €' in German (' sets the grouping)."""
    return "€%,d" if lang == "en" else "%'.,d €"


def month_format(lang: Lang) -> str:
    """The date format of a month column: 'Mar 2026' in English, '03.2026' in German."""
    return "MMM YYYY" if lang == "en" else "MM.YYYY"


def column_specs(measures: Sequence[Measure], lang: Lang, editable: bool) -> dict[str, ColumnSpec]:
    """Label, choices, format and range of every column; only the ID is never editable."""
    label = {key: text(lang) for key, text in COLUMNS.items()}
    money, month = money_format(lang), month_format(lang)
    fields, statuses = field_names(lang), status_names(lang)
    off = not editable
    one_to_five = {"min_value": 1, "max_value": 5, "default": 3, "format": "localized", "help": ONE_TO_FIVE(lang)}
    euros = {"min_value": 0, "step": 1, "default": 0, "format": money, "disabled": off}
    specs = {
        "id": column("text", label["id"], disabled=True, width="small", pinned=True),
        "title": column("text", label["title"], required=True, width="large", disabled=off),
        "field": column("select", label["field"], options=fields, required=True, default=fields[0], disabled=off),
        "status": column("select", label["status"], options=statuses, required=True, default=statuses[0], disabled=off),
        "value": column("number", label["value"], **one_to_five, disabled=off),
        "effort": column("number", label["effort"], **one_to_five, disabled=off),
        "one_time_cost": column("number", label["one_time_cost"], **euros),
        "running_cost": column("number", label["running_cost"], **euros),
        "funding_eligible": column("checkbox", label["funding_eligible"], default=False, disabled=off),
        "person_days": column("number", label["person_days"], min_value=0, default=0, format="localized", disabled=off),
        "duration": column(
            "number",
            label["duration"],
            min_value=1,
            max_value=DURATION_LIMIT,
            step=1,
            default=1,
            format="%d",
            disabled=off,
        ),
        "depends_on": column(
            "multiselect",
            label["depends_on"],
            options=dependency_options(measures),
            width="large",
            help=DEPENDS_HELP(lang),
            disabled=off,
        ),
        "earliest_start": column("date", label["earliest_start"], format=month, disabled=off),
        "deadline": column("date", label["deadline"], format=month, disabled=off),
        "pinned": column("date", label["pinned"], format=month, help=PINNED_HELP(lang), disabled=off),
        "must_have": column("checkbox", label["must_have"], default=False, disabled=off),
        "assessed": column("checkbox", label["assessed"], default=True, help=ASSESSED_HELP(lang), disabled=off),
        "excluded": column("checkbox", label["excluded"], default=False, disabled=off),
        "votes": column("number", label["votes"], min_value=0, step=1, default=0, format="%d", disabled=off),
    }
    for key in ("owner", "kpi_name", "kpi_baseline", "kpi_target"):
        specs[key] = column("text", label[key], disabled=off)
    for key in ("description", "notes"):
        specs[key] = column("text", label[key], width="large", disabled=off)
    return {key: specs[key] for key in ORDER}


# --- the totals above the table -----------------------------------------------------------------


def headline(measures: Sequence[Measure], lang: Lang) -> list[tuple[str, Any]]:
    """The figures above the table (label, value): how many measures and what they cost together."""
    return [
        (Message("Maßnahmen", "Measures")(lang), len(measures)),
        (
            Message("Einmalkosten gesamt", "One-time costs in total")(lang),
            formats.euro(sum(m.one_time_cost for m in measures), lang),
        ),
        (
            Message("Laufende Kosten gesamt (pro Jahr)", "Running costs in total (per year)")(lang),
            formats.euro(sum(m.running_cost for m in measures), lang),
        ),
    ]


def unassessed_notice(measures: Sequence[Measure]) -> Message | None:
    """The line above the table naming the measures not yet assessed (kept out of the plan); None if none."""
    waiting = [m.title for m in measures if awaits_assessment(m) and not m.excluded]
    if not waiting:
        return None
    names = ", ".join(f"„{title}“" for title in waiting[:8]) + (
        f" und {len(waiting) - 8} weitere" if len(waiting) > 8 else ""
    )
    names_en = ", ".join(f"“{title}”" for title in waiting[:8]) + (
        f" and {len(waiting) - 8} more" if len(waiting) > 8 else ""
    )
    return Message(
        f"Noch nicht bewertet ({len(waiting)}): {names} – Nutzen, Aufwand und Einmalkosten festlegen (oder "
        "„Bewertet“ anhaken), dann werden sie eingeplant.",
        f"Not yet assessed ({len(waiting)}): {names_en} – set value, effort and one-time cost (or tick "
        "“Assessed”), then they are planned.",
    )
