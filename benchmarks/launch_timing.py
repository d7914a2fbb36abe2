"""Time from launching a terminal app to text appearing on its screen (POSIX pseudo-terminal).

Used by bench_ui.py for its figures from process launch: the program runs in a real
pseudo-terminal of a fixed size, and the clock stops when each marker text has been written.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

QUIT = b"\x11"  # ctrl+q


def drain_until_exit(process: subprocess.Popen, leader: int, timeout: float) -> None:
    """Keep reading what the program writes while it closes, or it blocks on a full terminal."""
    deadline = time.perf_counter() + timeout
    while process.poll() is None and time.perf_counter() < deadline:
        if select.select([leader], [], [], 0.05)[0]:
            try:
                os.read(leader, 1 << 16)
            except OSError:
                return


def time_to_markers(argv: list[str], markers: list[str], cwd: Path, size: tuple[int, int],
                    timeout: float = 30.0) -> dict[str, float]:
    """Seconds from launch until each marker's text is on the screen; then quit the app."""
    columns, rows = size
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower, cwd=cwd,
                               env=env, close_fds=True)
    os.close(follower)
    written, found = b"", {}
    try:
        while len(found) < len(markers) and time.perf_counter() - started < timeout:
            if not select.select([leader], [], [], 0.05)[0]:
                continue
            try:
                written += os.read(leader, 1 << 16)
            except OSError:  # the program ended
                break
            for marker in markers:
                if marker not in found and marker.encode() in written:
                    found[marker] = time.perf_counter() - started
        os.write(leader, QUIT)
        drain_until_exit(process, leader, timeout)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    missing = [m for m in markers if m not in found]
    if missing:
        raise SystemExit(f"{' '.join(argv)}: never showed {missing} within {timeout} s")
    return found
