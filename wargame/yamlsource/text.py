"""Bytes to text: the size limit, UTF-8 decoding and YAML's character set, all located."""

from __future__ import annotations

import re

from wargame.errors import FileInvalid, Location, Problem

MAX_BYTES = 2 * 1024 * 1024

# A character YAML refuses to read: outside its printable set (NUL, other C0 controls, DEL,
# C1 controls except NEL, lone surrogates, U+FFFE/U+FFFF).
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # as YAML (and libyaml) count lines


def too_large(name: str, size: int) -> Problem:
    return Problem(
        Location(name, 1, 1),
        f"the file is too large ({size:,} bytes); the limit is {MAX_BYTES // 1048576} MiB "
        f"({MAX_BYTES:,} bytes)",
    )


def decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileInvalid([Problem(Location(name, 1, 1),
                                   "the file is encoded as UTF-16; save it as UTF-8")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        nul = data.find(b"\x00", 0, bad)
        if nul >= 0:
            raise FileInvalid([_binary(name, *byte_position(data, nul))]) from None
        line, column = byte_position(data, bad)
        raise FileInvalid([Problem(
            Location(name, line, column),
            f"not valid UTF-8 text: byte 0x{data[bad]:02x} cannot start or continue a character "
            "(save the file as UTF-8)",
        )]) from None


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    return char_position(data[:offset].decode("utf-8", "replace"), None)


def char_position(text: str, index: int | None) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    prefix = text if index is None else text[:index]
    line_start, line = 0, 1
    for line, match in enumerate(LINE_BREAK.finditer(prefix), start=2):
        line_start = match.end()
    return line, len(prefix) - line_start + 1


def _binary(name: str, line: int, column: int) -> Problem:
    return Problem(Location(name, line, column),
                   "binary content (a NUL byte): expected a YAML text file")


def check_characters(text: str, name: str) -> None:
    match = _NOT_PRINTABLE.search(text)
    if match is None:
        return
    line, column = char_position(text, match.start())
    char = match.group()
    if char == "\x00":
        raise FileInvalid([_binary(name, line, column)])
    raise FileInvalid([Problem(
        Location(name, line, column),
        f"character U+{ord(char):04X} is not allowed in YAML (a control or non-character code)",
    )])
