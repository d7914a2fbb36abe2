"""The set-up contract: the lock matches pyproject.toml, and an installed wheel does every
main job from an empty folder, with no repository beside it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "requirements.lock"
SCRIPT = REPO / "tests" / "fixtures" / "debrief" / "strait-incident-script.yaml"


def locked_pins() -> dict[str, list[tuple[str, str]]]:
    """Each locked package's (version, hash count) entries, one per environment marker."""
    pins: dict[str, list[tuple[str, str]]] = {}
    entry: list[str] = []
    for line in LOCK.read_text(encoding="utf-8").splitlines() + [""]:
        stripped = line.strip()
        if stripped.startswith("#") or (not stripped and not entry):
            continue
        if entry and not line.startswith(" "):
            head = entry[0].rstrip(" \\")
            requirement = Requirement(head)
            (spec,) = requirement.specifier
            hashes = sum(1 for part in entry if "--hash=sha256:" in part)
            pins.setdefault(canonicalize_name(requirement.name), []).append((spec.version, hashes))
            entry = []
        if stripped and not stripped.startswith("#"):
            entry.append(stripped)
    return pins


def declared_requirements() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    declared = project["project"]["dependencies"] + project["project"]["optional-dependencies"]["test"]
    declared += project["build-system"]["requires"]
    return [Requirement(text) for text in declared]


def test_every_declared_dependency_is_locked_at_a_version_its_range_admits():
    pins = locked_pins()
    for requirement in declared_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is in pyproject.toml but not in the lock: run `make lock`"
        for version, _ in pins[name]:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"the lock pins {name}=={version}, outside pyproject.toml's {requirement}: "
                f"run `make lock`")


def test_every_locked_package_is_pinned_with_hashes():
    pins = locked_pins()
    assert len(pins) > 20
    for name, entries in pins.items():
        for version, hashes in entries:
            assert hashes >= 1, f"{name}=={version} has no hash in the lock"


# --- the wheel, installed into a fresh virtual environment from the lock -----------------

SOURCES = ("pyproject.toml", "setup.py", "README.md", "wargame", "scenarios", "rulebooks",
           "debriefs", "schemas")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, Path]:
    """A wheel built from a copy of the sources, installed in a new venv; an empty folder."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(path, source / name)
    # The build tools come from this (locked) environment: nothing from today's releases.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(root / "dist"), str(source)],
                   check=True, capture_output=True)
    (wheel,) = (root / "dist").glob("wargame-*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(pip + ["install", "--require-hashes", "-r", str(LOCK)], check=True,
                   capture_output=True)
    subprocess.run(pip + ["install", "--no-deps", str(wheel)], check=True, capture_output=True)
    subprocess.run(pip + ["check"], check=True, capture_output=True)
    empty = root / "empty"
    empty.mkdir()
    return {"bin": venv / "bin", "cwd": empty, "wheel": wheel}


def wargame(installed, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{installed['bin']}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run([str(installed["bin"] / "wargame"), *args], cwd=installed["cwd"],
                            env=env, capture_output=True, text=True, timeout=120)
    if check:
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    assert "internal error" not in result.stderr
    return result


pytestmark = pytest.mark.xdist_group("wheel")


def test_the_wheel_carries_the_bundled_content(installed):
    import zipfile

    names = zipfile.ZipFile(installed["wheel"]).namelist()
    for expected in ("wargame/bundled/scenarios/strait-incident.yaml",
                     "wargame/bundled/rulebooks/cbm-standard.yaml",
                     "wargame/bundled/debriefs/html/base.html.j2",
                     "wargame/bundled/debriefs/md/base.md.j2",
                     "wargame/bundled/schemas/scenario.schema.json",
                     "wargame/ui/app.tcss"):
        assert expected in names


def test_installed_wheel_validates_runs_exports_and_debriefs_from_an_empty_folder(installed):
    assert wargame(installed, "--version").stdout.strip().startswith("wargame ")
    assert "ok" in wargame(installed, "validate", "strait-incident").stdout
    script = installed["cwd"] / "script.yaml"
    shutil.copy(SCRIPT, script)
    wargame(installed, "run", "strait-incident", "--script", "script.yaml", "--session", "s.wargame")
    exported = json.loads(wargame(installed, "export", "s.wargame").stdout)
    assert exported["scenario"]["id"] == "strait-incident"
    wargame(installed, "debrief", "s.wargame", "-o", "s.html")
    html = (installed["cwd"] / "s.html").read_text(encoding="utf-8")
    assert "<html" in html and "Strait" in html
    wargame(installed, "debrief", "s.wargame", "-o", "s.md")
    assert (installed["cwd"] / "s.md").read_text(encoding="utf-8").startswith("#")
    schema = json.loads(wargame(installed, "schema", "scenario").stdout)
    assert schema["type"] == "object"


def test_installed_wheel_writes_a_starter_that_validates_and_local_files_come_first(installed):
    wargame(installed, "new", "harbour-drill")
    assert "ok" in wargame(installed, "validate", "scenarios/harbour-drill.yaml").stdout
    # A trainer's own copy of a bundled scenario id shadows the bundled one.
    local = installed["cwd"] / "scenarios" / "strait-incident.yaml"
    local.write_text("id: strait-incident\n", encoding="utf-8")
    try:
        refused = wargame(installed, "validate", "strait-incident", check=False)
        assert refused.returncode == 1
        assert "scenarios/strait-incident.yaml:" in refused.stderr
    finally:
        local.unlink()


def test_installed_wheel_lists_bundled_scenarios_on_the_home_screen(installed):
    probe = """
import asyncio, time
from textual.widgets import DataTable
from wargame.ui.app import create_app

async def main():
    app = create_app(poll_interval=None)
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 90  # a loaded 2-core CI machine can take this long
        wanted = ("strait-incident", "border-crisis", "airspace-cyber")
        listed = ""
        while time.monotonic() < deadline and not all(w in listed for w in wanted):
            await pilot.pause(0.05)
            tables = app.screen.query("#home-scenarios")
            if tables:
                table = tables.first(DataTable)
                listed = "\\n".join(" ".join(str(cell) for cell in table.get_row_at(row))
                                   for row in range(table.row_count))
        print(listed)

asyncio.run(main())
"""
    result = subprocess.run([str(installed["bin"] / "python"), "-c", probe],
                            cwd=installed["cwd"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, (result.stdout, result.stderr)
    for scenario in ("strait-incident", "border-crisis", "airspace-cyber"):
        assert scenario in result.stdout


def test_installed_wheel_serves_the_app(installed):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    server = subprocess.Popen([str(installed["bin"] / "wargame"), "serve", "strait-incident",
                               "--session", "served.wargame", "--port", str(port)],
                              cwd=installed["cwd"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200
                    break
            except OSError:
                assert server.poll() is None, server.communicate()
                assert time.monotonic() < deadline, "the served page never answered"
                time.sleep(0.2)  # polling a starting server, not a fixed wait for an outcome
    finally:
        server.terminate()
        server.communicate(timeout=10)


def test_installed_wheel_plays_a_bundled_scenario_in_a_terminal(installed):
    import fcntl
    import pty
    import select
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["TERM"] = "xterm-256color"
    play = subprocess.Popen([str(installed["bin"] / "wargame"), "play", "strait-incident"],
                            stdin=follower, stdout=follower, stderr=follower,
                            cwd=installed["cwd"], env=env, close_fds=True)
    os.close(follower)
    written = b""
    try:
        deadline = time.monotonic() + 60
        while b"Strait" not in written and time.monotonic() < deadline and play.poll() is None:
            if select.select([leader], [], [], 0.1)[0]:
                written += os.read(leader, 1 << 16)
        assert b"Strait" in written, written[-2000:]
        os.write(leader, b"\x11")  # ctrl+q
        while play.poll() is None and time.monotonic() < deadline:
            if select.select([leader], [], [], 0.1)[0]:
                try:
                    written += os.read(leader, 1 << 16)
                except OSError:
                    break
        assert play.wait(timeout=10) == 0
    finally:
        if play.poll() is None:
            play.kill()
        os.close(leader)
    sessions = list((installed["cwd"] / "sessions").glob("strait-incident-*.wargame"))
    assert len(sessions) == 1
    assert b"--session" in written and b"internal error" not in written
