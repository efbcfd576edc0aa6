"""TIMEX3 values and the vocabulary of time expressions: what reading them needs in common.

`Timex` is one normalised expression as TIMEX3 has it (type, value, precision, mod) plus how it was
anchored; `Context` is what a relative expression is read against. The word tables and regular
expression fragments here are shared by the rules (`date_rules`) and the component that finds
expressions in text (`marsad.nlp.times`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.resolve.periods import CENTURY, DAY, DECADE, MONTH, QUARTER, WEEK, YEAR, bounds

PAST, PRESENT, FUTURE = "past", "present", "future"
DATE, TIME, DURATION, SET = "DATE", "TIME", "DURATION", "SET"
# Precisions beyond the calendar granularities in periods.py.
TIME_OF_DAY, SEASON, RANGE, REFERENCE = "time", "season", "range", "reference"
PUBLISHED, EVENT = "published", "event"
BEFORE, AFTER = "before", "after"

MONTH_NAMES = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SMALL = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
]  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
NUMBER_WORDS: dict[str, int | None] = {
    **{word: n for n, word in enumerate(_SMALL, start=1)},
    **_TENS,
    "a": 1, "an": 1, "a single": 1, "a couple of": 2, "couple of": 2, "a couple": 2, "a dozen": 12,
    "dozen": 12, "a hundred": 100, "hundred": 100, "a few": None, "few": None, "several": None,
    "some": None, "many": None,
}  # fmt: skip
# Unit → (calendar granularity for shifting, ISO 8601 duration designator, count of it, time unit?).
UNITS: dict[str, tuple[str, str, int, bool]] = {
    "second": (DAY, "S", 1, True),
    "minute": (DAY, "M", 1, True),
    "hour": (DAY, "H", 1, True),
    "day": (DAY, "D", 1, False),
    "night": (DAY, "D", 1, False),
    "week": (WEEK, "W", 1, False),
    "weekend": (WEEK, "WE", 1, False),
    "fortnight": (WEEK, "W", 2, False),
    "month": (MONTH, "M", 1, False),
    "quarter": (QUARTER, "Q", 1, False),
    "year": (YEAR, "Y", 1, False),
    "decade": (DECADE, "Y", 10, False),
    "century": (CENTURY, "Y", 100, False),
}
# Words before an expression that TIMEX3 keeps as its `mod`.
MOD_PREFIXES = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "early": "START", "earlier": "START",
    "the beginning of": "START", "the start of": "START", "mid": "MID", "the middle of": "MID",
    "late": "END", "later": "END", "the end of": "END", "beginning of": "START", "start of": "START",
    "middle of": "MID", "end of": "END", "the turn of": "START", "turn of": "START",
}  # fmt: skip

NUM_RE = (
    r"(?:\d+|a single|a couple of|couple of|a couple|a dozen|a hundred|a few|an?|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|dozen|hundred|few|several|some|many)"
    r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
)
UNIT_RE = (
    r"(?P<unit>(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade)s?|"
    r"century|centuries)"
)
MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\.?"
WEEKDAY_RE = r"(?P<weekday>" + "|".join(WEEKDAY_NAMES) + ")"
DAYNUM_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEARNUM_RE = r"(?P<year>(?:1[0-9]|20)\d\d)"
MOD_RE = "|".join(sorted((re.escape(m) for m in MOD_PREFIXES), key=len, reverse=True))


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What a relative expression is read against: the reference date and the sentence's tense."""

    anchor: date | None = None
    tense: str | None = None  # PAST, PRESENT or FUTURE; None when unknown


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    """One normalised expression, as TIMEX3 has it, plus how it was anchored."""

    type: str
    value: str | None  # None: relative to a reference date that is not known
    precision: str
    mod: str | None = None
    relative_to: str | None = None  # PUBLISHED or EVENT when the text counts from one
    offset: str | None = None  # ISO 8601 duration from that anchor: "P1D"
    relation: str | None = None  # BEFORE or AFTER the anchor

    def bounds(self) -> tuple[date | None, date | None] | None:
        """First and last day the expression can mean; an open end is None ("before 2011")."""
        if self.type not in {DATE, TIME}:
            return None
        found = bounds(self.value)
        if found is None:
            return None
        first, last = found
        if self.mod == "BEFORE":
            return None, first - timedelta(days=1)
        if self.mod == "AFTER":
            return last + timedelta(days=1), None
        if self.mod == "ON_OR_AFTER":
            return first, None
        if self.mod == "ON_OR_BEFORE":
            return None, last
        return first, last


def number(text: str) -> int | None:
    """'20', 'twenty', 'twenty-one', 'a' → the count; 'several', 'a few' → None (TIMEX3 writes X)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    tens, _, ones = text.replace("-", " ").partition(" ")
    return _TENS.get(tens, 0) + (NUMBER_WORDS.get(ones) or 0) or None


def unit_of(word: str) -> str:
    """'days' → 'day', 'centuries' → 'century': the key into UNITS."""
    return "century" if word.startswith("centur") else word.removesuffix("s")


def is_plural(word: str) -> bool:
    return word.endswith("s") and word != "centurys"


def duration(n: int | None, unit: str) -> str:
    """ISO 8601 duration of n units: P3D, PT2H, P10Y for a decade, PXY for 'years'."""
    _, designator, per, is_time = UNITS[unit]
    if designator == "WE":
        designator, per = "D", 2 * per
    count = "X" if n is None else f"{n * per:g}"
    if n is None and unit in {"decade", "century"}:
        designator = "DE" if unit == "decade" else "CE"
    return f"PT{count}{designator}" if is_time else f"P{count}{designator}"


def clean(phrase: str) -> str:
    """Lower case, one space between words, no 'the' in front, hyphens between words as spaces."""
    text = " ".join(phrase.lower().replace("’", "'").replace(" ,", ",").split()).strip(" ,;:")
    text = re.sub(r"(?<=[a-z0-9])-(?=[a-z])|(?<=[a-z])-(?=\d)", " ", text)
    return re.sub(r"^the ", "", text).rstrip(".") if not text.endswith(("a.m.", "p.m.")) else text
