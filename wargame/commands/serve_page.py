"""The web server of ``wargame serve``: textual-serve, with a page that loads nothing from
the internet and an address browsers can reach on IPv6 too.

textual-serve's own page asks Google for a web font, which an air-gapped exercise room
cannot reach (and which tells a third party that an exercise is running). Ours,
serve_page.html.j2, is that page with the font served from here; it is rendered with
autoescaping, since the title comes from a scenario file.
"""

from __future__ import annotations

import ipaddress
from importlib.resources import files

PAGE_TEMPLATE = "serve_page.html.j2"
UPSTREAM_TEMPLATE = "app_index.html"  # the name textual-serve renders its index page with


def page_template() -> str:
    return files("wargame.commands").joinpath(PAGE_TEMPLATE).read_text(encoding="utf-8")


def page_environment_options() -> dict:
    """How the page's Jinja2 environment is made: our template under upstream's name."""
    import jinja2

    return {"loader": jinja2.DictLoader({UPSTREAM_TEMPLATE: page_template()}),
            "autoescape": True}


def host_in_url(host: str) -> str:
    """``host`` as it is written in a URL: an IPv6 address goes in brackets."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host
    return f"[{address.compressed}]" if address.version == 6 else host


def local_url(host: str, port: int) -> str:
    """The address of a server listening on ``host``:``port``, for browsers on that host."""
    return f"http://{host_in_url(host)}:{port}"


def make_server(command: str, *, host: str, port: int, title: str, public_url: str):
    """A textual-serve Server running ``command`` per browser, with our page, handing each
    connection's process the browser's address (for the access log)."""
    import aiohttp_jinja2

    from wargame.commands.serve_address import AddressedServer

    class AirGappedServer(AddressedServer):
        async def _make_app(self):
            app = await super()._make_app()
            # Replaces the environment textual-serve just set up (the same app key).
            aiohttp_jinja2.setup(app, **page_environment_options())
            return app

    return AirGappedServer(command, host=host, port=port, title=title, public_url=public_url)
