"""Store-side cost of claims, disputes and copied-text detection as the store grows.

Synthetic documents (a Zipf-ish vocabulary, 300 words, 3 claims each; one in ten copies a passage
of an earlier one) are put into a fresh SQLite store; the mean put time of each successive block
shows whether the per-document cost stays flat (sub-quadratic search) as the store grows.

    .venv/bin/python bench/provenance.py 10000
"""

from __future__ import annotations

import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

from marsad.clean import dedup
from marsad.model import Actor, Claim, DocumentInfo, Mention, Result
from marsad.store import Record, open_store

VOCAB = [f"w{i}" for i in range(20000)]
WEIGHTS = [1 / (i + 1) for i in range(len(VOCAB))]


def _doc(rng: random.Random, n: int, earlier: list[str]) -> Record:
    words = rng.choices(VOCAB, WEIGHTS, k=300)
    if earlier and n % 10 == 0:
        source = rng.choice(earlier).split()
        at = rng.randrange(0, max(len(source) - 40, 1))
        words[100:140] = source[at : at + 40]
    text = " ".join(words)
    actors, claims = [], []
    for c in range(3):
        start = len(" ".join(words[: 20 + 60 * c])) + 1
        end = start + len(" ".join(words[20 + 60 * c : 35 + 60 * c]))
        actors.append(
            Actor(
                id=f"a{c}",
                name=f"Speaker {n % 500}-{c}",
                type="person",
                mentions=[Mention(start=0, end=len(words[0]), text=words[0])],
            )
        )
        claims.append(
            Claim(
                id=f"c{c + 1}",
                kind="quote",
                speaker=f"a{c}",
                text=text[start:end],
                start=start,
                end=end,
                stance="denies" if rng.random() < 0.2 else "asserts",
            )
        )
    digest = hashlib.sha256(f"{n}{text}".encode()).hexdigest()
    sig = dedup.signature(text)
    result = Result(
        doc=DocumentInfo(id=digest[:16], source=f"s{n}", language="en", text=text),
        actors=actors,
        claims=claims,
    )
    return Record(
        result=result,
        raw_text=text,
        raw_html=None,
        offsets=[],
        content_hash=digest,
        raw_hash=digest,
        signature=sig,
        bands=dedup.bands(sig),
    )


def main(total: int) -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        earlier: list[str] = []
        block = max(total // 10, 1)
        started = time.perf_counter()
        for n in range(total):
            record = _doc(rng, n, earlier[-1000:])
            store.put(record)
            earlier.append(record.result.doc.text)
            if (n + 1) % block == 0:
                elapsed = time.perf_counter() - started
                print(f"{n + 1:>7} docs  {1000 * elapsed / block:6.1f} ms/put (last block)", flush=True)
                started = time.perf_counter()
        print(
            f"copies {len(store.copies(limit=1_000_000))}"
            f"  contradicted {len(store.claims(contradicted=True, limit=1_000_000))}"
        )
        store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
