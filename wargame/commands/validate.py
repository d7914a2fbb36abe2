"""`wargame validate PATH...`: check scenarios and rulebooks, reporting every problem.

Problems go to standard error as ``file:line:column: message``; each valid file gets a
one-line confirmation on standard output. Exit 0 when every file is valid, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys

from wargame.loader import Checked, check_paths
from wargame.model import Rulebook, Scenario
from wargame.printable import printable


def run(args: argparse.Namespace) -> int:
    checked, path_problems = check_paths(list(args.paths))
    printed: set = set()
    for problem in path_problems:
        print(printable(problem), file=sys.stderr)
    for result in checked:
        if result.valid:
            print(printable(f"ok  {result.path}  ({_summary(result)})"))
            continue
        for problem in result.problems:  # a shared rulebook's problems are shown once
            if problem not in printed:
                printed.add(problem)
                print(printable(problem), file=sys.stderr)
    invalid = sum(1 for result in checked if not result.valid)
    count = len(printed) + len(path_problems)
    files = _plural(len(checked), "file")
    if invalid or path_problems:
        missing = f", {_plural(len(path_problems), 'path')} not checked" if path_problems else ""
        print(f"{files} checked: {len(checked) - invalid} valid, {invalid} invalid{missing} "
              f"({_plural(count, 'problem')})", file=sys.stderr)
        return 1
    print(f"{files} checked: all valid")
    return 0


def _plural(count: int, noun: str, plural: str = "") -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _summary(result: Checked) -> str:
    model = result.model
    if isinstance(model, Scenario):
        return (f"scenario, {_plural(len(model.delegations), 'delegation')}, "
                f"{_plural(model.clock.turns, 'turn')}, {_plural(len(model.injects), 'inject')}")
    if isinstance(model, Rulebook):
        return (f"rulebook, {_plural(len(model.ladder.rungs), 'rung')}, "
                f"{_plural(len(model.categories), 'category', 'categories')}, "
                f"{_plural(len(model.moves), 'move type')}")
    return result.kind or "?"
