"""The UI in headless Chromium: map marker → sentence, event filters, an export download, escaping,
and a screenshot of every view (into docs/screenshots/ when MARSAD_UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.served import HOSTILE_TITLE

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _doc_id(page: Page, title: str) -> str:
    hits = page.request.get("/api/documents", params={"limit": 100}).json()["items"]
    return next(d["id"] for d in hits if d["title"] == title)


def test_a_map_marker_leads_to_the_sentence_that_put_it_there(page: Page) -> None:
    page.goto("/#/map?place=Hemeimeem")
    marker = page.locator("path.marsad-event")
    expect(marker).to_have_count(1)  # the four Hemeimeem events share one marker
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Hemeimeem air base")
    expect(popup).to_contain_text("denied")  # the spokesman's denial is one of the reports here
    popup.locator("li", has_text="Reuters").filter(has_text="ordered").locator("a.to-sentence").click()
    focused = page.locator(".sent.focus")
    expect(focused).to_have_count(1)
    expect(focused).to_contain_text("ordered a partial withdrawal of Russian forces from Syria")
    expect(focused).to_be_in_viewport()
    expect(page.locator("h1")).to_have_text("Putin orders start of Russian pullout from Syria")


def test_the_event_table_filters(page: Page) -> None:
    page.goto("/#/events")
    rows = page.locator("#events-table tbody tr")
    expect(rows).to_have_count(8)
    page.select_option("#event-filters select[name=status]", "denied")
    page.click("#event-filters button[type=submit]")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Yahya al-Aridi")
    page.goto("/#/events?place=hemeimeem&type=retreat")
    expect(rows).to_have_count(3)
    rows.first.click()
    expect(page.locator("#event-detail")).to_contain_text("Other reports")


def test_an_export_downloads_what_the_table_shows(page: Page) -> None:
    page.goto("/#/events?status=ordered")
    expect(page.locator("#events-table tbody tr")).to_have_count(2)
    with page.expect_download() as download:
        page.click(".exports a[data-format=csv]")
    path = download.value.path()
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text("utf-8"))))
    assert [r["status"] for r in rows] == ["ordered", "ordered"]
    assert {r["location"] for r in rows} == {"Hemeimeem air base"}


def test_markup_in_a_report_is_shown_as_text_and_never_runs(page: Page) -> None:
    doc_id = _doc_id(page, HOSTILE_TITLE)
    page.goto(f"/#/doc/{doc_id}")
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    expect(page.locator(".doctext")).to_contain_text("<script>alert('xss')</script>")
    expect(page.locator(".doctext")).to_contain_text('<img src=x onerror="alert(1)">')
    for view in ("/#/events", "/#/map?place=idlib", "/#/actors", "/#/"):
        page.goto(view)
        page.wait_for_load_state("networkidle")
    page.goto("/#/map?place=idlib")
    page.locator("path.marsad-event").first.click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Idlib<img src=x onerror=alert(2)>")
    page.locator("path.marsad-event").first.hover()
    expect(page.locator(".leaflet-tooltip")).to_contain_text("Idlib<img src=x onerror=alert(2)>")
    assert page.locator("main script, main img, .leaflet-popup img, .leaflet-tooltip img").count() == 0
    # The page fixture asserts no dialog opened and no script error happened.


VIEWS = [
    ("overview", "/#/", "h1"),
    ("reader", "/#/doc/{doc}?focus={focus}", ".sent.focus"),
    ("events", "/#/events", "#events-table"),
    ("timeline", "/#/timeline", "svg.timeline"),
    ("map", "/#/map", "path.marsad-event"),
    ("actors", "/#/actors", "svg.graph"),
    ("disputes", "/#/disputes", ".dispute"),
]


@pytest.mark.parametrize(("name", "path", "ready"), VIEWS, ids=[v[0] for v in VIEWS])
def test_every_view_renders(page: Page, tmp_path: Path, name: str, path: str, ready: str) -> None:
    if name == "reader":
        event = page.request.get("/api/events", params={"status": "ordered", "outlet": "reuters"}).json()[
            "items"
        ][0]
        path = path.format(
            doc=event["source"]["doc_id"], focus=f"{event['sentence']['start']}-{event['sentence']['end']}"
        )
    page.goto(path)
    expect(page.locator(ready).first).to_be_visible()
    expect(page.locator("main .error")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # let the map finish drawing outlines
    folder = SCREENSHOTS if os.environ.get("MARSAD_UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))
