"""What one run leaves behind (a few counts), and the streaming tally over all runs.

A run's summary is read from its final state with the engine's own measures
(objectives, expectations, hotline metrics); the tally only adds counts, so memory stays
flat in the number of runs and merging tallies in any order gives the same result.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

import attrs

from wargame.engine.metrics import hotline_metrics
from wargame.engine.conditions import late_answer
from wargame.engine.objectives import evaluate_objectives, expectation_results
from wargame.engine.pauses import status as pause_status
from wargame.engine.state import ExerciseState
from wargame.model.scenario import Pair

ExpectationKey = tuple[str, str, str]  # (inject, by, move type)


@attrs.frozen
class RunSummary:
    pairs: tuple[tuple[Pair, str, str, int, bool], ...]  # pair, peak, final, peak level, moved
    injects: tuple[tuple[str, int], ...]  # released inject, turn
    objectives: tuple[tuple[str, bool | None], ...]
    expectations: tuple[tuple[ExpectationKey, str], ...]  # status: met|late|missed|unreleased
    messages: int
    late_messages: int
    gaps: tuple[int, ...]
    refused: int
    pauses: tuple[str, ...] = ()  # what each pause moment became


def summarize(state: ExerciseState, refused: int = 0) -> RunSummary:
    expectations = []
    for result in expectation_results(state):
        status = "late" if late_answer(state, result) is not None else result.status
        expectations.append(((result.inject, result.by, result.move), status))
    hotline = hotline_metrics(state)
    return RunSummary(
        pairs=tuple((pair, d.peak_rung, d.rung, d.peak_level, bool(d.history))
                    for pair, d in state.dyads.items()),
        injects=tuple((r.id, r.released_turn) for r in state.injects.values()),
        objectives=tuple((r.id, r.met) for r in evaluate_objectives(state)),
        expectations=tuple(expectations),
        messages=hotline["messages"], late_messages=hotline["late"],
        gaps=tuple(p.gap for p in state.perceptions if p.move in state.moves),
        refused=refused,
        pauses=tuple(pause_status(state, p) for p in state.pauses.values()))


@attrs.define
class Tally:
    runs: int = 0
    peak: dict[Pair, Counter] = attrs.Factory(dict)
    final: dict[Pair, Counter] = attrs.Factory(dict)
    peak_level: dict[Pair, Counter] = attrs.Factory(dict)
    moved: Counter = attrs.Factory(Counter)
    fired: dict[str, Counter] = attrs.Factory(dict)  # inject -> Counter(turn)
    met: Counter = attrs.Factory(Counter)
    unmeasured: Counter = attrs.Factory(Counter)
    expectations: dict[ExpectationKey, Counter] = attrs.Factory(dict)
    messages: Counter = attrs.Factory(Counter)  # messages per run -> runs
    late_messages: int = 0
    gaps: Counter = attrs.Factory(Counter)
    refused: int = 0
    pauses: Counter = attrs.Factory(Counter)  # status -> pauses over all runs

    def add(self, summary: RunSummary) -> None:
        self.runs += 1
        for pair, peak, final, level, moved in summary.pairs:
            self.peak.setdefault(pair, Counter())[peak] += 1
            self.final.setdefault(pair, Counter())[final] += 1
            self.peak_level.setdefault(pair, Counter())[level] += 1
            if moved:
                self.moved[pair] += 1
        for inject, turn in summary.injects:
            self.fired.setdefault(inject, Counter())[turn] += 1
        for objective, met in summary.objectives:
            if met:
                self.met[objective] += 1
            elif met is None:
                self.unmeasured[objective] += 1
        for key, status in summary.expectations:
            self.expectations.setdefault(key, Counter())[status] += 1
        self.messages[summary.messages] += 1
        self.late_messages += summary.late_messages
        self.gaps.update(summary.gaps)
        self.refused += summary.refused
        self.pauses.update(summary.pauses)

    def merge(self, other: "Tally") -> None:
        self.runs += other.runs
        for mine, theirs in ((self.peak, other.peak), (self.final, other.final),
                             (self.peak_level, other.peak_level), (self.fired, other.fired),
                             (self.expectations, other.expectations)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counter()).update(counts)
        for mine_counter, theirs_counter in ((self.moved, other.moved), (self.met, other.met),
                                             (self.unmeasured, other.unmeasured),
                                             (self.messages, other.messages),
                                             (self.gaps, other.gaps),
                                             (self.pauses, other.pauses)):
            mine_counter.update(theirs_counter)
        self.late_messages += other.late_messages
        self.refused += other.refused


def tally(summaries: Iterable[RunSummary]) -> Tally:
    total = Tally()
    for summary in summaries:
        total.add(summary)
    return total
