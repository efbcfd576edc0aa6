"""Events: who did what to whom, where and when, each with its sentence and source."""

from typing import Annotated

from fastapi import APIRouter, Path

from marsad.api.deps import FactFilterDep, PageDep, StoreDep
from marsad.explore import service
from marsad.explore.rows import EventRow
from marsad.explore.service import EventDetail, Listing

router = APIRouter(tags=["events"])


@router.get("/events", summary="Events matching text, actor, type, status, place, date range and outlet")
def list_events(store: StoreDep, where: FactFilterDep, page: PageDep) -> Listing[EventRow]:
    return service.events(store, where, page.offset, page.limit)


@router.get(
    "/events/{event_id}",
    summary="One event and the other reports of the same happening (same type, place and dates)",
    responses={404: {"description": "No such event"}},
)
def get_event(
    store: StoreDep, event_id: Annotated[str, Path(max_length=80, description="`<doc id>-e<n>`")]
) -> EventDetail:
    return service.event(store, event_id)
