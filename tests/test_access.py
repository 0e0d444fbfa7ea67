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


def test_five_wrong_tries_lock_the_client_for_a_minute_even_for_the_right_code() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    verdicts = [limiter.attempt("10.0.0.1", "falsch", "richtig") for _ in range(5)]

    assert [v.ok for v in verdicts] == [False] * 5
    assert [v.wait for v in verdicts] == [0, 0, 0, 0, 60]
    clock.now += 30
    assert limiter.attempt("10.0.0.1", "richtig", "richtig") == access.Verdict(False, 30)
    assert limiter.wait("10.0.0.1") == 30
    clock.now += 30
    assert limiter.attempt("10.0.0.1", "richtig", "richtig").ok


def test_a_right_code_clears_the_count_of_wrong_tries() -> None:
    limiter = RateLimiter(clock=FakeClock())
    for _ in range(4):
        limiter.attempt("k", "falsch", "richtig")
    assert limiter.attempt("k", "richtig", "richtig").ok

    verdicts = [limiter.attempt("k", "falsch", "richtig") for _ in range(4)]

    assert all(v.wait == 0 for v in verdicts)


def test_wrong_tries_older_than_the_window_do_not_count() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    for _ in range(4):
        limiter.attempt("k", "falsch", "richtig")
    clock.now += 61

    assert limiter.attempt("k", "falsch", "richtig").wait == 0


def test_clients_are_counted_apart() -> None:
    limiter = RateLimiter(clock=FakeClock())
    for _ in range(5):
        limiter.attempt("angreifer", "falsch", "richtig")

    assert limiter.wait("angreifer") == 60
    assert limiter.attempt("beraterin", "richtig", "richtig").ok


def test_memory_stays_bounded_with_many_clients() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, max_clients=100)
    for number in range(1000):
        clock.now += 1
        limiter.attempt(f"client-{number}", "falsch", "richtig")

    assert len(limiter._clients) <= 100


def test_the_messages_say_what_to_do() -> None:
    assert access.Verdict(False).message()("de") == "Der Zugangscode stimmt nicht."
    assert access.Verdict(False, 42.3).message()("de") == (
        "Zu viele falsche Versuche. Bitte in 42 Sekunden noch einmal versuchen."
    )
    assert access.Verdict(False, 42.3).message()("en") == "Too many wrong tries. Please try again in 42 seconds."
