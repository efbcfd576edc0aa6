"""Claims (who said what) and contradictions (which claims dispute each other)."""

from fastapi import APIRouter

from marsad.api.deps import FactFilterDep, PageDep, StoreDep
from marsad.explore import service
from marsad.explore.rows import ClaimRow, ContradictionRow
from marsad.explore.service import Listing

router = APIRouter(tags=["claims"])


@router.get("/claims", summary="Claims: quotes and reported statements with speaker, cue and source")
def list_claims(store: StoreDep, where: FactFilterDep, page: PageDep) -> Listing[ClaimRow]:
    return service.claims(store, where, page.offset, page.limit)


@router.get("/contradictions", summary="Contradictions with both sides' claims and their sources")
def list_contradictions(store: StoreDep, where: FactFilterDep, page: PageDep) -> Listing[ContradictionRow]:
    return service.contradictions(store, where, page.offset, page.limit)
