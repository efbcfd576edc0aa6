"""Exporters: each writes stored results in one format. A new format is one module and one entry here.

Every exporter writes bytes (Parquet is binary); the text formats are wrapped as UTF-8. The CLI
(`marsad export`), the API (`/api/export/{format}`) and the UI's export buttons all use this table.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from marsad.export.acled_csv import write_acled_csv
from marsad.export.geojson import write_geojson
from marsad.export.graphml import write_graphml
from marsad.export.jsonl import write_jsonl
from marsad.export.parquet import write_parquet
from marsad.model import Result

TextWriter = Callable[[Iterable[Result], TextIO], int]
BinaryWriter = Callable[[Iterable[Result], BinaryIO], int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Exporter:
    write: BinaryWriter  # returns how many `unit`s it wrote
    media_type: str
    suffix: str
    unit: str
    description: str


def as_utf8(write: TextWriter, *, newline: str | None = "\n") -> BinaryWriter:
    """A text writer as a binary one: UTF-8, the binary stream left open afterwards."""

    def write_bytes(results: Iterable[Result], out: BinaryIO) -> int:
        text = io.TextIOWrapper(out, encoding="utf-8", newline=newline, write_through=True)
        try:
            return write(results, text)
        finally:
            text.flush()
            text.detach()

    return write_bytes


EXPORTERS: dict[str, Exporter] = {
    "jsonl": Exporter(
        write=as_utf8(write_jsonl),
        media_type="application/x-ndjson",
        suffix=".jsonl",
        unit="documents",
        description="marsad/1 JSON Lines: one analysed document per line, everything kept",
    ),
    "csv": Exporter(
        write=as_utf8(write_acled_csv, newline=""),
        media_type="text/csv",
        suffix=".csv",
        unit="events",
        description="ACLED-style CSV: one event per row with actors, place, coordinates and source",
    ),
    "geojson": Exporter(
        write=as_utf8(write_geojson),
        media_type="application/geo+json",
        suffix=".geojson",
        unit="features",
        description="GeoJSON FeatureCollection: located events, and located places without events",
    ),
    "graphml": Exporter(
        write=as_utf8(write_graphml),
        media_type="application/graphml+xml",
        suffix=".graphml",
        unit="actors",
        description="GraphML actor network: co-mentions and event links, weighted",
    ),
    "parquet": Exporter(
        write=write_parquet,
        media_type="application/vnd.apache.parquet",
        suffix=".parquet",
        unit="events",
        description="Parquet table of events, the same columns as the CSV",
    ),
}

__all__ = ["EXPORTERS", "Exporter", "as_utf8"]
