"""What routes receive: the store, the settings, the write permission, paging and filters."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad.api.errors import TokenRequiredError, WritesDisabledError
from marsad.api.settings import ApiSettings
from marsad.explore.filters import FactFilter
from marsad.store.base import DocumentFilter, Store

MAX_PAGE = 500
MAX_FILTER_CHARS = 200
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(_store)]
SettingsDep = Annotated[ApiSettings, Depends(_settings)]

_bearer = HTTPBearer(auto_error=False, description="The server's MARSAD_API_TOKEN (or --token).")


def _require_writer(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    if not settings.token:
        raise WritesDisabledError("this server is read-only: start it with MARSAD_API_TOKEN or --token")
    given = credentials.credentials if credentials is not None else ""
    if not secrets.compare_digest(given.encode(), settings.token.encode()):
        raise TokenRequiredError("a valid bearer token is required (Authorization: Bearer <token>)")


WriterDep = Annotated[None, Depends(_require_writer)]


@dataclass(frozen=True, slots=True)
class PageParams:
    offset: int
    limit: int


def _page(
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items to return.")] = 50,
) -> PageParams:
    return PageParams(offset=offset, limit=limit)


PageDep = Annotated[PageParams, Depends(_page)]

Text = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
Date = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY-MM-DD, inclusive.")]


def _facts(
    text: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="Words in the fact's text.")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="Part of an actor's name.")
    ] = None,
    type: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="Event type or claim kind.")
    ] = None,
    status: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description="Event status.")] = None,
    place: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="Part of a place name.")
    ] = None,
    since: Date = None,
    until: Date = None,
    outlet: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="Part of the outlet.")
    ] = None,
) -> FactFilter:
    return FactFilter(
        text=text, actor=actor, type=type, status=status, place=place, since=since, until=until, outlet=outlet
    )


FactFilterDep = Annotated[FactFilter, Depends(_facts)]


def _documents(
    text: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="Full-text: all words.")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="Part of an actor's name.")
    ] = None,
    outlet: Annotated[
        str | None, Query(max_length=MAX_FILTER_CHARS, description="Part of the outlet.")
    ] = None,
    since: Date = None,
    until: Date = None,
) -> DocumentFilter:
    return DocumentFilter(text=text, actor=actor, outlet=outlet, since=since, until=until)


DocumentFilterDep = Annotated[DocumentFilter, Depends(_documents)]
