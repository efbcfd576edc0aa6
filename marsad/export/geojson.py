"""GeoJSON: a FeatureCollection of located events (Points), and located places no event mentions.

Each feature's properties carry the event (or place) and its evidence: document id, outlet, the
sentence and its character span, so a GIS user can trace every point back to the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.explore.rows import event_rows, place_rows
from marsad.model import Result


def _point(lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def write_geojson(results: Iterable[Result], out: TextIO) -> int:
    """Write one FeatureCollection, a feature at a time (memory stays flat); returns the feature count."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for result in results:
        located = set()
        features = []
        for row in event_rows(result):
            if row.place is None or row.place.lat is None or row.place.lon is None:
                continue
            located.add(row.place.id)
            properties = {
                "kind": "event",
                "id": row.id,
                "type": row.type,
                "mode": row.mode,
                "status": row.status,
                "actor": row.actor.name if row.actor else None,
                "target": row.target.name if row.target else None,
                "place": row.place.name,
                "country": row.place.country,
                "date_start": row.date.start if row.date else None,
                "date_end": row.date.end if row.date else None,
                "doc_id": row.source.doc_id,
                "outlet": row.source.outlet,
                "published": row.source.published,
                "sentence": row.sentence_text,
                "sentence_start": row.sentence.start,
                "sentence_end": row.sentence.end,
            }
            features.append(_point(row.place.lon, row.place.lat, properties))
        for place in place_rows(result):
            ref = place.place
            if ref.id in located or ref.lat is None or ref.lon is None:
                continue
            properties = {
                "kind": "place",
                "id": place.id,
                "place": ref.name,
                "country": ref.country,
                "mentions": place.mentions,
                "doc_id": place.source.doc_id,
                "outlet": place.source.outlet,
                "published": place.source.published,
                "mention_start": place.first.start,
                "mention_end": place.first.end,
            }
            features.append(_point(ref.lon, ref.lat, properties))
        for feature in features:
            out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
            count += 1
    out.write("\n]}\n")
    return count
