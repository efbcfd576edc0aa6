"""Full-text search over documents or sentences."""

from typing import Annotated

from fastapi import APIRouter, Query

from marsad.api.deps import MAX_FILTER_CHARS, StoreDep
from marsad.store.base import SearchHit

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    summary="Documents (or sentences) containing all the words; matches in snippets are marked [like this]",
)
def search(
    store: StoreDep,
    q: Annotated[str, Query(max_length=MAX_FILTER_CHARS, description="Words to find (all of them).")],
    sentences: Annotated[bool, Query(description="Match single sentences.")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[SearchHit]:
    return store.search(q, limit=limit, sentences=sentences)
