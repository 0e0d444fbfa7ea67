"""The roadmap workbook's sheet, column and key names in German and English (one fixed table)."""

from __future__ import annotations

from dataclasses import dataclass

from roadmap.domain.messages import LANGS, Lang


@dataclass(frozen=True)
class Name:
    """A sheet, column or key name in both languages."""

    de: str
    en: str

    def __call__(self, lang: Lang = "de") -> str:
        return self.en if lang == "en" else self.de


SHEET_ROADMAP = Name("Roadmap", "Roadmap")
SHEET_GANTT = Name("Gantt", "Gantt")
SHEET_BUDGET = Name("Budget", "Budget")
SHEET_RANKING = Name("Priorisierung", "Prioritisation")
SHEET_PROFILE = Name("Profil", "Profile")
SHEET_MEASURES = Name("Maßnahmen", "Measures")
SHEETS: tuple[Name, ...] = (
    SHEET_ROADMAP,
    SHEET_GANTT,
    SHEET_BUDGET,
    SHEET_RANKING,
    SHEET_PROFILE,
    SHEET_MEASURES,
)

ROADMAP_COLUMNS: tuple[Name, ...] = (
    Name("ID", "ID"),
    Name("Maßnahme", "Measure"),
    Name("Handlungsfeld", "Field of action"),
    Name("Nutzen", "Value"),
    Name("Aufwand", "Effort"),
    Name("Score", "Score"),
    Name("Rang", "Rank"),
    Name("Quadrant", "Quadrant"),
    Name("Phase", "Phase"),
    Name("Start", "Start"),
    Name("Ende", "End"),
    Name("Dauer (Monate)", "Duration (months)"),
    Name("Einmalkosten (€)", "One-time cost (€)"),
    Name("Laufende Kosten (€/Jahr)", "Running cost (€/year)"),
    Name("Förderfähig", "Funding eligible"),
    Name("Personentage", "Person-days"),
    Name("Abhängigkeiten", "Dependencies"),
    Name("Verantwortlich", "Owner"),
    Name("Status", "Status"),
    Name("Hinweis", "Note"),
)

BUDGET_COLUMNS: tuple[Name, ...] = (
    Name("Jahr", "Year"),
    Name("Einmalkosten (€)", "One-time cost (€)"),
    Name("Laufende Kosten (€)", "Running cost (€)"),
    Name("Bestehende IT-Kosten (€)", "Existing IT cost (€)"),
    Name("Gesamt (€)", "Total (€)"),
    Name("Budget (€)", "Budget (€)"),
    Name("Anteil am Umsatz (%)", "Share of revenue (%)"),
    Name("Laufender Anteil (%)", "Running share (%)"),
    Name("Status", "Status"),
)

# The `Maßnahmen` sheet: every field of a measure, in this order; criteria follow as
# one column each, named CRITERION_PREFIX + criterion name.
MEASURE_COLUMNS: dict[str, Name] = {
    "id": Name("ID", "ID"),
    "title": Name("Maßnahme", "Measure"),
    "description": Name("Beschreibung", "Description"),
    "field": Name("Handlungsfeld", "Field of action"),
    "value": Name("Nutzen", "Value"),
    "effort": Name("Aufwand", "Effort"),
    "one_time_cost": Name("Einmalkosten (€)", "One-time cost (€)"),
    "running_cost": Name("Laufende Kosten (€/Jahr)", "Running cost (€/year)"),
    "funding_eligible": Name("Förderfähig", "Funding eligible"),
    "person_days": Name("Personentage", "Person-days"),
    "duration": Name("Dauer (Monate)", "Duration (months)"),
    "depends_on": Name("Abhängigkeiten", "Dependencies"),
    "earliest_start": Name("Frühester Start", "Earliest start"),
    "deadline": Name("Spätestes Ende", "Deadline"),
    "pinned": Name("Fixiert auf", "Pinned to"),
    "must_have": Name("Muss", "Must-have"),
    "excluded": Name("Ausgeschlossen", "Excluded"),
    "owner": Name("Verantwortlich", "Owner"),
    "status": Name("Status", "Status"),
    "kpi_name": Name("KPI", "KPI"),
    "kpi_baseline": Name("KPI Ausgangswert", "KPI baseline"),
    "kpi_target": Name("KPI Zielwert", "KPI target"),
    "notes": Name("Notizen", "Notes"),
    "votes": Name("Stimmen", "Votes"),
    # the follow-up (docs/planning.md, the follow-up)
    "actual_start": Name("Tatsächlicher Beginn", "Actual start"),
    "actual_end": Name("Tatsächliches Ende", "Actual end"),
    "percent_done": Name("Fortschritt (%)", "Progress (%)"),
    "actual_cost": Name("Tatsächliche Kosten (€)", "Actual cost (€)"),
    "kpi_current": Name("KPI aktueller Wert", "KPI current"),
    "kpi_measured_on": Name("KPI gemessen am", "KPI measured on"),
}
CRITERION_PREFIX = Name("Kriterium: ", "Criterion: ")
# The follow-up columns: read back by the own workbook's reader only, not mapped by the general importer.
FOLLOW_UP_COLUMNS = ("actual_start", "actual_end", "percent_done", "actual_cost", "kpi_current", "kpi_measured_on")

# The `Profil` sheet: one key per row in column A, its value in column B.
PROFILE_KEYS: dict[str, Name] = {
    "name": Name("Unternehmen", "Company"),
    "industry": Name("Branche", "Industry"),
    "employees": Name("Mitarbeitende", "Employees"),
    "revenue": Name("Jahresumsatz (€)", "Annual revenue (€)"),
    "baseline_it": Name("Bestehende IT-Kosten (€/Jahr)", "Existing IT cost (€/year)"),
    "budget_share": Name("Budgetanteil (%)", "Budget share (%)"),
    "funding_rate": Name("Förderquote (%)", "Funding rate (%)"),
    "capacity": Name("Kapazität (Personentage/Monat)", "Capacity (person-days/month)"),
    "horizon_start": Name("Planungsbeginn", "Horizon start"),
    "horizon_end": Name("Planungsende", "Horizon end"),
    "phase_names": Name("Phasennamen", "Phase names"),
    "midpoint": Name("Skalenmitte", "Scale midpoint"),
    "vote_mode": Name("Stimmwertung", "Vote mode"),
    "vote_weight": Name("Wert je Stimme", "Value per vote"),
    "dots_per_person": Name("Punkte je Person", "Dots per person"),
    "criteria": Name("Kriterien", "Criteria"),
    "mode": Name("Planungsmodus", "Planning mode"),
    "revenue_by_year": Name("Umsatz je Jahr (€)", "Revenue per year (€)"),
    "as_of": Name("Planungsstand", "Plan as of"),
}
PROFILE_HEADER = (Name("Einstellung", "Setting"), Name("Wert", "Value"))

YES = Name("ja", "yes")
NO = Name("nein", "no")
LIST_SEPARATOR = ", "
PHASE_SEPARATOR = " | "


def lang_of_sheet_names(names: list[str]) -> Lang | None:
    """'de' or 'en' if the names are those of this program's own workbook, else None."""
    for lang in LANGS:
        wanted = {SHEET_MEASURES(lang), SHEET_PROFILE(lang)}
        if wanted <= set(names):
            return lang
    return None
