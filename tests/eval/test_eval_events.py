"""The event tasks on tiny gold files written by hand in the real formats (no benchmark data here)."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

from marsad.eval import TASKS, EvalOptions, evaluate
from marsad.eval.cameo import read_codings
from marsad.eval.event_coding import code_texts

PLOVER_RECORDS = [
    {"id": "DOCUMENT", "event": "DOCUMENT"},
    {"id": "x-1", "event": "CONSULT", "text": "Putin visited Damascus on Monday.",
     "source": [{"actorText": "Putin", "code": "RUS"}], "target": ""},
    {"id": "x-2", "event": "FIGHT", "text": "Syrian troops clashed with rebels near Aleppo.",
     "source": [{"actorText": "Syrian troops", "code": "SYRMIL"}], "target": [{"actorText": "rebels"}]},
]  # fmt: skip

ACLED_CSV = (
    "data_id,event_date,event_type,sub_event_type,actor1,actor2,region,location,notes\n"
    "1,9-May-20,Protests,Peaceful protest,Protesters (Lebanon),,Middle East,Beirut,"
    '"On 9 May 2020, teachers protested in Beirut demanding unpaid wages."\n'
    "2,8-May-20,Battles,Armed clash,Houthis,Military Forces of Yemen,Middle East,Marib,"
    '"On 8 May 2020, Houthi forces clashed with government forces in Marib."\n'
    "3,8-May-20,Battles,Armed clash,Al Shabaab,,Eastern Africa,Kismayo,"
    '"On 8 May 2020, Al Shabaab militants attacked soldiers in Kismayo."\n'
    "4,8-May-20,Protests\n"
)

CASE_TSV = (
    "id\tEventSnippet\tSubType\n"
    "1\tUS warplanes pounded the village of Kashkash, killing 6 civilians.\tAIR_STRIKE\n"
    "2\tThousands of teachers protested peacefully in the capital.\tPEACE_PROTEST\n"
)

PETR_XML = """<Validation>
# a comment line, as in the real file
<Sentences>
<Sentence category="AFP" date="20080804" id="T1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The US president visited China on Monday.
</Text>
<Sentence category="AFP" date="20080804" id="T2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
The weather was fine.
</Text>
</Sentences>
</Validation>
"""


def write(root: Path, dataset: str, name: str, content: str) -> None:
    (root / dataset).mkdir(parents=True, exist_ok=True)
    (root / dataset / name).write_text(content, "utf-8")


def test_event_tasks_are_registered() -> None:
    expected = {
        "plover-gsr-cameo",
        "acled-2020-05-global",
        "case2021-task2-fine-grained-events",
        "petrarch2-gsr-validation",
    }
    assert expected <= set(TASKS)


def test_eval_plover(tmp_path: Path, nlp: Language) -> None:
    write(tmp_path, "plover-gsr-cameo", "PLOVER_GSR_CAMEO.txt", json.dumps(PLOVER_RECORDS))
    report = evaluate("plover-gsr-cameo", EvalOptions(data=tmp_path, split="all", nlp=nlp))
    assert report.examples == 2
    assert report.metrics["type_accuracy"] == 1.0
    assert report.metrics["source_accuracy"] == 1.0


def test_eval_acled_middle_east_and_truncated_row(tmp_path: Path, nlp: Language) -> None:
    write(tmp_path, "acled-2020-05-global", "acled.csv", ACLED_CSV)
    middle_east = evaluate("acled-2020-05-global", EvalOptions(data=tmp_path, split="middle-east", nlp=nlp))
    assert middle_east.examples == 2
    assert middle_east.metrics["event_type_accuracy"] == 1.0
    assert middle_east.metrics["date_accuracy"] == 1.0
    everything = evaluate("acled-2020-05-global", EvalOptions(data=tmp_path, split="all", nlp=nlp))
    assert everything.examples == 3  # the cut-off last row is skipped


def test_eval_case2021_weighted_f1(tmp_path: Path, nlp: Language) -> None:
    write(tmp_path, "case2021-task2-fine-grained-events", "test_set_final_release_with_labels.tsv", CASE_TSV)
    report = evaluate("case2021-task2-fine-grained-events", EvalOptions(data=tmp_path, split="test", nlp=nlp))
    assert report.examples == 2
    assert report.metrics["weighted_f1"] == 1.0


def test_eval_petrarch_reads_coded_sentences_only(tmp_path: Path, nlp: Language) -> None:
    write(tmp_path, "petrarch2-gsr-validation", "PETR2_GSR_validation.xml", PETR_XML)
    codings = read_codings(tmp_path / "petrarch2-gsr-validation" / "PETR2_GSR_validation.xml")
    assert [(c.id, set(c.roots)) for c in codings] == [("T1", {"04"})]
    report = evaluate("petrarch2-gsr-validation", EvalOptions(data=tmp_path, split="all", nlp=nlp))
    assert report.metrics["root_accuracy"] == 1.0


def test_main_event_is_the_one_nearest_the_root(nlp: Language) -> None:
    # The clause's own verb is the main event, not the first trigger in text order.
    text = "After the clashes near the border, the two ministers met in Geneva on Friday."
    coded = next(code_texts(nlp, [text]))
    main = coded.main()
    assert main is not None and main.trigger.text == "met"
    assert all(coded.depth(main) <= coded.depth(e) for e in coded.events)


def test_a_circumstantial_clause_counts_a_step_further_from_the_root(nlp: Language) -> None:
    text = "Citing the arrest of two reporters, the government said it had decided to recall its envoy."
    main = next(code_texts(nlp, [text])).main()
    assert main is not None and main.type == "SANCTION"
