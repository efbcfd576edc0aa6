from datetime import date

import pytest

from marsad.resolve.dates import anchored, event_start, normalise, opening
from marsad.resolve.periods import bounds
from marsad.resolve.timex import Context, Timex

FRIDAY = date(2013, 3, 22)  # TempEval-3's creation time: a Friday
MONDAY = date(2017, 12, 11)  # the day Putin visited Hmeimim


@pytest.mark.parametrize(
    ("phrase", "anchor", "tense", "value"),
    [
        ("yesterday", MONDAY, None, "2017-12-10"),
        ("yesterday", FRIDAY, None, "2013-03-21"),
        ("tomorrow", FRIDAY, "future", "2013-03-23"),
        ("today", MONDAY, None, "2017-12-11"),
        ("Friday", FRIDAY, "past", "2013-03-22"),  # the reference day itself
        ("Monday", FRIDAY, "past", "2013-03-18"),
        ("Monday", FRIDAY, "future", "2013-03-25"),
        ("Thursday", MONDAY, "past", "2017-12-07"),
        ("next Thursday", MONDAY, "past", "2017-12-14"),
        ("last week", FRIDAY, None, "2013-W11"),
        ("this week", MONDAY, None, "2017-W50"),
        ("last month", date(2018, 1, 5), None, "2017-12"),
        ("earlier this month", MONDAY, None, "2017-12"),
        ("last year", MONDAY, None, "2016"),
        ("next year", FRIDAY, None, "2014"),
        ("two years ago", MONDAY, None, "2015"),
        ("a decade ago", MONDAY, None, "2007"),
        ("three days later", FRIDAY, None, "2013-03-25"),
        ("December 11", date(2018, 1, 3), "past", "2017-12-11"),
        ("Nov. 25", date(2000, 1, 15), None, "1999-11-25"),
        ("March", FRIDAY, None, "2013-03"),
        ("last summer", FRIDAY, None, "2012-SU"),
        ("the third quarter", date(1989, 10, 26), "past", "1989-Q3"),
        ("10:30 a.m.", FRIDAY, None, "2013-03-22T10:30"),
        ("this morning", MONDAY, None, "2017-12-11TMO"),
        ("the '90s", MONDAY, None, "199"),
    ],
)
def test_relative_expressions_resolve_against_the_anchor(
    phrase: str, anchor: date, tense: str | None, value: str
) -> None:
    timex = normalise(phrase, Context(anchor=anchor, tense=tense))
    assert timex is not None and timex.value == value


@pytest.mark.parametrize(
    ("phrase", "kind", "value", "precision"),
    [
        ("2013", "DATE", "2013", "year"),
        ("in 2013", None, None, None),  # the finder leaves "in" outside the span
        ("March 2011", "DATE", "2011-03", "month"),
        ("11 December 2017", "DATE", "2017-12-11", "day"),
        ("Monday, Dec. 11, 2017", "DATE", "2017-12-11", "day"),
        ("July 24 , 2003", "DATE", "2003-07-24", "day"),
        ("2017-12-12", "DATE", "2017-12-12", "day"),
        ("the 1990s", "DATE", "199", "decade"),
        ("the 19th century", "DATE", "18", "century"),
        ("2011-2015", "DATE", "2011/2015", "range"),
        ("summer of 2012", "DATE", "2012-SU", "season"),
        ("three days", "DURATION", "P3D", "duration"),
        ("the past two months", "DURATION", "P2M", "duration"),
        ("24 hours", "DURATION", "PT24H", "duration"),
        ("a decade", "DURATION", "P10Y", "duration"),
        ("several years", "DURATION", "PXY", "duration"),
        ("five-year", "DURATION", "P5Y", "duration"),
        ("daily", "SET", "P1D", "set"),
        ("every Monday", "SET", "XXXX-WXX-1", "set"),
        ("now", "DATE", "PRESENT_REF", "reference"),
        ("recent years", "DATE", "PAST_REF", "reference"),
        ("the future", "DATE", "FUTURE_REF", "reference"),
    ],
)
def test_absolute_expressions_need_no_anchor(phrase: str, kind: str, value: str, precision: str) -> None:
    timex = normalise(phrase, Context())
    if kind is None:
        assert timex is None
        return
    assert timex is not None
    assert (timex.type, timex.value, timex.precision) == (kind, value, precision)


def test_relative_expressions_without_an_anchor_keep_their_offset_but_no_value() -> None:
    yesterday = normalise("yesterday", Context())
    assert yesterday == Timex(
        type="DATE", value=None, precision="day", relative_to="published", offset="P1D", relation="before"
    )
    last_week = normalise("last week", Context())
    assert last_week is not None and last_week.value is None and last_week.offset == "P1W"
    monday = normalise("Monday", Context(tense="past"))
    assert monday is not None and monday.value == "XXXX-WXX-1"  # which Monday is not invented


def test_modifiers_become_mod() -> None:
    assert normalise("about a month", Context()) == Timex(
        type="DURATION", value="P1M", precision="duration", mod="APPROX"
    )
    late = normalise("late November", Context(anchor=date(2000, 1, 6)))
    assert late is not None and (late.value, late.mod) == ("1999-11", "END")
    end = normalise("the end of the year", Context(anchor=MONDAY))
    assert end is not None and (end.value, end.mod) == ("2017", "END")
    assert normalise("mid-2014", Context()) == Timex(type="DATE", value="2014", precision="year", mod="MID")


def test_bounds_of_values() -> None:
    assert bounds("2013-W11") == (date(2013, 3, 11), date(2013, 3, 17))
    assert bounds("2012-SU") == (date(2012, 6, 1), date(2012, 8, 31))
    assert bounds("2016-02") == (date(2016, 2, 1), date(2016, 2, 29))
    assert bounds("199") == (date(1990, 1, 1), date(1999, 12, 31))
    assert bounds("2011-03/2015-02") == (date(2011, 3, 1), date(2015, 2, 28))
    assert bounds("P3D") is None and bounds("PRESENT_REF") is None and bounds("2017-02-30") is None
    before = Timex(type="DATE", value="2011", precision="year", mod="BEFORE")
    assert before.bounds() == (None, date(2010, 12, 31))


def test_event_anchored_dates() -> None:
    twenty_days = normalise("20 days", Context())
    assert twenty_days is not None
    unknown = anchored(twenty_days, "after", None)
    assert (unknown.type, unknown.value, unknown.relative_to, unknown.offset) == (
        "DURATION",
        "P20D",
        "event",
        "P20D",
    )
    known = anchored(twenty_days, "after", date(2017, 11, 19))
    assert (known.type, known.value) == ("DATE", "2017-12-09")
    two_days_before = anchored(Timex(type="DURATION", value="P2D", precision="duration"), "before", MONDAY)
    assert two_days_before.value == "2017-12-09"


def test_the_first_years_of_a_known_event_are_a_range() -> None:
    start = event_start("the Syrian Revolution")
    assert start == date(2011, 3, 15)
    four_years = normalise("the first four years", Context())
    assert four_years is not None
    span = opening(four_years, start)
    assert (span.value, span.precision) == ("2011-03/2015-03", "range")
    assert span.bounds() == (date(2011, 3, 1), date(2015, 3, 31))
    assert event_start("the liberation of nowhere") is None
