"""Builds varied, realistic report texts for batch tests (no two alike, no gold answers baked in)."""

from __future__ import annotations

import random

_ACTORS = ["The Syrian army", "Russian forces", "The SDF", "Iraqi border guards", "Turkish-backed factions"]
_ACTIONS = [
    "advanced towards the town of {place}",
    "shelled positions near {place}",
    "withdrew from the outskirts of {place}",
    "reported clashes in the countryside of {place}",
    "opened a humanitarian corridor out of {place}",
]
_PLACES = ["Deir ez-Zor", "al-Bukamal", "Manbij", "Idlib", "Latakia", "Raqqa", "Aleppo", "Palmyra", "Hama"]
_SOURCES = ["a military source said", "state media reported", "a local monitor said", "officials denied it"]


def report(seed: int, sentences: int = 12) -> str:
    """A plausible hard-wrapped field report, different for every seed."""
    rng = random.Random(seed)
    lines = []
    for n in range(sentences):
        action = rng.choice(_ACTIONS).format(place=rng.choice(_PLACES))
        lines.append(f"{rng.choice(_ACTORS)} {action} on day {seed}-{n}, {rng.choice(_SOURCES)}.")
    text = " ".join(lines)
    wrapped, line = [], ""
    for word in text.split():
        if len(line) + len(word) > 76:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*wrapped, line]) + "\n"
