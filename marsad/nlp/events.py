"""Component `marsad_events`: who did what to whom, where and when, coded to PLOVER.

Triggers are read off the dependency parse with the lexicon in marsad/resources/events/: verbs by
lemma ("visited"), event nouns ("the withdrawal of troops", "the Russian intervention") and
multiword patterns ("take control", "jet-drop"). For each trigger, event_filter.py decides whether
it is an event at all (not a topic mention, a repeat or a danger), event_status.py the status and
negation, event_args.py the actor, target and place, event_dates.py the date, and event_output.py
(with event_codes.py) the contract's event, its CAMEO root, ACLED types and confidence. Actor and
place ids come from `doc._.marsad_actors` and `doc._.marsad_places` through MentionIndex, so events
improve as linking does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from marsad.model import DateRange, Mention
from marsad.nlp import event_args as args
from marsad.nlp import event_filter as rules
from marsad.nlp.actor_words import BODY_NAME_PREPOSITIONS
from marsad.nlp.cues import load_cues
from marsad.nlp.event_codes import ARMED, THREAT_MODES, plover_code
from marsad.nlp.event_dates import TimeMention, published, sentence_time, time_mentions
from marsad.nlp.event_lexicon import Code, Lexicon, load_lexicon
from marsad.nlp.event_output import AMBIGUOUS, DocWords, Found, Trigger, to_event
from marsad.nlp.event_status import FACTUAL, OBLIGED, is_verbal, modal, modality, names_it
from marsad.nlp.lookup import MentionIndex

# "less than 20 days AFTER the liberation of al-Bukamal": these words date one event by another.
ANCHOR_WORDS = frozenset({"after", "before", "following", "since", "preceding"})
# Event nouns whose possessor, when a person, suffered the act ("Foley's killing").
SUFFERED_NOUNS = frozenset(
    {
        "killing",
        "murder",
        "beheading",
        "execution",
        "assassination",
        "abduction",
        "kidnapping",
        "arrest",
        "detention",
        "torture",
        "imprisonment",
        "capture",
    }
)
PRONOUN_LOOKBACK_SENTENCES = 2
# Pronouns that stand only for a person: "he" is not the Congress an earlier event named.
PERSON_PRONOUNS = frozenset({"he", "she"})
MAX_DEPTH = 50  # a parse deeper than this is broken: the walk to the root stops
# Verbs of promising: what is promised says whether the promise is an agreement or a threat.
PROMISES = frozenset({"vow", "pledge", "promise", "swear"})
# Small words inside a body's formal name: "Organisation for the Prohibition of Chemical Weapons",
# "Committee to Protect Journalists".
BODY_NAME_WORDS = BODY_NAME_PREPOSITIONS | {"to"}
# Nouns that name an event only through their modifier: "the (jet-drop) incident".
GENERIC_EVENT_NOUNS = frozenset(
    {"incident", "event", "operation", "campaign", "episode", "attack", "effort", "procession", "motorcade"}
)
# Types whose event is done by the act it is the purpose of: who gathered "to protest" protested.
EXPRESSIVE = frozenset({"PROTEST"})
# Types done by saying so: who reports a commitment or a demand may be who makes it.
SAID_ACTS = frozenset(
    {"AGREE", "SUPPORT", "CONCEDE", "REJECT", "THREATEN", "DISAPPROVE", "ACCUSE", "DEMAND", "REQUEST"}
)
# Types whose event leaves a place: "withdrawal from Syria" happens in Syria.
LEAVING = frozenset({"RETREAT"})
PHRASE_GAP_POS = frozenset({"ADJ", "DET", "ADV", "PROPN", "PRON"})
# What people come together for that makes their assembly a protest: "gathered to demand", "to
# denounce", "in support of", "in protest", "in solidarity with".
CLAIMED_TYPES = frozenset({"DEMAND", "REQUEST", "PROTEST", "DISAPPROVE", "ACCUSE", "REJECT", "SUPPORT"})
ASSEMBLY_CAUSES = frozenset({"support", "protest", "solidarity", "defiance"})
# Amounts and loads an object phrase or a light verb reads through to what they carry: "sent 50
# tonnes of food aid", "carried out dozens of air strikes".
MEASURE_NOUNS = frozenset(
    {"tonne", "ton", "kilogram", "kilo", "thousand", "hundred", "dozen", "million", "billion", "shipment",
     "consignment", "convoy", "batch", "truckload", "planeload", "cargo", "package", "quantity", "amount",
     "dollar", "euro", "pound", "contingent", "battalion", "brigade", "company", "unit", "wave", "series",
     "spate", "string", "round", "number"}
)  # fmt: skip
DEMANDED = Code("DEMAND")  # "X said Y must return the helicopter": a demand (PLOVER), whatever the act


# Subject pronouns that may stand for the subject of the sentence before ("he" and "she" are left to
# the persons named: a subject that is a person is rarely the only one in reach).
PREVIOUS_SUBJECT_PRONOUNS = frozenset({"it", "they"})


@dataclass(slots=True, kw_only=True)
class _Context:
    """What every trigger of one document is resolved against."""

    actors: MentionIndex
    outlets: frozenset[str]  # ids of the actors that are media outlets
    people: frozenset[str]  # ids of the actors that are persons
    armed: frozenset[str]  # ids of the actors of the armed kinds of party (acled.toml)
    places: MentionIndex
    times: list[TimeMention]
    published: DateRange | None
    sentences: list[Span]
    sentence_of: list[int]  # token index -> sentence number (Token.sent is slow: it searches)
    codes: dict[int, Code] = field(default_factory=dict)  # trigger head index -> its code
    # time start -> its clause verb, and the subject noun whose phrase holds it (if any)
    time_clauses: dict[int, tuple[Token | None, Token | None]] = field(default_factory=dict)
    dated: set[int] = field(default_factory=set)  # sentences naming a particular date or time
    depths: dict[int, int] = field(default_factory=dict)  # token index -> distance from its root

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
        # Two-word phrases by verb and object: "recalled its long-serving AMBASSADOR" is "recall ambassador".
        self._objects: dict[str, dict[str, Code]] = {}
        for words, code in lexicon.phrases.items():
            if len(words) == 2:
                self._objects.setdefault(words[0], {})[words[1]] = code

    def _phrase_at(self, words: DocWords, start: int) -> tuple[int, Code] | None:
        """(end, code) of the longest phrase starting at token `start`, one filler word allowed
        between its words ("took full control")."""
        lemmas, lowers, tags = words.lemmas, words.lowers, words.tags
        size = len(lemmas)
        for phrase, code in self._phrases.get(lemmas[start], []):
            i = start + 1
            for word in phrase[1:]:
                if i < size and word in (lemmas[i], lowers[i]):
                    i += 1
                elif i + 1 < size and tags[i] in PHRASE_GAP_POS and word in (lemmas[i + 1], lowers[i + 1]):
                    i += 2
                else:
                    break
            else:
                return i, code
        return None

    def _object_phrase_at(self, verb: Token, lemma: str, context: _Context) -> tuple[int, Code] | None:
        """(end, code) of a two-word phrase whose second word heads the verb's object (or passive
        subject), however many words lie between ("lifted on Friday a day-old BLOCKADE"): the parse
        joins what the scan cannot.
        Also a place verb whose object is a place (in a place mention, whatever the recogniser
        labelled it: "seized PALMYRA") or a noun of place ("seized the strategic CITY of Ramadi"),
        and a party verb whose object is an armed party ("destroy ISIL", "crushed the militants")."""
        objects = self._objects.get(lemma, {})
        for child in verb.lefts:
            if child.dep_ == "nsubjpass" and (code := objects.get(child.lemma_.lower())):
                return verb.i + 1, code  # the passive: "the ambassador was recalled", "a body was found"
        on_place = self.lexicon.place_verbs.get(lemma)
        on_party = self.lexicon.party_verbs.get(lemma)
        for child in verb.rights:
            if child.dep_ != "dobj":
                continue
            if code := objects.get(child.lemma_.lower()):
                return child.i + 1, code
            if (measured := _measured(child)) is not None and (code := objects.get(measured.lemma_.lower())):
                return child.i + 1, code
            if on_place is not None and (
                context.places.at(child.idx, child.idx + len(child)) is not None
                or child.lemma_.lower() in self.lexicon.place_objects
            ):
                return child.i + 1, on_place
            if on_party is not None and (
                context.actors.at(child.idx, child.idx + len(child)) in context.armed
                or (child.lower_,) in self.lexicon.party_words.get(ARMED, ())
            ):
                return verb.i + 1, on_party  # the party is the target, no word of the trigger
        return None

    def __call__(self, doc: Doc) -> Doc:
        found, words = self.extract(doc)
        types = {actor.id: actor.type for actor in doc._.marsad_actors or []}
        doc._.marsad_events = [to_event(n, item, self.lexicon, words, types) for n, item in enumerate(found)]
        return doc

    # -- detection ---------------------------------------------------------------------------------

    def triggers(self, doc: Doc, words: DocWords, context: _Context) -> list[Trigger]:
        found: list[Trigger] = []
        lemmas, tags = words.lemmas, words.tags
        named = _inside_body_names(doc)
        i = 0
        while i < len(doc):
            if i in named:
                i += 1  # "the Convention on the Prohibition of Chemical Weapons" prohibits nothing here
                continue
            phrase = self._phrase_at(words, i)
            if phrase is None and tags[i] == "VERB":
                phrase = self._object_phrase_at(doc[i], lemmas[i], context)
            if phrase:
                end, code = phrase
                span = doc[i:end]
                found.append(Trigger(span=span, head=span.root, code=code))
                i = end
                continue
            lexicon = {"VERB": self.lexicon.verbs, "NOUN": self.lexicon.nouns}.get(tags[i])
            if lexicon is not None and (single := lexicon.get(lemmas[i])):
                token = doc[i]
                if not self._transitive_use(token, lemmas[i]) and not self._unmade(token, single):
                    found.append(Trigger(span=doc[i : i + 1], head=token, code=single))
            elif tags[i] == "VERB" and self._demanded(doc[i]):
                found.append(Trigger(span=doc[i : i + 1], head=doc[i], code=DEMANDED))
            elif tags[i] == "VERB" and (assembly := self._assembled_for(doc[i], lemmas[i])) is not None:
                found.append(Trigger(span=doc[i : i + 1], head=doc[i], code=assembly))
            i += 1
        heads = {t.head.i for t in found}
        codes = {t.head.i: t.code for t in found}
        kept = []
        for trigger in found:
            head = trigger.head
            if (
                len(trigger.span) == 1
                and head.lemma_.lower() in self.lexicon.light_verbs
                and head.lemma_.lower() in self.lexicon.verbs  # not "must reach an agreement": a demand
                and any(c.dep_ == "dobj" and c.i in heads for c in head.children)
            ):
                continue  # "committed a massacre": the object is the event, the verb only carries it
            if head.dep_ in {"compound", "amod"} and head.head.i in heads:
                continue  # "missile" in "missile strike": the head noun carries the event
            if (
                head.dep_ == "compound"
                and not is_verbal(head)
                and head.head.lemma_.lower() not in GENERIC_EVENT_NOUNS
            ):
                continue  # "a joint coordination center" names a thing, not an event
            carried = _measure_of(head) or head  # "carried out dozens of air STRIKES"
            if (
                not is_verbal(head)
                and carried.dep_ in {"dobj", "attr"}
                and (carried.head.lemma_.lower() in self.lexicon.light_verbs)
            ):
                trigger.light_verb = carried.head
            elif undone := self._undone(trigger):
                trigger.code, trigger.light_verb = undone, head.head
            if (vowed := _vowed_force(trigger, codes)) is not None:
                trigger.code = vowed
            kept.append(trigger)
        return sorted(kept, key=lambda t: t.span.start)

    def _demanded(self, verb: Token) -> bool:
        """What someone says another party must do ("X said Y must return it"), not already the content
        of a demand ("X insisted that Y should ...": the insisting is the demand)."""
        said_by = self.lexicon.verbs.get(verb.head.lemma_.lower())
        return (
            verb.dep_ == "ccomp"
            and modal(verb, self.lexicon) == OBLIGED  # "Y must return", "Y should withdraw"
            and (said_by is None or said_by.type not in {DEMANDED.type, "REQUEST"})
        )

    def _assembled_for(self, verb: Token, lemma: str) -> Code | None:
        """ "Parents gathered in front of a school to demand ...", "residents assembled in support of
        ...": coming together for a claim is the event of the assembly verb (a protest)."""
        code = self.lexicon.assembly_verbs.get(lemma)
        if code is None:
            return None
        for child in verb.children:
            purpose = self.lexicon.verbs.get(child.lemma_.lower())
            if child.dep_ in {"advcl", "xcomp"} and purpose is not None and purpose.type in CLAIMED_TYPES:
                return code
            if child.dep_ == "prep" and child.lower_ == "in":
                cause = next((c for c in child.children if c.dep_ == "pobj"), None)
                if cause is not None and cause.lemma_.lower() in ASSEMBLY_CAUSES:
                    return code
        return None

    def _undone(self, trigger: Trigger) -> Code | None:
        """ "Lifted the blockade", "the curfew was shortened": a verb that ends the act its object
        names is a concession (CAMEO's easing of sanctions, curfews and blockades), carried by the verb."""
        head = trigger.head
        if (
            is_verbal(head)
            or head.dep_ not in {"dobj", "nsubjpass"}
            or head.head.lemma_.lower() not in self.lexicon.undo_verbs
            or head.lemma_.lower() in self.lexicon.participants  # "removed the protesters"
        ):
            return None
        becomes = self.lexicon.undone.get(head.lemma_.lower()) or self.lexicon.undone.get(trigger.code.type)
        return Code(becomes) if becomes else None

    def _unmade(self, word: Token, code: Code) -> bool:
        """A trigger whose object says it is no such event: "provided details", "without providing a
        toll" give no aid, "released a video", "the video released online" and "the release of the
        footage" free nobody, "a severed head" cuts no ties (`not_objects` in triggers.toml, for a
        type or one of its modes)."""
        objects = self.lexicon.not_objects.get(code.type, frozenset()) | self.lexicon.not_objects.get(
            code.key, frozenset()
        )
        if not objects:
            return False
        return any(o.lemma_.lower() in objects for o in args.undergoers(word))

    def _transitive_use(self, token: Token, lemma: str) -> bool:
        """A verb that is an event only without an object and done by people ("thousands demonstrated
        in Cairo"), used otherwise ("demonstrated its strength", "the contradiction demonstrated")."""
        return lemma in self.lexicon.intransitive and not rules.intransitive_act(token)

    def extract(self, doc: Doc) -> tuple[list[Found], DocWords]:
        """Every event of the document, in text order, and the document's words they were read from."""
        context = _Context(
            actors=MentionIndex(doc._.marsad_actors or []),
            outlets=frozenset(a.id for a in doc._.marsad_actors or [] if a.type == "media outlet"),
            people=frozenset(a.id for a in doc._.marsad_actors or [] if a.type == "person"),
            armed=frozenset(
                a.id for a in doc._.marsad_actors or [] if a.type in self.lexicon.party_types.get(ARMED, ())
            ),
            places=MentionIndex(getattr(doc._, "marsad_places", None) or []),
            times=time_mentions(doc),
            published=published(doc),
            sentences=(sentences := list(doc.sents)),
            sentence_of=_sentence_numbers(doc, sentences),
        )
        words = DocWords(doc, context.sentences, self.lexicon.nouns)
        triggers = self.triggers(doc, words, context)
        context.codes = {t.head.i: t.code for t in triggers}
        context.dated = {context.sentence_of[ent.start] for ent in doc.ents if rules.particular_time(ent)}
        found: list[Found] = []
        for trigger in triggers:
            item = self._found(trigger, context, found)
            if item is not None:
                found.append(item)
        _set_anchors(found)
        return found, words

    def _found(self, trigger: Trigger, context: _Context, earlier: list[Found]) -> Found | None:
        head, light_verb = trigger.head, trigger.light_verb
        nominal = light_verb is None and not is_verbal(head)
        if nominal and rules.told_by_verb(head, context.codes):
            return None
        if nominal and head.lemma_.lower() in AMBIGUOUS and rules.about_event(head, context.codes):
            return None
        advance = not nominal and trigger.code.mode == "advance"
        if advance and not rules.advance_by_force(head, context.actors):
            return None
        sentence = context.sentence(head)
        mood = modality(
            head,
            self.lexicon,
            light_verb=light_verb,
            sentence_start=sentence.start,
            expressive=trigger.code.type in EXPRESSIVE,
        )
        # The cue's subject may stand in for a missing actor ("X said there is no agreement"), but
        # the source of a report does not do the act reported: "Y was killed, X told reporters".
        reported_act = mood.status == "reported" and trigger.code.type not in SAID_ACTS
        cue = head.doc[mood.cue] if mood.cue is not None and not reported_act else None
        actor, target, carrier = self._arguments(trigger, context, earlier, cue)
        if trigger.code.type == "THREATEN" and rules.is_danger(head, context.actors, context.codes):
            return None
        place, placed = self._place(trigger, context, actor)
        when = sentence_time(
            context.times,
            sentence,
            head.idx,
            exclude=trigger.span.start_char,
            applies=lambda time: self._dates(time, head, context),
        )
        if nominal and not rules.has_participant(
            head,
            light_verb=light_verb,
            carrier_subject=carrier,
            placed=placed,
            dated=when is not None or context.sentence_of[head.i] in context.dated,
            participants=self.lexicon.participants,
        ):
            return None  # "alliances", "a pretext for intervention": a topic, not an event
        told = rules.Told(
            code=trigger.code,
            lemma=head.lemma_.lower(),
            factual=mood.status in FACTUAL,
            actor=actor.id if actor else None,
            target=target.id if target else None,
            place=place,
        )
        if nominal and rules.refers_back(head) and rules.repeats(told, [e.told for e in earlier]):
            return None  # "The visit, which ...", "the Russian intervention" told again
        pub = context.published
        date, precision = (
            (when.date, when.precision) if when and when.date else (pub, "published" if pub else None)
        )
        anchor = _anchor_index(when, earlier)
        code = plover_code(trigger.code, mood)
        if code != trigger.code:
            trigger = Trigger(span=trigger.span, head=head, code=code, light_verb=light_verb)
        return Found(
            trigger=trigger,
            told=told,
            modality=mood,
            actor=actor,
            target=target,
            place=place,
            date=date,
            date_precision=precision,
            anchor=anchor,
            depth=tree_depth(head, context.depths),
            sentence=context.sentence_of[head.i],
            sentence_span=sentence,
        )

    # -- arguments ---------------------------------------------------------------------------------

    def _dates(self, time: TimeMention, head: Token, context: _Context) -> bool:
        """The time belongs to the event's clause, and not to a subject that is no event of its own
        ("the regime, in power since 1963, crushed ..."; but "the attack on Monday killed ...")."""
        verb, subject = _time_clause(time, head.doc, context)
        return rules.governs(verb, head) and (
            subject is None or subject.i == head.i or subject.lemma_.lower() in self.lexicon.nouns
        )

    def _arguments(
        self, trigger: Trigger, context: _Context, earlier: list[Found], cue: Token | None
    ) -> tuple[args.Argument | None, args.Argument | None, Token | None]:
        """Actor, target, and the subject of the verb that carries a nominal event, if any."""
        head = trigger.head
        actor_token: Token | None = None
        target_token: Token | None = None
        carried_by: Token | None = None
        suffered = False  # "Regime forces killed in an ambush": the words before the verb suffered it
        if is_verbal(head):
            actor_token = args.subject_of(head)
            target_token = args.object_of(head, trigger.span)
            if target_token is None and (sufferer := args.sufferer(head, actor_token, trigger.code.type)):
                actor_token, target_token, suffered = None, sufferer, True
            elif actor_token is None and head.dep_ == "acl" and not is_verbal(head.head):
                actor_token = args.nominal_actor(head.head)  # "Washington's decision to drop ..."
            # "X said Y must withdraw": X demands it of Y
            if head.dep_ == "ccomp" and modal(head, self.lexicon) == OBLIGED:
                actor_token, target_token = args.subject_of(head.head), actor_token
        else:
            actor_token = args.nominal_actor(head, context.actors)
            if actor_token is not None and self._suffered_by(actor_token, trigger, context):
                actor_token, target_token = None, actor_token  # "Foley's killing": Foley was killed
            of_arg = args.prep_object(head, frozenset({"of"}), trigger.span)
            # "lifted the blockade OF the city": the act ended was done to its "of"-argument.
            ender = trigger.light_verb
            ended = ender is not None and ender.lemma_.lower() in self.lexicon.undo_verbs
            if of_arg is not None and trigger.code.type in args.OF_IS_ACTOR and not ended:
                actor_token = actor_token or of_arg
            elif of_arg is not None:
                target_token = of_arg
            target_token = args.prep_object(head, args.TARGET_PREPOSITIONS, trigger.span) or target_token
            carrier = trigger.light_verb or (head.head if head.dep_ in {"dobj", "nsubjpass"} else None)
            if carrier is not None and is_verbal(carrier) and self._carries(carrier, trigger, context.codes):
                carried_by = args.subject_of(
                    carrier
                )  # "the army launched attacks", "Putin ordered a withdrawal"
                actor_token = actor_token or carried_by
        actor_token = actor_token or args.claimant(head)
        described = args.relative_antecedent(actor_token) if actor_token is not None else None
        if described is not None and described.i in context.codes:
            actor_token = described  # "a bombing THAT killed 30 rebels": the bombing killed them
        # "Russian strikes killed ...": who struck killed; the words around that event are its own.
        subject_event = actor_token is not None and actor_token.i in context.codes
        inherited: args.Argument | None = None
        if actor_token is not None and subject_event:
            inherited = next((e.actor for e in earlier if e.trigger.head.i == actor_token.i), None)
            actor_token = args.nominal_actor(actor_token)
        if (
            actor_token is None
            and cue is not None
            and is_verbal(cue)
            and cue != head
            and head.dep_ not in ("pcomp", "amod")
        ):
            # "X said there is no agreement": X's side agreed nothing; but in "X claimed doctors
            # were executed for refusing ..." or "X said the Saudi-backed militants ...", who
            # refused or backed is no one X speaks for
            actor_token = args.subject_of(cue)
        actor = self._resolve(actor_token, context, earlier, head) or inherited
        verb = head if is_verbal(head) else trigger.light_verb
        sentence = context.sentence(head)
        if (
            actor_token is None  # an unresolved pronoun is still the subject: "they came to support Iran"
            and not subject_event
            and not suffered
            and verb is not None
            and (left := args.left_actor(verb, context.actors, sentence.start))
        ):
            actor = args.Argument(mention=_item_mention(sentence, left, context.actors), id=left)
        if actor is not None and args.is_place(actor, context.places):
            actor = None  # "the Idlib strikes": where they fell, not who struck
        if actor is not None and actor.id in context.outlets and trigger.code.type not in SAID_ACTS:
            actor = None  # an outlet reports, accuses or backs; a byline's outlet struck nobody
        target = args.argument(target_token, context.actors) if target_token is not None else None
        if target is not None and args.is_place(target, context.places):
            target = None
        if actor is not None and target is not None and actor.id is not None and actor.id == target.id:
            target = None
        return actor, target, carried_by

    @staticmethod
    def _suffered_by(possessor: Token, trigger: Trigger, context: _Context) -> bool:
        """A person's possessive before an act suffered is who suffered it ("Foley's killing",
        "Sotloff's beheading"); a state's or group's is who did it ("ISIS's killing of ..."), and a
        person's before other acts too ("Assad's crackdown")."""
        if possessor.dep_ != "poss" or trigger.head.lemma_.lower() not in SUFFERED_NOUNS:
            return False
        return context.actors.at(possessor.idx, possessor.idx + len(possessor)) in context.people

    def _carries(self, verb: Token, trigger: Trigger, codes: dict[int, Code]) -> bool:
        """Whether the verb's subject does the nominal event: a light or status verb ("launched
        attacks", "ordered a withdrawal"), or any verb that is no event itself ("threw a grenade"),
        not "criticized the intervention", nor a verb of saying ("Russia described the attack as
        an aggression", "the ministry reported the strike")."""
        lemma = verb.lemma_.lower()
        status = self.lexicon.governors.get(lemma)
        return (
            verb == trigger.light_verb
            or lemma in self.lexicon.light_verbs
            or (status is not None and status != "reported" and not names_it(verb, trigger.head))
            or (status is None and verb.i not in codes and lemma not in load_cues().stance)
        )

    def _resolve(
        self, token: Token | None, context: _Context, earlier: list[Found], head: Token
    ) -> args.Argument | None:
        """The argument at `token`; a relative pronoun is the noun its clause describes ("the
        meeting, WHICH was proposed"), another pronoun the actor of a recent earlier event."""
        if token is None:
            return None
        if token.pos_ != "PRON" or token.lower_ not in args.PRONOUNS:
            return args.argument(token, context.actors)
        if (sayer := args.sayer_of(token, self.lexicon.governors)) is not None:
            return args.argument(sayer, context.actors)
        if token.lower_ in args.RELATIVE_PRONOUNS:
            described = args.relative_antecedent(token)
            return args.argument(described, context.actors) if described is not None else None
        here = context.sentence_of[head.i]
        if (subject := self._previous_subject(token, here, context)) is not None:
            return subject
        person = token.lower_ in PERSON_PRONOUNS
        for item in reversed(earlier):
            if here - item.sentence > PRONOUN_LOOKBACK_SENTENCES:
                break
            if (
                item.actor is not None
                and item.actor.id is not None
                and (not person or item.actor.id in context.people)
            ):
                return args.Argument(mention=args.mention(token), id=item.actor.id)
        return None

    @staticmethod
    def _previous_subject(pronoun: Token, here: int, context: _Context) -> args.Argument | None:
        """ "The Islamic State group is under attack by ... US-backed forces. On Thursday IT mounted
        a counterattack": a subject pronoun opening its sentence's clause stands for the subject of
        the sentence before, when that subject names an actor and agrees in number."""
        if here == 0 or pronoun.dep_ not in args.SUBJECTS or pronoun.lower_ not in PREVIOUS_SUBJECT_PRONOUNS:
            return None
        root = context.sentences[here - 1].root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        plural = subject.tag_ in {"NNS", "NNPS"}
        if plural != (pronoun.lower_ == "they"):
            return None
        found = args.argument(subject, context.actors)
        return args.Argument(mention=args.mention(pronoun), id=found.id) if found.id is not None else None

    def _place(
        self, trigger: Trigger, context: _Context, actor: args.Argument | None
    ) -> tuple[str | None, bool]:
        """Where the event happens, and whether its own words say so ("the withdrawal of Russia FROM
        Syria", "strikes IN Idlib"). Else the verb that governs an event noun names it, else the
        nearest place in the clause; a verb's event may take the nearest in the sentence."""
        head, places = trigger.head, context.places
        own = [head]
        if trigger.light_verb is not None:
            own.append(trigger.light_verb)
        if head.dep_ in {"compound", "nmod", "amod", "conj"}:
            own.append(head.head)  # "(jet-drop) incident near ...", "visited X and met ..."
        source = trigger.code.type in LEAVING
        exclude = args.actor_words(actor) if actor is not None else None
        objects = trigger.code.type not in SAID_ACTS
        if found := args.place_of(own, places, source=source, exclude=exclude, objects=objects):
            return found, True
        nominal = not is_verbal(head) and trigger.light_verb is None
        governor = head.head if nominal and head.head != head and is_verbal(head.head) else None
        if governor is not None and (
            found := args.place_of([governor], places, source=source, exclude=exclude, objects=objects)
        ):
            return found, False
        clause = head if is_verbal(head) else (trigger.light_verb or head)
        # Near, not in a locative phrase: a place that the actor linker took for a state ("Moscow's
        # declaration") is no place here; an event noun looks no further than its clause.
        scope = rules.clause_verb(head) if nominal else None
        for span in (
            head.doc[clause.left_edge.i : clause.right_edge.i + 1],
            head.doc[scope.left_edge.i : scope.right_edge.i + 1]
            if scope is not None
            else context.sentence(head),
        ):
            if found := args.nearest_place(head, span, places, exclude, context.actors):
                return found, False
        return None, False


def _measured(noun: Token) -> Token | None:
    """What an amount or a load carries: "aid" of "50 tonnes of food aid", "troops" of "thousands of
    troops", "assistance" of "30 million euros in humanitarian assistance"."""
    if not _is_measure(noun):
        return None
    return next(
        (g for c in noun.rights if c.lower_ in ("of", "in") for g in c.children if g.dep_ == "pobj"), None
    )


def _measure_of(noun: Token) -> Token | None:
    """The amount a noun is counted by: "dozens" of "dozens of air strikes" (`_measured` the other way)."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and _is_measure(of.head):
        return of.head
    return None


def _is_measure(noun: Token) -> bool:
    return noun.lemma_.lower() in MEASURE_NOUNS or noun.pos_ == "NUM"


def _item_mention(sentence: Span, item_id: str, index: MentionIndex) -> Mention:
    """The mention of `item_id` in the sentence (the evidence for a left-hand actor)."""
    for start, end, found in index.within(sentence.start_char, sentence.end_char):
        if found == item_id:
            span = sentence.doc.char_span(start, end, alignment_mode="expand")
            return Mention(start=start, end=end, text=span.text if span is not None else "")
    return args.mention(sentence)


def _vowed_force(trigger: Trigger, codes: dict[int, Code]) -> Code | None:
    """ "Vowed to avenge relatives", "pledged to retaliate": a promise of hostile acts is a threat
    (PLOVER THREATEN), not an agreement."""
    head = trigger.head
    if trigger.code.type != "AGREE" or head.lemma_.lower() not in PROMISES or not is_verbal(head):
        return None
    acts = [codes[c.i] for c in head.children if c.dep_ == "xcomp" and c.i in codes]
    hostile = next((code for code in acts if code.type in THREAT_MODES), None)
    return Code("THREATEN", THREAT_MODES[hostile.type]) if hostile else None


def _inside_body_names(doc: Doc) -> set[int]:
    """Tokens of the capitalised words inside a body's formal name, one with a preposition in it
    ("Committee to Protect Journalists", "Centre for Reconciliation of Opposing Sides"): the words
    name the body, they tell of no event."""
    inside: set[int] = set()
    for actor in doc._.marsad_actors or []:
        if actor.type in ("person", "state", "group"):
            continue
        for mention in actor.mentions:
            if not BODY_NAME_WORDS.intersection(mention.text.lower().split()[1:-1]):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="contract")
            if span is not None:
                inside.update(t.i for t in span if t.is_title)
    return inside


def _sentence_numbers(doc: Doc, sentences: list[Span]) -> list[int]:
    numbers = [0] * len(doc)
    for n, sentence in enumerate(sentences):
        numbers[sentence.start : sentence.end] = [n] * len(sentence)
    return numbers


def tree_depth(token: Token, known: dict[int, int]) -> int:
    """How far the token is from its sentence's root; `known` keeps the depths found so far."""
    path: list[int] = []
    while token.i not in known and token.head.i != token.i and len(path) < MAX_DEPTH:
        path.append(token.i)
        token = token.head
    depth = known.get(token.i, 0)
    for i in reversed(path):
        depth += 1
        known[i] = depth
    return depth


def _time_clause(time: TimeMention, doc: Doc, context: _Context) -> tuple[Token | None, Token | None]:
    """The verb whose clause a time expression belongs to, and the subject noun whose phrase holds
    it (cached per document)."""
    if time.start not in context.time_clauses:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        verb = subject = None
        if span is not None:
            verb = rules.clause_verb(span.root)
            subject = rules.subject_holding(span.root, verb)
        context.time_clauses[time.start] = (verb, subject)
    return context.time_clauses[time.start]


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
