"""What actor linking (and place linking) adds to the time of the spaCy pipeline alone.

    .venv/bin/python bench/actor_overhead.py [--words N] [--repeat N]

Texts: the bundled examples, then GeoWebNews and LGL news articles (bench/throughput.py's corpus),
up to N words. spaCy's model parses them with `nlp.pipe`; then each Marsad linking component runs
over the parsed Docs on its own, and the token repairs that run before spaCy (`[nlp] first`:
marsad_possessives, which serves linking) over freshly tokenised texts, less the tokenising. Each
component alone pays for the document focus that the first of them computes in the pipeline (an
upper bound, summed on one line); "together" runs them in sequence on each Doc, as the pipeline
does, so the focus is computed once.
Times are CPU seconds of this process (`time.process_time`), best of `--repeat`, so other work on
a shared machine disturbs them little; the overhead is a component's time over spaCy's.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from marsad.nlp import NlpConfig, build_nlp, default_config, register_component

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import corpus  # a sibling script, not a package


def texts(words: int) -> list[str]:
    return [text for _, text in corpus(None, words)]


def best_of(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def forgetting_focus(docs: list[Doc]) -> list[Doc]:
    """The docs without the document focus that the first of actors or places computes and the
    other reads (place_names.document_focus): each component here pays for it, an upper bound."""
    for doc in docs:
        doc._.marsad_focus = None
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=40000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [text for _, text in corpus(None, args.words)]
    base = default_config()
    nlp = build_nlp(NlpConfig(model=base.model, batch_size=base.batch_size, components=()))
    components = [name for name in ("marsad_actors", "marsad_places") if name in base.components]
    for name in components:
        register_component(name)
    pipes = {name: nlp.create_pipe(name) for name in components}
    docs = list(nlp.pipe(texts, batch_size=base.batch_size))
    for pipe in pipes.values():  # load lazily built data and fill caches before timing
        pipe(docs[0])
    words = sum(len(doc) for doc in docs)
    spacy_s = best_of(args.repeat, lambda: list(nlp.pipe(texts, batch_size=base.batch_size)))
    print(f"{len(texts)} texts, {words} tokens, best of {args.repeat} (CPU seconds)")
    print(f"{'spaCy alone':16} {spacy_s:7.2f} s  {words / spacy_s:7.0f} tokens/s")
    total = 0.0
    for name in base.first:  # token repairs before spaCy's components: timed on tokenised texts
        register_component(name)
        first = nlp.create_pipe(name)
        first(nlp.make_doc(texts[0]))
        tokenised = best_of(args.repeat, lambda: [nlp.make_doc(text) for text in texts])
        repaired = best_of(args.repeat, lambda first=first: [first(nlp.make_doc(text)) for text in texts])
        seconds = max(repaired - tokenised, 0.0)
        total += seconds
        print(f"{name:16} {seconds:7.2f} s  +{100 * seconds / spacy_s:5.1f}% of spaCy")
    repairs = total
    for name, pipe in pipes.items():
        seconds = best_of(args.repeat, lambda pipe=pipe: [pipe(doc) for doc in forgetting_focus(docs)])
        total += seconds
        print(f"{name:16} {seconds:7.2f} s  +{100 * seconds / spacy_s:5.1f}% of spaCy")
    print(f"{'sum of the above':16} {total:7.2f} s  +{100 * total / spacy_s:5.1f}% of spaCy")
    # As the pipeline runs them: one after the other on each Doc, the focus computed once.
    linked = repairs + best_of(
        args.repeat, lambda: [pipe(doc) for doc in forgetting_focus(docs) for pipe in pipes.values()]
    )
    print(f"{'together':16} {linked:7.2f} s  +{100 * linked / spacy_s:5.1f}% of spaCy")


if __name__ == "__main__":
    main()
