"""Find the knowledge base's names, role titles and institution nouns in a parsed Doc, cheaply.

Every name is tokenised with the pipeline's own tokenizer and folded (marsad.resolve.actor_kb)
into a token trie; a Doc is folded token by token (cached per word form) and walked once,
leftmost-longest. The cost is a few dictionary lookups per token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from marsad.resolve.actor_kb import (
    ARTICLE_KEY,
    ARTICLES,
    ActorKb,
    Institution,
    NameHit,
    fold_token,
    fold_words,
    is_hyphen,
    strip_article,
)


@dataclass(slots=True)
class Payload:
    """What a folded word sequence is: names of actors, a role title, an institution noun."""

    hits: list[NameHit] = field(default_factory=list)
    acronym: bool = True  # every spelling is in capitals ("IS", "US"): the text must be too
    title: str | None = None
    title_acronym: bool = False  # "PM" but not "pm"
    institution: Institution | None = None


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    start_char: int  # the matched text, without punctuation glued to the tokens' edges
    end_char: int
    payload: Payload
    is_name: bool  # the actor names matched (case checked); otherwise only title/institution


class Key(NamedTuple):
    """One token as the trie sees it: its folded core and where that core lies in the text (a
    tuple: documents make tens of thousands)."""

    token: int
    key: str
    start_char: int
    end_char: int


# Word forms whose folded keys are kept between documents, at most.
WORD_CACHE_SIZE = 200_000
# Punctuation scraped text glues to words: “Oglu- Turkish PM”visit. A token's core is cut free of it.
_EDGE = "\"'“”‘’«»()[]-–—,;:"
_GLUED_QUOTES = re.compile(r"[“”«»\"]")


def core(word: str) -> tuple[int, int]:
    """Offsets of the word inside its token: 'Oglu-' → 'Oglu', 'PM”visit' → 'PM'."""
    start = len(word) - len(word.lstrip(_EDGE))
    end = len(word.rstrip(_EDGE))
    if start >= end:
        return 0, len(word)
    glued = _GLUED_QUOTES.search(word, start, end)
    return (start, glued.start()) if glued else (start, end)


class _Node:
    __slots__ = ("children", "payload")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.payload: Payload | None = None


def _is_acronym(written: str) -> bool:
    letters = [ch for ch in written if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


class NameTrie:
    def __init__(self, kb: ActorKb, tokenize: Callable[[str], Sequence[str]]) -> None:
        self._root = _Node()
        self._folded: dict[str, str] = {}
        # token text → its core's offsets and key, () for a hyphen or a space
        self._cores: dict[str, tuple[int, int, str] | tuple[()]] = {}
        for actor in kb.actors.values():
            for written, name_kind in actor.names():
                payload = self._payload(fold_words(tokenize(strip_article(written))))
                if payload is None:
                    continue
                # Every spelling counts, however folded alike: with "Isis" beside "ISIS" the name
                # needs no capitals.
                payload.acronym = payload.acronym and _is_acronym(written)
                if not any(h.actor.id == actor.id and h.kind == name_kind for h in payload.hits):
                    payload.hits.append(NameHit(actor=actor, kind=name_kind, written=written))
        for key, title in kb.titles.items():
            if (payload := self._payload(key)) is not None:
                payload.title = title
                # "PM", "FM", "VP" are titles only in capitals ("5 pm" is not).
                payload.title_acronym = len(key) == 1 and len(key[0]) <= 3
        for key, kind in kb.institutions.items():
            if (payload := self._payload(key)) is not None:
                payload.institution = kind

    def _payload(self, key: tuple[str, ...]) -> Payload | None:
        if not key:
            return None
        node = self._root
        for word in key:
            node = node.children.setdefault(word, _Node())
        if node.payload is None:
            node.payload = Payload()
        return node.payload

    def keys(self, tokens: list[tuple[str, int]]) -> list[Key]:
        """The tokens (text, offset) that count, folded: hyphens and spaces drop out, other
        punctuation stays itself (so no name runs across a full stop)."""
        folded, cores = self._folded, self._cores
        if len(cores) > WORD_CACHE_SIZE:  # a long batch's vocabulary: start afresh
            cores.clear()
            folded.clear()
        out: list[Key] = []
        last = len(tokens) - 1
        for i, (word, idx) in enumerate(tokens):
            if (cut := cores.get(word)) is None:
                cut = cores[word] = self._cut(word)
            if not cut:
                continue  # a hyphen or a space
            cs, ce, key = cut
            if key in ARTICLES and i < last and is_hyphen(tokens[i + 1][0]):
                key = ARTICLE_KEY
            out.append(Key(i, key, idx + cs, idx + ce))
        return out

    def _cut(self, word: str) -> tuple[int, int, str] | tuple[()]:
        """Where the word's core lies and its folded key; () for a word that does not count."""
        if is_hyphen(word) or word.isspace():
            return ()
        cs, ce = core(word)
        part = word[cs:ce]
        key = self._folded.get(part)
        if key is None:
            key = self._folded[part] = fold_token(part) or part
        return cs, ce, key

    def find(self, tokens: list[tuple[str, int]], text: str) -> list[Match]:
        """Leftmost-longest matches over the tokens (text, offset), each checked against the text's
        capitals (`text` is doc.text)."""
        keys = self.keys(tokens)
        matches: list[Match] = []
        p = 0
        while p < len(keys):
            # (index of the last key, its payload, letters of that key that are no part of the name)
            ends: list[tuple[int, Payload, int]] = []
            node, q = self._root, p
            while q < len(keys):
                child = node.children.get(keys[q].key)
                if child is None:
                    # most words end in no "s": no lost possessive to look for
                    lost = self._lost_possessive(node, keys[q], text) if keys[q].key[-1:] == "s" else None
                    if lost is not None:
                        ends.append((q, lost, 1))
                    break
                node = child
                if node.payload is not None:
                    ends.append((q, node.payload, 0))
                q += 1
            match = None
            for q_end, payload, cut in reversed(ends):
                first, last = keys[p], keys[q_end]
                match = _checked(first, last.token, last.end_char - cut, payload, text)
                if match is not None:
                    p = q_end + 1
                    break
            if match is None:
                p += 1
            else:
                matches.append(match)
        return matches

    def _lost_possessive(self, node: _Node, key: Key, text: str) -> Payload | None:
        """ "Syrias", "Assads": a name's possessive whose apostrophe the scraping lost. Only a
        capitalised word ending a name (no demonym: "Kurds" is a plural) is read so."""
        word = text[key.start_char : key.end_char]
        if len(word) < 4 or word[-1] != "s" or not word[0].isupper() or word.isupper():
            return None
        stem = word[:-1]
        child = node.children.get(self._folded.get(stem) or fold_token(stem))
        if child is None or child.payload is None:
            return None
        if not any(hit.kind != "demonym" for hit in child.payload.hits):
            return None
        return child.payload


def _lower_case_head(written: str, payload: Payload) -> bool:
    """A name of several words whose last word the text writes in lower case, while every spelling
    the knowledge base gives capitalises it."""
    words = written.split()
    return (
        len(words) > 1
        and words[-1][:1].islower()
        and all(hit.written.split()[-1][:1].isupper() for hit in payload.hits)
    )


def _checked(first: Key, last_token: int, end_char: int, payload: Payload, text: str) -> Match | None:
    written = text[first.start_char : end_char]
    letters = [ch for ch in written if ch.isalpha()]
    has_capital = any(ch.isupper() for ch in letters)
    # "A" is not "AA": an acronym is two capitals or more.
    all_capitals = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    is_name = bool(payload.hits) and (all_capitals if payload.acronym else has_capital)
    if is_name and _lower_case_head(written, payload):
        is_name = False  # "an Islamic emirate": a description, not the Islamic Emirate
    other = (payload.title is not None and (all_capitals or not payload.title_acronym)) or (
        payload.institution is not None
    )
    if not is_name and not other:
        return None
    return Match(
        start=first.token,
        end=last_token + 1,
        start_char=first.start_char,
        end_char=end_char,
        payload=payload,
        is_name=is_name,
    )
