"""Tasks `tempeval3-platinum`, `timebank`, `meantime`: time expressions found and normalised.

Scored as TempEval-3 Task A (UzZaman et al. 2013): extraction P/R/F1 with strict (identical span)
and relaxed (overlapping span) matching; then, over the relaxed matches, the share with the gold
TIMEX3 value and type (value and type accuracy). TempEval-3 ranks systems by "value F1": matches
with the right value, counted against all predictions and all gold expressions.

Each document is read against its creation time (the DCT), which stands in for the publication
date; the DCT itself is not scored. TimeBank/AQUAINT and MEANTIME are for tuning, TempEval-3
platinum is the test. MEANTIME gives tokens, not text: they are joined with single spaces, one
sentence per line, and expressions inside the DCT's own tokens are left out on both sides. MEANTIME
annotates time expressions in the title and first five sentences only (MEANTIME_SENTENCES): only
that part is scored.
"""

from __future__ import annotations

import hashlib
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from marsad.errors import BenchmarkDataError
from marsad.eval.gold import find_data_dir
from marsad.eval.score import Prf, Scores
from marsad.eval.task import EvalOptions, Report, Task
from marsad.nlp import build_nlp

COMPONENT = "marsad_times"
# MEANTIME's TIMEX3 layer covers sentences 0-5 (title, dateline, first four): measured on the gold.
MEANTIME_SENTENCES = 6
TEMPEVAL3 = "tempeval3-platinum"
TIMEBANK = "timebank-aquaint-tbaq-cleaned"
MEANTIME = "meantime-newsreader-en"


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TimexDocument:
    name: str
    text: str
    dct: date | None
    timexes: tuple[GoldTimex, ...]
    skip: tuple[int, int] | None = None  # a span neither side is scored in (MEANTIME's DCT line)
    scope: int | None = None  # only expressions ending by this offset are scored (MEANTIME)


def _dct(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def read_tml(path: Path) -> TimexDocument:
    """A TimeML file: the text of <TEXT> with its inline TIMEX3s, and the DCT's value."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise BenchmarkDataError(f"{path}: not TimeML XML ({error})") from error
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if body is None:
        raise BenchmarkDataError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(element: ET.Element) -> None:
        start = sum(map(len, parts))
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")
        if element.tag == "TIMEX3":
            end = sum(map(len, parts))
            timexes.append(
                GoldTimex(start=start, end=end, type=element.get("type", ""), value=element.get("value", ""))
            )

    walk(body)
    return TimexDocument(
        name=path.name,
        text="".join(parts),
        dct=_dct(dct.get("value") if dct is not None else None),
        timexes=tuple(timexes),
    )


def read_meantime(path: Path) -> TimexDocument:
    """A MEANTIME NAF-like file: tokens joined by spaces, one sentence a line, TIMEX3 markables."""
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    text, sentence, scope = "", None, None
    for token in root.iter("token"):
        if sentence is not None and token.get("sentence") != sentence:
            if int(token.get("sentence", 0)) == MEANTIME_SENTENCES and scope is None:
                scope = len(text)
            text += "\n"
        elif text:
            text += " "
        sentence = token.get("sentence")
        offsets[token.get("t_id", "")] = (len(text), len(text) + len(token.text or ""))
        text += token.text or ""
    timexes, skip, dct = [], None, None
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        span = (min(s for s, _ in anchors), max(e for _, e in anchors)) if anchors else None
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct, skip = _dct(timex.get("value")), span
        elif span is not None:
            timexes.append(GoldTimex(start=span[0], end=span[1], type=timex.get("type", ""),
                                     value=timex.get("value", "")))  # fmt: skip
    return TimexDocument(name=path.name, text=text, dct=dct, timexes=tuple(timexes), skip=skip, scope=scope)


def predict(nlp: Language, documents: Sequence[TimexDocument]) -> Iterator[list[GoldTimex]]:
    """The pipeline's time expressions for each document, read against its DCT."""
    others = [name for name in nlp.pipe_names if name.startswith("marsad_") and name != COMPONENT]

    def docs() -> Iterator[Doc]:
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.marsad_published = document.dct.isoformat() if document.dct else None
            yield doc

    with nlp.select_pipes(disable=others):
        for doc in nlp.pipe(docs()):
            yield [
                GoldTimex(start=t.start, end=t.end, type=t.type, value=t.value or "")
                for t in doc._.marsad_times
            ]


@dataclass(frozen=True, slots=True, kw_only=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0


def compare(gold: Sequence[GoldTimex], predicted: Sequence[GoldTimex]) -> Counts:
    """TempEval-3 counts for one document: each expression matches at most one on the other side."""
    used: set[int] = set()
    strict = relaxed = value = kind = 0
    for g in gold:
        exact = [i for i, p in enumerate(predicted) if i not in used and (p.start, p.end) == (g.start, g.end)]
        overlap = [
            i for i, p in enumerate(predicted) if i not in used and p.start < g.end and g.start < p.end
        ]
        found = (exact or overlap)[:1]
        if not found:
            continue
        p = predicted[found[0]]
        used.add(found[0])
        strict += bool(exact)
        relaxed += 1
        value += p.value == g.value
        kind += p.type == g.type
    return Counts(
        gold=len(gold), predicted=len(predicted), strict=strict, relaxed=relaxed, value=value, type=kind
    )


def total(counts: Sequence[Counts]) -> Counts:
    return Counts(**{f: sum(getattr(c, f) for c in counts) for f in Counts.__dataclass_fields__})


def scored(spans: Sequence[GoldTimex], document: TimexDocument) -> list[GoldTimex]:
    """The expressions of `spans` in the scored part of the document."""
    skip, scope = document.skip, document.scope
    return [
        s
        for s in spans
        if (skip is None or s.end <= skip[0] or s.start >= skip[1]) and (scope is None or s.end <= scope)
    ]


def scores_of(counts: Counts) -> tuple[Scores, dict[str, float]]:
    """Strict, relaxed, value and type rows (P/R/F1 against all predictions and gold), and accuracies."""
    rows = {
        name: Prf(gold=counts.gold, predicted=counts.predicted, correct=getattr(counts, name))
        for name in ("strict", "relaxed", "value", "type")
    }
    metrics = {
        "value_accuracy": counts.value / counts.relaxed if counts.relaxed else 0.0,
        "type_accuracy": counts.type / counts.relaxed if counts.relaxed else 0.0,
        "relaxed_f1": rows["relaxed"].f1,
        "strict_f1": rows["strict"].f1,
        "value_f1": rows["value"].f1,
    }
    return Scores(labels=rows, micro=rows["strict"]), metrics


def _run(dataset: str, pattern: str, reader: str) -> Callable[[EvalOptions], Report]:
    def run(options: EvalOptions) -> Report:
        folder = find_data_dir(options.data) / dataset
        paths = sorted(folder.glob(pattern))[: options.limit]
        if not paths:
            raise BenchmarkDataError(
                f"no {pattern} files under {folder}: is it the shared benchmarks folder?"
            )
        read = read_tml if reader == "tml" else read_meantime
        documents = [read(path) for path in paths]
        nlp = options.nlp or build_nlp()
        started = time.perf_counter()
        predicted = list(predict(nlp, documents))
        seconds = time.perf_counter() - started
        counts = total(
            [compare(scored(d.timexes, d), scored(p, d)) for d, p in zip(documents, predicted, strict=True)]
        )
        scores, metrics = scores_of(counts)
        digest = hashlib.sha256()
        for path in paths:
            digest.update(path.read_bytes())
        return Report(
            task=dataset, split=options.split, gold=folder, gold_sha256=digest.hexdigest(),
            examples=len(documents), words=sum(len(d.text.split()) for d in documents),
            seconds=seconds, scores=scores, metrics=metrics,
        )  # fmt: skip

    return run


TEMPEVAL3_TASK = Task(
    name=TEMPEVAL3,
    summary="TIMEX3 extraction and normalisation on TempEval-3 platinum (test; TempEval-3 Task A scoring)",
    splits=("test",),
    run=_run(TEMPEVAL3, "*.tml", "tml"),
)
TIMEBANK_TASK = Task(
    name="timebank",
    summary="TIMEX3 extraction and normalisation on TimeBank + AQUAINT (TBAQ-cleaned; dev, for tuning)",
    splits=("dev",),
    run=_run(TIMEBANK, "*/*.tml", "tml"),
)
MEANTIME_TASK = Task(
    name="meantime",
    summary="TIMEX3 extraction and normalisation on MEANTIME English (dev, for tuning)",
    splits=("dev",),
    run=_run(MEANTIME, "intra_cross-doc_annotation/*/*.xml", "meantime"),
)
