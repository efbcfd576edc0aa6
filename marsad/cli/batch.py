"""`marsad analyze` and `marsad ingest`: run sources through the pipeline into the store."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from marsad.cli.options import DbOption, settings_for, store_for
from marsad.model import Result
from marsad.run.local import ProgressCallback, ResultCallback, Runner, Summary

Sources = Annotated[
    list[str], typer.Argument(help="Files, folders, .jsonl dumps, http(s) URLs, or - for stdin.")
]
Workers = Annotated[int, typer.Option(help="Worker processes; 0 means one per core.")]
# Items of each kind shown per document; the store and `marsad serve` have them all.
SHOWN = 15
AllowPrivate = Annotated[
    bool, typer.Option("--allow-private-urls", help="Let URL ingestion reach private and loopback addresses.")
]
ShowProgress = Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")]


def register(app: typer.Typer) -> None:
    app.command()(analyze)
    app.command()(ingest)


def analyze(
    sources: Sources,
    json_lines: Annotated[bool, typer.Option("--json", help="Write marsad/1 JSON Lines to stdout.")] = False,
    db: DbOption = None,
    workers: Workers = 0,
    allow_private_urls: AllowPrivate = False,
    progress: ShowProgress = True,
) -> None:
    """Analyse reports into the store and show what was found in each (or print JSON Lines)."""
    results: list[Result] = []

    def on_result(result: Result) -> None:
        if json_lines:
            sys.stdout.write(result.to_json() + "\n")
        else:
            results.append(result)

    summary = _run(sources, db, workers, allow_private_urls, progress, on_result)
    console = Console(stderr=json_lines)
    for result in results:
        _print_result(console, result)
    _print_summary(console, summary)


def ingest(
    sources: Sources,
    db: DbOption = None,
    workers: Workers = 0,
    allow_private_urls: AllowPrivate = False,
    progress: ShowProgress = True,
) -> None:
    """Read, clean, analyse and store reports; print a summary of the run."""
    _print_summary(Console(), _run(sources, db, workers, allow_private_urls, progress, None))


def _run(
    sources: list[str],
    db: str | None,
    workers: int,
    allow_private_urls: bool,
    progress: bool,
    on_result: ResultCallback | None,
) -> Summary:
    settings = settings_for(db, workers=workers, allow_private_urls=allow_private_urls or None)
    with store_for(db) as store, _progress_bar(progress) as update:
        return Runner(store, settings, on_result=on_result, on_progress=update).run(sources)


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A live counter on stderr when it is a terminal; silent in pipes and CI logs."""
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("starting")

        def update(summary: Summary) -> None:
            bar.update(
                task,
                description=f"{summary.documents} stored, {summary.already_stored} already stored, "
                f"{summary.duplicates} duplicates, {summary.quarantined} quarantined",
            )

        yield update


def _print_result(console: Console, result: Result) -> None:
    doc = result.doc
    console.rule(f"[bold]{escape(doc.title or doc.source)}")

    def line(text: str) -> None:
        console.print(text, highlight=False, markup=False)

    line(
        f"id {doc.id} · source {doc.source} · outlet {doc.outlet or '-'} · author {doc.author or '-'} · "
        f"published {doc.published or '-'} · language {doc.language}"
        + (f" · near-duplicate of {doc.near_duplicate_of}" if doc.near_duplicate_of else "")
    )
    line(
        f"{len(doc.text.split())} words, {len(result.sentences)} sentences, {len(result.times)} time "
        f"expressions, {len(result.claims)} claims, {len(result.contradictions)} contradictions"
    )
    for removal in result.removed:
        line(f"  removed ({removal.reason}): {removal.text!r}")
    actors = sorted(result.actors, key=lambda a: -len(a.mentions))[:SHOWN]
    if actors:
        line("  actors: " + ", ".join(f"{a.name} ×{len(a.mentions)}" for a in actors))
    places = sorted(result.places, key=lambda p: -len(p.mentions))[:SHOWN]
    if places:
        line(
            "  places: "
            + ", ".join(f"{p.name} ({p.lat:.2f}, {p.lon:.2f})" for p in places if p.lat is not None)
        )
    names = {a.id: a.name for a in result.actors} | {p.id: p.name for p in result.places}
    for event in result.events[:SHOWN]:
        who = names.get(event.actor or "", "-")
        where = names.get(event.place or "", "-")
        when = event.date.start if event.date else "-"
        line(f"  event {event.type} [{event.status}] {who} @ {where} {when}: {event.trigger.text!r}")
    if len(result.events) > SHOWN:
        line(f"  ... and {len(result.events) - SHOWN} more events (marsad events, or marsad serve)")
    for citation in result.citations:
        line(f"  citation ({citation.kind}): {citation.domain or citation.text}")


def _print_summary(console: Console, summary: Summary) -> None:
    table = Table(title="Run summary", show_header=False)
    rows = [
        ("documents stored", summary.documents),
        ("words analysed", summary.words),
        ("blocks removed", summary.removed_blocks),
        ("exact duplicates", summary.duplicates),
        ("near-duplicates (stored, linked)", summary.near_duplicates),
        ("already stored (skipped)", summary.already_stored),
        ("not English (stored, flagged)", summary.non_english),
        ("quarantined", summary.quarantined),
        ("seconds", f"{summary.seconds:.1f}"),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    console.print(table)
    for item in summary.failures:
        console.print(
            f"  quarantined {item.source}: {item.reason}: {item.message}", highlight=False, markup=False
        )
