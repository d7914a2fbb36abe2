"""Trainer-written Markdown re-written as Markdown that no renderer can turn active.

Briefings and inject texts are Markdown on purpose, so the Markdown debrief keeps their
formatting. Line-by-line filtering cannot know where a code span or a reference
definition ends, so the text is parsed by markdown-it (raw HTML off, CommonMark rules)
and the syntax tree is written out again: only constructs emitted here reach the output,
every piece of text is backslash-escaped, code is fenced with a run of backticks longer
than any inside it, and a link keeps its target only when it is http(s), mailto or
relative. Raw HTML in the source is therefore text by the time it is written, whatever
renderer later reads the debrief, even one with HTML enabled and no link checks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from wargame.debrief.markup import MdSafe, escape_text_line

_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"])


def safe_target(href: str) -> str | None:
    """The link target to keep, percent-encoded, or None for a scheme that could run code."""
    plain = re.sub(r"[\x00-\x20\x7f]", "", href)
    if _SCHEME.match(plain) and not plain.lower().startswith(_SAFE_SCHEMES):
        return None
    # Nothing that could end the <...> destination or the line survives.
    return quote(plain, safe="/:?#[]@!$&'()*+,;=%-._~")


def _code_fence(content: str, char: str = "`") -> str:
    runs = [len(run) for run in re.findall(re.escape(char) + "+", content)]
    return char * max(3, max(runs, default=0) + 1)


def _code_span(content: str) -> str:
    runs = [len(run) for run in re.findall("`+", content)]
    ticks = "`" * (max(runs, default=0) + 1)
    content = content.replace("\n", " ")
    if content.startswith(("`", " ")) or content.endswith(("`", " ")):
        content = f" {content} "
    return f"{ticks}{content}{ticks}"


def _inline(node) -> str:
    out: list[str] = []
    for child in node.children:
        kind = child.type
        if kind == "text":
            out.append(escape_text_line(child.content))
        elif kind == "code_inline":
            out.append(_code_span(child.content))
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\\\n")
        elif kind == "em":
            out.append("*" + _inline(child) + "*")
        elif kind == "strong":
            out.append("**" + _inline(child) + "**")
        elif kind == "s":
            out.append("~~" + _inline(child) + "~~")
        elif kind in ("link", "image"):
            label = _inline(child) if kind == "link" else escape_text_line(child.content)
            target = safe_target(str(child.attrs.get("href") or child.attrs.get("src") or ""))
            out.append(f"[{label}](<{target}>)" if target else label)
        else:  # anything else a future markdown-it may add: its text only
            out.append(escape_text_line(child.content) if child.content else _inline(child))
    return "".join(out)


def _lines_safe(text: str) -> str:
    """Escape what would start a block at the start of each line (after a hard break)."""
    from wargame.debrief.markup import escape_line_start

    return "\n".join(escape_line_start(line) for line in text.split("\n"))


def _indent(text: str, pad: str, first: str) -> str:
    lines = text.split("\n")
    return "\n".join((first if i == 0 else (pad if line else "")) + line for i, line in enumerate(lines))


def _block(node, heading_offset: int) -> str:
    kind = node.type
    if kind == "paragraph":
        return _lines_safe(_inline(node.children[0])) if node.children else ""
    if kind == "heading":
        level = min(6, int(node.tag[1]) + heading_offset)
        return "#" * level + " " + _inline(node.children[0]).replace("\\\n", " ")
    if kind in ("bullet_list", "ordered_list"):
        start = int(node.attrs.get("start", 1) or 1) if kind == "ordered_list" else 1
        items = []
        for n, item in enumerate(node.children):
            marker = f"{start + n}. " if kind == "ordered_list" else "- "
            body = _blocks(item.children, heading_offset, tight=_tight(item))
            items.append(_indent(body or "", " " * len(marker), marker))
        return ("\n" if _tight(node) else "\n\n").join(items)
    if kind == "blockquote":
        body = _blocks(node.children, heading_offset)
        return "\n".join("> " + line if line else ">" for line in body.split("\n"))
    if kind in ("code_block", "fence"):
        content = node.content if node.content.endswith("\n") else node.content + "\n"
        fence = _code_fence(content)
        info = re.sub(r"[^A-Za-z0-9_+\-]", "", (node.info or "").split(" ")[0]) if kind == "fence" else ""
        return f"{fence}{info}\n{content}{fence}"
    if kind == "hr":
        return "* * *"
    if kind == "table":
        return _table(node)
    # html_block cannot occur with html off; keep any other block's text, escaped.
    return "\n".join(escape_text_line(line) for line in (node.content or "").splitlines())


def _tight(node) -> bool:
    return any(getattr(child, "hidden", False) for child in _walk(node))


def _walk(node):
    for child in node.children:
        yield child
        if child.type not in ("paragraph",):
            yield from _walk(child)


def _table(node) -> str:
    rows: list[list[str]] = []
    aligns: list[str] = []
    for section in node.children:
        for row in section.children:
            cells = []
            for cell in row.children:
                text = _inline(cell.children[0]) if cell.children else ""
                cells.append(text.replace("\\\n", " "))
                if section.type == "thead":
                    style = str(cell.attrs.get("style", ""))
                    aligns.append(":---:" if "center" in style else "---:" if "right" in style
                                  else ":---" if "left" in style else "---")
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    aligns += ["---"] * (width - len(aligns))
    out = ["| " + " | ".join(rows[0] + [""] * (width - len(rows[0]))) + " |",
           "|" + "|".join(aligns) + "|"]
    for row in rows[1:]:
        out.append("| " + " | ".join(row + [""] * (width - len(row))) + " |")
    return "\n".join(out)


def _blocks(nodes, heading_offset: int, tight: bool = False) -> str:
    parts = [_block(n, heading_offset) for n in nodes]
    return ("\n" if tight else "\n\n").join(p for p in parts if p)


def safe_markdown(text: str, *, heading_offset: int = 2) -> MdSafe:
    """``text`` (trainer-written Markdown) as Markdown that renders the same, minus the
    raw HTML (shown as text) and unsafe links (their label kept), headings pushed down
    ``heading_offset`` levels so they nest under the debrief's own."""
    from markdown_it.tree import SyntaxTreeNode

    if not text or not text.strip():
        return MdSafe("")
    tree = SyntaxTreeNode(_parser().parse(text))
    return MdSafe(_blocks(tree.children, heading_offset))
