"""Page furniture that a page flattened to text ran into its paragraphs: tag runs, agency credits
and page footers.

Block rules (boilerplate.py) remove whole short paragraphs; a flattened page leaves its furniture
inside long ones ("... militants. Tags Russia Syria SOHR At least 53 civilians ...", "... attack.
Reporting by Jane Doe; Editing by John Roe Our Standards: ..."). Left in, tag names and reporters
become actors. Only the furniture span goes, and only when its end is plain: a tag run must stop
where the story starts, a credit line must close the paragraph. The cue words live in
resources/boilerplate.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.clean.boilerplate import resource
from marsad.clean.metadata import STORY_START

TAGS = "tags"
CREDITS = "credits"
FOOTER = "footer"
# A furniture span opens a paragraph or follows the end of a sentence.
_AFTER_SENTENCE = re.compile(r"(?:^|[.!?\"”’)\]])\s*$")
_WORD = re.compile(r"\S+")
# A tag name: capitalised, in capitals, or with an Arabic article ("al-Nusra", "az-Zour").
_NAME_LIKE = re.compile(r"^[\"“(]?(?:[a-z]{1,3}-)?[A-Z]")
# Inside a tag run only commas and bars separate; the last tag may end its sentence.
_NOT_IN_RUN = re.compile(r"[.!?;:\"“”()]")
_PARTICLE = r"(?:al|el|bin|ibn|abu|de|da|di|du|van|von|der|le|la)"
_NAME_WORD = r"[A-Z][\w'’.-]*"
_NAME_LIST_SEPARATOR = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*&\s*)")
_IN_PLACE = re.compile(r"\s+in\s+.*$", re.DOTALL)
_ROLE_SEPARATOR = re.compile(r"\s*[;,]\s*|\s+")


@dataclass(frozen=True, slots=True)
class Furniture:
    start: int  # offsets in the paragraph's text
    end: int
    reason: str
    authors: tuple[str, ...] = ()  # reporters and writers a credit line names


@dataclass(frozen=True, slots=True)
class _Cues:
    tag_label: re.Pattern[str]
    max_tag_words: int
    sentence_words: frozenset[str]
    credit_start: re.Pattern[str]
    role: re.Pattern[str]
    author_roles: frozenset[str]
    trailer: re.Pattern[str]
    footer: re.Pattern[str]
    footer_chars: int
    footer_min: int


@cache
def _cues() -> _Cues:
    tags, credits, footer = resource()["tags"], resource()["credits"], resource()["footer"]
    roles = sorted([*credits["author_roles"], *credits["other_roles"]], key=len, reverse=True)
    role = r"(?i:" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles) + r")"
    trailer = r"(?:" + "|".join(credits["trailers"]) + r")"
    labels = "|".join(re.escape(label) for label in tags["labels"])
    # Names stop before the next role or a trailer, which are capitalised too.
    word = rf"(?!{role}\s+by\b|{trailer}){_NAME_WORD}"
    name = rf"{word}(?:\s+(?:{_PARTICLE}[ -])?{word})*"
    person = rf"{name}(?:\s+in\s+{name})?"  # "Jane Doe in Beirut"
    return _Cues(
        tag_label=re.compile(rf"(?<![\w-])(?:{labels})(?:(?P<colon>\s*:)\s*|\s+)"),
        max_tag_words=int(tags["max_words"]),
        sentence_words=frozenset(tags["sentence_words"]),
        credit_start=re.compile(rf"(?<![\w-])\(?{role}\s+by\s|{trailer}"),
        role=re.compile(
            rf"(?P<role>{role})\s+by\s+(?P<names>{person}(?:{_NAME_LIST_SEPARATOR.pattern}{person})*)"
            r"(?P<newsroom>\s+newsroom)?"
        ),
        author_roles=frozenset(r.casefold() for r in credits["author_roles"]),
        trailer=re.compile(rf"\s*{trailer}"),
        footer=re.compile(
            rf"(?P<heading>{'|'.join(map(re.escape, footer['headings']))})"
            rf"|(?<!\w)(?:{'|'.join(map(re.escape, footer['cues']))})"
        ),
        footer_chars=int(footer["max_chars"]),
        footer_min=int(footer["min_cues"]),
    )


def find(paragraph: str) -> list[Furniture]:
    """The tag runs and the closing credit line or page footer in one paragraph, in text order."""
    found = [tag for label in _cues().tag_label.finditer(paragraph) if (tag := _tag_run(paragraph, label))]
    closing = _credits(paragraph) or _footer(paragraph)
    if closing is not None:
        found = [tag for tag in found if tag.end <= closing.start]
        found.append(closing)
    return found


def _footer(paragraph: str) -> Furniture | None:
    """Links, promotions and notices closing the paragraph ("... ceasefire. Read Also", "... Follow
    us on Instagram ... Privacy Policy"): from the first heading, or the first cue after a
    sentence's end, when enough cues lie near the end; the sentences before it stay."""
    cues = _cues()
    window = max(0, len(paragraph) - cues.footer_chars)
    hits = list(cues.footer.finditer(paragraph, window))
    for i, hit in enumerate(hits):
        if not hit["heading"] and not _AFTER_SENTENCE.search(paragraph[: hit.start()]):
            continue
        ends_paragraph = not paragraph[hit.end() :].strip(" .")
        if len(hits) - i >= cues.footer_min or ends_paragraph:
            return Furniture(len(paragraph[: hit.start()].rstrip()), len(paragraph), FOOTER)
    return None


def _tag_run(paragraph: str, label: re.Match[str]) -> Furniture | None:
    """The label and its run of tag names, up to where the story starts or the paragraph ends."""
    if not label["colon"] and not _AFTER_SENTENCE.search(paragraph[: label.start()]):
        return None  # "... a group said Tags ...": perhaps, but perhaps a sentence
    words: list[str] = []
    end = len(paragraph)
    for word in _WORD.finditer(paragraph, label.end()):
        if STORY_START.match(paragraph, word.start()):
            end = word.start()
            break
        words.append(word.group())
        if len(words) > _cues().max_tag_words:
            return None
    if not words or any(_NOT_IN_RUN.search(w) for w in words[:-1]):
        return None
    if _NOT_IN_RUN.search(words[-1].removesuffix(".")):
        return None
    names = sum(bool(_NAME_LIKE.match(w)) for w in words)
    # Lower-case tags ("humanitarian aid airstrikes") may be most of a run the story's start closes.
    if (2 * names < len(words) and (names == 0 or end == len(paragraph))) or any(
        w.casefold() in _cues().sentence_words for w in words if w.islower()
    ):
        return None  # a sentence: one that opens with "Tags", or a story that starts unmarked
    start = label.start()
    if end == len(paragraph):
        start = len(paragraph[:start].rstrip())  # a closing run takes the space before it
    return Furniture(start, end, TAGS)


def _credits(paragraph: str) -> Furniture | None:
    """The credit line and trailers that close the paragraph ("... attack. (Reporting by Jane Doe;
    Editing by John Roe)"). A role named inside a sentence ("with editing by the censors") is text."""
    cues = _cues()
    for cue in cues.credit_start.finditer(paragraph):
        if not _AFTER_SENTENCE.search(paragraph[: cue.start()]):
            continue
        opening = position = cue.start() + paragraph.startswith("(", cue.start())
        authors: list[str] = []
        while role := cues.role.match(paragraph, position):
            if re.sub(r"\s+", " ", role["role"]).casefold() in cues.author_roles:
                authors += _names(role["names"], newsroom=bool(role["newsroom"]))
            position = role.end()
            separator = _ROLE_SEPARATOR.match(paragraph, position)
            if separator is None or not cues.role.match(paragraph, separator.end()):
                break
            position = separator.end()
        for mark in ").":
            position += paragraph.startswith(mark, position)
        while trailer := cues.trailer.match(paragraph, position):
            position = trailer.end()
        if position > opening and not paragraph[position:].strip():
            start = len(paragraph[: cue.start()].rstrip())
            return Furniture(start, len(paragraph), CREDITS, tuple(authors))
    return None


def _names(names: str, *, newsroom: bool) -> list[str]:
    """People named in one role; "Jane Doe Amman newsroom" names Jane Doe of the Amman newsroom."""
    people = [" ".join(_IN_PLACE.sub("", n).split()) for n in _NAME_LIST_SEPARATOR.split(names)]
    if newsroom and len(people[-1].split()) > 2:
        people[-1] = people[-1].rsplit(" ", 1)[0]
    return people
