"""The event lexicon data: every type is a PLOVER type, every mapping resolves, users can extend it."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import EventLexiconError
from marsad.nlp.event_codes import MAX_PHRASE_WORDS, Parties, acled_code, ngrams, plover_code
from marsad.nlp.event_lexicon import Code, load_lexicon
from marsad.nlp.event_status import Modality

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
    "CRIME", "ACCUSE", "REQUEST",
}  # fmt: skip


def test_lexicon_types_are_plover_and_have_cameo_roots() -> None:
    lexicon = load_lexicon()
    codes = {*lexicon.verbs.values(), *lexicon.nouns.values(), *lexicon.phrases.values()}
    assert {code.type for code in codes} == PLOVER
    assert all(lexicon.cameo(code) for code in codes if code.type != "CRIME")


def test_lexicon_acled_rules_name_known_types() -> None:
    lexicon = load_lexicon()
    keys = {c.key for c in (*lexicon.verbs.values(), *lexicon.nouns.values(), *lexicon.phrases.values())}
    for rule in lexicon.acled_rules:
        assert rule.types <= keys | PLOVER, rule.types - keys
    assert set(lexicon.acled_default) <= keys | PLOVER


def test_acled_phrases_fit_the_indexed_ngrams() -> None:
    lexicon = load_lexicon()
    phrases = [p for rule in lexicon.acled_rules for p in (*rule.words, *rule.unless, *rule.actor_words)]
    phrases += [p for words in lexicon.party_words.values() for p in words] + list(lexicon.off_duty)
    assert max(len(p) for p in phrases) <= MAX_PHRASE_WORDS


def test_acled_mapping_reads_the_sentence() -> None:
    lexicon = load_lexicon()
    words = ["gunmen", "killed", "two", "civilians", "in", "the", "village"]
    assert acled_code(Code("ASSAULT"), lexicon, grams=lambda: ngrams(words)) == (
        "Violence against civilians",
        "Attack",
    )
    assert acled_code(
        Code("FIGHT", "occupy"), lexicon, parties=lambda: Parties(actor_words=["syrian", "army"])
    ) == (
        "Battles",
        "Government regains territory",
    )
    assert acled_code(Code("CONSULT", "visit"), lexicon) is None


def test_plover_codes_intent_refusal_and_obligation() -> None:
    planned = Modality(status="planned", negated=False)
    assert plover_code(Code("SUPPORT"), planned) == Code("AGREE")
    assert plover_code(Code("FIGHT"), planned) == Code("THREATEN", "violence")
    refused = Modality(status="denied", negated=True, act_negated=True)
    assert plover_code(Code("AGREE"), refused) == Code("REJECT")
    assert plover_code(Code("RETREAT"), Modality(status="hypothetical", negated=False, obliged=True)) == Code(
        "DEMAND"
    )


def test_user_lexicon_extends_the_builtin(tmp_path: Path) -> None:
    (tmp_path / "triggers.toml").write_text('[PROTEST.modes.demo]\nverbs = ["sit_in_verb"]\n', "utf-8")
    lexicon = load_lexicon(tmp_path)
    assert lexicon.verbs["sit_in_verb"] == Code("PROTEST", "demo")
    assert lexicon.verbs["visit"] == Code("CONSULT", "visit")


def test_bad_user_lexicon_is_a_typed_error(tmp_path: Path) -> None:
    (tmp_path / "status.toml").write_text('[governors]\nsideways = ["walk"]\n', "utf-8")
    with pytest.raises(EventLexiconError):
        load_lexicon(tmp_path)
