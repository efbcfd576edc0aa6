"""The corpus at a glance, and the outlets and cited sites behind it."""

from fastapi import APIRouter

from marsad.api.deps import StoreDep
from marsad.explore import service
from marsad.explore.service import Overview, Sources

router = APIRouter(tags=["overview"])


@router.get("/overview", summary="Counts, event types and statuses, and the publication date span")
def overview(store: StoreDep) -> Overview:
    return service.overview(store)


@router.get("/sources", summary="Outlets (with document counts and date spans) and the domains reports cite")
def sources(store: StoreDep) -> Sources:
    return service.sources(store)
