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
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from importlib.resources import files

from marsad.resolve.date_rules import RULES
from marsad.resolve.periods import DAY, MONTH, WEEK, YEAR, shift, write
from marsad.resolve.timex import AFTER, DATE, EVENT, MOD_PREFIXES, MOD_RE, RANGE, Context, Timex, clean


def normalise(phrase: str, context: Context) -> Timex | None:
    """The TIMEX3 reading of one expression, or None when the phrase is not one Marsad can read."""
    text, mod = clean(phrase), None
    if text == "day" and phrase.lower().startswith("the"):
        text = "that day"
    while match := re.match(rf"(?:{MOD_RE})(?:\s+|-)", text):
        mod = mod or MOD_PREFIXES[match.group().strip(" -")]
        text = re.sub(r"^the ", "", text[match.end() :])
    if mod in {"START", "MID", "END"} and re.fullmatch(r"(?:week|month|year|decade|century)", text):
        text = f"this {text}"  # "the end of the year": the current one
    for pattern, rule in RULES:
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
