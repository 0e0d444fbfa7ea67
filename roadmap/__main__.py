"""`python -m roadmap`: the command line."""

from __future__ import annotations

import gc
import sys


def _run() -> int:
    # A short run that makes a few hundred thousand objects (rows, cells) and keeps most of them to the
    # end: the cyclic garbage collector, by default every 700 new objects, would walk them again and again
    # for nothing (a tenth of a 3,000-measure run). Cycles are still collected, every 100,000 objects.
    gc.set_threshold(100_000, 20, 20)
    from roadmap.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(_run())
