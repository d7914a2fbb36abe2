"""``wargame serve SCENARIO --session FILE [--host H] [--port N]``: the app in browsers.

Each browser connection runs its own ``wargame play ... --choose-viewer`` process
(textual-serve), whose first screen asks who is there and for that viewer's access code
(wargame.engine.access); the codes are printed here, to the terminal that started the
server, and nowhere else. The server listens on the loopback interface unless --host says
otherwise; anything else should sit behind a reverse proxy with authentication and TLS.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path

from wargame.commands.serve_page import host_in_url, local_url, make_server
from wargame.errors import WargameError
from wargame.printable import printable

PUBLIC_URL_VARIABLE = "WARGAME_PUBLIC_URL"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def exposure_warning(host: str) -> str | None:
    """What to tell the facilitator before listening on ``host``; None for loopback."""
    if is_loopback(host):
        return None
    return (f"warning: listening on {host} makes the exercise reachable from the network, "
            "unencrypted, with only the access codes to keep delegations apart. Put it behind a "
            "reverse proxy with authentication and TLS (nginx or Caddy; see the README, "
            "'Serving to browsers'), keep --host 127.0.0.1, and give the proxy's address with "
            f"{PUBLIC_URL_VARIABLE}=https://...")


def public_url(host: str, port: int, given: str | None) -> str:
    """The address browsers use (for the page's websocket)."""
    if given:
        return given.rstrip("/")
    if host in ("0.0.0.0", "::", ""):  # every interface: browsers need a real name
        return f"http://{socket.gethostname()}:{port}"
    return local_url(host, port)


def listening_host(given: str) -> str:
    """The host to listen on: an IPv6 address may be given in URL brackets, [::1]."""
    if given.startswith("[") and given.endswith("]"):
        return given[1:-1]
    return given


def check_port_free(host: str, port: int) -> None:
    """Refuse clearly, before anything starts, when the port cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind((host, port))
        except OSError as error:
            raise WargameError(f"cannot listen on {host_in_url(host)}:{port}: "
                               f"{error.strerror or error}; "
                               "choose another --port (or --host)") from None


def browser_command(scenario: Path, session: Path) -> str:
    """What each browser connection runs: this wargame, asking who is there first."""
    return shlex.join([sys.executable, "-m", "wargame", "play", str(scenario),
                       "--session", str(session), "--choose-viewer"])


def run(args) -> int:
    from wargame.commands.play import open_session
    from wargame.engine.access import code_lines
    from wargame.paths import resolve_scenario

    if not 0 < args.port < 65536:
        raise WargameError(f"--port {args.port} is not a port number (1-65535)")
    host = listening_host(args.host)
    session, created = open_session(args.scenario, args.session)
    try:
        title = printable(session.scenario.title)
        path = session.path.resolve()
        codes = code_lines(session)
    finally:
        session.close()
    check_port_free(host, args.port)
    url = public_url(host, args.port,
                     getattr(args, "public_url", None) or os.environ.get(PUBLIC_URL_VARIABLE))
    print(f"{'New session' if created else 'Session'}: {path}")
    print(f"Serving {title} to browsers at {url}/  (Ctrl+C stops the server)")
    print("Access codes (give each delegation its own; the projector needs none):")
    print("\n".join(codes), flush=True)
    warning = exposure_warning(host)
    if warning:
        print(f"wargame: {warning}", file=sys.stderr, flush=True)

    server = make_server(browser_command(resolve_scenario(args.scenario).resolve(), path),
                         host=host, port=args.port, title=f"wargame · {title}", public_url=url)
    server.serve()
    return 0
