"""Live-screen benchmark, whole processes: the facilitator's console and a delegation's
screen on long sessions (10,000 and 100,000 events, the engine benchmark's generator).

Each screen is the real `wargame play` command in a pseudo-terminal (120x40), as a
person would run it; this process appends to the session as another screen would, and
watches the terminal for the appended item. Prints each figure beside its budget and
exits 1 when one is over:
- idle CPU of the console, over 20 s at rest once its views are drawn (from
  /proc/<pid>/stat: the poll worker, the clock tick, the redraws all included):
  <= 2% of a core at 10,000 events, <= 5% at 100,000;
- append-to-screen latency, from the append (another process's commit) to the item's
  text written to the terminal, median over the appends: <= 300 ms at 10,000 events,
  <= 1 s at 100,000. The console shows an appended move (its id, in the timeline); the
  delegation screen a message to it (its count of messages to acknowledge).
The delegation screen's idle CPU is printed against the same budgets.

    .venv/bin/python benchmarks/bench_console.py [--sizes 10000 100000] [--idle 20]
        [--appends 6] [--keep DIR]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from big_session import big_session  # noqa: E402

from wargame.engine import Session  # noqa: E402

IDLE_CPU_BUDGET = {10_000: 2.0, 100_000: 5.0}  # percent of one core
LATENCY_MS_BUDGET = {10_000: 300.0, 100_000: 1000.0}
SIZE = (120, 40)
QUIT = b"\x11"  # ctrl+q
READY_TIMEOUT = 180.0  # a 100k session's first full frame may take long before the fixes
SHOW_TIMEOUT = 60.0  # an append not shown by then counts as this long
QUIET = 2.0  # seconds without output: the screen has finished drawing
DELEGATION, SENDER = "state-02", "mediator"  # the mediator's channels are never cut


class Terminal:
    """A program in a pseudo-terminal; a thread drains what it writes and timestamps it."""

    def __init__(self, argv: list[str], cwd: Path):
        leader, follower = pty.openpty()
        columns, rows = SIZE
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        self.process = subprocess.Popen(argv, stdin=follower, stdout=follower,
                                        stderr=follower, cwd=cwd, env=env, close_fds=True)
        os.close(follower)
        self._leader = leader
        self._lock = threading.Lock()
        self._chunks: list[tuple[float, bytes]] = []
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                if not select.select([self._leader], [], [], 0.1)[0]:
                    if self.process.poll() is not None:
                        return
                    continue
                data = os.read(self._leader, 1 << 16)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self._chunks.append((time.perf_counter(), data))

    def mark(self) -> int:
        with self._lock:
            return len(self._chunks)

    def seen(self, text: str, since: int) -> float | None:
        """When ``text`` was first written completely after chunk ``since``."""
        wanted = text.encode()
        with self._lock:
            chunks = self._chunks[max(0, since - 1):]  # one back: text split across chunks
        written = b""
        for when, data in chunks:
            written += data
            if wanted in written:
                return when
            written = written[-len(wanted):]
        return None

    def wait_for(self, text: str, since: int, timeout: float, *, needed: bool = True) -> float:
        """When ``text`` appeared; after ``timeout``, the deadline (or SystemExit if needed)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            found = self.seen(text, since)
            if found is not None:
                return found
            if self.process.poll() is not None:
                raise SystemExit(f"the screen closed before showing {text!r}")
            time.sleep(0.01)
        if needed:
            raise SystemExit(f"{text!r} never appeared on the screen within {timeout:.0f} s")
        print(f"  ({text!r} not on the screen within {timeout:.0f} s: counted as {timeout:.0f} s)")
        return deadline

    def wait_quiet(self, quiet: float, timeout: float) -> None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self._lock:
                last = self._chunks[-1][0] if self._chunks else 0.0
            if time.perf_counter() - last >= quiet:
                return
            time.sleep(0.1)

    def cpu_seconds(self) -> float:
        stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        try:
            os.write(self._leader, QUIT)
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=2)
        os.close(self._leader)


def idle_cpu(screen: Terminal, seconds: float) -> float:
    """Percent of one core the screen used at rest over ``seconds``."""
    screen.wait_quiet(QUIET, 60)
    before, started = screen.cpu_seconds(), time.perf_counter()
    time.sleep(seconds)
    return 100 * (screen.cpu_seconds() - before) / (time.perf_counter() - started)


def console_latencies(screen: Terminal, session: Session, appends: int) -> list[float]:
    rng = random.Random(7)
    times = []
    for n in range(appends):
        marker = f"lat{n}x{rng.randrange(10**6)}"
        since = screen.mark()
        started = time.perf_counter()
        session.act("move", {"id": marker, "by": "state-01", "type": "statement",
                             "text": "Latency probe"})
        times.append(screen.wait_for(marker, since, SHOW_TIMEOUT, needed=False) - started)
        time.sleep(rng.uniform(0.05, 0.6))  # appends land anywhere in the poll cycle
    return times


def delegation_latencies(screen: Terminal, session: Session, appends: int) -> list[float]:
    rng = random.Random(11)
    waiting = sum(1 for m in session.state.messages.values()
                  if m.recipient == DELEGATION and not m.acknowledged)
    times = []
    for n in range(appends):
        waiting += 1
        since = screen.mark()
        started = time.perf_counter()
        session.act("hotline", {"from": SENDER, "to": DELEGATION, "text": "Latency probe"})
        times.append(screen.wait_for(f" {waiting} to acknowledge", since, SHOW_TIMEOUT,
                                     needed=False) - started)
        time.sleep(rng.uniform(0.05, 0.6))
    return times


def line(name: str, value: float, budget: float, unit: str) -> bool:
    ok = value <= budget
    print(f"  {name:<46} {value:>8.1f} {unit:<2} budget <= {budget:g} {unit}  "
          f"{'ok' if ok else 'OVER BUDGET'}")
    return ok


def measure_screen(name: str, argv: list[str], ready: str, folder: Path, path: Path,
                   count: int, args, latencies) -> bool:
    started = time.perf_counter()
    screen = Terminal(argv, folder)
    try:
        shown = screen.wait_for(ready, 0, READY_TIMEOUT) - started
        print(f"  {name}: {ready!r} on screen {shown:.1f} s after launch")
        idle = idle_cpu(screen, args.idle)
        with Session.open(path) as session:
            times = latencies(screen, session, args.appends)
    finally:
        screen.close()
    ok = line(f"{name}: idle CPU over {args.idle:g} s", idle, IDLE_CPU_BUDGET[count], "%")
    ok &= line(f"{name}: append to screen (median)", statistics.median(times) * 1000,
               LATENCY_MS_BUDGET[count], "ms")
    print(f"  {name}: append to screen, slowest {max(times) * 1000:.0f} ms of {len(times)}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000],
                        choices=sorted(IDLE_CPU_BUDGET))
    parser.add_argument("--idle", type=float, default=20.0, help="idle window, seconds")
    parser.add_argument("--appends", type=int, default=6, help="appends timed per screen")
    parser.add_argument("--keep", help="build (or reuse) the sessions in this folder")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="wargame-bench-console-"))
    ok = True
    for count in args.sizes:
        built = big_session(folder, count)
        path = folder / f"screens-{count}.wargame"  # appended to: the built one stays as it is
        print(f"{count:,} events")
        play = [sys.executable, "-m", "wargame", "play", "bench-exercise.yaml",
                "--session", str(path)]
        shutil.copyfile(built, path)
        ok &= measure_screen("console", play, "Escalation ladder", folder, path, count, args,
                             console_latencies)
        shutil.copyfile(built, path)
        ok &= measure_screen(f"{DELEGATION}'s screen", play + ["--as", DELEGATION],
                             "to acknowledge", folder, path, count, args,
                             delegation_latencies)
        path.unlink()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
