"""Literal objects: dates, amounts, quantities.

A date that names its year, month and day becomes an ``xsd:date``; a year alone an
``xsd:gYear``; a month and year an ``xsd:gYearMonth``; anything vaguer ("Thursday",
"the 1990s", "December 17" without a year) stays a plain string, since guessing the
year would state something the text does not.

>>> date_value("August 20, 2020")
Value(lexical='2020-08-20', datatype='date')
>>> date_value("2060")
Value(lexical='2060', datatype='gYear')
>>> date_value("on Thursday")
Value(lexical='Thursday', datatype=None)
>>> amount_value("$100 billion")
Value(lexical='$100 billion', datatype=None)
"""

from __future__ import annotations

import re
from datetime import datetime

from kg.resolve.names import clean_mention
from kg.types import Value

__all__ = ["DATE_LABELS", "VALUE_LABELS", "amount_value", "date_value"]

#: NER labels whose spans become date values.
DATE_LABELS = frozenset({"DATE", "TIME"})
#: NER labels whose spans become plain values.
VALUE_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})

_LEADING_PREPOSITION = re.compile(
    r"^(?:on|in|at|by|since|until|till|from|to|during|before|after|around|about|of)\s+",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2[01]\d\d)(?!\d|s)")
_MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAY = re.compile(r"(?<!\d)([0-3]?\d)(?:st|nd|rd|th)?(?!\d)")


def _clean(text: str) -> str:
    text = clean_mention(text) if text.strip() else text
    return _LEADING_PREPOSITION.sub("", text).strip()


def date_value(text: str) -> Value:
    """A date span as a typed literal where it is complete, else a plain one."""
    cleaned = _clean(text)
    if _ISO_DATE.fullmatch(cleaned):
        try:
            return Value(datetime.strptime(cleaned, "%Y-%m-%d").date().isoformat(), "date")
        except ValueError:
            return Value(cleaned, None)
    year = _YEAR.search(cleaned)
    if year and cleaned == year.group(1):
        return Value(cleaned, "gYear")
    if year and _MONTHS.search(cleaned):
        try:
            from dateutil import parser

            first = parser.parse(cleaned, default=datetime(1904, 1, 1), fuzzy=True)
            second = parser.parse(cleaned, default=datetime(1908, 2, 2), fuzzy=True)
        except (ValueError, OverflowError):
            return Value(cleaned, None)
        if first.year != second.year:
            return Value(cleaned, None)
        has_day = first.day == second.day and bool(_DAY.search(_YEAR.sub("", cleaned)))
        if has_day and first.month == second.month:
            return Value(first.date().isoformat(), "date")
        if first.month == second.month:
            return Value(f"{first.year:04d}-{first.month:02d}", "gYearMonth")
    return Value(cleaned, None)


def amount_value(text: str) -> Value:
    """A money, quantity, percentage or number span as a plain literal."""
    return Value(_clean(text), None)
