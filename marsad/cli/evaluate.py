"""`marsad eval`: score a pipeline stage against public gold data and print the table or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from marsad.eval import TASKS, EvalOptions, Report, evaluate
from marsad.eval.gold import DATA_ENV


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_task)


def eval_task(
    task: Annotated[str, typer.Argument(help=f"Task to run: {', '.join(TASKS)}.", show_default=False)],
    data: Annotated[
        Path | None,
        typer.Option(
            help=f"Benchmarks folder [default: ${DATA_ENV}, else ../shared/benchmarks]", show_default=False
        ),
    ] = None,
    split: Annotated[
        str | None, typer.Option(help="Gold split [default: the task's first, e.g. test]", show_default=False)
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N examples.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score Marsad against public gold data (see docs/benchmarks.md)."""
    if task not in TASKS:
        raise typer.BadParameter(f"choose from {', '.join(TASKS)}", param_hint="TASK")
    splits = TASKS[task].splits
    if split is not None and split not in splits:
        raise typer.BadParameter(f"{task} has splits {', '.join(splits)}", param_hint="--split")
    report = evaluate(task, EvalOptions(data=data, split=split or splits[0], limit=limit))
    if json_output:
        typer.echo(json.dumps(report.as_json(), indent=2))
    else:
        _print_report(Console(), report)


def _print_report(console: Console, report: Report) -> None:
    table = Table(title=f"{report.task} ({report.split}): {report.examples} examples, {report.words} words")
    for column in ["label", "precision", "recall", "F1", "gold", "predicted", "correct"]:
        table.add_column(column, justify="left" if column == "label" else "right")
    rows = [*report.scores.labels.items(), ("micro", report.scores.micro)]
    for label, prf in rows:
        table.add_row(
            label,
            f"{prf.precision:.3f}",
            f"{prf.recall:.3f}",
            f"{prf.f1:.3f}",
            str(prf.gold),
            str(prf.predicted),
            str(prf.correct),
        )
    table.add_row("macro", "", "", f"{report.scores.macro_f1:.3f}", "", "", "")
    console.print(table)
    for name, value in report.metrics.items():
        console.print(f"{name}: {value:,.3f}", highlight=False)
    console.print(
        f"gold {report.gold} (sha256 {report.gold_sha256[:12]}); "
        f"{report.words / report.seconds if report.seconds else 0:,.0f} words/s",
        highlight=False,
    )
