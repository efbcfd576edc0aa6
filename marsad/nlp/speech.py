"""Reported-speech patterns: where a cue stands in the parse, who its subject is, what was said.

A cue (lexicon in marsad/resources/claims/cues.toml) is
- a verb of saying with a clause complement ("the ministry confirmed that it had begun ..."), set
  off by commas inside what was said ("The talks, he said, have failed"), with an object or an
  infinitive the lexicon allows ("called for a ceasefire", "cited several attacks", "called the
  reports a fabrication", "vowed to stay"), or followed by a colon, whose content may be the next
  paragraph ("The New York Times reports:");
- a verb of wanting or backing with what is wanted or backed ("Clinton wants to triple ...", "the
  paper endorsed Clinton"), unless supposed ("if we want to know ...");
- a quote-only verb ("continued"), which takes only the quotation it introduces;
- a noun of saying with its source and a "that" clause ("Trump's claim that ...");
- "according to X".
Quotations are hung on these cues afterwards (marsad.nlp.quoting).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from marsad.nlp.claim_text import ClaimText

# Reported speech shorter than this is a fragment ("he said so").
MIN_REPORTED_WORDS = 3
# How far (in ancestors) a cue without a subject looks up for one: "..., referring to X" → "said".
SUBJECT_HOPS = 3
# Subjects that name no speaker: "this explains that ...", "what he said", "you" (the reader).
NON_SPEAKERS = frozenset({"this", "that", "these", "those", "which", "what", "there", "who", "all", "you"})
_CONTENT_DEPS = frozenset({"ccomp"})
SUBJECT_DEPS = frozenset({"nsubj"})
# Verbs of saying whose object is never a listener: "said the Observatory" names the source.
INVERTED_CUES = frozenset({"say", "add", "report", "state", "announce", "claim", "confirm", "write"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
# Refusals and the infinitives that make them say nothing: "declined to comment", "refused to be
# named" (not "refused to disclose his records", which PolNeAR's annotators attribute).
_REFUSALS = frozenset({"decline", "refuse"})
_NO_COMMENT = frozenset({"comment", "elaborate", "speak", "name", "identify"})
# Dependencies a cue without a subject climbs to find one: "..., referring to X" → "said". Who
# wants or backs something is named in the cue's own clause (or a relative clause's noun).
_SPEECH_PATHS = frozenset({"conj", "advcl", "xcomp", "acl", "relcl", "ccomp"})
_ATTITUDE_PATHS = frozenset({"acl", "relcl"})
# Punctuation inside a source's name: "Washington Post/ABC News", "AT&T", "Al-Monitor".
_NAME_PUNCT = frozenset({"-", "/", "&"})
# How a noun's "that" clause hangs in the parse, and what makes that clause complete.
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl", "appos"})
_COMPLETE_DEPS = frozenset({"dobj", "attr", "acomp", "ccomp", "xcomp", "prep", "oprd", "dative", "agent"})
Content = tuple[tuple[int, int], list[Token]]  # what was said and the head tokens of its clause


@dataclass(slots=True)
class Cue:
    token: Token  # the cue verb, or "according" of "according to"
    text: str
    span: tuple[int, int]
    subject: Token | None
    content: tuple[int, int] | None
    heads: list[Token] = field(default_factory=list)  # the content clause's head tokens
    used: bool = False
    near: bool = True  # may take a quotation standing near it, not only one it governs or introduces
    source_end: int | None = None  # where the subject's phrase ends, when its parse runs on too far


def find_cues(view: ClaimText) -> list[Cue]:
    """Every cue of the document, in text order, with its subject and content where the parse has them."""
    doc = view.doc
    found: list[Cue] = []
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in token.children if c.dep_ == "pobj"
            ]
            found.append(_according(view, token, to, objects[0] if objects else None))
        elif token.pos_ == "VERB":
            cue = _verb_cue(view, token)
            if cue is not None:
                found.append(cue)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in view.lexicon.noun_stance:
            cue = _noun_cue(view, token)
            if cue is not None:
                found.append(cue)
    return found


def _noun_cue(view: ClaimText, token: Token) -> Cue | None:
    """A noun of saying with its source and a "that" clause: "Trump's claim that there have been
    ...", "a New York Times report that ...", "the ministry issued a statement that ..."."""
    clause = next((c for c in token.children if c.dep_ in _NOUN_CLAUSE_DEPS and _content_clause(c)), None)
    if clause is None:
        return None
    source = next((c for c in token.children if c.dep_ == "poss"), None)
    if source is None:
        source = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if source is None and token.dep_ == "dobj" and token.head.lemma_.lower() not in view.lexicon.takes_object:
        # "issued a statement that": the issuer; not "denied reports that", whose reports are others'
        source = _subject(token.head)
    if source is None:
        return None
    end = clause.right_edge.idx + len(clause.right_edge.text)
    return Cue(
        token=token,
        text=token.text,
        span=(token.idx, token.idx + len(token.text)),
        subject=source,
        content=view.trim(clause.left_edge.idx, end),
        heads=[clause],
        near=False,
    )


def _content_clause(clause: Token) -> bool:
    """A complete clause introduced by "that" ("that the strike killed civilians"), not a relative
    clause whose verb misses the object the noun stands for ("the claim that he made")."""
    children = {c.dep_ for c in clause.children}
    return (
        any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        and bool(children & {"nsubj", "nsubjpass", "expl"})
        and bool(children & _COMPLETE_DEPS)
    )


def _verb_cue(view: ClaimText, token: Token) -> Cue | None:
    """A verb of the lexicon as a cue: a verb of saying always; a verb of wanting or backing only with
    what is wanted ("wants to triple ..."); a quote-only verb ("continued") only for what follows it."""
    lexicon = view.lexicon
    lemma = token.lemma_.lower()
    near = lemma in lexicon.stance
    if near and any(_quoted_as(c) is not None for p in token.children for c in p.children):
        return None  # "quoted the minister as saying": the saying is the cue, the minister its source
    if lemma == "refer" and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return None  # "the Islamic State, also referred to as IS": a name, not speech
    if near:
        content = _content(view, token, lemma) or _colon_content(view, token)
    elif lemma in lexicon.attitudes:
        content = _content(view, token, lemma)
        if content is None or any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children):
            return None  # nothing wanted, or only supposed: "if we want to know ..."
    elif lemma in lexicon.quote_only:
        if any(c.dep_ in ("dobj", "xcomp") for c in token.children):
            return None  # "will continue its work", "began to withdraw": no speech
        content = _colon_content(view, token)
    else:
        return None
    span, heads = content if content else (None, [])
    subject = _quoted_as(token) or (_subject(token) if near else _attitude_subject(view, token))
    if near and span is not None and (source := _inverted_source(token, subject)) is not None:
        span, subject = (span[0], token.idx), source
    return Cue(
        token=token,
        text=token.text,
        span=(token.idx, token.idx + len(token.text)),
        subject=subject,
        content=view.trim(*span) if span else None,
        heads=heads,
        near=near,
    )


def _quoted_as(token: Token) -> Token | None:
    """Who is quoted "as saying": the object of the verb that quotes ("the agency quoted the
    minister as saying ..."), or its passive subject ("the minister was quoted as saying ...")."""
    preposition = token.head
    if token.dep_ != "pcomp" or preposition.lower_ != "as" or preposition.dep_ != "prep":
        return None
    quoting = preposition.head
    if quoting.pos_ != "VERB":
        return None
    return next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _inverted_source(token: Token, subject: Token | None) -> Token | None:
    """ "... also wounded 60 people said the Observatory": scraped text lost the comma before an
    inverted "said X", and the parser made the last words of what was said the subject and the
    source an object. Read so only for a proper name after a verb that takes no listener as object
    ("officials told Reuters" stays as it is), right after a common noun ending the clause it says."""
    if token.lemma_.lower() not in INVERTED_CUES or subject is None or subject.pos_ != "NOUN":
        return None
    if subject.right_edge.i != token.i - 1:
        return None
    said = [c for c in token.children if c.dep_ == "ccomp" and c.i < subject.i]
    sources = [c for c in token.children if c.dep_ == "dobj" and c.i > token.i and c.pos_ == "PROPN"]
    return sources[0] if said and sources else None


def _attitude_subject(view: ClaimText, token: Token) -> Token | None:
    """Who wants or backs: the cue's own subject, the noun its relative clause qualifies, or the
    subject of the cue it is coordinated with ("He proposes X and plans to Y")."""
    subject = _subject(token, _ATTITUDE_PATHS)
    head = token.head
    if subject is None and token.dep_ == "conj":
        lemma = head.lemma_.lower()
        if lemma in view.lexicon.stance or lemma in view.lexicon.attitudes:
            subject = _subject(head)
    return subject


def _content(view: ClaimText, token: Token, lemma: str) -> Content | None:
    """What a cue verb's dependents say was said: a clause, an infinitive, an object, a
    preposition's object, or the clause around a cue set off by commas."""
    lexicon = view.lexicon
    complements = [c for c in token.children if c.dep_ in _CONTENT_DEPS]
    needs_that = lemma in lexicon.needs_complement or lemma in lexicon.attitudes
    if not complements and lemma in lexicon.takes_infinitive:
        complements = [c for c in token.children if c.dep_ == "xcomp" and _infinitive(c)]
        needs_that = False
        if lemma in _REFUSALS and any(c.lemma_.lower() in _NO_COMMENT for c in complements):
            return None
    if not complements and lemma in lexicon.takes_object:
        complements = [c for c in token.children if c.dep_ == "dobj"]
        needs_that = False
    naming = [c for c in token.children if c.dep_ == "oprd"]
    if not complements and naming:  # "called the charges fabricated": object and what it was called
        complements = [c for c in token.children if c.dep_ == "dobj" and c.i < naming[0].i]
        needs_that = False
    if complements:
        comp = complements[0]
        has_that = any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in comp.children)
        if needs_that and not has_that:
            return None
        start = comp.left_edge.idx
        if (lost := _lost_subject(token, comp)) is not None:
            start = lost.left_edge.idx  # "denied the air force was active": parsed as an object
        if comp.dep_ == "xcomp":  # "urged supporters to vote": who is to act belongs to it
            start = min([start] + [c.left_edge.idx for c in token.children if c.dep_ == "dobj"])
        last = naming[0].right_edge if naming and comp.dep_ == "dobj" else comp.right_edge
        end = last.idx + len(last.text)
        if comp.idx < token.idx < end and view.words(start, token.left_edge.idx) >= MIN_REPORTED_WORDS:
            end = token.left_edge.idx  # a cue inside its complement: "X, he said, Y" → X
        return (start, end), [comp]
    objects = _prep_objects(view, token, lemma)
    if objects:  # "called for a ceasefire": the preposition's object is what was asked
        start = objects[0].left_edge.idx
        end = objects[-1].right_edge.idx + len(objects[-1].right_edge.text)
        return (start, end), objects
    if _parenthetical(token):  # "The talks, he said, have failed": the clause around the cue
        head = token.head
        start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        if view.words(start, token.left_edge.idx) >= MIN_REPORTED_WORDS:
            end = token.left_edge.idx
        return (start, end), [head]
    return None


def _lost_subject(cue: Token, clause: Token) -> Token | None:
    """The cue's object right before its clause when the clause has no subject: the parser read
    "denied the air force was active" as denying the air force."""
    if clause.dep_ != "ccomp" or any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None
    return next(
        (c for c in cue.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i), None
    )


def _colon_content(view: ClaimText, token: Token) -> Content | None:
    """What follows a cue's colon: the rest of its sentence ("said: the talks failed"), or the next
    line when the colon ends the sentence ("Caddell continued:" and a paragraph)."""
    doc = view.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ":":
        return None
    colon = doc[token.i + 1]
    start, end = colon.idx + 1, token.sent.end_char
    if view.words(start, end) == 0:
        following = view.sent_index(token.idx) + 1
        if following >= len(view.sents):
            return None
        start = view.sent_starts[following]
        line_end = view.text.find("\n", start)
        end = len(view.text) if line_end < 0 else line_end
    return (start, end), view.heads(start, end)


def _infinitive(clause: Token) -> bool:
    """A "to" infinitive clause: "wants to triple the program"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _prep_objects(view: ClaimText, token: Token, lemma: str) -> list[Token]:
    """Objects of a cue's preposition from the lexicon ("call for", "warn against")."""
    preps = view.lexicon.prep_cues.get(lemma)
    if not preps:
        return []
    return [
        obj
        for child in token.children
        if child.dep_ in ("prep", "prt") and child.lower_ in preps
        for obj in child.children
        if obj.dep_ in ("pobj", "pcomp")
    ]


def _parenthetical(token: Token) -> bool:
    """A cue set off by commas inside what was said: "The talks, he said, have failed"."""
    head = token.head
    return (
        token.dep_ == "parataxis"
        and head.i != token.i
        and head.pos_ in ("VERB", "AUX")
        and any(c.dep_ in SUBJECT_DEPS for c in token.children)
    )


def _according(view: ClaimText, according: Token, to: Token, source: Token | None) -> Cue:
    """ "According to X, ...": X is the source up to the first punctuation after it (the parse may
    run X on into what was said, or read "according to show insiders" without an object)."""
    sentence = according.sent
    phrase = list(view.doc[to.i + 1 : sentence.end])
    cut = next((k for k, t in enumerate(phrase) if t.is_punct and t.text not in _NAME_PUNCT), len(phrase))
    phrase = phrase[:cut]
    if source is None or source not in phrase:
        source = phrase[-1] if phrase else None
    content: tuple[int, int] | None = None
    source_end = None
    if source is not None:
        source_end = phrase[-1].idx + len(phrase[-1].text)
        before = (sentence.start_char, according.idx)
        after = (source_end, sentence.end_char)
        content = after if view.words(*after) >= view.words(*before) else before
        content = view.trim(*content)
    return Cue(
        token=according,
        text="according to",
        span=(according.idx, to.idx + len(to.text)),
        subject=source,
        content=content,
        heads=[sentence.root],
        source_end=source_end,
    )


def _subject(token: Token, through: frozenset[str] = _SPEECH_PATHS) -> Token | None:
    """The cue's subject, else the subject of the clause it belongs to, up the dependencies in
    `through`; a relative clause's subject is the noun it qualifies ("the SDF, which said ...")."""
    current = token
    for _ in range(SUBJECT_HOPS):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1:  # '“Full panic mode,” said Leslie Wimes': the one after the cue
            subjects.sort(key=lambda s: s.i < current.i)
        if subjects and current.dep_ == "relcl" and subjects[0].lower_ in NON_SPEAKERS:
            return current.head  # "the SDF, which said ..." → the SDF
        if subjects:
            return subjects[0]
        if current.dep_ not in through or current.head.i == current.i:
            return None
        if current.dep_ in ("relcl", "acl"):  # "the minister, who said ...", "a statement saying ..."
            return current.head if current.head.pos_ in ("NOUN", "PROPN", "PRON") else None
        current = current.head
    return None
