"""Telling each browser connection's process where the browser is (for the access log).

textual-serve starts one process per websocket with the server's environment; this
server adds ``WARGAME_CLIENT_ADDRESS``: the peer's address, or, when the peer is a
reverse proxy on this machine, the client it names in ``X-Forwarded-For``.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from wargame.engine.access_guard import CLIENT_ADDRESS_VARIABLE

log = logging.getLogger("wargame.serve")


def client_address(remote: str | None, forwarded_for: str | None) -> str:
    address = remote or "unknown"
    try:
        local = ipaddress.ip_address(address).is_loopback
    except ValueError:
        local = False
    if local and forwarded_for:
        return forwarded_for.split(",")[0].strip() or address
    return address


class AddressedAppService(AppService):
    def __init__(self, *args, address: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.address = address

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment[CLIENT_ADDRESS_VARIABLE] = self.address
        return environment


class AddressedServer(Server):
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        # As textual-serve's own, with the client's address handed to the process.
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        address = client_address(request.remote, request.headers.get("X-Forwarded-For"))
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            app_service = AddressedAppService(
                self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.download_manager,
                debug=self.debug, address=address)
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - as textual-serve: log, close this one
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket
