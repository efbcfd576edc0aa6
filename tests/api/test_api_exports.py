"""Every export format from the API (filtered like the event table) and from the CLI."""

from __future__ import annotations

import csv
import io
import json
import typing
from pathlib import Path
from xml.etree import ElementTree as ET

import pyarrow.parquet as pq
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from marsad.api.routes.exports import Format
from marsad.cli import app
from marsad.export import EXPORTERS
from marsad.model import Result
from marsad.store import Store


def _download(client: TestClient, fmt: str, **params: str) -> bytes:
    response = client.get(f"/api/export/{fmt}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(EXPORTERS[fmt].media_type)
    assert response.headers["content-disposition"] == f'attachment; filename="marsad{EXPORTERS[fmt].suffix}"'
    return response.content


def test_the_api_offers_exactly_the_registered_formats(client: TestClient) -> None:
    assert set(typing.get_args(Format)) == set(EXPORTERS)
    assert [f["name"] for f in client.get("/api/export").json()] == list(EXPORTERS)
    assert client.get("/api/export/xlsx").status_code == 422


def test_acled_csv_has_one_row_per_matching_event(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(_download(client, "csv", status="ordered").decode())))
    assert len(rows) == 2
    assert {r["status"] for r in rows} == {"ordered"}
    assert {r["location"] for r in rows} == {"Hemeimeem air base"}
    row = rows[0]
    assert (row["event_date"], row["year"], row["time_precision"], row["actor1"]) == (
        "2017-12-11",
        "2017",
        "1",
        "Vladimir Putin",
    )
    assert "ordered a partial withdrawal" in row["notes"]


def test_geojson_points_carry_their_evidence(client: TestClient) -> None:
    collection = json.loads(_download(client, "geojson"))
    assert collection["type"] == "FeatureCollection"
    events = [f for f in collection["features"] if f["properties"]["kind"] == "event"]
    assert len(events) == 8
    hemeimeem = next(f for f in events if f["properties"]["place"] == "Hemeimeem air base")
    assert hemeimeem["geometry"] == {"type": "Point", "coordinates": [35.9486, 35.4011]}
    assert hemeimeem["properties"]["sentence"]
    places = [f for f in collection["features"] if f["properties"]["kind"] == "place"]
    assert {f["properties"]["place"] for f in places} == {"Latakia", "Moscow"}  # named, no event there


def test_graphml_is_a_valid_actor_graph(client: TestClient) -> None:
    root = ET.fromstring(_download(client, "graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    names = {d.text for d in root.iterfind(".//g:node/g:data[@key='name']", ns)}
    assert {"Vladimir Putin", "Militants <script>"} <= names
    assert root.findall(".//g:edge", ns)


def test_jsonl_export_narrows_to_the_filtered_events(client: TestClient) -> None:
    lines = _download(client, "jsonl", status="denied").decode().splitlines()
    results = [Result.model_validate_json(line) for line in lines]
    assert len(results) == 1
    assert [e.status for e in results[0].events] == ["denied"]
    assert len(_download(client, "jsonl").decode().splitlines()) == 4


def test_parquet_holds_the_event_table(client: TestClient) -> None:
    table = pq.read_table(io.BytesIO(_download(client, "parquet")))
    assert table.num_rows == 8
    assert table.schema.field("latitude").type == "double"
    assert sorted(set(table.column("status").to_pylist())) == ["denied", "happened", "ordered"]


def test_cli_exports_every_format(store: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in EXPORTERS:
        out = tmp_path / f"export{EXPORTERS[fmt].suffix}"
        result = runner.invoke(app, ["export", "--db", store.url, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    assert pq.read_table(tmp_path / "export.parquet").num_rows == 8
