"""The actor knowledge base: who is who, under every name, with roles dated.

The entries are data (TOML files in marsad/resources/actors/, format in docs/actors.md), checked
when loaded: a bad entry fails with the file and entry named. Names are indexed folded, so the
spellings of one name meet: case, diacritics, the Arabic article (al-/el-/Al), ou/u, ee/i and
doubled letters ("Erdoğan"/"Erdogan", "Bashar Al-Assad"/"Bashar al-Asad", "Daesh"/"DAESH").
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from marsad.errors import ActorKbError

ActorType = Literal[
    "state", "government", "military", "armed group", "party", "person", "organisation", "media outlet"
]
NameKind = Literal["name", "demonym", "metonym"]
Institution = Literal["military", "government"]

# Extra knowledge-base files or folders, separated like PATH; loaded after the bundled ones.
KB_ENV = "MARSAD_ACTORS"

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_SILENT = dict.fromkeys(map(ord, "ʿʾʻʼ`'’‘´."), None)
_SPECIAL = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "đ": "d"})
_SPELLINGS = [
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"([a-z])\1+"), r"\1"),
    (re.compile(r"(?<=[a-z]{3})ah$"), "a"),  # a final ta marbuta written or not: "Nusrah", "Nusra"
]
# The Arabic article in its assimilated spellings, as written before a hyphen: "ash-Sham", "ad-Dawla".
ARTICLES = frozenset(
    {"al", "el", "il", "ul", "as", "ash", "ad", "ar", "az", "at", "an", "ed", "es", "et", "ez"}
)
ARTICLE_KEY = "al"
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
HYPHENS = frozenset("-‐‑–—")
_QUOTES = "\"'“”‘’«»()[] "


def fold_token(text: str) -> str:
    """One word's key: lower-case ASCII, transliteration marks and doubled letters gone."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SILENT).translate(_SPECIAL))
    key = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    for pattern, replacement in _SPELLINGS:
        key = pattern.sub(replacement, key)
    return key


def is_hyphen(text: str) -> bool:
    return len(text) == 1 and text in HYPHENS


def fold_words(words: Sequence[str]) -> tuple[str, ...]:
    """The key of a tokenised name: hyphens dropped, an article before a hyphen read as 'al'."""
    keys: list[str] = []
    for i, word in enumerate(words):
        if is_hyphen(word) or not word.strip():
            continue
        key = fold_token(word) or word  # punctuation stays itself: "," is part of a name's key
        if key in ARTICLES and i + 1 < len(words) and is_hyphen(words[i + 1]):
            key = ARTICLE_KEY
        if key:
            keys.append(key)
    if len(keys) > 1 and keys[0] == "the":
        keys.pop(0)
    return tuple(keys)


def fold(name: str) -> tuple[str, ...]:
    """The key of a name as written: 'the Russians' → ('rusians',), 'Al-Assad' → ('al', 'asad')."""
    return fold_words(_WORD.findall(name))


def strip_article(name: str) -> str:
    return name[4:] if name[:4].casefold() == "the " else name


class Role(BaseModel):
    """A position held: `title` (see titles.toml) of `of` (a state or organisation id), dated."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    of: str
    start: str | None = Field(default=None, pattern=_DATE)
    end: str | None = Field(default=None, pattern=_DATE)

    def held_on(self, date: str) -> bool:
        """True when the role was held on `date` (YYYY-MM-DD); a partial date covers its whole span."""
        start = (self.start or "0000") + "-01-01"[len(self.start or "0000") - 4 :]
        end = (self.end or "9999") + "-12-31"[len(self.end or "9999") - 4 :]
        return start[:10] <= date <= end[:10]


class ActorEntry(BaseModel):
    """One actor of the knowledge base; field meanings in docs/actors.md."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    type: ActorType
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    parent: str | None = None
    code: str | None = Field(default=None, pattern=r"^[A-Z]{3,12}$")
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$")
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    @field_validator("aliases", "demonyms", "metonyms")
    @classmethod
    def _capitalised(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            if not any(ch.isupper() for ch in name):
                raise ValueError(f"{name!r} has no capital letter: it would match common words")
        return names

    def names(self) -> Iterable[tuple[str, NameKind]]:
        yield self.name, "name"
        for alias in self.aliases:
            yield alias, "name"
        for demonym in self.demonyms:
            yield demonym, "demonym"
        for metonym in self.metonyms:
            yield metonym, "metonym"


@dataclass(frozen=True, slots=True)
class NameHit:
    actor: ActorEntry
    kind: NameKind
    written: str  # the name as the knowledge base writes it


@dataclass(slots=True)
class ActorKb:
    """Actors by id, every name folded, role titles and institution nouns."""

    actors: dict[str, ActorEntry]
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # folded spelling → title
    institutions: dict[tuple[str, ...], Institution] = field(default_factory=dict)
    _names: dict[tuple[str, ...], list[NameHit]] = field(default_factory=dict)
    _states: dict[str, ActorEntry] = field(default_factory=dict)  # country code → state
    _arms: dict[tuple[str, Institution], ActorEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for actor in self.actors.values():
            for written, kind in actor.names():
                key = fold(strip_article(written))
                hits = self._names.setdefault(key, [])
                if not any(h.actor.id == actor.id and h.kind == kind for h in hits):
                    hits.append(NameHit(actor=actor, kind=kind, written=written))
            if actor.type == "state" and actor.country:
                self._states.setdefault(actor.country, actor)
            if actor.type in ("military", "government") and actor.parent:
                self._arms.setdefault((actor.parent, actor.type), actor)

    def names(self) -> Iterable[tuple[tuple[str, ...], list[NameHit]]]:
        return self._names.items()

    def lookup(self, name: str) -> list[NameHit]:
        """Every actor written `name`, however spelt: lookup('Dahesh') finds the Islamic State."""
        return list(self._names.get(fold(strip_article(name.strip(_QUOTES))), []))

    def state(self, country: str | None) -> ActorEntry | None:
        return self._states.get(country) if country else None

    def institution(self, state: ActorEntry, kind: Institution) -> ActorEntry:
        """The state's armed forces or government: the first such entry whose parent is the state."""
        return self._arms.get((state.id, kind), state)

    def holder(self, title: str, of: str, date: str) -> ActorEntry | None:
        """Who held `title` of `of` (an actor id) on `date`; None when unknown or not unique."""
        found = [
            actor
            for actor in self.actors.values()
            if any(r.title == title and r.of == of and r.held_on(date) for r in actor.roles)
        ]
        return found[0] if len(found) == 1 else None

    def role_on(self, actor: ActorEntry, date: str | None) -> Role | None:
        if date is None:
            return None
        return next((r for r in actor.roles if r.held_on(date)), None)


def _entry_label(path: Path, n: int, raw: Any) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"{path.name}: actor #{n}" + (f" (id {ident!r})" if ident else "")


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ActorKbError(f"{path}: {error}") from error


_FILE_KEYS = {"defaults", "actor", "alias", "titles", "institutions"}


def _parse(paths: Sequence[Path]) -> ActorKb:
    actors: dict[str, ActorEntry] = {}
    extra_aliases: list[tuple[Path, dict[str, Any]]] = []
    titles: dict[tuple[str, ...], str] = {}
    institutions: dict[tuple[str, ...], Institution] = {}
    for path in paths:
        data = _read(path)
        if unknown := set(data) - _FILE_KEYS:
            raise ActorKbError(f"{path.name}: unknown top-level keys {sorted(unknown)}")
        defaults = data.get("defaults", {})
        for n, raw in enumerate(data.get("actor", []), start=1):
            try:
                entry = ActorEntry.model_validate({**defaults, **raw})
            except ValidationError as error:
                problems = "; ".join(
                    f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in error.errors()
                )
                raise ActorKbError(f"{_entry_label(path, n, raw)}: {problems}") from None
            if entry.type == "state" and entry.country is None:
                entry = entry.model_copy(update={"country": entry.code})
            if entry.id in actors:
                raise ActorKbError(f"{_entry_label(path, n, raw)}: id already used")
            actors[entry.id] = entry
        extra_aliases += [(path, raw) for raw in data.get("alias", [])]
        for title, spellings in data.get("titles", {}).items():
            for spelling in spellings:
                titles[fold(spelling)] = title
        for kind, nouns in data.get("institutions", {}).items():
            if kind not in ("military", "government"):
                raise ActorKbError(f"{path.name}: institutions: unknown kind {kind!r}")
            for noun in nouns:
                institutions[fold(noun)] = kind
    for path, raw in extra_aliases:
        target = actors.get(raw.get("id", ""))
        if target is None or set(raw) - {"id", "aliases", "demonyms", "metonyms"}:
            raise ActorKbError(f"{path.name}: alias entry {raw!r} must name a known id and only add names")
        try:
            actors[target.id] = ActorEntry.model_validate(
                target.model_dump() | {k: [*getattr(target, k), *raw.get(k, [])] for k in raw if k != "id"}
            )
        except ValidationError as error:
            raise ActorKbError(f"{path.name}: alias entry for {target.id!r}: {error}") from None
    _check_references(actors)
    return ActorKb(actors=actors, titles=titles, institutions=institutions)


def _check_references(actors: dict[str, ActorEntry]) -> None:
    countries = {a.country for a in actors.values() if a.type == "state"}
    for actor in actors.values():
        if actor.parent is not None and actor.parent not in actors:
            raise ActorKbError(f"actor {actor.id!r}: parent {actor.parent!r} is not a known id")
        if actor.country is not None and actor.country not in countries:
            raise ActorKbError(f"actor {actor.id!r}: country {actor.country!r} is no state's code")
        for role in actor.roles:
            if role.of not in actors:
                raise ActorKbError(f"actor {actor.id!r}: role of {role.of!r} is not a known id")


def bundled_files() -> list[Path]:
    folder = Path(str(files("marsad").joinpath("resources", "actors")))
    return sorted(folder.glob("*.toml"))


def extra_files(setting: str | None) -> list[Path]:
    """The files named by $MARSAD_ACTORS: each item a .toml file or a folder of them."""
    found: list[Path] = []
    for item in filter(None, (setting or "").split(os.pathsep)):
        path = Path(item)
        found += sorted(path.glob("*.toml")) if path.is_dir() else [path]
    return found


def load_kb(paths: Sequence[Path] | None = None) -> ActorKb:
    """The knowledge base from `paths`, or the bundled files plus $MARSAD_ACTORS (cached)."""
    if paths is not None:
        return _parse(paths)
    return _default_kb(os.environ.get(KB_ENV))


@cache
def _default_kb(setting: str | None) -> ActorKb:
    return _parse([*bundled_files(), *extra_files(setting)])
