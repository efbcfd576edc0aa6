"""Task `acled-2020-05-global`: ACLED event type, sub-event type, actor, location and date coded
from the `notes` of an ACLED export (27 Apr - 9 May 2020; ACLED Terms of Use: evaluation only).

Each note is one event. Marsad codes the note and takes its first event that ACLED has a type for
(preferring events the text says took place); the PLOVER type reaches ACLED's through
marsad/resources/events/acled.toml. Splits: `middle-east` (1,168 rows, reported), `other` (the
rest: what the ACLED table may be tuned against), `all`. The export's truncated last row is skipped.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from marsad.eval.event_coding import Coded, code_texts, overlaps, sha256
from marsad.eval.gold import find_data_dir, gold_file
from marsad.eval.score import score
from marsad.eval.task import EvalOptions, Report, Task
from marsad.resolve.names import fold

DATASET = "acled-2020-05-global"
FILE = "acled.csv"
MIDDLE_EAST = "Middle East"
COLUMNS = ("notes", "event_type", "sub_event_type", "actor1", "actor2", "location", "event_date", "region")


@dataclass(frozen=True, slots=True, kw_only=True)
class AcledRow:
    notes: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    location: str
    event_date: str  # YYYY-MM-DD
    region: str


def read_rows(path: Path) -> list[AcledRow]:
    rows = []
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            if any(not row.get(column) for column in ("notes", "event_type", "sub_event_type", "event_date")):
                continue  # the upstream file's last row is cut off
            try:
                day = datetime.strptime(row["event_date"], "%d-%b-%y").date().isoformat()
            except ValueError:
                continue
            rows.append(
                AcledRow(**{c: row.get(c) or "" for c in COLUMNS if c != "event_date"}, event_date=day)
            )
    return rows


def select(rows: list[AcledRow], split: str) -> list[AcledRow]:
    if split == "middle-east":
        return [r for r in rows if r.region == MIDDLE_EAST]
    if split == "other":
        return [r for r in rows if r.region != MIDDLE_EAST]
    return rows


def _place_name(coded: Coded, place_id: str | None) -> str | None:
    places = {p.id: p.name for p in coded.doc._.marsad_places or []}
    return places.get(place_id) if place_id else None


def run(options: EvalOptions) -> Report:
    path = gold_file(find_data_dir(options.data), DATASET, FILE)
    gold = select(read_rows(path), options.split)[: options.limit]
    started = time.perf_counter()
    coded = list(code_texts(options.nlp, (r.notes for r in gold), [r.event_date for r in gold]))
    seconds = time.perf_counter() - started
    gold_pairs: list[tuple[str, Hashable]] = []
    predicted_pairs: list[tuple[str, Hashable]] = []
    sub_right = actor_right = location_right = date_right = 0
    for n, (row, result) in enumerate(zip(gold, coded, strict=True)):
        gold_pairs.append((row.event_type, n))
        event = result.first_mapped()
        if event is None:
            continue
        predicted_pairs.append((event.acled_type or "", n))
        sub_right += event.acled_subtype == row.sub_event_type
        actor_right += overlaps(event.actor_mention, [row.actor1, row.actor2])
        place = _place_name(result, event.place)
        location_right += place is not None and fold(place) == fold(row.location)
        date_right += event.date is not None and event.date.start <= row.event_date <= event.date.end
    scores = score(gold_pairs, predicted_pairs)
    total = len(gold) or 1
    return Report(
        task=DATASET,
        split=options.split,
        gold=path,
        gold_sha256=sha256(path),
        examples=len(gold),
        words=sum(len(r.notes.split()) for r in gold),
        seconds=seconds,
        scores=scores,
        metrics={
            "event_type_accuracy": scores.micro.correct / total,
            "sub_event_type_accuracy": sub_right / total,
            "actor_accuracy": actor_right / total,
            "location_accuracy": location_right / total,
            "date_accuracy": date_right / total,
        },
    )


TASK = Task(
    name=DATASET,
    summary="ACLED event type (accuracy), sub-event type, actor, location and date from ACLED notes",
    splits=("middle-east", "other", "all"),
    run=run,
)
