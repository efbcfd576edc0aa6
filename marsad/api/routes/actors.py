"""Actors across the store, merged by name and type."""

from typing import Annotated

from fastapi import APIRouter, Query

from marsad.api.deps import MAX_FILTER_CHARS, DocumentFilterDep, PageDep, StoreDep
from marsad.explore import service
from marsad.explore.service import Listing
from marsad.store.base import ActorSummary

router = APIRouter(tags=["actors"])


@router.get("/actors", summary="Actors named in the matching documents, most mentioned first")
def list_actors(
    store: StoreDep,
    where: DocumentFilterDep,
    page: PageDep,
    name: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="Part of the name.")] = None,
    type: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="Actor type.")] = None,
) -> Listing[ActorSummary]:
    return service.actors(store, where, name, type, page.offset, page.limit)
