"""Task `conll2003-en`: the named entities of the production NLP pipeline scored against CoNLL-2003.

Gold tokens go in as pre-tokenised Docs, so predicted spans sit on gold token boundaries and a
tokenisation difference is never miscounted as an entity error. Cleaning is skipped: the gold
sentences are already clean text.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Hashable, Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from marsad.eval.gold import LabelledSpan, Sentence, find_data_dir, gold_file, read_conll
from marsad.eval.score import score
from marsad.eval.task import EvalOptions, Report, Task
from marsad.nlp import build_nlp

DATASET = "conll2003-en"

# spaCy's English models are trained on OntoNotes 5 (18 labels); CoNLL-2003 has 4 types. Numeric,
# date and time labels (CARDINAL, DATE, MONEY, ORDINAL, PERCENT, QUANTITY, TIME) have no CoNLL type
# and are dropped. CoNLL's MISC covers nationalities, events, works, laws and languages.
CONLL_TYPES = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}


def conll_spans(ents: Sequence[Span], words: Sequence[str]) -> frozenset[LabelledSpan]:
    """spaCy entities as CoNLL-typed spans of `words`, the words the Doc was built from with a space
    after each (a component may split a word: possessives.py); labels without a CoNLL type, and
    entities that start or end inside a word, are left out."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    offset = 0
    for i, word in enumerate(words):
        starts[offset] = i
        offset += len(word)
        ends[offset] = i + 1
        offset += 1
    return frozenset(
        LabelledSpan(start=starts[ent.start_char], end=ends[ent.end_char], label=CONLL_TYPES[ent.label_])
        for ent in ents
        if ent.label_ in CONLL_TYPES and ent.start_char in starts and ent.end_char in ends
    )


def predict(nlp: Language, sentences: Sequence[Sentence]) -> Iterator[frozenset[LabelledSpan]]:
    """CoNLL-typed entities for each sentence, in order, from the whole pipeline run on gold tokens."""
    docs = (Doc(nlp.vocab, words=list(sentence.words)) for sentence in sentences)
    for sentence, doc in zip(sentences, nlp.pipe(docs), strict=True):
        yield conll_spans(doc.ents, sentence.words)


def run(options: EvalOptions) -> Report:
    path = gold_file(find_data_dir(options.data), DATASET, f"{options.split}.txt")
    sentences = read_conll(path)[: options.limit]
    nlp = options.nlp or build_nlp()
    started = time.perf_counter()
    predicted = list(predict(nlp, sentences))
    seconds = time.perf_counter() - started
    return Report(
        task=DATASET,
        split=options.split,
        gold=path,
        gold_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        examples=len(sentences),
        words=sum(len(s.words) for s in sentences),
        seconds=seconds,
        scores=score(keyed(s.spans for s in sentences), keyed(predicted)),
    )


def keyed(per_sentence: Iterable[frozenset[LabelledSpan]]) -> Iterator[tuple[str, Hashable]]:
    """Each span as (label, where), where = (sentence number, start, end)."""
    for n, spans in enumerate(per_sentence):
        for span in spans:
            yield span.label, (n, span.start, span.end)


TASK = Task(
    name=DATASET,
    summary="NER (PER, LOC, ORG, MISC) against CoNLL-2003 English, entity-level exact match",
    splits=("test", "valid"),
    run=run,
)
