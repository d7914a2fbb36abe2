"""``wargame serve``: the page is served on loopback, a browser connection runs the app
(its first screen asks who is there), codes go to the server's terminal, and the server
stops cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from serve_support import first_screen_text

from wargame.commands.serve import exposure_warning, public_url
from wargame.engine import Session
from wargame.engine.access import access_codes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, server: subprocess.Popen, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the server stopped: {server.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port} after {timeout} s")


def serve(folder: Path, port: int, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "wargame", "serve", "strait-incident",
         "--session", str(folder / "served.wargame"), "--port", str(port), *extra],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "COLUMNS": "200"})


def test_the_page_is_served_and_a_connection_opens_the_app(tmp_path: Path) -> None:
    port = free_port()
    server = serve(tmp_path, port)
    try:
        wait_for_port(port, server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
            assert page.status == 200
            html = page.read().decode("utf-8")
        assert "wargame · Incident in the Strait" in html
        assert f"ws://127.0.0.1:{port}/ws" in html
        drawn = asyncio.run(first_screen_text(f"ws://127.0.0.1:{port}/ws"))
        assert "Whose screen" in drawn and "Access code" in drawn
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=20)
    assert server.returncode == 0, err
    assert "wargame:" not in err  # loopback: no warning, no error
    with Session.open(tmp_path / "served.wargame") as session:
        codes = access_codes(session)
    printed = {tuple(line.split()[:2]) for line in out.splitlines()}
    for viewer in ("control", "azure", "crimson", "verdant"):
        assert (viewer, codes[viewer]) in printed, out
    assert f"http://127.0.0.1:{port}/" in out


def test_a_busy_port_is_refused_before_anything_starts(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = serve(tmp_path, port)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_hosts_need_no_warning(host: str) -> None:
    assert exposure_warning(host) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "wargame.example.org", "::"])
def test_other_hosts_are_warned_about(host: str) -> None:
    warning = exposure_warning(host)
    assert warning is not None and "reverse proxy" in warning and "TLS" in warning


def test_the_public_address_browsers_use() -> None:
    assert public_url("127.0.0.1", 8000, None) == "http://127.0.0.1:8000"
    assert public_url("127.0.0.1", 8000, "https://wargame.example.org/") == \
        "https://wargame.example.org"
    assert public_url("0.0.0.0", 8123, None) == f"http://{socket.gethostname()}:8123"
