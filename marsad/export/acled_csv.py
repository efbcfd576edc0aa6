"""ACLED-style CSV: one row per event, with ACLED's column names where Marsad has the same fact.

ACLED's `event_date` is one day: Marsad writes the start of the event's date range, and where the
event has no date, the report's publication date. `time_precision` follows ACLED: 1 the day is
known, 2 the date is within a week (range up to 7 days), 3 a wider range or the publication date.
`event_type`/`sub_event_type` are ACLED's, from the event's documented PLOVER→ACLED mapping; an
event ACLED would not record (a threat, a denied agreement) keeps them empty and still has its
PLOVER type in `plover_type`. Columns ACLED has and Marsad does not fill (fatalities, interaction
codes) are left empty; the Marsad-only columns (`plover_type`, `status`, `negated`, `mode`,
`doc_id`, `sentence_start`, `sentence_end`, `trigger`) follow, so each row links back to its evidence.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TextIO

from marsad.explore.rows import EventRow, event_rows
from marsad.model import Result

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "source",
    "source_url",
    "notes",
    "fatalities",
    "plover_type",
    "status",
    "negated",
    "mode",
    "doc_id",
    "sentence_start",
    "sentence_end",
    "trigger",
)

WEEK_DAYS = 7


def event_records(results: Iterable[Result]) -> Iterator[dict[str, str | int | float | bool | None]]:
    """Every event as a row keyed by COLUMNS (shared with the Parquet exporter)."""
    for result in results:
        for row in event_rows(result):
            yield _record(row)


def _record(row: EventRow) -> dict[str, str | int | float | bool | None]:
    day, precision = _event_date(row)
    place = row.place
    return {
        "event_id_cnty": row.id,
        "event_date": day,
        "year": int(day[:4]) if day and day[:4].isdigit() else None,
        "time_precision": precision,
        "event_type": row.acled_type,
        "sub_event_type": row.acled_subtype,
        "actor1": row.actor.name if row.actor else None,
        "actor2": row.target.name if row.target else None,
        "country": place.country if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "source": row.source.outlet or row.source.source,
        "source_url": row.source.url,
        "notes": row.sentence_text,
        "fatalities": None,
        "plover_type": row.type,
        "status": row.status,
        "negated": row.negated,
        "mode": row.mode,
        "doc_id": row.source.doc_id,
        "sentence_start": row.sentence.start,
        "sentence_end": row.sentence.end,
        "trigger": row.trigger.text,
    }


def _event_date(row: EventRow) -> tuple[str | None, int | None]:
    if row.date is None:
        return row.source.published, 3 if row.source.published else None
    if row.date.start == row.date.end:
        return row.date.start, 1
    try:
        days = (date.fromisoformat(row.date.end) - date.fromisoformat(row.date.start)).days
    except ValueError:
        return row.date.start, 3
    return row.date.start, 2 if days <= WEEK_DAYS else 3


def write_acled_csv(results: Iterable[Result], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in event_records(results):
        writer.writerow(record)
        count += 1
    return count
