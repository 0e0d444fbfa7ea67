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

A fourth set, bench/data/field_titles_lists.csv, 181 German and English titles of six public lists (process
backlogs, BSI modules, an onboarding checklist, a marketing checklist, a funding programme's topics, a data
consultancy's work steps), was collected by a separate session that never saw the matcher, and measured once
before anything was changed for it (62.4 % in the list's order, 50.8 % alone); its even rows were then looked at.
A fifth, bench/data/field_titles_fifth.csv, 245 titles of 13 public lists (startup and project checklists, sales and
marketing plans, public digital strategies, a joinery's and a law firm's digitalisation plans), was collected the same
way and measured once, after the last change to the matcher then (62.0 % in the list's order, 55.9 % alone). A sixth,
bench/data/field_titles_sixth.csv, 210 titles of eight SME lists (an ERP project plan, a building firm's and a solar
installer's marketing and local-search plans, an IT-security catalogue for craft businesses, a small-business
cybersecurity checklist, an SME digital-transformation roadmap, an offboarding checklist, a marketing checklist), was
collected the same way and measured once before anything was changed for it (72.4 % in the list's order, 56.7 % alone).
The misses of the fifth and sixth sets were looked at afterwards: no set is unseen any more, so the figures measured
fresh (in the files' headers and docs/import.md) are the honest ones for titles the matcher has never met.

Each list is read whole, as an import reads it (roadmap/importing/field_context.py): in the list's own order, where a
title that says little goes where the rows around it go, as much as the list is ordered by topic. For comparison the
same titles are read each alone (the words only), and in a shuffled order (no topic order to lean on). The rows
around a title were chosen (two on either side, 2 points, fading by 0.7) on the even rows of the first three sets.

A second reader, a separate session that saw only the titles of the fourth and fifth sets (shuffled together) and the
six fields' definitions, filed each title where a consultant would (bench/data/field_titles_second_reader.csv); another
did the same for the sixth set. How far it agrees with the lists' own labels shows how far any reader of titles can
agree with them; the matcher is compared with both, and on the titles where both agree.

Last, the CPU time to suggest a field for 3,000 titles with a short description each (as an import of a 3,000-row
list without a field column does).

Run: PYTHONPATH=. python bench/field_accuracy.py [--seen: the misses among the even rows of every set]
(target: at least 85 % right)
"""

from __future__ import annotations

import csv
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Literal

from roadmap.importing.field_context import infer_fields
from roadmap.importing.field_words import infer_field

DATA = Path(__file__).with_name("data") / "field_titles.csv"
FRAMEWORKS = Path(__file__).with_name("data") / "field_titles_frameworks.csv"
SME = Path(__file__).with_name("data") / "field_titles_sme.csv"
LISTS = Path(__file__).with_name("data") / "field_titles_lists.csv"
FIFTH = Path(__file__).with_name("data") / "field_titles_fifth.csv"
SIXTH = Path(__file__).with_name("data") / "field_titles_sixth.csv"
SECOND_READER = Path(__file__).with_name("data") / "field_titles_second_reader.csv"
SETS = (
    ("first set", DATA),
    ("second set", FRAMEWORKS),
    ("third set", SME),
    ("fourth set", LISTS),
    ("fifth set", FIFTH),
    ("sixth set", SIXTH),
)
Order = Literal["list", "shuffled", "alone"]
SHUFFLE_SEED = 2026
ORDERS: dict[Order, str] = {
    "list": "in the list's order",
    "alone": "each title alone",
    "shuffled": "rows shuffled",
}


def evaluate(
    path: Path = DATA, half: int | None = None, order: Order = "list"
) -> tuple[int, int, list[tuple[str, str, str]]]:
    """Right answers, titles counted and the misses as (title, expected, inferred); half 0 or 1 counts the even
    or odd rows only. The whole list is read at once, as an import does (infer_fields): in its own order
    ("list"), shuffled ("shuffled", the same shuffle every run) or each title alone ("alone")."""
    rows = _rows(path)
    positions = list(range(len(rows)))
    if order == "shuffled":
        random.Random(SHUFFLE_SEED).shuffle(positions)
    if order == "alone":
        guesses = [infer_field(row["title"]) for row in rows]
    else:
        read = infer_fields([(rows[position]["title"], "") for position in positions])
        guesses = [guess for _, guess in sorted(zip(positions, read, strict=True), key=lambda pair: pair[0])]
    right, misses = 0, []
    for number, (row, guess) in enumerate(zip(rows, guesses, strict=True)):
        if half is not None and number % 2 != half:
            continue
        inferred = guess.field if guess else "—"
        if inferred == row["field"]:
            right += 1
        else:
            misses.append((row["title"], row["field"], inferred))
    return right, len(rows[half::2] if half is not None else rows), misses


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(line for line in stream if not line.startswith("#")))


def seconds_for(count: int = 3000) -> float:
    """CPU seconds to suggest a field for `count` distinct titles (the sets' titles, numbered) with a description."""
    titles = [row["title"] for _, path in SETS for row in _rows(path)]
    rows = [(f"{titles[number % len(titles)]} {number}", "Beschreibung der Maßnahme") for number in range(count)]
    start = time.process_time()
    infer_fields(rows)
    return time.process_time() - start


def main() -> None:
    totals: dict[Order, list[int]] = {order: [0, 0, 0, 0] for order in ORDERS}
    print("set: right overall / even rows / odd rows (of the first four sets only the even rows were looked at)")
    for name, path in SETS:
        print(f"{name} ({path.name})")
        for order in ORDERS:
            (right, total, _), (odd_right, odd_total, _) = evaluate(path, None, order), evaluate(path, 1, order)
            even_right, even_total, _ = evaluate(path, 0, order)
            totals[order] = [
                sum(pair) for pair in zip(totals[order], (right, total, odd_right, odd_total), strict=True)
            ]
            print(
                f"  {ORDERS[order]:<28} {_share(right, total)}  even {_share(even_right, even_total)}"
                f"  odd {_share(odd_right, odd_total)}"
            )
    for order, (right, total, odd_right, odd_total) in totals.items():
        print(
            f"all sets, {ORDERS[order]:<28} {_share(right, total)}  odd {_share(odd_right, odd_total)}  (target ≥ 85 %)"
        )
    for path in (LISTS, FIFTH, SIXTH):
        print(_second_reading(path))
    print(f"CPU seconds to suggest 3,000 fields of one list: {seconds_for():.2f}")
    if "--seen" not in sys.argv:
        return
    for name, path in SETS:
        right, total, misses = evaluate(path, half=0)
        print(f"{name}, even rows: {right}/{total}")
        for field, count in Counter(expected for _, expected, _ in misses).most_common():
            print(f"  missed in {field}: {count}")
        for title, expected, inferred in misses:
            print(f"  {title!r}: {expected} → {inferred}")


def _second_reading(path: Path) -> str:
    """How far a careful second reader (bench/data/field_titles_second_reader.csv) agrees with a set's own labels,
    and the matcher (the list read in its order) with each, and with both where they agree."""
    rows = _rows(path)
    second = {int(row["row"]): row["field"] for row in _rows(SECOND_READER) if row["set"] == path.name}
    read = [guess.field if guess else "—" for guess in infer_fields([(row["title"], "") for row in rows])]
    agreed = [number for number, row in enumerate(rows) if second[number] == row["field"]]
    matcher = sum(second[number] == field for number, field in enumerate(read))
    both = sum(read[number] == second[number] for number in agreed)
    return (
        f"{path.name}: a second reader agrees with the list's labels on {_share(len(agreed), len(rows))}; "
        f"the matcher with the second reader on {_share(matcher, len(rows))}, "
        f"with both where they agree on {_share(both, len(agreed))}"
    )


def _share(right: int, total: int) -> str:
    return f"{right:>3}/{total:<3} = {100 * right / total:5.1f} %"


if __name__ == "__main__":
    main()
