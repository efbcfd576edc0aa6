"""Geoparsing tasks on tiny gold files written by hand in each dataset's format (never the real data)."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from marsad.eval import TASKS, EvalOptions, evaluate
from marsad.eval.geoparse import read_geovirus, read_geowebnews, read_lgl

TEXT = "Warplanes struck al-Bukamal and Deir al-Zour in Syria."


def _lgl_xml(shift: int = 0) -> str:
    def toponym(phrase: str, lat: float, lon: float, gid: int) -> str:
        start = TEXT.index(phrase) + shift
        return (
            f"<toponym><start>{start}</start><end>{start + len(phrase)}</end><phrase>{phrase}</phrase>"
            f'<gaztag geonameid="{gid}"><name>{phrase}</name><lat>{lat}</lat><lon>{lon}</lon>'
            "</gaztag></toponym>"
        )

    return (
        f'<articles><article docid="1"><text><![CDATA[{TEXT}]]></text><toponyms>'
        + toponym("al-Bukamal", 34.45226, 40.91854, 174448)
        + toponym("Deir al-Zour", 35.33588, 40.14084, 170794)
        + toponym("Syria", 35.0, 38.0, 163843)
        + "</toponyms></article></articles>"
    )


def test_lgl_reader_reanchors_shifted_offsets(tmp_path: Path) -> None:
    path = tmp_path / "shifted.xml"
    path.write_text(_lgl_xml(shift=1), encoding="utf-8")
    (article,) = read_lgl(path)
    assert [TEXT[t.start : t.end] for t in article.toponyms] == ["al-Bukamal", "Deir al-Zour", "Syria"]
    assert article.toponyms[0].geonames_id == 174448


def test_geovirus_reader_subtracts_one(tmp_path: Path) -> None:
    start = TEXT.index("Syria") + 1
    path = tmp_path / "GeoVirus.xml"
    path.write_text(
        f"<articles><article><text>{TEXT}</text><locations><location><name>Syria</name><start>{start}</start>"
        f"<end>{start + 5}</end><lat>35</lat><lon>38</lon></location></locations></article></articles>",
        encoding="utf-8",
    )
    (article,) = read_geovirus(path)
    assert TEXT[article.toponyms[0].start : article.toponyms[0].end] == "Syria"


def test_geowebnews_reader_pairs_texts_with_coordinate_lines(tmp_path: Path) -> None:
    xml = tmp_path / "GWN.xml"
    xml.write_text(f'<articles><article file="0"><text>{TEXT}</text></article></articles>', encoding="utf-8")
    full = tmp_path / "gwn_full.txt"
    start = TEXT.index("Syria")
    full.write_text(f"Syrian Arab Republic,,Syria,,35.0,,38.0,,{start},,{start + 5}||\n", encoding="utf-8")
    (article,) = read_geowebnews(xml, full)
    assert (article.toponyms[0].lat, article.toponyms[0].lon) == (35.0, 38.0)


def test_lgl_task_scores_spans_and_distances(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "lgl").mkdir()
    (tmp_path / "lgl" / "lgl.xml").write_text(_lgl_xml(), encoding="utf-8")
    assert {"geowebnews", "lgl", "tr-news", "geovirus"} <= set(TASKS)
    report = evaluate("lgl", EvalOptions(data=tmp_path, split="all", nlp=nlp))
    assert report.scores.micro.gold == 3
    assert report.metrics["gold spans: within 161 km"] == 1.0
    assert report.metrics["gold spans: exact GeoNames id"] >= 2 / 3
    assert report.scores.micro.recall == 1.0
    assert "gold spans: median error km" in report.as_json()["metrics"]
