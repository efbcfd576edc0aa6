"""An event's arguments from the dependency parse: who (actor), to whom (target), and where (place).

Verbal events take their subject as actor (the agent of a passive, the controller of an xcomp, the
first conjunct's subject for "visited ... and met"), their object or a "against/on/with/to" phrase as
target. Nominal events take a possessive or nationality adjective as actor ("Russia's withdrawal",
"the Iranian missile strike"), the subject of their light verb ("the army launched attacks"), and
their "of"-argument as actor or target depending on the type ("the withdrawal of Russia" is who
withdrew, "the liberation of al-Bukamal" is what was taken). Spans become ids through MentionIndex
over the linked actors and places; a span that names no linked item keeps its text as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from marsad.model import Mention
from marsad.nlp.lookup import MentionIndex

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "nsubjpass", "dative"})
TARGET_PREPOSITIONS = frozenset({"against", "on", "upon", "with", "to", "at", "toward", "towards", "into"})
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "near",
        "on",
        "over",
        "across",
        "from",
        "towards",
        "toward",
        "around",
        "outside",
        "inside",
        "into",
        "within",
        "between",
        "along",
        "of",
        "to",
        "north",
        "south",
        "east",
        "west",
    }
)
# Types whose "of"-argument is who acts ("the withdrawal of Russia"); for the rest it is the target.
OF_IS_ACTOR = frozenset({"RETREAT", "PROTEST", "MOBILIZE", "CONSULT", "AGREE", "COOPERATE"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which", "that"})
# Entity types that are never an actor or target ("on 8 May 2020", "killing 6").
NOT_ARGUMENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Modifiers that belong to a noun phrase when its span is cut out of the parse.
NP_PARTS = frozenset({"compound", "amod", "det", "poss", "nmod", "flat", "nummod", "case", "quantmod"})
MAX_PHRASE_DEPTH = 4
# How far (in tokens, no verb between) a left-hand actor mention may be from a subjectless verb.
LEFT_ACTOR_WINDOW = 8


@dataclass(frozen=True, slots=True)
class Argument:
    mention: Mention
    id: str | None


def noun_phrase(token: Token, depth: int = 0) -> tuple[int, int]:
    """Token range [start, end) of the phrase headed by `token`: its modifiers and "of"/"for"
    arguments, without clauses and appositions ("the spokesman for the Iraqi Operations Command")."""
    start, end = token.i, token.i + 1
    if depth > MAX_PHRASE_DEPTH:
        return start, end
    for child in token.children:
        if child.dep_ in NP_PARTS:
            child_start, child_end = noun_phrase(child, depth + 1)
            start, end = min(start, child_start), max(end, child_end)
        elif child.dep_ == "prep" and child.lower_ in {"of", "for"} and child.i > token.i:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    end = max(end, noun_phrase(pobj, depth + 1)[1])
    return start, end


def _mention(doc_span: Span) -> Mention:
    return Mention(start=doc_span.start_char, end=doc_span.end_char, text=doc_span.text)


def argument(token: Token, index: MentionIndex) -> Argument:
    """The argument headed by `token`: its phrase and the id of the item it names, if any."""
    doc = token.doc
    start, end = noun_phrase(token)
    phrase = doc[start:end]
    found = index.within(phrase.start_char, phrase.end_char)
    item = found[0][2] if found else index.at(token.idx, token.idx + len(token))
    if item is None:
        subtree = doc[token.left_edge.i : token.right_edge.i + 1]
        inside = index.within(subtree.start_char, subtree.end_char)
        item = inside[0][2] if inside else None
    return Argument(mention=_mention(phrase), id=item)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, following xcomp controllers, conjunctions and passive agents."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in SUBJECTS:
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if node.dep_ in {"xcomp", "conj", "acomp"} and node.head is not node:
            node = node.head
            continue
        return None
    return None


def object_of(verb: Token, exclude: Token | None = None) -> Token | None:
    for child in verb.children:
        if child.dep_ in OBJECTS and child is not exclude and child.ent_type_ not in NOT_ARGUMENTS:
            return child
    return prep_object(verb, TARGET_PREPOSITIONS, exclude)


def prep_object(token: Token, prepositions: frozenset[str], exclude: Token | None = None) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj is not exclude and pobj.ent_type_ not in NOT_ARGUMENTS:
                return pobj
    return None


def nominal_actor(noun: Token) -> Token | None:
    """'Russia's' in "Russia's withdrawal", 'Iranian' in "the Iranian missile strike"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and (
            child.ent_type_ in {"NORP", "GPE", "ORG"} or child.pos_ == "PROPN"
        ):
            return child
    agent = prep_object(noun, frozenset({"by"}))
    return agent


def left_actor(verb: Token, actors: MentionIndex, sentence_start: int) -> str | None:
    """An actor named just left of a verb whose subject the parser lost, with no verb between."""
    doc = verb.doc
    start = max(sentence_start, verb.i - LEFT_ACTOR_WINDOW)
    for i in range(verb.i - 1, start - 1, -1):
        token = doc[i]
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "aux":
            return None
        if token.dep_ == "punct" and token.text in {";", ":"}:
            return None
        if item := actors.at(token.idx, token.idx + len(token)):
            return item
    return None


def place_of(tokens: list[Token], places: MentionIndex) -> str | None:
    """A place named in a locative phrase of any of `tokens` (the trigger, its verb), else None."""
    for token in tokens:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
                span = child.doc[child.i : child.right_edge.i + 1]
                found = places.within(span.start_char, span.end_char)
                if found:
                    return found[0][2]
            if child.dep_ in {"dobj", "npadvmod"} and (item := _place_in(child, places)):
                return item
    return None


def _place_in(token: Token, places: MentionIndex) -> str | None:
    start, end = noun_phrase(token)
    span = token.doc[start:end]
    found = places.within(span.start_char, span.end_char)
    return found[0][2] if found else None


def nearest_place(anchor: Token, scope: Span, places: MentionIndex) -> str | None:
    """The place mention in `scope` closest to the anchor token, if any."""
    found = places.within(scope.start_char, scope.end_char)
    if not found:
        return None
    return min(found, key=lambda entry: abs(entry[0] - anchor.idx))[2]
