"""Cause and motive statements inside one sentence: a marker, its cause span and its effect span.

Whether a sentence states a cause is the trained classifier's call (marsad.nlp.causal_model): marker
phrases alone miss a third of causal sentences and fire on many that are not. The markers and which
side of them holds the cause are data (marsad/resources/claims/causal.toml, documented in
docs/claims.md); they give the spans, and where a causal sentence has none, the classifier's best
signal word does. Spans are clauses cut at the marker: the effect of "X because Y" runs from the
start of X's clause to the marker, the cause from the marker to the end of Y's clause. A marker at a
sentence start ("Therefore, ...") takes the previous sentence as its cause.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from spacy.tokens import Span, Token

from marsad.nlp.causal_model import Parse, Signal, load_model, parse, sentence_features
from marsad.nlp.cues import load_cues

GROUPS = ("effect_first", "purpose", "cause_first", "link_back", "sentence_back")
# Verbs that only pass words on ("quoted the minister as saying"): never the link of a cause.
REPORTING_VERBS = frozenset(
    {"say", "tell", "quote", "report", "add", "state", "write", "note", "cite", "tweet"}
)
# What a weak marker ("following", "over", "killing") needed within its sentence to count as causal
# in the marker rules: protest, violence or decision words (picked on the Causal News Corpus training
# split). The rules' verdict is now one of the classifier's features.
WEAK_CONTEXT = frozenset(
    [
        "protest",
        "protests",
        "protesters",
        "protested",
        "protesting",
        "strike",
        "strikes",
        "striking",
        "rally",
        "rallies",
        "demonstration",
        "demonstrations",
        "demonstrators",
        "march",
        "clashes",
        "clashed",
        "arrested",
        "arrest",
        "detained",
        "police",
        "fire",
        "fired",
        "attack",
        "attacked",
        "attacks",
        "killed",
        "dead",
        "died",
        "injured",
        "wounded",
        "violence",
        "riot",
        "riots",
        "tear",
        "gas",
        "bomb",
        "blast",
        "explosion",
        "shot",
        "shooting",
        "boycott",
        "sanctions",
        "withdrawal",
        "intervention",
        "crackdown",
        "charged",
        "accused",
        "anger",
        "angry",
        "outrage",
        "dispute",
    ]
)
# A clause boundary on the far side of the marker: a cause or effect span stops there.
_CLAUSE_END = re.compile(r"\s*(?:\n|;|:|\s[—–]\s|,\s+(?:and|but|while|whereas|which|where|who)\b)")
_CLAUSE_START = re.compile(r"(?:\n|;|:|\s[—–]\s|,\s+(?:but|while|whereas|where)\b)\s*")
# Auxiliaries ending the cause of "<cause> have led to": part of the verb, not of the cause.
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|will|would|could|may|might|is|are|was|were|been|also))+$", re.I
)
_EDGE = " \n\t,.;:\"'“”«»()"
# Entity types of a preposition's object that make it a setting, not a cause: "in Geneva", "on Monday".
TIME_OR_PLACE = frozenset(
    ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL")
)
# Nouns of a preposition's object that make it a setting too: "killed in the country".
SETTING_NOUNS = frozenset(
    {"country", "city", "town", "village", "area", "region", "province", "district", "capital", "street"}
)
# Minimum words on each side for a span to be kept: "so" alone before a noun is no statement.
MIN_SPAN_WORDS = 2


@dataclass(frozen=True, slots=True)
class Marker:
    phrase: str
    group: str
    weak: bool


@dataclass(frozen=True, slots=True)
class Cause:
    """One causal statement: the marker and the cause and effect spans (character offsets)."""

    marker: tuple[int, int]
    cause: tuple[int, int]
    effect: tuple[int, int]
    relation: str  # "cause" or "purpose" (a motive: the effect is done in order to reach the cause)


@dataclass(frozen=True, slots=True)
class Lexicon:
    markers: dict[str, Marker]
    pattern: re.Pattern[str]
    sentence_start: re.Pattern[str]


@cache
def load_lexicon() -> Lexicon:
    data = tomllib.loads(files("marsad").joinpath("resources/claims/causal.toml").read_text("utf-8"))
    weak = set(data.get("weak", []))
    markers: dict[str, Marker] = {}
    for group in GROUPS[:-1]:
        for phrase in data[group]:
            markers.setdefault(phrase, Marker(phrase, group, phrase in weak))
    alternatives = sorted(markers, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in alternatives) + r")(?![\w-])", re.I
    )
    back = sorted(data["sentence_back"], key=len, reverse=True)
    # "So far", "so-called", "So how come ...": the word without its causal sense
    not_before = "|".join(re.escape(w) for w in data.get("sentence_back_not_before", []))
    sentence_start = re.compile(
        r"^\W*(?:" + "|".join(re.escape(p) for p in back) + r")\b(?![\s-]*(?:" + not_before + r")\b)\s*,?\s*",
        re.I,
    )
    return Lexicon(markers=markers, pattern=pattern, sentence_start=sentence_start)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _words(text: str, span: tuple[int, int]) -> int:
    return len(text[span[0] : span[1]].split())


def _before(text: str, sent_start: int, at: int) -> tuple[int, int]:
    clause_start = 0
    for match in _CLAUSE_START.finditer(text, 0, at):
        clause_start = match.end()
    return _strip(text, clause_start, at)


def _after(text: str, at: int) -> tuple[int, int]:
    match = _CLAUSE_END.search(text, at)
    return _strip(text, at, match.start() if match else len(text))


def _weak_ok(sentence: str) -> bool:
    return any(word in WEAK_CONTEXT for word in re.findall(r"[a-z]+", sentence.lower()))


@dataclass(frozen=True, slots=True)
class Reading:
    """What the marker rules find in a sentence, and what the classifier reads from it."""

    text: str  # sentence.text
    matches: list[tuple[re.Match[str], Marker]]
    purpose: list[int]  # Doc indices of the "to" of purpose infinitives
    features: list[str]
    markers: dict[int, str]  # Doc token index → group of the marker it is part of
    tokens: Parse


def read_sentence(sentence: Span, text: str) -> Reading:
    """The marker matches and the classifier's inputs; scripts/train_causal.py trains on these.

    `text` is sentence.text, which the caller has already built. Spans are cut later, and only in
    sentences the classifier calls causal.
    """
    lexicon = load_lexicon()
    tokens = parse(sentence)
    base = sentence.start_char
    starts = [i - base for i in tokens.tokens.idx[sentence.start : sentence.end]]
    matches = []
    markers: dict[int, str] = {}
    for match in lexicon.pattern.finditer(text):
        marker = lexicon.markers[match.group().lower()]
        matches.append((match, marker))
        first = max(bisect_right(starts, match.start()) - 1, 0)
        for i in range(first, bisect_right(starts, match.end() - 1)):
            markers[sentence.start + i] = marker.group + ("w" if marker.weak else "")
    purpose = _purpose_to(tokens)
    # The marker rule's own verdict (weak markers only near an event word) is one of the features.
    weak_ok = any(m.weak for _, m in matches) and _weak_ok(text)
    rule = [_relation(m) for _, m in matches if weak_ok or not m.weak] + ["purpose"] * len(purpose)
    phrases = [(m.phrase, m.group + ("w" if m.weak else "")) for _, m in matches]
    features = sentence_features(tokens, phrases, rule)
    return Reading(text, matches, purpose, features, markers, tokens)


def _relation(marker: Marker) -> str:
    return "purpose" if marker.group == "purpose" else "cause"


def _marker_cause(sentence: Span, text: str, match: re.Match[str], marker: Marker) -> Cause | None:
    base = sentence.start_char
    before = _before(text, 0, match.start())
    after = _after(text, match.end())
    if (object_end := _object_end(sentence, match.start(), match.end())) is not None and object_end < after[
        1
    ]:
        after = _strip(text, after[0], object_end)  # "wounded due to the blast | described the moment"
    if marker.group in ("effect_first", "purpose"):
        cause, effect = after, before
    else:
        tail = _AUX_TAIL.search(text, before[0], before[1])
        cause, effect = (before[0], tail.start() if tail else before[1]), after
    if _words(text, cause) < 1 or _words(text, effect) < 1:
        return None
    return Cause(
        marker=(base + match.start(), base + match.end()),
        cause=(base + cause[0], base + cause[1]),
        effect=(base + effect[0], base + effect[1]),
        relation=_relation(marker),
    )


def _object_end(sentence: Span, start: int, end: int) -> int | None:
    """Where the object of a marker ending in a preposition ends ("due to", "because of"), relative
    to the sentence, when the marker stands in the subject of the verb right after that object: in
    "a witness who was hurt due to the blast described the moment", the cause is "the blast"."""
    marker = sentence.char_span(start, end, alignment_mode="contract")
    if marker is None or not len(marker) or marker[-1].pos_ != "ADP":
        return None
    objects = [c for word in marker if word.pos_ == "ADP" for c in word.children if c.dep_ == "pobj"]
    if not objects:
        return None
    edge = max(objects, key=lambda c: c.i).right_edge
    doc = sentence.doc
    following = doc[edge.i + 1] if edge.i + 1 < sentence.end else None
    if following is None or following.pos_ not in ("VERB", "AUX") or not following.is_ancestor(marker[-1]):
        return None
    return edge.idx + len(edge) - sentence.start_char


def find_causes(sentence: Span, previous: Span | None = None) -> list[Cause]:
    """Causal statements in `sentence`; `previous` is the sentence before, for "Therefore, ...".

    The classifier decides whether the sentence states a cause; the marker rules, else the signal
    model's best word, give the marker and the two spans. "Therefore, ..." links two sentences, which
    the classifier (trained on single sentences) does not judge, so it is kept on the marker alone.
    """
    text = sentence.text
    found = _sentence_back(sentence, text, previous)
    reading = read_sentence(sentence, text)
    model = load_model()
    signal = model.read_signal(reading.tokens, reading.markers)
    if model.logit(reading.features, signal) < model.threshold:
        return found
    base = sentence.start_char
    after = found[0].marker[1] if found else base
    strong: list[Cause] = []
    weak: list[Cause] = []
    for match, marker in reading.matches:
        cause = _marker_cause(sentence, text, match, marker)
        if cause is not None and cause.marker[0] >= after:
            (weak if marker.weak else strong).append(cause)
    strong += _purpose_clauses(reading, base, strong)
    return found + _inside_report(sentence, strong or _signal_cause(sentence, text, signal, weak))


def _inside_report(sentence: Span, causes: list[Cause]) -> list[Cause]:
    """Spans kept inside what a source reports: "Turkish forces said they had killed 20 militants"
    and "..., killing 20 civilians, the Observatory said" state a cause; who reports it is no part
    of it. The report is the clause the sentence's verb of saying governs, when every marker is in it."""
    root = sentence.root
    report = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if report is None or root.lemma_ not in load_cues().stance:
        return causes
    low, high = report.left_edge.idx, report.right_edge.idx + len(report.right_edge)
    if not all(low <= c.marker[0] and c.marker[1] <= high for c in causes):
        return causes
    text, base = sentence.text, sentence.start_char  # Doc.text is rebuilt on every access
    clipped = []
    for c in causes:
        cause, effect = (
            _strip(text, max(s, low) - base, min(e, high) - base) for s, e in (c.cause, c.effect)
        )
        if _words(text, cause) >= 1 and _words(text, effect) >= 1:
            clipped.append(
                Cause(
                    marker=c.marker,
                    cause=(cause[0] + base, cause[1] + base),
                    effect=(effect[0] + base, effect[1] + base),
                    relation=c.relation,
                )
            )
    return clipped


def _sentence_back(sentence: Span, text: str, previous: Span | None) -> list[Cause]:
    opener = load_lexicon().sentence_start.match(text)
    if opener is None or previous is None:
        return []
    effect = _strip(text, opener.end(), len(text))
    if _words(text, effect) < MIN_SPAN_WORDS:
        return []
    base = sentence.start_char
    marker = _strip(text, opener.start(), opener.end())
    return [
        Cause(
            marker=(base + marker[0], base + marker[1]),
            cause=(previous.start_char, previous.end_char),
            effect=(base + effect[0], base + effect[1]),
            relation="cause",
        )
    ]


def _signal_cause(sentence: Span, text: str, signal: Signal, weak: list[Cause]) -> list[Cause]:
    """A causal sentence without a strong marker: cut it at the signal model's best word that can link.

    The word may belong to a weak marker ("after", "killed"), which then gives the cut. Otherwise a
    main verb ("the strike has paralysed the city") has its cause before it and its auxiliaries in
    the marker; "to" heading an adverbial or noun clause ("troops came to secure", "efforts to end")
    a motive after it; a subordinator or a preposition whose object is no time or place ("killed in
    the blast", not "in Geneva" or "for three days") its cause after it. Where no word can link, the
    best word that leaves two sides still records the sentence the classifier found causal.
    """
    ranked = [token for i in signal.ranked if not _frames_report(token := sentence.doc[i])]
    for token in ranked:
        marked = [c for c in weak if c.marker[0] <= token.idx < c.marker[1]]
        linked = _can_link(token)
        if marked and (linked or token.pos_ != "ADP"):
            return marked[:1]
        cut = _cut(sentence, text, token) if linked and not marked else None
        if cut is not None:
            return [cut]
    cuts = (_cut(sentence, text, token) for token in ranked)
    return next(([c] for c in cuts if c is not None), [])


def _frames_report(token: Token) -> bool:
    """ "the agency QUOTED the minister AS saying THAT ...": a word that frames a report links no
    cause to an effect."""
    stance = load_cues().stance
    if token.pos_ == "VERB":
        return token.lemma_ in REPORTING_VERBS
    if token.dep_ == "mark":
        clause = token.head
        return clause.dep_ == "ccomp" and clause.head.lemma_ in stance
    return token.lower_ == "as" and any(c.dep_ == "pcomp" and c.lemma_ in stance for c in token.children)


def _cut(sentence: Span, text: str, token: Token) -> Cause | None:
    base = sentence.start_char
    verb = token.pos_ == "VERB"
    start = token.idx
    if verb:
        start = min([start, *(c.idx for c in token.lefts if c.dep_ in ("aux", "auxpass", "neg"))])
    end = token.idx + len(token)
    before, after = _before(text, 0, start - base), _after(text, end - base)
    if _words(text, before) < 1 or _words(text, after) < 1:
        return None
    # "55 were killed and 55 wounded during a bombing": a passive's cause follows it
    cause, effect = (before, after) if verb and not _passive(token) else (after, before)
    return Cause(
        marker=(start, end),
        cause=(base + cause[0], base + cause[1]),
        effect=(base + effect[0], base + effect[1]),
        relation="purpose" if token.pos_ == "PART" else "cause",
    )


def _passive(verb: Token) -> bool:
    """A passive verb, or a participle sharing one's auxiliary ("were killed and 55 wounded")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and _passive(verb.head)


def _can_link(token: Token) -> bool:
    if token.pos_ == "PART":
        return token.head.dep_ in ("advcl", "acl")  # not "wanted to go", "unlikely to affect"
    if token.pos_ == "VERB":
        return token.dep_ in ("ROOT", "conj")
    if token.pos_ == "ADP":
        objects = [c for c in token.children if c.dep_ in ("pobj", "pcomp")]
        return bool(objects) and all(
            c.ent_type_ not in TIME_OR_PLACE and c.lemma_.lower() not in SETTING_NOUNS for c in objects
        )
    return True


def _purpose_to(sentence: Parse) -> list[int]:
    """Purpose infinitives the parser marks: "troops came to secure the coast" (to + adverbial clause)."""
    tokens = sentence.tokens
    found = []
    for i in range(sentence.start, sentence.end):
        if tokens.lower[i] != "to" or tokens.dep[i] != "aux" or tokens.dep[tokens.head[i]] != "advcl":
            continue
        if i > sentence.start and tokens.lower[i - 1] in ("as", "enough", "able", "going", "want", "wants"):
            continue  # "so far as to", "able to": no purpose
        found.append(i)
    return found


def _purpose_clauses(reading: Reading, base: int, found: list[Cause]) -> list[Cause]:
    taken = {c.marker[0] for c in found}
    text = reading.text
    more = []
    for i in reading.purpose:
        start = reading.tokens.tokens.idx[i]
        if start in taken:
            continue
        at = start - base
        before, after = _before(text, 0, at), _after(text, at + 2)
        if _words(text, before) >= MIN_SPAN_WORDS and _words(text, after) >= 1:
            more.append(
                Cause(
                    marker=(start, start + 2),
                    cause=(base + after[0], base + after[1]),
                    effect=(base + before[0], base + before[1]),
                    relation="purpose",
                )
            )
    return more
