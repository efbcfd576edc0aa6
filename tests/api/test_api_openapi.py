"""Property-based run of the whole API from its OpenAPI document (schemathesis): no input, however
odd, makes a server error, and every response matches the documented schema."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from marsad.store import Store

from .conftest import make_app

# Per operation: enough to hit every filter and odd strings, small enough to run in well under 60 s.
EXAMPLES_PER_OPERATION = 25


def test_api_conforms_to_its_openapi(store: Store) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", make_app(store))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 16
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate()

        try:
            check()
        except Exception as error:  # collect every operation's failure, not only the first
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    if failures:
        pytest.fail("\n\n".join(failures))
