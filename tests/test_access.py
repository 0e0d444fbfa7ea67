"""The access code is compared in constant time, wrong tries are limited per client address across all
its sessions, and which client addresses are this machine."""

from __future__ import annotations

import hmac

import pytest

from roadmap import access
from roadmap.access import RateLimiter, Reach, check_code, is_local, reach


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingComparator:
    """check_code that counts how often it was asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, given: str, expected: str) -> bool:
        self.calls += 1
        return check_code(given, expected)


def guess_from_fresh_sessions(limiter: RateLimiter, address: str, tries: int, code: str = "falsch") -> list[float]:
    """A script opening a new session for every guess: the waits it is told."""
    return [limiter.attempt(f"script-{number}", address, code, "richtig").wait for number in range(tries)]


def test_the_right_code_opens_and_a_wrong_one_does_not() -> None:
    assert check_code("Workshop-2026", "Workshop-2026")
    assert check_code("  Workshop-2026 \n", "Workshop-2026")
    assert not check_code("workshop-2026", "Workshop-2026")
    assert not check_code("Workshop-202", "Workshop-2026")
    assert check_code("Größe", "Größe") and not check_code("Grösse", "Größe")


def test_no_code_ever_matches_an_empty_expected_code() -> None:
    assert not check_code("", "")
    assert not check_code("x", "")


def test_codes_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return original(a, b)

    monkeypatch.setattr(access.hmac, "compare_digest", spy)

    assert check_code("abc", "abc")
    assert calls == [(b"abc", b"abc")]


def test_five_wrong_tries_lock_the_session_for_half_a_minute_even_for_the_right_code() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    verdicts = [limiter.attempt("tab-1", "10.0.0.1", "falsch", "richtig") for _ in range(5)]

    assert [v.ok for v in verdicts] == [False] * 5
    assert [v.wait for v in verdicts] == [0, 0, 0, 0, 30]
    clock.now += 20
    assert limiter.attempt("tab-1", "10.0.0.1", "richtig", "richtig") == access.Verdict(False, 10)
    assert limiter.wait("tab-1", "10.0.0.1") == 10
    clock.now += 10
    assert limiter.attempt("tab-1", "10.0.0.1", "richtig", "richtig").ok


def test_each_further_lock_of_a_session_doubles_the_wait_up_to_a_limit() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, max_backoff=100, address_limit=1000)
    waits = []
    for _ in range(4):
        waits.append([limiter.attempt("tab", "10.0.0.1", "falsch", "richtig") for _ in range(5)][-1].wait)
        clock.now += waits[-1]

    assert waits == [30, 60, 100, 100]


def test_five_wrong_codes_in_other_tabs_do_not_lock_out_the_office() -> None:
    limiter = RateLimiter(clock=FakeClock())
    for tab in range(5):
        limiter.attempt(f"kollege-{tab}", "192.168.1.1", "falsch", "richtig")

    assert limiter.attempt("beraterin", "192.168.1.1", "richtig", "richtig").ok


def test_fresh_sessions_from_one_address_are_locked_after_ten_wrong_codes() -> None:
    limiter = RateLimiter(clock=FakeClock())

    waits = guess_from_fresh_sessions(limiter, "203.0.113.9", 11)

    assert waits == [0] * 9 + [30, 30]
    assert limiter.wait("a-new-tab", "203.0.113.9") == 30


def test_a_locked_address_has_no_guess_compared_not_even_the_right_one() -> None:
    compare = CountingComparator()
    limiter = RateLimiter(clock=FakeClock(), compare=compare)
    guess_from_fresh_sessions(limiter, "203.0.113.9", 10)
    asked = compare.calls

    verdicts = [limiter.attempt(f"fresh-{number}", "203.0.113.9", "richtig", "richtig") for number in range(50)]

    assert asked == 10
    assert compare.calls == 10
    assert all(not verdict.ok and verdict.wait == 30 for verdict in verdicts)


def test_a_guesser_elsewhere_never_holds_back_the_moderator_or_the_projector() -> None:
    limiter = RateLimiter(clock=FakeClock())
    guess_from_fresh_sessions(limiter, "10.0.0.66", 500)

    assert limiter.wait("moderation", "192.168.1.20") == 0
    assert limiter.attempt("beamer", "192.168.1.21", "richtig", "richtig").ok


def test_after_a_lock_each_wrong_code_of_the_address_locks_it_again_for_twice_as_long_up_to_a_limit() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, max_backoff=300)
    waits = [guess_from_fresh_sessions(limiter, "203.0.113.9", 10)[-1]]
    for _ in range(5):
        clock.now += waits[-1]
        waits.append(guess_from_fresh_sessions(limiter, "203.0.113.9", 1)[-1])

    assert waits == [30, 60, 120, 240, 300, 300]


def test_a_whole_window_without_wrong_codes_gives_the_address_its_allowance_back() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, window=600)
    guess_from_fresh_sessions(limiter, "192.168.1.1", 10)
    clock.now += 30 + 600

    waits = guess_from_fresh_sessions(limiter, "192.168.1.1", 10)

    assert waits == [0] * 9 + [30]


def test_guessing_needs_a_new_address_per_handful_of_tries() -> None:
    clock = FakeClock()
    compare = CountingComparator()
    limiter = RateLimiter(clock=clock, compare=compare)

    for _ in range(3600):  # a script guessing once a second for an hour, a new session each time
        clock.now += 1
        limiter.attempt(f"script-{clock.now}", "203.0.113.9", "falsch", "richtig")

    assert compare.calls == 17  # ten, then one per lock: 30 s, 1, 2, 4, 8 min, then 15 min each


def test_a_right_code_clears_the_count_of_wrong_tries() -> None:
    limiter = RateLimiter(clock=FakeClock())
    for _ in range(4):
        limiter.attempt("tab", "k", "falsch", "richtig")
    assert limiter.attempt("tab", "k", "richtig", "richtig").ok

    verdicts = [limiter.attempt("tab", "k", "falsch", "richtig") for _ in range(4)]

    assert all(v.wait == 0 for v in verdicts)


def test_wrong_tries_older_than_the_window_do_not_count() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, window=60)
    for _ in range(4):
        limiter.attempt("tab", "k", "falsch", "richtig")
    clock.now += 61

    assert limiter.attempt("tab", "k", "falsch", "richtig").wait == 0


def test_sessions_are_counted_apart() -> None:
    limiter = RateLimiter(clock=FakeClock())
    for _ in range(5):
        limiter.attempt("angreifer", "10.0.0.66", "falsch", "richtig")

    assert limiter.wait("angreifer", "10.0.0.66") == 30
    assert limiter.attempt("beraterin", "10.0.0.7", "richtig", "richtig").ok


def test_memory_stays_bounded_with_many_clients() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, max_clients=100)
    for number in range(1000):
        clock.now += 1
        limiter.attempt(f"tab-{number}", f"10.0.{number // 256}.{number % 256}", "falsch", "richtig")

    assert len(limiter._sessions) <= 100 and len(limiter._addresses) <= 100


def test_the_messages_say_what_to_do() -> None:
    assert access.Verdict(False).message()("de") == "Der Zugangscode stimmt nicht."
    assert access.Verdict(False, 42.3).message()("de") == (
        "Zu viele falsche Versuche. Bitte in 42 Sekunden noch einmal versuchen."
    )
    assert access.Verdict(False, 42.3).message()("en") == "Too many wrong tries. Please try again in 42 seconds."


MACHINE = frozenset({"127.0.0.1", "192.168.1.20", "fd00:0000:0000:0000:0000:0000:0000:0002", "fe80::fc:ff:fe00:1"})


@pytest.mark.parametrize(
    ("address", "local"),
    [
        (None, True),  # Streamlit's word for a loopback client (and for AppTest's)
        ("127.0.0.1", True),
        ("127.0.1.1", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("192.168.1.20", True),
        ("::ffff:192.168.1.20", True),
        ("fd00::2", True),
        ("fe80::fc:ff:fe00:1%eth0", True),
        ("192.168.1.77", False),
        ("::ffff:192.168.1.77", False),
        ("2001:db8::7", False),
        ("0.0.0.0", False),
        ("", False),  # could not be told
        ("localhost", False),
        ("not an address", False),
    ],
)
def test_only_loopback_and_the_machines_own_addresses_are_local(address: str | None, local: bool) -> None:
    assert is_local(address, MACHINE) is local


@pytest.mark.parametrize(
    ("listen", "where"),
    [
        ("", Reach.EVERYWHERE),
        ("0.0.0.0", Reach.EVERYWHERE),
        ("::", Reach.EVERYWHERE),
        ("127.0.0.1", Reach.THIS_COMPUTER),
        ("localhost", Reach.THIS_COMPUTER),
        ("::1", Reach.THIS_COMPUTER),
        ("192.168.1.20", Reach.ONE_NETWORK),
    ],
)
def test_the_listening_address_says_who_reaches_the_server(listen: str, where: Reach) -> None:
    assert reach(listen) is where


def test_the_network_note_names_the_code_or_its_absence() -> None:
    assert "Zugangscode schützt" in access.network_note(Reach.EVERYWHERE, protected=True)("de")
    assert "only with a participant link" in access.network_note(Reach.EVERYWHERE, protected=False)("en")
    assert "nur auf diesem Computer" in access.network_note(Reach.THIS_COMPUTER, protected=False)("de")
