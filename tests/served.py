"""The corpus the API and browser tests serve: the two bundled examples, analysed for real, plus
hand-built places, events, claims and contradictions (found in their text with str.find, never typed
as offsets), a second outlet's report of the same withdrawal, and a hostile report full of markup.

The places, events and claims lists are set by hand here, so what the tests assert stays fixed
while the components that fill them improve; the API and UI read them through the marsad/1
contract exactly as they read the real ones.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from marsad.ingest import files
from marsad.model import (
    Actor,
    Citation,
    Claim,
    Contradiction,
    DateRange,
    DocumentInfo,
    Event,
    Mention,
    OffsetRun,
    Place,
    RawDocument,
    Result,
    Span,
)
from marsad.pipeline import Analyzed, Analyzer
from marsad.settings import load_settings
from marsad.store import Record, Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

HEMEIMEEM = (35.4011, 35.9486, "SY")
LATAKIA = (35.5317, 35.7901, "SY")
IDLIB = (35.9306, 36.6339, "SY")
SYRIA = (34.8021, 38.9968, "SY")
MOSCOW = (55.7558, 37.6173, "RU")

ORDER_SENTENCE = "From Hemeimeem, Putin ordered a partial withdrawal"
REUTERS_TITLE = "Putin orders start of Russian pullout from Syria"
REUTERS_SENTENCES = [
    "Russian President Vladimir Putin ordered a partial withdrawal of Russian forces from Syria during a "
    "visit to the Hemeimeem air base on Monday, the Kremlin said.",
    "Syrian opposition spokesman Yahya al-Aridi said the troops would not really leave, and that "
    "Russian jets had flown from Hemeimeem hours later (https://www.reuters.com/article/russia-syria).",
    "The Kremlin said the withdrawal would be complete within weeks.",
]
HOSTILE_TITLE = "<script>alert('title')</script> Raid report"
HOSTILE_TEXT = (
    "Militants <script>alert('xss')</script> attacked a checkpoint near Idlib on Tuesday. "
    'A witness said <img src=x onerror="alert(1)"> nobody was hurt.'
)


def mention(text: str, needle: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} not in text"
    return Mention(start=start, end=start + len(needle), text=needle)


def sentence_of(result: Result, at: int) -> Span:
    for sentence in result.sentences:
        if sentence.start <= at < sentence.end:
            return sentence
    raise AssertionError(f"no sentence holds offset {at}")


def _place(text: str, place_id: str, name: str, where: tuple[float, float, str], *needles: str) -> Place:
    lat, lon, country = where
    return Place(
        id=place_id,
        name=name,
        lat=lat,
        lon=lon,
        country=country,
        mentions=[mention(text, n) for n in needles],
    )


def _actor(text: str, actor_id: str, name: str, kind: str, needle: str) -> Actor:
    return Actor(id=actor_id, name=name, type=kind, mentions=[mention(text, needle)])


def _event(result: Result, trigger: str, **fields: object) -> Event:
    found = mention(result.doc.text, trigger)
    return Event(trigger=found, sentence=sentence_of(result, found.start), **fields)  # type: ignore[arg-type]


def _claim(result: Result, claim_id: str, text: str, **fields: object) -> Claim:
    found = mention(result.doc.text, text)
    return Claim(id=claim_id, text=text, start=found.start, end=found.end, **fields)  # type: ignore[arg-type]


def enrich_withdrawal_2016(result: Result) -> Result:
    text = result.doc.text
    actors = [
        *result.actors,
        _actor(text, "h-russia", "Russia", "state", "Russia"),
        _actor(text, "h-fateh", "Jaysh al-Fateh", "armed group", "Jaysh al-Fateh"),
    ]
    places = [
        _place(text, "h-syria", "Syria", SYRIA, "Syria"),
        _place(text, "h-latakia", "Latakia", LATAKIA, "Latakia"),
        _place(text, "h-idlib", "Idlib", IDLIB, "Idlib"),
    ]
    enriched = result.model_copy(update={"actors": actors, "places": places})
    events = [
        _event(
            enriched,
            "withdrawal",
            type="retreat",
            status="happened",
            actor="h-russia",
            place="h-syria",
            date=DateRange(start="2016-03-14", end="2016-03-15"),
        ),
        _event(enriched, "progress", type="fight", status="happened", actor="h-fateh", place="h-latakia"),
        _event(enriched, "liberation", type="occupy", status="happened", actor="h-fateh", place="h-idlib"),
    ]
    # Only hand-built facts, so the counts the tests assert do not move as the components improve.
    return enriched.model_copy(update={"events": events, "claims": [], "contradictions": []})


def enrich_victory_2017(result: Result) -> Result:
    text = result.doc.text
    actors = [
        *result.actors,
        _actor(text, "h-putin", "Vladimir Putin", "person", "Vladimir Putin"),
        _actor(text, "h-assad", "Bashar al-Assad", "person", "Bashar al-Assad"),
        _actor(text, "h-mod", "Russian Defence Ministry", "government", "Russian Defence Ministry"),
    ]
    places = [
        _place(text, "h-hmeimim", "Hemeimeem air base", HEMEIMEEM, "Hemeimeem airbase"),
        _place(text, "h-lattakia", "Latakia", LATAKIA, "Lattakia"),
        _place(text, "h-moscow", "Moscow", MOSCOW, "Moscow"),
    ]
    enriched = result.model_copy(update={"actors": actors, "places": places})
    confirmed = "the Russian Defence Ministry confirmed that it had"
    doubt = "The withdrawal of troops is\nunlikely to affect the strength of the Russian presence in Syria"
    doubt = doubt if doubt in text else doubt.replace("\n", " ")
    events = [
        _event(
            enriched,
            "visited",
            type="consult",
            status="happened",
            actor="h-putin",
            target="h-assad",
            place="h-hmeimim",
            date=DateRange(start="2017-12-11", end="2017-12-11"),
        ),
        _event(
            enriched,
            "ordered a partial withdrawal",
            type="retreat",
            status="ordered",
            mode="partial",
            actor="h-putin",
            place="h-hmeimim",
            date=DateRange(start="2017-12-11", end="2017-12-11"),
        ),
    ]
    claims = [
        _claim(enriched, "k1", confirmed, kind="reported", speaker="h-mod", cue="confirmed"),
        _claim(enriched, "k2", doubt, kind="analysis", cue="unlikely"),
    ]
    contradictions = [Contradiction(kind="disputes", claims=["k1", "k2"])]
    return enriched.model_copy(update={"events": events, "claims": claims, "contradictions": contradictions})


def analysed_examples() -> list[Record]:
    """The bundled examples through the real pipeline, with the hand-built facts added."""
    settings = load_settings()
    raws = [
        item
        for path in sorted(EXAMPLES.glob("*.txt"))
        for item in files.read_path(path, settings)
        if isinstance(item, RawDocument)
    ]
    records = []
    for output in Analyzer().analyze(raws):
        assert isinstance(output, Analyzed), output
        record = output.record
        name = Path(record.result.doc.source).name
        enrich = enrich_withdrawal_2016 if name.startswith("russia-withdrawal") else enrich_victory_2017
        record.result = enrich(record.result)
        records.append(record)
    return records


def _record(result: Result) -> Record:
    text = result.doc.text
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    signature = [int(hashlib.sha256(f"{seed}:{text}".encode()).hexdigest()[:8], 16) for seed in range(8)]
    return Record(
        result=result,
        raw_text=text,
        raw_html=None,
        offsets=[
            OffsetRun(clean_start=0, clean_end=len(text), raw_start=0, raw_end=len(text), verbatim=True)
        ],
        content_hash=content_hash,
        raw_hash=content_hash,
        signature=signature,
        bands=[f"{band}:{value}" for band, value in enumerate(signature)],
    )


def _doc(
    text: str, *, title: str, outlet: str, published: str, source: str, url: str | None = None
) -> DocumentInfo:
    return DocumentInfo(
        id=hashlib.sha256(text.encode()).hexdigest()[:16],
        source=source,
        url=url,
        title=title,
        outlet=outlet,
        published=published,
        language="en",
        text=text,
    )


def _sentences(text: str, sentences: list[str]) -> list[Span]:
    return [Span(start=(start := text.find(s)), end=start + len(s)) for s in sentences]


def reuters_report() -> Record:
    """A second outlet reporting the 2017 order, and an opposition spokesman denying the pullout."""
    text = " ".join(REUTERS_SENTENCES)
    base = Result(
        doc=_doc(
            text,
            title=REUTERS_TITLE,
            outlet="Reuters",
            published="2017-12-11",
            source="wire/reuters.txt",
            url="https://www.reuters.com/article/russia-syria",
        ),
        sentences=_sentences(text, REUTERS_SENTENCES),
        actors=[
            _actor(text, "a1", "Vladimir Putin", "person", "Vladimir Putin"),
            _actor(text, "a2", "Yahya al-Aridi", "person", "Yahya al-Aridi"),
            _actor(text, "a3", "Kremlin", "government", "Kremlin"),
        ],
        places=[_place(text, "p1", "Hemeimeem air base", HEMEIMEEM, "Hemeimeem air base")],
        citations=[
            Citation(
                kind="url",
                text=(url := "https://www.reuters.com/article/russia-syria"),
                url=url,
                domain="reuters.com",
                start=(at := text.find(url)),
                end=at + len(url),
            )
        ],
    )
    events = [
        _event(
            base,
            "ordered a partial withdrawal",
            type="retreat",
            status="ordered",
            actor="a1",
            place="p1",
            date=DateRange(start="2017-12-11", end="2017-12-11"),
        ),
        _event(
            base,
            "would not really leave",
            type="retreat",
            status="denied",
            actor="a2",
            place="p1",
            date=DateRange(start="2017-12-11", end="2017-12-11"),
        ),
    ]
    claims = [
        _claim(base, "c1", "the troops would not really leave", kind="reported", speaker="a2", cue="said"),
        _claim(
            base,
            "c2",
            "The Kremlin said the withdrawal would be complete within weeks",
            kind="reported",
            speaker="a3",
            cue="said",
        ),
    ]
    contradictions = [Contradiction(kind="denies", claims=["c2", "c1"])]
    return _record(
        base.model_copy(update={"events": events, "claims": claims, "contradictions": contradictions})
    )


def hostile_report() -> Record:
    """Markup in the title, text, actor and place names: the UI must show it as text, never run it."""
    text = HOSTILE_TEXT
    sentences = [text[: text.index("Tuesday.") + 8], text[text.index("A witness") :]]
    base = Result(
        doc=_doc(
            text, title=HOSTILE_TITLE, outlet="<b>Outlet</b>", published="2017-12-12", source="web/x.html"
        ),
        sentences=_sentences(text, sentences),
        actors=[_actor(text, "a1", "Militants <script>", "armed group", "Militants <script>")],
        places=[_place(text, "p1", "Idlib<img src=x onerror=alert(2)>", IDLIB, "Idlib")],
    )
    events = [
        _event(
            base,
            "attacked",
            type="attack",
            status="happened",
            actor="a1",
            place="p1",
            date=DateRange(start="2017-12-12", end="2017-12-12"),
        )
    ]
    return _record(base.model_copy(update={"events": events}))


@functools.cache
def records() -> tuple[Record, ...]:
    """Everything `load` puts, built once per test process (the examples go through spaCy)."""
    return (*analysed_examples(), reuters_report(), hostile_report())


def load(store: Store) -> list[Record]:
    """Put the served corpus into `store`."""
    loaded = list(records())
    for record in loaded:
        store.put(record)
    return loaded
