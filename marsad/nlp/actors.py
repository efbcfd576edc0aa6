"""Component `marsad_actors`: actor mentions from spaCy's named entities, grouped by name.

This is the baseline the actor knowledge base builds on: people, organisations and groups named in
the text, each with every mention as evidence. Type is spaCy's guess, mapped to Marsad's actor types.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from marsad.model import Actor, Mention

# spaCy label → Marsad actor type. GPE entities are places first; their metonymic use as actors
# ("Moscow said") needs the knowledge base, so they are left to place and actor linking.
ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def actor_key(text: str) -> str:
    """Name used to group mentions: 'the SDF's' and 'SDF' are one actor."""
    name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text.strip()))
    return " ".join(name.split()).casefold()


def group_entities(ents: list[Span]) -> list[Actor]:
    groups: dict[str, list[Span]] = {}
    for ent in ents:
        if ent.label_ in ACTOR_LABELS and (key := actor_key(ent.text)):
            groups.setdefault(key, []).append(ent)
    actors = []
    for n, spans in enumerate(groups.values(), start=1):
        first = spans[0]
        actors.append(
            Actor(
                id=f"a{n}",
                name=_POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", first.text.strip())),
                type=ACTOR_LABELS[first.label_],
                mentions=[Mention(start=s.start_char, end=s.end_char, text=s.text) for s in spans],
            )
        )
    return actors


@Language.factory("marsad_actors", assigns=["doc._.marsad_actors"], requires=["doc.ents"])
def make_actors(nlp: Language, name: str) -> ActorGrouper:
    return ActorGrouper()


class ActorGrouper:
    def __call__(self, doc: Doc) -> Doc:
        doc._.marsad_actors = group_entities(list(doc.ents))
        return doc
