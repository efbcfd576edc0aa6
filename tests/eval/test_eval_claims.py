"""Tasks `polnear` and `causal-news-corpus-v2` on tiny hand-written gold files in the real formats."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from marsad.eval import TASKS, EvalOptions
from marsad.eval.attribution import overlap_counts, read_ann, with_antecedents

POLNEAR_TEXT = "Sergey Lavrov said that the talks in Astana would resume next week.\n"
POLNEAR_ANN = (
    "T1\tSource 0 13\tSergey Lavrov\n"
    "T2\tCue 14 18\tsaid\n"
    "T3\tContent 19 67\tthat the talks in Astana would resume next week\n"
    "T4\tAttribution 14 18\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)
CNC_SUBTASK1 = (
    "\ufeffindex,text,label\n"
    "d0,Workers went on strike because of unpaid wages .,1\n"
    "d1,The minister visited the port on Monday .,0\n"
)
CNC_SUBTASK2 = (
    "\ufeffcorpus,doc_id,sent_id,eg_id,index,text,text_w_pairs,seq_label,pair_label,context,num_sents\n"
    "cnc,d0,0,0,d0_0,Workers went on strike because of unpaid wages .,"
    "<ARG1>Workers went on strike</ARG1> <SIG0>because of</SIG0> <ARG0>unpaid wages</ARG0> .,1,1,,1\n"
)


def test_read_ann_reads_source_cue_and_content(tmp_path: Path) -> None:
    path = tmp_path / "a_x.ann"
    path.write_text(POLNEAR_ANN + "T5\tContent 0 5;10 20\tsplit\n")
    spans = read_ann(path)
    assert spans["source"] == [(0, 13)] and spans["cue"] == [(14, 18)]
    assert spans["content"] == [(19, 67), (0, 20)]


def test_overlap_matching_is_one_to_one() -> None:
    prf = overlap_counts([(0, 10)], [(2, 5), (6, 9)], exact=False)
    assert (prf.gold, prf.predicted, prf.correct) == (1, 2, 1)
    assert overlap_counts([(0, 10)], [(0, 9)], exact=True).correct == 0


def test_a_relative_pronoun_source_also_covers_its_antecedent(nlp: Language) -> None:
    text = "The talks were praised by the minister, who said that the ceasefire would hold."
    doc = nlp(text)
    who = text.index("who")
    minister = text.index("the minister")
    (stretched,) = with_antecedents(doc, [(who, who + 3)])
    assert stretched == (minister, who + 3)
    assert overlap_counts([stretched], [(minister, minister + 12)], exact=False).correct == 1
    assert with_antecedents(doc, [(minister, minister + 12)]) == [(minister, minister + 12)]


def test_polnear_task_scores_source_cue_and_content(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "polnear" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "article.txt").write_text(POLNEAR_TEXT)
    (folder / "attributions" / "article_a1.ann").write_text(POLNEAR_ANN)
    report = TASKS["polnear"].run(EvalOptions(data=tmp_path, split="dev", nlp=nlp))
    assert report.examples == 1
    assert {role: prf.f1 for role, prf in report.scores.labels.items()} == {
        "source": 1.0,
        "cue": 1.0,
        "content": 1.0,
    }
    assert report.metrics["cue_exact_f1"] == 1.0


def test_causal_news_task_scores_sentences_and_spans(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "causal-news-corpus-v2"
    folder.mkdir()
    (folder / "dev_subtask1.csv").write_text(CNC_SUBTASK1, encoding="utf-8")
    (folder / "dev_subtask2.csv").write_text(CNC_SUBTASK2, encoding="utf-8")
    report = TASKS["causal-news-corpus-v2"].run(EvalOptions(data=tmp_path, split="dev", nlp=nlp))
    causal = report.scores.labels["causal"]
    assert (causal.gold, causal.predicted, causal.correct) == (1, 1, 1)
    assert report.metrics["cause_span_f1"] == 1.0 and report.metrics["effect_span_f1"] == 1.0
