"""How the text frames a place name: as a division, an area beside a place, or a border.

"the countryside of Latakia" and "Idlib province" are the governorate; "north of the Euphrates" and
"the southeast desert of Deir al-Zour" are areas at a distance and bearing from the place; "the
Syrian-Iraqi border" is a border, placed near the document's other places.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.model import Mention
from marsad.resolve.gazetteer import Gazetteer, GazPlace, strip_admin_word
from marsad.resolve.geocode import Resolved, Toponym
from marsad.resolve.names import display_name, fold

_DIRECTION = r"(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_ADMIN_BEFORE = re.compile(
    r"\b(?:countryside|province|governorate|oblast|rural areas|suburbs|rif)\s+of\s+(?:the\s+)?$", re.I
)
_TOWN_AFTER = re.compile(r"^(?P<name>\S.*?)\s+(?:city|town)$")
_ADMIN_AFTER = re.compile(r"^(?:['’]s)?\s+(?:countryside|province|governorate|oblast)\b", re.I)
_AREA_BEFORE = re.compile(
    rf"\b{_DIRECTION}(?:ern|erly)?(?:\s+and\s+[\w-]+)?\s+(?:(?P<area>desert|countryside|outskirts|part|parts|"
    r"bank|side|areas?|region)\s+)?of\s+(?:the\s+)?$",
    re.I,
)
_BORDER = re.compile(
    r"\b(?P<a>[A-Z][a-z]+)[-–](?P<b>[A-Z][a-z]+)\s+border\b|\bborder\s+between\s+(?P<c>[A-Z][a-z]+)\s+and\s+(?P<d>[A-Z][a-z]+)"
)
# One side named: "the Turkish border", "Syria's border", "the border with Turkey". The other side
# is the neighbour the document names most; a hyphen before the word belongs to a pair (above).
_ONE_BORDER = re.compile(
    r"(?<![-–\w])(?P<a>[A-Z][a-z]+)(?:['’]s)?\s+border\b|\bborder\s+with\s+(?:the\s+)?(?P<b>[A-Z][a-z]+)"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
# A nationality stating the country of the place a noun frames: "the Syrian city of X", "the Iraqi
# border town of X", "the Turkish province of X".
_FRAME_NOUN = (
    r"(?:city|town|village|province|region|governorate|district|capital|port|enclave|stronghold)\s+of\s+"
)
_NATIONAL_FRAME = re.compile(rf"\b(?P<demonym>[A-Z][a-z]+)\s+(?:[a-z]+\s+){{0,2}}{_FRAME_NOUN}$")
# Where such a frame may end, before a name: looked for first, as the cheaper search.
_FRAME_NOUN_BEFORE_NAME = re.compile(rf"\b{_FRAME_NOUN}(?=[A-Z])")
_CONTEXT_CHARS = 60
# What may stand between a toponym and the place the text puts it in: "X in (the) Y (province)",
# "X in the countryside of Y", "X in northern Syria", "X of Y governorate", "X, Y", "X (Y, Z)", "X, near Y",
# "X east of Y"; after X, a place noun or two ("the Shaar gas field in Homs province"). "near",
# "east of", "the countryside of" put X by Y, perhaps over its division's line: only Y's country binds.
_PLACE_NOUNS = (
    r"(?:gas|oil|fields?|villages?|towns?|city|district|neighbou?rhoods?|camps?|area|airport|"
    r"air|base|crossing|dam|refinery|station)"
)
_BEARING_WORDS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_STATED_IN = re.compile(
    rf"^(?:\s+{_PLACE_NOUNS}){{0,2}}"
    rf"(?:\s*,\s*(?P<near>near\s+)?|\s*\(\s*|\s+(?:in|inside|of|(?P<by>near|outside|{_BEARING_WORDS}\s+of))\s+)"
    rf"(?:the\s+)?(?:(?:province|governorate|(?P<around>countryside|outskirts|suburbs))\s+of\s+(?:the\s+)?)?"
    rf"(?:(?:{_BEARING_WORDS}(?:ern)?|central|rural)\s+)?$",
    re.I,
)
# No container: one that opens a list ("Aleppo, Idlib and Hama") or owns something ("Aleppo, Syria's
# largest city"); after a list ("Homs, Hama, Idlib") or an opening phrase ("In Damascus, Russia said").
# "Jobar, a Damascus neighbourhood": X in Y, stated by apposition.
_APPOSED = re.compile(r"^\s*,?\s+an?\s+$")
_APPOSED_NOUN_AFTER = re.compile(
    r"^\s+(?:neighbou?rhood|suburb|district|village|town|city|area|province|governorate)\b", re.I
)
_AROUND_AFTER = re.compile(r"^\s+(?:countryside|outskirts|suburbs)\b", re.I)
_NOT_CONTAINED_AFTER = re.compile(r"^(?:\s*,\s*[A-Z]|\s*,?\s+(?:and|or)\s+[A-Z]|['’]s?\b)")
_NOT_CONTAINED_BEFORE = re.compile(
    r"(?:[A-Z][\w'’-]*\s*,|(?:^|[.!?\n]\s*)(?:In|At|From|Near|Outside|Inside|Across|Around|Throughout))"
    r"\s+(?:the\s+)?$"
)
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
class Found:
    toponym: Toponym
    label: str  # the spaCy label it came with, or "" for the matcher
    direction: str | None = None
    area: str | None = None  # "desert", "countryside", ... in "the southeast desert of X"
    phrase_start: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """One mention with the place it resolved to (None: unresolved) and the point to show."""

    mention: Mention
    place: GazPlace | None = None
    lat: float | None = None
    lon: float | None = None
    area: str | None = None  # the name of a part of the place: "North of Euphrates River"
    fuzzy: bool = False  # resolved by a fuzzy lookup


def toponym_at(document: str, start: int, end: int) -> Toponym:
    """The toponym document[start:end], read as a division when its context says so."""
    text = document[start:end]
    reading = "admin1" if _ADMIN_BEFORE.search(document[max(0, start - _CONTEXT_CHARS) : start]) else "place"
    if _ADMIN_AFTER.match(document[end : end + _CONTEXT_CHARS]):
        reading = "admin1"
    stripped = strip_admin_word(text)
    if stripped != text:
        reading = "admin1"
    elif town := _TOWN_AFTER.match(text):  # "Homs city" is Homs; "Gaza City" is a name
        stripped = town["name"]
    return Toponym(start=start, end=end, text=text, key=fold(stripped), reading=reading)


def stated_country(document: str, start: int, gazetteer: Gazetteer) -> str | None:
    """The country a nationality before the name's place noun states ("the Syrian city of X"), or None."""
    match = _NATIONAL_FRAME.search(document, max(0, start - _CONTEXT_CHARS), start)
    return gazetteer.demonym(match["demonym"]) if match else None


def national_frames(document: str, gazetteer: Gazetteer) -> Counter[str]:
    """The countries nationalities state for framed places ("the Syrian city of X"), a vote each:
    whatever the recogniser took X for, the report speaks of a place in that country."""
    votes: Counter[str] = Counter()
    for match in _FRAME_NOUN_BEFORE_NAME.finditer(document):
        if country := stated_country(document, match.end(), gazetteer):
            votes[country] += 1
    return votes


def stated_containers(document: str, toponyms: Sequence[Toponym]) -> list[Toponym]:
    """The toponyms, each with the next one as its container (`within`) where the words between
    place it there: "the village of X in Deir az-Zour province", "Paris, Texas", "Jobar, a Damascus
    neighbourhood"; `loosely` where they put it only by the container: "X near Y", "X in the
    countryside of Y"."""
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].start)
    out = list(toponyms)
    for i, j in itertools.pairwise(order):
        inner, outer = toponyms[i], toponyms[j]
        between = document[inner.end : outer.start]
        after = document[outer.end : outer.end + _CONTEXT_CHARS]
        if _APPOSED.match(between) and _APPOSED_NOUN_AFTER.match(after):
            out[i] = replace(inner, within=(outer.key, outer.reading))
            continue
        match = _STATED_IN.match(between)
        if outer.start < inner.end or match is None:
            continue
        if (_NOT_CONTAINED_AFTER.match(after) and "(" not in between) or (
            "," in between
            and _NOT_CONTAINED_BEFORE.search(document[max(0, inner.start - _CONTEXT_CHARS) : inner.start])
        ):
            continue
        loosely = any(match.group(g) for g in ("near", "by", "around")) or bool(_AROUND_AFTER.match(after))
        out[i] = replace(inner, within=(outer.key, outer.reading), loosely=loosely)
    return out


def framing(document: str, toponym: Toponym, label: str) -> Found:
    before = document[max(0, toponym.start - _CONTEXT_CHARS) : toponym.start]
    if match := _AREA_BEFORE.search(before):
        area = (match.group("area") or "").lower() or None
        reading = "admin1" if area in ("desert", "countryside") else toponym.reading
        return Found(
            toponym=Toponym(
                start=toponym.start, end=toponym.end, text=toponym.text, key=toponym.key, reading=reading
            ),
            label=label,
            direction=match.group("dir").lower().replace("-", ""),
            area=area,
            phrase_start=toponym.start - len(before) + match.start(),
        )
    return Found(toponym=toponym, label=label, phrase_start=toponym.start)


def framed(document: str, item: Found, resolution: Resolved | None) -> Hit:
    t = item.toponym
    if resolution is None:
        return Hit(mention=Mention(start=t.start, end=t.end, text=t.text))
    place = resolution.place
    if item.direction is None:
        area = (
            f"Countryside of {display_name(place.name)}"
            if t.reading == "admin1" and place.feature == "city"
            else None
        )
        return Hit(
            mention=Mention(start=t.start, end=t.end, text=t.text),
            place=place,
            lat=resolution.lat,
            lon=resolution.lon,
            area=area,
            fuzzy=resolution.fuzzy,
        )
    distance = AREA_OFFSET_KM["city" if place.feature == "city" else "default"]
    lat, lon = _offset(resolution.lat, resolution.lon, _BEARINGS[item.direction], distance)
    words = [item.direction.capitalize(), item.area or "", "of", display_name(place.name)]
    mention = Mention(start=item.phrase_start, end=t.end, text=document[item.phrase_start : t.end])
    area = " ".join(w for w in words if w)
    return Hit(mention=mention, place=place, lat=lat, lon=lon, area=area, fuzzy=resolution.fuzzy)


def _offset(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point `km` from (lat, lon) towards `bearing` degrees (a flat approximation, fine at 100 km)."""
    dlat = km * math.cos(math.radians(bearing)) / 111.2
    dlon = km * math.sin(math.radians(bearing)) / (111.2 * max(math.cos(math.radians(lat)), 0.01))
    return round(lat + dlat, 4), round(lon + dlon, 4)


def borders(document: str, gazetteer: Gazetteer, resolved: list[Resolved | None]) -> list[Hit]:
    """ "the Syrian-Iraqi border", "the border between Syria and Iraq", and "the Turkish border" when the
    text names a neighbour: the border, at its point nearest the text's places."""
    anchors = [
        r for r in resolved if r is not None and r.place.feature not in ("country", "admin1", "region")
    ]
    out = []
    for match in _BORDER.finditer(document):
        first, second = (
            (match.group("a"), match.group("b")) if match.group("a") else (match.group("c"), match.group("d"))
        )
        codes = [_code(gazetteer, word) for word in (first, second)]
        if None in codes:
            continue
        border = gazetteer.border(str(codes[0]), str(codes[1]))
        if border is not None:
            out.append(_border_hit(match, border, anchors))
    named: Counter[str] | None = None
    for match in _ONE_BORDER.finditer(document):
        code = _code(gazetteer, match.group("a") or match.group("b"))
        if named is None:  # countries the text names, as places or as people: "Turkish troops", "Syria"
            named = Counter(r.place.country for r in resolved if r is not None and r.place.country)
            named.update(c for w in _CAPITALISED.findall(document) if (c := gazetteer.demonym(w)))
        neighbours = gazetteer.neighbours(code) if code else {}
        mentioned = [c for c in neighbours if named[c]]
        if mentioned:
            out.append(_border_hit(match, neighbours[max(mentioned, key=lambda c: named[c])], anchors))
    return out


def _border_hit(match: re.Match[str], border: GazPlace, anchors: list[Resolved]) -> Hit:
    lat, lon = border.lat, border.lon
    if border.course and anchors:
        lat, lon = min(
            border.course, key=lambda p: min(abs(p[0] - a.lat) + abs(p[1] - a.lon) for a in anchors)
        )
    mention = Mention(start=match.start(), end=match.end(), text=match.group())
    return Hit(mention=mention, place=border, lat=lat, lon=lon)


def _code(gazetteer: Gazetteer, word: str) -> str | None:
    return gazetteer.demonym(word) or _country_code(gazetteer, word)


def _country_code(gazetteer: Gazetteer, name: str) -> str | None:
    for candidate in gazetteer.lookup([fold(name)]).get(fold(name), []):
        if candidate.place.feature == "country":
            return candidate.place.country
    return None
