"""Overhead of marsad_claims (with marsad_trailing_sources) and marsad_citations over spaCy itself.

Parses the two samples (x20) and 60 PolNeAR dev articles with the Marsad components disabled, runs the
linking components, then times claims and citations alone on the parsed Docs:

    .venv/bin/python bench/claims_overhead.py
"""

from __future__ import annotations

import time
from pathlib import Path

from marsad.nlp import build_nlp, default_config
from marsad.nlp.citations import CitationFinder
from marsad.nlp.claims import ClaimFinder
from marsad.resolve.outlets import default_registry

texts = [p.read_text() for p in sorted(Path("examples").glob("*.txt"))] * 20
POLNEAR = Path("../shared/benchmarks/polnear/dev/text")
texts += [p.read_text() for p in sorted(POLNEAR.glob("*.txt"))][:60]
config = default_config()
nlp = build_nlp(config)
# Components after the parser only: those before it shape the parse, so they stay in spaCy's time.
names = [n for n in nlp.pipe_names if n.startswith("marsad_") and n not in config.before_parser]
with nlp.select_pipes(disable=names):
    docs = list(nlp.pipe(texts, batch_size=4))  # warm
    t = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=4))
    spacy_s = time.perf_counter() - t
words = sum(len(d) for d in docs)
# The trailing-source repair runs first and serves the claims: its time counts as theirs.
repair = nlp.get_pipe("marsad_trailing_sources")
t = time.perf_counter()
for d in docs:
    repair(d)
repair_s = time.perf_counter() - t
for name in names[1:-2]:
    for d in docs:
        nlp.get_pipe(name)(d)
claims, cites = ClaimFinder(), CitationFinder(default_registry())
t = time.perf_counter()
for d in docs:
    claims(d)
claims_s = time.perf_counter() - t + repair_s
t = time.perf_counter()
for d in docs:
    cites(d)
cite_s = time.perf_counter() - t
print(
    f"docs={len(docs)} words={words} spacy={spacy_s:.2f}s"
    f" claims={claims_s:.2f}s ({100 * claims_s / spacy_s:.1f}%, trailing-source repair {repair_s:.2f}s)"
    f" citations={cite_s:.2f}s ({100 * cite_s / spacy_s:.1f}%)"
)
