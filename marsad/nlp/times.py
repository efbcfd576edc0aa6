"""Component `marsad_times`: time expressions found, normalised to TIMEX3 values and anchored.

Recognition joins spaCy's DATE/TIME entities with patterns for what its NER misses or cuts badly
("now", "recently", weekdays, "last week", "earlier this month", "hours after", seasons, decades,
"every Monday"). Where two overlap the longer wins. Words before an expression that only qualify
it ("less than", "about", "since", "before") stay outside the span, as in TimeML, and become its
`mod`. Normalisation (marsad/resolve/dates.py) reads each expression against the publication date
in `doc._.marsad_published` and the tense of the verb that governs it.

A duration followed by "after/before X" ("less than 20 days after the liberation of al-Bukamal")
dates something by another event: it keeps the anchor span and the offset for `marsad_events`;
"the first four years of the Syrian Revolution" becomes a range when the event's start is known.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from marsad.model import Mention, TimeExpression
from marsad.nlp.citations import source_spans
from marsad.nlp.extensions import text_of
from marsad.resolve import dates
from marsad.resolve.timex import AFTER, BEFORE, DURATION, FUTURE, NUM_RE, PAST, PRESENT, Context, Timex

ENTITY_LABELS = frozenset({"DATE", "TIME"})
NUMERIC_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
# An event anchor is at most this many tokens: "the liberation of the city of al-Bukamal".
MAX_ANCHOR_TOKENS = 12

_CS_MONTH = (
    r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|"
    r"JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?"
)
_CS_FULL_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_CS_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_UNIT = (
    r"(?:(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade)s?|century|"
    r"centuries)"
)
_EDGE = r"(?:(?:early|late|mid|earlier|later)[ -]|the (?:beginning|start|end|middle|turn) of (?:the )?)?"
_WHICH = r"(?:this past|this|current|last|past|previous|next|coming|following)"
# Each pattern finds one kind of expression; all run, and overlaps go to the longest.
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?:EST|EDT|GMT|UTC|local time))?"
_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|latest|past|previous|next|current|fiscal)"
_SPAN_WORD = (
    r"(?:past|last|next|first|coming|previous|final|following|initial|ensuing|remaining|entire|whole|full)"
)
# Each pattern finds one kind of expression; all run, and overlaps go to the longest readable one.
PATTERNS = [
    r"\d{4}-\d\d-\d\d",
    rf"(?:{_CS_WEEKDAY},?\s+)?{_EDGE}(?:{_CS_MONTH}\s+{_DAY}(?:\s*,?\s+{_YEAR})?"
    rf"|{_DAY}\s+(?:of\s+)?{_CS_MONTH}(?:\s*,?\s+{_YEAR})?)",
    rf"{_EDGE}(?:(?:last|next|this)\s+)?{_CS_MONTH}(?:\s*,?\s+(?:of\s+)?{_YEAR})",
    rf"{_EDGE}(?:(?:last|next|this)\s+)?{_CS_FULL_MONTH}",
    rf"{_EDGE}(?:(?:fiscal|calendar)\s+)?(?<![\d$£€.,])(?:{_YEAR})(?:\s*(?:-|–|to)\s*(?:{_YEAR}|\d\d)(?!\d))?"
    r"(?![\d,.]\d|\s*(?:%|percent))",
    rf"(?:the\s+)?{_EDGE}(?:(?:1[5-9]|20)\d0['’]?s|['’]\d0s|{_DECADE_WORD})",
    r"(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first)\s+century",
    rf"(?:(?:last|next|this|the)\s+)?(?:early|late|mid)[ -]{_SEASON}(?:\s+(?:of\s+)?{_YEAR})?",
    rf"(?:last|next|this|the)\s+{_SEASON}(?:\s+(?:of\s+)?{_YEAR})?(?!\s+of\s+(?!{_YEAR}))",
    rf"(?:spring|summer|autumn|winter)(?:\s+(?:of\s+)?{_YEAR})",
    rf"(?:the\s+)?{_ORDINAL}[ -](?:fiscal\s+)?(?:quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?{_YEAR})?",
    r"(?:now|currently|current|nowadays|presently|at present|these days|recently|lately|the past"
    r"|the (?:near )?future|recent (?:years|months|weeks|days))",
    r"(?:the\s+day\s+(?:before|after)\s+)?(?:today|tonight|yesterday|tomorrow)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|last\s+night|this\s+(?:morning|afternoon|evening)",
    rf"{_EDGE}(?:the\s+)?{_WHICH}\s+(?:week|weekend|month|year|quarter|decade|century)",
    rf"(?:{NUM_RE}\s+)?{_UNIT}\s+(?:ago|earlier|later|from\s+now)",
    rf"{_EDGE}(?:(?:last|next|this)\s+)?{_CS_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?",
    rf"{_CLOCK}(?:,?\s+(?:on\s+)?(?:{_CS_WEEKDAY}|today|yesterday|tomorrow))?|noon|midnight",
    rf"daily|weekly|monthly|yearly|hourly|(?:every|each)\s+(?:{_CS_WEEKDAY}|(?:{NUM_RE}\s+)?{_UNIT})",
    rf"(?:(?:the\s+)?{_SPAN_WORD}\s+)?{NUM_RE}[\s-]{_UNIT}",
    r"(?:hours|days|weeks|months|years|minutes|moments)(?=\s+(?:after|before|following|prior\s+to)\b)",
]
# Every pattern match holds one of these words; the patterns run within WINDOW_MARGIN characters of
# one (the longest expressions reach about 40 characters from their key word). Measured: the
# patterns then cost a third of what they cost over the whole text.
_TRIGGER = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|second|minute|hour|"
    r"day|night|week|fortnight|month|quarter|half|year|decade|centur|spring|summer|fall|autumn|winter|now|"
    r"current|nowaday|present|recent|lately|past|future|today|tonight|yesterday|tomorrow|morning|afternoon|"
    r"evening|noon|midnight|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|moments|"
    r"nineteenth|twentieth|twenty-first)",
    re.I,
)
WINDOW_MARGIN = 50
# Matches that are something else: "a second front", "the second half of the match" is kept.
# and ages ("a 6-year-old", "52 years old").
_NOT_TIME = re.compile(r"^(?:a|one) second$|(?:year|month|week|day)s?[- ]old\b", re.I)
_YEAR_TOKEN = re.compile(_YEAR)
_FINDER = [re.compile(rf"(?<![\w'’-])(?:{p})(?![\w-])", re.I) for p in PATTERNS]
# Qualifiers kept outside the span, TimeML style, read back as the expression's mod.
_MOD_BEFORE = re.compile(
    r"(?:(?P<approx>about|around|approximately|roughly|some)|(?P<less>less than|nearly|almost|under|"
    r"fewer than|within|no more than|up to)|(?P<more>more than|over|at least)|(?P<before>before|until|"
    r"till|prior to|by)|(?P<after>after|since|from))\s+$",
    re.I,
)
_MODS = {"approx": "APPROX", "less": "LESS_THAN", "more": "MORE_THAN"}
_DATE_MODS = {"before": "BEFORE", "after": "AFTER"}
_SINCE = re.compile(r"(?:since|from)\s+$", re.I)
_ANCHOR_AFTER = re.compile(r"^\s+(?P<rel>after|before|following|prior to|since|into)\s+", re.I)
_OPENING_OF = re.compile(r"^\s+of\s+", re.I)
_OPENING = re.compile(r"^(?:the\s+)?(?P<which>first|opening|early|initial|last|final)\s", re.I)
_LEADING_SIGNAL = re.compile(
    r"(?:(?:since|until|till|by|from|in|on|at|during|for|within|through|before|after|of|about|around|"
    r"approximately|nearly|almost|some|over|under|(?:less|more|fewer) than|at least|up to|as of|only|"
    r"just|another|all|each|every)\s+)+",
    re.I,
)
_TRAILING = re.compile(r"(?:['’]s|\s+(?:ago)?\s*)$", re.I)
_EVENT_ONSET = re.compile(r"^(?:the\s+)?(?:start|beginning|outbreak|launch|onset)\s+of\s+", re.I)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_MODALS = frozenset({"would", "could", "might", "may", "should", "can", "must"})
# Verbs whose time is ahead of them: "planned a demonstration on Saturday".
_PLANNING = frozenset({"plan", "schedule", "expect", "intend", "prepare", "hope", "set", "due"})


@Language.factory("marsad_times", assigns=["doc._.marsad_times"], requires=["doc.ents", "token.dep"])
def make_times(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder()


class TimeFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.marsad_times = find_times(doc, _published(doc))
        return doc


def _published(doc: Doc) -> date | None:
    value = getattr(doc._, "marsad_published", None)
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def find_times(doc: Doc, published: date | None) -> list[TimeExpression]:
    """Every time expression of the document, in text order, normalised against `published`.

    Candidates are read longest first; one that cannot be normalised leaves room for shorter ones.
    """
    found: list[TimeExpression] = []
    text = text_of(doc)
    for start, end in sorted(candidates(doc, text), key=lambda s: (s[0] - s[1], s[0])):
        if any(start < f.end and f.start < end for f in found):
            continue
        expression = _expression(doc, text, start, end, published)
        if expression is not None:
            found.append(expression)
    return sorted(found, key=lambda f: f.start)


def candidates(doc: Doc, text: str) -> set[tuple[int, int]]:
    """Character spans of candidate expressions: pattern matches plus trimmed DATE/TIME entities."""
    sources = source_spans(text)
    excluded = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NUMERIC_LABELS] + sources
    spans: set[tuple[int, int]] = set()
    for window_start, window_end in _windows(text):
        for pattern in _FINDER:
            for match in pattern.finditer(text, window_start, window_end):
                if not any(s <= match.start() and match.end() <= e for s, e in excluded):
                    spans.add(match.span())
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            start, end = _trim(text, ent.start_char, ent.end_char)
            if start < end and not any(s <= start and end <= e for s, e in sources):
                spans.add((start, end))
    return {(start, end) for start, end in spans if not _NOT_TIME.search(text[start:end])}


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around words every time expression holds: the patterns run only there."""
    windows: list[tuple[int, int]] = []
    for hit in _TRIGGER.finditer(text):
        start, end = max(0, hit.start() - WINDOW_MARGIN), min(len(text), hit.end() + WINDOW_MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity without the signal words TimeML leaves outside ("since", "about") or a trailing 's."""
    head = _LEADING_SIGNAL.match(text, start, end)
    if head:
        start = head.end()
    tail = _TRAILING.search(text, start, end)
    if tail and tail.group().strip().lower() != "ago":
        end = tail.start()
    return start, end


def _expression(doc: Doc, text: str, start: int, end: int, published: date | None) -> TimeExpression | None:
    phrase = text[start:end]
    span = doc.char_span(start, end, alignment_mode="expand")
    tense = tense_of(span) if span is not None else None
    timex = dates.normalise(phrase, Context(anchor=published, tense=tense))
    if timex is None:
        return None
    timex = _with_mod(timex, text[max(0, start - 20) : start])
    anchor: Mention | None = None
    if timex.type == DURATION:
        timex, anchor = _event_anchored(doc, text, start, end, timex, published)
    return _contract(start, end, phrase, timex, anchor)


def _with_mod(timex: Timex, before: str) -> Timex:
    match = _MOD_BEFORE.search(before)
    if not match or timex.mod:
        return timex
    kind = match.lastgroup or ""
    if kind in _MODS and timex.type == DURATION:
        return _replace(timex, mod=_MODS[kind])
    if kind in _DATE_MODS and timex.type != DURATION:
        mod = "ON_OR_AFTER" if _SINCE.search(before) else _DATE_MODS[kind]
        return _replace(timex, mod=mod)
    if kind == "approx":
        return _replace(timex, mod="APPROX")
    return timex


def _replace(timex: Timex, *, mod: str) -> Timex:
    return replace(timex, mod=mod)


def _event_anchored(
    doc: Doc, text: str, start: int, end: int, timex: Timex, published: date | None
) -> tuple[Timex, Mention | None]:
    """'20 days after X' and 'the first four years of X': the duration counted from event X."""
    phrase, rest = text[start:end], text[end : end + 200]
    relation_match = _ANCHOR_AFTER.match(rest)
    of_match = _OPENING_OF.match(rest)
    if relation_match:
        relation = BEFORE if relation_match["rel"].lower() in {"before", "prior to"} else AFTER
        phrase_start = end + relation_match.end()
    elif of_match and _OPENING.match(phrase):
        relation, phrase_start = AFTER, end + of_match.end()
    else:
        return timex, None
    anchor_span = _anchor_phrase(doc, len(text), phrase_start)
    if anchor_span is None:
        return timex, None
    anchor_span, anchor_date = _anchor_date(anchor_span, published)
    anchor = Mention(start=anchor_span.start_char, end=anchor_span.end_char, text=anchor_span.text)
    if relation_match is None:  # "the first four years of X"
        if anchor_date is None:
            return dates.anchored(timex, AFTER, None), anchor
        return dates.opening(timex, anchor_date), anchor
    return dates.anchored(timex, relation, anchor_date), anchor


def _anchor_phrase(doc: Doc, length: int, start: int) -> Span | None:
    """The noun phrase an expression counts from: the object after 'after', up to a clause break."""
    span = doc.char_span(start, min(length, start + 1), alignment_mode="expand")
    if span is None:
        return None
    first = span[0]
    root: Token = first
    while root.head.i != root.i and root.head.i >= first.i and root.dep_ not in {"pobj", "dobj", "nsubj"}:
        if root.head.pos_ in {"VERB", "AUX"} or root.head.i - first.i > MAX_ANCHOR_TOKENS:
            break
        root = root.head
    last = max([first.i, *(t.i for t in root.subtree)])
    last = min(last, first.i + MAX_ANCHOR_TOKENS - 1)
    for token in doc[first.i + 1 : last + 1]:  # an apposition or a new clause ends the anchor
        in_date = (
            token.text == "," and token.i + 1 < len(doc) and _YEAR_TOKEN.fullmatch(doc[token.i + 1].text)
        )
        if (token.is_punct and token.text not in {"-", "'", "’"} and not in_date) or token.is_space:
            last = token.i - 1
            break
    return doc[first.i : last + 1] if last >= first.i else None


def _anchor_date(anchor: Span, published: date | None) -> tuple[Span, date | None]:
    """The anchor's day when the text gives it ('two days after March 3') or it is a known event's
    start ('the Syrian Revolution', cut from what the parse attached to it); else None."""
    timex = dates.normalise(anchor.text, Context(anchor=published))
    if timex is not None and timex.type == "DATE":
        found = timex.bounds()
        if found and found[0] and found[0] == found[1]:
            return anchor, found[0]
    for end in range(len(anchor), 0, -1):
        name = _EVENT_ONSET.sub("", anchor[:end].text)
        start = dates.event_start(name)
        if start is not None:
            return anchor[:end], start
    return anchor, None


def tense_of(span: Span) -> str | None:
    """PAST, PRESENT or FUTURE from the verb that governs the expression; None when there is none."""
    token: Token = span.root
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.head.i == token.i:
            return None
        token = token.head
    else:
        return None
    auxiliaries = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUX or words & _MODALS or "going" in words or token.lemma_ in _PLANNING:
        return FUTURE
    if token.tag_ == "VB":  # "to leave on Thursday", "could meet Monday": not yet
        return FUTURE
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries) or words & {"has", "have", "had"}:
        return PAST
    if token.tag_ in {"VBZ", "VBP", "VBG"} or words & {"is", "are", "am"}:
        return PRESENT
    if token.tag_ == "MD" and token.lower_ in _FUTURE_AUX:
        return FUTURE
    return None


def _contract(start: int, end: int, text: str, timex: Timex, anchor: Mention | None) -> TimeExpression:
    found = timex.bounds()
    first, last = found if found else (None, None)
    return TimeExpression(
        start=start,
        end=end,
        text=text,
        type=timex.type,  # type: ignore[arg-type]
        value=timex.value,
        precision=timex.precision,
        mod=timex.mod,
        earliest=first.isoformat() if first else None,
        latest=last.isoformat() if last else None,
        relative_to=timex.relative_to,  # type: ignore[arg-type]
        offset=timex.offset,
        relation=timex.relation,  # type: ignore[arg-type]
        anchor=anchor,
    )
