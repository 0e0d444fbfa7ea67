"""What the import says about the rows it did not take as measures, and how it names rows (docs/import.md):
one sentence per kind of phase, group, summary or milestone row, one per kind of row that only looked like one
and was kept, row numbers as '5, 7–9, 12'. The rows are sorted in roadmap/importing/rows.py."""

from __future__ import annotations

from roadmap.domain.messages import Message
from roadmap.importing.rows import GROUP, MEASURE, MILESTONE, PHASE, SUMMARY, TOTAL, Line


def rows_text(numbers: list[int], limit: int = 12) -> str:
    """Row numbers as '5, 7–9, 12', at most `limit` items and a count of the rest."""
    items: list[str] = []
    ordered = sorted(set(numbers))
    start = previous = ordered[0] if ordered else 0
    for number in [*ordered[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        items.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" … (+{len(items) - limit})"
    return ", ".join(items)


def skipped_messages(lines: list[Line]) -> list[tuple[Message, int]]:
    """One message per kind of recognised non-measure row, with the rows it concerns."""
    messages = []
    words = {
        PHASE: ("als Phasen-/Abschnittsüberschrift gelesen", "read as phase/section headings"),
        GROUP: ("als Gruppenüberschrift gelesen", "read as group headings"),
        SUMMARY: ("als Sammelzeile (ganzes Projekt) gelesen", "read as summary rows (whole project)"),
        MILESTONE: ("als Meilenstein gelesen", "read as milestones"),
    }
    for kind, (de, en) in words.items():
        rows = [line.number for line in lines if line.kind == kind]
        if rows:
            messages.append(
                (
                    Message(
                        f"Zeile(n) {rows_text(rows)} {de} – keine eigene Maßnahme.",
                        f"Row(s) {rows_text(rows)} {en} – not measures of their own.",
                    ),
                    rows[0],
                )
            )
    resembled = {
        SUMMARY: (
            "umfassen den Zeitraum der ganzen Liste wie eine Sammelzeile",
            "span the whole list like a summary row",
        ),
        PHASE: ("heißen oder stehen wie eine Phasenüberschrift", "are named or placed like a phase heading"),
        TOTAL: ("heißen wie eine Summenzeile", "are named like a totals row"),
    }
    for kind, (de, en) in resembled.items():
        rows = [line.number for line in lines if line.looked_like == kind and line.kind == MEASURE]
        if rows:
            messages.append(
                (
                    Message(
                        f"Zeile(n) {rows_text(rows)} {de}, haben aber eigene Angaben (Nutzen, Kosten, "
                        "Verantwortliche, Abhängigkeiten …) – als Maßnahme übernommen. Ist es nur eine "
                        "Sammelzeile, entfernen Sie sie nach dem Übernehmen.",
                        f"Row(s) {rows_text(rows)} {en} but hold data of their own (value, costs, owner, "
                        "dependencies …) – kept as measures. If it is only a summary, remove it after "
                        "taking the list over.",
                    ),
                    rows[0],
                )
            )
    return messages
