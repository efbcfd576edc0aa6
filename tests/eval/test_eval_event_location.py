"""Task `event-location-halterman` on a tiny gold zip written by hand in Prodigy's format (no real data)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from marsad.eval import TASKS, EvalOptions, evaluate
from marsad.eval.event_location import DATASET, FILE, nearest_place, read_records
from marsad.model import Mention, Place

BOMBED = "Syrian warplanes bombed the town of Saraqib in Idlib province on Monday."
CLASHED = "An official in Baghdad said troops clashed with militants on Sunday in the city of Mosul."
ARRESTED = "Police arrested three protesters after the rally, officials said."


def _record(
    source: str, text: str, verb: str | None, location: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A record as Prodigy writes it: tokens with offsets, spans with char and (inclusive) token indices."""
    tokens = [
        {"text": m.group(), "start": m.start(), "end": m.end(), "id": n}
        for n, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]

    def span(word: str, label: str, broken: bool = False) -> dict[str, Any]:
        (token,) = [t for t in tokens if t["text"] == word]
        start = 10 if broken else token["start"]  # the quirk: start == end, token indices right
        end = 10 if broken else token["end"]
        return {
            "start": start,
            "end": end,
            "token_start": token["id"],
            "token_end": token["id"],
            "label": label,
        }

    record: dict[str, Any] = {
        "_id": f"{source}_{len(text)}",
        "source": source,
        "text": text,
        "tokens": tokens,
    }
    if verb is not None:
        record["spans"] = [span(verb, "VERB")] + (
            [span(location, "LOCATION", broken=True)] if location else []
        )
    record["answer"] = "accept"
    return record | extra


RECORDS = [
    _record("RELABEL", BOMBED, "bombed", "Saraqib"),
    _record("RELABEL", CLASHED, "clashed", "Mosul"),
    _record("RELABEL", ARRESTED, "arrested"),
    _record("APW_RA", BOMBED, "bombed", "Idlib"),  # not adjudicated: skipped
    _record("RELABEL", "Boats patrol the Bohai Sea.", None, meta={"verb": "patrol"}),  # no verb span: skipped
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / DATASET
    folder.mkdir()
    with zipfile.ZipFile(folder / FILE, "w") as archive:
        archive.writestr("labeled_text.jsonl", json.dumps(RECORDS))
        archive.writestr("__MACOSX/._labeled_text.jsonl", b"\x00\x05\x16\x07")
    return tmp_path


def test_event_location_is_registered() -> None:
    assert TASKS[DATASET].splits == ("test",)


def test_reader_keeps_relabel_records_and_aligns_through_tokens(data: Path) -> None:
    records = read_records(data / DATASET / FILE)
    assert [r.text for r in records] == [BOMBED, CLASHED, ARRESTED]
    first = records[0]
    assert first.text[first.verb[0] : first.verb[1]] == "bombed"
    assert [first.text[a:b] for a, b in first.locations] == ["Saraqib"]
    assert records[2].locations == ()


def test_nearest_place_measures_from_the_verb() -> None:
    def place(id: str, word: str) -> Place:
        start = CLASHED.index(word)
        mention = Mention(start=start, end=start + len(word), text=word)
        return Place(id=id, name=word, lat=None, lon=None, country=None, mentions=[mention])

    verb = (CLASHED.index("clashed"), CLASHED.index("clashed") + len("clashed"))
    nearest = nearest_place([place("p2", "Mosul"), place("p1", "Baghdad")], verb)
    assert nearest is not None and nearest.id == "p1"
    assert nearest_place([], verb) is None


def test_eval_event_location(data: Path, nlp: Language) -> None:
    report = evaluate(DATASET, EvalOptions(data=data, split="test", nlp=nlp))
    assert report.examples == 3
    location = report.scores.labels["location"]
    assert (location.gold, location.predicted, location.correct) == (2, 2, 2)
    assert report.metrics["accuracy"] == 1.0
    assert report.metrics["event_found_share"] == 1.0
    # The nearest place mention to "clashed" is Baghdad, where the official spoke.
    assert report.metrics["baseline_nearest_precision"] == 0.5
    assert report.metrics["baseline_nearest_accuracy"] == pytest.approx(2 / 3)
    assert report.metrics["within_161km_records"] == 2.0
    assert report.metrics["within_161km_share"] == 1.0
