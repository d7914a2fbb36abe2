"""Text is data: how every string from a user, a file or the session log reaches the screen.

Widgets build what they show from :func:`plain` and :func:`assemble` only, never from a
str that Textual would read as markup (``[/]`` raises, ``[@click=app.quit]`` plants an
action, ``[link=…]`` a link). Both also make control characters visible
(:func:`wargame.printable.printable`), so an ESC in a move cannot retitle or clear the
terminal. The app's ``notify`` goes through the same path (wargame.ui.app).
"""

from __future__ import annotations

from typing import Union

from rich.text import Text
from textual.content import Content

from wargame.printable import printable

Part = Union[str, Content, tuple[Union[str, Content], str]]


def plain(text: object, style: str = "") -> Content:
    """``text`` shown exactly as written (in ``style``, a Textual style such as "bold")."""
    if isinstance(text, Content):
        return text.stylize(style) if style else text
    content = Content(printable(text))
    return content.stylize(style) if style else content


def assemble(*parts: Part) -> Content:
    """Like ``Content.assemble``: str parts (alone or with a style) are plain text."""
    safe: list[Part] = []
    for part in parts:
        if isinstance(part, tuple):
            body, style = part
            safe.append((body if isinstance(body, Content) else printable(body), style))
        elif isinstance(part, Content):
            safe.append(part)
        else:
            safe.append(printable(part))
    return Content.assemble(*safe)


def plain_text(text: object, style: str = "", **options: object) -> Text:
    """The same for Rich ``Text`` (DataTable cells, the timeline and ladder rows)."""
    return Text(printable(text), style=style, **options)  # type: ignore[arg-type]
