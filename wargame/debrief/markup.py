"""Making free text inert: Markdown escaping and safe Markdown-to-HTML for the briefing.

Everything a participant or trainer typed (move text, notes, hotline messages, lessons,
names) reaches a Markdown debrief through :func:`md_inline` or :func:`md_block`, which
backslash-escape every character GitHub-flavoured Markdown could read as syntax, so the
text renders as the literal characters that were typed. The HTML debrief relies on Jinja's
autoescaping instead; the one piece of Markdown meant to be rendered, the scenario
briefing, goes through markdown-it with raw HTML disabled.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

# Characters that start or end inline syntax anywhere in a line (emphasis, code, links,
# autolinks, raw HTML, entities, strikethrough, table cells, math in some renderers).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# Constructs that only matter at the start of a line: ATX headings, block quotes, bullet
# items, ordered items, setext underlines and thematic breaks.
_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+=](?=\s|$|[-+=])|\d{1,9}[.)](?=\s|$))")
_SAFE_SCHEMES = ("http:", "https:", "mailto:")


class MdSafe(str):
    """Markdown that is already safe to insert as is (the Markdown twin of Markup)."""

    __slots__ = ()


def escape_text_line(text: str) -> str:
    """Backslash-escape every character that could start or end inline syntax."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_line_start(line: str) -> str:
    """Escape a block construct (heading, quote, list item, setext line) opening ``line``."""
    match = _LINE_START.match(line)
    if match:
        token = match.group(1)
        if token[0].isdigit():  # "1." or "1)": escape the punctuation, not the number
            return token[:-1] + "\\" + line[len(token) - 1:]
        return "\\" + line
    return line


def _escape_line(line: str) -> str:
    return escape_line_start(escape_text_line(line.strip()))


def md_inline(value: object) -> MdSafe:
    """Free text for one line or one table cell: escaped, line breaks folded to spaces."""
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return MdSafe("")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return MdSafe(str(value))
    text = " ".join(str(value).split())
    return MdSafe(_escape_line(text))


def md_block(value: object) -> MdSafe:
    """Free text of several lines: each line escaped, line breaks kept as hard breaks."""
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return MdSafe("")
    lines = [_escape_line(line) for line in str(value).splitlines()]
    # Drop blank-line runs at the ends; keep paragraph breaks inside.
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    out: list[str] = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        out.append(line + ("\\" if line and nxt else ""))
    return MdSafe("\n".join(out))


def md_finalize(value: object) -> str:
    """Escape by default in Markdown templates, as autoescaping does in HTML ones."""
    return md_inline(value)


@lru_cache(maxsize=1)
def _markdown_it():
    from markdown_it import MarkdownIt

    # commonmark with tables and strikethrough; html off, so raw HTML is shown as text.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"])


def markdown_to_html(text: str, heading_offset: int = 2) -> Markup:
    """Render trusted-but-untrusting Markdown (the briefing) to HTML.

    Raw HTML is escaped by markdown-it (``html: False``) and its link validator refuses
    javascript:, vbscript:, file: and data: targets. Headings are pushed down
    ``heading_offset`` levels so the briefing nests under the debrief's own headings.
    """
    if not text or not text.strip():
        return Markup("")
    md = _markdown_it()
    tokens = md.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + heading_offset)
            token.tag = f"h{level}"
    return Markup(md.renderer.render(tokens, md.options, {}))


def markdown_for_markdown(text: str, *, heading_offset: int = 2) -> MdSafe:
    """The briefing kept as Markdown for a Markdown debrief, parsed and re-written safely
    (see :mod:`wargame.debrief.safe_markdown`)."""
    from wargame.debrief.safe_markdown import safe_markdown

    return safe_markdown(text, heading_offset=heading_offset)
