"""Who may open the moderator's pages: the access code (env ROADMAP_ACCESS_CODE), compared in
constant time, a limit on wrong tries per client address, and which addresses are this machine.

The limiter lives in the memory of one server process: behind a load balancer each server counts
on its own, which still holds guessing to a handful of tries per address and server. What is
protected and how is told in docs/security.md, access and the network.
"""

from __future__ import annotations

import hmac
import ipaddress
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

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

    def quiet(self, now: float, window: float) -> bool:
        """No wrong try within the last `window`, and no lock that ended less than a window ago."""
        return self.locked_until + window <= now and all(now - t >= window for t in self.failures)


class RateLimiter:
    """Holds guessing to a handful of tries per client address, across all of its sessions.

    - An **address** (one computer, or an office behind one proxy) may make `address_limit` wrong
      tries within `window` (typos of several colleagues), then it is locked for `backoff` seconds.
      After a lock, the next wrong try from it within a window locks it again at once, each time
      for twice as long (2×, 4×, … up to `max_backoff`); a window without wrong tries after the last
      lock starts it afresh. The lock binds every session of that address, new ones included: no
      code is even compared while it lasts, the right one neither. A session already let in keeps
      its access (the app keeps that in the session), and other addresses are never held back.
    - A **session** (one browser tab) is also locked after `session_limit` wrong tries, with the
      same doubling, so that one tab alone slows down before its office does.
    - A right code clears the session's count; the address keeps its count.

    A guesser thus gets `address_limit` tries, then one try per lock, each lock twice as long:
    guessing needs a new address per handful of tries.
    """

    def __init__(
        self,
        session_limit: int = 5,
        address_limit: int = 10,
        window: float = 600.0,
        backoff: float = 30.0,
        max_backoff: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
        compare: Callable[[str, str], bool] = check_code,
    ) -> None:
        """Set the limits; `clock` returns seconds and `compare` checks a code (both injectable for tests)."""
        self.session_limit, self.address_limit = session_limit, address_limit
        self.window, self.backoff, self.max_backoff = window, backoff, max_backoff
        self.clock, self.max_clients, self.compare = clock, max_clients, compare
        self._sessions: dict[str, _Record] = {}
        self._addresses: dict[str, _Record] = {}
        self._lock = threading.Lock()

    def wait(self, session: str, address: str) -> float:
        """Seconds until this session at this address may try again (0 if it may try now)."""
        with self._lock:
            return self._wait(session, address, self.clock())

    def attempt(self, session: str, address: str, given: str, expected: str) -> Verdict:
        """Check a code: refused without comparing while the session or its address is locked; a right
        code clears the session's count."""
        with self._lock:
            now = self.clock()
            waiting = self._wait(session, address, now)
            if waiting > 0:
                return Verdict(False, waiting)
            if self.compare(given, expected):
                self._sessions.pop(session, None)
                return Verdict(True)
            self._fail(self._sessions, session, self.session_limit, now, again_at_once=False)
            self._fail(self._addresses, address, self.address_limit, now, again_at_once=True)
            return Verdict(False, self._wait(session, address, now))

    def _wait(self, session: str, address: str, now: float) -> float:
        own, shared = self._sessions.get(session), self._addresses.get(address)
        return max(own.wait(now) if own else 0.0, shared.wait(now) if shared else 0.0)

    def _fail(self, records: dict[str, _Record], key: str, limit: int, now: float, again_at_once: bool) -> None:
        """Count a wrong try; at the limit (or, `again_at_once`, on the first try after a lock), lock with
        a wait that doubles on each lock in a row."""
        record = records.get(key)
        if record is None:
            self._forget_old(records, now)
            record = records.setdefault(key, _Record())
        elif record.quiet(now, self.window):
            record.locks = 0  # quiet for a whole window: start again from the full allowance
        record.failures = [t for t in record.failures if now - t < self.window] + [now]
        if len(record.failures) >= limit or (again_at_once and record.locks > 0):
            record.failures.clear()
            record.locks += 1
            record.locked_until = now + min(self.max_backoff, self.backoff * 2 ** (record.locks - 1))

    def _forget_old(self, records: dict[str, _Record], now: float) -> None:
        """Drop records with nothing recent, so that memory stays bounded."""
        if len(records) < self.max_clients:
            return
        horizon = max(self.window, self.max_backoff)
        quiet = [key for key, record in records.items() if record.quiet(now, horizon)]
        for key in quiet:
            del records[key]
        while len(records) >= self.max_clients:
            records.pop(next(iter(records)))


def is_local(address: str | None, own: Iterable[str]) -> bool:
    """True if a client at `address` sits on this machine: loopback, or one of the machine's own
    addresses `own` (its network interfaces).

    None is what Streamlit reports for a loopback client (and in its AppTest); an empty or unreadable
    address could not be told and is not local. IPv4 mapped into IPv6 (::ffff:127.0.0.1) counts as
    the IPv4 address, and an IPv6 zone (fe80::1%eth0) is ignored.
    """
    if address is None:
        return True
    client = _ip(address)
    if client is None:
        return False
    return client.is_loopback or client in {ip for ip in map(_ip, own) if ip is not None}


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address as written by a server or an interface list, or None if it is none."""
    try:
        ip = ipaddress.ip_address(text.strip().strip("[]").split("%")[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


class Reach(StrEnum):
    """Whom the server listens to, by its listening address (Streamlit's server.address)."""

    EVERYWHERE = "everywhere"  # every network interface: phones and every other computer on the network
    THIS_COMPUTER = "this_computer"  # loopback only: no phone reaches it
    ONE_NETWORK = "one_network"  # one interface's address: the network of that interface


def reach(listen_address: str) -> Reach:
    """Whom a server listening at `listen_address` is open to ('' is Streamlit's default: every interface)."""
    text = listen_address.strip().lower()
    if text in {"", "0.0.0.0", "::", "[::]", "*"}:
        return Reach.EVERYWHERE
    if text == "localhost":
        return Reach.THIS_COMPUTER
    ip = _ip(text)
    return Reach.THIS_COMPUTER if ip is not None and ip.is_loopback else Reach.ONE_NETWORK


def network_note(where: Reach, protected: bool) -> Message:
    """One line for the moderator: who can reach the server, and what keeps the moderator's pages theirs."""
    if where is Reach.THIS_COMPUTER:
        return Message(
            "Der Server hört nur auf diesem Computer: kein Handy und kein anderer Rechner erreicht ihn.",
            "The server listens on this computer only: no phone and no other computer reaches it.",
        )
    heard = (
        Message("Der Server ist im Netzwerk erreichbar (alle Netzwerkschnittstellen)",
                "The server is reachable on the network (every network interface)")
        if where is Reach.EVERYWHERE
        else Message("Der Server ist im Netzwerk erreichbar", "The server is reachable on the network")
    )  # fmt: skip
    if protected:
        return Message(
            f"{heard.de}; ein Zugangscode schützt die Moderationsseiten.",
            f"{heard.en}; an access code protects the moderator's pages.",
        )
    return Message(
        f"{heard.de}; ohne Zugangscode öffnen sich die Moderationsseiten nur auf diesem Computer, "
        "andere Geräte nur mit einem Teilnahme-Link.",
        f"{heard.en}; without an access code the moderator's pages open on this computer only, "
        "other devices only with a participant link.",
    )
