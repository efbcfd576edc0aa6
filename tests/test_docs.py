"""Documentation that users and CI rely on stays true to the code."""

import json
import re
from pathlib import Path

from typer.main import get_command

from marsad.cli import app
from marsad.model import json_schema

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text("utf-8"), flags=re.S)


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one() -> None:
    run_command, test_command = _readme_commands()
    assert "marsad analyze examples/" in run_command
    assert "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = get_command(app).commands  # type: ignore[attr-defined]
    missing = [name for name in commands if name != "schema" and f"`marsad {name}" not in readme]
    assert missing == []


def test_published_json_schema_matches_the_contract_models() -> None:
    published = json.loads((ROOT / "docs" / "marsad-1.schema.json").read_text("utf-8"))
    assert published == json_schema()


def test_schema_doc_describes_every_top_level_and_doc_field() -> None:
    doc = (ROOT / "docs" / "schema.md").read_text("utf-8")
    schema = json_schema()
    fields = list(schema["properties"]) + list(schema["$defs"]["DocumentInfo"]["properties"])
    assert [f for f in fields if f"`{f}`" not in doc] == []
