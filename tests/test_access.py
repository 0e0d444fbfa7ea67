"""The access code is compared in constant time, and wrong tries are limited per client."""

from __future__ import annotations

import hmac

import pytest

from roadmap import access
from roadmap.access import RateLimiter, check_code


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


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
    limiter = RateLimiter(clock=clock, max_backoff=100)
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


def test_a_busy_address_holds_back_only_sessions_that_failed_themselves() -> None:
    limiter = RateLimiter(clock=FakeClock(), address_limit=20)
    for tab in range(20):
        limiter.attempt(f"rater-{tab}", "203.0.113.9", "falsch", "richtig")

    assert limiter.wait("rater-0", "203.0.113.9") == 30
    assert limiter.attempt("rater-0", "203.0.113.9", "richtig", "richtig").wait == 30
    assert limiter.attempt("fresh-tab", "203.0.113.9", "richtig", "richtig").ok
    wrong = limiter.attempt("another-fresh-tab", "203.0.113.9", "falsch", "richtig")
    assert wrong.wait == 30  # one guess per new session while the address is locked


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
