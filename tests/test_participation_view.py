"""The participation link: the address phones reach, with the token, as a QR code made on this machine."""

from __future__ import annotations

import pytest

from roadmap.views.participation import participant_link, qr_png, reachable_by_phones, server_base, spread_line
from roadmap.workshop.rounds import Spread


@pytest.mark.parametrize(
    ("setting", "browser", "base"),
    [
        ("", "http://localhost:8501/priorisierung?w=abc", "http://localhost:8501"),
        ("http://192.168.1.20:8501", "http://localhost:8501/priorisierung", "http://192.168.1.20:8501"),
        (" https://roadmap.firma.local/ ", "http://localhost:8501/", "https://roadmap.firma.local"),
        ("", "", ""),
        ("kein-link", "", ""),
    ],
)
def test_the_setting_wins_over_the_address_the_moderator_used(setting: str, browser: str, base: str) -> None:
    assert server_base(setting, browser) == base


@pytest.mark.parametrize(
    ("base", "reachable"),
    [
        ("http://localhost:8501", False),
        ("http://127.0.0.1:8501", False),
        ("http://[::1]:8501", False),
        ("http://0.0.0.0:8501", False),
        ("http://192.168.1.20:8501", True),
        ("https://roadmap.firma.local", True),
    ],
)
def test_phones_are_warned_about_an_address_only_this_computer_reaches(base: str, reachable: bool) -> None:
    assert reachable_by_phones(participant_link(base, "tok")) == reachable


def test_the_link_carries_the_token_as_its_only_parameter() -> None:
    assert participant_link("http://192.168.1.20:8501", "AbC-_x") == "http://192.168.1.20:8501/?p=AbC-_x"


def test_the_qr_code_is_a_png_made_here_that_differs_per_link() -> None:
    first, second = qr_png("http://10.0.0.1:8501/?p=aaaa"), qr_png("http://10.0.0.1:8501/?p=bbbb")

    assert first.startswith(b"\x89PNG") and second.startswith(b"\x89PNG") and first != second


@pytest.mark.parametrize(
    ("ratings", "language", "line"),
    [
        ((1, 5, 5), "de", "1: ●  2: –  3: –  4: –  5: ●●  ·  Median 5,0"),
        ((2, 3), "en", "1: –  2: ●  3: ●  4: –  5: –  ·  Median 2.5"),
        ((), "de", "1: –  2: –  3: –  4: –  5: –"),
    ],
)
def test_a_spread_reads_as_dots_per_rating_and_the_median(ratings: tuple[int, ...], language: str, line: str) -> None:
    assert spread_line(Spread(ratings), language) == line  # type: ignore[arg-type]
