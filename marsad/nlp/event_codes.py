"""PLOVER type (and mode) to CAMEO root and to ACLED event and sub-event type, through the data
tables in marsad/resources/events/cameo.toml and acled.toml."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from marsad.nlp.event_lexicon import AcledRule, Code, Lexicon
from marsad.nlp.event_status import Modality

# PLOVER codes a statement of what an actor will do by what it means for the other side: intent to
# do something cooperative is AGREE ("Hungary will support the resolution"), intent to do something
# hostile is THREATEN ("we will carry out strikes if ..."); refusing a cooperative act is REJECT
# ("Syria will not accept refugees"); saying another party must act is DEMAND.
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE"})
HOSTILE = frozenset({"PROTEST", "SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE"})
INTENT = frozenset({"planned", "conditional"})
FORCE = frozenset({"FIGHT", "ASSAULT"})  # getting ready to use force is mobilizing (PLOVER MOBILIZE)
THREAT_MODES = {"FIGHT": "violence", "ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations"}


def plover_code(code: Code, mood: Modality) -> Code:
    """The PLOVER event a sentence codes when its trigger names an act that has not taken place."""
    if mood.obliged and code.type not in {"DEMAND", "REQUEST"}:
        return Code("DEMAND")
    if mood.act_negated and (code.type in COOPERATIVE or code.type == "AGREE"):
        return Code("REJECT")
    if mood.readied and code.type in FORCE:
        return Code("MOBILIZE", "troops")
    if mood.status in INTENT and not mood.negated and not mood.purpose:
        if code.type in HOSTILE:
            return Code("THREATEN", THREAT_MODES.get(code.type))
        if code.type in COOPERATIVE:
            return Code("AGREE")
    return code


# Longest word sequence the ACLED rules use ("shot and killed a"): n-grams up to this are indexed.
MAX_PHRASE_WORDS = 4


def ngrams(words: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Every run of 1..MAX_PHRASE_WORDS consecutive words: a rule's phrase matches by set lookup."""
    return frozenset(
        tuple(words[i : i + n]) for n in range(1, MAX_PHRASE_WORDS + 1) for i in range(len(words) - n + 1)
    )


def party(words: Sequence[str], actor_type: str | None, lexicon: Lexicon) -> frozenset[str]:
    """The kinds of party ([parties] in acled.toml) a phrase names: "armed" alone when its words say
    so ("two police officers", not "two off-duty police officers"), else every other kind its words
    name ("residents": unarmed, a crowd), else the kinds of the knowledge base's type of its actor."""
    grams = ngrams(words)
    named = frozenset(
        kind for kind, phrases in lexicon.party_words.items() if any(p in grams for p in phrases)
    )
    if ARMED in named and not any(p in grams for p in lexicon.off_duty):
        return frozenset({ARMED})
    named -= {ARMED}
    return named or frozenset(kind for kind, types in lexicon.party_types.items() if actor_type in types)


ARMED = "armed"


@dataclass(frozen=True, slots=True)
class Parties:
    """Who acts and who is hit, as ACLED's rules need them."""

    actor_words: Sequence[str] = ()
    actor: frozenset[str] = frozenset()  # its kinds of party
    target: frozenset[str] = frozenset()


def _matches(
    rule: AcledRule, grams: Callable[[], frozenset[tuple[str, ...]]], parties: Callable[[], Parties]
) -> bool:
    found = grams() if rule.words or rule.unless else frozenset()
    if rule.words and not any(p in found for p in rule.words):
        return False
    if rule.unless and any(p in found for p in rule.unless):
        return False
    if rule.actor is not None and rule.actor not in parties().actor:
        return False
    if rule.target is not None and rule.target not in parties().target:
        return False
    return not rule.actor_words or any(p in ngrams(parties().actor_words) for p in rule.actor_words)


def acled_code(
    code: Code,
    lexicon: Lexicon,
    *,
    grams: Callable[[], frozenset[tuple[str, ...]]] = frozenset,
    paragraph: Callable[[], frozenset[tuple[str, ...]]] | None = None,
    parties: Callable[[], Parties] = Parties,
) -> tuple[str, str] | None:
    """ACLED (event type, sub-event type) for an event, given (lazily: most events need no rule) the
    `ngrams` of its sentence's lowercase words and lemmas (and of its paragraph's, for rules with
    `scope = "paragraph"`), and (lazily too) who acts and who is hit; None where ACLED has no such
    event (a visit)."""
    for rule in lexicon.acled_rules:
        scope = paragraph if rule.paragraph and paragraph is not None else grams
        if code.key in rule.types and _matches(rule, scope, parties):
            return rule.acled
    return lexicon.acled_default.get(code.key) or lexicon.acled_default.get(code.type)
