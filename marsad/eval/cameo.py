"""Task `petrarch2-gsr-validation`: CAMEO root code of the main event of the PETRARCH-2 GSR
validation sentences (AFP news, MIT licence). Sentences coded `noevents` are left out; a sentence
is right when the predicted root is one of its gold roots. The codings were seeded from PETRARCH-2
output and corrected by hand, so treat the figure as silver."""

from __future__ import annotations

import re
import time
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

from marsad.eval.event_coding import code_texts, sha256
from marsad.eval.gold import find_data_dir, gold_file
from marsad.eval.score import score
from marsad.eval.task import EvalOptions, Report, Task

DATASET = "petrarch2-gsr-validation"
FILE = "PETR2_GSR_validation.xml"
_SENTENCE = re.compile(r"<Sentence\b[^>]*\bid=\"([^\"]+)\"[^>]*/?>(.*?)(?=<Sentence\b|</Sentences>)", re.S)
_CODE = re.compile(r"<EventCoding\b[^>]*\beventcode=\"(\d+)\"")
_TEXT = re.compile(r"<Text>\s*(.*?)\s*</Text>", re.S)


@dataclass(frozen=True, slots=True, kw_only=True)
class Coding:
    id: str
    text: str
    roots: frozenset[str]


def read_codings(path: Path) -> list[Coding]:
    found = []
    for sentence_id, body in _SENTENCE.findall(path.read_text("utf-8")):
        text = _TEXT.search(body)
        roots = frozenset(code[:2] for code in _CODE.findall(body))
        if text and roots:
            found.append(Coding(id=sentence_id, text=" ".join(text[1].split()), roots=roots))
    return found


def run(options: EvalOptions) -> Report:
    path = gold_file(find_data_dir(options.data), DATASET, FILE)
    gold = read_codings(path)[: options.limit]
    started = time.perf_counter()
    coded = list(code_texts(options.nlp, (c.text for c in gold)))
    seconds = time.perf_counter() - started
    gold_pairs: list[tuple[str, Hashable]] = []
    predicted_pairs: list[tuple[str, Hashable]] = []
    right = 0
    for n, (coding, result) in enumerate(zip(gold, coded, strict=True)):
        main = result.main()
        predicted = main.cameo if main is not None else None
        hit = predicted in coding.roots
        right += hit
        # One gold label per sentence: the predicted root when it is among the gold ones.
        gold_pairs.append((predicted if hit and predicted else min(coding.roots), n))
        if predicted:
            predicted_pairs.append((predicted, n))
    scores = score(gold_pairs, predicted_pairs)
    return Report(
        task=DATASET,
        split=options.split,
        gold=path,
        gold_sha256=sha256(path),
        examples=len(gold),
        words=sum(len(c.text.split()) for c in gold),
        seconds=seconds,
        scores=scores,
        metrics={"root_accuracy": right / len(gold) if gold else 0.0},
    )


TASK = Task(
    name=DATASET,
    summary="CAMEO root of the main event of PETRARCH-2 GSR validation sentences (accuracy)",
    splits=("all",),
    run=run,
)
