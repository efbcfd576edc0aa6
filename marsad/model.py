"""The marsad/1 output contract and the records that travel between pipeline stages.

The pydantic models below *are* the public contract: docs/marsad-1.schema.json is generated from
`Result.model_json_schema()` and a test keeps the two identical. Extend compatibly (new optional
fields, new list items); a breaking change needs a new schema version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["marsad/1"] = "marsad/1"


class _Contract(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Contract):
    """A half-open character range [start, end) in `doc.text`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    """A span of `doc.text` with the text it covers, so every fact shows its evidence."""

    text: str


class DocumentInfo(_Contract):
    id: str = Field(description="Content-derived id: the same clean text always gets the same id.")
    source: str = Field(
        description="Where the document was read from: a path, URL, 'stdin' or 'file.jsonl#line'."
    )
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = Field(default=None, description="Publication date as YYYY-MM-DD.")
    language: str = Field(description="ISO 639-1 code, or 'und' when it cannot be identified.")
    text: str = Field(description="The clean text; every offset in the result indexes this string.")
    near_duplicate_of: str | None = Field(
        default=None, description="Id of an earlier stored document this one nearly duplicates."
    )


class Removal(_Contract):
    """A block cleaning removed, located in the raw text (offsets index the raw text, not `doc.text`)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    reason: str


class Actor(_Contract):
    id: str
    name: str
    type: str
    mentions: list[Mention]


class Place(_Contract):
    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    mentions: list[Mention]


class DateRange(_Contract):
    start: str
    end: str


class Event(_Contract):
    type: str
    mode: str | None = None
    status: str
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    date: DateRange | None = None
    trigger: Mention
    sentence: Span


class Claim(_Contract):
    id: str | None = None
    kind: str
    speaker: str | None = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    cue: str | None = None


class Contradiction(_Contract):
    kind: str
    claims: list[str]


class Citation(_Contract):
    kind: Literal["url", "reference", "outlet"]
    text: str
    url: str | None = None
    domain: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Result(_Contract):
    """One analysed document: the unit of `marsad analyze --json` output and of the store."""

    schema_: Literal["marsad/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    doc: DocumentInfo
    removed: list[Removal] = []
    sentences: list[Span] = []
    actors: list[Actor] = []
    places: list[Place] = []
    events: list[Event] = []
    claims: list[Claim] = []
    contradictions: list[Contradiction] = []
    citations: list[Citation] = []

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one marsad/1 line, as published in docs/marsad-1.schema.json.

    Our models forbid unknown fields, but the published schema allows them: marsad/1 grows by
    adding fields, and a consumer validating with an older copy must keep accepting newer output.
    """
    schema = Result.model_json_schema(by_alias=True)
    for definition in [schema, *schema.get("$defs", {}).values()]:
        definition.pop("additionalProperties", None)
    schema["$id"] = "https://marsad.invalid/schema/marsad-1.schema.json"
    schema["title"] = "marsad/1 result"
    return schema


@dataclass(slots=True, kw_only=True)
class RawDocument:
    """What a reader hands to cleaning: the document as found, plus whatever metadata came with it."""

    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None

    @property
    def raw(self) -> str:
        """The original content: HTML when the reader got HTML, the text otherwise."""
        return self.html if self.html is not None else (self.text or "")


@dataclass(slots=True, kw_only=True)
class Quarantined:
    """An input that could not be read or analysed, kept with a coded reason instead of crashing the batch."""

    source: str
    reason: str
    message: str


@dataclass(slots=True, kw_only=True)
class OffsetRun:
    """clean[clean_start:clean_end] came from raw[raw_start:raw_end], verbatim or as a replacement."""

    clean_start: int
    clean_end: int
    raw_start: int
    raw_end: int
    verbatim: bool


@dataclass(slots=True, kw_only=True)
class CleanDocument:
    """A document after cleaning: clean text, its map back to the raw text, and what was removed."""

    raw: RawDocument
    raw_text: str
    text: str
    offsets: list[OffsetRun]
    removed: list[Removal]
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    language: str
    content_hash: str
    edits: int = 0

    @property
    def id(self) -> str:
        return self.content_hash[:16]
