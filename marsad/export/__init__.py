"""Exporters: each writes every stored result in one format. Later formats register here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from marsad.export.jsonl import write_jsonl
from marsad.model import Result

Exporter = Callable[[Iterable[Result], TextIO], int]

EXPORTERS: dict[str, Exporter] = {"jsonl": write_jsonl}

__all__ = ["EXPORTERS", "Exporter"]
