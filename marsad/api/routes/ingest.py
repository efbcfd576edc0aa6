"""Adding documents: uploaded files and URLs, analysed into the store. Needs the write token."""

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from pydantic import BaseModel, Field

from marsad.api.deps import SettingsDep, StoreDep, WriterDep
from marsad.api.settings import MAX_UPLOAD_FILES, MAX_URLS
from marsad.errors import InputError, Reason
from marsad.run.submit import SubmissionReport, Upload, label, submit_uploads, submit_urls

router = APIRouter(tags=["ingest"])

_CHUNK = 64 * 1024


class UrlSubmission(BaseModel):
    urls: list[Annotated[str, Field(max_length=2048)]] = Field(min_length=1, max_length=MAX_URLS)


@router.post(
    "/ingest/files",
    summary="Analyse uploaded .txt, .html or .jsonl files into the store (bearer token required)",
    responses={
        401: {"description": "No or wrong token"},
        403: {"description": "Writes disabled"},
        413: {"description": "Too large"},
    },
)
def ingest_files(
    _: WriterDep,
    store: StoreDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile], File(description="Report files.")],
) -> SubmissionReport:
    if len(files) > MAX_UPLOAD_FILES:
        raise InputError(Reason.TOO_LARGE, f"at most {MAX_UPLOAD_FILES} files per request")
    limit = settings.pipeline.max_bytes
    uploads = []
    for upload in files:
        data = upload.file.read(limit + 1)
        if len(data) > limit:
            raise InputError(
                Reason.TOO_LARGE, f"{label(upload.filename or '')} is over the limit of {limit} bytes"
            )
        uploads.append(Upload(filename=upload.filename or "", data=data))
    return submit_uploads(store, settings.pipeline, uploads)


@router.post(
    "/ingest/urls",
    summary="Fetch http(s) URLs and analyse them (private and loopback addresses refused)",
    responses={
        401: {"description": "No or wrong token"},
        403: {"description": "Writes disabled"},
        422: {"description": "Unsafe or invalid URL"},
    },
)
def ingest_urls(
    _: WriterDep, store: StoreDep, settings: SettingsDep, body: UrlSubmission
) -> SubmissionReport:
    return submit_urls(store, settings.pipeline, body.urls)
