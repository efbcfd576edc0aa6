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
    estimated_date: str | None = Field(
        default=None,
        description="Only when `published` is unknown: the latest date among the dated links the text"
        " cites (YYYY-MM-DD). The report was written on or after it; relative dates are read against it.",
    )
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
    kb_id: str | None = Field(
        default=None, description="Id in the actor knowledge base, the same in every document; null when new."
    )
    country: str | None = Field(default=None, description="ISO 3166 alpha-3 code of the actor's country.")
    code: str | None = Field(
        default=None, description="CAMEO-style actor code: 'RUS', 'RUSMIL', 'IMGMUSISI'."
    )
    wikidata: str | None = Field(default=None, description="Wikidata id ('Q159'), where known.")
    parent: str | None = Field(
        default=None, description="Knowledge-base id of the actor this one belongs to (a ministry's state)."
    )
    role: str | None = Field(
        default=None, description="The person's role on the document's date: 'prime minister of Turkey'."
    )
    affiliation: str | None = Field(
        default=None, description="Id of the actor in this document the text says this one belongs to."
    )


class Place(_Contract):
    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    mentions: list[Mention]
    geonames_id: int | None = Field(default=None, description="GeoNames id, when the place has one.")
    gazetteer_id: str | None = Field(
        default=None,
        description="Stable gazetteer id, the same in every document: 'geonames:170794', "
        "'admin1:SY.07', 'country:SY', 'marsad:hmeimim-air-base'.",
    )
    feature: str | None = Field(
        default=None,
        description="country, admin1, admin2, city, military, crossing, site, river, desert, region, "
        "border, or area (a part of a place: 'north of the Euphrates').",
    )
    precision: str | None = Field(
        default=None,
        description="How exact lat/lon is: site, locality, admin2, admin1, region or country.",
    )
    admin1: str | None = Field(default=None, description="The first-level division the place lies in.")
    match: Literal["fuzzy"] | None = Field(
        default=None,
        description="'fuzzy' when the gazetteer lacks the name as written and the place was found by "
        "spelling similarity ('the town of Kfar Nubl': Kafr Nubl); null for an exact match.",
    )


class DateRange(_Contract):
    start: str
    end: str


class EventSource(_Contract):
    """One report of an event merged across documents: where it was read and what that report said."""

    doc_id: str
    event_id: str
    status: str
    trigger: Mention
    sentence: Span


class Event(_Contract):
    type: str = Field(description="PLOVER event type: AGREE, CONSULT, ..., FIGHT, CRIME, ACCUSE, REQUEST.")
    mode: str | None = None
    status: str = Field(
        description="happened, ongoing, announced, ordered, planned, denied, threatened, conditional, "
        "hypothetical or reported."
    )
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    date: DateRange | None = None
    trigger: Mention
    sentence: Span
    id: str | None = Field(default=None, description="Unique within the document: 'e1', 'e2', ...")
    negated: bool = Field(default=False, description="The text says the event did not happen.")
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    cameo: str | None = Field(default=None, description="CAMEO root code ('19'), from the PLOVER type.")
    acled_type: str | None = Field(default=None, description="ACLED event type ('Battles').")
    acled_subtype: str | None = Field(default=None, description="ACLED sub-event type ('Armed clash').")
    date_precision: str | None = Field(
        default=None,
        description="day, month, year, range, or 'published' (no date in the text: the publication date,"
        " or the document's estimated_date).",
    )
    anchor: str | None = Field(
        default=None, description="Id of the event this one is dated by: 'less than 20 days after' it."
    )
    actor_mention: Mention | None = Field(default=None, description="The text naming the actor.")
    target_mention: Mention | None = Field(default=None, description="The text naming the target.")
    sources: list[EventSource] = Field(
        default=[], description="Reports of the same event merged across documents (the store's view)."
    )


class Claim(_Contract):
    id: str | None = None
    kind: str = Field(
        description="quote (direct quotation), reported (indirect speech), according-to, colon "
        "(a statement introduced by a colon), or cause (the text's own cause or motive statement)."
    )
    speaker: str | None = Field(default=None, description="Id of the actor who made the claim.")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    cue: str | None = None
    cue_span: Span | None = Field(default=None, description="Where the cue ('said', 'according to') stands.")
    speaker_span: Mention | None = Field(
        default=None, description="The words that name the speaker here ('he', 'Mustafa Bali')."
    )
    stance: Literal["asserts", "denies", "doubts"] | None = Field(
        default=None, description="The speaker's stance toward what the claim is about."
    )
    role: str | None = Field(
        default=None,
        description="The speaker's role as the text states it: 'spokesman for the Iraqi Operations Command'.",
    )
    affiliation: str | None = Field(default=None, description="Id of the actor the speaker speaks for.")
    attributed_to: str | None = Field(
        default=None,
        description="The document's outlet or author, for claims the text makes in its own voice.",
    )
    sentence: Span | None = Field(default=None, description="The sentence (or sentences) holding the claim.")
    cause: Mention | None = Field(default=None, description="Kind cause: the cause or motive.")
    effect: Mention | None = Field(default=None, description="Kind cause: what it caused or motivated.")
    relation: Literal["cause", "purpose"] | None = Field(
        default=None,
        description="Kind cause: 'purpose' when the effect was done in order to reach the cause.",
    )


class Contradiction(_Contract):
    kind: str = Field(
        description="contradiction (the claims disagree) or agreement (independent confirmation)."
    )
    claims: list[str]
    documents: list[str] | None = Field(
        default=None,
        description="Document id of each claim, in the order of `claims`, when they span documents.",
    )
    speakers: list[str | None] | None = Field(
        default=None, description="Speaker actor id of each claim, in the order of `claims`."
    )
    evidence: list[Mention] | None = Field(
        default=None, description="Each claim's text, in the order of `claims`."
    )
    reason: str | None = Field(
        default=None, description="Why: 'opposite stance', 'different figures' or 'same statement'."
    )
    score: float | None = Field(
        default=None, description="How much the claims are about the same matter (0-1)."
    )


class Citation(_Contract):
    kind: Literal["url", "reference", "outlet"]
    text: str
    url: str | None = None
    domain: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    outlet: str | None = Field(
        default=None, description="Registry name of the outlet cited by name or by its domain ('Sputnik')."
    )
    outlet_country: str | None = Field(
        default=None, description="ISO 3166 alpha-3 code of the outlet's country."
    )
    outlet_type: str | None = Field(
        default=None, description="wire, state media, opposition media, independent or think tank."
    )
    author: str | None = Field(default=None, description="Who a reference names: 'Roth' of '(Roth, 2017)'.")
    year: int | None = Field(
        default=None,
        description="The year a reference or a cited link gives: '(Roth, 2017)', '(http://..., 2017)'.",
    )
    date: str | None = Field(default=None, description="The date in a cited link's path, as YYYY-MM-DD.")


class TimeExpression(Mention):
    """A time expression in the text, normalised as TIMEX3 does, against the publication date."""

    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = Field(
        description="TIMEX3 value: 2017-12-11, 2017-W49, 2017-12, 2017, 201 (a decade), 2011-03/2015-02 "
        "(a range), P3D, PT2H, PRESENT_REF, PAST_REF, XXXX-WXX-1; null when it counts from a date "
        'Marsad does not know ("yesterday" with no publication date, "20 days after" an event).'
    )
    precision: str = Field(
        description="day, week, month, season, quarter, half, year, decade, century, range, time, "
        "duration, set or reference."
    )
    mod: str | None = Field(
        default=None,
        description="TIMEX3 mod: APPROX, LESS_THAN, MORE_THAN, START, MID, END, BEFORE, AFTER, ON_OR_AFTER.",
    )
    earliest: str | None = Field(default=None, description="First day the expression can mean (YYYY-MM-DD).")
    latest: str | None = Field(default=None, description="Last day the expression can mean (YYYY-MM-DD).")
    relative_to: Literal["published", "event"] | None = Field(
        default=None, description="What the text counts from: the publication date, or the event in `anchor`."
    )
    offset: str | None = Field(default=None, description="ISO 8601 duration from that anchor: 'P1D', 'P20D'.")
    relation: Literal["before", "after"] | None = Field(
        default=None, description="Before or after the anchor."
    )
    anchor: Mention | None = Field(
        default=None, description="The event the expression counts from: 'the liberation of al-Bukamal'."
    )


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
    times: list[TimeExpression] = []

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
    estimated_date: str | None
    language: str
    content_hash: str
    edits: int = 0

    @property
    def id(self) -> str:
        return self.content_hash[:16]
