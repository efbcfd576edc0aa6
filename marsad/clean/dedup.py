"""Exact and near-duplicate detection: content hashes and MinHash signatures banded for LSH.

The store indexes the band keys, so finding near-duplicates of a new document is an index lookup
across the whole store rather than a comparison with every stored document.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash

NUM_PERM = 128
# 16 bands of 8 rows put the LSH threshold near (1/16)^(1/8) ≈ 0.71 Jaccard, below the 0.8 we
# confirm on the signatures, so true near-duplicates almost always share a band.
BANDS = 16
ROWS = NUM_PERM // BANDS
NEAR_DUPLICATE_JACCARD = 0.8
SHINGLE_WORDS = 5
_SEED = 1
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """Hash of the text with case and spacing folded: the same story re-spaced is the same content."""
    folded = " ".join(_WORD.findall(text.casefold()))
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def signature(text: str) -> list[int]:
    """MinHash signature over word 5-gram shingles."""
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in minhash.hashvalues]


def bands(sig: list[int]) -> list[str]:
    """LSH band keys: documents sharing any key are near-duplicate candidates."""
    keys = []
    for band in range(BANDS):
        rows = ",".join(str(v) for v in sig[band * ROWS : (band + 1) * ROWS])
        keys.append(f"{band}:{hashlib.blake2b(rows.encode(), digest_size=8).hexdigest()}")
    return keys


def jaccard(a: list[int], b: list[int]) -> float:
    """Jaccard similarity estimated from two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / NUM_PERM
