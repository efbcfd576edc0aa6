"""Which PERSON, ORG and NORP entities unknown to the knowledge base are kept as new actors.

spaCy's small model labels places as organisations, groups or people ("al-Bukamal", "Raqqa",
"Tartous"), runs an organisation over a headline's capitalised words ("the Victory Announcement")
and labels adjectives NORP ("north-eastern", "Zionist", "European"). None of these is an actor:

- a name a place noun governs ("the town of Kafr Hamra", "Maadi district"; framed_names.py),
  known to the gazetteer or not (nobody writes "the town of" before a person), unless it acts or
  is an acronym, a common word or a surname (below);
- a name the gazetteer knows, when the document reads it as a place: its context ("the town of
  Qouriya", "in the Badia", "the al-Bukamal crossing", "the bases of Hemeimeem and Tartous"), a
  curated place entry, spaCy labelling the same name a place more often than an actor, or, for a
  NORP entity, a country, region or big city ("Sochi", "Europe"). A name that acts anywhere in the
  document ("Raqqa said", "Raqqa's council") stays an actor, and so do acronyms, common words and
  surnames ("Clinton" after "Hillary Clinton"): many people share a town's name, so a person needs
  a place noun or "in"/"near" before the name;
- an organisation in a headline-like line whose words are all common words the text also writes in
  lower case, with no organisation word (ministry, army, party...);
- a compass adjective ("north-eastern", "Western"), and a NORP adjective not said of people or a
  body: "extremist Zionist voices", "European identity" (but "Kurdish fighters", "Arab leaders");
- a person or organisation written all in lower case ("warplanes"), or ending in an honorific
  ("Following Mr", before "Foley's death").

The gazetteer is asked once per document, only about these entities' names; places.py, which runs
next, looks the same names up and finds them in the gazetteer's memo.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from marsad.model import Mention
from marsad.nlp.actor_words import (
    AGENT_NOUNS,
    COMPASS_ADJECTIVE,
    HONORIFICS,
    ORGANISATION_WORDS,
    PLACE_AFTER,
    PLACE_NOUNS,
    ROAD_WORDS,
    TITLE_WORDS,
    TYPE_GUESSES,
    bare_name,
)
from marsad.nlp.extensions import text_of
from marsad.nlp.framed_names import (
    FRAME_AFTER,
    after_arabic_prefix,
    noun_framed,
    place_framed,
    preposition_framed,
    qualifies_noun,
)
from marsad.nlp.place_frames import toponym_at
from marsad.nlp.place_names import (
    PLACE_FIRST_WORDS,
    PLACE_LABELS,
    WEAPON_AFTER,
    document_focus,
    is_dateline,
    local_candidates,
    lower_words,
    names_big_place,
    spelt_as,
)
from marsad.resolve.gazetteer import Candidate, Gazetteer

# "Secretary of State", "Minister of Defence": the word after these and "of" ends an office's title.
OFFICE_HEADS = frozenset({"secretary", "minister", "ministry", "department"})
# ... and the word before these begins one: "Home Secretary", "Interior Minister".
OFFICE_TITLES = frozenset({"secretary", "minister"})
# Clock-time zones wire copy gives beside a local time ("(0830 GMT)"): no organisation.
TIME_ZONES = frozenset({"GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST", "BST", "MSK"})
# A name that is the subject of these verbs is described, not acting: "al-Bukamal lies on the Euphrates".
STATIVE_VERBS = frozenset(
    {"be", "lie", "sit", "remain", "stay", "border", "overlook", "become", "fall", "have"}
)
# How strongly an occurrence's context makes its name a place; FRAMED (a place noun governs it,
# framed_names.py) makes it one even when the gazetteer does not know it.
NOT_FRAMED, PREPOSITION, PLACE_NOUN, FRAMED = 0, 1, 2, 3
# A city this big in the document's countries is a place wherever the recogniser puts it.
BIG_LOCAL_POPULATION = 100_000
TRAILING_COUNT = re.compile(r"(?<=\w)\s+\d+$")
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
# A headline is a short line: longer lines are text, even when capitalised.
MAX_HEADLINE_TOKENS = 20


@dataclass(slots=True)
class _Name:
    """One unknown name's occurrences in a document and what they say about it."""

    key: str
    text: str
    labels: set[str] = field(default_factory=set)
    framing: int = NOT_FRAMED  # the strongest place frame of its occurrences
    actor: bool = False  # some occurrence acts: "Raqqa said"
    modifier: bool = False  # some occurrence qualifies a common noun: "the Idlib strikes"
    dateline: bool = False  # some occurrence is a dateline's town: "FARAH, Afghanistan –"
    weapon: bool = False  # some occurrence names an arm: "the Tornado jets"


class NewActorScreen:
    """The vetting of one Doc's unknown entities (`text` is doc.text, read once by the caller)."""

    def __init__(self, doc: Doc, text: str, gazetteer: Callable[[], Gazetteer]) -> None:
        self.doc, self.text, self._gazetteer = doc, text, gazetteer
        self._keys: dict[int, str] = {}  # entity start → name key
        self._bare: dict[int, Mention] = {}  # entity start → name
        self._framings: dict[int, int] = {}  # entity start → how a place frames it (`_framing`)

    def actors(self, entities: list[Span], known: Container[int]) -> list[Span]:
        """The entities that are new actors, in their order (`known`: tokens of knowledge-base names)."""
        kept = [
            e
            for e in entities
            if not _is_adjective(e)
            and e.text.strip() not in TIME_ZONES
            and not _lower_case_name(e)
            and not _ends_in_honorific(e)
            and not _ends_in_place_word(e)
            and not after_arabic_prefix(e)
            and not _modifier_name(e)
            and not self._common_word_name(e)
            and not self._headline_fragment(e, known)
        ]
        names: dict[str, _Name] = {}
        for ent in kept:
            key = self._key(ent)
            name = names.setdefault(key, _Name(key, self._bare[ent.start_char].text))
            name.labels.add(ent.label_)
            name.framing = max(name.framing, self._framing(ent))
            name.actor = name.actor or _acts(ent)
            name.modifier = name.modifier or qualifies_noun(ent)
            name.dateline = name.dateline or is_dateline(self.text, ent.start_char, ent.end_char)
            name.weapon = name.weapon or _names_weapon(ent)
        names.pop("", None)
        if not names:
            return kept
        options = self._gazetteer().lookup(names.keys())
        places = {key for key, name in names.items() if self._is_place(name, options.get(key, []))}
        return [e for e in kept if self._key(e) not in places and not names[self._key(e)].weapon]

    def _is_place(self, name: _Name, options: list[Candidate]) -> bool:
        """Whether the document reads this name, known to the gazetteer (`options`) or framed, as a place."""
        if name.dateline and spelt_as(name.text, options):
            return True  # "FARAH, Afghanistan – An Afghan mother ...": capitals, yet a town
        if self._not_a_toponym(name):
            return False
        if self._big_local(name, options):
            return True  # "Homs has seen the worst violence", "shelling on Douma": towns do not act
        if options and name.text.split()[0] in PLACE_FIRST_WORDS:
            return True  # "Fort Carson security officials", "Mount Hermon": the name says what it is
        if name.actor:
            return False
        if name.framing == FRAMED:
            return True
        if not options:
            return False
        if name.framing == PLACE_NOUN or any(c.place.curated for c in options):
            return True
        as_place, as_actor = self._votes.get(name.key, (0, 0))
        if as_place > as_actor or (as_place == as_actor > 0 and "NORP" not in name.labels):
            return True  # a tie too, unless a nationality: one name, one place ("a base in Raqa ... of Raqa")
        # Weaker evidence needs the name as the gazetteer spells it ("in the House" is no "Housse"),
        # or a town of the countries the document is about ("in Jassem", Jasim in Syria).
        if name.framing == PREPOSITION and (
            spelt_as(name.text, options) or local_candidates(options, self._focus)
        ):
            return True
        # "the Idlib strikes": a big place's name qualifying a noun says where
        return (name.labels == {"NORP"} or name.modifier) and names_big_place(name.text, options)

    def _big_local(self, name: _Name, options: list[Candidate]) -> bool:
        """The gazetteer spells the name as a city of 100,000+ or a province in the document's
        countries (capitals are the knowledge base's: "Damascus said")."""
        big = [
            c
            for c in spelt_as(name.text, options)
            if c.place.population >= BIG_LOCAL_POPULATION or c.place.feature == "admin1"
        ]
        return bool(big) and any(c.place.country in self._focus for c in big)

    def _common_word_name(self, ent: Span) -> bool:
        """ "Barrel bombs kill 11", "Secretary of State John Kerry", "Media reports said": one
        capitalised word that the text also writes in lower case, or that the tagger reads as a
        common noun, is that word, not a person or an organisation."""
        if ent.label_ not in ("PERSON", "ORG", "NORP") or len(ent) != 1 or ent.text.isupper():
            return False
        word = ent[0]
        if word.tag_ in COMMON_NOUN_TAGS:
            return True  # "Civilians fled", not "Kurds" or "Shiite"
        if ent.label_ != "NORP" and word.tag_ == "JJ" and word.is_sent_start:
            return True  # "Fierce clashes near Baghdad": an adjective opening a line
        if word.i >= 2 and word.nbor(-1).lower_ == "of" and word.nbor(-2).lower_ in OFFICE_HEADS:
            return True  # "Secretary of State John Kerry": the office's last word
        if word.i + 1 < len(word.doc) and word.nbor(1).lower_ in OFFICE_TITLES:
            return True  # "The Home Secretary", "Interior Minister": the office's first word
        return ent.label_ != "NORP" and ent.text.lower() in lower_words(self.text)

    @cached_property
    def _focus(self) -> dict[str, float]:
        """The countries the document's places lie in, as places.py finds them (place_names.py)."""
        return document_focus(self.doc, self._gazetteer())

    def _not_a_toponym(self, name: _Name) -> bool:
        """An acronym ("NAFTA", "GOP"), a common word or a surname ("Clinton" after "Hillary
        Clinton") is not read as a place name, whatever town bears it."""
        text = name.text
        if text.isupper() or (" " not in text and text.casefold() in lower_words(self.text)):
            return True
        return "PERSON" in name.labels and text in self._surnames

    def _key(self, ent: Span) -> str:
        """The gazetteer's key for the entity's name, as places.py computes it."""
        if (key := self._keys.get(ent.start_char)) is None:
            name = self._bare[ent.start_char] = bare_name(ent)
            # "the province of Daraa 16 civilians were killed": a count the recogniser ran on
            end = name.start + len(TRAILING_COUNT.sub("", name.text))
            key = self._keys[ent.start_char] = toponym_at(self.text, name.start, end).key if name.text else ""
        return key

    def _framing(self, ent: Span) -> int:
        if (framing := self._framings.get(ent.start_char)) is None:
            framing = self._framings[ent.start_char] = _framing(ent)
        return framing

    @cached_property
    def _surnames(self) -> frozenset[str]:
        """Last words of the people named in full: "Clinton" after "Hillary Clinton" is a person (not a
        name a place noun frames: "the neighborhoods of Sulaiman al-Halabi")."""
        names = (
            bare_name(e).text.split()
            for e in self.doc.ents
            if e.label_ == "PERSON" and self._framing(e) != FRAMED
        )
        return frozenset(words[-1] for words in names if len(words) > 1)

    @cached_property
    def _votes(self) -> dict[str, tuple[int, int]]:
        """Name key → how often spaCy labels it a place, and an actor, in this document."""
        votes: dict[str, tuple[int, int]] = {}
        for ent in self.doc.ents:
            place = ent.label_ in PLACE_LABELS
            if place or ent.label_ in ("PERSON", "ORG", "NORP"):
                as_place, as_actor = votes.get(key := self._key(ent), (0, 0))
                votes[key] = (as_place + place, as_actor + (not place))
        return votes

    def _headline_fragment(self, ent: Span, known: Container[int]) -> bool:
        """ "Putin and the Victory Announcement", "Russia Signals a ...": capitalised common words,
        and names the knowledge base knows, in a headline."""
        if ent.label_ != "ORG" or not _in_headline(ent):
            return False
        name = ent.text
        if ORGANISATION_WORDS.search(name) or any(pattern.search(name) for pattern, _ in TYPE_GUESSES):
            return False
        words = self._headline_words
        return all(
            t.is_stop or t.i in known or t.lower_ in words or t.lower_.removesuffix("s") in words
            for t in ent
            if t.is_alpha
        )

    @cached_property
    def _headline_words(self) -> frozenset[str]:
        """Words a headline may take from the text: its lower-case words, their lemmas ("signalled":
        "signal") and the words of its place names ("the Final Push Toward Afrin")."""
        lemmas = {t.lemma_ for t in self.doc if t.is_lower}
        places = {t.lower_ for e in self.doc.ents if e.label_ in PLACE_LABELS for t in e}
        return lower_words(self.text) | lemmas | places


def _names_weapon(ent: Span) -> bool:
    """An organisation's name before an arm is a product's: "the Tornado jets", "Paveway IV bombs"."""
    return ent.label_ == "ORG" and WEAPON_AFTER.match(text_of(ent.doc), ent.end_char) is not None


def _is_adjective(ent: Span) -> bool:
    """A compass adjective, or a NORP adjective not said of people ("extremist Zionist voices")."""
    if COMPASS_ADJECTIVE.match(ent.text.strip()):
        return True
    root = ent.root
    if ent.label_ != "NORP" or not (root.pos_ == "ADJ" or root.dep_ == "amod"):
        return False
    if any(t.tag_ in ("NNS", "NNPS") for t in ent):  # "Kurds", "Democrats": a group
        return False
    head = root.head
    return head.pos_ != "PROPN" and not {head.lemma_.lower(), head.lower_.removesuffix("s")} & AGENT_NOUNS


def _lower_case_name(ent: Span) -> bool:
    """ "at 630 a.m. warplanes targeted": a person or organisation the text never capitalises is a
    common noun the recogniser misread."""
    return ent.label_ in ("PERSON", "ORG") and not any(ch.isupper() for ch in ent.text)


def _modifier_name(ent: Span) -> bool:
    """ "the Alawite sect", "Grad missiles", "an Observatory toll": one word the recogniser took for
    a person, modifying a common noun that is no agent, body or rank, names no one."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    root = ent.root
    head = root.head
    if root.dep_ not in ("compound", "amod") or head.pos_ != "NOUN" or head.i <= root.i:
        return False
    noun = head.lemma_.lower()
    return (
        noun not in AGENT_NOUNS and not ORGANISATION_WORDS.search(noun) and not TITLE_WORDS.match(f"{noun} ")
    )


def _ends_in_place_word(ent: Span) -> bool:
    """ "the Castello Road", "Idlib Province", "Iskandaron Street", "Bama Local Government Areas
    (of)": a name ending in a word of place names a place, whatever the recogniser labelled it or
    ran it on to."""
    doc, last = ent.doc, ent.end - 1
    while last > ent.start and doc[last].lower_ in ("of", "the"):
        last -= 1
    word = doc[last].lower_
    return last > ent.start and (
        word in PLACE_AFTER or word in FRAME_AFTER or word in ROAD_WORDS or word == "areas"
    )


def _ends_in_honorific(ent: Span) -> bool:
    """ "Following Mr" (from "Following Mr Foley's death"): the recogniser stopped before the name."""
    return ent[-1].text.rstrip(".") in HONORIFICS


def _framing(ent: Span) -> int:
    """How the name stands where a place does: governed by a place noun ("the town of Salhiya",
    "Jurin camp"), beside one ("the bases of Hemeimeem and Tartous"), after a preposition ("in the
    Badia"), or not."""
    if place_framed(ent):
        return FRAMED
    if noun_framed(ent):
        return PLACE_NOUN
    return PREPOSITION if preposition_framed(ent) else NOT_FRAMED


def _acts(ent: Span) -> bool:
    """ "Raqqa said", "Raqqa's council", "attacked by Raqqa": the name is an agent here."""
    root = ent.root
    if root.dep_ == "nsubj":
        return root.head.lemma_ not in STATIVE_VERBS
    if root.dep_ == "poss":
        return root.head.lower_ not in PLACE_NOUNS and root.head.lower_ not in PLACE_AFTER
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _in_headline(ent: Span) -> bool:
    """The entity's (first) line is short and every word of it but the function words is capitalised."""
    doc = ent.doc
    start = end = ent.start
    while start > 0 and not _line_break(doc[start - 1]) and end - start <= MAX_HEADLINE_TOKENS:
        start -= 1
    while end < len(doc) and not _line_break(doc[end]) and end - start <= MAX_HEADLINE_TOKENS:
        end += 1
    if end - start > MAX_HEADLINE_TOKENS:
        return False
    content = [t for t in doc[start:end] if t.is_alpha and not t.is_stop]
    return len(content) >= 2 and all(t.text[0].isupper() for t in content)


def _line_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text
