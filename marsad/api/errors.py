"""Marsad's errors as HTTP responses: the only module that knows status codes.

Every error body has one shape, `{"error": {"code": ..., "message": ...}}`; `code` is a stable string
(a quarantine `Reason` for input errors). The API adds two errors of its own, for writes:

MarsadError
 └── AccessError            a write endpoint was called without the right to write
      ├── TokenRequiredError no or a wrong bearer token (401)
      └── WritesDisabledError the server was started without a token: it is read-only (403)
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from marsad.errors import InputError, MarsadError, NotFoundError, Reason, StoreError


class AccessError(MarsadError):
    code = "access-denied"


class TokenRequiredError(AccessError):
    code = "token-required"


class WritesDisabledError(AccessError):
    code = "writes-disabled"


class BodyTooLargeError(HTTPException):
    """Raised while a request body streams in past the limit (an HTTPException, so that FastAPI's
    body parsing passes it on instead of turning it into a 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes")


_STATUS: tuple[tuple[type[MarsadError], int, str], ...] = (
    (NotFoundError, 404, "not-found"),
    (TokenRequiredError, 401, TokenRequiredError.code),
    (WritesDisabledError, 403, WritesDisabledError.code),
    (AccessError, 403, AccessError.code),
    (StoreError, 503, "store-unavailable"),
)
_INPUT_STATUS = {Reason.TOO_LARGE: 413}


def status_and_code(error: MarsadError) -> tuple[int, str]:
    if isinstance(error, InputError):
        return _INPUT_STATUS.get(error.reason, 422), str(error.reason)
    for kind, status, code in _STATUS:
        if isinstance(error, kind):
            return status, code
    return 500, "error"


def error_response(status: int, code: str, message: str) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


async def _handle(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, MarsadError)
    status, code = status_and_code(error)
    message = error.message if isinstance(error, InputError) else str(error)
    return error_response(status, code, message)


async def _handle_http(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    code = "too-large" if error.status_code == 413 else _slug(error.status_code)
    return error_response(error.status_code, code, str(error.detail))


def _slug(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "-")
    except ValueError:
        return "error"


def install(app: FastAPI) -> None:
    app.add_exception_handler(MarsadError, _handle)
    app.add_exception_handler(HTTPException, _handle_http)
