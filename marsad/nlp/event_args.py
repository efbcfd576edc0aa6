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

from collections.abc import Container, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from marsad.model import Mention
from marsad.nlp.actor_words import KIN_NOUNS, is_seat, leads, names_seat, stance_before
from marsad.nlp.event_status import is_verbal
from marsad.nlp.extensions import text_of
from marsad.nlp.lookup import MentionIndex

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "nsubjpass", "dative"})
# Prepositions that say where a thing is: what they govern is no party to it.
WHERE_PREPOSITIONS = frozenset(
    {"in", "near", "inside", "outside", "around", "within", "across", "throughout"}
)
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
# Prepositions of where a movement starts and where it goes.
SOURCE_PREPOSITIONS = frozenset({"from", "out"})
GOAL_PREPOSITIONS = frozenset({"to", "into", "towards", "toward"})
# Verbs that ask their object to act: the object is who would do the act asked for.
ASKING_VERBS = frozenset(
    {
        "urge",
        "ask",
        "call",
        "request",
        "appeal",
        "invite",
        "encourage",
        "press",
        "implore",
        "beg",
        "advise",
        "persuade",
        "tell",
        "exhort",
    }
)
# Acts done to someone: used without an object, their subject is the one it was done to.
SUFFERED_TYPES = frozenset({"ASSAULT", "COERCE"})
# "claimed responsibility for the bombing": who owns the act did it.
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "assume", "admit", "bear"})
# Children that make a verb without an object active or a full passive.
NOT_REDUCED = frozenset({"aux", "auxpass", "agent", "dobj", "xcomp", "dative"})
# Types whose "of"-argument is who acts ("the withdrawal of Russia"); for the rest it is the target.
OF_IS_ACTOR = frozenset({"RETREAT", "PROTEST", "MOBILIZE", "CONSULT", "AGREE", "COOPERATE"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which", "that"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PROJECTILES = frozenset(
    {
        "shot",
        "round",
        "bullet",
        "rocket",
        "missile",
        "mortar",
        "shell",
        "grenade",
        "projectile",
        "gunfire",
        "weapon",
    }
)
# Nouns of settlements and areas: a name or nationality before them says where, not who.
SETTLEMENT_NOUNS = frozenset(
    {
        "city",
        "capital",
        "town",
        "village",
        "countryside",
        "area",
        "district",
        "outskirts",
        "province",
        "suburb",
        "region",
        "governorate",
        "neighbourhood",
        "neighborhood",
        "hamlet",
    }
)
# Words for a part of a group, standing for the group they are part of: "some in the opposition",
# "many among the rebels" ("of" joins the phrase anyway: "some of the rebels").
PARTITIVES = frozenset({"some", "many", "most", "several", "few", "others", "one", "elements", "factions"})
PARTITIVE_PREPOSITIONS = frozenset({"in", "among", "within"})
# Nouns of multiword prepositions, never an argument: "on BEHALF of", "on the BASIS of".
NOT_ARGUMENT_NOUNS = frozenset({"behalf", "basis"})
# Entity types that are never an actor or target ("on 8 May 2020", "killing 6").
NOT_ARGUMENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Dependents that open a clause of their own: their words are not the phrase's.
CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "appos"})
# Modifiers that belong to a noun phrase when its span is cut out of the parse.
NP_PARTS = frozenset({"compound", "amod", "det", "poss", "nmod", "flat", "nummod", "case", "quantmod"})
MAX_PHRASE_DEPTH = 4
# How far (in tokens, no verb between) a left-hand actor mention may be from a subjectless verb.
LEFT_ACTOR_WINDOW = 8


@dataclass(frozen=True, slots=True)
class Argument:
    mention: Mention
    id: str | None
    head: Mention | None = None  # the phrase's head word: "residents" in "residents of Gaza"


def is_place(argument: Argument, places: MentionIndex) -> bool:
    """The argument is a place, not a party ("visited the Hemeimeem airbase"); its head decides, so
    "attacked the village of X" is done to the village's people."""
    named = argument.head or argument.mention
    return argument.id is None and bool(places.within(named.start, named.end))


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


def mention(span: Span | Token) -> Mention:
    if isinstance(span, Token):
        return Mention(start=span.idx, end=span.idx + len(span), text=span.text)
    return Mention(start=span.start_char, end=span.end_char, text=span.text)


def argument(token: Token, index: MentionIndex) -> Argument:
    """The argument headed by `token`: its phrase and the id of the item it names, if any. A name in
    apposition beats a demonym in the phrase ("his Syrian counterpart, Bashar al-Assad"); words in
    the token's own clauses ("the province, which makes a horror for the Russians") are not it."""
    doc = token.doc
    if token.lower_ in PARTITIVES and (group := prep_object(token, PARTITIVE_PREPOSITIONS)) is not None:
        whole = argument(group, index)
        if whole.id is not None:
            words = doc[token.i : group.right_edge.i + 1]
            return Argument(mention=mention(words), id=whole.id, head=whole.head)
    start, end = noun_phrase(token)
    phrase = doc[start:end]
    item = _named_in_apposition(token, index) if token.pos_ == "NOUN" else None
    if item is None and token.lemma_.lower() in KIN_NOUNS:
        # "Mr Sotloff's mother appealed": a relative of the one named acts, not the one named
        return Argument(mention=mention(phrase), id=None, head=mention(token))
    if item is None and token.lemma_.lower() in SETTLEMENT_NOUNS:
        # "the Syrian town", "the Kurdish villages": a place and its people, not the state or nation
        return Argument(
            mention=mention(phrase), id=index.at(token.idx, token.idx + len(token)), head=mention(token)
        )
    if item is None:
        found = _not_opposed(doc, index.within(phrase.start_char, phrase.end_char))
        item = _owner_of_head(found, token) if found else index.at(token.idx, token.idx + len(token))
    if item is None:
        # Not past a clause of its own, nor into where it is ("negotiations in the Kazakh capital")
        # or whom it opposes ("the coalition against the Islamic State").
        stop = next(
            (c.left_edge.i for c in token.rights if c.dep_ in CLAUSES or _locative(c) or _against(c)),
            token.right_edge.i + 1,
        )
        subtree = doc[token.left_edge.i : max(stop, token.i + 1)]
        inside = _not_opposed(doc, index.within(subtree.start_char, subtree.end_char))
        item = inside[0][2] if inside else None
    return Argument(mention=mention(phrase), id=item, head=mention(token))


def _not_opposed(doc: Doc, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names in a phrase that are not what it is for or against: "anti-ISIS groups" are not ISIS."""
    text = text_of(doc)
    return [entry for entry in found if not stance_before(text, entry[0])]


def _owner_of_head(found: list[tuple[int, int, str]], head: Token) -> str:
    """Of the items named in a phrase, the one naming its head, else the nearest before it: "Yemen's
    Houthi rebels" are the Houthis, "Syria's Kurdish militia" the Kurds; a phrase whose names all
    follow its head ("the spokesman for the Iraqi Operations Command") takes the first."""
    if covering := [entry for entry in found if entry[0] <= head.idx < entry[1]]:
        return covering[0][2]
    before = [entry for entry in found if entry[1] <= head.idx]
    return (before[-1] if before else found[0])[2]


def _against(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ == "against"


def _locative(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ in WHERE_PREPOSITIONS


def _named_in_apposition(token: Token, index: MentionIndex) -> str | None:
    for child in token.rights:
        if child.dep_ == "appos":
            start, end = noun_phrase(child)
            span = token.doc[start:end]
            if found := index.within(span.start_char, span.end_char):
                return found[0][2]
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, following xcomp controllers, conjunctions, "by"-gerunds and passive agents."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in SUBJECTS:
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if node != verb and (passive := next((c for c in node.children if c.dep_ == "nsubjpass"), None)):
            return passive  # "Obama was forced to back off": who was forced is who backs off
        if node == verb and any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "8 militants were killed and 8 were wounded": a passive of its own has no agent
        if node.dep_ == "pcomp" and node.head.lower_ == "by" and node.head.head.pos_ in {"VERB", "AUX"}:
            node = node.head.head  # "avenged her son by killing 25 insurgents": who avenged killed
            continue
        if _participle_adjunct(node):
            node = node.head  # "X told the channel, condemning the bombardment": X condemned
            continue
        if _shares_passive(node):
            return None  # "15 fighters were killed or wounded": the shared subject suffered both
        if node.dep_ in {"xcomp", "conj", "acomp"} and node.head != node:
            if node.dep_ == "xcomp" and (controller := _object_controller(node.head)) is not None:
                return controller  # "urged Russia to withdraw", "called on all parties to halt"
            node = node.head
            continue
        return None
    return None


def _participle_adjunct(verb: Token) -> bool:
    """An "-ing" clause hung on a verb without a subordinator: "..., condemning the bombardment"."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in verb.children)
    )


def _object_controller(verb: Token) -> Token | None:
    """The one asked to do it: "urged RUSSIA to withdraw", "called on ALL PARTIES to halt the
    fighting". Not after an order ("ordered the paper to suspend publication": the act is the
    orderer's, as PLOVER codes it) nor a purpose ("summoned the ambassador to complain")."""
    if verb.lemma_.lower() not in ASKING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and _is_argument(child):
            return child
        if child.dep_ == "prep" and child.lower_ == "on" and verb.lemma_.lower() == "call":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun's clause describes: "the meeting" of "the meeting, which was ..."."""
    clause = pronoun.head
    if pronoun.lower_ not in RELATIVE_PRONOUNS or clause.dep_ != "relcl":
        return None
    return clause.head


def claimant(event: Token) -> Token | None:
    """Who claimed the act: "IS claimed responsibility for the bombing", "the Taliban took credit for
    killing ...", "responsibility for the attack was claimed by ..."."""
    preposition = event.head
    if event.dep_ not in {"pobj", "pcomp"} or preposition.lower_ != "for":
        return None
    noun = preposition.head
    verb = noun.head
    if (
        noun.lemma_.lower() not in RESPONSIBILITY_NOUNS
        or noun.dep_ not in {"dobj", "nsubjpass"}
        or verb.lemma_.lower() not in RESPONSIBILITY_VERBS
    ):
        return None
    return subject_of(verb)


def sayer_of(pronoun: Token, governors: Container[str]) -> Token | None:
    """Who a subject pronoun of what is said or vowed stands for: the one who says it ("Russia said
    IT would respond", "the rebels warned THEY would resume attacks"), when number agrees."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in governors:
        return None
    sayer = subject_of(clause.head)
    if sayer is None or sayer.pos_ == "PRON":
        return None
    plural = sayer.tag_ in {"NNS", "NNPS"}
    agrees = {"they": plural or sayer.pos_ == "PROPN", "it": not plural, "he": not plural, "she": not plural}
    return sayer if agrees.get(pronoun.lower_, False) else None


def sufferer(verb: Token, subject: Token | None, event_type: str) -> Token | None:
    """Who suffered a violent act told as a passive without its auxiliary, as headlines and
    captions write it: the subject ("3 Civilians Killed in Rocket Attack") or the noun the
    participle describes ("two activists arrested in Damascus"), when the verb has no object."""
    if event_type not in SUFFERED_TYPES or verb.tag_ not in {"VBD", "VBN"}:
        return None
    if any(c.dep_ in NOT_REDUCED for c in verb.children):
        return None
    if subject is not None and subject.dep_ == "nsubj" and subject.head == verb:
        return subject
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    return None


def object_of(verb: Token, skip: Span | None = None) -> Token | None:
    """The verb's object, not a word of `skip` (the trigger's own: "opened FIRE on the car") nor what
    is fired ("fired shots AT a car"); a "dative" that is a preposition gives its object ("provided
    to Syria"); the first of two verbs sharing an object takes it ("shot and killed a man")."""
    for child in verb.children:
        if child.dep_ in OBJECTS and _is_argument(child) and not _inside(child, skip) and not _fired(child):
            if child.pos_ == "ADP":
                return next((c for c in child.children if c.dep_ == "pobj" and _is_argument(c)), None)
            return child
    if found := prep_object(verb, TARGET_PREPOSITIONS, skip):
        return found
    shared = next((c for c in verb.rights if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if shared is not None and not any(c.dep_ in SUBJECTS for c in shared.children):
        return next((c for c in shared.children if c.dep_ == "dobj" and _is_argument(c)), None)
    if _shares_passive(verb):
        return next((c for c in verb.head.children if c.dep_ == "nsubjpass" and _is_argument(c)), None)
    return None


def _shares_passive(verb: Token) -> bool:
    """A participle joined to a passive, sharing its auxiliary and subject: "wounded" in "15 fighters
    were killed or wounded"."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children)


def undergoers(trigger: Token) -> Iterator[Token]:
    """What the trigger acts on, read loosely, for telling what kind of act it is: the object or
    passive subject of a verb ("released a video", "the video was released"), the noun a participle
    describes ("a severed head", "the footage released online") and the "of" object of a noun ("the
    release of the footage"), also the noun just before a participle the parser hung further up."""
    for child in trigger.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            yield child
        elif child.dep_ == "prep" and child.lower_ == "of" and not is_verbal(trigger):
            yield from (c for c in child.children if c.dep_ == "pobj")
    if trigger.dep_ in {"amod", "acl"} and trigger.tag_ in {"VBN", "VBD"}:
        yield trigger.head
        before = trigger.doc[trigger.i - 1]
        if trigger.dep_ == "acl" and before.pos_ == "NOUN" and before != trigger.head:
            yield before  # "reports of attacks committed against ...", the participle hung on "reports"


def _fired(token: Token) -> bool:
    """ "fired SHOTS at a car", "launched ROCKETS on the town": what is fired is no target."""
    return token.dep_ == "dobj" and token.lemma_.lower() in PROJECTILES


def _is_argument(token: Token) -> bool:
    return (
        token.ent_type_ not in NOT_ARGUMENTS
        and not token.is_punct
        and token.pos_ not in {"SYM", "NUM"}
        and token.lower_ not in NOT_ARGUMENT_NOUNS
    )


def _inside(token: Token, span: Span | None) -> bool:
    return span is not None and span.start <= token.i < span.end


def prep_object(token: Token, prepositions: frozenset[str], skip: Span | None = None) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and _is_argument(pobj) and not _inside(pobj, skip):
                return pobj
    return None


def nominal_actor(noun: Token, actors: MentionIndex | None = None) -> Token | None:
    """'Russia's' in "Russia's withdrawal", 'Iranian' in "the Iranian missile strike", 'US' in
    "US-led strikes"; with `actors`, also a modifier that names a linked actor ("the army
    offensive", "the government assault")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "amod" and child.lemma_.lower() == "lead":
            leader = next((c for c in child.lefts if c.pos_ in {"PROPN", "NOUN", "ADJ"}), None)
            if leader is not None:
                return leader
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and (
            child.ent_type_ in {"NORP", "GPE", "ORG"}
            or child.pos_ == "PROPN"
            or (actors is not None and actors.at(child.idx, child.idx + len(child)) is not None)
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
        if _phrase_head(token).dep_ in OBJECTS:
            return None  # another verb's object: "to retain al-Assad or to support Iran"
        if _phrase_head(token).dep_ == "pobj":
            continue  # "the death of her son at the hands of the Taliban, by killing": no subject
        if item := actors.at(token.idx, token.idx + len(token)):
            return item
    return None


def _phrase_head(token: Token) -> Token:
    """The noun a name's word belongs to: "Shabaab" for the "al" of "al-Shabaab"."""
    for _ in range(MAX_PHRASE_DEPTH):
        if token.dep_ not in NP_PARTS or token.head.i == token.i:
            break
        token = token.head
    return token


def place_of(
    tokens: list[Token],
    places: MentionIndex,
    *,
    source: bool = False,
    exclude: Mention | None = None,
    objects: bool = True,
) -> str | None:
    """A place named in a locative phrase of the first of `tokens` (the trigger, its verb) that has
    one. "in/at/near X" beats "to X" beats "from X" beats "of X"; for an event that leaves a place
    (`source`: "the withdrawal of Russia from Syria") "from X" comes before "to X". A place in
    `exclude` (the actor's words: "Russia", "Ethiopia troops") is who acts, not where. With
    `objects`, a place the verb acts on is where ("shelled Douma", "visited Moscow"); an act of
    saying acts on a party ("accused Moscow of war crimes")."""
    for token in tokens:
        best: tuple[int, str] | None = None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
                item = _place_in(child, places, exclude, whole=True)
                rank = _rank(child.lower_, source)
            elif child.dep_ in {"dobj", "npadvmod"} and objects:
                item, rank = _place_in(child, places, exclude), 0
            else:
                continue
            if item is not None and (best is None or rank < best[0]):
                best = (rank, item)
        if best is not None:
            return best[1]
    return None


def _rank(preposition: str, source: bool) -> int:
    if preposition in SOURCE_PREPOSITIONS:
        return 1 if source else 2
    if preposition in GOAL_PREPOSITIONS:
        return 2 if source else 1
    return 3 if preposition == "of" else 0


def _place_in(
    token: Token, places: MentionIndex, exclude: Mention | None, *, whole: bool = False
) -> str | None:
    """The first place named in the phrase of `token` (with `whole`, in all its words), not `exclude`."""
    start, end = (token.i, token.right_edge.i + 1) if whole else noun_phrase(token)
    span = token.doc[start:end]
    return next(
        (
            entry[2]
            for entry in places.within(span.start_char, span.end_char)
            if not _names(entry, exclude)
            and not names_seat(span.doc, entry[0], entry[1])
            and not leads(text_of(span.doc), entry[1])
        ),
        None,
    )


def nearest_place(
    anchor: Token, scope: Span, places: MentionIndex, exclude: Mention | None, actors: MentionIndex
) -> str | None:
    """The place mention in `scope` closest to the anchor token, if any, outside `exclude` and not
    standing for an actor (linked as one, or a possessor: "Moscow's declaration")."""
    found = [
        entry
        for entry in places.within(scope.start_char, scope.end_char)
        if not _names(entry, exclude)
        and actors.at(entry[0], entry[1]) is None  # "which the Kremlin rejects": a party, not where
        and not _qualifies(scope, entry)
    ]
    if not found:
        return None
    nearest = min(found, key=lambda entry: abs(entry[0] - anchor.idx))
    # "in Manaus, Amazonas": the place a comma puts inside the nearest one is where it happened
    text = text_of(scope.doc)
    while inner := next(
        (e for e in found if e[1] < nearest[0] and text[e[1] : nearest[0]].strip() == ","), None
    ):
        nearest = inner
    return nearest[2]


def _qualifies(scope: Span, entry: tuple[int, int, str]) -> bool:
    """The place qualifies a noun, not where the event took place: a possessor ("Moscow's
    declaration"), a leader or backer (`_leads`), where someone comes from or a distance is measured
    from ("a friend FROM France", "one from Jordan", "100 km from Iraq"), or a body's seat (`is_seat`)."""
    if leads(text_of(scope.doc), entry[1]):
        return True
    span = scope.doc.char_span(entry[0], entry[1], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (
        root.dep_ == "poss"
        or is_seat(root)
        or (
            root.dep_ == "pobj"
            and root.head.lower_ in SOURCE_PREPOSITIONS
            and root.head.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
        )
    )


def _names(entry: tuple[int, int, str], exclude: Mention | None) -> bool:
    """The place mention lies in `exclude` or names all of it."""
    if exclude is None:
        return False
    start, end, _ = entry
    return (exclude.start <= start and end <= exclude.end) or (start <= exclude.start and exclude.end <= end)


def actor_words(actor: Argument) -> Mention:
    """The actor's head and the words before it ("Ethiopia troops", "Russia"), not its "of" phrase
    ("residents of Gaza"): a place named there is who acts, not where."""
    if actor.head is None:
        return actor.mention
    return Mention(start=actor.mention.start, end=actor.head.end, text="")
