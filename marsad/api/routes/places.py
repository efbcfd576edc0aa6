"""Places named in each document, with coordinates and the first mention as evidence."""

from fastapi import APIRouter

from marsad.api.deps import FactFilterDep, PageDep, StoreDep
from marsad.explore import service
from marsad.explore.rows import PlaceRow
from marsad.explore.service import Listing

router = APIRouter(tags=["places"])


@router.get("/places", summary="Places per document: name, coordinates, country, mentions")
def list_places(store: StoreDep, where: FactFilterDep, page: PageDep) -> Listing[PlaceRow]:
    return service.places(store, where, page.offset, page.limit)
