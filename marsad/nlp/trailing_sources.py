"""Component `marsad_trailing_sources`: a source named after its report gets back its verb.

"Russian jets bombed a market, killing 20 civilians, the Syrian Observatory for Human Rights said":
news names the source last, and the small parser often hangs that source on the noun before it
("civilians ..., the Observatory" as an apposition), leaving "said" without a subject. The claim
then loses its speaker and the killing gains a false target. Run right after spaCy's components,
this repair makes the noun phrase between the last comma and such a verb the verb's subject.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from marsad.nlp.cues import load_cues

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# What may follow the verb at the end of its sentence: "..., the Observatory said on Monday."
TRAILING_DEPS = frozenset({"punct", "prep", "npadvmod"})
NAME_POS = frozenset({"NOUN", "PROPN"})
MAX_SOURCE_TOKENS = 20


@Language.factory(
    "marsad_trailing_sources", assigns=["token.dep", "token.head"], requires=["token.dep", "token.lemma"]
)
def make_trailing_sources(nlp: Language, name: str) -> TrailingSources:
    cues = load_cues()
    return TrailingSources(frozenset(cues.stance) | frozenset(cues.takes_object))


class TrailingSources:
    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs  # reporting verbs' lemmas

    def __call__(self, doc: Doc) -> Doc:
        for sentence in doc.sents:
            verb = sentence.root
            if verb.pos_ == "VERB" and verb.lemma_ in self.verbs and _lacks_subject(verb):
                source = _source_before(sentence, verb)
                if source is not None:
                    source.head, source.dep_ = verb, "nsubj"
        return doc


def _lacks_subject(verb: Token) -> bool:
    return not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and all(
        c.dep_ in TRAILING_DEPS for c in verb.rights
    )


def _source_before(sentence: Span, verb: Token) -> Token | None:
    """The head of the noun phrase between a comma and the verb ("..., one of his sources, a former
    fighter, said"), when the parser attached it elsewhere: the longest such phrase whose words hang
    from one noun, past the verb's own adverbs ("reportedly") and a comma closing an apposition."""
    doc = sentence.doc
    end = verb.i
    while end > sentence.start and (doc[end - 1].head == verb or doc[end - 1].text == ","):
        if doc[end - 1].dep_ not in {"advmod", "punct"}:
            return None  # the verb already has what stands before it
        end -= 1
    first = max(sentence.start, end - MAX_SOURCE_TOKENS)
    for comma in (i for i in range(first, end - 1) if doc[i].text == ","):
        phrase = range(comma + 1, end)
        heads = [doc[i] for i in phrase if doc[i].head.i not in phrase]
        if len(heads) == 1 and heads[0].pos_ in NAME_POS and heads[0].head.i < comma:
            return heads[0]
    return None
