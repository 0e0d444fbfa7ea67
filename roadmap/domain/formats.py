"""German and English number, money and date formats for messages and summaries (via babel)."""

from __future__ import annotations

import functools
from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from roadmap.domain.month import Month

_LOCALES = {"de": "de_DE", "en": "en_GB"}


def _locale(lang: str) -> str:
    return _LOCALES.get(lang, "de_DE")


def euro(amount: float, lang: str = "de") -> str:
    """Whole euros: '12.300 €' in German, '€12,300' in English."""
    return _whole_euros(round(amount), lang)


@functools.lru_cache(maxsize=4096)
def _whole_euros(amount: int, lang: str) -> str:
    # babel takes about 0.1 ms per call; pages show the same amounts again on every rerun
    pattern = "¤#,##0" if lang == "en" else "#,##0\u00a0¤"
    return format_currency(amount, "EUR", locale=_locale(lang), format=pattern, currency_digits=False)


def number(value: float, lang: str = "de", digits: int = 1) -> str:
    """A decimal number with the language's separators: '2,9' / '2.9'."""
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=_locale(lang))


def day(value: date, lang: str = "de") -> str:
    """A date: '31.03.2026' in German, '31 Mar 2026' in English."""
    return format_date(value, "dd.MM.yyyy" if lang != "en" else "d MMM yyyy", locale=_locale(lang))


@functools.lru_cache(maxsize=1024)
def month(value: Month, lang: str = "de") -> str:
    """A month: 'März 2026' / 'March 2026' (a plan names the same few months again and again)."""
    return format_date(value.first_day, "MMMM yyyy", locale=_locale(lang))


def short_month(value: Month, lang: str = "de") -> str:
    """A month's short name for chart axes: 'Jan', 'Mär' / 'Mar'."""
    return format_date(value.first_day, "LLL", locale=_locale(lang))
