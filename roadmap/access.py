"""The access code (env ROADMAP_ACCESS_CODE): constant-time comparison and a limit on wrong tries.

The limiter lives in the memory of one server process: behind a load balancer each server counts
on its own, which still slows guessing down to a few tries per minute and server.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from roadmap.messages import Message


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
class _Client:
    failures: list[float] = field(default_factory=list)
    locked_until: float = 0.0


class RateLimiter:
    """At most `limit` wrong tries per `window` seconds per client key; then locked for `lockout` seconds."""

    def __init__(
        self,
        limit: int = 5,
        window: float = 60.0,
        lockout: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        """Set the limits; `clock` returns seconds (injectable for tests)."""
        self.limit, self.window, self.lockout, self.clock = limit, window, lockout, clock
        self.max_clients = max_clients
        self._clients: dict[str, _Client] = {}
        self._lock = threading.Lock()

    def wait(self, key: str) -> float:
        """Seconds until this client may try again (0 if it may try now)."""
        with self._lock:
            client = self._clients.get(key)
            return max(0.0, client.locked_until - self.clock()) if client else 0.0

    def attempt(self, key: str, given: str, expected: str) -> Verdict:
        """Check a code for a client: refused without comparing while locked; a right code clears the count."""
        with self._lock:
            now = self.clock()
            client = self._clients.get(key)
            if client is not None and client.locked_until > now:
                return Verdict(False, client.locked_until - now)
            if check_code(given, expected):
                self._clients.pop(key, None)
                return Verdict(True)
            if client is None:
                self._forget_old(now)
                client = self._clients.setdefault(key, _Client())
            client.failures = [t for t in client.failures if now - t < self.window] + [now]
            if len(client.failures) >= self.limit:
                client.failures.clear()
                client.locked_until = now + self.lockout
                return Verdict(False, self.lockout)
            return Verdict(False)

    def _forget_old(self, now: float) -> None:
        """Drop clients with nothing recent, so that memory stays bounded."""
        if len(self._clients) < self.max_clients:
            return
        horizon = max(self.window, self.lockout)
        for key in [
            k for k, c in self._clients.items() if c.locked_until <= now and all(now - t >= horizon for t in c.failures)
        ]:
            del self._clients[key]
        while len(self._clients) >= self.max_clients:
            self._clients.pop(next(iter(self._clients)))
