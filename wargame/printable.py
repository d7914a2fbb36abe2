"""Text from users and files made safe to print: control characters shown, not obeyed.

A move, a message or a file may hold ESC, BEL and the like; written to a terminal as they
are, they retitle the window, clear the screen or hide what follows. Every screen, CLI
message and stdout stream shows such text through :func:`printable`. No Rich or Textual
here: the core's messages use it too.
"""

from __future__ import annotations

# C0 controls (but tab and newline) and DEL become their Unicode control pictures
# (ESC → ␛, BEL → ␇): one visible cell each, so nothing shifts. C1 controls, which have no
# pictures, are written as Python escapes (\x9b).
_VISIBLE = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({code: f"\\x{code:02x}" for code in range(0x80, 0xA0)})


def printable(text: object) -> str:
    """``text`` (made a str) with every control character but tab and newline made visible."""
    return str(text).translate(_VISIBLE)
