"""Task `case2021-task2-fine-grained-events`: the ACLED sub-event type of news snippets (CASE 2021
Shared Task 2 official test set, research use), scored by weighted F1 as the task was.

Marsad's ACLED sub-event of a snippet's first mapped event becomes the task's label through
CASE_LABELS; events ACLED has no type for become DIPLO (diplomacy: consult, agree, support,
demand, reject, threaten, sanction ...), ATTRIB (accusations) or ORG_CRIME. Disasters are never
predicted. The best published system reached weighted F1 0.839.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Hashable
from pathlib import Path

from marsad.eval.event_coding import code_texts, sha256
from marsad.eval.gold import find_data_dir, gold_file
from marsad.eval.score import score
from marsad.eval.task import EvalOptions, Report, Task
from marsad.model import Event

DATASET = "case2021-task2-fine-grained-events"
FILE = "test_set_final_release_with_labels.tsv"
CASE_LABELS = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}
UNMAPPED = {"ACCUSE": "ATTRIB", "CRIME": "ORG_CRIME"}
DIPLOMATIC = "DIPLO"
NONE = "NONE"


def label(events: list[Event]) -> str:
    mapped = next((e for e in events if e.acled_subtype), None)
    if mapped is not None and mapped.acled_subtype:
        return CASE_LABELS.get(mapped.acled_subtype, NONE)
    if not events:
        return NONE
    return UNMAPPED.get(events[0].type, DIPLOMATIC)


def read_snippets(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        rows = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            (row["EventSnippet"], row["SubType"])
            for row in rows
            if row.get("EventSnippet") and row.get("SubType")
        ]


def run(options: EvalOptions) -> Report:
    path = gold_file(find_data_dir(options.data), DATASET, FILE)
    gold = read_snippets(path)[: options.limit]
    started = time.perf_counter()
    coded = list(code_texts(options.nlp, (text for text, _ in gold)))
    seconds = time.perf_counter() - started
    gold_pairs: list[tuple[str, Hashable]] = [(subtype, n) for n, (_, subtype) in enumerate(gold)]
    predicted_pairs: list[tuple[str, Hashable]] = []
    for n, result in enumerate(coded):
        if (predicted := label(result.events)) != NONE:
            predicted_pairs.append((predicted, n))
    scores = score(gold_pairs, predicted_pairs)
    weighted = sum(p.f1 * p.gold for p in scores.labels.values()) / len(gold) if gold else 0.0
    return Report(
        task=DATASET,
        split=options.split,
        gold=path,
        gold_sha256=sha256(path),
        examples=len(gold),
        words=sum(len(text.split()) for text, _ in gold),
        seconds=seconds,
        scores=scores,
        metrics={"weighted_f1": weighted, "accuracy": scores.micro.correct / len(gold) if gold else 0.0},
    )


TASK = Task(
    name=DATASET,
    summary="ACLED sub-event type of CASE 2021 Task 2 snippets (weighted F1; best published 0.839)",
    splits=("test",),
    run=run,
)
