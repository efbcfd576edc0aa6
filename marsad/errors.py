"""Marsad's exceptions and the coded reasons an input is quarantined.

MarsadError
 ├── InputError          an input cannot be read or analysed; carries a `Reason` and is quarantined
 │    └── UnsafeURLError a URL points at a private/loopback address or an unsupported scheme
 ├── StoreError          the store URL is unknown or the database refused an operation
 ├── NotFoundError       a document, event or other item asked for by id does not exist
 ├── BenchmarkDataError  gold data for `marsad eval` is missing or malformed
 ├── GazetteerError      the place gazetteer or a place supplement file cannot be read
 ├── ActorKbError        an actor knowledge-base file or entry is malformed (file and entry named)
 └── EventLexiconError   an event lexicon file (marsad/resources/events/*.toml or a user's) is malformed
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Stable codes for quarantined inputs; stored in the quarantine table and shown by the CLI."""

    UNREADABLE = "unreadable"
    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too-large"
    BAD_ENCODING = "bad-encoding"
    NO_MAIN_TEXT = "no-main-text"
    BAD_JSON = "bad-json"
    UNSAFE_URL = "unsafe-url"
    FETCH_FAILED = "fetch-failed"
    UNSUPPORTED = "unsupported"
    ANALYSIS_FAILED = "analysis-failed"


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""


class InputError(MarsadError):
    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


class UnsafeURLError(InputError):
    def __init__(self, message: str) -> None:
        super().__init__(Reason.UNSAFE_URL, message)


class StoreError(MarsadError):
    pass


class NotFoundError(MarsadError):
    pass


class BenchmarkDataError(MarsadError):
    pass


class GazetteerError(MarsadError):
    pass


class ActorKbError(MarsadError):
    pass


class EventLexiconError(MarsadError):
    pass
