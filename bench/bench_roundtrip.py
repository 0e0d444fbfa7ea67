"""In one process: importing a 3,000-row list, and import + plan + export of a 3,000-measure roadmap
workbook against a naive pandas round trip of the same file (read_excel + to_excel, openpyxl).

Then where the time of one run goes: CPU seconds of import, plan, filling the seven sheets and XlsxWriter's
close (the XML and zip of the cells), in one process with the garbage collector set as the command sets it.

Last the whole processes side by side, taking turns: `python -m roadmap plan` on the 3,000-row list against
`python bench/pandas_roundtrip.py` on the same file (what a user waits for, interpreter start included).
Each command runs once untimed first, and Python may cache bytecode (PYTHONDONTWRITEBYTECODE is dropped
for the runs): as on a user's machine from the second run on, where pandas' bytecode was cached when it
was installed. The load average is printed beside the figures; under load the CPU-time ratio is the
fairer one.

Run: PYTHONPATH=. python bench/bench_roundtrip.py
Targets: the 3,000-row list imports in well under 2 s; import + plan + export in at most 0.8 × the time of
the pandas round trip. (The tests check what these runs produce, never how long they take.)
"""

from __future__ import annotations

import gc
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from bench.make_list import make_list
from roadmap.domain.measure import Measure
from roadmap.domain.month import Month
from roadmap.domain.profile import Profile
from roadmap.domain.vocabulary import FIELDS
from roadmap.importing.importer import import_file
from roadmap.planning.planner import plan
from roadmap.workbook.fast_rows import FastWorkbook
from roadmap.workbook.writer import workbook_bytes, write_sheets

REPEATS = 3
PROCESS_REPEATS = 7
SIZE = 3000
BENCH = Path(__file__).resolve().parent


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


_ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def stages(listing: Path) -> None:
    """CPU seconds of each stage of one import + plan + export of the list: where the time goes (with the
    garbage collector set as `python -m roadmap` sets it, see roadmap/__main__.py)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 20, 20)
    try:
        _stages(listing)
    finally:
        gc.set_threshold(*thresholds)


def _stages(listing: Path) -> None:
    started = time.process_time()
    spent: list[str] = []

    def lap(name: str) -> None:
        nonlocal started
        now = time.process_time()
        spent.append(f"{name} {now - started:.2f}")
        started = now

    imported = import_file(listing)
    lap("import")
    profile = (imported.profile or Profile()).with_changes(revenue=500_000_000)
    roadmap = plan(imported.measures, profile)
    lap("plan")
    book = FastWorkbook(io.BytesIO(), {"in_memory": True, "nan_inf_to_errors": True})
    write_sheets(book, roadmap, "de", None, ())
    lap("seven sheets")
    book.close()
    lap("XlsxWriter close")
    print(f"CPU seconds per stage, {SIZE:,}-row list: " + ", ".join(spent))


def _process(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=BENCH.parent, env=_ENVIRONMENT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def whole_processes(listing: Path, folder: Path) -> None:
    """Both commands in turns, PROCESS_REPEATS times each; medians of wall and CPU time and their ratios."""
    ours_command = [sys.executable, "-m", "roadmap", "plan", str(listing), "--out", str(folder / "out.xlsx")]
    ours_command += ["--revenue", "500000000"]
    pandas_command = [sys.executable, str(BENCH / "pandas_roundtrip.py"), str(listing), str(folder / "pd.xlsx")]
    _process(ours_command), _process(pandas_command)  # untimed: bytecode and file cache as on a second run
    ours, theirs = [], []
    load_before = os.getloadavg()[0]
    for _ in range(PROCESS_REPEATS):
        ours.append(_process(ours_command))
        theirs.append(_process(pandas_command))
    wall = statistics.median(w for w, _ in ours), statistics.median(w for w, _ in theirs)
    cpu = statistics.median(c for _, c in ours), statistics.median(c for _, c in theirs)
    print(
        f"whole processes, {SIZE:,}-row list: python -m roadmap plan {wall[0]:.2f} s wall / {cpu[0]:.2f} s CPU, "
        f"pandas round trip {wall[1]:.2f} s wall / {cpu[1]:.2f} s CPU "
        f"(ratio {wall[0] / wall[1]:.2f} wall, {cpu[0] / cpu[1]:.2f} CPU; target ≤ 0.8); "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    )


if __name__ == "__main__":
    main()
    out = Path(tempfile.mkdtemp(prefix="bench-processes-"))
    stages(make_list(SIZE, out / "list.xlsx"))
    whole_processes(out / "list.xlsx", out)
