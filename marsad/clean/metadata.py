"""Document metadata read from the text itself: bylines, titles, and dates in bylines and URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import dateparser

from marsad.resolve.outlets import default_registry

# Only the first paragraphs of a report hold its byline and title.
BYLINE_SEARCH_PARAGRAPHS = 3
BYLINE_MAX_WORDS = 14
TITLE_MAX_WORDS = 20

# "Outlet Editor | 17 March, 2016", "By Jane Doe - March 17, 2016", "Staff Reporter · 2016-03-17"
_BYLINE = re.compile(
    r"^(?:by\s+)?(?P<name>[^|•·–—]{2,80}?)\s*(?:[|•·–—]|\s-\s)\s*(?P<date>[^|•·–—]{4,40})$", re.I
)
_BY_NAME = re.compile(r"^(?i:by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})$")
# Words naming a newsroom role rather than a person: "Al-Masdar Editor" is the outlet's desk.
_DESK_ROLE = re.compile(
    r"(?:^|\s+)(?:(?:news|staff|editorial|chief|senior)\s+)*(?:editor|staff|desk|newsroom|team|correspondent|reporter|writer)s?$",
    re.I,
)
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)"
)
# A link as cited in running text: it runs to the first space, quote or bracket (trailing sentence
# punctuation is the reader's to strip). Citations read links with it too.
LINK = re.compile(r"(?:https?://|www\.)[^\s\"'“”«»<>()\[\]]+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!;,:]$")
# A wire dateline: "DAMASCUS, Dec 11, 2017 (Reuters) -", "BEIRUT, 11 December 2017 (AFP) —".
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?,\s+(?P<date>[^()\n]{6,40}?)\s*"
    r"(?:\((?P<credit>[^)\n]{2,30})\)\s*)?[-–—]"
)
# A date line near the top may carry a weekday and a time: "Monday 11 December 2017 10:42 GMT".
# Each suffix ends at a word boundary, so a run of letters is read one way only: no backtracking blow-up.
_CLOCK = re.compile(r"\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*(?:[aApP]\.?[mM]\.?|[A-Z]{2,4})\b)*\s*$")
DATE_LINE_MAX_WORDS = 8
# A dateline is a short prefix of the first paragraph; looking further only costs time.
DATE_LINE_MAX_CHARS = 200
# Only the top of a report holds its date line or dateline.
TEXT_DATE_SEARCH_LINES = 5
# A page flattened to text may open its first paragraph with the date line: "Saturday 27 Aug 2016
# Barrel bombs kill ...", "Date of publication 12 August 2016 Airstrikes ...", "03.10.2017 Russia's
# ...". Only the first paragraphs (the title's and the one after it) are read so: further down, a
# paragraph that opens with a date is about that date, not written on it.
LEADING_DATE_PARAGRAPHS = 2
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_OF_MONTH = re.compile(rf"{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}", re.IGNORECASE)
# A credit longer than this is a remark in brackets, not a wire's name.
MAX_CREDIT_WORDS = 3
_ZONE = r"(?:[ \t]*(?:[ap]\.?m\.?|gmt|utc(?:[+-]\d{1,2})?))"
_CLOCK_TIME = rf"(?:at[ \t]+\d{{3,4}}|\d{{1,2}}[:.]\d\d){_ZONE}?|\d{{3,4}}{_ZONE}"
# How a story's first sentence opens: a number, a quantity ("At least"), a determiner or a quote.
# Page furniture run into the text ends where one begins. Case-sensitive: a capital marks the start.
STORY_START = re.compile(
    r"(?:\d|[\"“]|(?:At least|More than|Nearly|Almost|Up to|Dozens|Hundreds|Thousands|The|A|An|"
    r"Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\s)"
)
_LEADING_DATE = re.compile(
    r"(?:(?:date[ \t]+of[ \t]+publication|(?:published|(?:last[ \t]+)?updated)(?:[ \t]+(?:on|at))?|"
    r"posted(?:[ \t]+on)?)[ \t]*:?[ \t]*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?"
    rf"(?:(?P<named>\d{{1,2}}[ \t]+{_MONTH},?[ \t]+\d{{4}}|{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}})"
    # a page that lost the space between a zero-padded day and the year: "Jul 012016" is 1 July 2016
    rf"|(?P<glued_month>{_MONTH})[ \t]+(?P<glued_day>[0-3]\d)(?P<glued_year>(?:19|20)\d\d)(?!\d)"
    # numbers joined by dots or dashes, day first as the outlets that write them do: 03.10.2017
    r"|(?P<d>\d{1,2})(?P<sep>[.-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d))"
    rf"(?:[ \t]+(?:{_CLOCK_TIME}))?"
    # then the story, after a separator or an opening bracket, and not what is left of a clock time
    rf"(?:[ \t,|:-]+|(?=\())(?=\S)(?!(?:gmt|utc|[ap]\.?m\.?)(?:\W|$)|(?:{_CLOCK_TIME})(?:\W|$))"
    # a dateline's city in capitals, when the story plainly starts after it ("BEIRUT At least 70 ..."),
    # goes with the date as a wire dateline's does; an acronym ("SANA said", "NATO Secretary") stays
    rf"(?:(?-i:[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*)(?:[ \t]*[,:–—-])?[ \t]+"
    rf"(?=(?-i:{STORY_START.pattern})))?",
    re.IGNORECASE,
)
_DATE_SETTINGS = {
    "STRICT_PARSING": True,  # a byline date must name day, month and year; never guess the day
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass(frozen=True, slots=True)
class Byline:
    author: str | None
    outlet: str | None
    published: str | None


def parse_date(text: str) -> str | None:
    """A full calendar date in `text` as YYYY-MM-DD, or None when day, month or year is missing."""
    iso = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ].*)?\s*", text)
    if iso:
        try:
            return date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    parsed = dateparser.parse(text, languages=["en"], settings=_DATE_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def date_from_url(url: str | None) -> str | None:
    """Publication date from a URL path such as /news/2017-12-12/... or /2017/12/12/..."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None


def latest_cited_date(text: str) -> str | None:
    """The latest date in the paths of the links a text cites ("abc.net.au/news/2017-12-12/...").

    A report that cites a dated article was written on or after that date: when the report's own
    date is unknown this is the best anchor for its relative dates ("yesterday"). Only dates inside
    links count; a date in running text may be about the past or the future.
    """
    found = (date_from_url(link) for link in LINK.findall(text))
    return max((d for d in found if d is not None), default=None)


def date_from_text(text: str) -> str | None:
    """Publication date from the top of the text: a dateline or a line that is only a full date.

    A dateline without a year ("DAMASCUS, Dec 11 (Reuters) -") gives no date: the year is not guessed.
    """
    lines = [line.strip() for line in text[:1000].splitlines() if line.strip()]
    for line in lines[:TEXT_DATE_SEARCH_LINES]:
        if len(line) > DATE_LINE_MAX_CHARS:
            continue  # a paragraph, not a date line or a dateline
        dateline = _DATELINE.match(line)
        if dateline:
            found = parse_date(dateline["date"])
            if found:
                return found
        bare = _CLOCK.sub("", line).strip(" .,|")
        if len(bare.split()) <= DATE_LINE_MAX_WORDS and re.search(r"\b(?:1[89]|20)\d\d\b", bare):
            found = parse_date(re.sub(r"^(?:published|updated|posted|date)\s*:?\s*", "", bare, flags=re.I))
            if found:
                return found
    return None


@dataclass(frozen=True, slots=True)
class DateLine:
    published: str | None
    outlet: str | None  # a wire dateline's credit: "(Reuters)"
    length: int  # where the story starts: the date line ends here, with the separator after it
    start: int = 0  # where the date line starts: after the title a flattened page ran it into


def date_line(paragraph: str) -> DateLine | None:
    """The wire dateline ("BEIRUT, March 5, 2019 (Reuters) - ") or the full date ("Thu 21 Jul 2016
    Dozens of ...") a paragraph opens with, before its first words, or the wire credit and date that
    a flattened page ran its title into ("Rocket attacks kill 30 in Aleppo AP Saturday 9 Jul 2016 ...").
    A dateline without a year gives no date but is still one when a credit names the wire
    ("DAMASCUS, Dec 11 (Reuters) -"). Numeric dates only with dots or dashes ("30-04-2016"), never
    slashes (month or day first?)."""
    wire = _DATELINE.match(paragraph)
    if wire is not None:
        published = parse_date(wire["date"])
        credit = wire["credit"]
        if published or (credit and _DAY_OF_MONTH.search(wire["date"])):
            end = len(paragraph) - len(paragraph[wire.end() :].lstrip())  # with the space after it
            outlet = credit.strip() if credit and len(credit.split()) <= MAX_CREDIT_WORDS else None
            return DateLine(published=published, outlet=outlet, length=end)
    found = _leading_date(paragraph, 0)
    return DateLine(published=found[0], outlet=None, length=found[1]) if found else _credited(paragraph)


def _leading_date(paragraph: str, at: int) -> tuple[str, int] | None:
    """The full date opening `paragraph` at `at`, and where the story after it starts."""
    match = _LEADING_DATE.match(paragraph, at)
    if match is None:
        return None
    if match["named"] or match["iso"]:
        found = parse_date(match["named"] or match["iso"])
    elif match["glued_day"]:
        found = parse_date(f"{match['glued_day']} {match['glued_month']} {match['glued_year']}")
    else:
        try:
            found = date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
        except ValueError:
            found = None
    return (found, match.end()) if found else None


def _credited(paragraph: str) -> DateLine | None:
    """A title, then an outlet the registry knows and a full date: "... in Syrias Aleppo AP Saturday
    9 Jul 2016 Syrian ...". Only between a title-like start and a capital, so that a sentence naming
    a wire ("Assad told AFP Monday 18 Aug 2014 that ...") stays."""
    for credit in default_registry().pattern.finditer(paragraph, 0, DATE_LINE_MAX_CHARS):
        title = paragraph[: credit.start()].rstrip()
        if title and not looks_like_title(title):
            return None
        spaced = len(paragraph) - len(paragraph[credit.end() :].lstrip(" \t"))
        found = _leading_date(paragraph, spaced) if spaced > credit.end() else None
        if found is not None and not paragraph[found[1]].islower():
            return DateLine(published=found[0], outlet=credit.group(), length=found[1], start=len(title))
    return None


def parse_byline(text: str) -> Byline | None:
    """Read a byline paragraph; None when the paragraph is not one."""
    text = text.strip()
    if len(text.split()) > BYLINE_MAX_WORDS:
        return None
    match = _BYLINE.match(text)
    if match:
        published = parse_date(match["date"])
        if published is None:
            return None
        name = match["name"].strip()
        desk = _DESK_ROLE.search(name)
        if desk:
            return Byline(author=None, outlet=name[: desk.start()].strip() or None, published=published)
        return Byline(author=name, outlet=None, published=published)
    by_name = _BY_NAME.match(text)
    if by_name:
        return Byline(author=by_name["name"], outlet=None, published=None)
    return None


def looks_like_title(text: str) -> bool:
    """A short line that does not end like a sentence: how report titles and headings look."""
    words = text.split()
    return 0 < len(words) <= TITLE_MAX_WORDS and not _SENTENCE_END.search(text.strip())
