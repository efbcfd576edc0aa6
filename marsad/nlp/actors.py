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
# Quotes, brackets and dashes that spaCy sometimes leaves on an entity's edge: «“Syrian Democratic Forces».
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]-–—,.:; "


def actor_key(text: str) -> str:
    """Name used to group mentions: 'the SDF's' and 'SDF' are one actor."""
    name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text.strip()))
    return " ".join(name.split()).casefold()


def trimmed_mention(ent: Span) -> Mention:
    """The entity's span without stray punctuation on its edges."""
    text = ent.text
    start = ent.start_char + (len(text) - len(text.lstrip(_EDGE_PUNCTUATION)))
    end = ent.end_char - (len(text) - len(text.rstrip(_EDGE_PUNCTUATION)))
    return Mention(start=start, end=max(end, start), text=ent.doc.text[start:end])


def group_entities(ents: list[Span]) -> list[Actor]:
    groups: dict[str, tuple[str, list[Mention]]] = {}
    for ent in ents:
        mention = trimmed_mention(ent)
        if ent.label_ in ACTOR_LABELS and (key := actor_key(mention.text)):
            groups.setdefault(key, (ACTOR_LABELS[ent.label_], []))[1].append(mention)
    return [
        Actor(
            id=f"a{n}",
            name=_POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", mentions[0].text)),
            type=actor_type,
            mentions=mentions,
        )
        for n, (actor_type, mentions) in enumerate(groups.values(), start=1)
    ]


@Language.factory("marsad_actors", assigns=["doc._.marsad_actors"], requires=["doc.ents"])
def make_actors(nlp: Language, name: str) -> ActorGrouper:
    return ActorGrouper()


class ActorGrouper:
    def __call__(self, doc: Doc) -> Doc:
        doc._.marsad_actors = group_entities(list(doc.ents))
        return doc
