"""How often a field of action marked *sure* is right, and how many titles are marked so (docs/import.md).

Each list is read whole, in its own order, as an import reads it (roadmap/importing/field_context.py); a
suggestion is marked sure where its field leads the next one clearly and the rows around it lead to the same
field (`is_sure`, SURE_LEAD). Measured against the lists' own labels:

- tuning sets (the rule and SURE_LEAD were chosen on these): bench/data/field_titles.csv,
  field_titles_frameworks.csv, field_titles_sme.csv;
- held-out sets (kept out of the choice of SURE_LEAD): bench/data/field_titles_lists.csv,
  field_titles_fifth.csv, field_titles_sixth.csv – collected by separate sessions from lists written by other
  people. Their misses were looked at earlier to tune the matcher itself, and the rule's features were
  explored with their figures in view, so their figure is the best one there is, not a blind one.

Target: the suggestions marked sure are right at least 90 % of the time and cover at least half of the titles.

Run: PYTHONPATH=. python bench/field_confidence.py
"""

from __future__ import annotations

import csv
from pathlib import Path

from roadmap.importing.field_context import SURE_LEAD, infer_fields

DATA = Path(__file__).with_name("data")
TUNING = ("field_titles.csv", "field_titles_frameworks.csv", "field_titles_sme.csv")
HELD_OUT = ("field_titles_lists.csv", "field_titles_fifth.csv", "field_titles_sixth.csv")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(line for line in stream if not line.startswith("#")))


def measure(name: str) -> tuple[int, int, int, int]:
    """Titles, titles marked sure, of them right, and right overall, for one set read in its own order."""
    rows = _rows(DATA / name)
    guesses = infer_fields([(row["title"], "") for row in rows])
    sure = [(row, guess) for row, guess in zip(rows, guesses, strict=True) if guess is not None and guess.sure]
    right_sure = sum(guess.field == row["field"] for row, guess in sure)
    right = sum(guess is not None and guess.field == row["field"] for row, guess in zip(rows, guesses, strict=True))
    return len(rows), len(sure), right_sure, right


def _line(label: str, titles: int, sure: int, right_sure: int, right: int) -> str:
    precision = right_sure / sure if sure else 0.0
    unsure = (right - right_sure) / max(1, titles - sure)
    return (
        f"{label:<34} {titles:4} titles  sure {sure:4} ({sure / titles:6.1%} coverage), right when sure "
        f"{precision:6.1%}  (all suggestions: {right / titles:6.1%} right, unsure {unsure:6.1%})"
    )


def main() -> None:
    print(f"a suggestion is sure where it leads by {SURE_LEAD:.0%} and the rows around it agree")
    for group, names in (("tuning", TUNING), ("held out", HELD_OUT)):
        total = [0, 0, 0, 0]
        for name in names:
            found = measure(name)
            total = [a + b for a, b in zip(total, found, strict=True)]
            print(_line(name, *found))
        print(_line(f"= {group}", *total))
    print("target on the held-out sets: right when sure >= 90 %, coverage >= 50 %")


if __name__ == "__main__":
    main()
