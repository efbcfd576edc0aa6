"""Component `marsad_actors`: every mention of an actor, linked to one identity.

Three sources, in this order of trust:
1. Names from the actor knowledge base (marsad.resolve.actor_kb), read in context: a capital or
   seat stands for its state ("Moscow said") unless it is a place ("in Moscow"); a demonym is the
   state ("the Russians"), or one of its institutions before "forces", "regime"... ("Russian
   forces"); a role title is its holder on the document's date ("Turkish PM" in March 2016).
2. References the sentence makes clear: "his country", "Putin's forces", "the latter".
3. spaCy's named entities the knowledge base does not know: kept as new actors with a typed guess,
   unless they are places, headline words or adjectives spaCy mislabelled (new_actors.py).
Affiliations stated in apposition ("Mustafa Bali, director of the media center at SDF") link a
person to the organisation. The document date comes in as `doc._.marsad_published`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from marsad.model import Actor, Mention
from marsad.nlp.actor_names import Match, NameTrie
from marsad.nlp.actor_words import (
    AFFILIATION_PREPOSITIONS,
    AGENT_NOUNS,
    APPOSITION_MARKS,
    APPOSITION_WINDOW,
    BODY_HEAD_WORDS,
    BODY_NAME_PREPOSITIONS,
    CAPITALISED_ORGANISATION_WORDS,
    LEADING_ARTICLE,
    LOCATIVE,
    PLACE_AFTER,
    PLACE_NOUNS,
    POSSESSIVE,
    RESIDENT_NOUNS,
    ROLE_NAME_GAP,
    TITLE_WORDS,
    TYPE_GUESSES,
    bare_name,
    body_head,
    is_possessive_marker,
    names_body,
    qualifies_force,
    trimmed_mention,
)
from marsad.nlp.extensions import text_of
from marsad.nlp.new_actors import NewActorScreen
from marsad.nlp.place_names import document_focus, main_country, spelt_as
from marsad.resolve.actor_kb import ActorEntry, ActorKb, Institution, NameHit, fold_token, is_hyphen, load_kb
from marsad.resolve.actor_kb import fold as name_key
from marsad.resolve.gazetteer import Candidate, Gazetteer, default_gazetteer
from marsad.resolve.names import fold
from marsad.resolve.outlets import default_registry

# An Arabic article glued to a surname: "al-Hussein" is written "Hussein" alone.
LEADING_NAME_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-")
# spaCy label → type of an actor the knowledge base does not know. GPE and LOC are places.
ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}
# The first words of the references `_read_references` reads: "his country", "the latter", "the
# regime", "government forces", "state media".
REFERENCE_FIRST_WORDS = frozenset({"his", "her", "the", "regime", "government", "state"})
# Lower-case words inside a body's name: "the Foundation for Relief and Reconciliation".
BODY_NAME_CONNECTORS = frozenset({"for", "and", "of", "on", "the"})
# Nouns that, unqualified, name the ruling government or its arms of the country a report is about:
# "the regime", "the army", "government forces" (with a word of the military after them).
UNNAMED_RULERS = frozenset({"regime", "government", "authorities", "army", "military"})
# Media nouns after "state": "state TV", "state media", "the state news agency".
STATE_MEDIA = frozenset({"media", "tv", "television", "radio", "broadcaster", "news"})
# Role nouns of an apposition that states an affiliation: "spokesman for the SDF, Talal Silo".
ROLE_NOUNS = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "head",
        "chief",
        "commander",
        "leader",
        "official",
        "member",
        "representative",
        "envoy",
        "founder",
        "chairman",
        "president",
        "director-general",
    }
)


# A town this big, written as the text writes it, is what a name spelt unlike its actor means.
SPELT_PLACE_MIN_POPULATION = 50_000


# How the words "known as" hang on the name they rename: "X, also known as Y" (acl), "X, a
# companion of Z and also known as Y" (conj of an apposition); climbed this many steps at most.
ALIAS_LINKS = frozenset({"acl", "conj", "appos", "relcl", "advcl"})
ALIAS_CLIMB = 4
ALIAS_VERBS = frozenset({"known", "nicknamed", "dubbed"})


@dataclass(slots=True)
class Found:
    """One mention, linked: to an entry of the knowledge base or to a new actor's key."""

    start: int  # token index
    end: int
    key: str
    name: str
    type: str
    entry: ActorEntry | None = None
    referent: bool = True  # a noun phrase "the latter" can point back to
    from_state_word: bool = False  # a demonym, capital or state name (NER may know better)
    role: str | None = None
    country: str | None = None
    chars: tuple[int, int] | None = None  # exact text offsets when they differ from the tokens'


@Language.factory(
    "marsad_actors",
    assigns=["doc._.marsad_actors"],
    requires=["doc.ents", "token.dep", "token.pos", "doc.sents"],
)
def make_actors(nlp: Language, name: str) -> ActorLinker:
    return ActorLinker(nlp, load_kb())


class ActorLinker:
    """Fills doc._.marsad_actors; the gazetteer (to tell places from new actors) is opened on first use."""

    def __init__(self, nlp: Language, kb: ActorKb, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb
        self.trie = NameTrie(kb, lambda text: [t.text for t in nlp.tokenizer(text)])
        self._gazetteer = gazetteer

    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        date = getattr(doc._, "marsad_published", None)
        linking = _Linking(self.kb, doc, date, self.gazetteer)
        doc._.marsad_actors = linking.run(self.trie.find(linking.tokens, linking.text))
        return doc


def _unlabelled_bodies(doc: Doc, text: str) -> list[Span]:
    """Capitalised names with a body's word the recogniser left unlabelled: "the Foundation for Relief
    and Reconciliation in the Middle East" (up to the place it labelled), "The Union Of Medical Care
    And Relief Organizations"."""
    capitalised = list(CAPITALISED_ORGANISATION_WORDS.finditer(text))
    if not capitalised:
        return []
    labelled = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    bodies: list[Span] = []
    for match in capitalised:
        word = doc.char_span(match.start(), match.end())
        if word is None or word.start in labelled:
            continue
        if bodies and bodies[-1].start <= word.start < bodies[-1].end:
            continue
        start = word.start
        while start > 0 and _name_word(doc[start - 1], labelled) and not doc[start].is_sent_start:
            start -= 1
        end = word.end
        while end < len(doc) and (
            _name_word(doc[end], labelled)
            or (
                doc[end].lower_ in BODY_NAME_CONNECTORS
                and end + 1 < len(doc)
                and _name_word(doc[end + 1], labelled)
            )
        ):
            end += 1
        if sum(t.is_title for t in doc[start:end]) >= 2:
            bodies.append(Span(doc, start, end, label="ORG"))
    return bodies


def _name_word(token: Token, labelled: set[int]) -> bool:
    return token.is_title and token.is_alpha and token.i not in labelled


def _body_after(ent: Span, end: int) -> bool:
    """After a place it names (up to token `end`), the entity names a body: "the Damascus Police
    Command", not "Bamako (Bamako"."""
    return names_body(ent.doc[end : ent.end])


def _after_the(token: Token) -> bool:
    """ "the Observatory", "the Britain-based Observatory": the word heads a definite phrase."""
    return token.doc[token.i - 1].lower_ == "the" or any(
        child.dep_ == "det" and child.lower_ == "the" for child in token.children
    )


def actor_key(text: str) -> str:
    """Name used to group mentions: 'the SDF's' and 'SDF' are one actor."""
    name = POSSESSIVE.sub("", LEADING_ARTICLE.sub("", text.strip()))
    return " ".join(name.split()).casefold()


class _Linking:
    """The linking of one Doc: the matches read in context, then NER, then affiliations."""

    def __init__(self, kb: ActorKb, doc: Doc, date: str | None, gazetteer: Callable[[], Gazetteer]) -> None:
        self.kb, self.doc, self.date = kb, doc, date
        self.text = text_of(doc)
        # each doc[i] builds a Token: the tokens' text and offsets are read once, from an array,
        # for the name trie and the reference reader
        spans = doc.to_array([IDX, LENGTH]).tolist()
        self.tokens = [(self.text[start : start + length], start) for start, length in spans]
        self.screen = NewActorScreen(doc, self.text, gazetteer)
        self.gazetteer = gazetteer
        self.found: list[Found] = []
        self.sent_starts = [s.start for s in doc.sents]
        self.pending_roles: dict[int, str] = {}  # token index of a name → the role the text gives it
        self.places: list[tuple[int, int]] = []  # state names and capitals read as places
        self.named: set[str] = set()  # actors named by a name of their own (`_read_matches`)

    def run(self, matches: list[Match]) -> list[Actor]:
        self._read_matches(matches)
        self._read_references()
        self._read_body_heads()
        self._read_entities()
        self._read_state_surnames()
        self._read_aliases()
        self.found.sort(key=lambda f: (f.start, -f.end))
        return self._actors(self._affiliations())

    # -- knowledge-base names in context -----------------------------------------------------------

    def _read_matches(self, matches: list[Match]) -> None:
        # actors the document names by a name no other actor has: they settle shared names
        self.named = {m.payload.hits[0].actor.id for m in matches if m.is_name and len(m.payload.hits) == 1}
        i = 0
        while i < len(matches):
            i += self._read_match(matches, i)

    def _next(self, matches: list[Match], i: int, *, possessive: bool) -> Match | None:
        """The match right after matches[i] (past a possessive "'s" when allowed)."""
        if i + 1 >= len(matches):
            return None
        end = matches[i].end
        if possessive and end < len(self.doc) and is_possessive_marker(self.doc[end]):
            end += 1
        return matches[i + 1] if matches[i + 1].start == end else None

    def _read_match(self, matches: list[Match], i: int) -> int:
        """Link matches[i] (and what it governs); return how many matches were used."""
        m = matches[i]
        if not m.is_name:
            return self._read_title(m, None, matches, i) if m.payload.title else 1
        hit = self._choose(m.payload.hits, self.text[m.start_char : m.end_char])
        actor = hit.actor
        nxt = self._next(matches, i, possessive=True)
        state = actor if actor.type == "state" else None
        if state is not None and nxt is not None and nxt.payload.institution and not nxt.is_name:
            arm = self.kb.institution(state, nxt.payload.institution)
            self._add_entry(m.start, nxt.end, arm, (m.start_char, nxt.end_char))
            return 2
        if state is not None and nxt is not None and nxt.payload.title and not nxt.is_name:
            return 1 + self._read_title(nxt, state, matches, i + 1, phrase_start=m)
        if (
            state is not None
            and hit.kind != "metonym"
            and nxt is not None
            and (kind := self._foreign_arm(state, nxt)) is not None
        ):
            # "the Afghanistan National Army" is Afghanistan's, not the Yemeni "National Army"
            self._add_entry(m.start, nxt.end, self.kb.institution(state, kind), (m.start_char, nxt.end_char))
            return 2
        if actor.type == "person" and nxt is not None and nxt.payload.institution and not nxt.is_name:
            self._add_entry(m.start, m.end, actor, (m.start_char, m.end_char))
            home = self.kb.state(actor.country)
            if home is not None:
                self._add_entry(m.start, nxt.end, self.kb.institution(home, nxt.payload.institution))
            return 2
        if self._is_place(m, hit) and (
            state is not None or (self._gazetteer_spells(m) and not self._names_agents(m))
        ):
            # "in Syria", and a region's government or its seat as a place: "fighting in Grozny"
            # (not "shot at Taliban militants", though a village is called Taliban)
            self.places.append((m.start, m.end))
            return 1
        if state is None and self._spelt_as_place(m):
            return 1
        found = self._add_entry(m.start, m.end, actor, (m.start_char, m.end_char))
        found.from_state_word = state is not None
        if hit.kind == "demonym":
            token = self.doc[m.start]
            found.referent = token.pos_ != "ADJ" and token.dep_ != "amod"
        return 1

    def _foreign_arm(self, state: ActorEntry, nxt: Match) -> Institution | None:
        """The kind of a military or government named right after a state (not its capital: the
        dateline "Beirut Syrian government ..."), whose name is another state's arm and names no
        state itself ("National Army", not "Syrian government"): the state's own arm of that kind."""
        if not nxt.is_name:
            return None
        surface = self.text[nxt.start_char : nxt.end_char]
        other = self._choose(nxt.payload.hits, surface).actor
        if other.type not in ("military", "government") or other.country in (None, state.country):
            return None
        if any(h.actor.type == "state" for word in surface.split() for h in self.kb.lookup(word)):
            return None
        return other.type

    def _choose(self, hits: list[NameHit], surface: str) -> NameHit:
        """Among actors sharing a name, those written as the text writes it ("SANA" the agency, not
        "Sanaa" the capital, though both fold alike), then one in office on the document's date,
        then the only one the document also names by a name of its own, else the first."""
        folded = surface.casefold()
        hits = (
            [hit for hit in hits if hit.written == surface]
            or [hit for hit in hits if hit.written.casefold() == folded]
            or hits
        )
        if self.date is not None and len(hits) > 1:
            for hit in hits:
                if self.kb.role_on(hit.actor, self.date) is not None:
                    return hit
        # "Brussels" is the EU's seat and Belgium's capital: the one the report names otherwise
        named = [hit for hit in hits if hit.actor.id in self.named]
        return named[0] if len(named) == 1 else hits[0]

    def _spelt_as_place(self, m: Match) -> bool:
        """A name the knowledge base has only in another spelling, that a big town has as written:
        "Douma", the town near Damascus, is no "Duma", Russia's parliament."""
        surface, options = self._namesakes(m)
        if any(hit.written.casefold() == surface.casefold() for hit in m.payload.hits):
            return False
        return any(
            c.place.population >= SPELT_PLACE_MIN_POPULATION and surface in (c.place.name, c.matched)
            for c in options
        )

    def _gazetteer_spells(self, m: Match) -> bool:
        """The gazetteer has a place written as the text writes the name ("Grozny", "Chechnya")."""
        return bool(spelt_as(*self._namesakes(m)))

    def _namesakes(self, m: Match) -> tuple[str, list[Candidate]]:
        """The match as written and the gazetteer's places under its name."""
        surface = self.text[m.start_char : m.end_char]
        key = fold(surface)
        return surface, self.gazetteer().lookup([key]).get(key, [])

    def _names_agents(self, m: Match) -> bool:
        """The name qualifies a noun of people or bodies: "Taliban militants", "Hezbollah fighters"."""
        last = self.doc[m.end - 1]
        head = last.head
        return last.dep_ == "compound" and head.i > last.i and head.lemma_.lower() in AGENT_NOUNS

    def _is_place(self, m: Match, hit: NameHit) -> bool:
        """A state's name or capital used as a location: "in Syria", "the countryside of Damascus"."""
        if hit.kind == "demonym":
            return False
        before = m.start - 1
        if before >= 0 and self.doc[before].lower_ == "the":
            before -= 1
        if before < 0:
            return False
        word = self.doc[before].lower_
        if word in LOCATIVE or word == "rural":  # "in Syria", "Rural Damascus"
            # "in the US air strike": who struck ("the Paris attacks" are where)
            return hit.kind != "name" or not qualifies_force(self.doc[m.end - 1])
        if hit.kind == "metonym":
            after = self.doc[m.end].lower_ if m.end < len(self.doc) else ""
            if self.doc[m.end - 1].dep_ == "compound" or after in PLACE_AFTER:
                return True  # "a Sana'a airport official": the city's airport, whatever the parse
            if word == "of" and before > 0 and self.doc[before - 1].lower_ in PLACE_NOUNS | RESIDENT_NOUNS:
                return True  # "the countryside of Damascus", "residents of Damascus": the city
        return False

    def _read_title(
        self,
        title: Match,
        state: ActorEntry | None,
        matches: list[Match],
        i: int,
        *,
        phrase_start: Match | None = None,
    ) -> int:
        """A role phrase: "Turkish PM", "the Russian president", "President of Syria"."""
        used, end, end_char = 1, title.end, title.end_char
        if state is None:
            of_match = self._next_after_of(matches, i)
            if of_match is None:
                return 1
            state, end, end_char, used = of_match.payload.hits[0].actor, of_match.end, of_match.end_char, 2
        first = phrase_start or title
        role = f"{title.payload.title} of {state.name}"
        named = matches[i + used] if i + used < len(matches) else None
        if named is not None and named.start == end and named.is_name:
            # "Russian President Vladimir Putin": the name that follows says who, and the role is stated.
            self.pending_roles[named.start] = role
            holder = None
        elif title.payload.title is not None:
            holder = self._holder(title.payload.title, state.id)
        else:
            holder = None
        if holder is None:
            if phrase_start is not None:
                chars = (phrase_start.start_char, phrase_start.end_char)
                self._add_entry(phrase_start.start, phrase_start.end, state, chars).referent = False
            return used
        self._add_entry(first.start, end, holder, (first.start_char, end_char)).role = role
        self._link_apposed_name(first.start, holder, role)
        return used

    def _holder(self, title: str, state_id: str) -> ActorEntry | None:
        """Who held the role on the report's date; in a report without one, the only person named
        before who ever held it ("the Palestinian president" after "Mahmoud Abbas")."""
        if self.date is not None:
            return self.kb.holder(title, state_id, self.date)
        held = {
            f.entry.id: f.entry
            for f in self.found
            if f.entry is not None and any(r.title == title and r.of == state_id for r in f.entry.roles)
        }
        return next(iter(held.values())) if len(held) == 1 else None

    def _next_after_of(self, matches: list[Match], i: int) -> Match | None:
        end = matches[i].end
        if end < len(self.doc) and self.doc[end].lower_ == "of" and i + 1 < len(matches):
            nxt = matches[i + 1]
            if nxt.start in (end + 1, end + 2) and nxt.is_name and nxt.payload.hits[0].actor.type == "state":
                return nxt
        return None

    def _link_apposed_name(self, phrase_start: int, holder: ActorEntry, role: str) -> None:
        """ "Oglu- Turkish PM", "Davutoglu, the Turkish PM": the name before is the holder."""
        doc = self.doc
        j = phrase_start - 1
        if j >= 0 and doc[j].lower_ == "the":
            j -= 1
        if j < 0:
            return
        if doc[j].text in APPOSITION_MARKS:
            end, end_char = j, doc[j].idx
        elif len(doc[j]) > 1 and doc[j].text[-1] in APPOSITION_MARKS and doc[j].text[0].isupper():
            end, end_char = j + 1, doc[j].idx + len(doc[j]) - 1  # "Oglu-": the mark glued on
        else:
            return
        start = end
        while start > 0 and doc[start - 1].is_title and (start == end or not doc[start].is_sent_start):
            start -= 1
        if start < end and not any(f.start < end and start < f.end for f in self.found):
            found = self._add_entry(start, end, holder, (doc[start].idx, end_char))
            found.role = role

    # -- references the sentence makes clear ------------------------------------------------------

    def _read_references(self) -> None:
        lowers = [text.lower() for text, _ in self.tokens]
        for i in range(len(lowers) - 1):
            if (word := lowers[i]) not in REFERENCE_FIRST_WORDS:
                continue
            nxt = lowers[i + 1]
            if word in ("his", "her") and (nxt == "country" or (nxt,) in self.kb.institutions):
                self._his(i, nxt)
            elif word == "the" and nxt in ("latter", "former"):
                self._latter(i, nxt == "latter")
            elif (word == "the" and nxt in UNNAMED_RULERS) or (
                word in ("regime", "government") and self.kb.institutions.get((nxt,)) == "military"
            ):
                self._unnamed_arm(i)
            elif word == "state" and nxt in STATE_MEDIA:
                self._unnamed_state_media(i)

    def _unnamed_arm(self, i: int) -> None:
        """ "the regime", "the army", "government forces": the government or military of the country
        most of the report's places lie in (a Syrian war report's "regime" is Syria's); not a
        backer's ("pro-government forces"), nor one the text names ("the government of Iraq")."""
        doc = self.doc
        end = i + 2
        after = doc[end].lower_ if end < len(doc) else ""
        article = doc[i].lower_ == "the"
        if after in ("of", "change") or is_hyphen(after) or self._qualified(i + article, end):
            return  # (a name right before "the" qualifies nothing: "told Reuters the army ...")
        if article and (named := self._named_before(i, doc[i + 1].lower_)) is not None:
            self._add_entry(i, end, named)  # "the Syrian regime ... the regime"
            return
        state = self._main_state
        kind = self.kb.institutions.get((doc[i + 1].lower_,)) if article else "military"
        if state is not None and kind is not None:
            self._add_entry(i, end, self.kb.institution(state, kind))

    def _named_before(self, i: int, noun: str) -> ActorEntry | None:
        """The government or military named last before token i with the same noun: after "the
        Syrian regime", "the regime" is Syria's even in a report whose places are mostly Iraqi."""
        named = [
            f
            for f in self.found
            if f.end <= i
            and f.entry is not None
            and f.entry.type in ("government", "military")
            and self.doc[f.end - 1].lower_ == noun
        ]
        return max(named, key=lambda f: f.start).entry if named else None

    def _unnamed_state_media(self, i: int) -> None:
        """ "State TV broadcast images", "the state news agency said": the media of the report's main
        country speak for its state; "Syrian state media" is read with its nationality already."""
        doc = self.doc
        end = (
            i + 3
            if doc[i + 1].lower_ == "news" and i + 2 < len(doc) and doc[i + 2].lower_ == "agency"
            else i + 2
        )
        if not self._qualified(i, end) and self._main_state is not None:
            self._add_entry(i, end, self._main_state)

    def _qualified(self, start: int, end: int) -> bool:
        """Tokens start..end are named already or qualified by a name right before them ("Assad
        regime forces", "Syrian state media") or by a prefix ("pro-government")."""
        if start > 0 and is_hyphen(self.doc[start - 1].text):
            return True
        return any(f.start < end and start <= f.end for f in self.found)

    @cached_property
    def _main_state(self) -> ActorEntry | None:
        main = main_country(document_focus(self.doc, self.gazetteer()))
        return self.kb.state(self.gazetteer().iso3(main)) if main else None

    def _his(self, i: int, noun: str) -> None:
        """ "his country" → the state of the last person named in this or the previous sentence."""
        sentence = bisect_right(self.sent_starts, i) - 1
        first = self.sent_starts[max(sentence - 1, 0)]
        people = [f for f in self.found if first <= f.start < i and f.entry and f.entry.type == "person"]
        if not people or (home := self.kb.state(people[-1].entry.country)) is None:  # type: ignore[union-attr]
            return
        target = home if noun == "country" else self.kb.institution(home, self.kb.institutions[(noun,)])
        self._add_entry(i, i + 2, target)

    def _latter(self, i: int, latter: bool) -> None:
        """ "the latter" / "the former": the last or the one-before-last actor named in the sentence."""
        first = self.sent_starts[bisect_right(self.sent_starts, i) - 1]
        named: list[Found] = []
        for f in self.found:
            if first <= f.start < i and f.referent and all(f.key != g.key for g in named):
                named.append(f)
        if len(named) >= (1 if latter else 2):
            pick = named[-1] if latter else named[-2]
            self._add(
                Found(start=i, end=i + 2, key=pick.key, name=pick.name, type=pick.type, entry=pick.entry)
            )

    def _read_body_heads(self) -> None:
        """ "the Observatory" after "the Syrian Observatory for Human Rights", "the Front" after "the
        Nusra Front": a body's head noun alone, after "the", names the one body the report has named
        with it."""
        by_head: dict[str, list[Found]] = {}
        for f in sorted(self.found, key=lambda f: f.start):
            if not self._is_organisation(f):
                continue
            for head in (body_head(f.name), body_head(self.doc[f.start : f.end].text)):
                if head is not None and all(b.key != f.key for b in by_head.setdefault(head, [])):
                    by_head[head].append(f)
        if not by_head:
            return
        taken = {i for f in self.found for i in range(f.start, f.end)}
        for token in self.doc[1:]:
            bodies = by_head.get(token.text)
            if not bodies or token.i in taken or not _after_the(token):
                continue
            if self._name_goes_on(token.i + 1):
                continue  # "the Front Line", "the Observatory for Democracy": another name
            named = [b for b in bodies if b.start < token.i]
            if len(named) == 1:
                body = named[0]
                found = Found(start=token.i, end=token.i + 1, key=body.key, name=body.name, type=body.type)
                found.entry, found.country = body.entry, body.country
                self._add(found)

    def _name_goes_on(self, i: int) -> bool:
        doc = self.doc
        if i < len(doc) and doc[i].lower_ in BODY_NAME_PREPOSITIONS:
            i += 1
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
        return i < len(doc) and doc[i].is_title

    # -- named entities the knowledge base does not know ------------------------------------------

    def _read_entities(self) -> None:
        candidates: list[tuple[Span, list[Found]]] = []
        for ent in [*self.doc.ents, *_unlabelled_bodies(self.doc, self.text)]:
            if ent.label_ not in ACTOR_LABELS:
                continue
            if any(
                start < ent.end and ent.start < end and not _body_after(ent, end)
                for start, end in self.places
            ):
                continue  # the knowledge base read this name as a place ("within the White House")
            inside = [f for f in self.found if f.start < ent.end and ent.start < f.end]
            if not inside or self._entity_outranks(ent, inside):
                candidates.append((ent, inside))
        known = {i for f in self.found for i in range(f.start, f.end)}
        actors = {ent.start for ent in self.screen.actors([ent for ent, _ in candidates], known)}
        for ent, inside in candidates:
            if ent.start not in actors:
                continue
            for f in inside:
                self.found.remove(f)
            self._add_new(ent, country=inside[0].entry.country if inside and inside[0].entry else None)

    def _entity_outranks(self, ent: Span, inside: list[Found]) -> bool:
        """ "George Washington", "Iraqi Ministry of Oil": a person or organisation whose name only
        contains a state's name or demonym is that person or organisation, not the state ("the
        White House" is the state's metonym: an article does not make a name)."""
        if ent.label_ == "NORP":
            return False
        if all(f.entry is not None and f.entry.type == "person" for f in inside):
            return self._another_person(ent, inside)
        if not all(f.from_state_word for f in inside):
            return False
        covered = {i for f in inside for i in range(f.start, f.end)}
        return any(t.is_alpha and not t.is_stop and t.i not in covered for t in ent)

    @staticmethod
    def _another_person(ent: Span, inside: list[Found]) -> bool:
        """ "Hafez al-Assad", "Dahiyet al-Assad": capitalised words before a known person's surname
        in one name, which are no title and no other name of that person ("Bashar Assad"), make
        someone or something else."""
        first = min(f.start for f in inside)
        before = [t for t in ent if t.i < first]
        names = {
            word for f in inside if f.entry for written, _ in f.entry.names() for word in name_key(written)
        }
        return bool(before) and all(
            t.is_alpha
            and t.is_title
            and not TITLE_WORDS.match(t.text + " ")
            and fold_token(t.text) not in names
            for t in before
        )

    def _add_new(self, ent: Span, country: str | None) -> None:
        name = bare_name(ent).text
        kind = ACTOR_LABELS[ent.label_]
        label = ent.label_
        if (outlet := default_registry().by_name(name)) is not None:
            # an outlet of the registry, whatever the recogniser took it for ("Asharq Al-Awsat"),
            # under its registry name: "AFP" and "Agence France-Presse" are one actor
            kind, label, country = "media outlet", "outlet", country or outlet.country
            name = outlet.name
        elif kind in ("person", "organisation", "group") and (known := self._known_surname(name)) is not None:
            self._add_entry(ent.start, ent.end, known)  # "Abbas" after "Mahmoud Abbas", whatever its label
            return
        elif kind == "person" and name.split()[-1].lower() in BODY_HEAD_WORDS:
            # "Farah Province Police", "Interior Ministry": a body the recogniser took for a person
            kind = next((t for pattern, t in TYPE_GUESSES if pattern.search(name)), "organisation")
            label = "ORG"
        elif kind == "person":
            name = TITLE_WORDS.sub("", name) or name
        elif kind == "organisation":
            kind = next((t for pattern, t in TYPE_GUESSES if pattern.search(name)), kind)
        if not (key := actor_key(name)):
            return
        if kind in ("group", "organisation"):
            # "Mr Mladenov confirmed" tagged a nationality, "Bishop Kato said" an organisation: the
            # surname, after any title, of a person named before
            bare = TITLE_WORDS.sub("", name) or name
            if (bare_key := actor_key(bare)) and self._surname_key(bare_key) != bare_key:
                kind, label, name, key = "person", "PERSON", bare, bare_key
        key = f"new:{label}:{self._surname_key(key) if kind == 'person' else key}"
        self._add(
            Found(start=ent.start, end=ent.end, key=key, name=name, type=kind, country=country),
        )

    def _read_aliases(self) -> None:
        """ "Khalid Saleh, a senior commander and also known as Abu Hamza": a new name after "known
        as", "nicknamed" or "dubbed" is another name of the actor the phrase describes (found up the
        parse: past appositions, conjuncts and clauses), not a second actor."""
        doc = self.doc
        by_token = {i: f for f in self.found for i in range(f.start, f.end)}
        for f in self.found:
            if f.entry is not None or f.start < 2:
                continue
            before = doc[f.start - 1]
            if before.lower_ == "as" and doc[f.start - 2].lower_ in ALIAS_VERBS:
                token = doc[f.start - 2]
            elif before.lower_ in ALIAS_VERBS:
                token = before
            else:
                continue
            for _ in range(ALIAS_CLIMB):
                if token.dep_ not in ALIAS_LINKS:
                    break
                token = token.head
                # the name itself, or a name qualifying the noun ("the Jaysh al-Izza brigade")
                described = by_token.get(token.i) or next(
                    (by_token[c.i] for c in token.children if c.dep_ == "compound" and c.i in by_token), None
                )
                if described is not None and described.start != f.start:
                    if (described.type == "person") == (f.type == "person"):
                        f.key, f.name, f.type = described.key, described.name, described.type
                        f.entry = described.entry
                    break

    def _known_surname(self, name: str) -> ActorEntry | None:
        """The one known person named in this document whose name ends in the single word `name`
        (without its article: "Assad" for "Bashar al-Assad"); None if none or several."""
        if " " in name.strip():
            return None
        word = fold_token(LEADING_NAME_ARTICLE.sub("", name.strip().lower()))
        people = {
            f.entry.id: f.entry
            for f in self.found
            if f.entry is not None and f.entry.type == "person" and name_key(f.entry.name)[-1:] == (word,)
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def _read_state_surnames(self) -> None:
        """ "Monaco, along with the State Department, ..." after "Lisa Monaco": a state's name or
        capital alone that is the surname of a person the report has named is that person, unless a
        preposition makes it the place ("in Monaco")."""
        people = [f for f in self.found if f.type == "person" and f.end - f.start > 1]
        if not people:
            return
        for f in [f for f in self.found if f.from_state_word and f.end - f.start == 1]:
            word = self.doc[f.start]
            if f.start > 0 and self.doc[f.start - 1].pos_ == "ADP":
                continue
            person = next(
                (p for p in reversed(people) if p.end <= f.start and self.doc[p.end - 1].text == word.text),
                None,
            )
            if person is not None:
                self.found.remove(f)
                self._add(replace(person, start=f.start, end=f.end, chars=None, role=None))

    def _surname_key(self, key: str) -> str:
        """ "Bali" after "Mustafa Bali", "Hussein" or "al-Hussein" after "Shuhud al-Hussein": the
        same person."""
        if " " in key:
            return key
        bare = LEADING_NAME_ARTICLE.sub("", key)
        for f in self.found:
            if (
                f.key.startswith("new:PERSON:")
                and LEADING_NAME_ARTICLE.sub("", f.key.rsplit(" ", 1)[-1]) == bare
            ):
                return f.key.removeprefix("new:PERSON:")
        return key

    # -- affiliations stated in apposition --------------------------------------------------------

    def _affiliations(self) -> dict[str, str]:
        """Person key → organisation key, from "spokesman for ORG, X" and "X, director of ... at ORG"."""
        found, doc = self.found, self.doc
        links: dict[str, str] = {}
        for n, g in enumerate(found):
            if not self._is_organisation(g) or not self._after_role_noun(g.start):
                continue
            if g.end < len(doc) and doc[g.end].text == ",":
                for f in found[n + 1 :]:
                    if f.start - g.end > ROLE_NAME_GAP:
                        break
                    if f.type == "person":
                        links.setdefault(f.key, g.key)
                        break
        for n, f in enumerate(found):
            if f.type != "person" or f.end + 1 >= len(doc) or doc[f.end].text != ",":
                continue
            # The apposition says a role right after the comma: "X, director of ...", "X, the head of ...".
            if not any(doc[k].lower_ in ROLE_NOUNS for k in range(f.end + 1, min(f.end + 4, len(doc)))):
                continue
            for g in found[n + 1 :]:
                if g.start - f.end > APPOSITION_WINDOW or doc[g.start].is_sent_start:
                    break
                if self._is_organisation(g) and self._after_preposition(g.start):
                    links.setdefault(f.key, g.key)
                    break
        return links

    @staticmethod
    def _is_organisation(f: Found) -> bool:
        return f.type not in ("person", "state", "group") and not f.from_state_word

    def _after_preposition(self, start: int) -> bool:
        j = start - 1
        if j >= 0 and self.doc[j].lower_ == "the":
            j -= 1
        return j >= 0 and self.doc[j].lower_ in AFFILIATION_PREPOSITIONS

    def _after_role_noun(self, start: int) -> bool:
        j = start - 1
        if j >= 0 and self.doc[j].lower_ == "the":
            j -= 1
        return (
            j >= 1 and self.doc[j].lower_ in AFFILIATION_PREPOSITIONS and self.doc[j - 1].lower_ in ROLE_NOUNS
        )

    # -- assembly ---------------------------------------------------------------------------------

    def _add_entry(
        self, start: int, end: int, entry: ActorEntry, chars: tuple[int, int] | None = None
    ) -> Found:
        found = Found(start=start, end=end, key=entry.id, name=entry.name, type=entry.type, entry=entry)
        found.chars = chars
        if (role := self.pending_roles.pop(start, None)) is not None and entry.type == "person":
            found.role = role
        return self._add(found)

    def _add(self, found: Found) -> Found:
        self.found.append(found)
        return found

    def _actors(self, affiliations: dict[str, str]) -> list[Actor]:
        groups: dict[str, list[Found]] = {}
        for f in self.found:
            groups.setdefault(f.key, []).append(f)
        ids = {key: f"a{n}" for n, key in enumerate(groups, start=1)}
        actors = []
        for key, founds in groups.items():
            first, entry = founds[0], founds[0].entry
            role = next((f.role for f in founds if f.role), None)
            if role is None and entry is not None and (held := self.kb.role_on(entry, self.date)):
                role = f"{held.title} of {self.kb.actors[held.of].name}"
            actors.append(
                Actor(
                    id=ids[key],
                    name=first.name,
                    type=first.type,
                    mentions=self._mentions(founds),
                    kb_id=entry.id if entry else None,
                    country=entry.country if entry else first.country,
                    code=entry.code if entry else None,
                    wikidata=entry.wikidata if entry else None,
                    parent=entry.parent if entry else None,
                    role=role,
                    affiliation=ids.get(affiliations.get(key, "")),
                )
            )
        return actors

    def _mentions(self, founds: list[Found]) -> list[Mention]:
        spans = {}
        for f in founds:
            if f.chars is not None:
                start, end = f.chars
                mention = Mention(start=start, end=end, text=self.text[start:end])
            else:
                mention = trimmed_mention(self.doc[f.start : f.end])
            if mention.end > mention.start:
                spans[(mention.start, mention.end)] = mention
        return [spans[k] for k in sorted(spans)]
