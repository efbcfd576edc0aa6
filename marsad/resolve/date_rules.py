"""The rules that read one time expression: a full-match regular expression and a reader each.

`RULES` is tried in order on the cleaned, lower-cased phrase (`marsad.resolve.dates.normalise`); the
first rule whose reader returns a value wins, so specific shapes come before general ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

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
from marsad.resolve.timex import (
    AFTER,
    BEFORE,
    DATE,
    DAYNUM_RE,
    DURATION,
    FUTURE,
    MONTH_NAMES,
    MONTH_RE,
    NUM_RE,
    ORDINALS,
    PARTS_OF_DAY,
    PAST,
    PRESENT,
    PUBLISHED,
    RANGE,
    REFERENCE,
    SEASON,
    SEASON_CODES,
    SET,
    TIME,
    TIME_OF_DAY,
    UNIT_RE,
    UNITS,
    WEEKDAY_NAMES,
    WEEKDAY_RE,
    YEARNUM_RE,
    Context,
    Timex,
    duration,
    is_plural,
    number,
    unit_of,
)

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


RULES: list[tuple[re.Pattern[str], Rule]] = [
    (_c(r"\d{4}-\d\d-\d\d"), r_iso),
    (_c(rf"(?:{WEEKDAY_RE},? )?{MONTH_RE} {DAYNUM_RE},? {YEARNUM_RE}"), r_full_date),
    (_c(rf"(?:{WEEKDAY_RE},? )?{DAYNUM_RE} (?:of )?{MONTH_RE},? {YEARNUM_RE}"), r_full_date),
    (_c(rf"(?:{WEEKDAY_RE},? )?{MONTH_RE} {DAYNUM_RE}"), r_month_day),
    (_c(rf"(?:{WEEKDAY_RE},? )?{DAYNUM_RE} (?:of )?{MONTH_RE}"), r_month_day),
    (_c(rf"{MONTH_RE},? (?:of )?{YEARNUM_RE}"), r_month_year),
    (_c(rf"(?:(?P<which>last|next|this|past) )?{MONTH_RE}"), r_month),
    (_c(rf"(?:fiscal |calendar |the year |year )?{YEARNUM_RE}"), r_year),
    (_c(rf"{YEARNUM_RE} ?(?:-|–|to|and|/) ?(?P<last>\d\d(?:\d\d)?)"), r_year_range),
    (_c(rf"(?P<full>(?:1[0-9]|20)\d)0'?s|'?(?P<short>\d)0'?s|(?P<word>{'|'.join(_DECADE_WORDS)})"), r_decade),
    (_c(r"(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<word>nineteenth|twentieth|twenty first)) century"),
     r_century),
    (_c(rf"(?:(?P<which>last|next|this|past|coming) )?{_SEASON}(?: (?:of )?{YEARNUM_RE})?"), r_season),
    (_c(rf"(?:(?P<which>{_PART_WHICH}) )?(?:fiscal )?(?P<part>quarter|half)"
        rf"(?: (?:of )?(?:fiscal )?{YEARNUM_RE})?"), r_quarter),
    (_c(rf"(?:{YEARNUM_RE} )(?P<which>first|second|third|fourth) (?P<part>quarter|half)"), r_quarter),
    (_c("|".join(re.escape(k) for k in sorted(_REFERENCES, key=len, reverse=True))), r_reference),
    (_c(rf"(?P<word>{'|'.join(_DAYS_FROM_ANCHOR)})(?: {_PART})?"), r_deictic_day),
    (_c(r"last night"), r_last_night),
    (_c(r"this (?P<part>morning|afternoon|evening)"), r_this_part),
    (_c(rf"(?P<which>this past|this|current|last|past|previous|next|coming|following) {UNIT_RE}"),
     r_relative_unit),
    (_c(r"weekend"), r_weekend),
    (_c(r"(?:that|same|that same) day"), r_the_day),
    (_c(rf"(?:(?P<n>{NUM_RE}) )?{UNIT_RE} (?P<dir>{_DIRECTION})"), r_ago),
    (_c(rf"(?:(?P<which>last|next|this|on|coming|past) )?{WEEKDAY_RE}(?: {_PART})?"), r_weekday),
    (_c(rf"(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d\d))? ?(?P<ampm>a\.?m\.?|p\.?m\.?)"
        rf"(?: (?:[a-z]{{2,4}}|local time))?"
        rf"(?:,? (?:on )?(?:{WEEKDAY_RE}|(?P<word>today|yesterday|tomorrow)))?"), r_clock),
    (_c(r"noon|midnight"), r_noon),
    (_c("|".join(_SETS)), r_set),
    (_c(rf"(?:every|each) (?:{WEEKDAY_RE}|(?:(?P<n>{NUM_RE}) )?{UNIT_RE})"), r_every),
    (_c(rf"(?:(?P<which>{_SPAN_WHICH}) )?(?:(?P<n>{NUM_RE}) )?{UNIT_RE}(?: long| old)?"), r_duration),
]  # fmt: skip
