"""Terminal-app benchmark: first frame of the console, and redraws in a 10,000-event session.

Prints each figure beside its budget and exits 1 when one is over:
- time to the first frame of the exercise console for a bundled scenario, against a bare
  Textual app (Header + Footer) measured in the same run: median ratio <= 1.3. Both are
  timed from creating the app to the first frame the app hands to its driver; the session
  is opened beforehand (its opening time is printed for information). Imports are warmed
  up first, then the two alternate. The console's first frame is its status line and
  keys; its views mount right after, and the time to the frame with every panel drawn is
  printed for information.
- whole processes from launch, in a pseudo-terminal (imports included): `wargame play` on
  a new session and on resuming one, against the bare app as a script, alternating:
  median ratio of first frames <= 1.5. `wargame play`'s first frame is its status line
  (OPENING, the scenario and file) and the console's keys; the session opens after it in a
  thread. The times until the session is open (the session screen's status line) and
  until it is usable (the ladder drawn) are printed beside it, for information. The same
  for `wargame play --as azure` on the resumed session (a delegation's screen: its first
  frame has azure's keys, dimmed; usable once azure's screen is drawn): ratio <= 1.5.
- in a 10,000-event session (the engine benchmark's generator: 12 delegations, 20 turns),
  a key press that moves the selection redraws within 50 ms (median): the timeline cursor
  (down) and the ladder's pair (right).

    .venv/bin/python benchmarks/bench_ui.py [--repeat N] [--events N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import generate, RULEBOOK, scenario_text  # noqa: E402  (the shared generator)
from bare_app import BareApp  # noqa: E402
from launch_timing import time_to_markers  # noqa: E402

from textual import events  # noqa: E402
from textual.app import App  # noqa: E402

from wargame.engine import Session  # noqa: E402
from wargame.paths import resolve_scenario  # noqa: E402
from wargame.ui.app import create_app  # noqa: E402
from wargame.ui.screens.session import SessionScreen  # noqa: E402

FIRST_FRAME_RATIO_BUDGET = 1.3
FROM_LAUNCH_RATIO_BUDGET = 1.5
REDRAW_MS_BUDGET = 50.0
SIZE = (120, 40)
WAIT_SECONDS = 30.0


BARE_SCRIPT = Path(__file__).resolve().parent / "bare_app.py"


def line(name: str, value: float, budget: float | None, unit: str) -> bool:
    if budget is None:
        print(f"{name:<56} {value:>8.2f} {unit:<3} (for information)")
        return True
    ok = value <= budget
    print(f"{name:<56} {value:>8.2f} {unit:<3} budget <= {budget:g} {unit}  "
          f"{'ok' if ok else 'OVER BUDGET'}")
    return ok


def watch_frames(app: App) -> list[tuple[float, object, bool]]:
    """Record (time, screen, whole) of every frame the app hands to its driver.

    ``whole`` says the frame shows the screen complete: for the session screen, with its
    views (mounted right after the first frame); for any other screen, always.
    """
    frames: list[tuple[float, object, bool]] = []
    display = app._display

    def recording(screen, renderable) -> None:
        if renderable is not None:
            frames.append((time.perf_counter(), screen, getattr(screen, "views_built", True)))
        display(screen, renderable)

    app._display = recording
    return frames


async def first_frame(make_app: Callable[[], App], screen_type: type) -> tuple[float, float]:
    """Seconds from creating the app to its first frame showing ``screen_type``, and to the
    first frame showing it complete."""
    started = time.perf_counter()
    app = make_app()
    frames = watch_frames(app)
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.perf_counter() + WAIT_SECONDS
        while not any(isinstance(screen, screen_type) and whole for _, screen, whole in frames):
            if time.perf_counter() > deadline:
                raise SystemExit(f"no complete frame of {screen_type.__name__} within {WAIT_SECONDS} s")
            await pilot.pause()
    first = next(t for t, screen, _ in frames if isinstance(screen, screen_type))
    whole = next(t for t, screen, whole in frames if isinstance(screen, screen_type) and whole)
    return first - started, whole - started


async def first_frames(folder: Path, repeat: int) -> dict[str, list[float]]:
    scenario = resolve_scenario("strait-incident")
    figures: dict[str, list[float]] = {"bare": [], "console": [], "complete": [], "opening": []}
    for index in range(repeat + 1):  # the first round warms imports and caches up
        path = folder / f"first-{index}.wargame"
        with Session.create(path, scenario) as created:
            created.act("phase", {"to": "exercise"})  # the app opens on the console
        started = time.perf_counter()
        session = Session.open(path)
        opened = time.perf_counter() - started
        bare_seconds, _ = await first_frame(BareApp, object)
        console_seconds, complete_seconds = await first_frame(
            lambda: create_app(session, poll_interval=None), SessionScreen)
        session.close()
        if index:
            figures["bare"].append(bare_seconds)
            figures["console"].append(console_seconds)
            figures["complete"].append(complete_seconds)
            figures["opening"].append(opened)
    return figures


def big_session(folder: Path, count: int) -> tuple[Path, int]:
    (folder / "bench-ladder.yaml").write_text(RULEBOOK, encoding="utf-8")
    (folder / "bench-exercise.yaml").write_text(scenario_text(), encoding="utf-8")
    path = folder / "big.wargame"
    with Session.create(path, folder / "bench-exercise.yaml") as session:
        with session.batch() as batch:
            for second, (kind, payload) in enumerate(generate(count, random.Random(20261122))):
                batch.act(kind, payload, at=float(second))
        return path, len(session.state.events)


async def redraws(path: Path, presses: int) -> dict[str, list[float]]:
    """Milliseconds from a key press to the frame that shows its effect."""
    session = Session.open(path)
    app = create_app(session, poll_interval=None)
    frames = watch_frames(app)
    timings: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        while not app.screen.views_built:
            await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        for name, focus, key in (("timeline cursor (down)", "#timeline-log", "down"),
                                 ("ladder pair (right)", "#ladder-view", "right")):
            screen.query_one(focus).focus()
            await pilot.pause()
            timings[name] = []
            for _ in range(presses):
                await pilot.pause()
                seen = len(frames)
                started = time.perf_counter()
                app._driver.send_message(events.Key(key, None))
                deadline = started + WAIT_SECONDS
                while len(frames) == seen:
                    if time.perf_counter() > deadline:
                        raise SystemExit(f"{key} on {focus} drew nothing within {WAIT_SECONDS} s")
                    await asyncio.sleep(0)
                timings[name].append((frames[seen][0] - started) * 1000)
        log = screen.query_one("#timeline-log")
        assert log.shown_count == len(session.state.events), "the timeline does not show every event"
    session.close()
    return timings


# What `wargame play` shows, in order: its first frame (the status line says OPENING, the
# console's keys are in the footer), the session screen's status line (the scenario's
# title: the session is open), and the ladder panel's title (the views are drawn: usable).
FIRST_FRAME, SESSION_OPEN, USABLE = "OPENING", "Incident in the Strait", "Escalation ladder"
# `wargame play --as azure` shows its first frame (OPENING, azure's keys), then azure's
# screen, drawn whole at once: its status line and the ladder's top rung.
DELEGATION_USABLE = "Open hostilities"
# Bare `wargame` (the home screen): its title, then the bundled scenarios listed.
HOME_FRAME, HOME_LISTED = "crisis exercises", "strait-incident"


def from_launch(folder: Path, repeat: int) -> dict[str, list[float]]:
    """Whole processes in a pseudo-terminal, from launch: the bare app, `wargame play` on a
    new session and on resuming one in the exercise phase, `--as azure` on that one, and
    bare `wargame` (the home screen), alternating."""
    figures: dict[str, list[float]] = {
        "bare": [], "new": [], "new open": [], "new usable": [],
        "resumed": [], "resumed open": [], "resumed usable": [], "azure": [], "azure usable": [],
        "home": [], "home listed": []}
    for index in range(repeat):
        bare = time_to_markers([sys.executable, str(BARE_SCRIPT)], ["BareApp"], folder, SIZE)
        figures["bare"].append(bare["BareApp"])
        resumed = folder / f"launch-{index}.wargame"
        with Session.create(resumed, resolve_scenario("strait-incident")) as created:
            created.act("phase", {"to": "exercise"})
        for name, path in (("new", folder / f"launch-new-{index}.wargame"), ("resumed", resumed)):
            shown = time_to_markers(
                [sys.executable, "-m", "wargame", "play", "strait-incident", "--session", str(path)],
                [FIRST_FRAME, SESSION_OPEN, USABLE], folder, SIZE)
            figures[name].append(shown[FIRST_FRAME])
            figures[f"{name} open"].append(shown[SESSION_OPEN])
            figures[f"{name} usable"].append(shown[USABLE])
        shown = time_to_markers(
            [sys.executable, "-m", "wargame", "play", "strait-incident", "--session", str(resumed),
             "--as", "azure"], [FIRST_FRAME, DELEGATION_USABLE], folder, SIZE)
        figures["azure"].append(shown[FIRST_FRAME])
        figures["azure usable"].append(shown[DELEGATION_USABLE])
        shown = time_to_markers([sys.executable, "-m", "wargame"], [HOME_FRAME, HOME_LISTED],
                                folder, SIZE)
        figures["home"].append(shown[HOME_FRAME])
        figures["home listed"].append(shown[HOME_LISTED])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="first-frame repetitions")
    parser.add_argument("--events", type=int, default=10_000, help="actions in the big session")
    parser.add_argument("--presses", type=int, default=30, help="key presses timed per kind")
    parser.add_argument("--launches", type=int, default=5,
                        help="launches of each program for the figures from process launch")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.chdir(folder)  # the app looks for other sessions in ./sessions
        figures = asyncio.run(first_frames(folder, args.repeat))
        ratio = statistics.median(c / b for c, b in zip(figures["console"], figures["bare"]))
        median_ms = {name: statistics.median(values) * 1000 for name, values in figures.items()}
        line("bare Textual app (Header, Footer): first frame", median_ms["bare"], None, "ms")
        line("strait-incident console: first frame", median_ms["console"], None, "ms")
        line("  ... every panel drawn (views mount after it)", median_ms["complete"], None, "ms")
        line("opening the session before the app (Session.open)", median_ms["opening"], None, "ms")
        ok &= line("console / bare first frame (median ratio)", ratio, FIRST_FRAME_RATIO_BUDGET, "x")
        if args.launches:
            launches = from_launch(folder, args.launches)
            launched = {name: statistics.median(values) * 1000 for name, values in launches.items()}
            line("from launch: bare Textual app, first frame", launched["bare"], None, "ms")
            for name in ("new", "resumed"):
                line(f"from launch: `wargame play`, {name} session: first frame",
                     launched[name], None, "ms")
                line("  ... session open (its status line)", launched[f"{name} open"], None, "ms")
                line("  ... usable (the ladder drawn)", launched[f"{name} usable"], None, "ms")
                ratio = statistics.median(p / b for p, b in zip(launches[name], launches["bare"]))
                ok &= line(f"from launch: play ({name}) / bare first frame (median)", ratio,
                           FROM_LAUNCH_RATIO_BUDGET, "x")
            line("from launch: `wargame play --as azure`: first frame", launched["azure"], None, "ms")
            line("  ... usable (azure's screen drawn)", launched["azure usable"], None, "ms")
            ratio = statistics.median(p / b for p, b in zip(launches["azure"], launches["bare"]))
            ok &= line("from launch: play --as azure / bare first frame (median)", ratio,
                       FROM_LAUNCH_RATIO_BUDGET, "x")
            line("from launch: bare `wargame` (home): first frame", launched["home"], None, "ms")
            line("  ... the scenarios listed", launched["home listed"], None, "ms")
            ratio = statistics.median(p / b for p, b in zip(launches["home"], launches["bare"]))
            ok &= line("from launch: home / bare first frame (median)", ratio,
                       FROM_LAUNCH_RATIO_BUDGET, "x")
        started = time.perf_counter()
        path, events_count = big_session(folder, args.events)
        print(f"(built a session of {events_count} events in {time.perf_counter() - started:.1f} s)")
        for name, values in asyncio.run(redraws(path, args.presses)).items():
            ok &= line(f"10k events: {name} redraw (median)", statistics.median(values),
                       REDRAW_MS_BUDGET, "ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
