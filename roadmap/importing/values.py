"""Pure parsers for the values people type into spreadsheets (docs/import.md).

Every parser takes one cell as read (text, number, date, …) and returns the model's value, None for
an empty cell (or '-'), or raises ValueError with a short reason when the text cannot be read.
Numbers, money, dates and durations live here; words (scores, statuses, fields, yes/no, id lists)
in roadmap/importing/words.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from roadmap.domain.measure import DURATION_LIMIT
from roadmap.domain.month import Month, duration_months

GERMAN, ENGLISH = "de", "en"
DAYS_PER_MONTH = 30.44
WORKING_DAYS_PER_MONTH = 21
HOURS_PER_DAY = 8
_EMPTY = {"", "-", "–", "—", "--", "n/a", "na", "k.a.", "k. a.", "./.", "?"}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")


def is_empty(value: object) -> bool:
    """True for a cell that holds nothing a person meant: None, blanks, '-' and the like."""
    if value is None:
        return True
    return isinstance(value, str) and value.strip().lower() in _EMPTY


def text_of(value: object) -> str:
    """A cell as trimmed text: whole numbers without '.0', dates as 31.12.2026."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M") if value.time() != time() else value.strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    return " ".join(str(value).split())


# ---- numbers and money -------------------------------------------------------------------------

_THOUSANDS = {"tsd": 1_000, "t": 1_000, "k": 1_000, "tausend": 1_000, "mio": 1_000_000, "m": 1_000_000}
_CURRENCY = re.compile(r"(€|eur(o)?|\$|usd|chf|fr\.)", re.IGNORECASE)


def _number_text(text: str) -> tuple[str, float, bool]:
    """The digits of a number, its multiplier (1, 1000, …) and whether it is negative."""
    cleaned = text.strip().replace("−", "-")
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = _CURRENCY.sub(" ", cleaned.strip("()")).strip()
    multiplier = 1.0
    suffix = re.search(r"(?<=[\d\s.])([a-zA-Z]+)\.?\s*$", cleaned)
    if suffix and suffix.group(1).lower() in _THOUSANDS:
        multiplier = _THOUSANDS[suffix.group(1).lower()]
        cleaned = cleaned[: suffix.start()]
    cleaned = _SPACES.sub("", cleaned).lstrip("+-").rstrip("%")
    if not re.fullmatch(r"[\d.,]*\d[\d.,]*", cleaned):
        raise ValueError(f"'{text.strip()}' ist keine Zahl")
    return cleaned, multiplier, negative


def number_style(text: str) -> str | None:
    """'de' or 'en' if the text's separators show its convention unambiguously, else None."""
    try:
        digits, _, _ = _number_text(text)
    except ValueError:
        return None
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        return GERMAN if digits.rfind(",") > digits.rfind(".") else ENGLISH
    if commas > 1 or (dots == 1 and not _looks_grouped(digits, ".")):
        return ENGLISH
    if dots > 1 or (commas == 1 and not _looks_grouped(digits, ",")):
        return GERMAN
    return None


def _looks_grouped(digits: str, separator: str) -> bool:
    """'12,500' or '1.200': one separator followed by exactly three digits (ambiguous)."""
    head, _, tail = digits.partition(separator)
    return len(tail) == 3 and 1 <= len(head) <= 3 and head != "0"


def number_convention(values: Iterable[object]) -> str:
    """The convention ('de'/'en') of a column's unambiguous text numbers; German when undecided."""
    votes = {GERMAN: 0, ENGLISH: 0}
    for value in values:
        if isinstance(value, str):
            style = number_style(value)
            if style:
                votes[style] += 1
    return ENGLISH if votes[ENGLISH] > votes[GERMAN] else GERMAN


def parse_number(value: object, convention: str = GERMAN) -> float | None:
    """A number or amount: '12.500,00 €', '€12,500.00', '1.200 €', '1,5', '5 T€', 1200."""
    if is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError("ja/nein ist keine Zahl")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError("keine endliche Zahl")
        return float(value)
    if not isinstance(value, str):
        raise ValueError(f"'{text_of(value)}' ist keine Zahl")
    digits, multiplier, negative = _number_text(value)
    style = number_style(value) or convention
    german = style == GERMAN
    digits = digits.replace(".", "").replace(",", ".") if german else digits.replace(",", "")
    if digits.count(".") > 1:
        raise ValueError(f"'{value.strip()}' ist keine Zahl")
    number = float(digits) * multiplier
    if not math.isfinite(number):
        raise ValueError(f"'{value.strip()}' ist zu groß")
    return -number if negative else number


# ---- dates ---------------------------------------------------------------------------------------

_MONTH_NAMES = {
    "jan": 1, "januar": 1, "january": 1, "jän": 1, "jaenner": 1, "feb": 2, "februar": 2, "february": 2,
    "mär": 3, "mrz": 3, "mar": 3, "märz": 3, "maerz": 3, "march": 3, "apr": 4, "april": 4, "mai": 5,
    "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oct": 10, "oktober": 10, "october": 10,
    "nov": 11, "november": 11, "dez": 12, "dec": 12, "dezember": 12, "december": 12,
}  # fmt: skip
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_EPOCH_1904 = date(1904, 1, 1)


def parse_date(value: object, *, end: bool = False, date1904: bool = False) -> date | None:
    """A day from a date cell, an Excel serial or text ('01.03.2026', '2026-03-01', '03/2026', 'Q2 2026').

    Texts that name only a month or quarter give its first day, or its last day when `end` is set.
    """
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return _plausible(value.date())
    if isinstance(value, date):
        return _plausible(value)
    if isinstance(value, (bool, time, timedelta)):
        raise ValueError("kein Datum")
    if isinstance(value, (int, float)):
        return _year_or_serial(float(value), end, date1904)
    text = " ".join(str(value).split()).lower()
    for reader in (_iso, _dotted, _slashed, _quarter, _month_year):
        found = reader(text, end)
        if found is not None:
            return _plausible(found)
    if re.fullmatch(r"\d+([.,]\d+)?", text):
        return _year_or_serial(float(text.replace(",", ".")), end, date1904)
    raise ValueError(f"'{value}' ist kein Datum")


def _plausible(day: date) -> date:
    # The model's months run from 1900 to 2200; anything else is a typing error.
    if not 1900 <= day.year <= 2200:
        raise ValueError(f"{day.isoformat()} liegt nicht zwischen 1900 und 2200")
    return day


def parse_month(value: object, *, end: bool = False, date1904: bool = False) -> Month | None:
    """The month a date cell or date text lies in (see parse_date)."""
    day = parse_date(value, end=end, date1904=date1904)
    return None if day is None else Month.of(day)


def _year_or_serial(number: float, end: bool, date1904: bool) -> date:
    # A bare year (2026) means that year; as a serial it would be a day in 1905.
    if number == int(number) and 1900 <= number <= 2200:
        return date(int(number), 12, 31) if end else date(int(number), 1, 1)
    return _serial(number, date1904)


def _serial(number: float, date1904: bool) -> date:
    # Serials from 1 (1900) to 109,575 (2199) are days; anything else is no date.
    if not 1 <= number < 109_575:
        raise ValueError(f"{text_of(number)} ist kein Datum")
    epoch = _EXCEL_EPOCH_1904 if date1904 else _EXCEL_EPOCH
    return epoch + timedelta(days=int(number))


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # Two-digit years: 26 → 2026, 98 → 1998 (Excel's own cut-off is 29; plans look ahead).
        return 2000 + year if year < 70 else 1900 + year
    return year


def _make(year: int, month: int, day: int, end: bool) -> date:
    if day == 0:
        return Month(year, month).last_day if end else date(year, month, 1)
    return date(year, month, day)


def _iso(text: str, end: bool) -> date | None:
    found = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ t].*)?", text)
    if not found:
        return None
    return _make(int(found[1]), int(found[2]), int(found[3] or 0), end)


def _dotted(text: str, end: bool) -> date | None:
    found = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}.*)?", text)
    if not found:
        found = re.fullmatch(r"(\d{1,2})\.(\d{4})", text)  # 03.2026
        return _make(int(found[2]), int(found[1]), 0, end) if found else None
    return _make(_year(found[3]), int(found[2]), int(found[1]), end)


def _slashed(text: str, end: bool) -> date | None:
    found = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if found:
        return _make(int(found[2]), int(found[1]), 0, end)
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", text)
    if not found:
        return None
    first, second, year = int(found[1]), int(found[2]), _year(found[3])
    # Day first (European) unless that is impossible: 03/15/2026 can only be US style.
    if second > 12 >= first:
        return _make(year, first, second, end)
    return _make(year, second, first, end)


def _quarter(text: str, end: bool) -> date | None:
    found = re.fullmatch(r"q\s?([1-4])[\s/.-]*(\d{4}|\d{2})", text) or re.fullmatch(
        r"([1-4])\.?\s?(?:quartal|qu\.?|q)\s?(\d{4}|\d{2})", text
    )
    if found:
        quarter, year = int(found[1]), _year(found[2])
    else:
        found = re.fullmatch(r"(\d{4})[\s/-]*q\s?([1-4])", text)
        if not found:
            return None
        quarter, year = int(found[2]), int(found[1])
    return _make(year, quarter * 3 if end else quarter * 3 - 2, 0, end)


def _month_year(text: str, end: bool) -> date | None:
    # Jira's '31/Mar/26 10:00 AM' and '31-Mar-2026': a day before the month's name.
    dated = re.fullmatch(r"(\d{1,2})[/ .-]([a-zäöü]+)\.?[/ .-](\d{4}|\d{2})(?:\s.*)?", text)
    if dated and dated[2] in _MONTH_NAMES:
        return _make(_year(dated[3]), _MONTH_NAMES[dated[2]], int(dated[1]), end)
    found = re.fullmatch(r"([a-zäöü]+)\.?\s*[/-]?\s*(\d{4}|\d{2})", text)
    if not found or found[1] not in _MONTH_NAMES:
        return None
    return _make(_year(found[2]), _MONTH_NAMES[found[1]], 0, end)


# ---- durations -----------------------------------------------------------------------------------

MONTHS, WEEKS, DAYS, WORKING_DAYS, HOURS, YEARS = "months", "weeks", "days", "working_days", "hours", "years"
_UNIT_WORDS = (
    (WORKING_DAYS, r"at|arbeitstage?n?|werktage?n?|wt|working ?days?|work ?days?|business ?days?|bd|pt"),
    (MONTHS, r"monate?n?|mon|mo|mths?|months?|m"),
    (WEEKS, r"wochen|woche|wo|kw|weeks?|wks?|w"),
    (DAYS, r"kalendertage?n?|tage?n?|tg|t|days?|d"),
    (HOURS, r"stunden|stunde|std|h|hours?|hrs?"),
    (YEARS, r"jahre?n?|j|years?|yrs?|y"),
)
_UNIT_OF_WORD = [(unit, re.compile(rf"(?:{words})\.?")) for unit, words in _UNIT_WORDS]


def unit_of(word: str) -> str | None:
    """The time unit a word names ('Tage' → days, 'AT' → working days), or None."""
    word = word.strip().lower()
    for unit, pattern in _UNIT_OF_WORD:
        if pattern.fullmatch(word):
            return unit
    return None


def days_of(amount: float, unit: str) -> float:
    """Calendar days of an amount in a unit (a working day counts 30.44 ÷ 21 days)."""
    factors = {
        DAYS: 1.0,
        WEEKS: 7.0,
        MONTHS: DAYS_PER_MONTH,
        YEARS: 12 * DAYS_PER_MONTH,
        WORKING_DAYS: DAYS_PER_MONTH / WORKING_DAYS_PER_MONTH,
        HOURS: DAYS_PER_MONTH / WORKING_DAYS_PER_MONTH / HOURS_PER_DAY,
    }
    return amount * factors[unit]


def parse_duration(value: object, unit: str = MONTHS) -> int | None:
    """Whole months ⌈days ÷ 30.44⌉ (at least 1) from '4 Tage', '6 Wochen', '2 Mon.', '10 AT' or a number."""
    if is_empty(value):
        return None
    if isinstance(value, timedelta):
        days = value.total_seconds() / 86_400
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        days = days_of(float(value), unit)
    elif isinstance(value, str):
        found = re.fullmatch(r"\s*([\d.,]+)\s*([a-zA-ZäöüÄÖÜ. ]*?)\.?\s*", value)
        if not found:
            raise ValueError(f"'{value.strip()}' ist keine Dauer")
        amount = parse_number(found[1])
        word = found[2].strip()
        named = unit_of(word) if word else unit
        if amount is None or named is None:
            raise ValueError(f"'{value.strip()}' ist keine Dauer")
        days = days_of(amount, named)
    else:
        raise ValueError(f"'{text_of(value)}' ist keine Dauer")
    if days < 0 or days > DURATION_LIMIT * DAYS_PER_MONTH:
        raise ValueError(f"'{text_of(value)}' ist keine sinnvolle Dauer")
    return duration_months(days / DAYS_PER_MONTH)


def parse_days(value: object, unit: str = DAYS) -> float | None:
    """Person-days from a number in the column's unit (hours ÷ 8) or text such as '3 PT' or '16 h'."""
    if is_empty(value):
        return None
    if isinstance(value, timedelta):
        # Hours typed as [h]:mm are durations: working hours, 8 to a day.
        return value.total_seconds() / 3600 / HOURS_PER_DAY
    if isinstance(value, str):
        found = re.fullmatch(r"\s*([\d.,]+)\s*([a-zA-Z. -]*?)\.?\s*", value)
        word = found[2].strip().lower() if found else ""
        if found and word:
            named = unit_of(word)
            if named == HOURS:
                unit = HOURS
            elif named in (DAYS, WORKING_DAYS) or word in _PERSON_DAY_WORDS:
                unit = DAYS
            else:
                raise ValueError(f"'{value.strip()}' ist keine Anzahl Personentage")
            value = found[1]
    amount = parse_number(value)
    if amount is None:
        return None
    return amount / HOURS_PER_DAY if unit == HOURS else amount


_PERSON_DAY_WORDS = {"pd", "md", "mt", "personentage", "person-days", "person days", "manntage", "pt"}
