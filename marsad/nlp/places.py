"""Component `marsad_places`: toponyms found, framed and resolved to one gazetteer place each.

Recognition (place_names.py) takes spaCy's GPE/LOC/FAC entities and a gazetteer matcher; framing
(place_frames.py) reads the words around a name ("the countryside of Latakia", "north of the
Euphrates", "the Syrian-Iraqi border"); marsad/resolve/geocode.py ranks the candidates. This module
ties them together and turns the results into marsad/1 `places`.
"""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from marsad.model import Actor, Mention, Place
from marsad.nlp.actor_words import COMPASS_ADJECTIVE, HONORIFICS, KIN_NOUNS, leads, names_force
from marsad.nlp.event_status import SUBJECTS
from marsad.nlp.extensions import text_of
from marsad.nlp.framed_names import first_of_list, preposition_framed, word_before
from marsad.nlp.place_frames import Found, Hit, borders, framed, stated_containers, toponym_at
from marsad.nlp.place_names import PLACE_LABELS, name_runs, recognise, trimmed_entities
from marsad.nlp.possessives import lost_possessives
from marsad.resolve.gazetteer import Candidate, Gazetteer, OpensGazetteer
from marsad.resolve.geocode import Ranker, Resolved, Toponym
from marsad.resolve.names import display_name, fold

# "Mr Cole", "Dr Aleppo": a name after an honorific is a person's, whatever county bears it.
HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(HONORIFICS)})\.?[ \t]+$")
HONORIFIC_CHARS = 6
# A place this big is what its name means even when it ends a "person's" name ("Syrias Aleppo").
SURNAME_MAX_POPULATION = 100_000
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


@Language.factory("marsad_places", assigns=["doc._.marsad_places"], requires=["doc.ents"])
def make_places(nlp: Language, name: str) -> PlaceResolver:
    return PlaceResolver()


class PlaceResolver(OpensGazetteer):
    """Fills doc._.marsad_places; the gazetteer is opened on first use, not when the pipeline is built."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.marsad_places = find_places(doc, self.gazetteer)
        if doc._.marsad_actors:
            doc._.marsad_actors = places_over_new_actors(doc, doc._.marsad_actors, doc._.marsad_places)
        return doc


def places_over_new_actors(doc: Doc, actors: list[Actor], places: list[Place]) -> list[Actor]:
    """One name, one reading: a new actor the places read as a place where it is no subject is
    that place ("the shelling of Manbij" is the town, not a person spaCy saw there), and loses its
    mentions that are place mentions; one left without mentions is gone. A name read as a place only
    where it acts or undergoes ("Villanueva was arrested", "X and Villanueva were held") stays the
    actor the recogniser saw. Actors of the knowledge base keep theirs ("Syria said" is the state
    and the country both)."""
    taken = {(m.start, m.end) for place in places for m in place.mentions}
    kept: list[Actor] = []
    for actor in actors:
        doubled = [m for m in actor.mentions if (m.start, m.end) in taken]
        if actor.kb_id or not doubled or all(_is_subject(doc, m) for m in doubled):
            kept.append(actor)
        elif mentions := [m for m in actor.mentions if (m.start, m.end) not in taken]:
            kept.append(actor.model_copy(update={"mentions": mentions}))
    ids = {actor.id for actor in kept}
    return [
        actor
        if actor.affiliation in ids or actor.affiliation is None
        else actor.model_copy(update={"affiliation": None})
        for actor in kept
    ]


def _is_subject(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and first_of_list(span.root).dep_ in SUBJECTS


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    text = text_of(doc)
    entities = [trimmed for _, trimmed in trimmed_entities(doc)]
    runs = name_runs(text, lost_possessives(doc))
    keys = {toponym_at(text, e.start_char, e.end_char).key for e in entities if e.label_ in PLACE_LABELS}
    keys |= {key for run in runs for _, _, key in run}
    candidates = gazetteer.lookup(keys)
    entities = [_without_qualifier(text, e, candidates, gazetteer) for e in entities]
    actors = doc._.marsad_actors or []
    recognised = recognise(doc, text, entities, runs, candidates, gazetteer)
    surnames = _surnames(actors, {f.toponym.text for f in recognised})
    people = _people_named(actors, text, recognised)
    # a state's word the gazetteer does not know is its people, not a place: "four Frenchmen"
    states = {(m.start, m.end) for actor in actors if actor.type == "state" for m in actor.mentions}
    found = [
        f
        for f in recognised
        if not _inside_body_name(f.toponym, actors)
        and not HONORIFIC_BEFORE.search(text, max(0, f.toponym.start - HONORIFIC_CHARS), f.toponym.start)
        and not leads(text, f.toponym.end)  # "the US-led coalition": who leads, not a place named
        and not _surname_here(doc, f, surnames, candidates.get(f.toponym.key, []), people)
        and (candidates.get(f.toponym.key) or (f.toponym.start, f.toponym.end) not in states)
        # a state that struck, not where: "killed in the US air strike"
        and not (
            (f.toponym.start, f.toponym.end) in states and names_force(doc, f.toponym.start, f.toponym.end)
        )
    ]
    toponyms = stated_containers(text, [f.toponym for f in found])
    resolved = Ranker(gazetteer).resolve(toponyms, candidates)
    results: list[Hit] = []
    for item, resolution in zip(found, resolved, strict=True):
        results.append(framed(text, item, resolution))
    results.extend(borders(text, gazetteer, resolved))
    return _group(results)


def _without_qualifier(
    text: str, ent: Span, candidates: dict[str, list[Candidate]], gazetteer: Gazetteer
) -> Span:
    """ "Rural Idlib" is Idlib's countryside, placed at Idlib, "Syrian Idlib" is Idlib and "Northern
    Syria" is in Syria, unless the gazetteer knows the whole name ("Rural Damascus" is Rif Dimashq,
    "Northern Ireland" is itself). Read as no province: "rural Paris" in Tennessee news is around
    the town, not the French département. "Aleppo City" is Aleppo ("Gaza City" is itself)."""
    if len(ent) < 2:
        return ent
    if ent[0].lower_ == "rural" or (ent.label_ in PLACE_LABELS and _qualifies_place(ent[0], gazetteer)):
        inner = Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    elif ent.label_ in PLACE_LABELS and ent[-1].text == "City":
        inner = Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    else:
        return ent
    if candidates.get(toponym_at(text, ent.start_char, ent.end_char).key):
        return ent
    key = toponym_at(text, inner.start_char, inner.end_char).key
    candidates.update(gazetteer.lookup([key]))
    return inner


def _qualifies_place(word: Token, gazetteer: Gazetteer) -> bool:
    return bool(COMPASS_ADJECTIVE.match(word.text) or gazetteer.demonym(word.text))


def _surnames(actors: list[Actor], toponyms: set[str]) -> set[str]:
    """The last names of the persons named in full ("James Foley"), but not of a "person" whose
    other names are places too ("Aleppo Homs", from a list without commas)."""
    names = (a.name.split() for a in actors if a.type == "person")
    return {words[-1] for words in names if len(words) > 1 and not toponyms.intersection(words[:-1])}


def _surname_here(
    doc: Doc, found: Found, surnames: set[str], options: list[Candidate], people: set[tuple[int, int]]
) -> bool:
    """ "Mr Foley's body" after "James Foley" is the man, not Foley, Alabama, and so is a person named
    after a relation ("his mother Shirley" is not Shirley, New York); "in Foley" is the town, and a
    city, province or country is itself whoever the recogniser made a "person" of it, unless the
    actor linker read it as the person named in full before ("Monaco" after "Lisa Monaco")."""
    toponym = found.toponym
    named = (toponym.start, toponym.end) in people
    if not (named or toponym.text in surnames) or found.direction or found.area:
        return False
    if named and toponym.text in surnames:
        return True  # the actor linker read it as the person ("Monaco, along with the State Department")
    span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if span is None:
        return False
    kin = named and (before := word_before(doc, span.start)) is not None and before.lower_ in KIN_NOUNS
    if not (kin or toponym.text in surnames):
        return False
    if any(c.place.population >= SURNAME_MAX_POPULATION or c.place.feature != "city" for c in options):
        return False
    return not preposition_framed(span)


def _people_named(actors: list[Actor], text: str, recognised: list[Found]) -> set[tuple[int, int]]:
    """Spans the actor linker read as persons, but not one a place follows after a comma ("Shirley,
    New York" is the town)."""
    contained = {
        f.toponym.end
        for f, g in itertools.pairwise(recognised)
        if text[f.toponym.end : g.toponym.start] == ", "
    }
    return {
        (m.start, m.end)
        for actor in actors
        if actor.type == "person"
        for m in actor.mentions
        if m.end not in contained
    }


def _inside_body_name(toponym: Toponym, actors: list[Actor]) -> bool:
    """A place named inside a known actor's name after its first word ("Islamic State in Iraq and
    the Levant"), or the whole name ("the Syrian Observatory for Human Rights" that the recogniser
    called a place), is part of the name, not a place the text speaks of. Names of new actors are
    guesses of the entity recogniser ("Lattakia over Raqqa") and hide no place."""
    return any(
        m.start <= toponym.start
        and toponym.end <= m.end
        and (m.start < toponym.start or toponym.end - toponym.start == m.end - m.start)
        for actor in actors
        if actor.kb_id is not None and actor.type not in ("state", "person")
        for m in actor.mentions
    )


def resolve_spans(document: str, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[Resolved | None]:
    """Resolve given toponym spans (gold spans in evaluation), with the pipeline's ranking."""
    toponyms, candidates = span_toponyms(document, spans, gazetteer)
    return Ranker(gazetteer).resolve(toponyms, candidates)


def span_toponyms(
    document: str, spans: list[tuple[int, int]], gazetteer: Gazetteer
) -> tuple[list[Toponym], dict[str, list[Candidate]]]:
    """The toponyms at given spans, with the places the text puts them in, and their candidates; a
    demonym stands for its country."""
    toponyms = []
    for start, end in spans:
        toponym = toponym_at(document, start, end)
        if code := gazetteer.demonym(toponym.text):
            toponym = Toponym(start=start, end=end, text=toponym.text, key=f"country:{code}")
        toponyms.append(toponym)
    toponyms = stated_containers(document, toponyms)
    candidates = gazetteer.lookup({t.key for t in toponyms})
    for toponym in toponyms:
        if toponym.key.startswith("country:") and (country := gazetteer.get(toponym.key)):
            candidates[toponym.key] = [Candidate(country, country.name)]
    return toponyms, candidates


def _group(
    results: list[Hit],
) -> list[Place]:
    """One Place per (gazetteer place, point, area name), or per unresolved name, mentions in order."""
    groups: dict[tuple[object, ...], tuple[Hit, list[Mention]]] = {}
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
                match="fuzzy" if hit.fuzzy else None,
            )
        )
    return places
