"""Downloads in every export format, filtered like the event table."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path
from fastapi.responses import Response
from pydantic import BaseModel

from marsad.api.deps import FactFilterDep, StoreDep
from marsad.explore import service
from marsad.export import EXPORTERS

router = APIRouter(tags=["exports"])

Format = Literal["jsonl", "csv", "geojson", "graphml", "parquet"]


class ExportFormat(BaseModel):
    name: str
    media_type: str
    suffix: str
    description: str


@router.get("/export", summary="The export formats")
def formats() -> list[ExportFormat]:
    return [
        ExportFormat(name=name, media_type=e.media_type, suffix=e.suffix, description=e.description)
        for name, e in EXPORTERS.items()
    ]


@router.get(
    "/export/{format}",
    summary="Download the store (or what the filters select) in one format",
    response_class=Response,
    responses={200: {"content": {e.media_type: {} for e in EXPORTERS.values()}}},
)
def export(
    store: StoreDep, where: FactFilterDep, format: Annotated[Format, Path(description="Export format.")]
) -> Response:
    exporter = EXPORTERS[format]
    return Response(
        service.export(store, where, format),
        media_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="marsad{exporter.suffix}"'},
    )
