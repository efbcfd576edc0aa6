"""Writes need the token; uploads are size-limited and never become paths; URLs cannot reach private
addresses; static files are a whitelist (no traversal); the UI page runs no inline script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api.ui import UI_DIR, UI_FILES
from marsad.store import Store

from .conftest import TOKEN, make_app

TEXT = (
    "Turkish forces shelled positions near Manbij on Sunday, a local monitor said. "
    "Kurdish officials denied that any civilians had been hurt in the strikes."
)


def _auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def writer(empty_store: Store) -> TestClient:
    return TestClient(make_app(empty_store, token=TOKEN), base_url="http://127.0.0.1")


def test_writes_are_disabled_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/ingest/urls", json={"urls": ["https://example.org/"]}, headers=_auth())
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "writes-disabled"
    files = {"files": ("a.txt", b"text", "text/plain")}
    assert client.post("/api/ingest/files", files=files).status_code == 403


def test_writes_need_the_right_bearer_token(writer: TestClient) -> None:
    files = {"files": ("a.txt", TEXT.encode(), "text/plain")}
    missing = writer.post("/api/ingest/files", files=files)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert writer.post("/api/ingest/files", files=files, headers=_auth("wrong")).status_code == 401


def test_an_upload_is_analysed_into_the_store_under_its_cleaned_name(
    writer: TestClient, tmp_path: Path
) -> None:
    name = "../../" + "escape.txt"
    response = writer.post(
        "/api/ingest/files", files={"files": (name, TEXT.encode(), "text/plain")}, headers=_auth()
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["stored"] == 1 and report["quarantined"] == []
    assert report["documents"][0]["source"] == "upload:escape.txt"
    doc_id = report["documents"][0]["id"]
    assert "Manbij" in writer.get(f"/api/documents/{doc_id}").json()["doc"]["text"]
    assert not (tmp_path.parent / "escape.txt").exists()
    again = writer.post(
        "/api/ingest/files", files={"files": ("b.txt", TEXT.encode(), "text/plain")}, headers=_auth()
    )
    assert again.json()["duplicates"] == 1


def test_unsupported_and_binary_uploads_are_quarantined_not_errors(writer: TestClient) -> None:
    files = [
        ("files", ("x.pdf", b"%PDF-1.4", "application/pdf")),
        ("files", ("y.txt", b"\x00\x01\x02" * 50, "text/plain")),
    ]
    report = writer.post("/api/ingest/files", files=files, headers=_auth()).json()
    assert [q["source"] for q in report["quarantined"]] == ["upload:x.pdf", "upload:y.txt"]
    assert [q["reason"] for q in report["quarantined"]] == ["unsupported", "binary"]


def test_an_upload_over_the_size_limit_is_refused(writer: TestClient) -> None:
    files = {"files": ("big.txt", b"word " * 5000, "text/plain")}  # 25 kB against a 20 kB limit
    response = writer.post("/api/ingest/files", files=files, headers=_auth())
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too-large"


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(empty_store: Store) -> None:
    app = make_app(empty_store, token=TOKEN, max_request_bytes=1000)
    with TestClient(app, base_url="http://127.0.0.1") as small:
        announced = small.post("/api/ingest/urls", content=b"x" * 5000, headers=_auth())
        assert announced.status_code == 413

        def chunks() -> object:
            yield b'{"urls": ["'
            for _ in range(10):
                yield b"a" * 500
            yield b'"]}'

        streamed = small.post(
            "/api/ingest/urls", content=chunks(), headers={**_auth(), "Content-Type": "application/json"}
        )
        assert streamed.status_code == 413


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/api/overview",
        "http://localhost/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:192.168.0.1]/",
        "file:///etc/passwd",
        "ftp://example.org/x",
    ],
)
def test_url_ingestion_refuses_private_loopback_and_non_http(writer: TestClient, url: str) -> None:
    response = writer.post("/api/ingest/urls", json={"urls": [url]}, headers=_auth())
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "unsafe-url"


def test_url_ingestion_limits_the_batch(writer: TestClient) -> None:
    urls = [f"https://example.org/{i}" for i in range(21)]
    assert writer.post("/api/ingest/urls", json={"urls": urls}, headers=_auth()).status_code == 422
    assert writer.post("/api/ingest/urls", json={"urls": []}, headers=_auth()).status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/ui/../api/app.py",
        "/ui/%2e%2e/%2e%2e/pyproject.toml",
        "/ui/..%2F..%2Fpyproject.toml",
        "/ui/package.json",
        "/ui/node_modules/leaflet/package.json",
        "/ui//etc/passwd",
        "/vendor/..%2Fpackage.json",
        "/vendor/leaflet%2Fdist%2Fleaflet.js",
        "/ui/index.html/..",
    ],
)
def test_static_files_are_a_whitelist(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"marsad" not in response.content.lower() or b"error" in response.content


def test_every_whitelisted_ui_file_exists_and_is_served(client: TestClient) -> None:
    for name in UI_FILES:
        response = client.get(f"/ui/{name}")
        assert response.status_code == 200, name
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")


def test_the_ui_never_writes_html_and_runs_no_inline_script() -> None:
    page = (UI_DIR / "index.html").read_text("utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "http://" not in page and "https://" not in page  # no CDN
    for name in UI_FILES:
        source = (UI_DIR / name).read_text("utf-8")
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert sink not in source, f"{name} uses {sink}"
