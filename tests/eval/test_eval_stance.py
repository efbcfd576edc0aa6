"""Tasks `fnc-1` and `emergent-test` on tiny hand-written gold files in the real formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from marsad.eval import TASKS, EvalOptions
from marsad.eval.stance import fnc_label, fnc_points, headline_stance, read_emergent, read_fnc
from marsad.model import Claim
from marsad.nlp.cues import Stance
from marsad.nlp.disputes import topic

FNC_STANCES = (
    "Headline,Body ID,Stance\n"
    "Islamic State commander Abu Omar killed in Syrian airstrike,7,disagree\n"
    "Islamic State commander Abu Omar killed in Syrian airstrike,8,unrelated\n"
    '"Apple unveils a gold iPhone, priced at $5,000",8,discuss\n'
)
FNC_BODIES = (
    "Body ID,articleBody\n"
    '7,"The Syrian Observatory denied that Islamic State commander Abu Omar was killed in the '
    'airstrike.\n\nAbu Omar appeared in a video on Friday."\n'
    '8,"Apple will unveil a gold iPhone next week, analysts said. The price is not known."\n'
)
EMERGENT_CORRECT = (
    ",claimHeadline,articleHeadline,y,y_hat,articleId,claimId\n"
    "1,Abu Omar was killed in an airstrike,Abu Omar killed in airstrike,for,for,a1,c1\n"
    "2,Abu Omar was killed in an airstrike,Officials deny that Abu Omar was killed,against,against,a2,c1\n"
)
EMERGENT_ERRORS = (
    ",claimHeadline,articleHeadline,y,y_hat,articleId,claimId\n"
    '3,Abu Omar was killed in an airstrike,"Abu Omar reportedly killed, activists say",observing,for,a3,c1\n'
)


@pytest.fixture
def benchmarks(tmp_path: Path) -> Path:
    (tmp_path / "fnc-1").mkdir()
    (tmp_path / "fnc-1" / "competition_test_stances.csv").write_text(FNC_STANCES, encoding="utf-8")
    (tmp_path / "fnc-1" / "competition_test_bodies.csv").write_text(FNC_BODIES, encoding="utf-8")
    folder = tmp_path / "emergent-test"
    folder.mkdir()
    (folder / "url-versions-2015-06-14-clean-test-correct.csv").write_text(EMERGENT_CORRECT, encoding="utf-8")
    (folder / "url-versions-2015-06-14-clean-test-errors.csv").write_text(EMERGENT_ERRORS, encoding="utf-8")
    return tmp_path


def _claim(text: str, stance: Stance) -> Claim:
    return Claim(kind="reported", text=text, start=0, end=len(text), stance=stance)


def test_read_fnc_reads_quoted_headlines_and_multiline_bodies(benchmarks: Path) -> None:
    pairs, bodies = read_fnc(benchmarks / "fnc-1")
    assert [(p.target, p.label) for p in pairs] == [("7", "disagree"), ("8", "unrelated"), ("8", "discuss")]
    assert pairs[2].claim == "Apple unveils a gold iPhone, priced at $5,000"
    assert "\n\nAbu Omar appeared" in bodies["7"]


def test_read_emergent_takes_gold_y_not_y_hat(benchmarks: Path) -> None:
    pairs = read_emergent(benchmarks / "emergent-test")
    assert [p.label for p in pairs] == ["for", "against", "observing"]
    assert pairs[2].target == "Abu Omar reportedly killed, activists say"


def test_fnc_points_follow_the_official_weights() -> None:
    assert fnc_points("unrelated", "unrelated") == 0.25
    assert fnc_points("agree", "agree") == 1.0
    assert fnc_points("agree", "discuss") == 0.25
    assert fnc_points("agree", "unrelated") == 0.0
    assert fnc_points("unrelated", "discuss") == 0.0


def test_fnc_label_maps_claim_stances_about_the_headline() -> None:
    headline = topic("Islamic State commander Abu Omar killed in Syrian airstrike")
    body_text = "Islamic State commander Abu Omar killed in Syrian airstrike, the ministry said."
    body = topic(body_text)
    about = "Islamic State commander Abu Omar was killed in the Syrian airstrike"
    other = "the weather in Paris will be fine tomorrow"
    assert fnc_label(headline, topic("Apple will unveil a gold iPhone"), []) == "unrelated"
    assert fnc_label(headline, body, []) == "discuss"
    assert fnc_label(headline, body, [(_claim(about, "asserts"), topic(about))]) == "agree"
    assert fnc_label(headline, body, [(_claim(about, "doubts"), topic(about))]) == "discuss"
    claims = [(_claim(about, "asserts"), topic(about)), (_claim(about, "denies"), topic(about))]
    assert fnc_label(headline, body, claims) == "disagree"
    assert fnc_label(headline, body, [(_claim(other, "denies"), topic(other))]) == "discuss"


def test_headline_stance_reads_denial_report_and_own_voice(nlp: Language) -> None:
    assert headline_stance(nlp("Abu Omar killed in airstrike")) == "for"
    assert headline_stance(nlp("Officials deny that Abu Omar was killed")) == "against"
    assert headline_stance(nlp("Abu Omar reportedly killed, activists say")) == "observing"
    assert headline_stance(nlp("Was Abu Omar killed in the airstrike?")) == "observing"


def test_fnc_task_runs_on_the_real_format(benchmarks: Path, nlp: Language) -> None:
    report = TASKS["fnc-1"].run(EvalOptions(data=benchmarks, split="test", nlp=nlp))
    assert report.examples == 3
    assert report.scores.labels["unrelated"].correct == 1
    assert 0.0 <= report.metrics["fnc_score"] <= 1.0
    assert report.metrics["fnc_max_points"] == 0.25 + 1.0 + 1.0
    assert report.metrics["accuracy"] == report.scores.micro.f1
    limited = TASKS["fnc-1"].run(EvalOptions(data=benchmarks, split="test", nlp=nlp, limit=1))
    assert limited.examples == 1


def test_emergent_task_runs_on_the_real_format(benchmarks: Path, nlp: Language) -> None:
    report = TASKS["emergent-test"].run(EvalOptions(data=benchmarks, split="test", nlp=nlp))
    assert report.examples == 3
    assert report.metrics["accuracy"] == 1.0
    assert report.scores.macro_f1 == 1.0
