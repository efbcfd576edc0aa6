"""Tasks `geowebnews`, `lgl`, `tr-news`, `geovirus`: toponym recognition and resolution.

Two measures, as in the geoparsing literature (Gritta et al. 2019; Mordecai 3, Halterman 2023):
- end to end: the production pipeline reads each article; its place mentions are scored against the
  gold toponyms with exact character spans (P/R/F1, label `toponym`), and the correctly found ones
  by distance to the gold point;
- on gold spans: the resolver alone gets the gold toponyms and is scored by distance: share within
  161 km (100 miles), mean and median error in km, and the share with the exact GeoNames id.

Gold toponyms are those with coordinates. Quirks handled here, from each PROVENANCE.md: GeoVirus
offsets are one character too far; some TR-News offsets are shifted, so a toponym is re-anchored on
its phrase within a few characters; GeoWebNews coordinates come from gwn_full.txt, the authors'
geocoding set, matched to GWN.xml's texts by article order.
"""

from __future__ import annotations

import hashlib
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import BenchmarkDataError
from marsad.eval.gold import find_data_dir, gold_file
from marsad.eval.score import score
from marsad.eval.task import EvalOptions, Report, Task
from marsad.nlp import build_nlp
from marsad.nlp.places import resolve_spans
from marsad.resolve.gazetteer import default_gazetteer
from marsad.resolve.geocode import distance_km

WITHIN_KM = 161.0  # 100 miles, the customary "accuracy@161"
# TR-News: search this far either side of a stated offset for the toponym's phrase.
SHIFT_WINDOW = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "", "-") else None
    except ValueError:
        return None


def _anchor(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """The offsets where `phrase` really is: as stated, or shifted by at most SHIFT_WINDOW."""
    for shift in sorted(range(-SHIFT_WINDOW, SHIFT_WINDOW + 1), key=abs):
        if text[start + shift : start + shift + len(phrase)] == phrase:
            return start + shift, start + shift + len(phrase)
    return None


def read_lgl(path: Path) -> list[GoldArticle]:
    """LGL and TR-News: <article><text/><toponyms><toponym><start/><end/><phrase/><gaztag>."""
    articles = []
    for article in _parse(path).iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for toponym in article.iter("toponym"):
            gaztag = toponym.find("gaztag")
            phrase = toponym.findtext("phrase") or ""
            lat, lon = _float(toponym.findtext("gaztag/lat")), _float(toponym.findtext("gaztag/lon"))
            where = _anchor(text, int(toponym.findtext("start") or 0), 0, phrase)
            if gaztag is None or lat is None or lon is None or where is None:
                continue
            gid = gaztag.get("geonameid")
            toponyms.append(
                GoldToponym(
                    start=where[0],
                    end=where[1],
                    text=phrase,
                    lat=lat,
                    lon=lon,
                    geonames_id=int(gid) if gid and gid.isdigit() else None,
                )
            )
        articles.append(GoldArticle(text=text, toponyms=tuple(toponyms)))
    return articles


def read_geovirus(path: Path) -> list[GoldArticle]:
    """GeoVirus: <article><text/><locations><location><name/><start/><end/><lat/><lon/>; offsets +1."""
    articles = []
    for article in _parse(path).iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for location in article.iter("location"):
            name = location.findtext("name") or ""
            lat, lon = _float(location.findtext("lat")), _float(location.findtext("lon"))
            where = _anchor(text, int(location.findtext("start") or 1) - 1, 0, name)
            if lat is not None and lon is not None and where is not None:
                toponyms.append(GoldToponym(start=where[0], end=where[1], text=name, lat=lat, lon=lon))
        articles.append(GoldArticle(text=text, toponyms=tuple(toponyms)))
    return articles


def read_geowebnews(xml_path: Path, full_path: Path) -> list[GoldArticle]:
    """Texts from GWN.xml; toponyms from gwn_full.txt (name,,mention,,lat,,lon,,start,,end||...)."""
    texts = [article.findtext("text") or "" for article in _parse(xml_path).iter("article")]
    lines = full_path.read_text("utf-8").splitlines()
    if len(lines) != len(texts):
        raise BenchmarkDataError(f"{full_path}: {len(lines)} lines for {len(texts)} articles in {xml_path}")
    articles = []
    for text, line in zip(texts, lines, strict=True):
        toponyms = []
        for entry in filter(None, line.split("||")):
            fields = entry.split(",,")
            if len(fields) != 6:
                continue
            _, mention, lat, lon, start, _ = fields
            where = _anchor(text, int(start), 0, mention)
            if where is not None and (la := _float(lat)) is not None and (lo := _float(lon)) is not None:
                toponyms.append(GoldToponym(start=where[0], end=where[1], text=mention, lat=la, lon=lo))
        articles.append(GoldArticle(text=text, toponyms=tuple(toponyms)))
    return articles


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as error:
        raise BenchmarkDataError(f"{path}: {error}") from error


# -- scoring ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Errors:
    km: list[float | None]  # None: nothing resolved
    exact: list[bool]

    def metrics(self, prefix: str, with_ids: bool) -> dict[str, float]:
        resolved = [d for d in self.km if d is not None]
        n = len(self.km) or 1
        out = {
            f"{prefix} toponyms": float(len(self.km)),
            f"{prefix} resolved share": len(resolved) / n,
            f"{prefix} within 161 km": sum(d <= WITHIN_KM for d in resolved) / n,
            f"{prefix} mean error km": statistics.fmean(resolved) if resolved else 0.0,
            f"{prefix} median error km": statistics.median(resolved) if resolved else 0.0,
        }
        if with_ids:
            out[f"{prefix} exact GeoNames id"] = sum(self.exact) / n
        return out


def _gold_span_errors(articles: list[GoldArticle]) -> _Errors:
    gazetteer = default_gazetteer()
    errors = _Errors(km=[], exact=[])
    for article in articles:
        spans = [(t.start, t.end) for t in article.toponyms]
        for gold, found in zip(article.toponyms, resolve_spans(article.text, spans, gazetteer), strict=True):
            errors.km.append(distance_km(gold.lat, gold.lon, found.lat, found.lon) if found else None)
            errors.exact.append(
                bool(found and gold.geonames_id and found.place.geonames_id == gold.geonames_id)
            )
    return errors


def _end_to_end(
    options: EvalOptions, articles: list[GoldArticle]
) -> tuple[list[set[Hashable]], _Errors, int]:
    nlp = options.nlp or build_nlp()
    predicted: list[set[Hashable]] = []
    errors = _Errors(km=[], exact=[])
    words = 0
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        words += len(doc)
        gold = {(t.start, t.end): t for t in article.toponyms}
        spans: set[Hashable] = set()
        for place in doc._.marsad_places or []:
            for mention in place.mentions:
                spans.add((mention.start, mention.end))
                if (t := gold.get((mention.start, mention.end))) is not None:
                    km = distance_km(t.lat, t.lon, place.lat, place.lon) if place.lat is not None else None
                    errors.km.append(km)
                    errors.exact.append(bool(t.geonames_id and place.geonames_id == t.geonames_id))
        predicted.append(spans)
    return predicted, errors, words


def run_geoparse(
    dataset: str, files: tuple[str, ...], reader: Callable[..., list[GoldArticle]], options: EvalOptions
) -> Report:
    data = find_data_dir(options.data)
    paths = [gold_file(data, dataset, name) for name in files]
    articles = reader(*paths)[: options.limit]
    with_ids = any(t.geonames_id for a in articles for t in a.toponyms)
    started = time.perf_counter()
    on_gold = _gold_span_errors(articles)
    predicted, end_to_end, words = _end_to_end(options, articles)
    seconds = time.perf_counter() - started
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()
    return Report(
        task=dataset,
        split=options.split,
        gold=paths[0],
        gold_sha256=digest,
        examples=len(articles),
        words=words,
        seconds=seconds,
        scores=score(_keyed(set((t.start, t.end) for t in a.toponyms) for a in articles), _keyed(predicted)),
        metrics={**on_gold.metrics("gold spans:", with_ids), **end_to_end.metrics("end to end:", with_ids)},
    )


def _keyed(per_article: Iterator[set[Hashable]] | list[set[Hashable]]) -> Iterator[tuple[str, Hashable]]:
    for n, spans in enumerate(per_article):
        for span in spans:
            yield "toponym", (n, span)


def _task(name: str, summary: str, files: tuple[str, ...], reader: Callable[..., list[GoldArticle]]) -> Task:
    return Task(
        name=name,
        summary=summary,
        splits=("all",),
        run=lambda options: run_geoparse(name, files, reader, options),
    )


GEOWEBNEWS = _task(
    "geowebnews",
    "Toponyms and their coordinates in 200 news articles (GeoWebNews)",
    ("GWN.xml", "gwn_full.txt"),
    read_geowebnews,
)
LGL = _task("lgl", "Toponyms in 588 US local news articles (LGL)", ("lgl.xml",), read_lgl)
TR_NEWS = _task("tr-news", "Toponyms in 118 news articles (TR-News)", ("TR-News.xml",), read_lgl)
GEOVIRUS = _task(
    "geovirus", "Toponyms in 229 WikiNews epidemic reports (GeoVirus)", ("GeoVirus.xml",), read_geovirus
)
