"""The curated place supplement: marsad/resources/places/*.toml plus the files a user adds.

Everything GeoNames' populated places lack — air bases, border crossings, rivers, deserts, regions,
borders, small villages — and extra names for places it has. The format is documented in
docs/places.md; files are read at every start, so an edit takes effect without rebuilding anything.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from marsad.errors import GazetteerError

# Extra supplement folders or files, separated by os.pathsep, read after the bundled ones.
PLACES_ENV = "MARSAD_PLACES"
# The ref prefix of a supplement entry: "marsad:<id>".
CURATED_PREFIX = "marsad:"

FEATURES = frozenset(
    {
        "country",
        "admin1",
        "admin2",
        "city",
        "military",
        "crossing",
        "site",
        "river",
        "desert",
        "region",
        "border",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class GazPlace:
    """One gazetteer entry. `ref` is its stable id: geonames:<id>, admin1:<CC>.<code>, country:<CC>,
    admin2:<CC>.<admin1>.<name>, continent:<code> or marsad:<id> for a supplement entry."""

    ref: str
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int = 0
    geonames_id: int | None = None
    admin1_code: str | None = None  # "<CC>.<code>", GeoNames' first-level division
    admin1: str | None = None  # its name, when known
    course: tuple[tuple[float, float], ...] = ()  # points along a river, border or long region
    countries: tuple[str, ...] = ()  # the two countries of a border

    @property
    def curated(self) -> bool:
        """Whether the entry comes from a place supplement (Marsad's or a user's) rather than GeoNames."""
        return self.ref.startswith(CURATED_PREFIX)


@dataclass(slots=True, kw_only=True)
class Supplement:
    places: list[GazPlace] = field(default_factory=list)
    names: dict[str, list[str]] = field(default_factory=dict)  # gazetteer ref -> extra names
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "syrian" -> "SY"


def supplement_files() -> list[Path]:
    bundled = files("marsad").joinpath("resources", "places")
    paths = sorted(Path(str(bundled)).glob("*.toml"))
    for extra in filter(None, os.environ.get(PLACES_ENV, "").split(os.pathsep)):
        path = Path(extra)
        paths.extend(sorted(path.glob("*.toml")) if path.is_dir() else [path])
    return paths


def load_supplement(paths: Iterable[Path] | None = None) -> Supplement:
    supplement = Supplement()
    for path in supplement_files() if paths is None else paths:
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise GazetteerError(f"place supplement {path}: {error}") from error
        _read(path, data, supplement)
    return supplement


def _read(path: Path, data: dict[str, Any], supplement: Supplement) -> None:
    for n, entry in enumerate(data.get("place", []), start=1):
        place, names = _place(path, n, entry)
        supplement.places.append(place)
        supplement.names.setdefault(place.ref, []).extend([place.name, *names])
    for n, entry in enumerate(data.get("alias", []), start=1):
        target, names = entry.get("target"), entry.get("names") or [entry.get("name")]
        if not isinstance(target, str) or not all(isinstance(name, str) for name in names):
            raise GazetteerError(f"{path}: alias {n} needs `target` and `names` (or `name`)")
        supplement.names.setdefault(target, []).extend(names)
    for n, entry in enumerate(data.get("country", []), start=1):
        code = entry.get("code")
        if not isinstance(code, str) or len(code) != 2:
            raise GazetteerError(f"{path}: country {n} needs a two-letter `code`")
        if "lat" in entry and "lon" in entry:
            supplement.country_points[code] = (float(entry["lat"]), float(entry["lon"]))
        supplement.names.setdefault(f"country:{code}", []).extend(entry.get("aliases", []))
        for demonym in entry.get("demonyms", []):
            supplement.demonyms[demonym.casefold()] = code


def _place(path: Path, n: int, entry: dict[str, Any]) -> tuple[GazPlace, list[str]]:
    missing = [key for key in ("id", "name", "feature", "lat", "lon") if key not in entry]
    if missing:
        raise GazetteerError(f"{path}: place {n} lacks {', '.join(missing)}")
    if entry["feature"] not in FEATURES:
        raise GazetteerError(
            f"{path}: place {entry['id']}: feature must be one of {', '.join(sorted(FEATURES))}"
        )
    lat, lon = float(entry["lat"]), float(entry["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerError(f"{path}: place {entry['id']}: lat/lon out of range")
    place = GazPlace(
        ref=f"{CURATED_PREFIX}{entry['id']}",
        name=entry["name"],
        lat=lat,
        lon=lon,
        country=entry.get("country"),
        feature=entry["feature"],
        population=int(entry.get("population", 0)),
        geonames_id=entry.get("geonames_id"),
        admin1=entry.get("admin1"),
        course=tuple((float(a), float(b)) for a, b in entry.get("course", [])),
        countries=tuple(entry.get("countries", [])),
    )
    return place, list(entry.get("aliases", []))


def iter_names(supplement: Supplement) -> Iterator[tuple[str, str]]:
    """(gazetteer ref, name) for every name the supplement gives."""
    for ref, names in supplement.names.items():
        for name in names:
            yield ref, name
