"""Task `event-location-halterman`: where did the event happen (Halterman 2019, adjudicated records).

Each gold record is one sentence with one event verb and the location spans where that event took
place, or none. Only the 496 records with `source: RELABEL` are read: the README calls them the
gold standard, the rest being single-annotator data. The production pipeline reads each sentence;
the Marsad event whose trigger overlaps the gold verb is the one scored, and its place is right
when one of that place's mentions overlaps a gold location span. Scored as P/R/F1 over records:
gold counts the records with a location, predicted those whose event has a place.

Gold spans are aligned through the record's `tokens` (token_start/token_end, inclusive): 174 of
the 372 RELABEL LOCATION spans have broken character offsets (start == end). Records without a
verb span (2) cannot name an event and are skipped. The data has no coordinates, so the distance
check resolves the gold span's name with our own resolver (`resolve_spans`), a consistency check
rather than an independent one. The baseline takes the place of the place mention nearest the verb.
"""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import BenchmarkDataError
from marsad.eval.event_coding import Coded, code_texts, sha256
from marsad.eval.geoparse import WITHIN_KM
from marsad.eval.gold import find_data_dir, gold_file
from marsad.eval.score import Prf, Scores
from marsad.eval.task import EvalOptions, Report, Task
from marsad.model import Event, Place
from marsad.nlp.places import resolve_spans
from marsad.resolve.gazetteer import default_gazetteer
from marsad.resolve.geocode import distance_km

DATASET = "event-location-halterman"
FILE = "labeled_text.jsonl.zip"
MEMBER = "labeled_text.jsonl"  # a single JSON array despite its name; __MACOSX/ entries are ignored
GOLD_SOURCE = "RELABEL"
LABEL = "location"

CharSpan = tuple[int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldRecord:
    id: str
    text: str
    verb: CharSpan
    locations: tuple[CharSpan, ...]  # empty: the sentence does not say where the event happened


def _token_span(record: dict[str, Any], span: dict[str, Any]) -> CharSpan:
    tokens = record["tokens"]
    try:
        return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]
    except (IndexError, KeyError, TypeError) as error:
        raise BenchmarkDataError(f"{DATASET}: record {record.get('_id')!r}: bad token span {span}") from error


def read_records(path: Path) -> list[GoldRecord]:
    """The RELABEL records of the zip, in file order, each with its verb and location char spans."""
    try:
        with zipfile.ZipFile(path) as archive:
            data = json.loads(archive.read(MEMBER))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError) as error:
        raise BenchmarkDataError(f"{path}: {error}") from error
    if not isinstance(data, list):
        raise BenchmarkDataError(f"{path}: expected a JSON array of records")
    records = []
    for record in data:
        if record.get("source") != GOLD_SOURCE:
            continue
        spans = record.get("spans") or []
        verbs = [_token_span(record, s) for s in spans if s.get("label") == "VERB"]
        if not verbs:
            continue
        locations = tuple(_token_span(record, s) for s in spans if s.get("label") == "LOCATION")
        records.append(
            GoldRecord(
                id=str(record.get("_id", "")).strip(), text=record["text"], verb=verbs[0], locations=locations
            )
        )
    return records


def _overlaps(a: CharSpan, b: CharSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matches(place: Place | None, gold: Sequence[CharSpan]) -> bool:
    """The place has a mention overlapping a gold location span."""
    return place is not None and any(_overlaps((m.start, m.end), g) for m in place.mentions for g in gold)


def event_at(coded: Coded, verb: CharSpan) -> Event | None:
    """The first event whose trigger overlaps the gold verb."""
    return next((e for e in coded.events if _overlaps((e.trigger.start, e.trigger.end), verb)), None)


def nearest_place(places: Sequence[Place], verb: CharSpan) -> Place | None:
    """The place of the mention closest to the verb in characters, the earlier one on a tie."""
    mentions = [
        (max(0, m.start - verb[1], verb[0] - m.end), m.start, n)
        for n, p in enumerate(places)
        for m in p.mentions
    ]
    return places[min(mentions)[2]] if mentions else None


@dataclass(slots=True)
class _Tally:
    """Counts for one way of choosing the place: P/R/F1 over records, and accuracy with 'no place'."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0
    agree: int = 0  # right place, or rightly none

    def add(self, place: Place | None, gold: Sequence[CharSpan]) -> None:
        right = _matches(place, gold)
        self.gold += bool(gold)
        self.predicted += place is not None
        self.correct += right
        self.agree += right or (place is None and not gold)

    def prf(self) -> Prf:
        return Prf(gold=self.gold, predicted=self.predicted, correct=self.correct)


def run(options: EvalOptions) -> Report:
    path = gold_file(find_data_dir(options.data), DATASET, FILE)
    records = read_records(path)[: options.limit]
    started = time.perf_counter()
    coded = list(code_texts(options.nlp, (r.text for r in records)))
    seconds = time.perf_counter() - started
    gazetteer = default_gazetteer()
    events, baseline = _Tally(), _Tally()
    found = words = resolvable = within = 0
    for record, result in zip(records, coded, strict=True):
        words += len(result.doc)
        places = list(result.doc._.marsad_places or [])
        event = event_at(result, record.verb)
        found += event is not None
        place = next((p for p in places if event is not None and p.id == event.place), None)
        events.add(place, record.locations)
        baseline.add(nearest_place(places, record.verb), record.locations)
        if place is None or place.lat is None or place.lon is None or not record.locations:
            continue
        resolved = [r for r in resolve_spans(record.text, list(record.locations), gazetteer) if r is not None]
        if resolved:
            resolvable += 1
            within += any(distance_km(r.lat, r.lon, place.lat, place.lon) <= WITHIN_KM for r in resolved)
    n = len(records) or 1
    prf, base = events.prf(), baseline.prf()
    return Report(
        task=DATASET,
        split=options.split,
        gold=path,
        gold_sha256=sha256(path),
        examples=len(records),
        words=words,
        seconds=seconds,
        scores=Scores(labels={LABEL: prf}, micro=prf),
        metrics={
            "event_found_share": found / n,
            "accuracy": events.agree / n,
            "within_161km_records": float(resolvable),
            "within_161km_share": within / resolvable if resolvable else 0.0,
            "baseline_nearest_precision": base.precision,
            "baseline_nearest_recall": base.recall,
            "baseline_nearest_f1": base.f1,
            "baseline_nearest_accuracy": baseline.agree / n,
        },
    )


TASK = Task(
    name=DATASET,
    summary="Where the event happened: the place of the event at a given verb (Halterman 2019, RELABEL gold)",
    splits=("test",),
    run=run,
)
