"""The outlet registry: news outlets, agencies and think tanks, shipped as data and extendable.

marsad/resources/outlets.toml holds the shipped entries; files named in $MARSAD_OUTLETS (separated
by os.pathsep) add to them, an entry with the same name replacing the shipped one. The registry
answers two questions: which outlet a web domain belongs to, and where outlet names stand in text.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from marsad.errors import MarsadError

OUTLETS_ENV = "MARSAD_OUTLETS"
OUTLET_TYPES = frozenset({"wire", "state media", "opposition media", "independent", "think tank"})


class OutletRegistryError(MarsadError):
    """An outlet file that cannot be read or has an entry without name, type or a known type."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    type: str


class OutletRegistry:
    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = {o.name: o for o in outlets}
        self._by_domain = {d.lower(): o for o in self.outlets.values() for d in o.domains}
        names = {n: o for o in self.outlets.values() for n in (o.name, *o.aliases)}
        self._by_name = names
        alternatives = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in alternatives) + r")(?![\w-])"
        )

    def by_domain(self, domain: str | None) -> Outlet | None:
        """The outlet owning `domain` or a parent of it ('english.aawsat.com' → Asharq Al-Awsat)."""
        if not domain:
            return None
        parts = domain.lower().removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            outlet = self._by_domain.get(".".join(parts[i:]))
            if outlet is not None:
                return outlet
        return None

    def by_name(self, name: str) -> Outlet | None:
        return self._by_name.get(name)


def _parse(text: str, origin: str) -> list[Outlet]:
    try:
        entries = tomllib.loads(text).get("outlets", [])
    except tomllib.TOMLDecodeError as error:
        raise OutletRegistryError(f"{origin}: {error}") from error
    outlets = []
    for entry in entries:
        if not entry.get("name") or entry.get("type") not in OUTLET_TYPES:
            raise OutletRegistryError(
                f"{origin}: outlet {entry!r} needs a name and a type in {sorted(OUTLET_TYPES)}"
            )
        outlets.append(
            Outlet(
                name=entry["name"],
                aliases=tuple(entry.get("aliases", ())),
                domains=tuple(d.lower().removeprefix("www.") for d in entry.get("domains", ())),
                country=entry.get("country"),
                type=entry["type"],
            )
        )
    return outlets


def load_registry(extra: tuple[Path, ...] = ()) -> OutletRegistry:
    shipped = files("marsad").joinpath("resources/outlets.toml").read_text("utf-8")
    outlets = _parse(shipped, "outlets.toml")
    for path in extra:
        try:
            outlets += _parse(path.read_text("utf-8"), str(path))
        except OSError as error:
            raise OutletRegistryError(f"{path}: {error}") from error
    return OutletRegistry(outlets)


@cache
def default_registry() -> OutletRegistry:
    """The shipped registry plus the files named in $MARSAD_OUTLETS."""
    paths = tuple(Path(p) for p in os.environ.get(OUTLETS_ENV, "").split(os.pathsep) if p)
    return load_registry(paths)
