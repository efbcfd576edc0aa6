"""An event's status and negation, read from the dependency parse around its trigger.

The walk goes up from the trigger through the words that govern it — its clause verb, that verb's
governors ("ordered a withdrawal", "said that ...", "decision to drop"), and their clauses — and
collects cues from the lexicon (status.toml):

- a governor ("order", "announce", "deny", "threaten", "say") gives its status to what it governs;
- modals ("will", "could") and an "if"-clause mark the clause they belong to (planned, hypothetical,
  conditional: the consequent of "if ...", hypothetical: the condition itself);
- negation ("not", "no", "absolutely no", "without", "refused to") marks the event negated.

The nearest *strong* cue wins (ordered, announced, planned, threatened, denied, conditional,
hypothetical); otherwise the nearest *weak* one (ongoing, happened, reported); otherwise happened.
A definite nominal event ("the withdrawal of Russia", "the liberation of al-Bukamal") is taken as
presupposed — it happened — unless a governor takes it as its object ("ordered the withdrawal").
An event that is negated and otherwise factual is "denied": nothing negated is coded as happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from marsad.nlp.event_lexicon import NEGATING, Lexicon

STRONG = frozenset({"ordered", "announced", "planned", "threatened", "denied", "conditional", "hypothetical"})
FACTUAL = frozenset({"happened", "ongoing", "reported"})
DEFAULT_STATUS = "happened"

# Links a governor's status passes along: objects and complements, not relative or adverbial clauses.
GOVERNED = frozenset(
    {"dobj", "xcomp", "ccomp", "acl", "nsubjpass", "attr", "oprd", "pobj", "pcomp", "prep", "appos", "acomp"}
)
# Links the walk goes through without stopping: coordination and noun-phrase internals.
TRANSPARENT = frozenset({"conj", "compound", "amod", "poss", "nmod", "dep"})
NOMINAL_LINKS = GOVERNED | TRANSPARENT | {"nsubj", "npadvmod", "dative"}
# How far the walk goes up at most; sentences deeper than this are rare and their far cues weak.
MAX_STEPS = 12
# A nominal event with no cue on its path takes a governing noun this many tokens to its left, in
# the same stretch without a verb ("its announcement, from the base of X, the start of the withdrawal").
NOUN_CUE_WINDOW = 14
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PURPOSE_MARK = "to"


ACCORDING = "according"  # "according to X": X, not the text, says the clause happened
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Links across which a verb shares its head's subject ("were reported INJURED or KILLED"; "acomp":
# a quoted participle the parser made a complement, "None of them were ‘handed over’").
SUBJECT_SHARING = frozenset({"xcomp", "oprd", "conj", "acomp"})
SUBJECT_HOPS = 3
REPORTED_WILL = frozenset({"would", "'d"})
OBLIGED = "obliged"  # the modals status.toml lists under "obliged": must, should, ought


@dataclass(frozen=True, slots=True)
class Modality:
    status: str
    negated: bool
    cue: int | None = None  # index of the token that set the status, for evidence and tests
    act_negated: bool = False  # a verb says the actor did not act ("did not accept", "failed to")
    obliged: bool = False  # "Y must do Z": someone says Y has to (a demand, in PLOVER)
    # planned only as the purpose of another act ("launched attacks to secure") or as what was
    # tried ("tried to hack into"): no stated intent, which PLOVER would code as AGREE or THREATEN
    purpose: bool = False
    # planned by getting ready to do it ("the army PREPARED to resume shelling"): a material move,
    # which PLOVER codes as MOBILIZE for force, not as a verbal THREATEN
    readied: bool = False


def is_verbal(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def _negates(token: Token, lexicon: Lexicon) -> bool:
    """A negation word attached to `token`: "not", "never", "no agreement", "absolutely no"."""
    return any(
        child.dep_ in {"neg", "det", "nummod", "advmod", "amod"} and child.lower_ in lexicon.negation
        for child in token.children
    )


def _negative_subject(verb: Token, lexicon: Lexicon) -> bool:
    """ "No one was killed", "nobody was hurt", "no people were reported injured or killed": a subject
    that says there was nobody to do or suffer the event, found through "reported injured" and "or"."""
    node = verb
    for _ in range(SUBJECT_HOPS):
        subject = next((c for c in node.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject.lower_ in lexicon.negative_subjects or _negates(subject, lexicon)
        if node.dep_ not in SUBJECT_SHARING or node.head == node:
            return False
        node = node.head
    return False


def _definite(token: Token, depth: int = 0) -> bool:
    """ "The withdrawal", "Russia's withdrawal", "the Sochi conference", "the progress of the talks":
    a noun that names one event the reader is to know of."""
    if any(
        (child.dep_ == "det" and child.lower_ in DEFINITE)
        or child.dep_ == "poss"
        or (child.dep_ == "compound" and child.pos_ == "PROPN")
        for child in token.children
    ):
        return True
    of_phrase = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head != token.head
    return of_phrase and depth < 2 and _definite(token.head.head, depth + 1)


def modal(verb: Token, lexicon: Lexicon) -> str | None:
    """The status its modal auxiliary gives the verb ("will" planned, "must" obliged), if it has one."""
    return next((s for c in verb.children if c.dep_ == "aux" and (s := lexicon.modals.get(c.lower_))), None)


def _clause_cue(verb: Token, lexicon: Lexicon) -> tuple[str | None, bool]:
    """(status, strong) that the verb's own clause gives: modal, "if", progressive aspect, "according to"."""
    children = list(verb.children)
    if any(c.dep_ == "mark" and c.lower_ in lexicon.conditional for c in children):
        return "hypothetical", True
    if _conditioned(verb, lexicon):
        return "conditional", True
    if status := modal(verb, lexicon):
        return status, True
    if verb.tag_ == "VBG" and (
        verb.dep_ in {"acl", "amod"} or any(c.dep_ == "aux" and c.lemma_ == "be" for c in children)
    ):
        return "ongoing", False  # "are attacking"; "the countries supporting the opposition"
    if _attributed(verb) or any(
        c.dep_ == "advmod" and lexicon.governors.get(c.lower_) == "reported" for c in children
    ):
        return "reported", False  # "... were killed, according to local sources", "reportedly struck"
    return None, False


def _conditioned(verb: Token, lexicon: Lexicon) -> bool:
    """The verb has an "if" clause: "we will strike IF they return"."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lexicon.conditional for m in c.children)
        for c in verb.children
    )


def _noun_cue_before(trigger: Token, lexicon: Lexicon, sentence_start: int) -> tuple[str, int] | None:
    for i in range(trigger.i - 1, max(sentence_start, trigger.i - NOUN_CUE_WINDOW) - 1, -1):
        token = trigger.doc[i]
        if is_verbal(token):
            return None
        status = lexicon.governors.get(token.lemma_.lower())
        if token.pos_ == "NOUN" and status in STRONG:
            return status, i
    return None


def modality(
    trigger: Token,
    lexicon: Lexicon,
    *,
    light_verb: Token | None = None,
    sentence_start: int | None = None,
    expressive: bool = False,
) -> Modality:
    """Status and negation of the event whose trigger is `trigger` (a verb or an event noun).

    `light_verb` is the verb that carries a nominal event ("carried out strikes"): its clause is
    the event's clause. An `expressive` event (a protest) is done by the act it is the purpose of
    ("gathered to protest"): that act's status is its status.
    """
    negated = _negates(trigger, lexicon)
    nominal = not is_verbal(trigger)
    act_negated = negated and not nominal
    obliged = False
    presupposed = nominal and light_verb is None and _definite(trigger)
    strong: tuple[str, int] | None = None
    weak: tuple[str, int] | None = None
    if nominal and any(c.dep_ == "det" and c.lower_ in lexicon.nonspecific for c in trigger.children):
        if light_verb is not None and _negates(light_verb, lexicon):
            negated = act_negated = True  # "had not conducted any strikes": none, not hypothetical ones
        elif (denial := _denial_above(trigger, lexicon)) is not None:
            negated, strong = True, ("denied", denial.i)  # "denied that it carried out any strikes"
        else:
            strong = ("hypothetical", trigger.i)  # "any aggression", "any settlement": no event in particular
    node = trigger
    passed_verb = False
    governed = False  # a governor took the nominal event as its object before any clause
    object_control = False  # "this will force America TO RETREAT": a prediction, not America's plan
    purpose = readied = False
    for _ in range(MAX_STEPS):
        if is_verbal(node) or node == light_verb:
            if node != trigger and presupposed and not passed_verb:
                break  # a definite nominal event is presupposed by the clause it sits in
            passed_verb = True
            status, is_strong = _clause_cue(node, lexicon)
            if status == OBLIGED:
                status, obliged = "hypothetical", obliged or strong is None
            if status == "planned" and object_control and node != trigger:
                status = "hypothetical"
            if status == "hypothetical" and _future_in_report(node, lexicon):
                # "If the talks fail, the rebels said they would resume attacks": the condition is
                # parsed on the saying but is the future's
                status = "conditional" if _conditioned(node.head, lexicon) else "planned"
            if status and is_strong and strong is None:
                strong = (status, node.i)
            elif status and weak is None:
                weak = (status, node.i)
            if node in (trigger, light_verb) or node.i == _clause_of(trigger, light_verb).i:
                # a negated verb negates an event noun it takes itself, not one deeper in its
                # phrases: "the figures do not include losses to air strikes"
                takes = not nominal or light_verb is not None or trigger.head == node
                verb_negated = node != trigger and takes and _negates(node, lexicon)
                negated = negated or verb_negated or _negative_subject(node, lexicon)
                act_negated = act_negated or (verb_negated and (light_verb is not None or not nominal))
        head = node.head
        if head == node or strong is not None:
            break
        relation = node.dep_
        if relation == "relcl" and is_verbal(node) and head.lemma_.lower() in lexicon.governors:
            relation = "acl"  # "the hypothesis that it was defeated": what the noun says, not a relative
        if relation == "relcl" and is_verbal(node) and _is_purpose(node) and not expressive:
            strong, purpose = ("planned", node.i), True  # "an army to attack ISIL": what it is for
            break
        if relation == "relcl" or (relation == "advcl" and not _is_purpose(node)):
            break
        # The verb that carries a nominal event says its status as a light verb: "committed a
        # massacre" is done, though "committed to withdraw" is a promise.
        lemma = head.lemma_.lower()
        cue = (lexicon.light_verbs.get(lemma) or None) if head == light_verb else lexicon.governors.get(lemma)
        if cue is not None and names_it(head, node):
            cue = None  # "called the attacks successful": calling it something asks for nothing
        if relation in {"acl", "amod"} and is_verbal(node) and cue is None:
            if _is_purpose(node) and not expressive:  # "efforts to launch ...", "a meeting to discuss ..."
                strong, purpose = ("planned", node.i), True
            break  # "troops deployed in Syria": a participle describing a noun has its own clause
        if ((relation == "advcl" and cue is None) or _purpose_connective(head, lexicon)) and not expressive:
            strong, purpose = ("planned", node.i), True  # "launched attacks to secure the area"
            break
        if relation == "xcomp" and any(c.dep_ == "dobj" for c in head.children):
            object_control = True
        if head.lower_ in lexicon.negation and head.dep_ == "prep":  # "without ..."
            negated = True
        elif cue and (relation in GOVERNED or relation in TRANSPARENT or relation == "advcl"):
            governed = governed or not passed_verb
            if cue == NEGATING:
                negated = act_negated = True
            elif cue in STRONG and strong is None:
                strong = (cue, head.i)
                negated = negated or _negates(head, lexicon)  # "did not want to fight"
                purpose = purpose or head.lemma_.lower() in lexicon.attempts
                readied = readied or _readies(head, lexicon)
            elif weak is None:
                weak = (cue, head.i)
        if nominal and not passed_verb and relation not in NOMINAL_LINKS:
            break
        node = head
    first = trigger.sent.start if sentence_start is None else sentence_start
    if strong is None and nominal and (noun_cue := _noun_cue_before(trigger, lexicon, first)):
        strong = noun_cue
    chosen = strong or weak
    if presupposed and strong is None and not governed:
        chosen = None
    if chosen is None and (reporter := _reported_by(node, lexicon)) is not None:
        chosen = ("reported", reporter)
    elif chosen is None and presupposed:
        chosen = (DEFAULT_STATUS, trigger.i)
    status, cue_index = chosen if chosen else (DEFAULT_STATUS, None)
    if negated and status in FACTUAL:
        status = "denied"
    return Modality(
        status=status,
        negated=negated,
        cue=cue_index,
        act_negated=act_negated,
        obliged=obliged and status == "hypothetical",
        purpose=purpose and status == "planned",
        readied=readied and status == "planned",
    )


def names_it(verb: Token, node: Token) -> bool:
    """A verb of calling whose object is what it names ("called the attacks successful", "called
    the strike a war crime"), not what it asks for ("called for talks", "called on Russia to")."""
    return (
        verb.lemma_.lower() == "call"
        and node.dep_ == "dobj"
        and any(
            c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "dobj" and c != node) for c in verb.children
        )
    )


def _denial_above(trigger: Token, lexicon: Lexicon) -> Token | None:
    """A denying word the trigger depends on, however deep ("denied that it carried out any strikes")."""
    return next((a for a in trigger.ancestors if lexicon.governors.get(a.lemma_.lower()) == "denied"), None)


def _readies(governor: Token, lexicon: Lexicon) -> bool:
    """ "The army prepared / is preparing to attack": getting ready, not "is prepared to" (a stance)."""
    readying = governor.lemma_.lower() in lexicon.preparations
    return readying and governor.pos_ == "VERB" and governor.tag_ != "VBN"


def _attributed(verb: Token) -> bool:
    """ "According to X" on the verb: X, not the text, says its clause happened."""
    return any(c.lower_ == ACCORDING and any(t.lower_ == "to" for t in c.children) for c in verb.children)


def _reported_by(node: Token, lexicon: Lexicon) -> int | None:
    """The source's word that holds the clause the walk stopped at, however deep: a verb of saying
    whose content it is ("the rebels say THE BOMBING forced them", "the opposition says the army
    used bombs by TARGETING markets") or an "according to" on any clause above ("16 were killed
    after insurgents FIRED rockets, according to local sources")."""
    for _ in range(MAX_STEPS):
        if is_verbal(node) and _attributed(node):
            return node.i  # "according to residents, THE CRACKDOWN left dozens dead": the clause itself
        head = node.head
        if head == node:
            return None
        reporting = lexicon.governors.get(head.lemma_.lower()) == "reported"
        if is_verbal(head) and node.dep_ in GOVERNED and reporting:
            return head.i
        node = head
    return None


def _future_in_report(verb: Token, lexicon: Lexicon) -> bool:
    """ "They said (warned) they WOULD boycott": in reported speech "would" is the speaker's "will"."""
    reporting = lexicon.governors.get(verb.head.lemma_.lower()) in {"reported", "announced", "threatened"}
    return (
        reporting
        and verb.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.lower_ in REPORTED_WILL for c in verb.children)
    )


def _purpose_connective(token: Token, lexicon: Lexicon) -> bool:
    """ "in ORDER to", "so AS to": a governor's word that only opens a purpose."""
    return (token.head.lower_, token.lower_) in lexicon.purpose_connectives


def _is_purpose(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == PURPOSE_MARK for c in verb.children)


def _clause_of(trigger: Token, light_verb: Token | None) -> Token:
    """The verb whose clause asserts the event: the trigger, its light verb, or the nearest verb above."""
    if light_verb is not None or is_verbal(trigger):
        return light_verb or trigger
    node = trigger
    for _ in range(MAX_STEPS):
        if is_verbal(node) or node.head == node:
            return node
        node = node.head
    return node
