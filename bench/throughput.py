"""Throughput and peak memory of Marsad's batch path against plain spaCy on the same texts.

    .venv/bin/python bench/throughput.py [--data DIR] [--limit-words N] [--repeat N] [--json]

Texts: the bundled examples, then the article texts of GeoWebNews and LGL read from the benchmarks
folder (found as `marsad eval` finds it; without it only the examples are used), up to N words.
Every measurement runs in a fresh process, so its peak RSS is its own; models are loaded before the
clock starts on both sides, and the load times are reported apart. The Runner side includes reading
the files, cleaning, language identification, deduplication and storing in a fresh SQLite file:
that difference is the overhead the issue caps at 10%.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from multiprocessing import get_context
from pathlib import Path

from marsad.errors import BenchmarkDataError
from marsad.eval.gold import find_data_dir
from marsad.nlp import default_config

ROOT = Path(__file__).resolve().parent.parent
# Article texts used as the corpus: (dataset folder, file, XML element holding one article's text).
NEWS = [("geowebnews", "GWN.xml", "text"), ("lgl", "lgl.xml", "text")]
DEFAULT_LIMIT_WORDS = 200_000
# The memory check runs the Runner on a corpus this many times smaller too; flat memory means a
# similar peak RSS at both sizes.
SMALL_FRACTION = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class Measurement:
    name: str
    documents: int
    words: int  # whitespace-separated words of the input texts, the same count on both sides
    load_seconds: float
    seconds: float
    peak_rss_mib: float  # the measuring process
    children_peak_rss_mib: float  # its largest worker process, if any

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


def corpus(data: Path | None, limit_words: int) -> Iterator[tuple[str, str]]:
    """(name, text) pairs, examples first, until `limit_words` words."""
    total = 0
    for name, text in _texts(data):
        if total >= limit_words:
            return
        total += len(text.split())
        yield name, text


def _texts(data: Path | None) -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "examples").glob("*.txt")):
        yield path.stem, path.read_text("utf-8")
    try:
        folder = find_data_dir(data)
    except BenchmarkDataError as error:
        print(f"note: {error}; using the bundled examples only", file=sys.stderr)
        return
    for dataset, file, element in NEWS:
        for n, article in enumerate(ET.parse(folder / dataset / file).getroot().iter("article")):
            if text := (article.findtext(element) or "").strip():
                yield f"{dataset}-{n:04d}", text


def write_corpus(texts: list[tuple[str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, text in texts:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _read_folder(folder: Path) -> list[str]:
    return [path.read_text("utf-8") for path in sorted(folder.glob("*.txt"))]


def _peaks() -> dict[str, float]:
    """Peak RSS in MiB of this process and of its largest finished child (Linux reports KiB)."""
    return {
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def measure_spacy(name: str, folder: Path, processes: int, batch_size: int | None) -> Measurement:
    """Plain spaCy as a user runs it: the model with all its components, nlp.pipe over the texts."""
    import spacy

    texts = _read_folder(folder)
    started = time.perf_counter()
    nlp = spacy.load(default_config().model)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=batch_size):
        pass
    done = time.perf_counter()
    return Measurement(
        name=name,
        documents=len(texts),
        words=sum(len(t.split()) for t in texts),
        load_seconds=loaded - started,
        seconds=done - loaded,
        **_peaks(),
    )


def measure_marsad(name: str, folder: Path, workers: int, spine_only: bool = False) -> Measurement:
    """The Runner over the folder into a fresh SQLite store: read, clean, NLP, dedup, store.

    With one worker the Runner analyses in this process; its Analyzer is built before the clock
    starts. Worker processes load their own model, so with more workers that load is inside the time.
    `spine_only` runs spaCy without Marsad's components: what reading, cleaning, dedup and storing
    cost on top of spaCy, apart from what the extraction components cost.
    """
    from marsad.pipeline import Analyzer
    from marsad.run import local
    from marsad.settings import load_settings
    from marsad.store import open_store

    words = sum(len(t.split()) for t in _read_folder(folder))
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings().with_overrides(db_url=f"sqlite:///{tmp}/bench.db", workers=workers)
        store = open_store(settings.db_url)
        started = time.perf_counter()
        config = replace(default_config(), components=()) if spine_only else None
        analyzer = Analyzer(config) if workers == 1 else None
        loaded = time.perf_counter()
        summary = local.Runner(store, settings, analyzer=analyzer).run([str(folder)])
        done = time.perf_counter()
        store.close()
    if summary.quarantined:
        print(f"note: {name}: {summary.quarantined} quarantined", file=sys.stderr)
    return Measurement(
        name=name,
        documents=summary.documents + summary.duplicates,
        words=words,
        load_seconds=loaded - started,
        seconds=done - loaded,
        **_peaks(),
    )


def in_fresh_process(function: Callable[..., Measurement], *args: object) -> Measurement:
    """Run one measurement in a new process, so peak memory and caches start from nothing."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="benchmarks folder [default: as `marsad eval`]")
    parser.add_argument("--limit-words", type=int, default=DEFAULT_LIMIT_WORDS)
    parser.add_argument("--processes", type=int, default=2, help="also compare with N processes; 1 skips")
    parser.add_argument("--repeat", type=int, default=1, help="run each N times, keep the fastest")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    args = parser.parse_args()

    batch_size = default_config().batch_size
    same_batch = f"spacy-batch{batch_size}"
    texts = list(corpus(args.data, args.limit_words))
    small = list(corpus(args.data, args.limit_words // SMALL_FRACTION))
    with tempfile.TemporaryDirectory() as tmp:
        full_dir = write_corpus(texts, Path(tmp) / "full")
        small_dir = write_corpus(small, Path(tmp) / "small")
        runs: list[tuple[Callable[..., Measurement], tuple[object, ...]]] = [
            (measure_spacy, ("spacy", full_dir, 1, None)),
            (measure_spacy, (same_batch, full_dir, 1, batch_size)),
            (measure_marsad, ("marsad", full_dir, 1)),
            (measure_marsad, ("marsad-spine", full_dir, 1, True)),
            (measure_spacy, (f"spacy-1/{SMALL_FRACTION}", small_dir, 1, None)),
            (measure_marsad, (f"marsad-1/{SMALL_FRACTION}", small_dir, 1)),
        ]
        if args.processes > 1:
            runs += [
                (measure_spacy, (f"spacy-{args.processes}p", full_dir, args.processes, None)),
                (measure_marsad, (f"marsad-{args.processes}w", full_dir, args.processes)),
            ]
        results = []
        for function, run_args in runs:
            tries = [in_fresh_process(function, *run_args) for _ in range(args.repeat)]
            results.append(min(tries, key=lambda m: m.seconds))
            print(_line(results[-1]), file=sys.stderr)

    by_name = {m.name: m for m in results}

    def overhead(marsad: str, spacy: str) -> float:
        return by_name[marsad].seconds / by_name[spacy].seconds - 1

    # Against spaCy as shipped (batch_size 256) and against spaCy at Marsad's own batch size, which
    # isolates what reading, cleaning, dedup and storing cost from the batch-size choice.
    ratios = {
        "1 process vs spacy": overhead("marsad", "spacy"),
        f"1 process vs {same_batch}": overhead("marsad", same_batch),
        f"spine (no Marsad components) vs {same_batch}": overhead("marsad-spine", same_batch),
        "Marsad components vs spine": overhead("marsad", "marsad-spine"),
    }
    if args.processes > 1:
        n = args.processes
        ratios[f"{n} processes vs spacy-{n}p"] = overhead(f"marsad-{n}w", f"spacy-{n}p")
    if args.json:
        print(
            json.dumps(
                {
                    "machine": f"{platform.processor() or platform.machine()}, {_cores()} cores",
                    "python": platform.python_version(),
                    "measurements": [asdict(m) | {"words_per_second": m.words_per_second} for m in results],
                    "overhead": ratios,
                },
                indent=2,
            )
        )
    else:
        for name, ratio in ratios.items():
            print(f"overhead (Marsad time / spaCy time - 1), {name}: {ratio:+.1%}")


def _line(m: Measurement) -> str:
    return (
        f"{m.name:>14}: {m.documents:5d} docs {m.words:7d} words {m.seconds:7.1f} s "
        f"({m.documents / m.seconds:6.1f} docs/s, {m.words_per_second:7.0f} words/s), "
        f"load {m.load_seconds:4.1f} s, peak RSS {m.peak_rss_mib:6.0f} MiB "
        f"(children {m.children_peak_rss_mib:.0f} MiB)"
    )


def _cores() -> int:
    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    main()
