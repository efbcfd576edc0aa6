"""The actor network."""

from typing import Annotated

from fastapi import APIRouter, Query

from marsad.api.deps import FactFilterDep, StoreDep
from marsad.explore import service
from marsad.explore.graph import Graph

router = APIRouter(tags=["relations"])


@router.get(
    "/relations",
    summary="Actors linked by co-mention in a sentence or by events, with evidence sentences",
)
def relations(
    store: StoreDep,
    where: FactFilterDep,
    max_nodes: Annotated[int, Query(ge=1, le=500, description="Most mentioned actors to keep.")] = 60,
) -> Graph:
    return service.relations(store, where, max_nodes)
