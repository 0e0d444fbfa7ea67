"""The access code (env ROADMAP_ACCESS_CODE): constant-time comparison and a limit on wrong tries.

The limiter lives in the memory of one server process: behind a load balancer each server counts
on its own, which still slows guessing down to a few tries per minute and server. What the code
protects and how the lock-out behaves is told in the README's configuration section.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from roadmap.domain.messages import Message


def check_code(given: str, expected: str) -> bool:
    """True if the given code equals the expected one (constant time; an empty expected code never matches)."""
    if not expected:
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True)
class Verdict:
    """The answer to one try: let in or not, and if locked, for how many more seconds."""

    ok: bool
    wait: float = 0.0

    def message(self) -> Message:
        """What to tell the person at the door."""
        if self.ok:
            return Message("Willkommen.", "Welcome.")
        if self.wait > 0:
            seconds = max(1, round(self.wait))
            return Message(
                f"Zu viele falsche Versuche. Bitte in {seconds} Sekunden noch einmal versuchen.",
                f"Too many wrong tries. Please try again in {seconds} seconds.",
            )
        return Message("Der Zugangscode stimmt nicht.", "The access code is not right.")


@dataclass
class _Record:
    """Wrong tries of one session or one address, and how often it was locked in a row."""

    failures: list[float] = field(default_factory=list)
    locks: int = 0
    locked_until: float = 0.0

    def wait(self, now: float) -> float:
        """Seconds until this record may try again."""
        return max(0.0, self.locked_until - now)


class RateLimiter:
    """Slows guessing down without locking out an office behind one address.

    - A **session** (one browser tab) is locked after `session_limit` wrong tries; each further lock
      of the same session doubles the wait (`backoff`, 2×, 4×, … up to `max_backoff` seconds).
    - An **address** (many people behind one proxy) is locked after `address_limit` wrong tries
      within `window`, with the same doubling. Its lock binds only sessions that have failed
      themselves: a colleague who opens the page and types the right code first is let in, and a
      guesser needs a new session for every single try.
    - A right code clears the session's count; the address keeps its count.
    """

    def __init__(
        self,
        session_limit: int = 5,
        address_limit: int = 20,
        window: float = 600.0,
        backoff: float = 30.0,
        max_backoff: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        """Set the limits; `clock` returns seconds (injectable for tests)."""
        self.session_limit, self.address_limit = session_limit, address_limit
        self.window, self.backoff, self.max_backoff = window, backoff, max_backoff
        self.clock, self.max_clients = clock, max_clients
        self._sessions: dict[str, _Record] = {}
        self._addresses: dict[str, _Record] = {}
        self._lock = threading.Lock()

    def wait(self, session: str, address: str) -> float:
        """Seconds until this session at this address may try again (0 if it may try now)."""
        with self._lock:
            return self._wait(session, address, self.clock())

    def attempt(self, session: str, address: str, given: str, expected: str) -> Verdict:
        """Check a code: refused without comparing while locked; a right code clears the session's count."""
        with self._lock:
            now = self.clock()
            waiting = self._wait(session, address, now)
            if waiting > 0:
                return Verdict(False, waiting)
            if check_code(given, expected):
                self._sessions.pop(session, None)
                return Verdict(True)
            self._fail(self._sessions, session, self.session_limit, now)
            self._fail(self._addresses, address, self.address_limit, now)
            return Verdict(False, self._wait(session, address, now))

    def _wait(self, session: str, address: str, now: float) -> float:
        own = self._sessions.get(session)
        if own is None:  # a session that has not failed is never held back by its address
            return 0.0
        shared = self._addresses.get(address)
        return max(own.wait(now), shared.wait(now) if shared else 0.0)

    def _fail(self, records: dict[str, _Record], key: str, limit: int, now: float) -> None:
        """Count a wrong try; at the limit, lock with a wait that doubles on each lock in a row."""
        record = records.get(key)
        if record is None:
            self._forget_old(records, now)
            record = records.setdefault(key, _Record())
        elif record.locked_until <= now and record.failures and now - record.failures[-1] >= self.window:
            record.locks = 0  # quiet for a whole window: start again from the shortest wait
        record.failures = [t for t in record.failures if now - t < self.window] + [now]
        if len(record.failures) >= limit:
            record.failures.clear()
            record.locks += 1
            record.locked_until = now + min(self.max_backoff, self.backoff * 2 ** (record.locks - 1))

    def _forget_old(self, records: dict[str, _Record], now: float) -> None:
        """Drop records with nothing recent, so that memory stays bounded."""
        if len(records) < self.max_clients:
            return
        horizon = max(self.window, self.max_backoff)
        quiet = [k for k, r in records.items() if r.locked_until <= now and all(now - t >= horizon for t in r.failures)]
        for key in quiet:
            del records[key]
        while len(records) >= self.max_clients:
            records.pop(next(iter(records)))
