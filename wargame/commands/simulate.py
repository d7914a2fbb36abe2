"""``wargame simulate SCENARIO [--policies FILE] [--runs N] [--seed S] [--jobs J]
[-o FILE.html|FILE.json] [--keep K]``: dry-run a scenario many times with rule-based
delegations and report what happened, with warnings for the trainer."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from wargame.errors import FileInvalid, WargameError
from wargame.output import write_output

FORMATS = {".json": "json", ".html": "html", ".htm": "html"}


def run(args) -> int:
    try:
        return _run(args)
    except FileInvalid as invalid:
        for problem in invalid.problems:
            print(problem, file=sys.stderr)
        return 1


def _run(args) -> int:
    from wargame.loader import load_scenario
    from wargame.paths import resolve_scenario
    from wargame.simulate.keep import kept_path, save_run
    from wargame.simulate.policies import default_policies
    from wargame.simulate.policy_file import load_policies
    from wargame.simulate.report import build_report, report_json
    from wargame.simulate.runner import Plan, ProgressCounter, default_jobs, simulate

    fmt = _format(args.output)
    if args.output:
        folder = Path(args.output).parent
        if not folder.is_dir():
            raise WargameError(f"cannot write {args.output}: no folder {folder} "
                               "(nothing was simulated)")
    if args.runs < 1:
        raise WargameError(f"--runs must be at least 1, got {args.runs}")
    if args.keep < 0 or args.keep > args.runs:
        raise WargameError(f"--keep must be from 0 to the number of runs ({args.runs}), "
                           f"got {args.keep}")
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise WargameError(f"--jobs must be at least 1, got {jobs}")
    scenario_path = resolve_scenario(args.scenario)
    scenario = load_scenario(scenario_path)
    policies = (load_policies(args.policies, scenario) if args.policies
                else default_policies([d.id for d in scenario.actors]))
    base = (Path(args.output).with_suffix("") if args.output
            else Path(f"{scenario.id}-simulated"))
    kept = [kept_path(base, index) for index in range(args.keep)]
    taken = [str(path) for path in kept if path.exists()]
    if taken:
        raise WargameError(f"--keep would overwrite {', '.join(taken)}; move them away first "
                           "(nothing was simulated)")
    started = time.perf_counter()
    tally, runs_kept = simulate(Plan(scenario, policies, args.runs, args.seed, args.keep),
                                jobs, ProgressCounter())
    elapsed = time.perf_counter() - started
    document = build_report(scenario, policies, tally, args.seed)
    if fmt == "html":
        from wargame.simulate.html import render_report
        text = render_report(document, scenario)
    else:
        text = report_json(document)
    for path, (_, events) in zip(kept, runs_kept):
        save_run(path, scenario_path, events)
    if args.output:
        write_output(Path(args.output), text)
    else:
        sys.stdout.write(text)
    where = f"; report written to {args.output}" if args.output else ""
    print(f"simulated {args.runs} runs of {scenario.id} in {elapsed:.1f} s on {jobs} "
          f"process{'es' if jobs != 1 else ''}; {len(document['warnings'])} design "
          f"warning{'s' if len(document['warnings']) != 1 else ''}{where}", file=sys.stderr)
    for path in kept:
        print(f"kept {path} (open it with: wargame play {scenario.id} --session {path})",
              file=sys.stderr)
    return 0


def _format(output: str | None) -> str:
    if output is None:
        return "json"
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS:
        raise WargameError(f"-o {output}: the report is written as .html or .json")
    return FORMATS[suffix]
