"""How often the field of action inferred from a title is the one its list gave it.

The titles in bench/data/field_titles.csv were written by other people in public repositories (each row
names its source); the field is the one the source's own grouping implies (a CRM module → customers, a
BI module → data, an IT security handbook → security, …). Nothing here was written to suit the matcher.

The vocabulary was written first and then extended by looking only at the misses among the even rows
(the "seen" half); the odd rows (the "unseen" half) were never looked at while tuning, so their figure is
the honest one for titles the matcher has never met.

A second set, bench/data/field_titles_frameworks.csv, was collected later from other public sources (digital
maturity questionnaires and frameworks that group their topics by area; label rule in its header), measured
before the vocabulary was changed for it. A third, bench/data/field_titles_sme.csv, holds German and English titles
from SME checklists and a small-business backlog (label rule in its header), measured before the matcher was changed
for it. In the last round of tuning the even rows of all three sets were looked at, never the odd ones: the odd
halves are the honest figures for titles the matcher has never met.

Last, the CPU time to suggest a field for 3,000 titles with a short description each (as an import of a 3,000-row
list without a field column does).

Run: PYTHONPATH=. python bench/field_accuracy.py [--seen]   (target: at least 85 % right)
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from roadmap.importing.field_words import infer_field

DATA = Path(__file__).with_name("data") / "field_titles.csv"
FRAMEWORKS = Path(__file__).with_name("data") / "field_titles_frameworks.csv"
SME = Path(__file__).with_name("data") / "field_titles_sme.csv"
SETS = (("first set", DATA), ("second set", FRAMEWORKS), ("third set", SME))


def evaluate(path: Path = DATA, half: int | None = None) -> tuple[int, int, list[tuple[str, str, str]]]:
    """Right answers, titles counted and the misses as (title, expected, inferred); half 0 or 1 takes the
    even or odd rows only."""
    right, misses = 0, []
    rows = _rows(path)
    if half is not None:
        rows = rows[half::2]
    for row in rows:
        guess = infer_field(row["title"])
        inferred = guess.field if guess else "—"
        if inferred == row["field"]:
            right += 1
        else:
            misses.append((row["title"], row["field"], inferred))
    return right, len(rows), misses


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(line for line in stream if not line.startswith("#")))


def seconds_for(count: int = 3000) -> float:
    """CPU seconds to suggest a field for `count` distinct titles (the sets' titles, numbered) with a description."""
    titles = [row["title"] for _, path in SETS for row in _rows(path)]
    rows = [(f"{titles[number % len(titles)]} {number}", "Beschreibung der Maßnahme") for number in range(count)]
    start = time.process_time()
    for title, description in rows:
        infer_field(title, description)
    return time.process_time() - start


def main() -> None:
    right_all = total_all = 0
    for name, path in SETS:
        figures = []
        for half in (None, 0, 1):
            right, total, _ = evaluate(path, half)
            figures.append(f"{right}/{total} = {100 * right / total:.1f} %")
            if half is None:
                right_all, total_all = right_all + right, total_all + total
        print(f"{name} ({path.name}): {figures[0]} right; even rows {figures[1]}, odd rows (unseen) {figures[2]}")
    print(f"all three: {right_all}/{total_all} = {100 * right_all / total_all:.1f} % right (target ≥ 85 %)")
    print(f"CPU seconds to suggest 3,000 fields: {seconds_for():.2f}")
    if "--seen" not in sys.argv:
        return
    for name, path in SETS:
        right, total, misses = evaluate(path, half=0)
        print(f"{name}, even rows: {right}/{total}")
        for field, count in Counter(expected for _, expected, _ in misses).most_common():
            print(f"  missed in {field}: {count}")
        for title, expected, inferred in misses:
            print(f"  {title!r}: {expected} → {inferred}")


if __name__ == "__main__":
    main()
