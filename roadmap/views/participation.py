"""The moderator's screen for participation from phones: the link, its QR code, and what the rounds show.

Pure functions behind ui/moderation.py and the phone's view (ui/participation.py): the link a phone
opens (the server address is a setting, ROADMAP_PUBLIC_URL, else the address the moderator's browser
used), whether phones can reach it, the QR code as PNG (segno, made here, no network service), the
lines of the estimate board, the counts in singular and plural, and how the measures to estimate are
offered for choosing (an id typed in full finds that measure, never another).
"""

from __future__ import annotations

import functools
import io
from typing import Final
from urllib.parse import urlsplit

import segno

from roadmap.domain import formats
from roadmap.domain.messages import Lang, Message
from roadmap.workshop.rounds import RATING_RANGE, Spread

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", ""})
# How the moderator's multiselect of measures to estimate filters what is typed (Streamlit's filter_mode).
# Streamlit's default, "fuzzy", finds the typed letters in order anywhere: "M23" also offers
# "M02 · Microsoft 365 für alle Arbeitsplätze" (M, the 2 of 02, the 3 of 365), and Enter takes the first
# offer. "contains" offers only labels holding the typed text as it is, in the list's order, so an id
# typed in full finds that measure; a word of a title still finds it.
CHOICE_FILTER: Final = "contains"


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


def choice_label(ident: str, title: str) -> str:
    """A measure as the moderator's multiselect offers it: 'M23 · Title'."""
    return f"{ident} · {title}"


def offered(typed: str, labels: list[str]) -> list[str]:
    """The labels the multiselect offers for `typed` under CHOICE_FILTER (case-insensitive, list order)."""
    wanted = typed.lower()
    return [label for label in labels if wanted in label.lower()]


def counted(count: int, one: Message, many: Message) -> Message:
    """`count` with the noun in singular or plural: counted(1, Message('Person', 'person'), …) → '1 Person'."""
    noun = one if count == 1 else many
    return Message(f"{formats.number(count, 'de', 0)} {noun.de}", f"{formats.number(count, 'en', 0)} {noun.en}")


def raters_line(count: int) -> Message:
    """'1 Person hat bewertet' / '6 Personen haben bewertet'."""
    people = counted(count, Message("Person", "person"), Message("Personen", "people"))
    verb = Message("hat", "has") if count == 1 else Message("haben", "have")
    return Message(f"{people.de} {verb.de} bewertet", f"{people.en} {verb.en} rated")


def voters_line(count: int) -> Message:
    """'1 Person hat abgestimmt' / '6 Personen haben abgestimmt'."""
    people = counted(count, Message("Person", "person"), Message("Personen", "people"))
    verb = Message("hat", "has") if count == 1 else Message("haben", "have")
    return Message(f"{people.de} {verb.de} abgestimmt", f"{people.en} {verb.en} voted")


def dots_line(count: int) -> Message:
    """'1 Punkt' / '3 Punkte' (dots per person, dots left)."""
    return counted(count, Message("Punkt", "dot"), Message("Punkte", "dots"))


def dots_left_line(left: int, dots: int) -> Message:
    """The phone's live budget: 'Punkte übrig: 1 von 3', or how many too many."""
    if left < 0:
        return Message(
            f"{dots_line(-left).de} zu viel: Sie haben {dots_line(dots).de}.",
            f"{dots_line(-left).en} too many: you have {dots_line(dots).en}.",
        )
    return Message(f"Punkte übrig: {left} von {dots}", f"Dots left: {left} of {dots}")
