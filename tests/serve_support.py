"""Helpers for the `wargame serve` tests: talk to the served app as a browser does.

This module has no tests of its own; test_serve*.py import it.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp


async def first_screen_text(websocket: str, timeout: float = 30.0) -> str:
    """Connect to the app's websocket (``ws://HOST:PORT/ws``) and collect what it draws
    until its first screen (the viewer chooser) shows, or ``timeout`` seconds pass."""
    seen = b""
    async with aiohttp.ClientSession() as client, \
            client.ws_connect(f"{websocket}?width=100&height=30") as ws:
        await ws.send_json(["resize", {"width": 100, "height": 30}])
        deadline = time.monotonic() + timeout
        while b"Whose screen" not in seen and time.monotonic() < deadline:
            try:
                message = await ws.receive(timeout=max(deadline - time.monotonic(), 0.1))
            except asyncio.TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                seen += message.data.encode()
            else:
                break
    return seen.decode("utf-8", "replace")
