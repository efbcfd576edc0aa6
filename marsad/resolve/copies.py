"""Copied text between documents: candidate pairs from a sampled shingle index, then aligned passages.

Every document's word 8-grams are hashed; one hash in `SHINGLE_SAMPLE` (those ≡ 0 mod it) is kept
and indexed in the store. Two documents sharing `MIN_SHARED_SHINGLES` sampled hashes are candidates
(an index seek per hash, never a pass over the store; hashes held by more than `MAX_POSTINGS`
documents are boilerplate and skipped). Candidates are then aligned word by word (difflib) and every
passage of at least `MIN_PASSAGE_WORDS` common words is kept with its spans in both documents.
The whole-document MinHash bands (marsad.clean.dedup) find near-duplicates; this finds a shared
paragraph inside otherwise different reports, as syndicated copies do.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

SHINGLE_WORDS = 8
SHINGLE_SAMPLE = 4
# Two sampled 8-grams in common is about 8 shared consecutive words twice: a sentence copied.
MIN_SHARED_SHINGLES = 2
MAX_POSTINGS = 200
# The shortest run of common words counted as a copied passage (a long quotation both outlets
# carried independently is shorter than most copied paragraphs, but not always: see docs/claims.md).
MIN_PASSAGE_WORDS = 12
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Passage:
    """Text shared by two documents: [a_start, a_end) in the first, [b_start, b_end) in the second."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


def shingle_hashes(text: str) -> list[int]:
    """The sampled 63-bit hashes of the text's word 8-grams (fits a signed BIGINT)."""
    words = [w for w, _, _ in _words(text)]
    kept = set()
    for i in range(len(words) - SHINGLE_WORDS + 1):
        digest = hashlib.blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "big") >> 1
        if value % SHINGLE_SAMPLE == 0:
            kept.add(value)
    return sorted(kept)


def align(a: str, b: str) -> list[Passage]:
    """Passages of at least MIN_PASSAGE_WORDS consecutive words common to both texts, in order."""
    wa, wb = _words(a), _words(b)
    matcher = SequenceMatcher(None, [w for w, _, _ in wa], [w for w, _, _ in wb], autojunk=False)
    passages = []
    for block in matcher.get_matching_blocks():
        if block.size < MIN_PASSAGE_WORDS:
            continue
        first_a, last_a = wa[block.a], wa[block.a + block.size - 1]
        first_b, last_b = wb[block.b], wb[block.b + block.size - 1]
        passages.append(
            Passage(
                a_start=first_a[1], a_end=last_a[2], b_start=first_b[1], b_end=last_b[2], words=block.size
            )
        )
    return passages
