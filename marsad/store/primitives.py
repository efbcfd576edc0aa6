"""The driver calls every table module runs its SQL through, declared once.

`SqlStore` and the table mixins (events, claims) inherit them; the backends (sqlite.py,
postgres.py) implement them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

Params = Sequence[Any]
Row = tuple[Any, ...]


class SqlPrimitives(ABC):
    @abstractmethod
    def _execute_many(self, sql: str, rows: Sequence[Params]) -> None: ...

    @abstractmethod
    def _fetch(self, sql: str, params: Params = ()) -> list[Row]: ...

    @abstractmethod
    def _select(self, sql: str, params: Params = ()) -> list[Row]:
        """`_fetch` under the store's lock, with driver errors turned into StoreError."""
