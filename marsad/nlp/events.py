"""Component `marsad_events`: who did what to whom, where and when, coded to PLOVER.

Triggers are read off the dependency parse with the lexicon in marsad/resources/events/: verbs by
lemma ("visited"), event nouns ("the withdrawal of troops", "the Russian intervention") and
multiword patterns ("take control", "jet-drop"). For each trigger, event_status.py decides the
status and negation, event_args.py the actor, target and place, event_dates.py the date, and
event_codes.py the CAMEO root and ACLED types. Actor and place ids come from `doc._.marsad_actors`
and `doc._.marsad_places` through MentionIndex, so events improve as linking does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from marsad.model import DateRange, Event, Mention
from marsad.model import Span as TextSpan
from marsad.nlp import event_args as args
from marsad.nlp.event_codes import acled_code, ngrams, plover_code
from marsad.nlp.event_dates import TimeMention, published, sentence_time, time_mentions
from marsad.nlp.event_lexicon import Code, Lexicon, load_lexicon
from marsad.nlp.event_status import Modality, is_verbal, modality
from marsad.nlp.lookup import MentionIndex

# Confidence: a simple additive score over evidence, clipped to [CONFIDENCE_MIN, CONFIDENCE_MAX].
# Calibrated by eye on the bundled reports and the PLOVER GSR dev half: an event with a verbal
# trigger, a linked actor and a place is right far more often than a bare event noun.
CONFIDENCE_BASE = 0.45
CONFIDENCE_VERBAL = 0.15  # a verb (or a light verb carrying the noun) asserts the event
CONFIDENCE_ACTOR = 0.15  # the actor is a linked actor
CONFIDENCE_ACTOR_TEXT = 0.05  # an actor phrase was found but names no linked actor
CONFIDENCE_TARGET = 0.1
CONFIDENCE_PLACE = 0.1
CONFIDENCE_DATE = 0.05  # dated by a time expression in the sentence
CONFIDENCE_AMBIGUOUS = -0.2  # a lemma that is often not an event ("operation", "progress", "back")
CONFIDENCE_MIN, CONFIDENCE_MAX = 0.05, 0.95
# Lemmas that name an event only some of the time; they lower confidence, not the decision.
AMBIGUOUS = frozenset(
    {
        "operation",
        "progress",
        "back",
        "support",
        "free",
        "fire",
        "charge",
        "approach",
        "press",
        "defeat",
        "push",
        "advance",
        "release",
        "station",
        "mass",
        "object",
        "ally",
        "engage",
        "ease",
        "offer",
        "return",
    }
)
# "less than 20 days AFTER the liberation of al-Bukamal": these words date one event by another.
ANCHOR_WORDS = frozenset({"after", "before", "following", "since", "preceding"})
PRONOUN_LOOKBACK_SENTENCES = 2
# Nouns that name an event only through their modifier: "the (jet-drop) incident".
GENERIC_EVENT_NOUNS = frozenset({"incident", "event", "operation", "campaign", "episode", "attack", "effort"})
PHRASE_GAP_POS = frozenset({"ADJ", "DET", "ADV", "PROPN", "PRON"})


@dataclass(slots=True, kw_only=True)
class Trigger:
    span: Span  # the words of the trigger
    head: Token  # the token that stands for it in the parse
    code: Code
    light_verb: Token | None = None


@dataclass(slots=True, kw_only=True)
class Found:
    """One event as extracted, before it becomes a contract `Event`; the eval reads `depth`."""

    trigger: Trigger
    modality: Modality
    actor: args.Argument | None
    target: args.Argument | None
    place: str | None
    date: DateRange | None
    date_precision: str | None
    anchor: int | None  # index into the found list
    depth: int  # the trigger's distance from its sentence root: the main event is the shallowest
    sentence: int  # the number of the trigger's sentence in the document
    sentence_span: Span

    @property
    def code(self) -> Code:
        return self.trigger.code


@dataclass(slots=True, kw_only=True)
class _Context:
    """What every trigger of one document is resolved against."""

    actors: MentionIndex
    places: MentionIndex
    times: list[TimeMention]
    published: DateRange | None
    sentences: list[Span]
    sentence_of: list[int]  # token index -> sentence number (Token.sent is slow: it searches)
    trigger_heads: set[int] = field(default_factory=set)

    def sentence(self, token: Token) -> Span:
        return self.sentences[self.sentence_of[token.i]]


@Language.factory(
    "marsad_events",
    assigns=["doc._.marsad_events"],
    requires=["token.dep", "token.lemma", "doc._.marsad_actors"],
    default_config={"lexicon": None},
)
def make_events(nlp: Language, name: str, lexicon: str | None) -> EventExtractor:
    return EventExtractor(nlp, load_lexicon(Path(lexicon) if lexicon else None))


class EventExtractor:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # Phrases by their first word, longest first: a scan of the document's lemmas finds them.
        self._phrases: dict[str, list[tuple[tuple[str, ...], Code]]] = {}
        for words, code in sorted(lexicon.phrases.items(), key=lambda item: -len(item[0])):
            self._phrases.setdefault(words[0], []).append((words, code))

    def _phrase_at(self, doc: Doc, start: int) -> tuple[int, Code] | None:
        """(end, code) of the longest phrase starting at token `start`, one filler word allowed
        between its words ("took full control")."""
        for words, code in self._phrases.get(doc[start].lemma_.lower(), []):
            i = start + 1
            for word in words[1:]:
                if i < len(doc) and _word_is(doc[i], word):
                    i += 1
                elif i + 1 < len(doc) and doc[i].pos_ in PHRASE_GAP_POS and _word_is(doc[i + 1], word):
                    i += 2
                else:
                    break
            else:
                return i, code
        return None

    def __call__(self, doc: Doc) -> Doc:
        found = self.extract(doc)
        grams: dict[int, frozenset[tuple[str, ...]]] = {}  # sentence start -> its word n-grams
        doc._.marsad_events = [self.to_event(n, item, grams) for n, item in enumerate(found)]
        return doc

    # -- detection ---------------------------------------------------------------------------------

    def triggers(self, doc: Doc) -> list[Trigger]:
        found: list[Trigger] = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if phrase := self._phrase_at(doc, i):
                end, code = phrase
                span = doc[i:end]
                found.append(Trigger(span=span, head=span.root, code=code))
                i = end
                continue
            words = {"VERB": self.lexicon.verbs, "NOUN": self.lexicon.nouns}.get(token.pos_)
            if words is not None and (single := words.get(token.lemma_.lower())):
                found.append(Trigger(span=doc[i : i + 1], head=token, code=single))
            i += 1
        heads = {t.head.i for t in found}
        kept = []
        for trigger in found:
            head = trigger.head
            if head.dep_ in {"compound", "amod"} and head.head.i in heads:
                continue  # "missile" in "missile strike": the head noun carries the event
            if (
                head.dep_ == "compound"
                and not is_verbal(head)
                and head.head.lemma_.lower() not in GENERIC_EVENT_NOUNS
            ):
                continue  # "a joint coordination center" names a thing, not an event
            if (
                not is_verbal(head)
                and head.dep_ in {"dobj", "attr"}
                and (head.head.lemma_.lower() in self.lexicon.light_verbs)
            ):
                trigger.light_verb = head.head
            kept.append(trigger)
        return sorted(kept, key=lambda t: t.span.start)

    def extract(self, doc: Doc) -> list[Found]:
        """Every event of the document, in text order."""
        context = _Context(
            actors=MentionIndex(doc._.marsad_actors or []),
            places=MentionIndex(getattr(doc._, "marsad_places", None) or []),
            times=time_mentions(doc),
            published=published(doc),
            sentences=(sentences := list(doc.sents)),
            sentence_of=_sentence_numbers(doc, sentences),
        )
        triggers = self.triggers(doc)
        context.trigger_heads = {t.head.i for t in triggers}
        found: list[Found] = []
        for trigger in triggers:
            item = self._found(trigger, context, found)
            if item is not None:
                found.append(item)
        _set_anchors(found)
        return found

    def _found(self, trigger: Trigger, context: _Context, earlier: list[Found]) -> Found | None:
        head = trigger.head
        mood = modality(
            head, self.lexicon, light_verb=trigger.light_verb, sentence_start=context.sentence(head).start
        )
        cue = head.doc[mood.cue] if mood.cue is not None else None
        actor, target = self._arguments(trigger, context, earlier, cue)
        place = self._place(trigger, context)
        if _anaphoric(trigger, actor, target, place, earlier):
            return None
        sentence = context.sentence(head)
        when = sentence_time(context.times, sentence, head.idx, exclude=trigger.span.start_char)
        pub = context.published
        date, precision = (
            (when.date, when.precision) if when and when.date else (pub, "published" if pub else None)
        )
        anchor = _anchor_index(when, earlier)
        code = plover_code(trigger.code, mood)
        if code != trigger.code:
            trigger = Trigger(span=trigger.span, head=head, code=code, light_verb=trigger.light_verb)
        return Found(
            trigger=trigger,
            modality=mood,
            actor=actor,
            target=target,
            place=place,
            date=date,
            date_precision=precision,
            anchor=anchor,
            depth=_depth(head),
            sentence=context.sentence_of[head.i],
            sentence_span=sentence,
        )

    # -- arguments ---------------------------------------------------------------------------------

    def _arguments(
        self, trigger: Trigger, context: _Context, earlier: list[Found], cue: Token | None
    ) -> tuple[args.Argument | None, args.Argument | None]:
        head = trigger.head
        actor_token: Token | None = None
        target_token: Token | None = None
        if is_verbal(head):
            actor_token = args.subject_of(head)
            if actor_token is None and head.dep_ == "acl" and not is_verbal(head.head):
                actor_token = args.nominal_actor(head.head)  # "Washington's decision to drop ..."
            target_token = args.object_of(head)
        else:
            actor_token = args.nominal_actor(head)
            of_arg = args.prep_object(head, frozenset({"of"}))
            if of_arg is not None and trigger.code.type in args.OF_IS_ACTOR:
                actor_token = actor_token or of_arg
            elif of_arg is not None:
                target_token = of_arg
            target_token = args.prep_object(head, args.TARGET_PREPOSITIONS) or target_token
            carrier = trigger.light_verb or (head.head if head.dep_ in {"dobj", "nsubjpass"} else None)
            if actor_token is None and carrier is not None and is_verbal(carrier):
                actor_token = args.subject_of(carrier)
        if actor_token is not None and actor_token.i in context.trigger_heads:
            actor_token = None  # a mis-parse made another event the subject
        if actor_token is None and cue is not None and is_verbal(cue) and cue is not head:
            actor_token = args.subject_of(cue)  # "X said there is no agreement": X's side agreed nothing
        actor = self._resolve(actor_token, context, earlier, head)
        verb = head if is_verbal(head) else trigger.light_verb
        sentence = context.sentence(head)
        if (
            actor is None
            and verb is not None
            and (left := args.left_actor(verb, context.actors, sentence.start))
        ):
            actor = args.Argument(mention=_item_mention(sentence, left, context.actors), id=left)
        target = args.argument(target_token, context.actors) if target_token is not None else None
        if (
            target is not None
            and target.id is None
            and context.places.within(target.mention.start, target.mention.end)
        ):
            target = None  # "visited the Hemeimeem airbase": a place, not a target
        if actor is not None and target is not None and actor.id is not None and actor.id == target.id:
            target = None
        return actor, target

    def _resolve(
        self, token: Token | None, context: _Context, earlier: list[Found], head: Token
    ) -> args.Argument | None:
        """The argument at `token`; a pronoun takes the actor of a recent earlier event."""
        if token is None:
            return None
        if token.pos_ != "PRON" or token.lower_ not in args.PRONOUNS:
            return args.argument(token, context.actors)
        here = context.sentence_of[head.i]
        for item in reversed(earlier):
            if here - item.sentence > PRONOUN_LOOKBACK_SENTENCES:
                break
            if item.actor is not None and item.actor.id is not None:
                return args.Argument(mention=_mention(token), id=item.actor.id)
        return None

    def _place(self, trigger: Trigger, context: _Context) -> str | None:
        head, places = trigger.head, context.places
        anchors = [head]
        if trigger.light_verb is not None:
            anchors.append(trigger.light_verb)
        if head.dep_ in {"compound", "amod", "conj"}:
            anchors.append(head.head)  # "(jet-drop) incident near ...", "visited X and met ..."
        if not is_verbal(head) and head.head is not head and is_verbal(head.head):
            anchors.append(head.head)
        found = args.place_of(anchors, places)
        if found is None:
            clause = head if is_verbal(head) else (trigger.light_verb or head)
            found = args.nearest_place(head, head.doc[clause.left_edge.i : clause.right_edge.i + 1], places)
        return found or args.nearest_place(head, context.sentence(head), places)

    # -- output ------------------------------------------------------------------------------------

    def to_event(self, n: int, item: Found, grams: dict[int, frozenset[tuple[str, ...]]]) -> Event:
        trigger = item.trigger
        sentence = item.sentence_span

        def sentence_grams() -> frozenset[tuple[str, ...]]:
            if sentence.start not in grams:
                words = [t.lower_ for t in sentence]
                grams[sentence.start] = ngrams(words) | ngrams([t.lemma_.lower() for t in sentence])
            return grams[sentence.start]

        actor_words = item.actor.mention.text.lower().split() if item.actor else []
        acled = acled_code(item.code, self.lexicon, grams=sentence_grams, actor=actor_words)
        return Event(
            id=f"e{n + 1}",
            type=item.code.type,
            mode=item.code.mode,
            status=item.modality.status,
            negated=item.modality.negated,
            actor=item.actor.id if item.actor else None,
            target=item.target.id if item.target else None,
            place=item.place,
            date=item.date,
            date_precision=item.date_precision,
            anchor=f"e{item.anchor + 1}" if item.anchor is not None else None,
            trigger=_mention(trigger.span),
            sentence=TextSpan(start=sentence.start_char, end=sentence.end_char),
            confidence=_confidence(item),
            cameo=self.lexicon.cameo(item.code),
            acled_type=acled[0] if acled else None,
            acled_subtype=acled[1] if acled else None,
            actor_mention=item.actor.mention if item.actor else None,
            target_mention=item.target.mention if item.target else None,
        )


def _word_is(token: Token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


def _mention(span: Span | Token) -> Mention:
    if isinstance(span, Token):
        return Mention(start=span.idx, end=span.idx + len(span), text=span.text)
    return Mention(start=span.start_char, end=span.end_char, text=span.text)


def _item_mention(sentence: Span, item_id: str, index: MentionIndex) -> Mention:
    """The mention of `item_id` in the sentence (the evidence for a left-hand actor)."""
    for start, end, found in index.within(sentence.start_char, sentence.end_char):
        if found == item_id:
            return Mention(start=start, end=end, text=sentence.doc.text[start:end])
    return _mention(sentence)


def _sentence_numbers(doc: Doc, sentences: list[Span]) -> list[int]:
    numbers = [0] * len(doc)
    for n, sentence in enumerate(sentences):
        numbers[sentence.start : sentence.end] = [n] * len(sentence)
    return numbers


def _depth(token: Token) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token = token.head
        depth += 1
    return depth


def _anaphoric(
    trigger: Trigger,
    actor: args.Argument | None,
    target: args.Argument | None,
    place: str | None,
    earlier: list[Found],
) -> bool:
    """A definite event noun with nothing new ("The visit, which ...") repeats an earlier event."""
    head = trigger.head
    if is_verbal(head) or actor is not None or trigger.light_verb is not None:
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
        return False
    if target is None and place is None:
        return any(e.code == trigger.code for e in earlier)
    return any(e.code == trigger.code and place is not None and e.place == place for e in earlier)


def _anchor_index(when: TimeMention | None, earlier: list[Found]) -> int | None:
    """The earlier event a relative time expression counts from ("20 days after the liberation")."""
    if when is None or when.anchor is None:
        return None
    start, end = when.anchor
    for n, item in enumerate(earlier):
        if start <= item.trigger.span.start_char < end:
            return n
    return None


def _set_anchors(found: list[Found]) -> None:
    """ "20 days AFTER the liberation of al-Bukamal, the army completed ...": the later event is dated
    by the earlier one. The anchor is a nominal event right after an anchor word in the sentence."""
    for i, item in enumerate(found):
        head = item.trigger.head
        if is_verbal(head):
            continue
        before = [
            t
            for t in head.doc[max(item.sentence_span.start, head.i - 3) : head.i]
            if t.lower_ in ANCHOR_WORDS
        ]
        if not before:
            continue
        for other in found:
            other_head = other.trigger.head
            inside = head.left_edge.i <= other_head.i <= head.right_edge.i
            if (
                other.sentence == item.sentence
                and other_head.i > head.i
                and not inside
                and other.anchor is None
            ):
                other.anchor = i


def _confidence(item: Found) -> float:
    head = item.trigger.head
    score = CONFIDENCE_BASE
    if is_verbal(head) or item.trigger.light_verb is not None:
        score += CONFIDENCE_VERBAL
    if item.actor is not None:
        score += CONFIDENCE_ACTOR if item.actor.id else CONFIDENCE_ACTOR_TEXT
    if item.target is not None:
        score += CONFIDENCE_TARGET
    if item.place is not None:
        score += CONFIDENCE_PLACE
    if item.date_precision not in {None, "published"}:
        score += CONFIDENCE_DATE
    if head.lemma_.lower() in AMBIGUOUS and len(item.trigger.span) == 1:
        score += CONFIDENCE_AMBIGUOUS
    return round(min(CONFIDENCE_MAX, max(CONFIDENCE_MIN, score)), 2)
