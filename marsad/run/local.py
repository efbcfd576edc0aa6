"""The batch runner: stream sources through worker processes into the store, resumably.

Reading happens in this process; cleaning and NLP in worker processes, one spaCy pipeline each;
writing happens here, in the single writer, one transaction per document. A killed run loses at most
the documents in flight, and the next run skips every source already stored with the same content.
Memory stays flat: at most `IN_FLIGHT_BATCHES` batches exist at once, whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice

from marsad import ingest
from marsad.clean import dedup
from marsad.errors import Reason
from marsad.ingest import raw_hash
from marsad.model import Quarantined, RawDocument, Result
from marsad.pipeline import Analyzed, Analyzer
from marsad.settings import Settings
from marsad.store.base import Store

# Documents per task sent to a worker: large enough to amortise pickling, small enough to keep every
# core busy on small corpora.
BATCH_SIZE = 8
IN_FLIGHT_BATCHES_PER_WORKER = 2


@dataclass(slots=True)
class Summary:
    """What a run did, printed at its end."""

    documents: int = 0
    words: int = 0
    removed_blocks: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    already_stored: int = 0
    non_english: int = 0
    quarantined: int = 0
    seconds: float = 0.0
    failures: list[Quarantined] = field(default_factory=list)


ResultCallback = Callable[[Result], None]
ProgressCallback = Callable[[Summary], None]


@dataclass(slots=True)
class Runner:
    store: Store
    settings: Settings
    on_result: ResultCallback | None = None
    on_progress: ProgressCallback | None = None
    # A loaded pipeline to use in this process when running with one worker (callers that analyse
    # repeatedly, like the API or a benchmark, load spaCy once).
    analyzer: Analyzer | None = None
    summary: Summary = field(default_factory=Summary)

    def run(self, sources: Iterable[str]) -> Summary:
        return self.run_items(ingest.read(sources, self.settings))

    def run_items(self, items: Iterable[RawDocument | Quarantined]) -> Summary:
        """Run documents already read (as `ingest.read` yields them), e.g. uploads given a source name."""
        started = time.perf_counter()
        pending = self._pending(items)
        workers = self.settings.workers or os.cpu_count() or 1
        for raws, outputs in _analyze(pending, workers, self.analyzer):
            for raw, output in zip(raws, outputs, strict=True):
                self._write(raw, output)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _pending(self, items: Iterable[RawDocument | Quarantined]) -> Iterator[RawDocument]:
        """Documents not yet in the store; unreadable inputs are quarantined on the way."""
        for item in items:
            if isinstance(item, Quarantined):
                self._quarantine(item, None)
                continue
            done = self.store.done_document(item.source, raw_hash(item))
            if done is None:
                yield item
                continue
            self.summary.already_stored += 1
            self._emit_stored(done)

    def _write(self, raw: RawDocument, output: Analyzed | Quarantined) -> None:
        if isinstance(output, Quarantined):
            self._quarantine(output, raw_hash(raw))
            return
        record = output.record
        existing = self.store.find_content(record.content_hash)
        if existing is not None:
            self.store.add_source(existing, raw.source, record.raw_hash)
            self.summary.duplicates += 1
            self._emit_stored(existing)
            return
        near = self._near_duplicate(record.signature, record.bands)
        if near is not None:
            doc = record.result.doc.model_copy(update={"near_duplicate_of": near})
            record.result = record.result.model_copy(update={"doc": doc})
            self.summary.near_duplicates += 1
        self.store.put(record)
        self.summary.documents += 1
        self.summary.words += output.words
        self.summary.removed_blocks += len(record.result.removed)
        self.summary.non_english += record.result.doc.language != "en"
        self._emit(record.result)

    def _near_duplicate(self, signature: list[int], bands: list[str]) -> str | None:
        scored = [
            (dedup.jaccard(signature, other), doc_id) for doc_id, other in self.store.lsh_candidates(bands)
        ]
        best = max(scored, default=None)
        return best[1] if best and best[0] >= dedup.NEAR_DUPLICATE_JACCARD else None

    def _quarantine(self, item: Quarantined, hashed: str | None) -> None:
        self.store.quarantine(item, hashed)
        self.summary.quarantined += 1
        self.summary.failures.append(item)
        self._progress()

    def _emit_stored(self, doc_id: str) -> None:
        if self.on_result is not None and (result := self.store.get(doc_id)) is not None:
            self._emit(result)
        else:
            self._progress()

    def _emit(self, result: Result) -> None:
        if self.on_result is not None:
            self.on_result(result)
        self._progress()

    def _progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.summary)


def _batches(docs: Iterator[RawDocument]) -> Iterator[list[RawDocument]]:
    while batch := list(islice(docs, BATCH_SIZE)):
        yield batch


_worker_analyzer: Analyzer | None = None


def _init_worker() -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer()


def _analyze_in_worker(batch: list[RawDocument]) -> list[Analyzed | Quarantined]:
    assert _worker_analyzer is not None, "worker not initialised"
    return list(_worker_analyzer.analyze(batch))


def _analyze(
    docs: Iterator[RawDocument], workers: int, analyzer: Analyzer | None
) -> Iterator[tuple[list[RawDocument], list[Analyzed | Quarantined]]]:
    """Analysed batches in input order: in this process for one worker, else in a process pool."""
    batches = _batches(docs)
    if workers <= 1:
        for batch in batches:
            analyzer = analyzer or Analyzer()
            yield batch, list(analyzer.analyze(batch))
        return
    yield from _analyze_in_pool(batches, workers)


def _analyze_in_pool(
    batches: Iterator[list[RawDocument]], workers: int
) -> Iterator[tuple[list[RawDocument], list[Analyzed | Quarantined]]]:
    """Keeps a bounded number of batches in flight; a crashed worker costs its batch, not the run."""
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads or a DB handle
    pool: ProcessPoolExecutor | None = None
    in_flight: deque[tuple[list[RawDocument], Future[list[Analyzed | Quarantined]]]] = deque()

    def submit(batch: list[RawDocument]) -> None:
        nonlocal pool
        pool = pool or ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker)
        in_flight.append((batch, pool.submit(_analyze_in_worker, batch)))

    try:
        for batch in _chain(batches, in_flight):
            if batch is not None:
                submit(batch)
            if in_flight and (batch is None or len(in_flight) >= workers * IN_FLIGHT_BATCHES_PER_WORKER):
                done, future = in_flight.popleft()
                try:
                    yield done, future.result()
                except BrokenProcessPool as error:
                    yield done, [_crashed(raw, error) for raw in done]
                    assert pool is not None
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None
                    retry = [b for b, _ in in_flight]
                    in_flight.clear()
                    for b in retry:
                        submit(b)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _chain(batches: Iterator[list[RawDocument]], in_flight: Sized) -> Iterator[list[RawDocument] | None]:
    """The batches, then None for as long as work is still in flight (the drain phase)."""
    yield from batches
    while in_flight:
        yield None


def _crashed(raw: RawDocument, error: BaseException) -> Quarantined:
    return Quarantined(
        source=raw.source, reason=Reason.ANALYSIS_FAILED, message=f"worker process died: {error}"
    )
