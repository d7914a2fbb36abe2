"""Simulation benchmark: `wargame simulate border-crisis` as a trainer runs it.

Prints each figure beside its budget and exits 1 when one is over:
- 1,000 runs of border-crisis, wall time of the whole command (<= 10 s on 2 cores);
- time linear in the number of runs: 4,000 runs take at most 4.4x the time of 1,000;
- memory flat in the number of runs: peak resident memory with 4,000 runs at most
  1.2x that with 1,000 (the tally streams; nothing is kept per run).

Each measurement is a fresh `wargame simulate` process (imports, loading, the pool and
writing the report all count). The machine may be shared: run it on a quiet machine for
figures worth comparing, and read the printed load average beside them.

    .venv/bin/python benchmarks/bench_simulate.py [--jobs J] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WALL_SECONDS_BUDGET = 10.0
LINEAR_RATIO_BUDGET = 4.4
MEMORY_RATIO_BUDGET = 1.2

CHILD = """
import json, resource, sys, time
from wargame.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
elapsed = time.perf_counter() - started
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"code": code, "seconds": elapsed, "peak_kb": peak}))
"""


def measure(runs: int, jobs: int | None, folder: Path) -> tuple[float, float]:
    """(wall seconds of the whole process, peak resident MB of it and its workers)."""
    out = folder / f"report-{runs}.json"
    args = ["border-crisis", "--runs", str(runs), "--seed", "1", "-o", str(out)]
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, "simulate", *args],
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"wargame simulate failed:\n{done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return wall, figures["peak_kb"] / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, help="processes (default: the cores)")
    parser.add_argument("--runs", type=int, default=1000, help="the smaller run count")
    args = parser.parse_args()
    cores = os.cpu_count()
    print(f"{cores} cores; load average before: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small_s, small_mb = measure(args.runs, args.jobs, folder)
        large_s, large_mb = measure(args.runs * 4, args.jobs, folder)
    ratio = large_s / small_s
    memory_ratio = large_mb / small_mb
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    wall_budget = WALL_SECONDS_BUDGET * args.runs / 1000  # the budget is 10 s per 1,000 runs
    rows = [
        (f"{args.runs:,} runs of border-crisis, wall", f"{small_s:.2f} s",
         f"<= {wall_budget:g} s", small_s <= wall_budget),
        (f"{args.runs * 4:,} runs / {args.runs:,} runs, wall", f"{ratio:.2f}x "
         f"({large_s:.2f} s)", f"<= {LINEAR_RATIO_BUDGET:g}x", ratio <= LINEAR_RATIO_BUDGET),
        (f"peak memory, {args.runs * 4:,} / {args.runs:,} runs",
         f"{memory_ratio:.2f}x ({large_mb:.0f} / {small_mb:.0f} MB)",
         f"<= {MEMORY_RATIO_BUDGET:g}x", memory_ratio <= MEMORY_RATIO_BUDGET),
    ]
    over = False
    for what, figure, budget, ok in rows:
        print(f"{what:<44} {figure:>24}  budget {budget:<9} {'ok' if ok else 'OVER'}")
        over |= not ok
    print(f"per run: {small_s / args.runs * 1000:.2f} ms at {args.runs:,} runs, "
          f"{large_s / (args.runs * 4) * 1000:.2f} ms at {args.runs * 4:,}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
