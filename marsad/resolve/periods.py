"""Calendar arithmetic on TIMEX3 values: shift a date by units, write it at a granularity, and read
back the first and last day a value covers ("2013-W11" is 11–17 March 2013).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Granularities, finest first; a value is written at one of them.
DAY, WEEK, MONTH, QUARTER, HALF, YEAR, DECADE, CENTURY = (
    "day",
    "week",
    "month",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
)
MONTHS_PER = {MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12, DECADE: 120, CENTURY: 1200}
# Meteorological seasons (northern hemisphere), as TimeML's SP/SU/FA/WI: (first month, months).
SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)|"
    r"(?P<m>\d\d)(?:-(?P<d>\d\d))?))?(?:T.*)?"
)


def shift(anchor: date, n: int, unit: str) -> date:
    """`anchor` moved by n units (negative: back); month arithmetic keeps the day where it exists."""
    if unit == DAY:
        return anchor + timedelta(days=n)
    if unit == WEEK:
        return anchor + timedelta(weeks=n)
    months = anchor.year * 12 + anchor.month - 1 + n * MONTHS_PER[unit]
    year, month = divmod(months, 12)
    day = min(anchor.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def write(day: date, granularity: str) -> str:
    """`day` as a TIMEX3 value of the given granularity: 2013-03-22, 2013-W12, 2013-Q1, 201 ..."""
    if granularity == DAY:
        return day.isoformat()
    if granularity == WEEK:
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == HALF:
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if granularity == DECADE:
        return f"{day.year:04d}"[:3]
    if granularity == CENTURY:
        return f"{day.year:04d}"[:2]
    return f"{day.year:04d}"


def season_value(year: int, season: str) -> str:
    return f"{year:04d}-{season}"


def bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day a concrete DATE value covers; None for durations, references and X-values.

    An interval "A/B" runs from the first day of A to the last day of B.
    """
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = bounds(first), bounds(last)
        return (a[0], b[1]) if a and b else None
    if re.fullmatch(r"\d{3}", value):  # a decade
        return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value):  # a century
        return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    match = _VALUE.fullmatch(value)
    if not match:
        return None
    try:
        return _bounds(match)
    except ValueError:  # 2017-02-30, week 54
        return None


def _bounds(match: re.Match[str]) -> tuple[date, date]:
    year = int(match["y"])
    if match["d"]:
        day = date(year, int(match["m"]), int(match["d"]))
        return day, day
    if match["m"]:
        month = int(match["m"])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if match["w"]:
        monday = date.fromisocalendar(year, int(match["w"]), 1)
        return (monday + timedelta(days=5) if match["we"] else monday), monday + timedelta(days=6)
    if match["q"] or match["h"] or match["s"]:
        if match["q"]:
            first_month, months = 3 * int(match["q"]) - 2, 3
        elif match["h"]:
            first_month, months = 6 * int(match["h"]) - 5, 6
        else:
            first_month, months = SEASONS[match["s"]]
        first = date(year, first_month, 1)
        return first, shift(first, months, MONTH) - timedelta(days=1)
    return date(year, 1, 1), date(year, 12, 31)
