"""Task `plover-gsr-cameo`: PLOVER event type, source and target of the main event of each of the
322 PLOVER Gold Standard Records (sentences from the CAMEO manual, CC BY-SA 4.0, OEDA).

The GSR follows PLOVER 0.5, before POLECAT split ACCUSE out of DISAPPROVE and REQUEST out of
DEMAND, so those two are scored as the GSR's types. The records have no split: `dev` (odd record
numbers) is what the lexicon may be looked at against, `test` (even) is reported, `all` is both.
"""

from __future__ import annotations

import json
import time
from collections.abc import Hashable
from typing import Any

from marsad.errors import BenchmarkDataError
from marsad.eval.event_coding import code_texts, overlaps, sha256
from marsad.eval.gold import find_data_dir, gold_file
from marsad.eval.score import score
from marsad.eval.task import EvalOptions, Report, Task

DATASET = "plover-gsr-cameo"
FILE = "PLOVER_GSR_CAMEO.txt"
# POLECAT types the GSR (PLOVER 0.5) codes under their parent.
GSR_TYPE = {"ACCUSE": "DISAPPROVE", "REQUEST": "DEMAND"}


def _actor_texts(value: Any) -> list[str]:
    return [a.get("actorText", "") for a in value] if isinstance(value, list) else []


def records(split: str, data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, list):
        raise BenchmarkDataError(f"{DATASET}: expected a JSON array of records")
    coded = [r for r in data if r.get("event") and r.get("text") and r.get("event") != "DOCUMENT"]
    if split == "all":
        return coded
    keep = 1 if split == "dev" else 0
    return [r for n, r in enumerate(coded, start=1) if n % 2 == keep]


def run(options: EvalOptions) -> Report:
    path = gold_file(find_data_dir(options.data), DATASET, FILE)
    gold = records(options.split, json.loads(path.read_text("utf-8")))[: options.limit]
    started = time.perf_counter()
    coded = list(code_texts(options.nlp, (r["text"] for r in gold)))
    seconds = time.perf_counter() - started
    gold_pairs: list[tuple[str, Hashable]] = []
    predicted_pairs: list[tuple[str, Hashable]] = []
    sources = targets = source_hits = target_hits = 0
    for n, (record, result) in enumerate(zip(gold, coded, strict=True)):
        gold_pairs.append((record["event"], n))
        main = result.main()
        if main is not None:
            predicted_pairs.append((GSR_TYPE.get(main.type, main.type), n))
        if gold_sources := _actor_texts(record.get("source")):
            sources += 1
            source_hits += main is not None and overlaps(main.actor_mention, gold_sources)
        if gold_targets := _actor_texts(record.get("target")):
            targets += 1
            target_hits += main is not None and overlaps(main.target_mention, gold_targets)
    scores = score(gold_pairs, predicted_pairs)
    return Report(
        task=DATASET,
        split=options.split,
        gold=path,
        gold_sha256=sha256(path),
        examples=len(gold),
        words=sum(len(r["text"].split()) for r in gold),
        seconds=seconds,
        scores=scores,
        metrics={
            "type_macro_f1": scores.macro_f1,
            "type_accuracy": scores.micro.correct / len(gold) if gold else 0.0,
            "source_accuracy": source_hits / sources if sources else 0.0,
            "target_accuracy": target_hits / targets if targets else 0.0,
        },
    )


TASK = Task(
    name=DATASET,
    summary="PLOVER type (macro-F1), source and target of each PLOVER GSR sentence's main event",
    splits=("all", "dev", "test"),
    run=run,
)
