"""``wargame serve`` in an air-gapped room, and on IPv6.

The page asks nothing of the internet: every address it names is on the serving host, and
headless Chromium with every outside host blocked loads it, connects its websocket and
receives the app's screen without one failed request. ``--host ::1`` gives browsers a
websocket address they can use (``ws://[::1]:PORT/ws``).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import aiohttp
import jinja2
import pytest

from serve_support import first_screen_text

from wargame.commands.serve import listening_host, public_url
from wargame.commands.serve_page import UPSTREAM_TEMPLATE, page_environment_options


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


IPV6 = pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback on this machine")


def _free_port(host: str) -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class Served:
    """A ``wargame serve`` process listening on ``host``."""

    def __init__(self, folder: Path, host: str):
        self.host = host
        self.port = _free_port(host)
        self.origin = public_url(host, self.port, None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wargame", "serve", "strait-incident", "--session",
             str(folder / "served.wargame"), "--host", host, "--port", str(self.port)],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "COLUMNS": "200"})
        self._wait()

    def _wait(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server stopped: {self.process.stderr.read()}")
            try:
                socket.create_connection((self.host, self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"nothing listens on {self.origin} after {timeout} s")

    def get(self, url: str) -> str:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200, url
            return response.read().decode("utf-8")

    def stop(self) -> tuple[str, str]:
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=20)
        assert self.process.returncode == 0, err
        return out, err


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    server = Served(tmp_path_factory.mktemp("serve"), "127.0.0.1")
    yield server
    server.stop()


class _Addresses(HTMLParser):
    """Every address an HTML page makes a browser fetch: src, href, and CSS url()."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.found.append(value)

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found.extend(css_addresses(data))


def css_addresses(css: str) -> list[str]:
    return [m.group(2) for m in re.finditer(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", css)] + \
        re.findall(r"""@import\s+['"]([^'"]+)['"]""", css)


def test_the_page_and_its_styles_name_no_outside_host(served):
    page = served.get(served.origin + "/")
    parser = _Addresses()
    parser.feed(page)
    addresses = [urljoin(served.origin + "/", a) for a in parser.found]
    for stylesheet in [a for a in addresses if a.endswith(".css")]:
        addresses += [urljoin(stylesheet, a) for a in css_addresses(served.get(stylesheet))]
    assert addresses, "the page names no file at all: the parser is broken"
    outside = [a for a in addresses if urlsplit(a).scheme in ("http", "https")
               and urlsplit(a).netloc != urlsplit(served.origin).netloc]
    assert outside == []
    assert "fonts.googleapis.com" not in page
    assert f"{served.origin}/static/fonts/RobotoMono-VariableFont_wght.ttf" in addresses


def test_the_page_gives_the_websocket_address_and_the_title(served):
    page = served.get(served.origin + "/")
    assert "wargame · Incident in the Strait" in page
    assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page


def test_a_title_from_a_scenario_file_reaches_the_page_as_text():
    page = jinja2.Environment(**page_environment_options()).get_template(
        UPSTREAM_TEMPLATE).render(application={"name": "wargame · <script>alert(1)</script>"},
                                  config={"static": {"url": "/static/"}}, font_size=16,
                                  app_websocket_url="ws://h/ws")
    assert "<script>alert(1)</script>" not in page
    assert "wargame · &lt;script&gt;alert(1)&lt;/script&gt;" in page


# -- headless Chromium, every outside host unresolvable ---------------------------------------

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser",
                                                 "google-chrome") if shutil.which(name)), None)


async def _load_in_chromium(url: str, profile: Path, host: str) -> dict[str, list]:
    """Open ``url`` as a browser would; every request, failure and websocket frame seen."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        debug_port = probe.getsockname()[1]
    browser = subprocess.Popen(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", f"--remote-debugging-port={debug_port}",
         f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {host}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: dict[str, list] = {"requests": [], "failed": [], "websockets": [], "frames": []}
    try:
        async with aiohttp.ClientSession() as http:
            targets = await _devtools_targets(http, debug_port)
            page = next(t for t in targets if t["type"] == "page")
            async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as devtools:
                for number, method in enumerate(("Network.enable", "Page.enable"), 1):
                    await devtools.send_json({"id": number, "method": method, "params": {}})
                await devtools.send_json({"id": 3, "method": "Page.navigate",
                                          "params": {"url": url}})
                await _collect(devtools, seen)
    finally:
        browser.terminate()
        browser.wait(timeout=20)
    return seen


async def _devtools_targets(http: aiohttp.ClientSession, port: int) -> list[dict]:
    deadline = time.monotonic() + 20
    while True:
        try:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as response:
                return await response.json()
        except aiohttp.ClientError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.1)


async def _collect(devtools, seen: dict[str, list], timeout: float = 30.0) -> None:
    """Until the app has drawn its first screen (a few frames), or ``timeout``."""
    deadline = time.monotonic() + timeout
    while len(seen["frames"]) < 5 and time.monotonic() < deadline:
        try:
            message = await devtools.receive_json(timeout=deadline - time.monotonic())
        except asyncio.TimeoutError:
            return
        params = message.get("params", {})
        method = message.get("method")
        if method == "Network.requestWillBeSent":
            seen["requests"].append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            seen["failed"].append(params.get("errorText"))
        elif method == "Network.webSocketCreated":
            seen["websockets"].append(params["url"])
        elif method == "Network.webSocketFrameReceived":
            seen["frames"].append(params["response"]["payloadData"][:200])


def _check_loaded_offline(seen: dict[str, list], origin: str, websocket: str) -> None:
    fetched = [u for u in seen["requests"] if not u.startswith("data:")]
    assert fetched and all(u.startswith(origin + "/") for u in fetched), fetched
    assert seen["failed"] == [], (seen["failed"], fetched)
    assert [w.split("?")[0] for w in seen["websockets"]] == [websocket]
    assert len(seen["frames"]) >= 5  # the app is drawing into the page


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (apt-get install chromium)")
def test_chromium_loads_the_page_and_the_app_with_every_outside_host_blocked(served, tmp_path):
    seen = asyncio.run(_load_in_chromium(served.origin + "/", tmp_path / "profile",
                                         "127.0.0.1"))
    _check_loaded_offline(seen, served.origin, f"ws://127.0.0.1:{served.port}/ws")


# -- IPv6 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("host, url", [
    ("::1", "http://[::1]:8000"), ("[::1]", "http://[::1]:8000"),
    ("fd00::2", "http://[fd00::2]:8000"), ("0:0:0:0:0:0:0:1", "http://[::1]:8000"),
    ("127.0.0.1", "http://127.0.0.1:8000"), ("localhost", "http://localhost:8000"),
])
def test_ipv6_addresses_are_bracketed_in_the_browser_address(host, url):
    assert public_url(listening_host(host), 8000, None) == url


@IPV6
def test_on_ipv6_loopback_the_page_gives_a_working_websocket_address(tmp_path):
    server = Served(tmp_path, "::1")
    try:
        page = server.get(f"http://[::1]:{server.port}/")
        websocket = f"ws://[::1]:{server.port}/ws"
        assert f'data-session-websocket-url="{websocket}"' in page
        drawn = asyncio.run(first_screen_text(websocket))
        assert "Whose screen" in drawn
        if CHROMIUM is not None:
            seen = asyncio.run(_load_in_chromium(server.origin + "/", tmp_path / "profile",
                                                 "::1"))
            _check_loaded_offline(seen, server.origin, websocket)
    finally:
        out, _ = server.stop()
    assert f"http://[::1]:{server.port}/" in out
