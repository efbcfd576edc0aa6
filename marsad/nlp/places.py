"""Component `marsad_places`: toponyms found, framed and resolved to one gazetteer place each.

Recognition takes spaCy's GPE/LOC/FAC entities and adds a gazetteer matcher over capitalised runs,
for the names spaCy misses or mislabels (al-Bukamal as ORG, Lattakia as PERSON, Raqqa as NORP;
Hemeimeem, Al-Mayadin, Salhiya not at all). Framing reads the words around a name: "the countryside
of Latakia" is the governorate, "north of the Euphrates" and "the southeast desert of Deir al-Zour"
are areas, "the Syrian-Iraqi border" is a border. Resolution ranks candidates in
marsad/resolve/geocode.py. "Moscow said" uses the capital as an actor and is not a place mention.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from marsad.model import Mention, Place
from marsad.resolve.gazetteer import Candidate, Gazetteer, GazPlace, default_gazetteer, strip_admin_word
from marsad.resolve.geocode import Ranker, Resolved, Toponym, prior
from marsad.resolve.names import display_name, fold

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
PRECISION = {
    "country": "country",
    "admin1": "admin1",
    "admin2": "admin2",
    "city": "locality",
    "military": "site",
    "crossing": "site",
    "site": "site",
    "river": "region",
    "desert": "region",
    "region": "region",
    "border": "region",
    "area": "region",
}
# The matcher accepts a name spaCy did not label a place only if it is this specific: a supplement
# entry, a place in a country the document is about (MATCH_MIN_LOCAL_POPULATION), or a big city.
MATCH_MIN_LOCAL_POPULATION = 1000
MATCH_MIN_POPULATION = 200_000
MATCH_MIN_KEY_LENGTH = 4
MATCH_MIN_CURATED_KEY_LENGTH = 2  # "T2"
# A country is the document's focus when this share of its spaCy-labelled places lie there.
FOCUS_MIN_SHARE = 0.2
MATCHER_KEY_PREFIX = "~"
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
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][\w'’]*(?![\w-])")
_CONNECTORS = frozenset(
    {"al", "el", "as", "ash", "ad", "ar", "az", "at", "an", "ez", "es", "ed", "of", "de", "the"}
)
_DIRECTION = r"(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_ADMIN_BEFORE = re.compile(
    r"\b(?:countryside|province|governorate|oblast|rural areas|suburbs|rif)\s+of\s+(?:the\s+)?$", re.I
)
_ADMIN_AFTER = re.compile(r"^(?:['’]s)?\s+(?:countryside|province|governorate|oblast)\b", re.I)
_AREA_BEFORE = re.compile(
    rf"\b{_DIRECTION}(?:ern|erly)?(?:\s+and\s+[\w-]+)?\s+(?:(?P<area>desert|countryside|outskirts|part|parts|"
    r"bank|side|areas?|region)\s+)?of\s+(?:the\s+)?$",
    re.I,
)
_BORDER = re.compile(
    r"\b(?P<a>[A-Z][a-z]+)[-–](?P<b>[A-Z][a-z]+)\s+border\b|\bborder\s+between\s+(?P<c>[A-Z][a-z]+)\s+and\s+(?P<d>[A-Z][a-z]+)"
)
_CONTEXT_CHARS = 60
# How far an area ("north of X") lies from X's point: for a town, and for anything larger.
AREA_OFFSET_KM = {"city": 15.0, "default": 60.0}
_BEARINGS = {
    "north": 0,
    "northeast": 45,
    "east": 90,
    "southeast": 135,
    "south": 180,
    "southwest": 225,
    "west": 270,
    "northwest": 315,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Found:
    toponym: Toponym
    label: str  # the spaCy label it came with, or "" for the matcher
    direction: str | None = None
    area: str | None = None  # "desert", "countryside", ... in "the southeast desert of X"
    phrase_start: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class _Hit:
    """One mention with the place it resolved to (None: unresolved) and the point to show."""

    mention: Mention
    place: GazPlace | None = None
    lat: float | None = None
    lon: float | None = None
    area: str | None = None  # the name of a part of the place: "North of Euphrates River"


@Language.factory("marsad_places", assigns=["doc._.marsad_places"], requires=["doc.ents"])
def make_places(nlp: Language, name: str) -> PlaceResolver:
    return PlaceResolver()


class PlaceResolver:
    """Fills doc._.marsad_places; the gazetteer is opened on first use, not when the pipeline is built."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.marsad_places = find_places(doc, self.gazetteer)
        return doc


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    text = doc.text  # built from the tokens at every access: read it once
    entities = [_trim(ent) for ent in doc.ents]
    runs = list(_name_runs(text))
    keys = {toponym_at(text, e.start_char, e.end_char).key for e in entities if e.label_ in PLACE_LABELS}
    keys |= {key for run in runs for _, _, key in run}
    candidates = gazetteer.lookup(keys)
    found = _recognise(doc, text, entities, runs, candidates, gazetteer)
    toponyms = [f.toponym for f in found]
    resolved = Ranker(gazetteer).resolve(toponyms, candidates)
    results: list[_Hit] = []
    for item, resolution in zip(found, resolved, strict=True):
        results.append(_framed(text, item, resolution))
    results.extend(_borders(text, gazetteer, resolved))
    return _group(results)


def resolve_spans(document: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[Resolved | None]:
    """Resolve given toponym spans (gold spans in evaluation): a demonym stands for its country."""
    toponyms = []
    for start, end in spans:
        toponym = toponym_at(document, start, end)
        if code := gazetteer.demonym(toponym.text):
            toponym = Toponym(start=start, end=end, text=toponym.text, key=f"country:{code}")
        toponyms.append(toponym)
    candidates = gazetteer.lookup({t.key for t in toponyms})
    for toponym in toponyms:
        if toponym.key.startswith("country:") and (country := gazetteer.get(toponym.key)):
            candidates[toponym.key] = [Candidate(country, country.name)]
    return Ranker(gazetteer).resolve(toponyms, candidates)


def _trim(ent: Span) -> Span:
    """The entity without a leading 'the' or a trailing possessive."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent.doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and ent.doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    return Span(ent.doc, start, end, label=ent.label_)


def toponym_at(document: str, start: int, end: int) -> Toponym:
    """The toponym document[start:end], read as a division when its context says so."""
    text = document[start:end]
    reading = "admin1" if _ADMIN_BEFORE.search(document[max(0, start - _CONTEXT_CHARS) : start]) else "place"
    if _ADMIN_AFTER.match(document[end : end + _CONTEXT_CHARS]):
        reading = "admin1"
    stripped = strip_admin_word(text)
    if stripped != text:
        reading = "admin1"
    return Toponym(start=start, end=end, text=text, key=fold(stripped), reading=reading)


def _name_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """For each capitalised run, every sub-span of up to MAX_NAME_WORDS words as (start, end, key)."""
    runs = []
    for match in _NAME_RUN.finditer(text):
        words = [(match.start() + w.start(), match.start() + w.end()) for w in _WORD.finditer(match.group())]
        spans = []
        for i in range(len(words)):
            for j in range(i, min(i + MAX_NAME_WORDS, len(words))):
                start, end = words[i][0], words[j][1]
                spans.append((start, end, fold(text[start:end])))
        runs.append(spans)
    return runs


def _recognise(
    doc: Doc,
    text: str,
    entities: list[Span],
    runs: list[list[tuple[int, int, str]]],
    candidates: dict[str, list[Candidate]],
    gazetteer: Gazetteer,
) -> list[_Found]:
    found: list[_Found] = []
    covered: list[tuple[int, int]] = []
    people = _mostly_people(entities)
    for span in entities:
        if span.label_ not in PLACE_LABELS or _is_speaker(span) or span.text.casefold() in STOPLIST:
            continue
        toponym = toponym_at(text, span.start_char, span.end_char)
        options = candidates.get(toponym.key, [])
        curated = any(c.place.ref.startswith("marsad:") for c in options)
        if (span.label_ == "FAC" or span.text in people) and not curated:
            continue
        if gazetteer.demonym(toponym.text) or not toponym.key:
            continue
        found.append(_framing(text, toponym, span.label_))
        covered.append((span.start_char, span.end_char))
    focus = _focus_countries(found, candidates)
    labelled = {(e.start_char, e.end_char): e.label_ for e in entities}
    for run in runs:
        position = 0
        for start, end, key in sorted(run, key=lambda s: (s[0], -s[1])):
            if start < position or any(s < end and start < e for s, e in covered):
                continue
            accepted = _accept(text, start, end, key, candidates.get(key, []), labelled, entities, focus)
            matched = doc.char_span(start, end, alignment_mode="expand") if accepted else None
            if matched is not None and not _is_speaker(matched):
                toponym = toponym_at(text, start, end)
                # Only the candidates that made the match acceptable may resolve it.
                matcher_key = f"{MATCHER_KEY_PREFIX}{toponym.key}"
                candidates[matcher_key] = accepted
                toponym = Toponym(
                    start=toponym.start,
                    end=toponym.end,
                    text=toponym.text,
                    key=matcher_key,
                    reading=toponym.reading,
                )
                found.append(_framing(text, toponym, labelled.get((start, end), "")))
                covered.append((start, end))
                position = end
    return sorted(found, key=lambda f: f.toponym.start)


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
    focus: set[str],
) -> list[Candidate]:
    """The candidates that make a gazetteer match spaCy did not label a place a toponym here."""
    if not options:
        return []
    text = document[start:end]
    curated = [c for c in options if c.place.ref.startswith("marsad:")]
    if len(key) < (MATCH_MIN_CURATED_KEY_LENGTH if curated else MATCH_MIN_KEY_LENGTH):
        return []
    if not curated and text.casefold() in STOPLIST:
        return []
    for ent in entities:
        if ent.start_char < end and start < ent.end_char and (ent.start_char, ent.end_char) != (start, end):
            if ent.label_ in NUMERIC_LABELS:
                return []
            # Part of a longer name ("Damascus University"), unless spaCy ran the name on over
            # ordinary words ("Lattakia over Raqqa").
            if ent.label_ not in PLACE_LABELS and not _has_common_word(ent):
                return []
    if " " not in text and _common_word(document, text):
        return []
    local = [
        c
        for c in options
        if c.place.country in focus
        and (c.place.population >= MATCH_MIN_LOCAL_POPULATION or c.place.feature in ("admin1", "admin2"))
    ]
    if labelled.get((start, end)):  # spaCy saw a name but called it a person, group, ...
        return curated + local
    big = [c for c in options if c.place.population >= MATCH_MIN_POPULATION and c.place.name == text]
    return curated + local + big


def _focus_countries(found: list[_Found], candidates: dict[str, list[Candidate]]) -> set[str]:
    """Countries holding at least FOCUS_MIN_SHARE of the spaCy-labelled places' best first guesses."""
    votes: Counter[str] = Counter()
    for item in found:
        options = candidates.get(item.toponym.key, [])
        if options:
            best = max(options, key=lambda c: prior(c, item.toponym.text, options))
            if best.place.country:
                votes[best.place.country] += 1
    total = sum(votes.values())
    return {code for code, n in votes.items() if n >= FOCUS_MIN_SHARE * total}


def _has_common_word(ent: Span) -> bool:
    return any(t.is_lower and t.is_alpha and t.lower_ not in _CONNECTORS for t in ent)


def _common_word(document: str, text: str) -> bool:
    """A capitalised word that is ordinary English: a stop word, or seen in lower case in this text."""
    lower = text.casefold()
    return lower in STOP_WORDS or lower in _lower_words(document)


@lru_cache(maxsize=4)
def _lower_words(document: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(document))


def _is_speaker(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS


def _framing(document: str, toponym: Toponym, label: str) -> _Found:
    before = document[max(0, toponym.start - _CONTEXT_CHARS) : toponym.start]
    if match := _AREA_BEFORE.search(before):
        area = (match.group("area") or "").lower() or None
        reading = "admin1" if area in ("desert", "countryside") else toponym.reading
        return _Found(
            toponym=Toponym(
                start=toponym.start, end=toponym.end, text=toponym.text, key=toponym.key, reading=reading
            ),
            label=label,
            direction=match.group("dir").lower().replace("-", ""),
            area=area,
            phrase_start=toponym.start - len(before) + match.start(),
        )
    return _Found(toponym=toponym, label=label, phrase_start=toponym.start)


def _framed(document: str, item: _Found, resolution: Resolved | None) -> _Hit:
    t = item.toponym
    if resolution is None:
        return _Hit(mention=Mention(start=t.start, end=t.end, text=t.text))
    place = resolution.place
    if item.direction is None:
        area = (
            f"Countryside of {display_name(place.name)}"
            if t.reading == "admin1" and place.feature == "city"
            else None
        )
        return _Hit(
            mention=Mention(start=t.start, end=t.end, text=t.text),
            place=place,
            lat=resolution.lat,
            lon=resolution.lon,
            area=area,
        )
    distance = AREA_OFFSET_KM["city" if place.feature == "city" else "default"]
    lat, lon = _offset(resolution.lat, resolution.lon, _BEARINGS[item.direction], distance)
    words = [item.direction.capitalize(), item.area or "", "of", display_name(place.name)]
    mention = Mention(start=item.phrase_start, end=t.end, text=document[item.phrase_start : t.end])
    return _Hit(mention=mention, place=place, lat=lat, lon=lon, area=" ".join(w for w in words if w))


def _offset(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point `km` from (lat, lon) towards `bearing` degrees (a flat approximation, fine at 100 km)."""
    dlat = km * math.cos(math.radians(bearing)) / 111.2
    dlon = km * math.sin(math.radians(bearing)) / (111.2 * max(math.cos(math.radians(lat)), 0.01))
    return round(lat + dlat, 4), round(lon + dlon, 4)


def _borders(document: str, gazetteer: Gazetteer, resolved: list[Resolved | None]) -> list[_Hit]:
    """ "the Syrian-Iraqi border", "the border between Syria and Iraq": the border, near the text's places."""
    anchors = [
        r for r in resolved if r is not None and r.place.feature not in ("country", "admin1", "region")
    ]
    out = []
    for match in _BORDER.finditer(document):
        first, second = (
            (match.group("a"), match.group("b")) if match.group("a") else (match.group("c"), match.group("d"))
        )
        codes = [gazetteer.demonym(word) or _country_code(gazetteer, word) for word in (first, second)]
        if None in codes:
            continue
        border = gazetteer.border(str(codes[0]), str(codes[1]))
        if border is None:
            continue
        lat, lon = border.lat, border.lon
        if border.course and anchors:
            lat, lon = min(
                border.course, key=lambda p: min(abs(p[0] - a.lat) + abs(p[1] - a.lon) for a in anchors)
            )
        mention = Mention(start=match.start(), end=match.end(), text=match.group())
        out.append(_Hit(mention=mention, place=border, lat=lat, lon=lon))
    return out


def _country_code(gazetteer: Gazetteer, name: str) -> str | None:
    for candidate in gazetteer.lookup([fold(name)]).get(fold(name), []):
        if candidate.place.feature == "country":
            return candidate.place.country
    return None


def _group(
    results: list[_Hit],
) -> list[Place]:
    """One Place per (gazetteer place, point, area name), or per unresolved name, mentions in order."""
    groups: dict[tuple[object, ...], tuple[_Hit, list[Mention]]] = {}
    for hit in sorted(results, key=lambda r: r.mention.start):
        key = (hit.place.ref, hit.lat, hit.lon, hit.area) if hit.place else ("?", fold(hit.mention.text))
        groups.setdefault(key, (hit, []))[1].append(hit.mention)
    places = []
    for n, (hit, mentions) in enumerate(groups.values(), start=1):
        place, lat, lon, area = hit.place, hit.lat, hit.lon, hit.area
        if place is None:
            places.append(
                Place(id=f"p{n}", name=mentions[0].text, lat=None, lon=None, country=None, mentions=mentions)
            )
            continue
        feature = "area" if area else place.feature
        places.append(
            Place(
                id=f"p{n}",
                name=area or display_name(place.name),
                lat=lat,
                lon=lon,
                country=place.country,
                mentions=mentions,
                geonames_id=None if area else place.geonames_id,
                gazetteer_id=None if area else place.ref,
                feature=feature,
                precision=PRECISION.get(feature),
                admin1=place.admin1,
            )
        )
    return places
