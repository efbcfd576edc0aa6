"""Place-name folding: the spelling variants of one toponym fold to one key.

"Hmeimim"/"Hmeymim", "al-Bukamal"/"Bukamal", "Deir al-Zour"/"Deir ez-Zor", "Tartous"/"Tartus",
"Raqqa"/"Rakka"/"Raqqah" and "Lattakia"/"Latakia" each share a key. Folding is deliberately
aggressive: keys only gather candidates, and ranking (which compares the literal names) picks one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Marks that transliterations use for ayn and hamza, and apostrophes; they are dropped, not spaced.
_SILENT = dict.fromkeys(map(ord, "ʿʾʻʼ`'’‘´"), None)
# The Arabic article in its assimilated forms, hyphenated ("ar-Raqqa", "Deir ez-Zor") or as a word
# ("Jisr ash Shughur", GeoNames' spelling of "Jisr al-Shughour").
_ARTICLE = re.compile(
    r"\b(?:al|el|il|ul|as|ash|ad|adh|ar|az|at|ath|an|ez|es|ed|er|et|en|ech|ej)[-‐‑–]\s*"
    r"|\b(?:al|el|ar|as|ash|ad|adh|az|at|ath|an|ez|es|ed)\s+(?=\w)"
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Applied in order to each word: vowel spellings, then consonant spellings, then doubled letters,
# then whole words.
_SPELLINGS = [
    (re.compile(r"ou|oo|o"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ei|ey|ay|ai"), "ai"),
    (re.compile(r"iy"), "i"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"q|ck|c(?=[aux]|$)"), "k"),
    (re.compile(r"(?<=[a-z])[ae]h$"), "a"),
    (re.compile(r"(?<=i)e$"), "a"),
    (re.compile(r"([a-z])\1+"), r"\1"),
    (re.compile(r"^tel$"), "tal"),  # "Tel", "Tell", "Tal", "Tall": the Arabic word for a hill
]


# Names recur across a batch; folding is pure, so a bounded cache saves most of its cost.
_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_CACHE_SIZE)
def ascii_lower(name: str) -> str:
    """Lower-case ASCII words: diacritics and transliteration marks removed, punctuation spaced."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SILENT))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_WORD.sub(" ", stripped).split())


def display_name(name: str) -> str:
    """A GeoNames name without diacritics or ayn/hamza marks: 'Ālbū Kamāl' -> 'Albu Kamal'."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SILENT))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_latin(name: str) -> bool:
    """True when the name is written in Latin letters (diacritics allowed)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SILENT))
    return all(ord(ch) < 128 or unicodedata.combining(ch) for ch in decomposed)


@lru_cache(maxsize=_CACHE_SIZE)
def fold(name: str) -> str:
    """The lookup key of a place name; '' when nothing is left (a bare article, punctuation)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SILENT))
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    without_article = _ARTICLE.sub("", text)
    if _NON_WORD.sub("", without_article):
        text = without_article
    words = []
    for word in _NON_WORD.sub(" ", text).split():
        for pattern, replacement in _SPELLINGS:
            word = pattern.sub(replacement, word)
        words.append(word)
    return " ".join(words)
