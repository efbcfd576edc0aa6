"""The event lexicon: trigger words, status cues and the CAMEO/ACLED tables, read from TOML data.

The data lives in marsad/resources/events/ (format in docs/events.md). A user extends it with a
folder holding any of the same files: their entries are added to (and override) the built-in ones.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from marsad.errors import EventLexiconError

TRIGGERS = "triggers.toml"
STATUS = "status.toml"
CAMEO = "cameo.toml"
ACLED = "acled.toml"

STATUSES = (
    "happened",
    "ongoing",
    "announced",
    "ordered",
    "planned",
    "denied",
    "threatened",
    "conditional",
    "hypothetical",
    "reported",
)
# Governor lists in status.toml that are not statuses: "negated" governors negate their event.
NEGATING = "negated"


@dataclass(frozen=True, slots=True)
class Code:
    """A PLOVER type and, where the word says it, the PLOVER mode."""

    type: str
    mode: str | None = None

    @property
    def key(self) -> str:
        """'TYPE' or 'TYPE.mode', the key the mapping tables use."""
        return f"{self.type}.{self.mode}" if self.mode else self.type


@dataclass(frozen=True, slots=True, kw_only=True)
class AcledRule:
    types: frozenset[str]
    acled: tuple[str, str]
    words: tuple[tuple[str, ...], ...] = ()
    unless: tuple[tuple[str, ...], ...] = ()
    actor_words: tuple[tuple[str, ...], ...] = ()
    actor: str | None = None  # the kind of party the actor is: "armed" or "unarmed" ([parties])
    target: str | None = None  # the kind of party the target is
    paragraph: bool = False  # `words`/`unless` are looked up in the event's paragraph, not its sentence


@dataclass(slots=True, kw_only=True)
class Lexicon:
    verbs: dict[str, Code] = field(default_factory=dict)
    nouns: dict[str, Code] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], Code] = field(default_factory=dict)
    intransitive: frozenset[str] = frozenset()  # verbs that are events only without an object
    # type or type.mode -> objects that unmake its triggers ("provided details" is no AID)
    not_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    participants: frozenset[str] = frozenset()  # nouns for the people who do the event: "protesters"
    place_verbs: dict[str, Code] = field(default_factory=dict)  # verbs that are the event on a place
    place_objects: frozenset[str] = frozenset()  # nouns of places for place_verbs: "seized the town"
    # verbs that are the event on an armed party ([parties.armed] of acled.toml): "destroy ISIL"
    party_verbs: dict[str, Code] = field(default_factory=dict)
    # verbs of coming together that are the event when what they come together for is said:
    # "gathered to demand", "assembled in support of"
    assembly_verbs: dict[str, Code] = field(default_factory=dict)
    governors: dict[str, str] = field(default_factory=dict)  # lemma -> status or NEGATING
    light_verbs: dict[str, str] = field(default_factory=dict)  # lemma -> status ("" for none)
    undo_verbs: frozenset[str] = frozenset()  # verbs that end the act their object names: "lift"
    undone: dict[str, str] = field(default_factory=dict)  # lemma or type of the act ended -> event type
    modals: dict[str, str] = field(default_factory=dict)
    negation: frozenset[str] = frozenset()
    negative_subjects: frozenset[str] = frozenset()  # "nobody", "none": no one did or suffered it
    conditional: frozenset[str] = frozenset()
    nonspecific: frozenset[str] = frozenset()  # determiners of no event in particular: "any"
    purpose_connectives: frozenset[tuple[str, str]] = frozenset()  # ("in", "order")
    attempts: frozenset[str] = frozenset()  # planned governors that say the act was tried: "try"
    preparations: frozenset[str] = frozenset()  # planned governors that say it was readied: "prepare"
    cameo_roots: dict[str, str] = field(default_factory=dict)
    cameo_modes: dict[str, str] = field(default_factory=dict)
    acled_rules: list[AcledRule] = field(default_factory=list)
    acled_default: dict[str, tuple[str, str]] = field(default_factory=dict)
    party_words: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # kind -> words
    party_types: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> actor types
    off_duty: tuple[tuple[str, ...], ...] = ()  # words that make an armed party unarmed: "off-duty"

    def cameo(self, code: Code) -> str | None:
        return self.cameo_modes.get(code.key) or self.cameo_roots.get(code.type)


def _words(entries: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(entry.lower().split()) for entry in entries)


def _read(folder: Any, name: str) -> dict[str, Any]:
    path = folder / name
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise EventLexiconError(f"event lexicon {path}: {exc}") from exc


def _add_triggers(lexicon: Lexicon, data: dict[str, Any]) -> None:
    for event_type, entry in data.items():
        sections = [(None, entry), *((mode, sub) for mode, sub in entry.get("modes", {}).items())]
        for mode, section in sections:
            code = Code(event_type, mode)
            for lemma in section.get("verbs", []) + section.get("intransitive", []):
                lexicon.verbs[lemma.lower()] = code
            lexicon.intransitive |= {lemma.lower() for lemma in section.get("intransitive", [])}
            if objects := section.get("not_objects"):
                lexicon.not_objects[code.key] = lexicon.not_objects.get(code.key, frozenset()) | {
                    lemma.lower() for lemma in objects
                }
            for lemma in section.get("nouns", []) + section.get("participants", []):
                lexicon.nouns[lemma.lower()] = code
            lexicon.participants |= {lemma.lower() for lemma in section.get("participants", [])}
            lexicon.place_verbs.update(
                dict.fromkeys((v.lower() for v in section.get("place_verbs", [])), code)
            )
            lexicon.place_objects |= {lemma.lower() for lemma in section.get("place_objects", [])}
            lexicon.party_verbs.update(
                dict.fromkeys((v.lower() for v in section.get("party_verbs", [])), code)
            )
            lexicon.assembly_verbs.update(
                dict.fromkeys((v.lower() for v in section.get("assembly_verbs", [])), code)
            )
            for phrase in section.get("phrases", []):
                lexicon.phrases[tuple(phrase.lower().split())] = code


def _add_status(lexicon: Lexicon, data: dict[str, Any]) -> None:
    for status, lemmas in data.get("governors", {}).items():
        if status not in STATUSES and status != NEGATING:
            raise EventLexiconError(f"event lexicon: unknown status {status!r} in [governors]")
        lexicon.governors.update(dict.fromkeys(lemmas, status))
    for status, lemmas in data.get("light_verbs", {}).items():
        lexicon.light_verbs.update(dict.fromkeys(lemmas, status))
    lexicon.undo_verbs |= frozenset(data.get("undo", {}).get("verbs", []))
    lexicon.undone.update(data.get("undo", {}).get("becomes", {}))
    for status, words in data.get("modals", {}).items():
        lexicon.modals.update(dict.fromkeys(words, status))
    lexicon.negation |= frozenset(data.get("negation", {}).get("words", []))
    lexicon.negative_subjects |= frozenset(data.get("negation", {}).get("subjects", []))
    lexicon.conditional |= frozenset(data.get("conditional", {}).get("marks", []))
    lexicon.nonspecific |= frozenset(data.get("nonspecific", {}).get("words", []))
    lexicon.attempts |= frozenset(data.get("purpose", {}).get("attempts", []))
    lexicon.preparations |= frozenset(data.get("purpose", {}).get("preparations", []))
    connectives = data.get("purpose", {}).get("connectives", [])
    lexicon.purpose_connectives |= {
        (first, second) for first, second in (c.lower().split() for c in connectives)
    }


def _add_codes(lexicon: Lexicon, cameo: dict[str, Any], acled: dict[str, Any]) -> None:
    lexicon.cameo_roots.update(cameo.get("roots", {}))
    lexicon.cameo_modes.update(cameo.get("modes", {}))
    rules = [
        AcledRule(
            types=frozenset(rule["types"]),
            acled=(rule["acled"][0], rule["acled"][1]),
            words=_words(rule.get("words", [])),
            unless=_words(rule.get("unless", [])),
            actor_words=_words(rule.get("actor_words", [])),
            actor=rule.get("actor"),
            target=rule.get("target"),
            paragraph=rule.get("scope", "sentence") == "paragraph",
        )
        for rule in acled.get("rule", [])
    ]
    lexicon.acled_rules[:0] = rules  # a user's rules are tried before the built-in ones
    lexicon.acled_default.update({key: (pair[0], pair[1]) for key, pair in acled.get("default", {}).items()})
    for kind, entry in acled.get("parties", {}).items():
        lexicon.party_words[kind] = lexicon.party_words.get(kind, ()) + _words(entry.get("words", []))
        lexicon.party_types[kind] = lexicon.party_types.get(kind, frozenset()) | frozenset(
            entry.get("types", [])
        )
        lexicon.off_duty += _words(entry.get("off_duty", []))


@cache
def load_lexicon(extra: Path | None = None) -> Lexicon:
    """The built-in lexicon, with the files in `extra` (if given) added on top."""
    lexicon = Lexicon()
    folders: list[Any] = [files("marsad").joinpath("resources", "events")]
    if extra is not None:
        if not extra.is_dir():
            raise EventLexiconError(f"event lexicon folder {extra} does not exist")
        folders.append(extra)
    for folder in folders:
        _add_triggers(lexicon, _read(folder, TRIGGERS))
        _add_status(lexicon, _read(folder, STATUS))
        _add_codes(lexicon, _read(folder, CAMEO), _read(folder, ACLED))
    return lexicon
