"""Names a place noun governs are places, whether the gazetteer knows them or not.

"the town of Kafr Hamra", "the villages of Busayrah and Shheil", "Maadi district", "Yarmouk camp":
spaCy's small model often labels such a village a person or an organisation, and GeoNames cities500
lacks most villages. Nobody writes "the town of" before a person, so this frame alone makes a name
a place: new_actors.py keeps it out of the actors, place_names.py adds it to the places (resolved,
fuzzily if need be, or left unresolved). Only a place noun that governs the name in the parse
counts; the looser frames ("in X", "the outskirts of X") still need the gazetteer to know the name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from marsad.nlp.actor_words import (
    COMPASS_ADJECTIVE,
    PERSON_PLACE_PREPOSITIONS,
    PLACE_AFTER,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    names_body,
)
from marsad.nlp.extensions import text_of

# "the town of X": X is the object of "of" whose head is one of these. Not "camp": "the camp of
# Samir Geagea" is his political camp; a refugee camp is named before the word ("Yarmouk camp").
FRAME_NOUNS = frozenset(
    {
        "town",
        "towns",
        "village",
        "villages",
        "city",
        "cities",
        "district",
        "districts",
        "neighbourhood",
        "neighbourhoods",
        "neighborhood",
        "neighborhoods",
        "suburb",
        "suburbs",
        "area",
        "farms",
        "outskirts",
        "countryside",
    }
)
# "X north of Aleppo", "X, 20 km south of Y", "X - 43 miles south of Y": a bearing from a place
# after the name places it.
_BEARING_AFTER = re.compile(
    r"(?:,|\s+[-–—])?\s+(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\b",
    re.I,
)
# Verbs whose object is a place, even one spaCy calls a person: "shelled Douma", "besieged Madaya".
PLACE_VERBS = frozenset(
    {"shell", "bomb", "bombard", "pound", "storm", "besiege", "encircle", "overrun", "occupy"}
)
# ... and verbs whose object is most often a place, but may be a person ("captured Raqqa").
TERRITORY_VERBS = PLACE_VERBS | frozenset(
    {"capture", "seize", "recapture", "retake", "liberate", "enter", "surround", "reach", "raid", "evacuate"}
)
# Verbs of moving on or to somewhere: "advanced towards X" goes to a place, even one named like a person.
ADVANCE_VERBS = frozenset(
    {"advance", "push", "move", "march", "head", "press", "retreat", "withdraw", "flee"}
)
# Lower-case words a name may hold: articles and connectors ("Urem al-Kubra", "Ras el Ain").
NAME_CONNECTORS = frozenset(
    {"al", "el", "as", "ash", "ad", "ar", "az", "at", "an", "ez", "es", "ed", "of", "de", "the"}
)
# "X district": one of these right after the name is its head.
FRAME_AFTER = frozenset(
    {"district", "village", "town", "city", "area", "neighbourhood", "neighborhood", "camp"}
)
# "X and Y neighbourhoods": a plural one after a list frames every name of it.
FRAME_AFTER_PLURAL = frozenset(
    {"districts", "villages", "towns", "cities", "areas", "neighbourhoods", "neighborhoods", "camps"}
)
# How many words a later name of such a list may have.
LIST_NAME_WORDS = 6
# First words of Arabic place names ("Bab Touma", "Kafr Nabl", "Deir Hafer", "Tal Abyad"): a name
# led by one, or cut by the recogniser just after one, is a place, not a person.
ARABIC_PLACE_PREFIXES = frozenset(
    {
        "Bab",
        "Kafr",
        "Kfar",
        "Deir",
        "Dayr",
        "Tal",
        "Tel",
        "Tell",
        "Tall",
        "Maarat",
        "Maaret",
        "Maarrat",
        "Jisr",
        "Ain",
        "Ein",
        "Ras",
        "Beit",
        "Wadi",
        "Marj",
    }
)


def place_framed(ent: Span) -> bool:
    """Whether a place noun governs the capitalised name `ent`: "the town of X", "X district"; the
    first name of a list carries the frame for the others ("the villages of X and Y")."""
    if not any(t.text[:1].isupper() for t in ent) or has_common_word(ent):
        return False
    root = first_of_list(ent.root)
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        noun = head.head
        if noun.i < head.i and noun.lower_ in FRAME_NOUNS:
            return True
    return (
        (
            (root.dep_ in ("compound", "nmod") or (root.dep_ == "amod" and root.pos_ == "PROPN"))
            and head.i == ent.end
            and head.lower_ in FRAME_AFTER | FRAME_AFTER_PLURAL
        )
        or _bearing_after(ent)
        or _listed_before_plural(ent)
        or _arabic_place_name(ent)
    )


def _arabic_place_name(ent: Span) -> bool:
    """ "Kafr Nabl", "Bab Touma" labelled a person or an organisation: the first word makes a place,
    unless a word of a body's name follows ("Ain Shams University")."""
    return (
        ent.label_ in ("PERSON", "ORG")
        and len(ent) > 1
        and ent[0].text in ARABIC_PLACE_PREFIXES
        and not names_body(ent)
    )


def _listed_before_plural(ent: Span) -> bool:
    """The name opens a list a plural place noun closes: "al-Sulimaniah and al-Furqan neighborhoods"."""
    doc = ent.doc
    if not text_of(doc).startswith((" and ", ", "), ent.end_char):
        return False
    i = ent.end
    for words, token in enumerate(doc[i + 1 : i + 2 + LIST_NAME_WORDS]):
        if token.lower_ in FRAME_AFTER_PLURAL:
            return words > 0
        if not (token.is_title or token.lower_ in NAME_CONNECTORS or token.text in ("-", "and", ",")):
            return False
    return False


def after_arabic_prefix(ent: Span) -> bool:
    """The recogniser cut a place name after its first word: "Touma" of "at Bab Touma"."""
    i = ent.start - 1
    return i >= 0 and ent.doc[i].text in ARABIC_PLACE_PREFIXES and not ent.doc[i].ent_type_


def _bearing_after(ent: Span) -> bool:
    """A bearing from somewhere follows the name: "Al Maleh north of Aleppo", "X, 20 km south of Y"."""
    return _BEARING_AFTER.match(text_of(ent.doc), ent.end_char) is not None


def first_of_list(token: Token) -> Token:
    """The first conjunct of the list `token` ends ("X and Y": X for Y), which carries the list's frame."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def qualifies_noun(ent: Span) -> bool:
    """The name modifies a common noun: "the Idlib strikes", "the Aleppo offensive"."""
    return ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN"


def has_common_word(ent: Span) -> bool:
    """Whether the entity holds an ordinary lower-case word: "Haris and Varzaqan" is two names."""
    return any(t.is_lower and t.is_alpha and t.lower_ not in NAME_CONNECTORS for t in ent)


def preposition_framed(ent: Span) -> bool:
    """Whether the name stands where places stand: after a preposition places follow ("in the
    Badia", "near Aleppo"; a person's name only after "in" or "near"), after a bearing or "rural"
    ("northern rural Homs"), or, for a name not labelled a person, as what is shelled, captured or
    entered ("shelled Douma", "captured Raqqa"). Weaker than a place noun: the gazetteer must know
    the name."""
    person = ent.label_ == "PERSON"
    prepositions = PERSON_PLACE_PREPOSITIONS if person else PLACE_PREPOSITIONS
    root = ent.root
    first = first_of_list(root)  # the first object carries the verb's frame
    before = word_before(ent.doc, ent.start)
    if before is not None and before.dep_ == "amod" and before.head == root and _areal(before.lower_):
        return True
    if first.dep_ == "dobj" and first.head.lemma_.lower() in (PLACE_VERBS if person else TERRITORY_VERBS):
        return True
    if (
        first.dep_ == "pobj"
        and first.head.lower_ in ("toward", "towards", "into")
        and first.head.head.lemma_.lower() in ADVANCE_VERBS
    ):
        return True  # "advanced towards Harasta": no one advances towards a person
    # the first of a list carries the preposition: "near Bakhmut and Avdiivka"
    return (first.dep_ == "pobj" and first.head.lower_ in prepositions) or (
        before is not None and before.lower_ in prepositions
    )


def _areal(word: str) -> bool:
    """A word that places a name in part of an area: "rural", "northern", "south-eastern"."""
    return word == "rural" or COMPASS_ADJECTIVE.match(word) is not None


def noun_framed(ent: Span) -> bool:
    """Whether a place noun stands by the name without a frame of its own: "the countryside of
    Aleppo", "the bases of Hemeimeem and Tartous", "Raqqa countryside", "the al-Bukamal crossing",
    "Andar district, Ghazni". Weaker than `place_framed`: the gazetteer must know the name."""
    root = first_of_list(ent.root)
    head = root.head
    if (
        (root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS)
        or (root.dep_ in ("compound", "nmod") and head.lower_ in PLACE_AFTER)
        or (root.dep_ == "appos" and head.lower_ in PLACE_NOUNS | PLACE_AFTER)
    ):
        return True  # ... and "Andar district, Ghazni": a place put beside a place
    doc = ent.doc
    before, after = word_before(doc, ent.start), word_after(doc, ent.end)
    if before is not None and before.lower_ == "of":
        of = word_before(doc, before.i)
        if of is not None and of.lower_ in PLACE_NOUNS:
            return True
    return after is not None and after.lower_ in PLACE_AFTER


def word_after(doc: Doc, i: int) -> Token | None:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def word_before(doc: Doc, i: int) -> Token | None:
    """The word before token i, past spaces and an article."""
    i -= 1
    while i >= 0 and (doc[i].is_space or doc[i].lower_ in ("the", "a", "an")):
        i -= 1
    return doc[i] if i >= 0 else None
