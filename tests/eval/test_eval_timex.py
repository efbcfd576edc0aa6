"""The TIMEX3 tasks on tiny hand-written TimeML and MEANTIME files in a benchmarks folder under tmp_path."""

from pathlib import Path

from spacy.language import Language

from marsad.eval import TASKS, EvalOptions, evaluate
from marsad.eval.timex import GoldTimex, compare, read_meantime, read_tml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2017-12-12" functionInDocument="CREATION_TIME">\
December 12, 2017</TIMEX3></DCT>
<TEXT>
Putin <EVENT eid="e1" class="OCCURRENCE">visited</EVENT> the base \
<TIMEX3 tid="t1" type="DATE" value="2017-12-11">yesterday</TIMEX3> \
and the troops left within <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>. \
The war began in <TIMEX3 tid="t3" type="DATE" value="2011">2011</TIMEX3>.
</TEXT>
</TimeML>
"""
MEANTIME = """<?xml version="1.0" ?><Document doc_id="1" doc_name="one" lang="en">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">end</token>
<token number="0" sentence="1" t_id="3">March</token>
<token number="1" sentence="1" t_id="4">01</token>
<token number="2" sentence="1" t_id="5">,</token>
<token number="3" sentence="1" t_id="6">2008</token>
<token number="0" sentence="2" t_id="7">They</token>
<token number="1" sentence="2" t_id="8">met</token>
<token number="2" sentence="2" t_id="9">on</token>
<token number="3" sentence="2" t_id="10">Friday</token>
<token number="4" sentence="2" t_id="11">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2008-03-01">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2008-02-29">
<token_anchor t_id="10"/>
</TIMEX3>
</Markables>
</Document>
"""


def _benchmarks(tmp_path: Path) -> Path:
    folder = tmp_path / "benchmarks"
    (folder / "tempeval3-platinum").mkdir(parents=True)
    (folder / "tempeval3-platinum" / "T1.tml").write_text(TML, encoding="utf-8")
    tbaq = folder / "timebank-aquaint-tbaq-cleaned" / "TimeBank"
    tbaq.mkdir(parents=True)
    (tbaq / "T1.tml").write_text(TML, encoding="utf-8")
    meantime = folder / "meantime-newsreader-en" / "intra_cross-doc_annotation" / "corpus_x"
    meantime.mkdir(parents=True)
    (meantime / "one.xml").write_text(MEANTIME, encoding="utf-8")
    return folder


def test_timeml_reader_gives_text_offsets_values_and_dct(tmp_path: Path) -> None:
    document = read_tml(_benchmarks(tmp_path) / "tempeval3-platinum" / "T1.tml")
    assert str(document.dct) == "2017-12-12"
    assert [(document.text[t.start : t.end], t.type, t.value) for t in document.timexes] == [
        ("yesterday", "DATE", "2017-12-11"),
        ("three days", "DURATION", "P3D"),
        ("2011", "DATE", "2011"),
    ]


def test_meantime_reader_joins_tokens_and_sets_the_dct_line_aside(tmp_path: Path) -> None:
    path = _benchmarks(tmp_path) / "meantime-newsreader-en" / "intra_cross-doc_annotation" / "corpus_x"
    document = read_meantime(path / "one.xml")
    assert document.text == "Talks end\nMarch 01 , 2008\nThey met on Friday ."
    assert str(document.dct) == "2008-03-01"
    assert document.skip is not None and document.text[slice(*document.skip)] == "March 01 , 2008"
    assert [document.text[t.start : t.end] for t in document.timexes] == ["Friday"]


def test_tempeval_counts_strict_relaxed_value_and_type() -> None:
    gold = [
        GoldTimex(start=0, end=9, type="DATE", value="2017-12-11"),
        GoldTimex(start=20, end=30, type="DURATION", value="P3D"),
        GoldTimex(start=40, end=44, type="DATE", value="2011"),
    ]
    predicted = [
        GoldTimex(start=0, end=9, type="DATE", value="2017-12-11"),  # strict, right value
        GoldTimex(start=13, end=30, type="DURATION", value="P2D"),  # relaxed only, wrong value
        GoldTimex(start=50, end=54, type="DATE", value="2012"),  # spurious
    ]
    counts = compare(gold, predicted)
    assert (counts.gold, counts.predicted, counts.strict, counts.relaxed, counts.value, counts.type) == (
        3,
        3,
        1,
        2,
        1,
        2,
    )


def test_timex_tasks_are_registered_and_run(tmp_path: Path, nlp: Language) -> None:
    assert {"tempeval3-platinum", "timebank", "meantime"} <= TASKS.keys()
    data = _benchmarks(tmp_path)
    report = evaluate("tempeval3-platinum", EvalOptions(data=data, split="test", nlp=nlp))
    assert report.examples == 1
    assert report.scores.labels["relaxed"].correct == 3
    assert report.metrics["value_accuracy"] == 1.0
    assert evaluate("timebank", EvalOptions(data=data, split="dev", nlp=nlp)).examples == 1
    meantime = evaluate("meantime", EvalOptions(data=data, split="dev", nlp=nlp))
    assert meantime.scores.labels["value"].correct == 1  # Friday before 1 March 2008
    assert meantime.scores.labels["relaxed"].predicted == 1  # the DCT line is not scored
