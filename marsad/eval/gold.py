"""Readers for the gold data in the shared benchmarks folder, and where that folder is found.

The gold data is licensed for evaluation only and never lives in this repository: every reader takes
a path inside a benchmarks folder that `find_data_dir` locates at run time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import BenchmarkDataError

DATA_ENV = "MARSAD_BENCHMARKS"
# Relative to the working directory: the repository sits beside the shared folder.
DEFAULT_DATA_DIR = Path("..") / "shared" / "benchmarks"

DOCSTART = "-DOCSTART-"
OUTSIDE = "O"


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelledSpan:
    """Tokens [start, end) of one sentence carrying one label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One gold sentence: its tokens and the entity spans over them."""

    document: int
    words: tuple[str, ...]
    spans: frozenset[LabelledSpan]


def find_data_dir(explicit: Path | None = None) -> Path:
    """The benchmarks folder: `explicit`, else $MARSAD_BENCHMARKS, else ../shared/benchmarks from the CWD."""
    if explicit is not None:
        path, origin = explicit, "--data"
    elif env := os.environ.get(DATA_ENV):
        path, origin = Path(env), f"${DATA_ENV}"
    else:
        path, origin = (
            Path.cwd() / DEFAULT_DATA_DIR,
            f"the default, {DEFAULT_DATA_DIR} from the working directory",
        )
    if not path.is_dir():
        raise BenchmarkDataError(
            f"no benchmarks folder at {path.resolve()} ({origin}); pass --data DIR or set ${DATA_ENV}"
        )
    return path


def gold_file(data_dir: Path, dataset: str, name: str) -> Path:
    """One file of one dataset, or a BenchmarkDataError naming the path that is missing."""
    path = data_dir / dataset / name
    if not path.is_file():
        raise BenchmarkDataError(f"gold file {path} not found: is {data_dir} the shared benchmarks folder?")
    return path


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL-2003 file (`token POS chunk NER` per line), tags in IOB1 or IOB2."""
    sentences: list[Sentence] = []
    document = 0
    for words, tags in _conll_blocks(path):
        if words[0] == DOCSTART:
            document += 1
            words, tags = words[1:], tags[1:]
            if not words:
                continue
        sentences.append(
            Sentence(document=max(document, 1), words=tuple(words), spans=frozenset(iob_spans(tags)))
        )
    return sentences


def _conll_blocks(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Blank-line-separated blocks as (words, last-column tags)."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as file:
        for lineno, line in enumerate(file, start=1):
            fields = line.split()
            if fields:
                if len(fields) < 2:
                    raise BenchmarkDataError(f"{path}:{lineno}: expected `token ... TAG`, got {line!r}")
                words.append(fields[0])
                tags.append(fields[-1])
            elif words:
                yield words, tags
                words, tags = [], []
    if words:
        yield words, tags


def iob_spans(tags: Sequence[str]) -> list[LabelledSpan]:
    """Spans from IOB tags, read as conlleval does, so IOB1 and IOB2 give the same spans.

    An entity starts at B-X, or at I-X after anything but X (IOB1 writes B- only between two
    adjacent entities of one type); it continues over I-X.
    """
    spans: list[LabelledSpan] = []
    start, label = 0, OUTSIDE
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, _, kind = tag.partition("-")
        if tag != OUTSIDE and (prefix not in {"B", "I"} or not kind):
            raise BenchmarkDataError(f"unknown IOB tag {tag!r} at token {i}")
        continues = prefix == "I" and kind == label
        if label != OUTSIDE and not continues:
            spans.append(LabelledSpan(start=start, end=i, label=label))
        if not continues:
            start, label = i, kind or OUTSIDE
    return spans
