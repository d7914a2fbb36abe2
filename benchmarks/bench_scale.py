"""Scale benchmark: what a long session costs, at 10,000 and 100,000 events.

Sessions from the engine benchmark's generator (12 delegations, 20 turns). Prints each
figure beside its budget and exits 1 when one is over:
- the fold: opening the session (read the log, fold it), CPU time, median of 3:
  <= 2 s at 100,000 events, and the 100k/10k ratio <= 12 (linear would be 10);
- appending one action to the open session, as the console does (check, commit, fold in):
  <= 0.5 s at 100,000 events (median of 20).
For information: `wargame export` and `wargame debrief` in a fresh process (CPU time,
median of 3); `wargame run` of a one-action script (a fresh process: it opens, folds and
appends); retracting a recent move in the open session (it refolds from the last
checkpoint), and an early one (before every checkpoint: a fold from event 1).

    .venv/bin/python benchmarks/bench_scale.py [--sizes 10000 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_session import big_session  # noqa: E402

from wargame.engine import Session  # noqa: E402

FOLD_SECONDS_BUDGET = 2.0  # at 100,000 events
FOLD_RATIO_BUDGET = 12.0  # 100k / 10k
APPEND_MS_BUDGET = 500.0  # at 100,000 events
BUDGET_SIZE = 100_000
ONE_ACTION = "actions:\n  - note: {by: facilitator, text: One more note}\n"


def line(name: str, value: float, budget: float | None, unit: str) -> bool:
    if budget is None:
        print(f"  {name:<50} {value:>8.2f} {unit:<2} (for information)")
        return True
    ok = value <= budget
    print(f"  {name:<50} {value:>8.2f} {unit:<2} budget <= {budget:g} {unit}  "
          f"{'ok' if ok else 'OVER BUDGET'}")
    return ok


def child_cpu(argv: list[str]) -> float:
    """CPU seconds (user + system) of a fresh process running ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def fold_seconds(path: Path, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        session = Session.open(path)
        times.append(time.process_time() - started)
        session.close()
    return statistics.median(times)


def append_seconds(path: Path, appends: int = 20) -> list[float]:
    times = []
    with Session.open(path) as session:
        for n in range(appends):
            started = time.perf_counter()
            session.act("note", {"by": "facilitator", "text": f"appended {n}"})
            times.append(time.perf_counter() - started)
    return times


def retraction_seconds(path: Path) -> tuple[float, float]:
    """(median of 3 retractions of a recent move, one retraction of an early move)."""
    with Session.open(path) as session:
        moves = [m for m in session.state.moves.values() if m.status != "retracted"]
        recent = []
        for move in moves[-3:]:
            started = time.perf_counter()
            session.act("retract", {"event": move.id, "reason": "benchmark"})
            recent.append(time.perf_counter() - started)
        started = time.perf_counter()
        session.act("retract", {"event": moves[0].id, "reason": "benchmark"})
        early = time.perf_counter() - started
    return statistics.median(recent), early


def measure(folder: Path, count: int) -> dict[str, float]:
    started = time.perf_counter()
    path = big_session(folder, count)
    print(f"{count:,} events (session {path.stat().st_size / 1e6:.0f} MB, "
          f"ready in {time.perf_counter() - started:.1f} s)")
    figures = {"fold": fold_seconds(path)}
    wargame = [sys.executable, "-m", "wargame"]
    figures["export"] = statistics.median(
        child_cpu(wargame + ["export", str(path)]) for _ in range(3))
    report = folder / f"debrief-{count}.html"
    figures["debrief"] = statistics.median(
        child_cpu(wargame + ["debrief", str(path), "-o", str(report)]) for _ in range(3))
    copy = folder / f"copy-{count}.wargame"
    script = folder / "one-action.yaml"
    script.write_text(ONE_ACTION, encoding="utf-8")
    runs = []
    for _ in range(3):
        shutil.copyfile(path, copy)
        runs.append(child_cpu(wargame + ["run", str(folder / "bench-exercise.yaml"),
                                         "--script", str(script), "--session", str(copy)]))
    figures["run"] = statistics.median(runs)
    shutil.copyfile(path, copy)
    figures["append"] = statistics.median(append_seconds(copy))
    figures["retract"], figures["retract-early"] = retraction_seconds(copy)
    copy.unlink()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, BUDGET_SIZE])
    parser.add_argument("--keep", help="build (or reuse) the sessions in this folder")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="wargame-bench-scale-"))
    results: dict[int, dict[str, float]] = {}
    ok = True
    for count in args.sizes:
        figures = results[count] = measure(folder, count)
        budgeted = count == BUDGET_SIZE
        ok &= line("open the session: read and fold the log (CPU)", figures["fold"],
                   FOLD_SECONDS_BUDGET if budgeted else None, "s")
        ok &= line("append one action to the open session (median)",
                   figures["append"] * 1000, APPEND_MS_BUDGET if budgeted else None, "ms")
        line("retract a recent move in the open session (median)",
             figures["retract"] * 1000, None, "ms")
        line("retract the first move (a fold from event 1)", figures["retract-early"] * 1000,
             None, "ms")
        line("`wargame export`, fresh process (CPU)", figures["export"], None, "s")
        line("`wargame debrief -o`, fresh process (CPU)", figures["debrief"], None, "s")
        line("`wargame run` of one action, fresh process (CPU)", figures["run"], None, "s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
    line("peak memory of this process (sessions, checkpoints)", peak, None, "MB")
    if 10_000 in results and BUDGET_SIZE in results:
        print("100k / 10k")
        ok &= line("fold time ratio", results[BUDGET_SIZE]["fold"] / results[10_000]["fold"],
                   FOLD_RATIO_BUDGET, "x")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
