"""Component `marsad_possessives`: a possessive whose apostrophe was lost, split before tagging.

Scraped and re-encoded news often drops the apostrophe: "Syrias second city Aleppo", "Idlibs
population", "the armys tanks". Read whole, "Idlibs" is an unknown word that the entity recogniser
calls an organisation or a person, and neither actors nor places know it. Split into "Idlib" + "s"
(its norm set to "'s", which the tagger, parser and recogniser read as the possessive marker), the
name is the one they know. The text and every character offset stay as they were.

A capitalised word is split only when it is unknown as written, its stem is a one-word name of the
actor knowledge base (no demonym: "Kurds" is a plural) or a big place ("Idlib", "Aleppo"), a content
word follows it ("Turkeys and chickens" stay) and the capitalised word before it, if any, is a known
name itself ("Aleppo Syrias largest city"; "The New York Times reports" and "St. Marys River"
stay). A lower-case word is split when it ends in a consonant and "ys" ("armys", "countrys"),
which no English plural does, before a content word.
"""

from __future__ import annotations

import re
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

from marsad.nlp.place_frames import toponym_at
from marsad.nlp.place_names import MATCH_MIN_POPULATION, spelt_as
from marsad.resolve.actor_kb import ActorKb, fold_token, load_kb
from marsad.resolve.gazetteer import Candidate, Gazetteer, OpensGazetteer

MIN_LETTERS = 5  # "Irans", "Iraqs"
STEM_FEATURES = frozenset({"country", "admin1"})
_LOWER_POSSESSIVE = re.compile(r"[a-z]+[b-df-hj-np-tv-xz]ys")


@Language.factory("marsad_possessives", assigns=["token.norm", "doc._.marsad_possessives"])
def make_possessives(nlp: Language, name: str) -> PossessiveSplitter:
    return PossessiveSplitter(load_kb())


class PossessiveSplitter(OpensGazetteer):
    """Splits lost possessives of known names; the gazetteer is opened on first use."""

    def __init__(self, kb: ActorKb, gazetteer: Gazetteer | None = None) -> None:
        self._kb = kb
        self._gazetteer = gazetteer

    @cached_property
    def _names(self) -> frozenset[str]:
        """The knowledge base's one-word names, folded, demonyms aside."""
        return frozenset(
            key[0]
            for key, hits in self._kb.names()
            if len(key) == 1 and any(hit.kind != "demonym" for hit in hits)
        )

    def __call__(self, doc: Doc) -> Doc:
        lower: list[Token] = []
        capitalised: list[Token] = []
        for token in doc:
            text = token.text
            if len(text) < MIN_LETTERS - 1 or text[-1] != "s":
                continue
            if _LOWER_POSSESSIVE.fullmatch(text) and _before_word(token):
                lower.append(token)
            elif _capitalised_candidate(token):
                capitalised.append(token)
        known = self._known_stems(capitalised)
        split = lower + [t for t in capitalised if t.i in known]
        if not split:
            return doc
        ends = {t.idx + len(t.text) - 1 for t in split}
        with doc.retokenize() as retokenizer:
            for token in split:
                # Placeholder heads, which the parser replaces: the "s" under its stem. With the "s"
                # as head the parser could leave the stem an unlabelled root inside a sentence
                # ("Interim Minister of Health: Aleppos Hospitals ..."), a tree spaCy cannot walk.
                retokenizer.split(token, [token.text[:-1], "s"], heads=[(token, 0), (token, 0)])
        for end in ends:
            marker = doc.char_span(end, end + 1)
            if marker is not None:
                marker[0].norm_ = "'s"
        doc._.marsad_possessives = sorted(ends)
        return doc

    def _known_stems(self, tokens: list[Token]) -> set[int]:
        """The indices of the `tokens` unknown as written whose stem is a known name and that no
        capitalised word before them makes part of a longer name ("The New York Times reports",
        "St. Marys River"), unless that word is a known name itself ("Aleppo Syrias largest city")."""
        if not tokens:
            return set()
        befores = {t.i: _capitalised_before(t) for t in tokens}
        words = {t.text for t in tokens} | {b for b in befores.values() if b}
        keys = {w: toponym_at(w, 0, len(w)).key for w in words}
        stem_keys = {w: toponym_at(w[:-1], 0, len(w) - 1).key for w in words}
        options = self.gazetteer.lookup(set(keys.values()) | set(stem_keys.values()))

        def known(name: str, key: str) -> bool:
            return fold_token(name) in self._names or _big_place(name, options.get(key, []))

        found = set()
        for token in tokens:
            word, before = token.text, befores[token.i]
            if options.get(keys[word]) or fold_token(word) in self._names or self.gazetteer.demonym(word):
                continue
            if before and not known(before, keys[before]):
                continue
            if known(word[:-1], stem_keys[word]):
                found.add(token.i)
        return found


def _big_place(name: str, options: list[Candidate]) -> bool:
    """A curated place, country, province or city of 200,000+ spelt `name` ("Time", a Norwegian
    district, is none)."""
    return any(
        c.place.curated or c.place.feature in STEM_FEATURES or c.place.population >= MATCH_MIN_POPULATION
        for c in spelt_as(name, options)
    )


def _capitalised_candidate(token: Token) -> bool:
    text = token.text
    return (
        len(text) >= MIN_LETTERS
        and text.isalpha()
        and text[0].isupper()
        and not text.isupper()
        and text[-1] == "s"
        and text[-2] not in "s'’"
        and _before_word(token)
    )


def _capitalised_before(token: Token) -> str | None:
    """The capitalised word right before the token, if any ("York" in "New York Times")."""
    if token.i == 0 or token.is_sent_start:
        return None
    before = token.nbor(-1)
    return before.text if before.text[0].isupper() else None


def _before_word(token: Token) -> bool:
    """Whitespace and then a content word follow: a possessive is followed by what it possesses, not
    by a function word ("the Americas in Alaska", "Turkeys and chickens")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        bool(token.whitespace_)
        and following is not None
        and following.is_alpha
        and following.lower_ not in STOP_WORDS
    )


def lost_possessives(doc: Doc) -> list[int]:
    """Where the "s" of each possessive this component split off starts."""
    return doc._.marsad_possessives or []
