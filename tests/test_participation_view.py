"""The participation link: the address phones reach, with the token, as a QR code made on this machine."""

from __future__ import annotations

import pytest

from roadmap.views.participation import (
    CHOICE_FILTER,
    choice_label,
    dots_left_line,
    dots_line,
    offered,
    participant_link,
    qr_png,
    raters_line,
    reachable_by_phones,
    server_base,
    spread_line,
    voters_line,
)
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


def test_an_id_typed_in_full_offers_that_measure_and_never_one_whose_title_holds_its_digits() -> None:
    labels = [choice_label("M02", "Microsoft 365 für alle Arbeitsplätze"), choice_label("M23", "E-Rechnung")]

    assert offered("M23", labels) == ["M23 · E-Rechnung"]  # fuzzy matching offered M02 (M, 2 of 02, 3 of 365)
    assert offered("m02", labels) == ["M02 · Microsoft 365 für alle Arbeitsplätze"]
    assert offered("rechnung", labels) == ["M23 · E-Rechnung"]  # a word of the title still finds it
    assert CHOICE_FILTER == "contains"  # the multiselect's filter_mode that offered() describes


@pytest.mark.parametrize(
    ("count", "rated", "voted"),
    [
        (0, "0 Personen haben bewertet", "0 Personen haben abgestimmt"),
        (1, "1 Person hat bewertet", "1 Person hat abgestimmt"),
        (6, "6 Personen haben bewertet", "6 Personen haben abgestimmt"),
    ],
)
def test_one_person_is_counted_in_the_singular(count: int, rated: str, voted: str) -> None:
    assert (raters_line(count)("de"), voters_line(count)("de")) == (rated, voted)
    assert raters_line(1)("en") == "1 person has rated" and voters_line(2)("en") == "2 people have voted"


@pytest.mark.parametrize(
    ("left", "dots", "line"),
    [(3, 3, "Punkte übrig: 3 von 3"), (0, 3, "Punkte übrig: 0 von 3"), (-1, 3, "1 Punkt zu viel: Sie haben 3 Punkte.")],
)
def test_the_dots_left_are_said_as_the_phone_counts_them(left: int, dots: int, line: str) -> None:
    assert dots_left_line(left, dots)("de") == line
    assert dots_line(1)("de") == "1 Punkt" and dots_line(1)("en") == "1 dot"
