"""Task `fa-kes` on a tiny CSV written by hand in the dataset's layout (no real data)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from marsad.errors import BenchmarkDataError
from marsad.eval import TASKS, EvalOptions, evaluate
from marsad.eval.syria_reports import DATASET, FILE, governorates, read_articles
from marsad.resolve.gazetteer import default_gazetteer

COLUMNS = ["unit_id", "article_title", "article_content", "source", "date", "location", "actor", "label"]
ROWS = [
    {
        "unit_id": "1",
        "article_title": "Shelling kills four in Douma",
        "article_content": "Tue 14 Mar 2017 Government shelling killed four civilians in Douma on Monday, "
        "activists said. Rescue workers pulled two children from the rubble.",
        "date": "3/13/17",
        "location": "damascus",
    },
    {
        "unit_id": "2",
        "article_title": "Air strikes hit market",
        "article_content": "Air strikes hit a crowded market in the city of Idlib, killing at least "
        "nine people, a monitoring group said.",
        "date": "5/2/16",
        "location": "idlib",
    },
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / DATASET
    folder.mkdir()
    with (folder / FILE).open("w", encoding="latin-1", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        for row in ROWS:
            writer.writerow({column: row.get(column, "") for column in COLUMNS})
    return tmp_path


def test_fa_kes_is_registered() -> None:
    assert DATASET in TASKS


def test_reader_parses_month_first_dates(data: Path) -> None:
    articles = read_articles(data / DATASET / FILE)
    assert [a.date for a in articles] == [date(2017, 3, 13), date(2016, 5, 2)]
    assert articles[0].location == "damascus"


def test_a_bad_date_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / FILE
    path.write_text("unit_id,article_title,article_content,date,location\n1,t,x,2017-13-45,idlib\n")
    with pytest.raises(BenchmarkDataError, match="line 2"):
        read_articles(path)


def test_gold_names_become_governorates() -> None:
    gazetteer = default_gazetteer()
    assert "Idlib" in governorates("idlib", gazetteer)
    assert {"Dimashq", "Rif-dimashq"} <= governorates("damascus", gazetteer)


def test_eval_fa_kes(data: Path, nlp: Language) -> None:
    report = evaluate(DATASET, EvalOptions(data=data, split="all", nlp=nlp))
    assert report.examples == 2
    metrics = report.metrics
    assert metrics["governorate_accuracy"] == 1.0
    # Only the first article opens with its date; its killing is dated "on Monday", the day before.
    assert metrics["published_found_share"] == 0.5
    assert metrics["published_same_day_share"] == 0.0
    assert metrics["event_date_same_day_share"] == 0.5
