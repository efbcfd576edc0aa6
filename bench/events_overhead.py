"""Time `marsad_events` (and every other Marsad component) against spaCy's own components.

    .venv/bin/python bench/events_overhead.py [--copies 20]

The bundled reports are cleaned as the pipeline cleans them, parsed by spaCy alone, then each Marsad
component runs on the parsed documents on its own clock; the figures are shares of spaCy's time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from marsad.clean import clean
from marsad.model import RawDocument
from marsad.nlp import build_nlp, default_config

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    copies = parser.parse_args().copies
    config = default_config()
    nlp = build_nlp(config)
    texts = [
        clean(RawDocument(source=p.name, text=p.read_text("utf-8"))).text
        for p in sorted(EXAMPLES.glob("*.txt"))
    ]
    texts *= copies
    # Components that run before the parser are part of parsing; the rest are timed on their own.
    marsad = [n for n in nlp.pipe_names if n.startswith("marsad_") and n not in config.before_parser]
    with nlp.select_pipes(disable=marsad):
        list(nlp.pipe(texts[:4]))  # warm up
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=4))
        spacy_seconds = time.perf_counter() - started
    tokens = sum(len(doc) for doc in docs)
    print(f"{len(docs)} docs, {tokens:,} tokens; spaCy alone {spacy_seconds:.2f} s")
    for name in marsad:
        component = nlp.get_pipe(name)
        started = time.perf_counter()
        for doc in docs:
            component(doc)
        seconds = time.perf_counter() - started
        print(f"  {name}: {seconds:.3f} s = {100 * seconds / spacy_seconds:.1f}% of spaCy")


if __name__ == "__main__":
    main()
