from pathlib import Path

import pytest

from marsad.errors import BenchmarkDataError
from marsad.eval.gold import DATA_ENV, LabelledSpan, find_data_dir, gold_file, iob_spans, read_conll


def _spans(*triples: tuple[int, int, str]) -> list[LabelledSpan]:
    return [LabelledSpan(start=s, end=e, label=label) for s, e, label in triples]


def test_read_conll_splits_documents_and_sentences(benchmarks: Path) -> None:
    sentences = read_conll(benchmarks / "conll2003-en" / "test.txt")
    assert [s.document for s in sentences] == [1, 2, 2]
    assert sentences[0].words == ("Russian", "President", "Vladimir", "Putin", "visited", "Damascus", ".")
    assert sentences[0].spans == frozenset(_spans((0, 1, "MISC"), (2, 4, "PER"), (5, 6, "LOC")))
    assert sentences[1].spans == frozenset(_spans((1, 3, "ORG"), (5, 6, "LOC")))
    assert sentences[2].words[-1] == "."  # the last sentence has no blank line after it


def test_read_conll_rejects_a_line_without_a_tag(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("Putin NNP B-NP B-PER\nDamascus\n", encoding="utf-8")
    with pytest.raises(BenchmarkDataError, match=r"bad\.txt:2"):
        read_conll(path)


def test_iob2_spans() -> None:
    tags = ["B-PER", "I-PER", "B-PER", "O", "B-ORG", "I-LOC"]
    assert iob_spans(tags) == _spans((0, 2, "PER"), (2, 3, "PER"), (4, 5, "ORG"), (5, 6, "LOC"))


def test_iob1_spans_read_like_iob2() -> None:
    # IOB1 opens entities with I- and uses B- only between two adjacent entities of one type.
    iob1 = ["I-ORG", "O", "I-PER", "I-PER", "B-PER", "O", "I-LOC"]
    iob2 = ["B-ORG", "O", "B-PER", "I-PER", "B-PER", "O", "B-LOC"]
    assert (
        iob_spans(iob1)
        == iob_spans(iob2)
        == _spans((0, 1, "ORG"), (2, 4, "PER"), (4, 5, "PER"), (6, 7, "LOC"))
    )


def test_iob_spans_reject_unknown_tags() -> None:
    with pytest.raises(BenchmarkDataError, match="E-PER"):
        iob_spans(["O", "E-PER"])


def test_find_data_dir_prefers_the_explicit_folder(benchmarks: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, "/nonexistent")
    assert find_data_dir(benchmarks) == benchmarks


def test_find_data_dir_reads_the_environment(benchmarks: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(benchmarks))
    assert find_data_dir() == benchmarks


def test_missing_data_says_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BenchmarkDataError, match=r"shared/benchmarks.*--data DIR"):
        find_data_dir()
    with pytest.raises(BenchmarkDataError, match=str(tmp_path / "elsewhere")):
        find_data_dir(tmp_path / "elsewhere")


def test_missing_gold_file_names_it(benchmarks: Path) -> None:
    with pytest.raises(BenchmarkDataError, match=r"conll2003-en/valid\.txt"):
        gold_file(benchmarks, "conll2003-en", "valid.txt")
