"""Writing and reading documents: round trips, idempotency, resume, duplicates, quarantine, atomicity."""

from __future__ import annotations

import dataclasses

import pytest

from marsad.errors import Reason, StoreError
from marsad.model import Quarantined, Span
from marsad.store import Counts, Record, Store
from marsad.store import sql as store_sql

from .records import BUKAMAL_SENTENCES, RecordFactory

EMPTY = Counts(
    documents=0,
    sentences=0,
    removed=0,
    actors=0,
    citations=0,
    near_duplicates=0,
    quarantined=0,
    non_english=0,
)


def test_put_then_get_returns_the_same_result(store: Store, withdrawal: Record) -> None:
    store.put(withdrawal)
    assert store.get(withdrawal.result.doc.id) == withdrawal.result
    assert store.find_content(withdrawal.content_hash) == withdrawal.result.doc.id


def test_get_and_find_content_of_unknown_documents_return_none(store: Store) -> None:
    assert store.get("0123456789abcdef") is None
    assert store.find_content("0" * 64) is None


def test_put_is_idempotent(store: Store, withdrawal: Record) -> None:
    store.put(withdrawal)
    store.put(withdrawal)
    assert [r.result for r in [withdrawal]] == list(store.iter_results())
    assert store.counts().documents == 1
    assert store.counts().sentences == len(withdrawal.result.sentences)


def test_putting_known_content_from_another_source_records_the_source(
    store: Store, withdrawal: Record
) -> None:
    store.put(withdrawal)
    mirror = dataclasses.replace(
        withdrawal,
        result=withdrawal.result.model_copy(
            update={"doc": withdrawal.result.doc.model_copy(update={"source": "mirror.txt"})}
        ),
        raw_hash="mirror-raw-hash",
    )
    store.put(mirror)
    assert store.counts().documents == 1
    assert store.is_done("mirror.txt", "mirror-raw-hash")
    assert store.get(withdrawal.result.doc.id) == withdrawal.result  # the first copy stays the document


def test_is_done_once_stored(store: Store, withdrawal: Record) -> None:
    source = withdrawal.result.doc.source
    assert not store.is_done(source, withdrawal.raw_hash)
    store.put(withdrawal)
    assert store.is_done(source, withdrawal.raw_hash)
    assert not store.is_done(source, "hash-of-an-edited-version")


def test_done_document_names_the_stored_document(store: Store, withdrawal: Record) -> None:
    source, doc_id = withdrawal.result.doc.source, withdrawal.result.doc.id
    assert store.done_document(source, withdrawal.raw_hash) is None
    store.put(withdrawal)
    store.add_source(doc_id, "https://example.org/copy", "copy-raw-hash")
    store.quarantine(Quarantined(source="scan.pdf", reason=Reason.BINARY, message="not text"), "pdf-hash")
    assert store.done_document(source, withdrawal.raw_hash) == doc_id
    assert store.done_document("https://example.org/copy", "copy-raw-hash") == doc_id
    assert store.done_document("scan.pdf", "pdf-hash") is None  # done, but no document to show


def test_add_source_marks_the_copy_done(store: Store, withdrawal: Record) -> None:
    store.put(withdrawal)
    store.add_source(withdrawal.result.doc.id, "https://example.org/copy", "copy-raw-hash")
    assert store.is_done("https://example.org/copy", "copy-raw-hash")
    assert store.counts().documents == 1


def test_add_source_of_an_unknown_document_fails(store: Store) -> None:
    with pytest.raises(StoreError):
        store.add_source("0123456789abcdef", "https://example.org/copy", "copy-raw-hash")
    assert not store.is_done("https://example.org/copy", "copy-raw-hash")


def test_iter_results_reads_every_page(
    store: Store,
    withdrawal: Record,
    bukamal: Record,
    make_record: RecordFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    third = make_record(BUKAMAL_SENTENCES[:1], title=None, source="reports/short.txt")
    monkeypatch.setattr(store_sql, "ITER_PAGE_SIZE", 2)
    for record in (withdrawal, bukamal, third):
        store.put(record)
    results = list(store.iter_results())
    assert sorted(r.doc.id for r in results) == sorted(r.result.doc.id for r in (withdrawal, bukamal, third))
    assert [r.doc.id for r in results] == sorted(r.doc.id for r in results)


def test_lsh_candidates_are_documents_sharing_a_band(store: Store, make_record: RecordFactory) -> None:
    first = make_record(BUKAMAL_SENTENCES, title=None, source="a.txt", bands=["0:alpha", "1:beta"])
    second = make_record(BUKAMAL_SENTENCES[:1], title=None, source="b.txt", bands=["0:alpha", "1:gamma"])
    third = make_record(BUKAMAL_SENTENCES[1:], title=None, source="c.txt", bands=["0:delta", "1:epsilon"])
    for record in (first, second, third):
        store.put(record)

    def candidates(bands: list[str]) -> dict[str, list[int]]:
        return dict(store.lsh_candidates(bands))

    assert candidates(["1:beta"]) == {first.result.doc.id: first.signature}
    assert candidates(["0:alpha", "1:beta"]) == {
        first.result.doc.id: first.signature,
        second.result.doc.id: second.signature,
    }
    assert candidates(["0:zeta"]) == {}
    assert candidates([]) == {}


def test_quarantine_updates_the_same_source_and_reason(store: Store) -> None:
    store.quarantine(
        Quarantined(source="scan.pdf", reason=Reason.BINARY, message="first try"), raw_hash="pdf-hash"
    )
    store.quarantine(
        Quarantined(source="scan.pdf", reason=Reason.BINARY, message="second try"), raw_hash="pdf-hash"
    )
    store.quarantine(Quarantined(source="scan.pdf", reason=Reason.TOO_LARGE, message="42 MB"))
    entries = {(e.source, e.reason): e.message for e in store.quarantined()}
    assert entries == {("scan.pdf", "binary"): "second try", ("scan.pdf", "too-large"): "42 MB"}
    assert store.is_done("scan.pdf", "pdf-hash")
    assert store.counts().quarantined == 1  # one input, whatever its reasons


def test_a_stored_input_stays_stored_when_quarantined_later(store: Store, withdrawal: Record) -> None:
    store.put(withdrawal)
    source = withdrawal.result.doc.source
    store.quarantine(
        Quarantined(source=source, reason=Reason.FETCH_FAILED, message="timeout"), withdrawal.raw_hash
    )
    assert store.is_done(source, withdrawal.raw_hash)
    assert store.get(withdrawal.result.doc.id) == withdrawal.result


def test_counts(store: Store, withdrawal: Record, bukamal: Record, make_record: RecordFactory) -> None:
    assert store.counts() == EMPTY
    arabic = make_record(
        ["سيطرت القوات الحكومية السورية على البوكمال."], title=None, source="ar.txt", language="ar"
    )
    near = make_record(
        BUKAMAL_SENTENCES[:1], title=None, source="near.txt", near_duplicate_of=bukamal.result.doc.id
    )
    for record in (withdrawal, bukamal, arabic, near):
        store.put(record)
    store.quarantine(Quarantined(source="scan.pdf", reason=Reason.BINARY, message="not text"))
    records = (withdrawal, bukamal, arabic, near)
    assert store.counts() == Counts(
        documents=len(records),
        sentences=sum(len(r.result.sentences) for r in records),
        removed=sum(len(r.result.removed) for r in records),
        actors=len({a.id for r in records for a in r.result.actors}),
        citations=sum(len(r.result.citations) for r in records),
        near_duplicates=1,
        quarantined=1,
        non_english=1,
    )


def test_a_put_violating_a_constraint_leaves_nothing(store: Store, withdrawal: Record) -> None:
    first = withdrawal.result.sentences[0]
    backwards = Span(start=first.end, end=first.start)  # the schema refuses end < start
    broken = dataclasses.replace(
        withdrawal,
        result=withdrawal.result.model_copy(update={"sentences": [*withdrawal.result.sentences, backwards]}),
    )
    with pytest.raises(StoreError):
        store.put(broken)
    assert_nothing_stored(store, withdrawal)
    store.put(withdrawal)  # the store is still usable afterwards
    assert store.get(withdrawal.result.doc.id) == withdrawal.result


def test_a_put_failing_after_the_facts_leaves_nothing(
    store: Store, withdrawal: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object) -> None:
        raise RuntimeError("worker killed while logging the source")

    monkeypatch.setattr(store, "_log_source", crash)
    with pytest.raises(RuntimeError, match="worker killed"):
        store.put(withdrawal)
    assert_nothing_stored(store, withdrawal)


def assert_nothing_stored(store: Store, record: Record) -> None:
    assert store.get(record.result.doc.id) is None
    assert not store.is_done(record.result.doc.source, record.raw_hash)
    assert store.lsh_candidates(record.bands) == []
    assert store.search("withdrawal") == []
    assert store.counts() == EMPTY
