"""Claims, disputes across documents, and copied passages in the store (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib

from marsad.clean import dedup
from marsad.model import Actor, Claim, DocumentInfo, Mention, Result
from marsad.store import Record, Store

COPIED = (
    "The army units were able to advance towards the town of Salhiya in the countryside of al-Bukamal, "
    "and took control of a number of oil wells and towns along the road."
)


def _record(text: str, claims: list[tuple[str, str, str, str]], source: str) -> Record:
    """A record whose claims are (speaker kb id, speaker name, claim text, stance)."""
    actors, built = [], []
    for n, (kb_id, name, said, stance) in enumerate(claims, 1):
        start = text.index(said)
        name_at = text.index(name)
        actors.append(
            Actor(
                id=f"a{n}",
                name=name,
                type="person",
                kb_id=kb_id,
                mentions=[Mention(start=name_at, end=name_at + len(name), text=name)],
            )
        )
        built.append(
            Claim(
                id=f"c{n}",
                kind="quote",
                speaker=f"a{n}",
                text=said,
                start=start,
                end=start + len(said),
                cue="said",
                stance=stance,
            )  # type: ignore[arg-type]
        )
    digest = hashlib.sha256(text.encode()).hexdigest()
    sig = dedup.signature(text)
    result = Result(
        doc=DocumentInfo(id=digest[:16], source=source, language="en", text=text), actors=actors, claims=built
    )
    return Record(
        result=result,
        raw_text=text,
        raw_html=None,
        offsets=[],
        content_hash=digest,
        raw_hash=digest,
        signature=sig,
        bands=dedup.bands(sig),
    )


def test_claims_are_listed_and_filtered_by_speaker(store: Store) -> None:
    text = "Sergey Lavrov said “the talks in Astana will resume next week” in Moscow."
    store.put(
        _record(
            text,
            [("sergey-lavrov", "Sergey Lavrov", "the talks in Astana will resume next week", "asserts")],
            "a.txt",
        )
    )
    (claim,) = store.claims(speaker="lavrov")
    assert claim.speaker == "Sergey Lavrov" and claim.stance == "asserts" and claim.sources == [claim.doc_id]
    assert store.claims(speaker="putin") == []


def test_a_denial_in_another_document_contradicts_across_the_store(store: Store) -> None:
    first = _record(
        "Mustafa Bali said “the meeting discussed a joint coordination center on the border” yesterday.",
        [
            (
                "mustafa-bali",
                "Mustafa Bali",
                "the meeting discussed a joint coordination center on the border",
                "asserts",
            )
        ],
        "one.txt",
    )
    second = _record(
        "Yahya Rasool said “there is no agreement to establish a joint coordination center” today.",
        [
            (
                "yahya-rasool",
                "Yahya Rasool",
                "there is no agreement to establish a joint coordination center",
                "denies",
            )
        ],
        "two.txt",
    )
    store.put(first)
    store.put(second)
    disputed = store.claims(contradicted=True)
    assert {c.speaker for c in disputed} == {"Mustafa Bali", "Yahya Rasool"}
    bali = next(c for c in disputed if c.speaker == "Mustafa Bali")
    assert bali.contradicted_by == [f"{second.result.doc.id}:c1"]
    assert store.claims(speaker="rasool", contradicted=True)[0].contradicted_by == [
        f"{first.result.doc.id}:c1"
    ]


def test_copied_passages_are_aligned_and_copies_count_as_one_source(store: Store) -> None:
    said = "the army captured all the oil wells near Salhiya"
    original = _record(
        f"Damascus, Thursday. {COPIED} The commander said “{said}” on state television.",
        [("ali-ayoub", "The commander", said, "asserts")],
        "original.txt",
    )
    copy = _record(
        f"From our correspondent. {COPIED} Officer Ali said “{said}” to reporters on Friday.",
        [("other-officer", "Officer Ali", said, "asserts")],
        "copy.txt",
    )
    independent = _record(
        f"A separate report. A colonel, Omar, said “{said}” in a statement of his own.",
        [("colonel-omar", "Omar", said, "asserts")],
        "independent.txt",
    )
    for record in (original, copy, independent):
        store.put(record)
    (pair,) = store.copies()
    a, b = original.result.doc, copy.result.doc
    assert (pair.doc_a, pair.doc_b) == (a.id, b.id)
    passage = pair.passages[0]
    assert a.text[passage["a_start"] : passage["a_end"]] == b.text[passage["b_start"] : passage["b_end"]]
    assert COPIED.rstrip(".") in a.text[passage["a_start"] : passage["a_end"]] + "."
    assert store.independent_sources([a.id, b.id, independent.result.doc.id]) == [
        a.id,
        independent.result.doc.id,
    ]
    # The copy's agreement with the original is not an independent confirmation; the third report's is.
    (claim,) = store.claims(speaker="omar")
    assert claim.confirmed_by == [f"{a.id}:c1"] or sorted(claim.confirmed_by) == sorted(
        [f"{a.id}:c1", f"{b.id}:c1"]
    )
    assert sorted(store.claims(speaker="officer ali")[0].confirmed_by) == [f"{independent.result.doc.id}:c1"]


def test_migration_0005_is_applied(store: Store) -> None:
    assert "0005_provenance" in store.applied_migrations()
