"""In one process: importing a 3,000-row list, and import + plan + export of a 3,000-measure roadmap
workbook against a naive pandas round trip of the same file (read_excel + to_excel, openpyxl).

Run: PYTHONPATH=. python bench/bench_roundtrip.py
Targets: the 3,000-row list imports in well under 2 s; our round trip takes no longer than pandas'.
(The tests check what these runs produce, never how long they take; the whole-process comparison
with `python -m roadmap plan` is in the README's benchmark table.)
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from bench.make_list import make_list
from roadmap.domain.model import FIELDS, Measure, Month, Profile
from roadmap.importing.importer import import_file
from roadmap.planning.planner import plan
from roadmap.workbook.writer import workbook_bytes

REPEATS = 3
SIZE = 3000


def _measures(count: int) -> list[Measure]:
    """A roadmap's measures: every field, mixed costs and durations, every fifth with a prerequisite."""
    return [
        Measure(
            f"M{i:04d}",
            f"Maßnahme {i}",
            field=FIELDS[i % 6],
            value=1 + i % 5,
            effort=1 + (i * 7) % 5,
            one_time_cost=(i % 4) * 5_000,
            running_cost=(i % 3) * 1_200,
            duration=1 + i % 6,
            depends_on=(f"M{i - 7:04d}",) if i % 5 == 0 and i >= 7 else (),
            owner="Anna",
        )
        for i in range(count)
    ]


def _median(run: object) -> float:
    samples = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-roundtrip-"))
    listing = make_list(SIZE, folder / "list.xlsx")
    seconds = _median(lambda: import_file(listing))
    print(f"import of a {SIZE:,}-row list: {seconds:.2f} s (target: well under 2 s)")

    profile = Profile(revenue=500_000_000, horizon_start=Month(2026, 1), horizon_end=Month(2027, 12))
    source = folder / "roadmap.xlsx"
    source.write_bytes(workbook_bytes(plan(_measures(SIZE), profile)))

    def ours() -> None:
        imported = import_file(source)
        workbook_bytes(plan(imported.measures, imported.profile or profile))

    def pandas_round_trip() -> None:
        frames = pd.read_excel(source, sheet_name=None, engine="openpyxl")
        with pd.ExcelWriter(io.BytesIO(), engine="openpyxl") as writer:
            for name, frame in frames.items():
                frame.to_excel(writer, sheet_name=name, index=False)

    our_seconds, pandas_seconds = _median(ours), _median(pandas_round_trip)
    print(
        f"{SIZE:,} measures, import + plan + export: ours {our_seconds:.2f} s, "
        f"pandas round trip {pandas_seconds:.2f} s (ratio {our_seconds / pandas_seconds:.2f}, target ≤ 1)"
    )


if __name__ == "__main__":
    main()
