"""Time and memory of every hostile file (tests/hostile_files.py) as the app reads it: in a capped child process
(roadmap/importing/sandbox.py), once with the shape checks and once with them switched off, so that only the
child's caps stand between the file and the server (docs/security.md, files from outside).

Run from the repository: PYTHONPATH=. python bench/bench_hostile.py
Prints a Markdown table for docs/benchmarks.md: each file's size, the answer, the wall time until the sentence,
the child's peak memory (its maximum resident set, from the kernel) and how much the reading process itself grew.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

from roadmap.importing.raw_sheets import ImportFailed, Limits
from roadmap.importing.sandbox import read_sheets_apart
from tests.hostile_files import HOSTILE

NO_CHECKS = Limits(max_rows=10**8, max_cells=10**12, max_cell_characters=10**7)


def _resident_kb() -> int:
    """The reading process's own resident memory now, in kB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1])


def _answer(data: bytes, name: str, limits: Limits) -> str:
    try:
        sheets = read_sheets_apart(data, name, limits)
    except ImportFailed as refused:
        return refused.message.de.split(": ", 1)[-1][:60]
    return f"read: {sum(len(sheet.rows) for sheet in sheets)} rows"


def measure(key: str, limits: Limits) -> dict[str, object]:
    """One hostile file read apart, in this process: its size, the answer, seconds, the child's peak and how
    much this process grew (MB)."""
    name, make = HOSTILE[key]
    data = make()
    before = _resident_kb()
    started = time.perf_counter()
    answer = _answer(data, name, limits)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    grown = (_resident_kb() - before) / 1024
    return {"bytes": len(data), "answer": answer, "seconds": seconds, "peak": peak, "grown": grown}


def main() -> None:
    """Each file in a fresh process of its own, so the children's peak is that one reading's."""
    if len(sys.argv) == 3:  # one measurement: the file's key and whether the checks are on
        print(json.dumps(measure(sys.argv[1], Limits() if sys.argv[2] == "on" else NO_CHECKS)))
        return
    print("| file | bytes | checks | answer | seconds | child's peak (MB) | server grew (MB) |")
    print("| --- | ---: | --- | --- | ---: | ---: | ---: |")
    for checks in ("on", "off"):
        for key in HOSTILE:
            done = subprocess.run([sys.executable, __file__, key, checks], capture_output=True, text=True, check=True)
            row = json.loads(done.stdout)
            print(
                f"| {key} | {row['bytes']:,} | {checks} | {row['answer']} | {row['seconds']:.2f} "
                f"| {row['peak']:.0f} | {row['grown']:+.1f} |"
            )


if __name__ == "__main__":
    main()
