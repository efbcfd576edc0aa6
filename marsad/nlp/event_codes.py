"""PLOVER type (and mode) to CAMEO root and to ACLED event and sub-event type, through the data
tables in marsad/resources/events/cameo.toml and acled.toml."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.nlp.event_lexicon import AcledRule, Code, Lexicon
from marsad.nlp.event_status import Modality

# PLOVER codes a statement of what an actor will do by what it means for the other side: intent to
# do something cooperative is AGREE ("Hungary will support the resolution"), intent to do something
# hostile is THREATEN ("we will carry out strikes if ..."); refusing a cooperative act is REJECT
# ("Syria will not accept refugees"); saying another party must act is DEMAND.
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE"})
HOSTILE = frozenset({"PROTEST", "SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE"})
INTENT = frozenset({"planned", "conditional"})
THREAT_MODES = {"FIGHT": "violence", "ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations"}


def plover_code(code: Code, mood: Modality) -> Code:
    """The PLOVER event a sentence codes when its trigger names an act that has not taken place."""
    if mood.obliged and code.type not in {"DEMAND", "REQUEST"}:
        return Code("DEMAND")
    if mood.act_negated and (code.type in COOPERATIVE or code.type == "AGREE"):
        return Code("REJECT")
    if mood.status in INTENT and not mood.negated:
        if code.type in HOSTILE:
            return Code("THREATEN", THREAT_MODES.get(code.type))
        if code.type in COOPERATIVE:
            return Code("AGREE")
    return code


# Longest word sequence the ACLED rules use ("shot and killed a"): n-grams up to this are indexed.
MAX_PHRASE_WORDS = 5


def ngrams(words: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Every run of 1..MAX_PHRASE_WORDS consecutive words: a rule's phrase matches by set lookup."""
    return frozenset(
        tuple(words[i : i + n]) for n in range(1, MAX_PHRASE_WORDS + 1) for i in range(len(words) - n + 1)
    )


def _matches(
    rule: AcledRule, code: Code, grams: frozenset[tuple[str, ...]], actor: frozenset[tuple[str, ...]]
) -> bool:
    if code.key not in rule.types:
        return False
    if rule.words and not any(p in grams for p in rule.words):
        return False
    if rule.unless and any(p in grams for p in rule.unless):
        return False
    return not rule.actor_words or any(p in actor for p in rule.actor_words)


def acled_code(
    code: Code,
    lexicon: Lexicon,
    *,
    grams: Callable[[], frozenset[tuple[str, ...]]] = frozenset,
    actor: Sequence[str] = (),
) -> tuple[str, str] | None:
    """ACLED (event type, sub-event type) for an event, given (lazily: most events need no rule) the
    `ngrams` of its sentence's lowercase words and lemmas and its actor's lowercase words; None where
    ACLED has no such event (a visit)."""
    actor_grams = ngrams(actor)
    for rule in lexicon.acled_rules:
        if code.key in rule.types and _matches(rule, code, grams(), actor_grams):
            return rule.acled
    return lexicon.acled_default.get(code.key) or lexicon.acled_default.get(code.type)
