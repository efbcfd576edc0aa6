"""Tiny hand-written gold files in the real formats, in a benchmarks folder under tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

# Two documents in CoNLL-2003 layout (token POS chunk NER, IOB2), tagged by hand.
CONLL_MINI = """\
-DOCSTART- -X- -X- O

Russian JJ B-NP B-MISC
President NNP I-NP O
Vladimir NNP I-NP B-PER
Putin NNP I-NP I-PER
visited VBD B-VP O
Damascus NNP B-NP B-LOC
. . O O

-DOCSTART- -X- -X- O

The DT B-NP O
United NNP I-NP B-ORG
Nations NNP I-NP I-ORG
met VBD B-VP O
in IN B-PP O
Geneva NNP B-NP B-LOC
on IN B-PP O
Monday NNP B-NP O
. . O O

Angela NNP B-NP B-PER
Merkel NNP I-NP I-PER
spoke VBD B-VP O
in IN B-PP O
Berlin NNP B-NP B-LOC
. . O O
"""


@pytest.fixture
def benchmarks(tmp_path: Path) -> Path:
    folder = tmp_path / "benchmarks"
    (folder / "conll2003-en").mkdir(parents=True)
    (folder / "conll2003-en" / "test.txt").write_text(CONLL_MINI, encoding="utf-8")
    return folder
