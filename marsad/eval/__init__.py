"""`marsad eval`: score Marsad's stages against public gold data found at run time.

A new task is one module defining a `Task` and one entry in `TASKS` below; the CLI lists and runs
whatever is registered here.
"""

from __future__ import annotations

from marsad.eval import (
    acled,
    attribution,
    cameo,
    case2021,
    causal,
    event_location,
    geoparse,
    ner,
    plover,
    stance,
    syria_reports,
    timex,
)
from marsad.eval.task import EvalOptions, Report, Task

__all__ = ["TASKS", "EvalOptions", "Report", "Task", "evaluate"]

TASKS: dict[str, Task] = {
    task.name: task
    for task in [
        ner.TASK,
        attribution.TASK,
        causal.TASK,
        geoparse.GEOWEBNEWS,
        geoparse.LGL,
        geoparse.TR_NEWS,
        geoparse.GEOVIRUS,
        event_location.TASK,
        syria_reports.TASK,
        timex.TEMPEVAL3_TASK,
        timex.TIMEBANK_TASK,
        timex.MEANTIME_TASK,
        plover.TASK,
        acled.TASK,
        case2021.TASK,
        cameo.TASK,
        stance.FNC_TASK,
        stance.EMERGENT_TASK,
    ]
}


def evaluate(name: str, options: EvalOptions) -> Report:
    """Run the registered task `name` (a KeyError if there is none) on `options.split`."""
    return TASKS[name].run(options)
