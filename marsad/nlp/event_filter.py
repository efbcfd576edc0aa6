"""Which triggers are events an analyst would list, and which only name a topic or repeat one.

A word from the lexicon is not yet an event. An essay's "alliances", "cooperation", "a pretext for
intervention" name topics: no one takes part, nowhere, at no time. An event noun that is the object
of a verb of the same type ("fight a long battle", "signed a contract of gas export agreement") is
that verb's event, told twice. A definite or possessed event noun with nothing new ("the Russian
intervention" again, "your visit") repeats an earlier one. "It threatens the coast" names a danger,
not a threat someone made. These rules read only the parse and the lexicon.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from marsad.nlp import event_args as args
from marsad.nlp import times
from marsad.nlp.actor_words import PLACE_NOUNS
from marsad.nlp.event_lexicon import Code
from marsad.nlp.event_status import is_verbal
from marsad.nlp.lookup import MentionIndex

# Determiners and possessives that point back to something already told.
REFERRING = frozenset({"the", "this", "that", "these", "those"})
# Prepositions whose object takes part in a nominal event ("clashes between X and Y").
PARTICIPANT_PREPOSITIONS = args.TARGET_PREPOSITIONS | {"of", "by", "between", "from"}
# Entity types of a named locative phrase.
NAMED_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
# The noun's links up to the verb whose object it is: inside one noun phrase, then an object.
NP_LINKS = frozenset({"compound", "pobj", "prep", "conj", "appos"})  # "a contract OF gas export agreement"
OBJECT_LINKS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})
# Verbs whose object is the agreement they conclude (CAMEO's "sign formal agreement" is SUPPORT):
# "signed a ceasefire agreement" is one event, though the verb and the noun differ in type.
SIGNING = frozenset({"sign", "ratify"})
# What a threat says it will do: "threatened TO strike", "warned THAT ...", "threatened WITH sanctions".
THREAT_CONTENT = frozenset({"xcomp", "ccomp"})
THREAT_PREPOSITIONS = frozenset({"with", "of", "against"})
# What a threat threatens to do, named by a noun that is no event trigger: "threatened further action".
THREATENED_ACTS = frozenset(
    {
        "action",
        "measure",
        "step",
        "retaliation",
        "response",
        "consequence",
        "reprisal",
        "force",
        "war",
        "revenge",
    }
)

# What a word is said of: "the progress OF the talks", "a breakthrough IN the negotiations".
ABOUT_PREPOSITIONS = frozenset({"of", "in", "on"})
# Singular nouns of armed bodies, which advance and attack as people do.
ARMED_BODIES = frozenset(
    {"army", "military", "militia", "brigade", "battalion", "regiment", "unit", "force", "convoy", "column"}
)
# Singular nouns for people acting together: they can demonstrate, rally or march.
COLLECTIVES = frozenset(
    {"crowd", "group", "mob", "opposition", "public", "population", "community", "union", "movement",
     "party", "youth", "diaspora", "congregation", "delegation", "coalition", "alliance", "bloc", "staff",
     "personnel", "workforce", "number", "majority", "dozen", "hundred", "thousand", "rest"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Told:
    """What a repeat is compared on: the lexicon's code, the trigger's lemma, linked ids."""

    code: Code
    lemma: str
    factual: bool  # told as taking place: "the riot" does not repeat "tried to start a riot"
    actor: str | None
    target: str | None
    place: str | None


def has_participant(
    head: Token,
    *,
    light_verb: Token | None,
    carrier_subject: Token | None,
    placed: bool,
    dated: bool,
    participants: frozenset[str],
) -> bool:
    """A nominal event someone takes part in, somewhere or at some time: else a topic mention.

    Participants come from the noun's own words: a possessor ("its announcement"), a nationality or
    name ("the Russian intervention", "the Sochi conference"), an of/by/against/between phrase; or
    from the verb that carries it ("launched attacks", "threw a grenade": not a verb that is an event
    of its own), or the verb it is the subject of when that verb names a victim or a place ("an
    explosion killed two soldiers"). Nouns for the people who do an event (`participants`:
    "protesters") always are one.
    """
    if light_verb is not None or carrier_subject is not None or placed or dated:
        return True
    if head.lemma_.lower() in participants:
        return True  # "the protesters": people there, not a topic
    # "the (jet-drop) incident near the Syrian border": the noun it names counts as itself
    for noun in (head, head.head) if head.dep_ in {"compound", "nmod"} else (head,):
        if any(c.dep_ == "poss" for c in noun.children) or args.nominal_actor(noun) is not None:
            return True
        if args.prep_object(noun, PARTICIPANT_PREPOSITIONS) is not None or _named_locative(noun):
            return True
    verb = head.head
    # A noun parsed as an auxiliary is a subject the tagger misread ("Shelling hit a bakery").
    if head.dep_ in {"nsubj", "nsubjpass", "aux"} and is_verbal(verb) and verb != head:
        return any(c.dep_ in {"dobj", "prep", "agent", "npadvmod"} for c in verb.children)
    return False


def _named_locative(noun: Token) -> bool:
    """A locative phrase that names somewhere ("near the Syrian border"), not "in several files"."""
    for child in noun.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in args.PLACE_PREPOSITIONS
            and child.lower_ != "of"
            and any(t.pos_ == "PROPN" or t.ent_type_ in NAMED_PLACES for t in child.subtree)
        ):
            return True
    return False


def about_event(head: Token, codes: Mapping[int, Code]) -> bool:
    """ "The progress of the Geneva conferences", "a breakthrough in the negotiations": a word that
    is an event only some of the time, said of another event, is not one."""
    of_object = args.prep_object(head, ABOUT_PREPOSITIONS)
    return of_object is not None and of_object.i in codes


def told_by_verb(head: Token, codes: Mapping[int, Code]) -> bool:
    """The event noun is the object of a verb event of the same type ("fight a long battle"), or a
    participle of the same type describes it ("the agreement signed by the Iranians")."""
    if any(c.dep_ == "acl" and _tells(c, codes, codes[head.i]) for c in head.children):
        return True
    node = head
    for _ in range(6):
        parent = node.head
        if parent == node:
            return False
        if is_verbal(parent):  # the noun phrase is the verb's object, not a phrase beside it
            return node.dep_ in OBJECT_LINKS and _tells(parent, codes, codes[head.i])
        if node.dep_ not in NP_LINKS or (node.dep_ == "prep" and node.lower_ != "of"):
            return False
        node = parent
    return False


def _tells(verb: Token, codes: Mapping[int, Code], noun: Code) -> bool:
    """The verb event is the noun's event: the same type, or signing the agreement it names."""
    code = codes.get(verb.i)
    if code is None:
        return False
    return code.type == noun.type or (noun.type == "AGREE" and verb.lemma_.lower() in SIGNING)


def is_danger(head: Token, actors: MentionIndex, codes: Mapping[int, Code]) -> bool:
    """ "It threatens the Syrian coast", "their interests are threatened": a verb of threatening whose
    object is no actor ("the coast", not "the US") nor an act ("further action", "sanctions") and that
    says nothing it will do is a danger, not a threat someone made."""
    if not is_verbal(head):
        return False
    if any(c.dep_ in THREAT_CONTENT for c in head.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in THREAT_PREPOSITIONS for c in head.children):
        return False
    objects = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
    return bool(objects) and not any(
        actors.at(o.idx, o.idx + len(o)) or o.i in codes or o.lemma_.lower() in THREATENED_ACTS
        for o in objects
    )


def refers_back(head: Token) -> bool:
    """ "The visit", "this operation", "your visit", "operations": a noun that names something told
    before, unlike "a visit"."""
    for child in head.children:
        if child.dep_ == "det":
            return child.lower_ in REFERRING
        if child.dep_ == "poss":
            return child.pos_ == "PRON"
    return head.tag_ in {"NNS", "NNPS"}


def repeats(
    mention: Told,
    earlier: list[Told],
) -> bool:
    """An earlier event of the same code and word ("visited" ... "the visit") that this one adds
    nothing to: every actor, target and place it names, the earlier one named too."""
    return any(
        other.code == mention.code
        and other.lemma == mention.lemma
        and other.factual == mention.factual
        and all(
            mine is None or mine == theirs
            for mine, theirs in (
                (mention.actor, other.actor),
                (mention.target, other.target),
                (mention.place, other.place),
            )
        )
        for other in earlier
    )


def particular_time(ent: Span) -> bool:
    """A date or time entity naming a particular one ("on 4 May", "Saturday"), even one no date can be
    read from (no publication date); "these days" or "in recent times" are no particular time."""
    return ent.label_ in times.ENTITY_LABELS and any(t.like_num or t.pos_ == "PROPN" for t in ent)


def clause_verb(token: Token) -> Token | None:
    """The nearest verb above `token` (itself if it is one): the clause it belongs to."""
    node = token
    for _ in range(12):
        if is_verbal(node):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def subject_holding(token: Token, verb: Token | None) -> Token | None:
    """The subject noun whose phrase holds `token` below `verb`: "since 1963" in "the regime, in
    power since 1963, crushed the protests" says when the regime came, not when it crushed them."""
    node = token
    while verb is not None and node.i != verb.i and node.head.i != node.i:
        if node.i != token.i and node.dep_ in {"nsubj", "nsubjpass"}:
            return node
        node = node.head
    return None


def governs(verb: Token | None, token: Token) -> bool:
    """`token` lies in the clause of `verb` (a time expression of that clause dates it)."""
    return verb is None or verb.left_edge.i <= token.i <= verb.right_edge.i


def intransitive_act(verb: Token) -> bool:
    """Whether a verb that is an event only when intransitive ("demonstrate", "rally", "march") is one
    here: it has no object or clause ("demonstrated its strength") and whoever does it can be people:
    "thousands demonstrated", "a number of residents rallied", not "the contradiction clearly
    demonstrated" or "the dollar rallied"."""
    if any(c.dep_ in {"dobj", "ccomp"} for c in verb.rights):
        return False
    return all(_may_be_people(s) for s in verb.children if s.dep_ == "nsubj")


def advance_by_force(verb: Token, actors: MentionIndex) -> bool:
    """Whether "advance", "approach", "progress" is a force moving on ground: done by people or a
    named party ("the army advanced towards Raqqa"), not by a date ("as the deadline approached"),
    and taking no object but a place ("approached the town"; not "advance the peace process")."""
    for child in verb.children:
        if child.dep_ == "nsubj" and not (
            actors.at(child.idx, child.idx + len(child))
            or child.lemma_.lower() in ARMED_BODIES
            or _may_be_people(child)
        ):
            return False
        if child.dep_ == "dobj" and not (child.pos_ == "PROPN" or child.lower_ in PLACE_NOUNS):
            return False
    return True


def _may_be_people(subject: Token) -> bool:
    """Anything but a singular common noun, unless it names a group ("the crowd") or one of people
    ("a group of farmers")."""
    if subject.tag_ != "NN" or subject.ent_type_ or subject.lemma_.lower() in COLLECTIVES:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.tag_ in {"NNS", "NNPS"} for o in c.children)
        for c in subject.children
    )
