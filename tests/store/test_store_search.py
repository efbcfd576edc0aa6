"""Full-text search: documents and sentences, ranking, highlighting and hostile query strings."""

from __future__ import annotations

import pytest

from marsad.store import Record, Store
from marsad.store.base import HIGHLIGHT_END, HIGHLIGHT_START

from .records import RecordFactory


@pytest.fixture
def searchable(store: Store, withdrawal: Record, bukamal: Record) -> Store:
    store.put(withdrawal)
    store.put(bukamal)
    return store


def test_search_finds_a_document_by_a_word(searchable: Store, withdrawal: Record) -> None:
    [hit] = searchable.search("Geneva")
    assert (hit.doc_id, hit.title) == (withdrawal.result.doc.id, withdrawal.result.doc.title)
    assert f"{HIGHLIGHT_START}Geneva{HIGHLIGHT_END}" in hit.snippet
    assert hit.sentence_start is None


def test_search_finds_the_sentence(searchable: Store, bukamal: Record) -> None:
    [hit] = searchable.search("Euphrates", sentences=True)
    text = bukamal.result.doc.text
    sentence = "The town lies on the Euphrates near the Iraqi border."
    assert hit.doc_id == bukamal.result.doc.id
    assert (hit.sentence_start, hit.sentence_end) == (
        text.find(sentence),
        text.find(sentence) + len(sentence),
    )
    assert f"{HIGHLIGHT_START}Euphrates{HIGHLIGHT_END}" in hit.snippet


def test_search_requires_every_word(searchable: Store, withdrawal: Record) -> None:
    assert [h.doc_id for h in searchable.search("Putin Geneva")] == [withdrawal.result.doc.id]
    assert searchable.search("Putin Euphrates") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"Russia',
        "Russia's",
        "NEAR(",
        "AND",
        "OR NOT",
        "*",
        "title:Putin",
        "-",
        "(Syria",
        "50%",
        "?",
        "'; DROP",
    ],
)
def test_search_treats_queries_as_plain_words(searchable: Store, query: str) -> None:
    for sentences in (False, True):
        searchable.search(query, sentences=sentences)  # must not raise


def test_search_matches_hyphenated_names(searchable: Store, bukamal: Record) -> None:
    assert [h.doc_id for h in searchable.search("al-Bukamal")] == [bukamal.result.doc.id]
    assert [h.doc_id for h in searchable.search('"al-Bukamal', sentences=True)] == [bukamal.result.doc.id]


def test_search_of_only_punctuation_finds_nothing(searchable: Store) -> None:
    assert searchable.search('" -- ()') == []
    assert searchable.search("") == []


def test_search_ranks_title_and_repeated_matches_first(
    searchable: Store, withdrawal: Record, make_record: RecordFactory
) -> None:
    passing = make_record(
        [
            "Residents of Latakia said life was slowly returning to normal in the city's markets on Tuesday.",
            "Some traders linked the calm to the Russian withdrawal announced a day earlier.",
            "Prices of bread and fuel were still far above their levels before the war.",
        ],
        title="Latakia markets reopen",
        source="reports/latakia.txt",
    )
    searchable.put(passing)
    hits = searchable.search("withdrawal")
    assert [h.doc_id for h in hits] == [withdrawal.result.doc.id, passing.result.doc.id]
    assert [h.doc_id for h in searchable.search("withdrawal", limit=1)] == [withdrawal.result.doc.id]
