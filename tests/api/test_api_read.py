"""Every read route, its filters and its paging, over the served corpus."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from marsad.model import Result
from tests.served import HOSTILE_TITLE, REUTERS_TITLE


def _get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(f"/api/{path}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_overview_counts_every_kind_of_fact(client: TestClient) -> None:
    body = _get(client, "overview")
    assert body["counts"]["documents"] == 4
    assert body["events"] == 8 and body["claims"] == 4 and body["contradictions"] == 2
    assert body["event_types"]["retreat"] == 4
    assert body["event_statuses"] == {"happened": 5, "ordered": 2, "denied": 1}
    assert (body["first_published"], body["last_published"]) == ("2016-03-17", "2017-12-12")


def test_sources_lists_outlets_and_cited_domains(client: TestClient) -> None:
    body = _get(client, "sources")
    assert {o["outlet"] for o in body["outlets"]} >= {"Reuters", "Eldorar Alshamia"}
    assert "reuters.com" in {d["domain"] for d in body["cited_domains"]}


def test_documents_filter_by_words_outlet_actor_and_dates(client: TestClient) -> None:
    assert _get(client, "documents")["total"] == 4
    assert [d["title"] for d in _get(client, "documents", text="pullout")["items"]] == [REUTERS_TITLE]
    assert [d["outlet"] for d in _get(client, "documents", outlet="reut")["items"]] == ["Reuters"]
    assert _get(client, "documents", actor="aridi")["total"] == 1
    assert {
        d["published"] for d in _get(client, "documents", since="2017-01-01", until="2017-12-11")["items"]
    } == {"2017-12-11"}
    assert _get(client, "documents", outlet="100%_")["total"] == 0  # LIKE wildcards are literal


def test_documents_page_with_offset_and_limit(client: TestClient) -> None:
    first = _get(client, "documents", limit=1)
    second = _get(client, "documents", limit=1, offset=1)
    assert first["total"] == second["total"] == 4
    assert (first["limit"], second["offset"]) == (1, 1)
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422
    assert client.get("/api/documents", params={"limit": 501}).status_code == 422


def test_document_comes_back_whole_as_marsad_1(client: TestClient) -> None:
    doc_id = _get(client, "documents", text="pullout")["items"][0]["id"]
    result = Result.model_validate(_get(client, f"documents/{doc_id}"))
    assert result.doc.title == REUTERS_TITLE and result.events and result.claims


def test_unknown_document_is_a_404_with_the_error_shape(client: TestClient) -> None:
    response = client.get("/api/documents/0123456789abcdef")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not-found"


def test_search_marks_matches_in_snippets(client: TestClient) -> None:
    hits = _get(client, "search", q="partial withdrawal", sentences="true")
    assert hits and all(h["sentence_start"] is not None for h in hits)
    assert "[" in hits[0]["snippet"]
    assert _get(client, "search", q="***") == []


def test_actors_merge_by_name_filter_and_page(client: TestClient) -> None:
    body = _get(client, "actors", name="putin")
    assert {a["name"] for a in body["items"]} >= {"Vladimir Putin"}
    assert all("putin" in a["name"].lower() for a in body["items"])
    assert _get(client, "actors", type="armed group")["items"]
    assert len(_get(client, "actors", limit=3)["items"]) == 3


def test_places_filter_by_place_and_outlet(client: TestClient) -> None:
    items = _get(client, "places", place="hemeimeem")["items"]
    assert len(items) == 2 and all(p["place"]["lat"] == 35.4011 for p in items)
    assert [
        p["source"]["outlet"] for p in _get(client, "places", place="hemeimeem", outlet="reuters")["items"]
    ] == ["Reuters"]


def test_events_filter_on_every_field(client: TestClient) -> None:
    def ids(**params: Any) -> list[str]:
        return [e["type"] + ":" + e["status"] for e in _get(client, "events", **params)["items"]]

    assert len(ids()) == 8
    assert ids(status="denied") == ["retreat:denied"]
    assert sorted(ids(type="retreat")) == [
        "retreat:denied",
        "retreat:happened",
        "retreat:ordered",
        "retreat:ordered",
    ]
    assert ids(actor="jaysh") == ["fight:happened", "occupy:happened"]
    assert len(ids(place="hemeimeem")) == 4
    assert ids(since="2017-12-12") == ["attack:happened"]
    assert ids(until="2016-12-31", type="retreat") == ["retreat:happened"]
    assert ids(text="checkpoint") == ["attack:happened"]
    assert len(ids(outlet="reuters")) == 2
    assert ids(type="RETREAT", status="ordered", outlet="reuters") == ["retreat:ordered"]


def test_events_page(client: TestClient) -> None:
    page = _get(client, "events", limit=3, offset=6)
    assert page["total"] == 8 and len(page["items"]) == 2


def test_event_links_to_its_sentence_and_the_reports_that_back_or_deny_it(client: TestClient) -> None:
    event = _get(client, "events", outlet="reuters", status="ordered")["items"][0]
    assert "ordered a partial withdrawal" in event["sentence_text"]
    assert event["citations"] == []
    detail = _get(client, f"events/{event['id']}")
    statuses = sorted(r["status"] for r in detail["reports"])
    assert statuses == ["denied", "ordered"]  # the analyst's 2017 report, and the spokesman's denial
    document = _get(client, f"documents/{event['source']['doc_id']}")
    start, end = event["sentence"]["start"], event["sentence"]["end"]
    assert document["doc"]["text"][start:end] == event["sentence_text"]


def test_bad_event_ids_are_404(client: TestClient) -> None:
    for event_id in ("nope", "0123456789abcdef-e0", "0123456789abcdef-c1", "zz-e1"):
        assert client.get(f"/api/events/{event_id}").status_code == 404


def test_claims_and_contradictions_show_both_sides(client: TestClient) -> None:
    claims = _get(client, "claims", actor="aridi")["items"]
    assert [c["text"] for c in claims] == ["the troops would not really leave"]
    contradictions = _get(client, "contradictions", outlet="reuters")["items"]
    assert len(contradictions) == 1
    sides = contradictions[0]["sides"]
    assert [s["speaker"]["name"] for s in sides] == ["Kremlin", "Yahya al-Aridi"]
    assert _get(client, "contradictions", type="denies")["total"] == 1
    assert _get(client, "contradictions", text="would not really")["total"] == 1


def test_relations_link_actors_with_evidence(client: TestClient) -> None:
    graph = _get(client, "relations", actor="Vladimir Putin")
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    assert "Vladimir Putin" in names.values()
    consult = [e for e in graph["edges"] if "consult" in e["kinds"]]
    assert consult and {names[consult[0]["source"]], names[consult[0]["target"]]} == {
        "Vladimir Putin",
        "Bashar al-Assad",
    }
    assert all(e["evidence"] for e in graph["edges"])
    assert len(_get(client, "relations", max_nodes=5)["nodes"]) == 5


def test_hostile_markup_comes_back_as_plain_data(client: TestClient) -> None:
    docs = _get(client, "documents", since="2017-12-12")["items"]
    assert [d["title"] for d in docs] == [HOSTILE_TITLE]


def test_responses_carry_security_headers(client: TestClient) -> None:
    response = client.get("/api/overview")
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["x-content-type-options"] == "nosniff"


def test_openapi_documents_every_resource(client: TestClient) -> None:
    paths = _get_openapi(client)["paths"]
    for path in (
        "/api/documents",
        "/api/actors",
        "/api/places",
        "/api/events",
        "/api/claims",
        "/api/contradictions",
        "/api/relations",
        "/api/sources",
        "/api/search",
        "/api/export/{format}",
        "/api/ingest/files",
        "/api/ingest/urls",
    ):
        assert path in paths
        assert all(op.get("summary") for op in paths[path].values())


def _get_openapi(client: TestClient) -> Any:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()
