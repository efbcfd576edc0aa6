"""Time expressions normalised to TIMEX3 values against a reference date, the publication date.

`normalise("last week", Context(anchor=date(2013, 3, 22)))` gives DATE 2013-W11. Relative
expressions ("yesterday", "Monday", "two years ago") need the reference date: without one they keep
their offset and relation but no value, so nothing is invented. The sentence's tense decides which
way a bare weekday or month points ("Monday" in "met on Monday" is the Monday before publication).

Rules are tried in order on the lower-cased phrase, each a full-match regular expression; the first
that reads the phrase wins. Event-anchored expressions ("20 days after the liberation of X") are
put together in `anchored()` from a duration and the anchor's date, when that is known.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib.resources import files

from marsad.resolve.periods import (
    CENTURY,
    DAY,
    DECADE,
    HALF,
    MONTH,
    QUARTER,
    WEEK,
    YEAR,
    bounds,
    shift,
    write,
)

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

_NUM = (
    r"(?:\d+|a single|a couple of|couple of|a couple|a dozen|a hundred|a few|an?|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|dozen|hundred|few|several|some|many)"
    r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
)
_UNIT = (
    r"(?P<unit>(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade)s?|"
    r"century|centuries)"
)
_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAY_NAMES) + ")"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEARNUM = r"(?P<year>(?:1[0-9]|20)\d\d)"
_MODS = "|".join(sorted((re.escape(m) for m in MOD_PREFIXES), key=len, reverse=True))


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


def normalise(phrase: str, context: Context) -> Timex | None:
    """The TIMEX3 reading of one expression, or None when the phrase is not one Marsad can read."""
    text, mod = clean(phrase), None
    if text == "day" and phrase.lower().startswith("the"):
        text = "that day"
    while match := re.match(rf"(?:{_MODS})(?:\s+|-)", text):
        mod = mod or MOD_PREFIXES[match.group().strip(" -")]
        text = re.sub(r"^the ", "", text[match.end() :])
    if mod in {"START", "MID", "END"} and re.fullmatch(r"(?:week|month|year|decade|century)", text):
        text = f"this {text}"  # "the end of the year": the current one
    for pattern, rule in _RULES:
        match = pattern.fullmatch(text)
        if match:
            found = rule(match, context)
            if found is not None:
                return replace(found, mod=found.mod or mod) if mod else found
    return None


def anchored(offset: Timex, relation: str, anchor: date | None) -> Timex:
    """A date counted from an event: '20 days after' an anchor day. Without the day, only the offset."""
    unit = _duration_unit(offset.value)
    if anchor is None or unit is None:  # the duration stays what the text says; the event dates it
        return replace(offset, relative_to=EVENT, offset=offset.value, relation=relation)
    n, granularity = unit
    day = shift(anchor, n if relation == AFTER else -n, granularity)
    return Timex(
        type=DATE, value=write(day, DAY), precision=DAY, mod=offset.mod, relative_to=EVENT,
        offset=offset.value, relation=relation,
    )  # fmt: skip


def opening(span: Timex, start: date, first: bool = True) -> Timex:
    """'The first four years of' something that began on `start`: the range those years cover."""
    unit = _duration_unit(span.value)
    if unit is None:
        return replace(span, relative_to=EVENT, offset=span.value, relation=AFTER)
    n, granularity = unit
    end = shift(start, n, granularity) - timedelta(days=1)
    value = f"{write(start, MONTH)}/{write(end, MONTH)}"
    return Timex(type=DATE, value=value, precision=RANGE, mod=None if first else "END", relative_to=EVENT,
                 offset=span.value, relation=AFTER)  # fmt: skip


@cache
def _dated_events() -> dict[str, date]:
    data = tomllib.loads(files("marsad").joinpath("resources/dated_events.toml").read_text("utf-8"))
    return {name: date.fromisoformat(e["start"]) for e in data["event"] for name in e["names"]}


def event_start(name: str) -> date | None:
    """The day a well-known event began ('the Syrian Revolution' → 2011-03-15), from dated_events.toml."""
    key = re.sub(r"^the ", "", " ".join(name.lower().replace("’", "'").split()))
    return _dated_events().get(key)


def _duration_unit(value: str | None) -> tuple[int, str] | None:
    match = re.fullmatch(r"PT?(\d+)([DWMY]|H)", value or "")
    if not match or match[2] == "H":
        return None
    n, letter = int(match[1]), match[2]
    return n, {"D": DAY, "W": WEEK, "M": MONTH, "Y": YEAR}[letter]


# --- rules -------------------------------------------------------------------------------------------

Rule = Callable[[re.Match[str], Context], "Timex | None"]


def _date(value: str | None, precision: str, relative_to: str | None = None) -> Timex:
    return Timex(type=DATE, value=value, precision=precision, relative_to=relative_to)


def _relative(ctx: Context, n: int, granularity: str, kind: str = DATE) -> Timex:
    """The unit n units from the reference date, at that unit's granularity ('last week', '2 years ago')."""
    offset = duration(abs(n), {DAY: "day", WEEK: "week", MONTH: "month", QUARTER: "quarter", HALF: "month",
                               YEAR: "year", DECADE: "decade", CENTURY: "century"}[granularity])  # fmt: skip
    relation = BEFORE if n < 0 else AFTER if n > 0 else None
    value = write(shift(ctx.anchor, n, granularity), granularity) if ctx.anchor else None
    return Timex(type=kind, value=value, precision=granularity, relative_to=PUBLISHED,
                 offset=offset if n else None, relation=relation)  # fmt: skip


def _year_for(ctx: Context, month: int, day: int | None) -> int | None:
    """The year of a month (and day) named without one: past tense looks back, future forward, and
    otherwise the nearest such date to the reference (within half a year) is meant."""
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    here = anchor.year * 12 + anchor.month
    best = min(
        (anchor.year + k for k in (-1, 0, 1)),
        key=lambda y: abs(y * 12 + month - here - ((day or 15) - anchor.day) / 31),
    )
    gap = best * 12 + month - here
    if ctx.tense == PAST and gap > 1:
        return best - 1
    if ctx.tense == FUTURE and gap < -1:
        return best + 1
    return best


def _weekday_date(ctx: Context, weekday: int, which: str | None) -> date | None:
    if ctx.anchor is None:
        return None
    delta = weekday - ctx.anchor.weekday()
    if which in {"next", "coming"} or (which is None and ctx.tense in {FUTURE, PRESENT}):
        if delta == 0 and which is None:
            return ctx.anchor
        return ctx.anchor + timedelta(days=delta if delta > 0 else delta + 7)
    if delta == 0 and which in {None, "this", "on"}:
        return ctx.anchor
    return ctx.anchor + timedelta(days=delta if delta < 0 else delta - 7)


def r_iso(m: re.Match[str], ctx: Context) -> Timex | None:
    return _date(m.group(), DAY) if bounds(m.group()) else None


def r_full_date(m: re.Match[str], ctx: Context) -> Timex | None:
    value = f"{int(m['year']):04d}-{MONTH_NAMES[m['month']]:02d}-{int(m['day']):02d}"
    return _date(value, DAY) if bounds(value) else None


def r_month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    month, day = MONTH_NAMES[m["month"]], int(m["day"])
    if not 1 <= day <= 31:
        return None
    year = _year_for(ctx, month, day)
    value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    return _date(value, DAY, relative_to=PUBLISHED) if year is None or bounds(value) else None


def r_month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    return _date(f"{m['year']}-{MONTH_NAMES[m['month']]:02d}", MONTH)


def r_month(m: re.Match[str], ctx: Context) -> Timex | None:
    month = MONTH_NAMES[m["month"]]
    which = m["which"]
    tense = {"last": PAST, "past": PAST, "next": FUTURE, "this": ctx.tense}.get(which or "", ctx.tense)
    year = _year_for(replace(ctx, tense=tense), month, None)
    if year is not None and which == "last" and ctx.anchor and month >= ctx.anchor.month:
        year = ctx.anchor.year - 1
    return _date(f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}", MONTH, relative_to=PUBLISHED)


def r_year(m: re.Match[str], ctx: Context) -> Timex | None:
    return _date(m["year"], YEAR)


def r_year_range(m: re.Match[str], ctx: Context) -> Timex | None:
    first, last = m["year"], m["last"]
    last = first[: 4 - len(last)] + last
    return _date(f"{first}/{last}", RANGE) if first < last else None


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip
_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty first": 21}


def r_decade(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["full"]:
        return _date(m["full"], DECADE)
    # "the '90s", "the nineties": the latest such decade that began by the reference year
    tens = int(m["short"]) if m["short"] else _DECADE_WORDS[m["word"]]
    reference = ctx.anchor.year if ctx.anchor else None
    if reference is None:
        return _date(f"XX{tens}", DECADE, relative_to=PUBLISHED)
    year = reference // 100 * 100 + tens * 10
    return _date(f"{year if year <= reference else year - 100:04d}"[:3], DECADE, relative_to=PUBLISHED)


def r_century(m: re.Match[str], ctx: Context) -> Timex | None:
    n = int(m["n"]) if m["n"] else _CENTURY_WORDS[m["word"]]
    return _date(f"{n - 1:02d}", CENTURY) if 1 <= n <= 21 else None


def r_season(m: re.Match[str], ctx: Context) -> Timex | None:
    code = SEASON_CODES[m["season"]]
    if m["year"]:
        return _date(f"{m['year']}-{code}", SEASON)
    if ctx.anchor is None:
        return _date(f"XXXX-{code}", SEASON, relative_to=PUBLISHED)
    anchor = ctx.anchor
    years = [anchor.year + k for k in (-2, -1, 0, 1)]
    spans = {y: bounds(f"{y}-{code}") or (anchor, anchor) for y in years}
    which = m["which"] or {PAST: "past", FUTURE: "next"}.get(ctx.tense or "", "this")
    if which == "last":  # the last one that is over
        year = max(y for y in years if spans[y][1] < anchor)
    elif which == "past":  # the latest one begun
        year = max(y for y in years if spans[y][0] <= anchor)
    elif which in {"next", "coming"}:
        year = min(y for y in years if spans[y][0] > anchor)
    else:  # this: the one under way or the coming one this year
        year = min(y for y in years if spans[y][1] >= anchor)
    return _date(f"{year:04d}-{code}", SEASON, relative_to=PUBLISHED)


def r_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    kind = "Q" if m["part"] == "quarter" else "H"
    if m["which"] in ORDINALS:
        n = ORDINALS[m["which"]]
        if kind == "H" and n > 2:
            return None
        if m["year"]:
            return _date(f"{m['year']}-{kind}{n}", QUARTER if kind == "Q" else HALF)
        if ctx.anchor is None:
            return _date(f"XXXX-{kind}{n}", QUARTER, relative_to=PUBLISHED)
        year = ctx.anchor.year
        current = (ctx.anchor.month - 1) // (3 if kind == "Q" else 6) + 1
        if ctx.tense == PAST and n > current:
            year -= 1
        return _date(f"{year:04d}-{kind}{n}", QUARTER if kind == "Q" else HALF, relative_to=PUBLISHED)
    step = {"last": -1, "latest": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
        m["which"] or "", 0
    )
    if kind == "H":
        return None
    if not m["which"] and ctx.tense == PAST:
        step = -1
    return _relative(ctx, step, QUARTER)


_PRESENT = ["now", "currently", "current", "nowadays", "presently", "at present", "at the moment",
            "at this time", "these days", "today's"]  # fmt: skip
_PAST = ["recently", "recent", "lately", "past", "in the past", "previously", "formerly", "once",
         "recent years", "recent months", "recent weeks", "recent days", "earlier", "some time ago",
         "years ago", "long ago"]  # fmt: skip
_FUTURE = ["future", "near future", "in the future", "coming years", "years to come", "soon"]
_REFERENCES = {
    **dict.fromkeys(_PRESENT, "PRESENT_REF"),
    **dict.fromkeys(_PAST, "PAST_REF"),
    **dict.fromkeys(_FUTURE, "FUTURE_REF"),
}
_DAYS_FROM_ANCHOR = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2,
    "day after tomorrow": 2, "this day": 0,
}  # fmt: skip


def r_reference(m: re.Match[str], ctx: Context) -> Timex | None:
    return _date(_REFERENCES[m.group()], REFERENCE)


def r_deictic_day(m: re.Match[str], ctx: Context) -> Timex | None:
    found = _relative(ctx, _DAYS_FROM_ANCHOR[m["word"]], DAY)
    part = m["part"] or ("night" if m["word"] == "tonight" else None)
    if part is None or m["word"] == "tonight":
        return found
    return _time_of(found, PARTS_OF_DAY[part])


def r_last_night(m: re.Match[str], ctx: Context) -> Timex | None:
    return _time_of(_relative(ctx, -1, DAY), "NI")


def r_this_part(m: re.Match[str], ctx: Context) -> Timex | None:
    return _time_of(_relative(ctx, 0, DAY), PARTS_OF_DAY[m["part"]])


def _time_of(day: Timex, suffix: str) -> Timex:
    return replace(
        day, type=TIME, value=f"{day.value}T{suffix}" if day.value else None, precision=TIME_OF_DAY
    )


def r_the_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """'The day' in news is the day reported on: the reference date."""
    return _relative(ctx, 0, DAY)


def r_relative_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = unit_of(m["unit"])
    if UNITS[unit][3] or is_plural(m["unit"]):
        return None
    if unit in {"decade", "century"} and m["which"] in {"past", "last", "previous"}:
        return Timex(type=DURATION, value=duration(1, unit), precision="duration")  # "the past decade"
    granularity = UNITS[unit][0]
    which = m["which"]
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "this past": -1,
            "next": 1, "coming": 1, "following": 1}[which]  # fmt: skip
    found = _relative(ctx, step, granularity)
    if unit == "weekend":
        return replace(found, value=f"{found.value}-WE" if found.value else None)
    return found


def r_weekend(m: re.Match[str], ctx: Context) -> Timex | None:
    """'The weekend': the last one in a past-tense sentence, else the coming one."""
    if ctx.anchor is None:
        return _date(None, WEEK, relative_to=PUBLISHED)
    back = ctx.tense == PAST and ctx.anchor.weekday() < 5
    found = _relative(ctx, -1 if back else 0, WEEK)
    return replace(found, value=f"{found.value}-WE")


def r_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = unit_of(m["unit"])
    n = number(m["n"]) if m["n"] else 1
    back = m["dir"] in {"ago", "earlier", "before", "previously", "back"}
    if n is None:
        return _date("PAST_REF" if back else "FUTURE_REF", REFERENCE)
    granularity, _, per, is_time = UNITS[unit]
    if granularity in {DECADE, CENTURY}:  # "a decade ago" is a year
        granularity = YEAR
    step = 0 if is_time else -n * per if back else n * per
    found = _relative(ctx, step, DAY if is_time else granularity)
    return replace(found, offset=duration(n, unit), relation=BEFORE if back else AFTER)


def r_weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    day = _weekday_date(ctx, WEEKDAY_NAMES.index(m["weekday"]), m["which"])
    value = day.isoformat() if day else f"XXXX-WXX-{WEEKDAY_NAMES.index(m['weekday']) + 1}"
    # "Friday night" is dated to the day: TimeBank's annotators mostly did the same.
    return _date(value, DAY, relative_to=PUBLISHED)


def r_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ampm"].startswith("p") else 0)
    if hour > 24 or minute > 59:
        return None
    if m["weekday"]:
        day = _weekday_date(ctx, WEEKDAY_NAMES.index(m["weekday"]), None)
    elif m["word"]:
        day = ctx.anchor + timedelta(days=_DAYS_FROM_ANCHOR[m["word"]]) if ctx.anchor else None
    else:
        day = ctx.anchor
    stamp = f"T{hour:02d}:{minute:02d}"
    return Timex(type=TIME, value=f"{day.isoformat() if day else 'XXXX-XX-XX'}{stamp}", precision=TIME_OF_DAY,
                 relative_to=PUBLISHED)  # fmt: skip


def r_noon(m: re.Match[str], ctx: Context) -> Timex | None:
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return Timex(type=TIME, value=f"{day}T{'12:00' if m.group() == 'noon' else '24:00'}",
                 precision=TIME_OF_DAY, relative_to=PUBLISHED)  # fmt: skip


def r_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    n = number(m["n"]) if m["n"] else None if is_plural(m["unit"]) else 1
    return Timex(type=DURATION, value=duration(n, unit_of(m["unit"])), precision="duration")


_SETS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def r_set(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m.group()
    return Timex(type=SET, value=_SETS[word], precision="set")


def r_every(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["weekday"]:
        return Timex(type=SET, value=f"XXXX-WXX-{WEEKDAY_NAMES.index(m['weekday']) + 1}", precision="set")
    n = number(m["n"]) if m["n"] else 1
    return Timex(type=SET, value=duration(n, unit_of(m["unit"])), precision="set")


_PART = "(?P<part>morning|afternoon|evening|night)"
_DIRECTION = "ago|earlier|before|previously|back|later|after|from now|hence"
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_PART_WHICH = "first|second|third|fourth|1st|2nd|3rd|4th|last|latest|past|previous|next|coming|current|fiscal"
_SPAN_WHICH = (
    "past|last|next|first|coming|previous|final|following|initial|ensuing|remaining|latest|entire|whole|full"
)


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_RULES: list[tuple[re.Pattern[str], Rule]] = [
    (_c(r"\d{4}-\d\d-\d\d"), r_iso),
    (_c(rf"(?:{_WEEKDAY},? )?{_MONTH} {_DAYNUM},? {_YEARNUM}"), r_full_date),
    (_c(rf"(?:{_WEEKDAY},? )?{_DAYNUM} (?:of )?{_MONTH},? {_YEARNUM}"), r_full_date),
    (_c(rf"(?:{_WEEKDAY},? )?{_MONTH} {_DAYNUM}"), r_month_day),
    (_c(rf"(?:{_WEEKDAY},? )?{_DAYNUM} (?:of )?{_MONTH}"), r_month_day),
    (_c(rf"{_MONTH},? (?:of )?{_YEARNUM}"), r_month_year),
    (_c(rf"(?:(?P<which>last|next|this|past) )?{_MONTH}"), r_month),
    (_c(rf"(?:fiscal |calendar |the year |year )?{_YEARNUM}"), r_year),
    (_c(rf"{_YEARNUM} ?(?:-|–|to|and|/) ?(?P<last>\d\d(?:\d\d)?)"), r_year_range),
    (_c(rf"(?P<full>(?:1[0-9]|20)\d)0'?s|'?(?P<short>\d)0'?s|(?P<word>{'|'.join(_DECADE_WORDS)})"), r_decade),
    (_c(r"(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<word>nineteenth|twentieth|twenty first)) century"),
     r_century),
    (_c(rf"(?:(?P<which>last|next|this|past|coming) )?{_SEASON}(?: (?:of )?{_YEARNUM})?"), r_season),
    (_c(rf"(?:(?P<which>{_PART_WHICH}) )?(?:fiscal )?(?P<part>quarter|half)"
        rf"(?: (?:of )?(?:fiscal )?{_YEARNUM})?"), r_quarter),
    (_c(rf"(?:{_YEARNUM} )(?P<which>first|second|third|fourth) (?P<part>quarter|half)"), r_quarter),
    (_c("|".join(re.escape(k) for k in sorted(_REFERENCES, key=len, reverse=True))), r_reference),
    (_c(rf"(?P<word>{'|'.join(_DAYS_FROM_ANCHOR)})(?: {_PART})?"), r_deictic_day),
    (_c(r"last night"), r_last_night),
    (_c(r"this (?P<part>morning|afternoon|evening)"), r_this_part),
    (_c(rf"(?P<which>this past|this|current|last|past|previous|next|coming|following) {_UNIT}"),
     r_relative_unit),
    (_c(r"weekend"), r_weekend),
    (_c(r"(?:that|same|that same) day"), r_the_day),
    (_c(rf"(?:(?P<n>{_NUM}) )?{_UNIT} (?P<dir>{_DIRECTION})"), r_ago),
    (_c(rf"(?:(?P<which>last|next|this|on|coming|past) )?{_WEEKDAY}(?: {_PART})?"), r_weekday),
    (_c(rf"(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d\d))? ?(?P<ampm>a\.?m\.?|p\.?m\.?)"
        rf"(?: (?:[a-z]{{2,4}}|local time))?"
        rf"(?:,? (?:on )?(?:{_WEEKDAY}|(?P<word>today|yesterday|tomorrow)))?"), r_clock),
    (_c(r"noon|midnight"), r_noon),
    (_c("|".join(_SETS)), r_set),
    (_c(rf"(?:every|each) (?:{_WEEKDAY}|(?:(?P<n>{_NUM}) )?{_UNIT})"), r_every),
    (_c(rf"(?:(?P<which>{_SPAN_WHICH}) )?(?:(?P<n>{_NUM}) )?{_UNIT}(?: long| old)?"), r_duration),
]  # fmt: skip
