"""Which names in a text are toponyms: spaCy's place entities plus a gazetteer matcher.

The matcher runs over capitalised runs for the names spaCy misses or mislabels (al-Bukamal as ORG,
Lattakia as PERSON, Raqqa as NORP; Hemeimeem, Al-Mayadin, Salhiya not at all), and keeps a match only
when it is specific enough to be a place here. "Moscow said" uses the capital as an actor and is not
a place mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from functools import cache, lru_cache
from importlib.resources import files

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from marsad.nlp.actor_words import COMPASS_ADJECTIVE, LOCATIVE, ROAD_WORDS, is_possessive_marker, is_seat
from marsad.nlp.extensions import text_of
from marsad.nlp.framed_names import (
    FRAME_AFTER,
    has_common_word,
    noun_framed,
    place_framed,
    preposition_framed,
    qualifies_noun,
)
from marsad.nlp.place_frames import Found, framing, national_frames, stated_country, toponym_at
from marsad.resolve.fuzzy import fuzzy_candidates
from marsad.resolve.gazetteer import Candidate, Gazetteer, strip_admin_word
from marsad.resolve.geocode import FUZZY_KEY_PREFIX, MATCHER_KEY_PREFIX, Ranker, Toponym
from marsad.resolve.names import ascii_lower, fold

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# The matcher accepts a name spaCy did not label a place only if it is this specific: a supplement
# entry, a place in a country the document is about (MATCH_MIN_LOCAL_POPULATION), or a big city.
MATCH_MIN_LOCAL_POPULATION = 1000
MATCH_MIN_POPULATION = 200_000
# A place noun's name ("the city of Kobane") may be the only town the gazetteer knows by that
# spelling, outside the document's countries, if it is this big.
FRAMED_ONLY_TOWN_POPULATION = 20_000
# A city this big is itself under a common word's name ("Phoenix" said without a frame).
WORLD_CITY_POPULATION = 1_000_000
BIG_PLACE_FEATURES = frozenset({"country", "region", "admin1", "admin2"})
MATCH_MIN_KEY_LENGTH = 4
MATCH_MIN_CURATED_KEY_LENGTH = 2  # "T2"
MATCH_MIN_ARTICLE_KEY_LENGTH = 3  # "al-Bab": the article says a name
# A country is the document's focus when this share of its spaCy-labelled places lie there.
FOCUS_MIN_SHARE = 0.2
# "Britain-based", "based in Britain": how far from a name the word "based" may make it a seat.
SEAT_CHARS = 10
# How many capitalised words a place name cut short before its place noun may run on over.
MAX_RUN_ON_WORDS = 2
# ... and its main country when it holds more than half of them.
MAIN_COUNTRY_MIN_SHARE = 0.5
MAX_NAME_WORDS = 5
# Capitalised words that name places somewhere but are ordinary words in news text.
STOPLIST = frozenset(
    {
        "president",
        "minister",
        "army",
        "state",
        "states",
        "union",
        "center",
        "centre",
        "victory",
        "common",
        "god",
        "prophet",
        "national",
        "university",
        "council",
        "forces",
        "force",
        "party",
        "police",
        "government",
        "ministry",
        "command",
        "office",
        "court",
        "house",
        "city",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "isis",
        "isil",
        "daesh",
        "dahesh",
        "sputnik",
        "reuters",
        "west",
        "western",
        "east",
        "eastern",
        "north",
        "northern",
        "south",
        "southern",
        "gulf",
        "bank",
        "coast",
        "arab",  # "pan-Arab", not Arab, Alabama
        "arabs",
        # religious communities, not Shawnee, Kansas ("Sunni tribesmen")
        "sunni",
        "sunnis",
        "shia",
        "shiite",
        "shiites",
        "shi'ite",
        "alawite",
        "alawites",
        "druze",
        "salafi",
        "sufi",
        "yazidi",
        "yazidis",
        # peoples without a state, not Rome ("a Roma camp") or Romani, Romania
        "roma",
        "romani",
        "romany",
        # fighters named by their cause ("to keep track of Mujahedeen")
        "mujahedeen",
        "mujahideen",
        "mujahidin",
        "jihadist",
        "jihadists",
    }
)
# A capital as the subject of these verbs speaks for its government ("Moscow said"): an actor.
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "announce",
        "claim",
        "deny",
        "warn",
        "state",
        "declare",
        "insist",
        "urge",
        "demand",
        "condemn",
        "reject",
        "confirm",
        "accuse",
        "criticize",
        "criticise",
        "threaten",
        "respond",
        "vow",
        "welcome",
        "call",
    }
)
_ARTICLE_OR_CONNECTOR = r"(?:al|el|as|ash|ad|ar|az|at|an|ez|es|ed|Al|El|AL)"
_NAME_RUN = re.compile(
    rf"(?:\b{_ARTICLE_OR_CONNECTOR}[-‐]\s?)?[A-Z][\w’'-]*"
    rf"(?:(?:[ \t]+|\n|-)(?:(?:{_ARTICLE_OR_CONNECTOR}|de|del|da|of|on|upon|le|la)[-‐ ]\s?)?[A-Z][\w’'-]*)*"
)
_WORD = re.compile(r"\S+")
_ARTICLE_LED = re.compile(r"(?:al|el|Al|El|AL)[-‐‑]\w")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_DATELINE_END = re.compile(r"\s*(?:,|[-–—]\s)")
LEADING_ARTICLES = frozenset({"al", "el"})  # "al Bukamal": the only lower-case words that start a name
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][\w'’]*(?![\w-])")
# A name led by these words is a place when the gazetteer knows it, whatever it does in the sentence:
# "Fort Carson security officials", "Mount Hermon".
PLACE_FIRST_WORDS = frozenset({"Fort", "Camp", "Mount", "Mt", "Lake", "Port", "Cape"})


def trim(ent: Span) -> Span:
    """The entity without a leading 'the', a trailing possessive or count, or the line breaks a
    headline's last name runs into ("killed in Al-Bukamal" and the paragraph break after it)."""
    doc, start, end = ent.doc, ent.start, ent.end
    if end - start > 1:
        last = doc[end - 1]
        while last.is_space and end - start > 1:
            end -= 1
            last = doc[end - 1]
        if end - start > 1 and doc[start].lower_ == "the":
            start += 1
        if end - start > 1 and is_possessive_marker(last):
            end -= 1
            last = doc[end - 1]
        if end - start > 1 and ent.label_ not in NUMERIC_LABELS and last.like_num:
            end -= 1  # "the province of Daraa 16 civilians were killed": a count the recogniser ran on
    # "Palmyra (Tadmur": the name before the bracket; the other is named inside it. "Lower
    # Shabelle, Somali officials": the name before a comma and an adjective
    if "(" in ent.text or "," in ent.text:
        end = next(
            (
                i
                for i in range(start + 1, end)
                if doc[i].text == "(" or (doc[i].text == "," and i + 1 < end and doc[i + 1].pos_ == "ADJ")
            ),
            end,
        )
    if ent.label_ in PLACE_LABELS:
        end = _run_on_to_place_noun(doc, end)
    return Span(doc, start, end, label=ent.label_)


@lru_cache(maxsize=1)
def trimmed_entities(doc: Doc) -> tuple[tuple[Span, Span], ...]:
    """Each entity with its `trim`, once per Doc: the document focus (the actor screen's) and the
    places both read them, and no component between them changes the entities."""
    return tuple((ent, trim(ent)) for ent in doc.ents)


def _run_on_to_place_noun(doc: Doc, end: int) -> int:
    """Where a place name the recogniser cut short ends: "Bala" of "Bala Dasht village" runs on over
    the capitalised words before the place noun, so it is no namesake of the first word (Basel)."""
    i = end
    while i < len(doc) and i - end < MAX_RUN_ON_WORDS and doc[i].pos_ == "PROPN" and doc[i].is_title:
        i += 1
    return i if i > end and i < len(doc) and doc[i].lower_ in FRAME_AFTER else end


def name_runs(text: str, possessive_ends: Collection[int] = ()) -> list[list[tuple[int, int, str]]]:
    """For each capitalised run, every sub-span of up to MAX_NAME_WORDS words as (start, end, key).
    A run ends at a possessive whose apostrophe was lost ("Idlibs population"), without its "s";
    `possessive_ends` are where those stems end (possessives.py)."""
    runs = []
    for match in _NAME_RUN.finditer(text):
        words = [(match.start() + w.start(), match.start() + w.end()) for w in _WORD.finditer(match.group())]
        for part in _cut(words, possessive_ends):
            spans = []
            for i in range(len(part)):
                first = text[part[i][0] : part[i][1]]
                if first.islower() and first not in LEADING_ARTICLES:
                    continue  # "at Camp" in "Baghdadi at Camp Bucca": a connector starts no name
                for j in range(i, min(i + MAX_NAME_WORDS, len(part))):
                    start, end = part[i][0], part[j][1]
                    spans.append((start, end, fold(text[start:end])))
            runs.append(spans)
    return runs


def _cut(words: list[tuple[int, int]], possessive_ends: Collection[int]) -> list[list[tuple[int, int]]]:
    """The words in runs that each end at a lost possessive, its "s" left out."""
    parts: list[list[tuple[int, int]]] = [[]]
    for start, end in words:
        if end - 1 in possessive_ends:
            parts[-1].append((start, end - 1))
            parts.append([])
        else:
            parts[-1].append((start, end))
    return [part for part in parts if part]


# A weapon word right after a name, past a possessive and a model in capitals: "Tomahawk cruise
# missiles", "Apache helicopters", "Grad rockets", "Paveway IV bombs", "the Tornado's missiles".
WEAPON_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?-i:[A-Z0-9][A-Z0-9-]*)\s+)?"
    r"(?:(?:cruise|ballistic|guided|anti-tank|anti-aircraft|surface-to-air|air-to-air|attack|fighter|combat)\s+)?"
    r"(?:missiles?|rockets?|launchers?|jets?|helicopters?|tanks?|drones?|bombers?|bombs?|warplanes?|aircraft|"
    r"shells?|rifles?|howitzers?|gunships?|warships?|submarines?|planes?)\b",
    re.IGNORECASE,
)
# A road word right after a name: "the Castello road", "Baghdad Street", "Sabaa Bahrat Square".
ROAD_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(ROAD_WORDS))})\b", re.IGNORECASE)


def recognise(
    doc: Doc,
    text: str,
    entities: list[Span],
    runs: list[list[tuple[int, int, str]]],
    candidates: dict[str, list[Candidate]],
    gazetteer: Gazetteer,
) -> list[Found]:
    found = labelled_places(text, entities, candidates, gazetteer)
    covered = [(f.toponym.start, f.toponym.end) for f in found]
    focus = document_focus(doc, gazetteer)
    framed = _Framed(text, entities, candidates, gazetteer, focus)
    found = [framed.fuzzy(item) for item in found]
    for span in entities:
        overlaps = any(s < span.end_char and span.start_char < e for s, e in covered)
        if not overlaps and (item := framed.found(span)) is not None:
            found.append(item)
            covered.append((span.start_char, span.end_char))
    labelled = {(e.start_char, e.end_char): e.label_ for e in entities}
    # Names spaCy gave another label after "in", "near" ...: new_actors.py does not keep them as
    # actors when the gazetteer knows them as written, so they are places.
    located = {
        (e.start_char, e.end_char)
        for e in entities
        if e.label_ not in PLACE_LABELS
        and (
            preposition_framed(e)
            or noun_framed(e)
            or _big_place_modifier(text, e, candidates)
            or e[0].text in PLACE_FIRST_WORDS
        )
    }
    named = {f.toponym.key for f in found}
    taken = bytearray(len(text) + 1)  # the characters already in a place mention
    for s, e in covered:
        taken[s:e] = b"\x01" * (e - s)
    for run in runs:
        position = 0
        for start, end, key in sorted(run, key=lambda s: (s[0], -s[1])):
            if start < position or 1 in taken[start:end]:
                continue
            if gazetteer.demonym(text[start:end]):  # "the Canadian border" is no Canadian, Texas
                continue
            accepted = _accept(
                text, start, end, key, candidates.get(key, []), labelled, entities, focus, located
            )
            matched = doc.char_span(start, end, alignment_mode="expand") if accepted else None
            if matched is not None and qualifies_noun(matched) and all(map(unknown_town, accepted)):
                continue
            if matched is not None and not _is_speaker(matched):
                toponym = toponym_at(text, start, end)
                # Only the candidates that made the match acceptable may resolve it, unless the
                # document names the place as a place elsewhere: one name, one place.
                if toponym.key not in named:
                    matcher_key = f"{MATCHER_KEY_PREFIX}{toponym.key}"
                    candidates[matcher_key] = accepted
                    toponym = replace(toponym, key=matcher_key)
                found.append(framing(text, toponym, labelled.get((start, end), "")))
                taken[start:end] = b"\x01" * (end - start)
                position = end
    found = [
        f
        for f in found
        if not _names_a_road(text, f, candidates.get(f.toponym.key, []), focus)
        and not _names_a_weapon(text, f, candidates.get(f.toponym.key, []))
    ]
    return sorted(found, key=lambda f: f.toponym.start)


def labelled_places(
    text: str, entities: list[Span], candidates: dict[str, list[Candidate]], gazetteer: Gazetteer
) -> list[Found]:
    """The entities spaCy labelled places that are toponyms here: no speaker ("Moscow said"), no
    demonym, no name it takes for a person elsewhere in the text (unless curated)."""
    found: list[Found] = []
    people = _mostly_people(entities)
    for span in entities:
        if span.label_ not in PLACE_LABELS or _is_speaker(span) or span.text.casefold() in STOPLIST:
            continue
        toponym = toponym_at(text, span.start_char, span.end_char)
        if _direction_of(text, toponym):
            continue
        options = candidates.get(toponym.key, [])
        curated = any(c.place.curated for c in options)
        if _common_word_town(toponym.text, options) and not curated and not preposition_framed(span):
            continue  # "catastrophic Earth changes", "TV show Homeland": the word, not Earth, Texas
        if (span.label_ == "FAC" or span.text in people) and not curated:
            continue
        if gazetteer.demonym(toponym.text) or not toponym.key:
            continue
        found.append(framing(text, toponym, span.label_))
    return found


def _direction_of(text: str, toponym: Toponym) -> bool:
    """ "the Northern Province of Aleppo": a compass word (and a division's word) before "of" says
    which part of the place after it, and is no province of its own (Ghana's Northern Region)."""
    name = strip_admin_word(toponym.text)
    return bool(COMPASS_ADJECTIVE.match(name)) and text.startswith(" of ", toponym.end)


def _common_word_town(text: str, options: list[Candidate]) -> bool:
    """A common English word that names no big place: only a frame makes it a town."""
    return " " not in text and text.casefold() in common_words() and not names_big_place(text, options)


def names_big_place(text: str, options: list[Candidate]) -> bool:
    """The gazetteer spells a city of 200,000+, a division, a country or a region as `text`."""
    return any(
        c.place.population >= MATCH_MIN_POPULATION or c.place.feature in BIG_PLACE_FEATURES
        for c in spelt_as(text, options)
    )


def _big_place_modifier(text: str, ent: Span, candidates: dict[str, list[Candidate]]) -> bool:
    """ "the Idlib strikes" (Idlib labelled an organisation): a big place's name qualifying a noun
    says where."""
    if ent.label_ not in ("ORG", "NORP") or not qualifies_noun(ent):
        return False
    toponym = toponym_at(text, ent.start_char, ent.end_char)
    return names_big_place(toponym.text, candidates.get(toponym.key, []))


def _names_a_weapon(text: str, item: Found, options: list[Candidate]) -> bool:
    """ "59 Tomahawk cruise missiles", "Apache helicopters": a name before a weapon word is its
    model, not Tomahawk, Kentucky; a big place keeps its name ("Gaza rockets")."""
    return bool(WEAPON_AFTER.match(text, item.toponym.end)) and not names_big_place(
        item.toponym.text, options
    )


def _names_a_road(text: str, item: Found, options: list[Candidate], focus: Collection[str]) -> bool:
    """ "the main Castello road" in a report on Aleppo names a road, not the Spanish province: a
    name before a road word is a place only with a namesake in the document's countries ("the
    Aleppo road" leads to Aleppo)."""
    if not ROAD_AFTER.match(text, item.toponym.end):
        return False
    return not any(c.place.country in focus for c in options)


class _Framed:
    """Names a place noun governs (framed_names.py) in one document, as places: every mention of
    such a name that spaCy did not label a place, and a fuzzy match for one the gazetteer lacks."""

    def __init__(
        self,
        text: str,
        entities: list[Span],
        candidates: dict[str, list[Candidate]],
        gazetteer: Gazetteer,
        focus: Collection[str],
    ) -> None:
        self.text, self.candidates, self.gazetteer, self.focus = text, candidates, gazetteer, focus
        self.keys = {
            toponym_at(text, e.start_char, e.end_char).key
            for e in entities
            if e.label_ not in NUMERIC_LABELS and place_framed(e)
        }
        self.keys.discard("")

    def fuzzy(self, item: Found) -> Found:
        """`item` under a fuzzy match's key when it is a framed name the gazetteer lacks."""
        toponym = item.toponym
        if toponym.key not in self.keys or self.candidates.get(toponym.key):
            return item
        return self._keyed(item, toponym.key, [])

    def found(self, span: Span) -> Found | None:
        """A mention of a framed name that spaCy labelled otherwise (a person, an organisation)."""
        if span.label_ in PLACE_LABELS or span.label_ in NUMERIC_LABELS or _is_speaker(span):
            return None
        if span.text.casefold() in STOPLIST:
            return None  # "a Roma camp": a people's camp
        toponym = toponym_at(self.text, span.start_char, span.end_char)
        if toponym.key not in self.keys:
            return None
        options = self.candidates.get(toponym.key, [])
        # A nationality states the country: "the Syrian city of Al-Bukamal" in a report written
        # from London.
        if national := stated_country(self.text, span.start_char, self.gazetteer):
            options = [c for c in options if c.place.country == national] or options
        # As for the matcher, a known name resolves only to a curated place, one in the document's
        # countries, a big city under its own name or the only town so spelt: "the town of Sukkari"
        # is no Scurry, Texas, but "the city of Kobane" in a report from Turkey is Ayn al-Arab.
        only = len(options) == 1 and bool(spelt_as(toponym.text, options))
        accepted = [
            c
            for c in options
            if c.place.curated
            or c.place.country in ((national,) if national else self.focus)
            or (c.place.population >= MATCH_MIN_POPULATION and toponym.text in (c.place.name, c.matched))
            or (only and c.place.population >= FRAMED_ONLY_TOWN_POPULATION)
        ]
        item = framing(self.text, toponym, span.label_)
        if national:
            item = replace(item, toponym=replace(item.toponym, country=national))
        return self._keyed(item, toponym.key, accepted)

    def _keyed(self, item: Found, key: str, accepted: list[Candidate]) -> Found:
        """`item` under a key of its own whose candidates are `accepted`, else a fuzzy match's, else
        none (an unresolved place)."""
        if not accepted:
            fuzzy_key = FUZZY_KEY_PREFIX + key
            if fuzzy_key not in self.candidates:
                self.candidates[fuzzy_key] = fuzzy_candidates(self.gazetteer, key, self.focus)
            if self.candidates[fuzzy_key]:
                return _rekeyed(item, fuzzy_key)
            if not self.candidates.get(key):
                return item
        self.candidates[MATCHER_KEY_PREFIX + key] = accepted
        return _rekeyed(item, MATCHER_KEY_PREFIX + key)


def _rekeyed(item: Found, key: str) -> Found:
    return replace(item, toponym=replace(item.toponym, key=key))


def _mostly_people(entities: list[Span]) -> set[str]:
    """Names spaCy labels PERSON more often than a place in this document ("Putin", once as GPE)."""
    votes: dict[str, int] = {}
    for ent in entities:
        if ent.label_ == "PERSON":
            votes[ent.text] = votes.get(ent.text, 0) + 1
        elif ent.label_ in PLACE_LABELS:
            votes[ent.text] = votes.get(ent.text, 0) - 1
    return {text for text, vote in votes.items() if vote > 0}


def _accept(
    document: str,
    start: int,
    end: int,
    key: str,
    options: list[Candidate],
    labelled: dict[tuple[int, int], str],
    entities: list[Span],
    focus: Collection[str],
    located: set[tuple[int, int]],
) -> list[Candidate]:
    """The candidates that make a gazetteer match spaCy did not label a place a toponym here."""
    if not options:
        return []
    text = document[start:end]
    curated = [c for c in options if c.place.curated]
    if curated:
        shortest = MATCH_MIN_CURATED_KEY_LENGTH
    elif _ARTICLE_LED.match(text):
        shortest = MATCH_MIN_ARTICLE_KEY_LENGTH
    else:
        shortest = MATCH_MIN_KEY_LENGTH
    if len(key) < shortest:
        return []
    if text in PLACE_FIRST_WORDS:
        return []  # "Camp" of "Camp Bucca": the first word of a name, no place of its own
    if not curated and text.casefold() in STOPLIST:
        return []
    for ent in entities:
        if ent.start_char < end and start < ent.end_char and (ent.start_char, ent.end_char) != (start, end):
            if ent.label_ in NUMERIC_LABELS:
                return []
            # Part of a longer name ("Damascus University"), unless spaCy ran the name on over
            # ordinary words ("Lattakia over Raqqa").
            if ent.label_ not in PLACE_LABELS and not has_common_word(ent):
                return []
    if " " not in text and _common_word(document, text):
        return []
    if (
        " " not in text
        and text.casefold() in common_words()
        and (start, end) not in located
        and not _framed_in_text(document, start, end)
    ):
        # "Homeland", "Marine", "Ford County", "Kelly": the word, unless a frame makes it a place
        return curated + [
            c
            for c in spelt_as(text, options)
            if c.place.feature in ("country", "region", "admin1")
            or (c.place.feature == "city" and c.place.population >= WORLD_CITY_POPULATION)
        ]
    local = local_candidates(options, focus)
    if labelled.get((start, end)):  # spaCy saw a name but called it a person, group, ...
        if (start, end) not in located:
            return curated + [c for c in local if not unknown_town(c)]
        return list(dict.fromkeys(curated + local + spelt_as(text, options)))
    # A big city under its own or its English name ("Geneva" for Genève).
    big = [
        c for c in options if c.place.population >= MATCH_MIN_POPULATION and text in (c.place.name, c.matched)
    ]
    return curated + local + big


def local_candidates(options: list[Candidate], focus: Collection[str]) -> list[Candidate]:
    """The candidates that are towns of MATCH_MIN_LOCAL_POPULATION or more, or divisions, in the
    document's focus countries. A town GeoNames gives no population counts: those in cities500 are
    there as district seats ("Tall Afar", "Marjayoun"), not as hamlets."""
    return [
        c
        for c in options
        if c.place.country in focus
        and (
            c.place.population >= MATCH_MIN_LOCAL_POPULATION
            or unknown_town(c)
            or c.place.feature in ("admin1", "admin2")
        )
    ]


def unknown_town(candidate: Candidate) -> bool:
    """A town of unknown size: weaker evidence than a counted one where nothing frames the name
    as a place ("Khadr was detained" is no Khadir; "the Merdeka palace" is no town Merdeka)."""
    return candidate.place.population == 0 and candidate.place.feature == "city"


def spelt_as(text: str, options: list[Candidate]) -> list[Candidate]:
    """The candidates that spell the name as the text writes it, case and diacritics aside: weak
    evidence for a place needs that ("in the House" is no "Housse"; "Rafah" is GeoNames' "Rafaḩ")."""
    written = ascii_lower(text)
    return [c for c in options if written in (ascii_lower(c.matched), ascii_lower(c.place.name))]


def document_focus(doc: Doc, gazetteer: Gazetteer) -> dict[str, float]:
    """The countries the document's places lie in (`place_votes` of the entities spaCy labelled
    places), computed once per document for the actor screen and the places, and of its
    nationality words: "Syrian government forces shelled the town of Douma" is about Syria, so
    Douma may be a Syrian town; "Israeli jets struck Gaza" is about Israel too, whatever namesake
    Gaza's first guess is. Each country comes with its share."""
    focus: dict[str, float] | None = doc._.marsad_focus
    if focus is None:
        text = text_of(doc)
        # where a source sits ("the Britain-based Observatory") says nothing of where the report is
        entities = [trimmed for ent, trimmed in trimmed_entities(doc) if not _seat(text, ent)]
        keys = {toponym_at(text, e.start_char, e.end_char).key for e in entities if e.label_ in PLACE_LABELS}
        candidates = gazetteer.lookup(keys)
        found = labelled_places(text, entities, candidates, gazetteer)
        votes = place_votes(found, candidates, gazetteer) + national_frames(text, gazetteer)
        focus = _shares(votes + _demonym_votes(entities, gazetteer))
        doc._.marsad_focus = focus
    return focus


def _seat(text: str, ent: Span) -> bool:
    """The entity names a body's seat (`is_seat`); the parse is asked only where "based" is near."""
    return "based" in text[max(0, ent.start_char - SEAT_CHARS) : ent.end_char + SEAT_CHARS] and is_seat(
        ent.root
    )


def _demonym_votes(entities: list[Span], gazetteer: Gazetteer) -> Counter[str]:
    """A vote for its country from each nationality word ("Syrian", "Iraqi")."""
    return Counter(
        code for e in entities if e.label_ == "NORP" and (code := gazetteer.demonym(e.text)) is not None
    )


def _shares(votes: Counter[str]) -> dict[str, float]:
    """Each country's share of the votes, for those holding at least FOCUS_MIN_SHARE."""
    total = sum(votes.values())
    return {code: n / total for code, n in votes.items() if n >= FOCUS_MIN_SHARE * total}


def main_country(focus: dict[str, float]) -> str | None:
    """The country most of the document's places lie in, if one holds more than MAIN_COUNTRY_MIN_SHARE."""
    return next((code for code, share in focus.items() if share > MAIN_COUNTRY_MIN_SHARE), None)


def place_votes(
    found: list[Found], candidates: dict[str, list[Candidate]], gazetteer: Gazetteer
) -> Counter[str]:
    """The countries of the spaCy-labelled places' best first guesses, a vote per mention."""
    ranker = Ranker(gazetteer)
    votes: Counter[str] = Counter()
    guesses: dict[tuple[str, str], str | None] = {}  # one guess per name as written
    for item in found:
        toponym = item.toponym
        if (toponym.text, toponym.key) not in guesses:
            options = candidates.get(toponym.key, [])
            best = ranker.prior_best(toponym.text, options) if options else None
            guesses[toponym.text, toponym.key] = best.place.country if best else None
        if country := guesses[toponym.text, toponym.key]:
            votes[country] += 1
    return votes


def _framed_in_text(document: str, start: int, end: int) -> bool:
    """A name after a word of place ("from Churchill to ..."), someone's home town ("James Suver,
    25, of Columbia, had ...") or a dateline's ("VICTORIA - The home ...", at the start of a line
    in capitals)."""
    if _line_start_capitals(document, start, end):
        return True
    before = _WORD_BEFORE.search(document, max(0, start - 30), start)
    word = before.group(1).casefold() if before else ""
    return word in LOCATIVE or (word == "of" and document.startswith(",", end))


def _line_start_capitals(document: str, start: int, end: int) -> bool:
    return (start == 0 or document[start - 1] == "\n") and document[start:end].isupper()


def is_dateline(document: str, start: int, end: int) -> bool:
    """The name opens a line in capitals and a comma or dash follows it: a dateline's town
    ("FARAH, Afghanistan –", "VICTORIA - The home ..."), not an acronym's first use."""
    return _line_start_capitals(document, start, end) and bool(_DATELINE_END.match(document, end))


@cache
def common_words() -> frozenset[str]:
    """English words too frequent to be a town's name without a frame (scripts/build_common_words.py)."""
    lines = files("marsad").joinpath("resources/places/common_words.txt").read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _common_word(document: str, text: str) -> bool:
    """A capitalised word that is ordinary English: a stop word, or seen in lower case in this text."""
    lower = text.casefold()
    return lower in STOP_WORDS or lower in lower_words(document)


@lru_cache(maxsize=4)
def lower_words(document: str) -> frozenset[str]:
    """Words the text writes in lower case: capitalised, they are common words, not names."""
    return frozenset(_LOWER_WORD.findall(document))


def _is_speaker(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS
