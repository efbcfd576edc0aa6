"""Parquet: the events table (the CSV's columns, typed) for pandas, polars, DuckDB or Spark."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from marsad.export.acled_csv import COLUMNS, event_records
from marsad.model import Result

_TYPES = {
    "year": pa.int32(),
    "time_precision": pa.int8(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "fatalities": pa.int32(),
    "sentence_start": pa.int64(),
    "sentence_end": pa.int64(),
    "negated": pa.bool_(),
}
SCHEMA = pa.schema([(name, _TYPES.get(name, pa.string())) for name in COLUMNS])


def write_parquet(results: Iterable[Result], out: BinaryIO) -> int:
    records = list(event_records(results))
    table = pa.Table.from_pylist(records, schema=SCHEMA)
    pq.write_table(table, out, compression="zstd")
    return len(records)
