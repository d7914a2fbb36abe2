"""Playing N runs, spread over J processes, in chunks of run indices.

Each run is seeded from (seed, run index) alone, and the tally only adds counts, so the
result does not depend on J or on the order in which chunks finish. A chunk sends back its
tally (a few hundred counts) and, for the first runs only, the events to keep as sessions.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Callable, Iterator

import attrs

from wargame.engine.state import Event
from wargame.model import Scenario
from wargame.simulate.aggregate import Tally, summarize
from wargame.simulate.catalogue import Catalogue
from wargame.simulate.play import play_run
from wargame.simulate.policies import PolicySet

CHUNKS_PER_JOB = 8  # enough chunks for an even spread and a live progress count
MAX_CHUNK = 250


@attrs.frozen
class Plan:
    scenario: Scenario
    policies: PolicySet
    runs: int
    seed: int
    keep: int = 0


@attrs.frozen
class ChunkResult:
    start: int
    tally: Tally
    kept: tuple[tuple[int, tuple[Event, ...]], ...]  # (run index, its events)


def play_chunk(plan: Plan, start: int, stop: int) -> ChunkResult:
    catalogue = Catalogue.of(plan.scenario.rulebook)
    total = Tally()
    kept = []
    for index in range(start, stop):
        run = play_run(plan.scenario, plan.policies, catalogue, plan.seed, index)
        total.add(summarize(run.state, len(run.refused)))
        if index < plan.keep:
            kept.append((index, tuple(run.state.events)))
    return ChunkResult(start, total, tuple(kept))


def _play_chunk_task(task: tuple[Plan, int, int]) -> ChunkResult:
    return play_chunk(*task)


def chunks(runs: int, jobs: int) -> list[tuple[int, int]]:
    size = max(1, min(MAX_CHUNK, -(-runs // (jobs * CHUNKS_PER_JOB))))
    return [(start, min(start + size, runs)) for start in range(0, runs, size)]


def simulate(plan: Plan, jobs: int,
             progress: Callable[[int, int], None] | None = None) -> tuple[Tally, list]:
    """The tally of all runs and the kept runs' events (by run index)."""
    total = Tally()
    kept: list[tuple[int, tuple[Event, ...]]] = []
    done = 0
    for result in _results(plan, jobs):
        total.merge(result.tally)
        kept.extend(result.kept)
        done += result.tally.runs
        if progress is not None:
            progress(done, plan.runs)
    kept.sort(key=lambda item: item[0])
    return total, kept


def _results(plan: Plan, jobs: int) -> Iterator[ChunkResult]:
    tasks = [(plan, start, stop) for start, stop in chunks(plan.runs, jobs)]
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(_play_chunk_task, tasks)
        return
    with multiprocessing.get_context(_start_method()).Pool(jobs) as pool:
        yield from pool.imap_unordered(_play_chunk_task, tasks)


def _start_method() -> str:
    # fork starts workers at once with the engine already imported; elsewhere, spawn.
    return "fork" if sys.platform.startswith("linux") else "spawn"


def default_jobs() -> int:
    return os.cpu_count() or 1


class ProgressCounter:
    """A plain carriage-return counter on a terminal; silent when stderr is not one."""

    def __init__(self, stream=None):
        self.stream = stream if stream is not None else sys.stderr
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.live:
            return
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\rsimulating [{'#' * filled}{'.' * (width - filled)}] "
                          f"{done}/{total} runs")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
