"""The `marsad` command end to end on the bundled reports, with a SQLite store in a temp folder."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.model import json_schema
from tests.corpus import report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()


@pytest.fixture
def db(store_url: str) -> str:
    """Every command runs against SQLite, and against PostgreSQL when a test server is configured."""
    return store_url


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def _invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_analyze_json_writes_valid_marsad_1_lines_for_every_example(db: str) -> None:
    lines = _lines(_invoke("analyze", str(EXAMPLES), "--json", "--db", db, "--workers", "1"))
    assert len(lines) == 2
    for line in lines:
        jsonschema.validate(line, json_schema())
        assert line["schema"] == "marsad/1"
        text = line["doc"]["text"]  # type: ignore[index]
        for citation in line["citations"]:  # type: ignore[attr-defined]
            assert text[citation["start"] : citation["end"]] == citation["text"]
        for actor in line["actors"]:  # type: ignore[attr-defined]
            for mention in actor["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
    by_outlet = {line["doc"]["outlet"]: line for line in lines}  # type: ignore[index]
    assert by_outlet["Eldorar Alshamia"]["doc"]["published"] == "2016-03-17"  # type: ignore[index]


def test_analysing_twice_is_idempotent_and_still_prints_every_document(db: str) -> None:
    first = _lines(_invoke("analyze", str(EXAMPLES), "--json", "--db", db, "--workers", "1"))
    second = _lines(_invoke("analyze", str(EXAMPLES), "--json", "--db", db, "--workers", "1"))
    assert sorted(d["doc"]["id"] for d in first) == sorted(d["doc"]["id"] for d in second)  # type: ignore[index]
    exported = _lines(_invoke("export", "--db", db))
    assert len(exported) == 2


def test_a_copy_under_another_name_is_an_exact_duplicate(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (EXAMPLES / "russia-withdrawal-2016.txt").read_text("utf-8")
    (folder / "a.txt").write_text(text, "utf-8")
    (folder / "b.txt").write_text(text.replace("\n", "\n\n"), "utf-8")
    output = _invoke("ingest", str(folder), "--db", db, "--workers", "1")
    assert "exact duplicates" in output
    assert len(_lines(_invoke("export", "--db", db))) == 1


def test_bad_inputs_are_quarantined_and_the_batch_completes(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good-1.txt").write_text(report(1), "utf-8")
    (folder / "good-2.txt").write_text(report(2), "utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (folder / "empty.txt").write_text("   \n", "utf-8")
    (folder / "broken.jsonl").write_text(
        '{"text": "' + report(3).replace("\n", " ") + '"}\n{not json\n', "utf-8"
    )
    output = _invoke("ingest", str(folder), "--db", db, "--workers", "1")
    assert "quarantined" in output
    assert len(_lines(_invoke("export", "--db", db))) == 3
    listing = _invoke("quarantine", "--db", db)
    for reason in ("binary", "empty", "bad-json"):
        assert reason in listing


def test_non_english_reports_are_stored_flagged_and_not_analysed(db: str, tmp_path: Path) -> None:
    french = (
        "Le président russe a ordonné lundi le retrait partiel des troupes déployées en Syrie, lors "
        "d'une visite surprise à la base aérienne de Hmeimim, près de Lattaquié. Le ministère de la "
        "Défense a indiqué que les premiers avions avaient déjà quitté la base."
    )
    (tmp_path / "rapport.txt").write_text(french, "utf-8")
    (line,) = _lines(
        _invoke("analyze", str(tmp_path / "rapport.txt"), "--json", "--db", db, "--workers", "1")
    )
    assert line["doc"]["language"] == "fr"  # type: ignore[index]
    assert line["doc"]["text"] == french  # type: ignore[index]
    assert line["sentences"] == [] and line["events"] == []
    assert "1 not English" in _invoke("show", "--db", db)


def test_show_and_search_read_the_store(db: str) -> None:
    lines = _lines(_invoke("analyze", str(EXAMPLES), "--json", "--db", db, "--workers", "1"))
    doc_id = lines[0]["doc"]["id"]  # type: ignore[index]
    shown = json.loads(_invoke("show", str(doc_id), "--db", db))
    assert shown == lines[0]
    assert "Eldorar Alshamia" in _invoke("show", "--db", db)
    rows = _invoke("search", "Euphrates river", "--sentences", "--db", db).splitlines()[1:-1]
    assert rows, "no sentence hits"
    for row in rows:
        doc, _, span, snippet = row.split("\t")
        assert "[Euphrates] [River]" in snippet
        start, end = (int(n) for n in span.split("-"))
        text = next(line["doc"]["text"] for line in lines if line["doc"]["id"] == doc)  # type: ignore[index]
        assert "Euphrates" in text[start:end] and "River" in text[start:end]


def test_unknown_store_url_is_one_clear_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "marsad", "show", "--db", "mysql://nowhere/db"], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stderr.startswith("marsad: error:") and "mysql" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_actors_lists_linked_actors_with_counts(db: str) -> None:
    _invoke("analyze", str(EXAMPLES), "--db", db)
    lines = _invoke("actors", "--db", db, "--type", "state", "--limit", "3").splitlines()
    assert lines[0].split("\t") == ["actor", "type", "kb id", "mentions", "documents"]
    assert lines[1].split("\t")[:3] == ["Russia", "state", "russia"]
    assert len(lines) == 5  # header, three actors, the total


def test_claims_lists_the_sdf_iraqi_dispute_and_graph_exports_relations(db: str, tmp_path: Path) -> None:
    _invoke("analyze", str(EXAMPLES), "--db", db)
    disputed = _invoke("claims", "--contradicted", "--speaker", "rasool", "--db", db)
    assert "absolutely no agreement" in disputed and "denies" in disputed
    assert "Mustafa Bali" in _invoke("claims", "--speaker", "bali", "--db", db)
    graphml = tmp_path / "relations.graphml"
    _invoke("graph", "--format", "graphml", "-o", str(graphml), "--db", db)
    assert graphml.read_text("utf-8").startswith("<?xml")
    graph = json.loads(_invoke("graph", "--format", "json", "--db", db))
    assert graph["nodes"] and all({"relation", "evidence", "first"} <= edge.keys() for edge in graph["edges"])
