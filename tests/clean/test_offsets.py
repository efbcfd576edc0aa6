import random

import pytest

from marsad.clean.offsets import Edit, OffsetMap, apply_edits


def test_apply_edits_replaces_deletes_and_keeps_the_rest() -> None:
    raw = "Moscow  said\nthe troops would leave."
    edits = [Edit(6, 8, " ", "whitespace"), Edit(12, 13, " ", "unwrap"), Edit(17, 24, "", "test")]
    text, runs = apply_edits(raw, edits)
    assert text == "Moscow said the would leave."
    offsets = OffsetMap(runs)
    assert raw[offsets.to_raw(text.index("would")) :].startswith("would")
    assert text[offsets.to_clean(raw.index("said")) :].startswith("said")


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [Edit(0, 3, "", "a"), Edit(2, 4, "", "b")])


def test_every_copied_character_maps_back_to_itself_under_random_edits() -> None:
    rng = random.Random(7)
    raw = "".join(rng.choice("abc de\nf«»") for _ in range(400))
    for _ in range(50):
        points = sorted(rng.sample(range(len(raw)), 20))
        edits = [
            Edit(s, e, rng.choice(["", " ", "XY"]), "random")
            for s, e in zip(points[::2], points[1::2], strict=True)
        ]
        text, runs = apply_edits(raw, edits)
        offsets = OffsetMap(runs)
        for run in runs:
            if run.verbatim:
                assert text[run.clean_start : run.clean_end] == raw[run.raw_start : run.raw_end]
                for i in range(run.clean_start, run.clean_end):
                    assert raw[offsets.to_raw(i)] == text[i]
