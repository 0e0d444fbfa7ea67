"""Today's date for the app: the one place the app reads the clock (the core is always given it).

`ROADMAP_TODAY=YYYY-MM-DD` sets another day, so that page tests run at fixed dates; the browser
tests set the real date as they read it once (tests/browser.py), every real use runs with the real date.
"""

from __future__ import annotations

import os
from datetime import date

from roadmap.domain.month import Month


def today() -> date:
    """Today (or the day ROADMAP_TODAY names)."""
    fixed = os.environ.get("ROADMAP_TODAY", "").strip()
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            pass
    return date.today()


def this_month() -> Month:
    """The month today lies in: the planning month unless a workshop fixes its own."""
    return Month.of(today())
