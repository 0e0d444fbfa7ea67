"""Whatever a list holds, the importer returns valid measures or refuses the file – nothing else."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.domain.vocabulary import STATUSES
from roadmap.importing.importer import import_file
from roadmap.importing.raw_sheets import ImportFailed

HEADERS = [
    "Nr.", "Maßnahme", "Aufgabe", "Kosten", "lfd. Kosten", "Start", "Ende", "Dauer", "Dauer (Tage)",
    "Vorgänger", "Status", "Priorität", "Nutzen", "Aufwand", "Handlungsfeld", "Phase", "Verantwortlich",
    "Förderfähig", "", "Bemerkung", "KW 12", "Stimmen", "Fixiert auf", "Fortschritt",
]  # fmt: skip
WORDS = [
    "", "-", "x", "hoch", "mittel", "niedrig", "12.500,00 €", "€12,500.00", "1,5", "12,500", "-3", "1e999",
    "01.03.2026", "1.3.26", "Q2 2026", "03/2026", "0001-01-01", "2026-13-01", "4 Tage", "6 Wochen", "10 AT",
    "18,22", "1;5", "läuft", "erledigt", "Idee", "Summe", "Gesamt:", "<Tätigkeit hier eintragen>", "NN",
    "Phase 1", "Planen:", " - Teilaufgabe", "IT-Sicherheit", "ja", "nein", "50 %", "99999999999", "0", "1",
    "2", "3", "10", "101", "1.1", "1.2.1", "CRM einführen", "Backup", "Meilenstein: Go-live", "ab 12.06.",
]  # fmt: skip

cells = st.sampled_from(WORDS) | st.integers(-5, 3000).map(str) | st.text(max_size=12)
tables = st.tuples(
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    st.lists(st.lists(cells, max_size=8), max_size=25),
)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
def test_any_table_gives_valid_measures_with_unique_ids_or_is_refused(
    table: tuple[list[str], list[list[str]]],
) -> None:
    header, rows = table

    try:
        result = import_file(_csv(header, rows), filename="liste.csv")
    except ImportFailed as refused:
        assert refused.text("de") and refused.text("en")
        return

    ids = [m.id for m in result.measures]
    assert result.measures and len(ids) == len(set(ids))
    assert all(m.title.strip() and m.status in STATUSES and 1 <= m.value <= 5 for m in result.measures)
    assert all(p.where.row and p.where.column and p.where.sheet for p in result.problems)
