"""When an event happened: a time expression in its sentence, else the publication date (flagged).

Time expressions come from `doc._.marsad_times` (component `marsad_times`, a list of
TimeExpression): the days an expression can mean (`earliest`..`latest`), or the event it counts
from (`anchor`: "less than 20 days after the liberation of al-Bukamal"). Without that component, a
small reader covers spaCy's DATE entities with an explicit day, month or year ("17 March, 2016",
"December 2017", "2013").
The publication date is `doc._.marsad_published` (ISO), when the pipeline provides it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from marsad.model import DateRange

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


# Time expressions that say how long or how often, not when: they date no event.
UNDATED_TYPES = frozenset({"DURATION", "SET"})


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    date: DateRange | None  # None: dated only relative to the event at `anchor`
    precision: str  # day, month, year, range (the times component may say week, season ...), anchored
    anchor: tuple[int, int] | None = None  # character span of the event this counts from


def _month_range(year: int, month: int) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return DateRange(start=f"{year:04d}-{month:02d}-01", end=f"{year:04d}-{month:02d}-{last:02d}")


def parse_date(text: str) -> tuple[DateRange, str] | None:
    """A date with an explicit year in `text`, with its precision; None for anything vaguer."""
    if m := _DAY_MONTH_YEAR.search(text):
        day, month, year = int(m[1]), MONTHS[m[2].lower()], int(m[3])
    elif m := _MONTH_DAY_YEAR.search(text):
        month, day, year = MONTHS[m[1].lower()], int(m[2]), int(m[3])
    elif m := _MONTH_YEAR.search(text):
        return _month_range(int(m[2]), MONTHS[m[1].lower()]), "month"
    elif m := _YEAR.search(text):
        return DateRange(start=f"{m[1]}-01-01", end=f"{m[1]}-12-31"), "year"
    else:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return DateRange(start=iso, end=iso), "day"


def parse_iso(value: str) -> tuple[DateRange, str] | None:
    m = _ISO.match(value.strip())
    if not m:
        return None
    year, month, day = m[1], m[2], m[3]
    if day:
        return DateRange(start=f"{year}-{month}-{day}", end=f"{year}-{month}-{day}"), "day"
    if month:
        return _month_range(int(year), int(month)), "month"
    return DateRange(start=f"{year}-01-01", end=f"{year}-12-31"), "year"


def _from_times_item(item: Any) -> TimeMention | None:
    """One item of doc._.marsad_times (a TimeExpression): its day range, or the event it counts from."""
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    anchor = getattr(item, "anchor", None)
    anchor_span = (anchor.start, anchor.end) if anchor is not None else None
    earliest, latest = getattr(item, "earliest", None), getattr(item, "latest", None)
    if getattr(item, "type", "DATE") in UNDATED_TYPES or not isinstance(earliest, str):
        if anchor_span is None:
            return None
        return TimeMention(start=start, end=end, date=None, precision="anchored", anchor=anchor_span)
    latest = latest if isinstance(latest, str) else earliest
    precision = getattr(item, "precision", None) or ("day" if earliest == latest else "range")
    date = DateRange(start=earliest, end=latest)
    return TimeMention(start=start, end=end, date=date, precision=precision, anchor=anchor_span)


def time_mentions(doc: Doc) -> list[TimeMention]:
    """Normalised time expressions of the document, in text order."""
    if Doc.has_extension("marsad_times") and (times := doc._.marsad_times) is not None:
        found = [t for item in times if (t := _from_times_item(item)) is not None]
    else:
        found = []
        for ent in doc.ents:
            if ent.label_ == "DATE" and (parsed := parse_date(ent.text)):
                found.append(
                    TimeMention(start=ent.start_char, end=ent.end_char, date=parsed[0], precision=parsed[1])
                )
    return sorted(found, key=lambda t: t.start)


def published(doc: Doc) -> DateRange | None:
    value = doc._.marsad_published if Doc.has_extension("marsad_published") else None
    parsed = parse_iso(value) if isinstance(value, str) else None
    return parsed[0] if parsed else None


def sentence_time(
    times: list[TimeMention],
    sentence: Span,
    trigger_char: int,
    *,
    exclude: int = -1,
    applies: Callable[[TimeMention], bool] | None = None,
) -> TimeMention | None:
    """The time expression in the sentence nearest the trigger, if any; an expression that counts
    from the event starting at `exclude` (the event itself) is not its date, nor one that `applies`
    rejects (a time in another clause: "the withdrawal ..., where for four years Russia kept ...")."""
    inside = [
        t
        for t in times
        if sentence.start_char <= t.start
        and t.end <= sentence.end_char
        and not (t.anchor is not None and t.anchor[0] <= exclude < t.anchor[1])
        and (applies is None or applies(t))
    ]
    return min(inside, key=lambda t: abs(t.start - trigger_char)) if inside else None
