"""Rules of the code base that no linter checks."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_nothing_is_compared_by_identity_but_none_and_booleans() -> None:
    # spaCy builds a new Token or Span object on every access, so `token.head is token` is never
    # true: walks to the sentence root ran to their step limit and the main event was the first
    # trigger in the text. Compare positions (`.i`) or values instead.
    found = []
    for path in sorted((ROOT / "marsad").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Compare):
                for op, right in zip(node.ops, node.comparators, strict=True):
                    if isinstance(op, ast.Is | ast.IsNot) and not isinstance(right, ast.Constant):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert found == []
