"""Long sessions for the benchmarks: the engine benchmark's exercise (12 delegations, 20
turns) with N committed actions, written once per folder and reused.

    .venv/bin/python benchmarks/big_session.py FOLDER N   # build one by hand
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import RULEBOOK, generate, scenario_text  # noqa: E402  (the shared generator)

from wargame.engine import Session  # noqa: E402

SEED = 20261122


def scenario_file(folder: Path) -> Path:
    (folder / "bench-ladder.yaml").write_text(RULEBOOK, encoding="utf-8")
    path = folder / "bench-exercise.yaml"
    path.write_text(scenario_text(), encoding="utf-8")
    return path


def big_session(folder: Path, count: int) -> Path:
    """``folder``/big-COUNT.wargame, built in one transaction unless it is there already."""
    folder.mkdir(parents=True, exist_ok=True)
    scenario = scenario_file(folder)
    path = folder / f"big-{count}.wargame"
    if path.exists():
        return path
    building = path.with_name(f".{path.name}.building")
    building.unlink(missing_ok=True)
    with Session.create(building, scenario) as session:
        with session.batch() as batch:
            for second, (kind, payload) in enumerate(generate(count, random.Random(SEED))):
                batch.act(kind, payload, at=float(second))
    building.rename(path)
    return path


if __name__ == "__main__":
    print(big_session(Path(sys.argv[1]), int(sys.argv[2])))
