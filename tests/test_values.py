"""Numbers, money, dates and durations as people type them (docs/import.md)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from roadmap.domain.month import Month
from roadmap.importing.values import (
    DAYS,
    HOURS,
    MONTHS,
    WEEKS,
    WORKING_DAYS,
    is_empty,
    number_convention,
    number_style,
    parse_date,
    parse_days,
    parse_duration,
    parse_month,
    parse_number,
    text_of,
)


@pytest.mark.parametrize(
    ("text", "euros"),
    [
        ("12.500,00 €", 12500.0),
        ("€12,500.00", 12500.0),
        ("1.200 €", 1200.0),
        ("1,5", 1.5),
        ("EUR 2.345,67", 2345.67),
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
        ("2.5", 2.5),
        ("12 500 €", 12500.0),
        ("12\u00a0500 €", 12500.0),
        ("5 T€", 5000.0),
        ("3 Tsd. €", 3000.0),
        ("-1.200 €", -1200.0),
        ("(500)", -500.0),
        ("0,50", 0.5),
        (1200, 1200.0),
        (99.5, 99.5),
    ],
)
def test_money_in_german_and_english_notation(text: object, euros: float) -> None:
    amount = parse_number(text)

    assert amount == pytest.approx(euros)


@pytest.mark.parametrize(("text", "convention", "euros"), [("12,500", "de", 12.5), ("12,500", "en", 12500.0)])
def test_an_ambiguous_number_follows_the_columns_convention(text: str, convention: str, euros: float) -> None:
    assert parse_number(text, convention) == pytest.approx(euros)


@pytest.mark.parametrize(
    ("values", "convention"),
    [
        (["12,500", "€12,500.00", "2.5"], "en"),
        (["12,500", "12.500,00 €"], "de"),
        (["12,500", "1.200"], "de"),
        ([], "de"),
        ([1200, 3.5], "de"),
    ],
)
def test_a_columns_convention_comes_from_its_unambiguous_values_german_by_default(
    values: list[object], convention: str
) -> None:
    assert number_convention(values) == convention


@pytest.mark.parametrize(("text", "style"), [("12,500", None), ("1.200", None), ("1,5", "de"), ("2.5", "en")])
def test_only_unambiguous_numbers_have_a_style(text: str, style: str | None) -> None:
    assert number_style(text) == style


@pytest.mark.parametrize("text", [None, "", "  ", "-", "–", "n/a"])
def test_a_dash_or_blank_is_no_number(text: object) -> None:
    assert is_empty(text)
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["zwölf", "1.2.3,4,5x", "ab 5", True])
def test_text_that_is_no_number_is_refused(text: object) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("01.03.2026", date(2026, 3, 1)),
        ("1.3.26", date(2026, 3, 1)),
        ("2026-03-01", date(2026, 3, 1)),
        ("2026-03-01 00:00:00", date(2026, 3, 1)),
        ("03/2026", date(2026, 3, 1)),
        ("3/2026", date(2026, 3, 1)),
        ("03.2026", date(2026, 3, 1)),
        ("Q2 2026", date(2026, 4, 1)),
        ("Q2/2026", date(2026, 4, 1)),
        ("2. Quartal 2026", date(2026, 4, 1)),
        ("2026 Q4", date(2026, 10, 1)),
        ("März 2026", date(2026, 3, 1)),
        ("Mar 2026", date(2026, 3, 1)),
        ("15/03/2026", date(2026, 3, 15)),
        ("03/15/2026", date(2026, 3, 15)),
        (46082, date(2026, 3, 1)),
        ("46082", date(2026, 3, 1)),
        (2026, date(2026, 1, 1)),
        (datetime(2026, 3, 1, 9, 30), date(2026, 3, 1)),
        (date(2026, 3, 1), date(2026, 3, 1)),
    ],
)
def test_dates_in_german_english_and_excel_forms(value: object, day: date) -> None:
    assert parse_date(value) == day


@pytest.mark.parametrize(
    ("value", "day"),
    [("Q2 2026", date(2026, 6, 30)), ("03/2026", date(2026, 3, 31)), (2026, date(2026, 12, 31))],
)
def test_an_end_given_as_month_or_quarter_means_its_last_day(value: object, day: date) -> None:
    assert parse_date(value, end=True) == day


def test_a_raw_serial_counts_from_1904_in_the_mac_date_system() -> None:
    assert parse_date(44620, date1904=True) == date(2026, 3, 1)
    assert parse_date(44620) == date(2022, 2, 28)


@pytest.mark.parametrize("value", ["15.05.", "ab 12.06.", "bald", time(10, 0), timedelta(days=3), 0, True])
def test_text_that_is_no_date_is_refused(value: object) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


def test_a_date_names_its_month() -> None:
    assert parse_month("17.11.2026") == Month(2026, 11)
    assert parse_month(None) is None


@pytest.mark.parametrize(
    ("value", "unit", "months"),
    [
        ("4 Tage", MONTHS, 1),
        ("7Tage", MONTHS, 1),
        ("31 Tage", MONTHS, 2),
        ("2 Mon.", MONTHS, 2),
        ("6 Wochen", MONTHS, 2),
        ("4 Wochen", MONTHS, 1),
        ("3 Monate", MONTHS, 3),
        ("1,5 Monate", MONTHS, 2),
        ("10 AT", MONTHS, 1),
        ("22 AT", MONTHS, 2),
        ("1 Jahr", MONTHS, 12),
        ("3 months", MONTHS, 3),
        ("45 days", MONTHS, 2),
        (3, MONTHS, 3),
        (46, DAYS, 2),
        (30, DAYS, 1),
        (44, WORKING_DAYS, 3),
        (6, WEEKS, 2),
        (0, DAYS, 1),
        (timedelta(days=61), MONTHS, 3),
        ("2", DAYS, 1),
    ],
)
def test_durations_become_whole_months_rounded_up_and_at_least_one(value: object, unit: str, months: int) -> None:
    assert parse_duration(value, unit) == months


@pytest.mark.parametrize("value", ["lang", "3 Äpfel", "-2 Monate", "1000 Jahre"])
def test_text_that_is_no_duration_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(value)


@pytest.mark.parametrize(
    ("value", "unit", "days"),
    [
        (5, DAYS, 5.0),
        (16, HOURS, 2.0),
        ("16 h", DAYS, 2.0),
        ("3 PT", DAYS, 3.0),
        ("2,5 Tage", HOURS, 2.5),
        (timedelta(hours=12), HOURS, 1.5),
        (None, DAYS, None),
    ],
)
def test_person_days_from_days_or_working_hours(value: object, unit: str, days: float | None) -> None:
    assert parse_days(value, unit) == days


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (18.0, "18"),
        (2.5, "2.5"),
        ("  CRM   einführen ", "CRM einführen"),
        (date(2026, 3, 1), "01.03.2026"),
        (timedelta(hours=35), "35:00"),
        (True, "ja"),
        (None, ""),
    ],
)
def test_cells_as_text_for_ids_and_notes(value: object, text: str) -> None:
    assert text_of(value) == text
