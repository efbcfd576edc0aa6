"""Find blocks to remove from a report: advertisements, page boilerplate and scraped duplicate fragments.

Rules live in resources/boilerplate.toml so users can add their own without code. Scraped pages
often start with a stray fragment copied from further down (a teaser, a broken "read more" cut);
such a short paragraph whose words almost all reappear, in order, elsewhere in the document is
removed as a duplicate fragment.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from marsad.clean.unwrap import Paragraph

DUPLICATE_FRAGMENT = "duplicate-fragment"
# A fragment is a copy when this share of its words sits inside word trigrams found elsewhere in the
# document; 0.8 keeps headings that merely share a phrase with the body (they score 0-0.4 on the
# bundled examples) while catching cut-and-repeated sentences (0.85-1.0).
DUPLICATE_COVERAGE = 0.8
DUPLICATE_MAX_WORDS = 30
_NGRAM = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Rules:
    max_words: int
    rules: tuple[Rule, ...]


@cache
def resource() -> dict[str, Any]:
    """The shipped rules file, parsed once per process (furniture.py reads its own tables from it)."""
    return tomllib.loads(files("marsad.resources").joinpath("boilerplate.toml").read_text("utf-8"))


@cache
def default_rules() -> Rules:
    """The shipped block rules."""
    data = resource()
    return Rules(
        max_words=int(data["max_words"]),
        rules=tuple(
            Rule(rule["reason"], re.compile(pattern, re.IGNORECASE))
            for rule in data["rule"]
            for pattern in rule["patterns"]
        ),
    )


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _ngrams(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + _NGRAM]) for i in range(len(words) - _NGRAM + 1)]


def classify(raw: str, paras: list[Paragraph], rules: Rules | None = None) -> dict[int, str]:
    """Map paragraph index → removal reason for every paragraph that should go.

    A rule hit removes its whole blank-line block when the block is short, since an advertisement is
    usually several lines ("We write essays" / "for only $9/page" / "order now").
    """
    rules = rules or default_rules()
    texts = [p.text(raw) for p in paras]
    words = [_words(t) for t in texts]
    reasons: dict[int, str] = {}
    for i, text in enumerate(texts):
        if len(words[i]) > rules.max_words:
            continue
        stripped = text.strip()
        for rule in rules.rules:
            if rule.pattern.search(stripped):
                reasons[i] = rule.reason
                break
    block_words = Counter[int]()
    for para, para_words in zip(paras, words, strict=True):
        block_words[para.block] += len(para_words)
    for i, reason in list(reasons.items()):
        block = paras[i].block
        if block_words[block] <= rules.max_words:
            for j, para in enumerate(paras):
                if para.block == block:
                    reasons.setdefault(j, reason)
    for i in _duplicate_fragments(words):
        reasons.setdefault(i, DUPLICATE_FRAGMENT)
    return reasons


def _duplicate_fragments(words: list[list[str]]) -> list[int]:
    """Short paragraphs whose words are almost all covered by trigrams that occur in other paragraphs.

    Of several identical paragraphs the first is kept and the later ones are the duplicates.
    """
    counts = Counter(gram for para_words in words for gram in _ngrams(para_words))
    copies = Counter(tuple(para_words) for para_words in words)
    seen: set[tuple[str, ...]] = set()
    found = []
    for i, para_words in enumerate(words):
        key = tuple(para_words)
        if key in seen:
            found.append(i)
            continue
        seen.add(key)
        if not _NGRAM <= len(para_words) <= DUPLICATE_MAX_WORDS:
            continue
        own = Counter(_ngrams(para_words))
        covered = [False] * len(para_words)
        for k, gram in enumerate(_ngrams(para_words)):
            if counts[gram] > own[gram] * copies[key]:
                covered[k : k + _NGRAM] = [True] * _NGRAM
        if sum(covered) / len(para_words) >= DUPLICATE_COVERAGE:
            found.append(i)
    return found
