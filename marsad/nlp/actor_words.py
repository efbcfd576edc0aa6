"""The context words actor linking reads: what makes a name a place, a rank, a type of organisation.

Kept apart from the linking (actors.py) and the vetting of new actors (new_actors.py), which both
read them; the role nouns of appositions stay in actors.py, where other components import them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from marsad.model import Mention
from marsad.resolve.actor_kb import HYPHENS

LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Honorifics before a person's name: "Mr Cole" is a person, "Following Mr" no name yet.
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Mme")
# Relatives: "X's mother" names X but is someone else.
KIN_NOUNS = frozenset(
    {
        "mother",
        "father",
        "parent",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "family",
        "relative",
        "widow",
        "cousin",
        "uncle",
        "nephew",
    }
)
LEADING_RURAL = re.compile(r"^rural\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"['’]s?$")
# The norms of a possessive marker: "'s", "’s", "'" and the "s" of a lost apostrophe (possessives.py).
POSSESSIVE_NORMS = frozenset({"'s", "'"})
# Quotes, brackets and dashes that spaCy sometimes leaves on an entity's edge: «“Syrian Democratic Forces».
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]-–—,.:; "
# A word before a name the knowledge base does not know that makes it a place: "fighting in Manbij".
# "to", "from", "at" and the verbs of LOCATIVE are as often said of people and organisations ("a
# letter to Ford", "working at Chelsea").
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "into",
        "near",
        "toward",
        "towards",
        "via",
        "across",
        "through",
        "inside",
        "outside",
        "around",
        "within",
        "throughout",
    }
)
# A word before a state's name or capital that makes it a place, not an actor: "troops in Syria".
LOCATIVE = PLACE_PREPOSITIONS | frozenset(
    {"at", "to", "from", "visit", "visited", "visiting", "visits", "reached", "entered", "arrived"}
)
# Of PLACE_PREPOSITIONS, the ones that make a person's name a town's: "around Douglas" is said of people.
PERSON_PLACE_PREPOSITIONS = frozenset({"in", "near"})
# "residents of Damascus": a capital after these and "of" is the city, not its state's voice.
RESIDENT_NOUNS = frozenset({"residents", "inhabitants", "people", "citizens", "civilians", "population"})
# "the countryside of Damascus", "the towns of Qouriya": after these, "of <name>" is a place.
PLACE_NOUNS = frozenset(
    {
        "countryside",
        "city",
        "cities",
        "town",
        "towns",
        "village",
        "villages",
        "area",
        "areas",
        "vicinity",
        "district",
        "outskirts",
        "province",
        "suburbs",
        "suburb",
        "center",
        "centre",
        "streets",
        "airport",
        "base",
        "bases",
        "port",
        "region",
        "capital",
        "north",
        "south",
        "east",
        "west",
        "southwest",
        "southeast",
        "northwest",
        "northeast",
        "governorate",
        "provinces",
        "governorates",
        "districts",
        "regions",
        "neighbourhoods",
        "neighborhoods",
    }
)
# After a name, these make it a place: "the al-Bukamal crossing", "Raqqa countryside", "Jurin camp".
PLACE_AFTER = frozenset(
    {
        "countryside",
        "province",
        "governorate",
        "district",
        "road",
        "highway",
        "crossing",
        "border",
        "camp",
        "airport",
        "airbase",
        "outskirts",
        "suburbs",
        "desert",
    }
)
# Words of streets and squares: "Baghdad Street" is a street, neither Baghdad nor an actor.
ROAD_WORDS = frozenset({"road", "street", "highway", "avenue", "boulevard", "square", "roundabout"})
# Ranks, offices, clergy titles and honorifics spaCy includes in a PERSON entity; the name starts
# after them.
TITLE_WORDS = re.compile(
    r"^(?:(?:brigadier|major|lieutenant|general|gen\.|colonel|col\.|commander|captain|president|"
    r"minister|prime|foreign|defen[cs]e|sheikh|shaykh|sayyed|ayatollah|mr\.?|mrs\.?|ms\.?|dr\.?|"
    r"king|prince|emir|field|marshal|spokesman|spokeswoman|senator|sen\.|governor|gov\.|mayor|"
    r"ambassador|judge|canon|reverend|rev\.|father|bishop|archbishop|cardinal|patriarch|imam|"
    r"mullah|rabbi)\s+)+",
    re.IGNORECASE,
)
# An unknown organisation's type, guessed from its words.
TYPE_GUESSES = [
    (
        re.compile(
            r"\b(?:army|forces|brigades?|battalions?|militias?|front|jaysh|jaish|liwa|"
            r"katiba|regiment|division|guards?|corps|units)\b",
            re.I,
        ),
        "armed group",
    ),
    (
        re.compile(r"\b(?:ministry|government|council|presidency|parliament|office|agency)\b", re.I),
        "government",
    ),
    (re.compile(r"\bparty\b", re.I), "party"),
    (
        re.compile(
            r"\b(?:news|tv|television|times|post|radio|press|channel|gazette|mail|herald|telegraph|"
            r"tribune|journal|chronicle|daily)\b",
            re.I,
        ),
        "media outlet",
    ),
]
# Last words that make a name a body's, never a person's: "Farah Province Police".
BODY_HEAD_WORDS = frozenset(
    {
        "police",
        "ministry",
        "army",
        "forces",
        "government",
        "council",
        "parliament",
        "agency",
        "committee",
        "commission",
        "brigade",
        "brigades",
        "battalion",
        "militia",
        "corps",
        "party",
        "movement",
        "department",
        "authority",
        "command",
        "university",
        "institute",
        "organisation",
        "organization",
        "coalition",
        "observatory",
    }
)
# Other words that make capitalised words an organisation's name, even in a headline.
_ORGANISATION_WORDS = [
    "movement",
    "union",
    "committee",
    "commission",
    "court",
    "company",
    "corporation",
    "group",
    "organi[sz]ation",
    "association",
    "institute",
    "university",
    "bank",
    "coalition",
    "alliance",
    "league",
    "authority",
    "department",
    "observatory",
    "network",
    "foundation",
    "federation",
    "assembly",
    "command",
    "police",
]
ORGANISATION_WORDS = re.compile(rf"\b(?:{'|'.join(_ORGANISATION_WORDS)})\b", re.I)
# The same words as a name writes them: "the Foundation for Relief and Reconciliation".
CAPITALISED_ORGANISATION_WORDS = re.compile(
    rf"\b(?:{'|'.join(word[0].upper() + word[1:] for word in _ORGANISATION_WORDS)})\b"
)


def names_body(words: Span) -> bool:
    """The words hold a body's word: "Police Command", "Shams University" (not "Touma", "(Bamako")."""
    return (
        any(t.lower_ in BODY_HEAD_WORDS for t in words) or ORGANISATION_WORDS.search(words.text) is not None
    )


# A NORP adjective names an actor only before one of these (lemmas): "Kurdish fighters", "Arab
# leaders", "the Republican nominee"; not in "Zionist voices", "European identity", "Islamic terrorism".
# Strikes and arms a state's name before them is the doer of: "the US air strike", "a Russia jet"
# ("the Iraq invasion" or "the Syria offensive" may be where, and stay so).
FORCE_NOUNS = frozenset(
    {
        "strike",
        "airstrike",
        "drone",
        "jet",
        "warplane",
        "aircraft",
        "plane",
        "helicopter",
        "missile",
        "warship",
    }
)
AGENT_NOUNS = frozenset(
    {
        "force",
        "troop",
        "soldier",
        "army",
        "military",
        "fighter",
        "militant",
        "rebel",
        "insurgent",
        "militia",
        "gunman",
        "jihadist",
        "extremist",
        "terrorist",
        "group",
        "faction",
        "party",
        "movement",
        "organisation",
        "organization",
        "government",
        "regime",
        "authority",
        "administration",
        "leadership",
        "establishment",
        "official",
        "leader",
        "politician",
        "lawmaker",
        "legislator",
        "senator",
        "congressman",
        "governor",
        "minister",
        "president",
        "diplomat",
        "delegation",
        "envoy",
        "spokesman",
        "source",
        "nominee",
        "candidate",
        "opponent",
        "rival",
        "caucus",
        "aide",
        "adviser",
        "advisor",
        "consultant",
        "strategist",
        "pollster",
        "speechwriter",
        "donor",
        "supporter",
        "ally",
        "partner",
        "advocate",
        "member",
        "mp",
        "attorney",
        "general",
        "friend",
        "activist",
        "protester",
        "faithful",
        "congregation",
        "family",
        "man",
        "woman",
        "cleric",
        "tribe",
        "clan",
        "community",
        "majority",
        "minority",
        "population",
        "people",
        "voter",
        "civilian",
        "resident",
        "refugee",
        "country",
        "state",
        "nation",
    }
)
# A compass adjective ("north-eastern", "Western"): never an actor's name on its own.
COMPASS_ADJECTIVE = re.compile(r"^(?:(?:north|south)(?:[-‐ ]?(?:east|west))?|east|west)ern$", re.I)
AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "for", "in", "with", "from"})
# Where a body's own name goes on past its head noun: "Observatory for Human Rights", "Ministry of Defence".
BODY_NAME_PREPOSITIONS = frozenset({"of", "for", "on", "in", "against"})
# How far (in tokens) an apposition reaches: "X, director of the media center at SDF".
APPOSITION_WINDOW = 12
# Tokens allowed between "spokesman for ORG," and the person's name: ranks ("Brigadier General").
ROLE_NAME_GAP = 6
# What may stand between a name and its role in apposition: "Oglu- Turkish PM", "Gül, the president".
APPOSITION_MARKS = frozenset({",", "-", "–", "—", "("})


def trimmed_mention(ent: Span) -> Mention:
    """The entity's span without stray punctuation on its edges."""
    text = ent.text  # Span.text joins only its own tokens; Doc.text would rebuild the whole document
    lead = len(text) - len(text.lstrip(_EDGE_PUNCTUATION))
    trimmed = text.strip(_EDGE_PUNCTUATION)
    return Mention(start=ent.start_char + lead, end=ent.start_char + lead + len(trimmed), text=trimmed)


def bare_name(ent: Span) -> Mention:
    """The entity's name: trimmed, without a leading article or a trailing possessive ("the SDF's")."""
    mention = trimmed_mention(ent)
    start, text = mention.start, mention.text
    if article := LEADING_ARTICLE.match(text):
        start, text = start + article.end(), text[article.end() :]
    if (rural := LEADING_RURAL.match(text)) and rural.end() < len(text):  # "Rural Idlib": Idlib's countryside
        start, text = start + rural.end(), text[rural.end() :]
    text = POSSESSIVE.sub("", text)
    return Mention(start=start, end=start + len(text), text=text)


def is_seat(root: Token) -> bool:
    """The name (by its root) is where a body is based ("the Britain-based Observatory", "a group
    based in the UK"): it describes the body, and is neither the speaker nor where an event happened."""
    based = root.head.head if root.dep_ == "pobj" else root.head
    return (
        root.dep_ in {"pobj", "npadvmod", "compound"}
        and based.lower_ == "based"
        and based.dep_ in {"amod", "acl", "relcl"}
    )


# A name before these is who leads, backs or brokers something: "US-led", "Iran-backed".
_LEADING = re.compile(
    r"[-‐–](?:led|backed|brokered|sponsored|funded|supported|allied|aligned|trained|armed)\b", re.I
)


def leads(text: str, end: int) -> bool:
    """The name ending at `end` leads or backs ("US-led strikes", "Iran-backed militias"): an actor,
    neither where an event took place nor a place named."""
    return bool(_LEADING.match(text, end))


# "anti-ISIS", "pro-Kremlin": a stance prefix and a hyphen before a name.
_STANCE_BEFORE = re.compile(rf"\b(?:anti|pro)\s*[{re.escape(''.join(sorted(HYPHENS)))}]\s*$", re.I)
STANCE_CHARS = 8  # how far back the prefix may start


def stance_before(text: str, start: int) -> bool:
    """The name starting at `start` is what something is for or against ("anti-ISIS groups", "the
    pro-Kremlin channel"), not that thing's party or voice."""
    return _STANCE_BEFORE.search(text, max(0, start - STANCE_CHARS), start) is not None


def names_seat(doc: Doc, start: int, end: int) -> bool:
    """The characters start..end name a body's seat (`is_seat`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and is_seat(span.root)


def qualifies_force(token: Token) -> bool:
    """The name's last word qualifies an act or arm of armed force (FORCE_NOUNS): in "killed in the
    US air strike" the US struck; it is not where."""
    return token.dep_ == "compound" and token.head.i > token.i and token.head.lemma_.lower() in FORCE_NOUNS


def names_force(doc: Doc, start: int, end: int) -> bool:
    """The characters start..end name who struck (`qualifies_force`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and qualifies_force(span[-1])


def body_head(name: str) -> str | None:
    """The noun a body's name is built on, which alone can stand for it: "Observatory" in "Syrian
    Observatory for Human Rights", "Front" in "Nusra Front"; None for a one-word name."""
    words = name.split()
    for n, word in enumerate(words):
        if n and word in BODY_NAME_PREPOSITIONS:
            words = words[:n]
            break
    return words[-1] if len(words) > 1 and words[-1].istitle() else None


def is_possessive_marker(token: Token) -> bool:
    """ "'s", "’", or the "s" that possessives.py split from "Syrias"."""
    return token.norm_ in POSSESSIVE_NORMS
