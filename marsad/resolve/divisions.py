"""Division names as GeoNames writes them, and the bare forms text uses.

GeoNames names a division with its kind ("Provincia di Cosenza", "Anhui Sheng", "Departement de la
Gironde", "Kisumu District"); news text mostly writes the bare name. Both go into the index.
"""

from __future__ import annotations

# Three letters at least remain of a name ("Ain"); shorter remainders are not names.
_MIN_LENGTH = 3


def _phrases(text: str) -> tuple[str, ...]:
    """'|'-separated phrases, longest first so that "departement de la" is tried before "departement de"."""
    return tuple(sorted(text.split("|"), key=len, reverse=True))


_PREFIXES = _phrases(
    "province of|provincia de|provincia di|provincia del|province du|province de|"
    "departement de la|departement de l'|departement du|departement des|departement de|"
    "departement d'|departamento de|departamento del|municipio de|municipio|comuna|gemeente|"
    "powiat|obshtina|okres|oras|municipiul|politischer bezirk|bezirk|nomos|rrethi i|komuna e|"
    "canton de|canton|amphoe|grad|muhafazat|city of|city and county of|city and borough of|"
    "borough of|county of|state of|estado de|region de|prefecture of"
)
_SUFFIXES = _phrases(
    "county|district|kommun|kommune|municipality|parish|vald|rayon|province|okrug|"
    "autonomous okrug|linn|region|autonomous region|shi|sheng|zizhiqu|huizu zizhiqu|"
    "zhuangzu zizhiqu|uygur zizhiqu|zizhizhou|prefecture|borough|county borough|voivodeship|"
    "stadt|rajons|division|apskritis|governorate|oblast|oblast'|kray|krai|department|state|area|"
    "city|ken|respublika|republic"
)
# What stripping must not leave alone: "Northern Territory" is not "Northern".
_NOT_A_NAME = frozenset(
    _phrases(
        "north|south|east|west|northern|southern|eastern|western|central|upper|lower|capital|new|"
        "the|autonomous|federal|greater|north east|north west|south east|south west|northeast|"
        "northwest|southeast|southwest|far"
    )
)


def division_names(name: str) -> list[str]:
    """A division's name and its bare forms: 'Provincia di Cosenza' -> [..., 'Cosenza']."""
    names, lower = [name], name.casefold()
    prefix = next((p for p in _PREFIXES if lower.startswith(p + " ")), "")
    suffix = next((x for x in _SUFFIXES if lower.endswith(" " + x)), "")
    start, end = len(prefix) + 1 if prefix else 0, len(name) - len(suffix) - 1 if suffix else len(name)
    for bare in (name[start:end], name[start:], name[:end]):
        bare = bare.strip(" -,")
        if len(bare) >= _MIN_LENGTH and bare.casefold() not in _NOT_A_NAME and bare not in names:
            names.append(bare)
    return names
