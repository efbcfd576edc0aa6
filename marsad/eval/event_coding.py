"""What the event tasks share: code sentences with the production pipeline and pick the main event.

A gold record codes one event per sentence (PLOVER, CAMEO) or per note (ACLED); Marsad may find
several. The main event is the one whose trigger is closest to the root of its sentence's parse
(the reporting verb excluded, since "said" is no event), a circumstantial clause counting as a step
further, the first in text order on a tie.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from marsad.model import Event, Mention
from marsad.nlp import build_nlp
from marsad.nlp.events import tree_depth

# Statuses under which a coder would not code the event as having taken place.
NOT_FACTUAL = frozenset({"denied", "conditional", "hypothetical", "planned", "threatened"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Coded:
    doc: Doc
    events: list[Event]

    def depth(self, event: Event) -> int:
        """The trigger's depth, one more for each circumstantial clause it lies in: "Citing the
        ARREST of its journalists, the government said it would RECALL its ambassador" is about the
        recall."""
        span = self.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        root = span.root if span is not None else self.doc[0]
        return tree_depth(root, {}) + sum(t.dep_ == "advcl" for t in (root, *root.ancestors))

    def main(self) -> Event | None:
        """The shallowest event, the first on a tie."""
        if not self.events:
            return None
        return min(enumerate(self.events), key=lambda pair: (self.depth(pair[1]), pair[0]))[1]

    def first_mapped(self) -> Event | None:
        """The first event ACLED has a type for, preferring events the text says took place."""
        mapped = [e for e in self.events if e.acled_type]
        factual = [e for e in mapped if e.status not in NOT_FACTUAL]
        chosen = factual or mapped
        return chosen[0] if chosen else None


def code_texts(
    nlp: Language | None, texts: Iterable[str], published: Sequence[str | None] | None = None
) -> Iterator[Coded]:
    """Run the whole pipeline on each text (its publication date set where given)."""
    pipeline = nlp or build_nlp()
    dates = list(published) if published is not None else None

    def docs() -> Iterator[Doc]:
        for n, text in enumerate(texts):
            doc = pipeline.make_doc(text)
            doc._.marsad_published = dates[n] if dates is not None else None
            yield doc

    for doc in pipeline.pipe(docs(), batch_size=32):
        yield Coded(doc=doc, events=list(doc._.marsad_events or []))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def overlaps(predicted: Mention | None, gold: Iterable[str]) -> bool:
    """The predicted argument names a gold actor: one text contains the other, case-insensitively."""
    if predicted is None or not predicted.text:
        return False
    text = " ".join(predicted.text.lower().split())
    return any(g and (g.lower() in text or text in g.lower()) for g in gold)
