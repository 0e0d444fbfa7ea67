"""Write a plain German measure list of N rows (the benchmark's input) with openpyxl."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import openpyxl

FIELDS = ["Prozessautomatisierung", "Daten & Entscheidungen", "Cloud & IT-Sicherheit", "Kunden & Omnichannel"]


def make_list(rows: int, path: Path, seed: int = 7) -> Path:
    """A list like a company keeps it: Nr., Maßnahme, Bereich, Kosten, Dauer, Nutzen, Aufwand, Vorgänger."""
    rng = random.Random(seed)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Maßnahmen"
    sheet.append(
        ["Nr.", "Maßnahme", "Bereich", "Kosten", "lfd. Kosten p.a.", "Dauer", "Nutzen", "Aufwand", "Vorgänger"]
    )
    for number in range(1, rows + 1):
        deps = ",".join(str(rng.randint(1, number - 1)) for _ in range(rng.choice([0, 0, 1, 2]))) if number > 1 else ""
        sheet.append(
            [
                number,
                f"Maßnahme {number}",
                rng.choice(FIELDS),
                rng.choice([0, 1500, 5000, 12500, 40000]),
                rng.choice([0, 0, 1200, 6000]),
                f"{rng.randint(1, 4)} Monate",
                rng.randint(1, 5),
                rng.randint(1, 5),
                deps or "-",
            ]
        )
    book.save(path)
    return path


if __name__ == "__main__":
    make_list(int(sys.argv[1]), Path(sys.argv[2]))
