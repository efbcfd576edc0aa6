"""Stored documents: a filtered list, and each one whole in the marsad/1 contract."""

from typing import Annotated

from fastapi import APIRouter, Path

from marsad.api.deps import DocumentFilterDep, PageDep, StoreDep
from marsad.explore import service
from marsad.explore.service import Listing
from marsad.model import Result
from marsad.store.base import DocumentSummary

router = APIRouter(tags=["documents"])

DocId = Annotated[str, Path(max_length=64, description="A document id, as listed by /api/documents.")]


@router.get("/documents", summary="Documents matching full-text words, an actor, an outlet or a date range")
def list_documents(store: StoreDep, where: DocumentFilterDep, page: PageDep) -> Listing[DocumentSummary]:
    return service.documents(store, where, page.offset, page.limit)


@router.get(
    "/documents/{doc_id}",
    summary="One document as marsad/1: text, removed blocks, sentences, actors, places, events, claims...",
    responses={404: {"description": "No such document"}},
)
def get_document(store: StoreDep, doc_id: DocId) -> Result:
    return service.document(store, doc_id)
