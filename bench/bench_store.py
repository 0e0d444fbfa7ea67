"""Time of one save and of one load of a 500-measure workshop in the store (SQLite; PostgreSQL if given).

Run: python bench/bench_store.py [--postgres URL]   (target: one save ≤ 20 ms on SQLite, median of 50)

A save here is what the app does per edit: encode the workshop, check the version, copy the previous
state onto the undo stack (capped at 20), write the new state, commit with synchronous=FULL.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from roadmap.store.records import decode, encode
from roadmap.store.workshops import Store
from tests.pages import large_workshop

SAVES = 50
SAVE_TARGET_MS = 20.0


def median_ms(samples: list[float]) -> float:
    """The median of seconds, in milliseconds."""
    return statistics.median(samples) * 1000


def measure(url: str, label: str, synchronous: str = "FULL") -> tuple[float, float]:
    """Median save and load time of a 500-measure workshop at the URL, printed and returned (ms)."""
    workshop = large_workshop(500)
    store = Store.open(url, synchronous)
    workshop_id = store.create(workshop, "Bench")
    version = 1
    for warm in range(25):  # fill the undo stack to its cap, as in a long workshop
        version = store.save(workshop_id, workshop.with_changes(participants=warm + 1), version)
    saves, loads = [], []
    for number in range(SAVES):
        changed = workshop.with_changes(participants=100 + number)
        start = time.perf_counter()
        version = store.save(workshop_id, changed, version)
        saves.append(time.perf_counter() - start)
        start = time.perf_counter()
        store.load(workshop_id)
        loads.append(time.perf_counter() - start)
    store.close()
    save, load = median_ms(saves), median_ms(loads)
    verdict = "ok" if save <= SAVE_TARGET_MS else "TOO SLOW"
    print(f"{label:<28} save {save:6.1f} ms (target ≤ {SAVE_TARGET_MS:.0f} ms: {verdict})   load {load:6.1f} ms")
    return save, load


def main() -> None:
    """Print save and load times with their targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="also measure on this PostgreSQL URL (an empty database)")
    args = parser.parse_args()
    workshop = large_workshop(500)
    encodes, decodes = [], []
    for _ in range(SAVES):
        start = time.perf_counter()
        document = encode(workshop)
        encodes.append(time.perf_counter() - start)
        start = time.perf_counter()
        decode(document)
        decodes.append(time.perf_counter() - start)
    print(
        f"500 measures: stored form {len(document) / 1024:.0f} kB, encode {median_ms(encodes):.1f} ms, "
        f"decode {median_ms(decodes):.1f} ms (medians of {SAVES})"
    )
    with tempfile.TemporaryDirectory() as folder:
        measure(f"sqlite:///{Path(folder) / 'full.sqlite'}", "SQLite, synchronous=FULL (used)")
        measure(f"sqlite:///{Path(folder) / 'normal.sqlite'}", "SQLite, synchronous=NORMAL", "NORMAL")
    if args.postgres:
        measure(args.postgres, "PostgreSQL")


if __name__ == "__main__":
    main()
