"""Task `fa-kes`: where and when, on Syrian war reports (FA-KES, Abu Salem et al. 2019).

Each of the 804 news articles (Reuters, SANA, Sputnik, Al-Araby, TRT, ...) comes with fields that
crowd workers extracted about the casualty event it reports: the governorate (one of 12 names) and
the date. These are reports Marsad was never tuned on, written the way users' reports are: pages
flattened to text, with the date line run into the first paragraph. The production path reads
each article (title, blank line, text): cleaning, which reads the publication date from the text,
then the pipeline.

- **Where**: the article's main governorate is the one its events' Syrian places (below country
  level) lie in most often, the earlier event winning a tie; without such an event, the governorate
  of the Syrian place mentioned most. Gold names are resolved with our own gazetteer to the
  governorates of their Syrian candidates; "damascus" also covers Rif Dimashq, since the workers'
  list had no other name for the countryside around the capital. The baseline is the first Syrian
  place the article mentions.
- **When**: the publication date cleaning reads, and the main event's date (the first killing or
  fighting event, told as happened or reported, that the text dates to one day; else the
  publication date),
  against the gold date: the same day, or within one day.

Crowd fields are noisy. The `label` column (whether the casualty figures matched a monitoring
database) says nothing about place or date, so all 804 articles are scored.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from marsad.errors import BenchmarkDataError
from marsad.eval.event_coding import sha256
from marsad.eval.gold import find_data_dir, gold_file
from marsad.eval.score import Prf, Scores
from marsad.eval.task import EvalOptions, Report, Task
from marsad.model import Place, RawDocument, Result
from marsad.pipeline import Analyzed, Analyzer
from marsad.resolve.gazetteer import Gazetteer, default_gazetteer
from marsad.resolve.names import fold

DATASET = "fa-kes"
FILE = "fakes.csv"
SYRIA = "SY"
# The workers' "damascus" is the capital or the countryside around it.
ALSO_MEANS = {"damascus": frozenset({"Rif-dimashq"})}
CASUALTY_TYPES = frozenset({"ASSAULT", "FIGHT"})
TOLD_AS_FACT = frozenset({"happened", "reported"})
DAY = "day"  # dated by the text to one day, not only by the publication date
LABEL = "governorate"


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    id: str
    title: str
    text: str
    location: str  # a governorate's name as the workers wrote it ("deir ezzor")
    date: date


def read_articles(path: Path) -> list[Article]:
    """The articles in file order. The file is ASCII but for a few stray bytes that are not UTF-8;
    latin-1 reads every byte."""
    articles = []
    with path.open(encoding="latin-1", newline="") as file:
        for n, row in enumerate(csv.DictReader(file), start=2):
            try:
                day = datetime.strptime(row["date"], "%m/%d/%y").date()
                articles.append(
                    Article(
                        id=row["unit_id"],
                        title=row["article_title"],
                        text=row["article_content"],
                        location=row["location"].strip().lower(),
                        date=day,
                    )
                )
            except (KeyError, ValueError) as error:
                raise BenchmarkDataError(f"{path}, line {n}: {error}") from error
    return articles


def governorates(name: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The Syrian governorates a gold location name stands for."""
    key = fold(name)
    found = {c.place.admin1 for c in gazetteer.lookup([key]).get(key, []) if c.place.country == SYRIA}
    return frozenset(a for a in found if a) | ALSO_MEANS.get(name, frozenset())


def _local(place: Place) -> bool:
    return place.country == SYRIA and place.admin1 is not None


def main_governorate(result: Result) -> str | None:
    places = {p.id: p for p in result.places if _local(p)}
    votes = Counter(places[e.place].admin1 for e in result.events if e.place in places)
    if not votes:
        votes = Counter(p.admin1 for p in places.values() for _ in p.mentions)
    return votes.most_common(1)[0][0] if votes else None  # Counter keeps first-seen order on ties


def first_governorate(result: Result) -> str | None:
    mentions = [(m.start, p.admin1) for p in result.places if _local(p) for m in p.mentions]
    return min(mentions)[1] if mentions else None


def main_event_date(result: Result) -> date | None:
    for event in result.events:
        if (
            event.date is not None
            and event.date_precision == DAY
            and event.type in CASUALTY_TYPES
            and event.status in TOLD_AS_FACT
        ):
            return date.fromisoformat(event.date.start)
    return date.fromisoformat(result.doc.published) if result.doc.published else None


@dataclass(slots=True)
class _Places:
    predicted: int = 0
    correct: int = 0

    def add(self, predicted: str | None, gold: frozenset[str]) -> None:
        self.predicted += predicted is not None
        self.correct += predicted in gold


@dataclass(slots=True)
class _Dates:
    found: int = 0
    same_day: int = 0
    within_a_day: int = 0

    def add(self, predicted: date | None, gold: date) -> None:
        if predicted is None:
            return
        self.found += 1
        self.same_day += predicted == gold
        self.within_a_day += abs((predicted - gold).days) <= 1


def run(options: EvalOptions) -> Report:
    path = gold_file(find_data_dir(options.data), DATASET, FILE)
    articles = read_articles(path)[: options.limit]
    analyzer = Analyzer(nlp=options.nlp)
    started = time.perf_counter()
    raws = [RawDocument(source=a.id, text=f"{a.title}\n\n{a.text}") for a in articles]
    outcomes = list(analyzer.analyze(raws))
    seconds = time.perf_counter() - started
    gazetteer = default_gazetteer()
    where, baseline = _Places(), _Places()
    published, event_dates = _Dates(), _Dates()
    words = 0
    for article, outcome in zip(articles, outcomes, strict=True):
        if not isinstance(outcome, Analyzed):
            continue
        words += outcome.words
        result = outcome.record.result
        gold = governorates(article.location, gazetteer)
        where.add(main_governorate(result), gold)
        baseline.add(first_governorate(result), gold)
        published.add(
            date.fromisoformat(result.doc.published) if result.doc.published else None, article.date
        )
        event_dates.add(main_event_date(result), article.date)
    n = len(articles) or 1
    scored = Prf(gold=len(articles), predicted=where.predicted, correct=where.correct)
    return Report(
        task=DATASET,
        split=options.split,
        gold=path,
        gold_sha256=sha256(path),
        examples=len(articles),
        words=words,
        seconds=seconds,
        scores=Scores(labels={LABEL: scored}, micro=scored),
        metrics={
            "governorate_accuracy": where.correct / n,
            "baseline_first_place_accuracy": baseline.correct / n,
            "published_found_share": published.found / n,
            "published_same_day_share": published.same_day / n,
            "event_date_same_day_share": event_dates.same_day / n,
            "event_date_within_one_day_share": event_dates.within_a_day / n,
        },
    )


TASK = Task(
    name=DATASET,
    summary="Where and when on Syrian war reports: main governorate and event date (FA-KES crowd fields)",
    splits=("all",),
    run=run,
)
