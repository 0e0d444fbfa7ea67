"""The moderator's screen for participation from phones: the link, its QR code, and what the rounds show.

Pure functions behind ui/moderation.py: the link a phone opens (the server address is a setting,
ROADMAP_PUBLIC_URL, else the address the moderator's browser used), whether phones can reach it,
the QR code as PNG (segno, made here, no network service), and the lines of the estimate board.
"""

from __future__ import annotations

import functools
import io
from urllib.parse import urlsplit

import segno

from roadmap.domain import formats
from roadmap.domain.messages import Lang
from roadmap.workshop.rounds import RATING_RANGE, Spread

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", ""})


def server_base(setting: str, browser_url: str) -> str:
    """The address phones use: the setting if given, else scheme, host and port of the moderator's page."""
    chosen = (setting or "").strip() or browser_url
    parts = urlsplit(chosen)
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def participant_link(base: str, token: str) -> str:
    """The link a phone opens: the server's start address with the token."""
    return f"{base}/?p={token}"


def reachable_by_phones(base: str) -> bool:
    """False for an address only this computer can reach (localhost): phones need the network address."""
    return (urlsplit(base).hostname or "") not in LOCAL_HOSTS


@functools.lru_cache(maxsize=16)
def qr_png(link: str, scale: int = 12) -> bytes:
    """The link as a QR code (PNG, black on white, error correction M) for the projector.

    Made once per link and server (about 0.1 s each), not on every rerun of the moderator's page.
    """
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def spread_line(spread: Spread, language: Lang) -> str:
    """How a side was rated, e.g. '1:● 2: 3:●● 4: 5:● · Median 3'."""
    counts = spread.counts()
    bars = "  ".join(f"{r}: {'●' * counts[r] or '–'}" for r in RATING_RANGE)
    if spread.median is None:
        return bars
    median = formats.number(spread.median, language, 1)
    return f"{bars}  ·  Median {median}"
