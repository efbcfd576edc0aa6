import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import BenchmarkDataError
from marsad.eval import TASKS, EvalOptions, evaluate, ner
from marsad.eval.gold import LabelledSpan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared_nlp(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> Language:
    """The session's pipeline stands in for the one the command would build."""
    monkeypatch.setattr(ner, "build_nlp", lambda: nlp)
    return nlp


def test_spacy_labels_map_to_conll_types() -> None:
    words = ["Putin", "of", "Russia", "met", "NATO", "Russians", "at", "the", "Kremlin", "on", "Monday"]
    ents = ["B-PERSON", "O", "B-GPE", "O", "B-ORG", "B-NORP", "O", "O", "B-FAC", "O", "B-DATE"]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
    assert ner.conll_spans(doc.ents, words) == {
        LabelledSpan(start=0, end=1, label="PER"),
        LabelledSpan(start=2, end=3, label="LOC"),
        LabelledSpan(start=4, end=5, label="ORG"),
        LabelledSpan(start=5, end=6, label="MISC"),
        LabelledSpan(start=8, end=9, label="LOC"),
    }  # DATE has no CoNLL type


def test_eval_reports_each_type_on_gold_tokens(benchmarks: Path, nlp: Language) -> None:
    report = evaluate("conll2003-en", EvalOptions(data=benchmarks, split="test", nlp=nlp))
    assert (report.examples, report.words) == (3, 22)
    assert set(report.scores.labels) >= {"PER", "LOC", "ORG", "MISC"}
    assert report.scores.labels["PER"].gold == 2
    assert report.scores.micro.correct >= 4  # spaCy finds Putin, Damascus, Geneva, Berlin at least


def test_limit_scores_only_the_first_examples(benchmarks: Path, nlp: Language) -> None:
    report = evaluate("conll2003-en", EvalOptions(data=benchmarks, split="test", limit=1, nlp=nlp))
    assert report.examples == 1
    assert report.scores.micro.gold == 3


def test_cli_prints_per_type_scores(benchmarks: Path, shared_nlp: Language) -> None:
    result = CliRunner().invoke(app, ["eval", "conll2003-en", "--data", str(benchmarks)])
    assert result.exit_code == 0, result.output
    for name in ["PER", "LOC", "ORG", "MISC", "micro", "macro", "precision", "recall", "F1"]:
        assert name in result.stdout


def test_cli_json_output(benchmarks: Path, shared_nlp: Language) -> None:
    result = CliRunner().invoke(app, ["eval", "conll2003-en", "--data", str(benchmarks), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["labels"]["PER"]["gold"] == 2
    assert set(report["micro"]) == {"precision", "recall", "f1", "gold", "predicted", "correct"}


def test_cli_refuses_unknown_task_and_split(benchmarks: Path) -> None:
    assert CliRunner().invoke(app, ["eval", "nope", "--data", str(benchmarks)]).exit_code == 2
    result = CliRunner().invoke(app, ["eval", "conll2003-en", "--split", "train", "--data", str(benchmarks)])
    assert result.exit_code == 2


def test_cli_without_data_raises_benchmark_data_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "conll2003-en", "--data", str(tmp_path / "missing")])
    assert isinstance(result.exception, BenchmarkDataError)


def test_every_task_is_documented() -> None:
    doc = (ROOT / "docs" / "benchmarks.md").read_text("utf-8")
    assert [name for name in TASKS if f"marsad eval {name}" not in doc] == []
